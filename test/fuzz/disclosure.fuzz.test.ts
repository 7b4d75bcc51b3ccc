import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDisclosure, type DisclosureDecision, whoMayReceive } from "../../src/confidentiality/index";
import { GroupworkError } from "../../src/model/index";
import { permitAll, permittedRequests } from "./bases";
import { describeError } from "./contract";
import { type Field, fieldsOf, malformedValues, REQUEST } from "./request-spec";
import { RUNS, seedFor, TEST_TIMEOUT_MS } from "./settings";
import { copy, deepFreeze, isWalkable, type Path, type PathKey } from "./values";

// No malformed request is ever permitted. A request is malformed when a field is not what DisclosureRequest says:
// a required field missing, a value of the wrong type, a code outside its vocabulary, an instant that is not an ISO
// 8601 instant with an offset. Each case takes a request the default policy permits, breaks one field that way, and
// asks under the default policy and under one that permits everything (so nothing but the request check stands
// between a malformed request and a yes). A change that leaves the request valid (an unknown field, even one named
// `__proto__`; an object without a prototype; a frozen request) must leave the decision exactly as it was.

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) value = isWalkable(value) ? value[key] : undefined;
  return value;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (!isWalkable(parent) || key === undefined) return;
  if (value === undefined) delete parent[key];
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The path as the request reader writes it: `consents[0].recipients[0].kind`. */
function written(path: Path): string {
  return path.reduce<string>(
    (text, key: PathKey) => (typeof key === "number" ? `${text}[${key}]` : text === "" ? key : `${text}.${key}`),
    "",
  );
}

const POLICIES = { default: undefined, "permit-all": permitAll } as const;
type PolicyName = keyof typeof POLICIES;

interface MalformedCase {
  readonly base: number;
  readonly policy: PolicyName;
  readonly field: string;
  readonly with: string;
  readonly frozen: boolean;
}

const fieldLists = permittedRequests.map((request) => fieldsOf(request, REQUEST));

const malformedCase: fc.Arbitrary<MalformedCase> = fc
  .record({
    base: fc.integer({ min: 0, max: permittedRequests.length - 1 }),
    policy: fc.constantFrom<PolicyName>("permit-all", "default"),
    frozen: fc.boolean(),
  })
  .chain(({ base, policy, frozen }) => {
    const fields = fieldLists[base] ?? [];
    return fc.constantFrom(...fields).chain(({ path, field }) => {
      const names = Object.keys(malformedValues(field, valueAt(permittedRequests[base], path)));
      return fc
        .constantFrom(...names)
        .map((name) => ({ base, policy, field: written(path), with: name, frozen }) satisfies MalformedCase);
    });
  });

function buildMalformed(plan: MalformedCase): { request: unknown; path: string } {
  const base = permittedRequests[plan.base];
  const entry = fieldLists[plan.base]?.find(({ path }) => written(path) === plan.field);
  if (base === undefined || entry === undefined) throw new Error(`no field ${plan.field} in base ${plan.base}`);
  const request = copy(base);
  const make = malformedValues(entry.field, valueAt(base, entry.path))[plan.with];
  if (make === undefined) throw new Error(`no value ${plan.with} for ${plan.field}`);
  setAt(request, entry.path, make());
  if (plan.frozen) deepFreeze(request);
  return { request, path: plan.field };
}

/** checkDisclosure's answer; it documents that it never throws about a request, so any exception fails the case. */
function decide(request: unknown, policy: PolicyName): DisclosureDecision {
  const options = { policy: POLICIES[policy] };
  try {
    return Reflect.apply(checkDisclosure, undefined, [request, options]);
  } catch (error) {
    throw new Error(`checkDisclosure threw ${describeError(error)}`);
  }
}

/** Changes that leave a request what its type says. */
const VALID_CHANGES = ["unknown-key", "null-prototype", "frozen"] as const;
const ODD_KEYS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "x-host-field"];

interface ValidCase {
  readonly base: number;
  readonly policy: PolicyName;
  readonly at: string;
  readonly change: (typeof VALID_CHANGES)[number];
  readonly key: string;
}

const objectPaths = permittedRequests.map((request) =>
  [[] as Path, ...fieldsOf(request, REQUEST).map(({ path }) => path)].filter((path) => {
    const value = valueAt(request, path);
    return isWalkable(value) && !Array.isArray(value);
  }),
);

const validCase: fc.Arbitrary<ValidCase> = fc
  .record({
    base: fc.integer({ min: 0, max: permittedRequests.length - 1 }),
    policy: fc.constantFrom<PolicyName>("default", "permit-all"),
    change: fc.constantFrom(...VALID_CHANGES),
    key: fc.constantFrom(...ODD_KEYS),
  })
  .chain((plan) =>
    fc.constantFrom(...(objectPaths[plan.base] ?? [[]])).map((path) => ({ ...plan, at: written(path) }) as ValidCase),
  );

