import { isCalendarDate, isInstant } from "../_lib/dates.js";
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import { hasVisibleCharacter } from "../_lib/text.js";
import type { ClientState, ScheduleState } from "./builder-state.js";

// Readers of the scenario builder's arguments. Each throws GroupworkError (invalid-argument) naming the call and the
// argument (`meetsWeekly: options.startTime`), so a test author sees which line of the scenario is wrong.

function refuse(message: string): never {
  throw new GroupworkError("invalid-argument", message);
}

/**
 * A plain copy of the `known` keys of an options object, each read once. Throws when it is not an object, holds a key
 * that is not an option, or cannot be read (a revoked Proxy, a getter that throws).
 */
export function readOptions<const K extends string>(
  options: unknown,
  where: string,
  known: readonly K[],
): { readonly [P in K]?: unknown } {
  return readArgument(where, () => {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      refuse(
        `${where} must be an object with ${known.map((key) => `"${key}"`).join(", ")}; got ${describeValue(options)}.`,
      );
    }
    refuseUnknownKeys(options, known, where);
    const copy: { [P in K]?: unknown } = {};
    for (const key of known) copy[key] = (options as Record<K, unknown>)[key];
    return copy;
  });
}

/** Text with a character a person can see. */
export function readText(value: unknown, where: string, example: string): string {
  if (typeof value === "string" && hasVisibleCharacter(value)) return value;
  return refuse(
    `${where} must be text that is not blank, such as ${JSON.stringify(example)}; got ${describeValue(value)}.`,
  );
}

/** {@link readText} when the value is given; `undefined` when it is left out. */
export function readOptionalText(value: unknown, where: string, example: string): string | undefined {
  return value === undefined ? undefined : readText(value, where, example);
}

/** One of a vocabulary's codes. */
export function readCode<const C extends string>(value: unknown, codes: readonly C[], where: string): C {
  if (typeof value === "string" && (codes as readonly string[]).includes(value)) return value as C;
  return refuse(
    `${where} must be one of ${codes.map((code) => JSON.stringify(code)).join(", ")}; got ${describeValue(value)}.`,
  );
}

/** A whole number from `min` to `max`. */
export function readWholeNumber(value: unknown, where: string, min: number, max: number): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value;
  return refuse(`${where} must be a whole number from ${min} to ${max}; got ${describeValue(value)}.`);
}

/** A real calendar date `YYYY-MM-DD`. */
export function readCalendarDate(value: unknown, where: string): string {
  if (typeof value === "string" && isCalendarDate(value)) return value;
  return refuse(`${where} must be a real calendar date YYYY-MM-DD, such as "2026-02-19"; got ${describeValue(value)}.`);
}

/** An ISO 8601 instant with an offset or `Z`, when given. */
export function readOptionalInstant(value: unknown, where: string): string | undefined {
  if (value === undefined || (typeof value === "string" && isInstant(value))) return value;
  return refuse(
    `${where} must be an ISO 8601 instant with an offset, such as "2026-06-30T23:59:00-05:00"; got ${describeValue(value)}.`,
  );
}

/** A boolean, `fallback` when left out. */
export function readFlag(value: unknown, where: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  return refuse(`${where} must be true or false; got ${describeValue(value)}.`);
}

/** A list that is not empty, each entry read by `read` with its index in `where`. */
export function readList<T>(value: unknown, where: string, read: (entry: unknown, where: string) => T): T[] {
  if (!Array.isArray(value) || value.length === 0) {
    return refuse(`${where} must be a list with at least one entry; got ${describeValue(value)}.`);
  }
  const entries: T[] = [];
  // An index loop, so a hole in the list is read (as undefined) and refused rather than skipped.
  for (let index = 0; index < value.length; index++) entries.push(read(value[index], `${where}[${index}]`));
  return entries;
}

/** Throws `invalid-argument` with a message. */
export function refuseArgument(message: string): never {
  return refuse(message);
}

/** A client as messages name them: `member 3 ("m-3")`. */
export function describeClient(client: ClientState): string {
  return `member ${client.id.slice(2)} ("${client.id}")`;
}

/** A session number of the schedule. */
export function readSession(schedule: ScheduleState, value: unknown, where: string): number {
  const count = schedule.sessions.length;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= count) return value;
  return refuse(
    `${where} must be a session number from 1 to ${count} (the group meets ${count} time${count === 1 ? "" : "s"}); got ${describeValue(value)}.`,
  );
}

/** A list of session numbers of the schedule, each once. */
export function readSessionList(schedule: ScheduleState, value: unknown, where: string): number[] {
  const sessions = readList(value, where, (entry, at) => readSession(schedule, entry, at));
  const repeated = sessions.find((session, index) => sessions.indexOf(session) !== index);
  if (repeated !== undefined) refuse(`${where} lists session ${repeated} twice; list each session once.`);
  return sessions;
}
