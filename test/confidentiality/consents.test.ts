// Consent matching, with the boundaries of each period written out by hand (FHIR R4 Consent.provision.period;
// revocation wins from its moment on), and who a consent's grants and withholdings reach (Primero
// disclosure_deny_details; 45 CFR 164.522(a)). The matching is private to the room, so it is read here from its module,
// on requests read as checkDisclosure reads them.
import { describe, expect, it } from "vitest";
import { outOfForce, partyIncludes, partyMayBe } from "../../src/confidentiality/consents";
import {
  checkDisclosure,
  type DisclosureRecipient,
  type DisclosureRequest,
  definePolicy,
} from "../../src/confidentiality/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { type ConsentOnFile, consent, deepFreeze, matchConsents, request, rule } from "./engine-fixtures";

const consentOutOfForce = (on: ConsentOnFile, at: string) => outOfForce(on, Date.parse(at));

describe("whether a consent is in force", () => {
  const c = consent({
    validFrom: "2026-02-01T09:00:00-06:00",
    validUntil: "2026-06-30T17:00:00-05:00",
  });

  it.each([
    ["a second before it takes effect", "2026-02-01T08:59:59-06:00", "not-yet-valid"],
    ["the moment it takes effect", "2026-02-01T09:00:00-06:00", null],
    ["the same moment written in UTC", "2026-02-01T15:00:00Z", null],
    ["the last moment of its period", "2026-06-30T17:00:00-05:00", null],
    ["a second after it expires", "2026-06-30T17:00:01-05:00", "expired"],
  ])("is %s: %s", (_, at, expected) => {
    expect(consentOutOfForce(c, at)).toBe(expected);
  });

  it("has no end when validUntil is absent", () => {
    expect(consentOutOfForce(consent({ validUntil: undefined }), "2099-01-01T00:00:00Z")).toBeNull();
  });

  it("stops at the moment of revocation, and revocation wins over any other reason", () => {
    const revoked = consent({ revokedAt: "2026-04-01T12:00:00-05:00" });
    expect(consentOutOfForce(revoked, "2026-04-01T11:59:59-05:00")).toBeNull();
    expect(consentOutOfForce(revoked, "2026-04-01T12:00:00-05:00")).toBe("revoked");
    expect(consentOutOfForce(revoked, "2027-06-01T00:00:00-05:00")).toBe("revoked");
  });

  it("reads a period written to the minute, without seconds", () => {
    const minutes = consent({ validFrom: "2026-02-01T09:00-06:00", validUntil: "2026-06-30T17:00-05:00" });
    expect(consentOutOfForce(minutes, "2026-02-01T08:59:59-06:00")).toBe("not-yet-valid");
    expect(consentOutOfForce(minutes, "2026-06-30T17:00-05:00")).toBeNull();
    expect(consentOutOfForce(minutes, "2026-06-30T17:01-05:00")).toBe("expired");
  });

  it("makes checkDisclosure refuse a request whose moment or consent period cannot be read, rather than guess", () => {
    const permitAll = definePolicy([rule("all", "permit")], { version: "permit-all" });
    const unread = (asked: unknown) =>
      checkDisclosure(asked as DisclosureRequest, { policy: permitAll }).errors.map((error) => error.path);
    expect(unread(request({ at: "next week", consents: [consent()] }))).toEqual(["at"]);
    expect(unread(request({ consents: [consent({ validFrom: "someday" })] }))).toEqual(["consents[0].validFrom"]);
  });
});

