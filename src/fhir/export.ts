import type { Bundle, BundleEntry, Coding, Resource } from "@medplum/fhirtypes";
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import {
  type ConfidentialityLevel,
  confidentialityLevels,
  formatGroupRecordIssues,
  parseGroupRecord,
  type SensitivityCode,
  sensitivityCodes,
} from "../model/index.js";
import { checkFhirLimits } from "./export-check.js";
import { writeConsents } from "./export-consent.js";
import { writeCareTeam, writeGroup } from "./export-group.js";
import { type ExportContext, urnOf, type WrittenResource } from "./export-parts.js";
import { personTypesOf, writePeople } from "./export-people.js";
import { writeSessions } from "./export-sessions.js";
import { HL7 } from "./urls.js";

/**
 * Security labels of FHIR R4 resources (HL7 healthcare privacy and security classification): a confidentiality level
 * and any sensitivity codes. {@link toFhirBundle} writes them into `meta.security` of every resource.
 *
 * @example
 * // A substance use group's records: restricted, and labelled SUD (42 CFR Part 2)
 * const security: FhirSecurityLabels = { confidentiality: "R", sensitivity: ["SUD"] };
 * const bundle = toFhirBundle(sampleGroupRecord, { security });
 * bundle.entry?.[0]?.resource?.meta?.security?.map((label) => label.code)
 * //=> ["R", "SUD"]
 */
export interface FhirSecurityLabels {
  /** HL7 confidentiality level, `U` (unrestricted) to `V` (very restricted); see `confidentialityLevels`. */
  readonly confidentiality: ConfidentialityLevel;
  /** HL7 sensitivity codes such as `SUD` or `PSYTHPN`, none or more; see `sensitivityCodes`. */
  readonly sensitivity: readonly SensitivityCode[];
}

/**
 * Options of {@link toFhirBundle}.
 *
 * @example
 * // A transaction a FHIR server can apply as it is: each entry a conditional update
 * const bundle = toFhirBundle(sampleGroupRecord, { type: "transaction" });
 * [bundle.type, bundle.entry?.[0]?.request?.method]
 * //=> ["transaction", "PUT"]
 */
export interface ToFhirBundleOptions {
  /**
   * The Bundle's type.
   *
   * - `"collection"` (default): resources with their `id`, for storing or reading.
   * - `"transaction"`: resources without `id`, each entry a conditional update (`PUT <Type>?identifier=…` on the
   *   resource's UUID identifier), so a server creates what is new and updates what it has, and sending the same
   *   Bundle twice changes nothing the second time.
   */
  readonly type?: "collection" | "transaction";
  /**
   * The security labels written into `meta.security` of every resource. Default: `{ confidentiality: "R",
   * sensitivity: [] }`: restricted, as group work records are mental health and social care records.
   */
  readonly security?: FhirSecurityLabels;
}

const OPTION_KEYS = ["type", "security"] as const;
const SECURITY_KEYS = ["confidentiality", "sensitivity"] as const;

function quoted(codes: readonly string[]): string {
  return codes.map((code) => `"${code}"`).join(", ");
}

/** Reads `field` of `object`; a getter or Proxy trap that throws becomes an error naming `where`. */
function readField(object: object, field: string, where: string): unknown {
  return readArgument(where, () => (object as Record<string, unknown>)[field]);
}

