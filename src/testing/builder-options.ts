import type {
  AdjournOutcome,
  ConsentForm,
  ConsentGrantor,
  ConsentLegalBasis,
  ExitReason,
  GroupKind,
  InformationKind,
  MembershipType,
  ParticipationType,
  PurposeOfUse,
  RecipientKind,
  SessionMode,
} from "../model/index.js";

// The arguments of the scenario builder's calls, each its own documented interface. Re-exported by builder.ts.

/** A day of the week, as `meetsWeekly` names the day a group meets. */
export type ScenarioWeekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

/**
 * A client of the scenario, by position or by id: `3` and `"m-3"` are the third member added (by `members` or `joins`,
 * in call order). Facilitators are not members in this sense.
 */
export type ScenarioMember = number | string;

/** The group a scenario starts from: the argument of `buildGroupRecord`. */
export interface ScenarioGroupOptions {
  /** The name members and staff use for the group, such as "Thursday grief group". */
  readonly name: string;
  /** Kind of group: `support`, `therapy`, `psychoeducation`, `skills`, … (the `groupKinds` vocabulary). */
  readonly kind: GroupKind;
  /** `closed` (a fixed cohort) or `open` (rolling admission: only an open group takes members with `joins`). */
  readonly membership: MembershipType;
  /** The group's IANA time zone, such as `America/Chicago`; sessions are scheduled on its wall clock. */
  readonly timeZone: string;
  /** The group's id; `"g-1"` when left out. */
  readonly id?: string | undefined;
  /** Why the group exists; `"A <kind> group (a test scenario)."` when left out. */
  readonly purpose?: string | undefined;
  /** `optional` (the default) or `mandatory`. */
  readonly participation?: ParticipationType | undefined;
  /** Most clients the group takes at once; none when left out. */
  readonly capacity?: number | undefined;
  /** Id of the stage model the group follows; `"tuckman"` when left out. */
  readonly stageModel?: string | undefined;
}

/** How a group meets: the argument of `meetsWeekly`. */
export interface WeeklyScheduleOptions {
  /** The day it meets, such as `"thursday"`; `firstDate` must fall on it. */
  readonly weekday: ScenarioWeekday;
  /** The local start time on the group's wall clock, `HH:MM` from `00:00` to `23:59`, such as `"18:00"`. */
  readonly startTime: string;
  /** Length of each session in minutes, a whole number from 1 to 1440. */
  readonly minutes: number;
  /** The day of the first session, `YYYY-MM-DD`, in the group's time zone. */
  readonly firstDate: string;
  /** How many sessions, one a week, a whole number from 1 to 1000; they are numbered 1, 2, … */
  readonly sessions: number;
  /** How members meet: `in-person` (the default), `virtual` or `hybrid`. */
  readonly mode?: SessionMode | undefined;
}

/** Which sessions a call is about: the argument of `absent`, `excused` and `cancel`. */
export interface ScenarioSessionsOptions {
  /** Session numbers, from 1; each once. */
  readonly sessions: readonly number[];
}

/** Which sessions a member came late to or left early from, and by how much: the argument of `late` and `leftEarly`. */
export interface ScenarioTimedOptions {
  /** Session numbers, from 1; each once. */
  readonly sessions: readonly number[];
  /**
   * For `late`, minutes after the start the member arrived (10 by default); for `leftEarly`, minutes before the end
   * the member left (30 by default). A whole number from 1 to one less than the session's length; a default longer
   * than the session is cut to that.
   */
  readonly minutes?: number | undefined;
}

/** When members join an open group: the argument of `joins`. */
export interface ScenarioJoinOptions {
  /** The first session they belong to, from 2 (those who start at session 1 are added with `members`). */
  readonly session: number;
}

/** When and why a member leaves: the argument of `leaves`. */
export interface ScenarioLeaveOptions {
  /** The member's last session: the membership ends on its day. */
  readonly after: number;
  /** Why: `completed`, `dropped-out`, `transferred`, `removed` or `other` (the `exitReasons` vocabulary). */
  readonly reason: ExitReason;
}

