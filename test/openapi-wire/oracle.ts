// swagger-client as the oracle of OpenAPI requests (issue 10): random valid inputs of every
// operation of a document go through our generated serializer and through swagger-client's
// `buildRequest` (the serializer Swagger UI uses); method, path, query, headers and body must
// agree, or differ only in a way listed in known.ts with the specification's section.
//
//   await runDocument("stripe.com.json.gz", { runs: 3, seed: 1 })
//   → { file, operations: 452, inputs: 1356, identical: 1201, explained: { "deepObject-nested": 140, ... },
//       unexplained: [], skipped: [...] }
//   await runSource({ path: "content.yaml", text }, { runs: 30, seed: 1, inputs: { getKind: [{ kind: {} }] } })
//   → the same for a document of our own, with our inputs run before the random ones
//
// Inputs come from the resolved model (arbitraries.ts) and must pass our generated validator.
// swagger-client is handed the same values in its own terms: parameters keyed `in.name`, the
// body keyed by wire names, dates as RFC 3339 text, bytes as base64 (raw in multipart parts and
// binary bodies; a JSON `content` parameter holding strings as its JSON text, which is how
// swagger-client takes it). It gets a copy of the operation with its `$ref`s resolved (its own
// resolver is too slow for Stripe) and an `operationId` equal to our operation's name.

import fc from "fast-check";
import SwaggerClient from "swagger-client";
import { readFileSync, rmSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { shapeOf, type Member, type Operation, type ResolvedModel } from "../../generator/model/ir.js";
import { pascal } from "../../generator/openapi/names.js";
import { assignNames } from "../../generator/naming/names.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { pickMediaType } from "../../generator/openapi/bodies.js";
import { generateFiles, load } from "../openapi/helpers.js";
import { writeTree } from "../helpers/generate.js";
import { corpusFile } from "../helpers/paths.js";
import { parse as parseYaml } from "yaml";
import type { SourceFile } from "../../generator/frontends.js";
import { classify, type Category } from "./known.js";

export interface WireRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON as a parsed value, forms as text, multipart as canonical parts, bytes as hex. */
  readonly body?: unknown;
}

export interface Difference {
  readonly operation: string;
  readonly input: unknown;
  readonly ours: WireRequest;
  readonly theirs: WireRequest;
  readonly parts: readonly ("method" | "url" | "headers" | "body")[];
  /** The operation's path template as the document writes it (`/pets/{petId}`). */
  readonly template?: string;
  /** Its template expressions that no path parameter of the operation or path item declares. */
  readonly undeclared?: readonly string[];
  /**
   * Their request built again with IGNORED_PLACEHOLDER for every required Accept, Content-Type,
   * Authorization or transport (Content-Length, ...) header parameter, when swagger-client refused
   * to build it without one.
   */
  readonly rebuilt?: WireRequest;
  /** The wire names of the operation's query parameters of style deepObject. */
  readonly deepObjectNames?: readonly string[];
  /** Parameters the input leaves unset that have a `default` (Swagger 2.0 runs): wire name → the default as text. */
  readonly defaults?: Readonly<Record<string, string>>;
}

export interface DocumentResult {
  readonly file: string;
  readonly operations: number;
  readonly inputs: number;
  readonly identical: number;
  readonly explained: ReadonlyMap<Category, { count: number; example: Difference }>;
  readonly unexplained: readonly Difference[];
  readonly skipped: readonly { operation: string; reason: string }[];
}

/** A DocumentResult as JSON can carry it (the map of explained differences as entries), as run-one.ts prints it. */
export type SerializedResult = Omit<DocumentResult, "explained"> & { readonly explained: [string, { count: number; example: unknown }][] };

/** What run-one.ts prints for one document (the sweep over every corpus document). */
export type RunOneOutput =
  | { readonly outcome: "ran"; readonly result: SerializedResult; readonly ms: number; readonly cpuMs: number; readonly peakRssMb: number }
  | { readonly outcome: "rejected"; readonly file: string; readonly error: string; readonly ms: number };

/** The result back as runDocument returned it (but Dates and bytes of the inputs, which stay as JSON made them). */
export function deserializeResult(r: SerializedResult): DocumentResult {
  return { ...r, explained: new Map(r.explained as [string, { count: number; example: Difference }][]) };
}

