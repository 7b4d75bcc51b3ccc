// Time zone names, checked against the runtime's IANA database, without zod.

// Exported as a string so the TimeZone schema can put it in its JSON Schema; a bundle that needs only
// isIanaTimeZone then keeps no schema.
export const IANA_NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_+-]*(?:\\/[A-Za-z0-9_+-]+)*$";
const IANA_NAME = /* @__PURE__ */ new RegExp(IANA_NAME_PATTERN);
// Only known names are cached, so the cache is bounded by the IANA database however many bad names arrive.
const knownTimeZones = /* @__PURE__ */ new Set<string>();

/**
 * Whether a string is a time zone name the runtime's IANA database knows, such as `America/Chicago` or `UTC`.
 *
 * Offsets such as `+05:00` are not time zones: they do not follow daylight saving time.
 *
 * @param name - the name to check
 * @returns `true` for a known IANA time zone name
 * @example
 * isIanaTimeZone("Europe/Dublin")
 * //=> true
 * @example
 * isIanaTimeZone("+05:00")
 * //=> false
 */
export function isIanaTimeZone(name: string): boolean {
  if (knownTimeZones.has(name)) return true;
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    return false;
  }
  knownTimeZones.add(name);
  return true;
}
