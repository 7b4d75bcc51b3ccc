// Reading a disclosure request. A request is untrusted wire data, so it is read here once, field by field: each field
// its type names is read a single time, checked, and copied into a plain frozen request, and only that copy reaches
// the rules. What was checked is what the rules see: a getter cannot answer the check one way and a rule another.
// A field the type does not name is refused, not left out: a misspelt `jurisdicton` or `withholdFom` left out would
// decide the request as if the fact were not there, which can turn a deny into a permit. A request that is not what its type says is reported,
// every problem with its path and at most LISTED_PER_LIST entries per list, and never thrown about; checkDisclosure
// then denies with basis `invalid-request`. Hand-written rather than a schema because only src/model may load zod.

import { isInstant } from "../_lib/dates.js";
import { describeThrown, describeValue } from "../_lib/errors.js";
import { hasVisibleCharacter } from "../_lib/text.js";
import type { DecisionError } from "./decision-types.js";
import type { JurisdictionSettings } from "./jurisdiction.js";
import { listLengthProblem } from "./limits.js";
import { CIRCUMSTANCE_FACTS, KNOWN, RECIPIENT_FACTS } from "./request-codes.js";
import type {
  DisclosureCircumstances,
  DisclosureInformation,
  DisclosureRecipient,
  DisclosureRequest,
  DisclosureSubject,
  InformationLabels,
} from "./request-types.js";

/** A request read: its frozen copy, or every problem found in it. Not exported from the package. */
export type RequestReading =
  | { readonly ok: true; readonly request: DisclosureRequest }
  | { readonly ok: false; readonly problems: readonly DecisionError[] };

type Consent = NonNullable<DisclosureRequest["consents"]>[number];
type Party = Consent["recipients"][number];
type Fields = Readonly<Record<string, unknown>>;
type Key = string | number;

// The copy of an empty list: shared, since it holds nothing to change.
const NO_ENTRIES: readonly never[] = /* @__PURE__ */ Object.freeze([]);

// How many bad entries of one list are reported. A list can be as long as its sender likes (a sparse array of length
// 1e8 is one line of code), so past this many the reading stops and says how many entries it left unchecked: the
// report stays small, and no work is done per remaining entry.
const LISTED_PER_LIST = 20;

// Who can work inside the agency (42 CFR 2.12(c)(3) speaks of the program's own staff): its facilitators,
// supervisors, other staff, and its own evaluators. Every other kind names someone outside by what it is (another
// organisation's provider, a payer, a court, the public, a person at risk) or a client (a group member).
const INSIDE_KINDS: ReadonlySet<unknown> = /* @__PURE__ */ new Set([
  "facilitator",
  "co-facilitator",
  "supervisor",
  "agency-staff",
  "researcher",
]);
// Who can have written group information: the agency's staff.
const AUTHOR_KINDS: ReadonlySet<unknown> = /* @__PURE__ */ new Set([
  "facilitator",
  "co-facilitator",
  "supervisor",
  "agency-staff",
]);
// The kinds of information about one member: a note in that member's record, something the member said, a risk or an
// abuse report about them. Each must say which member (information.memberId), because the consents on file are
// matched by it: without it no withholding could apply, so a forgotten id would turn a deny into a permit. Attendance,
// the roster and a session summary can be about the group as a whole (a sheet, a list, a summary), so they need none.
const MEMBER_KINDS: ReadonlySet<unknown> = /* @__PURE__ */ new Set([
  "progress-note",
  "process-note",
  "self-disclosure",
  "risk-statement",
  "abuse-report",
  "sud-counseling-note",
]);

// Where a value sits in the request: a path written out (`information.labels`), or a place in a list, worked out into
// text only when there is a problem to report, so reading a valid request (the common case) writes no path.
class Place {
  constructor(
    readonly base: Base,
    readonly key: Key,
  ) {}
}
type Base = string | Place;

function pathOf(base: Base, key: Key): string {
  const written = typeof base === "string" ? base : pathOf(base.base, base.key);
  if (typeof key === "number") return `${written}[${key}]`;
  return written === "" ? key : `${written}.${key}`;
}

