// Swagger 2.0 → OpenAPI 3.0: the converted document the OpenAPI 3 front end reads, and where
// each of its parts came from (diagnostics name the 2.0 place, swagger2-documents.ts).
//
//   swagger: "2.0"                               openapi: 3.0.3
//   host: api.example.com                         servers: [{ url: https://api.example.com/v1 }]
//   basePath: /v1; schemes: [https]
//   consumes: [application/json]
//   paths: /pets: post:                           paths: /pets: post:
//     parameters:                                   parameters: [{ name: tags, in: query, style: form,
//       - { name: tags, in: query, type: array,                    explode: false, schema: { type: array, items: { type: string } } }]
//           items: { type: string } }               requestBody: { required: true,
//       - { name: pet, in: body, required: true,      content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
//           schema: { $ref: "#/definitions/Pet" } }
//   definitions: { Pet: {...} }                    components: { schemas: { Pet: {...} } }
//
// What moves where (OpenAPI 3.0.3 and Swagger 2.0 specifications):
// - `host`, `basePath`, `schemes` → `servers` (one per scheme; no scheme: `//host/base`; no host: the base path alone).
// - `in: body` → `requestBody`, one media type per `consumes` (operation, else document; default application/json).
// - `in: formData` → a `requestBody` whose object schema has one property per parameter:
//   `multipart/form-data` when a parameter is `type: file` (bytes: `format: binary`), else the
//   form types of `consumes` (default application/x-www-form-urlencoded). Arrays keep their
//   `collectionFormat` through the Encoding Object (`style`, `explode`).
// - `collectionFormat` → `style`/`explode`: csv → form (query) or simple (path, header) with
//   explode false; ssv → spaceDelimited; pipes → pipeDelimited; multi → form, explode true.
//   tsv has no 3.0 style: a warning, and the values go comma-separated (csv). ssv, pipes and tsv
//   exist only for query and form parameters in 3.0; elsewhere, the same warning and csv.
// - Response `schema` → `content` (one media type per `produces`, default application/json),
//   `examples` per media type → that media type's `example`, `headers` → Header Objects with a schema.
// - `definitions`, `parameters`, `responses` → `components` (`$ref`s rewritten); `securityDefinitions`
//   → `securitySchemes` (basic → http basic, apiKey as is, oauth2 flows by their 3.0 names).
// - Schemas: `x-nullable` → `nullable`, `type: file` → binary, a string `discriminator` → `propertyName`.
// - `allowEmptyValue`, `default`, `enum` and the numeric and string constraints stay where 3.0 has them;
//   a string formData parameter's `allowEmptyValue` (default false) becomes its Encoding Object's
//   `x-allowEmptyValue`, which 3.0 has no field for: without it, an empty string is not sent.
//     - { name: note, in: formData, type: string }  →  encoding: { note: { x-allowEmptyValue: false } }

import type { Documents, Located } from "./documents.js";
import { mediaKind } from "./bodies.js";
import { childPointer, isObject } from "./pointer.js";
import { Origins } from "./swagger2-documents.js";
import { child, convertSchema, extensions, moved, rewriteRef, simpleSchema, siteOf, type ConvertContext, type Site } from "./swagger2-schemas.js";
import { quoteValue } from "../limits.js";

