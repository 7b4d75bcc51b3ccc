import { describeValue, GroupworkError } from "./errors.js";

/**
 * Throws `GroupworkError` (`invalid-argument`) when `options` holds a key the function does not read, naming it and the
 * keys it does read, so a misspelt option (`polciy`, `ageofMajority`) is never ignored in silence. `options` must
 * already be known to be an object. Own keys only, string and symbol alike; inherited ones are not options.
 *
 * @param options - the options object as given
 * @param known - the keys the function reads
 * @param where - how the caller names the object in messages, such as `checkDisclosure: options`
 */
export function refuseUnknownKeys(options: object, known: readonly string[], where: string): void {
  for (const key of Reflect.ownKeys(options)) {
    if (typeof key === "string" && known.includes(key)) continue;
    const listed = known.length === 0 ? "none" : known.map((name) => `"${name}"`).join(", ");
    throw new GroupworkError(
      "invalid-argument",
      `${where} has the key ${typeof key === "string" ? `"${key}"` : describeValue(key)}, which it does not take; it takes ${listed}.`,
    );
  }
}
