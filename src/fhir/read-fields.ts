import { localDate } from "../_lib/calendar.js";
import { isCalendarDate, isInstant } from "../_lib/dates.js";
import { describeValue } from "../_lib/errors.js";
import type { IssuePath } from "../model/index.js";
import type { Entry, ImportContext } from "./read-context.js";
import { isObject, type Json, type JsonObject, kindOf, withArticle } from "./read-json.js";
import { groupworkFhirUrls } from "./urls.js";

// Typed reading of one element of a copied resource: each reader returns the value when it has the FHIR type asked
// for, and otherwise reports it (`invalid-value`, or `missing-part` when a required one is absent) at its path, with
// the element named as FHIR names it (`Group.member[0].period.start`).

/** FHIR R4 dateTime: a year, year-month, date, or date and time with seconds and an offset (Z or ±hh:mm). */
const FHIR_DATE_TIME = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** An element of a resource (or the resource itself); its path and FHIR name are worked out only for a message. */
export class Reader {
  constructor(
    readonly context: ImportContext,
    readonly entry: Entry,
    readonly node: JsonObject,
    /** The element it is in, with its key there (and its index, for an item of a list); none for the resource. */
    private readonly parent?: Reader,
    private readonly key?: string,
    private readonly index?: number,
  ) {}

  /** The resource of an entry. */
  static of(context: ImportContext, entry: Entry): Reader {
    return new Reader(context, entry, entry.resource);
  }

  /** Its path in the Bundle: `["entry", 3, "resource", "member", 0]`. */
  get path(): IssuePath {
    if (this.parent === undefined || this.key === undefined) return this.entry.path;
    const path = [...this.parent.path, this.key];
    if (this.index !== undefined) path.push(this.index);
    return path;
  }

  /** Its name as FHIR writes it: `Group.member[0]`. */
  get element(): string {
    if (this.parent === undefined || this.key === undefined) return this.entry.resourceType;
    return `${this.parent.name(this.key)}${this.index === undefined ? "" : `[${this.index}]`}`;
  }

  get(key: string): Json | undefined {
    return this.node[key];
  }

  at(key: string | number): IssuePath {
    return [...this.path, key];
  }

  name(key: string): string {
    return `${this.element}.${key}`;
  }

  error(code: Parameters<ImportContext["error"]>[1], path: IssuePath, message: string): void {
    this.context.error(this.entry, code, path, message);
  }

  warning(code: Parameters<ImportContext["warning"]>[1], path: IssuePath, message: string): void {
    this.context.warning(this.entry, code, path, message);
  }

  /** Reports `key` as missing, naming what supplies it. */
  missing(key: string, remedy = ""): void {
    this.error("missing-part", this.at(key), `${this.name(key)} is missing${remedy === "" ? "." : `; ${remedy}`}`);
  }

  private wrong(key: string, expected: string): undefined {
    const value = this.node[key];
    this.error("invalid-value", this.at(key), `${this.name(key)} must be ${expected}; got ${kindOf(value)}.`);
    return undefined;
  }

  /** A FHIR string, code, uri or id: text with something in it. */
  text(key: string, required = false): string | undefined {
    const value = this.node[key];
    if (value === undefined || value === null) {
      if (required) this.missing(key);
      return undefined;
    }
    return typeof value === "string" && /\S/.test(value) ? value : this.wrong(key, "text that is not blank");
  }

  boolean(key: string): boolean | undefined {
    const value = this.node[key];
    if (value === undefined || value === null) return undefined;
    return typeof value === "boolean" ? value : this.wrong(key, "true or false");
  }

  /** A FHIR positiveInt or unsignedInt (`minimum` 1 or 0). */
  integer(key: string, minimum: 0 | 1): number | undefined {
    const value = this.node[key];
    if (value === undefined || value === null) return undefined;
    return typeof value === "number" && Number.isSafeInteger(value) && value >= minimum
      ? value
      : this.wrong(key, minimum === 1 ? "a whole number of 1 or more" : "a whole number of 0 or more");
  }

  decimal(key: string): number | undefined {
    const value = this.node[key];
    if (value === undefined || value === null) return undefined;
    return typeof value === "number" ? value : this.wrong(key, "a number");
  }

  /** An instant: a date and time with an offset (FHIR instant, or a dateTime that has a time). */
  instant(key: string, required = false): string | undefined {
    const value = this.node[key];
    if (value === undefined || value === null) {
      if (required) this.missing(key);
      return undefined;
    }
    return typeof value === "string" && isInstant(value)
      ? value
      : this.wrong(key, 'a date and time with an offset, such as "2026-02-05T18:00:00-06:00"');
  }

  /**
   * A calendar day: a FHIR date as written, or a dateTime read as its day in `timeZone` (nothing is reported when the
   * zone is unknown: the missing zone is reported once, for the group).
   */
  day(key: string, timeZone: string | undefined, required = false): string | undefined {
    const value = this.node[key];
    if (value === undefined || value === null) {
      if (required) this.missing(key);
      return undefined;
    }
    if (typeof value === "string" && isCalendarDate(value)) return value;
    if (typeof value === "string" && isInstant(value)) {
      if (timeZone === undefined) return undefined;
      try {
        return localDate(value, timeZone, this.name(key));
      } catch {
        return this.wrong(key, `a date and time whose day in ${timeZone} falls in the years 0000–9999`);
      }
    }
    const partial = typeof value === "string" && FHIR_DATE_TIME.test(value);
    return this.wrong(
      key,
      partial
        ? 'a whole day ("2026-02-05") or a date and time with an offset; a year or a month alone does not name a day'
        : 'a date such as "2026-02-05"',
    );
  }

