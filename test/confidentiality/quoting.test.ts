// A disclosure request's problems never quote personal data: a value where a code belongs is quoted only when it looks
// like a code (short, no spaces, ASCII letters, digits and . : / + -), so a typo can be seen; any other text is
// described by its length.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { checkDisclosure, type DisclosureRequest, definePolicy } from "../../src/confidentiality/index";
import { consent, request, rule } from "./engine-fixtures";

const permitAll = definePolicy([rule("all", "permit")], { version: "permit-all" });

/** The problems of a request that is denied as invalid, as [path, message]. */
function problems(input: unknown): [string | undefined, string][] {
  const decision = checkDisclosure(input as DisclosureRequest, { policy: permitAll });
  expect(decision.basis).toBe("invalid-request");
  return decision.errors.map((error) => [error.path, error.message]);
}

/** The plain request's information with some of its labels replaced by values no type allows. */
const labels = (overrides: Record<string, unknown>) =>
  ({
    ...request().information,
    labels: { confidentiality: "N", sensitivity: [], law: [], ...overrides },
  }) as never;

describe("checkDisclosure: a value that is not a known code", () => {
  // Lengths counted by hand, in characters as a person counts them.
  it.each<[string, unknown, string]>([
    ["purpose", request({ purpose: "Hope Lindqvist drinks" as never }), "text of 21 characters"],
    [
      "information.kind",
      request({ information: { ...request().information, kind: "Hope's diary" as never } }),
      "text of 12 characters",
    ],
    ["recipient.kind", request({ recipient: { kind: "Hope Lindqvist's mother" as never } }), "text of 23 characters"],
    [
      "information.labels.confidentiality",
      request({ information: labels({ confidentiality: "very secret" }) }),
      "text of 11 characters",
    ],
    [
      "information.labels.sensitivity[0]",
      request({ information: labels({ sensitivity: ["drinks too much"] }) }),
      "text of 15 characters",
    ],
    ["information.labels.law[0]", request({ information: labels({ law: ["Zoë 👍"] }) }), "text of 5 characters"],
    [
      "consents[0].purposes[0]",
      request({ consents: [consent({ purposes: ["for Hope's sister" as never] })] }),
      "text of 17 characters",
    ],
    [
      "consents[0].recipients[0].kind",
      request({ consents: [consent({ recipients: [{ kind: "Hope's GP" as never }] })] }),
      "text of 9 characters",
    ],
    [
      "consents[0].form",
      request({ consents: [consent({ form: "told me in the hall" as never })] }),
      "text of 19 characters",
    ],
    ["jurisdiction.dutyToWarn", request({ jurisdiction: { dutyToWarn: "é" as never } }), "text of 1 character"],
  ])("describes free text at %s by its length, without quoting it", (path, asked, described) => {
    expect(problems(asked)).toEqual([[path, `${path}: ${described} that is not a known code.`]]);
  });

  it.each<[string, unknown, string]>([
    ["purpose", request({ purpose: "XYZ" as never }), '"XYZ"'],
    ["purpose", request({ purpose: "TRAET" as never }), '"TRAET"'],
    // A purpose of use where a kind of information belongs: known elsewhere, so quoted to show the mix-up.
    ["information.kind", request({ information: { ...request().information, kind: "TREAT" as never } }), '"TREAT"'],
    ["recipient.kind", request({ recipient: { kind: "FAMRQT" as never } }), '"FAMRQT"'],
    ["purpose", request({ purpose: "urn:oid:2.16.840.1.113883" as never }), '"urn:oid:2.16.840.1.113883"'],
    ["purpose", request({ purpose: "" as never }), '""'],
    ["purpose", request({ purpose: 42 as never }), "42"],
  ])("quotes a code-like value at %s (%s) so the typo can be seen", (path, asked, shown) => {
    expect(problems(asked)).toEqual([[path, `${path}: ${shown} is not a known code.`]]);
  });

  it("describes text of 41 characters with no spaces, too long to be a code", () => {
    const long = "a".repeat(41);
    expect(problems(request({ purpose: long as never }))).toEqual([
      ["purpose", "purpose: text of 41 characters that is not a known code."],
    ]);
    expect(problems(request({ purpose: long.slice(1) as never }))).toEqual([
      ["purpose", `purpose: "${long.slice(1)}" is not a known code.`],
    ]);
  });

  test.prop([fc.string({ minLength: 1, maxLength: 60 }).filter((text) => /[^\w.:/+-]/.test(text))], { numRuns: 200 })(
    "describes any free text by its length alone",
    (text) => {
      const count = [...text].length;
      expect(problems(request({ purpose: text as never }))).toEqual([
        ["purpose", `purpose: text of ${count} character${count === 1 ? "" : "s"} that is not a known code.`],
      ]);
    },
  );
});

describe("checkDisclosure: ids that contradict a fact", () => {
  it("describes an id that is free text, and quotes one that looks like a code", () => {
    const asked = {
      ...request(),
      information: { ...request().information, kind: "progress-note" },
      recipient: { kind: "group-member", id: "Lena Hoffmann", isSubject: true },
      purpose: "PATRQT",
    };
    expect(problems(asked)).toEqual([
      [
        "recipient.isSubject",
        'recipient.isSubject: is true, but recipient.id text of 13 characters is not information.memberId "m-hope".',
      ],
    ]);
    const byAuthor = {
      ...request(),
      information: { ...request().information, kind: "process-note", authorId: "Dana Rivera, LCSW" },
      recipient: { kind: "facilitator", id: "f-okafor", isOriginator: true, withinAgency: true },
      purpose: "TREAT",
    };
    expect(problems(byAuthor)).toEqual([
      [
        "recipient.isOriginator",
        'recipient.isOriginator: is true, but recipient.id "f-okafor" is not information.authorId text of 17 characters.',
      ],
    ]);
  });
});
