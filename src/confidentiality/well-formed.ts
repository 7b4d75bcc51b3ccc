// The fast path of the request check: a yes-or-no answer that builds nothing, for the common case of a well-formed
// request. It accepts exactly what requestProblems (request-check.ts) finds no problem with; when it says no, that
// function walks the request again to say what is wrong and where. A property test holds the two to each other.
// It stops at the first problem, so a long or sparse list costs at most its well-formed prefix, and nothing per hole.
// Not exported from the package.

import { describeValue } from "../_lib/errors.js";
import {
  confidentialityLevels,
  consentForms,
  consentGrantors,
  consentLegalBases,
  informationKinds,
  purposesOfUse,
  recipientKinds,
  sensitivityCodes,
} from "../model/index.js";
import { isInstantText } from "./instants.js";
import { privacyLawCodes } from "./types.js";

const codeSet = (codes: readonly (string | number)[]): ReadonlySet<unknown> => new Set<unknown>(codes);
/** The codes each field accepts. Shared with request-check.ts so the two paths cannot drift apart. */
export const KNOWN = /* @__PURE__ */ Object.freeze({
  informationKinds: codeSet(informationKinds.codes),
  recipientKinds: codeSet(recipientKinds.codes),
  purposes: codeSet(purposesOfUse.codes),
  levels: codeSet(confidentialityLevels.codes),
  sensitivity: codeSet(sensitivityCodes.codes),
  laws: codeSet(privacyLawCodes),
  grantors: codeSet(consentGrantors.codes),
  forms: codeSet(consentForms.codes),
  bases: codeSet(consentLegalBases.codes),
  duties: codeSet(["mandatory", "permissive", "none"]),
  minorConsent: codeSet(["minor", "guardian"]),
});

/** The circumstances a request may establish. Shared with request-check.ts. */
export const CIRCUMSTANCE_FACTS = /* @__PURE__ */ Object.freeze([
  "imminentThreat",
  "suspectedChildAbuse",
  "courtOrder",
  "medicalEmergency",
  "consentOverridden",
  "oversightOfOriginator",
] as const);

// Who can work inside the agency (42 CFR 2.12(c)(3) speaks of the program's own staff): its facilitators,
// supervisors, other staff, and its own evaluators. Every other kind names someone outside by what it is (another
// organisation's provider, a payer, a court, the public, a person at risk) or a client (a group member).
const INSIDE_KINDS: ReadonlySet<unknown> = /* @__PURE__ */ codeSet([
  "facilitator",
  "co-facilitator",
  "supervisor",
  "agency-staff",
  "researcher",
]);
// Who can have written group information: the agency's staff.
const AUTHOR_KINDS: ReadonlySet<unknown> = /* @__PURE__ */ codeSet([
  "facilitator",
  "co-facilitator",
  "supervisor",
  "agency-staff",
]);

// The kinds of information about one member: a note in that member's record, something the member said, a risk or an
// abuse report about them. Each must say which member (information.memberId), because the consents on file are
// matched by it: without it no withholding could apply, so a forgotten id would turn a deny into a permit. Attendance,
// the roster and a session summary can be about the group as a whole (a sheet, a list, a summary), so they need none.
const MEMBER_KINDS: ReadonlySet<unknown> = /* @__PURE__ */ codeSet([
  "progress-note",
  "process-note",
  "self-disclosure",
  "risk-statement",
  "abuse-report",
  "sud-counseling-note",
]);

/** Whether the information is of a kind about one member but names no member. Builds nothing. */
function lacksMember(information: Fields): boolean {
  return information["memberId"] === undefined && MEMBER_KINDS.has(information["kind"]);
}

/**
 * Why the information lacks the member it is about, or null: a kind of information about one member with no
 * `memberId`. Reported at `information.memberId`. Builds nothing when nothing is missing. Not exported from the
 * package.
 */
export function missingMember(information: Fields): string | null {
  if (!lacksMember(information)) return null;
  const kind = information["kind"];
  return (
    `is missing, but ${describeValue(kind)} information is about one member: add the id of the member it is ` +
    "about, so that the consents on file for that member, and what they withhold, are read."
  );
}

/** A fact a request states that another fact of the same request contradicts or cannot confirm: where, and why. */
export interface FactConflict {
  readonly field: "isSubject" | "isOriginator" | "withinAgency";
  readonly message: string;
}

const NO_CONFLICTS: readonly FactConflict[] = Object.freeze([]);

