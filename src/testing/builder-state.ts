import type {
  AdjournOutcome,
  AttendanceStatus,
  ConsentForm,
  ConsentGrantor,
  ConsentLegalBasis,
  ExitReason,
  FacilitationRole,
  GroupKind,
  InformationKind,
  MembershipType,
  ParticipationType,
  PurposeOfUse,
  SessionMode,
} from "../model/index.js";
import type { ScenarioRecipient } from "./builder-options.js";

// What the scenario builder has been told so far, as plain read-only data: every call checks its arguments against it
// and returns a builder with a new state, so a scenario can be branched (a base and its variants) without one changing
// the other.

/** The group, its defaults filled in. */
export interface GroupState {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
  readonly kind: GroupKind;
  readonly membership: MembershipType;
  readonly participation: ParticipationType;
  readonly capacity: number | undefined;
  readonly timeZone: string;
  readonly stageModel: string;
}

/** One scheduled session. */
export interface SessionState {
  readonly sequence: number;
  /** Its calendar date in the group's zone. */
  readonly date: string;
  /** Scheduled start and end, milliseconds since the epoch. */
  readonly start: number;
  readonly end: number;
  readonly cancelled: boolean;
}

/** The weekly schedule. */
export interface ScheduleState {
  readonly sessions: readonly SessionState[];
  readonly minutes: number;
  readonly mode: SessionMode;
}

/** A facilitator or co-facilitator. */
export interface StaffState {
  readonly id: string;
  readonly name: string;
  readonly role: FacilitationRole;
}

/** A client: who, from which session, and until which one. */
export interface ClientState {
  readonly id: string;
  readonly name: string;
  /** The first session they belong to. */
  readonly joins: number;
  /** Whether they joined later (with `joins`), which the stage log records. */
  readonly joinedLater: boolean;
  readonly leaves: { readonly after: number; readonly reason: ExitReason } | undefined;
}

/** An attendance mark other than present. */
export interface MarkState {
  readonly memberId: string;
  readonly session: number;
  readonly status: Extract<AttendanceStatus, "absent" | "excused" | "late" | "left-early">;
  /** Minutes late, or minutes before the end for a member who left early. */
  readonly minutes: number | undefined;
}

/** A version of the group agreement. */
export interface AgreementState {
  readonly session: number;
  readonly version: string;
  readonly limitsExplained: boolean;
}

/** A consent. */
export interface ConsentState {
  readonly id: string;
  readonly memberId: string;
  readonly session: number;
  readonly recipient: ScenarioRecipient;
  readonly purposes: readonly PurposeOfUse[];
  readonly dataClasses: readonly InformationKind[];
  readonly grantedBy: ConsentGrantor;
  readonly form: ConsentForm;
  readonly legalBasis: ConsentLegalBasis | undefined;
  readonly validUntil: string | undefined;
  readonly revokedAt: string | undefined;
}

/** A stage-log entry recorded after a session: a worker's decision, or a member leaving. */
export type AfterSessionEvent =
  | { readonly type: "ADVANCE" | "CLOSE"; readonly reason: string | undefined }
  | { readonly type: "REGRESS"; readonly to: string; readonly reason: string }
  | { readonly type: "ADJOURN"; readonly outcome: AdjournOutcome; readonly reason: string }
  | { readonly type: "MEMBER_LEFT"; readonly memberId: string };

/** Everything a scenario holds. */
export interface ScenarioState {
  readonly group: GroupState;
  readonly schedule: ScheduleState | undefined;
  readonly staff: readonly StaffState[];
  readonly clients: readonly ClientState[];
  readonly marks: readonly MarkState[];
  readonly agreements: readonly AgreementState[];
  readonly consents: readonly ConsentState[];
  /** In call order; the stage log lists them by session, then in this order. */
  readonly afterSessions: readonly { readonly after: number; readonly event: AfterSessionEvent }[];
}

/**
 * The names the scenario builder gives members it names itself, in order: member n gets the n-th, and past the end
 * the list starts again with a number (member 25 is "Amara Okafor 2"). Invented, and chosen from many languages so a
 * test meets accents, apostrophes, particles and family names first.
 */
export const SCENARIO_MEMBER_NAMES = [
  "Amara Okafor",
  "Mateo Hernández",
  "Mei Lin Chen",
  "Tomasz Nowak",
  "Aisha Rahman",
  "Liam O'Connor",
  "Priya Raman",
  "Kwame Mensah",
  "Lucía Fernández",
  "Yuki Tanaka",
  "Noah Goldberg",
  "Fatima Haddad",
  "Dmitri Volkov",
  "Leilani Kahale",
  "Oluwaseun Adeyemi",
  "Ingrid Johansson",
  "Rafael Costa",
  "Lan Nguyen",
  "Samir Khalil",
  "Chloé Dubois",
  "Diego Ramírez",
  "Hana Kim",
  "Kofi Boateng",
  "Maya van der Berg",
] as const;

/** The generated name of the n-th member (from 1). */
export function memberName(position: number): string {
  const names = SCENARIO_MEMBER_NAMES;
  const base = names[(position - 1) % names.length] as string; // the index is within the list
  const round = Math.ceil(position / names.length);
  return round === 1 ? base : `${base} ${round}`;
}