export interface Converted {
  readonly document: Record<string, unknown>;
  readonly origins: Origins;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch"] as const;

interface Context extends ConvertContext {
  readonly docs: Documents;
  readonly consumes: readonly string[] | undefined;
  readonly produces: readonly string[] | undefined;
}

/** Converts the 2.0 document at `root`; problems are reported at their 2.0 places. */
export function convertSwagger2(docs: Documents, root: Located): Converted {
  const origins = new Origins(root.file);
  const src = isObject(root.value) ? root.value : {};
  const base: ConvertContext = {
    rootFile: root.file,
    origins,
    checkRef: (at) => void docs.resolve(at),
    report: (severity, code, message, at, hint) => docs.report(severity, code, message, at, hint),
  };
  const top = siteOf(root, "");
  const ctx: Context = { ...base, docs, consumes: mediaTypes(base, src, top, "consumes"), produces: mediaTypes(base, src, top, "produces") };
  moved(ctx, "/openapi", { file: root.file, pointer: "/swagger" });

  const out: Record<string, unknown> = { openapi: "3.0.3" };
  if (src["info"] !== undefined) out["info"] = src["info"];
  const servers = serversOf(ctx, src, top);
  if (servers) out["servers"] = servers;
  for (const key of ["tags", "externalDocs", "security"]) if (src[key] !== undefined) out[key] = src[key];
  Object.assign(out, extensions(src));
  if (src["paths"] !== undefined) out["paths"] = isObject(src["paths"]) ? convertPaths(ctx, docs.child(root, "paths")) : src["paths"];

  const components: Record<string, unknown> = {};
  const definitions = src["definitions"];
  if (isObject(definitions)) {
    components["schemas"] = mapEntries(definitions, (name, value) => {
      const site: Site = { file: root.file, pointer: childPointer("/definitions", name), to: childPointer("/components/schemas", name) };
      moved(ctx, site.to, site);
      return convertSchema(ctx, value, site);
    });
  }
  const parameters = src["parameters"];
  if (isObject(parameters)) {
    // Body and form parameters have no 3.0 component of their own: they are taken into each
    // operation's requestBody where they are used.
    const kept = Object.keys(parameters).filter((name) => !isBodyOrForm(parameters[name]));
    if (kept.length > 0) {
      components["parameters"] = Object.fromEntries(
        kept.map((name) => {
          const site: Site = { file: root.file, pointer: childPointer("/parameters", name), to: childPointer("/components/parameters", name) };
          moved(ctx, site.to, site);
          return [name, convertParameter(ctx, parameters[name], site)];
        }),
      );
    }
  }
  const responses = src["responses"];
  if (isObject(responses)) {
    components["responses"] = mapEntries(responses, (name, value) => {
      const site: Site = { file: root.file, pointer: childPointer("/responses", name), to: childPointer("/components/responses", name) };
      moved(ctx, site.to, site);
      return convertResponse(ctx, value, site, ctx.produces);
    });
  }
  const security = src["securityDefinitions"];
  if (isObject(security)) {
    components["securitySchemes"] = mapEntries(security, (name, value) => {
      const site: Site = { file: root.file, pointer: childPointer("/securityDefinitions", name), to: childPointer("/components/securitySchemes", name) };
      moved(ctx, site.to, site);
      return securityScheme(ctx, value, site);
    });
  }
  if (Object.keys(components).length > 0) {
    out["components"] = components;
    moved(ctx, "/components", { file: root.file, pointer: "" });
  }
  return { document: out, origins };
}

function mapEntries(object: Record<string, unknown>, f: (name: string, value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([name, value]) => [name, f(name, value)]));
}

/** `consumes` or `produces` of a document or operation: a list of media types, or undefined. */
function mediaTypes(ctx: ConvertContext, owner: Record<string, unknown>, site: Site, key: "consumes" | "produces"): readonly string[] | undefined {
  const value = owner[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((t) => typeof t !== "string")) {
    ctx.report("error", "SWAGGER2_MEDIA_TYPES", `\`${key}\` must be a list of media types, not ${quoteValue(value)}`, child(site, key), `Write \`${key}: [application/json]\`.`);
    return undefined;
  }
  return value as string[];
}

function serversOf(ctx: Context, src: Record<string, unknown>, top: Site): { url: string }[] | undefined {
  const host = src["host"];
  const basePath = src["basePath"];
  if (host === undefined && basePath === undefined) return undefined;
  if (host !== undefined && typeof host !== "string") {
    ctx.report("error", "SWAGGER2_HOST", `\`host\` must be a string, not ${quoteValue(host)}`, child(top, "host"), "Write the host name, e.g. `host: api.example.com`.");
    return undefined;
  }
  if (basePath !== undefined && typeof basePath !== "string") {
    ctx.report("error", "SWAGGER2_HOST", `\`basePath\` must be a string, not ${quoteValue(basePath)}`, child(top, "basePath"), "Write the base path, e.g. `basePath: /v1`.");
    return undefined;
  }
  const path = basePath === undefined || basePath === "/" ? "" : basePath.startsWith("/") ? basePath : "/" + basePath;
  moved(ctx, "/servers", { file: top.file, pointer: host !== undefined ? "/host" : "/basePath" });
  if (host === undefined) return [{ url: path === "" ? "/" : path }];
  const schemes = Array.isArray(src["schemes"]) ? src["schemes"].filter((s): s is string => typeof s === "string") : [];
  // No scheme: the one the document was fetched with (2.0 §Swagger Object), a scheme-relative URL.
  if (schemes.length === 0) return [{ url: `//${host}${path}` }];
  return schemes.map((scheme) => ({ url: `${scheme}://${host}${path}` }));
}

