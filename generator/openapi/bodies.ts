// Lowers a request body into input members: the properties of a JSON or form object become
// `body` members; anything else travels whole as one `payload` member named `body`.
//
//   requestBody: { required: true, content: { application/json: { schema: { $ref: Pet } } } }
//   → members name, tag (http body; required as Pet says), contentType application/json, json
//   requestBody: { content: { application/octet-stream: {} } }
//   → member body: openapi.formats#Binary (http payload), contentType application/octet-stream
//
//   requestBody: { content: { application/x-www-form-urlencoded: { schema: { properties: { metadata: {...} } },
//                  encoding: { metadata: { style: deepObject, explode: true } } } } }
//   → member metadata (http body, encoding { style: deepObject, explode: true }), bodyEncoding form
//
// When several media types are offered, JSON wins, then a URL-encoded form, then a multipart
// form, then raw bytes, then text, then XML. Form and multipart properties keep their Encoding
// Object; XML bodies are written from the schemas' `xml` objects.

import type { BodyEncoding, Documentation, Member, XmlTraits } from "../model/ir.js";
import type { Documents, Located } from "./documents.js";
import { DOCUMENTATION_IGNORED, KeywordReader } from "./keywords.js";
import { isObject } from "./pointer.js";
import { commonmark, toMember, type SchemaLowerer } from "./schemas.js";

export interface LoweredBody {
  readonly members: readonly Member[];
  readonly contentType?: string;
  readonly bodyEncoding?: "json" | "form" | "multipart" | "xml";
  /** The requestBody is optional and an empty one would be invalid (see Operation `http.omitEmptyBody`). */
  readonly omitEmptyBody?: boolean;
  /** XML bodies: the root element (the schema's `xml` name, else its shape's name) and namespace. */
  readonly xml?: XmlTraits;
  /** The description of the body, or of its schema when its properties became members. */
  readonly docs?: Documentation;
}

type MediaKind = "json" | "form" | "binary" | "text" | "multipart" | "xml";

export function mediaKind(type: string): MediaKind {
  const t = type.toLowerCase().split(";")[0]!.trim();
  // application/json, +json suffixes, text/json, application/x-amz-json-1.1, ...
  if (/^[a-z*]+\/([^;]*[.+-])?json([.+-][^;]*)?$/.test(t) || t === "application/*") return "json";
  if (t === "application/x-www-form-urlencoded") return "form";
  if (t.startsWith("multipart/")) return "multipart";
  if (t.endsWith("/xml") || t.endsWith("+xml")) return "xml";
  if (t.startsWith("text/")) return "text";
  return "binary";
}

const PREFERENCE: readonly MediaKind[] = ["json", "form", "multipart", "binary", "text", "xml"];

/** The media type a client sends when several are offered (declared order breaks ties). */
export function pickMediaType(types: readonly string[]): string | undefined {
  for (const kind of PREFERENCE) {
    const found = types.find((t) => mediaKind(t) === kind && t !== "*/*");
    if (found !== undefined) return found;
  }
  return types[0];
}

export function lowerRequestBody(docs: Documents, schemas: SchemaLowerer, at: Located): LoweredBody {
  const read = new KeywordReader(docs, at);
  const content = read.object("content");
  const types = content ? Object.keys(content) : [];
  const chosen = pickMediaType(types);
  if (chosen === undefined) return { members: [] };
  const required = read.boolean("required") === true;
  const description = read.string("description", DOCUMENTATION_IGNORED);
  const schemaAt = docs.child(read.child("content"), chosen, "schema");
  let kind = mediaKind(chosen);
  if (chosen === "*/*") kind = schemaAt.value === undefined ? "binary" : "json";
  const contentType = chosen === "*/*" || chosen === "application/*" ? (kind === "json" ? "application/json" : "application/octet-stream") : chosen.includes("*") ? "application/json" : chosen;

  if (kind === "json" || kind === "form" || kind === "multipart" || kind === "xml") {
    const lowered = schemas.lower(schemaAt, "other");
    const shape = schemas.shapes.get(lowered.ref.target);
    const encodings = kind === "form" || kind === "multipart" ? readEncodings(docs, docs.child(read.child("content"), chosen)) : new Map<string, BodyEncoding>();
    if (shape?.type === "structure" && shape.additionalProperties === undefined && !lowered.ref.nullable) {
      // readOnly properties are the server's: never sent (OpenAPI 3.0 §Schema Object `readOnly`).
      const members = shape.members
        .filter((m) => !m.readOnly)
        .map((m): Member => {
          const encoding = encodings.get(m.jsonName ?? m.name);
          return { ...m, required: m.required && required, http: { location: "body", ...(encoding ? { encoding } : {}) } };
        });
      const docs = description ? commonmark(description) : shape.docs;
      const xml = kind === "xml" ? { ...shape.xml, name: shape.xml?.name ?? shape.name } : undefined;
      // An optional requestBody whose schema requires properties (their members are optional here),
      // or a multipart one: with nothing set, no body rather than `{}` / a multipart without parts.
      const omitEmptyBody = !required && (kind === "multipart" || shape.members.some((m) => m.required && !m.readOnly));
      return { members, contentType, bodyEncoding: kind, ...(omitEmptyBody ? { omitEmptyBody } : {}), ...(docs ? { docs } : {}), ...(xml ? { xml } : {}) };
    }
    if (kind === "json" || kind === "form" || kind === "xml" || shape?.type === "structure" || shape?.type === "map") {
      const member = toMember("body", { ...lowered, member: { constraints: {}, ...(description ? { docs: commonmark(description) } : {}) } }, required);
      const xml = kind === "xml" && shape ? { xml: { ...shape.xml, name: shape.xml?.name ?? shape.name } } : {};
      return { members: [{ ...member, ...xml, http: { location: "payload" } }], contentType, bodyEncoding: kind };
    }
  }

  let ref = schemaAt.value === undefined ? undefined : schemas.lower(schemaAt, "other").ref;
  if (kind === "binary" && (ref === undefined || ["string", "document"].includes(schemas.typeOf(ref.target) ?? ""))) ref = schemas.primitive("binary");
  // A text body whose schema says nothing of its type (only a description) is text.
  if (kind === "text" && ref !== undefined && schemas.typeOf(ref.target) === "document") ref = schemas.primitive("string");
  if (ref === undefined) ref = schemas.primitive(kind === "binary" ? "binary" : kind === "text" ? "string" : "document");
  const lowered = { ref };
  const member = toMember("body", { ref: lowered.ref, member: { constraints: {}, ...(description ? { docs: commonmark(description) } : {}) } }, required);
  return { members: [{ ...member, http: { location: "payload" } }], contentType, ...(kind === "multipart" ? { bodyEncoding: kind } : {}) };
}

