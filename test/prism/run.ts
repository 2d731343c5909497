// Our OpenAPI serializers against Prism's request validation (issue 10 part 5): a document is
// generated through the core into a temporary folder, Prism mocks the same document on a loopback
// port, and random valid inputs of every operation (test/openapi-wire/arbitraries.ts, kept when
// our generated validator accepts them) are serialized and sent with fetch. Whatever Prism finds
// wrong with a request is a violation: its `sl-violations` entries under `request`, the
// `validation` list of its 422 problem answer, or a route it cannot match (404/405 problems).
// Violations that known.ts lists (Prism's own mistakes, each argued from the specification)
// are counted apart.
//
//   await runDocuments([corpusSource("twilio.com__twilio_accounts_v1.json.gz")], { runs: 2, seed: 1 }, KNOWN)
//   → [{ label: "twilio.com__twilio_accounts_v1", operations: 16, requests: 32, violations: [],
//       listed: Map {}, skipped: [], unsendable: Map {}, statuses: Map { 200 → 16, 201 → 8, 204 → 8 } }]

import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse as parseYaml } from "yaml";
import { Diagnostics } from "../../generator/diagnostics.js";
import { shapeOf, type Operation, type ResolvedModel } from "../../generator/model/ir.js";
import { assignNames, type Names } from "../../generator/naming/names.js";
import { writeTree } from "../helpers/generate.js";
import { corpusFile, ROOT } from "../helpers/paths.js";
import { generateFiles, load } from "../openapi/helpers.js";
import { inputArbitrary } from "../openapi-wire/arbitraries.js";
import { pickMediaType } from "../../generator/openapi/bodies.js";
import { knownReason, type Known } from "./known.js";
import { startPrism, type PrismServers } from "./server.js";

/** A document as the front end and Prism get it. */
export interface Source {
  /** Short name, printed and matched by known.ts (`stripe.com`, `cognito-identity-provider.openapi`). */
  readonly label: string;
  /** Path handed to the front end (decides JSON or YAML). */
  readonly path: string;
  readonly text: string;
}

export function corpusSource(file: string): Source {
  const text = gunzipSync(readFileSync(corpusFile(`openapi/${file}`))).toString("utf8");
  return { label: file.replace(/\.json\.gz$/, ""), path: file.replace(/\.gz$/, ""), text };
}

