// Lowers one OpenAPI operation into an `Operation` and its input structure.
//
//   paths./pets/{petId}.get = { operationId: getPet, parameters: [{ name: petId, in: path, schema: { type: string } }] }
//   → Operation openapi#getPet { http: { method: "GET", uri: "/pets/{petId}" }, input: openapi#GetPetRequest }
//     openapi#GetPetRequest { petId: smithy.api#String (required, http label "petId") }
//
// Parameters of the path item apply unless the operation redefines them (same name and `in`);
// the operation's come first.
// A `requestBody` on GET, HEAD or TRACE is not lowered (no body member, no body sent): HTTP gives
// such content no meaning and fetch refuses to send it; an OPENAPI_REQUEST_BODY_IGNORED warning
// says so when the body could have carried values (see `ignoredRequestBody`).
//
//   paths./search.get = { requestBody: { content: { application/json: { schema: { properties: { q: ... } } } } } }
//   → input openapi#GetSearchRequest {} and the warning at /paths/~1search/get/requestBody
// A path key's query (`/things?op=list`) is sent as written, but for pieces with a template
// expression (left out, with a warning); its fragment (`#op=APPEND`) is not sent (a warning).
// Member names are the parameter and property names; when two collide, the later one gets a
// suffix (`idQuery`, `nameBody`) and keeps its wire name in its binding or `jsonName`.

import type { Member, Operation, StructureShape } from "../model/ir.js";
import type { Documents, Located } from "./documents.js";
import { lowerRequestBody, type LoweredBody } from "./bodies.js";
import { DOCUMENTATION_IGNORED, KeywordReader } from "./keywords.js";
import { pascal, type NameRegistry } from "./names.js";
import { lowerParameter, parameterKey, type LoweredParameter } from "./parameters.js";
import { isObject } from "./pointer.js";
import { lowerResponses } from "./responses.js";
import { NAMESPACE, commonmark, type SchemaLowerer } from "./schemas.js";

export interface OperationSite {
  /** The operation object. */
  readonly at: Located;
  /** The path item it belongs to (dereferenced). */
  readonly pathItem: Located;
  readonly method: string;
  readonly path: string;
  /** `operationId`, or a name made of method and path; unique. */
  readonly name: string;
  /** The claimed shape-id name of the operation. */
  readonly idName: string;
  /** The path of the document's first `servers` URL (variables at their defaults), e.g. `/v1`. */
  readonly basePath: string;
}

const LOCATION_ORDER = ["path", "query", "header", "cookie"] as const;

