// The query codec's writer: a shape visitor that appends a typed value to a form as `key=value`
// fields (awsQuery and ec2Query request bodies), printed as statements and module-private
// `query_<Type>` functions. Keys are built from names known when generating, so they are
// percent-encoded here, once; values are percent-encoded at run time (RFC 3986).
//
//   awsQuery, input { Tags: ["a", "b"], Nested: { Name: "x y" } } →
//     Tags.member.1=a&Tags.member.2=b&Nested.Name=x%20y
//   ec2Query, the same input → Tags.1=a&Tags.2=b&Nested.Name=x%20y
//
//   query_TagList: function query_TagList(form: string[], key: string, flat: boolean, value: TagList): void {
//     if (value.length === 0) { form.push(key + "="); return; }
//     const base = flat ? key + "." : key + ".member.";
//     let n = 0;
//     for (const item of value) { n++; form.push(base + n + "=" + encodeQueryComponent(item)); }
//   }
//
// The two dialects (options of the writer):
// - awsQuery: a member's key is its `@xmlName`, else its name; lists are `Key.member.N` (the list
//   member's `@xmlName` instead of `member`) or, `@xmlFlattened`, `Key.N`; an empty list is sent
//   as `Key=`; maps are `Key.entry.N.key` / `.value` (`@xmlName` on the map's key and value) or,
//   flattened, `Key.N.key`.
// - ec2Query: a member's key is its `@ec2QueryName`, else its `@xmlName` or name with the first
//   letter upper-cased; lists are always flattened (`Key.N`) and an empty list is not sent.
// Both: structures and unions nest with dots (`A.B`), timestamps are date-time unless
// `@timestampFormat` says otherwise, blobs base64, floats `NaN` / `Infinity` / `-Infinity`,
// booleans `true` / `false`; an empty map or structure sends nothing. Nested members left unset
// get their `@default` (shared/defaults.ts); the members of an operation input do not. Documents
// (which neither protocol defines) and union members targeting `Unit` are not sent, with a warning.
// A structure's required members come first (the AWS SDK's order; the order carries no meaning).

import { shapeOf, type Member, type Operation, type Ref, type Shape, type StructureShape, type UnionShape } from "../../../model/ir.js";
import { propertyAccess } from "../../../naming/names.js";
import { typeOf } from "../../../emit/type-ref.js";
import type { SerializerContext } from "../../protocol.js";
import { BIG_NUMBERS, RUNTIME } from "../../symbols.js";
import { defaultExpression } from "../../shared/defaults.js";
import { timestampValue } from "../json/writer.js";
import { append } from "../../../lists.js";

export interface QueryWriterOptions {
  /** awsQuery or ec2Query naming and list rules (see the head comment). */
  readonly dialect: "awsQuery" | "ec2Query";
}

export interface QueryWriter extends QueryWriterOptions {
  readonly ctx: SerializerContext;
}

export function queryWriter(ctx: SerializerContext, options: QueryWriterOptions): QueryWriter {
  return { ctx, ...options };
}

/** The name of a structure or union member in a form key, not yet percent-encoded. */
export function queryMemberName(w: QueryWriter, m: Member): string {
  switch (w.dialect) {
    case "awsQuery":
      return m.xml?.name ?? m.name;
    case "ec2Query":
      return m.ec2QueryName ?? upperFirst(m.xml?.name ?? m.name);
    default: {
      const never: never = w.dialect;
      throw new Error(`internal: unknown query dialect ${String(never)}`);
    }
  }
}

/**
 * The statements that append the fields of an operation input `expr` (a value of `input`) to the
 * `string[]` named `form`, keys without a prefix. None for an input without members.
 */
export function queryInputLines(w: QueryWriter, form: string, expr: string, input: StructureShape): string[] {
  if (input.members.length === 0) return [];
  return [`${writerFunction(w, input)}(${form}, "", ${expr});`];
}

/** The form text `name=value` of a field whose name and value are known now, percent-encoded. */
export function constantField(name: string, value: string): string {
  return `${encodeKey(name)}=${encodeKey(value)}`;
}

// --- keys -----------------------------------------------------------------------------------

/** A key being built: literal text (already percent-encoded) and expressions, concatenated. */
type KeyPart = { readonly text: string } | { readonly expr: string };

const text = (s: string): KeyPart => ({ text: s });
const expr = (s: string): KeyPart => ({ expr: s });