function convertPaths(ctx: Context, paths: Located): Record<string, unknown> {
  const value = paths.value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(value)) {
    const at = ctx.docs.child(paths, path);
    out[path] = path.startsWith("x-") || !isObject(item) ? item : convertPathItem(ctx, at, siteOf(at, childPointer("/paths", path)));
  }
  return out;
}

/** A parameter of an operation or path item: the list entry, and what it stands for. */
interface ParameterEntry {
  /** The entry in the list (a `$ref` or the parameter). */
  readonly entry: Located;
  /** The parameter object (the `$ref` followed). */
  readonly at: Located;
  readonly in: unknown;
  readonly name: unknown;
}

function convertPathItem(ctx: Context, at: Located, site: Site): Record<string, unknown> {
  const item = at.value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (typeof item["$ref"] === "string") out["$ref"] = rewriteRef(ctx, item["$ref"], at.file);
  const shared = parameterEntries(ctx, at);
  const kept = convertParameterList(ctx, shared, site);
  if (kept.length > 0) out["parameters"] = kept;
  for (const method of METHODS) {
    const opAt = ctx.docs.child(at, method);
    if (isObject(opAt.value)) out[method] = convertOperation(ctx, opAt, child(site, method), shared);
    else if (opAt.value !== undefined) out[method] = opAt.value;
  }
  Object.assign(out, extensions(item));
  return out;
}

function parameterEntries(ctx: Context, owner: Located): ParameterEntry[] {
  const list = isObject(owner.value) ? owner.value["parameters"] : undefined;
  if (!Array.isArray(list)) return [];
  const entries: ParameterEntry[] = [];
  list.forEach((_, i) => {
    const entry = ctx.docs.child(owner, "parameters", i);
    const at = isObject(entry.value) && "$ref" in entry.value ? ctx.docs.deref(entry) : entry;
    if (!at) return; // a broken `$ref`, reported at its place
    const value = isObject(at.value) ? at.value : {};
    entries.push({ entry, at, in: value["in"], name: value["name"] });
  });
  return entries;
}

/** The 3.0 `parameters` list of path, query and header parameters; body and form ones are left out. */
function convertParameterList(ctx: Context, entries: readonly ParameterEntry[], owner: Site): unknown[] {
  const out: unknown[] = [];
  for (const p of entries) {
    if (p.in === "body" || p.in === "formData") continue;
    const to = childPointer(owner.to, "parameters", out.length);
    moved(ctx, to, p.entry);
    const ref = isObject(p.entry.value) ? p.entry.value["$ref"] : undefined;
    // A `$ref` to a parameter of this document's `parameters` stays a `$ref` (to its component).
    if (typeof ref === "string" && p.at.file === ctx.rootFile && p.entry.file === ctx.rootFile && /^\/parameters\/[^/]+$/.test(p.at.pointer)) {
      out.push({ $ref: rewriteRef(ctx, ref, p.entry.file) });
      continue;
    }
    moved(ctx, to, p.at);
    out.push(convertParameter(ctx, p.at.value, siteOf(p.at, to)));
  }
  return out;
}

