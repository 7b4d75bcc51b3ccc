import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import type { StageEventType } from "../model/index.js";
import { closedStage, type StageModel } from "./types.js";

// A stage model and one group's options, resolved once when the machine is built, so the guards and
// `availableStageEvents` read the same numbers. The moves of the machine are written here, once (`stageMoves`): the
// machine's transitions, `availableStageEvents`, the restore checks, the diagram and the guidance all read them.

/** The rules for leaving one stage, resolved from the model and the options. Internal. */
export interface ResolvedReadiness {
  readonly minSessions: number;
  readonly requiresAgreement: boolean;
}

/** A stage model compiled for the guards. Internal. */
export interface StageRules {
  readonly model: StageModel;
  /** Stage ids in order; the last is the final stage. */
  readonly order: readonly string[];
  /** Position of each stage id in `order`. */
  readonly position: ReadonlyMap<string, number>;
  readonly first: string;
  readonly final: string;
  /** The stage an open group forms again in (`model.reformingStage`, else the first stage). */
  readonly reforming: string;
  /** How a sentence names each stage (see `stageName`). */
  readonly names: ReadonlyMap<string, string>;
  readonly readiness: ReadonlyMap<string, ResolvedReadiness>;
  readonly reopenOnJoin: boolean;
  /** The events each stage accepts and what each does (see `stageMoves`); `closed` accepts none. */
  readonly moves: ReadonlyMap<string, StageMoves>;
}

/**
 * What the machine does when it takes an event: records it and stays (`recordSession`, `recordAgreement`,
 * `recordJoin`, `recordLeave`), or moves (`enterStage`; `reopenFirstStage` for a member joining who takes an open
 * group back to the stage members first met in). Internal.
 */
export type StageAction =
  | "recordSession"
  | "recordAgreement"
  | "recordJoin"
  | "recordLeave"
  | "enterStage"
  | "reopenFirstStage";

/** One event a stage accepts. Internal. */
export interface StageMove {
  /** Where it takes the group: empty when the group stays; for `REGRESS` every earlier stage, oldest first. */
  readonly to: readonly string[];
  /** What the machine does. */
  readonly action: StageAction;
  /**
   * The guard: every move asks the one decision (`blockingReasons`, guards.ts); an event that names its target
   * (`REGRESS.to`) is also matched to the target, so it takes the transition to the stage it names.
   */
  readonly guard: "may-happen" | "may-happen-to-named-stage";
}

/** The events one stage accepts, each with its move; an event missing here is not accepted there. Internal. */
export type StageMoves = Readonly<Partial<Record<StageEventType, StageMove>>>;

const stay = (action: StageAction): StageMove => ({ to: [], action, guard: "may-happen" });
const enter = (stage: string): StageMove => ({ to: [stage], action: "enterStage", guard: "may-happen" });

/**
 * Whether a member joining in `stage` may mean an open group is forming again: a working stage after the one members
 * first met in (Tuckman & Jensen 1977; Toseland & Rivas on open groups). Internal.
 */
export function isLaterWorkingStage(
  rules: Pick<StageRules, "position" | "reforming" | "final">,
  stage: string,
): boolean {
  const position = rules.position.get(stage);
  const reforming = rules.position.get(rules.reforming) ?? 0;
  return position !== undefined && position > reforming && stage !== rules.final;
}

/**
 * The moves of the stage machine from one stage: the one description the machine, `availableStageEvents`, the restore
 * checks, the diagram and the guidance read.
 *
 * - `SESSION_HELD`, `AGREEMENT_ADOPTED`, `MEMBER_LEFT`: every stage; the group stays.
 * - `MEMBER_JOINED`: every stage; the group stays, except in a later working stage with `onMemberJoined:
 *   "reopen-first-stage"`, where it goes back to the stage members first met in.
 * - `ADVANCE`: a working stage whose next stage is a working one; to that stage.
 * - `REGRESS`: every stage after the first; to the earlier stage the event names.
 * - `ADJOURN`: every working stage; to the final stage.
 * - `CLOSE`: the final stage; to `closed`, which accepts nothing.
 */
