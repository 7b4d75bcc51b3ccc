import type {
  ConfidentialityLevel,
  GroupRecord,
  GroupRecordInput,
  GroupRecordIssueCode,
  IssuePath,
  IssueSeverity,
  SensitivityCode,
  SessionMode,
} from "../model/index.js";

/**
 * Stable codes of the problems {@link fromFhirBundle} finds in the Bundle itself, before the record it assembles is
 * checked by `parseGroupRecord` (whose codes, {@link GroupRecordIssueCode}, come after these).
 *
 * - `not-a-bundle`: the value is not a FHIR R4 Bundle (not an object, or `resourceType` is not `"Bundle"`).
 * - `unsupported-bundle-type`: `Bundle.type` is not `collection`, `transaction`, `batch` or `searchset`.
 * - `group-count`: the Bundle has no Group resource, or more than one.
 * - `unknown-reference`: a reference resolves to no entry of the Bundle.
 * - `wrong-reference-type`: a reference resolves to a resource of a type the element does not take.
 * - `unsupported-code`: a code neither the crosswalks nor the library's vocabularies hold.
 * - `missing-part`: a required element is absent; the message names the FHIR element, or the option that can supply it.
 * - `invalid-value`: a value of the wrong FHIR type or format (a date that is not a date, a getter that throws, a
 *   Bundle too large to read).
 * - `duplicate-resource`: two entries with one `fullUrl`, or two group Encounters for one Appointment (a session has
 *   one record of its meeting).
 * - `unsupported-resource` (a warning): a resource the mapping does not read, named so that nothing is dropped
 *   unnoticed.
 * - `unsupported-extension`: as a warning, an extension under the library's own base url (`groupworkFhirUrls.base`)
 *   that this version does not read where it is, such as one a newer version wrote; named, and left out. As an
 *   error, a `modifierExtension` (the library reads none): it changes the meaning of its element, so the resource
 *   is not read without it (FHIR R4 Extensibility, "Modifier Extensions").
 * - `unsupported-security-label`: a `meta.security` label (on the Bundle or a resource the mapping reads) with no
 *   system, or in a system the library does not read (only HL7 v3 Confidentiality and ActCode sensitivity codes are
 *   read; a purpose of use or an integrity label is not carried). A label that cannot be read may restrict the record,
 *   so the record is not read without it: give the label its HL7 system, or remove it deliberately. A code that the
 *   Confidentiality or ActCode system does not hold, as the library reads them, is `unsupported-code`, also an error.
 * - `no-security-labels` (a warning): neither the Bundle nor any resource the mapping reads carries an HL7
 *   confidentiality level in `meta.security`, so the record is taken as normal (`N`).
 *
 * @example
 * // A Bundle of the wrong type is refused before anything in it is read
 * const result = fromFhirBundle({ resourceType: "Bundle", type: "history", entry: [] });
 * result.issues.map((issue) => issue.code)
 * //=> ["unsupported-bundle-type"]
 */
export type FhirImportIssueCode =
  | "not-a-bundle"
  | "unsupported-bundle-type"
  | "group-count"
  | "unknown-reference"
  | "wrong-reference-type"
  | "unsupported-code"
  | "missing-part"
  | "invalid-value"
  | "duplicate-resource"
  | "unsupported-resource"
  | "unsupported-extension"
  | "unsupported-security-label"
  | "no-security-labels";

/**
 * One problem {@link fromFhirBundle} found: in the Bundle itself, or in the record assembled from it (an issue of
 * `parseGroupRecord`, moved back to the entry the item came from).
 *
 * The path is a path in the Bundle's JSON, such as `["entry", 3, "resource", "member", 0, "entity", "reference"]`, and
 * the message names the resource first, by its type, `fullUrl` (or id) and entry number.
 *
 * @example
 * const bundle = { resourceType: "Bundle", type: "collection", entry: [null] };
 * const result = fromFhirBundle(bundle);
 * result.issues.map(({ code, severity, path }) => [code, severity, path])
 * //=> [["invalid-value", "error", ["entry", 0]], ["group-count", "error", ["entry"]]]
 */
export interface FhirImportIssue {
  /** Stable code a program can switch on: an import code, or a code of `parseGroupRecord`. */
  readonly code: FhirImportIssueCode | GroupRecordIssueCode;
  /** `error` fails the import; `warning` does not. */
  readonly severity: IssueSeverity;
  /** Where in the Bundle's JSON the problem is. */
  readonly path: IssuePath;
  /** A sentence a person can act on, naming the resource first. */
  readonly message: string;
}

/**
 * Options of {@link fromFhirBundle}: what a Bundle written by another system does not say about the group.
 *
 * FHIR R4 has no element for a group's time zone, kind, membership and participation rules, purpose or first day; the
 * library's own Bundles carry them in extensions, and for other Bundles the host passes them here. A value in the
 * Bundle wins over the option.
 *
 * @example
 * // A Bundle with only a Group in it: the options say what FHIR alone does not
 * const bundle = {
 *   resourceType: "Bundle",
 *   type: "collection",
 *   entry: [{ resource: { resourceType: "Group", id: "g1", type: "person", actual: true, name: "Tuesday Carers" } }],
 * };
 * const options: FromFhirBundleOptions = {
 *   group: {
 *     purpose: "Mutual support for family carers.",
 *     kind: "support",
 *     membership: "open",
 *     participation: "optional",
 *     timeZone: "Europe/London",
 *     startDate: "2026-01-13",
 *   },
 * };
 * const result = fromFhirBundle(bundle, options);
 * result.ok && [result.value.group.id, result.value.group.name, result.value.group.timeZone]
 * //=> ["g1", "Tuesday Carers", "Europe/London"]
 */
export interface FromFhirBundleOptions {
  /**
   * Group fields the Bundle may lack, each checked as the model checks it (an unknown time zone is refused): `id`,
   * `name`, `purpose`, `kind`, `membership`, `participation`, `plannedSessions`, `capacity`, `timeZone`, `startDate`,
   * `endDate`, `stageModel`.
   */
  readonly group?: Readonly<
    Partial<
      Pick<
        GroupRecordInput["group"],
        | "id"
        | "name"
        | "purpose"
        | "kind"
        | "membership"
        | "participation"
        | "plannedSessions"
        | "capacity"
        | "timeZone"
        | "startDate"
        | "endDate"
        | "stageModel"
      >
    >
  >;
  /**
   * The mode of sessions the Bundle gives none for: no session-mode extension, and no group Encounter whose class
   * says virtual (`VR`) or in person (`AMB`). Another system's Appointments alone do not say it.
   */
  readonly sessionMode?: SessionMode;
}

/**
 * Result of {@link fromFhirBundle}: the record with its warnings and security label, or every problem found.
 *
 * @example
 * const result = fromFhirBundle("not a bundle");
 * result.ok ? result.value.group.name : result.issues.map((issue) => issue.code)
 * //=> ["not-a-bundle"]
 */
export type FromFhirBundleResult =
  | {
      readonly ok: true;
      /** The record, checked by `parseGroupRecord`. */
      readonly value: GroupRecord;
      /** Warnings only. */
      readonly issues: readonly FhirImportIssue[];
      /**
       * The high-water mark of the Bundle's and the resources' `meta.security` labels: the most restrictive confidentiality level, and
       * every sensitivity code, in the order of `sensitivityCodes`.
       */
      readonly security: {
        readonly confidentiality: ConfidentialityLevel;
        readonly sensitivity: readonly SensitivityCode[];
      };
    }
  | {
      readonly ok: false;
      /** Every error and warning found. */
      readonly issues: readonly FhirImportIssue[];
    };
