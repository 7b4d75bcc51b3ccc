import type { DisclosureCircumstances } from "../../src/confidentiality/index";
import {
  confidentialityLevels,
  consentForms,
  consentGrantors,
  consentLegalBases,
  informationKinds,
  privacyLawCodes,
  purposesOfUse,
  recipientKinds,
  sensitivityCodes,
} from "../../src/model/index";
import { isWalkable, type Path } from "./values";

// DisclosureRequest as its type and documentation describe it, field by field, and the values that break each kind
// of field: what the disclosure fuzz test calls a malformed request.

type Spec =
  | { readonly kind: "text" | "flag" | "instant" }
  | { readonly kind: "code"; readonly codes: readonly string[] }
  | { readonly kind: "codes"; readonly codes: readonly string[] }
  | { readonly kind: "object"; readonly fields: Fields }
  | { readonly kind: "list"; readonly of: Fields };
export type Field = Spec & { readonly optional: boolean };
type Fields = Readonly<Record<string, Field>>;

const required = (spec: Spec): Field => ({ ...spec, optional: false });
const optional = (spec: Spec): Field => ({ ...spec, optional: true });
const text = { kind: "text" } as const;
const flag = optional({ kind: "flag" });
const instant = { kind: "instant" } as const;
const code = (codes: readonly string[]): Spec => ({ kind: "code", codes });
const codes = (list: readonly string[]): Spec => ({ kind: "codes", codes: list });
const object = (fields: Fields): Spec => ({ kind: "object", fields });
const list = (of: Fields): Spec => ({ kind: "list", of });

const PARTY: Fields = {
  kind: required(code(recipientKinds.codes)),
  id: optional(text),
  name: optional(text),
  organisation: optional(text),
};
const CONSENT: Fields = {
  id: required(text),
  memberId: required(text),
  grantedBy: required(code(consentGrantors.codes)),
  recipients: required(list(PARTY)),
  purposes: required(codes(purposesOfUse.codes)),
  dataClasses: required(codes(informationKinds.codes)),
  validFrom: required(instant),
  validUntil: optional(instant),
  revokedAt: optional(instant),
  form: required(code(consentForms.codes)),
  legalBasis: optional(code(consentLegalBases.codes)),
  withholdFrom: optional(list(PARTY)),
};
const RECIPIENT: Fields = {
  ...PARTY,
  isSubject: flag,
  activeFacilitator: flag,
  isOriginator: flag,
  withinAgency: flag,
  mayOverride: flag,
};
// Every flag DisclosureCircumstances names: `satisfies` fails to compile when the type gains a flag this list lacks.
const CIRCUMSTANCES = {
  imminentThreat: flag,
  suspectedChildAbuse: flag,
  courtOrder: flag,
  medicalEmergency: flag,
  consentOverridden: flag,
  oversightOfOriginator: flag,
} satisfies Readonly<Record<keyof DisclosureCircumstances, Field>>;
/** DisclosureRequest, field by field, as its type and its documentation say. */
export const REQUEST: Fields = {
  information: required(
    object({
      kind: required(code(informationKinds.codes)),
      // Optional by type; the check also requires it for the kinds that are always about one member.
      memberId: optional(text),
      groupId: required(text),
      authorId: optional(text),
      deidentified: flag,
      labels: required(
        object({
          confidentiality: required(code(confidentialityLevels.codes)),
          sensitivity: required(codes(sensitivityCodes.codes)),
          law: required(codes(privacyLawCodes)),
        }),
      ),
    }),
  ),
  recipient: required(object(RECIPIENT)),
  purpose: required(code(purposesOfUse.codes)),
  at: required(instant),
  circumstances: optional(object(CIRCUMSTANCES)),
  subject: optional(object({ minor: flag, consentedToOwnCare: flag })),
  jurisdiction: optional(
    object({
      dutyToWarn: optional(code(["mandatory", "permissive", "none"])),
      minorConsent: optional(code(["minor", "guardian"])),
    }),
  ),
  consents: optional(list(CONSENT)),
};