function movesFrom(rules: Omit<StageRules, "moves">, stage: string): StageMoves {
  const position = rules.position.get(stage);
  if (position === undefined) return {};
  const final = stage === rules.final;
  const next = rules.order[position + 1];
  const earlier = rules.order.slice(0, position);
  return {
    SESSION_HELD: stay("recordSession"),
    AGREEMENT_ADOPTED: stay("recordAgreement"),
    MEMBER_JOINED:
      rules.reopenOnJoin && isLaterWorkingStage(rules, stage)
        ? { to: [rules.reforming], action: "reopenFirstStage", guard: "may-happen" }
        : stay("recordJoin"),
    MEMBER_LEFT: stay("recordLeave"),
    ...(final || next === undefined || next === rules.final ? {} : { ADVANCE: enter(next) }),
    ...(earlier.length === 0
      ? {}
      : { REGRESS: { to: earlier, action: "enterStage", guard: "may-happen-to-named-stage" } as const }),
    ...(final ? { CLOSE: enter(closedStage) } : { ADJOURN: enter(rules.final) }),
  };
}

/** The events `stage` accepts and what each does; none for `closed` or a stage the model lacks. Internal. */
export function stageMoves(rules: StageRules, stage: string): StageMoves {
  return rules.moves.get(stage) ?? {};
}

/** Where `type` takes the group from `stage`: empty when it stays there or the stage does not accept it. Internal. */
export function destinations(rules: StageRules, stage: string, type: StageEventType): readonly string[] {
  return stageMoves(rules, stage)[type]?.to ?? [];
}

/** One group's options, checked: what `StageMachineOptions` may hold, and nothing a machine cannot be built from. */
export interface CheckedStageOptions {
  readonly minSessions: number | undefined;
  readonly requireAgreement: boolean;
  readonly readiness: Readonly<Record<string, { minSessions?: number; requiresAgreement?: boolean }>>;
  readonly onMemberJoined: "suggest" | "reopen-first-stage";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks one group's options for a model that `checkStageModel` has passed, and gives them back as plain data (so they
 * can key a cache); throws `invalid-argument` from `caller`, naming the field at fault, a key that is not an option, or
 * options that cannot be read. Internal.
 */
export function checkStageOptions(model: StageModel, options: unknown, caller: string): CheckedStageOptions {
  return readArgument(`${caller}: options`, () => readStageOptions(model, options, caller));
}

function readStageOptions(model: StageModel, options: unknown, caller: string): CheckedStageOptions {
  const fail = (message: string): never => {
    throw new GroupworkError("invalid-argument", `${caller}: ${message}`);
  };
  if (!isRecord(options)) {
    fail(`options must be an object such as { minSessions: 2 }; got ${describeValue(options)}.`);
  }
  refuseUnknownKeys(
    options as object,
    ["minSessions", "requireAgreement", "readiness", "onMemberJoined"],
    `${caller}: options`,
  );
  const { minSessions, requireAgreement, readiness, onMemberJoined } = options as Record<string, unknown>;
  const count = (value: unknown, where: string): number | undefined => {
    if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= 0)) {
      fail(`${where} is ${describeValue(value)}; use a whole number of sessions, 0 or more.`);
    }
    return value as number | undefined;
  };
  const flag = (value: unknown, where: string): boolean | undefined => {
    if (value !== undefined && typeof value !== "boolean") {
      fail(`${where} is ${describeValue(value)}; use true, false or leave it out.`);
    }
    return value as boolean | undefined;
  };
  if (readiness !== undefined && !isRecord(readiness)) {
    fail(
      `options.readiness must be an object of stage ids, such as { storming: { minSessions: 2 } }; got ${describeValue(readiness)}.`,
    );
  }
  const stageIds = new Set(model.stages.map((stage) => stage.id));
  const rules: Record<string, { minSessions?: number; requiresAgreement?: boolean }> = {};
  for (const stage of Object.keys(readiness ?? {})) {
    if (!stageIds.has(stage)) {
      fail(
        `options.readiness names stage ${describeValue(stage)}, which is not in the stage model ${describeValue(model.id)}.`,
      );
    }
    const rule = (readiness as Record<string, unknown>)[stage];
    if (rule === undefined) continue;
    const where = `options.readiness.${stage}`;
    if (!isRecord(rule)) fail(`${where} must be an object such as { minSessions: 2 }; got ${describeValue(rule)}.`);
    refuseUnknownKeys(rule as object, ["minSessions", "requiresAgreement"], `${caller}: ${where}`);
    const { minSessions: min, requiresAgreement } = rule as Record<string, unknown>;
    const checkedMin = count(min, `${where}.minSessions`);
    const checkedAgreement = flag(requiresAgreement, `${where}.requiresAgreement`);
    rules[stage] = {
      ...(checkedMin === undefined ? {} : { minSessions: checkedMin }),
      ...(checkedAgreement === undefined ? {} : { requiresAgreement: checkedAgreement }),
    };
  }
  const onJoin = onMemberJoined === undefined ? "suggest" : onMemberJoined;
  if (onJoin !== "suggest" && onJoin !== "reopen-first-stage") {
    fail(`options.onMemberJoined is ${describeValue(onJoin)}; use "suggest" or "reopen-first-stage".`);
  }
  return {
    minSessions: count(minSessions, "options.minSessions"),
    requireAgreement: flag(requireAgreement, "options.requireAgreement") !== false,
    readiness: rules,
    onMemberJoined: onJoin as CheckedStageOptions["onMemberJoined"],
  };
}