export interface RunOptions {
  readonly runs: number;
  readonly seed: number;
  /** At most this many operations (the first ones in name order); all by default. */
  readonly maxOperations?: number;
  /** Called with every input that differs and its explanation (undefined when unexplained). */
  readonly onDifference?: (difference: Difference, category: Category | undefined) => void;
  /** Removes the generated folder once its modules are imported (the sweep over every document). */
  readonly cleanUp?: boolean;
  /** Inputs of our own by operation name, run before the random ones (the cases a test is about); each must pass the validator. */
  readonly inputs?: Readonly<Record<string, readonly unknown[]>>;
}

/** runDocument's error when our front end rejects the document (no model to serialize with). */
export class FrontEndRejection extends Error {}

type Fn = (input: unknown) => unknown;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** A corpus document (`openapi/<file>`, gzipped JSON). */
export async function runDocument(file: string, options: RunOptions): Promise<DocumentResult> {
  const text = gunzipSync(readFileSync(corpusFile(`openapi/${file}`))).toString("utf8");
  return runSource({ path: file.replace(/\.gz$/, ""), text }, options, file);
}

/** A document given as its text (a YAML or JSON document of our own under test/); `file` names it in the result. */
export async function runSource(source: SourceFile, options: RunOptions, file = source.path): Promise<DocumentResult> {
  const { path, text } = source;
  const doc = (/\.json$/.test(path) ? JSON.parse(text) : parseYaml(text)) as Record<string, unknown>;
  const { model } = load([{ path, text }], "api");
  if (!model) throw new FrontEndRejection(`${file}: the front end rejected it`);
  const generated = await generateFiles([{ path, text }], "api", false);
  const tree = writeTree(generated.files, "openapi-wire");
  const dir = join(tree, "api");
  const serializers = (await import(join(dir, "serializers.ts"))) as Record<string, Fn>;
  const validators = (await import(join(dir, "validators.ts"))) as Record<string, Fn>;
  const runtime = (await import(join(dir, "runtime.ts"))) as { toDateTime: (d: Date) => string; toBase64: (b: Uint8Array) => string };
  if (options.cleanUp === true) rmSync(tree, { recursive: true, force: true });

  const sites = operationSites(doc);
  const names = assignNames(model, new Diagnostics());
  const result = { file, operations: 0, inputs: 0, identical: 0, explained: new Map<Category, { count: number; example: Difference }>(), unexplained: [] as Difference[], skipped: [] as { operation: string; reason: string }[] };
  const operations = model.operations.slice(0, options.maxOperations ?? model.operations.length);
  for (const op of operations) {
    result.operations++;
    const site = sites.get(op.name);
    const serialize = serializers[names.serializer(op.id)];
    const validate = op.input ? validators[names.validator(op.input)] : undefined;
    if (!site || !serialize || !op.input) {
      result.skipped.push({ operation: op.name, reason: !site ? "no site" : !serialize ? "no serializer" : "no input" });
      continue;
    }
    const own = options.inputs?.[op.name] ?? [];
    for (const input of own) {
      const failures = validate ? (validate(input) as unknown[]) : [];
      if (failures.length > 0) throw new Error(`${op.name}: the input ${JSON.stringify(input)} is not valid: ${JSON.stringify(failures)}`);
    }
    const inputs = [...own, ...validInputs(model, op, validate, options)];
    if (inputs.length === 0) {
      result.skipped.push({ operation: op.name, reason: "no valid input generated in 40 tries (patterns fast-check cannot match, say)" });
      continue;
    }
    const spec = miniSpec(doc, site, op.name);
    for (const input of inputs) {
      result.inputs++;
      const ours = ourRequest(serialize, input);
      const build = async (extra: Readonly<Record<string, string>>): Promise<WireRequest> => {
        try {
          return await normalizeTheirs(buildTheirs(spec, model, op, site, input, runtime, extra));
        } catch (error) {
          return { method: "ERROR", url: String((error as Error).message), headers: {} };
        }
      };
      const theirs = await build({});
      const parts = differingParts(ours, theirs);
      if (parts.length === 0) {
        result.identical++;
        continue;
      }
      // swagger-client refuses to build without a value for a required Accept, Content-Type or
      // Authorization header parameter, which the specification (and its own header builder)
      // ignores: its request built with a placeholder for each, for known.ts to compare.
      const ignored = theirs.method === "ERROR" && /^Required parameter \S+ is not provided$/.test(theirs.url) ? ignoredRequiredHeaders(doc, site) : [];
      const rebuilt = ignored.length > 0 ? await build(Object.fromEntries(ignored.map((name) => [`header.${name}`, IGNORED_PLACEHOLDER]))) : undefined;
      const difference: Difference = { operation: op.name, input, ours, theirs, parts, template: site.path, undeclared: undeclaredVariables(doc, site), deepObjectNames: deepObjectParameters(doc, site), ...(rebuilt ? { rebuilt } : {}) };
      const category = classify(difference);
      options.onDifference?.(difference, category);
      if (category === undefined) result.unexplained.push(difference);
      else {
        const known = result.explained.get(category);
        if (known) known.count++;
        else result.explained.set(category, { count: 1, example: difference });
      }
    }
  }
  return result;
}

