// Lowers one OpenAPI parameter object into an input member with its HTTP binding.
//
//   { name: "tags", in: "query", style: "pipeDelimited", schema: { type: array, items: { type: string } } }
//   → member tags: openapi#ListPetsTags, http { location: "query", name: "tags", style: "pipeDelimited", explode: false }
//   { name: "X-Amz-Target", in: "header", required: true, schema: { enum: ["Svc.Op"] } }
//   → no member; constant header X-Amz-Target: Svc.Op
//
// Defaults follow the specification: path and header `simple`, query and cookie `form`; `explode`
// is true for `form` only. A query parameter keeps `allowEmptyValue: true` (without it the
// serializer leaves an empty string out, 3.0.3 §Parameter Object). `Accept`, `Content-Type` and `Authorization` header parameters are
// ignored, as the specification says; so are those the HTTP implementation writes itself, message
// framing and connection fields (`Content-Length`, `Transfer-Encoding`, `Connection`, ...), with a
// warning (fetch refuses most of them, and a Content-Length not the body's breaks the message):
//
//   { name: "Transfer-Encoding", in: "header", required: true, schema: { enum: [chunked] } }
//   → no member, no constant header; warning OPENAPI_HEADER_IGNORED
//
// A parameter defined by `content` instead of `schema` is
// written as its media type says (JSON text for JSON types, else text, with a warning unless `text/*`):
//
//   { name: "ids", in: "path", content: { application/json: { schema: { type: array, items: { type: string } } } } }
//   → member ids: openapi#…Ids, http { location: "label", name: "ids", style: "simple", explode: false, content: "json" }

import type { HttpBinding, Member, ParameterContent } from "../model/ir.js";
import { mediaKind } from "./bodies.js";
import type { Documents, Located } from "./documents.js";
import { DOCUMENTATION_IGNORED, KeywordReader, show } from "./keywords.js";
import { isObject } from "./pointer.js";
import { commonmark, toMember, type SchemaLowerer } from "./schemas.js";

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface LoweredParameter {
  readonly location: ParameterLocation;
  /** The wire name (for headers as written; compare case-insensitively). */
  readonly name: string;
  readonly member?: Member;
  readonly constantHeader?: { readonly name: string; readonly value: string };
}

const STYLES: Readonly<Record<ParameterLocation, readonly string[]>> = {
  path: ["simple", "label", "matrix"],
  query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
  header: ["simple"],
  cookie: ["form"],
};

const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/**
 * Header fields the HTTP implementation writes from the message itself: its framing (RFC 9112
 * §6: Content-Length, Transfer-Encoding, Trailer), the connection's options (RFC 9110 §7.6.1:
 * Connection and the fields it names, Keep-Alive, TE, Upgrade) and Expect (§10.1.1). fetch refuses
 * Transfer-Encoding, Keep-Alive, Upgrade and Expect, and a Content-Length that is not the body's.
 */
const TRANSPORT_HEADERS = new Set(["content-length", "transfer-encoding", "trailer", "connection", "keep-alive", "te", "upgrade", "expect"]);

/** The location and name of a (dereferenced) parameter object, or undefined if it has none. */
export function parameterKey(at: Located): { location: ParameterLocation; name: string } | undefined {
  if (!isObject(at.value)) return undefined;
  const name = at.value["name"];
  const location = at.value["in"];
  if (typeof name !== "string" || typeof location !== "string" || !Object.hasOwn(STYLES, location)) return undefined;
  return { location: location as ParameterLocation, name };
}

