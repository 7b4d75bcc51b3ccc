import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { ExitReason, MemberId, SessionId } from "../model/index.js";
import { exitReasons } from "../model/vocabulary/index.js";
import { checkId } from "./check-entries.js";
import { belowFraction, type Verdict } from "./planned.js";
import { readAsOf, readableKeys, readOptions } from "./read-options.js";
import {
  type AttendanceRegister,
  type DatedSession,
  offeredSessions,
  type RegisteredClient,
  readRegister,
} from "./register.js";
import type { AttendanceSource } from "./source.js";
import { absencesIn, streaksOf } from "./streaks.js";

/**
 * A definition of dropout, as data. The field has no single definition (Swift & Greenberg 2012), so the caller
 * chooses, and the answer says which rule fired.
 *
 * - `consecutive-misses`: `k` absences in a row with no attendance since (excused absences count as misses unless
 *   `excused: "not-offered"`; sessions nobody recorded neither count nor break the run).
 * - `below-fraction`: the member attended fewer than `fraction` of the planned sessions, and can no longer reach it.
 * - `recorded-exit`: the membership ended with one of the exit `reasons`, e.g. `["dropped-out", "removed"]`.
 *
 * @example
 * const finding = detectDropout(sampleGroupRecord, "m-jamal", {
 *   kind: "recorded-exit",
 *   reasons: ["dropped-out", "removed"],
 * });
 * finding.explanation
 * //=> 'The membership ended on 2026-03-31 with the exit reason "dropped-out".'
 */
export type DropoutRule =
  | {
      readonly kind: "consecutive-misses";
      readonly k: number;
      readonly excused?: "offered" | "not-offered" | undefined;
    }
  | { readonly kind: "below-fraction"; readonly fraction: number }
  | { readonly kind: "recorded-exit"; readonly reasons: readonly ExitReason[] };

/**
 * Options of {@link detectDropout}.
 *
 * @example
 * // Jamal's membership ends with "dropped-out" on 31 March: not yet on the 20th
 * const options = { asOf: "2026-03-20" };
 * detectDropout(sampleGroupRecord, "m-jamal", { kind: "recorded-exit", reasons: ["dropped-out"] }, options).fired
 * //=> false
 */
export interface DetectDropoutOptions {
  /** The day to judge on, `YYYY-MM-DD` in the group's time zone; absent: everything in the record. */
  readonly asOf?: string | undefined;
}

/**
 * The answer of {@link detectDropout}.
 *
 * @example
 * const finding = detectDropout(sampleGroupRecord, "m-jamal", { kind: "recorded-exit", reasons: ["dropped-out"] });
 * [finding.fired, finding.date, finding.evidence]
 * //=> [true, "2026-03-31", []]
 */
export interface DropoutFinding {
  /** The member judged. */
  readonly memberId: MemberId;
  /** The rule applied. */
  readonly rule: DropoutRule;
  /** Whether the rule fired. */
  readonly fired: boolean;
  /**
   * The sessions that made it fire, in order: the run of misses, or the offered sessions missed up to the firing
   * day; empty for a recorded exit and when the rule did not fire.
   */
  readonly evidence: readonly SessionId[];
  /** The day it fired: the day of the session that completed the evidence, or the day the membership ended. */
  readonly date: string | null;
  /** A sentence saying why it fired or did not. */
  readonly explanation: string;
}

/**
 * Whether a member dropped out, by a rule given as data (Swift & Greenberg, J Consult Clin Psychol 80(4), 2012: dropout
 * averages 19.7% and depends on the definition used).
 *
 * `below-fraction` counts against the planned sessions: `group.plannedSessions` when the group has a plan (less the
 * sessions already past when a late joiner started), else the sessions in the record (held or still scheduled)
 * during the member's membership. While the group is not over, it
 * fires only once the member can no longer reach the fraction even by attending every session still to come; a member
 * whose membership has ended can attend no more. So it never fires early on a member who could still catch up.
 *
 * @param record - the group record (a parsed `GroupRecord`, or its group, memberships, sessions and attendance)
 * @param memberId - the client to judge (a person with a membership of role `member`)
 * @param rule - the definition of dropout
 * @param options - the day to judge on
 * @returns whether the rule fired, its evidence, its day and a sentence
 * @throws {GroupworkError} `invalid-argument` when the member is not a client of the group, the rule is not one
 *   of the three or holds a key its kind does not read (a hole in `reasons` included), the options hold a key other
 *   than `asOf`, or the record (as for {@link attendanceSummary}) or options are outside their types
 * @example
 * const finding = detectDropout(sampleGroupRecord, "m-jamal", { kind: "consecutive-misses", k: 2 });
 * [finding.fired, finding.evidence, finding.date]
 * //=> [true, ["s-06", "s-07", "s-08"], "2026-03-19"]
 * @example
 * detectDropout(sampleGroupRecord, "m-jamal", { kind: "below-fraction", fraction: 0.5 }).date
 * //=> "2026-03-31"
 */
