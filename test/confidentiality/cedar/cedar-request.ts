// Asks Cedar itself (cedar-wasm, the Rust engine compiled to WebAssembly) the golden table's questions, with the
// default policy as written in default-policy.cedar. What the consents on file say is stated from the row's consent
// state, not worked out by groupwork's consent matching, so the two sides share nothing but the table's inputs.
import { readFileSync } from "node:fs";
import {
  type AuthorizationCall,
  isAuthorized,
  policySetTextToParts,
  preparsePolicySet,
  statefulIsAuthorized,
} from "@cedar-policy/cedar-wasm/nodejs";
import type { GoldenInput } from "../golden/domain";

/** One Cedar policy of the file: its `@id`, its text and the obligations its `@obligations` annotation lists. */
export interface CedarRule {
  readonly id: string;
  readonly text: string;
  readonly obligations: readonly string[];
}

/** The policy file's text. */
export const cedarPolicyText = readFileSync(new URL("./default-policy.cedar", import.meta.url), "utf8");

function annotation(text: string, name: string): string {
  const found = new RegExp(`@${name}\\("([^"]*)"\\)`).exec(text);
  if (found === null) throw new Error(`a Cedar policy has no @${name} annotation:\n${text}`);
  return found[1] ?? "";
}

/** The policies of default-policy.cedar, split by Cedar's own parser and keyed by their `@id`. */
export function cedarRules(): CedarRule[] {
  const parts = policySetTextToParts(cedarPolicyText);
  if (parts.type !== "success") throw new Error(`default-policy.cedar does not parse: ${JSON.stringify(parts.errors)}`);
  return parts.policies.map((text) => {
    const obligations = annotation(text, "obligations");
    return { id: annotation(text, "id"), text, obligations: obligations === "" ? [] : obligations.split(" ") };
  });
}

/** The policy set as cedar-wasm takes it: each policy under its `@id`, so Cedar's reasons name our rule ids. */
export function cedarPolicySet(rules: readonly CedarRule[] = cedarRules()): Record<string, string> {
  return Object.fromEntries(rules.map((rule) => [rule.id, rule.text]));
}

/** The Cedar request for a golden row: recipient as principal, information as resource, the rest as context. */
export function cedarCall(input: GoldenInput, policies: Record<string, string>): AuthorizationCall {
  const { recipient, situation: s } = input;
  const principal = { type: "Recipient", id: recipient.code };
  const resource = { type: "Information", id: "golden" };
  const part2 = s.consent === "part2" || s.consent === "part2-general";
  const granting = s.consent === "valid" || s.consent === "guardian" || part2;
  return {
    principal,
    action: { type: "Action", id: "disclose" },
    resource,
    context: {
      purpose: input.purpose,
      imminentThreat: s.circumstance === "threat",
      suspectedChildAbuse: s.circumstance === "abuse",
      courtOrder: s.circumstance === "court",
      medicalEmergency: s.circumstance === "emergency",
      consentOverridden: s.circumstance === "override",
      oversightOfOriginator: s.circumstance === "oversight",
      dutyToWarn: s.dutyToWarn,
      minorConsent: "minor",
      subjectMinor: s.circumstance === "minor",
      subjectConsentedToOwnCare: s.circumstance === "minor",
      // The consent states of the table: a covering consent by the member (HIPAA or Part 2, for this kind alone or,
      // for the general Part 2 one, for every kind) or by a guardian grants; an expired or revoked one does nothing; a
      // withholding one names the recipient. Only the consents for this kind alone name it alone.
      consentGrants: granting,
      part2ConsentGrants: part2,
      ownConsentGrants: s.consent === "valid" || part2,
      separateAuthorizationGrants: s.consent === "valid" || s.consent === "part2" || s.consent === "guardian",
      separatePart2ConsentGrants: s.consent === "part2",
      // The by-name states: another spelling or part of the withheld name may be the person; another first name is not.
      withholding: s.consent === "withhold" || s.consent === "withhold-variant" || s.consent === "withhold-partial",
    },
    policies: { staticPolicies: policies },
    entities: [
      {
        uid: principal,
        attrs: {
          kind: recipient.kind,
          isSubject: recipient.isSubject,
          activeFacilitator: recipient.activeFacilitator,
          isOriginator: recipient.isOriginator,
          withinAgency: recipient.withinAgency,
        },
        parents: [],
      },
      {
        uid: resource,
        attrs: {
          kind: input.kind,
          sensitivity: s.sud ? ["SUD"] : [],
          law: s.sud ? ["42CFRPart2"] : [],
          deidentified: s.circumstance === "deidentified",
        },
        parents: [],
      },
    ],
  };
}

/** Cedar's answer: its decision mapped to ours, and the policies it names as the reason, sorted. */
export interface CedarAnswer {
  readonly effect: "deny" | "permit";
  readonly determiningRules: readonly string[];
  readonly errors: readonly string[];
}

function answerOf(answer: ReturnType<typeof isAuthorized>): CedarAnswer {
  if (answer.type !== "success") throw new Error(`cedar-wasm failed: ${JSON.stringify(answer.errors)}`);
  const { decision, diagnostics } = answer.response;
  return {
    effect: decision === "allow" ? "permit" : "deny",
    determiningRules: [...diagnostics.reason].sort(),
    errors: diagnostics.errors.map((error) => `${error.policyId}: ${error.error.message}`),
  };
}

/** Asks Cedar with the stateless `isAuthorized`, which parses the policies on every call. */
export function askCedar(input: GoldenInput, policies: Record<string, string>): CedarAnswer {
  return answerOf(isAuthorized(cedarCall(input, policies)));
}

/** Parses the policies once into cedar-wasm's cache, and returns a function that asks with `statefulIsAuthorized`. */
export function preparedCedar(id: string, policies: Record<string, string>): (input: GoldenInput) => CedarAnswer {
  const parsed = preparsePolicySet(id, { staticPolicies: policies });
  if (parsed.type !== "success") throw new Error(`cedar-wasm could not parse the policies: ${JSON.stringify(parsed)}`);
  return (input) => {
    const { principal, action, resource, context, entities } = cedarCall(input, policies);
    return answerOf(statefulIsAuthorized({ principal, action, resource, context, entities, preparsedPolicySetId: id }));
  };
}