function convertOperation(ctx: Context, at: Located, site: Site, shared: readonly ParameterEntry[]): Record<string, unknown> {
  const op = at.value as Record<string, unknown>;
  const consumes = mediaTypes(ctx, op, site, "consumes") ?? ctx.consumes;
  const produces = mediaTypes(ctx, op, site, "produces") ?? ctx.produces;
  const own = parameterEntries(ctx, at);
  const out: Record<string, unknown> = {};
  for (const key of ["tags", "summary", "description", "externalDocs", "operationId"]) if (op[key] !== undefined) out[key] = op[key];
  const parameters = convertParameterList(ctx, own, site);
  if (parameters.length > 0) out["parameters"] = parameters;

  // Body and form parameters of the path item apply unless the operation has one of the same name and `in`.
  const key = (p: ParameterEntry) => `${String(p.in)}:${String(p.name)}`;
  const ownKeys = new Set(own.map(key));
  const bodyLike = [...shared.filter((p) => !ownKeys.has(key(p))), ...own].filter((p) => p.in === "body" || p.in === "formData");
  const bodies = bodyLike.filter((p) => p.in === "body");
  const forms = bodyLike.filter((p) => p.in === "formData");
  if (bodies.length > 1) {
    ctx.report("error", "SWAGGER2_BODY", `An operation has at most one \`in: body\` parameter; this one is the ${ordinal(bodies.length)}`, bodies[bodies.length - 1]!.entry, "Put the values into one body schema.");
  } else if (bodies.length === 1 && forms.length > 0) {
    ctx.report("error", "SWAGGER2_BODY", "An operation cannot have both an `in: body` parameter and `in: formData` parameters", forms[0]!.entry, "Send the form fields as properties of the body schema, or the body's properties as form fields.");
  } else if (bodies.length === 1) {
    out["requestBody"] = bodyRequest(ctx, bodies[0]!, child(site, "requestBody").to, consumes);
  } else if (forms.length > 0) {
    out["requestBody"] = formRequest(ctx, forms, child(site, "requestBody").to, consumes, at);
  }

  if (op["responses"] !== undefined) out["responses"] = isObject(op["responses"]) ? convertResponses(ctx, ctx.docs.child(at, "responses"), child(site, "responses"), produces) : op["responses"];
  for (const k of ["deprecated", "security"]) if (op[k] !== undefined) out[k] = op[k];
  Object.assign(out, extensions(op));
  return out;
}

function ordinal(n: number): string {
  return n === 2 ? "second" : n === 3 ? "third" : `${n}th`;
}

function bodyRequest(ctx: Context, p: ParameterEntry, to: string, consumes: readonly string[] | undefined): Record<string, unknown> {
  const param = isObject(p.at.value) ? p.at.value : {};
  moved(ctx, to, p.at);
  const schemaSite = siteOf(ctx.docs.child(p.at, "schema"), "");
  if (param["schema"] === undefined) {
    ctx.report("error", "SWAGGER2_BODY", `The body parameter \`${String(p.name)}\` has no \`schema\``, p.at, "Give the body parameter a `schema` (e.g. `schema: { $ref: '#/definitions/Pet' }`).");
  }
  const content: Record<string, unknown> = {};
  for (const type of consumes && consumes.length > 0 ? consumes : ["application/json"]) {
    const typeTo = childPointer(to, "content", type);
    moved(ctx, typeTo, p.at);
    moved(ctx, childPointer(typeTo, "schema"), schemaSite);
    content[type] = param["schema"] === undefined ? {} : { schema: convertSchema(ctx, param["schema"], { ...schemaSite, to: childPointer(typeTo, "schema") }) };
  }
  return {
    ...(param["description"] !== undefined ? { description: param["description"] } : {}),
    content,
    ...(param["required"] !== undefined ? { required: param["required"] } : {}),
    ...extensions(param),
  };
}

