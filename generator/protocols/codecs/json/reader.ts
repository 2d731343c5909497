// The JSON codec's reader: a shape visitor that turns a parsed JSON value into the typed output
// value, checking every type on the way, printed as expressions and module-private
// `json_<Type>(value, path)` functions (via `ctx.need`) in `deserializers.ts`.
//
//   jsonRead(reader, "v", { target: "smithy.api#Timestamp" }, "path", "When") → 'fromEpochSeconds(v, path, "When")'
//   jsonRead(reader, "v", { target: "ns#TagList" }, "path", "Tags")           → 'json_TagList(v, path + ".Tags")'
//   json_TagList: function json_TagList(value: unknown, path: string): TagList {
//                   const list = expectArray(value, path);
//                   const out: TagList = [];
//                   for (let i = 0; i < list.length; i++) { const item = list[i]; if (item !== null) out.push(json_Tag(item, path + "[" + i + "]")); }
//                   return out;
//                 }
//
// The inverse of codecs/json/writer.ts: member names by `@jsonName` when the protocol uses it,
// timestamps by `@timestampFormat` or the protocol's default, blobs base64, floats also as the
// strings `NaN`/`Infinity`/`-Infinity`, bigInteger → bigint and bigDecimal → its exact text (from a
// number, whose text the exact parser keeps, or a string), documents as they are, a union as
// `{ member: value }` or `{ $unknown: [name, value] }`, an OpenAPI oneOf / anyOf as the variant
// the value is (alternatives.ts). `null` means absent, except in sparse
// lists and maps. OpenAPI structures keep the properties no member names when their
// `additionalProperties` allows them, and never read a `writeOnly` member. A missing member gets its `@default`; a missing `@required` one without a
// default gets its type's zero value (Smithy's client error correction). A value of the wrong
// type anywhere throws a `WireTypeError` naming the place (read.ts).
//
// Plug-in point for other codecs whose parsers give JSON-like trees (CBOR): `flavor` selects how
// the scalars that differ are read; lists, maps, structures and unions are shared.

import { objectKey } from "../../../emit/layout.js";
import { shapeOf, type Member, type Ref, type ResolvedModel, type Shape, type ShapeId, type StructureShape, type TimestampFormat } from "../../../model/ir.js";
import { propertyAccess } from "../../../naming/names.js";
import { setProperty } from "../../../emit/print.js";
import type { Sym } from "../../../emit/file-builder.js";
import { importedRefType, typeOf } from "../../../emit/type-ref.js";
import { childRefs } from "../../../model/refs.js";
import type { SerializerContext } from "../../protocol.js";
import { CBOR, JSONR, READ } from "../../symbols.js";
import { defaultExpression } from "../../shared/defaults.js";
import { printAlternativesReader } from "./alternatives.js";

export interface JsonReaderOptions {
  /** `cbor`: the tree comes from the CBOR decoder (blobs are bytes, timestamps tag 1, floats numbers). Others may add flavors. */
  readonly flavor?: "json" | "cbor";
  /** Member names by `@jsonName` (restJson1). */
  readonly useJsonName: boolean;
  readonly defaultTimestamp: TimestampFormat;
  /** `@timestampFormat` is ignored (Smithy RPC v2). */
  readonly ignoreTimestampFormat?: boolean;
  /**
   * Some response of the model is parsed exactly (`needsExactNumbers`): documents may hold
   * `NumberText`s and are made plain.
   */
  readonly exactNumbers?: boolean;
}

export interface JsonReader extends JsonReaderOptions {
  readonly ctx: SerializerContext;
}

export function jsonReader(ctx: SerializerContext, options: JsonReaderOptions): JsonReader {
  return { ctx, ...options };
}

/** The name of a member in a JSON object. */
export function jsonReadName(r: JsonReader, m: Member): string {
  return r.useJsonName && m.jsonName !== undefined ? m.jsonName : m.name;
}

