// Lowers the responses of an OpenAPI operation: every response as the model keeps it (status,
// bodies by media type, headers), the output a success gives, and the errors.
//
//   responses: { 200: { content: { application/json: { schema: { $ref: Pet } } } },
//                404: { content: { application/json: { schema: { $ref: Error } } } } }
//   → output openapi#Pet (a structure is the output as is), errors [openapi#Error],
//     responses [{ status: "200", readAs: "application/json", shape: openapi#Pet, ... },
//                { status: "404", readAs: "application/json", shape: openapi#Error, ... }]
//   responses: { 200: { headers: { X-Next: ... }, content: { application/json: { schema: { type: array, ... } } } } }
//   → output openapi#ListPetsOutput { body: openapi#ListPetsResponse (payload), X-Next: String (header) }
//   responses: { 200: { content: { ... Pet } }, 202: { content: { ... Job } } }
//   → output openapi#CreatePetOutput = CreatePetOutput200 | CreatePetOutput202, each
//     { status: 200 (an intEnum of one value, so TypeScript narrows on it), body: Pet }
//
// Successes are the `2xx` codes and `2XX`; when there is none, `default` is the success (a
// non-2xx status then gives no modelled error). One distinct success body (or none) is the common
// case: the output is that body's type. A structure is the output itself; with declared
// response headers it is copied into `<Op>Output` with the headers beside its properties (the
// way Smithy binds output members to headers). Any other body is the member `body` of
// `<Op>Output`. Several distinct success bodies make the output a union of `{ status, body }`.
//
// Non-JSON bodies are text (`text/*`, forms and, for now, XML) or bytes (anything else): the
// value type of such a body is `string` or `Uint8Array`, whatever its schema says.
//
// Errors: the responses of the other codes, `4XX`/`5XX` and `default`, whose JSON body is a
// structure (one error class per structure) or a `oneOf` of structures with a discriminator
// (one error class per variant, picked by the discriminator's value).

import type { Documents, Located } from "./documents.js";
import type { AlternativesShape, Member, OperationResponse, Ref, ResponseContent, Shape, ShapeId, StructureShape } from "../model/ir.js";
import { mediaKind, pickMediaType } from "./bodies.js";
import { DOCUMENTATION_IGNORED, KeywordReader } from "./keywords.js";
import { pascal, type NameRegistry } from "./names.js";
import { isObject } from "./pointer.js";
import { NAMESPACE, commonmark, toMember, type SchemaLowerer } from "./schemas.js";

export interface LoweredResponses {
  readonly responses: readonly OperationResponse[];
  readonly output?: ShapeId;
  readonly errors: readonly ShapeId[];
}

