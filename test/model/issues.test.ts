import { describe, expect, it } from "vitest";
import { formatGroupRecordIssues, formatIssuePath, type GroupRecordIssue, GroupworkError } from "../../src/model/index";

describe("formatIssuePath", () => {
  it("writes object keys with dots and list indexes in brackets", () => {
    expect(formatIssuePath(["agreements", 0, "signatures", 2, "memberId"])).toBe(
      "agreements[0].signatures[2].memberId",
    );
    expect(formatIssuePath(["group", "timeZone"])).toBe("group.timeZone");
    expect(formatIssuePath([3])).toBe("[3]");
    expect(formatIssuePath([])).toBe("(record)");
  });
});

describe("formatGroupRecordIssues", () => {
  const warning: GroupRecordIssue = {
    code: "no-facilitator",
    severity: "warning",
    path: ["memberships"],
    message: "No facilitator.",
  };
  const error: GroupRecordIssue = {
    code: "unknown-session",
    severity: "error",
    path: ["turns", 4, "sessionId"],
    message: "No such session.",
  };

  it("puts errors before warnings, one line each", () => {
    expect(formatGroupRecordIssues([warning, error])).toBe(
      "error unknown-session at turns[4].sessionId: No such session.\nwarning no-facilitator at memberships: No facilitator.",
    );
  });

  it("writes nothing for no issues", () => {
    expect(formatGroupRecordIssues([])).toBe("");
  });
});

describe("the formatters on what their types forbid", () => {
  it("quote keys that are not plain names, so a path reads one way only", () => {
    expect(formatIssuePath(["members", 0, ""])).toBe('members[0][""]');
    expect(formatIssuePath(["group", "first.name"])).toBe('group["first.name"]');
    expect(formatIssuePath(["a b"])).toBe('["a b"]');
  });

  it("refuse a value that is not a list with a GroupworkError", () => {
    expect(() => formatIssuePath(null as unknown as [])).toThrow(GroupworkError);
    expect(() => formatGroupRecordIssues(undefined as unknown as [])).toThrow(/must be the list a parse returned/);
  });
});
