import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromZodIssues } from "../../src/model/shape-issues";

// The fallbacks of the zod-to-issue translation, for zod issues that the model's own schemas do not raise today but a
// future schema could: they must still become an issue with a place and a sentence, never disappear.

function translate(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to fail");
  return fromZodIssues(result.error.issues, input);
}

describe("fromZodIssues", () => {
  it("turns an unmatched union into invalid-shape at its path", () => {
    const issues = translate(z.object({ note: z.union([z.string(), z.number()]) }), { note: true });
    expect(issues).toEqual([
      { code: "invalid-shape", severity: "error", path: ["note"], message: expect.stringContaining("note") },
    ]);
  });

  it("turns a refinement without a code of ours into invalid-shape, keeping its message", () => {
    const issues = translate(z.object({ hours: z.number().refine((n) => n % 2 === 0, "Hours must be even.") }), {
      hours: 3,
    });
    expect(issues).toEqual([
      { code: "invalid-shape", severity: "error", path: ["hours"], message: "hours: Hours must be even." },
    ]);
  });

  it("words exclusive and inclusive bounds differently", () => {
    expect(translate(z.object({ n: z.number().lt(5) }), { n: 7 })[0]?.message).toBe("n is 7; it must be less than 5.");
    expect(translate(z.object({ n: z.number().max(5) }), { n: 7 })[0]?.message).toBe("n is 7; it must be at most 5.");
    expect(translate(z.object({ tags: z.array(z.string()).max(1) }), { tags: ["a", "b"] })[0]?.message).toBe(
      "tags is a list of 2; it must have at most 1 entry.",
    );
  });

  it("describes free text without repeating it, since messages end up in logs", () => {
    expect(translate(z.object({ n: z.number() }), { n: "Hope Lindqvist" })[0]?.message).toBe(
      "n is text; expected a finite number.",
    );
    expect(translate(z.object({ day: z.iso.date() }), { day: "14/07/1961" })[0]?.message).toBe(
      "day is text that is not a real calendar date YYYY-MM-DD, such as 2026-03-02.",
    );
    expect(translate(z.object({ on: z.boolean() }), { on: null })[0]?.message).toBe(
      "on is null; leave the field out when there is no value, or give true or false.",
    );
  });

  it("quotes a short code outside its vocabulary, so it can be corrected, but only describes long text", () => {
    const status = z.object({ status: z.enum(["present", "absent"]) });
    expect(translate(status, { status: "tardy" })[0]?.message).toBe(
      'status is "tardy", which is not one of: present, absent.',
    );
    expect(translate(status, { status: "x".repeat(41) })[0]?.message).toBe(
      "status is text, which is not one of: present, absent.",
    );
  });
});