function formRequest(ctx: Context, forms: readonly ParameterEntry[], to: string, consumes: readonly string[] | undefined, op: Located): Record<string, unknown> {
  moved(ctx, to, forms[0]!.at);
  const hasFile = forms.some((p) => isObject(p.at.value) && p.at.value["type"] === "file");
  const declared = (consumes ?? []).filter((t) => mediaKind(t) === "form" || mediaKind(t) === "multipart");
  let types = hasFile ? declared.filter((t) => mediaKind(t) === "multipart") : declared;
  if (types.length === 0) {
    types = [hasFile ? "multipart/form-data" : "application/x-www-form-urlencoded"];
    if (consumes !== undefined && consumes.length > 0) {
      ctx.report(
        "warning",
        "SWAGGER2_FORM_CONSUMES",
        `This operation has form parameters${hasFile ? " with a file" : ""} but consumes ${consumes.join(", ")}; the form is sent as ${types[0]}`,
        { file: op.file, pointer: childPointer(op.pointer, isObject(op.value) && op.value["consumes"] !== undefined ? "consumes" : "parameters") },
        `Add ${types[0]} to \`consumes\`.`,
      );
    }
  }
  const content: Record<string, unknown> = {};
  for (const type of types) {
    const typeTo = childPointer(to, "content", type);
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    const encoding: Record<string, unknown> = {};
    for (const p of forms) {
      const param = isObject(p.at.value) ? p.at.value : {};
      const name = String(p.name);
      const propertyTo = childPointer(typeTo, "schema", "properties", name);
      moved(ctx, propertyTo, p.at);
      properties[name] = {
        ...(param["description"] !== undefined ? { description: param["description"] } : {}),
        ...simpleSchema(ctx, param, siteOf(p.at, propertyTo)),
      };
      if (param["required"] === true) required.push(name);
      const style = param["type"] === "array" ? collectionStyle(ctx, mediaKind(type) === "multipart" ? "multipart" : "formData", param, p.at) : undefined;
      if (style) {
        encoding[name] = style;
        moved(ctx, childPointer(typeTo, "encoding", name), { file: p.at.file, pointer: childPointer(p.at.pointer, param["collectionFormat"] !== undefined ? "collectionFormat" : "type") });
      }
      if (param["type"] === "string") {
        // 2.0's allowEmptyValue (default false: an empty string is not sent); 3.0 has none for form fields.
        if (!isObject(encoding[name])) moved(ctx, childPointer(typeTo, "encoding", name), p.at);
        encoding[name] = { ...(isObject(encoding[name]) ? encoding[name] : {}), "x-allowEmptyValue": param["allowEmptyValue"] === true };
        moved(ctx, childPointer(typeTo, "encoding", name, "x-allowEmptyValue"), { file: p.at.file, pointer: childPointer(p.at.pointer, param["allowEmptyValue"] !== undefined ? "allowEmptyValue" : "type") });
      }
    }
    moved(ctx, typeTo, forms[0]!.at);
    moved(ctx, childPointer(typeTo, "schema"), forms[0]!.at);
    content[type] = {
      schema: { type: "object", properties, ...(required.length > 0 ? { required } : {}) },
      ...(Object.keys(encoding).length > 0 ? { encoding } : {}),
    };
  }
  const required = forms.some((p) => isObject(p.at.value) && p.at.value["required"] === true);
  return { content, ...(required ? { required: true } : {}) };
}

const FORMATS = ["csv", "ssv", "tsv", "pipes", "multi"] as const;

/**
 * The 3.0 `style` and `explode` of an array's `collectionFormat` (csv when absent), where it
 * stands: a query, path or header parameter, a field of a URL-encoded form, or of a multipart form
 * (csv: one part holding `a,b`; multi: one part per item, 3.0's multipart default: no style).
 */
