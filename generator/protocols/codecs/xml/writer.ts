// The XML codec's writer: a shape visitor that turns a typed value into XML text, printed as
// string expressions and module-private `xml_<Type>` functions (helpers from the folder's xml.ts).
//
//   structure Greeting { @xmlAttribute lang: String, @xmlName("Text") text: String, tags: TagList }
//   xmlElementExpr(writer, "input.greeting", member greeting, "greeting")
//     → 'xml_Greeting(input.greeting, "greeting", "")'
//   function xml_Greeting(value: Greeting, tag: string, xmlns: string): string {
//     let attrs = xmlns;
//     let content = "";
//     if (value.lang !== undefined) attrs += " lang=\"" + escapeXmlAttribute(value.lang) + "\"";
//     if (value.text !== undefined) content += "<Text>" + escapeXmlText(value.text) + "</Text>";
//     if (value.tags !== undefined) content += xmlElement("tags", "", xml_TagList(value.tags, "member", ""));
//     return xmlElement(tag, attrs, content);
//   }
//   { lang: "en", text: "a<b", tags: ["x"] } → <greeting lang="en"><Text>a&lt;b</Text><tags><member>x</member></tags></greeting>
//
// The element of a value is named by whoever holds it: a structure member by its `@xmlName` or
// name, a list item by the list member's `@xmlName` or `member`, a map entry's key and value by
// their `@xmlName` or `key` / `value`. So structure, union, list and map functions take the tag
// (and the `xmlns` attribute text) from their caller; lists and maps return their items only,
// which the caller wraps (`<tags>...</tags>`) or, `@xmlFlattened`, leaves unwrapped with each
// item named like the member. `@xmlNamespace` on a member, list member or map key / value puts
// `xmlns` (or `xmlns:prefix`) on that element; on a shape it counts only for the document's root
// (see `rootXmlns`), as Smithy's tests say. Members: required ones first, then the others, in
// model order (as AWS SDK v3 writes them). Scalars: text escaped, booleans and numbers as
// JavaScript prints them (`NaN`, `Infinity`, `-Infinity`), blobs base64, timestamps date-time
// unless `@timestampFormat` says otherwise. Nested members left unset get their `@default`
// (shared/defaults.ts). Documents have no XML form: a warning names the member, which is left out.

import { shapeOf, type Member, type Ref, type Shape, type StructureShape, type TimestampFormat, type XmlTraits } from "../../../model/ir.js";
import { propertyAccess } from "../../../naming/names.js";
import { typeOf } from "../../../emit/type-ref.js";
import type { SerializerContext } from "../../protocol.js";
import { BIG_NUMBERS, RUNTIME, XML } from "../../symbols.js";
import { defaultExpression } from "../../shared/defaults.js";
import { timestampValue } from "../json/writer.js";
import { append } from "../../../lists.js";

export interface XmlWriter {
  readonly ctx: SerializerContext;
  /** Timestamps without `@timestampFormat` (date-time in restXml bodies). */
  readonly defaultTimestamp: TimestampFormat;
}

export function xmlWriter(ctx: SerializerContext, defaultTimestamp: TimestampFormat = "date-time"): XmlWriter {
  return { ctx, defaultTimestamp };
}

/** The XML declaration AWS SDKs put before a document. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** A piece of a string expression: literal text, or code that yields a string. */
type Part = { readonly text: string } | { readonly code: string };
const text = (t: string): Part => ({ text: t });
const code = (c: string): Part => ({ code: c });

/** Concatenation of parts, adjacent literals merged: `"<a>" + x + "</a>"`. */
function concat(parts: readonly Part[]): string {
  const merged: Part[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if ("text" in p && p.text === "") continue;
    if ("text" in p && last !== undefined && "text" in last) merged[merged.length - 1] = text(last.text + p.text);
    else merged.push(p);
  }
  if (merged.length === 0) return `""`;
  return merged.map((p) => ("text" in p ? JSON.stringify(p.text) : p.code)).join(" + ");
}

/** A part as a string expression on its own. */
function partExpr(p: Part): string {
  return "text" in p ? JSON.stringify(p.text) : p.code;
}