export function lowerOperation(docs: Documents, schemas: SchemaLowerer, registry: NameRegistry, site: OperationSite, openapi31: boolean): Operation {
  const read = new KeywordReader(docs, site.at);
  const parameters = collectParameters(docs, site);
  const lowered: LoweredParameter[] = [];
  for (const at of parameters) {
    const parameter = lowerParameter(docs, schemas, at);
    if (parameter) lowered.push(parameter);
  }
  lowered.sort((a, b) => LOCATION_ORDER.indexOf(a.location) - LOCATION_ORDER.indexOf(b.location));

  const members: Member[] = [];
  const taken = new Set<string>();
  const claim = (wanted: string, suffix: string): string => {
    let name = taken.has(wanted) ? wanted + suffix : wanted;
    for (let i = 2; taken.has(name); i++) name = `${wanted}${suffix}${i}`;
    taken.add(name);
    return name;
  };

  const target = requestTarget(site.path);
  if (target.fragment !== undefined) {
    docs.report("warning", "OPENAPI_PATH_FRAGMENT", `The path ${site.path} has a fragment \`#${target.fragment}\`, which is not part of a request (RFC 3986 §3.5): it is not sent, the operation goes to ${target.path}`, site.at, "Remove the fragment from the path; a query parameter can tell operations on the same path apart.");
  }
  for (const piece of target.templatedQuery) {
    const name = piece.split("=")[0]!;
    const sent = lowered.some((p) => p.location === "query" && p.name === name);
    docs.report("warning", "OPENAPI_PATH_QUERY_TEMPLATE", `The path ${site.path} has a query \`${piece}\` with a template expression, which is not sent as written ({ and } are not URI characters): ${sent ? `the query parameter \`${name}\` sends its value` : "it is left out"}`, site.at, sent ? "Remove the query from the path; the query parameter is enough." : `Declare a query parameter \`${name}\` instead of the template in the path.`);
  }
  const templateNames = [...target.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  for (const parameter of lowered) {
    if (!parameter.member) continue;
    if (parameter.location === "path" && !templateNames.includes(parameter.name)) {
      docs.report("warning", "OPENAPI_UNUSED_PATH_PARAMETER", `Path parameter \`${parameter.name}\` does not appear in the path ${site.path}; it is ignored`, site.at);
      continue;
    }
    members.push({ ...parameter.member, name: claim(parameter.member.name, pascal(parameter.location)) });
  }
  for (const variable of templateNames) {
    if (lowered.some((p) => p.location === "path" && p.name === variable)) continue;
    docs.report("warning", "OPENAPI_MISSING_PATH_PARAMETER", `The path ${site.path} has \`{${variable}}\` but the operation defines no path parameter \`${variable}\`; it is taken as a required string`, site.at, "Add the path parameter to the operation or its path item.");
    members.push({ name: claim(variable, "Path"), target: schemas.primitive("string").target, required: true, constraints: {}, http: { location: "label", name: variable, style: "simple", explode: false } });
  }

  const declaredBody = read.has("requestBody") ? docs.deref(read.child("requestBody")) : undefined;
  const bodyAt = declaredBody && ignoredRequestBody(docs, site, declaredBody, read.child("requestBody"), openapi31) ? undefined : declaredBody;
  const body: LoweredBody = bodyAt ? lowerRequestBody(docs, schemas, bodyAt) : { members: [] };
  for (const member of body.members) {
    const name = claim(member.name, "Body");
    members.push(name === member.name ? member : { ...member, name, jsonName: member.jsonName ?? member.name });
  }

  const wanted = pascal(site.name) + "Request";
  // A component schema often has that name already (the body's own schema): then `...Input`.
  const inputName = registry.claim(registry.has(wanted) ? pascal(site.name) + "Input" : wanted);
  const input: StructureShape = {
    type: "structure",
    id: `${NAMESPACE}#${inputName}`,
    name: inputName,
    ...(body.docs ? { docs: body.docs } : {}),
    ...(body.xml ? { xml: body.xml } : {}),
    sensitive: false,
    constraints: {},
    members,
  };
  schemas.add(input);

  const responses = read.has("responses") ? lowerResponses(docs, schemas, registry, read.child("responses"), site.name) : { responses: [], errors: [] };

  const constantHeaders = lowered
    .flatMap((p) => (p.constantHeader ? [p.constantHeader] : []))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const summary = read.string("summary", DOCUMENTATION_IGNORED);
  const description = read.string("description", DOCUMENTATION_IGNORED);
  const text = [summary, description].filter((t): t is string => t !== undefined && t.trim() !== "").join("\n\n");
  return {
    id: `${NAMESPACE}#${site.idName}`,
    name: site.name,
    input: input.id,
    ...(responses.output !== undefined ? { output: responses.output } : {}),
    errors: responses.errors,
    ...(text !== "" ? { docs: commonmark(text) } : {}),
    ...(read.boolean("deprecated", DOCUMENTATION_IGNORED) === true ? { deprecated: {} } : {}),
    http: {
      method: site.method.toUpperCase(),
      uri: (serversBasePath(docs, site.at) ?? serversBasePath(docs, site.pathItem) ?? site.basePath) + target.path + (target.query.length > 0 ? "?" + target.query.join("&") : ""),
      ...(body.contentType !== undefined ? { contentType: body.contentType } : {}),
      ...(body.bodyEncoding !== undefined ? { bodyEncoding: body.bodyEncoding } : {}),
      ...(body.omitEmptyBody === true ? { omitEmptyBody: true } : {}),
      ...(constantHeaders.length > 0 ? { constantHeaders } : {}),
    },
    responses: responses.responses,
  };
}

