/**
 * One term of a controlled vocabulary: a stable code, a label for screens and a definition in the field's words.
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
  /** The codes of the entries, in the same order. */
  readonly codes: CodesOf<E>;
}

/** The tuple of codes of a tuple of vocabulary entries. */
export type CodesOf<E extends readonly VocabularyEntry[]> = { readonly [K in keyof E]: E[K]["code"] } & readonly [
  E[0]["code"],
  ...E[number]["code"][],
];

/** The union of codes in a vocabulary. */
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
  const codes = definition.entries.map((entry) => entry.code) as unknown as CodesOf<E>;
  for (const entry of definition.entries) Object.freeze(entry);
  Object.freeze(codes);
  Object.freeze(definition.entries);
  return Object.freeze({ ...definition, codes });
}