export function validInputs(model: ResolvedModel, op: Operation, validate: Fn | undefined, options: RunOptions): unknown[] {
  const arb = inputArbitraryCached(model, op.input!);
  const candidates = fc.sample(arb, { seed: options.seed, numRuns: Math.max(40, options.runs * 4) });
  return candidates.filter((c) => !validate || (validate(c) as unknown[]).length === 0).slice(0, options.runs);
}

import { inputArbitrary } from "./arbitraries.js";
function inputArbitraryCached(model: ResolvedModel, id: string) {
  return inputArbitrary(model, id);
}

export interface Site {
  readonly path: string;
  readonly method: string;
  readonly pathItem: Record<string, unknown>;
  readonly operation: Record<string, unknown>;
}

/** Operation sites by the name the front end gives them (operations.ts, model.ts). */
export function operationSites(doc: Record<string, unknown>): Map<string, Site> {
  const sites = new Map<string, Site>();
  const paths = (doc["paths"] ?? {}) as Record<string, unknown>;
  for (const path of Object.keys(paths).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const pathItem = resolve(doc, paths[path], 0) as Record<string, unknown>;
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const id = operation["operationId"];
      const wanted = typeof id === "string" && id.trim() !== "" ? id : method + pascal(path);
      let name = wanted;
      for (let i = 2; sites.has(name); i++) name = `${wanted}${i}`;
      sites.set(name, { path, method, pathItem, operation });
    }
  }
  return sites;
}

/** A document of one operation, `$ref`s resolved (to a depth), for swagger-client. */
function miniSpec(doc: Record<string, unknown>, site: Site, name: string): Record<string, unknown> {
  const operation = resolve(doc, { ...site.operation, operationId: name }, 0) as Record<string, unknown>;
  const pathItem: Record<string, unknown> = { [site.method]: operation };
  if (site.pathItem["parameters"] !== undefined) pathItem["parameters"] = resolve(doc, site.pathItem["parameters"], 0);
  if (site.pathItem["servers"] !== undefined) pathItem["servers"] = site.pathItem["servers"];
  return { openapi: doc["openapi"], info: doc["info"], ...(doc["servers"] !== undefined ? { servers: doc["servers"] } : {}), paths: { [site.path]: pathItem } };
}

/** The wire names of the site's query parameters of style deepObject (the operation's or its path item's). */
export function deepObjectParameters(doc: Record<string, unknown>, site: Site): string[] {
  const names = new Set<string>();
  for (const list of [site.pathItem["parameters"], site.operation["parameters"]]) {
    if (!Array.isArray(list)) continue;
    for (const p of resolve(doc, list, 0) as unknown[]) if (isObject(p) && p["in"] === "query" && p["style"] === "deepObject" && typeof p["name"] === "string") names.add(p["name"]);
  }
  return [...names];
}

/** The site's parameters defined by `content` (OpenAPI 3.0.3 §Parameter Object), keyed `in.name` as swagger-client takes values, with their (first) media type. */
export function contentParameters(doc: Record<string, unknown>, site: Site): Map<string, string> {
  const found = new Map<string, string>();
  for (const list of [site.pathItem["parameters"], site.operation["parameters"]]) {
    if (!Array.isArray(list)) continue;
    for (const p of resolve(doc, list, 0) as unknown[]) {
      if (!isObject(p) || typeof p["in"] !== "string" || typeof p["name"] !== "string" || !isObject(p["content"])) continue;
      const first = Object.keys(p["content"])[0];
      if (first !== undefined) found.set(`${p["in"]}.${p["name"]}`, first);
    }
  }
  return found;
}

