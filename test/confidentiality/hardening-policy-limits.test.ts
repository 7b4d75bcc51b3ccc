// Policies used as they are, options read strictly, lists bounded, ids that name someone, and whoMayReceive reading a
// situation as checkDisclosure reads a request. Every expected value here is written out by hand.
import { describe, expect, it } from "vitest";
import {
  checkDisclosure,
  checkIndividualNote,
  type DisclosurePolicy,
  type DisclosureRequest,
  type DisclosureRule,
  defaultPolicy,
  definePolicy,
  explainDecision,
  findMemberMentions,
  redactMemberMentions,
  toAuditRecord,
  whoMayReceive,
} from "../../src/confidentiality/index";
import { GroupworkError } from "../../src/model/index";
import { consent, request, rule } from "./engine-fixtures";

const withConsent = definePolicy(
  [rule("with-consent", "permit", { when: (_, facts) => facts.consents.granting.length > 0 })],
  { version: "with-consent" },
);
const auditOptions = { decisionId: "d-1", at: "2026-03-10T10:00:02-05:00" };

function revoked<T extends object>(target: T): T {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

// A list that says it has `length` entries, each of them `entry`, and counts how often an entry is asked for.
function claimedList(length: number, entry: unknown): { list: unknown[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy([] as unknown[], {
    get(target, key, receiver) {
      if (key === "length") return length;
      if (typeof key === "string" && /^\d+$/.test(key)) {
        reads++;
        return entry;
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { list, reads: () => reads };
}

const withSensitivity = (sensitivity: unknown): DisclosureRequest => {
  const base = request();
  return {
    ...base,
    information: { ...base.information, labels: { ...base.information.labels, sensitivity: sensitivity as never } },
  };
};

describe("a policy is used as it is at each call", () => {
  it("sees a forbid pushed, an effect changed, a version changed and a malformed rule added to a hand-built policy", () => {
    const permit = rule("p", "permit");
    const policy = { version: "hand-1", rules: [permit] as DisclosureRule[] };
    const first = checkDisclosure(request(), { policy });
    expect([first.effect, first.basis, first.determiningRules]).toEqual(["permit", "explicit-permit", ["p"]]);

    const forbid = { ...rule("f", "forbid") };
    policy.rules.push(forbid);
    const second = checkDisclosure(request(), { policy });
    expect([second.effect, second.basis, second.determiningRules]).toEqual(["deny", "explicit-forbid", ["f"]]);

    // The forbid turned into a permit: both permits hold, listed by id.
    (forbid as { effect: string }).effect = "permit";
    policy.version = "hand-2";
    const third = checkDisclosure(request(), { policy });
    expect([third.effect, third.determiningRules, third.policyVersion]).toEqual(["permit", ["f", "p"], "hand-2"]);

    policy.rules.push({ id: "bad", effect: "permit" } as never);
    expect(() => checkDisclosure(request(), { policy })).toThrow(GroupworkError);
    expect(() => checkDisclosure(request(), { policy })).toThrow(/policy\.rules\[2\] \("bad"\): description must be/);
  });

  it("reads each rule of a hand-built policy once per call, so a getter cannot pass the check and then change", () => {
    let reads = 0;
    const shifty = {
      ...rule("s", "forbid"),
      get effect() {
        reads++;
        return reads % 2 === 1 ? "forbid" : "permit";
      },
    };
    const decision = checkDisclosure(request(), { policy: { version: "v", rules: [shifty as DisclosureRule] } });
    expect([decision.effect, decision.basis, reads]).toEqual(["deny", "explicit-forbid", 1]);
  });

  it("keeps the policies definePolicy makes frozen, so remembering them is safe", () => {
    expect(Object.isFrozen(withConsent)).toBe(true);
    expect(Object.isFrozen(withConsent.rules)).toBe(true);
    expect(withConsent.rules.every((one) => Object.isFrozen(one) && Object.isFrozen(one.obligations))).toBe(true);
    expect(() => (withConsent.rules as DisclosureRule[]).push(rule("f", "forbid"))).toThrow(TypeError);
  });

  it.each([
    ["an empty version", { version: "", rules: [] }],
    ["a version of spaces", { version: "  ", rules: [] }],
  ])("refuses a hand-built policy with %s", (_, policy) => {
    expect(() => checkDisclosure(request(), { policy })).toThrow(GroupworkError);
    expect(() => checkDisclosure(request(), { policy })).toThrow(
      /^checkDisclosure: options\.policy must be a policy with a version \(a non-empty string\)/,
    );
  });
});

describe("option keys no function reads are refused", () => {
  const roster = [{ id: "m-hope", displayName: "Hope Martin" }];
  const denyAll = definePolicy([rule("no", "forbid")], { version: "deny-all" });

  it.each<[string, () => unknown, string]>([
    [
      "checkDisclosure",
      () => checkDisclosure(request(), { polciy: denyAll } as never),
      'checkDisclosure: options has the key "polciy", which it does not take; it takes "policy".',
    ],
    [
      "whoMayReceive",
      () => whoMayReceive({ ...request() }, [], { polciy: denyAll } as never),
      'whoMayReceive: options has the key "polciy", which it does not take; it takes "policy".',
    ],
    [
      "toAuditRecord",
      () => toAuditRecord(request(), checkDisclosure(request()), { ...auditOptions, decisionid: "d-2" } as never),
      'toAuditRecord: options has the key "decisionid", which it does not take; it takes "decisionId", "at".',
    ],
    [
      "definePolicy",
      () => definePolicy([], { version: "v", extend: defaultPolicy } as never),
      'definePolicy: options has the key "extend", which it does not take; it takes "extends", "version".',
    ],
    [
      "findMemberMentions",
      () => findMemberMentions("Hope", roster, { subject: "m-hope", stict: true } as never),
      'findMemberMentions: options has the key "stict", which it does not take; it takes "subject", ' +
        '"strict", "commonWordNames".',
    ],
    [
      "findMemberMentions, given redactMemberMentions' replacement",
      () => findMemberMentions("Hope", roster, { subject: "m-hope", replacement: "a peer" } as never),
      'findMemberMentions: options has the key "replacement", which it does not take; it takes "subject", ' +
        '"strict", "commonWordNames".',
    ],
    [
      "redactMemberMentions",
      () => redactMemberMentions("Hope", roster, { subject: "m-hope", replacment: "a peer" } as never),
      'redactMemberMentions: options has the key "replacment", which it does not take; it takes "subject", ' +
        '"strict", "commonWordNames", "replacement".',
    ],
    [
      "checkIndividualNote",
      () => checkIndividualNote("Hope", roster, { subject: "m-hope", commonWords: [] } as never),
      'checkIndividualNote: options has the key "commonWords", which it does not take; it takes "subject", ' +
        '"strict", "commonWordNames".',
    ],
  ])("%s throws invalid-argument naming the misspelt key", (_, call, message) => {
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
  });

  it("never falls back to the default policy for a misspelt policy key", () => {
    // The default policy permits this (Hope's written consent covers Dr. Osei); a misspelt key must not make it so.
    const asked = request({ consents: [consent()] });
    expect(checkDisclosure(asked).effect).toBe("permit");
    expect(() => checkDisclosure(asked, { Policy: denyAll } as never)).toThrow(/has the key "Policy"/);
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      "checkDisclosure, options as an array",
      () => checkDisclosure(request(), [] as never),
      /^checkDisclosure: options must be an object/,
    ],
    [
      "whoMayReceive, options as an array",
      () => whoMayReceive({ ...request() }, [], [] as never),
      /^whoMayReceive: options must be an object/,
    ],
    [
      "toAuditRecord, options as an array",
      () => toAuditRecord(request(), checkDisclosure(request()), [] as never),
      /^toAuditRecord: options must be an object/,
    ],
    [
      "checkDisclosure, revoked options",
      () => checkDisclosure(request(), revoked({})),
      /^checkDisclosure: options could not be read/,
    ],
    [
      "whoMayReceive, revoked options",
      () => whoMayReceive({ ...request() }, [], revoked({})),
      /^whoMayReceive: options could not be read/,
    ],
    [
      "definePolicy, revoked options",
      () => definePolicy([], revoked({})),
      /^definePolicy: rules and options could not be read/,
    ],
    [
      "findMemberMentions, revoked options",
      () => findMemberMentions("Hope", [], revoked({ subject: "m" })),
      /^findMemberMentions: options could not be read/,
    ],
    [
      "explainDecision, a revoked decision",
      () => explainDecision(revoked(checkDisclosure(request()))),
      /^explainDecision: decision could not be read/,
    ],
  ])("%s throws invalid-argument", (_, call, message) => {
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
  });
});

describe("a list longer than 10,000 entries is refused before any entry is read", () => {
  it("denies a request whose labels claim 2 ** 32 - 1 entries, at once and without reading one", () => {
    const { list, reads } = claimedList(2 ** 32 - 1, "MH");
    const decision = checkDisclosure(withSensitivity(list));
    expect([decision.effect, decision.basis]).toEqual(["deny", "invalid-request"]);
    expect(decision.errors).toEqual([
      {
        code: "invalid-request",
        path: "information.labels.sensitivity",
        message:
          "information.labels.sensitivity: has 4294967295 entries, more than the 10000 a list may hold; send it as " +
          "plain data, with no more entries than that.",
      },
    ]);
    expect(reads()).toBe(0);
  });

  it.each([
    ["consents", (list: unknown[]) => request({ consents: list as never })],
    ["consents[0].recipients", (list: unknown[]) => request({ consents: [consent({ recipients: list as never })] })],
    [
      "consents[0].withholdFrom",
      (list: unknown[]) => request({ consents: [consent({ withholdFrom: list as never })] }),
    ],
    ["consents[0].purposes", (list: unknown[]) => request({ consents: [consent({ purposes: list as never })] })],
  ])("denies a request whose %s claims 2 ** 32 - 1 entries", (path, build) => {
    const { list, reads } = claimedList(2 ** 32 - 1, {});
    const decision = checkDisclosure(build(list));
    expect(decision.basis).toBe("invalid-request");
    expect(decision.errors.map((error) => error.path)).toEqual([path]);
    expect(reads()).toBe(0);
  });

  it("reads a list of exactly 10,000 entries and refuses one of 10,001", () => {
    const atBound = checkDisclosure(withSensitivity(Array.from({ length: 10_000 }, () => "MH")), {
      policy: withConsent,
    });
    // Read, and decided by the policy: no consent is on file, so no rule permits it.
    expect(atBound.basis).toBe("default-deny");
    const past = checkDisclosure(withSensitivity(Array.from({ length: 10_001 }, () => "MH")), { policy: withConsent });
    expect(past.errors.map((error) => error.message)).toEqual([
      "information.labels.sensitivity: has 10001 entries, more than the 10000 a list may hold; send it as plain " +
        "data, with no more entries than that.",
    ]);
  });

  it("denies a list whose length is not a count rather than reading it as empty", () => {
    const { list } = claimedList("many" as never, "MH");
    const decision = checkDisclosure(withSensitivity(list));
    expect(decision.errors.map((error) => error.message)).toEqual([
      'information.labels.sensitivity: has a length of "many", which is not a count; send it as plain data, with no ' +
        "more entries than that.",
    ]);
  });

  it("refuses the same list in toAuditRecord with a GroupworkError, without reading an entry", () => {
    const { list, reads } = claimedList(2 ** 32 - 1, "MH");
    const call = () => toAuditRecord(withSensitivity(list), checkDisclosure(request()), auditOptions);
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(
      "toAuditRecord: request.information.labels.sensitivity has 4294967295 entries, more than the 10000 a list may " +
        "hold; pass it as plain data.",
    );
    expect(reads()).toBe(0);
  });

  it.each<[string, () => unknown, string]>([
    [
      "whoMayReceive's candidates",
      () => whoMayReceive({ ...request() }, claimedList(2 ** 32 - 1, {}).list as never),
      "whoMayReceive: candidates has 4294967295 entries, more than the 10000 a list may hold.",
    ],
    [
      "a hand-built policy's rules",
      () =>
        checkDisclosure(request(), {
          policy: { version: "v", rules: claimedList(2 ** 32 - 1, rule("p", "permit")).list as never },
        }),
      "checkDisclosure: options.policy.rules has 4294967295 entries, more than the 10000 a list may hold.",
    ],
    [
      "definePolicy's rules",
      () => definePolicy(claimedList(2 ** 32 - 1, rule("p", "permit")).list as never),
      "rules has 4294967295 entries, more than the 10000 a list may hold.",
    ],
  ])("refuses %s when they claim 2 ** 32 - 1 entries", (_, call, message) => {
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
  });
});

describe("an id of only whitespace is no id", () => {
  it.each([
    ["information.groupId", request({ information: { ...request().information, groupId: " " } })],
    ["information.memberId", request({ information: { ...request().information, memberId: "\t\n" } })],
    ["consents[0].id", request({ consents: [consent({ id: " " })] })],
    ["consents[0].memberId", request({ consents: [consent({ memberId: "\u00a0" })] })],
    ["recipient.id", request({ recipient: { ...request().recipient, id: "   " } })],
    // Invisible characters name no one either, in a record or in an audit log.
    ["information.groupId", request({ information: { ...request().information, groupId: "\u200b" } })],
    ["consents[0].id", request({ consents: [consent({ id: "\u2060\u00ad" })] })],
  ])("denies a request whose %s is only whitespace or invisible characters", (path, asked) => {
    // With a consent of " " on file this policy permitted, and the advice named consent " ".
    const decision = checkDisclosure(asked, { policy: withConsent });
    expect([decision.effect, decision.basis]).toEqual(["deny", "invalid-request"]);
    expect(decision.errors).toEqual([
      {
        code: "invalid-request",
        path,
        message: `${path}: must be a non-empty string, not only whitespace or invisible characters.`,
      },
    ]);
  });

  it("refuses an audit record whose decision id is only whitespace", () => {
    const call = () => toAuditRecord(request(), checkDisclosure(request()), { ...auditOptions, decisionId: " " });
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(
      'toAuditRecord: options.decisionId must be a non-empty string with more than whitespace, not " ".',
    );
  });

  it("leaves a group id of only whitespace out of the audit record and names it", () => {
    const asked = request({ information: { ...request().information, groupId: " " } });
    const record = toAuditRecord(asked, checkDisclosure(asked), auditOptions);
    expect(record.information.groupId).toBeUndefined();
    expect(record.omitted).toEqual(["information.groupId"]);
  });
});

describe("whoMayReceive reads a situation as checkDisclosure reads a request", () => {
  // Hope's attendance with her consent on file, as a class whose fields are getters on its prototype. How often
  // `information` is read is counted beside the instance, since an own field the request type does not name is refused.
  const reads = new WeakMap<object, number>();
  class HopeAttendance {
    get information(): DisclosureRequest["information"] {
      reads.set(this, (reads.get(this) ?? 0) + 1);
      return request().information;
    }
    get consents(): DisclosureRequest["consents"] {
      return [consent()];
    }
    get at(): string {
      return "2026-03-10T10:00:00-05:00";
    }
  }
  const osei = request().recipient;

  it("permits the class instance as checkDisclosure does, with the same decision", () => {
    const alone = checkDisclosure(Object.assign(new HopeAttendance(), { recipient: osei, purpose: "COC" as const }), {
      policy: withConsent,
    });
    expect([alone.effect, alone.determiningRules]).toEqual(["permit", ["with-consent"]]);
    const answer = whoMayReceive(new HopeAttendance(), [{ recipient: osei, purpose: "COC" }], { policy: withConsent });
    expect(answer.permitted.map((one) => one.decision)).toEqual([alone]);
    expect(answer.denied).toEqual([]);
  });

  it("reads each field of the situation once, however many candidates", () => {
    const situation = new HopeAttendance();
    const candidates = [
      { recipient: osei, purpose: "COC" as const },
      { recipient: osei, purpose: "TREAT" as const },
      { recipient: { kind: "payer" as const }, purpose: "HPAYMT" as const },
    ];
    const answer = whoMayReceive(situation, candidates, { policy: withConsent });
    // The consent covers Dr. Osei for COC and TREAT; it names no payer.
    expect([answer.permitted.map((one) => one.index), answer.denied.map((one) => one.index)]).toEqual([[0, 1], [2]]);
    expect(reads.get(situation)).toBe(1);
  });

  it("throws invalid-argument naming the situation when reading it throws", () => {
    const call = () => whoMayReceive(revoked({ ...request() }), [{ recipient: osei, purpose: "COC" }]);
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(/^whoMayReceive: situation could not be read/);
  });
});

describe("explainDecision refuses a decision that contradicts itself", () => {
  const permit = checkDisclosure(request({ consents: [consent()] }), { policy: withConsent });
  const forbid = checkDisclosure(request(), { policy: definePolicy([rule("no", "forbid")], { version: "v" }) });

  it("refuses a permit that carries errors", () => {
    const forged = { ...permit, errors: [{ code: "rule-failed", ruleId: "x", message: "Rule x failed." }] };
    expect(() => explainDecision(forged as never)).toThrow(
      /^explainDecision: decision\.errors must be empty for basis "explicit-permit", not an array of 1 item\.$/,
    );
  });

  it("refuses a deny whose reason says a rule permits it", () => {
    const forged = { ...forbid, reasons: [{ code: "rule-permits", ruleId: "no", message: "Rule no permits it." }] };
    expect(() => explainDecision(forged as never)).toThrow(
      'explainDecision: decision.reasons[0].code must be "rule-forbids" for basis "explicit-forbid", not "rule-permits".',
    );
  });

  it("still explains the decisions checkDisclosure returns", () => {
    expect(explainDecision(forbid)).toEqual([
      "This must not be shared.",
      "Rule no forbids (Test source no).",
      "Decided under policy v.",
    ]);
    const policy: DisclosurePolicy = {
      version: "hand",
      rules: [
        rule("b", "forbid", {
          when: () => {
            throw new Error("x");
          },
        }),
      ],
    };
    expect(explainDecision(checkDisclosure(request(), { policy }))[0]).toBe(
      "This must not be shared for now: the check could not finish, and it fails closed.",
    );
  });
});