function readSensitivity(sensitivity: unknown, where: string): SensitivityCode[] {
  const allowed: readonly string[] = sensitivityCodes.codes;
  if (!readArgument(where, () => Array.isArray(sensitivity))) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be a list of HL7 sensitivity codes (${quoted(allowed)}), empty for none; got ${describeValue(sensitivity)}.`,
    );
  }
  const list = sensitivity as readonly unknown[];
  const length = readArgument(where, () => list.length);
  // Each code may be listed once, so a longer list is wrong whatever it holds; refusing it before reading any item
  // keeps a list of 2^32 - 1 holes from being walked.
  if (length > allowed.length) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} lists ${length} codes, more than the ${allowed.length} HL7 sensitivity codes there are (${quoted(allowed)}); list each at most once.`,
    );
  }
  const codes: SensitivityCode[] = [];
  // By index, not forEach, so a hole is read (as undefined) and refused rather than skipped.
  for (let index = 0; index < length; index += 1) {
    const code = readArgument(`${where}[${index}]`, () => list[index]);
    if (typeof code !== "string" || !allowed.includes(code)) {
      throw new GroupworkError(
        "invalid-argument",
        `${where}[${index}] must be one of ${quoted(allowed)}; got ${describeValue(code)}.`,
      );
    }
    // A label written twice says nothing more, and dropping it unasked would hide a mistake in the caller's list.
    if (codes.includes(code as SensitivityCode)) {
      throw new GroupworkError("invalid-argument", `${where}[${index}] repeats "${code}"; list it once.`);
    }
    codes.push(code as SensitivityCode);
  }
  return codes;
}

function readSecurity(security: unknown): FhirSecurityLabels {
  const where = "toFhirBundle: options.security";
  if (security === undefined) return { confidentiality: "R", sensitivity: [] };
  if (typeof security !== "object" || security === null || readArgument(where, () => Array.isArray(security))) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be an object such as { confidentiality: "R", sensitivity: ["SUD"] }; got ${describeValue(security)}.`,
    );
  }
  readArgument(where, () => refuseUnknownKeys(security, SECURITY_KEYS, where));
  const confidentiality = readField(security, "confidentiality", `${where}.confidentiality`);
  const levels: readonly string[] = confidentialityLevels.codes;
  if (typeof confidentiality !== "string" || !levels.includes(confidentiality)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where}.confidentiality must be one of ${quoted(levels)}; got ${describeValue(confidentiality)}.`,
    );
  }
  const sensitivity = readSensitivity(
    readField(security, "sensitivity", `${where}.sensitivity`),
    `${where}.sensitivity`,
  );
  return { confidentiality: confidentiality as ConfidentialityLevel, sensitivity };
}

type BundleType = "collection" | "transaction";

function readType(type: unknown): BundleType {
  if (type === undefined) return "collection";
  if (type === "collection" || type === "transaction") return type;
  throw new GroupworkError(
    "invalid-argument",
    `toFhirBundle: options.type must be "collection" or "transaction"; got ${describeValue(type)}.`,
  );
}

