// Lowers a request body into input members: the properties of a JSON or form object become
// `body` members; anything else travels whole as one `payload` member named `body`.
//
//   requestBody: { required: true, content: { application/json: { schema: { $ref: Pet } } } }
//   → members name, tag (http body; required as Pet says), contentType application/json, json
//   requestBody: { content: { application/octet-stream: {} } }
//   → member body: openapi.formats#Binary (http payload), contentType application/octet-stream
//
// When several media types are offered, JSON wins, then a URL-encoded form, then raw bytes,
// then text; the others are reported and sent as their schema says.

import type { Documentation, Member } from "../model/ir.js";
import type { Documents, Located } from "./documents.js";
import { KeywordReader } from "./keywords.js";
import { commonmark, toMember, type SchemaLowerer } from "./schemas.js";

export interface LoweredBody {
  readonly members: readonly Member[];
  readonly contentType?: string;
  readonly bodyEncoding?: "json" | "form";
  /** The description of the body, or of its schema when its properties became members. */
  readonly docs?: Documentation;
}

type MediaKind = "json" | "form" | "binary" | "text" | "multipart" | "other";

export function mediaKind(type: string): MediaKind {
  const t = type.toLowerCase().split(";")[0]!.trim();
  // application/json, +json suffixes, text/json, application/x-amz-json-1.1, ...
  if (/^[a-z*]+\/([^;]*[.+-])?json([.+-][^;]*)?$/.test(t) || t === "application/*") return "json";
  if (t === "application/x-www-form-urlencoded") return "form";
  if (t.startsWith("multipart/")) return "multipart";
  if (t.startsWith("text/")) return "text";
  if (t.endsWith("xml")) return "other";
  return "binary";
}

const PREFERENCE: readonly MediaKind[] = ["json", "form", "binary", "text", "multipart", "other"];

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
  const description = read.string("description");
  const schemaAt = docs.child(read.child("content"), chosen, "schema");
  let kind = mediaKind(chosen);
  if (chosen === "*/*") kind = schemaAt.value === undefined ? "binary" : "json";
  const contentType = chosen === "*/*" || chosen === "application/*" ? (kind === "json" ? "application/json" : "application/octet-stream") : chosen.includes("*") ? "application/json" : chosen;

  if (kind === "multipart" || kind === "other") {
    docs.report(
      "warning",
      "OPENAPI_MEDIA_TYPE",
      `Request bodies of type ${chosen} are not encoded as such yet; the body is typed, and sent as ${kind === "multipart" ? "JSON" : "the serializer's payload"}`,
      docs.child(read.child("content"), chosen),
      "Offer application/json or application/x-www-form-urlencoded as well to get an exact serializer.",
    );
  }

  if (kind === "json" || kind === "form") {
    const lowered = schemas.lower(schemaAt, "other");
    const shape = schemas.shapes.get(lowered.ref.target);
    if (shape?.type === "structure" && shape.additionalProperties === undefined && !lowered.ref.nullable) {
      const members = shape.members
        .filter((m) => !m.readOnly)
        .map((m): Member => ({ ...m, required: m.required && required, http: { location: "body" } }));
      const docs = description ? commonmark(description) : shape.docs;
      return { members, contentType, bodyEncoding: kind, ...(docs ? { docs } : {}) };
    }
    const member = toMember("body", { ...lowered, member: { constraints: {}, ...(description ? { docs: commonmark(description) } : {}) } }, required);
    return { members: [{ ...member, http: { location: "payload" } }], contentType, bodyEncoding: kind };
  }

  let ref = schemaAt.value === undefined ? undefined : schemas.lower(schemaAt, "other").ref;
  if (kind === "binary" && (ref === undefined || ["string", "document"].includes(schemas.typeOf(ref.target) ?? ""))) ref = schemas.primitive("binary");
  if (ref === undefined) ref = schemas.primitive(kind === "text" ? "string" : "document");
  const lowered = { ref };
  const member = toMember("body", { ref: lowered.ref, member: { constraints: {}, ...(description ? { docs: commonmark(description) } : {}) } }, required);
  return { members: [{ ...member, http: { location: "payload" } }], contentType };
}