const differ = (a: unknown, b: unknown): boolean => typeof a === "string" && typeof b === "string" && a !== b;

/**
 * The facts about the recipient that the rest of the request contradicts or cannot confirm: a subject with no id, or
 * whose id is not the member's, or with no member named; an originator with no id, or whose id is not the author's,
 * or with no author named, or who is not staff; a subject who is not a group member; a kind of recipient that cannot
 * be inside the agency said to be inside it. Such a request is invalid, because each of these facts lifts a forbid or
 * opens a permit. Builds nothing when there is no conflict. Not exported from the package.
 */
export function factConflicts(information: Fields, recipient: Fields): readonly FactConflict[] {
  const { kind, id } = recipient;
  const memberId = information["memberId"];
  const authorId = information["authorId"];
  const subject = recipient["isSubject"] === true;
  const originator = recipient["isOriginator"] === true;
  const inside = recipient["withinAgency"] === true;
  const kindKnown = KNOWN.recipientKinds.has(kind);
  const subjectKind = subject && kindKnown && kind !== "group-member";
  // A subject or an originator must be confirmed by ids on both sides; a kind that cannot be either is reported as
  // such, and adding ids would not help it.
  const subjectIds = subject && !subjectKind;
  const subjectNoId = subjectIds && id === undefined;
  const subjectNoMember = subjectIds && memberId === undefined;
  const subjectId = subject && differ(id, memberId);
  const authorKind = originator && kindKnown && !AUTHOR_KINDS.has(kind);
  const authorIds = originator && !authorKind;
  const authorNoId = authorIds && id === undefined;
  const authorNoAuthor = authorIds && authorId === undefined;
  const authorIdDiffers = originator && differ(id, authorId);
  const insideKind = inside && kindKnown && !INSIDE_KINDS.has(kind);
  if (
    !(
      subjectKind ||
      subjectNoId ||
      subjectNoMember ||
      subjectId ||
      authorKind ||
      authorNoId ||
      authorNoAuthor ||
      authorIdDiffers ||
      insideKind
    )
  ) {
    return NO_CONFLICTS;
  }
  const conflicts: FactConflict[] = [];
  const who = `a recipient of kind ${describeValue(kind)}`;
  if (subjectKind) {
    conflicts.push({
      field: "isSubject",
      message: `is true, but only a group member can be the member the information is about, not ${who}.`,
    });
  }
  if (subjectNoId) {
    conflicts.push({
      field: "isSubject",
      message:
        "is true, but the recipient has no id to confirm it: add recipient.id, the same id as information.memberId, " +
        "or leave isSubject out.",
    });
  }
  if (subjectNoMember) {
    conflicts.push({
      field: "isSubject",
      message:
        "is true, but information.memberId is missing, so nothing confirms it: add information.memberId, the id of " +
        "the member the information is about, or leave isSubject out.",
    });
  }
  if (subjectId) {
    conflicts.push({
      field: "isSubject",
      message: `is true, but recipient.id ${describeValue(id)} is not information.memberId ${describeValue(memberId)}.`,
    });
  }
  if (authorKind) {
    conflicts.push({
      field: "isOriginator",
      message: `is true, but only the agency's staff write group information, not ${who}.`,
    });
  }
  if (authorNoId) {
    conflicts.push({
      field: "isOriginator",
      message:
        "is true, but the recipient has no id to confirm it: add recipient.id, the same id as information.authorId, " +
        "or leave isOriginator out.",
    });
  }
  if (authorNoAuthor) {
    conflicts.push({
      field: "isOriginator",
      message:
        "is true, but information.authorId is missing, so nothing confirms it: add information.authorId, the id of " +
        "the person who wrote it, or leave isOriginator out.",
    });
  }
  if (authorIdDiffers) {
    conflicts.push({
      field: "isOriginator",
      message: `is true, but recipient.id ${describeValue(id)} is not information.authorId ${describeValue(authorId)}.`,
    });
  }
  if (insideKind) {
    conflicts.push({ field: "withinAgency", message: `is true, but ${who} cannot work inside the agency.` });
  }
  return conflicts;
}

type Fields = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): boolean => typeof value === "string" && value !== "";
const isOptionalText = (value: unknown): boolean => value === undefined || isText(value);
const isFlag = (value: unknown): boolean => value === undefined || typeof value === "boolean";
const isInstantValue = (value: unknown): boolean => typeof value === "string" && isInstantText(value);
const isOptionalInstant = (value: unknown): boolean => value === undefined || isInstantValue(value);
const isOptionalCode = (value: unknown, codes: ReadonlySet<unknown>): boolean =>
  value === undefined || codes.has(value);