const RECIPIENT = "recipient";
// The names of the facts a request may state, taken from their list once rather than unpacked on every read.
const [SUBJECT, FACILITATOR, ORIGINATOR, INSIDE, OVERRIDE] = RECIPIENT_FACTS;
const [THREAT, ABUSE, ORDER, EMERGENCY, OVERRIDDEN, OVERSIGHT] = CIRCUMSTANCE_FACTS;

// The fields each part of a request has, as its type names them: anything else is refused (RequestReader.onlyFields).
const PARTY_KEYS: readonly string[] = ["kind", "id", "name", "organisation"];
const INFORMATION_KEYS: readonly string[] = ["kind", "memberId", "groupId", "authorId", "deidentified", "labels"];
const LABELS_KEYS: readonly string[] = ["confidentiality", "sensitivity", "law"];
const RECIPIENT_KEYS: readonly string[] = [...PARTY_KEYS, ...RECIPIENT_FACTS];
const CIRCUMSTANCES_KEYS: readonly string[] = CIRCUMSTANCE_FACTS;
const SUBJECT_KEYS: readonly string[] = ["minor", "consentedToOwnCare"];
const JURISDICTION_KEYS: readonly string[] = ["dutyToWarn", "minorConsent"];
const CONSENT_KEYS: readonly string[] = [
  "id",
  "memberId",
  "grantedBy",
  "recipients",
  "purposes",
  "dataClasses",
  "validFrom",
  "validUntil",
  "revokedAt",
  "form",
  "legalBasis",
  "withholdFrom",
];
const REQUEST_KEYS: readonly string[] = [
  "information",
  "recipient",
  "purpose",
  "at",
  "circumstances",
  "subject",
  "jurisdiction",
  "consents",
];

// Thrown inside the reader when a getter or a Proxy throws: the request cannot be read from there on.
class Unreadable {
  constructor(
    readonly path: string,
    readonly thrown: unknown,
  ) {}
}

const differ = (a: unknown, b: unknown): boolean => typeof a === "string" && typeof b === "string" && a !== b;

// Text that looks like a code: short, no spaces, ASCII letters, digits and . : / + - (the rule the model's issues
// quote by, in src/model/shape-issues.ts, which this room may not load). A misspelt code ("TRAET") is quoted so the
// typo can be seen; any other text may be a name or a piece of a note, and messages end up in logs.
const CODE_LIKE = /^[\w.:/+-]{1,40}$/;

/**
 * Text from a request that messages describe rather than quote, as its length only ("text of 21 characters"): any
 * text that does not look like a code and is not empty. `undefined` for anything else, which describeValue shows.
 */
function describedText(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "" || CODE_LIKE.test(value)) return undefined;
  let count = 0;
  for (const _ of value) count++;
  return `text of ${count} character${count === 1 ? "" : "s"}`;
}

/** A value from a request as a message shows it: code-like text quoted, other text described, the rest described. */
function shown(value: unknown): string {
  return describedText(value) ?? describeValue(value);
}

/** Reads one request; each method reads a part, reports its problems and returns its copy. */
class RequestReader {
  readonly problems: DecisionError[] = [];

  add(base: Base, key: Key, message: string): void {
    const path = pathOf(base, key);
    this.problems.push({ code: "invalid-request", path, message: `${path}: ${message}` });
  }

  /** Whether a value is a list; asking throws for a revoked Proxy. */
  isList(value: unknown, base: Base, key: Key): value is readonly unknown[] {
    try {
      return Array.isArray(value);
    } catch (thrown) {
      throw new Unreadable(pathOf(base, key), thrown);
    }
  }

  /** Whether a value is an object that is not a list; reports it when it is not (and not an absent optional one). */
  object(value: unknown, base: Base, key: Key, optional: boolean): value is Fields {
    if (typeof value === "object" && value !== null && !this.isList(value, base, key)) return true;
    if (!(optional && value === undefined)) this.add(base, key, "must be an object.");
    return false;
  }

