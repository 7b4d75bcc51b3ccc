import { isIanaTimeZone } from "../_lib/time-zone.js";
import { facilitationRoles, type IssuePath } from "../model/index.js";
import type { Assembly } from "./import-assembly.js";
import type { FromFhirBundleOptions } from "./import-types.js";
import { type Entry, type ImportContext, identifierIn } from "./read-context.js";
import { codingsOf, type Extensions, Reader } from "./read-fields.js";
import { codeOrKind } from "./read-json.js";
import { PERSON_TYPES } from "./read-people.js";
import { groupworkFhirUrls } from "./urls.js";

// The Group resource becomes the record's group, its members' memberships, its agreements and its stage log; a CareTeam
// about the Group adds the memberships of those who are not clients (facilitators, observers, interpreters).

const EXTENSION = groupworkFhirUrls.extension;

/** The group fields `options.group` may supply. */
export type GroupOptions = Partial<Record<keyof NonNullable<FromFhirBundleOptions["group"]>, unknown>>;

/** What the rest of the reading needs from the group. */
export interface GroupFacts {
  readonly entry: Entry;
  readonly id: string;
  /** The group's time zone when it is a known IANA name, for reading dateTimes as days. */
  readonly timeZone: string | undefined;
}

/** Reads the one Group (reporting `group-count` when there is not exactly one), its memberships, agreements and log. */
export function readGroup(
  context: ImportContext,
  assembly: Assembly,
  people: ReadonlyMap<Entry, string>,
  options: GroupOptions,
): GroupFacts | undefined {
  const groups = context.ofType("Group");
  if (groups.length !== 1) {
    const found = groups.map((entry) => entry.index);
    context.error(
      undefined,
      "group-count",
      groups.length === 0 ? ["entry"] : ["entry", found[1] ?? 0],
      groups.length === 0
        ? "holds no Group resource; a group record is read from exactly one Group."
        : `holds ${groups.length} Group resources (entries ${found.join(", ")}); a group record is read from exactly one Group, so send one Bundle per group.`,
    );
    return undefined;
  }
  const entry = groups[0] as Entry; // length is 1, checked above
  const group = Reader.of(context, entry);
  const extensions = group.extensions(GROUP_EXTENSIONS);
  const facts = readGroupFields(group, extensions, assembly, options);
  readMembers(group, assembly, people, facts);
  readAgreements(extensions, assembly, people);
  readStageEvents(extensions, assembly);
  for (const careTeam of context.ofType("CareTeam")) readCareTeam(context, careTeam, assembly, people, facts);
  return facts;
}

type FieldReading = readonly [field: keyof GroupOptions, value: unknown, path: IssuePath, element: string];

/** The extensions a Group carries. */
const GROUP_EXTENSIONS = [
  EXTENSION.groupPurpose,
  EXTENSION.membershipType,
  EXTENSION.participationType,
  EXTENSION.plannedSessions,
  EXTENSION.capacity,
  EXTENSION.timeZone,
  EXTENSION.groupPeriod,
  EXTENSION.stageModel,
  EXTENSION.agreement,
  EXTENSION.stageEvent,
];

