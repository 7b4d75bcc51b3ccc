import { describe } from "vitest";
import {
  absenceStreaks,
  attendanceSummary,
  attendanceTrend,
  detectDropout,
  interactionProfile,
  participationEquality,
  participationFlags,
  responseNetwork,
  retentionCurve,
  turnAnalytics,
} from "../../src/metrics/index";
import { generatedParsed, sample, sampleParsed } from "./bases";
import { call, type EntryPoint } from "./contract";
import { expectArray, expectFinite, expectMeasured, expectRecord, expectString } from "./results";
import { fuzzEntryPoints } from "./suite";

// The metrics room's public functions, over the sample as it ships (frozen, plain-string ids), the sample as parsed,
// and generated valid records.

const records = [sample, sampleParsed, ...generatedParsed];
const roster = sample.members.map((member) => member.id);
const jamalStatuses = sample.attendance.filter((entry) => entry.memberId === "m-jamal").map((entry) => entry.status);
const rules = [
  { kind: "consecutive-misses", k: 2, excused: "not-offered" },
  { kind: "below-fraction", fraction: 0.5 },
  { kind: "recorded-exit", reasons: ["dropped-out"] },
];

const expectList = (value: unknown, key: string) => expectArray(expectRecord(value, "result")[key], `result.${key}`);

const entries: EntryPoint[] = [
  {
    name: "attendanceSummary",
    bases: [...records.map((record) => [record]), [sample, { excused: "not-offered", asOf: "2026-03-05" }]],
    call: call(attendanceSummary),
    check: (result) => {
      for (const member of expectList(result, "members")) {
        const { rate, adjustedRate } = expectRecord(member, "member");
        expectMeasured(rate, "member.rate");
        expectMeasured(adjustedRate, "member.adjustedRate");
      }
      expectList(result, "notCounted");
    },
  },
  {
    name: "absenceStreaks",
    bases: [[jamalStatuses], [jamalStatuses, { excused: "not-offered" }], [[]]],
    call: call(absenceStreaks),
    check: (result) => {
      expectFinite(expectRecord(result, "result")["longest"], "result.longest");
      expectList(result, "runs");
    },
  },
  {
    name: "detectDropout",
    bases: [
      ...rules.map((rule) => [sample, "m-jamal", rule]),
      [sampleParsed, "m-hope", rules[0], { asOf: "2026-03-20" }],
      ...generatedParsed.map((record) => [record, record.memberships[0]?.memberId, rules[1]]),
    ],
    call: call(detectDropout),
    check: (result) => {
      expectString(expectRecord(result, "result")["explanation"], "result.explanation");
      expectList(result, "evidence");
    },
  },
  {
    name: "retentionCurve",
    bases: [...records.map((record) => [record]), [sample, { dropout: rules[0], asOf: "2026-04-01" }]],
    call: call(retentionCurve),
    check: (result) => {
      for (const step of expectList(result, "steps")) {
        expectFinite(expectRecord(step, "step")["survival"], "step.survival");
      }
    },
  },
  {
    name: "attendanceTrend",
    bases: [
      ...records.map((record) => [record, { interval: "week" }]),
      [sample, { interval: "month", weekStartsOn: 1, asOf: "2026-03-31" }],
    ],
    call: call(attendanceTrend),
    check: (result) => {
      for (const bucket of expectList(result, "buckets"))
        expectMeasured(expectRecord(bucket, "bucket")["rate"], "rate");
    },
  },
  {
    name: "participationEquality",
    bases: [[[3, 1, 4, 1, 5, 9, 2, 6]], [[0, 0, 0]], [[]]],
    call: call(participationEquality),
    check: (result) => expectFinite(expectRecord(result, "result")["members"], "result.members"),
  },
  {
    name: "turnAnalytics",
    bases: [
      [sample.turns, roster],
      [sampleParsed.turns, roster, { interruptionOverlap: 1, backchannelMaxLength: 2 }],
      ...generatedParsed.map((record) => [record.turns, record.members.map((member) => member.id)]),
    ],
    call: call(turnAnalytics),
    check: (result) => {
      expectFinite(expectRecord(result, "result")["talkTime"], "result.talkTime");
      expectList(result, "sessions");
    },
  },
  {
    name: "responseNetwork",
    bases: [[sample.turns], [sampleParsed.turns, { basis: "responds-to", maxGap: 5 }]],
    call: call(responseNetwork),
    check: (result) => {
      expectList(result, "edges");
      expectMeasured(expectRecord(result, "result")["reciprocity"], "result.reciprocity");
    },
  },
  {
    name: "interactionProfile",
    bases: [[sample.interactionActs], ...generatedParsed.map((record) => [record.interactionActs])],
    call: call(interactionProfile),
    check: (result) => expectRecord(result, "result"),
  },
  {
    name: "participationFlags",
    bases: [
      [sample],
      [
        sampleParsed,
        { outreachAfter: 2, excused: "not-offered", dominanceShare: 0.3, lateArrivals: 2, lateShare: 0.5 },
      ],
      ...generatedParsed.map((record) => [record, { asOf: "2040-12-31" }]),
    ],
    call: call(participationFlags),
    check: (result) => {
      for (const flag of expectArray(result, "result")) expectString(expectRecord(flag, "flag")["message"], "message");
    },
  },
];

describe("fuzz: metrics", () => {
  fuzzEntryPoints(entries);
});
