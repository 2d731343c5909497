// Lowers one OpenAPI operation into an `Operation` and its input structure.
//
//   paths./pets/{petId}.get = { operationId: getPet, parameters: [{ name: petId, in: path, schema: { type: string } }] }
//   → Operation openapi#getPet { http: { method: "GET", uri: "/pets/{petId}" }, input: openapi#GetPetRequest }
//     openapi#GetPetRequest { petId: smithy.api#String (required, http label "petId") }
//
// Parameters of the path item apply unless the operation redefines them (same name and `in`).
// Member names are the parameter and property names; when two collide, the later one gets a
// suffix (`idQuery`, `nameBody`) and keeps its wire name in its binding or `jsonName`.

import type { Member, Operation, StructureShape } from "../model/ir.js";
import type { Documents, Located } from "./documents.js";
import { lowerRequestBody, type LoweredBody } from "./bodies.js";
import { KeywordReader } from "./keywords.js";
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

export function lowerOperation(docs: Documents, schemas: SchemaLowerer, registry: NameRegistry, site: OperationSite): Operation {
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

  const templateNames = [...site.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
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

  const bodyAt = read.has("requestBody") ? docs.deref(read.child("requestBody")) : undefined;
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
  const summary = read.string("summary");
  const description = read.string("description");
  const text = [summary, description].filter((t): t is string => t !== undefined && t.trim() !== "").join("\n\n");
  return {
    id: `${NAMESPACE}#${site.idName}`,
    name: site.name,
    input: input.id,
    ...(responses.output !== undefined ? { output: responses.output } : {}),
    errors: responses.errors,
    ...(text !== "" ? { docs: commonmark(text) } : {}),
    ...(read.boolean("deprecated") === true ? { deprecated: {} } : {}),
    http: {
      method: site.method.toUpperCase(),
      uri: (serversBasePath(docs, site.at) ?? serversBasePath(docs, site.pathItem) ?? site.basePath) + site.path,
      ...(body.contentType !== undefined ? { contentType: body.contentType } : {}),
      ...(body.bodyEncoding !== undefined ? { bodyEncoding: body.bodyEncoding } : {}),
      ...(constantHeaders.length > 0 ? { constantHeaders } : {}),
    },
    responses: responses.responses,
  };
}

/** Path-item parameters overridden by the operation's own (same `in` and name), dereferenced. */
function collectParameters(docs: Documents, site: OperationSite): Located[] {
  const byKey = new Map<string, Located>();
  const unnamed: Located[] = [];
  for (const owner of [site.pathItem, site.at]) {
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
      byKey.set(`${key.location}:${key.location === "header" ? key.name.toLowerCase() : key.name}`, at);
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