/** The value swagger-client is given for a required header parameter the specification ignores. */
export const IGNORED_PLACEHOLDER = "(ignored header parameter)";

/** Header parameters our front end ignores (generator/openapi/parameters.ts): the specification's three, then the HTTP implementation's own fields. */
export const TRANSPORT_HEADER_NAMES = ["content-length", "transfer-encoding", "trailer", "connection", "keep-alive", "te", "upgrade", "expect"];
const IGNORED_HEADER_NAMES = ["accept", "content-type", "authorization", ...TRANSPORT_HEADER_NAMES];

/**
 * The names of the site's required header parameters named Accept, Content-Type or Authorization
 * (any case): OpenAPI 3.0.3 §Parameter Object says their definitions SHALL be ignored; and those
 * the HTTP implementation writes (TRANSPORT_HEADER_NAMES), which our front end ignores too.
 */
export function ignoredRequiredHeaders(doc: Record<string, unknown>, site: Site): string[] {
  const names = new Set<string>();
  for (const list of [site.pathItem["parameters"], site.operation["parameters"]]) {
    if (!Array.isArray(list)) continue;
    for (const p of resolve(doc, list, 0) as unknown[]) {
      if (isObject(p) && p["in"] === "header" && p["required"] === true && typeof p["name"] === "string" && IGNORED_HEADER_NAMES.includes(p["name"].toLowerCase())) names.add(p["name"]);
    }
  }
  return [...names];
}

/** The template expressions of the site's path that no path parameter (operation's or path item's) declares. */
export function undeclaredVariables(doc: Record<string, unknown>, site: Site): string[] {
  const declared = new Set<string>();
  for (const list of [site.pathItem["parameters"], site.operation["parameters"]]) {
    if (!Array.isArray(list)) continue;
    for (const p of resolve(doc, list, 0) as unknown[]) if (isObject(p) && p["in"] === "path" && typeof p["name"] === "string") declared.add(p["name"]);
  }
  return [...site.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((name) => !declared.has(name));
}

export function resolve(doc: Record<string, unknown>, value: unknown, depth: number): unknown {
  if (depth > 14) return {};
  if (Array.isArray(value)) return value.map((v) => resolve(doc, v, depth + 1));
  if (!isObject(value)) return value;
  const ref = value["$ref"];
  if (typeof ref === "string" && ref.startsWith("#/")) {
    let target: unknown = doc;
    // A URI fragment: percent-decoded, then JSON-pointer unescaped (RFC 6901 §6).
    // Through objects and arrays (surevoip's parameters point at `…/get/parameters/0`).
    for (const seg of ref.slice(2).split("/")) {
      const key = decodeURIComponent(seg).replace(/~1/g, "/").replace(/~0/g, "~");
      target = Array.isArray(target) ? (/^(0|[1-9][0-9]*)$/.test(key) ? target[Number(key)] : undefined) : isObject(target) ? target[key] : undefined;
    }
    return resolve(doc, target, depth + 1);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "example" || k === "examples" ? v : resolve(doc, v, depth + 1)]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface OurRequest {
  method: string;
  path: string;
  query: readonly string[];
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Our request for the input; a refusal of the serializer (a path value `.` or `..`, runtime.ts noDotSegments) is method REFUSED with its message. */
export function ourRequest(serialize: Fn, input: unknown): WireRequest {
  try {
    return normalizeOurs(serialize(input) as OurRequest);
  } catch (error) {
    return { method: "REFUSED", url: String((error as Error).message), headers: {} };
  }
}

export function normalizeOurs(r: OurRequest): WireRequest {
  const headers = lower(r.headers);
  return { method: r.method, url: r.path + (r.query.length > 0 ? "?" + r.query.join("&") : ""), headers: stripBoundary(headers), ...(r.body === undefined ? {} : { body: bodyOf(headers["content-type"], r.body) }) };
}

function lower(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function stripBoundary(headers: Record<string, string>): Record<string, string> {
  const type = headers["content-type"];
  return type?.startsWith("multipart/") ? { ...headers, "content-type": type.replace(/;\s*boundary=.*$/, "") } : headers;
}

// JSON media types; a wildcard (star/star, which swagger-client sends as is) is read as JSON too, as we send it.
const isJson = (type: string | undefined) => type !== undefined && /json|\*/i.test(type);

function bodyOf(type: string | undefined, body: string | Uint8Array): unknown {
  if (typeof body === "string") {
    if (isJson(type)) {
      try {
        return JSON.parse(body) as unknown;
      } catch {
        return body;
      }
    }
    return body;
  }
  if (type?.startsWith("multipart/")) return { multipart: multipartParts(type, body) };
  return { bytes: Buffer.from(body).toString("hex") };
}

/** Our multipart body, split into canonical parts (name, filename, content type, text or hex). */
function multipartParts(type: string, body: Uint8Array): string[] {
  const boundary = /boundary=(.*)$/.exec(type)?.[1] ?? "";
  const text = Buffer.from(body).toString("latin1");
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const [head = "", ...rest] = chunk.replace(/^\r\n/, "").replace(/\r\n$/, "").split("\r\n\r\n");
      const content = rest.join("\r\n\r\n");
      const name = /name="([^"]*)"/.exec(head)?.[1] ?? "";
      const filename = /filename="([^"]*)"/.exec(head)?.[1];
      const ctype = /Content-Type: (.*)/i.exec(head)?.[1];
      const typed = ctype === undefined ? name : `${name}(${ctype})`;
      return filename === undefined ? `${typed}=${Buffer.from(content, "latin1").toString("utf8")}` : `${name}=file(${ctype ?? ""}):${Buffer.from(content, "latin1").toString("hex")}`;
    });
}

