// Setup file of every runtime project. It checks that the workers run in the zone their project names (TZ in
// vitest.config.ts), so a run that silently fell back to the machine's zone cannot pass for a run under New York
// or Chatham time; and it fails a test file that reads the local time zone without being listed in
// time-zone-files.ts, the files `npm run test:tz` runs again under other zones (time-zone-log.ts says what a read is).
import { afterAll, expect } from "vitest";
import { timeZoneReadLog, unlistedTimeZoneReads } from "./time-zone-log.js";

const expected = process.env["TZ"];
const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
if (expected === undefined || (zone !== expected && !(expected === "UTC" && zone === "Etc/UTC"))) {
  throw new Error(`This run should be in the time zone ${expected ?? "(TZ unset)"} but its workers are in ${zone}`);
}

const log = timeZoneReadLog();
const file = expect.getState().testPath;
log.file = file;

afterAll(() => {
  const complaint = file === undefined ? undefined : unlistedTimeZoneReads(file, log);
  if (complaint !== undefined) throw new Error(complaint);
});
