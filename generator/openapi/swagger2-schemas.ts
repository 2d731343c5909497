// Swagger 2.0 schemas, `$ref`s and simple types (parameters, items, headers) in OpenAPI 3.0 form.
//
//   definitions.Pet = { type: object, discriminator: kind, properties: { tag: { type: string, x-nullable: true },
//                       photo: { type: file }, owner: { $ref: "#/definitions/User" } } }
//   → components.schemas.Pet = { type: object, discriminator: { propertyName: kind },
//       properties: { tag: { type: string, nullable: true }, photo: { type: string, format: binary },
//                     owner: { $ref: "#/components/schemas/User" } } }
//   parameter { in: query, name: ids, type: array, items: { type: integer, maximum: 9 }, default: [1] }
//   → schema { type: array, items: { type: integer, maximum: 9 }, default: [1] }
//
// Only keywords that hold schemas are walked; `enum`, `default` and `example` values are copied
// as they are. Every moved or renamed keyword is recorded in `Origins`, so diagnostics about the
// converted document name the 2.0 place. `$ref`s inside another file of the input are made
// relative to the root document, so they keep pointing where they pointed.

import type { Located } from "./documents.js";
import * as posix from "../posix-path.js";
import { childPointer, isObject } from "./pointer.js";
import type { Origins } from "./swagger2-documents.js";

/** Where a 2.0 value stands and where its 3.0 form will stand. */
export interface Site {
  /** The 2.0 file and pointer. */
  readonly file: string;
  readonly pointer: string;
  /** The 3.0 pointer in the converted root document. */
  readonly to: string;
}

export interface ConvertContext {
  readonly rootFile: string;
  readonly origins: Origins;
  /** Checks that the `$ref` of the 2.0 object at `at` leads somewhere (reported in 2.0 terms if not). */
  checkRef(at: Located): void;
  /** A problem of the 2.0 document, at its 2.0 place. */
  report(severity: "error" | "warning", code: string, message: string, at: { file: string; pointer: string }, hint?: string): void;
}

export function child(site: Site, ...keys: (string | number)[]): Site {
  return { file: site.file, pointer: childPointer(site.pointer, ...keys), to: childPointer(site.to, ...keys) };
}

/** Records that the 3.0 value at `to` came from (`file`, `pointer`). */
export function moved(ctx: ConvertContext, to: string, from: { file: string; pointer: string }): void {
  ctx.origins.set(to, { file: from.file, pointer: from.pointer });
}

/** The keywords a 2.0 parameter, items or header object shares with a schema. */
const SIMPLE_SCHEMA_KEYS = new Set([
  "type",
  "format",
  "items",
  "default",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "enum",
  "multipleOf",
  "x-nullable",
]);

/** A `$ref` of the 2.0 document in 3.0 terms: `#/definitions/X` → `#/components/schemas/X`. */
export function rewriteRef(ctx: ConvertContext, ref: string, file: string): string {
  if (posix.normalize(file) !== posix.normalize(ctx.rootFile)) return ref.startsWith("#") ? relativeTo(ctx.rootFile, file) + ref : ref;
  for (const [from, to] of REF_PREFIXES) if (ref.startsWith(from)) return to + ref.slice(from.length);
  return ref;
}

const REF_PREFIXES: readonly (readonly [string, string])[] = [
  ["#/definitions/", "#/components/schemas/"],
  ["#/parameters/", "#/components/parameters/"],
  ["#/responses/", "#/components/responses/"],
];

