import { localDate } from "../_lib/calendar.js";
import { isCalendarDate, isInstant } from "../_lib/dates.js";
import type { IssuePath } from "../model/index.js";
import { describeJson, type Entry, type ImportContext } from "./read-context.js";
import { isObject, type Json, type JsonObject, UNREADABLE } from "./read-json.js";

// Typed reading of one element of a copied resource: each reader returns the value when it has the FHIR type asked
// for, and otherwise reports it (`invalid-value`, or `missing-part` when a required one is absent) at its path, with
// the element named as FHIR names it (`Group.member[0].period.start`).

/** FHIR R4 dateTime: a year, year-month, date, or date and time with seconds and an offset (Z or ±hh:mm). */
const FHIR_DATE_TIME = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** An element of a resource (or the resource itself), with where it is. */
export class Reader {
  constructor(
    readonly context: ImportContext,
    readonly entry: Entry,
    readonly node: JsonObject,
    readonly path: IssuePath,
    readonly element: string,
  ) {}

  /** The resource of an entry. */
  static of(context: ImportContext, entry: Entry): Reader {
    return new Reader(context, entry, entry.resource, entry.path, entry.resourceType);
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
    if (value !== UNREADABLE) {
      this.error("invalid-value", this.at(key), `${this.name(key)} must be ${expected}; got ${describeJson(value)}.`);
    }
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
    return isObject(value)
      ? new Reader(this.context, this.entry, value, this.at(key), this.name(key))
      : this.wrong(key, "an object");
  }

  /** The objects of a list element; an item that is not an object is reported. */
  list(key: string): Reader[] {
    const value = this.node[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return this.wrong(key, "a list") ?? [];
    const items: Reader[] = [];
    value.forEach((item, index) => {
      const where = `${this.name(key)}[${index}]`;
      if (isObject(item)) items.push(new Reader(this.context, this.entry, item, [...this.at(key), index], where));
      else if (item !== UNREADABLE) {
        this.error("invalid-value", [...this.at(key), index], `${where} must be an object; got ${describeJson(item)}.`);
      }
    });
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
      else if (item !== UNREADABLE) {
        this.error(
          "invalid-value",
          [...this.at(key), index],
          `${this.name(key)}[${index}] must be text; got ${describeJson(item)}.`,
        );
      }
    });
    return texts;
  }

  /** The extensions with `url`, in order. */
  extensions(url: string): Reader[] {
    return this.list("extension").filter((extension) => extension.node["url"] === url);
  }

  /** The first extension with `url`. */
  extension(url: string): Reader | undefined {
    return this.extensions(url)[0];
  }

  /** The code of the first coding in `system` among the codings of a CodeableConcept (or a Coding list) at `key`. */
  codeIn(key: string, system: string): string | undefined {
    return codingsOf(this.object(key))
      .find((coding) => coding.node["system"] === system)
      ?.text("code");
  }

  /** The entry a Reference at `key` points to (see {@link ImportContext.resolve}). */
  reference(key: string, types: readonly string[], required = true): Entry | undefined {
    const value = this.node[key];
    if (!required && (value === undefined || value === null)) return undefined;
    return this.context.resolve(this.entry, value, this.at(key), types, this.name(key));
  }
}

/** The codings of a CodeableConcept. */
export function codingsOf(concept: Reader | undefined): Reader[] {
  return concept === undefined ? [] : concept.list("coding");
}

/** The value of an extension, by its `value[x]` name: a text, code or date. */
export function extensionText(owner: Reader, url: string, valueKey: string): string | undefined {
  return owner.extension(url)?.text(valueKey, true);
}