export function lowerParameter(docs: Documents, schemas: SchemaLowerer, at: Located): LoweredParameter | undefined {
  if (!isObject(at.value)) {
    docs.report("error", "OPENAPI_BAD_PARAMETER", `A parameter must be an object, not ${show(at.value)}`, at);
    return undefined;
  }
  const read = new KeywordReader(docs, at);
  const name = read.string("name");
  const where = read.string("in");
  if (name === undefined || where === undefined) {
    if (!read.has("name") || !read.has("in")) {
      docs.report("error", "OPENAPI_BAD_PARAMETER", `A parameter needs both \`name\` and \`in\``, at);
    }
    return undefined;
  }
  if (!Object.hasOwn(STYLES, where)) {
    docs.report("error", "OPENAPI_BAD_PARAMETER", `Parameter \`${name}\` is \`in: ${where}\`; it must be one of path, query, header, cookie`, read.child("in"), where === "body" || where === "formData" ? "This is Swagger 2.0; in OpenAPI 3 a body is a `requestBody`." : undefined);
    return undefined;
  }
  const location = where as ParameterLocation;
  if (location === "header" && IGNORED_HEADERS.has(name.toLowerCase())) return { location, name };
  if (location === "header" && TRANSPORT_HEADERS.has(name.toLowerCase())) {
    docs.report(
      "warning",
      "OPENAPI_HEADER_IGNORED",
      `The header parameter \`${name}\` is ignored: the HTTP implementation writes it from the request itself (RFC 9112 §6 message framing, RFC 9110 §7.6.1 connection options), and fetch refuses it or a value other than its own`,
      at,
      "Remove the parameter; the client's HTTP library sends the field when the message needs it.",
    );
    return { location, name };
  }

  let schemaAt = read.child("schema");
  const content = read.object("content");
  let written: ParameterContent | undefined;
  if (schemaAt.value === undefined && content) {
    const first = Object.keys(content)[0];
    if (first !== undefined) {
      schemaAt = docs.child(read.child("content"), first, "schema");
      written = contentOf(docs, docs.child(read.child("content"), first), name, first);
    }
  }
  const required = location === "path" ? true : read.boolean("required") === true;

  const constant = location === "header" && required ? singleValue(docs, schemaAt) : undefined;
  if (constant !== undefined) return { location, name, constantHeader: { name, value: constant } };

  const style = read.string("style") ?? (location === "query" || location === "cookie" ? "form" : "simple");
  if (!STYLES[location].includes(style)) {
    read.invalid("style", `\`style: ${style}\` is not allowed for a ${location} parameter; use one of ${STYLES[location].join(", ")}`);
    return undefined;
  }
  const explode = read.boolean("explode") ?? style === "form";
  // With `content`, the media type writes the value: style and allowReserved do not apply.
  const allowReserved = location === "query" && written === undefined ? read.boolean("allowReserved") === true : false;
  const allowEmptyValue = location === "query" ? read.boolean("allowEmptyValue") === true : false;

  const schema = schemas.lower(schemaAt, "member");
  // A path segment always has a value: a nullable schema there cannot mean null on the wire.
  const lowered = location === "path" && schema.ref.nullable ? { ...schema, ref: { target: schema.ref.target } } : schema;
  const description = read.string("description", DOCUMENTATION_IGNORED);
  const deprecated = read.boolean("deprecated", DOCUMENTATION_IGNORED) === true;
  const member = toMember(
    name,
    {
      ref: lowered.ref,
      member: {
        ...lowered.member,
        ...(description !== undefined && description.trim() !== "" ? { docs: commonmark(description) } : {}),
        ...(deprecated ? { deprecated: {} } : {}),
      },
    },
    required,
  );
  return { location, name, member: { ...member, http: binding(location, name, style, explode, allowReserved, allowEmptyValue, written) } };
}

/**
 * How a parameter defined by `content` is written (3.0.3 §Parameter Object: "A map containing
 * the representations for the parameter"): a JSON media type (`application/json`, `+json`) as
 * JSON text; `text/*` as the value's text. No other media type has a text form we can write
 * (XML, forms, bytes): sent as text too, with a warning.
 */
function contentOf(docs: Documents, at: Located, name: string, mediaType: string): ParameterContent {
  const kind = mediaKind(mediaType);
  switch (kind) {
    case "json":
      return "json";
    case "text":
      return "text";
    case "form":
    case "multipart":
    case "xml":
    case "binary":
      docs.report(
        "warning",
        "OPENAPI_PARAMETER_MEDIA_TYPE",
        `Parameter \`${name}\` is defined by its \`${mediaType}\` representation, which Shapesmith cannot write: its value is sent as plain text (a string as it is, other values as JSON text)`,
        at,
        "Describe the parameter with `schema` (and `style`), or with an `application/json` or `text/plain` representation.",
      );
      return "text";
    default: {
      const never: never = kind;
      throw new Error(`internal: unknown media kind ${String(never)}`);
    }
  }
}

function binding(location: ParameterLocation, name: string, style: string, explode: boolean, allowReserved: boolean, allowEmptyValue: boolean, content: ParameterContent | undefined): HttpBinding {
  const written = content === undefined ? {} : { content };
  switch (location) {
    case "path":
      return { location: "label", name, style: style as "simple" | "label" | "matrix", explode, ...written };
    case "query":
      return {
        location: "query",
        name,
        style: style as "form" | "spaceDelimited" | "pipeDelimited" | "deepObject",
        explode,
        ...(allowReserved ? { allowReserved: true } : {}),
        ...(allowEmptyValue ? { allowEmptyValue: true } : {}),
        ...written,
      };
    case "header":
      return { location: "header", name, explode, ...written };
    case "cookie":
      return { location: "cookie", name, explode, ...written };
  }
}

/** The one string a schema allows (`enum` of one, or `const`), following `$ref`s. */
function singleValue(docs: Documents, schemaAt: Located): string | undefined {
  const schema = docs.deref(schemaAt);
  if (!schema || !isObject(schema.value)) return undefined;
  const values = schema.value["enum"];
  if (Array.isArray(values) && values.length === 1 && typeof values[0] === "string") return values[0];
  const constant = schema.value["const"];
  return typeof constant === "string" ? constant : undefined;
}
