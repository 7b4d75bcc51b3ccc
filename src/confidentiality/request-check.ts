// The shape check of a disclosure request. A request is untrusted wire data, so a bad one is reported (every problem,
// with its path, up to a bound per list) rather than thrown; checkDisclosure then denies with basis `invalid-request`. Hand-written rather
// than a schema because only src/model may load zod, and because it runs on every check.

import { describeValue } from "../_lib/errors.js";
import type { DecisionError } from "./decision-types.js";
import { isInstantText } from "./instants.js";
import {
  CIRCUMSTANCE_FACTS,
  factConflicts,
  isWellFormedConsent,
  isWellFormedParty,
  isWellFormedRequest,
  KNOWN,
  missingMember,
} from "./well-formed.js";

const INFORMATION_KINDS = KNOWN.informationKinds;
const RECIPIENT_KINDS = KNOWN.recipientKinds;
const PURPOSES = KNOWN.purposes;
const LEVELS = KNOWN.levels;
const SENSITIVITY = KNOWN.sensitivity;
const LAWS = KNOWN.laws;
const GRANTORS = KNOWN.grantors;
const FORMS = KNOWN.forms;
const BASES = KNOWN.bases;
const DUTIES = KNOWN.duties;
const MINOR_CONSENT = KNOWN.minorConsent;
const RECIPIENT_FACTS = ["isSubject", "activeFacilitator", "isOriginator", "withinAgency", "mayOverride"] as const;

type Fields = Readonly<Record<string, unknown>>;

const NONE: readonly DecisionError[] = Object.freeze([]);

const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const PARTY_FIELDS = ["id", "name", "organisation"] as const;

// How many bad entries of one list are reported. A list can be as long as its sender likes (a sparse array of length
// 1e8 is one line of code), so past this many the walk stops and says how many entries it left unchecked: the
// report stays small, and no work is done per remaining entry.
const LISTED_PER_LIST = 20;

// A path is built only when there is a problem to report: on a valid request (the common case) no string is made.
type Key = string | number;

function pathOf(base: string, key: Key): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base === "" ? key : `${base}.${key}`;
}

class Problems {
  readonly list: DecisionError[] = [];

  add(base: string, key: Key, message: string): void {
    const path = pathOf(base, key);
    this.list.push({ code: "invalid-request", path, message: `${path}: ${message}` });
  }

  object(value: unknown, base: string, key: Key, optional: boolean): value is Fields {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return true;
    if (!(optional && value === undefined)) this.add(base, key, "must be an object.");
    return false;
  }

  text(value: unknown, base: string, key: Key, optional: boolean): void {
    if (optional && value === undefined) return;
    if (typeof value !== "string" || value === "") this.add(base, key, "must be a non-empty string.");
  }

  flag(value: unknown, base: string, key: Key): void {
    if (value !== undefined && typeof value !== "boolean") this.add(base, key, "must be true or false when given.");
  }

  code(value: unknown, codes: ReadonlySet<unknown>, base: string, key: Key, optional: boolean): void {
    if (optional && value === undefined) return;
    // describeValue, never JSON.stringify: a BigInt or a 5,000-deep array must be described, not thrown about.
    if (!codes.has(value)) this.add(base, key, `${describeValue(value)} is not a known code.`);
  }

  /**
   * Reports each entry of `list` that `good` refuses, through `report`, up to LISTED_PER_LIST of them; at the next bad
   * entry it stops and adds one problem at the list's own path saying how many entries were left unchecked.
   */
  entries(
    list: readonly unknown[],
    base: string,
    key: Key,
    good: (entry: unknown) => boolean,
    report: (entry: unknown, where: string, index: number) => void,
  ): void {
    let listed = 0;
    for (let index = 0; index < list.length; index++) {
      const entry: unknown = list[index];
      if (good(entry)) continue;
      const where = pathOf(base, key);
      if (listed === LISTED_PER_LIST) {
        const rest = list.length - index;
        this.add(
          base,
          key,
          `… and ${rest} more ${rest === 1 ? "entry" : "entries"} from ${where}[${index}] on, not checked: only the ` +
            `first ${LISTED_PER_LIST} entries with problems are listed.`,
        );
        return;
      }
      listed++;
      report(entry, where, index);
    }
  }

  codes(value: unknown, codes: ReadonlySet<unknown>, base: string, key: string): void {
    if (!Array.isArray(value)) {
      this.add(base, key, "must be an array of codes (empty for none).");
      return;
    }
    this.entries(
      value,
      base,
      key,
      (entry) => codes.has(entry),
      (entry, where, index) => this.code(entry, codes, where, index, false),
    );
  }

  instant(value: unknown, base: string, key: Key, optional: boolean): void {
    if (optional && value === undefined) return;
    if (typeof value !== "string" || !isInstantText(value)) {
      this.add(base, key, "must be an ISO 8601 instant with an offset, such as 2026-03-02T17:00:00-05:00.");
    }
  }