function readOptions(options: unknown): { type: BundleType; security: FhirSecurityLabels } {
  const where = "toFhirBundle: options";
  if (options === undefined) return { type: "collection", security: readSecurity(undefined) };
  // Asking a Proxy whether it is an array, for its keys or for a field may throw; readArgument turns that into an
  // error that names the option being read.
  if (typeof options !== "object" || options === null || readArgument(where, () => Array.isArray(options))) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be an object such as { type: "transaction" }; got ${describeValue(options)}.`,
    );
  }
  readArgument(where, () => refuseUnknownKeys(options, OPTION_KEYS, where));
  const type = readType(readField(options, "type", `${where}.type`));
  return { type, security: readSecurity(readField(options, "security", `${where}.security`)) };
}

/** The labels as R4 Codings, a new list for each resource. */
function securityCodings(security: FhirSecurityLabels): Coding[] {
  return [
    { system: HL7.confidentiality, code: security.confidentiality },
    ...security.sensitivity.map((code) => ({ system: HL7.actCode, code })),
  ];
}

/** A resource as a Bundle entry: its fullUrl, its labels, and its `id` (collection) or conditional update. */
function entryOf({ uuid, resource }: WrittenResource, type: BundleType, security: FhirSecurityLabels): BundleEntry {
  // resourceType, id and meta first, as FHIR writes them, then the resource's own elements.
  const labelled: Resource = Object.assign(
    { resourceType: resource.resourceType },
    type === "collection" ? { id: uuid } : {},
    { meta: { security: securityCodings(security) } },
    resource,
  );
  return {
    fullUrl: urnOf(uuid),
    resource: labelled,
    ...(type === "transaction"
      ? {
          request: {
            method: "PUT",
            url: `${resource.resourceType}?identifier=${HL7.uri}|${urnOf(uuid)}`,
          },
        }
      : {}),
  };
}

/**
 * Writes a group record as a FHIR R4 Bundle: a Patient or Practitioner per person, the Group with its members, a
 * CareTeam of those who lead, an Appointment per session, an Encounter per held session and per member who attended
 * it, and a Consent per consent.
 *
 * The record is checked with `parseGroupRecord` first, and written with its defaults filled in. Every resource gets a
 * UUID derived from the record's ids (version 5), so the same record always gives the same Bundle, and its
 * `identifier` carries that UUID and the host's own id. What R4 has no element for (the group's time zone and stage
 * log, an attendance status, speaking turns) travels in the library's extensions (`groupworkFhirUrls`). Instants are
 * written with seconds, as R4 requires; a session's end is its start plus its length, in the start's own offset.
 * Pure: no clock, no randomness; the record is not changed.
 *
 * @param record - the group record as a host sends it (a `GroupRecordInput`, frozen or not), checked and never trusted:
 *   typed `unknown`, as `parseGroupRecord` takes it, so read-only data such as `sampleGroupRecord` is accepted too
 * @param options - the Bundle's type and the security labels of its resources
 * @returns a Bundle of type `collection` or `transaction`
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when the options are not as typed or cannot be read (a key other
 *   than `type` and `security`, an unknown type, level or sensitivity code, a sensitivity code listed twice, a getter
 *   that throws; the message names the option), when the record does not parse (the message lists its errors), or
 *   when it holds what FHIR R4 cannot carry (a control character or a lone surrogate in text, the year 0000, an offset past
 *   ±14:00, an integer past 2,147,483,647, turns or times at a session still `scheduled`; the message gives each path)
 * @example
 * // The sample group: 8 clients, 2 facilitators, 12 sessions (11 held), 76 attendances, 4 consents
 * const bundle = toFhirBundle(sampleGroupRecord);
 * const counts: Record<string, number> = {};
 * for (const entry of bundle.entry ?? []) {
 *   const type = entry.resource?.resourceType ?? "";
 *   counts[type] = (counts[type] ?? 0) + 1;
 * }
 * counts
 * //=> { Patient: 8, Practitioner: 2, Group: 1, CareTeam: 1, Appointment: 12, Encounter: 87, Consent: 4 }
 * @example
 * // Session 5 was cancelled for an ice storm; session 1 took place
 * const appointments = toFhirBundle(sampleGroupRecord)
 *   .entry?.filter((entry) => entry.resource?.resourceType === "Appointment")
 *   .map((entry) => (entry.resource?.resourceType === "Appointment" ? entry.resource.status : undefined));
 * [appointments?.[0], appointments?.[4]]
 * //=> ["fulfilled", "cancelled"]
 */
export function toFhirBundle(record: unknown, options?: ToFhirBundleOptions): Bundle {
  const { type, security } = readOptions(options);
  const parsed = parseGroupRecord(record);
  if (!parsed.ok) {
    const errors = parsed.issues.filter((issue) => issue.severity === "error");
    throw new GroupworkError(
      "invalid-argument",
      `toFhirBundle: the record is not a valid group record (${errors.length} error${errors.length === 1 ? "" : "s"}); correct ${errors.length === 1 ? "it" : "them"} and export again:\n${formatGroupRecordIssues(errors)}`,
    );
  }
  checkFhirLimits(parsed.value);
  const context: ExportContext = { record: parsed.value, personTypes: personTypesOf(parsed.value) };
  const sessions = writeSessions(context);
  const resources = [
    ...writePeople(context),
    writeGroup(context),
    ...writeCareTeam(context),
    ...sessions.appointments,
    ...sessions.groupEncounters,
    ...sessions.memberEncounters,
    ...writeConsents(context),
  ];
  return { resourceType: "Bundle", type, entry: resources.map((written) => entryOf(written, type, security)) };
}