function readGroupFields(group: Reader, extensions: Extensions, assembly: Assembly, options: GroupOptions): GroupFacts {
  const { entry } = group;
  const type = group.text("type");
  if (type !== undefined && type !== "person") {
    group.error(
      "invalid-value",
      group.at("type"),
      `Group.type is ${codeOrKind(type)}; a social-work group is a Group of type "person".`,
    );
  }
  const extension = (
    url: string,
    valueKey: string,
    read: (ext: Reader) => unknown = (ext) => ext.text(valueKey, true),
  ) => {
    const found = extensions.first(url);
    return [found === undefined ? undefined : read(found), found?.path ?? group.at("extension")] as const;
  };
  const period = extensions.first(EXTENSION.groupPeriod)?.object("valuePeriod", true);
  const readings: FieldReading[] = [
    [
      "id",
      identifierIn(entry.resource, groupworkFhirUrls.identifier.group) ?? group.text("id"),
      group.at("id"),
      "Group.id",
    ],
    ["name", group.text("name"), group.at("name"), "Group.name"],
    [...prefix("purpose", extension(EXTENSION.groupPurpose, "valueString")), "the group-purpose extension"],
    ["kind", group.codeIn("code", groupworkFhirUrls.codeSystem.groupKind), group.at("code"), "Group.code"],
    [...prefix("membership", extension(EXTENSION.membershipType, "valueCode")), "the membership-type extension"],
    [
      ...prefix("participation", extension(EXTENSION.participationType, "valueCode")),
      "the participation-type extension",
    ],
    [
      ...prefix(
        "plannedSessions",
        extension(EXTENSION.plannedSessions, "valuePositiveInt", (ext) => ext.integer("valuePositiveInt", 1)),
      ),
      "the planned-sessions extension",
    ],
    [
      ...prefix(
        "capacity",
        extension(EXTENSION.capacity, "valuePositiveInt", (ext) => ext.integer("valuePositiveInt", 1)),
      ),
      "the capacity extension",
    ],
    [...prefix("timeZone", extension(EXTENSION.timeZone, "valueCode")), "the time-zone extension"],
    [
      "startDate",
      period?.day("start", undefined),
      period?.at("start") ?? group.at("extension"),
      "the group-period extension",
    ],
    [
      "endDate",
      period?.day("end", undefined),
      period?.at("end") ?? group.at("extension"),
      "the group-period extension",
    ],
    [...prefix("stageModel", extension(EXTENSION.stageModel, "valueString")), "the stage-model extension"],
  ];
  const fields: Record<string, unknown> = {};
  const places: Record<string, readonly (string | number)[]> = {};
  const depth = group.path.length;
  const fromOptions = new Set<string>();
  const required = new Set(["id", "name", "purpose", "kind", "membership", "participation", "timeZone", "startDate"]);
  for (const [field, value, path, element] of readings) {
    places[field] = path.slice(depth);
    if (value !== undefined) fields[field] = value;
    else if (options[field] !== undefined) {
      fields[field] = options[field];
      fromOptions.add(field);
    } else if (field === "id" && entry.fullUrl !== undefined) fields["id"] = entry.fullUrl;
    else if (required.has(field)) {
      group.error(
        "missing-part",
        path,
        `the group's ${field} is not in the Bundle (${element}); pass it as options.group.${field}.`,
      );
    }
  }
  assembly.group = fields;
  assembly.groupProvenance = { reader: group, fields: places, fromOptions };
  const timeZone =
    typeof fields["timeZone"] === "string" && isIanaTimeZone(fields["timeZone"]) ? fields["timeZone"] : undefined;
  return { entry, id: typeof fields["id"] === "string" ? fields["id"] : "", timeZone };
}

function prefix(
  field: keyof GroupOptions,
  [value, path]: readonly [unknown, IssuePath],
): readonly [keyof GroupOptions, unknown, IssuePath] {
  return [field, value, path];
}

function readMembers(group: Reader, assembly: Assembly, people: ReadonlyMap<Entry, string>, facts: GroupFacts): void {
  for (const member of group.list("member")) {
    const person = member.reference("entity", PERSON_TYPES);
    const memberId = person === undefined ? undefined : people.get(person);
    const membership: Record<string, unknown> = { groupId: facts.id, memberId, role: "member" };
    readPeriod(member, membership, facts);
    const inactive = member.boolean("inactive");
    if (inactive !== undefined) membership["inactive"] = inactive;
    const exitReason = member.extensions(MEMBER_EXTENSIONS).first(EXTENSION.exitReason)?.text("valueCode", true);
    if (exitReason !== undefined) membership["exitReason"] = exitReason;
    if (memberId === undefined) continue;
    assembly.add("memberships", membership as never, member, MEMBERSHIP_FIELDS);
  }
}

const MEMBER_EXTENSIONS = [EXTENSION.exitReason];
const PARTICIPANT_EXTENSIONS = [EXTENSION.membershipInactive, EXTENSION.exitReason];

/** Where a membership's fields are in a Group.member. */
const MEMBERSHIP_FIELDS = {
  memberId: ["entity"],
  period: ["period"],
  inactive: ["inactive"],
  exitReason: ["extension"],
};

/** Where a membership's fields are in a CareTeam.participant. */
const PARTICIPANT_FIELDS = {
  memberId: ["member"],
  role: ["role"],
  period: ["period"],
  inactive: ["extension"],
  exitReason: ["extension"],
};

/** A membership's period, read as days in the group's time zone; a period with no start is reported. */
function readPeriod(owner: Reader, membership: Record<string, unknown>, facts: GroupFacts): void {
  const period = owner.object("period");
  if (period === undefined) return;
  const start = period.day("start", facts.timeZone, true);
  const end = period.day("end", facts.timeZone);
  if (start !== undefined) membership["period"] = end === undefined ? { start } : { start, end };
}

// Roles another system writes with the encounter-participant-type codes the facilitation roles map to
// (facilitationRoles): PPRF primary performer, SPRF secondary performer, translator, PART participant. A coding in the
// library's own code system, when present, names the role exactly.
const ROLE_BY_PARTICIPANT_TYPE: Readonly<Record<string, string>> = {
  PPRF: "facilitator",
  SPRF: "co-facilitator",
  translator: "interpreter",
  PART: "observer",
};