  parties(value: unknown, base: string, key: string, optional: boolean): void {
    if (optional && value === undefined) return;
    if (!Array.isArray(value)) {
      this.add(base, key, "must be an array of parties.");
      return;
    }
    this.entries(value, base, key, isWellFormedParty, (party, where, index) => this.party(party, where, index));
  }

  party(party: unknown, base: string, index: number): void {
    if (!this.object(party, base, index, false)) return;
    const where = pathOf(base, index);
    this.code(party["kind"], RECIPIENT_KINDS, where, "kind", false);
    for (const field of PARTY_FIELDS) this.text(party[field], where, field, true);
  }

  consent(consent: unknown, index: number): void {
    if (!this.object(consent, "consents", index, false)) return;
    const at = pathOf("consents", index);
    this.text(consent["id"], at, "id", false);
    this.text(consent["memberId"], at, "memberId", false);
    this.code(consent["grantedBy"], GRANTORS, at, "grantedBy", false);
    this.parties(consent["recipients"], at, "recipients", false);
    this.codes(consent["purposes"], PURPOSES, at, "purposes");
    this.codes(consent["dataClasses"], INFORMATION_KINDS, at, "dataClasses");
    this.instant(consent["validFrom"], at, "validFrom", false);
    this.instant(consent["validUntil"], at, "validUntil", true);
    this.instant(consent["revokedAt"], at, "revokedAt", true);
    this.code(consent["form"], FORMS, at, "form", false);
    this.code(consent["legalBasis"], BASES, at, "legalBasis", true);
    this.parties(consent["withholdFrom"], at, "withholdFrom", true);
  }
}

/**
 * Every problem with a request's shape, each with its path; empty when the request is what its type says. A list
 * names at most LISTED_PER_LIST of its bad entries, then one problem at its own path says how many entries were left
 * unchecked. Fields the type does not name are ignored. Not exported from the package.
 */
export function requestProblems(request: unknown): readonly DecisionError[] {
  // The common case first: a well-formed request is answered without building anything.
  return isWellFormedRequest(request) ? NONE : walkRequest(request);
}

/**
 * The slow path of {@link requestProblems}: walks the request and lists its problems, stopping in each list after
 * LISTED_PER_LIST bad entries. Exported for tests.
 */
export function walkRequest(request: unknown): DecisionError[] {
  const problems = new Problems();
  if (!problems.object(request, "", "request", false)) return problems.list;
  const { information, recipient, circumstances, subject, jurisdiction, consents } = request;
  if (problems.object(information, "", "information", false)) {
    problems.code(information["kind"], INFORMATION_KINDS, "information", "kind", false);
    problems.text(information["memberId"], "information", "memberId", true);
    const missing = missingMember(information);
    if (missing !== null) problems.add("information", "memberId", missing);
    problems.text(information["groupId"], "information", "groupId", false);
    problems.text(information["authorId"], "information", "authorId", true);
    problems.flag(information["deidentified"], "information", "deidentified");
    const labels = information["labels"];
    if (problems.object(labels, "information", "labels", false)) {
      problems.code(labels["confidentiality"], LEVELS, "information.labels", "confidentiality", false);
      problems.codes(labels["sensitivity"], SENSITIVITY, "information.labels", "sensitivity");
      problems.codes(labels["law"], LAWS, "information.labels", "law");
    }
  }
  if (problems.object(recipient, "", "recipient", false)) {
    problems.code(recipient["kind"], RECIPIENT_KINDS, "recipient", "kind", false);
    for (const field of PARTY_FIELDS) problems.text(recipient[field], "recipient", field, true);
    for (const fact of RECIPIENT_FACTS) problems.flag(recipient[fact], "recipient", fact);
  }
  // Facts that contradict each other: checked once both parts are objects, so each problem is named once.
  if (isFields(information) && isFields(recipient)) {
    for (const conflict of factConflicts(information, recipient))
      problems.add("recipient", conflict.field, conflict.message);
  }
  problems.code(request["purpose"], PURPOSES, "", "purpose", false);
  problems.instant(request["at"], "", "at", false);
  if (problems.object(circumstances, "", "circumstances", true)) {
    for (const fact of CIRCUMSTANCE_FACTS) problems.flag(circumstances[fact], "circumstances", fact);
  }
  if (problems.object(subject, "", "subject", true)) {
    problems.flag(subject["minor"], "subject", "minor");
    problems.flag(subject["consentedToOwnCare"], "subject", "consentedToOwnCare");
  }
  if (problems.object(jurisdiction, "", "jurisdiction", true)) {
    problems.code(jurisdiction["dutyToWarn"], DUTIES, "jurisdiction", "dutyToWarn", true);
    problems.code(jurisdiction["minorConsent"], MINOR_CONSENT, "jurisdiction", "minorConsent", true);
  }
  if (consents !== undefined) {
    if (!Array.isArray(consents)) problems.add("", "consents", "must be an array of consents when given.");
    else {
      problems.entries(consents, "", "consents", isWellFormedConsent, (consent, _, index) =>
        problems.consent(consent, index),
      );
    }
  }
  return problems.list;
}
