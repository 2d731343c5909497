// Body comparators of the protocol compliance runner, one per `bodyMediaType` the smithy.test
// rules name. Each returns `undefined` when the two bodies are equal for that media type, or a
// message saying where they first differ.
//
//   compareJson('{"a":1.0,"b":[true]}', '{"b":[true],"a":1}')      → undefined (key order, 1.0 = 1)
//   compareJson('{"a":1}', '{"a":2}')                              → "$.a: expected 1, got 2"
//   compareXml('<A x="1" y="2">\n  <B>t</B>\n</A>', '<A y="2" x="1"><B>t</B></A>') → undefined
//   compareXml('<A><B>1</B><C/><B>2</B></A>', '<A><C/><B>1</B><B>2</B></A>') → undefined (B items in order)
//   compareCbor(bytes of {a: 1.0 (float)}, bytes of {a: 1 (int)})  → undefined (by value)
//   compareForm("Action=Op&A=a%20b", "Action=Op&A=a+b")           → undefined (after percent-decoding)
//
// JSON numbers are compared by their exact decimal value from the source text, not through
// float64 (so a bigDecimal that lost digits is caught). XML: element trees, siblings of
// different names in any order and siblings of one name (list items) in order, as Smithy's own
// runners compare parsed XML; attributes order-insensitive, whitespace-only text beside child elements dropped (layout; in a leaf element
// it is the value), entities and CDATA decoded, the declaration ignored (fast-xml-parser).
// CBOR: decoded with cbor2 and compared as data (ints and floats by value, map keys
// order-insensitive, tags kept: a timestamp is tag 1). Forms: fields after percent-decoding (`+`
// is a space), keys in any order, the values of one key in order.

import { decode as decodeCbor, Tag } from "cbor2";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseTree, type Node as JsonNode } from "jsonc-parser";

// ---------------------------------------------------------------------------------------------
// JSON

export function compareJson(expected: string, actual: string): string | undefined {
  const e = parseJson(expected, "expected");
  if (typeof e === "string") return e;
  const a = parseJson(actual, "actual");
  if (typeof a === "string") return a;
  return jsonDiff(e, a, "$");
}

/** A jsonc-parser node with the text it came from (nodes know offsets, not text). */
interface JsonAt {
  readonly node: JsonNode;
  readonly text: string;
}

function parseJson(text: string, which: string): JsonAt | string {
  try {
    JSON.parse(text); // strict validity first: jsonc-parser alone would accept comments and trailing commas
  } catch (error) {
    return `${which} body is not JSON (${(error as Error).message}): ${clip(text)}`;
  }
  const node = parseTree(text);
  return node ? { node, text } : `${which} body is not JSON: ${clip(text)}`;
}

function jsonDiff(e: JsonAt, a: JsonAt, at: string): string | undefined {
  const mismatch = () => `${at}: expected ${jsonText(e)}, got ${jsonText(a)}`;
  if (e.node.type !== a.node.type) return mismatch();
  switch (e.node.type) {
    case "object": {
      const ek = jsonProperties(e);
      const ak = jsonProperties(a);
      for (const key of ek.keys()) if (!ak.has(key)) return `${at}: missing key ${JSON.stringify(key)}`;
      for (const [key, value] of ak) if (!ek.has(key)) return `${at}: unexpected key ${JSON.stringify(key)} = ${jsonText(value)}`;
      for (const [key, value] of ek) {
        const d = jsonDiff(value, ak.get(key)!, `${at}.${key}`);
        if (d) return d;
      }
      return undefined;
    }
    case "array": {
      const ec = e.node.children ?? [];
      const ac = a.node.children ?? [];
      if (ec.length !== ac.length) return `${at}: expected ${ec.length} items, got ${ac.length}: ${jsonText(a)}`;
      for (let i = 0; i < ec.length; i++) {
        const d = jsonDiff({ node: ec[i]!, text: e.text }, { node: ac[i]!, text: a.text }, `${at}[${i}]`);
        if (d) return d;
      }
      return undefined;
    }
    case "number":
      return canonicalDecimal(rawText(e)) === canonicalDecimal(rawText(a)) ? undefined : mismatch();
    case "string":
    case "boolean":
    case "null":
      return e.node.value === a.node.value ? undefined : mismatch();
    case "property":
      return `${at}: internal: bare property node`;
  }
}

