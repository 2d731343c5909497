// The APIs' own SDK encoders as the oracle of our OpenAPI serializers (issue 10): random valid
// inputs of every operation of a corpus document go through our generated serializer and
// through the API's own SDK (sdks.ts: stripe-node for Stripe, @octokit/endpoint for GitHub,
// twilio-node for Twilio's documents, @kubernetes/client-node for Kubernetes');
// method, path, query and body must agree, or differ only in a way listed in known.ts.
//
//   await runSdkDocument("stripe.com.json.gz", "stripe", { runs: 2, seed: 1 })
//   → { file, sdk: "stripe", operations: 452, inputs: 904, identical: 880, byteIdentical: 600,
//       listed: Map { "delete-params-in-query" → { count: 24, example } }, unexplained: [], skipped: [] }
//
// Inputs are the ones of the swagger-client oracle (test/openapi-wire/arbitraries.ts, the same
// seeds), kept only when our generated validator accepts them. Each SDK is handed the same values
// in its own terms: Stripe's params keyed by wire name (path values positional, as its resources
// take them), Octokit's params keyed by name with the body's properties beside them (`data` for
// a body that is not an object); Twilio's form and query values by wire name through its own
// `serialize` helpers as its generated resources apply them (dates, booleans, objects);
// client-node's API method its object parameter (path and query values by its names, `continue`
// as `_continue`; the body's JSON turned into its model class by its own
// `ObjectSerializer.deserialize`, as a user builds a `V1Pod`). A date
// is otherwise given as the text our runtime writes (Octokit takes text; Stripe's timestamps
// are integers).
//
// What is compared: the method; the path as sent (bytes); the query and a form body as the
// pairs the WHATWG application/x-www-form-urlencoded parser reads (Stripe's and GitHub's servers
// read them as forms: `expand[0]` and `expand%5B0%5D` are one key), in order; a JSON body as a
// value (key order aside); a multipart body as its parts. `byteIdentical` counts the inputs whose
// query and body are also the same bytes. Headers are not compared (each SDK adds its own), but
// for Kubernetes the Content-Type of a body (its patch media types are the API's choice of patch).

