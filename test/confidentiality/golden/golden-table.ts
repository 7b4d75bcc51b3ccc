// Reads the committed golden CSV back into rows: each line's inputs mapped to the domain's values, and its decision.
import { readFileSync } from "node:fs";
import { GOLDEN_HEADER, type GoldenInput, goldenInputs, inputCells } from "./domain";

/** One line of the CSV: the row's inputs and the decision cells written for it. */
export interface GoldenRow {
  readonly line: number;
  readonly input: GoldenInput;
  readonly expected: readonly string[];
}

/** The CSV's lines, header first. */
export function goldenLines(): string[] {
  const text = readFileSync(new URL("./decisions.csv", import.meta.url), "utf8");
  return text.trimEnd().split("\n");
}

/**
 * The rows of the CSV, each matched to an input of the enumerated domain by its input cells. Throws when the header
 * is not the expected one or a line names inputs outside the domain.
 */
export function goldenRows(): GoldenRow[] {
  const [header, ...lines] = goldenLines();
  if (header !== GOLDEN_HEADER) throw new Error(`decisions.csv header is ${header}`);
  const byInputs = new Map(goldenInputs().map((input) => [inputCells(input).join(","), input]));
  return lines.map((text, index) => {
    const cells = text.split(",");
    const input = byInputs.get(cells.slice(0, 7).join(","));
    if (input === undefined) throw new Error(`decisions.csv line ${index + 2} is outside the domain: ${text}`);
    return { line: index + 2, input, expected: cells.slice(7) };
  });
}