function jsonProperties(at: JsonAt): Map<string, JsonAt> {
  const out = new Map<string, JsonAt>();
  for (const prop of at.node.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (key && value) out.set(String(key.value), { node: value, text: at.text });
  }
  return out;
}

const rawText = (at: JsonAt): string => at.text.slice(at.node.offset, at.node.offset + at.node.length);
const jsonText = (at: JsonAt): string => clip(rawText(at));

/** The exact decimal value of a JSON number literal: "1.50e1", "15" and "15.0" → "15e0". */
export function canonicalDecimal(text: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return text;
  const [, sign, int = "", frac = "", exp = "0"] = m;
  let digits = (int + frac).replace(/^0+/, "");
  if (digits === "") return "0";
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  return `${sign}${digits}e${Number(exp) - frac.length + trailing}`;
}

// ---------------------------------------------------------------------------------------------
// XML

export interface XmlElement {
  readonly name: string;
  /** Attributes sorted by name (namespace declarations included). */
  readonly attributes: readonly (readonly [string, string])[];
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: true,
  cdataPropName: "#cdata",
  commentPropName: "#comment",
});

/** Parses an XML document into its normalised element tree, or returns why it is not XML. */
export function parseXml(text: string, which = "body"): XmlElement[] | string {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return `${which} is not XML (${valid.err.msg} at line ${valid.err.line}): ${clip(text)}`;
  const raw = xmlParser.parse(text) as unknown[];
  return normaliseXml(raw).filter((n): n is XmlElement => typeof n !== "string");
}

function normaliseXml(items: readonly unknown[]): XmlNode[] {
  const out: XmlNode[] = [];
  const pushText = (t: string) => {
    const last = out[out.length - 1];
    if (typeof last === "string") out[out.length - 1] = last + t;
    else out.push(t);
  };
  for (const item of items) {
    const record = item as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === ":@") continue;
      if (key === "#comment") continue;
      if (key === "#text") pushText(String(value));
      else if (key === "#cdata") {
        for (const inner of normaliseXml(value as unknown[])) if (typeof inner === "string") pushText(inner);
      } else {
        const attrs = Object.entries((record[":@"] ?? {}) as Record<string, unknown>)
          .map(([k, v]) => [k, String(v)] as const)
          .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
        out.push({ name: key, attributes: attrs, children: normaliseXml(value as unknown[]) });
      }
    }
  }
  // Whitespace-only text beside child elements is layout; in a leaf element it is the value
  // (`<stringValue>   </stringValue>` is three spaces, not an empty string).
  if (!out.some((n) => typeof n !== "string")) return out;
  return out.filter((n) => typeof n !== "string" || n.trim() !== "");
}

export function compareXml(expected: string, actual: string): string | undefined {
  const e = parseXml(expected, "expected body");
  if (typeof e === "string") return e;
  const a = parseXml(actual, "actual body");
  if (typeof a === "string") return a;
  return xmlListDiff(e, a, "");
}

/**
 * Siblings compared as Smithy's own runners compare XML (as parsed objects): elements of
 * different names in any order, elements of one name (a list's items) and text in order.
 * Messages name the element and its index among the siblings of that name: `/A/B[1]`.
 */
