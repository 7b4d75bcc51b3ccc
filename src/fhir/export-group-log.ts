import type { Extension } from "@medplum/fhirtypes";
import type { GroupAgreement, RecordedStageEvent } from "../model/index.js";
import { withSeconds } from "./export-instants.js";
import { type ExportContext, personReference } from "./export-parts.js";
import { groupworkFhirUrls } from "./urls.js";

// Private to the FHIR export: the group agreement and the stage log, which R4 has no resource for, as complex
// extensions on the Group. Sub-extensions are named by bare words, as FHIR allows inside a complex extension.

/** One version of the group agreement, with its signatures. */
export function writeAgreement(context: ExportContext, agreement: GroupAgreement): Extension {
  return {
    url: groupworkFhirUrls.extension.agreement,
    extension: [
      { url: "version", valueString: agreement.version },
      { url: "adoptedOn", valueDate: agreement.adoptedOn },
      ...agreement.norms.map((norm) => ({ url: "norm", valueString: norm })),
      ...agreement.confidentialityTerms.map((term) => ({ url: "confidentialityTerm", valueString: term })),
      { url: "limitsExplained", valueBoolean: agreement.limitsExplained },
      ...agreement.signatures.map((signature) => ({
        url: "signature",
        extension: [
          { url: "member", valueReference: personReference(context, signature.memberId) },
          { url: "signedOn", valueDate: signature.signedOn },
          { url: "form", valueCode: signature.form },
        ],
      })),
    ],
  };
}

/**
 * One entry of the stage log: its type, time and author, then the fields its type has. Session and member ids are
 * written as the worker recorded them (strings, not references): the log is kept as written.
 */
export function writeStageEvent(event: RecordedStageEvent): Extension {
  const parts: Extension[] = [
    { url: "type", valueCode: event.type },
    { url: "at", valueDateTime: withSeconds(event.at) },
    { url: "by", valueString: event.by },
  ];
  if ("sessionId" in event && event.sessionId !== undefined) {
    parts.push({ url: "session", valueString: event.sessionId });
  }
  if ("version" in event) {
    parts.push(
      { url: "version", valueString: event.version },
      { url: "includesConfidentiality", valueBoolean: event.includesConfidentiality },
      { url: "limitsExplained", valueBoolean: event.limitsExplained },
    );
  }
  if ("memberId" in event && event.memberId !== undefined) parts.push({ url: "member", valueString: event.memberId });
  if ("reason" in event && event.reason !== undefined) parts.push({ url: "reason", valueString: event.reason });
  if ("to" in event) parts.push({ url: "to", valueCode: event.to });
  if ("outcome" in event) parts.push({ url: "outcome", valueCode: event.outcome });
  return { url: groupworkFhirUrls.extension.stageEvent, extension: parts };
}
