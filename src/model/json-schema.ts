import { z } from "zod";
import { GroupAgreementSchema } from "./agreement.js";
import { AttendanceRecordSchema } from "./attendance.js";
import { ConsentSchema } from "./consent.js";
import { GroupSchema } from "./group.js";
import { InteractionActSchema, TurnSchema } from "./interaction.js";
import { MemberSchema } from "./member.js";
import { MembershipSchema } from "./membership.js";
import { GroupRecordSchema } from "./record.js";
import { SessionSchema } from "./session.js";
import { StageSnapshotEnvelopeSchema } from "./stage-envelope.js";
import { RecordedStageEventSchema } from "./stage-event.js";

/**
 * Name of a wire type with a JSON Schema, which is also its file name in the package (`<name>.json`).
 *
 * @example
 * // Each name is also the file name the package ships: groupwork/schemas/attendance-record.json
 * Object.keys(groupworkJsonSchemas()).slice(0, 6)
 * //=> ["group-record", "group", "member", "membership", "session", "attendance-record"]
 */
export type WireSchemaName =
  | "group-record"
  | "group"
  | "member"
  | "membership"
  | "session"
  | "attendance-record"
  | "turn"
  | "interaction-act"
  | "group-agreement"
  | "consent"
  | "stage-event"
  | "stage-snapshot-envelope";

// The wire types that have a JSON Schema, by the file name the package ships them under.
const wireSchemas: Record<WireSchemaName, z.ZodType> = {
  "group-record": GroupRecordSchema,
  group: GroupSchema,
  member: MemberSchema,
  membership: MembershipSchema,
  session: SessionSchema,
  "attendance-record": AttendanceRecordSchema,
  turn: TurnSchema,
  "interaction-act": InteractionActSchema,
  "group-agreement": GroupAgreementSchema,
  consent: ConsentSchema,
  "stage-event": RecordedStageEventSchema,
  "stage-snapshot-envelope": StageSnapshotEnvelopeSchema,
};

/**
 * A JSON Schema document (draft 2020-12), as plain JSON.
 *
 * @example
 * // A host in another language learns which session fields it must send (interventions may be left out)
 * const session = groupworkJsonSchemas().session;
 * // The document is plain JSON (values typed `unknown`): a program states the part of its shape it reads
 * const definitions = session["$defs"] as { Session: { required: string[] } };
 * [session["$ref"], definitions.Session.required]
 * //=> ["#/$defs/Session", ["id", "groupId", "sequence", "scheduledStart", "durationMinutes", "status", "mode"]]
 */
export type JsonSchemaDocument = { readonly [key: string]: unknown };

/**
 * JSON Schemas (draft 2020-12) for every wire type, generated from the zod schemas, so hosts written in other
 * languages can validate the same data.
 *
 * They describe the input a host sends (optional lists may be left out). They check shape only: references between
 * records are checked by `parseGroupRecord`. The same documents ship in the package as
 * `groupwork/schemas/<name>.json`.
 *
 * @returns a fresh object per call, keyed by {@link WireSchemaName}
 * @example
 * const schemas = groupworkJsonSchemas();
 * schemas["group-record"]["$schema"]
 * //=> "https://json-schema.org/draft/2020-12/schema"
 */
export function groupworkJsonSchemas(): Record<WireSchemaName, JsonSchemaDocument> {
  const result = {} as Record<WireSchemaName, JsonSchemaDocument>;
  for (const name of Object.keys(wireSchemas) as WireSchemaName[]) {
    result[name] = z.toJSONSchema(wireSchemas[name], { io: "input", target: "draft-2020-12" }) as JsonSchemaDocument;
  }
  return result;
}