function buildValid(plan: ValidCase): unknown {
  const base = permittedRequests[plan.base];
  const path = objectPaths[plan.base]?.find((candidate) => written(candidate) === plan.at);
  if (base === undefined || path === undefined) throw new Error(`no object ${plan.at} in base ${plan.base}`);
  const request: unknown = copy(base);
  const target = valueAt(request, path);
  if (!isWalkable(target)) throw new Error(`${plan.at} is not an object`);
  if (plan.change === "unknown-key") {
    const extra = JSON.parse('{"__proto__": {"effect": "permit"}, "polluted": true}');
    Object.defineProperty(target, plan.key, { value: extra, enumerable: true, writable: true, configurable: true });
  } else if (plan.change === "null-prototype") {
    const bare = Object.assign(Object.create(null), target);
    if (path.length === 0) return bare;
    setAt(request, path, bare);
  } else {
    deepFreeze(request);
  }
  return request;
}

const params = (name: string) => ({ numRuns: RUNS, seed: seedFor(name) });

describe("fuzz: checkDisclosure on malformed requests", () => {
  it(
    "never permits a request with a malformed field",
    () => {
      fc.assert(
        fc.property(malformedCase, (plan) => {
          const { request } = buildMalformed(plan);
          expect(decide(request, plan.policy).effect).toBe("deny");
        }),
        params("checkDisclosure never permits"),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "denies a request with a malformed field as invalid-request, naming the field",
    () => {
      fc.assert(
        fc.property(malformedCase, (plan) => {
          const { request, path } = buildMalformed(plan);
          const decision = decide(request, plan.policy);
          expect(decision.basis).toBe("invalid-request");
          const paths = (decision.errors ?? []).map((error) => ("path" in error ? String(error.path) : ""));
          expect(
            paths.some((found) => found === path || found.startsWith(`${path}.`) || found.startsWith(`${path}[`)),
          ).toBe(true);
        }),
        params("checkDisclosure invalid-request"),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "never permits a malformed candidate in whoMayReceive",
    () => {
      const candidateFields = fieldsOf(permittedRequests[0], {
        recipient: REQUEST["recipient"] as Field,
        purpose: REQUEST["purpose"] as Field,
      });
      fc.assert(
        fc.property(
          fc.constantFrom(...candidateFields).chain(({ path, field }) =>
            fc
              .constantFrom(...Object.keys(malformedValues(field, valueAt(permittedRequests[0], path))))
              .map((name) => ({
                field: written(path),
                with: name,
              })),
          ),
          (plan) => {
            const request = permittedRequests[0];
            if (request === undefined) throw new Error("no base request");
            const { recipient, purpose, ...situation } = copy(request);
            const candidate = { recipient, purpose };
            const entry = candidateFields.find(({ path }) => written(path) === plan.field);
            const make = entry && malformedValues(entry.field, valueAt(request, entry.path))[plan.with];
            if (entry === undefined || make === undefined) throw new Error(`no ${plan.with} for ${plan.field}`);
            setAt(candidate, entry.path, make());
            let answer: ReturnType<typeof whoMayReceive>;
            try {
              answer = Reflect.apply(whoMayReceive, undefined, [situation, [candidate], { policy: permitAll }]);
            } catch (error) {
              // Refusing the call is also never permitting; any other exception is a failure.
              if (error instanceof GroupworkError) return;
              throw new Error(`whoMayReceive threw ${describeError(error)}`);
            }
            expect(answer.permitted).toEqual([]);
          },
        ),
        params("whoMayReceive never permits"),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "gives the same decision when a change leaves the request valid, and refuses a field its type does not name",
    () => {
      fc.assert(
        fc.property(validCase, (plan) => {
          const base = permittedRequests[plan.base];
          const decision = decide(buildValid(plan), plan.policy);
          if (plan.change === "unknown-key") {
            // A field the type does not name is refused, never left out: a misspelt fact could change the answer.
            const path = plan.at === "" ? plan.key : `${plan.at}.${plan.key}`;
            expect(decision).toMatchObject({ effect: "deny", basis: "invalid-request" });
            expect(decision.errors.map((error) => error.path)).toEqual([path]);
          } else {
            expect(decision).toEqual(decide(copy(base), plan.policy));
          }
          expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
        }),
        params("checkDisclosure still valid"),
      );
    },
    TEST_TIMEOUT_MS,
  );
});