import { readFileSync, rmSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { shapeOf, type Member, type Operation } from "../../generator/model/ir.js";
import { assignNames } from "../../generator/naming/names.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { generateFiles, load } from "../openapi/helpers.js";
import { writeTree } from "../helpers/generate.js";
import { corpusFile } from "../helpers/paths.js";
import { normalizeOurs, operationSites, validInputs, type OurRequest, type Site } from "../openapi-wire/oracle.js";
import { loadKubernetes, kubernetesMethod, kubernetesUnknownProperties, kubernetesModel, kubernetesRequest, octokitRequest, stripeRequest, twilioRequest, type SdkRequest } from "./sdks.js";
import * as twilioSerialize from "twilio/lib/base/serialize.js";
import { classify } from "./known.js";

export type Sdk = "stripe" | "octokit" | "twilio" | "kubernetes";
export type Pairs = [string, string][];

/** A request reduced to what the comparison reads. */
export interface Wire {
  readonly method: string;
  readonly path: string;
  readonly query: Pairs;
  readonly body?: { readonly form: Pairs } | { readonly json: unknown } | { readonly multipart: readonly string[] } | { readonly text: string } | { readonly bytes: string };
  /** The media type of the body (Kubernetes only: the Content-Type header, lower case, without parameters). */
  readonly type?: string;
  /** The query and body as sent (byteIdentical). */
  readonly raw: string;
}

export type Part = "method" | "path" | "query" | "body" | "headers";

export interface SdkDifference {
  readonly sdk: Sdk;
  readonly operation: string;
  readonly template: string;
  readonly input: unknown;
  readonly ours: Wire;
  readonly theirs: Wire;
  readonly parts: readonly Part[];
  /** Kubernetes: the places in the body's JSON that client-node's model has no attribute for (sdks.ts kubernetesUnknownProperties). */
  readonly unknownToSdk?: readonly (readonly string[])[];
  /** Kubernetes: the input's query values by wire name, where a member's name is not its wire name (the proxy operations' `pathQuery` is `path`). */
  readonly queryInput?: Readonly<Record<string, unknown>>;
}

export interface SdkResult {
  readonly file: string;
  readonly sdk: Sdk;
  readonly operations: number;
  readonly inputs: number;
  readonly identical: number;
  readonly byteIdentical: number;
  /** Inputs that differ in listed ways (known.ts), or that the SDK cannot be given, by entry names. */
  readonly listed: Map<string, { count: number; example: SdkDifference | { operation: string; input: unknown; reason: string } }>;
  readonly unexplained: SdkDifference[];
  readonly skipped: { operation: string; reason: string }[];
}

export interface SdkRunOptions {
  readonly runs: number;
  readonly seed: number;
  /** Only these operations (by name), or the first N in name order. */
  readonly operations?: readonly string[] | number;
  /** Our serializer replaced (the self-test's deliberately wrong one). */
  readonly wrap?: (serialize: Fn) => Fn;
  readonly cleanUp?: boolean;
}

type Fn = (input: unknown) => unknown;

interface Generated {
  readonly model: NonNullable<ReturnType<typeof load>["model"]>;
  readonly serializers: Record<string, Fn>;
  readonly validators: Record<string, Fn>;
  readonly runtime: { toDateTime: (d: Date) => string };
  readonly sites: Map<string, Site>;
  /** The first server URL of the document (`https://conversations.twilio.com`). */
  readonly server: string;
  /** The document, for what the model does not keep (a requestBody's `required`). */
  readonly doc: Record<string, unknown>;
}

/** Generates a corpus document's code once and imports it (a test runs several checks on one). */
export async function generateDocument(file: string, cleanUp = false): Promise<Generated> {
  const text = gunzipSync(readFileSync(corpusFile(`openapi/${file}`))).toString("utf8");
  const path = file.replace(/\.gz$/, "");
  const { model } = load([{ path, text }], "api");
  if (!model) throw new Error(`${file}: the front end rejected it`);
  const generated = await generateFiles([{ path, text }], "api", false);
  const tree = writeTree(generated.files, "sdk-wire");
  const dir = join(tree, "api");
  const serializers = (await import(join(dir, "serializers.ts"))) as Record<string, Fn>;
  const validators = (await import(join(dir, "validators.ts"))) as Record<string, Fn>;
  const runtime = (await import(join(dir, "runtime.ts"))) as Generated["runtime"];
  if (cleanUp) rmSync(tree, { recursive: true, force: true });
  const doc = JSON.parse(text) as { servers?: { url?: string }[] };
  return { model, serializers, validators, runtime, sites: operationSites(doc as Record<string, unknown>), server: doc.servers?.[0]?.url ?? "", doc: doc as Record<string, unknown> };
}

/** What an SDK call is made of, or why the SDK cannot be given this input. */
type Call = { readonly request: () => Promise<SdkRequest>; readonly unknownToSdk?: readonly (readonly string[])[]; readonly queryInput?: Readonly<Record<string, unknown>> } | { readonly inexpressible: string; readonly reason: string };

export async function runSdkDocument(file: string, sdk: Sdk, options: SdkRunOptions, generated?: Generated): Promise<SdkResult> {
  const g = generated ?? (await generateDocument(file, options.cleanUp));
  if (sdk === "kubernetes") await loadKubernetes();
  const names = assignNames(g.model, new Diagnostics());
  const result = { file, sdk, operations: 0, inputs: 0, identical: 0, byteIdentical: 0, listed: new Map() as SdkResult["listed"], unexplained: [] as SdkDifference[], skipped: [] as { operation: string; reason: string }[] };
  const wanted = options.operations;
  const operations = typeof wanted === "number" ? g.model.operations.slice(0, wanted) : wanted ? g.model.operations.filter((op) => wanted.includes(op.name)) : g.model.operations;
  for (const op of operations) {
    result.operations++;
    const site = g.sites.get(op.name);
    const own = g.serializers[names.serializer(op.id)];
    const validate = op.input ? g.validators[names.validator(op.input)] : undefined;
    if (!site || !own || !op.input) {
      result.skipped.push({ operation: op.name, reason: !site ? "no site" : !own ? "no serializer" : "no input" });
      continue;
    }
    const missing = sdk === "kubernetes" ? kubernetesTarget(site).missing : undefined;
    if (missing !== undefined) {
      result.skipped.push({ operation: op.name, reason: missing });
      continue;
    }
    const serialize = options.wrap ? options.wrap(own) : own;
    const inputs = validInputs(g.model, op, validate, { runs: options.runs, seed: options.seed });
    if (inputs.length === 0) {
      result.skipped.push({ operation: op.name, reason: "no valid input generated in 40 tries" });
      continue;
    }
    for (const input of inputs) {
      result.inputs++;
      const ours = ourWire(serialize, input, sdk === "kubernetes");
      const call = sdk === "stripe" ? stripeCall(g, op, site, input) : sdk === "octokit" ? octokitCall(g, op, site, input) : sdk === "twilio" ? twilioCall(g, op, site, input) : kubernetesCall(g, op, site, input);
      if ("inexpressible" in call) {
        count(result.listed, call.inexpressible, { operation: op.name, input, reason: call.reason });
        continue;
      }
      let theirs: Wire;
      try {
        theirs = sdkWire(await call.request(), sdk === "kubernetes");
      } catch (error) {
        theirs = { method: "ERROR", path: String((error as Error).message), query: [], raw: "" };
      }
      const parts = differingParts(ours, theirs);
      if (parts.length === 0) {
        result.identical++;
        if (ours.raw === theirs.raw) result.byteIdentical++;
        continue;
      }
      const difference: SdkDifference = { sdk, operation: op.name, template: site.path, input, ours, theirs, parts, ...(call.unknownToSdk ? { unknownToSdk: call.unknownToSdk } : {}), ...(call.queryInput ? { queryInput: call.queryInput } : {}) };
      const listed = classify(difference);
      if (listed === undefined) result.unexplained.push(difference);
      else count(result.listed, listed, difference);
    }
  }
  return result;
}

function count(map: SdkResult["listed"], name: string, example: SdkDifference | { operation: string; input: unknown; reason: string }): void {
  const known = map.get(name);
  if (known) known.count++;
  else map.set(name, { count: 1, example });
}

function ourWire(serialize: Fn, input: unknown, withType: boolean): Wire {
  let r: OurRequest;
  try {
    r = serialize(input) as OurRequest;
  } catch (error) {
    return { method: "REFUSED", path: String((error as Error).message), query: [], raw: "" };
  }
  const n = normalizeOurs(r);
  const q = n.url.indexOf("?");
  const path = q === -1 ? n.url : n.url.slice(0, q);
  const query = q === -1 ? "" : n.url.slice(q + 1);
  const type = n.headers["content-type"];
  const rawBody = typeof r.body === "string" ? r.body : r.body === undefined ? "" : Buffer.from(r.body).toString("hex");
  return { method: n.method, path, query: formPairs(query), ...(n.body === undefined ? {} : { body: bodyOf(type, n.body) }), ...(withType && n.body !== undefined ? { type: mediaType(type) } : {}), raw: `${query}\n${rawBody}` };
}

/** A body as normalizeOurs gives it (JSON parsed, forms and text as text, multipart as parts, bytes as hex). */
function bodyOf(type: string | undefined, body: unknown): NonNullable<Wire["body"]> {
  if (typeof body === "string") return type?.startsWith("application/x-www-form-urlencoded") ? { form: formPairs(body) } : /json/i.test(type ?? "") ? { json: canonical(body) } : { text: body };
  if (typeof body === "object" && body !== null && "multipart" in body) return { multipart: (body as { multipart: string[] }).multipart };
  if (typeof body === "object" && body !== null && "bytes" in body) return { bytes: (body as { bytes: string }).bytes };
  return { json: canonical(body) };
}

/** A Content-Type's media type: lower case, parameters removed ("" for none). */
const mediaType = (type: string | undefined) => (type ?? "").split(";")[0]!.trim().toLowerCase();

function sdkWire(r: SdkRequest, withType: boolean): Wire {
  let body: Wire["body"];
  let rawBody = "";
  if (r.body instanceof Uint8Array) {
    rawBody = Buffer.from(r.body).toString("hex");
    const n = normalizeOurs({ method: r.method, path: r.path, query: [], headers: r.contentType ? { "content-type": r.contentType } : {}, body: r.body });
    body = bodyOf(r.contentType, n.body);
  } else if (typeof r.body === "string") {
    rawBody = r.body;
    // Octokit sends a string `data` as it is; a JSON text parses as JSON.
    let parsed: unknown = r.body;
    if (/json/i.test(r.contentType ?? "")) {
      try {
        parsed = JSON.parse(r.body) as unknown;
      } catch {
        parsed = r.body;
      }
    }
    body = bodyOf(r.contentType, parsed);
  } else if (r.body !== undefined) {
    // @octokit/request sends a plain object or array as JSON.stringify writes it.
    rawBody = JSON.stringify(r.body.json);
    body = { json: canonical(JSON.parse(rawBody) as unknown) };
  }
  return { method: r.method, path: r.path, query: formPairs(r.query), ...(body === undefined ? {} : { body }), ...(withType && body !== undefined ? { type: mediaType(r.contentType) } : {}), raw: `${r.query}\n${rawBody}` };
}

/** The pairs of a query or form body as the WHATWG application/x-www-form-urlencoded parser reads them. */
export function formPairs(text: string): Pairs {
  return [...new URLSearchParams(text)];
}

function differingParts(a: Wire, b: Wire): Part[] {
  const parts: Part[] = [];
  if (a.method !== b.method) parts.push("method");
  if (a.path !== b.path) parts.push("path");
  if (JSON.stringify(a.query) !== JSON.stringify(b.query)) parts.push("query");
  if (JSON.stringify(a.body) !== JSON.stringify(b.body)) parts.push("body");
  if (a.type !== b.type) parts.push("headers");
  return parts;
}

/** JSON with object keys sorted (member order is not part of a JSON body's meaning). */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null && !(value instanceof Uint8Array)) {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, canonical(o[k])]));
  }
  return value;
}