/**
 * The request target a path key gives (RFC 3986 §3): its path, whose template expressions are
 * path parameters; its literal query pieces (Azure's `?op=list`), sent as written; no fragment
 * (`#op=APPEND`: never sent, RFC 3986 §3.5; a query goes before it, §3). A query piece with a
 * template expression cannot be sent as written (`{` and `}` are not URI characters, §3.4).
 *
 *   requestTarget("/files/{path}#op=APPEND")  → { path: "/files/{path}", query: [], templatedQuery: [], fragment: "op=APPEND" }
 *   requestTarget("/search?q={q}&type=user")  → { path: "/search", query: ["type=user"], templatedQuery: ["q={q}"] }
 */
export function requestTarget(key: string): { path: string; query: string[]; templatedQuery: string[]; fragment?: string } {
  const hash = key.indexOf("#");
  const beforeFragment = hash === -1 ? key : key.slice(0, hash);
  const question = beforeFragment.indexOf("?");
  const path = question === -1 ? beforeFragment : beforeFragment.slice(0, question);
  const pieces = question === -1 ? [] : beforeFragment.slice(question + 1).split("&").filter((piece) => piece !== "");
  return {
    path,
    query: pieces.filter((piece) => !/[{}]/.test(piece)),
    templatedQuery: pieces.filter((piece) => /[{}]/.test(piece)),
    ...(hash === -1 ? {} : { fragment: key.slice(hash + 1) }),
  };
}

/**
 * Methods whose request content is not sent, whatever the document's `requestBody` says:
 * - GET and HEAD: OpenAPI 3.0.3 §Operation Object `requestBody` ("only supported in HTTP methods
 *   where [RFC 7231] has explicitly defined semantics for request bodies. In other cases [...]
 *   requestBody SHALL be ignored by consumers"; RFC 7231 §4.3.1, §4.3.2: such a payload "has no
 *   defined semantics"). OpenAPI 3.1.0 permits it but says it "SHOULD be avoided if possible";
 *   we drop it for 3.1 too: the Fetch standard's Request constructor throws a TypeError for a GET
 *   or HEAD request with a body, so a generated client could never send it, and RFC 9110 §9.3.1
 *   warns that servers may reject such a request as a smuggling attempt.
 * - TRACE: RFC 9110 §9.3.8, "A client MUST NOT send content in a TRACE request".
 * DELETE and OPTIONS keep their body in 3.0 documents as in 3.1 (where it is permitted): fetch
 * sends it, swagger-client sends it, and 3.0 APIs need it (GitHub's `DELETE
 * /repos/{owner}/{repo}/contents/{path}` requires `message` and `sha`, Kubernetes' deletes take
 * DeleteOptions); dropping it would make such operations unusable.
 */
const BODYLESS_METHODS: ReadonlySet<string> = new Set(["get", "head", "trace"]);

/**
 * Whether the operation's request body is ignored (its method is bodyless); warns when the body
 * could have carried a value, i.e. is anything but an object schema with no properties and
 * `additionalProperties: false` (Stripe declares such an empty form body on each of its 213
 * GET operations: nothing is lost there, so nothing is said).
 */