export interface Theirs {
  method: string;
  url: string;
  headers: Record<string, unknown>;
  body?: unknown;
}

function buildTheirs(spec: Record<string, unknown>, model: ResolvedModel, op: Operation, site: Site, input: unknown, runtime: { toDateTime: (d: Date) => string; toBase64: (b: Uint8Array) => string }, extra: Readonly<Record<string, string>>): Theirs {
  const shape = shapeOf(model, op.input!);
  if (shape.type !== "structure") throw new Error("input is not a structure");
  const values = input as Record<string, unknown>;
  const multipart = op.http?.bodyEncoding === "multipart";
  const plain = (v: unknown, keepBytes: boolean): unknown => {
    if (v instanceof Date) return runtime.toDateTime(v);
    // swagger-client takes files as Blobs (a Uint8Array in a form would be written as text).
    if (v instanceof Uint8Array) return keepBytes ? (multipart ? new Blob([v]) : v) : runtime.toBase64(v);
    if (Array.isArray(v)) return v.map((x) => plain(x, keepBytes));
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, keepBytes)]));
    return v;
  };
  const parameters: Record<string, unknown> = { ...extra };
  // An operation with body members gets a body object, however few of them are set; but where an
  // empty body is invalid (an optional requestBody whose schema requires properties, or multipart:
  // the model's http.omitEmptyBody), an input that sets none of them asks for no body at all.
  const bodyMembers = shape.members.filter((m) => m.http?.location === "body");
  const noBody = op.http?.omitEmptyBody === true && bodyMembers.every((m) => values[m.name] === undefined);
  let requestBody: unknown = bodyMembers.length > 0 && !noBody ? {} : undefined;
  for (const h of op.http?.constantHeaders ?? []) parameters[`header.${h.name}`] = h.value;
  for (const m of shape.members) {
    const value = values[m.name];
    if (value === undefined) continue;
    const b = m.http ?? { location: "body" };
    switch (b.location) {
      case "label":
        parameters[`path.${b.name}`] = plain(value, false);
        break;
      case "query":
        parameters[`query.${b.name}`] = plain(value, false);
        break;
      case "header":
        parameters[`header.${b.name}`] = plain(value, false);
        break;
      case "cookie":
        parameters[`cookie.${b.name}`] = plain(value, false);
        break;
      case "payload":
        requestBody = plain(value, multipart || shapeOf(model, m.target).type === "blob");
        // swagger-client takes a string body as text already written: a JSON string is handed over as JSON.
        if (typeof requestBody === "string" && op.http?.bodyEncoding === "json") requestBody = JSON.stringify(requestBody);
        break;
      case "body":
        (requestBody as Record<string, unknown>)[wireName(m)] = plain(value, multipart);
        break;
      default:
        throw new Error(`unexpected binding ${b.location}`);
    }
  }
  // A JSON `content` parameter: swagger-client's content serializer takes a string as JSON text
  // already written ("Assume the user has a JSON string") and parses the items of an array that
  // are JSON text themselves (Swagger UI's way of reading values typed into a form), so a value
  // with strings is handed over as its JSON text; any other value as it is.
  const item = (spec["paths"] as Record<string, Record<string, unknown>>)[site.path]!;
  for (const [key, mediaType] of contentParameters(spec, { ...site, pathItem: item, operation: item[site.method] as Record<string, unknown> })) {
    const value = parameters[key];
    if (mediaType.includes("application/json") && (typeof value === "string" || (Array.isArray(value) && value.some((x) => typeof x === "string")))) parameters[key] = JSON.stringify(value);
  }
  const content = isObject(site.operation["requestBody"]) ? (spec["paths"] as Record<string, Record<string, Record<string, unknown>>>)[site.path]![site.method]!["requestBody"] : undefined;
  const types = isObject(content) && isObject(content["content"]) ? Object.keys(content["content"]) : [];
  const requestContentType = pickMediaType(types);
  const request = SwaggerClient.buildRequest({
    spec,
    operationId: op.name,
    parameters,
    ...(requestBody !== undefined ? { requestBody } : {}),
    // Passed with a body only: swagger-client sends the Content-Type of an explicit type even without one.
    ...(requestContentType !== undefined && requestBody !== undefined ? { requestContentType } : {}),
  }) as Theirs;
  return request;
}