  /**
   * Reports each own key of `value` that its type does not name: a misspelt field (`jurisdicton`, `withholdFom`)
   * would otherwise be left out, and a fact left out can turn a deny into a permit. At most LISTED_PER_LIST per object.
   */
  onlyFields(value: Fields, base: Base, names: readonly string[]): void {
    let reported = 0;
    try {
      // Every key the reading could have seen: enumerable ones, own or inherited, as destructuring reads inherited ones.
      for (const key in value) {
        if (names.includes(key)) continue;
        if (reported++ === LISTED_PER_LIST) return;
        this.add(
          base,
          key,
          `is not a field the check reads here (it reads ${names.join(", ")}); a field left out could change the answer, so the request is refused. Check the spelling.`,
        );
      }
    } catch (thrown) {
      throw new Unreadable(typeof base === "string" ? base || "request" : pathOf(base.base, base.key), thrown);
    }
  }

  // The checks below report a value that is not what the type says and return the value as read: a request with a
  // problem is never decided, so its copy only matters when there is none, and then it holds exactly what was read.

  text(value: unknown, base: Base, key: Key, optional: boolean): string {
    if (typeof value === "string" && value !== "" && !hasVisibleCharacter(value)) {
      // An id or a name of only spaces (or zero-width characters) names no one: it would match a consent's " " and
      // say it covers the disclosure.
      this.add(base, key, "must be a non-empty string, not only whitespace or invisible characters.");
    } else if (!(typeof value === "string" && value !== "") && !(optional && value === undefined)) {
      this.add(base, key, "must be a non-empty string.");
    }
    return value as string;
  }

  flag(value: unknown, base: Base, key: Key): boolean | undefined {
    if (value !== undefined && typeof value !== "boolean") this.add(base, key, "must be true or false when given.");
    return value as boolean | undefined;
  }

  code<T>(value: unknown, codes: ReadonlySet<unknown>, base: Base, key: Key, optional: boolean): T {
    // describeValue, never JSON.stringify: a BigInt or a 5,000-deep array must be described, not thrown about. Text
    // that is not code-like is described, never quoted: a purpose of "Hope Lindqvist drinks" is personal data.
    if (!codes.has(value) && !(optional && value === undefined)) {
      const described = describedText(value);
      this.add(
        base,
        key,
        described === undefined
          ? `${describeValue(value)} is not a known code.`
          : `${described} that is not a known code.`,
      );
    }
    return value as T;
  }

  instant(value: unknown, base: Base, key: Key, optional: boolean): string {
    if (!(typeof value === "string" && isInstant(value)) && !(optional && value === undefined)) {
      this.add(base, key, "must be an ISO 8601 instant with an offset, such as 2026-03-02T17:00:00-05:00.");
    }
    return value as string;
  }

  /**
   * Reads each entry of a list, once, with `entry`, which reports the entry's problems (at `list` and its index) and
   * returns its copy. Up to LISTED_PER_LIST entries with problems are reported; at the next one the reading stops and
   * one problem at the list's own path says how many entries were left unchecked. Returns the frozen copy.
   */
  list<T>(
    value: readonly unknown[],
    base: Base,
    key: Key,
    entry: (value: unknown, list: Place, index: number) => T,
  ): readonly T[] {
    const list = new Place(base, key);
    let index = 0;
    try {
      const { length } = value;
      // Checked before any entry is read: a Proxy can report any length, and copying 2 ** 32 - 1 entries would abort
      // the process.
      const tooLong = listLengthProblem(length);
      if (tooLong !== undefined) {
        this.add(base, key, `${tooLong}; send it as plain data, with no more entries than that.`);
        return value as never;
      }
      if (length === 0) return NO_ENTRIES;
      const copy: T[] = [];
      let listed = 0;
      for (; index < length; index++) {
        const before = this.problems.length;
        copy.push(entry(value[index], list, index));
        if (this.problems.length === before) continue;
        if (listed === LISTED_PER_LIST) {
          this.problems.length = before;
          const rest = length - index;
          this.add(
            base,
            key,
            `… and ${rest} more ${rest === 1 ? "entry" : "entries"} from ${pathOf(list, index)} on, not checked: ` +
              `only the first ${LISTED_PER_LIST} entries with problems are listed.`,
          );
          break;
        }
        listed++;
      }
      return Object.freeze(copy);
    } catch (thrown) {
      if (thrown instanceof Unreadable) throw thrown;
      throw new Unreadable(pathOf(list, index), thrown);
    }
  }