function xmlListDiff(e: readonly XmlNode[], a: readonly XmlNode[], at: string): string | undefined {
  const eg = siblingGroups(e);
  const ag = siblingGroups(a);
  for (const key of new Set([...eg.keys(), ...ag.keys()])) {
    const xs = eg.get(key) ?? [];
    const ys = ag.get(key) ?? [];
    for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
      const x = xs[i];
      const y = ys[i];
      const where = `${at}/${key}[${i}]`;
      if (x === undefined) return `${where}: unexpected ${clip(printXmlNode(y!))}`;
      if (y === undefined) return `${where}: missing ${clip(printXmlNode(x))}`;
      if (typeof x === "string" || typeof y === "string") {
        if (x !== y) return `${where}: expected ${clip(printXmlNode(x))}, got ${clip(printXmlNode(y))}`;
        continue;
      }
      const ea = JSON.stringify(x.attributes);
      const aa = JSON.stringify(y.attributes);
      if (ea !== aa) return `${where}: expected attributes ${ea}, got ${aa}`;
      const d = xmlListDiff(x.children, y.children, `${at}/${x.name}`);
      if (d) return d;
    }
  }
  return undefined;
}

/** Siblings by element name (text under `text()`), each group in document order, groups in order of first appearance. */
function siblingGroups(nodes: readonly XmlNode[]): Map<string, XmlNode[]> {
  const groups = new Map<string, XmlNode[]>();
  for (const node of nodes) {
    const key = typeof node === "string" ? "text()" : node.name;
    const group = groups.get(key);
    if (group) group.push(node);
    else groups.set(key, [node]);
  }
  return groups;
}