function wireName(m: Member): string {
  return m.jsonName ?? m.name;
}

export async function normalizeTheirs(r: Theirs): Promise<WireRequest> {
  const headers = stripBoundary(lower(r.headers));
  // swagger-client asks for the 2xx media types; our serializers leave Accept to the caller.
  delete headers["accept"];
  const url = r.url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, "").replace(/^\/\/[^/?#]*/, "");
  let body: unknown;
  if (r.body === undefined || r.body === null) body = undefined;
  else if (r.body instanceof FormData) {
    // The bytes fetch sends for it (undici's encoder, the HTML standard's multipart/form-data
    // encoding algorithm: a Blob without a type goes as application/octet-stream), read back as ours are.
    const encoded = new Response(r.body);
    body = { multipart: multipartParts(encoded.headers.get("content-type") ?? "", new Uint8Array(await encoded.arrayBuffer())) };
  } else if (r.body instanceof Uint8Array) body = { bytes: Buffer.from(r.body).toString("hex") };
  else if (typeof r.body === "string") body = bodyOf(headers["content-type"], r.body);
  // A number or boolean body that is not JSON: fetch sends its text.
  else if ((typeof r.body === "number" || typeof r.body === "boolean") && !isJson(headers["content-type"])) body = String(r.body);
  // A plain object or array goes as its JSON text whatever the media type: swagger-client's
  // execute() does so (execute/index.js: `request.body = JSON.stringify(request.body)`) after
  // buildRequest, before fetch.
  else if (Array.isArray(r.body) || (isObject(r.body) && [Object.prototype, null].includes(Object.getPrototypeOf(r.body)))) body = bodyOf(headers["content-type"], JSON.stringify(r.body));
  else body = JSON.parse(JSON.stringify(r.body)) as unknown;
  return { method: r.method, url: url === "" ? "/" : url, headers, ...(body === undefined ? {} : { body }) };
}

export function differingParts(a: WireRequest, b: WireRequest): Difference["parts"] {
  const parts: ("method" | "url" | "headers" | "body")[] = [];
  if (a.method !== b.method) parts.push("method");
  if (a.url !== b.url) parts.push("url");
  if (JSON.stringify(sorted(a.headers)) !== JSON.stringify(sorted(b.headers))) parts.push("headers");
  if (JSON.stringify(canonical(a.body)) !== JSON.stringify(canonical(b.body))) parts.push("body");
  return parts;
}

function sorted(o: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1));
}

/** JSON with object keys sorted (member order is not part of a JSON body's meaning). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}