/** The input's values in an SDK's terms: dates as our runtime's text (Stripe: as Date, which it writes itself). */
function plain(value: unknown, g: Generated, keepDates: boolean): unknown {
  if (value instanceof Date) return keepDates ? value : g.runtime.toDateTime(value);
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map((v) => plain(v, g, keepDates));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, g, keepDates)]));
  return value;
}

const wireName = (m: Member): string => m.jsonName ?? m.name;

function members(g: Generated, op: Operation): readonly Member[] {
  const shape = shapeOf(g.model, op.input!);
  if (shape.type !== "structure") throw new Error(`${op.name}: input is not a structure`);
  return shape.members;
}

function stripeCall(g: Generated, op: Operation, site: Site, input: unknown): Call {
  const values = input as Record<string, unknown>;
  const method = site.method.toUpperCase();
  const dataInQuery = method === "GET" || method === "DELETE";
  const path: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const m of members(g, op)) {
    const value = values[m.name];
    if (value === undefined) continue;
    const b = m.http ?? { location: "body" as const };
    switch (b.location) {
      case "label":
        path[b.name] = value;
        break;
      case "query":
        if (!dataInQuery) return { inexpressible: "stripe-query-on-post", reason: `${m.name}: stripe-node sends params of a ${method} in its body, a query parameter cannot be given` };
        params[b.name] = plain(value, g, true);
        break;
      case "body":
        params[wireName(m)] = plain(value, g, true);
        break;
      case "payload":
      case "header":
      case "cookie":
      case "prefixHeaders":
      case "queryParams":
        return { inexpressible: `stripe-${b.location}`, reason: `${m.name}: stripe-node's resources take no ${b.location} value` };
      default:
        throw new Error(`${op.name}: unexpected binding ${b.location}`);
    }
  }
  const multipart = op.http?.bodyEncoding === "multipart";
  // stripe-node's multipart encoder takes a file as `{ data }` (resources/Files.d.ts FileData); it writes filename "blob".
  if (multipart) for (const [k, v] of Object.entries(params)) if (v instanceof Uint8Array) params[k] = { data: v };
  return { request: () => stripeRequest({ method, template: site.path, path, params, multipart }) };
}