function readCareTeam(
  context: ImportContext,
  entry: Entry,
  assembly: Assembly,
  people: ReadonlyMap<Entry, string>,
  facts: GroupFacts,
): void {
  const careTeam = Reader.of(context, entry);
  const subject = careTeam.object("subject");
  const reference = subject?.node["reference"];
  if (typeof reference !== "string" || context.find(reference) !== facts.entry) {
    careTeam.warning(
      "unsupported-resource",
      entry.path,
      "is not about the Bundle's Group (its subject does not refer to it), so it is not read.",
    );
    return;
  }
  for (const participant of careTeam.list("participant")) {
    const role = participantRole(participant);
    const person = participant.reference("member", PERSON_TYPES);
    const memberId = person === undefined ? undefined : people.get(person);
    const membership: Record<string, unknown> = { groupId: facts.id, memberId, role };
    readPeriod(participant, membership, facts);
    const extensions = participant.extensions(PARTICIPANT_EXTENSIONS);
    const inactive = extensions.first(EXTENSION.membershipInactive)?.boolean("valueBoolean");
    if (inactive !== undefined) membership["inactive"] = inactive;
    const exitReason = extensions.first(EXTENSION.exitReason)?.text("valueCode", true);
    if (exitReason !== undefined) membership["exitReason"] = exitReason;
    if (memberId === undefined || role === undefined) continue;
    assembly.add("memberships", membership as never, participant, PARTICIPANT_FIELDS);
  }
}

function participantRole(participant: Reader): string | undefined {
  const codings = participant.list("role").flatMap((role) => codingsOf(role));
  const own = codings.find((coding) => coding.node["system"] === groupworkFhirUrls.codeSystem.facilitationRole);
  if (own !== undefined) return own.text("code", true);
  for (const coding of codings) {
    const code = coding.node["code"];
    const known = facilitationRoles.entries.some(
      (role) =>
        role.encounterParticipantType.system === coding.node["system"] && role.encounterParticipantType.code === code,
    );
    if (known && typeof code === "string") return ROLE_BY_PARTICIPANT_TYPE[code];
  }
  if (codings.length === 0) {
    participant.missing("role", "say the person's role in the group (facilitator, co-facilitator, observer, …).");
  } else {
    participant.error(
      "unsupported-code",
      participant.at("role"),
      `${participant.name("role")} has no code the library reads: a facilitation role (${groupworkFhirUrls.codeSystem.facilitationRole}) or an encounter participant type PPRF, SPRF, translator or PART.`,
    );
  }
  return undefined;
}

const AGREEMENT_PARTS = ["version", "adoptedOn", "norm", "confidentialityTerm", "limitsExplained", "signature"];
const SIGNATURE_PARTS = ["member", "signedOn", "form"];

function readAgreements(extensions: Extensions, assembly: Assembly, people: ReadonlyMap<Entry, string>): void {
  for (const agreement of extensions.all(EXTENSION.agreement)) {
    const parts = agreement.extensions(AGREEMENT_PARTS);
    const item: Record<string, unknown> = {
      version: parts.first("version")?.text("valueString", true),
      adoptedOn: parts.first("adoptedOn")?.day("valueDate", undefined, true),
      norms: parts.all("norm").map((norm) => norm.text("valueString", true)),
      confidentialityTerms: parts.all("confidentialityTerm").map((term) => term.text("valueString", true)),
      limitsExplained: parts.first("limitsExplained")?.boolean("valueBoolean"),
      signatures: parts.all("signature").map((signature) => {
        const signed = signature.extensions(SIGNATURE_PARTS);
        const person = signed.first("member")?.reference("valueReference", PERSON_TYPES);
        return {
          memberId: person === undefined ? undefined : people.get(person),
          signedOn: signed.first("signedOn")?.day("valueDate", undefined, true),
          form: signed.first("form")?.text("valueCode", true),
        };
      }),
    };
    assembly.add("agreements", item as never, agreement);
  }
}

/** Fields of a stage event, each with the `value[x]` it is written in. */
const STAGE_EVENT_FIELDS = [
  ["type", "type", "valueCode"],
  ["at", "at", "valueDateTime"],
  ["by", "by", "valueString"],
  ["session", "sessionId", "valueString"],
  ["version", "version", "valueString"],
  ["includesConfidentiality", "includesConfidentiality", "valueBoolean"],
  ["limitsExplained", "limitsExplained", "valueBoolean"],
  ["member", "memberId", "valueString"],
  ["reason", "reason", "valueString"],
  ["to", "to", "valueCode"],
  ["outcome", "outcome", "valueCode"],
] as const;

const STAGE_EVENT_PARTS = STAGE_EVENT_FIELDS.map(([url]) => url);

function readStageEvents(extensions: Extensions, assembly: Assembly): void {
  for (const event of extensions.all(EXTENSION.stageEvent)) {
    const parts = event.extensions(STAGE_EVENT_PARTS);
    const item: Record<string, unknown> = {};
    for (const [url, field, valueKey] of STAGE_EVENT_FIELDS) {
      const part = parts.first(url);
      if (part === undefined) continue;
      item[field] = valueKey === "valueBoolean" ? part.boolean(valueKey) : part.text(valueKey, true);
    }
    assembly.add("stageEvents", item as never, event);
  }
}
