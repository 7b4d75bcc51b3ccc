import { describeThrown } from "../_lib/errors.js";
import { parseGroupRecord } from "../model/index.js";
import { Assembly, issueInBundle } from "./import-assembly.js";
import { readImportOptions } from "./import-options.js";
import type { FhirImportIssue, FromFhirBundleOptions, FromFhirBundleResult } from "./import-types.js";
import { READ_TYPES, readBundle, readModifierExtensions } from "./read-bundle.js";
import { readConsents } from "./read-consents.js";
import type { ImportContext } from "./read-context.js";
import { type GroupOptions, readGroup } from "./read-group.js";
import { readPeople } from "./read-people.js";
import { type RecordSecurity, readSecurity } from "./read-security.js";
import { readSessions } from "./read-sessions.js";
import { HL7 } from "./urls.js";

export type {
  FhirImportIssue,
  FhirImportIssueCode,
  FromFhirBundleOptions,
  FromFhirBundleResult,
} from "./import-types.js";

/**
 * Reads a FHIR R4 Bundle as a group record: one the library wrote with `toFhirBundle`, or one another system wrote.
 *
 * The one `Group` becomes the group and its clients' memberships; a `CareTeam` about it adds the facilitators,
 * observers and interpreters; `Patient`s and `Practitioner`s become the members; `Appointment`s and group `Encounter`s
 * the sessions; Appointment participants and member `Encounter`s (`partOf` a group Encounter) the attendance;
 * `Consent`s the consents. The library's own extensions and identifiers, when present, say exactly what FHIR alone
 * does not; when absent, {@link fhirSessionCrosswalk}, {@link fhirAttendanceCrosswalk} and `options` fill in, and a
 * field none of them gives is an error naming the option to pass. Sessions with no sequence extension are numbered by
 * start time. A person who came late and left early reads as late.
 *
 * The Bundle is never trusted: anything (a getter that throws, a cycle, a huge list) is reported, not thrown, and
 * every problem is reported at once, each at its path in the Bundle and naming its resource. The assembled record is
 * then checked by `parseGroupRecord`, whose issues are moved back to the entries the items came from. A resource the
 * mapping does not read (an `Observation`, say) is a warning. Bundles of more than 100,000 entries are refused.
 *
 * Every `meta.security` label, on the Bundle or on a resource read, is read or refused: one with no system, in a
 * system the library does not read, or with a code its system does not hold is an error (`unsupported-security-label`,
 * `unsupported-code`), since reading on as if it were absent could lower the record's protection.
 *
 * @param bundle - the Bundle as received (parsed JSON), of type `collection`, `transaction`, `batch` or `searchset`
 * @param options - what the Bundle does not say about the group (`group`) and its sessions' mode (`sessionMode`)
 * @returns `{ ok: true, value, issues, security }` with warnings and the high-water mark of the Bundle's and the
 *   resources' `meta.security` (`N` with a warning `no-security-labels` when no confidentiality level is found), or
 *   `{ ok: false, issues }`
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` for options outside their types: an unknown key, or a group
 *   field the model refuses (an unknown time zone); never for a bad Bundle
 * @example
 * // The library's own Bundle comes back as the record it was written from
 * const result = fromFhirBundle(toFhirBundle(sampleGroupRecord));
 * result.ok && [result.value.group.name, result.value.sessions.length, result.security.confidentiality]
 * //=> ["Thursday Evening Grief Support", 12, "R"]
 * @example
 * // Another system's Group with no time zone: the option to pass is named
 * const bundle = {
 *   resourceType: "Bundle",
 *   type: "collection",
 *   entry: [{ fullUrl: "urn:uuid:3f0c6b1e-64f4-4c6b-9a55-1d3f1e0f8a01", resource: { resourceType: "Group", type: "person", actual: true, name: "Carers" } }],
 * };
 * const result = fromFhirBundle(bundle, {
 *   group: { purpose: "Support for carers.", kind: "support", membership: "open", participation: "optional", startDate: "2026-01-13" },
 * });
 * result.issues.map((issue) => [issue.code, issue.path])
 * //=> [["missing-part", ["entry", 0, "resource", "extension"]]]
 */
export function fromFhirBundle(bundle: unknown, options?: FromFhirBundleOptions): FromFhirBundleResult {
  const { group: groupOptions, sessionMode } = readImportOptions(options);
  const context = readBundle(bundle);
  if (Array.isArray(context)) return { ok: false, issues: context };
  const assembly = new Assembly();
  const security = readResources(context, assembly, groupOptions, sessionMode);
  const issues: FhirImportIssue[] = context.issues;
  if (issues.some((issue) => issue.severity === "error")) return { ok: false, issues };
  const parsed = parseGroupRecord(assembly.record());
  const all = issues.concat(parsed.issues.map((issue) => issueInBundle(assembly, issue)));
  if (!parsed.ok) return { ok: false, issues: all };
  if (security === undefined || security.assumed) {
    all.push({
      code: "no-security-labels",
      severity: "warning",
      path: ["entry"],
      message: `Bundle: neither the Bundle nor any resource the record is read from carries a confidentiality level (${HL7.confidentiality} in meta.security), so the record is taken as normal (N); label the resources if it is more sensitive.`,
    });
  }
  return {
    ok: true,
    value: parsed.value,
    issues: all,
    security: { confidentiality: security?.confidentiality ?? "N", sensitivity: security?.sensitivity ?? [] },
  };
}

/**
 * Reads the resources into the assembly; returns the record's security labels. Each resource was walked once and is
 * plain JSON, so reading it cannot throw; a getter or Proxy that answered the walk and throws when read again is
 * reported, not thrown.
 */
function readResources(
  context: ImportContext,
  assembly: Assembly,
  groupOptions: GroupOptions,
  sessionMode: string | undefined,
): RecordSecurity | undefined {
  try {
    readModifierExtensions(context);
    const people = readPeople(context, assembly);
    const group = readGroup(context, assembly, people, groupOptions);
    if (group !== undefined) {
      readSessions(context, assembly, people, group, sessionMode);
      readConsents(context, assembly, people);
    }
    return readSecurity(context, READ_TYPES);
  } catch (thrown) {
    context.error(
      undefined,
      "invalid-value",
      ["entry"],
      `reading the entries threw ${describeThrown(thrown)} although a first reading of each did not (a getter or Proxy that answers differently when read again); pass plain JSON.`,
    );
    return undefined;
  }
}
