/**
 * A character a person can see: not white space, not a control character, and not an invisible format character
 * (the soft hyphen, zero-width spaces and joiners, direction marks, the word joiner, the byte-order mark). Written with
 * explicit ranges rather than Unicode property escapes, so the same pattern means the same thing in a JSON Schema
 * validator that reads it without the `u` flag. Not exported from the package.
 */
// Control characters are what the class leaves out, so the lint rule against them in patterns does not apply here.
export const VISIBLE_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class excludes control characters on purpose
  /[^\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/**
 * Whether text holds a character a person can see: an id or a name of only spaces or zero-width characters names
 * nothing anyone could check, in a record or an audit log. Not exported from the package.
 */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE_CHARACTER.test(text);
}
