// groupwork disclose: a disclosure request checked against the consents on file in the record. The requests are
// written here by hand from the sample's consents (src/sample/grief-group.ts):
// - c-hope-pcp: Hope (m-hope) to Dr. Amara Osei at Lakeside Family Medicine, for TREAT and COC, attendance and progress
//   notes, 5 February 2026 to 5 February 2027;
// - c-jamal-counsellor: Jamal (m-jamal) to Renee Carter at Northside Counselling, for COC, attendance, from 5 February
//   2026, revoked on 30 March 2026 at 10:15 (-05:00).
import { describe, expect, it } from "vitest";
import { sampleGroupRecord } from "../../src/sample/index";
import { groupwork, hasAnsi, linesOf, scratchFolder } from "../fixtures/cli/run";
import { change, edited } from "../fixtures/sample-edits";

const files = scratchFolder();
const record = files.write("record.json", sampleGroupRecord);
const labels = { confidentiality: "N", sensitivity: [], law: [] };

const hopeToHerDoctor = {
  information: { kind: "attendance", memberId: "m-hope", groupId: "grp-thursday-grief", labels },
  recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
  purpose: "COC",
  at: "2026-03-10T10:00:00-05:00",
};
const jamalToCounsellor = (at: string) => ({
  information: { kind: "attendance", memberId: "m-jamal", groupId: "grp-thursday-grief", labels },
  recipient: { kind: "outside-provider", name: "Renee Carter", organisation: "Northside Counselling" },
  purpose: "COC",
  at,
});

async function disclose(request: unknown, ...options: string[]) {
  return groupwork(["disclose", "--record", record, "--request", "-", ...options], {
    stdin: JSON.stringify(request),
  });
}

describe("groupwork disclose", () => {
  it("permits what a consent on file covers: exit 0, PERMIT and the consent named", async () => {
    const run = await disclose(hopeToHerDoctor);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const lines = linesOf(run.out);
    expect(lines[0]).toBe("PERMIT");
    expect(run.out).toContain('"c-hope-pcp"');
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("denies the same disclosure once the consent was revoked: exit 1, DENY and why", async () => {
    const before = await disclose(jamalToCounsellor("2026-03-20T10:00:00-05:00"));
    const after = await disclose(jamalToCounsellor("2026-04-10T10:00:00-05:00"));
    expect(before.code).toBe(0);
    expect(after.code).toBe(1);
    expect(linesOf(after.out)[0]).toBe("DENY");
    expect(after.out).toMatch(/"c-jamal-counsellor"[^\n]*revoked/);
  });

  it("denies a recipient no consent names", async () => {
    const run = await disclose({ ...hopeToHerDoctor, recipient: { kind: "outside-provider", name: "Dr. Paul Berg" } });
    expect(run.code).toBe(1);
    expect(run.out.startsWith("DENY\n")).toBe(true);
  });

  it("--format json gives the decision and its sentences", async () => {
    const run = await disclose(hopeToHerDoctor, "--format", "json");
    expect(run.code).toBe(0);
    const { decision, explanation } = JSON.parse(run.out) as {
      decision: { effect: string; errors: unknown[] };
      explanation: string[];
    };
    expect(decision).toMatchObject({ effect: "permit", errors: [] });
    expect(explanation.length).toBeGreaterThan(0);
    expect(explanation.join(" ")).toContain('"c-hope-pcp"');
    const denied = await disclose(jamalToCounsellor("2026-04-10T10:00:00-05:00"), "-f", "json");
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.out)).toMatchObject({ decision: { effect: "deny" } });
  });

  it("colours the decision only when asked", async () => {
    expect(hasAnsi((await disclose(hopeToHerDoctor)).out)).toBe(false);
    const permit = await groupwork(["disclose", "-r", record, "--request", "-"], {
      stdin: JSON.stringify(hopeToHerDoctor),
      color: true,
    });
    expect(permit.out.startsWith("\u001B[32mPERMIT\u001B[39m\n")).toBe(true);
    const deny = await groupwork(["disclose", "-r", record, "--request", "-"], {
      stdin: JSON.stringify(jamalToCounsellor("2026-04-10T10:00:00-05:00")),
      color: true,
    });
    expect(deny.out.startsWith("\u001B[31mDENY\u001B[39m\n")).toBe(true);
  });

  it("reads the record from standard input and the request from a file", async () => {
    const request = files.write("request.json", hopeToHerDoctor);
    const run = await groupwork(["disclose", "-r", "-", "--request", request], {
      stdin: JSON.stringify(sampleGroupRecord),
    });
    expect(run.code).toBe(0);
    expect(run.out.startsWith("PERMIT\n")).toBe(true);
  });
});

describe("requests groupwork disclose refuses: exit 2, one line, nothing decided", () => {
  it.each([
    [
      "one that brings its own consents",
      { ...hopeToHerDoctor, consents: [] },
      'the request (standard input) holds "consents"; leave them out: the consents on file are the record\'s',
    ],
    [
      "one about another group",
      { ...hopeToHerDoctor, information: { ...hopeToHerDoctor.information, groupId: "grp-tuesday" } },
      'the request is about group "grp-tuesday", but the record is of "grp-thursday-grief"',
    ],
    [
      "one about a member the record does not have",
      { ...hopeToHerDoctor, information: { ...hopeToHerDoctor.information, memberId: "m-zoe" } },
      'the request is about member "m-zoe", who is not in the record',
    ],
    [
      "one the check cannot read (a purpose that is not a code)",
      { ...hopeToHerDoctor, purpose: "FRIENDLY-CHAT" },
      "the request (standard input) cannot be checked: ",
    ],
    ["one that is not an object", null, "the request (standard input) cannot be checked: "],
  ])("%s", async (_, request, message) => {
    const run = await disclose(request);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toContain(`groupwork disclose: ${message}`);
  });

  it("an invalid record points to groupwork validate", async () => {
    const invalid = files.write(
      "invalid.json",
      edited(change(["consents", 0], { id: "c-hope-pcp", memberId: "m-hope" }, { memberId: "m-ghost" })),
    );
    const run = await groupwork(["disclose", "-r", invalid, "--request", "-"], {
      stdin: JSON.stringify(hopeToHerDoctor),
    });
    expect(run.code).toBe(2);
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toContain(`; groupwork validate ${invalid} lists every one`);
  });

  it.each([
    [["--request", "r.json"], "--record <record.json> is required"],
    [["--record", "r.json"], "--request <request.json> is required"],
  ])("%j is missing a required option", async (options, message) => {
    const run = await groupwork(["disclose", ...options]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`groupwork disclose: ${message}`);
  });

  it("a request that is not JSON is named as the request", async () => {
    const run = await groupwork(["disclose", "-r", record, "--request", "-"], { stdin: "{purpose: COC}" });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^groupwork disclose: the request \(standard input\) is not JSON: /);
  });
});
