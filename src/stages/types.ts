// A stage model as data, so an agency can bring its own; the machine, the guidance and the diagram read only these
// shapes. The events are in events.ts, what the machine remembers in context.ts.

/**
 * What a group must have done before the worker may move it out of a stage with `ADVANCE`.
 *
 * A stage model sets these per stage; `StageMachineOptions` may override them for one group.
 *
 * @example
 * [tuckmanModel.stages[0]?.readiness, tuckmanModel.stages[4]?.readiness]
 * //=> [{ requiresAgreement: true }, { minSessions: 0 }]
 */
export interface StageReadiness {
  /** Sessions that must be held in the stage before the group may leave it by `ADVANCE`; 1 when not given. */
  readonly minSessions?: number;
  /**
   * Whether the group agreement, including confidentiality and its limits, must be adopted before the group leaves
   * the stage (NASW Code of Ethics 1.07(e)(f)). When not given: `true` for the first stage, `false` for the others.
   */
  readonly requiresAgreement?: boolean;
}

/**
 * One stage of a stage model, with the guidance a worker reads while the group is in it.
 *
 * @typeParam Id - the stage ids of the model, such as `"forming" | "storming"`
 * @example
 * const stage = stageModels.boston.stages[1];
 * [stage?.id, stage?.label]
 * //=> ["power-and-control", "Power and control"]
 */
export interface StageDefinition<Id extends string = string> {
  /** Stable id, used as the machine's state value: lower-case words joined by hyphens, such as `power-and-control`. */
  readonly id: Id;
  /** Name a person reads, such as "Power and control". */
  readonly label: string;
  /** What the stage is, in one or two sentences. */
  readonly summary: string;
  /** What a worker sees in a group in this stage. */
  readonly markers: readonly string[];
  /** What the worker does in this stage. */
  readonly workerTasks: readonly string[];
  /** Techniques that help in this stage, such as active listening or summarising. */
  readonly techniques: readonly string[];
  /** Risks to watch for in this stage. */
  readonly watchFor: readonly string[];
  /** What the group must have done before it may leave this stage by `ADVANCE`. */
  readonly readiness: StageReadiness;
}

/**
 * A model of group development as data: ordered stages, the final stage, the sources it rests on.
 *
 * The last stage is the final one (adjourning, separation, ending): the group enters it by `ADJOURN` and leaves it by
 * `CLOSE`. The other stages are the working stages, entered in order by `ADVANCE`.
 *
 * @typeParam Id - the stage ids of the model, such as `"forming" | "storming" | "norming"`
 * @example
 * [tuckmanModel.id, tuckmanModel.stages.length, tuckmanModel.finalStage, tuckmanModel.stages.at(-1)?.id]
 * //=> ["tuckman", 5, "adjourning", "adjourning"]
 */
export interface StageModel<Id extends string = string> {
  /** Stable id of the model, as a group record names it in `group.stageModel` (`tuckman`, `boston`, …). */
  readonly id: string;
  /** Name a person reads. */
  readonly name: string;
  /** The published sources the model and its guidance rest on, one reference per entry. */
  readonly citation: readonly string[];
  /** The stages in their usual order, first to final; at least two, ids unique. */
  readonly stages: readonly StageDefinition<Id>[];
  /**
   * Id of the final stage (adjourning, separation, ending); always the last of `stages`. Only the ids in `stages` are
   * read as the model's stage ids, so a misspelt final stage is a type error.
   */
  readonly finalStage: NoInfer<Id>;
  /**
   * The stage in which members first meet and make their agreement, which an open group may go back to when a member
   * joins later (see `StageMachineOptions.onMemberJoined`); a working stage. The first stage when not given; Toseland
   * & Rivas name `beginning`, because their first stage, planning, comes before members meet.
   */
  readonly reformingStage?: NoInfer<Id>;
}

/**
 * The stage ids of a stage model, as a union of string literals.
 *
 * @typeParam Model - the type of a stage model, such as `typeof tuckmanModel`
 * @example
 * // StageIdOf<typeof tuckmanModel> is "forming" | "storming" | … | "adjourning": the stages stageGuidance takes
 * stageGuidance(tuckmanModel, "norming").position
 * //=> 3
 */
export type StageIdOf<Model extends StageModel> = Model["stages"][number]["id"];

/**
 * Id of the state a group's machine ends in after `CLOSE`; it is not a stage of any model.
 *
 * @example
 * closedStage
 * //=> "closed"
 */
export const closedStage = "closed";

/**
 * Where the machine can stand: one of the model's stages, or `closed` after the group's record is closed.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * // type TuckmanValue = StageValue<StageIdOf<typeof tuckmanModel>>; // the five stages or "closed"
 * ["forming", "adjourning", closedStage].at(-1)
 * //=> "closed"
 */
export type StageValue<Id extends string = string> = Id | typeof closedStage;