/** `[expr("prefix"), text("Foo"), text("=")]` → `prefix + "Foo="`. */
function concat(parts: readonly KeyPart[]): string {
  const merged: KeyPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ("text" in part && part.text === "") continue;
    if ("text" in part && last !== undefined && "text" in last) merged[merged.length - 1] = text(last.text + part.text);
    else merged.push(part);
  }
  if (merged.length === 0) return `""`;
  // A number first would add rather than concatenate; every key starts with a string here.
  return merged.map((p) => ("text" in p ? JSON.stringify(p.text) : p.expr)).join(" + ");
}

/** Percent-encodes a name as RFC 3986 says (what the runtime's `encodeQueryComponent` does). */
function encodeKey(name: string): string {
  return encodeURIComponent(name).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// --- values ---------------------------------------------------------------------------------

/**
 * Statements that append the fields of `value` (a value of the ref's target) under `key`.
 * `flattened` is the member's `@xmlFlattened`; `where` names the position for warnings.
 */
function fieldLines(w: QueryWriter, form: string, key: readonly KeyPart[], value: string, ref: Ref, flattened: boolean, where: string): string[] {
  const shape = shapeOf(w.ctx.model, ref.target);
  const file = w.ctx.file;
  const push = (s: string) => [`${form}.push(${concat([...key, text("=")])} + ${file.use(RUNTIME.encodeQueryComponent)}(${s}));`];
  switch (shape.type) {
    case "string":
    case "enum":
      return push(value);
    case "boolean":
      // `true` / `false` need no escaping.
      return [`${form}.push(${concat([...key, text("=")])} + String(${value}));`];
    case "number":
      if (shape.kind === "bigDecimal") return push(`${file.use(BIG_NUMBERS.decimalText)}(${value})`);
      // Escaped too: `1e+21`.
      return push(`String(${value})`);
    case "intEnum":
      return push(`String(${value})`);
    case "blob":
      return push(`${file.use(RUNTIME.toBase64)}(${value})`);
    case "timestamp": {
      const format = ref.timestampFormat ?? shape.format ?? "date-time";
      const written = timestampValue(w, format, value);
      return push(format === "epoch-seconds" ? `String(${written})` : written);
    }
    case "structure":
    case "union":
      if (shape.members.length === 0) return [];
      return [`${writerFunction(w, shape)}(${form}, ${concat([...key, text(".")])}, ${value});`];
    case "list":
      if (w.dialect === "ec2Query") return [`${writerFunction(w, shape)}(${form}, ${concat(key)}, ${value});`];
      return [`${writerFunction(w, shape)}(${form}, ${concat(key)}, ${flattened}, ${value});`];
    case "map":
      return [`${writerFunction(w, shape)}(${form}, ${concat(key)}, ${flattened}, ${value});`];
    case "unit":
      notSent(w, where, "targets `smithy.api#Unit`, which has no form value");
      return [];
    case "document":
    case "alternatives":
      notSent(w, where, `is a ${shape.type === "document" ? "document" : "choice of shapes"}, which ${w.dialect} cannot send`);
      return [];
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

function notSent(w: QueryWriter, where: string, why: string): void {
  w.ctx.diags.warning("PROTOCOL_QUERY_NOT_SENT", `${where} ${why}: its requests leave it out`, {
    hint: `Send it through another protocol, or model it as a structure, list or map.`,
  });
}

// --- functions ------------------------------------------------------------------------------

/** The module-private writer of a list, map, structure or union; printed once per file. */
function writerFunction(w: QueryWriter, shape: Shape): string {
  const name = w.ctx.names.codecFunction("query", shape.id);
  return w.ctx.need(name, () => printWriter(w, shape, name));
}

function printWriter(w: QueryWriter, shape: Shape, name: string): string[] {
  const { ctx } = w;
  const type = ctx.file.use({ name: typeOf(ctx.names, ctx.model, shape.id), file: "types.ts", kind: "type" });
  switch (shape.type) {
    case "structure":
    case "union":
      return [`function ${name}(form: string[], prefix: string, value: ${type}): void {`, ...memberLines(w, shape).map((l) => "  " + l), `}`];
    case "list": {
      const ec2 = w.dialect === "ec2Query";
      const head = ec2 ? `function ${name}(form: string[], key: string, value: ${type}): void {` : `function ${name}(form: string[], key: string, flat: boolean, value: ${type}): void {`;
      const item = fieldLines(w, "form", [expr("base"), expr("n")], "item", shape.member, false, `An item of the list \`${shape.id}\``);
      const base = ec2 ? `key + "."` : `flat ? key + "." : key + ${JSON.stringify("." + encodeKey(shape.member.xml?.name ?? "member") + ".")}`;
      return [
        head,
        ...(ec2 ? [] : [`  if (value.length === 0) {`, `    form.push(key + "=");`, `    return;`, `  }`]),
        `  const base = ${base};`,
        `  let n = 0;`,
        `  for (const item of value) {`,
        ...(shape.member.nullable ? [`    if (item == null) continue;`] : []),
        `    n++;`,
        ...item.map((l) => "    " + l),
        `  }`,
        `}`,
      ];
    }
    case "map": {
      const keyName = encodeKey(shape.key.xml?.name ?? "key");
      const valueName = encodeKey(shape.value.xml?.name ?? "value");
      const keyLines = fieldLines(w, "form", [expr("base"), expr("n"), text("." + keyName)], "k", shape.key, false, `The key of the map \`${shape.id}\``);
      const valueLines = fieldLines(w, "form", [expr("base"), expr("n"), text("." + valueName)], "item", shape.value, false, `The value of the map \`${shape.id}\``);
      return [
        `function ${name}(form: string[], key: string, flat: boolean, value: ${type}): void {`,
        `  const base = flat ? key + "." : key + ".entry.";`,
        `  let n = 0;`,
        `  for (const [k, item] of Object.entries(value)) {`,
        `    if (item ${shape.value.nullable ? "==" : "==="} ${shape.value.nullable ? "null" : "undefined"}) continue;`,
        `    n++;`,
        ...[...keyLines, ...valueLines].map((l) => "    " + l),
        `  }`,
        `}`,
      ];
    }
    default:
      throw new Error(`internal: no query writer for ${shape.type} ${shape.id}`);
  }
}

/** The statements of a structure or union writer: each member that is set (or has a default). */
function memberLines(w: QueryWriter, shape: StructureShape | UnionShape): string[] {
  const { ctx } = w;
  const topLevel = shape.type === "structure" && ctx.model.operations.some((op) => op.input === shape.id);
  const lines: string[] = [];
  // Required members first, then the others, each in model order: the order of form fields
  // carries no meaning, and this one is the AWS SDK's, so both put the same bytes on the wire.
  const ordered = [...shape.members.filter((m) => m.required), ...shape.members.filter((m) => !m.required)];
  ordered.forEach((m) => {
    const i = shape.members.indexOf(m);
    const where = `The member \`${shape.id}$${m.name}\``;
    if (m.idempotencyToken && !topLevel) {
      ctx.diags.warning("PROTOCOL_TRAIT_NOT_BUILT", `${where} has @idempotencyToken, which Shapesmith fills in only on an operation's input: a nested token left unset is not sent`, {
        hint: "Set the token yourself, or move it to the operation's input.",
      });
    }
    const key = [expr("prefix"), text(encodeKey(queryMemberName(w, m)))];
    const flattened = m.xml?.flattened === true;
    const access = propertyAccess("value", m.name);
    const fill = topLevel || shape.type === "union" ? undefined : defaultExpression(ctx.model, m);
    if (fill !== undefined) {
      append(lines, [`const v${i} = ${access} ?? ${fill};`, ...fieldLines(w, "form", key, `v${i}`, m, flattened, where)]);
      return;
    }
    // A property that objects inherit (`constructor`) is read once, as an own property, into a local.
    const local = access.startsWith("(") ? `v${i}` : access;
    const written = fieldLines(w, "form", key, local, m, flattened, where);
    if (written.length === 0) return;
    if (local !== access) lines.push(`const ${local} = ${access};`);
    if (written.length === 1) lines.push(`if (${local} !== undefined) ${written[0]}`);
    else append(lines, [`if (${local} !== undefined) {`, ...written.map((l) => "  " + l), `}`]);
  });
  return lines;
}

/**
 * The form body of an operation's request: `Action=<Op>&Version=<service version>` and the
 * input's fields. `lines` declare the `form` array; `body` is the string expression.
 */
export function queryBody(w: QueryWriter, op: Operation, input: StructureShape | undefined): { lines: string[]; body: string } {
  const version = w.ctx.model.service.version;
  if (version === undefined) {
    w.ctx.diags.warning("PROTOCOL_QUERY_NO_VERSION", `Service \`${w.ctx.model.service.id}\` has no version: its ${w.dialect} requests send no \`Version\` field`, {
      hint: "Give the service a `version` (the API version its servers expect, e.g. \"2010-05-08\").",
    });
  }
  const fixed = [constantField("Action", op.name), ...(version === undefined ? [] : [constantField("Version", version)])];
  const fields = input ? queryInputLines(w, "form", "input", input) : [];
  if (fields.length === 0) return { lines: [], body: JSON.stringify(fixed.join("&")) };
  return { lines: [`const form: string[] = [${fixed.map((f) => JSON.stringify(f)).join(", ")}];`, ...fields], body: `form.join("&")` };
}