/** The path of `file` as a `$ref` in `rootFile` writes it. */
function relativeTo(rootFile: string, file: string): string {
  const from = posix.normalize(posix.dirname(rootFile)).split("/").filter((s) => s !== "" && s !== ".");
  const to = posix.normalize(file).split("/").filter((s) => s !== "" && s !== ".");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** A 2.0 Schema Object → a 3.0 one (a new object; the 2.0 value is not changed). */
export function convertSchema(ctx: ConvertContext, value: unknown, site: Site): unknown {
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case "$ref":
        ctx.checkRef({ file: site.file, pointer: site.pointer, value });
        out[key] = typeof v === "string" ? rewriteRef(ctx, v, site.file) : v;
        break;
      case "properties":
      case "patternProperties":
        out[key] = isObject(v) ? Object.fromEntries(Object.entries(v).map(([name, s]) => [name, convertSchema(ctx, s, child(site, key, name))])) : v;
        break;
      case "items":
      case "additionalProperties":
      case "not":
        out[key] = Array.isArray(v) ? v.map((s, i) => convertSchema(ctx, s, child(site, key, i))) : convertSchema(ctx, v, child(site, key));
        break;
      case "allOf":
      case "anyOf":
      case "oneOf":
        out[key] = Array.isArray(v) ? v.map((s, i) => convertSchema(ctx, s, child(site, key, i))) : v;
        break;
      case "x-nullable":
        // Swagger 2.0 has no null; `x-nullable` is the extension every 2.0 tool reads as 3.0's `nullable`.
        if (typeof v === "boolean" && !Object.hasOwn(value, "nullable")) {
          out["nullable"] = v;
          moved(ctx, childPointer(site.to, "nullable"), { file: site.file, pointer: childPointer(site.pointer, "x-nullable") });
        } else out[key] = v;
        break;
      case "discriminator":
        // 2.0: the name of the property; 3.0: a Discriminator Object.
        if (typeof v === "string") {
          out[key] = { propertyName: v };
          moved(ctx, childPointer(site.to, key, "propertyName"), { file: site.file, pointer: childPointer(site.pointer, key) });
        } else out[key] = v;
        break;
      case "type":
        // `type: file` (form parameters, response bodies) is bytes: 3.0's `format: binary`.
        if (v === "file") {
          out[key] = "string";
          out["format"] = "binary";
          moved(ctx, childPointer(site.to, "format"), { file: site.file, pointer: childPointer(site.pointer, "type") });
        } else out[key] = v;
        break;
      case "format":
        if (value["type"] !== "file") out[key] = v;
        break;
      default:
        out[key] = v;
    }
  }
  return out;
}

/**
 * The schema of a 2.0 parameter, items or header object (its type keywords stand on the object
 * itself): `{ in: query, name: n, type: integer, maximum: 9 }` → `{ type: integer, maximum: 9 }`.
 * `items` are simple objects too; a nested `collectionFormat` has no 3.0 form and is reported.
 */
export function simpleSchema(ctx: ConvertContext, value: Record<string, unknown>, site: Site): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (SIMPLE_SCHEMA_KEYS.has(key)) picked[key] = value[key];
  const out = convertSchema(ctx, { ...picked, items: undefined }, site) as Record<string, unknown>;
  delete out["items"];
  const items = value["items"];
  if (items !== undefined) {
    const itemsSite = child(site, "items");
    if (isObject(items) && typeof items["$ref"] !== "string") {
      const format = items["collectionFormat"];
      if (format !== undefined && format !== "csv" && format !== "multi") {
        ctx.report("warning", "SWAGGER2_COLLECTION_FORMAT", `\`collectionFormat: ${String(format)}\` of nested array items has no OpenAPI 3 form; it is ignored`, { file: site.file, pointer: childPointer(itemsSite.pointer, "collectionFormat") }, "Avoid arrays of arrays in parameters, or send the value in a body.");
      }
      out["items"] = simpleSchema(ctx, items, itemsSite);
    } else out["items"] = convertSchema(ctx, items, itemsSite);
  }
  return out;
}

/** `x-…` keys of a 2.0 object, copied to its 3.0 form (vendor extensions mean the same in both). */
export function extensions(value: Record<string, unknown>, except: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k.startsWith("x-") && !except.includes(k)));
}

/** A 2.0 value whose place is a `Located`, as a conversion site. */
export function siteOf(at: Located, to: string): Site {
  return { file: at.file, pointer: at.pointer, to };
}
