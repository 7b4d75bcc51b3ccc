import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { StageModel } from "./types.js";

// A stage model and one group's options, resolved once when the machine is built, so the guards and
// `availableStageEvents` read the same numbers.

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
 * can key a cache); throws `invalid-argument` from `caller`, naming the field at fault. Internal.
 */
export function checkStageOptions(model: StageModel, options: unknown, caller: string): CheckedStageOptions {
  const fail = (message: string): never => {
    throw new GroupworkError("invalid-argument", `${caller}: ${message}`);
  };
  if (!isRecord(options)) {
    fail(`options must be an object such as { minSessions: 2 }; got ${describeValue(options)}.`);
  }
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
  return {
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
