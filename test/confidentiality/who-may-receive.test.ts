import { describe, expect, it } from "vitest";
import {
  checkDisclosure,
  type DisclosureCandidate,
  type DisclosureSituation,
  definePolicy,
  whoMayReceive,
} from "../../src/confidentiality/index";
import { GroupworkError } from "../../src/model/index";
import { consent, deepFreeze, request, rule } from "./engine-fixtures";

const policy = definePolicy(
  [
    rule("facilitators-treat", "permit", {
      obligations: [],
      when: (asked) => asked.recipient.activeFacilitator === true && asked.purpose === "TREAT",
    }),
    rule("with-consent", "permit", {
      obligations: ["MINEC"],
      when: (_, facts) => facts.consents.granting.length > 0,
    }),
    rule("no-payers", "forbid", { when: (asked) => asked.recipient.kind === "payer" }),
  ],
  { version: "screen" },
);

const { recipient: _recipient, purpose: _purpose, ...rest } = request({ consents: [consent()] });
const situation: DisclosureSituation = rest;

const candidates: DisclosureCandidate[] = [
  { recipient: { kind: "payer", organisation: "Prairie Health Plan" }, purpose: "HPAYMT" },
  { recipient: { kind: "facilitator", id: "f-rivera", activeFacilitator: true }, purpose: "TREAT" },
  {
    recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
    purpose: "COC",
  },
  {
    recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
    purpose: "HRESCH",
  },
];

describe("whoMayReceive", () => {
  it("splits the candidates by effect, keeps their order and index, and gives each its decision", () => {
    const answer = whoMayReceive(situation, candidates, { policy });
    expect(answer.permitted.map((one) => [one.index, one.decision.determiningRules, one.decision.obligations])).toEqual(
      [
        [1, ["facilitators-treat"], []],
        [2, ["with-consent"], ["MINEC"]],
      ],
    );
    expect(answer.denied.map((one) => [one.index, one.decision.basis, one.decision.determiningRules])).toEqual([
      [0, "explicit-forbid", ["no-payers"]],
      [3, "default-deny", []],
    ]);
    expect(answer.denied[0]?.recipient).toEqual(candidates[0]?.recipient);
    expect(answer.denied[0]?.purpose).toBe("HPAYMT");
  });

  it("answers for each candidate exactly as checkDisclosure does", () => {
    const answer = whoMayReceive(situation, candidates, { policy });
    for (const one of [...answer.permitted, ...answer.denied]) {
      const alone = checkDisclosure({ ...situation, recipient: one.recipient, purpose: one.purpose }, { policy });
      expect(one.decision).toEqual(alone);
    }
  });

  it("denies a malformed candidate as an invalid request instead of throwing", () => {
    const answer = whoMayReceive(situation, [{ recipient: { kind: "neighbour" }, purpose: "TREAT" } as never], {
      policy,
    });
    expect(answer.permitted).toEqual([]);
    expect(answer.denied[0]?.decision.errors.map((error) => error.path)).toEqual(["recipient.kind"]);
  });

  it("does not change its inputs, and answers nothing for no candidates", () => {
    const frozen = deepFreeze({ situation: structuredClone(situation), candidates: structuredClone(candidates) });
    expect(whoMayReceive(frozen.situation, frozen.candidates, { policy }).permitted).toHaveLength(2);
    expect(whoMayReceive(situation, [], { policy })).toEqual({ permitted: [], denied: [] });
  });

  it("throws invalid-argument when the candidates are not a list", () => {
    expect(() => whoMayReceive(situation, "everyone" as never)).toThrow(GroupworkError);
    expect(() => whoMayReceive(situation, "everyone" as never)).toThrow(/candidates must be an array/);
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      "a megabyte string as the situation",
      () => whoMayReceive("x".repeat(1e6) as never, candidates),
      /whoMayReceive: situation must be an object .* not "x+…"/,
    ],
    ["a null situation", () => whoMayReceive(null as never, candidates), /situation must be an object .* not null/],
    [
      "a situation that is an array",
      () => whoMayReceive([situation] as never, candidates),
      /situation must be an object .* not an array of 1 item/,
    ],
    [
      "a situation that is a Symbol, even with no candidates",
      () => whoMayReceive(Symbol("s") as never, []),
      /situation must be an object .* not a Symbol/,
    ],
    [
      "a candidate that is null",
      () => whoMayReceive(situation, [null as never]),
      /candidates\[0\] must be an object with a recipient and a purpose, not null/,
    ],
    [
      "a hole in the candidates",
      () => {
        const holey: DisclosureCandidate[] = [];
        holey[1] = candidates[0] as DisclosureCandidate;
        return whoMayReceive(situation, holey);
      },
      /candidates\[0\] must be an object .* not undefined/,
    ],
    [
      "a recipient that is a 5,000-deep array",
      () =>
        whoMayReceive(situation, [
          { recipient: JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`), purpose: "TREAT" },
        ]),
      /candidates\[0\]\.recipient must be an object, not an array of 1 item/,
    ],
    [
      "a purpose that is a BigInt",
      () => whoMayReceive(situation, [{ recipient: { kind: "payer" }, purpose: 10n as never }]),
      /candidates\[0\]\.purpose must be a purpose-of-use code, not the BigInt 10n/,
    ],
    [
      "a purpose that is circular",
      () => {
        const circular: Record<string, unknown> = {};
        circular["self"] = circular;
        return whoMayReceive(situation, [{ recipient: { kind: "payer" }, purpose: circular as never }]);
      },
      /candidates\[0\]\.purpose must be a purpose-of-use code, not an object/,
    ],
    [
      "options that are null, even with no candidates",
      () => whoMayReceive(situation, [], null as never),
      /whoMayReceive: options must be an object, not null/,
    ],
  ])("throws invalid-argument up front for %s", (_, action, message) => {
    expect(action).toThrow(GroupworkError);
    expect(action).toThrow(message);
  });

  it("refuses a megabyte situation instead of spreading it into a million keys", () => {
    expect(() => whoMayReceive("x".repeat(1e6) as never, candidates)).toThrow(/situation must be an object/);
  });

  it("reads a situation with no prototype, or frozen, as any other", () => {
    const bare = Object.assign(Object.create(null), situation) as DisclosureSituation;
    const expected = whoMayReceive(situation, candidates, { policy });
    expect(whoMayReceive(bare, candidates, { policy })).toEqual(expected);
    expect(whoMayReceive(Object.freeze({ ...situation }), candidates, { policy })).toEqual(expected);
  });
});