/** An attribute value escaped at generation time (namespace URIs). */
function escapeAttributeNow(value: string): string {
  return value.replace(/[&"<>\r\n\t]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** ` xmlns="uri"` or ` xmlns:prefix="uri"`, or "" without a namespace. */
export function xmlnsText(ns: XmlTraits["namespace"]): string {
  if (ns === undefined) return "";
  return ` xmlns${ns.prefix === undefined ? "" : `:${ns.prefix}`}="${escapeAttributeNow(ns.uri)}"`;
}

/** The name of a member's element (or attribute): `@xmlName`, else the member name. */
export function xmlMemberName(m: Member): string {
  return m.xml?.name ?? m.name;
}

/**
 * The `xmlns` text of a document's root element: the service's `@xmlNamespace`, else the one of
 * the member or shape the root stands for (as AWS SDKs do).
 */
export function rootXmlns(w: XmlWriter, ...candidates: (XmlTraits | undefined)[]): string {
  const ns = w.ctx.model.service.xml?.namespace ?? candidates.find((c) => c?.namespace !== undefined)?.namespace;
  return xmlnsText(ns);
}

/**
 * An expression for the whole document whose root element `tag` holds the members of a
 * structure (`input` for a request body) — lines that compute it, and the expression. Top-level
 * members get no `@default` (a server fills those in).
 */
export function xmlDocumentOfMembers(
  w: XmlWriter,
  owner: StructureShape,
  members: readonly Member[],
  value: string,
  tag: string,
  xmlns: string,
): { lines: string[]; body: string } {
  const hasAttributes = members.some((m) => m.xml?.attribute);
  const lines = [`let xml = "";`];
  if (hasAttributes) lines.push(`let xmlAttrs = ${JSON.stringify(xmlns)};`);
  append(lines, memberLines(w, owner, members, value, "xml", "xmlAttrs", false));
  const attrs = hasAttributes ? "xmlAttrs" : JSON.stringify(xmlns);
  return { lines, body: `${JSON.stringify(XML_DECLARATION)} + ${w.ctx.file.use(XML.xmlElement)}(${JSON.stringify(tag)}, ${attrs}, xml)` };
}

/**
 * An expression for the element `<tag xmlns>...</tag>` of `expr`, a value of the ref's target
 * (a wrapped list or map: its items inside). `where` names the place for warnings. Undefined
 * when the value has no XML form (a document); a warning says so.
 */
export function xmlElementExpr(w: XmlWriter, expr: string, ref: Ref, tag: string, xmlns: string, where: string): string | undefined {
  return element(w, expr, ref, text(tag), text(xmlns), where);
}

function element(w: XmlWriter, expr: string, ref: Ref, tag: Part, xmlns: Part, where: string): string | undefined {
  const shape = shapeOf(w.ctx.model, ref.target);
  const xmlElement = () => w.ctx.file.use(XML.xmlElement);
  switch (shape.type) {
    case "unit":
      return `${xmlElement()}(${partExpr(tag)}, ${partExpr(xmlns)}, "")`;
    case "structure":
    case "union":
      return `${writerFunction(w, shape)}(${expr}, ${partExpr(tag)}, ${partExpr(xmlns)})`;
    case "list": {
      const items = `${writerFunction(w, shape)}(${expr}, ${JSON.stringify(shape.member.xml?.name ?? "member")}, ${JSON.stringify(xmlnsText(shape.member.xml?.namespace))})`;
      return `${xmlElement()}(${partExpr(tag)}, ${partExpr(xmlns)}, ${items})`;
    }
    case "map":
      return `${xmlElement()}(${partExpr(tag)}, ${partExpr(xmlns)}, ${writerFunction(w, shape)}(${expr}, "entry", ""))`;
    case "document":
    case "alternatives":
      noXmlForm(w, shape, where);
      return undefined;
    default: {
      const value = scalarText(w, expr, ref, shape, "text");
      return concat([text("<"), tag, xmlns, text(">"), code(value), text("</"), tag, text(">")]);
    }
  }
}

function noXmlForm(w: XmlWriter, shape: Shape, where: string): void {
  w.ctx.diags.warning(
    "PROTOCOL_TRAIT_NOT_BUILT",
    `${where} targets the ${shape.type} \`${shape.id}\`, which has no XML form in ${w.ctx.trait.id}: it is left out of the request`,
    { hint: "XML protocols do not support documents; model the value as a structure, or send it in a string or blob." },
  );
}

/** A scalar as a string: escaped for element text or an attribute value (strings and enums only need it). */
function scalarText(w: XmlWriter, expr: string, ref: Ref, shape: Shape, place: "text" | "attribute"): string {
  const file = w.ctx.file;
  switch (shape.type) {
    case "string":
    case "enum":
      return `${file.use(place === "text" ? XML.escapeXmlText : XML.escapeXmlAttribute)}(${expr})`;
    case "number":
      // bigDecimal: the decimal text, checked (it is a string, and would otherwise go out unescaped).
      if (shape.kind === "bigDecimal") return `${file.use(BIG_NUMBERS.decimalText)}(${expr})`;
      // String() writes NaN, Infinity and -Infinity as Smithy's XML protocols spell them, and a bigint's digits.
      return `String(${expr})`;
    case "intEnum":
    case "boolean":
      return `String(${expr})`;
    case "blob":
      return `${file.use(RUNTIME.toBase64)}(${expr})`;
    case "timestamp": {
      const format = ref.timestampFormat ?? shape.format ?? w.defaultTimestamp;
      const value = timestampValue(w, format, expr);
      return format === "epoch-seconds" ? `String(${value})` : value;
    }
    case "unit":
    case "document":
    case "list":
    case "map":
    case "structure":
    case "union":
    case "alternatives":
      throw new Error(`internal: ${shape.type} ${shape.id} is no XML scalar`);
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

/**
 * Statements that add the members of a structure held in `value` to the string variables
 * `content` (elements) and `attrs` (`@xmlAttribute` members).
 */
function memberLines(
  w: XmlWriter,
  owner: StructureShape,
  members: readonly Member[],
  value: string,
  content: string,
  attrs: string,
  fillDefaults: boolean,
): string[] {
  const lines: string[] = [];
  // Required members first, then the others, each in model order: the order AWS SDK v3 writes
  // (XML order carries no meaning in Smithy's XML protocols; this keeps our bytes equal to theirs).
  [...members.filter((m) => m.required), ...members.filter((m) => !m.required)].forEach((m, i) => {
    const where = `Member \`${owner.id}$${m.name}\``;
    const fill = fillDefaults ? defaultExpression(w.ctx.model, m) : undefined;
    const access = propertyAccess(value, m.name);
    // The value read once into a local when it needs a default or is no plain property read
    // (`constructor`, `__proto__`), so that TypeScript narrows it.
    const local = fill !== undefined || access.startsWith("(") ? `v${i}` : access;
    const add = memberStatement(w, m, local, content, attrs, where);
    if (add === undefined) return;
    // XML has no null: a nullable member (OpenAPI `nullable`) set to null is left out, as an unset one.
    const present = m.nullable === true ? "!= null" : "!== undefined";
    if (fill !== undefined) {
      lines.push(`const ${local} = ${access} ?? ${fill};`, add);
    } else if (local !== access) {
      lines.push(`const ${local} = ${access};`, `if (${local} ${present}) ${add}`);
    } else {
      lines.push(`if (${access} ${present}) ${add}`);
    }
  });
  return lines;
}

/** One statement that adds a member's (defined) value `expr`, or undefined when it has no XML form. */
function memberStatement(w: XmlWriter, m: Member, expr: string, content: string, attrs: string, where: string): string | undefined {
  const shape = shapeOf(w.ctx.model, m.target);
  const name = xmlMemberName(m);
  if (m.xml?.attribute) {
    if (shape.type === "list" || shape.type === "map" || shape.type === "structure" || shape.type === "union" || shape.type === "unit" || shape.type === "document" || shape.type === "alternatives") {
      w.ctx.diags.warning("PROTOCOL_TRAIT_NOT_BUILT", `${where} has @xmlAttribute but targets the ${shape.type} \`${shape.id}\`, which cannot be an attribute: it is left out of the request`, {
        hint: "@xmlAttribute applies to members that target a boolean, number, string or timestamp.",
      });
      return undefined;
    }
    return `${attrs} += ${concat([text(` ${name}="`), code(scalarText(w, expr, m, shape, "attribute")), text(`"`)])};`;
  }
  const ns = m.xml?.namespace;
  if (m.xml?.flattened && (shape.type === "list" || shape.type === "map")) {
    // Flattened: each item is an element named like the member, without a wrapper.
    const itemNs = shape.type === "list" ? (ns ?? shape.member.xml?.namespace) : ns;
    return `${content} += ${writerFunction(w, shape)}(${expr}, ${JSON.stringify(name)}, ${JSON.stringify(xmlnsText(itemNs))});`;
  }
  const el = element(w, expr, m, text(name), text(xmlnsText(ns)), where);
  return el === undefined ? undefined : `${content} += ${el};`;
}

/** The module-private writer of a list, map, structure or union; printed once per file. */
function writerFunction(w: XmlWriter, shape: Shape): string {
  const name = w.ctx.names.codecFunction("xml", shape.id);
  return w.ctx.need(name, () => printWriter(w, shape, name));
}

function printWriter(w: XmlWriter, shape: Shape, name: string): string[] {
  const { ctx } = w;
  const type = ctx.file.use({ name: typeOf(ctx.names, ctx.model, shape.id), file: "types.ts", kind: "type" });
  const xmlElement = ctx.file.use(XML.xmlElement);
  switch (shape.type) {
    case "list": {
      // Items named `tag` with `xmlns`; the caller wraps them unless the member is flattened.
      const lines = [`function ${name}(value: ${type}, tag: string, xmlns: string): string {`, `  let content = "";`];
      const item = element(w, "item", shape.member, code("tag"), code("xmlns"), `A member of list \`${shape.id}\``);
      if (shape.member.nullable) sparseWarning(w, shape);
      if (item !== undefined) {
        lines.push(`  for (const item of value) {`);
        if (shape.member.nullable) lines.push(`    if (item === null) continue;`);
        lines.push(`    content += ${item};`, `  }`);
      }
      lines.push(`  return content;`, `}`);
      return lines;
    }
    case "map": {
      // Entries named `tag` with `xmlns`, each `<key>k</key><value>v</value>` (names by @xmlName).
      const lines = [`function ${name}(value: ${type}, tag: string, xmlns: string): string {`, `  let content = "";`];
      const key = element(w, "key", shape.key, text(shape.key.xml?.name ?? "key"), text(xmlnsText(shape.key.xml?.namespace)), `The key of map \`${shape.id}\``);
      const item = element(w, "item", shape.value, text(shape.value.xml?.name ?? "value"), text(xmlnsText(shape.value.xml?.namespace)), `The value of map \`${shape.id}\``);
      if (shape.value.nullable) sparseWarning(w, shape);
      if (key !== undefined && item !== undefined) {
        lines.push(`  for (const [key, item] of Object.entries(value)) {`);
        if (shape.value.nullable) lines.push(`    if (item === null) continue;`);
        lines.push(`    content += ${xmlElement}(tag, xmlns, ${key} + ${item});`, `  }`);
      }
      lines.push(`  return content;`, `}`);
      return lines;
    }
    case "structure": {
      const hasAttributes = shape.members.some((m) => m.xml?.attribute);
      const attrs = hasAttributes ? "attrs" : "xmlns";
      return [
        `function ${name}(value: ${type}, tag: string, xmlns: string): string {`,
        ...(hasAttributes ? [`  let attrs = xmlns;`] : []),
        `  let content = "";`,
        ...memberLines(w, shape, shape.members, "value", "content", "attrs", true).map((l) => "  " + l),
        `  return ${xmlElement}(tag, ${attrs}, content);`,
        `}`,
      ];
    }
    case "union": {
      const lines = [`function ${name}(value: ${type}, tag: string, xmlns: string): string {`];
      shape.members.forEach((m, i) => {
        const access = propertyAccess("value", m.name);
        const local = access.startsWith("(") ? `v${i}` : access;
        const el = element(w, local, m, text(xmlMemberName(m)), text(xmlnsText(m.xml?.namespace)), `Member \`${shape.id}$${m.name}\``);
        if (el === undefined) return;
        const ret = `return ${xmlElement}(tag, xmlns, ${el});`;
        if (local !== access) lines.push(`  const ${local} = ${access};`, `  if (${local} !== undefined) ${ret}`);
        else lines.push(`  if (${access} !== undefined) ${ret}`);
      });
      lines.push(`  return ${xmlElement}(tag, xmlns, "");`, `}`);
      return lines;
    }
    default:
      throw new Error(`internal: no XML writer for ${shape.type} ${shape.id}`);
  }
}

function sparseWarning(w: XmlWriter, shape: Shape): void {
  w.ctx.diags.warning("PROTOCOL_TRAIT_NOT_BUILT", `\`${shape.id}\` is @sparse, but XML has no null item: null items are left out of the request`, {
    hint: "Leave nulls out of the value, or drop @sparse.",
  });
}
