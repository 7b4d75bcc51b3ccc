// The rule table in docs/confidentiality.md is the policy's public description: it must name every rule of
// defaultPolicy once, with its effect, obligations and source exactly as the rule carries them.
import { readFileSync } from "node:fs";
import { defaultPolicy } from "groupwork/confidentiality";
import { describe, expect, it } from "vitest";

const guide = readFileSync(new URL("../../../docs/confidentiality.md", import.meta.url), "utf8");
const table = guide
  .split("\n")
  .filter((line) => /^\| [\d—]/.test(line))
  .map((line) =>
    line
      .slice(1, -1)
      .split(" | ")
      .map((cell) => cell.trim()),
  );

describe("the rule table of docs/confidentiality.md", () => {
  it("lists every rule of the default policy once", () => {
    const ids = table.map((cells) => cells[1]?.replaceAll("`", ""));
    expect([...ids].sort()).toEqual(defaultPolicy.rules.map((rule) => rule.id));
  });

  it.each(defaultPolicy.rules.map((rule) => [rule.id, rule] as const))("states %s as the rule does", (id, rule) => {
    const cells = table.find((row) => row[1] === `\`${id}\``) ?? [];
    const obligations = rule.obligations.length === 0 ? "—" : rule.obligations.map((code) => `\`${code}\``).join(" ");
    expect({ effect: cells[2], obligations: cells[5], source: cells[6] }).toEqual({
      effect: rule.effect,
      obligations,
      source: rule.source,
    });
  });

  it("says plainly that this is decision support, not legal advice, and that jurisdictions differ", () => {
    expect(guide).toContain("Decision support, not legal advice.");
    expect(guide).toContain("Jurisdictions differ, and so do agencies.");
  });
});
