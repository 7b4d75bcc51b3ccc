import { describeValue } from "../_lib/errors.js";
import {
  type ConfidentialityLevel,
  confidentialityLevels,
  type SensitivityCode,
  sensitivityCodes,
} from "../model/index.js";
import type { ImportContext } from "./read-context.js";
import { Reader } from "./read-fields.js";
import { HL7 } from "./urls.js";

// The Bundle's security label as one high-water mark (HL7 v3 security labels): the most restrictive confidentiality
// level any resource carries, and every sensitivity code any carries.

/** The security of the whole record, or `undefined` when no resource carries a label. */
export interface RecordSecurity {
  readonly confidentiality: ConfidentialityLevel;
  readonly sensitivity: readonly SensitivityCode[];
}

/** Reads `meta.security` of every resource the import reads. */
export function readSecurity(context: ImportContext, types: readonly string[]): RecordSecurity | undefined {
  let rank = -1;
  let labelled = false;
  const sensitivity = new Set<string>();
  for (const entry of context.entries) {
    if (!entry.readable || !types.includes(entry.resourceType) || !context.isFirst(entry)) continue;
    const meta = Reader.of(context, entry).object("meta");
    for (const coding of meta?.list("security") ?? []) {
      const { system, code } = coding.node;
      if (system === HL7.confidentiality) {
        const level = confidentialityLevels.entries.find((candidate) => candidate.code === code);
        if (level === undefined) {
          coding.error(
            "unsupported-code",
            [...coding.path, "code"],
            `${coding.element}.code ${describeValue(code)} is not an HL7 confidentiality level (U, L, M, N, R, V); the record's protection cannot be known.`,
          );
          continue;
        }
        labelled = true;
        rank = Math.max(rank, level.rank);
      } else if (system === HL7.actCode && typeof code === "string") {
        if ((sensitivityCodes.codes as readonly string[]).includes(code)) {
          labelled = true;
          sensitivity.add(code);
        } else {
          coding.warning(
            "unsupported-code",
            [...coding.path, "code"],
            `${coding.element}.code ${describeValue(code)} is not a sensitivity code the library carries (${sensitivityCodes.codes.join(", ")}); the record is read without it, so protect it as the Bundle asks.`,
          );
        }
      }
    }
  }
  if (!labelled) return undefined;
  const level = confidentialityLevels.entries.find((candidate) => candidate.rank === rank);
  return {
    // A Bundle with sensitivity codes and no level is taken as normal, the level FHIR assumes for health data.
    confidentiality: level?.code ?? "N",
    sensitivity: sensitivityCodes.codes.filter((code) => sensitivity.has(code)),
  };
}
