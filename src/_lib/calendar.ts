import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in a time zone.
 *
 * @param instant - an ISO 8601 instant with offset
 * @param timeZone - an IANA time zone name
 */
export function localDate(instant: string | Date, timeZone: string): string {
  const time = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return format(new TZDate(time, timeZone), "yyyy-MM-dd");
}