/** Lowers `responses` (the Responses Object of the operation named `opName`). */
export function lowerResponses(docs: Documents, schemas: SchemaLowerer, registry: NameRegistry, responsesAt: Located, opName: string): LoweredResponses {
  const declared = collect(docs, schemas, responsesAt);
  const hasSuccess = declared.some((r) => isSuccess(r.status));
  const successes = declared.filter((r) => isSuccess(r.status) || (!hasSuccess && r.status === "default"));
  const add = (shape: Shape) => schemas.add(shape);

  // The value of each success body: its schema's type for JSON, else text or bytes.
  const valueOf = (r: OperationResponse): Ref | undefined => {
    const content = r.contents.find((c) => c.mediaType === r.readAs);
    if (!content) return undefined;
    switch (content.encoding) {
      case "json":
        return content.body ?? schemas.primitive("document");
      case "text": {
        const type = content.body ? schemas.typeOf(content.body.target) : undefined;
        return content.body && (type === "string" || type === "enum") ? { target: content.body.target } : schemas.primitive("string");
      }
      case "binary":
        return schemas.primitive("binary");
      default: {
        const never: never = content.encoding;
        throw new Error(`internal: unknown encoding ${String(never)}`);
      }
    }
  };
  // Two bodies are the same when they are read the same way into the same type.
  const keyOf = (r: OperationResponse) => {
    const ref = valueOf(r);
    const encoding = r.contents.find((c) => c.mediaType === r.readAs)?.encoding;
    return ref === undefined ? "" : `${encoding}:${ref.target}${ref.nullable ? "?" : ""}`;
  };
  const distinct = new Set(successes.map(keyOf));

  const shapeByStatus = new Map<string, ShapeId>();
  let output: ShapeId | undefined;
  if (successes.length > 0 && distinct.size === 1) {
    const value = valueOf(successes[0]!);
    const headers = mergeHeaders(successes);
    if (value === undefined && headers.length === 0) output = undefined;
    else {
      const structure = value !== undefined && !value.nullable ? schemas.shapes.get(value.target) : undefined;
      if (structure?.type === "structure" && headers.length === 0) output = structure.id;
      else {
        const name = registry.claim(pascal(opName) + "Output");
        output = `${NAMESPACE}#${name}`;
        if (structure?.type === "structure") {
          // The structure's properties stay body members; the headers come beside them.
          add(withMembers(structure, output, name, structure.members, headers));
        } else {
          add(outputStructure(output, name, value, headers, undefined));
        }
      }
    }
    if (output !== undefined) for (const r of successes) shapeByStatus.set(r.status, output);
  } else if (successes.length > 0) {
    const name = registry.claim(pascal(opName) + "Output");
    const variants: Ref[] = [];
    for (const r of successes) {
      const variantName = registry.claim(pascal(opName) + "Output" + pascal(r.status === "default" ? "Default" : r.status));
      const id = `${NAMESPACE}#${variantName}`;
      add(outputStructure(id, variantName, valueOf(r), r.headers, statusTarget(schemas, registry, r.status)));
      variants.push({ target: id });
      shapeByStatus.set(r.status, id);
    }
    output = `${NAMESPACE}#${name}`;
    const alternatives: AlternativesShape = {
      type: "alternatives",
      id: output,
      name,
      docs: commonmark(`The responses of \`${opName}\`, told apart by \`status\`.`),
      sensitive: false,
      constraints: {},
      exclusive: true,
      variants,
    };
    add(alternatives);
  }

  const errors = new Set<ShapeId>();
  for (const r of declared) {
    if (shapeByStatus.has(r.status) || isSuccess(r.status) || /^[13]/.test(r.status)) continue;
    const content = r.contents.find((c) => c.mediaType === r.readAs);
    if (content?.encoding !== "json" || content.body === undefined) continue;
    const shape = schemas.shapes.get(content.body.target);
    if (shape?.type === "structure") {
      errors.add(shape.id);
      shapeByStatus.set(r.status, shape.id);
    } else if (shape?.type === "alternatives" && shape.discriminator !== undefined) {
      const targets = shape.discriminator.mapping.map((m) => m.target);
      if (targets.length > 0 && targets.every((t) => schemas.typeOf(t) === "structure")) {
        for (const t of targets) errors.add(t);
        shapeByStatus.set(r.status, shape.id);
      }
    }
  }

  const responses = declared.map((r): OperationResponse => {
    const shape = shapeByStatus.get(r.status);
    return shape === undefined ? r : { ...r, shape };
  });
  return { responses, ...(output !== undefined ? { output } : {}), errors: [...errors].sort() };
}

/** `200`, `2XX`: a success status (ranges are upper case by now). */
function isSuccess(status: string): boolean {
  return status.startsWith("2");
}

