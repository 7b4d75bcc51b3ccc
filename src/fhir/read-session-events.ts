import type { Assembly } from "./import-assembly.js";
import type { Entry } from "./read-context.js";
import type { Reader } from "./read-fields.js";
import { PERSON_TYPES } from "./read-people.js";
import { groupworkFhirUrls } from "./urls.js";

// Speaking turns and Bales interaction acts, written as complex extensions on a session's group Encounter.

const EXTENSION = groupworkFhirUrls.extension;

/** A session under assembly, with the resources it was read from. */
export interface SessionSource {
  readonly item: Record<string, unknown>;
  /** The Appointment, or the group Encounter that no Appointment matches. */
  readonly reader: Reader;
  /** The group Encounters of the session (the record of the meeting itself). */
  readonly encounters: Reader[];
  /** Whether the session's sequence came from the library's extension. */
  readonly numbered: boolean;
  readonly startMs: number;
}

/** Reads the turns, then the acts, of one session's group Encounters, as written. */
export function readSessionEvents(source: SessionSource, assembly: Assembly, people: ReadonlyMap<Entry, string>): void {
  const sessionId = source.item["id"];
  for (const encounter of source.encounters) {
    for (const turn of encounter.extensions(EXTENSION.turn)) {
      const item: Record<string, unknown> = {
        sessionId,
        memberId: person(turn, "member", people, true),
        start: turn.extension("start")?.decimal("valueDecimal"),
        end: turn.extension("end")?.decimal("valueDecimal"),
      };
      const respondsTo = person(turn, "respondsTo", people, false);
      if (respondsTo !== undefined) item["respondsTo"] = respondsTo;
      assembly.add("turns", item as never, encounter.entry, turn.path);
    }
  }
  for (const encounter of source.encounters) {
    for (const act of encounter.extensions(EXTENSION.interactionAct)) {
      const item: Record<string, unknown> = {
        sessionId,
        memberId: person(act, "member", people, true),
        category: act.extension("category")?.integer("valueInteger", 0),
      };
      const addressee = person(act, "addressee", people, false);
      if (addressee !== undefined) item["addresseeId"] = addressee;
      const at = act.extension("at")?.decimal("valueDecimal");
      if (at !== undefined) item["at"] = at;
      assembly.add("interactionActs", item as never, encounter.entry, act.path);
    }
  }
}

/** The member id of a person named by the sub-extension `name` (valueReference); reports one that is required. */
function person(owner: Reader, name: string, people: ReadonlyMap<Entry, string>, required: boolean) {
  const part = owner.extension(name);
  if (part === undefined) {
    if (required) owner.missing("extension", `the sub-extension "${name}" (the person) is missing.`);
    return undefined;
  }
  const entry = part.reference("valueReference", PERSON_TYPES);
  return entry === undefined ? undefined : people.get(entry);
}
