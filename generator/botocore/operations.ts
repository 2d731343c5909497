// Lowers the operations of an AWS JSON service description.
//
//   "GetThing": { http: { method: "GET", requestUri: "/things/{Id}?versions", responseCode: 200 },
//                 input: { shape: "GetThingRequest" }, errors: [{ shape: "NotFound" }],
//                 endpoint: { hostPrefix: "data." }, idempotent: true }
//   → { id: "ns#GetThing", name: "GetThing", input: "ns#GetThingRequest", errors: ["ns#NotFound"],
//       http: { method: "GET", uri: "/things/{Id}?versions", code: 200 },
//       endpoint: { hostPrefix: "data." }, idempotent: true }
//
// `http` is kept for the HTTP-bound protocols (rest-json, rest-xml) only: the RPC protocols
// (json, query, ec2) always `POST /`, and their Smithy models carry no `@http` either. The URI
// keeps its labels as written (`{Key+}` is greedy) and its query part; labels name the members'
// `locationName`, which the label bindings carry. `requestcompression.encodings` becomes
// `requestCompression`, `httpChecksumRequired`, `httpChecksum` (its request side) and
// `deprecated`/`deprecatedMessage` carry over. `authtype: "none"` or `auth: ["smithy.api#noAuth"]`
// make the operation unsigned (`auth: []`), another `auth` list picks from the service's schemes,
// and `authtype: "v4-unsigned-body"` (or `unsignedPayload: true`) is `unsignedPayload`.
// An input whose `locationName` / `xmlNamespace` (rest-xml's root element) differ from the
// shape's name and the service's namespace gives them to the input structure (see lowerBotocore).

import type { AuthScheme, Operation } from "../model/ir.js";
import type { BotoMetadata, BotoOperation } from "./document.js";
import { authSchemeOf } from "./service.js";
import { deprecationOf, docsOf, shapeIdOf } from "./shapes.js";

export function lowerOperation(namespace: string, metadata: BotoMetadata, name: string, op: BotoOperation): Operation {
  const protocol = metadata.protocol;
  const id = (shape: string) => shapeIdOf({ namespace }, shape);
  const rest = protocol === "rest-json" || protocol === "rest-xml";
  const http = op.http;
  const encodings = op.requestcompression?.encodings;
  const checksum = op.httpChecksum;
  return {
    id: id(name),
    name,
    ...(op.input ? { input: id(op.input.shape) } : {}),
    ...(op.output ? { output: id(op.output.shape) } : {}),
    errors: (op.errors ?? []).map((e) => id(e.shape)),
    ...docsOf(op.documentation),
    ...deprecationOf(op),
    ...(rest
      ? {
          http: {
            method: http?.method ?? "POST",
            uri: http?.requestUri ?? "/",
            ...(typeof http?.responseCode === "number" ? { code: http.responseCode } : {}),
          },
        }
      : {}),
    ...(typeof op.endpoint?.hostPrefix === "string" ? { endpoint: { hostPrefix: op.endpoint.hostPrefix } } : {}),
    ...(Array.isArray(encodings) ? { requestCompression: encodings.filter((e): e is string => typeof e === "string") } : {}),
    ...(op.httpChecksumRequired === true ? { httpChecksumRequired: true } : {}),
    ...(typeof checksum === "object" && checksum !== null
      ? {
          httpChecksum: {
            requestChecksumRequired: checksum.requestChecksumRequired === true,
            ...(typeof checksum.requestAlgorithmMember === "string" ? { requestAlgorithmMember: checksum.requestAlgorithmMember } : {}),
          },
        }
      : {}),
    ...authOf(metadata, op),
    ...(op.authtype === "v4-unsigned-body" || op.unsignedPayload === true ? { unsignedPayload: true } : {}),
    ...(op.idempotent === true ? { idempotent: true } : {}),
  };
}

function authOf(metadata: BotoMetadata, op: BotoOperation): { auth?: readonly AuthScheme[] } {
  if (op.authtype === "none") return { auth: [] };
  if (op.auth === undefined) return {};
  const auth: AuthScheme[] = [];
  for (const id of op.auth) {
    const scheme = id === "smithy.api#noAuth" ? undefined : authSchemeOf(id, metadata);
    if (scheme) auth.push(scheme);
  }
  return { auth };
}
