// What must always hold of the default policy itself, over the golden domain with facts forgotten at random: the
// rules fail closed, because each reads a missing fact the safe way (Kleene's logic: a missing fact never grants and
// never lifts a forbid).
import { fc, test } from "@fast-check/vitest";
import type { DisclosureRecipient, DisclosureRequest } from "groupwork/confidentiality";
import { checkDisclosure } from "groupwork/confidentiality";
import { describe, expect } from "vitest";
import { goldenInputs, goldenRequest } from "../golden/domain";

const inputs = goldenInputs();
const RECIPIENT_FACTS = ["isSubject", "activeFacilitator", "isOriginator", "withinAgency"] as const;

function forget(request: DisclosureRequest, facts: readonly string[], deidentified: boolean): DisclosureRequest {
  const recipient: Record<string, unknown> = { ...request.recipient };
  for (const name of facts) delete recipient[name];
  const information = { ...request.information };
  if (deidentified) delete information.deidentified;
  return { ...request, recipient: recipient as unknown as DisclosureRecipient, information };
}

describe("the default policy over the golden domain", () => {
  test.prop(
    [fc.integer({ min: 0, max: inputs.length - 1 }), fc.subarray([...RECIPIENT_FACTS], { minLength: 1 }), fc.boolean()],
    { numRuns: 3000 },
  )(
    "forgetting what is known of the recipient or the de-identification never turns a deny into a permit",
    (index, facts, deidentified) => {
      const input = inputs[index];
      if (input === undefined) throw new Error("index out of range");
      const known = checkDisclosure(goldenRequest(input));
      const forgotten = checkDisclosure(forget(goldenRequest(input), facts, deidentified));
      if (known.effect === "deny") expect(forgotten.effect).toBe("deny");
      // A permit may survive forgetting, but never gains a rule or an obligation it did not have.
      if (forgotten.effect === "permit") {
        expect(known.determiningRules).toEqual(expect.arrayContaining([...forgotten.determiningRules]));
      }
    },
  );

  test.prop([fc.integer({ min: 0, max: inputs.length - 1 })], { numRuns: 300 })(
    "SUD counseling notes go outside the program only under a Part 2 consent that names them alone",
    (index) => {
      const input = inputs[index];
      if (input === undefined) throw new Error("index out of range");
      const request = goldenRequest({ ...input, kind: "sud-counseling-note" });
      const decision = checkDisclosure(request);
      const outside = !input.recipient.withinAgency && !input.recipient.isSubject;
      if (outside && input.situation.consent !== "part2") {
        expect(decision.effect).toBe("deny");
        expect(decision.matchedRules.forbid).toContain("sud-counseling-note-needs-own-consent");
      }
    },
  );

  test.prop([fc.integer({ min: 0, max: inputs.length - 1 })], { numRuns: 300 })(
    "a revoked or expired consent decides exactly as no consent",
    (index) => {
      const input = inputs[index];
      if (input === undefined) throw new Error("index out of range");
      const none = checkDisclosure(goldenRequest({ ...input, situation: { ...input.situation, consent: "none" } }));
      for (const consent of ["revoked", "expired"] as const) {
        const decision = checkDisclosure(goldenRequest({ ...input, situation: { ...input.situation, consent } }));
        expect([decision.effect, decision.basis, decision.determiningRules]).toEqual([
          none.effect,
          none.basis,
          none.determiningRules,
        ]);
      }
    },
  );

  test.prop([fc.integer({ min: 0, max: inputs.length - 1 })], { numRuns: 300 })(
    "a Part 2 record is never disclosed outside the program without a Part 2 consent, a court order or an exception",
    (index) => {
      const input = inputs[index];
      if (input === undefined) throw new Error("index out of range");
      const request = goldenRequest({ ...input, situation: { ...input.situation, sud: true } });
      const decision = checkDisclosure(request);
      const outside = !input.recipient.withinAgency && !input.recipient.isSubject;
      const c = request.circumstances ?? {};
      const exception = c.courtOrder === true || c.medicalEmergency === true || c.suspectedChildAbuse === true;
      const part2 = input.situation.consent === "part2" || input.situation.consent === "part2-general";
      if (outside && !part2 && !exception) expect(decision.effect).toBe("deny");
      if (decision.effect === "permit" && part2 && outside) {
        expect(decision.obligations).toContain("NORDSCLCD");
      }
    },
  );
});
