// The golden decision table: every one of its 44,460 lines is recomputed with the default policy and must match what
// was committed. The table is the reviewable record of what the policy decides; a change to any rule shows as a diff
// here (regenerate with scripts/write-golden-decisions.ts after a deliberate change).
import { informationKinds, purposesOfUse } from "groupwork";
import { checkDisclosure, defaultPolicy } from "groupwork/confidentiality";
import { describe, expect, it } from "vitest";
import { decisionCells, goldenInputs, goldenRecipients, goldenRequest, goldenSituations, inputCells } from "./domain";
import { goldenLines, goldenRows } from "./golden-table";

const rows = goldenRows();

describe("golden decision table", () => {
  it("holds the whole enumerated domain once, sorted, with at least 10,000 lines", () => {
    const lines = goldenLines().slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(10_000);
    // 9 kinds × 20 recipients × 13 purposes × 22 situations.
    expect([informationKinds.codes.length, goldenRecipients.length, purposesOfUse.codes.length]).toEqual([9, 20, 13]);
    expect(goldenSituations.length).toBe(22);
    expect(lines.length).toBe(9 * 20 * 13 * 22);
    expect(new Set(rows.map((row) => inputCells(row.input).join(","))).size).toBe(goldenInputs().length);
    expect([...lines].sort()).toEqual(lines);
  });

  it("agrees with checkDisclosure on every line", () => {
    const mismatches: string[] = [];
    for (const row of rows) {
      const actual = decisionCells(checkDisclosure(goldenRequest(row.input)));
      if (actual.join(",") !== row.expected.join(",")) {
        mismatches.push(`line ${row.line}: ${inputCells(row.input).join(",")} wrote ${row.expected} got ${actual}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it("names only rules of the default policy, and every rule decides somewhere", () => {
    const ids = defaultPolicy.rules.map((rule) => rule.id);
    const named = new Set(rows.flatMap((row) => (row.expected[2] === "-" ? [] : (row.expected[2] ?? "").split(" "))));
    expect([...named].sort()).toEqual(ids);
  });

  it("decides every way the table can: each effect with each basis it allows", () => {
    const pairs = new Set(rows.map((row) => `${row.expected[0]} ${row.expected[1]}`));
    expect([...pairs].sort()).toEqual(["deny default-deny", "deny explicit-forbid", "permit explicit-permit"]);
  });

  // Hand-read lines, so the table says what a person would check.
  it.each([
    [
      "progress-note,outside-provider,COC,valid,-,-,permissive",
      "permit,explicit-permit,disclosure-with-consent,document",
    ],
    [
      "progress-note,outside-provider,COC,valid,SUD,-,permissive",
      "deny,explicit-forbid,substance-use-needs-part2-consent,-",
    ],
    [
      "progress-note,outside-provider,COC,part2,SUD,-,permissive",
      "permit,explicit-permit,disclosure-with-consent part2-consent-disclosure,NORDSCLCD document",
    ],
    ["attendance,outside-provider,COC,revoked,-,-,permissive", "deny,default-deny,-,-"],
    ["process-note,payer,HPAYMT,valid,-,-,permissive", "deny,explicit-forbid,payer-no-process-notes,-"],
    // NASW 1.07(h): nothing goes to a payer the member has not authorized; with a consent, the minimum necessary.
    ["attendance,payer,HPAYMT,none,-,-,permissive", "deny,default-deny,-,-"],
    ["session-summary,payer,HPAYMT,none,-,-,permissive", "deny,default-deny,-,-"],
    [
      "attendance,payer,HPAYMT,valid,-,-,permissive",
      "permit,explicit-permit,disclosure-with-consent payer-payment,MINEC REDACT document",
    ],
    // NASW 1.07(u): teaching and training use no identifying information without consent; supervision is unaffected.
    [
      "progress-note,supervisor,TRAIN,none,-,-,permissive",
      "deny,explicit-forbid,training-needs-consent-or-deidentified,-",
    ],
    [
      "progress-note,supervisor,TRAIN,none,-,deidentified,permissive",
      "permit,explicit-permit,supervisor-review,AUDTR MINEC",
    ],
    [
      "progress-note,supervisor,TRAIN,valid,-,-,permissive",
      "permit,explicit-permit,disclosure-with-consent supervisor-review,AUDTR MINEC document",
    ],
    ["progress-note,supervisor,HOPERAT,none,-,-,permissive", "permit,explicit-permit,supervisor-review,AUDTR MINEC"],
    // A roster names every member: one member's consent does not send it out; a de-identified count may go.
    ["roster,outside-provider,COC,valid,-,-,permissive", "deny,explicit-forbid,roster-not-confirmed,-"],
    ["roster,outside-provider,COC,part2,SUD,-,permissive", "deny,explicit-forbid,roster-not-confirmed,-"],
    ["roster,researcher,HRESCH,none,-,deidentified,permissive", "permit,explicit-permit,research-deidentified,-"],
    // 45 CFR 164.508(a)(2)(ii): HHS, oversight of the notes' originator, coroners.
    ["process-note,hhs-secretary,HLEGAL,none,-,-,permissive", "permit,explicit-permit,hhs-compliance-review,document"],
    [
      "process-note,health-oversight,HLEGAL,none,-,-,permissive",
      "deny,explicit-forbid,process-note-needs-authorization,-",
    ],
    [
      "process-note,health-oversight,HLEGAL,none,-,oversight,permissive",
      "permit,explicit-permit,health-oversight,MINEC document",
    ],
    [
      "process-note,coroner-or-medical-examiner,HLEGAL,none,-,-,permissive",
      "permit,explicit-permit,coroner-or-medical-examiner,MINEC document",
    ],
    // 42 CFR 2.31(b): SUD counseling notes need a consent of their own; a general Part 2 consent does not reach them.
    [
      "sud-counseling-note,outside-provider,COC,part2-general,SUD,-,permissive",
      "deny,explicit-forbid,sud-counseling-note-needs-own-consent,-",
    ],
    [
      "sud-counseling-note,outside-provider,COC,part2,SUD,-,permissive",
      "permit,explicit-permit,disclosure-with-consent part2-consent-disclosure,NORDSCLCD document",
    ],
    [
      "progress-note,outside-provider,COC,part2-general,SUD,-,permissive",
      "permit,explicit-permit,disclosure-with-consent part2-consent-disclosure,NORDSCLCD document",
    ],
    [
      "sud-counseling-note,facilitator/author,TREAT,none,-,-,permissive",
      "permit,explicit-permit,facilitator-treatment,-",
    ],
    // A mandated report and a court order are disclosures the law requires, process notes included
    // (45 CFR 164.508(a)(2)(ii) via 164.512(a)); Part 2 lets only the initial abuse report out (42 CFR 2.12(c)(6)).
    [
      "process-note,child-protective-services,PUBHLTH,none,-,abuse,permissive",
      "permit,explicit-permit,mandated-child-abuse-report,MINEC document",
    ],
    [
      "process-note,child-protective-services,PUBHLTH,withhold,SUD,abuse,permissive",
      "deny,explicit-forbid,substance-use-needs-part2-consent,-",
    ],
    [
      "process-note,court,HLEGAL,withhold,SUD,court,permissive",
      "permit,explicit-permit,court-order,MINEC document notify-client",
    ],
    ["attendance,payer,HPAYMT,withhold,-,-,permissive", "deny,explicit-forbid,withhold-from-named-person,-"],
    [
      "risk-statement,person-at-risk,THREAT,withhold,-,threat,mandatory",
      "permit,explicit-permit,duty-to-warn serious-threat-disclosure,MINEC document notify-client",
    ],
    ["risk-statement,person-at-risk,THREAT,none,-,threat,none", "deny,default-deny,-,-"],
    // A withholding by name reaches another spelling of the name and part of it, not another member of the family.
    [
      "progress-note,facilitator/author,TREAT,withhold-variant,-,-,permissive",
      "deny,explicit-forbid,withhold-from-named-person,-",
    ],
    [
      "progress-note,facilitator/author,TREAT,withhold-partial,-,-,permissive",
      "deny,explicit-forbid,withhold-from-named-person,-",
    ],
    [
      "progress-note,facilitator/author,TREAT,withhold-other,-,-,permissive",
      "permit,explicit-permit,facilitator-treatment,-",
    ],
  ])("%s → %s", (inputs, decision) => {
    const row = rows.find((candidate) => inputCells(candidate.input).join(",") === inputs);
    expect(row?.expected.join(",")).toBe(decision);
  });
});
