import { describe, expect, it } from "vitest";
import { type DisclosureObligation, type DisclosureRule, definePolicy } from "../../src/confidentiality/index";
import { thrown } from "../fixtures/untrusted";
import { deepFreeze, rule } from "./engine-fixtures";

describe("definePolicy", () => {
  it("keeps the rules sorted by id whatever order they come in, and does not change them", () => {
    const rules = deepFreeze([rule("b", "forbid"), rule("c", "permit"), rule("a", "permit")]);
    const policy = definePolicy(rules, { version: "v1" });
    expect(policy.rules.map((one) => one.id)).toEqual(["a", "b", "c"]);
    expect(policy.version).toBe("v1");
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.rules)).toBe(true);
    expect(Object.isFrozen(policy.rules[0])).toBe(true);
    expect(rules.map((one) => one.id)).toEqual(["b", "c", "a"]);
  });

  it("refuses a rule with a field its type does not name, so a misspelt unless is never dropped", () => {
    const misspelt = { ...rule("a", "permit"), unles: () => true } as unknown as DisclosureRule;
    expect(() => definePolicy([misspelt])).toThrow(
      'rules[0] ("a") has the key "unles", which it does not take; it takes "id", "effect", "description", "source", "obligations", "advice", "when", "unless".',
    );
  });

  it("lists each rule's obligations once, in code order", () => {
    const policy = definePolicy([rule("a", "permit", { obligations: ["notify-client", "MINEC", "AUDTR", "MINEC"] })]);
    expect(policy.rules[0]?.obligations).toEqual(["AUDTR", "MINEC", "notify-client"]);
  });

  it("derives a version from the content: the same rules give the same version, any change a new one", () => {
    const when = (): boolean => true;
    const base = definePolicy([rule("a", "permit", { when })]);
    expect(base.version).toMatch(/^policy-[0-9a-f]{8}$/);
    expect(definePolicy([rule("a", "permit", { when })]).version).toBe(base.version);
    const changes: DisclosureRule[] = [
      rule("a", "forbid", { when }),
      rule("a", "permit", { when, description: "Another sentence." }),
      rule("a", "permit", { when, source: "Another source" }),
      rule("a", "permit", { when, obligations: ["MINEC"] }),
      rule("a", "permit", { when, advice: "Ask first." }),
      rule("a", "permit", { when: () => false }),
      rule("a", "permit", { when, unless: () => false }),
      rule("b", "permit", { when }),
    ];
    const versions = changes.map((changed) => definePolicy([changed]).version);
    expect(new Set([base.version, ...versions]).size).toBe(changes.length + 1);
  });

  it("extends a policy: a rule with a base rule's id replaces it, others are added, and the version changes", () => {
    const base = definePolicy([rule("a", "permit"), rule("b", "permit")], { version: "base" });
    const replacement = rule("b", "forbid");
    const agency = definePolicy([replacement, rule("c", "permit")], { extends: base });
    expect(agency.rules.map((one) => [one.id, one.effect])).toEqual([
      ["a", "permit"],
      ["b", "forbid"],
      ["c", "permit"],
    ]);
    expect(agency.version).not.toBe(base.version);
    expect(base.rules.map((one) => one.effect)).toEqual(["permit", "permit"]);
    expect(definePolicy([], { extends: base, version: "agency-2" }).version).toBe("agency-2");
  });

  it.each([
    ["rules not an array", () => definePolicy("rules" as never), /rules must be an array/],
    ["a rule not an object", () => definePolicy([null as never]), /rules\[0\] must be a rule object/],
    ["an empty id", () => definePolicy([rule("", "permit")]), /rules\[0\]: id must be a non-empty string/],
    ["an unknown effect", () => definePolicy([rule("a", "allow" as never)]), /rules\[0\] \("a"\): effect must be/],
    ["no description", () => definePolicy([rule("a", "permit", { description: " " })]), /description must be/],
    ["no source", () => definePolicy([rule("a", "permit", { source: undefined as never })]), /source must be/],
    [
      "obligations not a list",
      () => definePolicy([rule("a", "permit", { obligations: "MINEC" as never })]),
      /obligations must be an array/,
    ],
    [
      "an unknown obligation",
      () => definePolicy([rule("a", "permit", { obligations: ["SHRED" as never] })]),
      /unknown obligation "SHRED"/,
    ],
    ["empty advice", () => definePolicy([rule("a", "permit", { advice: "" })]), /advice must be/],
    ["no when", () => definePolicy([rule("a", "permit", { when: true as never })]), /when must be a function/],
    [
      "an unless that is no function",
      () => definePolicy([rule("a", "permit", { unless: false as never })]),
      /unless must be a function/,
    ],
    [
      "a repeated id",
      () => definePolicy([rule("a", "permit"), rule("a", "forbid")]),
      /rules\[1\]: the id "a" is used twice/,
    ],
    ["an empty version", () => definePolicy([], { version: "" }), /options.version must be/],
  ])("refuses %s with invalid-argument", (_, action, message) => {
    const error = thrown(action);
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toMatch(message);
  });

  describe("options and the policy it extends", () => {
    const base = definePolicy([rule("a", "permit")], { version: "base" });
    it.each<[string, () => unknown, RegExp]>([
      ["null options", () => definePolicy([], null as never), /definePolicy: options must be an object, not null/],
      ["options that are a string", () => definePolicy([], "v2" as never), /options must be an object, not "v2"/],
      [
        "options that are a Symbol",
        () => definePolicy([], Symbol("o") as never),
        /options must be an object, not a Symbol/,
      ],
      [
        "a version that is a BigInt",
        () => definePolicy([], { version: 2n as never }),
        /options\.version must be a non-empty string, not the BigInt 2n/,
      ],
      [
        "extends null",
        () => definePolicy([], { extends: null as never }),
        /options\.extends must be a policy .* not null/,
      ],
      [
        "extends a string",
        () => definePolicy([], { extends: "x".repeat(1e6) as never }),
        /options\.extends must be a policy/,
      ],
      [
        "extends with rules 0",
        () => definePolicy([], { extends: { version: "b", rules: 0 } as never }),
        /options\.extends\.rules must be an array of rules, not 0/,
      ],
      [
        "extends with rules [{}]",
        () => definePolicy([], { extends: { version: "b", rules: [{}] } as never }),
        /options\.extends\.rules\[0\]: id must be a non-empty string, not undefined/,
      ],
      [
        "extends with a rule that is null",
        () => definePolicy([], { extends: { version: "b", rules: [null] } as never }),
        /options\.extends\.rules\[0\] must be a rule object, not null/,
      ],
      [
        "extends with a circular version",
        () => {
          const circular: Record<string, unknown> = {};
          circular["self"] = circular;
          return definePolicy([], { extends: { version: circular, rules: [] } as never });
        },
        /options\.extends\.version must be a non-empty string, not an object/,
      ],
      [
        "extends with a repeated id",
        () => definePolicy([], { extends: { version: "b", rules: [...base.rules, ...base.rules] } }),
        /options\.extends\.rules\[1\]: the id "a" is used twice/,
      ],
    ])("throws invalid-argument for %s", (_, action, message) => {
      const error = thrown(action);
      expect(error.code).toBe("invalid-argument");
      expect(error.message).toMatch(message);
    });
  });

  describe("each rule, checked as it is kept", () => {
    it.each<[string, () => unknown, RegExp]>([
      [
        "a hole in the rules",
        () => {
          const holey: DisclosureRule[] = [];
          holey[1] = rule("b", "permit");
          return definePolicy(holey);
        },
        /rules\[0\] must be a rule object, not undefined/,
      ],
      [
        "a hole in a rule's obligations",
        () => {
          const holey: DisclosureObligation[] = [];
          holey[1] = "MINEC";
          return definePolicy([rule("a", "permit", { obligations: holey })]);
        },
        /rules\[0\] \("a"\): unknown obligation undefined at obligations\[0\]/,
      ],
      [
        "an obligation with no prototype",
        () => definePolicy([rule("a", "permit", { obligations: [Object.create(null)] })]),
        /unknown obligation an object with no prototype/,
      ],
      [
        "an id that is a Symbol",
        () => definePolicy([{ ...rule("a", "permit"), id: Symbol("id") as never }]),
        /rules\[0\]: id must be a non-empty string, not a Symbol \(id\)/,
      ],
      [
        "a when that is a 5,000-deep array",
        () => definePolicy([rule("a", "permit", { when: JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`) })]),
        /when must be a function of \(request, facts\), not an array of 1 item/,
      ],
      [
        "an id read through the prototype, which a copy would lose",
        () => definePolicy([Object.create(rule("a", "permit"))]),
        /rules\[0\]: id must be a non-empty string, not undefined/,
      ],
    ])("throws invalid-argument for %s", (_, action, message) => {
      const error = thrown(action);
      expect(error.code).toBe("invalid-argument");
      expect(error.message).toMatch(message);
    });

    it("keeps what it checked: a getter answering twice cannot slip a malformed rule past the check", () => {
      let reads = 0;
      const shifty = {
        ...rule("a", "permit"),
        get effect() {
          reads++;
          return reads === 1 ? "permit" : "allow";
        },
      } as unknown as DisclosureRule;
      const policy = definePolicy([shifty], { version: "v" });
      expect(policy.rules[0]?.effect).toBe("permit");
      expect(reads).toBe(1);
    });

    it("derives the version from a condition's source even when its own toString throws", () => {
      const when = Object.assign(() => true, {
        toString(): string {
          throw new Error("no source for you");
        },
      });
      expect(definePolicy([rule("a", "permit", { when })]).version).toMatch(/^policy-[0-9a-f]{8}$/);
    });
  });
});
