import { describe } from "vitest";
import {
  ageOn,
  formatGroupRecordIssues,
  formatIssuePath,
  groupworkJsonSchemas,
  isActiveMember,
  isIanaTimeZone,
  isMinor,
  parseGroupRecord,
} from "../../src/model/index";
import { generatedInputs, sample, someIssues } from "./bases";
import { call, type EntryPoint } from "./contract";
import { expectArray, expectBoolean, expectFinite, expectRecord, expectResult, expectString, fail } from "./results";
import { fuzzEntryPoints } from "./suite";

// The model room's public functions that read outside data.

const [hopeMembership, jamalMembership] = [
  sample.memberships.find((entry) => entry.memberId === "m-hope"),
  sample.memberships.find((entry) => entry.memberId === "m-jamal"),
];
const hope = sample.members.find((member) => member.id === "m-hope");

const entries: EntryPoint[] = [
  {
    name: "parseGroupRecord",
    bases: [[sample], [sample, { unknownFields: "warn" }], ...generatedInputs.map((input) => [input, {}])],
    call: call(parseGroupRecord),
    check: (result) => {
      expectResult(result, "result", "value");
      const issues = expectArray(expectRecord(result, "result")["issues"], "result.issues");
      for (const issue of issues) {
        const { message, path } = expectRecord(issue, "issue");
        expectString(message, "issue.message");
        for (const key of expectArray(path, "issue.path")) {
          if (typeof key !== "string" && typeof key !== "number") fail("issue.path keys should be strings or numbers");
        }
      }
    },
  },
  {
    name: "formatGroupRecordIssues",
    bases: someIssues.map((issues) => [issues]),
    call: call(formatGroupRecordIssues),
    check: (result) => expectString(result, "result"),
  },
  {
    name: "formatIssuePath",
    bases: someIssues.flatMap((issues) => issues.slice(0, 2).map((issue) => [issue.path])),
    call: call(formatIssuePath),
    check: (result) => expectString(result, "result"),
  },
  {
    name: "isActiveMember",
    bases: [
      [hopeMembership, "2026-03-05"],
      [jamalMembership, "2026-03-05T18:00:00-06:00", { timeZone: "America/Chicago" }],
      [hopeMembership, new Date("2026-04-23T23:30:00-05:00"), { timeZone: "America/Chicago" }],
    ],
    call: call(isActiveMember),
    check: (result) => expectBoolean(result, "result"),
  },
  {
    name: "ageOn",
    bases: [
      ["1961-07-14", "2026-03-05"],
      ["2008-02-29", "2026-02-28"],
    ],
    call: call(ageOn),
    check: (result) => {
      if (!Number.isInteger(expectFinite(result, "result"))) fail("an age should be a whole number");
    },
  },
  {
    name: "isMinor",
    bases: [
      [hope, "2026-03-05"],
      [{ birthDate: "2010-06-01" }, "2026-03-05", { ageOfMajority: 18 }],
      [{}, "2026-03-05"],
    ],
    call: call(isMinor),
    check: (result) => {
      if (result !== null) expectBoolean(result, "result");
    },
  },
  {
    name: "isIanaTimeZone",
    bases: [["America/Chicago"], ["Pacific/Chatham"]],
    call: call(isIanaTimeZone),
    check: (result) => expectBoolean(result, "result"),
  },
  {
    name: "groupworkJsonSchemas",
    bases: [[], [{}]],
    call: call(groupworkJsonSchemas),
    check: (result) => expectRecord(result, "result"),
    // It reads no argument, and each call builds every schema (about 15 ms): 100 cases try every odd argument.
    maxRuns: 100,
  },
];

describe("fuzz: model", () => {
  fuzzEntryPoints(entries);
});
