// Every `@example` of the public surface compiles as a user's program that imports the names it uses from
// `groupwork`, under the project's strict settings plus exactOptionalPropertyTypes: a documented call that only runs
// because JavaScript forgives it (a wrong option name, a missing argument, a result used before it is narrowed) fails
// here with its symbol and file. All examples are compiled as one program, in about 10 to 20 seconds.
import { describe, expect, it } from "vitest";
import { exampleTypeErrors, formatExampleTypeErrors } from "./example-types";

describe("TSDoc examples type-check", () => {
  it("compile as a user's program, each in its own module", () => {
    const failures = exampleTypeErrors();
    expect(failures.length === 0 ? "" : `\n${formatExampleTypeErrors(failures)}\n`).toBe("");
  }, 120_000);
});
