import { describe, expect, it } from "vitest";
import {
  ageOn,
  formatGroupRecordIssues,
  formatIssuePath,
  isActiveMember,
  isIanaTimeZone,
  isMinor,
  parseGroupRecord,
} from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { circular, deep, revoked, thrown } from "../fixtures/untrusted";

// Values no caller should send, sent anyway: each must come back as issues or as a GroupworkError naming the argument,
// never as a raw TypeError or RangeError from inside, a hang, or a changed input.

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe("parseGroupRecord with input it must not change", () => {
  it("leaves out an unknown field of a frozen group without touching the input", () => {
    const group = Object.freeze({ ...sampleGroupRecord.group, legacyId: "A-1" });
    const input = { ...sampleGroupRecord, group };
    const result = parseGroupRecord(input, { unknownFields: "warn" });
    expect([result.ok, result.issues.map((issue) => [issue.code, issue.path])]).toEqual([
      true,
      [["unknown-field", ["group", "legacyId"]]],
    ]);
    expect(group.legacyId).toBe("A-1");
    expect(result.ok && "legacyId" in result.value.group).toBe(false);
  });

  it("leaves out unknown fields deep inside a deeply frozen record, and the record stays as it was", () => {
    const input = deepFreeze(
      structuredClone({
        ...sampleGroupRecord,
        memberships: sampleGroupRecord.memberships.map((membership, index) =>
          index === 0 ? { ...membership, period: { ...membership.period, note: "x" } } : membership,
        ),
        members: sampleGroupRecord.members.map((member, index) => (index === 1 ? { ...member, legacy: 7 } : member)),
      }),
    );
    const before = JSON.stringify(input);
    const result = parseGroupRecord(input, { unknownFields: "warn" });
    expect(result.issues.map((issue) => issue.path)).toEqual([
      ["members", 1, "legacy"],
      ["memberships", 0, "period", "note"],
    ]);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("reads a null-prototype record as any other object", () => {
    const input = Object.assign(Object.create(null) as object, structuredClone(sampleGroupRecord));
    expect(parseGroupRecord(input).ok).toBe(true);
  });
});

describe("parseGroupRecord with a value that cannot be read", () => {
  const proxy = revoked();
  const unreadable: [string, unknown][] = [
    ["a revoked Proxy as the record", proxy],
    ["a revoked Proxy as a member", { ...sampleGroupRecord, members: [proxy] }],
    [
      "a list whose getter throws",
      Object.defineProperty({ ...sampleGroupRecord }, "members", {
        enumerable: true,
        get() {
          throw new Error("the host's own failure");
        },
      }),
    ],
  ];

  it.each(unreadable)("refuses %s as an argument, naming it, never with a raw TypeError", (_, input) => {
    expect(() => parseGroupRecord(input)).toThrowError(
      expect.objectContaining({
        name: "GroupworkError",
        code: "invalid-argument",
        message: expect.stringMatching(/^parseGroupRecord: input could not be read \(reading it threw /),
      }),
    );
  });
});

describe("parseGroupRecord with very many problems", () => {
  it("reports 130,000 broken sessions, one issue each, without overflowing the stack", () => {
    const result = parseGroupRecord({ ...sampleGroupRecord, sessions: Array(130_000).fill(null) });
    expect(result.ok).toBe(false);
    const broken = result.issues.filter((issue) => issue.path[0] === "sessions" && issue.code === "wrong-type");
    expect(broken).toHaveLength(130_000);
    expect(broken[129_999]?.path).toEqual(["sessions", 129_999]);
  }, 60_000);

  it("describes a BigInt, a Symbol or a function in a field by its kind only", () => {
    const result = parseGroupRecord({
      ...sampleGroupRecord,
      group: { ...sampleGroupRecord.group, capacity: 10n, name: Symbol("s"), timeZone: () => "UTC" },
    });
    expect(result.issues.map((issue) => issue.message)).toEqual([
      "group.name is a Symbol; expected text.",
      "group.capacity is a BigInt; expected a finite number.",
      "group.timeZone is a function; expected text.",
    ]);
  });
});

describe("parseGroupRecord options outside their types", () => {
  // Tables hold makers, not values: the test runner would try to print a 5,000-deep array in the test's name.
  it.each([
    ["a BigInt", () => ({ unknownFields: 1n }), 'options.unknownFields must be "error" or "warn"; got the BigInt 1n.'],
    [
      "a circular value",
      () => ({ unknownFields: circular() }),
      'options.unknownFields must be "error" or "warn"; got an object (keys "a", "self").',
    ],
    [
      "a 5,000-deep array",
      () => ({ unknownFields: deep(5000) }),
      'options.unknownFields must be "error" or "warn"; got an array of 1 item.',
    ],
    ["null", () => ({ unknownFields: null }), 'options.unknownFields must be "error" or "warn"; got null.'],
    ["null options", () => null, 'options must be an object such as { unknownFields: "warn" }; got null.'],
    ["a list", () => [], 'options must be an object such as { unknownFields: "warn" }; got an array of 0 items.'],
    ["a Symbol", () => Symbol("o"), 'options must be an object such as { unknownFields: "warn" }; got a Symbol (o).'],
  ])("refuses %s with a GroupworkError naming it", (_, options, message) => {
    const error = thrown(() => parseGroupRecord(sampleGroupRecord, options() as never));
    expect([error.code, error.message]).toEqual(["invalid-argument", `parseGroupRecord: ${message}`]);
  });
});

describe("formatGroupRecordIssues and formatIssuePath with arguments outside their types", () => {
  const issue = { severity: "error", code: "x", path: ["a", 1], message: "m" } as const;
  it.each([
    ["null", () => [null], "issues[0] must be an issue object; got null."],
    ["undefined", () => [issue, undefined], "issues[1] must be an issue object; got undefined."],
    [
      "a BigInt key",
      () => [{ ...issue, path: [1n] }],
      "issues[0].path[0] must be a key (text) or an index (a number); got the BigInt 1n.",
    ],
    [
      "a Symbol key",
      () => [{ ...issue, path: [Symbol("k")] }],
      "issues[0].path[0] must be a key (text) or an index (a number); got a Symbol (k).",
    ],
    [
      "a 5,000-deep path",
      () => [{ ...issue, path: deep(5000) }],
      "issues[0].path[0] must be a key (text) or an index (a number); got an array of 1 item.",
    ],
    ["a text path", () => [{ ...issue, path: "a.b" }], 'issues[0].path must be a list of keys and indexes; got "a.b".'],
    [
      "a null-prototype code",
      () => [{ ...issue, code: Object.create(null) }],
      "issues[0].code must be text; got an object with no prototype (no keys).",
    ],
    ["a number message", () => [{ ...issue, message: 5 }], "issues[0].message must be text; got 5."],
    // Another severity would be left out of the text without a word.
    [
      "another severity",
      () => [{ ...issue, severity: "info" }],
      'issues[0].severity must be "error" or "warning"; got "info".',
    ],
    ["text", () => "not a list", 'issues must be the list a parse returned; got "not a list".'],
  ])("formatGroupRecordIssues refuses %s with a GroupworkError naming the entry", (_, issues, message) => {
    const error = thrown(() => formatGroupRecordIssues(issues() as never));
    expect([error.code, error.message]).toEqual(["invalid-argument", `formatGroupRecordIssues: ${message}`]);
  });

  it("formats a million issues, errors first", () => {
    const warning = { severity: "warning", code: "w", path: ["a"], message: "m" } as const;
    const issues = [...Array(500_000).fill(warning), { ...warning, severity: "error" as const }];
    const text = formatGroupRecordIssues(issues);
    expect(text.slice(0, 20)).toBe("error w at a: m\nwarn");
    expect(text.split("\n")).toHaveLength(500_001);
  }, 60_000);

  it("formatIssuePath refuses a circular or deep path and a segment that is not a key or index", () => {
    const loop: unknown[] = [];
    loop.push(loop);
    expect(thrown(() => formatIssuePath(loop as never)).message).toBe(
      "formatIssuePath: path[0] must be a key (text) or an index (a number); got an array of 1 item.",
    );
    expect(thrown(() => formatIssuePath(deep(5000) as never)).code).toBe("invalid-argument");
    expect(thrown(() => formatIssuePath([Object.create(null)] as never)).message).toBe(
      "formatIssuePath: path[0] must be a key (text) or an index (a number); got an object with no prototype (no keys).",
    );
    expect(thrown(() => formatIssuePath(null as never)).message).toBe(
      "formatIssuePath: path must be a list of keys and indexes; got null.",
    );
  });
});

describe("isActiveMember, ageOn, isMinor and isIanaTimeZone with arguments outside their types", () => {
  it("reads a null-prototype membership as any other object: no period, active every day", () => {
    expect(isActiveMember(Object.create(null), "2026-03-12")).toBe(true);
  });

  it("names the membership's start when it is a null-prototype object", () => {
    const error = thrown(() => isActiveMember({ period: { start: Object.create(null) } }, "2026-03-12"));
    expect(error.message).toBe(
      "isActiveMember: membership.period needs a start and an optional end, each a real calendar date YYYY-MM-DD; got an object with no prototype (no keys).",
    );
  });

  it.each([
    ["a Symbol", () => Symbol("m"), "membership must be an object; got a Symbol (m)."],
    [
      "a null period",
      () => ({ period: null }),
      "membership.period must be an object { start, end? } or left out; got null.",
    ],
    [
      "a 5,000-deep period",
      () => ({ period: deep(5000) }),
      "membership.period must be an object { start, end? } or left out; got an array of 1 item.",
    ],
    // A flag that is not a boolean would otherwise read as active.
    ["a text flag", () => ({ inactive: "yes" }), 'membership.inactive must be true, false or left out; got "yes".'],
  ])("isActiveMember refuses %s with a GroupworkError naming the field", (_, membership, message) => {
    expect(thrown(() => isActiveMember(membership() as never, "2026-03-12")).message).toBe(
      `isActiveMember: ${message}`,
    );
  });

  it.each([
    ["a Symbol", () => Symbol("d")],
    ["a null-prototype object", () => Object.create(null)],
    ["a 5,000-deep array", () => deep(5000)],
    ["a BigInt", () => 20260312n],
  ])("ageOn refuses %s as a date", (_, value) => {
    expect(thrown(() => ageOn(value() as never, "2026-03-12")).message).toMatch(
      /^ageOn: birthDate must be a real calendar/,
    );
    expect(thrown(() => ageOn("2000-01-01", value() as never)).message).toMatch(/^ageOn: on must be a real calendar/);
  });

  it("isMinor names its options and the member's birth date", () => {
    expect(thrown(() => isMinor({ birthDate: "2010-01-01" }, "2026-01-01", null as never)).message).toBe(
      'isMinor: options must be an object such as { timeZone: "America/Chicago", ageOfMajority: 21 }; got null.',
    );
    expect(thrown(() => isMinor({ birthDate: "2010-01-01" }, "2026-01-01", { ageOfMajority: 1e21 })).message).toBe(
      "isMinor: options.ageOfMajority must be a positive whole number; got 1e+21.",
    );
    expect(
      thrown(() => isMinor({ birthDate: "2010-01-01" }, "2026-01-01", { ageOfMajority: null as never })).message,
    ).toBe("isMinor: options.ageOfMajority must be a positive whole number; got null.");
    expect(thrown(() => isMinor({ birthDate: Symbol("b") as never }, "2026-01-01")).message).toBe(
      "isMinor: birthDate must be a real calendar date YYYY-MM-DD; got a Symbol (b).",
    );
    expect(thrown(() => isMinor(Object.freeze(null) as never, "2026-01-01")).message).toBe(
      "isMinor: member must be an object; got null.",
    );
  });

  it.each([
    ["null", () => null],
    ["a Symbol", () => Symbol("z")],
    ["a null-prototype object", () => Object.create(null)],
    ["a 5,000-deep array", () => deep(5000)],
    ["a BigInt", () => 5n],
    ["a function", () => () => "UTC"],
  ])("isIanaTimeZone(%s) is false, not an exception", (_, value) => {
    expect(isIanaTimeZone(value())).toBe(false);
  });
});
