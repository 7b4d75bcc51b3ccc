// Writes the golden decision table, test/confidentiality/golden/decisions.csv: one line per request of the enumerated
// domain (see test/confidentiality/golden/domain.ts), inputs then decision, sorted. Run it after a deliberate change
// to the default policy, read the diff like a spreadsheet, and commit both: the golden test then holds the policy to
// every line. Usage: npx tsx scripts/write-golden-decisions.ts
import { writeFileSync } from "node:fs";
import { checkDisclosure } from "groupwork/confidentiality";
import {
  csvLine,
  decisionCells,
  GOLDEN_HEADER,
  goldenInputs,
  goldenRequest,
  inputCells,
} from "../test/confidentiality/golden/domain";

const lines = goldenInputs().map((input) =>
  csvLine([...inputCells(input), ...decisionCells(checkDisclosure(goldenRequest(input)))]),
);
lines.sort();
const target = new URL("../test/confidentiality/golden/decisions.csv", import.meta.url);
writeFileSync(target, `${GOLDEN_HEADER}\n${lines.join("\n")}\n`);
console.log(`Wrote ${lines.length} decisions to test/confidentiality/golden/decisions.csv`);