  codes<T>(value: unknown, codes: ReadonlySet<unknown>, base: Base, key: string): readonly T[] {
    if (!this.isList(value, base, key)) {
      this.add(base, key, "must be an array of codes (empty for none).");
      return value as never;
    }
    return this.list(value, base, key, (entry, list, index) => this.code<T>(entry, codes, list, index, false));
  }

  parties(value: unknown, base: Base, key: string, optional: boolean): readonly Party[] {
    if (optional && value === undefined) return value as never;
    if (!this.isList(value, base, key)) {
      this.add(base, key, "must be an array of parties.");
      return value as never;
    }
    return this.list(value, base, key, (party, list, index) => this.party(party, list, index));
  }

  party(value: unknown, list: Place, index: number): Party {
    if (!this.object(value, list, index, false)) return value as never;
    let kind: unknown;
    let id: unknown;
    let name: unknown;
    let organisation: unknown;
    try {
      ({ kind, id, name, organisation } = value);
    } catch (thrown) {
      throw new Unreadable(pathOf(list, index), thrown);
    }
    this.onlyFields(value, new Place(list, index), PARTY_KEYS);
    const at = new Place(list, index);
    return Object.freeze({
      kind: this.code<Party["kind"]>(kind, KNOWN.recipientKinds, at, "kind", false),
      id: this.text(id, at, "id", true),
      name: this.text(name, at, "name", true),
      organisation: this.text(organisation, at, "organisation", true),
    });
  }

  information(value: unknown): DisclosureInformation | undefined {
    const at = "information";
    if (!this.object(value, "", at, false)) return undefined;
    let kind: unknown;
    let memberId: unknown;
    let groupId: unknown;
    let authorId: unknown;
    let deidentified: unknown;
    let labels: unknown;
    try {
      ({ kind, memberId, groupId, authorId, deidentified, labels } = value);
    } catch (thrown) {
      throw new Unreadable(at, thrown);
    }
    this.onlyFields(value, at, INFORMATION_KEYS);
    const copy = {
      kind: this.code<DisclosureInformation["kind"]>(kind, KNOWN.informationKinds, at, "kind", false),
      memberId: this.text(memberId, at, "memberId", true),
      groupId: "",
      labels: labels as InformationLabels,
      authorId: undefined as string | undefined,
      deidentified: undefined as boolean | undefined,
    };
    if (memberId === undefined && MEMBER_KINDS.has(kind)) {
      this.add(
        at,
        "memberId",
        `is missing, but ${describeValue(kind)} information is about one member: add the id of the member it is ` +
          "about, so that the consents on file for that member, and what they withhold, are read.",
      );
    }
    copy.groupId = this.text(groupId, at, "groupId", false);
    copy.authorId = this.text(authorId, at, "authorId", true);
    copy.deidentified = this.flag(deidentified, at, "deidentified");
    if (this.object(labels, at, "labels", false)) copy.labels = this.labels(labels);
    return Object.freeze(copy);
  }

  labels(value: Fields): InformationLabels {
    const at = "information.labels";
    let confidentiality: unknown;
    let sensitivity: unknown;
    let law: unknown;
    try {
      ({ confidentiality, sensitivity, law } = value);
    } catch (thrown) {
      throw new Unreadable(at, thrown);
    }
    this.onlyFields(value, at, LABELS_KEYS);
    return Object.freeze({
      confidentiality: this.code<InformationLabels["confidentiality"]>(
        confidentiality,
        KNOWN.levels,
        at,
        "confidentiality",
        false,
      ),
      sensitivity: this.codes<InformationLabels["sensitivity"][number]>(
        sensitivity,
        KNOWN.sensitivity,
        at,
        "sensitivity",
      ),
      law: this.codes<InformationLabels["law"][number]>(law, KNOWN.laws, at, "law"),
    });
  }

