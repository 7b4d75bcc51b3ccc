// The differential test against Cedar itself: the default policy written in the Cedar language
// (default-policy.cedar) and evaluated by cedar-wasm agrees with checkDisclosure on the effect, the determining rules
// and (through each Cedar policy's @obligations annotation) the obligations of every line of the golden table.
import { defaultPolicy } from "groupwork/confidentiality";
import { describe, expect, it } from "vitest";
import { decisionCells } from "../golden/domain";
import { goldenRows } from "../golden/golden-table";
import { askCedar, type CedarAnswer, cedarPolicySet, cedarRules, preparedCedar } from "./cedar-request";

const rules = cedarRules();
const policies = cedarPolicySet(rules);
const rows = goldenRows();
const obligationsOf = new Map(rules.map((rule) => [rule.id, rule.obligations]));

// Cedar has no obligations; ours come only from the determining rules of a permit, so Cedar's reasons give them.
function cedarCells(answer: CedarAnswer): string[] {
  const obligations =
    answer.effect === "permit"
      ? [...new Set(answer.determiningRules.flatMap((id) => obligationsOf.get(id) ?? []))].sort()
      : [];
  const basis =
    answer.effect === "permit"
      ? "explicit-permit"
      : answer.determiningRules.length > 0
        ? "explicit-forbid"
        : "default-deny";
  return decisionCells({ effect: answer.effect, basis, determiningRules: answer.determiningRules, obligations });
}

describe("the default policy in Cedar", () => {
  it("has the same rules, with the same effects and obligations", () => {
    expect(rules.map((rule) => rule.id).sort()).toEqual(defaultPolicy.rules.map((rule) => rule.id));
    for (const rule of defaultPolicy.rules) {
      const cedar = rules.find((candidate) => candidate.id === rule.id);
      expect(cedar?.text, rule.id).toMatch(new RegExp(`^\\s*${rule.effect} \\(`, "m"));
      expect([...(cedar?.obligations ?? [])].sort(), rule.id).toEqual([...rule.obligations].sort());
    }
  });

  it("agrees with the golden table, and so with checkDisclosure, on every line", () => {
    const ask = preparedCedar("groupwork-default", policies);
    const mismatches: string[] = [];
    for (const row of rows) {
      const answer = ask(row.input);
      expect(answer.errors).toEqual([]);
      const cells = cedarCells(answer);
      if (cells.join(",") !== row.expected.join(",")) {
        mismatches.push(`line ${row.line}: table ${row.expected.join(",")}, Cedar ${cells.join(",")}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(10_000);
    // About 300 µs a call across the WebAssembly boundary: some seconds for the table, more under coverage.
  }, 180_000);

  it("answers the same through the stateless isAuthorized as through the prepared policy set", () => {
    const ask = preparedCedar("groupwork-default-sample", policies);
    // Every 97th line: the stateless call parses the policies each time, which is slow.
    for (const row of rows.filter((_, index) => index % 97 === 0)) {
      expect(askCedar(row.input, policies)).toEqual(ask(row.input));
    }
  }, 60_000);

  it("would catch a disagreement: Cedar without one forbid no longer matches the table", () => {
    const without = Object.fromEntries(Object.entries(policies).filter(([id]) => id !== "payer-no-process-notes"));
    const ask = preparedCedar("groupwork-without-payer-forbid", without);
    const line = rows.find(
      (row) =>
        row.input.kind === "process-note" &&
        row.input.recipient.code === "payer" &&
        row.input.purpose === "HPAYMT" &&
        row.input.situation.consent === "valid",
    );
    expect(line?.expected.join(",")).toBe("deny,explicit-forbid,payer-no-process-notes,-");
    expect(line && cedarCells(ask(line.input)).join(",")).toBe(
      "permit,explicit-permit,disclosure-with-consent,document",
    );
  });
});