/** When the group adopts its agreement: the argument of `agreementAdopted`. */
export interface ScenarioAgreementOptions {
  /** The session that adopts it; it must take place. */
  readonly session: number;
  /** The version label; `"1"`, `"2"`, … in call order when left out. */
  readonly version?: string | undefined;
  /**
   * Whether members were told that confidentiality among them cannot be guaranteed (NASW Code of Ethics 1.07(f));
   * `true` by default. `false` makes a record with a `limits-not-explained` warning, and keeps Tuckman's forming stage
   * from being left.
   */
  readonly limitsExplained?: boolean | undefined;
}

/** Who may receive a member's information under a consent: the `recipient` of `ScenarioConsentOptions`. */
export interface ScenarioRecipient {
  /** What kind of recipient: `outside-provider`, `payer`, `family-or-guardian`, … (the `recipientKinds` vocabulary). */
  readonly kind: RecipientKind;
  /** The party's id in the host system. */
  readonly id?: string | undefined;
  /** The person's or body's name. */
  readonly name?: string | undefined;
  /** The organisation the party belongs to. */
  readonly organisation?: string | undefined;
}

/** A member's consent to share group information: the second argument of `consent`. */
export interface ScenarioConsentOptions {
  /** Who may receive the information. */
  readonly recipient: ScenarioRecipient;
  /** What for, as HL7 purposes of use (`TREAT`, `COC`, `HPAYMT`, …); at least one. */
  readonly purposes: readonly PurposeOfUse[];
  /** Which kinds of information (`attendance`, `progress-note`, …); at least one. */
  readonly dataClasses: readonly InformationKind[];
  /** The session at whose start the consent is given; the member's first session when left out. */
  readonly session?: number | undefined;
  /** Who gave it: `self` (the default), `guardian` or `legal-representative`. */
  readonly grantedBy?: ConsentGrantor | undefined;
  /** How: `written` (the default), `verbal` or `electronic`. */
  readonly form?: ConsentForm | undefined;
  /** The law or policy it is given under, such as `hipaa-authorization`; none when left out. */
  readonly legalBasis?: ConsentLegalBasis | undefined;
  /** When it expires, an ISO 8601 instant with an offset; never when left out. */
  readonly validUntil?: string | undefined;
  /** When the member revoked it, an ISO 8601 instant with an offset; not revoked when left out. */
  readonly revokedAt?: string | undefined;
}

/** A worker's stage decision after a session: the argument of `advance` and `close`. */
export interface ScenarioStageOptions {
  /** The session after which the worker records the decision (15 minutes after its scheduled end). */
  readonly after: number;
  /** Why, in the worker's words; optional for `ADVANCE` and `CLOSE`. */
  readonly reason?: string | undefined;
}

/** The worker's judgment that the group went back to an earlier stage: the argument of `regress`. */
export interface ScenarioRegressOptions {
  /** The session after which the worker records it. */
  readonly after: number;
  /** The earlier stage, by its id in the group's stage model, such as `"storming"`. */
  readonly to: string;
  /** Why, in the worker's words. */
  readonly reason: string;
}

/** The worker's judgment that the group's work is ending: the argument of `adjourn`. */
export interface ScenarioAdjournOptions {
  /** The session after which the worker records it. */
  readonly after: number;
  /** `completed` (the default) or `ended-early`. */
  readonly outcome?: AdjournOutcome | undefined;
  /** Why, in the worker's words. */
  readonly reason: string;
}

/** How `build` and `buildInput` treat warnings of `parseGroupRecord`. */
export interface ScenarioBuildOptions {
  /**
   * `"throw"` (the default): a scenario whose record has warnings throws, listing them, so nothing odd slips into a
   * test unnoticed. `"allow"`: warnings are accepted, for scenarios that mean them (an agreement without the limits of
   * confidentiality explained, a group over its capacity).
   */
  readonly warnings?: "throw" | "allow" | undefined;
}