function collectionStyle(ctx: Context, where: "query" | "path" | "header" | "formData" | "multipart", param: Record<string, unknown>, at: Located): { style: string; explode: boolean } | undefined {
  const given = param["collectionFormat"];
  const formatAt = { file: at.file, pointer: childPointer(at.pointer, "collectionFormat") };
  let format: (typeof FORMATS)[number] = "csv";
  if (given !== undefined) {
    if (typeof given !== "string" || !(FORMATS as readonly string[]).includes(given)) {
      ctx.report("error", "SWAGGER2_COLLECTION_FORMAT", `Unknown \`collectionFormat\` ${quoteValue(given)}`, formatAt, `Use one of ${FORMATS.join(", ")}.`);
      return undefined;
    }
    format = given as (typeof FORMATS)[number];
  }
  const form = where === "query" || where === "formData" || where === "multipart";
  const csv = where === "path" || where === "header" ? { style: "simple", explode: false } : { style: "form", explode: false };
  switch (format) {
    case "csv":
      return csv;
    case "multi":
      if (!form) {
        ctx.report("warning", "SWAGGER2_COLLECTION_FORMAT", `\`collectionFormat: multi\` is only for query and form parameters; this ${where} parameter is sent comma-separated (csv)`, formatAt, "Use csv here.");
        return csv;
      }
      return where === "multipart" ? undefined : { style: "form", explode: true };
    case "ssv":
    case "pipes":
      if (!form) {
        ctx.report("warning", "SWAGGER2_COLLECTION_FORMAT", `\`collectionFormat: ${format}\` has no OpenAPI 3 style for a ${where} parameter; it is sent comma-separated (csv)`, formatAt, "Use csv for path and header parameters.");
        return csv;
      }
      return { style: format === "ssv" ? "spaceDelimited" : "pipeDelimited", explode: false };
    case "tsv":
      ctx.report(
        "warning",
        "SWAGGER2_COLLECTION_FORMAT",
        "`collectionFormat: tsv` (tab-separated) has no OpenAPI 3 style; the values are sent comma-separated (csv) instead",
        formatAt,
        "Use csv, ssv or pipes if the server accepts one of them (OpenAPI 3 has form, spaceDelimited and pipeDelimited).",
      );
      return csv;
    default: {
      const never: never = format;
      throw new Error(`internal: collectionFormat ${String(never)}`);
    }
  }
}

/** A path, query or header parameter (or another `in`, left for the front end to judge). */
function convertParameter(ctx: Context, value: unknown, site: Site): unknown {
  if (!isObject(value)) return value;
  const location = value["in"];
  const out: Record<string, unknown> = {};
  for (const key of ["name", "in", "description", "required", "deprecated"]) if (value[key] !== undefined) out[key] = value[key];
  if (location === "query" && value["allowEmptyValue"] !== undefined) out["allowEmptyValue"] = value["allowEmptyValue"];
  if (value["type"] === "file") {
    ctx.report("warning", "SWAGGER2_FILE", `\`type: file\` is only for \`in: formData\` parameters; this ${String(location)} parameter is taken as bytes`, { file: site.file, pointer: childPointer(site.pointer, "type") }, "Move the file into a formData parameter (consumes multipart/form-data).");
  }
  const schemaTo = childPointer(site.to, "schema");
  moved(ctx, schemaTo, site);
  if (value["schema"] !== undefined && value["type"] === undefined) out["schema"] = convertSchema(ctx, value["schema"], child(site, "schema"));
  else out["schema"] = simpleSchema(ctx, value, { ...site, to: schemaTo });
  if (value["type"] === "array" && (location === "query" || location === "path" || location === "header")) {
    const style = collectionStyle(ctx, location, value, { file: site.file, pointer: site.pointer, value });
    // Path and header arrays are `simple` (explode false) by default in 3.0 too.
    if (style && location === "query") {
      out["style"] = style.style;
      out["explode"] = style.explode;
      const from = { file: site.file, pointer: childPointer(site.pointer, value["collectionFormat"] !== undefined ? "collectionFormat" : "type") };
      moved(ctx, childPointer(site.to, "style"), from);
      moved(ctx, childPointer(site.to, "explode"), from);
    }
  }
  Object.assign(out, extensions(value));
  return out;
}

function convertResponses(ctx: Context, at: Located, site: Site, produces: readonly string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [code, value] of Object.entries(at.value as Record<string, unknown>)) {
    const entry = ctx.docs.child(at, code);
    const to = childPointer(site.to, code);
    if (code.startsWith("x-")) out[code] = value;
    else if (isObject(value) && typeof value["$ref"] === "string") {
      if (entry.file === ctx.rootFile && value["$ref"].startsWith("#/responses/")) out[code] = { $ref: rewriteRef(ctx, value["$ref"], entry.file) };
      else {
        const target = ctx.docs.deref(entry);
        if (!target) continue;
        moved(ctx, to, target);
        out[code] = convertResponse(ctx, target.value, siteOf(target, to), produces);
      }
    } else out[code] = convertResponse(ctx, value, siteOf(entry, to), produces);
  }
  return out;
}