/** Every field a request has or may have, with its spec: present ones and absent optional ones alike. */
export function fieldsOf(value: unknown, fields: Fields, path: Path = []): { path: Path; field: Field }[] {
  const found: { path: Path; field: Field }[] = [];
  for (const [key, field] of Object.entries(fields)) {
    const at = [...path, key];
    found.push({ path: at, field });
    const inner: unknown = isWalkable(value) ? value[key] : undefined;
    if (field.kind === "object" && isWalkable(inner)) found.push(...fieldsOf(inner, field.fields, at));
    if (field.kind === "list" && Array.isArray(inner)) {
      inner.forEach((item: unknown, index) => {
        found.push(...fieldsOf(item, field.of, [...at, index]));
      });
    }
  }
  return found;
}

const DEEP = (() => {
  let value: unknown = [];
  for (let level = 0; level < 5000; level++) value = [value];
  return value;
})();

/** Values of the wrong type for any field (none of them is a string, a boolean, an object or an array of codes). */
const WRONG_TYPE: Readonly<Record<string, () => unknown>> = {
  null: () => null,
  zero: () => 0,
  NaN: () => Number.NaN,
  bigint: () => 12n,
  symbol: () => Symbol("fuzz"),
  function: () => () => "fuzz",
  "deep-array": () => DEEP,
};

/** What breaks a field of each kind, by name. `original` is the field's valid value, when it has one. */
export function malformedValues(field: Field, original: unknown): Record<string, () => unknown> {
  const common = { ...WRONG_TYPE, ...(field.optional ? {} : { missing: () => undefined }) };
  switch (field.kind) {
    case "text":
      return {
        ...common,
        "empty-string": () => "",
        // An id or a name of only whitespace names no one.
        "only-whitespace": () => " \t\u00a0",
        true: () => true,
        object: () => ({}),
        array: () => [],
      };
    case "flag":
      return { ...common, "true-as-text": () => "true", one: () => 1, object: () => ({}), array: () => [true] };
    case "instant":
      return {
        ...common,
        "date-only": () => "2026-03-10",
        "no-offset": () => "2026-03-10T10:00:00",
        "february-30": () => "2026-02-30T10:00:00-05:00",
        "hour-25": () => "2026-03-10T25:00:00-05:00",
        words: () => "next Thursday",
        "empty-string": () => "",
        "epoch-millis": () => 1773154800000,
        "date-object": () => new Date("2026-03-10T10:00:00-05:00"),
        "huge-string": () => `2026-03-10T10:00:00-05:00${" ".repeat(100_000)}`,
      };
    case "code": {
      const valid = typeof original === "string" ? original : (field.codes[0] ?? "");
      const otherCase = valid.toUpperCase() === valid ? valid.toLowerCase() : valid.toUpperCase();
      return {
        ...common,
        unknown: () => "fuzz-unknown-code",
        "empty-string": () => "",
        "__proto__-string": () => "__proto__",
        "constructor-string": () => "constructor",
        "toString-string": () => "toString",
        ...(otherCase === valid ? {} : { "other-case": () => otherCase }),
        padded: () => ` ${valid} `,
        "in-array": () => [valid],
        "boxed-string": () => new String(valid),
        object: () => ({}),
      };
    }
    case "codes": {
      const valid = Array.isArray(original) ? original : [];
      return {
        ...common,
        "one-code-as-text": () => field.codes[0],
        object: () => ({}),
        "with-unknown-code": () => [...valid, "fuzz-unknown-code"],
        "with-__proto__": () => [...valid, "__proto__"],
        "with-null": () => [...valid, null],
        "with-bigint": () => [...valid, 12n],
        "nested-array": () => [[...valid]],
        // Longer than the 10,000 entries a list may hold, however valid each entry.
        "too-long": () => Array.from({ length: 10_001 }, () => field.codes[0]),
      };
    }
    case "object":
      return { ...common, array: () => [], text: () => "x", true: () => true };
    case "list":
      return {
        ...common,
        object: () => ({}),
        text: () => "x",
        "with-null": () => [null],
        "with-text": () => ["x"],
        "with-bigint": () => [12n],
        "with-array": () => [[]],
        // Longer than the 10,000 entries a list may hold; refused before an entry is read.
        "too-long": () => new Array(10_001),
      };
  }
}
