import {
  type ConfidentialityLevel,
  confidentialityLevels,
  type SensitivityCode,
  sensitivityCodes,
} from "../model/index.js";
import type { Entry, ImportContext } from "./read-context.js";
import { Reader } from "./read-fields.js";
import { codeOrKind, kindOf, uriOrKind } from "./read-json.js";
import { HL7 } from "./urls.js";

// The Bundle's security label as one high-water mark (HL7 v3 security labels): the most restrictive confidentiality
// level the Bundle or any resource read carries, and every sensitivity code any carries.
//
// Every label is read or refused. A label the library cannot read (no system, a system it does not read, a code its
// system does not hold) may be a restriction, and reading the record as if the label were absent would lower the
// protection the sender asked for; so it is an error, and the record is not read until a person gives the label its
// HL7 system or removes it deliberately.

/** The security of the whole record. */
export interface RecordSecurity {
  readonly confidentiality: ConfidentialityLevel;
  readonly sensitivity: readonly SensitivityCode[];
  /** Whether no confidentiality level was read anywhere, so `confidentiality` is the `N` FHIR assumes for health data. */
  readonly assumed: boolean;
}

/** What the two systems the library reads hold, for a message. */
const LEVELS = confidentialityLevels.codes.join(", ");
const SENSITIVITY = sensitivityCodes.codes.join(", ");

/** The system to give a label, named in every message about one the library cannot read. */
const REMEDY = `give it its HL7 system (${HL7.confidentiality} for a confidentiality level, ${HL7.actCode} for a sensitivity code), or remove the label deliberately once the record is protected as it asks`;

/**
 * HL7 code systems that hold security labels the library recognises but does not carry into `security`: named in the
 * message, so that the person who removes such a label knows what it was.
 */
const UNCARRIED: ReadonlyMap<string, string> = new Map([
  [HL7.actReason, "HL7 ActReason, a purpose-of-use label"],
  [HL7.observationValue, "HL7 ObservationValue, an integrity or handling label"],
]);

/** Reads `meta.security` of the Bundle and of every resource the import reads (entries of `types`). */
export function readSecurity(context: ImportContext, types: readonly string[]): RecordSecurity {
  let rank = -1;
  const sensitivity = new Set<string>();
  const labelled: Entry[] = context.bundle === undefined ? [] : [context.bundle];
  for (const entry of context.entries) {
    if (entry.readable && types.includes(entry.resourceType) && context.isFirst(entry)) labelled.push(entry);
  }
  for (const entry of labelled) {
    const meta = Reader.of(context, entry).object("meta");
    for (const coding of meta?.list("security") ?? []) {
      const label = readLabel(coding);
      if (label === undefined) continue;
      if (label.system === "confidentiality") rank = Math.max(rank, label.rank);
      else sensitivity.add(label.code);
    }
  }
  const level = confidentialityLevels.entries.find((candidate) => candidate.rank === rank);
  return {
    // Sensitivity codes and no level: the record is taken as normal, the level FHIR assumes for health data.
    confidentiality: level?.code ?? "N",
    sensitivity: sensitivityCodes.codes.filter((code) => sensitivity.has(code)),
    assumed: level === undefined,
  };
}

type Label = { system: "confidentiality"; rank: number } | { system: "sensitivity"; code: string };

/** One coding of `meta.security`, read; or reported (an error) when the library cannot read it. */
function readLabel(coding: Reader): Label | undefined {
  const { system, code } = coding.node;
  if (system === HL7.confidentiality) {
    const text = labelCode(coding, "an HL7 confidentiality level");
    if (text === undefined) return undefined;
    const level = confidentialityLevels.entries.find((candidate) => candidate.code === text);
    if (level !== undefined) return { system: "confidentiality", rank: level.rank };
    coding.error(
      "unsupported-code",
      coding.at("code"),
      `${coding.name("code")} is ${codeOrKind(text)}, not an HL7 confidentiality level (${LEVELS})${caseHint(text, confidentialityLevels.codes)}; the record's protection cannot be known, so it is not read. Correct the code, or remove the label deliberately once the record is protected as it asks.`,
    );
    return undefined;
  }
  if (system === HL7.actCode) {
    const text = labelCode(coding, "a sensitivity code");
    if (text === undefined) return undefined;
    if ((sensitivityCodes.codes as readonly string[]).includes(text)) return { system: "sensitivity", code: text };
    coding.error(
      "unsupported-code",
      coding.at("code"),
      `${coding.name("code")} is ${codeOrKind(text)}, not a sensitivity code the library carries (${SENSITIVITY})${caseHint(text, sensitivityCodes.codes)}; it may restrict the record in a way the library cannot pass on, so the record is not read. Correct the code, or remove the label deliberately once the record is protected as it asks.`,
    );
    return undefined;
  }
  // The code and system are quoted only when they look like a code and a URI: a label the library does not read may
  // hold any text, a person's name included, and messages go to logs.
  const shownCode = codeOrKind(code);
  let found: string;
  if (code === undefined || code === null) found = "a label with no code";
  else if (shownCode.startsWith('"')) found = `the code ${shownCode}`;
  else if (typeof code === "string") found = "a label whose code is text that does not look like a code";
  else found = `a label whose code is ${shownCode}`;
  let why: string;
  if (system === undefined || system === null) why = `${found}, with no system`;
  else if (typeof system !== "string") why = `${found}, with a system that is ${kindOf(system)}`;
  else {
    const uncarried = UNCARRIED.get(system);
    const shownSystem = uriOrKind(system);
    if (uncarried !== undefined) why = `${found} in ${uncarried} the library does not carry`;
    else if (shownSystem.startsWith('"'))
      why = `${found} in the system ${shownSystem}, which the library does not read`;
    else why = `${found}, with a system that is ${shownSystem === "text" ? "not a URI" : shownSystem}`;
  }
  coding.error(
    "unsupported-security-label",
    coding.path,
    `${coding.element} is ${why}. A label the library cannot read may restrict the record, so the record is not read without it: ${REMEDY}.`,
  );
  return undefined;
}

/** The code of a coding in a system the library reads; a missing or non-text one is reported. */
function labelCode(coding: Reader, what: string): string | undefined {
  const code = coding.node["code"];
  if (typeof code === "string" && code !== "") return code;
  coding.error(
    code === undefined || code === null ? "missing-part" : "invalid-value",
    coding.at("code"),
    `${coding.name("code")} must be ${what}; got ${kindOf(code)}. Without it the record's protection cannot be known, so the record is not read: correct the code, or remove the label deliberately once the record is protected as it asks.`,
  );
  return undefined;
}

/** `; HL7 codes are upper case: "V"` when the code differs from one of `codes` only in case. */
function caseHint(code: string, codes: readonly string[]): string {
  const match = codes.find((candidate) => candidate.toLowerCase() === code.toLowerCase());
  return match === undefined ? "" : ` (codes are case-sensitive: ${JSON.stringify(match)})`;
}
