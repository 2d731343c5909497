// The XML codec's reader: a shape visitor that turns an element of a parsed response (the tree of
// xml-reader.ts) into the typed output value, checking every scalar on the way, printed as
// expressions and module-private `xml_<Type>` functions (via `ctx.need`) in `deserializers.ts`.
//
//   structure Greeting { @xmlAttribute lang: String, @xmlName("Text") text: String, @xmlFlattened tags: TagList }
//   xmlRead(reader, "child", member greeting, "path", '"greeting"') → 'xml_Greeting(child, path + ".greeting")'
//   function xml_Greeting(el: XmlElement, path: string): Greeting {
//     const out: Record<string, unknown> = {};
//     const a0 = el.attributes["lang"];
//     if (a0 !== undefined) out["lang"] = a0;
//     let f2: XmlElement[] | undefined;
//     for (const child of el.children) {
//       switch (child.name) {
//         case "Text": out["text"] = child.text; break;
//         case "tags": (f2 ??= []).push(child); break;
//       }
//     }
//     if (f2 !== undefined) out["tags"] = xml_TagList(f2, path + ".tags");
//     return out as unknown as Greeting;
//   }
//   <greeting lang="en"><Text>a&lt;b</Text><tags>x</tags><tags>y</tags></greeting>
//     → { lang: "en", text: "a<b", tags: ["x", "y"] }
//
// The inverse of codecs/xml/writer.ts. A member is the child element named by its `@xmlName` (or
// its name), an `@xmlAttribute` member the attribute so named; names match as written, a
// namespace prefix included (`xsi:someName`). `@xmlNamespace` says where a writer puts `xmlns`
// and changes no name, so a reader ignores it. A list function takes the item elements and a
// map function the entry elements: a wrapped list's items are the children of the member's
// element named by the list member's `@xmlName` (or `member`), a wrapped map's entries its
// `entry` children; `@xmlFlattened`, the items (entries) are the member's elements themselves,
// repeated. An entry holds its key and value as children named by their `@xmlName` (or `key` /
// `value`). Scalars come from the element's text: strings and enums exactly as written
// (whitespace kept), the others trimmed: booleans `true`/`false`, integers checked against
// their kind's range, floats also `NaN`/`Infinity`/`-Infinity`, bigInteger → bigint and
// bigDecimal → its exact text, blobs base64, timestamps date-time unless `@timestampFormat`
// says otherwise. A union is the one child of its element (`{ $unknown: [name, element] }` for
// a member the model does not know). A missing member gets its `@default`; a missing
// `@required` one its type's zero value (Smithy's client error correction). A value of the
// wrong form throws a `WireTypeError` (read.ts) naming its place (`$.items[2].when`), which the
// deserializer turns into a `MalformedResponseError`. Documents have no XML form: a warning
// names the member, which is never read.

import { objectKey } from "../../../emit/layout.js";
import { shapeOf, type Member, type Ref, type Shape, type StructureShape, type TimestampFormat } from "../../../model/ir.js";
import { setProperty } from "../../../emit/print.js";
import { typeOf } from "../../../emit/type-ref.js";
import type { DeserializerContext } from "../../protocol.js";
import { READ, XML_READER } from "../../symbols.js";
import { defaultExpression } from "../../shared/defaults.js";
import { timestampReader, zeroValue } from "../json/reader.js";
import { xmlMemberName } from "./writer.js";
import { append } from "../../../lists.js";

export interface XmlReader {
  readonly ctx: DeserializerContext;
  /** Timestamps without `@timestampFormat` (date-time in XML bodies). */
  readonly defaultTimestamp: TimestampFormat;
}

export function xmlReader(ctx: DeserializerContext, defaultTimestamp: TimestampFormat = "date-time"): XmlReader {
  return { ctx, defaultTimestamp };
}

/** `path + ".name"` (or `path + "[\"x-y\"]"`) as an expression: the place of a member for messages. */
function memberPath(path: string, key: string): string {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? "." + key : "[" + JSON.stringify(key) + "]";
  // A literal path (`"$"`) is joined now: `"$.items"`.
  return /^"[^"\\]*"$/.test(path) ? JSON.stringify((JSON.parse(path) as string) + step) : `${path} + ${JSON.stringify(step)}`;
}

