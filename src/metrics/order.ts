// Private to the metrics room: the one order of ids and days in every result.

/** Orders text by UTF-16 code units, the same on every computer and in every locale (ids, days `YYYY-MM-DD`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