function ignoredRequestBody(docs: Documents, site: OperationSite, body: Located, where: Located, openapi31: boolean): boolean {
  if (!BODYLESS_METHODS.has(site.method)) return false;
  const method = site.method.toUpperCase();
  const content = isObject(body.value) && isObject(body.value["content"]) ? body.value["content"] : {};
  const empty = Object.keys(content).every((type) => {
    const schema = docs.deref(docs.child(body, "content", type, "schema"));
    const s = schema?.value;
    if (!isObject(s) || s["additionalProperties"] !== false) return false;
    if (["allOf", "anyOf", "oneOf", "items", "patternProperties"].some((k) => k in s)) return false;
    return s["properties"] === undefined || (isObject(s["properties"]) && Object.keys(s["properties"]).length === 0);
  });
  if (empty) return true;
  const why =
    method === "TRACE"
      ? "RFC 9110 §9.3.8 says a client MUST NOT send content in a TRACE request"
      : openapi31
        ? `OpenAPI 3.1 permits a requestBody on ${method} but says it SHOULD be avoided (HTTP gives it no meaning, RFC 9110 §9.3.1), and fetch refuses to send a ${method} request with a body`
        : `OpenAPI 3.0 says a requestBody on ${method} SHALL be ignored (§Operation Object: HTTP defines no meaning for it, RFC 7231 §4.3.1), and fetch refuses to send a ${method} request with a body`;
  docs.report(
    "warning",
    "OPENAPI_REQUEST_BODY_IGNORED",
    `${method} ${site.path} declares a requestBody; it is ignored and the operation's input has no body members: ${why}`,
    where,
    `Send the values as query parameters, or make the operation a POST if the server reads a body.`,
  );
  return true;
}

/**
 * The operation's parameters, then the path item's that it does not override (same `in` and
 * name), dereferenced. That order is the order of the input members of each location, and so of
 * the query: the order swagger-client sends (execute/index.js: operation parameters first), which
 * OpenAPI leaves open.
 */
function collectParameters(docs: Documents, site: OperationSite): Located[] {
  const byKey = new Map<string, Located>();
  const unnamed: Located[] = [];
  for (const owner of [site.at, site.pathItem]) {
    const list = isObject(owner.value) ? owner.value["parameters"] : undefined;
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      new KeywordReader(docs, owner).array("parameters");
      continue;
    }
    list.forEach((_, i) => {
      const at = docs.deref(docs.child(owner, "parameters", i));
      if (!at) return;
      const key = parameterKey(at);
      if (!key) {
        unnamed.push(at);
        return;
      }
      const id = `${key.location}:${key.location === "header" ? key.name.toLowerCase() : key.name}`;
      if (!byKey.has(id)) byKey.set(id, at);
    });
  }
  return [...byKey.values(), ...unnamed];
}

/**
 * The path part of the first entry of a `servers` list (OpenAPI 3.0 §Server Object), variables
 * replaced by their `default`, without a trailing slash: `https://{host}/api/{v}` with
 * `v: { default: v2 }` → `/api/v2`; `https://example.com/` → ``. Undefined when `owner` has no
 * `servers`. Paths are appended to it (§Paths Object: "relative to the server URL").
 */
export function serversBasePath(docs: Documents, owner: Located): string | undefined {
  if (!isObject(owner.value) || !Array.isArray(owner.value["servers"]) || owner.value["servers"].length === 0) return undefined;
  const server = docs.deref(docs.child(owner, "servers", 0));
  if (!server || !isObject(server.value) || typeof server.value["url"] !== "string") return undefined;
  const variables = isObject(server.value["variables"]) ? server.value["variables"] : {};
  const url = server.value["url"].replace(/\{([^}]*)\}/g, (whole, name: string) => {
    const variable = variables[name];
    if (!isObject(variable)) return whole;
    const value = variable["default"] ?? (Array.isArray(variable["enum"]) ? variable["enum"][0] : undefined);
    return typeof value === "string" || typeof value === "number" ? String(value) : whole;
  });
  const path = url
    .replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, "")
    .replace(/^\/\/[^/?#]*/, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
  return path === "" || path.startsWith("/") ? path : "/" + path;
}
