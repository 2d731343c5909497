// Assembles the resolved model of one OpenAPI document: service, operations and shapes.
//
//   { openapi: 3.0.3, info: { title: "Pet Store", version: "1" },
//     paths: { /pets: { get: { operationId: listPets, ... } } }, components: { schemas: { Pet: ... } } }
//   → { service: { id: "openapi#PetStore", protocol: "http", version: "1" },
//       operations: [listPets], shapes: openapi#ListPetsRequest, openapi#Pet, ... (sorted by id) }
//
// Every component schema becomes a shape, whether an operation uses it or not; inline shapes that
// end up unused (an object body whose properties became input members) are left out.

import { OPENAPI_HTTP, type Operation, type ResolvedModel, type Shape, type ShapeId } from "../model/ir.js";
import type { ModelInput } from "../frontends.js";
import type { Documents, Located } from "./documents.js";
import { FactsReader } from "./facts.js";
import { LocationNamer, NameRegistry, pascal } from "./names.js";
import { lowerOperation, serversBasePath, type OperationSite } from "./operations.js";
import { lowerSecurity, lowerSecuritySchemes, lowerServers } from "./security.js";
import { isObject } from "./pointer.js";
import { NAMESPACE, SchemaLowerer, commonmark } from "./schemas.js";
import { breakVariantCycles } from "./variant-cycles.js";
import { mediaKind, pickMediaType } from "./bodies.js";
import { append } from "../lists.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function lowerDocument(docs: Documents, root: Located, input: ModelInput, openapi31: boolean): ResolvedModel {
  const registry = new NameRegistry();
  const sites = operationSites(docs, root);
  const namer = new LocationNamer(sites.map((s) => ({ file: s.at.file, pointer: s.at.pointer, name: s.name })), (file) => docs.load(file)?.value);
  const schemas = new SchemaLowerer(docs, new FactsReader(docs, openapi31), namer, registry, sites.some((site) => sendsXml(docs, site.at)));

  const components = docs.child(root, "components", "schemas");
  const componentNames = isObject(components.value) ? Object.keys(components.value).sort(compare) : [];
  for (const name of componentNames) schemas.claimComponent(docs.child(components, name), name);

  const info = isObject(root.value) && isObject(root.value["info"]) ? root.value["info"] : {};
  const serviceName = registry.claim(pascal(typeof info["title"] === "string" ? info["title"] : "") || pascal(input.name) || "Service");
  // Operation ids stay plain identifiers (`orders/create-one` → `openapi#orders_create_one`).
  const basePath = serversBasePath(docs, root) ?? "";
  const claimed = sites.map((site) => ({ ...site, basePath, idName: registry.claim(site.name.replace(/[^A-Za-z0-9_]+/g, "_")) }));

  const roots: ShapeId[] = componentNames.map((name) => schemas.lower(docs.child(components, name), "other").ref.target);
  const securitySchemes = lowerSecuritySchemes(docs, root);
  const operations: Operation[] = claimed.map((site) => {
    const op = lowerOperation(docs, schemas, registry, site, openapi31);
    const security = lowerSecurity(docs, site.at, securitySchemes);
    const servers = lowerServers(docs, site.at) ?? lowerServers(docs, site.pathItem);
    return { ...op, ...(security ? { security } : {}), ...(servers ? { servers } : {}) };
  });
  for (const op of operations) {
    if (op.input) roots.push(op.input);
    if (op.output) roots.push(op.output);
    append(roots, op.errors);
    for (const r of op.responses ?? []) {
      for (const c of r.contents) if (c.body) roots.push(c.body.target);
      for (const h of r.headers) roots.push(h.target);
      if (r.shape) roots.push(r.shape);
    }
  }

  breakVariantCycles(schemas, docs);

  const description = info["description"];
  return {
    name: input.name,
    sources: docs.files,
    service: {
      id: `${NAMESPACE}#${serviceName}`,
      name: serviceName,
      ...(typeof info["version"] === "string" ? { version: info["version"] } : {}),
      protocols: [{ id: OPENAPI_HTTP, value: {} }],
      ...optional("servers", lowerServers(docs, root)),
      ...optional("securitySchemes", securitySchemes),
      ...optional("security", lowerSecurity(docs, root, securitySchemes)),
      ...(typeof description === "string" && description.trim() !== "" ? { docs: commonmark(description) } : {}),
    },
    operations: [...operations].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id)),
    shapes: requireNonEmptyQueryStrings(reachable(schemas.shapes, roots), operations),
    patternSyntax: "ecma262",
  };
}

