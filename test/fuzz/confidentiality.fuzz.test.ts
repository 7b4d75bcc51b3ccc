import { describe } from "vitest";
import {
  allOf,
  anyOf,
  checkDisclosure,
  checkIndividualNote,
  defaultPolicy,
  definePolicy,
  explainDecision,
  findMemberMentions,
  negate,
  redactMemberMentions,
  toAuditRecord,
  whoMayReceive,
} from "../../src/confidentiality/index";
import { decisions, note, permitAll, permittedRequests, roster } from "./bases";
import { call, type EntryPoint } from "./contract";
import { expectArray, expectBoolean, expectDecision, expectRecord, expectString, fail } from "./results";
import { fuzzEntryPoints } from "./suite";

// The confidentiality room's public functions. Requests are ones the default policy permits; the disclosure check
// is also fuzzed under a policy that permits everything, so a bad request it lets through shows.

const [firstRequest, secondRequest] = permittedRequests;
const situation = (request: (typeof permittedRequests)[number] | undefined) => {
  const { recipient: _recipient, purpose: _purpose, ...rest } = request ?? {};
  return rest;
};
const candidates = [
  {
    recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
    purpose: "COC",
  },
  { recipient: { kind: "payer", organisation: "Prairie Health Plan" }, purpose: "HPAYMT" },
  { recipient: { kind: "public" }, purpose: "HOPERAT" },
];
const rule = {
  id: "summaries-for-treatment",
  effect: "permit",
  description: "Session summaries may be used for treatment.",
  source: "45 CFR 164.506",
  obligations: ["MINEC"],
  advice: ["Share the summary only."],
  when: (request: { information: { kind: string } }) => request.information.kind === "session-summary",
  unless: () => false,
};

const expectTruth = (result: unknown) => {
  if (result !== true && result !== false && result !== undefined) fail("result should be true, false or undefined");
};
const expectMentions = (result: unknown) => {
  for (const mention of expectArray(result, "result")) expectString(expectRecord(mention, "mention")["text"], "text");
};

const entries: EntryPoint[] = [
  {
    name: "checkDisclosure",
    bases: [
      ...permittedRequests.map((request) => [request]),
      ...permittedRequests.map((request) => [request, { policy: permitAll }]),
    ],
    call: call(checkDisclosure),
    check: (result) => expectDecision(result, "result"),
  },
  {
    name: "whoMayReceive",
    bases: [
      [situation(firstRequest), candidates],
      [situation(secondRequest), candidates, { policy: permitAll }],
    ],
    call: call(whoMayReceive),
    check: (result) => {
      expectArray(expectRecord(result, "result")["permitted"], "result.permitted");
      expectArray(expectRecord(result, "result")["denied"], "result.denied");
    },
  },
  {
    name: "explainDecision",
    bases: decisions.map((decision) => [decision]),
    call: call(explainDecision),
    check: (result) => {
      for (const line of expectArray(result, "result")) expectString(line, "line");
    },
  },
  {
    name: "definePolicy",
    bases: [[[rule], { version: "agency-2026-1" }], [[rule], { extends: defaultPolicy }], [[]]],
    call: call(definePolicy),
    check: (result) => {
      expectString(expectRecord(result, "result")["version"], "result.version");
      expectArray(expectRecord(result, "result")["rules"], "result.rules");
    },
  },
  {
    name: "toAuditRecord",
    bases: permittedRequests.map((request, index) => [
      request,
      decisions[index],
      { decisionId: `d-${index}`, at: "2026-03-10T10:00:02-05:00" },
    ]),
    call: call(toAuditRecord),
    check: (result) => {
      const record = expectRecord(result, "result");
      expectString(record["decisionId"], "result.decisionId");
      if (record["effect"] !== "permit" && record["effect"] !== "deny") fail("result.effect should be permit or deny");
    },
  },
  {
    name: "findMemberMentions",
    bases: [
      [note, roster, { subject: "m-hope" }],
      [note, roster, { subject: "m-hope", strict: true, commonWordNames: ["Hope", "Grace"] }],
    ],
    call: call(findMemberMentions),
    check: expectMentions,
  },
  {
    name: "redactMemberMentions",
    bases: [
      [note, roster, { subject: "m-hope" }],
      [note, roster, { subject: "m-hope", replacement: "[member]", strict: true }],
    ],
    call: call(redactMemberMentions),
    check: (result) => {
      expectString(expectRecord(result, "result")["text"], "result.text");
      expectArray(expectRecord(result, "result")["replaced"], "result.replaced");
    },
  },
  {
    name: "checkIndividualNote",
    bases: [
      [note, roster, { subject: "m-hope" }],
      [note, roster, { subject: "m-hope", strict: true, commonWordNames: ["Grace"] }],
    ],
    call: call(checkIndividualNote),
    check: (result) => {
      expectBoolean(expectRecord(result, "result")["ok"], "result.ok");
      expectArray(expectRecord(result, "result")["problems"], "result.problems");
    },
  },
  { name: "allOf", bases: [[true, undefined, true], [false], []], call: call(allOf), check: expectTruth },
  { name: "anyOf", bases: [[false, undefined, true], [false], []], call: call(anyOf), check: expectTruth },
  { name: "negate", bases: [[true], [undefined]], call: call(negate), check: expectTruth },
];

describe("fuzz: confidentiality", () => {
  fuzzEntryPoints(entries);
});
