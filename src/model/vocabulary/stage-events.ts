// The words of a group's stage log as plain lists: the model's schemas are built from them, and groupwork/stages reads
// them without loading zod.

/**
 * Every kind of event in a group's stage log, in the order screens list them: a session held, the agreement adopted,
 * a member joining or leaving, and the worker's decisions (`ADVANCE`, `REGRESS`, `ADJOURN`, `CLOSE`).
 *
 * @example
 * [stageEventTypes.length, stageEventTypes[0], stageEventTypes.at(-1)]
 * //=> [8, "SESSION_HELD", "CLOSE"]
 */
export const stageEventTypes = /* @__PURE__ */ Object.freeze([
  "SESSION_HELD",
  "AGREEMENT_ADOPTED",
  "MEMBER_JOINED",
  "MEMBER_LEFT",
  "ADVANCE",
  "REGRESS",
  "ADJOURN",
  "CLOSE",
] as const);

/**
 * The kind of a stage event, such as `ADVANCE` (see {@link stageEventTypes}).
 *
 * @example
 * const type = "ADVANCE";
 * stageEventTypes.includes(type)
 * //=> true
 */
export type StageEventType = (typeof stageEventTypes)[number];

/**
 * How a group's work ended: `completed` as planned, or `ended-early` (the group was dissolved before its end).
 *
 * @example
 * adjournOutcomes
 * //=> ["completed", "ended-early"]
 */
export const adjournOutcomes = /* @__PURE__ */ Object.freeze(["completed", "ended-early"] as const);

/**
 * How a group's work ended (see {@link adjournOutcomes}).
 *
 * @example
 * const outcome = "ended-early";
 * adjournOutcomes.includes(outcome)
 * //=> true
 */
export type AdjournOutcome = (typeof adjournOutcomes)[number];

/**
 * The ids of the stage models the library ships, default first: Tuckman (1965; Tuckman & Jensen 1977), the Boston
 * model (Garland, Jones & Kolodny 1965), Schiller's relational model (1995) and Toseland & Rivas. A group record names
 * its model by one of these in `group.stageModel`, or by an agency's own id.
 *
 * @example
 * stageModelIds
 * //=> ["tuckman", "boston", "relational", "toseland-rivas"]
 */
export const stageModelIds = /* @__PURE__ */ Object.freeze([
  "tuckman",
  "boston",
  "relational",
  "toseland-rivas",
] as const);

/**
 * The id of a stage model the library ships (see {@link stageModelIds}).
 *
 * @example
 * const id = "toseland-rivas";
 * stageModelIds.includes(id)
 * //=> true
 */
export type StageModelId = (typeof stageModelIds)[number];

// The most entries a stored stage history, or its list of suggestions, may hold. A group changes stage a few times
// and records a suggestion only when a member joins late, so ten thousand is far past any real group; a longer list
// (a sparse array of length 2**32 - 1 is one line of code) is refused at once rather than walked. Not re-exported:
// StageSnapshotEnvelopeSchema and groupwork/stages read it from here, so both refuse the same lists.
export const longestStageList = 10_000;
