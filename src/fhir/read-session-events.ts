import type { Assembly } from "./import-assembly.js";
import type { Entry } from "./read-context.js";
import type { Extensions, Reader } from "./read-fields.js";
import { PERSON_TYPES } from "./read-people.js";
import { groupworkFhirUrls } from "./urls.js";

// Speaking turns and Bales interaction acts, written as complex extensions on a session's group Encounter.

const EXTENSION = groupworkFhirUrls.extension;

/** A group Encounter (the record of a meeting), with its extensions read once. */
export interface GroupEncounter {
  readonly reader: Reader;
  readonly extensions: Extensions;
}

/** The extensions a group Encounter carries: the meeting's turns and acts, and what a session has when no Appointment gives it. */
export const GROUP_ENCOUNTER_EXTENSIONS = [
  EXTENSION.turn,
  EXTENSION.interactionAct,
  EXTENSION.sessionSequence,
  EXTENSION.sessionMode,
  EXTENSION.intervention,
];

/** A session under assembly, with the resources it was read from. */
export interface SessionSource {
  readonly item: Record<string, unknown>;
  /** The Appointment, or the group Encounter that no Appointment matches. */
  readonly reader: Reader;
  /** The group Encounters of the session (the record of the meeting itself). */
  readonly encounters: GroupEncounter[];
  /** Whether the session's sequence came from the library's extension. */
  readonly numbered: boolean;
  readonly startMs: number;
}

const TURN_PARTS = ["member", "start", "end", "respondsTo"];
const ACT_PARTS = ["member", "category", "addressee", "at"];

/** Reads the turns, then the acts, of one session's group Encounters, as written. */
export function readSessionEvents(source: SessionSource, assembly: Assembly, people: ReadonlyMap<Entry, string>): void {
  const sessionId = source.item["id"];
  for (const encounter of source.encounters) {
    for (const turn of encounter.extensions.all(EXTENSION.turn)) {
      const parts = turn.extensions(TURN_PARTS);
      const item: Record<string, unknown> = {
        sessionId,
        memberId: person(turn, parts, "member", people, true),
        start: parts.first("start")?.decimal("valueDecimal"),
        end: parts.first("end")?.decimal("valueDecimal"),
      };
      const respondsTo = person(turn, parts, "respondsTo", people, false);
      if (respondsTo !== undefined) item["respondsTo"] = respondsTo;
      assembly.add("turns", item as never, turn);
    }
  }
  for (const encounter of source.encounters) {
    for (const act of encounter.extensions.all(EXTENSION.interactionAct)) {
      const parts = act.extensions(ACT_PARTS);
      const item: Record<string, unknown> = {
        sessionId,
        memberId: person(act, parts, "member", people, true),
        category: parts.first("category")?.integer("valueInteger", 0),
      };
      const addressee = person(act, parts, "addressee", people, false);
      if (addressee !== undefined) item["addresseeId"] = addressee;
      const at = parts.first("at")?.decimal("valueDecimal");
      if (at !== undefined) item["at"] = at;
      assembly.add("interactionActs", item as never, act);
    }
  }
}

/** The member id of a person named by the sub-extension `name` (valueReference); reports one that is required. */
function person(
  owner: Reader,
  parts: Extensions,
  name: string,
  people: ReadonlyMap<Entry, string>,
  required: boolean,
): string | undefined {
  const part = parts.first(name);
  if (part === undefined) {
    if (required) owner.missing("extension", `the sub-extension "${name}" (the person) is missing.`);
    return undefined;
  }
  const entry = part.reference("valueReference", PERSON_TYPES);
  return entry === undefined ? undefined : people.get(entry);
}