/** Octokit's own option names: a parameter so named is read as the option, not sent. */
const OCTOKIT_OPTIONS = ["method", "baseUrl", "url", "headers", "request", "mediaType", "data"];

function octokitCall(g: Generated, op: Operation, site: Site, input: unknown): Call {
  const values = input as Record<string, unknown>;
  const method = site.method.toUpperCase();
  const params: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  const queryNames: string[] = [];
  const taken = new Set<string>();
  const put = (name: string, value: unknown, what: string): Call | undefined => {
    if (OCTOKIT_OPTIONS.includes(name) && !(what === "payload" && name === "data")) return { inexpressible: "octokit-option-name", reason: `${what} ${name} is an option of @octokit/endpoint` };
    if (taken.has(name)) return { inexpressible: "octokit-name-clash", reason: `${what} ${name} has the name of another parameter: Octokit takes all in one object` };
    taken.add(name);
    params[name] = value;
    return undefined;
  };
  for (const m of members(g, op)) {
    const b = m.http ?? { location: "body" as const };
    if (b.location === "query") queryNames.push(b.name);
    const value = values[m.name];
    if (value === undefined) continue;
    let refused: Call | undefined;
    switch (b.location) {
      case "label":
        refused = put(b.name, plain(value, g, false), "path parameter");
        break;
      case "query":
        refused = put(b.name, plain(value, g, false), "query parameter");
        break;
      case "body":
        refused = put(wireName(m), plain(value, g, false), "body property");
        break;
      case "payload": {
        // Octokit sends a string `data` as it is: a JSON string body is given as its JSON text, as its callers write it.
        const data = plain(value, g, false);
        refused = put("data", typeof data === "string" && /json/i.test(op.http?.contentType ?? "json") ? JSON.stringify(data) : data, "payload");
        break;
      }
      case "header":
        headers[b.name.toLowerCase()] = String(plain(value, g, false));
        break;
      case "cookie":
      case "prefixHeaders":
      case "queryParams":
        return { inexpressible: `octokit-${b.location}`, reason: `${m.name}: @octokit/endpoint takes no ${b.location} value` };
      default:
        throw new Error(`${op.name}: unexpected binding ${b.location}`);
    }
    if (refused) return refused;
  }
  // A body of JSON: its media type, as a caller of Octokit names a non-default one in headers.
  if (op.http?.contentType !== undefined && !/json/i.test(op.http.contentType) && "data" in params) headers["content-type"] ??= op.http.contentType;
  return { request: () => Promise.resolve(octokitRequest({ method, template: site.path, queryNames, params, headers })) };
}

