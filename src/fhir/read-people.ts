import type { Assembly } from "./import-assembly.js";
import { type Entry, type ImportContext, identifierIn } from "./read-context.js";
import { codingsOf, Reader } from "./read-fields.js";
import { groupworkFhirUrls, HL7 } from "./urls.js";

// Patients and Practitioners become the record's members: the people of the group, clients and facilitators.

const EXTENSION = groupworkFhirUrls.extension;

/** The resource types a person of the group is written as. */
export const PERSON_TYPES = ["Patient", "Practitioner"] as const;

/**
 * The id a resource's record item takes: the host's id in the library's identifier (`system`), else the resource's
 * `id`, else the entry's fullUrl, as written. Reports a resource with none of them.
 */
export function recordId(reader: Reader, system: string): string | undefined {
  const { entry } = reader;
  const id = identifierIn(entry.resource, system) ?? reader.text("id") ?? entry.fullUrl;
  if (id === undefined) {
    reader.missing("id", "give the resource an id, or its entry a fullUrl, so that the record can name it.");
  }
  return id;
}

/** Where a member's fields are in its Patient or Practitioner. */
const MEMBER_FIELDS = {
  displayName: ["name"],
  preferredName: ["name"],
  pronouns: ["extension"],
  preferredLanguage: ["communication"],
  birthDate: ["birthDate"],
};

/** Reads every Patient and Practitioner into `members`; returns each person's member id by entry. */
export function readPeople(context: ImportContext, assembly: Assembly): Map<Entry, string> {
  const ids = new Map<Entry, string>();
  for (const entry of context.entries) {
    const person = entry.resourceType === "Patient" || entry.resourceType === "Practitioner";
    if (!person || !entry.readable || !context.isFirst(entry)) continue;
    const reader = Reader.of(context, entry);
    const id = recordId(reader, groupworkFhirUrls.identifier.member);
    if (id === undefined) continue;
    ids.set(entry, id);
    const member: Record<string, unknown> = { id, ...names(reader) };
    const patient = entry.resourceType === "Patient";
    const interpreterUrl = patient ? HL7.interpreterRequired : EXTENSION.interpreterNeeded;
    const extensions = reader.extensions([EXTENSION.pronouns, interpreterUrl, EXTENSION.accessibilityNeed]);
    const pronouns = extensions.first(EXTENSION.pronouns)?.text("valueString", true);
    if (pronouns !== undefined) member["pronouns"] = pronouns;
    const language = preferredLanguage(reader);
    if (language !== undefined) member["preferredLanguage"] = language;
    const interpreter = extensions.first(interpreterUrl)?.boolean("valueBoolean");
    if (interpreter !== undefined) member["interpreterNeeded"] = interpreter;
    const needs = extensions.all(EXTENSION.accessibilityNeed).map((need) => need.text("valueString", true));
    if (needs.length > 0) member["accessibilityNeeds"] = needs.filter((need) => need !== undefined);
    const birthDate = reader.day("birthDate", undefined);
    if (birthDate !== undefined) member["birthDate"] = birthDate;
    assembly.add("members", member as never, reader, MEMBER_FIELDS);
  }
  return ids;
}

/**
 * The display name (the `official` name, else the first) and the preferred name (a `usual` name other than it), each
 * from `text`, else from the given names and family name joined.
 */
function names(person: Reader): { displayName?: string; preferredName?: string } {
  const all = person.list("name");
  const official = all.find((name) => name.node["use"] === "official") ?? all[0];
  if (official === undefined) {
    person.missing("name", "a person needs a name the group's staff can show.");
    return {};
  }
  const result: { displayName?: string; preferredName?: string } = {};
  const displayName = nameText(official);
  if (displayName === undefined) official.missing("text", "give the name a text, or given and family names.");
  else result.displayName = displayName;
  const usual = all.find((name) => name !== official && name.node["use"] === "usual");
  const preferredName = usual === undefined ? undefined : nameText(usual);
  if (preferredName !== undefined) result.preferredName = preferredName;
  return result;
}

function nameText(name: Reader): string | undefined {
  const text = name.text("text");
  if (text !== undefined) return text;
  const parts = [...name.texts("given"), name.text("family")].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(" ");
}

/**
 * The BCP 47 tag of the person's language: on a Patient, the `preferred` communication (else the first); on a
 * Practitioner (whose communication is a list of CodeableConcepts), the first.
 */
function preferredLanguage(person: Reader): string | undefined {
  const communication = person.list("communication");
  if (person.entry.resourceType === "Patient") {
    const chosen = communication.find((item) => item.node["preferred"] === true) ?? communication[0];
    return chosen === undefined ? undefined : languageCode(chosen.object("language"));
  }
  return communication[0] === undefined ? undefined : languageCode(communication[0]);
}

function languageCode(concept: Reader | undefined): string | undefined {
  const coding = codingsOf(concept).find(
    (item) => item.node["system"] === HL7.bcp47 || item.node["system"] === undefined,
  );
  return coding?.text("code");
}
