// Loose readers of documented results: each throws, saying what it expected, when a result is not of its shape.

export function fail(message: string): never {
  throw new Error(message);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function expectRecord(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) fail(`${what} should be an object`);
  return value;
}

export function expectArray(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(`${what} should be an array`);
  return value;
}

export function expectString(value: unknown, what: string): string {
  if (typeof value !== "string") fail(`${what} should be a string`);
  return value;
}

export function expectBoolean(value: unknown, what: string): boolean {
  if (typeof value !== "boolean") fail(`${what} should be true or false`);
  return value;
}

/** A finite number, never NaN or an infinity (the library answers `null` when a figure cannot be computed). */
export function expectFinite(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(`${what} should be a finite number, not ${value}`);
  return value;
}

/** A `Measured` figure: a finite value with no reason, or `null` with a reason. */
export function expectMeasured(value: unknown, what: string): void {
  const measured = expectRecord(value, what);
  if (measured["value"] === null) expectString(measured["reason"], `${what}.reason`);
  else expectFinite(measured["value"], `${what}.value`);
}

/** A parser's result: `ok` and a list of issues, with the value when ok. */
export function expectResult(value: unknown, what: string, valueKey: string): void {
  const result = expectRecord(value, what);
  if (expectBoolean(result["ok"], `${what}.ok`)) expectRecord(result[valueKey], `${what}.${valueKey}`);
}

/** A disclosure decision: permit or deny, with its basis and lists. */
export function expectDecision(value: unknown, what: string): Record<string, unknown> {
  const decision = expectRecord(value, what);
  if (decision["effect"] !== "permit" && decision["effect"] !== "deny") fail(`${what}.effect should be permit or deny`);
  expectString(decision["basis"], `${what}.basis`);
  expectArray(decision["determiningRules"], `${what}.determiningRules`);
  expectArray(decision["reasons"], `${what}.reasons`);
  return decision;
}
