// A small JSON Schema (draft-07) interpreter for the subset our config schema uses, so the schema
// file is the one source of the config's checks (and ships for editors) without a validator
// library at run time. Errors are data, shaped like Ajv's (instancePath, keyword, params).
//
//   validate({ type: "object", additionalProperties: false, properties: { out: { type: "string" } } },
//            { out: 42, outt: "x" })
//   → [{ instancePath: "/out", keyword: "type", params: { type: "string" }, schema: { type: "string" } },
//      { instancePath: "", keyword: "additionalProperties", params: { additionalProperty: "outt" }, schema: <root> }]
//
// Supported keywords: type, properties, additionalProperties, items, enum, const, contains,
// uniqueItems, minLength, $ref (to "#/definitions/..."), and the annotations. `unsupportedKeywords`
// lists anything else, so a schema edit beyond the subset fails a test instead of being ignored.

import { pointerSegment } from "./diagnostics.js";
import { append } from "./lists.js";

export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

export type JsonType = "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";

export interface SchemaError {
  /** JSON pointer of the value that failed (for additionalProperties: of the object). */
  readonly instancePath: string;
  readonly keyword: "type" | "additionalProperties" | "enum" | "const" | "contains" | "uniqueItems" | "minLength";
  readonly params: {
    readonly type?: JsonType;
    readonly additionalProperty?: string;
    readonly allowedValues?: readonly unknown[];
    readonly allowedValue?: unknown;
    readonly duplicate?: unknown;
    readonly limit?: number;
  };
  /** The (resolved) schema whose keyword failed: its title and description explain the value. */
  readonly schema: JsonSchema;
}

const ANNOTATIONS = new Set(["$schema", "$id", "title", "description", "default", "examples", "definitions", "markdownDescription"]);
const ASSERTIONS = new Set(["type", "properties", "additionalProperties", "items", "enum", "const", "contains", "uniqueItems", "minLength", "$ref"]);

/** Every keyword of `schema` (at any depth) outside the supported subset, as `pointer: keyword`. */
export function unsupportedKeywords(schema: JsonSchema, at = ""): string[] {
  const found: string[] = [];
  for (const [keyword, value] of Object.entries(schema)) {
    if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) found.push(`${at}: ${keyword}`);
    if (keyword === "$ref" && (typeof value !== "string" || !value.startsWith("#/definitions/"))) found.push(`${at}: $ref ${String(value)}`);
    const sub = (key: string, s: unknown) => {
      if (isObject(s)) append(found, unsupportedKeywords(s, `${at}/${keyword}${key}`));
    };
    if (keyword === "properties" || keyword === "definitions") {
      for (const [name, s] of Object.entries(value as object)) sub(`/${pointerSegment(name)}`, s);
    } else if (keyword === "additionalProperties" || keyword === "items" || keyword === "contains") {
      sub("", value);
    }
  }
  return found;
}

/** Validates `value` against `schema` (`root` holds the definitions); every error, in document order. */
export function validate(schema: JsonSchema, value: unknown, root: JsonSchema = schema, instancePath = ""): SchemaError[] {
  const s = resolve(schema, root);
  const errors: SchemaError[] = [];
  const fail = (keyword: SchemaError["keyword"], params: SchemaError["params"], path = instancePath) =>
    errors.push({ instancePath: path, keyword, params, schema: s });
  if (typeof s.type === "string" && !hasType(value, s.type as JsonType)) {
    fail("type", { type: s.type as JsonType });
    return errors;
  }
  if (Array.isArray(s.enum) && !s.enum.some((allowed) => equal(allowed, value))) fail("enum", { allowedValues: s.enum });
  if ("const" in s && !equal(s.const, value)) fail("const", { allowedValue: s.const });
  if (typeof value === "string" && typeof s.minLength === "number" && [...value].length < s.minLength) {
    fail("minLength", { limit: s.minLength });
  }
  if (isObject(value)) {
    const properties = (isObject(s.properties) ? s.properties : {}) as Record<string, JsonSchema>;
    for (const [key, item] of Object.entries(value)) {
      const path = `${instancePath}/${pointerSegment(key)}`;
      const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (own !== undefined) append(errors, validate(own, item, root, path));
      else if (s.additionalProperties === false) fail("additionalProperties", { additionalProperty: key });
      else if (isObject(s.additionalProperties)) append(errors, validate(s.additionalProperties, item, root, path));
    }
  }
  if (Array.isArray(value)) {
    if (isObject(s.items)) value.forEach((item, i) => append(errors, validate(s.items as JsonSchema, item, root, `${instancePath}/${i}`)));
    if (isObject(s.contains) && !value.some((item) => validate(s.contains as JsonSchema, item, root).length === 0)) fail("contains", {});
    if (s.uniqueItems === true) {
      const duplicate = value.find((item, i) => value.findIndex((other) => equal(other, item)) !== i);
      if (duplicate !== undefined) fail("uniqueItems", { duplicate });
    }
  }
  return errors;
}

/** The schema a `$ref` names (draft-07: a `$ref` replaces its siblings). */
export function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let depth = 0; typeof s.$ref === "string"; depth++) {
    const name = s.$ref.startsWith("#/definitions/") ? s.$ref.slice("#/definitions/".length) : undefined;
    const target = name !== undefined && isObject(root.definitions) ? (root.definitions as Record<string, unknown>)[name] : undefined;
    if (!isObject(target) || depth > 32) throw new Error(`internal: the schema's $ref ${s.$ref} does not resolve`);
    s = target;
  }
  return s;
}

/** The schema of the value at `path` (segments) under `schema`, if the schema describes it. */
export function schemaAt(schema: JsonSchema, path: readonly (string | number)[], root: JsonSchema = schema): JsonSchema | undefined {
  let s: JsonSchema | undefined = resolve(schema, root);
  for (const segment of path) {
    if (s === undefined) return undefined;
    let next: unknown;
    if (typeof segment === "number") next = s.items;
    else next = isObject(s.properties) && Object.hasOwn(s.properties, segment) ? (s.properties as Record<string, unknown>)[segment] : s.additionalProperties;
    s = isObject(next) ? resolve(next, root) : undefined;
  }
  return s;
}

export function typeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return Number.isInteger(value) ? "integer" : "number";
    case "boolean":
      return "boolean";
    default:
      return "object";
  }
}

function hasType(value: unknown, type: JsonType): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}