/**
 * A value as Twilio's generated resources hand it over (resources/…: `serialize.iso8601DateTime`
 * for `format: date-time`, `serialize.bool`, `serialize.object` for objects, arrays item by item).
 */
function twilioValue(value: unknown): unknown {
  if (value instanceof Date) return twilioSerialize.iso8601DateTime(value);
  if (typeof value === "boolean") return twilioSerialize.bool(value);
  if (Array.isArray(value)) return value.map(twilioValue);
  if (typeof value === "object" && value !== null && !(value instanceof Uint8Array)) return twilioSerialize.object(value);
  return value;
}

function twilioCall(g: Generated, op: Operation, site: Site, input: unknown): Call {
  const values = input as Record<string, unknown>;
  const path: Record<string, string> = {};
  const params: Record<string, unknown> = {};
  const data: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  for (const m of members(g, op)) {
    const value = values[m.name];
    if (value === undefined) continue;
    const b = m.http ?? { location: "body" as const };
    switch (b.location) {
      case "label":
        path[b.name] = String(twilioValue(value));
        break;
      case "query":
        params[b.name] = twilioValue(value);
        break;
      case "body":
        data[wireName(m)] = twilioValue(value);
        break;
      case "header":
        headers[b.name] = String(twilioValue(value));
        break;
      case "payload":
      case "cookie":
      case "prefixHeaders":
      case "queryParams":
        return { inexpressible: `twilio-${b.location}`, reason: `${m.name}: Twilio's resources take no ${b.location} value` };
      default:
        throw new Error(`${op.name}: unexpected binding ${b.location}`);
    }
  }
  // Twilio's resources put path values in raw (`/Conversations/${sid}`); the URL parser encodes what it must.
  const uri = g.server.replace(/\/$/, "") + site.path.replace(/\{([^}]+)\}/g, (_, name: string) => path[name] ?? "");
  const method = site.method.toLowerCase();
  const withData = method === "post" || method === "put";
  return { request: () => twilioRequest({ method, uri, ...(Object.keys(params).length > 0 ? { params } : {}), ...(withData || Object.keys(data).length > 0 ? { data } : {}), headers }) };
}

/**
 * The client-node API class and method of a Kubernetes operation: the class of its tag
 * (`core_v1` → `CoreV1Api`), the method its operationId without the tag's name
 * (`deleteCoreV1NamespacedPod` → `deleteNamespacedPod`, `getCodeVersion` → `getCode`), as
 * client-node's generator names them; `missing` where client-node has none (an API group
 * version Kubernetes has removed since the document).
 */
