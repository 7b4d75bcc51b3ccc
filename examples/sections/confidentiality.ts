// The confidentiality boundary on the bundled sample group: a few disclosures a worker in the Thursday grief group
// might be asked for, each checked against the default policy and explained in sentences. Uses only the public API.
import {
  checkDisclosure,
  type DisclosureInformation,
  type DisclosureRecipient,
  type DisclosureRequest,
  defaultPolicy,
  explainDecision,
  type GroupRecord,
  type PurposeOfUse,
} from "groupwork";

/** One disclosure to show: what a worker was asked, and the request the host would build for it. */
interface Asked {
  readonly question: string;
  readonly information: DisclosureInformation["kind"];
  readonly memberId: string;
  readonly recipient: DisclosureRecipient;
  readonly purpose: PurposeOfUse;
  readonly at: string;
}

/**
 * Checks a few disclosures from the sample group's record and prints each decision with its explanation.
 *
 * @param record - the parsed sample group record (its consents are the ones on file)
 */
export function showDisclosures(record: GroupRecord): void {
  const { group, consents } = record;
  const outside = { isSubject: false, withinAgency: false } as const;
  const asked: readonly Asked[] = [
    {
      question: "Dr. Osei, Hope's primary care provider, asks for Hope's progress note to coordinate her care.",
      information: "progress-note",
      memberId: "m-hope",
      recipient: {
        kind: "outside-provider",
        name: "Dr. Amara Osei",
        organisation: "Lakeside Family Medicine",
        ...outside,
      },
      purpose: "COC",
      at: "2026-03-13T09:30:00-05:00",
    },
    {
      question: "Mark Hoffmann asks whether Lena has been coming to the group.",
      information: "attendance",
      memberId: "m-lena",
      recipient: { kind: "family-or-guardian", name: "Mark Hoffmann", ...outside },
      purpose: "FAMRQT",
      at: "2026-03-20T11:00:00-05:00",
    },
    {
      question: "Northside Counselling asks for Jamal's attendance, after he revoked his consent.",
      information: "attendance",
      memberId: "m-jamal",
      recipient: { kind: "outside-provider", name: "Renee Carter", organisation: "Northside Counselling", ...outside },
      purpose: "COC",
      at: "2026-04-06T14:00:00-05:00",
    },
    {
      question: "The health plan asks for the facilitators' process notes on Will's sessions to approve payment.",
      information: "process-note",
      memberId: "m-will",
      recipient: { kind: "payer", organisation: "Prairie Health Plan", ...outside },
      purpose: "HPAYMT",
      at: "2026-04-24T10:00:00-05:00",
    },
  ];

  console.log(
    `\nConfidentiality: who may know what (policy ${defaultPolicy.version}; decision support, not legal advice)`,
  );
  for (const item of asked) {
    const request: DisclosureRequest = {
      information: {
        kind: item.information,
        memberId: item.memberId,
        groupId: group.id,
        labels: { confidentiality: "N", sensitivity: ["MH"], law: [] },
      },
      recipient: item.recipient,
      purpose: item.purpose,
      consents,
      at: item.at,
      subject: { minor: false },
    };
    const decision = checkDisclosure(request);
    console.log(`\n  ${item.question}`);
    console.log(
      `  → ${decision.effect.toUpperCase()} (${decision.basis}; ${decision.determiningRules.join(", ") || "no rule"})`,
    );
    for (const line of explainDecision(decision)) console.log(`    ${line}`);
  }
}