describe("partyIncludes (who a consent grants to)", () => {
  const osei = { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" } as const;

  it.each<[string, DisclosureRecipient, boolean]>([
    ["the same person", { ...osei }, true],
    ["the same person, spelt in other case with spaces", { ...osei, name: "  DR. AMARA OSEI " }, true],
    ["another kind", { ...osei, kind: "payer" }, false],
    ["another person at the same practice", { ...osei, name: "Dr. Lee" }, false],
    ["a recipient whose name is not given", { kind: "outside-provider", organisation: osei.organisation }, false],
    ["a recipient with more facts than the party names", { ...osei, id: "p-1", withinAgency: false }, true],
  ])("%s: %s", (_, recipient, expected) => {
    expect(partyIncludes(osei, recipient)).toBe(expected);
  });

  it("compares ids exactly", () => {
    expect(partyIncludes({ kind: "payer", id: "PAY-1" }, { kind: "payer", id: "pay-1" })).toBe(false);
    expect(partyIncludes({ kind: "payer", id: "PAY-1" }, { kind: "payer", id: "PAY-1" })).toBe(true);
    expect(partyIncludes({ kind: "payer", id: "PAY-1" }, { kind: "payer" })).toBe(false);
  });

  // Each variant written out by hand; "same" means the grant reaches the recipient.
  const delgado = { kind: "family-or-guardian", name: "Héctor Delgado" } as const;
  it.each<[string, string, boolean]>([
    ["the name as written", "Héctor Delgado", true],
    ["without the accent", "Hector Delgado", true],
    ["in capitals, accent decomposed", "HE\u0301CTOR DELGADO", true],
    ["two spaces", "Hector  Delgado", true],
    ["a non-breaking space", "Hector\u00a0Delgado", true],
    ["a tab", "Hector\tDelgado", true],
    ["a zero-width space inside a word", "Hec\u200btor Delgado", true],
    ["a full stop after it", "Hector Delgado.", true],
    ["family name first", "Delgado, Hector", true],
    ["in full-width letters", "Ｈｅｃｔｏｒ Ｄｅｌｇａｄｏ", true],
    ["a tag character inside a word", "Hec\u{E0041}tor Delgado", true],
    ["a title before it", "Mr. Héctor Delgado", true],
    ["an initial", "H. Delgado", false],
    ["a title and the family name", "Mr. Delgado", false],
    ["a generational suffix more", "Hector Delgado Jr.", false],
    ["initials run together", "HD", false],
    ["the family name alone", "Delgado", false],
    ["the first name alone", "Hector", false],
    ["a middle initial more", "Hector J. Delgado", false],
    ["another first name", "Maria Delgado", false],
    ["another family name", "Hector Smith", false],
  ])("a grant to Héctor Delgado reaches %s (%s): %s", (_, name, expected) => {
    expect(partyIncludes(delgado, { kind: "family-or-guardian", name })).toBe(expected);
  });

  it("compares organisations the same folded way", () => {
    const clinic = { kind: "outside-provider", organisation: "Lakeside Family Medicine" } as const;
    for (const organisation of [
      "lakeside\u00a0family medicine",
      "Lakeside Family Medicine.",
      "LAKESIDE\tFAMILY MEDICINE",
    ]) {
      expect(partyIncludes(clinic, { kind: "outside-provider", organisation })).toBe(true);
    }
    expect(partyIncludes(clinic, { kind: "outside-provider", organisation: "Lakeside Medicine" })).toBe(false);
  });

  it("compares names after Unicode normalisation", () => {
    const composed = { kind: "family-or-guardian", name: "Sofía" } as const;
    expect(partyIncludes(composed, { kind: "family-or-guardian", name: "Sofi\u0301a" })).toBe(true);
  });
});

describe("partyMayBe (who a consent withholds from)", () => {
  const mark = { kind: "family-or-guardian", name: "Mark Hoffmann" } as const;

  it.each<[string, DisclosureRecipient, boolean]>([
    ["the same person", { kind: "family-or-guardian", name: "mark hoffmann" }, true],
    ["the same name under another kind", { kind: "public", name: "Mark Hoffmann" }, true],
    ["another named person of the kind", { kind: "family-or-guardian", name: "Katrin Hoffmann" }, false],
    ["an unnamed person of the kind (fail closed)", { kind: "family-or-guardian" }, true],
    ["an unnamed person of another kind (may be anyone)", { kind: "payer" }, true],
    ["another named person of another kind", { kind: "payer", name: "Prairie Health Plan" }, false],
  ])("%s: %s", (_, recipient, expected) => {
    expect(partyMayBe(mark, recipient)).toBe(expected);
  });

  const hector = { kind: "family-or-guardian", name: "Hector Delgado" } as const;
  // The withholding reaches every spelling of the person and every partial name consistent with theirs ("partial"),
  // and nobody whose name has a word the withheld name lacks.
  it.each<[string, string, "exact" | "partial" | "no"]>([
    ["the name as written", "Hector Delgado", "exact"],
    ["lower case", "hector delgado", "exact"],
    ["two spaces", "Hector  Delgado", "exact"],
    ["a non-breaking space", "Hector\u00a0Delgado", "exact"],
    ["a tab", "Hector\tDelgado", "exact"],
    ["a line break", "Hector\nDelgado", "exact"],
    ["a zero-width space between the words", "Hector\u200b Delgado", "exact"],
    ["a zero-width space inside a word", "Hec\u200btor Delgado", "exact"],
    ["a direction mark", "\u200fHector Delgado", "exact"],
    ["a full stop after it", "Hector Delgado.", "exact"],
    ["an accent", "Héctor Delgado", "exact"],
    ["an accent written as a combining mark", "He\u0301ctor Delgado", "exact"],
    ["family name first, with a comma", "Delgado, Hector", "exact"],
    ["quotation marks and surrounding spaces", '  "Hector Delgado"  ', "exact"],
    ["a hyphen for the space", "Hector-Delgado", "exact"],
    ["a tag character inside a word", "Delgado, Hec\u{E0041}tor", "exact"],
    ["a variation selector beyond the BMP", "Hecto\u{E0100}r Delgado", "exact"],
    ["full-width letters", "Ｈｅｃｔｏｒ Ｄｅｌｇａｄｏ", "exact"],
    ["mathematical bold letters", "𝐇𝐞𝐜𝐭𝐨𝐫 𝐃𝐞𝐥𝐠𝐚𝐝𝐨", "exact"],
    ["a Hangul filler inside a word", "Hec\u3164tor Delgado", "exact"],
    ["a title before it", "Dr. Hector Delgado", "exact"],
    ["the first name alone", "Hector", "partial"],
    ["a Hangul filler for the space", "Hector\u3164Delgado", "partial"],
    ["a title and the family name", "Mr. Delgado", "partial"],
    ["Señor and the family name", "Señor Delgado", "partial"],
    ["the family name and a suffix", "Delgado Jr.", "partial"],
    ["the name and a suffix", "Hector Delgado Sr.", "partial"],
    ["initials run together", "HD", "partial"],
    ["the family name alone", "Delgado", "partial"],
    ["an initial and the family name", "H. Delgado", "partial"],
    ["initials only", "H D", "partial"],
    ["family name and initial", "Delgado, H.", "partial"],
    ["a middle initial more", "Hector J. Delgado", "partial"],
    ["the words run together", "HectorDelgado", "partial"],
    ["another first name, same family name", "Maria Delgado", "no"],
    ["another initial, same family name", "M. Delgado", "no"],
    ["a title with another first name", "Mr. Maria Delgado", "no"],
    ["another first name in full-width letters", "Ｍａｒｉａ Delgado", "no"],
    ["another family name", "Hector Smith", "no"],
    ["someone else altogether", "Katrin Hoffmann", "no"],
  ])("reaches %s (%s): %s", (_, name, expected) => {
    const recipient: DisclosureRecipient = { kind: "family-or-guardian", name };
    expect(partyMayBe(hector, recipient)).toBe(expected !== "no");
    const facts = matchConsents(
      request({ recipient, consents: [consent({ id: "c-delgado", recipients: [], withholdFrom: [hector] })] }),
    );
    expect(facts.withholding.map((one) => one.id)).toEqual(expected === "no" ? [] : ["c-delgado"]);
    expect(facts.partialMatches).toEqual(
      expected === "partial" ? [{ consentId: "c-delgado", withheldName: "Hector Delgado", why: "partial-name" }] : [],
    );
  });

  it("lets ids decide when both sides carry one, and otherwise reads the names", () => {
    const withId = { ...hector, id: "p-hector" };
    expect(partyMayBe(withId, { kind: "family-or-guardian", id: "p-other", name: "Hector Delgado" })).toBe(false);
    expect(partyMayBe(withId, { kind: "public", id: "p-hector", name: "Someone Else" })).toBe(true);
    expect(partyMayBe(withId, { kind: "family-or-guardian", name: "H. Delgado" })).toBe(true);
    expect(partyMayBe(withId, { kind: "family-or-guardian", name: "Maria Delgado" })).toBe(false);
    // Known by id on the recipient only, with no name to compare: he may be the recipient.
    expect(partyMayBe(hector, { kind: "court", id: "p-77" })).toBe(true);
  });

  it("lists a recipient with no name to compare as a match to confirm, not a certain one", () => {
    const withholds = [consent({ id: "c-delgado", recipients: [], withholdFrom: [hector] })];
    for (const recipient of [{ kind: "facilitator" }, { kind: "court", id: "p-77" }] as const) {
      const facts = matchConsents(request({ recipient, consents: withholds }));
      expect(facts.withholding.map((one) => one.id)).toEqual(["c-delgado"]);
      expect(facts.partialMatches).toEqual([
        { consentId: "c-delgado", withheldName: "Hector Delgado", why: "no-name" },
      ]);
    }
  });

  it("lists a consent as a partial match only when none of its parties certainly reaches the recipient", () => {
    const both = consent({
      id: "c-both",
      recipients: [],
      withholdFrom: [hector, { kind: "family-or-guardian", name: "Delgado" }],
    });
    const facts = matchConsents(
      request({ recipient: { kind: "family-or-guardian", name: "Delgado" }, consents: [both] }),
    );
    expect(facts.withholding.map((one) => one.id)).toEqual(["c-both"]);
    expect(facts.partialMatches).toEqual([]);
  });

  it("matches an id under any kind, and tells apart known, different ids and organisations", () => {
    expect(partyMayBe({ kind: "payer", id: "x-1" }, { kind: "court", id: "x-1" })).toBe(true);
    expect(partyMayBe({ kind: "payer", id: "x-1" }, { kind: "payer", id: "x-2" })).toBe(false);
    expect(partyMayBe({ kind: "payer", organisation: "Acme" }, { kind: "payer", organisation: "Other" })).toBe(false);
    expect(partyMayBe({ kind: "payer", organisation: "Acme" }, { kind: "payer", organisation: "ACME" })).toBe(true);
  });
});

describe("matchConsents", () => {
  it("finds Hope's written consent for her physician in the sample group", () => {
    const facts = matchConsents(
      request({
        information: { ...request().information, kind: "progress-note" },
        consents: sampleGroupRecord.consents,
      }),
    );
    expect(facts.granting.map((one) => one.id)).toEqual(["c-hope-pcp"]);
    expect(facts.withholding).toEqual([]);
    expect(facts.setAside).toEqual([]);
  });

  it("withholds Lena's attendance from Mark Hoffmann, and grants it to her daughter Katrin, in the sample group", () => {
    const lena = (recipient: DisclosureRecipient) =>
      matchConsents({
        ...request({ consents: sampleGroupRecord.consents, purpose: "FAMRQT", recipient }),
        information: { ...request().information, memberId: "m-lena" },
      });
    const mark = lena({ kind: "family-or-guardian", name: "Mark Hoffmann" });
    expect(mark.withholding.map((one) => one.id)).toEqual(["c-lena-daughter"]);
    expect(mark.granting).toEqual([]);
    const katrin = lena({ kind: "family-or-guardian", name: "Katrin Hoffmann" });
    expect(katrin.withholding).toEqual([]);
    expect(katrin.granting.map((one) => one.id)).toEqual(["c-lena-daughter"]);
  });

  it("ignores other members' consents and has none for information about the whole group", () => {
    expect(matchConsents(request({ consents: [consent({ memberId: "m-will" })] })).granting).toEqual([]);
    const roster = { ...request().information, kind: "roster" as const, memberId: undefined };
    expect(matchConsents(request({ information: roster, consents: [consent()] })).granting).toEqual([]);
    expect(matchConsents(request()).granting).toEqual([]);
  });

  it("needs the purpose, the kind of information and the recipient all covered", () => {
    expect(matchConsents(request({ purpose: "HPAYMT", consents: [consent()] })).granting).toEqual([]);
    const summary = { ...request().information, kind: "session-summary" as const };
    expect(matchConsents(request({ information: summary, consents: [consent()] })).granting).toEqual([]);
    expect(matchConsents(request({ recipient: { kind: "payer" }, consents: [consent()] })).granting).toEqual([]);
  });

  it("sets aside a verbal HIPAA authorization or Part 2 consent, but counts a verbal consent under agency policy", () => {
    const consents = [
      consent({ id: "c-b", form: "verbal", legalBasis: "42-cfr-part-2" }),
      consent({ id: "c-a", form: "verbal" }),
      consent({ id: "c-c", form: "verbal", legalBasis: "agency-policy" }),
      consent({ id: "c-d", form: "electronic", legalBasis: "42-cfr-part-2" }),
      consent({ id: "c-e", form: "verbal", legalBasis: undefined }),
    ];
    const facts = matchConsents(request({ consents }));
    expect(facts.granting.map((one) => one.id)).toEqual(["c-c", "c-d", "c-e"]);
    expect(facts.setAside).toEqual([
      { consentId: "c-a", reason: "not-written" },
      { consentId: "c-b", reason: "not-written" },
    ]);
  });

  it("sets aside expired, revoked and future consents with the reason, sorted by id", () => {
    const consents = [
      consent({ id: "c-3", validFrom: "2026-04-01T00:00:00-05:00" }),
      consent({ id: "c-1", revokedAt: "2026-03-01T00:00:00-05:00" }),
      consent({ id: "c-2", validUntil: "2026-03-09T00:00:00-05:00" }),
    ];
    expect(matchConsents(request({ consents })).setAside).toEqual([
      { consentId: "c-1", reason: "revoked" },
      { consentId: "c-2", reason: "expired" },
      { consentId: "c-3", reason: "not-yet-valid" },
    ]);
  });

  it("withholds while a consent is in force, whatever its form, and not once it is revoked or expired", () => {
    const withhold = {
      withholdFrom: [{ kind: "outside-provider" as const, organisation: "Lakeside Family Medicine" }],
    };
    const consents = [
      consent({ id: "c-verbal", form: "verbal", ...withhold }),
      consent({ id: "c-revoked", revokedAt: "2026-03-01T00:00:00-05:00", ...withhold }),
      consent({ id: "c-expired", validUntil: "2026-03-01T00:00:00-05:00", ...withhold }),
      consent({ id: "c-other", purposes: ["HRESCH"], ...withhold }),
    ];
    expect(matchConsents(request({ consents })).withholding.map((one) => one.id)).toEqual(["c-other", "c-verbal"]);
  });

  it("does not change the request or its consents", () => {
    const frozen = deepFreeze(request({ consents: [consent({ id: "c-2" }), consent({ id: "c-1" })] }));
    expect(matchConsents(frozen).granting.map((one) => one.id)).toEqual(["c-1", "c-2"]);
    expect(frozen.consents?.map((one) => one.id)).toEqual(["c-2", "c-1"]);
  });
});