function kubernetesTarget(site: Site): { api: string; method: string; missing?: string } {
  const tag = String((site.operation["tags"] as unknown[] | undefined)?.[0] ?? "");
  const pascal = tag.split("_").map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
  const id = String(site.operation["operationId"] ?? "");
  const api = `${pascal}Api`;
  const method = id.includes(pascal) && pascal !== "" ? id.replace(pascal, "") : id;
  const found = kubernetesMethod(api, method);
  if (!("missing" in found)) return { api, method };
  // Why: the document is of Kubernetes 1.27 or so (flowcontrol v1beta2, resource.k8s.io v1alpha2), client-node 2.0.1 of 1.34 or later.
  const why = id.startsWith("watch")
    ? "client-node generates no methods for the `/watch/` paths, which Kubernetes deprecated (a watch is the list operation with `watch=true`; client-node's Watch class)"
    : !found.missing.includes(" has no " + method)
      ? "Kubernetes removed this API group version after the document; client-node 2.0.1 is generated from a later Kubernetes"
      : "Kubernetes removed this resource or subresource from the API version after the document; client-node 2.0.1 is generated from a later Kubernetes";
  return { api, method, missing: `${found.missing}: ${why}` };
}

function kubernetesCall(g: Generated, op: Operation, site: Site, input: unknown): Call {
  const values = input as Record<string, unknown>;
  const { api, method } = kubernetesTarget(site);
  const found = kubernetesMethod(api, method);
  if ("missing" in found) throw new Error(`${op.name}: ${found.missing}`);
  const param: Record<string, unknown> = {};
  const queryInput: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  let payload: { value: unknown } | undefined;
  let bodySet = false;
  const all = members(g, op);
  const labels = new Set(all.flatMap((m) => (m.http?.location === "label" ? [m.http.name] : [])));
  for (const m of all) {
    const value = values[m.name];
    const b = m.http ?? { location: "body" as const };
    if (value === undefined) continue;
    switch (b.location) {
      case "label":
      case "query": {
        // client-node's generator names a parameter that is a reserved word with a `_` (`_continue`),
        // and a query parameter named like a path parameter with a `2` (the proxy operations' `path` and `path2`).
        const candidates = b.location === "query" && labels.has(b.name) ? [`${b.name}2`] : [b.name, `_${b.name}`];
        const name = candidates.find((n) => found.params.includes(n));
        if (name === undefined) return { inexpressible: "kubernetes-parameter-absent", reason: `${b.location} parameter ${b.name}: ${api}.${method} of client-node takes no such parameter` };
        param[name] = plain(value, g, false);
        if (b.location === "query") queryInput[b.name] = value;
        break;
      }
      case "body":
        body[wireName(m)] = base64Bytes(plain(value, g, false));
        bodySet = true;
        break;
      case "payload":
        payload = { value: base64Bytes(plain(value, g, false)) };
        break;
      case "header":
      case "cookie":
      case "prefixHeaders":
      case "queryParams":
        return { inexpressible: `kubernetes-${b.location}`, reason: `${m.name}: client-node's methods take no ${b.location} value` };
      default:
        throw new Error(`${op.name}: unexpected binding ${b.location}`);
    }
  }
  // The body as a user gives it: the JSON of the properties set, as the model class client-node's
  // method takes (ObjectSerializer.deserialize; a patch's `any` as it is); none when nothing is set
  // and the requestBody is optional.
  const json = payload !== undefined ? payload.value : bodySet || requestBodyRequired(g, site) ? body : undefined;
  let unknownToSdk: string[][] = [];
  if (json !== undefined) {
    if (!found.params.includes("body")) return { inexpressible: "kubernetes-parameter-absent", reason: `body: ${api}.${method} of client-node takes no body` };
    param["body"] = found.bodyType === undefined ? json : kubernetesModel(json, found.bodyType);
    if (found.bodyType !== undefined) unknownToSdk = kubernetesUnknownProperties(json, found.bodyType);
  }
  return { request: () => kubernetesRequest({ api, method, param }), queryInput, ...(unknownToSdk.length > 0 ? { unknownToSdk } : {}) };
}

function requestBodyRequired(g: Generated, site: Site): boolean {
  let body = site.operation["requestBody"] as Record<string, unknown> | undefined;
  for (let i = 0; i < 5 && body && typeof body["$ref"] === "string"; i++) {
    const path = (body["$ref"] as string).replace(/^#\//, "").split("/");
    body = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], g.doc) as Record<string, unknown> | undefined;
  }
  return body?.["required"] === true;
}

/** Bytes as client-node's models take them (`format: byte` is a `string`): base64 text (RFC 4648 §4), as a user writes them. */
function base64Bytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(base64Bytes);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, base64Bytes(v)]));
  return value;
}
