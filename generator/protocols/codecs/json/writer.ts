// The JSON codec's writer: a shape visitor that turns a typed value into its JSON form (a plain
// value for `JSON.stringify`), printed as expressions and module-private `json_<Type>` functions.
//
//   jsonValue(writer, "input.When", { target: "smithy.api#Timestamp" })  → "epochSeconds(input.When)"
//   jsonValue(writer, "input.Tags", { target: "ns#TagList" })            → "json_TagList(input.Tags)"
//   json_TagList: function json_TagList(value: TagList): unknown { return value.map((item) => json_Tag(item)); }
//   json_Tag:     function json_Tag(value: Tag): unknown { return copyMembers(value, {}, ["Key", "Value"]); }
//   json_TagMap (string values): function json_TagMap(value: TagMap): unknown { return value; }
//
// Options per protocol: `jsonName` on or off (awsJson ignores it), the default timestamp format
// (epoch seconds for the AWS protocols, date-time for OpenAPI). Floats write `NaN` and
// `Infinity` as strings; bigInteger (`bigint`) and bigDecimal (decimal text) values are bare JSON
// numbers written digit for digit (`jsonText` picks `stringifyJson` for them), or strings with
// `bigNumbersAsStrings` (rpcv2Json); blobs as base64, documents as they are, a union member that targets
// `Unit` as `{}`. Nested members left unset get their `@default` (see shared/defaults.ts); the
// members of an operation input do not.

import { objectKey } from "../../../emit/layout.js";
import { shapeOf, type Member, type Ref, type ResolvedModel, type Shape, type TimestampFormat } from "../../../model/ir.js";
import { childRefs } from "../../../model/refs.js";
import { propertyAccess } from "../../../naming/names.js";
import { setProperty } from "../../../emit/print.js";
import { typeOf } from "../../../emit/type-ref.js";
import type { SerializerContext } from "../../protocol.js";
import { BIG_NUMBERS, CBOR, RUNTIME } from "../../symbols.js";
import { defaultExpression } from "../../shared/defaults.js";

export interface JsonWriterOptions {
  /**
   * `cbor` builds the value tree the CBOR encoder takes instead: blobs stay bytes, floats stay
   * numbers (`NaN` too), timestamps become tag 1 (epoch seconds). See codecs/cbor/writer.ts.
   */
  readonly flavor?: "json" | "cbor";
  /** Use `@jsonName` for member names (restJson1, OpenAPI). */
  readonly useJsonName: boolean;
  readonly defaultTimestamp: TimestampFormat;
  /** `@timestampFormat` is ignored (Smithy RPC v2 always sends epoch seconds). */
  readonly ignoreTimestampFormat?: boolean;
  /**
   * Nested members left unset stay unset (OpenAPI: a `default` is what the server assumes when
   * the value is not sent, OpenAPI 3.0.3 §Schema Object), instead of getting their `@default`.
   */
  readonly noDefaults?: boolean;
  /** bigInteger and bigDecimal values are JSON strings, to keep their precision (rpcv2Json). */
  readonly bigNumbersAsStrings?: boolean;
}

export interface JsonWriter extends JsonWriterOptions {
  readonly ctx: SerializerContext;
}

export function jsonWriter(ctx: SerializerContext, options: JsonWriterOptions): JsonWriter {
  return { ctx, ...options };
}

/** The name of a member in a JSON object. */
export function jsonMemberName(w: JsonWriter, m: Member): string {
  return w.useJsonName && m.jsonName !== undefined ? m.jsonName : m.name;
}

/** An expression for the JSON form of `expr`, a value of the ref's target. */
export function jsonValue(w: JsonWriter, expr: string, ref: Ref): string {
  const shape = shapeOf(w.ctx.model, ref.target);
  const inner = nonNull(w, expr, shape, ref.timestampFormat);
  return ref.nullable && inner !== expr ? `${expr} === null ? null : ${inner}` : inner;
}

/**
 * The JSON text of a value tree built from values of `refs`: `JSON.stringify`, or the runtime's
 * `stringifyJson` when a bigInteger or bigDecimal can be in it (written as a bare number, digit for
 * digit, which JSON.stringify cannot do).
 */
export function jsonText(w: JsonWriter, tree: string, refs: readonly Ref[]): string {
  return !w.bigNumbersAsStrings && reachesBigNumber(w.ctx.model, refs) ? `${w.ctx.file.use(BIG_NUMBERS.stringifyJson)}(${tree})` : `JSON.stringify(${tree})`;
}