function areCodes(value: unknown, codes: ReadonlySet<unknown>): boolean {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) if (!codes.has(value[index])) return false;
  return true;
}

/** Whether a party (a consent's recipient or a person withheld from) is well formed. */
export function isWellFormedParty(party: unknown): boolean {
  return (
    isObject(party) &&
    KNOWN.recipientKinds.has(party["kind"]) &&
    isOptionalText(party["id"]) &&
    isOptionalText(party["name"]) &&
    isOptionalText(party["organisation"])
  );
}

function areParties(value: unknown, optional: boolean): boolean {
  if (value === undefined) return optional;
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) if (!isWellFormedParty(value[index])) return false;
  return true;
}

export function isWellFormedConsent(consent: unknown): boolean {
  return (
    isObject(consent) &&
    isText(consent["id"]) &&
    isText(consent["memberId"]) &&
    KNOWN.grantors.has(consent["grantedBy"]) &&
    areParties(consent["recipients"], false) &&
    areCodes(consent["purposes"], KNOWN.purposes) &&
    areCodes(consent["dataClasses"], KNOWN.informationKinds) &&
    isInstantValue(consent["validFrom"]) &&
    isOptionalInstant(consent["validUntil"]) &&
    isOptionalInstant(consent["revokedAt"]) &&
    KNOWN.forms.has(consent["form"]) &&
    isOptionalCode(consent["legalBasis"], KNOWN.bases) &&
    areParties(consent["withholdFrom"], true)
  );
}

function isWellFormedInformation(information: unknown): boolean {
  if (!isObject(information)) return false;
  const labels = information["labels"];
  return (
    KNOWN.informationKinds.has(information["kind"]) &&
    isOptionalText(information["memberId"]) &&
    !lacksMember(information) &&
    isText(information["groupId"]) &&
    isOptionalText(information["authorId"]) &&
    isFlag(information["deidentified"]) &&
    isObject(labels) &&
    KNOWN.levels.has(labels["confidentiality"]) &&
    areCodes(labels["sensitivity"], KNOWN.sensitivity) &&
    areCodes(labels["law"], KNOWN.laws)
  );
}

function isWellFormedRecipient(recipient: unknown): boolean {
  return (
    isWellFormedParty(recipient) &&
    isObject(recipient) &&
    isFlag(recipient["isSubject"]) &&
    isFlag(recipient["activeFacilitator"]) &&
    isFlag(recipient["isOriginator"]) &&
    isFlag(recipient["withinAgency"]) &&
    isFlag(recipient["mayOverride"])
  );
}

function isOptionalObject(value: unknown): value is Fields | undefined {
  return value === undefined || isObject(value);
}

/** Whether a request is exactly what its type says: the yes-or-no twin of `requestProblems`. */
export function isWellFormedRequest(request: unknown): boolean {
  if (!isObject(request)) return false;
  const { information, recipient, circumstances, subject, jurisdiction, consents } = request;
  if (
    !isWellFormedInformation(information) ||
    !isWellFormedRecipient(recipient) ||
    !KNOWN.purposes.has(request["purpose"]) ||
    !isInstantValue(request["at"]) ||
    !isOptionalObject(circumstances) ||
    !isOptionalObject(subject) ||
    !isOptionalObject(jurisdiction)
  ) {
    return false;
  }
  if (circumstances !== undefined) {
    for (const name of CIRCUMSTANCE_FACTS) if (!isFlag(circumstances[name])) return false;
  }
  if (subject !== undefined && !(isFlag(subject["minor"]) && isFlag(subject["consentedToOwnCare"]))) return false;
  if (
    jurisdiction !== undefined &&
    !(
      isOptionalCode(jurisdiction["dutyToWarn"], KNOWN.duties) &&
      isOptionalCode(jurisdiction["minorConsent"], KNOWN.minorConsent)
    )
  ) {
    return false;
  }
  // Both are objects here: the shape checks above said so.
  if (factConflicts(information as Fields, recipient as Fields).length > 0) return false;
  if (consents === undefined) return true;
  if (!Array.isArray(consents)) return false;
  for (let index = 0; index < consents.length; index++) if (!isWellFormedConsent(consents[index])) return false;
  return true;
}