function convertResponse(ctx: Context, value: unknown, site: Site, produces: readonly string[] | undefined): unknown {
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = { description: value["description"] ?? "" };
  const headers = value["headers"];
  if (isObject(headers)) {
    out["headers"] = mapEntries(headers, (name, header) => {
      if (!isObject(header)) return header;
      const headerSite = child(site, "headers", name);
      const schemaTo = childPointer(headerSite.to, "schema");
      moved(ctx, schemaTo, headerSite);
      return {
        ...(header["description"] !== undefined ? { description: header["description"] } : {}),
        schema: simpleSchema(ctx, header, { ...headerSite, to: schemaTo }),
        ...extensions(header),
      };
    });
  }
  const schema = value["schema"];
  if (schema !== undefined) {
    const examples = isObject(value["examples"]) ? value["examples"] : {};
    const content: Record<string, unknown> = {};
    for (const type of produces && produces.length > 0 ? produces : ["application/json"]) {
      const typeTo = childPointer(site.to, "content", type);
      const schemaSite = child(site, "schema");
      moved(ctx, typeTo, schemaSite);
      moved(ctx, childPointer(typeTo, "schema"), schemaSite);
      content[type] = {
        schema: convertSchema(ctx, schema, { ...schemaSite, to: childPointer(typeTo, "schema") }),
        ...(Object.hasOwn(examples, type) ? { example: examples[type] } : {}),
      };
      if (Object.hasOwn(examples, type)) moved(ctx, childPointer(typeTo, "example"), { file: site.file, pointer: childPointer(site.pointer, "examples", type) });
    }
    out["content"] = content;
  }
  Object.assign(out, extensions(value));
  return out;
}

const FLOWS: Readonly<Record<string, { readonly name: string; readonly urls: readonly ("authorizationUrl" | "tokenUrl")[] }>> = {
  implicit: { name: "implicit", urls: ["authorizationUrl"] },
  password: { name: "password", urls: ["tokenUrl"] },
  application: { name: "clientCredentials", urls: ["tokenUrl"] },
  accessCode: { name: "authorizationCode", urls: ["authorizationUrl", "tokenUrl"] },
};

function securityScheme(ctx: Context, value: unknown, site: Site): unknown {
  if (!isObject(value)) return value;
  const described = value["description"] !== undefined ? { description: value["description"] } : {};
  const from = (key: string) => ({ file: site.file, pointer: childPointer(site.pointer, key) });
  const type = value["type"];
  switch (type) {
    case "basic":
      moved(ctx, childPointer(site.to, "scheme"), from("type"));
      return { type: "http", scheme: "basic", ...described, ...extensions(value) };
    case "apiKey":
      return { type: "apiKey", name: value["name"], in: value["in"], ...described, ...extensions(value) };
    case "oauth2": {
      const flow = value["flow"];
      const known = typeof flow === "string" && Object.hasOwn(FLOWS, flow) ? FLOWS[flow]! : undefined;
      if (!known) {
        ctx.report("error", "SWAGGER2_SECURITY", `Unknown OAuth2 \`flow\` ${quoteValue(flow)}`, from("flow"), `Use one of ${Object.keys(FLOWS).join(", ")}.`);
        return value;
      }
      const flowTo = childPointer(site.to, "flows", known.name);
      moved(ctx, flowTo, from("flow"));
      const body: Record<string, unknown> = {};
      for (const url of known.urls) {
        body[url] = value[url];
        moved(ctx, childPointer(flowTo, url), from(url));
      }
      body["scopes"] = value["scopes"] ?? {};
      moved(ctx, childPointer(flowTo, "scopes"), from("scopes"));
      return { type: "oauth2", flows: { [known.name]: body }, ...described, ...extensions(value) };
    }
    default:
      ctx.report("error", "SWAGGER2_SECURITY", `Unknown security scheme type ${quoteValue(type)}`, from("type"), "Swagger 2.0 security schemes are basic, apiKey and oauth2.");
      return value;
  }
}

function isBodyOrForm(value: unknown): boolean {
  return isObject(value) && (value["in"] === "body" || value["in"] === "formData");
}
