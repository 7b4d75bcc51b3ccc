// How long a list the room reads may be. A list can claim any length its sender likes (a Proxy reporting
// 2 ** 32 - 1 entries, or a sparse array, is one line of code), and copying or walking one that long would hang the
// process or abort it with an uncatchable out-of-memory error. So a list longer than MAX_LIST_LENGTH is refused before
// a single entry is read. The bound is generous: a label list draws on vocabularies of a few dozen codes, a member has a
// handful of consents on file and a consent names a few parties, and a policy has tens of rules; yet a list this long
// is read in a few milliseconds. Private to the room.
import { describeValue } from "../_lib/errors.js";

/** The most entries a list the room reads may hold. Not exported from the package. */
export const MAX_LIST_LENGTH = 10_000;

/**
 * What is wrong with a list's length, as the end of a sentence that names the list ("has 4294967295 entries, more
 * than the 10000 a list may hold"), or `undefined` when it is a count no greater than MAX_LIST_LENGTH. A Proxy's length
 * is whatever its trap returns, so it is checked to be a count at all. Not exported from the package.
 */
export function listLengthProblem(length: unknown): string | undefined {
  if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0) {
    return `has a length of ${describeValue(length)}, which is not a count`;
  }
  if (length > MAX_LIST_LENGTH) return `has ${length} entries, more than the ${MAX_LIST_LENGTH} a list may hold`;
  return undefined;
}
