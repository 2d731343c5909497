// Reads one keyword of a schema or parameter object, checking its JSON type.
//
//   new KeywordReader(docs, { file: "a.yaml", pointer: "/components/schemas/Name", value: { minLength: "three" } })
//     .count("minLength")
//   → undefined, and an `OPENAPI_KEYWORD_TYPE` error at /components/schemas/Name/minLength:
//     "`minLength` must be a non-negative integer, not "three""
//
// A keyword of the wrong type is reported once and then treated as absent.

import type { Documents, Located } from "./documents.js";
import { quoteValue } from "../limits.js";
import { isObject } from "./pointer.js";

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

  string(key: string): string | undefined {
    return this.#typed(key, isString, "a string");
  }

  boolean(key: string): boolean | undefined {
    return this.#typed(key, isBoolean, "a boolean (true or false)");
  }

  number(key: string): number | undefined {
    return this.#typed(key, isFiniteNumber, "a number");
  }

  positive(key: string): number | undefined {
    return this.#typed(key, isPositive, "a number greater than 0");
  }

  /** A non-negative integer: lengths, item and property counts. */
  count(key: string): number | undefined {
    return this.#typed(key, isCount, "a non-negative integer");
  }

  /** `exclusiveMinimum`: a boolean in OpenAPI 3.0, a number in 3.1. */
  booleanOrNumber(key: string): boolean | number | undefined {
    return this.#typed(key, isBooleanOrNumber, "a boolean (OpenAPI 3.0) or a number (3.1)");
  }

  strings(key: string): string[] | undefined {
    return this.#typed(key, isStrings, "a list of strings");
  }

  array(key: string): unknown[] | undefined {
    return this.#typed(key, isArray, "a list");
  }

  object(key: string): Record<string, unknown> | undefined {
    return this.#typed(key, isObject, "an object");
  }

  /** Reports a keyword whose value has the right type but an impossible meaning. */
  invalid(key: string, message: string, hint?: string): void {
    this.docs.report("error", "OPENAPI_KEYWORD_VALUE", message, this.child(key), hint);
  }

  warn(key: string, code: string, message: string, hint?: string): void {
    this.docs.report("warning", code, message, this.child(key), hint);
  }

  #typed<T>(key: string, check: (v: unknown) => v is T, what: string): T | undefined {
    if (!this.has(key)) return undefined;
    const value = this.#object[key];
    if (check(value)) return value;
    this.docs.report("error", "OPENAPI_KEYWORD_TYPE", `\`${key}\` must be ${what}, not ${show(value)}`, this.child(key), `Write \`${key}\` as ${what}.`);
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