export function detectDropout(
  record: AttendanceSource,
  memberId: string,
  rule: DropoutRule,
  options: DetectDropoutOptions = {},
): DropoutFinding {
  const caller = "detectDropout";
  const asOf = readAsOf(readOptions(options, caller, ["asOf"]).asOf, caller);
  checkDropoutRule(rule, caller);
  checkId(memberId, "memberId", caller);
  const register = readRegister(record, asOf, caller);
  const client = register.clients.find((entry) => entry.memberId === memberId);
  if (client === undefined) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${describeValue(memberId)} is not a client of the group (no membership with the role member).`,
    );
  }
  return { memberId: client.memberId, rule, ...dropoutOf(record, register, client, rule, asOf) };
}

/**
 * Checks a {@link DropoutRule} given by a caller, named `where` in messages (`rule`, or `options.dropout`): its kind,
 * the fields of that kind and no other key. Not exported from the package.
 */
export function checkDropoutRule(rule: DropoutRule, caller: string, where = "rule"): void {
  const kind: unknown = typeof rule === "object" && rule !== null ? rule.kind : undefined;
  const refuseOthers = (known: readonly string[]) => readableKeys(rule, known, `${caller}: ${where}`);
  if (kind === "consecutive-misses") {
    refuseOthers(["kind", "k", "excused"]);
    const { k, excused } = rule as Extract<DropoutRule, { kind: "consecutive-misses" }>;
    if (!Number.isInteger(k) || k < 1) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: ${where}.k must be a whole number, 1 or more; got ${describeValue(k)}.`,
      );
    }
    if (excused !== undefined && excused !== "offered" && excused !== "not-offered") {
      throw new GroupworkError("invalid-argument", `${caller}: ${where}.excused must be "offered" or "not-offered".`);
    }
  } else if (kind === "below-fraction") {
    refuseOthers(["kind", "fraction"]);
    const { fraction } = rule as Extract<DropoutRule, { kind: "below-fraction" }>;
    if (typeof fraction !== "number" || !(fraction > 0 && fraction <= 1)) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: ${where}.fraction must be a number above 0 and at most 1; got ${describeValue(fraction)}.`,
      );
    }
  } else if (kind === "recorded-exit") {
    refuseOthers(["kind", "reasons"]);
    checkExitReasons((rule as Extract<DropoutRule, { kind: "recorded-exit" }>).reasons, caller, where);
  } else {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${where}.kind must be "consecutive-misses", "below-fraction" or "recorded-exit"; got ${describeValue(kind)}.`,
    );
  }
}

/** Checks a recorded-exit rule's reasons: a non-empty list of exit reasons, with no hole (refused at the first). */
function checkExitReasons(reasons: unknown, caller: string, where: string): void {
  const known: readonly string[] = exitReasons.codes;
  const expected = `a non-empty list of exit reasons (${known.join(", ")})`;
  if (!Array.isArray(reasons) || reasons.length === 0) {
    throw new GroupworkError("invalid-argument", `${caller}: ${where}.reasons must be ${expected}.`);
  }
  // An index loop, not every(), so a hole is read (as undefined) and refused rather than skipped.
  for (let index = 0; index < reasons.length; index++) {
    const reason: unknown = reasons[index];
    if (typeof reason !== "string" || !known.includes(reason)) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: ${where}.reasons[${index}] is ${index in reasons ? describeValue(reason) : "a hole in the list"}; ${where}.reasons must be ${expected}.`,
      );
    }
  }
}

/** Applies a checked rule to one client of a register. Not exported from the package. */
export function dropoutOf(
  record: AttendanceSource,
  register: AttendanceRegister,
  client: RegisteredClient,
  rule: DropoutRule,
  asOf: string | undefined,
): Verdict {
  if (rule.kind === "consecutive-misses") return consecutiveMisses(register, client, rule);
  if (rule.kind === "recorded-exit") return recordedExit(client, rule, asOf);
  return belowFraction(record, register, client, rule.fraction, asOf);
}

/** `consecutive-misses`: the client's last run of absences, by the rule of `absenceStreaks`, holds at least `k`. */
function consecutiveMisses(
  register: AttendanceRegister,
  client: RegisteredClient,
  rule: Extract<DropoutRule, { kind: "consecutive-misses" }>,
): Verdict {
  const excused = rule.excused ?? "offered";
  const { current, runs } = streaksOf(client.statuses, excused);
  const run = runs[runs.length - 1];
  if (current < rule.k || run === undefined) {
    return {
      fired: false,
      evidence: [],
      date: null,
      explanation: `Fewer than ${rule.k} absences in a row since the member last attended (${current} now).`,
    };
  }
  // Positions index the client's offered sessions.
  const offered = offeredSessions(register, client);
  const missed = absencesIn(run, client.statuses, excused).map((position) => offered[position] as DatedSession);
  return {
    fired: true,
    evidence: missed.map((dated) => dated.id),
    // The run holds at least k absences, so the k-th is there.
    date: (missed[rule.k - 1] as DatedSession).day,
    explanation: `Missed ${current} sessions in a row with no attendance since; the rule fires at ${rule.k}.`,
  };
}

/** `recorded-exit`: the client's last membership that ended (by `asOf`) with one of the reasons. */
function recordedExit(
  client: RegisteredClient,
  rule: Extract<DropoutRule, { kind: "recorded-exit" }>,
  asOf: string | undefined,
): Verdict {
  const exit = client.memberships
    .filter((membership) => membership.exitReason !== undefined && rule.reasons.includes(membership.exitReason))
    .filter((membership) => asOf === undefined || (membership.period?.end ?? "") <= asOf)
    .pop();
  if (exit === undefined) {
    return {
      fired: false,
      evidence: [],
      date: null,
      explanation: "No membership ended with one of the given exit reasons.",
    };
  }
  return {
    fired: true,
    evidence: [],
    date: exit.period?.end ?? null,
    explanation: `The membership ended${exit.period?.end === undefined ? "" : ` on ${exit.period.end}`} with the exit reason "${exit.exitReason}".`,
  };
}