/** A document of this repository (`models/…`, `test/openapi/fixtures/…`). */
export function repoSource(path: string): Source {
  return { label: path.replace(/^.*\//, "").replace(/\.(ya?ml|json)$/, ""), path, text: readFileSync(join(ROOT, path), "utf8") };
}

/** One thing Prism found wrong with a request, as it reports it. */
export interface Violation {
  readonly location: readonly string[];
  readonly code: string;
  readonly message: string;
}

/** A request with the violations Prism reported for it. */
export interface Finding {
  readonly document: string;
  readonly operation: string;
  readonly request: SentRequest;
  readonly violation: Violation;
}

export interface SentRequest {
  readonly method: string;
  /** Path and query, as sent (the `servers` base path taken off: Prism routes by the document's paths). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface DocumentResult {
  readonly label: string;
  readonly operations: number;
  readonly requests: number;
  /** Unlisted violations: each fails the run. */
  readonly violations: readonly Finding[];
  /** Listed violations by known.ts entry name. */
  readonly listed: ReadonlyMap<string, number>;
  readonly skipped: readonly { readonly operation: string; readonly reason: string }[];
  /** Valid inputs drawn again because they cannot be sent as they are, by reason. */
  readonly unsendable: ReadonlyMap<string, number>;
  /** Prism's answers by status (a 500 is Prism failing to mock a response, not a request fault). */
  readonly statuses: ReadonlyMap<number, number>;
}

export interface RunOptions {
  /** Valid inputs per operation. */
  readonly runs: number;
  readonly seed: number;
  /** Rewrites each request before it is sent (the runner's self-test breaks requests on purpose). */
  readonly tamper?: (request: SerializedRequest, operation: Operation) => SerializedRequest;
}

/** What a generated serializer returns (runtime.ts `HttpRequest`). */
export interface SerializedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

type Fn = (input: unknown) => unknown;
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Checks every document against Prism (one Prism process for all of them, started while the documents generate). */
export async function runDocuments(sources: readonly Source[], options: RunOptions, known: readonly Known[] = []): Promise<DocumentResult[]> {
  const documents = sources.map((source) => (source.path.endsWith(".json") ? JSON.parse(source.text) : parseYaml(source.text)) as Record<string, unknown>);
  const starting = startPrism(documents, { checkSecurity: false });
  // Settled on every path, so a generation failure does not leave the start's rejection unhandled.
  starting.catch(() => undefined);
  let prism: PrismServers | undefined;
  try {
    const generated: Generated[] = [];
    for (const source of sources) generated.push(await generateDocument(source));
    prism = await starting;
    const results: DocumentResult[] = [];
    for (const [i, source] of sources.entries()) results.push(await runDocument(source, documents[i]!, generated[i]!, prism, prism.servers[i]!.url, options, known));
    return results;
  } finally {
    await (prism ?? (await starting.catch(() => undefined)))?.stop();
    if (prism && prism.blocked().length > 0) throw new Error(`Prism tried to reach outside the machine: ${prism.blocked().join("; ")}`);
  }
}

export interface Generated {
  readonly model: ResolvedModel;
  readonly names: Names;
  readonly serializers: Record<string, Fn>;
  readonly validators: Record<string, Fn>;
  /** The generated folder (client.ts, errors.ts, runtime.ts, ... beside the two imported). */
  readonly dir: string;
}

/** The document through the core into a temp folder, its serializers and validators imported. */
export async function generateDocument(source: Source): Promise<Generated> {
  const { model } = load([{ path: source.path, text: source.text }], "api");
  if (!model) throw new Error(`${source.label}: the front end rejected it`);
  const generated = await generateFiles([{ path: source.path, text: source.text }], "api", false);
  const errors = generated.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${source.label}: generation failed: ${errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  const dir = join(writeTree(generated.files, `prism-${source.label}`), "api");
  const serializers = (await import(join(dir, "serializers.ts"))) as Record<string, Fn>;
  const validators = (await import(join(dir, "validators.ts"))) as Record<string, Fn>;
  return { model, names: assignNames(model, new Diagnostics()), serializers, validators, dir };
}

/** One document against the Prism server at `url` (runDocuments for each of its documents; the corpus sweep one by one). */
export async function runDocument(source: Source, document: Record<string, unknown>, g: Generated, prism: PrismServers, url: string, options: RunOptions, known: readonly Known[]): Promise<DocumentResult> {
  const { model, names, serializers, validators } = g;
  const paths = documentPaths(document);
  const result = { label: source.label, operations: 0, requests: 0, violations: [] as Finding[], listed: new Map<string, number>(), skipped: [] as { operation: string; reason: string }[], unsendable: new Map<string, number>(), statuses: new Map<number, number>() };
  for (const op of model.operations) {
    result.operations++;
    const serialize = serializers[names.serializer(op.id)];
    if (!serialize || !op.http) {
      result.skipped.push({ operation: op.name, reason: "no serializer" });
      continue;
    }
    const found = site(op.http.method, op.http.uri, paths, op.name);
    if (found === undefined) throw new Error(`${source.label} ${op.name}: ${op.http.method} ${op.http.uri} matches no path of the document`);
    const { prefix } = found;
    const requests = sendableRequests(model, op, serialize, validators, names, options, bodyRequired(document, found.operation), result.unsendable).map((s) => s.request);
    if (requests.length === 0) {
      result.skipped.push({ operation: op.name, reason: "no valid, sendable input in 40 draws (a pattern fast-check cannot match, say)" });
      continue;
    }
    for (const serialized of requests) {
      const request = options.tamper ? options.tamper(serialized, op) : serialized;
      if (!request.path.startsWith(prefix)) throw new Error(`${source.label} ${op.name}: path ${request.path} lacks the servers base path ${prefix}`);
      const sent = toSent(request, prefix);
      result.requests++;
      const { status, violations } = await send(url, sent, request.body, prism);
      result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
      for (const violation of violations) {
        const finding: Finding = { document: source.label, operation: op.name, request: sent, violation };
        const name = knownReason(known, finding);
        if (name === undefined) result.violations.push(finding);
        else result.listed.set(name, (result.listed.get(name) ?? 0) + 1);
      }
    }
  }
  return result;
}

/**
 * Requests of random valid inputs (our generated validator accepts them), drawn until `runs` are
 * sendable. Not sendable, and drawn again (counted by reason): an input that puts an empty
 * value in a query parameter (OpenAPI 3.0.3 §Parameter Object: `allowEmptyValue` is false by
 * default, so the document does not allow one) or in a path parameter (an empty path segment is
 * another path: §Path Templating), or a path value `.` or `..` (our serializer refuses it: URL
 * parsing would remove the segment), or a header value outside Latin-1 (RFC 9110 §5.5: field values
 * are octets; fetch refuses such a string), or a body without a property its schema requires (our
 * input types make every body property optional when the requestBody is not `required`, as the
 * whole body then may be left out; once a body is sent, its schema applies).
 */
export function sendableRequests(
  model: ResolvedModel,
  op: Operation,
  serialize: Fn,
  validators: Record<string, Fn>,
  names: Names,
  options: Pick<RunOptions, "runs" | "seed">,
  required: ReadonlySet<string>,
  unsendable: Map<string, number>,
): { readonly input: unknown; readonly request: SerializedRequest }[] {
  const drop = (reason: string) => unsendable.set(reason, (unsendable.get(reason) ?? 0) + 1);
  if (!op.input) return [{ input: {}, request: serialize({}) as SerializedRequest }];
  const validate = validators[names.validator(op.input)];
  const shape = shapeOf(model, op.input);
  const members = shape.type === "structure" ? shape.members : [];
  const labels = members.filter((m) => m.http?.location === "label").map((m) => m.name);
  const requiredQuery = members.filter((m) => m.http?.location === "query" && m.required).map((m) => m.name);
  const bodyMembers = members.filter((m) => m.http?.location === "body");
  const requiredBody = bodyMembers.filter((m) => required.has(m.jsonName ?? m.name)).map((m) => m.name);
  const form = op.http?.bodyEncoding === "form" || op.http?.bodyEncoding === "multipart";
  const out: { input: unknown; request: SerializedRequest }[] = [];
  for (const input of fc.sample(inputArbitrary(model, op.input), { seed: options.seed, numRuns: Math.max(40, options.runs * 4) })) {
    if (out.length === options.runs) break;
    if (validate && (validate(input) as unknown[]).length > 0) continue;
    let request: SerializedRequest;
    try {
      request = serialize(input) as SerializedRequest;
    } catch (error) {
      // The serializer refuses a path value `.` or `..` (runtime.ts noDotSegments): URL parsing would remove it.
      if (!(error instanceof RangeError) || !/ has a "\.{1,2}" segment: /.test(error.message)) throw error;
      drop("path value . or .. (refused by the serializer)");
      continue;
    }
    if (request.query.some((q) => q.endsWith("=")) || requiredQuery.some((name) => isEmpty(input[name]))) drop("empty query parameter value");
    else if (labels.some((name) => isEmpty(input[name]))) drop("empty path parameter value");
    else if (Object.values(request.headers).some((v) => /[^\u0000-\u00ff]/u.test(v))) drop("header value outside Latin-1");
    else if (bodyMembers.some((m) => input[m.name] !== undefined) && requiredBody.some((name) => input[name] === undefined)) drop("body without a property the document requires");
    // A form writes an empty array as nothing at all (form style, explode true): a required one cannot be sent.
    else if (form && requiredBody.some((name) => Array.isArray(input[name]) && (input[name] as unknown[]).length === 0)) drop("empty array for a required form property");
    else out.push({ input, request });
  }
  return out;
}

function isEmpty(value: unknown): boolean {
  return value === "" || (Array.isArray(value) && value.length === 0) || (typeof value === "object" && value !== null && !(value instanceof Date) && Object.keys(value).length === 0);
}

/**
 * The document's operations by method: path templates reduced to `{}` (a query or fragment in the
 * path key taken off: `/search?query={query}`, Azure's `/webhdfs/v1/{path}#op=APPEND`), with
 * their Operation Objects and operationIds.
 */
export function documentPaths(document: Record<string, unknown>): Map<string, { readonly template: string; readonly operation: unknown; readonly operationId?: unknown }[]> {
  const byMethod = new Map<string, { template: string; operation: unknown; operationId?: unknown }[]>();
  const paths = (document["paths"] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      if (!METHODS.has(method)) continue;
      const list = byMethod.get(method.toUpperCase()) ?? [];
      list.push({ template: templates(path), operation, operationId: (operation as Record<string, unknown> | null)?.["operationId"] });
      byMethod.set(method.toUpperCase(), list);
    }
  }
  return byMethod;
}

const templates = (path: string) => path.replace(/[?#].*$/, "").replace(/\{[^}]*\}/g, "{}");

/**
 * The document's operation behind one of ours, and the `servers` base path in front of its URI
 * (`/v1` of `/v1/Credentials/{Sid}`): the longest document path of the same method that ends the
 * URI, and what remains before it; of paths alike but for a fragment (Azure's `#op=APPEND`), the
 * one whose operationId is our operation's name.
 */
export function site(method: string, uri: string, paths: ReturnType<typeof documentPaths>, name?: string): { prefix: string; operation: unknown } | undefined {
  const u = templates(uri);
  let best: { template: string; operation: unknown; operationId?: unknown } | undefined;
  for (const p of paths.get(method) ?? []) {
    if (!u.endsWith(p.template)) continue;
    if (best === undefined || p.template.length > best.template.length || (p.template.length === best.template.length && p.operationId === name && best.operationId !== name)) best = p;
  }
  if (best === undefined) return undefined;
  const prefix = u.slice(0, u.length - best.template.length);
  return { prefix: prefix.endsWith("/") && best.template.startsWith("/") ? prefix.slice(0, -1) : prefix, operation: best.operation };
}

/**
 * The properties the document requires of the request body our serializer writes (its media type
 * as the front end picks it; `required` of the schema and of its `allOf` parts, `$ref`s followed).
 */
export function bodyRequired(document: Record<string, unknown>, operation: unknown): Set<string> {
  const out = new Set<string>();
  const resolve = (value: unknown, depth = 0): Record<string, unknown> | undefined => {
    if (typeof value !== "object" || value === null || depth > 32) return undefined;
    const ref = (value as Record<string, unknown>)["$ref"];
    if (typeof ref !== "string") return value as Record<string, unknown>;
    let target: unknown = document;
    for (const seg of ref.replace(/^#\//, "").split("/")) target = (target as Record<string, unknown> | undefined)?.[decodeURIComponent(seg).replace(/~1/g, "/").replace(/~0/g, "~")];
    return resolve(target, depth + 1);
  };
  const content = resolve(resolve(resolve(operation)?.["requestBody"])?.["content"]);
  const chosen = content ? pickMediaType(Object.keys(content)) : undefined;
  const walk = (schema: Record<string, unknown> | undefined, depth: number) => {
    if (!schema || depth > 16) return;
    if (Array.isArray(schema["required"])) for (const name of schema["required"]) if (typeof name === "string") out.add(name);
    if (Array.isArray(schema["allOf"])) for (const part of schema["allOf"]) walk(resolve(part), depth + 1);
  };
  if (content && chosen !== undefined) walk(resolve(resolve(content[chosen])?.["schema"]), 0);
  return out;
}

function toSent(r: SerializedRequest, prefix: string): SentRequest {
  const path = r.path.slice(prefix.length) || "/";
  const url = path + (r.query.length > 0 ? "?" + r.query.join("&") : "");
  const body = r.body === undefined ? undefined : typeof r.body === "string" ? r.body : Buffer.from(r.body).toString("latin1");
  return { method: r.method, url, headers: r.headers, ...(body === undefined ? {} : { body }) };
}

const ANSWER_MS = 10_000;

/**
 * Sends one request; Prism's verdict on it. Prism throwing while it handles the request (it then
 * never answers) is a violation too: "crash" with the error, the request aborted at once.
 */
async function send(base: string, r: SentRequest, body: string | Uint8Array | undefined, prism: PrismServers): Promise<{ status: number; violations: Violation[] }> {
  let response: Response;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no answer within ${ANSWER_MS} ms`)), ANSWER_MS);
  let unsubscribe = () => {};
  try {
    // Prism's answer is the verdict: a mocked redirect (a 3xx with the example's Location) is not followed.
    const answer = fetch(base + r.url, { method: r.method, headers: r.headers, redirect: "manual", signal: abort.signal, ...(body === undefined ? {} : { body }) });
    const crashed = new Promise<{ crashed: string }>((resolve) => (unsubscribe = prism.onCrash((message) => resolve({ crashed: message }))));
    const first = await Promise.race([answer, crashed]);
    if (!(first instanceof Response)) {
      abort.abort(new Error("Prism crashed"));
      await answer.catch(() => undefined);
      return { status: 0, violations: [{ location: ["prism"], code: "crash", message: first.crashed.slice(0, 400) }] };
    }
    response = first;
  } catch (error) {
    const e = error as Error;
    return { status: 0, violations: [{ location: ["fetch"], code: "no-answer", message: String(abort.signal.aborted ? abort.signal.reason : (e.cause ?? e.message)) }] };
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
  const text = await response.text();
  return { status: response.status, violations: prismVerdict(response.headers, text).request };
}

/**
 * What Prism found wrong with a request it answered (`request`: its `sl-violations` entries under
 * `request`, its 422 `validation` list, a route it could not match, its 401 refusal of missing
 * credentials) and with its own answer
 * (`response`: entries under `response`, given when the server validates responses).
 */
export function prismVerdict(headers: Headers, text: string): { request: Violation[]; response: Violation[] } {
  const violations: Violation[] = [];
  const answer: Violation[] = [];
  const header = headers.get("sl-violations");
  if (header !== null) {
    // Cut to 8 KB: whose violations the kept part lists.
    if (header.startsWith("Too many violations!")) {
      if (/"location":\["request"/.test(header)) violations.push({ location: ["request"], code: "too-many", message: header.slice(0, 300) });
      if (/"location":\["response"/.test(header)) answer.push({ location: ["response"], code: "too-many", message: header.slice(0, 300) });
    } else
      for (const v of JSON.parse(header) as ProblemEntry[]) {
        if (!isError(v)) continue;
        if (v.location?.[0] === "request") violations.push({ location: v.location.slice(1), code: String(v.code), message: v.message });
        else if (v.location?.[0] === "response") answer.push({ location: v.location.slice(1), code: String(v.code), message: v.message });
      }
  }
  if ((headers.get("content-type") ?? "").startsWith("application/problem+json")) {
    const problem = JSON.parse(text) as { type?: string; detail?: string; validation?: ProblemEntry[] };
    const kind = (problem.type ?? "").replace(/^.*#/, "");
    if (problem.validation) {
      for (const v of problem.validation) if (isError(v)) violations.push({ location: v.location ?? [], code: String(v.code), message: v.message });
    }
    // Prism could not route the request: a path or method our serializer got wrong.
    else if (kind.startsWith("NO_") && kind.endsWith("_MATCHED_ERROR")) violations.push({ location: ["route"], code: kind, message: problem.detail ?? "" });
    // The request meets none of the operation's security requirements (when Prism checks them) and the document declares no 401.
    else if (kind === "UNAUTHORIZED") violations.push({ location: ["security"], code: kind, message: problem.detail ?? "" });
    // Any other problem is Prism failing to mock a response (NO_COMPLEX_OBJECT_TEXT, NOT_ACCEPTABLE, …): not about the request.
  }
  return { request: dedupe(violations), response: dedupe(answer) };
}

/** One entry of Prism's `sl-violations` header or of a problem's `validation` list. */
interface ProblemEntry {
  readonly location?: string[];
  readonly severity?: string;
  readonly code: unknown;
  readonly message: string;
}

/** Errors only: Prism's warnings say a sent parameter is deprecated, which a request may still do. */
const isError = (v: ProblemEntry) => v.severity === undefined || v.severity === "Error";

function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = JSON.stringify([v.location, v.code, v.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
