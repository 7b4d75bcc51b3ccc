// groupwork fhir export and import: the sample through files both ways, the Bundle's type and security labels, the
// options of each direction, and Bundles that cannot be read as a group record.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleGroupRecord } from "../../src/sample/index";
import { groupwork, linesOf, scratchFolder } from "../fixtures/cli/run";
import { change, edited } from "../fixtures/sample-edits";

const files = scratchFolder();
const record = files.write("record.json", sampleGroupRecord);

interface Bundle {
  readonly resourceType: string;
  readonly type: string;
  readonly entry: readonly {
    readonly resource: { readonly resourceType: string; readonly meta?: { readonly security?: { code: string }[] } };
    readonly request?: { readonly method: string; readonly url: string };
  }[];
}

const codesOf = (bundle: Bundle): string[][] =>
  bundle.entry.map((entry) => (entry.resource.meta?.security ?? []).map((label) => label.code));

describe("groupwork fhir export", () => {
  it("writes a collection Bundle labelled restricted (R) by default", async () => {
    const run = await groupwork(["fhir", "export", record]);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const bundle = JSON.parse(run.out) as Bundle;
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    // One Group, 10 people (8 clients as Patients, 2 facilitators as Practitioners), 12 Appointments, 4 Consents.
    const count = (type: string) => bundle.entry.filter((entry) => entry.resource.resourceType === type).length;
    expect([count("Group"), count("Patient"), count("Practitioner"), count("Appointment"), count("Consent")]).toEqual([
      1, 8, 2, 12, 4,
    ]);
    expect(new Set(codesOf(bundle).map((codes) => codes.join()))).toEqual(new Set(["R"]));
  });

  it("--type transaction makes every entry a conditional update", async () => {
    const run = await groupwork(["fhir", "export", record, "--type", "transaction"]);
    expect(run.code).toBe(0);
    const bundle = JSON.parse(run.out) as Bundle;
    expect(bundle.type).toBe("transaction");
    for (const entry of bundle.entry) {
      expect(entry.request?.method).toBe("PUT");
      expect(entry.request?.url).toMatch(new RegExp(`^${entry.resource.resourceType}\\?identifier=`));
    }
  });

  it("--confidentiality and --sensitivity label every resource", async () => {
    const run = await groupwork(["fhir", "export", record, "--confidentiality", "V", "--sensitivity", "SUD, PSYTHPN"]);
    expect(run.code).toBe(0);
    expect(new Set(codesOf(JSON.parse(run.out) as Bundle).map((codes) => codes.join()))).toEqual(
      new Set(["V,SUD,PSYTHPN"]),
    );
    const sensitivityOnly = await groupwork(["fhir", "export", record, "--sensitivity", "MH"]);
    expect(new Set(codesOf(JSON.parse(sensitivityOnly.out) as Bundle).map((codes) => codes.join()))).toEqual(
      new Set(["R,MH"]),
    );
    const levelOnly = await groupwork(["fhir", "export", record, "--confidentiality", "N"]);
    expect(new Set(codesOf(JSON.parse(levelOnly.out) as Bundle).map((codes) => codes.join()))).toEqual(new Set(["N"]));
  });

  it.each([
    [["--confidentiality", "Q"], '"Q"'],
    [["--confidentiality", "r"], '"r"'],
    [["--sensitivity", "SUD,SECRET"], '"SECRET"'],
  ])("refuses a label HL7 does not have: %j is exit 2 naming it", async (options, named) => {
    const run = await groupwork(["fhir", "export", record, ...options]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toMatch(/^groupwork fhir: /);
    expect(run.err).toContain(named);
  });

  it.each([
    [["--group", "group.json"], "--group is not an option of fhir export"],
    [["--session-mode", "virtual"], "--session-mode is not an option of fhir export"],
  ])("refuses the import options %j", async (options, message) => {
    const run = await groupwork(["fhir", "export", record, ...options]);
    expect(run).toMatchObject({ code: 2, out: "", err: `groupwork fhir: ${message}\n` });
  });

  it("refuses an invalid record: exit 2, pointing to groupwork validate", async () => {
    const invalid = files.write(
      "invalid.json",
      edited(change(["sessions", 1], { id: "s-02", durationMinutes: 90 }, { durationMinutes: -5 })),
    );
    const run = await groupwork(["fhir", "export", invalid]);
    expect(run.code).toBe(2);
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toContain(`groupwork validate ${invalid} lists every one`);
  });

  it("refuses a direction other than export or import", async () => {
    const run = await groupwork(["fhir", "convert", record]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      'groupwork fhir: the first argument must be export or import; got "convert" (see groupwork fhir --help)\n',
    );
  });
});

describe("groupwork fhir import", () => {
  let exported = "";
  beforeAll(async () => {
    exported = files.write("bundle.json", (await groupwork(["fhir", "export", record])).out);
  });

  it("reads an exported Bundle back into the record, saying which labels to keep", async () => {
    const run = await groupwork(["fhir", "import", exported]);
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      "groupwork fhir import: the Bundle is labelled confidentiality R; keep the record under the same labels.\n",
    );
    const back = JSON.parse(run.out) as typeof sampleGroupRecord;
    expect(back.group).toEqual(sampleGroupRecord.group);
    expect(back.members.map((member) => member.id)).toEqual(sampleGroupRecord.members.map((member) => member.id));
    expect(back.sessions).toHaveLength(12);
    expect(back.attendance).toHaveLength(sampleGroupRecord.attendance.length);
    // The record that comes back is valid as it is.
    const checked = await groupwork(["validate", "-"], { stdin: run.out });
    expect(checked.code).toBe(0);
  });

  it("names the sensitivity labels too", async () => {
    const bundle = (await groupwork(["fhir", "export", record, "--sensitivity", "SUD"])).out;
    const run = await groupwork(["fhir", "import", "-"], { stdin: bundle });
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      "groupwork fhir import: the Bundle is labelled confidentiality R, sensitivity SUD; keep the record under the same labels.\n",
    );
  });

  it("takes --group and --session-mode for what a foreign Bundle lacks", async () => {
    // As docs/interop.md's example: an EHR's Group of two Patients and one booked Appointment.
    const foreign = {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        {
          fullUrl: "urn:uuid:5f0c1c9e-0d7b-4d55-9a43-3f7c2b1e9a01",
          resource: { resourceType: "Patient", id: "p1", name: [{ text: "Ana Souza" }] },
        },
        {
          fullUrl: "urn:uuid:5f0c1c9e-0d7b-4d55-9a43-3f7c2b1e9a03",
          resource: {
            resourceType: "Group",
            id: "carers",
            type: "person",
            actual: true,
            name: "Tuesday Carers",
            member: [{ entity: { reference: "Patient/p1" }, period: { start: "2026-01-13" } }],
          },
        },
        {
          fullUrl: "urn:uuid:5f0c1c9e-0d7b-4d55-9a43-3f7c2b1e9a04",
          resource: {
            resourceType: "Appointment",
            id: "a1",
            status: "booked",
            start: "2026-01-13T18:00:00+00:00",
            end: "2026-01-13T19:30:00+00:00",
            participant: [{ actor: { reference: "Patient/p1" }, status: "accepted" }],
          },
        },
      ],
    };
    const bundle = files.write("foreign.json", foreign);
    const group = files.write("group-fields.json", {
      timeZone: "Europe/London",
      startDate: "2026-01-13",
      kind: "support",
      membership: "open",
      participation: "optional",
      purpose: "Mutual support for family carers.",
    });
    const without = await groupwork(["fhir", "import", bundle]);
    expect(without.code).toBe(1);
    expect(without.out).toBe("");
    expect(without.err).toContain("options.group.timeZone");
    const run = await groupwork(["fhir", "import", bundle, "--group", group, "--session-mode", "virtual"]);
    expect(run.code).toBe(0);
    // No label anywhere: N, with a warning listed before the note about labels.
    expect(linesOf(run.err).at(-1)).toBe(
      "groupwork fhir import: the Bundle is labelled confidentiality N; keep the record under the same labels.",
    );
    expect(run.err).toMatch(/^warning no-security-labels /m);
    const value = JSON.parse(run.out) as {
      group: { name: string; timeZone: string };
      sessions: { mode: string; status: string; durationMinutes: number }[];
    };
    expect(value.group).toMatchObject({ name: "Tuesday Carers", timeZone: "Europe/London" });
    expect(value.sessions).toEqual([
      expect.objectContaining({ mode: "virtual", status: "scheduled", durationMinutes: 90 }),
    ]);
  });

  it("lists what stops a Bundle from being a record: exit 1, issues then one summary line on standard error", async () => {
    const run = await groupwork(["fhir", "import", "-"], {
      stdin: JSON.stringify({ resourceType: "Bundle", type: "collection", entry: [] }),
    });
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toEqual([
      expect.stringMatching(/^error group-count /),
      "groupwork fhir import: (standard input) could not be read as a group record (1 error above).",
    ]);
    const patient = await groupwork(["fhir", "import", "-"], { stdin: '{"resourceType": "Patient"}' });
    expect(patient.code).toBe(1);
    expect(patient.err).toMatch(/^error not-a-bundle /);
  });

  it.each([
    [["--type", "collection"], "--type is not an option of fhir import"],
    [["--confidentiality", "R"], "--confidentiality is not an option of fhir import"],
    [["--sensitivity", "SUD"], "--sensitivity is not an option of fhir import"],
  ])("refuses the export options %j", async (options, message) => {
    const run = await groupwork(["fhir", "import", "bundle.json", ...options]);
    expect(run).toMatchObject({ code: 2, out: "", err: `groupwork fhir: ${message}\n` });
  });

  it.each([
    ["not an object", "[]", "options.group must be an object"],
    ["a field it does not take", '{"colour": "blue"}', 'has the key "colour"'],
    ["not JSON", "{timeZone}", "the group fields"],
  ])("refuses --group that is %s: exit 2", async (_, text, message) => {
    const group = files.write(`group-${message.length}.json`, text);
    const run = await groupwork(["fhir", "import", exported, "--group", group]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toContain(message);
  });

  it("refuses a Bundle that is not JSON, naming it the Bundle", async () => {
    const run = await groupwork(["fhir", "import", "-"], { stdin: "<Bundle/>" });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^groupwork fhir: the Bundle \(standard input\) is not JSON: /);
  });

  it("writes the same Bundle from a file and from standard input", async () => {
    const fromFile = await groupwork(["fhir", "export", record]);
    const fromStdin = await groupwork(["fhir", "export", "-"], { stdin: readFileSync(record, "utf8") });
    expect(fromStdin.out).toBe(fromFile.out);
  });
});
