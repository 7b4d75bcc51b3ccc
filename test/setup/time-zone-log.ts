// Watches the ways a program can read the machine's local time zone, and logs which test file each read came from.
//
// What counts as a read: the Date methods that work in local time (getHours, setFullYear, getTimezoneOffset,
// toString, toLocale* without a timeZone option…), `new Date(y, m, …)` and `Date()`, `new Date(text)` and
// `Date.parse(text)` of a date-time without an offset, and `Intl.DateTimeFormat` without a timeZone option (whose
// resolvedOptions().timeZone is the local zone). A read counts for the test file running at the time when it comes
// from the library's sources or the tests, directly or through a dependency such as @date-fns/tz; reads by vitest
// itself do not count.
//
// Test files share worker processes (isolate: false), so the watchers are installed once per worker, and a module
// evaluated once is charged to the first test file that imports it.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { timeZoneTestFiles } from "./time-zone-files.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ownCode = [`${root}src/`, `${root}test/`];
const watcherCode = [fileURLToPath(import.meta.url), fileURLToPath(new URL("./time-zone-reads.ts", import.meta.url))];

/** The reads seen in one worker process. */
export interface TimeZoneReadLog {
  /** Absolute path of the test file now running in this worker. */
  file: string | undefined;
  /** Per test file (absolute path), the first place each kind of read came from. */
  readonly reads: Map<string, Map<string, string>>;
}

const logKey = Symbol.for("groupwork.test.timeZoneReads");
const holder = globalThis as typeof globalThis & { [logKey]?: TimeZoneReadLog };

/** This worker's log, installing the watchers on first use. */
export function timeZoneReadLog(): TimeZoneReadLog {
  holder[logKey] ??= install();
  return holder[logKey];
}

/** Why a test file fails the check: it reads the local zone but is not in timeZoneTestFiles; `undefined` if it passes. */
export function unlistedTimeZoneReads(file: string, log: TimeZoneReadLog = timeZoneReadLog()): string | undefined {
  const reads = log.reads.get(file);
  const name = relative(root, file);
  if (reads === undefined || timeZoneTestFiles.includes(name)) return undefined;
  const where = [...reads].map(([api, frame]) => `  ${api} at ${frame}`).join("\n");
  return (
    `${name} reads the machine's local time zone, so its outcome can depend on it, but it is not run under other ` +
    `zones: add it to timeZoneTestFiles in test/setup/time-zone-files.ts.\n${where}`
  );
}

function install(): TimeZoneReadLog {
  const log: TimeZoneReadLog = { file: undefined, reads: new Map() };
  let busy = false;

  // Whether a read of this kind would be news for the running file (the first of each kind is enough).
  function wants(api: string): boolean {
    const current = log.file;
    return current !== undefined && !busy && log.reads.get(current)?.has(api) !== true;
  }

  function note(api: string): void {
    const current = log.file;
    if (current === undefined || !wants(api)) return;
    busy = true;
    try {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 80;
      const stack = new Error().stack ?? "";
      Error.stackTraceLimit = limit;
      const frame = stack
        .split("\n")
        .slice(1)
        .find((line) => ownCode.some((dir) => line.includes(dir)) && !watcherCode.some((path) => line.includes(path)));
      if (frame === undefined) return;
      let reads = log.reads.get(current);
      if (reads === undefined) {
        reads = new Map();
        log.reads.set(current, reads);
      }
      reads.set(api, frame.trim().replace(/^at /, "").replaceAll(`file://${root}`, "").replaceAll(root, ""));
    } finally {
      busy = false;
    }
  }

  const OriginalDate = Date;
  const originalParse = Date.parse;
  // Date-only ISO text is read as UTC; text that ends in Z, an offset or a named UTC/GMT offset names its own zone.
  const zoneFreeText =
    /^[+-]?\d{4,6}(?:-\d{2}){0,2}$|(?:Z|[+-]\d{2}:?\d{2}|\b(?:UTC|GMT|UT)(?:[+-]\d{1,4}(?::?\d{2})?)?)(?:\s*\(.*\))?\s*$/i;
  const readsLocalText = (text: unknown) =>
    typeof text === "string" && !zoneFreeText.test(text.trim()) && !Number.isNaN(originalParse(text));

  // A plain function rather than a Proxy, which would make every `new Date` in the suite an order of magnitude slower.
  // It shares Date's prototype, and inherits Date.now, Date.UTC and the watched Date.parse from Date itself.
  const WatchedDate = function watchedDate(this: unknown, ...args: unknown[]) {
    if (new.target === undefined) {
      note("Date()");
      return OriginalDate();
    }
    if (args.length >= 2) note("new Date(year, month, …)");
    else if (wants("new Date(text without an offset)") && readsLocalText(args[0])) {
      note("new Date(text without an offset)");
    }
    return Reflect.construct(OriginalDate, args, new.target === WatchedDate ? OriginalDate : new.target);
  };
  WatchedDate.prototype = OriginalDate.prototype;
  Object.setPrototypeOf(WatchedDate, OriginalDate);
  globalThis.Date = WatchedDate as unknown as DateConstructor;
  OriginalDate.parse = function parse(text: string): number {
    if (wants("Date.parse(text without an offset)") && readsLocalText(text)) note("Date.parse(text without an offset)");
    return originalParse(text);
  };

  const prototype = OriginalDate.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const localMethods = [
    "getFullYear",
    "getMonth",
    "getDate",
    "getDay",
    "getHours",
    "getMinutes",
    "getSeconds",
    "getMilliseconds",
    "getTimezoneOffset",
    "setFullYear",
    "setMonth",
    "setDate",
    "setHours",
    "setMinutes",
    "setSeconds",
    "setMilliseconds",
    "toString",
    "toDateString",
    "toTimeString",
  ];
  for (const name of localMethods) {
    const original = prototype[name];
    if (original === undefined) continue;
    prototype[name] = function (this: Date, ...args: unknown[]) {
      note(`Date.prototype.${name}`);
      return original.apply(this, args);
    };
  }
  for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]) {
    const original = prototype[name];
    if (original === undefined) continue;
    prototype[name] = function (this: Date, ...args: unknown[]) {
      if (!hasTimeZone(args[1])) note(`Date.prototype.${name} without a timeZone option`);
      return original.apply(this, args);
    };
  }

  Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
    construct(target, args: unknown[], newTarget) {
      if (!hasTimeZone(args[1])) note("Intl.DateTimeFormat without a timeZone option");
      return Reflect.construct(target, args, newTarget);
    },
    apply(target, self, args: unknown[]) {
      if (!hasTimeZone(args[1])) note("Intl.DateTimeFormat without a timeZone option");
      return Reflect.apply(target, self, args);
    },
  });

  return log;
}

function hasTimeZone(options: unknown): boolean {
  return typeof options === "object" && options !== null && (options as { timeZone?: unknown }).timeZone !== undefined;
}