/**
 * A required query parameter of type string without `allowEmptyValue` gets a member constraint
 * of at least one character: the serializer leaves "" out there (OpenAPI 3.0.3 §Parameter Object:
 * `allowEmptyValue` "allows sending a parameter with an empty value. Default value is false"), so
 * "" would make a request without a parameter the operation requires. The validator now rejects
 * it instead (GitHub's `DELETE /repos/{owner}/{repo}/actions/caches` with `key: ""` went out
 * without `key`).
 *
 *   { name: key, in: query, required: true, schema: { type: string } }
 *   → member key: constraints { length: { min: 1 } }
 */
function requireNonEmptyQueryStrings(shapes: Map<ShapeId, Shape>, operations: readonly Operation[]): Map<ShapeId, Shape> {
  for (const op of operations) {
    const input = op.input === undefined ? undefined : shapes.get(op.input);
    if (input?.type !== "structure") continue;
    let changed = false;
    const members = input.members.map((m) => {
      const b = m.http;
      if (!m.required || b?.location !== "query" || b.style === undefined || b.allowEmptyValue === true) return m;
      if (b.content !== undefined && b.content !== "text") return m;
      if (shapes.get(m.target)?.type !== "string" || (m.constraints.length?.min ?? 0) >= 1) return m;
      changed = true;
      return { ...m, constraints: { ...m.constraints, length: { ...m.constraints.length, min: 1 } } };
    });
    if (changed) shapes.set(input.id, { ...input, members });
  }
  return shapes;
}

/** Every operation of the document, in path order then method order, with unique names. */
function operationSites(docs: Documents, root: Located): Omit<OperationSite, "idName" | "basePath">[] {
  const paths = docs.child(root, "paths");
  if (!isObject(paths.value)) return [];
  const sites: Omit<OperationSite, "idName" | "basePath">[] = [];
  const names = new Set<string>();
  for (const path of Object.keys(paths.value).sort(compare)) {
    const pathItem = docs.deref(docs.child(paths, path));
    if (!pathItem || !isObject(pathItem.value)) continue;
    for (const method of METHODS) {
      const at = docs.child(pathItem, method);
      if (!isObject(at.value)) continue;
      const id = at.value["operationId"];
      const wanted = typeof id === "string" && id.trim() !== "" ? id : method + pascal(path);
      let name = wanted;
      for (let i = 2; names.has(name); i++) name = `${wanted}${i}`;
      if (name !== wanted) {
        docs.report("warning", "OPENAPI_DUPLICATE_OPERATION_ID", `operationId \`${wanted}\` is used by more than one operation; this one is generated as \`${name}\``, docs.child(at, "operationId"), "operationIds must be unique within a document.");
      }
      names.add(name);
      sites.push({ at, pathItem, method, path, name });
    }
  }
  return sites;
}

/** Whether the operation's request body is sent as XML (then schemas get XML traits). */
function sendsXml(docs: Documents, at: Located): boolean {
  const body = isObject(at.value) && at.value["requestBody"] !== undefined ? docs.deref(docs.child(at, "requestBody")) : undefined;
  const content = body && isObject(body.value) ? body.value["content"] : undefined;
  const chosen = isObject(content) ? pickMediaType(Object.keys(content)) : undefined;
  return chosen !== undefined && mediaKind(chosen) === "xml";
}

/** The shapes reachable from `roots`, sorted by id. */
function reachable(shapes: ReadonlyMap<ShapeId, Shape>, roots: readonly ShapeId[]): Map<ShapeId, Shape> {
  const seen = new Set<ShapeId>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    const shape = shapes.get(id);
    if (!shape) continue;
    seen.add(id);
    switch (shape.type) {
      case "structure":
        for (const m of shape.members) stack.push(m.target);
        if (shape.additionalProperties !== undefined && shape.additionalProperties !== true) stack.push(shape.additionalProperties.target);
        break;
      case "union":
        for (const m of shape.members) stack.push(m.target);
        break;
      case "list":
        stack.push(shape.member.target);
        break;
      case "map":
        stack.push(shape.key.target, shape.value.target);
        break;
      case "alternatives":
        for (const v of shape.variants) stack.push(v.target);
        for (const m of shape.discriminator?.mapping ?? []) stack.push(m.target);
        break;
      default:
        break;
    }
  }
  // The default order of `sort` is `compare`'s (UTF-16 code units), without a call per comparison.
  const out = new Map<ShapeId, Shape>();
  for (const id of [...seen].sort()) out.set(id, shapes.get(id)!);
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `{ [key]: value }`, or nothing when the value is undefined (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