  recipient(value: unknown): DisclosureRecipient | undefined {
    const at = "recipient";
    if (!this.object(value, "", at, false)) return undefined;
    let kind: unknown;
    let id: unknown;
    let name: unknown;
    let organisation: unknown;
    let isSubject: unknown;
    let activeFacilitator: unknown;
    let isOriginator: unknown;
    let withinAgency: unknown;
    let mayOverride: unknown;
    try {
      ({ kind, id, name, organisation, isSubject, activeFacilitator, isOriginator, withinAgency, mayOverride } = value);
    } catch (thrown) {
      throw new Unreadable(at, thrown);
    }
    this.onlyFields(value, at, RECIPIENT_KEYS);
    return Object.freeze({
      kind: this.code<DisclosureRecipient["kind"]>(kind, KNOWN.recipientKinds, at, "kind", false),
      id: this.text(id, at, "id", true),
      name: this.text(name, at, "name", true),
      organisation: this.text(organisation, at, "organisation", true),
      isSubject: this.flag(isSubject, at, SUBJECT),
      activeFacilitator: this.flag(activeFacilitator, at, FACILITATOR),
      isOriginator: this.flag(isOriginator, at, ORIGINATOR),
      withinAgency: this.flag(withinAgency, at, INSIDE),
      mayOverride: this.flag(mayOverride, at, OVERRIDE),
    });
  }

  /**
   * The facts about the recipient that the rest of the request contradicts or cannot confirm: a subject with no id,
   * or whose id is not the member's, or with no member named; an originator with no id, or whose id is not the
   * author's, or with no author named, or who is not staff; a subject who is not a group member; a kind of recipient
   * that cannot be inside the agency said to be inside it. Each of these facts lifts a forbid or opens a permit, so
   * each makes the request invalid. Read from the copies, so each value is the one checked above.
   */
  conflicts(information: DisclosureInformation, recipient: DisclosureRecipient): void {
    const { kind, id } = recipient;
    const { memberId, authorId } = information;
    const subject = recipient.isSubject === true;
    const originator = recipient.isOriginator === true;
    const kindKnown = KNOWN.recipientKinds.has(kind);
    // A subject or an originator must be confirmed by ids on both sides; a kind that cannot be either is reported as
    // such, and adding ids would not help it.
    if (subject) {
      if (kindKnown && kind !== "group-member") {
        this.add(
          RECIPIENT,
          "isSubject",
          `is true, but only a group member can be the member the information is about, not a recipient of kind ${describeValue(kind)}.`,
        );
      } else {
        if (id === undefined) {
          this.add(
            RECIPIENT,
            "isSubject",
            "is true, but the recipient has no id to confirm it: add recipient.id, the same id as information.memberId, " +
              "or leave isSubject out.",
          );
        }
        if (memberId === undefined) {
          this.add(
            RECIPIENT,
            "isSubject",
            "is true, but information.memberId is missing, so nothing confirms it: add information.memberId, the id " +
              "of the member the information is about, or leave isSubject out.",
          );
        }
      }
      if (differ(id, memberId)) {
        this.add(
          RECIPIENT,
          "isSubject",
          `is true, but recipient.id ${shown(id)} is not information.memberId ${shown(memberId)}.`,
        );
      }
    }
    if (originator) {
      if (kindKnown && !AUTHOR_KINDS.has(kind)) {
        this.add(
          RECIPIENT,
          "isOriginator",
          `is true, but only the agency's staff write group information, not a recipient of kind ${describeValue(kind)}.`,
        );
      } else {
        if (id === undefined) {
          this.add(
            RECIPIENT,
            "isOriginator",
            "is true, but the recipient has no id to confirm it: add recipient.id, the same id as " +
              "information.authorId, or leave isOriginator out.",
          );
        }
        if (authorId === undefined) {
          this.add(
            RECIPIENT,
            "isOriginator",
            "is true, but information.authorId is missing, so nothing confirms it: add information.authorId, the id " +
              "of the person who wrote it, or leave isOriginator out.",
          );
        }
      }
      if (differ(id, authorId)) {
        this.add(
          RECIPIENT,
          "isOriginator",
          `is true, but recipient.id ${shown(id)} is not information.authorId ${shown(authorId)}.`,
        );
      }
    }
    if (recipient.withinAgency === true && kindKnown && !INSIDE_KINDS.has(kind)) {
      this.add(
        RECIPIENT,
        "withinAgency",
        `is true, but a recipient of kind ${describeValue(kind)} cannot work inside the agency.`,
      );
    }
  }

