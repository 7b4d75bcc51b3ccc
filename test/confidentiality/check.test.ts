// checkDisclosure reads untrusted requests: a bad one is denied with every problem listed, never thrown about.
import { describe, expect, it } from "vitest";
import { checkDisclosure, type DisclosureRequest, definePolicy } from "../../src/confidentiality/index";
import { defaultPolicy } from "../../src/confidentiality/rules/index";
import { GroupworkError } from "../../src/model/index";
import { consent, deepFreeze, request, rule } from "./engine-fixtures";

const permitAll = definePolicy([rule("all", "permit")], { version: "permit-all" });

function problems(input: unknown): [string | undefined, string][] {
  const decision = checkDisclosure(input as DisclosureRequest, { policy: permitAll });
  expect(decision.effect).toBe("deny");
  expect(decision.basis).toBe("invalid-request");
  expect(decision.determiningRules).toEqual([]);
  expect(decision.obligations).toEqual([]);
  expect(decision.policyVersion).toBe("permit-all");
  return decision.errors.map((error) => {
    expect(error.code).toBe("invalid-request");
    return [error.path, error.message];
  });
}

describe("checkDisclosure", () => {
  it("decides a valid request with the policy given", () => {
    expect(checkDisclosure(request(), { policy: permitAll }).basis).toBe("explicit-permit");
  });

  it("uses the default policy when none is given", () => {
    expect(checkDisclosure(request()).policyVersion).toBe(defaultPolicy.version);
  });

  it("refuses fields the request type does not name (a misspelt fact must not be left out), each with its path", () => {
    const withText = { ...request(), text: "Hope said…", information: { ...request().information, text: "…" } };
    const decision = checkDisclosure(withText as DisclosureRequest, { policy: permitAll });
    expect([decision.effect, decision.basis]).toEqual(["deny", "invalid-request"]);
    expect(decision.errors.map((error) => error.path)).toEqual(["text", "information.text"]);
  });

  it("denies a threat warning whose jurisdiction is misspelt, rather than decide as if none were given", () => {
    // Written correctly, a state without a duty to warn keeps the threat in the group (serious-threat-disclosure needs
    // a duty or a permission); misspelt, the setting would be left out and the default permission would apply.
    const threat = {
      information: {
        kind: "self-disclosure",
        memberId: "m-hope",
        groupId: "g-1",
        labels: { confidentiality: "R", sensitivity: [], law: [] },
      },
      recipient: { kind: "person-at-risk", isSubject: false, withinAgency: false },
      purpose: "THREAT",
      at: "2026-03-10T10:00:00-05:00",
      circumstances: { imminentThreat: true },
    };
    const misspelt = checkDisclosure({
      ...threat,
      jurisdicton: { dutyToWarn: "none" },
    } as unknown as DisclosureRequest);
    expect([misspelt.effect, misspelt.basis, misspelt.errors[0]?.path]).toEqual([
      "deny",
      "invalid-request",
      "jurisdicton",
    ]);
    const insideKey = checkDisclosure({
      ...threat,
      jurisdiction: { dutyToWarm: "none" },
    } as unknown as DisclosureRequest);
    expect([insideKey.effect, insideKey.errors[0]?.path]).toEqual(["deny", "jurisdiction.dutyToWarm"]);
    const consentKey = checkDisclosure({
      ...request({ consents: [{ ...consent(), withholdFom: [] } as never] }),
    });
    expect([consentKey.effect, consentKey.errors[0]?.path]).toEqual(["deny", "consents[0].withholdFom"]);
  });

  it("does not change a request, however deeply frozen", () => {
    const frozen = deepFreeze(request({ consents: [consent()], circumstances: { courtOrder: true } }));
    expect(checkDisclosure(frozen, { policy: permitAll }).effect).toBe("permit");
  });

  it("denies a request that is not an object", () => {
    expect(problems(null)).toEqual([["request", "request: must be an object."]]);
    expect(problems([])).toEqual([["request", "request: must be an object."]]);
  });

  it("lists every problem of a request, each with its path", () => {
    const input = {
      information: { kind: "diary", memberId: "", groupId: 7, authorId: "", deidentified: "yes", labels: null },
      recipient: { kind: "neighbour", id: 3, isSubject: "no", mayOverride: 1 },
      purpose: "FUN",
      at: "2026-03-10T10:00:00",
      circumstances: { imminentThreat: "yes" },
      subject: { minor: 0, consentedToOwnCare: null },
      jurisdiction: { dutyToWarn: "sometimes", minorConsent: "parent" },
      consents: "none",
    };
    expect(problems(input)).toEqual([
      ["information.kind", 'information.kind: "diary" is not a known code.'],
      ["information.memberId", "information.memberId: must be a non-empty string."],
      ["information.groupId", "information.groupId: must be a non-empty string."],
      ["information.authorId", "information.authorId: must be a non-empty string."],
      ["information.deidentified", "information.deidentified: must be true or false when given."],
      ["information.labels", "information.labels: must be an object."],
      ["recipient.kind", 'recipient.kind: "neighbour" is not a known code.'],
      ["recipient.id", "recipient.id: must be a non-empty string."],
      ["recipient.isSubject", "recipient.isSubject: must be true or false when given."],
      ["recipient.mayOverride", "recipient.mayOverride: must be true or false when given."],
      ["purpose", 'purpose: "FUN" is not a known code.'],
      ["at", "at: must be an ISO 8601 instant with an offset, such as 2026-03-02T17:00:00-05:00."],
      ["circumstances.imminentThreat", "circumstances.imminentThreat: must be true or false when given."],
      ["subject.minor", "subject.minor: must be true or false when given."],
      ["subject.consentedToOwnCare", "subject.consentedToOwnCare: must be true or false when given."],
      ["jurisdiction.dutyToWarn", 'jurisdiction.dutyToWarn: "sometimes" is not a known code.'],
      ["jurisdiction.minorConsent", 'jurisdiction.minorConsent: "parent" is not a known code.'],
      ["consents", "consents: must be an array of consents when given."],
    ]);
  });

  it("checks labels, and the parts of a request that must be objects", () => {
    const labels = { confidentiality: "X", sensitivity: ["SUD", "GOSSIP"], law: "42CFRPart2" };
    const input = { ...request(), information: { ...request().information, labels }, circumstances: "none" };
    expect(problems(input)).toEqual([
      ["information.labels.confidentiality", 'information.labels.confidentiality: "X" is not a known code.'],
      ["information.labels.sensitivity[1]", 'information.labels.sensitivity[1]: "GOSSIP" is not a known code.'],
      ["information.labels.law", "information.labels.law: must be an array of codes (empty for none)."],
      ["circumstances", "circumstances: must be an object."],
    ]);
    expect(problems({ ...request(), information: undefined, recipient: "Dr. Osei" })).toEqual([
      ["information", "information: must be an object."],
      ["recipient", "recipient: must be an object."],
    ]);
  });

  it.each(["2026-03-10T10:00-05:00", "2026-03-10T15:00Z", "2026-03-10T10:00:00.5-05:00"])(
    "reads the moment %j, ISO 8601 with an offset and seconds optional",
    (at) => {
      expect(checkDisclosure(request({ at }), { policy: permitAll }).basis).toBe("explicit-permit");
    },
  );

  it.each([
    "2026-03-10",
    "2026-03-10T10",
    "2026-03-10T10:00:00-0500",
    "2026-02-30T10:00:00Z",
    "yesterday",
    1773154800000,
  ])("refuses the moment %j", (at) => {
    expect(problems({ ...request(), at }).map(([path]) => path)).toEqual(["at"]);
  });

  it("checks each consent on file", () => {
    const bad = {
      id: "",
      memberId: 4,
      grantedBy: "friend",
      recipients: [{ kind: "payer", name: "" }, "Dr. Osei"],
      purposes: ["COC", "GOSSIP"],
      dataClasses: "attendance",
      validFrom: "soon",
      validUntil: "2026-13-01T00:00:00Z",
      revokedAt: null,
      form: "signed",
      legalBasis: "handshake",
      withholdFrom: { kind: "payer" },
    };
    expect(problems(request({ consents: [consent(), bad as never] })).map(([path]) => path)).toEqual([
      "consents[1].id",
      "consents[1].memberId",
      "consents[1].grantedBy",
      "consents[1].recipients[0].name",
      "consents[1].recipients[1]",
      "consents[1].purposes[1]",
      "consents[1].dataClasses",
      "consents[1].validFrom",
      "consents[1].validUntil",
      "consents[1].revokedAt",
      "consents[1].form",
      "consents[1].legalBasis",
      "consents[1].withholdFrom",
    ]);
    expect(problems(request({ consents: [null as never] }))).toEqual([
      ["consents[0]", "consents[0]: must be an object."],
    ]);
    expect(problems(request({ consents: [consent({ recipients: "all" as never })] })).map(([path]) => path)).toEqual([
      "consents[0].recipients",
    ]);
  });

  // A fact the caller asserts lifts a forbid or opens a permit, so facts that contradict the request's own ids or the
  // recipient's kind make it unreadable rather than trusted.
  it("refuses a member who says they are the subject but carries another member's id", () => {
    const lenaAsksForHopes = {
      ...request(),
      information: { ...request().information, kind: "progress-note" },
      recipient: { kind: "group-member", id: "m-lena", isSubject: true },
      purpose: "PATRQT",
    };
    expect(problems(lenaAsksForHopes)).toEqual([
      [
        "recipient.isSubject",
        'recipient.isSubject: is true, but recipient.id "m-lena" is not information.memberId "m-hope".',
      ],
    ]);
    // The default policy would have permitted it as Hope's own record; now it is denied as unreadable.
    const decision = checkDisclosure(lenaAsksForHopes as DisclosureRequest);
    expect([decision.effect, decision.basis, decision.matchedRules]).toEqual([
      "deny",
      "invalid-request",
      { permit: [], forbid: [] },
    ]);
    const hopeAsks = { ...lenaAsksForHopes, recipient: { kind: "group-member", id: "m-hope", isSubject: true } };
    expect(checkDisclosure(hopeAsks as DisclosureRequest).determiningRules).toEqual(["member-own-record"]);
  });

  it.each([
    ["public", "withinAgency"],
    ["person-at-risk", "withinAgency"],
    ["outside-provider", "withinAgency"],
    ["group-member", "withinAgency"],
    ["public", "isSubject"],
    ["payer", "isOriginator"],
  ] as const)("refuses a %s recipient said to have %s", (kind, fact) => {
    const asked = {
      ...request(),
      information: {
        ...request().information,
        labels: { confidentiality: "R", sensitivity: ["SUD"], law: ["42CFRPart2"] },
      },
      recipient: { kind, [fact]: true },
    };
    const found = problems(asked);
    expect(found.map(([path]) => path)).toEqual([`recipient.${fact}`]);
    expect(found[0]?.[1]).toContain(`a recipient of kind "${kind}"`);
    // With the default policy the Part 2 forbid would otherwise have stepped aside.
    expect(checkDisclosure(asked as DisclosureRequest).basis).toBe("invalid-request");
  });

  it("refuses an originator whose id is not the information's author", () => {
    const asked = {
      ...request(),
      information: { ...request().information, kind: "process-note", authorId: "f-rivera" },
      recipient: {
        kind: "co-facilitator",
        id: "f-okafor",
        isOriginator: true,
        activeFacilitator: true,
        withinAgency: true,
      },
      purpose: "TREAT",
    };
    expect(problems(asked)).toEqual([
      [
        "recipient.isOriginator",
        'recipient.isOriginator: is true, but recipient.id "f-okafor" is not information.authorId "f-rivera".',
      ],
    ]);
  });

  it("accepts the facts when the ids confirm them", () => {
    for (const recipient of [
      { kind: "facilitator", id: "f-rivera", isOriginator: true, withinAgency: true },
      { kind: "group-member", id: "m-hope", isSubject: true },
      { kind: "researcher", withinAgency: true },
      { kind: "public", withinAgency: false, isSubject: false, isOriginator: false },
    ]) {
      const asked = { ...request(), information: { ...request().information, authorId: "f-rivera" }, recipient };
      expect(checkDisclosure(asked as DisclosureRequest, { policy: permitAll }).basis).toBe("explicit-permit");
    }
  });

  // Messages describe a bad value by its type and a bounded preview, never by serialising it.
  it("describes a purpose that cannot be serialised instead of throwing", () => {
    expect(problems({ ...request(), purpose: 10n })).toEqual([
      ["purpose", "purpose: the BigInt 10n is not a known code."],
    ]);
    let deep: unknown = "TREAT";
    for (let level = 0; level < 5000; level++) deep = [deep];
    expect(problems({ ...request(), purpose: deep })).toEqual([
      ["purpose", "purpose: an array of 1 item is not a known code."],
    ]);
    const circular: Record<string, unknown> = { code: "TREAT" };
    circular["self"] = circular;
    expect(problems({ ...request(), purpose: circular })).toEqual([
      ["purpose", 'purpose: an object (keys "code", "self") is not a known code.'],
    ]);
  });

  it("never copies free text from a bad code into its message", () => {
    const said = { note: "Lena said she cannot face the anniversary." };
    const [[path, message] = []] = problems({ ...request(), information: { ...request().information, kind: said } });
    expect(path).toBe("information.kind");
    expect(message).not.toContain("anniversary");
  });

  it("denies an invalid request with a reason and advice a person can act on", () => {
    const decision = checkDisclosure({ ...request(), purpose: "FUN" as never }, { policy: permitAll });
    expect(decision.reasons).toEqual([
      { code: "invalid-request", message: "The request could not be read, so the disclosure is denied." },
    ]);
    expect(decision.advice).toEqual([
      "Correct the request where the errors point and check again; until then the answer is no.",
    ]);
    expect(decision.matchedRules).toEqual({ permit: [], forbid: [] });
  });

  it.each([
    ["options that are not an object", null, /options must be an object/],
    ["a policy without a version", { policy: { rules: [] } }, /options.policy must be a policy/],
    ["a policy without rules", { policy: { version: "v" } }, /options.policy must be a policy/],
    ["a policy that is not an object", { policy: "strict" }, /options.policy must be a policy/],
  ])("throws invalid-argument for %s", (_, options, message) => {
    expect(() => checkDisclosure(request(), options as never)).toThrow(GroupworkError);
    expect(() => checkDisclosure(request(), options as never)).toThrow(message);
  });
});