const FORM_STYLES = ["form", "spaceDelimited", "pipeDelimited", "deepObject"] as const;

/** The Encoding Object of each property of a form or multipart media type, by property name. */
function readEncodings(docs: Documents, media: Located): Map<string, BodyEncoding> {
  const out = new Map<string, BodyEncoding>();
  const encodingAt = docs.child(media, "encoding");
  if (!isObject(encodingAt.value)) return out;
  for (const name of Object.keys(encodingAt.value)) {
    const at = docs.child(encodingAt, name);
    if (!isObject(at.value)) continue;
    const read = new KeywordReader(docs, at);
    const style = read.string("style");
    if (style !== undefined && !(FORM_STYLES as readonly string[]).includes(style)) {
      read.warn("style", "OPENAPI_ENCODING", `\`style: ${style}\` is not a style of a form body property; it is written as \`form\``, `Use one of ${FORM_STYLES.join(", ")}.`);
    }
    const explode = read.boolean("explode");
    const allowReserved = read.boolean("allowReserved");
    // Swagger 2.0's `allowEmptyValue` of a formData parameter, kept by the converter (swagger2.ts).
    const allowEmptyValue = read.boolean("x-allowEmptyValue");
    const contentType = read.string("contentType")?.split(",")[0]?.trim();
    const headers: { name: string; value: string }[] = [];
    const headersAt = read.child("headers");
    if (isObject(headersAt.value)) {
      for (const header of Object.keys(headersAt.value).sort()) {
        // The part's Content-Type comes from `contentType` (OpenAPI 3.0 §Encoding Object `headers`).
        if (header.toLowerCase() === "content-type") continue;
        const headerAt = docs.deref(docs.child(headersAt, header));
        const value = headerAt && isObject(headerAt.value) ? singleValue(docs, docs.child(headerAt, "schema")) : undefined;
        if (value !== undefined) headers.push({ name: header, value });
      }
    }
    const encoding: BodyEncoding = {
      ...(style !== undefined && (FORM_STYLES as readonly string[]).includes(style) ? { style: style as BodyEncoding["style"] & string } : {}),
      ...(explode !== undefined ? { explode } : {}),
      ...(allowReserved !== undefined ? { allowReserved } : {}),
      ...(contentType ? { contentType } : {}),
      ...(headers.length > 0 ? { headers } : {}),
      ...(allowEmptyValue !== undefined ? { allowEmptyValue } : {}),
    };
    if (Object.keys(encoding).length > 0) out.set(name, encoding);
  }
  return out;
}

/** The one value a header schema allows (`enum` of one, `const`, or its `default`). */
function singleValue(docs: Documents, schemaAt: Located): string | undefined {
  const schema = docs.deref(schemaAt);
  if (!schema || !isObject(schema.value)) return undefined;
  const values = schema.value["enum"];
  if (Array.isArray(values) && values.length === 1 && ["string", "number", "boolean"].includes(typeof values[0])) return String(values[0]);
  for (const key of ["const", "default"]) {
    const v = schema.value[key];
    if (["string", "number", "boolean"].includes(typeof v)) return String(v);
  }
  return undefined;
}