  circumstances(value: unknown): DisclosureCircumstances | undefined {
    const at = "circumstances";
    if (!this.object(value, "", at, true)) return undefined;
    let imminentThreat: unknown;
    let suspectedChildAbuse: unknown;
    let courtOrder: unknown;
    let medicalEmergency: unknown;
    let consentOverridden: unknown;
    let oversightOfOriginator: unknown;
    try {
      ({ imminentThreat, suspectedChildAbuse, courtOrder, medicalEmergency, consentOverridden, oversightOfOriginator } =
        value);
    } catch (thrown) {
      throw new Unreadable(at, thrown);
    }
    this.onlyFields(value, at, CIRCUMSTANCES_KEYS);
    return Object.freeze({
      imminentThreat: this.flag(imminentThreat, at, THREAT),
      suspectedChildAbuse: this.flag(suspectedChildAbuse, at, ABUSE),
      courtOrder: this.flag(courtOrder, at, ORDER),
      medicalEmergency: this.flag(medicalEmergency, at, EMERGENCY),
      consentOverridden: this.flag(consentOverridden, at, OVERRIDDEN),
      oversightOfOriginator: this.flag(oversightOfOriginator, at, OVERSIGHT),
    });
  }

  subject(value: unknown): DisclosureSubject | undefined {
    const at = "subject";
    if (!this.object(value, "", at, true)) return undefined;
    let minor: unknown;
    let consentedToOwnCare: unknown;
    try {
      ({ minor, consentedToOwnCare } = value);
    } catch (thrown) {
      throw new Unreadable(at, thrown);
    }
    this.onlyFields(value, at, SUBJECT_KEYS);
    return Object.freeze({
      minor: this.flag(minor, at, "minor"),
      consentedToOwnCare: this.flag(consentedToOwnCare, at, "consentedToOwnCare"),
    });
  }

  jurisdiction(value: unknown): JurisdictionSettings | undefined {
    const at = "jurisdiction";
    if (!this.object(value, "", at, true)) return undefined;
    let dutyToWarn: unknown;
    let minorConsent: unknown;
    try {
      ({ dutyToWarn, minorConsent } = value);
    } catch (thrown) {
      throw new Unreadable(at, thrown);
    }
    this.onlyFields(value, at, JURISDICTION_KEYS);
    return Object.freeze({
      dutyToWarn: this.code<JurisdictionSettings["dutyToWarn"]>(dutyToWarn, KNOWN.duties, at, "dutyToWarn", true),
      minorConsent: this.code<JurisdictionSettings["minorConsent"]>(
        minorConsent,
        KNOWN.minorConsent,
        at,
        "minorConsent",
        true,
      ),
    });
  }

  consents(value: unknown): DisclosureRequest["consents"] {
    if (value === undefined) return undefined;
    if (!this.isList(value, "", "consents")) {
      this.add("", "consents", "must be an array of consents when given.");
      return value as never;
    }
    return this.list(value, "", "consents", (consent, list, index) => this.consent(consent, list, index));
  }

