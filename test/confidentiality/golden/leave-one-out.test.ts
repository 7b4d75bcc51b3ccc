// Every rule of the default policy is load-bearing: taking any one out changes at least one line of the golden table.
// A rule that held in no line of a table cannot change it when removed (Cedar's semantics decide only from the rules
// that hold), so each rule is re-checked on the lines where it held; that a removal changes nothing elsewhere is the
// property test's business.
import { checkDisclosure, defaultPolicy, definePolicy } from "groupwork/confidentiality";
import { describe, expect, it } from "vitest";
import { decisionCells, goldenRequest } from "./domain";
import { goldenRows } from "./golden-table";

const requests = goldenRows().map((row) => ({ request: goldenRequest(row.input), expected: row.expected.join(",") }));
const matched = requests.map(({ request }) => {
  const { matchedRules } = checkDisclosure(request);
  return new Set([...matchedRules.permit, ...matchedRules.forbid]);
});

// Every rule but these flips some line's effect when removed. These three add to a permit another rule already gives:
// the duty to warn adds its duty to the permission to warn, the Part 2 notice adds NORDSCLCD to the consent's permit,
// and payer-payment, which holds only where a consent covers the payer (NASW 1.07(h)), adds minimum necessary and
// REDACT to it; without them the lines keep their effect but lose a determining rule or an obligation.
const FLIPS_NO_EFFECT = ["duty-to-warn", "part2-consent-disclosure", "payer-payment"];

describe("leave one rule out", () => {
  it.each(defaultPolicy.rules.map((rule) => [rule.id]))("without %s, some line of the table changes", (id) => {
    const without = definePolicy(
      defaultPolicy.rules.filter((rule) => rule.id !== id),
      { version: `without-${id}` },
    );
    let changed = 0;
    let flipped = 0;
    requests.forEach(({ request, expected }, index) => {
      if (!matched[index]?.has(id)) return;
      const cells = decisionCells(checkDisclosure(request, { policy: without }));
      if (cells.join(",") !== expected) changed++;
      if (cells[0] !== expected.split(",")[0]) flipped++;
    });
    expect(changed).toBeGreaterThan(0);
    if (FLIPS_NO_EFFECT.includes(id)) expect(flipped).toBe(0);
    else expect(flipped).toBeGreaterThan(0);
  });
});
