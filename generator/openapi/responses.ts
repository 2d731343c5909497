// Picks the success response of an operation and lowers its body into the operation's output.
//
//   responses: { 200: { content: { application/json: { schema: { $ref: Pet } } } }, 404: {...} }
//   → openapi#Pet (a structure is the output as is)
//   responses: { 200: { content: { application/json: { schema: { type: array, items: ... } } } } }
//   → openapi#ListPetsOutput, a structure whose member `body` is the payload
//
// The lowest 2xx status wins, then `2XX`; an operation without one has no output. The JSON
// bodies of 4xx, 5xx and `default` responses that are structures become the operation's errors.

import type { Documents, Located } from "./documents.js";
import type { Shape, ShapeId } from "../model/ir.js";
import { pickMediaType } from "./bodies.js";
import { isObject } from "./pointer.js";
import { NAMESPACE, type SchemaLowerer } from "./schemas.js";

export function lowerOutput(
  docs: Documents,
  schemas: SchemaLowerer,
  responses: Located,
  wrapperName: () => string,
  addShape: (shape: Shape) => void,
): ShapeId | undefined {
  if (!isObject(responses.value)) return undefined;
  const codes = Object.keys(responses.value).sort();
  const code = codes.find((c) => /^2[0-9][0-9]$/.test(c)) ?? codes.find((c) => /^2XX$/i.test(c));
  if (code === undefined) return undefined;
  const response = docs.deref(docs.child(responses, code));
  if (!response || !isObject(response.value)) return undefined;
  const content = response.value["content"];
  if (!isObject(content)) return undefined;
  const type = pickMediaType(Object.keys(content));
  if (type === undefined) return undefined;
  const schemaAt = docs.child(response, "content", type, "schema");
  if (schemaAt.value === undefined) return undefined;
  const lowered = schemas.lower(schemaAt, "other");
  if (schemas.typeOf(lowered.ref.target) === "structure" && !lowered.ref.nullable) return lowered.ref.target;
  const name = wrapperName();
  const id = `${NAMESPACE}#${name}`;
  addShape({
    type: "structure",
    id,
    name,
    sensitive: false,
    constraints: {},
    members: [
      {
        name: "body",
        target: lowered.ref.target,
        ...(lowered.ref.nullable ? { nullable: true } : {}),
        required: true,
        constraints: {},
        http: { location: "payload" },
      },
    ],
  });
  return id;
}

/** The structures of the error responses (4xx, 5xx, `default`) that have a JSON body, sorted. */
export function lowerErrors(docs: Documents, schemas: SchemaLowerer, responses: Located): ShapeId[] {
  if (!isObject(responses.value)) return [];
  const errors = new Set<ShapeId>();
  for (const code of Object.keys(responses.value).sort()) {
    if (!/^[45]([0-9][0-9]|XX)$|^default$/i.test(code)) continue;
    const response = docs.deref(docs.child(responses, code));
    if (!response || !isObject(response.value) || !isObject(response.value["content"])) continue;
    const type = pickMediaType(Object.keys(response.value["content"]));
    if (type === undefined) continue;
    const schemaAt = docs.child(response, "content", type, "schema");
    if (schemaAt.value === undefined) continue;
    const target = schemas.lower(schemaAt, "other").ref.target;
    if (schemas.typeOf(target) === "structure") errors.add(target);
  }
  return [...errors].sort();
}
