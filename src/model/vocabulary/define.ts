/**
 * One term of a controlled vocabulary: a stable code, a label for screens and a definition in the field's words.
 *
 * @example
 * const entry = exitReasons.entries.find((reason) => reason.code === "dropped-out");
 * [entry?.label, entry?.definition]
 * //=> ["Dropped out", "Left before the planned end without an agreed plan (an unplanned exit)."]
 */
export interface VocabularyEntry {
  /** Stable code stored on the wire (kebab-case for our own codes, the source's spelling for HL7 codes). */
  readonly code: string | number;
  /** Short label for screens and reports. */
  readonly label: string;
  /** What the term means, written for the people who use it. */
  readonly definition: string;
}

/**
 * A controlled vocabulary: an ordered list of entries with the source that defines them.
 *
 * @typeParam E - the tuple of entries, kept literal so codes stay typed
 *
 * @example
 * // Vocabularies are frozen, so a host cannot change the library's terms by accident
 * [sessionStatuses.id, sessionStatuses.codes.length, Object.isFrozen(sessionStatuses.entries)]
 * //=> ["SessionStatus", 4, true]
 */
export interface Vocabulary<E extends readonly [VocabularyEntry, ...VocabularyEntry[]]> {
  /** Stable id of the vocabulary (used in JSON Schema and docs). */
  readonly id: string;
  /** Human name of the vocabulary. */
  readonly name: string;
  /** Where the terms come from: a citation or a code system URI. */
  readonly source: string;
  /** The entries, in the source's order. */
  readonly entries: E;
  /** The codes of the entries, in the same order: a read-only tuple of their literal codes. */
  readonly codes: { readonly [K in keyof E]: E[K]["code"] } & readonly [E[0]["code"], ...E[number]["code"][]];
}

/**
 * The union of codes in a vocabulary. Not exported from the package: each vocabulary's codes have a named type
 * (`AttendanceStatus`, `ConsentLegalBasis`, …).
 */
export type CodeOf<V extends Vocabulary<readonly [VocabularyEntry, ...VocabularyEntry[]]>> =
  V["entries"][number]["code"];

/**
 * Builds a frozen vocabulary and derives its code list.
 *
 * Not exported: each vocabulary is declared once in this folder.
 */
export function defineVocabulary<const E extends readonly [VocabularyEntry, ...VocabularyEntry[]]>(definition: {
  id: string;
  name: string;
  source: string;
  entries: E;
}): Vocabulary<E> {
  const codes = definition.entries.map((entry) => entry.code) as unknown as Vocabulary<E>["codes"];
  for (const entry of definition.entries) Object.freeze(entry);
  Object.freeze(codes);
  Object.freeze(definition.entries);
  return Object.freeze({ ...definition, codes });
}