  consent(value: unknown, list: Place, index: number): Consent {
    if (!this.object(value, list, index, false)) return value as never;
    let id: unknown;
    let memberId: unknown;
    let grantedBy: unknown;
    let recipients: unknown;
    let purposes: unknown;
    let dataClasses: unknown;
    let validFrom: unknown;
    let validUntil: unknown;
    let revokedAt: unknown;
    let form: unknown;
    let legalBasis: unknown;
    let withholdFrom: unknown;
    try {
      ({
        id,
        memberId,
        grantedBy,
        recipients,
        purposes,
        dataClasses,
        validFrom,
        validUntil,
        revokedAt,
        form,
        legalBasis,
        withholdFrom,
      } = value);
    } catch (thrown) {
      throw new Unreadable(pathOf(list, index), thrown);
    }
    this.onlyFields(value, new Place(list, index), CONSENT_KEYS);
    const at = new Place(list, index);
    return Object.freeze({
      id: this.text(id, at, "id", false),
      memberId: this.text(memberId, at, "memberId", false),
      grantedBy: this.code<Consent["grantedBy"]>(grantedBy, KNOWN.grantors, at, "grantedBy", false),
      recipients: this.parties(recipients, at, "recipients", false),
      purposes: this.codes<Consent["purposes"][number]>(purposes, KNOWN.purposes, at, "purposes"),
      dataClasses: this.codes<Consent["dataClasses"][number]>(dataClasses, KNOWN.informationKinds, at, "dataClasses"),
      validFrom: this.instant(validFrom, at, "validFrom", false),
      validUntil: this.instant(validUntil, at, "validUntil", true),
      revokedAt: this.instant(revokedAt, at, "revokedAt", true),
      form: this.code<Consent["form"]>(form, KNOWN.forms, at, "form", false),
      legalBasis: this.code<Consent["legalBasis"]>(legalBasis, KNOWN.bases, at, "legalBasis", true),
      withholdFrom: this.parties(withholdFrom, at, "withholdFrom", true),
    });
  }

  request(value: unknown): DisclosureRequest | undefined {
    if (!this.object(value, "", "request", false)) return undefined;
    let information: unknown;
    let recipient: unknown;
    let purpose: unknown;
    let at: unknown;
    let circumstances: unknown;
    let subject: unknown;
    let jurisdiction: unknown;
    let consents: unknown;
    try {
      ({ information, recipient, purpose, at, circumstances, subject, jurisdiction, consents } = value);
    } catch (thrown) {
      throw new Unreadable("request", thrown);
    }
    this.onlyFields(value, "", REQUEST_KEYS);
    const informationCopy = this.information(information);
    const recipientCopy = this.recipient(recipient);
    // Facts that contradict each other: checked once both parts are objects, so each problem is named once.
    if (informationCopy !== undefined && recipientCopy !== undefined) this.conflicts(informationCopy, recipientCopy);
    return Object.freeze({
      // Both are objects when there is no problem.
      information: informationCopy as DisclosureInformation,
      recipient: recipientCopy as DisclosureRecipient,
      purpose: this.code<DisclosureRequest["purpose"]>(purpose, KNOWN.purposes, "", "purpose", false),
      at: this.instant(at, "", "at", false),
      circumstances: this.circumstances(circumstances),
      subject: this.subject(subject),
      jurisdiction: this.jurisdiction(jurisdiction),
      consents: this.consents(consents),
    });
  }
}

/**
 * Reads a disclosure request into a plain frozen copy of the fields its type names, or lists every problem with it
 * (a field its type does not name is one: a misspelt fact must not be left out), each with its path: the one check of a request, for the yes-or-no question
 * and for the problems alike. A list longer than 10,000 entries (or whose length is not a count) is a problem at its
 * path and is not read at all. A list names at most 20 of its bad entries, then one problem at its own path says how
 * many entries were left unchecked. An id or a name that is only whitespace is a problem. A getter or a Proxy that throws (a revoked Proxy among them) is a problem at the
 * path it was read from, and reading stops there. Never throws. Not exported from the package.
 */
export function readRequest(input: unknown): RequestReading {
  const reader = new RequestReader();
  let request: DisclosureRequest | undefined;
  try {
    request = reader.request(input);
  } catch (thrown) {
    if (!(thrown instanceof Unreadable)) throw thrown;
    reader.problems.push({
      code: "invalid-request",
      path: thrown.path,
      message:
        `${thrown.path}: could not be read (reading it threw ${describeThrown(thrown.thrown)}); send the request as ` +
        "plain data.",
    });
    request = undefined;
  }
  if (request === undefined || reader.problems.length > 0) {
    return { ok: false, problems: reader.problems };
  }
  return { ok: true, request };
}