  /** An object element. */
  object(key: string, required = false): Reader | undefined {
    const value = this.node[key];
    if (value === undefined || value === null) {
      if (required) this.missing(key);
      return undefined;
    }
    return isObject(value) ? new Reader(this.context, this.entry, value, this, key) : this.wrong(key, "an object");
  }

  /** The objects of a list element; an item that is not an object is reported. */
  list(key: string): Reader[] {
    const value = this.node[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return this.wrong(key, "a list") ?? [];
    const items: Reader[] = [];
    for (let index = 0; index < value.length; index++) {
      const item = value[index];
      if (isObject(item)) items.push(new Reader(this.context, this.entry, item, this, key, index));
      else {
        this.error(
          "invalid-value",
          [...this.at(key), index],
          `${this.name(key)}[${index}] must be an object; got ${kindOf(item)}.`,
        );
      }
    }
    return items;
  }

  /** The texts of a list of strings; an item that is not text is reported. */
  texts(key: string): string[] {
    const value = this.node[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return this.wrong(key, "a list") ?? [];
    const texts: string[] = [];
    value.forEach((item, index) => {
      if (typeof item === "string") texts.push(item);
      else {
        this.error(
          "invalid-value",
          [...this.at(key), index],
          `${this.name(key)}[${index}] must be text; got ${kindOf(item)}.`,
        );
      }
    });
    return texts;
  }

  /**
   * Its extensions, read once, by url. `known` are the urls read here (a complex extension's parts have bare names);
   * an extension under the library's own base url that is not one of them (written by a newer version, or in the
   * wrong place) is reported as a warning, so that nothing is left out silently.
   */
  extensions(known: readonly string[]): Extensions {
    const read: Reader[] = [];
    for (const extension of this.list("extension")) {
      const url = extension.node["url"];
      if (typeof url !== "string") continue;
      if (!known.includes(url) && url.startsWith(`${groupworkFhirUrls.base}/`)) {
        extension.warning(
          "unsupported-extension",
          extension.at("url"),
          `${extension.element} is the extension ${describeValue(url)}, which this version of the library does not read on ${this.element}; it is left out.`,
        );
        continue;
      }
      read.push(extension);
    }
    return new Extensions(read);
  }

  /** The code of the first coding in `system` among the codings of a CodeableConcept (or a Coding list) at `key`. */
  codeIn(key: string, system: string): string | undefined {
    return codingsOf(this.object(key))
      .find((coding) => coding.node["system"] === system)
      ?.text("code");
  }

  /**
   * The entry the Reference at `key` points to, when it resolves to a readable one of `types`; otherwise reports why
   * (`missing-part`, `invalid-value`, and those of {@link Reader.target}) and returns undefined.
   */
  reference(key: string, types: readonly string[], required = true): Entry | undefined {
    const value = this.node[key];
    if (value === undefined || value === null) {
      if (required) {
        this.error("missing-part", this.at(key), `${this.name(key)} is missing; it must refer to ${oneOf(types)}.`);
      }
      return undefined;
    }
    return this.object(key)?.target(types);
  }

  /**
   * The entry this Reference points to, when it resolves to a readable one of `types`; otherwise reports why
   * (`missing-part`, `invalid-value`, `unknown-reference`, `wrong-reference-type`) and returns undefined. A reference
   * to an entry that could not be read was reported with that entry and is not reported again.
   */
  target(types: readonly string[]): Entry | undefined {
    const text = this.node["reference"];
    if (typeof text !== "string") {
      this.error(
        text === undefined ? "missing-part" : "invalid-value",
        this.at("reference"),
        `${this.name("reference")} must be the text of a reference to ${oneOf(types)}; got ${kindOf(text)}.`,
      );
      return undefined;
    }
    const target = this.context.find(text);
    if (target === undefined) {
      this.error(
        "unknown-reference",
        this.at("reference"),
        `${this.element} refers to ${describeValue(text)}, which is no entry of the Bundle; add the resource or fix the reference.`,
      );
      return undefined;
    }
    if (!types.includes(target.resourceType)) {
      this.error(
        "wrong-reference-type",
        this.at("reference"),
        `${this.element} refers to ${target.label}, but must refer to ${oneOf(types)}.`,
      );
      return undefined;
    }
    return target.readable ? target : undefined;
  }
}

/** `a Patient or a Practitioner`, `an Appointment`. */
function oneOf(types: readonly string[]): string {
  return types.map(withArticle).join(" or ");
}

/** The codings of a CodeableConcept. */
export function codingsOf(concept: Reader | undefined): Reader[] {
  return concept === undefined ? [] : concept.list("coding");
}

/** The extensions of an element, in the order written (a handful each: looked up by url as a list). */
export class Extensions {
  constructor(private readonly read: readonly Reader[]) {}

  /** The first extension with `url`. */
  first(url: string): Reader | undefined {
    return this.read.find((extension) => extension.node["url"] === url);
  }

  /** The extensions with `url`, in order. */
  all(url: string): Reader[] {
    return this.read.filter((extension) => extension.node["url"] === url);
  }
}