function reachesBigNumber(model: ResolvedModel, refs: readonly Ref[]): boolean {
  const seen = new Set<string>();
  const stack = refs.map((r) => r.target);
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const shape = shapeOf(model, id);
    if (shape.type === "number" && (shape.kind === "bigInteger" || shape.kind === "bigDecimal")) return true;
    for (const child of childRefs(shape)) stack.push(child.target);
  }
  return false;
}

/** The timestamp `expr` in `format`, as a JSON value (a number or a string). */
export function timestampValue(w: { readonly ctx: SerializerContext }, format: TimestampFormat, expr: string): string {
  const file = w.ctx.file;
  switch (format) {
    case "epoch-seconds":
      return `${file.use(RUNTIME.epochSeconds)}(${expr})`;
    case "date-time":
      return `${file.use(RUNTIME.toDateTime)}(${expr})`;
    case "http-date":
      return `${file.use(RUNTIME.toHttpDate)}(${expr})`;
    default: {
      const never: never = format;
      throw new Error(`internal: unknown timestamp format ${String(never)}`);
    }
  }
}

function nonNull(w: JsonWriter, expr: string, shape: Shape, format: TimestampFormat | undefined): string {
  const file = w.ctx.file;
  if (w.flavor === "cbor") {
    switch (shape.type) {
      case "number":
        // bigInteger: a bigint, which the encoder writes as an integer or a bignum (tags 2, 3).
        return shape.kind === "bigDecimal" ? `${file.use(CBOR.cborDecimal)}(${expr})` : expr;
      case "blob":
        return expr;
      case "timestamp":
        return `new ${file.use(CBOR.CborTag)}(1, ${file.use(RUNTIME.epochSeconds)}(${expr}))`;
      case "document":
      case "alternatives":
        return expr;
      default:
        break;
    }
  }
  switch (shape.type) {
    case "string":
    case "enum":
    case "intEnum":
    case "boolean":
      return expr;
    case "unit":
      return "{}";
    case "number":
      if (shape.kind === "bigInteger" || shape.kind === "bigDecimal") {
        if (!w.bigNumbersAsStrings) return `${file.use(BIG_NUMBERS.jsonBigNumber)}(${expr})`;
        return shape.kind === "bigInteger" ? `String(${expr})` : `${file.use(BIG_NUMBERS.decimalText)}(${expr})`;
      }
      return shape.kind === "float" || shape.kind === "double" ? `${file.use(RUNTIME.jsonNumber)}(${expr})` : expr;
    case "blob":
      return `${file.use(RUNTIME.toBase64)}(${expr})`;
    case "timestamp":
      return timestampValue(w, w.ignoreTimestampFormat ? w.defaultTimestamp : (format ?? shape.format ?? w.defaultTimestamp), expr);
    case "document":
    case "alternatives":
      return `${file.use(RUNTIME.plainJson)}(${expr})`;
    case "list":
    case "map":
    case "structure":
    case "union":
      return `${writerFunction(w, shape)}(${expr})`;
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

/**
 * The module-private `copyMembers(value, out, keys)`, printed once per file: copies into `out`
 * the members of `value` named by `keys` that are set, in that order, and returns `out`. Not generic over the value's
 * type (`keys: (keyof T)[]`): that cost tsc an instantiation and a check of every key against the
 * type's keys, half of what the calls save; the keys are the members the type was printed from.
 */
function copyMembers(w: JsonWriter): string {
  return w.ctx.need("copyMembers", () => [
    `/** Copies into \`out\` the members of \`value\` named by \`keys\` that are set (not undefined), in that order; returns \`out\`. */`,
    `function copyMembers(`,
    `  value: object,`,
    `  out: Record<string, unknown>,`,
    `  keys: readonly string[],`,
    `): Record<string, unknown> {`,
    `  for (const key of keys) {`,
    `    const item = (value as Record<string, unknown>)[key];`,
    `    if (item !== undefined) out[key] = item;`,
    `  }`,
    `  return out;`,
    `}`,
  ]);
}

/**
 * The module-private writer of a list, map, structure or union; printed once per file, and once
 * for the shapes of one declaration (`names.declaredAs`: their types are one type).
 */
function writerFunction(w: JsonWriter, shape: Shape): string {
  const declared = shapeOf(w.ctx.model, w.ctx.names.declaredAs(shape.id));
  const name = w.ctx.names.codecFunction(w.flavor === "cbor" ? "cbor" : "json", declared.id);
  return w.ctx.need(name, () => printWriter(w, declared, name));
}

function printWriter(w: JsonWriter, shape: Shape, name: string): string[] {
  const { ctx } = w;
  const type = ctx.file.use({ name: typeOf(ctx.names, ctx.model, shape.id), file: "types.ts", kind: "type" });
  const head = `function ${name}(value: ${type}): unknown {`;
  switch (shape.type) {
    case "list": {
      const item = jsonValue(w, "item", shape.member);
      return [head, item === "item" ? `  return value;` : `  return value.map((item) => ${item});`, `}`];
    }
    case "map": {
      // Entries written as they are: the map itself, as a list of them is (JSON.stringify and the
      // CBOR encoder read the same own entries of it as of a copy; the copy's overloaded, generic
      // calls were 1% of what tsc checks in Cognito's output, issue 12).
      const item = jsonValue(w, "item", shape.value);
      if (item === "item") return [head, `  return value;`, `}`];
      // Object.fromEntries defines properties, so a `__proto__` key stays an ordinary key.
      return [head, `  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ${item}]));`, `}`];
    }
    case "structure": {
      // Defaults fill nested members only; `noDefaults` skips the look-up over every operation
      // (which, per structure, made OpenAPI documents with thousands of both quadratic).
      const fills = !w.noDefaults && !ctx.model.operations.some((op) => op.input === shape.id);
      const lines = [head];
      // Members written as they are (strings, numbers, booleans, enums under their own name) are
      // copied by one `copyMembers` call per run of them, in member order: one string each for
      // tsc to check where an `if` and an assignment cost it ten expressions (a third of the
      // expressions of Cognito's serializers.ts). A first run makes `out` (`const out =
      // copyMembers(value, {}, [...])`), and a structure of one run returns it: a declaration and
      // a statement fewer for tsc to check (issue 12).
      let run: string[] = [];
      let declared = false;
      const declare = () => {
        if (!declared) lines.push(`  const out: Record<string, unknown> = {};`);
        declared = true;
      };
      const endRun = () => {
        if (run.length > 0) {
          const keys = `[${run.map((n) => JSON.stringify(n)).join(", ")}]`;
          if (declared) lines.push(`  ${copyMembers(w)}(value, out, ${keys});`);
          else lines.push(`  const out = ${copyMembers(w)}(value, {}, ${keys});`);
          declared = true;
        }
        run = [];
      };
      shape.members.forEach((m, i) => {
        // OpenAPI `readOnly`: the server's to send, never a client's (OpenAPI 3.0 §Fixed Fields `readOnly`).
        if (m.readOnly) return;
        const access = propertyAccess("value", m.name);
        const fill = fills ? defaultExpression(ctx.model, m) : undefined;
        if (fill === undefined && !access.startsWith("(") && jsonMemberName(w, m) === m.name && jsonValue(w, access, m) === access) {
          run.push(m.name);
          return;
        }
        endRun();
        declare();
        if (fill === undefined && access.startsWith("(")) {
          // An own-property read (`constructor`, `__proto__`): once, into a local that narrows.
          const local = `v${i}`;
          lines.push(`  const ${local} = ${access};`, `  if (${local} !== undefined) ${setProperty("out", jsonMemberName(w, m), jsonValue(w, local, m))}`);
        } else if (fill === undefined) {
          lines.push(`  if (${access} !== undefined) ${setProperty("out", jsonMemberName(w, m), jsonValue(w, access, m))}`);
        } else {
          const local = `v${i}`;
          lines.push(`  const ${local} = ${access} ?? ${fill};`, `  ${setProperty("out", jsonMemberName(w, m), jsonValue(w, local, m))}`);
        }
      });
      endRun();
      // One run and nothing else: its copy is the value written; no member: an empty object.
      if (lines.length === 2 && lines[1]!.startsWith("  const out = ")) return [head, `  return ${lines[1]!.slice("  const out = ".length)}`, `}`];
      if (!declared) return [head, `  return {};`, `}`];
      lines.push(`  return out;`, `}`);
      return lines;
    }
    case "union": {
      const lines = [head];
      shape.members.forEach((m, i) => {
        const access = propertyAccess("value", m.name);
        // A computed key, so that a member named `__proto__` stays an own property.
        const key = jsonMemberName(w, m) === "__proto__" ? `["__proto__"]` : objectKey(jsonMemberName(w, m), w.ctx.file);
        if (access.startsWith("(")) {
          lines.push(`  const v${i} = ${access};`, `  if (v${i} !== undefined) return { ${key}: ${jsonValue(w, `v${i}`, m)} };`);
        } else {
          lines.push(`  if (${access} !== undefined) return { ${key}: ${jsonValue(w, access, m)} };`);
        }
      });
      lines.push(`  return {};`, `}`);
      return lines;
    }
    default:
      throw new Error(`internal: no JSON writer for ${shape.type} ${shape.id}`);
  }
}
