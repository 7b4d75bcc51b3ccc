import type { Group, Identifier, Patient, Practitioner, Reference, Resource } from "@medplum/fhirtypes";
import type { GroupRecord } from "../model/index.js";
import { resourceUuid } from "./ids.js";
import { HL7 } from "./urls.js";

// Private to the FHIR export: what every resource builder shares (the record, who is a Patient, how resources are
// named and referred to).

/** The resource type a person of the record is written as. */
export type PersonType = "Patient" | "Practitioner";

/** A resource as a builder writes it, before the Bundle gives it its `id`, `meta` and `request`. */
export interface WrittenResource {
  readonly uuid: string;
  readonly resource: Resource;
}

/** What the builders read: the parsed record and the resource type of each person in it. */
export interface ExportContext {
  readonly record: GroupRecord;
  readonly personTypes: ReadonlyMap<string, PersonType>;
}

/** The `urn:uuid:` form of a UUID: every fullUrl and reference in the Bundle. */
export function urnOf(uuid: string): string {
  return `urn:uuid:${uuid}`;
}

/** A reference to another resource of the Bundle, with its type so validators need not resolve it to check it. */
export function referenceTo<T extends Resource>(type: T["resourceType"], uuid: string): Reference<T> {
  return { reference: urnOf(uuid), type };
}

/** The resource type of a person; parseGroupRecord has checked that every id the record names is in `members`. */
export function personType(context: ExportContext, memberId: string): PersonType {
  const type = context.personTypes.get(memberId);
  if (type === undefined) throw new Error(`No member has id ${JSON.stringify(memberId)}.`);
  return type;
}

/** The UUID of a person's Patient or Practitioner. */
export function personUuid(context: ExportContext, memberId: string): string {
  return resourceUuid(personType(context, memberId), memberId);
}

/** A reference to a person's Patient or Practitioner. */
export function personReference(context: ExportContext, memberId: string): Reference<Patient | Practitioner> {
  return referenceTo<Patient | Practitioner>(personType(context, memberId), personUuid(context, memberId));
}

/** A reference to the Group. */
export function groupReference(context: ExportContext): Reference<Group> {
  return referenceTo<Group>("Group", resourceUuid("Group", context.record.group.id));
}

/**
 * A resource's identifiers: its UUID as a URI (RFC 3986), then the host's own id in the library's identifier system
 * when the resource stands for something the host names.
 */
export function identifiersOf(uuid: string, host?: { readonly system: string; readonly value: string }): Identifier[] {
  const own: Identifier = { system: HL7.uri, value: urnOf(uuid) };
  return host === undefined ? [own] : [own, { system: host.system, value: host.value }];
}
