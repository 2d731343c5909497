// Reads one keyword of a schema or parameter object, checking its JSON type.
//
//   new KeywordReader(docs, { file: "a.yaml", pointer: "/components/schemas/Name", value: { minLength: "three" } })
//     .count("minLength")
//   → undefined, and an `OPENAPI_KEYWORD_TYPE` error at /components/schemas/Name/minLength:
//     "`minLength` must be a non-negative integer, not "three""
//
// A keyword of the wrong type is reported once and then treated as absent: an error, unless the
// caller says what ignoring it loses (`ignored`), which makes it a warning saying so:
//
//   .count("minLength", CONSTRAINT_IGNORED) on { minLength: "three" }
//   → undefined, and an `OPENAPI_KEYWORD_TYPE` warning at /components/schemas/Name/minLength:
//     "`minLength` must be a non-negative integer, not "three"; it is ignored: the generated
//     validator does not check this constraint"
//
// Only keywords whose absence cannot change how a value is sent or read may be ignored (the
// table "OpenAPI keywords of the wrong type" in the README lists which are, and why).

import type { Documents, Located } from "./documents.js";
import { quoteValue } from "../limits.js";
import { isObject } from "./pointer.js";

/** What ignoring a validation keyword (`pattern`, `minLength`, `minimum`, ...) loses. */
export const CONSTRAINT_IGNORED = "the generated validator does not check this constraint";
/** What ignoring a documentation keyword (`description`, `summary`, `deprecated`) loses. */
export const DOCUMENTATION_IGNORED = "the generated documentation leaves it out";

export class KeywordReader {
  readonly #object: Record<string, unknown>;

  constructor(
    private readonly docs: Documents,
    private readonly at: Located,
  ) {
    this.#object = isObject(at.value) ? at.value : {};
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.#object, key);
  }

  raw(key: string): unknown {
    return this.has(key) ? this.#object[key] : undefined;
  }

  child(key: string): Located {
    return this.docs.child(this.at, key);
  }

  string(key: string, ignored?: string): string | undefined {
    return this.#typed(key, isString, "a string", ignored);
  }

  boolean(key: string, ignored?: string): boolean | undefined {
    return this.#typed(key, isBoolean, "a boolean (true or false)", ignored);
  }

  number(key: string, ignored?: string): number | undefined {
    return this.#typed(key, isFiniteNumber, "a number", ignored);
  }

  positive(key: string, ignored?: string): number | undefined {
    return this.#typed(key, isPositive, "a number greater than 0", ignored);
  }

  /** A non-negative integer: lengths, item and property counts. */
  count(key: string, ignored?: string): number | undefined {
    return this.#typed(key, isCount, "a non-negative integer", ignored);
  }

  /** `exclusiveMinimum`: a boolean in OpenAPI 3.0, a number in 3.1. */
  booleanOrNumber(key: string, ignored?: string): boolean | number | undefined {
    return this.#typed(key, isBooleanOrNumber, "a boolean (OpenAPI 3.0) or a number (3.1)", ignored);
  }

  strings(key: string, ignored?: string): string[] | undefined {
    return this.#typed(key, isStrings, "a list of strings", ignored);
  }

  array(key: string, ignored?: string): unknown[] | undefined {
    return this.#typed(key, isArray, "a list", ignored);
  }

  object(key: string, ignored?: string): Record<string, unknown> | undefined {
    return this.#typed(key, isObject, "an object", ignored);
  }

  /** Reports a keyword whose value has the right type but an impossible meaning. */
  invalid(key: string, message: string, hint?: string): void {
    this.docs.report("error", "OPENAPI_KEYWORD_VALUE", message, this.child(key), hint);
  }

  warn(key: string, code: string, message: string, hint?: string): void {
    this.docs.report("warning", code, message, this.child(key), hint);
  }

  /**
   * Reports a keyword of the wrong type: a warning saying what is lost when the caller may ignore
   * it (`ignored`), else an error.
   */
  wrongType(key: string, what: string, ignored?: string, hint?: string): void {
    const value = this.#object[key];
    if (ignored === undefined) {
      this.docs.report("error", "OPENAPI_KEYWORD_TYPE", `\`${key}\` must be ${what}, not ${show(value)}`, this.child(key), hint ?? `Write \`${key}\` as ${what}.`);
    } else {
      this.docs.report("warning", "OPENAPI_KEYWORD_TYPE", `\`${key}\` must be ${what}, not ${show(value)}; it is ignored: ${ignored}`, this.child(key), hint ?? `Write \`${key}\` as ${what}, or remove it.`);
    }
  }

  #typed<T>(key: string, check: (v: unknown) => v is T, what: string, ignored: string | undefined): T | undefined {
    if (!this.has(key)) return undefined;
    const value = this.#object[key];
    if (check(value)) return value;
    this.wrongType(key, what, ignored);
    return undefined;
  }
}

// The checks of the typed readers (functions, not a closure per call: every keyword of every schema is read).
const isString = (v: unknown): v is string => typeof v === "string";
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isPositive = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isBooleanOrNumber = (v: unknown): v is boolean | number => typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

/** A value quoted in a message: its JSON, cut at 60 characters (bounded work at any depth). */
export function show(value: unknown): string {
  const text = quoteValue(value, 61);
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
}
