// The test files whose outcome can depend on the machine's local time zone: they read it themselves, or call code
// that does (the library's calendar answers go through @date-fns/tz, whose TZDate lines itself up with the system
// zone). `npm run test:tz` runs exactly these files again under TZ=America/New_York and TZ=Pacific/Chatham.
//
// The list is checked, not trusted: in the UTC run, test/setup/time-zone-reads.ts watches every read of the local
// zone and fails any test file that reads it without being listed here.
export const timeZoneTestFiles: readonly string[] = [
  "test/_lib/calendar.test.ts",
  "test/_lib/instants.test.ts",
  "test/docs/tsdoc-examples.test.ts",
  "test/fuzz/metrics.fuzz.test.ts",
  "test/fuzz/stages.fuzz.test.ts",
  "test/metrics/arguments.test.ts",
  "test/metrics/attendance.property.test.ts",
  "test/metrics/sample-attendance.test.ts",
  "test/metrics/trend.test.ts",
  "test/setup/time-zone-reads.test.ts",
  "test/cli/hostile-input.test.ts",
  "test/cli/report.test.ts",
  "test/cli/sample.test.ts",
  "test/cli/validate.test.ts",
  "test/stages/sample.test.ts",
  "test/stages/time-in-stage.test.ts",
];