const escapeXml = (s: string, attr: boolean): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(attr ? /"/g : /$^/, "&quot;");

/** Prints a normalised tree back as XML (used to build mutated expectations and messages). */
export function printXmlNode(node: XmlNode): string {
  if (typeof node === "string") return JSON.stringify(node);
  const attrs = node.attributes.map(([k, v]) => ` ${k}="${escapeXml(v, true)}"`).join("");
  if (node.children.length === 0) return `<${node.name}${attrs}/>`;
  const inner = node.children.map((c) => (typeof c === "string" ? escapeXml(c, false) : printXmlNode(c))).join("");
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}

// ---------------------------------------------------------------------------------------------
// CBOR

export function compareCbor(expected: Uint8Array, actual: Uint8Array): string | undefined {
  const e = decodeCborBody(expected, "expected");
  if (typeof e === "string") return e;
  const a = decodeCborBody(actual, "actual");
  if (typeof a === "string") return a;
  return dataDiff(e.value, a.value, "$");
}

export function decodeCborBody(bytes: Uint8Array, which: string): { value: unknown } | string {
  try {
    return { value: decodeCbor(bytes) };
  } catch (error) {
    return `${which} body is not CBOR (${(error as Error).message}): ${Buffer.from(bytes).toString("base64").slice(0, 120)}`;
  }
}

function dataDiff(e: unknown, a: unknown, at: string): string | undefined {
  const show = (v: unknown) => clip(showData(v));
  const mismatch = () => `${at}: expected ${show(e)}, got ${show(a)}`;
  if ((typeof e === "number" || typeof e === "bigint") && (typeof a === "number" || typeof a === "bigint")) {
    return numbersEqual(e, a) ? undefined : mismatch();
  }
  if (e instanceof Uint8Array || a instanceof Uint8Array) {
    if (!(e instanceof Uint8Array && a instanceof Uint8Array)) return mismatch();
    return Buffer.from(e).equals(Buffer.from(a)) ? undefined : mismatch();
  }
  if (e instanceof Date || a instanceof Date) {
    if (!(e instanceof Date && a instanceof Date)) return mismatch();
    return e.getTime() === a.getTime() || (Number.isNaN(e.getTime()) && Number.isNaN(a.getTime())) ? undefined : mismatch();
  }
  if (e instanceof Tag || a instanceof Tag) {
    if (!(e instanceof Tag && a instanceof Tag)) return mismatch();
    if (e.tag !== a.tag) return `${at}: expected tag ${e.tag}, got tag ${a.tag}`;
    return dataDiff(e.contents, a.contents, `${at}<tag ${e.tag}>`);
  }
  if (Array.isArray(e) || Array.isArray(a)) {
    if (!(Array.isArray(e) && Array.isArray(a))) return mismatch();
    if (e.length !== a.length) return `${at}: expected ${e.length} items, got ${a.length}: ${show(a)}`;
    for (let i = 0; i < e.length; i++) {
      const d = dataDiff(e[i], a[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (isMapLike(e) || isMapLike(a)) {
    if (!(isMapLike(e) && isMapLike(a))) return mismatch();
    const em = entries(e);
    const am = entries(a);
    for (const key of em.keys()) if (!am.has(key)) return `${at}: missing key ${key}`;
    for (const key of am.keys()) if (!em.has(key)) return `${at}: unexpected key ${key} = ${show(am.get(key))}`;
    for (const [key, value] of em) {
      const d = dataDiff(value, am.get(key), `${at}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(e, a) || e === a ? undefined : mismatch();
}

function numbersEqual(e: number | bigint, a: number | bigint): boolean {
  if (typeof e === "number" && typeof a === "number") return e === a || (Number.isNaN(e) && Number.isNaN(a));
  const toBig = (n: number | bigint): bigint | undefined => (typeof n === "bigint" ? n : Number.isInteger(n) ? BigInt(n) : undefined);
  const x = toBig(e);
  const y = toBig(a);
  return x !== undefined && x === y;
}

function isMapLike(v: unknown): v is Map<unknown, unknown> | Record<string, unknown> {
  return v instanceof Map || (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype);
}

/** Map entries keyed by a printable form of the key (CBOR keys may be non-strings). */
function entries(v: Map<unknown, unknown> | Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const pairs: [unknown, unknown][] = v instanceof Map ? [...v.entries()] : Object.entries(v);
  for (const [k, value] of pairs) out.set(typeof k === "string" ? JSON.stringify(k) : showData(k), value);
  return out;
}

export function showData(v: unknown): string {
  if (v instanceof Uint8Array) return `h'${Buffer.from(v).toString("hex")}'`;
  if (v instanceof Date) return `1(${v.getTime() / 1000})`;
  if (v instanceof Tag) return `${v.tag}(${showData(v.contents)})`;
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : Object.is(v, -0) ? "-0" : String(v);
  if (v === undefined) return "undefined";
  if (Array.isArray(v)) return `[${v.map(showData).join(", ")}]`;
  if (isMapLike(v)) return `{${[...entries(v)].map(([k, x]) => `${k}: ${showData(x)}`).join(", ")}}`;
  return JSON.stringify(v) ?? String(v);
}

// ---------------------------------------------------------------------------------------------
// application/x-www-form-urlencoded

export function formPairs(text: string): [string, string][] {
  if (text === "") return [];
  return text.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    const [k, v] = eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    return [formDecode(k), formDecode(v)];
  });
}

function formDecode(s: string): string {
  const spaced = s.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // a malformed escape stays as written, so it can only match itself
  }
}

/**
 * Form fields are compared as a map from key to its values: keys in any order (as Smithy's own
 * TypeScript and Java runners compare them: the order of fields carries no meaning in a form),
 * the values of a repeated key in the order given.
 */
export function compareForm(expected: string, actual: string): string | undefined {
  const e = formFields(expected);
  const a = formFields(actual);
  const show = (values: readonly string[]) => (values.length === 1 ? JSON.stringify(values[0]) : JSON.stringify(values));
  for (const [key, values] of e) {
    const got = a.get(key);
    if (!got) return `form: missing field ${key}=${show(values)} (body: ${clip(actual)})`;
    if (JSON.stringify(got) !== JSON.stringify(values)) return `form field ${key}: expected ${show(values)}, got ${show(got)} (body: ${clip(actual)})`;
  }
  for (const [key, values] of a) if (!e.has(key)) return `form: unexpected field ${key}=${show(values)} (body: ${clip(actual)})`;
  return undefined;
}

function formFields(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of formPairs(text)) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}

// ---------------------------------------------------------------------------------------------

export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