/** `path + ".Name"` (or `path + "[\"x-y\"]"`) as an expression, the place of a member for messages. */
export function memberPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path} + ${JSON.stringify("." + key)}` : `${path} + ${JSON.stringify("[" + JSON.stringify(key) + "]")}`;
}

/**
 * An expression reading `expr` (a parsed value, not null) as a value of the ref's target. `path`
 * is an expression for the place of the value's container, `key` an expression (or undefined)
 * naming the value in it; aggregates get `path + key` as their own place.
 */
export function jsonRead(r: JsonReader, expr: string, ref: Ref, path: string, key: string | undefined, into: "typed" | "untyped" = "typed"): string {
  const shape = shapeOf(r.ctx.model, ref.target);
  const file = r.ctx.file;
  const args = key === undefined ? `${expr}, ${path}` : `${expr}, ${path}, ${key}`;
  // Into an `out: Record<string, unknown>` (a structure's members), an enum needs no `as` to its
  // type: the structure's own `as` gives every member its type, and each assertion is a type
  // comparison tsc makes (Cognito: 103 of them in deserializers.ts).
  const cast = (type: string) => (into === "typed" ? ` as ${type}` : "");
  const own = key === undefined ? path : /^"/.test(key) ? memberPath(path, JSON.parse(key) as string) : `${file.use(READ.placeOf)}(${path}, ${key})`;
  if (r.flavor === "cbor") {
    // The CBOR forms (codecs/cbor/reader.ts): cbor.ts's readers return undefined for another type.
    const cbor = (reader: Sym, expected: string) => `(${file.use(reader)}(${expr}) ?? ${file.use(READ.fail)}(${path}, ${key ?? "undefined"}, ${JSON.stringify(expected)}, ${expr}))`;
    switch (shape.type) {
      case "blob":
        return `${file.use(READ.expectBytes)}(${args})`;
      case "timestamp":
        return cbor(CBOR.cborTimestamp, "a timestamp (tag 1, epoch seconds)");
      case "number":
        if (shape.kind === "float" || shape.kind === "double") return cbor(CBOR.cborFloat, "a number");
        if (shape.kind === "bigDecimal") return cbor(CBOR.cborBigDecimal, "a decimal number (tag 4)");
        break;
      default:
        break;
    }
  }
  switch (shape.type) {
    case "string":
      return `${file.use(READ.expectString)}(${args})`;
    case "enum":
      // A value the model does not list is kept (a newer service may send it).
      return `${file.use(READ.expectString)}(${args})${cast(importedRefType(file, r.ctx.names, r.ctx.model, { target: shape.id }))}`;
    case "boolean":
      return `${file.use(READ.expectBoolean)}(${args})`;
    case "intEnum":
      return `${file.use(READ.expectInteger)}(${expr}, 32, ${path}${key === undefined ? "" : ", " + key})${cast(importedRefType(file, r.ctx.names, r.ctx.model, { target: shape.id }))}`;
    case "number":
      switch (shape.kind) {
        case "byte":
        case "short":
        case "integer":
        case "long": {
          const bits = { byte: 8, short: 16, integer: 32, long: 64 }[shape.kind];
          return `${file.use(READ.expectInteger)}(${expr}, ${bits}, ${path}${key === undefined ? "" : ", " + key})`;
        }
        case "float":
        case "double":
          return `${file.use(READ.expectNumber)}(${args})`;
        case "bigInteger":
          return `${file.use(READ.expectBigInteger)}(${args})`;
        case "bigDecimal":
          return `${file.use(READ.expectBigDecimal)}(${args})`;
        default: {
          const never: never = shape.kind;
          throw new Error(`internal: unknown number kind ${String(never)}`);
        }
      }
    case "blob":
      return `${file.use(READ.expectBase64)}(${args})`;
    case "timestamp": {
      const format = r.ignoreTimestampFormat ? r.defaultTimestamp : (ref.timestampFormat ?? shape.format ?? r.defaultTimestamp);
      return `${file.use(timestampReader(format))}(${args})`;
    }
    case "document":
      return r.exactNumbers ? `${file.use(JSONR.plainDocument)}(${expr})` : expr;
    case "unit":
      return "{}";
    case "alternatives":
    case "list":
    case "map":
    case "structure":
    case "union":
      return `${readerFunction(r, shape)}(${expr}, ${own})`;
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

export function timestampReader(format: TimestampFormat) {
  switch (format) {
    case "epoch-seconds":
      return READ.fromEpochSeconds;
    case "date-time":
      return READ.fromDateTime;
    case "http-date":
      return READ.fromHttpDate;
    default: {
      const never: never = format;
      throw new Error(`internal: unknown timestamp format ${String(never)}`);
    }
  }
}

/**
 * Do values of these shapes (or anything they contain) need numbers read exactly: a bigInteger
 * or bigDecimal somewhere inside? Then the body is parsed by `parseJsonExact`, and documents are
 * made plain after it.
 */
export function needsExactNumbers(model: ResolvedModel, roots: readonly ShapeId[]): boolean {
  const seen = new Set<ShapeId>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const shape = model.shapes.get(id);
    if (shape === undefined) continue;
    if (shape.type === "number" && (shape.kind === "bigInteger" || shape.kind === "bigDecimal")) return true;
    for (const ref of childRefs(shape)) stack.push(ref.target);
  }
  return false;
}

/** The zero value of a required member the response left out (Smithy's client error correction), or undefined when none applies. */
export function zeroValue(model: ResolvedModel, m: Member): string | undefined {
  const shape = shapeOf(model, m.target);
  switch (shape.type) {
    case "string":
    case "enum":
      return `""`;
    case "boolean":
      return "false";
    case "intEnum":
      return "0";
    case "number":
      return shape.kind === "bigInteger" ? "0n" : shape.kind === "bigDecimal" ? `"0"` : "0";
    case "blob":
      return "new Uint8Array(0)";
    case "timestamp":
      return "new Date(0)";
    case "list":
      return "[]";
    case "map":
      return "{}";
    case "document":
    case "unit":
    case "structure":
    case "union":
    case "alternatives":
      return undefined;
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

/**
 * Lines that read the members of a structure from the parsed object `obj` into `out` (a
 * `Record<string, unknown>`): each present member read, a missing one defaulted or error-corrected.
 * Presence is one `v != null` (absent or null), the form `tsc` checks fastest: a `!== undefined &&
 * !== null` pair costs the checker four more expressions and one more branch per member (on
 * Cognito's deserializers.ts, 19% of the expressions checked), and each branch counts towards
 * TypeScript's limit on chains of them (TS2563: one condition per member keeps structures of
 * about 1,000 members within it, such as DocuSign's 674-member accountSettingsInformation).
 */
export function readMembers(r: JsonReader, members: readonly Member[], obj: string, out: string, path: string): string[] {
  const lines: string[] = [];
  members.forEach((m, i) => {
    // OpenAPI `writeOnly`: a client's to send, never in a response (OpenAPI 3.0 §Fixed Fields `writeOnly`).
    if (m.writeOnly) return;
    const wire = jsonReadName(r, m);
    const local = `v${i}`;
    const read = jsonRead(r, local, m, path, JSON.stringify(wire), "untyped");
    const fill = defaultExpression(r.ctx.model, m) ?? (m.required ? zeroValue(r.ctx.model, m) : undefined);
    const call = fill === undefined && !m.nullable && m.name !== "__proto__" ? memberCall(r, local, read, obj, out, path, wire, m.name) : undefined;
    if (call !== undefined) {
      lines.push(call);
      return;
    }
    lines.push(`const ${local} = ${propertyAccess(obj, wire)};`);
    const present = m.nullable ? `${local} !== undefined` : `${local} != null`;
    const value = m.nullable ? `${local} === null ? null : ${read}` : read;
    if (fill === undefined) lines.push(`if (${present}) ${setProperty(out, m.name, value)}`);
    else lines.push(`${setProperty(out, m.name, `${present} ? ${value} : ${fill}`)}`);
  });
  return lines;
}

/**
 * A present-only member read as one statement, `readMember(object, out, path, "Name", expectString);`
 * (`readMember(object, out, path + ".Tags", "Tags", json_TagList);` for an aggregate, with the
 * member's name last when it is not the wire's), when the read is one call of a reader taking the
 * value and then (path, key) or the member's own place; else undefined (the lines of
 * `readMembers`). The same steps at run time (read.ts `readMember`), and one call is the form tsc
 * checks fastest: each local, `if` and reference of `object`, `out` and `path` is a step of its
 * control-flow analysis over the whole function (Cognito's deserializers.ts: tsc's checker work
 * 5.20M -> ~3.9M function calls).
 */
function memberCall(r: JsonReader, local: string, read: string, obj: string, out: string, path: string, wire: string, name: string): string | undefined {
  const key = JSON.stringify(wire);
  const head = /^[\w$\u0001]+\(/.exec(read)?.[0];
  if (head === undefined) return undefined;
  const reader = head.slice(0, -1);
  const place = read === `${head}${local}, ${path}, ${key})` ? path : read === `${head}${local}, ${memberPath(path, wire)})` ? memberPath(path, wire) : undefined;
  if (place === undefined) return undefined;
  const rename = name === wire ? "" : `, ${JSON.stringify(name)}`;
  return `${r.ctx.file.use(READ.readMember)}(${obj}, ${out}, ${place}, ${key}, ${reader}${rename});`;
}

/**
 * Lines that copy the properties of `obj` that no member names into `out`, when the structure
 * allows more (OpenAPI `additionalProperties`: `true` keeps them as they are, a schema reads
 * each as its type). None for a structure without (every Smithy structure).
 */
export function readAdditional(r: JsonReader, shape: StructureShape, obj: string, out: string, path: string): string[] {
  const extra = shape.additionalProperties;
  if (extra === undefined) return [];
  const file = r.ctx.file;
  const known = shape.members.map((m) => `key === ${JSON.stringify(jsonReadName(r, m))}`);
  const raw = r.exactNumbers ? `${file.use(JSONR.plainDocument)}(item)` : "item";
  const read = extra === true ? raw : extra.nullable ? `item === null ? null : ${jsonRead(r, "item", extra, path, "key")}` : jsonRead(r, "item", extra, path, "key");
  return [
    `for (const key of Object.keys(${obj})) {`,
    ...(known.length > 0 ? [`  if (${known.join(" || ")}) continue;`] : []),
    `  const item = ${obj}[key];`,
    ...(extra !== true && !extra.nullable ? [`  if (item === null) continue;`] : []),
    `  ${file.use(READ.setEntry)}(${out}, key, ${read});`,
    `}`,
  ];
}

/** `value` (at `path`) as an object: in CBOR, a map with text keys only (not a tag, nor a Map of other keys). */
function expectObject(r: JsonReader): string {
  const file = r.ctx.file;
  if (r.flavor === "cbor") return `${file.use(CBOR.cborMap)}(value) ?? ${file.use(READ.fail)}(path, undefined, "a map", value)`;
  return `${file.use(READ.expectObject)}(value, path)`;
}

/**
 * The module-private reader of a list, map, structure, union or alternatives; printed once per file, and once
 * for the shapes of one declaration (`names.declaredAs`: their types are one type).
 */
function readerFunction(r: JsonReader, shape: Shape): string {
  const declared = shapeOf(r.ctx.model, r.ctx.names.declaredAs(shape.id));
  const name = r.ctx.names.codecFunction(r.flavor === "cbor" ? "cbor" : "json", declared.id);
  return r.ctx.need(name, () => printReader(r, declared, name));
}

function printReader(r: JsonReader, shape: Shape, name: string): string[] {
  const { ctx } = r;
  const file = ctx.file;
  const type = file.use({ name: typeOf(ctx.names, ctx.model, shape.id), file: "types.ts", kind: "type" });
  const head = `function ${name}(value: unknown, path: string): ${type} {`;
  switch (shape.type) {
    case "list": {
      const itemType = importedRefType(file, ctx.names, ctx.model, shape.member);
      const item = jsonRead(r, "item", shape.member, "path", "i");
      const push = shape.member.nullable ? `out.push(item === null ? null : ${item});` : `if (item !== null) out.push(${item});`;
      return [
        head,
        `  const list = ${file.use(READ.expectArray)}(value, path);`,
        `  const out: ${itemType.includes(" | ") ? `(${itemType})` : itemType}[] = [];`,
        `  for (let i = 0; i < list.length; i++) {`,
        `    const item = list[i];`,
        `    ${push}`,
        `  }`,
        `  return out;`,
        `}`,
      ];
    }
    case "map": {
      const item = jsonRead(r, "item", shape.value, "path", "key");
      const value = shape.value.nullable ? `item === null ? null : ${item}` : item;
      return [
        head,
        `  const object = ${expectObject(r)};`,
        `  const out: Record<string, unknown> = {};`,
        `  for (const key of Object.keys(object)) {`,
        `    const item = object[key];`,
        ...(shape.value.nullable ? [] : [`    if (item === null) continue;`]),
        `    ${file.use(READ.setEntry)}(out, key, ${value});`,
        `  }`,
        `  return out as ${type};`,
        `}`,
      ];
    }
    case "structure": {
      return [
        head,
        `  const object = ${expectObject(r)};`,
        `  const out: Record<string, unknown> = {};`,
        ...readMembers(r, shape.members, "object", "out", "path").map((l) => "  " + l),
        ...readAdditional(r, shape, "object", "out", "path").map((l) => "  " + l),
        `  return out as unknown as ${type};`,
        `}`,
      ];
    }
    case "union": {
      const lines = [
        head,
        `  const object = ${expectObject(r)};`,
        `  let found: ${type} | undefined;`,
        `  for (const key of Object.keys(object)) {`,
        `    const item = object[key];`,
        `    if (item === null || item === undefined || key === "__type") continue;`,
        `    if (found !== undefined) ${file.use(READ.fail)}(path, undefined, "one member of a union", value);`,
        `    switch (key) {`,
      ];
      for (const m of shape.members) {
        const wire = jsonReadName(r, m);
        lines.push(`      case ${JSON.stringify(wire)}:`, `        found = { ${m.name === "__proto__" ? `["__proto__"]` : objectKey(m.name, file)}: ${jsonRead(r, "item", m, "path", JSON.stringify(wire))} } as ${type};`, `        break;`);
      }
      lines.push(
        `      default:`,
        `        found = { $unknown: [key, item] } as ${type};`,
        `    }`,
        `  }`,
        `  if (found === undefined) return ${file.use(READ.fail)}(path, undefined, "one member of a union", value);`,
        `  return found;`,
        `}`,
      );
      return lines;
    }
    case "alternatives":
      // An untagged choice (OpenAPI oneOf / anyOf): read as the variant the value is (alternatives.ts).
      return printAlternativesReader({ ctx, exactNumbers: r.exactNumbers === true, wireName: (m) => (r.useJsonName && m.jsonName !== undefined ? m.jsonName : m.name), read: (expr, ref, path) => jsonRead(r, expr, ref, path, undefined) }, shape, name, type);
    default:
      throw new Error(`internal: no JSON reader for ${shape.type} ${shape.id}`);
  }
}

