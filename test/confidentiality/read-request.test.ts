// checkDisclosure reads a request once, into a plain frozen copy of the fields its type names, and decides on that
// copy: a getter or a Proxy cannot answer the check one way and a rule another, a host's own fields never reach a rule,
// and a value that cannot be read at all (a getter that throws, a revoked Proxy) makes the request invalid, located at
// the part being read (`recipient`, `consents[1]`), instead of a raw TypeError.
import { describe, expect, it } from "vitest";
import { checkDisclosure, type DisclosureRequest, definePolicy, whoMayReceive } from "../../src/confidentiality/index";
import { consent, request, rule } from "./engine-fixtures";

/** A policy whose one permit rule holds always and keeps each request it is shown. */
function watching(): { policy: ReturnType<typeof definePolicy>; seen: DisclosureRequest[] } {
  const seen: DisclosureRequest[] = [];
  const policy = definePolicy(
    [
      rule("watch", "permit", {
        when: (asked) => {
          seen.push(asked);
          return true;
        },
      }),
    ],
    { version: "watch" },
  );
  return { policy, seen };
}

/** Whether a value and everything it holds is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen);
}

function revoked<T extends object>(target: T): T {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

describe("the copy the rules see", () => {
  it("is frozen throughout and holds the request's values", () => {
    const { policy, seen } = watching();
    const asked = request({ consents: [consent()], circumstances: { courtOrder: true } });
    expect(checkDisclosure(asked, { policy }).effect).toBe("permit");
    const [copy] = seen;
    expect(copy).not.toBe(asked);
    expect(deeplyFrozen(copy)).toBe(true);
    expect(copy).toEqual(request({ consents: [consent()], circumstances: { courtOrder: true } }));
    // The caller's request stays the caller's: not frozen, not changed.
    expect(Object.isFrozen(asked)).toBe(false);
  });

  it("refuses a host's own field rather than leave it out, so no rule ever sees a request the check did not read", () => {
    const { policy, seen } = watching();
    const asked = { ...request(), text: "Hope said she sleeps badly." };
    const decision = checkDisclosure(asked, { policy });
    expect([decision.basis, decision.errors.map((error) => error.path)]).toEqual(["invalid-request", ["text"]]);
    expect(seen).toEqual([]);
  });

  it("holds the value a getter gave when it was checked, read once, whatever it answers afterwards", () => {
    const { policy, seen } = watching();
    let reads = 0;
    const information = {
      ...request().information,
      get kind() {
        reads++;
        return reads === 1 ? "attendance" : "process-note";
      },
    };
    const decision = checkDisclosure({ ...request(), information } as DisclosureRequest, { policy });
    expect([decision.effect, reads, seen[0]?.information.kind]).toEqual(["permit", 1, "attendance"]);
    // Nor can a getter that is valid when checked turn into junk for the rules.
    let junkAfter = 0;
    const recipient = {
      ...request().recipient,
      get name() {
        junkAfter++;
        return junkAfter === 1 ? "Dr. Amara Osei" : 42;
      },
    };
    checkDisclosure({ ...request(), recipient } as DisclosureRequest, { policy });
    expect([junkAfter, seen[1]?.recipient.name]).toEqual([1, "Dr. Amara Osei"]);
  });

  it("is what the default policy decides on: a getter that hides a withholding after the check cannot open it", () => {
    const withheld = consent({ recipients: [], withholdFrom: [{ kind: "outside-provider", name: "Dr. Amara Osei" }] });
    let reads = 0;
    const sneaky = {
      ...withheld,
      get withholdFrom() {
        reads++;
        return reads === 1 ? withheld.withholdFrom : [];
      },
    };
    const decision = checkDisclosure(request({ consents: [consent(), sneaky] }));
    expect([decision.effect, decision.determiningRules, reads]).toEqual(["deny", ["withhold-from-named-person"], 1]);
  });
});

describe("a request that cannot be read", () => {
  const couldNotRead = (path: string) =>
    new RegExp(
      `^${path.replace(/[[\].]/g, "\\$&")}: could not be read \\(reading it threw .+\\); send the request as plain data\\.$`,
    );

  function refused(asked: unknown): [string | undefined, string][] {
    const decision = checkDisclosure(asked as DisclosureRequest, { policy: watching().policy });
    expect([decision.effect, decision.basis, decision.matchedRules]).toEqual([
      "deny",
      "invalid-request",
      { permit: [], forbid: [] },
    ]);
    return decision.errors.map((error) => [error.path, error.message]);
  }

  it("names the part whose field threw when read, with what it threw", () => {
    const recipient = {
      kind: "outside-provider",
      get name(): string {
        throw new Error("the directory is offline");
      },
    };
    expect(refused({ ...request(), recipient })).toEqual([
      [
        "recipient",
        'recipient: could not be read (reading it threw "the directory is offline"); send the request as plain data.',
      ],
    ]);
  });

  it.each<[string, () => unknown, string]>([
    ["the request itself", () => revoked(request()), "request"],
    ["its information", () => ({ ...request(), information: revoked(request().information) }), "information"],
    [
      "its labels",
      () => ({ ...request(), information: { ...request().information, labels: revoked({}) } }),
      "information.labels",
    ],
    ["its recipient", () => ({ ...request(), recipient: revoked(request().recipient) }), "recipient"],
    ["its list of consents", () => request({ consents: revoked([consent()]) }), "consents"],
    ["one consent", () => request({ consents: [consent(), revoked(consent())] }), "consents[1]"],
    [
      "a party of a consent",
      () => request({ consents: [consent({ recipients: [revoked({ kind: "payer" as const })] })] }),
      "consents[0].recipients[0]",
    ],
  ])("is denied, not thrown about, when %s is a revoked Proxy", (_, asked, path) => {
    const errors = refused(asked());
    expect(errors.map(([at]) => at)).toEqual([path]);
    expect(errors[0]?.[1]).toMatch(couldNotRead(path));
  });

  // An object whose one field throws when read, and a list whose one entry does.
  const throwing = <T extends object>(value: T, field: string): T =>
    Object.defineProperty({ ...value }, field, {
      enumerable: true,
      get() {
        throw new Error(`${field} is gone`);
      },
    });
  const throwingEntry = <T>(entries: T[], index: number): T[] =>
    Object.defineProperty([...entries], index, {
      enumerable: true,
      get() {
        throw new Error(`entry ${index} is gone`);
      },
    });

  it.each<[string, () => unknown]>([
    ["circumstances", () => request({ circumstances: throwing({ courtOrder: true }, "imminentThreat") })],
    ["subject", () => request({ subject: throwing({ minor: false }, "consentedToOwnCare") })],
    ["jurisdiction", () => request({ jurisdiction: throwing({}, "dutyToWarn") })],
    [
      "information.labels",
      () => ({
        ...request(),
        information: { ...request().information, labels: throwing(request().information.labels, "law") },
      }),
    ],
    [
      "information.labels.sensitivity[1]",
      () => {
        const information = request().information;
        return {
          ...request(),
          information: {
            ...information,
            labels: { ...information.labels, sensitivity: throwingEntry(["SUD", "MH"], 1) },
          },
        };
      },
    ],
    ["consents[0]", () => request({ consents: [throwing(consent(), "validFrom")] })],
    ["consents[1]", () => request({ consents: throwingEntry([consent(), consent({ id: "c-2" })], 1) })],
    [
      "consents[0].withholdFrom[0]",
      () => request({ consents: [consent({ withholdFrom: [throwing({ kind: "payer" as const }, "name")] })] }),
    ],
  ])("is denied at %s when a field there throws when read", (path, asked) => {
    const errors = refused(asked());
    expect(errors.map(([at]) => at)).toEqual([path]);
    expect(errors[0]?.[1]).toMatch(couldNotRead(path));
    expect(errors[0]?.[1]).toContain("is gone");
  });

  it("names the request itself when one of its own fields throws, and describes what it threw even when that cannot be read", () => {
    const asked = throwing(request(), "purpose");
    expect(refused(asked)).toEqual([
      ["request", 'request: could not be read (reading it threw "purpose is gone"); send the request as plain data.'],
    ]);
    // What was thrown is itself a revoked Proxy: the message still says something, and nothing is thrown.
    const strange = Object.defineProperty({ ...request() }, "at", {
      enumerable: true,
      get() {
        throw revoked({});
      },
    });
    expect(refused(strange)).toEqual([
      [
        "request",
        "request: could not be read (reading it threw an object that cannot be read); send the request as plain data.",
      ],
    ]);
  });

  it("reports a revoked Proxy where a code belongs as a value that is not a known code", () => {
    expect(refused({ ...request(), purpose: revoked({}) })).toEqual([
      ["purpose", "purpose: an object that cannot be read is not a known code."],
    ]);
  });

  it("keeps the problems found before the unreadable field", () => {
    const asked = { ...request(), purpose: "FUN", subject: revoked({}) };
    expect(refused(asked).map(([path]) => path)).toEqual(["purpose", "subject"]);
  });

  it("reports a Proxy whose trap throws on one field at its part, and reads a well-behaved Proxy as what it stands for", () => {
    const trapped = new Proxy(request().information, {
      get(target, key, receiver) {
        if (key === "groupId") throw new RangeError("no group here");
        return Reflect.get(target, key, receiver);
      },
    });
    expect(refused({ ...request(), information: trapped })).toEqual([
      [
        "information",
        'information: could not be read (reading it threw "no group here"); send the request as plain data.',
      ],
    ]);
    const plain = new Proxy(request({ consents: [consent()] }), {});
    expect(checkDisclosure(plain).determiningRules).toEqual(["disclosure-with-consent"]);
  });

  it("denies whoMayReceive's candidates for an unreadable situation, one by one", () => {
    const { recipient, purpose, ...situation } = request();
    const answer = whoMayReceive({ ...situation, information: revoked(situation.information) }, [
      { recipient, purpose },
    ]);
    expect(answer.permitted).toEqual([]);
    expect(answer.denied.map((one) => [one.decision.basis, one.decision.errors[0]?.path])).toEqual([
      ["invalid-request", "information"],
    ]);
  });
});
