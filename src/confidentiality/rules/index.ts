// The default policy: every rule of the field's confidentiality boundary as data (filled in by the rule files).
import type { DisclosurePolicy } from "../types.js";

/**
 * The built-in disclosure policy: the rules a social-work group practice keeps, each with its source.
 *
 * @example
 * defaultPolicy.rules.length >= 0
 * //=> true
 */
export const defaultPolicy: DisclosurePolicy = /* @__PURE__ */ Object.freeze({
  version: "groupwork-default-0",
  rules: Object.freeze([]),
});
