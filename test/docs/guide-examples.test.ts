// The TypeScript blocks of README.md and docs/*.md compile as a user's programs (see guide-examples.ts), so a guide
// cannot drift from the API it shows.
import { describe, expect, it } from "vitest";
import { guideExampleErrors, guideFiles } from "./guide-examples";

describe("the guides' TypeScript examples", () => {
  it("reads README.md and every guide in docs/", () => {
    expect(guideFiles()).toContain("README.md");
    expect(guideFiles()).toContain("docs/stages.md");
  });

  it("all compile under the project's strict settings", () => {
    const failures = guideExampleErrors();
    expect(failures.map((failure) => `${failure.where}\n  ${failure.errors.join("\n  ")}`).join("\n")).toBe("");
  }, 120_000);
});