/** Every declared response, codes ascending, then ranges, then `default`. */
function collect(docs: Documents, schemas: SchemaLowerer, responsesAt: Located): OperationResponse[] {
  if (!isObject(responsesAt.value)) return [];
  const out: OperationResponse[] = [];
  for (const key of Object.keys(responsesAt.value)) {
    if (key.startsWith("x-")) continue;
    const status = /^[1-5]XX$/i.test(key) ? key.toUpperCase() : key;
    if (!/^[1-5][0-9][0-9]$|^[1-5]XX$|^default$/.test(status)) {
      docs.report("warning", "OPENAPI_RESPONSE_STATUS", `\`${key}\` is not a response status; the response is ignored`, docs.child(responsesAt, key), "Use an HTTP status code (`200`), a range (`2XX`) or `default`.");
      continue;
    }
    if (out.some((r) => r.status === status)) continue;
    const at = docs.deref(docs.child(responsesAt, key));
    if (!at || !isObject(at.value)) continue;
    out.push(lowerResponse(docs, schemas, at, status));
  }
  const rank = (s: string) => (s === "default" ? 2 : s.endsWith("XX") ? 1 : 0);
  return out.sort((a, b) => rank(a.status) - rank(b.status) || (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
}

function lowerResponse(docs: Documents, schemas: SchemaLowerer, at: Located, status: string): OperationResponse {
  const read = new KeywordReader(docs, at);
  const description = read.string("description", DOCUMENTATION_IGNORED);
  const contents: ResponseContent[] = [];
  const content = read.object("content");
  for (const mediaType of content ? Object.keys(content) : []) {
    const schemaAt = docs.child(read.child("content"), mediaType, "schema");
    const body = schemaAt.value === undefined ? undefined : schemas.lower(schemaAt, "other").ref;
    contents.push({ mediaType, encoding: encodingOf(mediaType, body !== undefined), ...(body ? { body } : {}) });
  }
  const readAs = pickMediaType(contents.map((c) => c.mediaType));
  return {
    status,
    ...(description !== undefined && description.trim() !== "" ? { docs: commonmark(description) } : {}),
    contents,
    headers: lowerHeaders(docs, schemas, read.child("headers")),
    ...(readAs !== undefined ? { readAs } : {}),
  };
}

// How a body of this media type is read (`*/*` with a schema is JSON, as requests send it).
function encodingOf(mediaType: string, hasSchema: boolean): ResponseContent["encoding"] {
  if (mediaType === "*/*") return hasSchema ? "json" : "binary";
  const kind = mediaKind(mediaType);
  switch (kind) {
    case "json":
      return "json";
    case "text":
    case "form":
    case "xml":
      return "text";
    case "binary":
    case "multipart":
      return "binary";
    default: {
      const never: never = kind;
      throw new Error(`internal: unknown media kind ${String(never)}`);
    }
  }
}

/** The Header Objects of a response as `header`-bound members (OpenAPI 3.0 §Header Object; `Content-Type` is ignored). */
function lowerHeaders(docs: Documents, schemas: SchemaLowerer, headersAt: Located): Member[] {
  if (!isObject(headersAt.value)) return [];
  const members: Member[] = [];
  for (const name of Object.keys(headersAt.value)) {
    if (name.toLowerCase() === "content-type") continue;
    const at = docs.deref(docs.child(headersAt, name));
    if (!at || !isObject(at.value)) continue;
    const read = new KeywordReader(docs, at);
    let schemaAt = read.child("schema");
    const content = read.object("content");
    if (schemaAt.value === undefined && content) {
      const first = Object.keys(content)[0];
      if (first !== undefined) schemaAt = docs.child(read.child("content"), first, "schema");
    }
    const lowered = schemaAt.value === undefined ? { ref: schemas.primitive("string"), member: { constraints: {} } } : schemas.lower(schemaAt, "member");
    const description = read.string("description", DOCUMENTATION_IGNORED);
    const member = toMember(
      name,
      { ref: lowered.ref, member: { ...lowered.member, ...(description !== undefined && description.trim() !== "" ? { docs: commonmark(description) } : {}) } },
      false,
    );
    const explode = read.boolean("explode");
    members.push({ ...member, http: { location: "header", name, ...(explode !== undefined ? { explode } : {}) } });
  }
  return members;
}

/** The headers of several responses, first of each name (case-insensitive). */
function mergeHeaders(responses: readonly OperationResponse[]): Member[] {
  const byName = new Map<string, Member>();
  for (const r of responses) for (const h of r.headers) if (!byName.has(h.name.toLowerCase())) byName.set(h.name.toLowerCase(), h);
  return [...byName.values()];
}

/** `body` members (and the `status` of a variant) with the headers beside them; a header whose name is taken gets `Header`. */
function withHeaders(members: readonly Member[], headers: readonly Member[]): Member[] {
  const taken = new Set(members.map((m) => m.name));
  const out = [...members];
  for (const h of headers) {
    let name = taken.has(h.name) ? h.name + "Header" : h.name;
    for (let i = 2; taken.has(name); i++) name = `${h.name}Header${i}`;
    taken.add(name);
    out.push({ ...h, name });
  }
  return out;
}

function withMembers(structure: StructureShape, id: ShapeId, name: string, members: readonly Member[], headers: readonly Member[]): StructureShape {
  return { ...structure, id, name, members: withHeaders(members, headers) };
}

/** `<Op>Output` (or a variant of it): `status` when given, `body` when the response has one, and the headers. */
function outputStructure(id: ShapeId, name: string, value: Ref | undefined, headers: readonly Member[], status: Ref | undefined): StructureShape {
  const members: Member[] = [];
  if (status !== undefined) members.push({ name: "status", target: status.target, required: true, constraints: {}, http: { location: "responseCode" } });
  if (value !== undefined) {
    members.push({ name: "body", target: value.target, ...(value.nullable ? { nullable: true } : {}), required: true, constraints: {}, http: { location: "payload" } });
  }
  return { type: "structure", id, name, sensitive: false, constraints: {}, members: withHeaders(members, headers) };
}

/** The type of `status` in a variant: the code itself (an intEnum of one value, `HttpStatus201`), or any integer for a range or `default`. */
function statusTarget(schemas: SchemaLowerer, registry: NameRegistry, status: string): Ref {
  if (!/^[0-9]+$/.test(status)) return schemas.primitive({ number: "integer" });
  const wanted = `HttpStatus${status}`;
  const existing = schemas.shapes.get(`${NAMESPACE}#${wanted}`);
  if (existing?.type === "intEnum") return { target: existing.id };
  const name = registry.claim(wanted);
  const id = `${NAMESPACE}#${name}`;
  schemas.add({ type: "intEnum", id, name, sensitive: false, constraints: {}, docs: commonmark(`The HTTP status ${status}.`), values: [{ name: `Status${status}`, value: Number(status) }] });
  return { target: id };
}