/** Resolves a model and options, both checked by {@link checkStageOptions}, into rules. */
export function resolveStageRules(model: StageModel, checked: CheckedStageOptions): StageRules {
  const order = model.stages.map((stage) => stage.id);
  const readiness = new Map<string, ResolvedReadiness>();
  model.stages.forEach((stage, index) => {
    const override = checked.readiness[stage.id];
    const minSessions = override?.minSessions ?? stage.readiness.minSessions ?? checked.minSessions ?? 1;
    // NASW Code of Ethics 1.07(e)(f): the agreement on confidentiality comes before the group's work begins, so by
    // default only the first stage asks for it.
    const wantsAgreement = override?.requiresAgreement ?? stage.readiness.requiresAgreement ?? index === 0;
    readiness.set(stage.id, { minSessions, requiresAgreement: checked.requireAgreement && wantsAgreement });
  });
  // checkStageModel has checked there are at least two stages, so both ends exist.
  const first = order[0] ?? model.finalStage;
  const resolved = {
    model,
    order,
    position: new Map(order.map((id, index) => [id, index])),
    first,
    final: model.finalStage,
    reforming: model.reformingStage ?? first,
    names: new Map(model.stages.map((stage) => [stage.id, nameInSentence(stage.label, stage.id)])),
    readiness,
    reopenOnJoin: checked.onMemberJoined === "reopen-first-stage",
  };
  return { ...resolved, moves: new Map(order.map((stage) => [stage, movesFrom(resolved, stage)])) };
}

/**
 * How a stage reads inside a sentence: its label with the first letter in lower case ("Power and control" reads
 * "power and control", "Pre-affiliation" "pre-affiliation"), unless the label opens with an abbreviation ("AA
 * meeting"); the id with spaces for hyphens when the label is empty.
 */
function nameInSentence(label: string, id: string): string {
  const text = label.trim();
  if (text === "") return id.replaceAll("-", " ");
  const second = text.charAt(1);
  return second !== second.toLowerCase() ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** A stage as a sentence names it (see `nameInSentence`); `closed`, or an id the model lacks, as it is. */
export function stageName(rules: StageRules, stage: string): string {
  const name = rules.names.get(stage);
  if (name !== undefined) return name;
  // A stored snapshot may name a stage of any length; a sentence shows at most 64 characters of it.
  return stage.length > 64 ? `${stage.slice(0, 63)}…` : stage;
}

/**
 * The rules of a model, checked by `checkStageModel`, with the default options: for what describes the model itself
 * rather than one group (the diagram, the guidance). Internal.
 */
export function modelRules(model: StageModel, caller: string): StageRules {
  return resolveStageRules(model, checkStageOptions(model, {}, caller));
}