/** The name of the items of a list (`member`, or the list member's `@xmlName`). */
function itemName(shape: Shape): string {
  return shape.type === "list" ? (shape.member.xml?.name ?? "member") : "entry";
}

/**
 * An expression reading the element `el` as a value of the ref's target. `path` is an
 * expression for the place of the element's container, `key` a string literal naming the
 * element in it (for messages); aggregates get their own place.
 */
export function xmlRead(r: XmlReader, el: string, ref: Ref, path: string, key: string): string {
  const shape = shapeOf(r.ctx.model, ref.target);
  const own = memberPath(path, JSON.parse(key) as string);
  switch (shape.type) {
    case "structure":
    case "union":
      return `${readerFunction(r, shape)}(${el}, ${own})`;
    case "list":
    case "map":
      // A wrapped list or map: the element holds the items (entries).
      return `${readerFunction(r, shape)}(${r.ctx.file.use(XML_READER.xmlChildren)}(${el}, ${JSON.stringify(itemName(shape))}), ${own})`;
    case "unit":
      return "{}";
    default:
      return xmlScalar(r, `${el}.text`, ref, shape, path, key);
  }
}

/** An expression reading the text `text` (an element's or an attribute's) as a scalar of the ref's target. */
function xmlScalar(r: XmlReader, text: string, ref: Ref, shape: Shape, path: string, key: string): string {
  const file = r.ctx.file;
  const at = `${path}, ${key}`;
  switch (shape.type) {
    case "string":
    case "enum":
      return text;
    case "boolean":
      return `${file.use(READ.booleanFromText)}(${text}, ${at})`;
    case "intEnum":
      return `${file.use(READ.numberFromText)}(${text}, 32, ${at})`;
    case "number":
      switch (shape.kind) {
        case "byte":
          return `${file.use(READ.numberFromText)}(${text}, 8, ${at})`;
        case "short":
          return `${file.use(READ.numberFromText)}(${text}, 16, ${at})`;
        case "integer":
          return `${file.use(READ.numberFromText)}(${text}, 32, ${at})`;
        case "long":
          return `${file.use(READ.numberFromText)}(${text}, 64, ${at})`;
        case "float":
        case "double":
          return `${file.use(READ.numberFromText)}(${text}, undefined, ${at})`;
        case "bigInteger":
          return `${file.use(READ.expectBigInteger)}(${text}.trim(), ${at})`;
        case "bigDecimal":
          return `${file.use(READ.expectBigDecimal)}(${text}.trim(), ${at})`;
        default: {
          const never: never = shape.kind;
          throw new Error(`internal: unknown number kind ${String(never)}`);
        }
      }
    case "blob":
      return `${file.use(READ.fromBase64)}(${text}.trim(), ${at})`;
    case "timestamp": {
      const format = ref.timestampFormat ?? shape.format ?? r.defaultTimestamp;
      const value = format === "epoch-seconds" ? `${file.use(READ.numberFromText)}(${text}, undefined, ${at})` : `${text}.trim()`;
      return `${file.use(timestampReader(format))}(${value}, ${at})`;
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

/** Whether a member can be read from XML at all; a warning says so when it cannot. */
function readable(r: XmlReader, m: Member, where: string): boolean {
  const shape = shapeOf(r.ctx.model, m.target);
  if (shape.type === "document" || shape.type === "alternatives") {
    r.ctx.diags.warning("PROTOCOL_TRAIT_NOT_BUILT", `${where} targets the ${shape.type} \`${shape.id}\`, which has no XML form in ${r.ctx.trait.id}: it is never read from a response`, {
      hint: "XML protocols do not support documents; model the value as a structure, or carry it in a string or blob.",
    });
    return false;
  }
  if (m.xml?.attribute && (shape.type === "list" || shape.type === "map" || shape.type === "structure" || shape.type === "union" || shape.type === "unit")) {
    r.ctx.diags.warning("PROTOCOL_TRAIT_NOT_BUILT", `${where} has @xmlAttribute but targets the ${shape.type} \`${shape.id}\`, which cannot be an attribute: it is never read from a response`, {
      hint: "@xmlAttribute applies to members that target a boolean, number, string or timestamp.",
    });
    return false;
  }
  return true;
}

/**
 * Lines that read the members of a structure from the element `el` into `out` (a
 * `Record<string, unknown>` the lines do not declare): attributes, then one pass over the
 * children, then flattened lists and maps, then defaults and zero values of missing members.
 * `path` is an expression for the element's place. Without `fill`, the caller fills in (fillMissing).
 */
export function xmlReadMembers(r: XmlReader, owner: StructureShape, members: readonly Member[], el: string, out: string, path: string, fill = true): string[] {
  const file = r.ctx.file;
  const lines: string[] = [];
  const cases: string[] = [];
  const after: string[] = [];
  members.forEach((m, i) => {
    const where = `Member \`${owner.id}$${m.name}\``;
    if (!readable(r, m, where)) return;
    const shape = shapeOf(r.ctx.model, m.target);
    const name = xmlMemberName(m);
    const key = JSON.stringify(name);
    if (m.xml?.attribute) {
      lines.push(`const a${i} = ${el}.attributes[${key}];`, `if (a${i} !== undefined) ${setProperty(out, m.name, xmlScalar(r, `a${i}`, m, shape, path, key))}`);
    } else if (m.xml?.flattened && (shape.type === "list" || shape.type === "map")) {
      // The member's elements are the items (entries) themselves: collected, then read at once.
      const local = `f${i}`;
      lines.push(`let ${local}: ${file.use(XML_READER.XmlElement)}[] | undefined;`);
      cases.push(`case ${key}:`, `  (${local} ??= []).push(child);`, `  break;`);
      after.push(`if (${local} !== undefined) ${setProperty(out, m.name, `${readerFunction(r, shape)}(${local}, ${memberPath(path, name)})`)}`);
    } else {
      cases.push(`case ${key}:`, `  ${setProperty(out, m.name, xmlRead(r, "child", m, path, key))}`, `  break;`);
    }
  });
  if (cases.length > 0) {
    append(lines, [`for (const child of ${el}.children) {`, `  switch (child.name) {`, ...cases.map((l) => "    " + l), `  }`, `}`]);
  }
  append(lines, after);
  if (fill) append(lines, fillMissing(r, members, out));
  return lines;
}

/** Lines that give missing members their `@default`, or a required one its zero value. */
export function fillMissing(r: XmlReader, members: readonly Member[], out: string): string[] {
  const lines: string[] = [];
  for (const m of members) {
    const fill = defaultExpression(r.ctx.model, m) ?? (m.required ? zeroValue(r.ctx.model, m) : undefined);
    if (fill === undefined) continue;
    lines.push(`if (!Object.prototype.hasOwnProperty.call(${out}, ${JSON.stringify(m.name)})) ${setProperty(out, m.name, fill)}`);
  }
  return lines;
}

/**
 * An expression reading a whole element `el` as a structure or union of the ref's target (an
 * `@httpPayload` member, an error): the element's name is not checked.
 */
export function xmlReadElement(r: XmlReader, el: string, ref: Ref, path: string): string {
  const shape = shapeOf(r.ctx.model, ref.target);
  switch (shape.type) {
    case "structure":
    case "union":
      return `${readerFunction(r, shape)}(${el}, ${path})`;
    case "list":
    case "map":
      return `${readerFunction(r, shape)}(${r.ctx.file.use(XML_READER.xmlChildren)}(${el}, ${JSON.stringify(itemName(shape))}), ${path})`;
    case "unit":
      return "{}";
    default:
      return xmlScalar(r, `${el}.text`, ref, shape, path, `"$"`);
  }
}

/** The module-private reader of a list, map, structure or union; printed once per file. */
function readerFunction(r: XmlReader, shape: Shape): string {
  const name = r.ctx.names.codecFunction("xml", shape.id);
  return r.ctx.need(name, () => printReader(r, shape, name));
}

function printReader(r: XmlReader, shape: Shape, name: string): string[] {
  const { ctx } = r;
  const file = ctx.file;
  const type = file.use({ name: typeOf(ctx.names, ctx.model, shape.id), file: "types.ts", kind: "type" });
  const element = file.use(XML_READER.XmlElement);
  switch (shape.type) {
    case "list": {
      // The item elements, in order. XML has no null: a sparse list's items are never null.
      const where = `A member of list \`${shape.id}\``;
      const item = readable(r, { ...shape.member, name: "member", required: false, constraints: {} }, where)
        ? xmlReadItem(r, "items[i]!", shape.member, "path", "i")
        : undefined;
      return [
        `function ${name}(items: readonly ${element}[], path: string): ${type} {`,
        // Items typed by what they were read as (an enum's text is any string the service sends).
        `  const out: unknown[] = [];`,
        ...(item === undefined ? [] : [`  for (let i = 0; i < items.length; i++) out.push(${item});`]),
        `  return out as ${type};`,
        `}`,
      ];
    }
    case "map": {
      // Each entry holds its key and value as children; an entry without a key is malformed, one without a value is left out.
      const keyName = shape.key.xml?.name ?? "key";
      const valueName = shape.value.xml?.name ?? "value";
      const where = `The value of map \`${shape.id}\``;
      const ok = readable(r, { ...shape.value, name: "value", required: false, constraints: {} }, where);
      const lines = [
        `function ${name}(entries: readonly ${element}[], path: string): ${type} {`,
        `  const out: Record<string, unknown> = {};`,
        `  for (const entry of entries) {`,
        `    let key: string | undefined;`,
        `    let value: ${element} | undefined;`,
        `    for (const child of entry.children) {`,
        `      if (child.name === ${JSON.stringify(keyName)}) key = child.text;`,
        `      else if (child.name === ${JSON.stringify(valueName)}) value = child;`,
        `    }`,
        `    if (key === undefined) ${file.use(READ.fail)}(path, undefined, "a map entry with a <${keyName}>", entry.name);`,
      ];
      if (ok) lines.push(`    if (value !== undefined) ${file.use(READ.setEntry)}(out, key, ${xmlReadItem(r, "value", shape.value, "path", "key")});`);
      lines.push(`  }`, `  return out as ${type};`, `}`);
      return lines;
    }
    case "structure": {
      return [
        `function ${name}(el: ${element}, path: string): ${type} {`,
        `  const out: Record<string, unknown> = {};`,
        ...xmlReadMembers(r, shape, shape.members, "el", "out", "path").map((l) => "  " + l),
        `  return out as unknown as ${type};`,
        `}`,
      ];
    }
    case "union": {
      const fail = file.use(READ.fail);
      const lines = [
        `function ${name}(el: ${element}, path: string): ${type} {`,
        `  let found: ${type} | undefined;`,
        `  for (const child of el.children) {`,
        `    if (found !== undefined) ${fail}(path, undefined, "one member of a union", "another <" + child.name + ">");`,
        `    switch (child.name) {`,
      ];
      for (const m of shape.members) {
        if (!readable(r, m, `Member \`${shape.id}$${m.name}\``)) continue;
        const wire = xmlMemberName(m);
        const prop = m.name === "__proto__" ? `["__proto__"]` : objectKey(m.name, file);
        lines.push(`      case ${JSON.stringify(wire)}:`, `        found = { ${prop}: ${xmlRead(r, "child", m, "path", JSON.stringify(wire))} } as ${type};`, `        break;`);
      }
      lines.push(
        `      default:`,
        `        found = { $unknown: [child.name, child] } as ${type};`,
        `    }`,
        `  }`,
        `  if (found === undefined) return ${fail}(path, undefined, "one member of a union", "none");`,
        `  return found;`,
        `}`,
      );
      return lines;
    }
    default:
      throw new Error(`internal: no XML reader for ${shape.type} ${shape.id}`);
  }
}

/** Reads an item or map value element `el`; `index` is an expression (a number or key) for its place. */
function xmlReadItem(r: XmlReader, el: string, ref: Ref, path: string, index: string): string {
  const shape = shapeOf(r.ctx.model, ref.target);
  const own = `${r.ctx.file.use(READ.placeOf)}(${path}, ${index})`;
  switch (shape.type) {
    case "structure":
    case "union":
      return `${readerFunction(r, shape)}(${el}, ${own})`;
    case "list":
    case "map":
      return `${readerFunction(r, shape)}(${r.ctx.file.use(XML_READER.xmlChildren)}(${el}, ${JSON.stringify(itemName(shape))}), ${own})`;
    case "unit":
      return "{}";
    default:
      return xmlScalar(r, `${el}.text`, ref, shape, path, index);
  }
}
