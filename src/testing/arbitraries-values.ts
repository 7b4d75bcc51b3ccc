// The small values the arbitraries are built from: text, ids, names, picks from a list. Each is valid by construction
// (no filter throws values away), so shrinking keeps it valid. Private to the testing kit.
import * as fc from "fast-check";

// Characters a person can see, from several scripts, so a host's code meets more than ASCII.
const VISIBLE = ["a", "K", "7", "é", "ß", "ø", "ł", "Ж", "λ", "م", "ע", "अ", "张", "ñ", "Þ", "👩🏽‍🦱"] as const;

/**
 * Text with a character a person can see: any graphemes around one visible character, so it is never empty or only
 * white space (what the model's text fields and ids ask). Shrinks to `"a"`.
 */
export function visibleText(maxLength = 12): fc.Arbitrary<string> {
  const around = fc.string({ unit: "grapheme", maxLength: Math.floor(maxLength / 2) });
  return fc
    .tuple(around, fc.constantFrom(...VISIBLE), around)
    .map(([before, visible, after]) => before + visible + after);
}

/** An id as a host may choose one: mostly short codes such as `m-042`, sometimes any visible text. */
export const hostId: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z]{1,3}-\d{1,4}$/) },
  { weight: 1, arbitrary: visibleText(16) },
);

/** An id from the caller's list, or one drawn by {@link hostId}. */
export function idFrom(ids: readonly string[] | undefined): fc.Arbitrary<string> {
  return ids === undefined ? hostId : fc.constantFrom(...ids);
}

const NAMES = [
  "Sofía Márquez",
  "Tomasz Wójcik",
  "Aroha Ngata",
  "Nguyễn Thị Minh Khai",
  "张伟",
  "محمد الأمين",
  "Ólafur Þórsson",
  "Анна Петрова",
  "Siobhán Ní Bhriain",
  "Grace O'Neill",
] as const;

/** A person's name: a real-looking one from several languages, or any visible text. */
export const personName: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...NAMES), visibleText());

/** A BCP 47 language tag. */
export const languageTag: fc.Arbitrary<string> = fc.constantFrom(
  "en",
  "es",
  "pt-BR",
  "mi",
  "zh-Hant-TW",
  "ar",
  "hi-IN",
);

/** Pronouns as people give them. */
export const pronouns: fc.Arbitrary<string> = fc.constantFrom("she/her", "he/him", "they/them", "ia", "elle");

/** The entry of `list` a drawn number picks (numbers past the end wrap), so any number picks something valid. */
export function pick<T>(list: readonly T[], choice: number): T {
  // Callers pass non-empty lists only, and the modulo keeps the index inside the list.
  return list[choice % list.length] as T;
}
