import { describe } from "vitest";
import { scoreGcqS, scoreGoalAttainment } from "../../src/measures/index";
import { call, type EntryPoint } from "./contract";
import { expectArray, expectBoolean, expectFinite, expectMeasured, expectRecord } from "./results";
import { fuzzEntryPoints } from "./suite";

const entries: EntryPoint[] = [
  {
    name: "scoreGcqS",
    bases: [[[3, 4, 2, 5, 1, 0, 6, 3, 2, 4, 5, 1]], [[3, null, 2, 5, 1, 0, 6, 3, 2, undefined, 5, 1]]],
    call: call(scoreGcqS),
    check: (result) => {
      const score = expectRecord(result, "result");
      expectBoolean(score["valid"], "result.valid");
      expectArray(score["missingItems"], "result.missingItems");
      for (const subscale of ["engaged", "avoiding", "conflict"]) expectMeasured(score[subscale], subscale);
    },
  },
  {
    name: "scoreGoalAttainment",
    bases: [
      [[{ score: 1, weight: 2 }, { score: -1, weight: 1 }, { score: 0 }]],
      [[{ score: 2 }, { score: -2 }], { rho: 0.3 }],
      [[]],
    ],
    call: call(scoreGoalAttainment),
    check: (result) => {
      const score = expectRecord(result, "result");
      expectMeasured(score["tScore"], "result.tScore");
      expectFinite(score["goals"], "result.goals");
      expectFinite(score["weightedSum"], "result.weightedSum");
      expectFinite(score["rho"], "result.rho");
    },
  },
];

describe("fuzz: measures", () => {
  fuzzEntryPoints(entries);
});
