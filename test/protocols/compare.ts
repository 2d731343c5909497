// Compares a serialized request with one `smithy.test#httpRequestTests` case, by the rules of
// the smithy.test specification. Returns every mismatch; an empty list means the case passes.
//
//   compareRequest({ id: "X", protocol: "aws.protocols#restJson1", method: "GET", uri: "/a",
//                    queryParams: ["b=1"], headers: { "X-C": "2" } },
//                  { method: "GET", path: "/a", query: ["b=1", "z=9"], headers: { "x-c": "2" } })
//   → []      (extra query params and headers are allowed; header names are case-insensitive)
//
// - uri: the request path, after the path of the case's `host` ("example.com/custom" + "/" →
//   "/custom/").
// - queryParams: each expected (already encoded) `k=v` is present, one actual param per expected
//   one; values of the same key in the order given (a list), other params in any order (the
//   smithy.test rule puts no constraint on order across keys); forbid/requireQueryParams look at
//   keys only.
// - headers: names case-insensitive, values exact. `Content-Length` is never set by the serializer
//   (the transport computes it from the body; a serializer that sets it breaks the contract), so
//   it counts as present exactly when the body is not empty.
// - resolvedHost: the request's host prefix followed by the case's host name, or the host of the
//   request's own `endpoint` when it names one.
// - body: absent means "no assertion"; "" means no body (or an empty one); otherwise by
//   bodyMediaType (bodies.ts). A body sent with `Content-Encoding: gzip` is gunzipped first.

import { gunzipSync } from "node:zlib";
import type { NodeValue } from "../../generator/smithy/ast.js";
import { clip, compareCbor, compareForm, compareJson, compareXml } from "./bodies.js";

/** One client request case, as written in the model. */
export interface RequestCase {
  readonly id: string;
  readonly protocol: string;
  readonly method: string;
  readonly uri: string;
  readonly host?: string;
  readonly resolvedHost?: string;
  readonly queryParams?: readonly string[];
  readonly forbidQueryParams?: readonly string[];
  readonly requireQueryParams?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly forbidHeaders?: readonly string[];
  readonly requireHeaders?: readonly string[];
  readonly body?: string;
  readonly bodyMediaType?: string;
  readonly params?: NodeValue;
  /** Client configuration of the case (`aws.protocoltests.config#AwsConfig`); see vendorOptions in runner.ts. */
  readonly vendorParamsShape?: string;
  readonly vendorParams?: NodeValue;
  readonly appliesTo?: "client" | "server";
  readonly documentation?: string;
}

/** The request value a generated serializer returns (CONTRACT.md). */
export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly query: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly hostPrefix?: string;
  /** A full endpoint URL that replaces the client's (Machine Learning's Predict). */
  readonly endpoint?: string;
}

export function compareRequest(expected: RequestCase, actual: HttpRequest): string[] {
  const problems: string[] = [];
  const shape = requestShapeProblems(actual);
  if (shape.length > 0) return shape;

  if (actual.method !== expected.method) problems.push(`method: expected ${expected.method}, got ${actual.method}`);

  const { hostname, basePath } = splitHost(expected.host);
  const uri = basePath + actual.path;
  if (uri !== expected.uri) problems.push(`uri: expected ${expected.uri}, got ${uri}`);

  if (expected.resolvedHost !== undefined) {
    // A request's own endpoint replaces the client's host; a host prefix goes before the host.
    const resolved = actual.endpoint !== undefined ? new URL(actual.endpoint).host : (actual.hostPrefix ?? "") + hostname;
    if (resolved !== expected.resolvedHost) problems.push(`resolvedHost: expected ${expected.resolvedHost}, got ${resolved}`);
  }

  problems.push(...queryProblems(expected, actual.query));
  problems.push(...headerProblems(expected, actual));

  // A gzip'd body must gunzip even when the case makes no assertion about the body.
  const body = decodedBody(actual);
  if (typeof body === "string") problems.push(`body: ${body}`);
  else if (expected.body !== undefined) {
    const problem = bodyProblem(expected, body);
    if (problem) problems.push(`body: ${problem}`);
  }
  return problems;
}

function requestShapeProblems(actual: HttpRequest): string[] {
  const out: string[] = [];
  if (actual === null || typeof actual !== "object") return [`the serializer returned ${String(actual)}, not a request`];
  if (typeof actual.method !== "string") out.push("request.method is not a string");
  if (typeof actual.path !== "string") out.push("request.path is not a string");
  if (!Array.isArray(actual.query)) out.push("request.query is not an array");
  if (actual.headers === null || typeof actual.headers !== "object") out.push("request.headers is not an object");
  if (actual.body !== undefined && typeof actual.body !== "string" && !(actual.body instanceof Uint8Array)) out.push("request.body is neither a string nor bytes");
  return out;
}

/** "example.com/custom" → { hostname: "example.com", basePath: "/custom" }. */
export function splitHost(host: string | undefined): { hostname: string; basePath: string } {
  if (host === undefined) return { hostname: "", basePath: "" };
  const slash = host.indexOf("/");
  if (slash < 0) return { hostname: host, basePath: "" };
  return { hostname: host.slice(0, slash), basePath: host.slice(slash).replace(/\/+$/, "") };
}

const queryKey = (param: string): string => {
  const eq = param.indexOf("=");
  const key = eq < 0 ? param : param.slice(0, eq);
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
};

function queryProblems(expected: RequestCase, query: readonly string[]): string[] {
  const out: string[] = [];
  const used = new Set<number>();
  const cursor = new Map<string, number>(); // key → index after its last matched value
  for (const param of expected.queryParams ?? []) {
    const key = queryKey(param);
    const from = cursor.get(key) ?? 0;
    const at = query.findIndex((q, i) => i >= from && !used.has(i) && q === param);
    if (at >= 0) {
      used.add(at);
      cursor.set(key, at + 1);
      continue;
    }
    const unusedEarlier = query.some((q, i) => q === param && !used.has(i));
    const what = unusedEarlier
      ? `${param} is out of order among the values of ${key}`
      : query.includes(param) ? `expected ${param} once more` : `expected ${param}`;
    out.push(`query: ${what} (query: ${query.join("&") || "none"})`);
  }
  const keys = new Set(query.map(queryKey));
  for (const key of expected.forbidQueryParams ?? []) if (keys.has(key)) out.push(`query: forbidden parameter ${key} is present (query: ${query.join("&")})`);
  for (const key of expected.requireQueryParams ?? []) if (!keys.has(key)) out.push(`query: required parameter ${key} is missing (query: ${query.join("&") || "none"})`);
  return out;
}

function headerProblems(expected: RequestCase, actual: HttpRequest): string[] {
  const out: string[] = [];
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(actual.headers)) headers.set(name.toLowerCase(), value);
  if (headers.has("content-length")) out.push("the serializer set Content-Length: by the contract the transport sets it from the body");
  const bodyLength = bytesOf(actual.body).length;
  const present = (name: string): boolean => headers.has(name.toLowerCase()) || (name.toLowerCase() === "content-length" && bodyLength > 0);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const got = headers.get(name.toLowerCase());
    if (got === undefined) out.push(`header ${name}: expected ${JSON.stringify(value)}, got none`);
    else if (got !== value) out.push(`header ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got)}`);
  }
  for (const name of expected.forbidHeaders ?? []) if (present(name)) out.push(`header ${name} is forbidden but present${headers.has(name.toLowerCase()) ? ` (${JSON.stringify(headers.get(name.toLowerCase()))})` : " (the body is not empty)"}`);
  for (const name of expected.requireHeaders ?? []) if (!present(name)) out.push(`header ${name} is required but missing`);
  return out;
}

function bytesOf(body: string | Uint8Array | undefined): Uint8Array {
  if (body === undefined) return new Uint8Array(0);
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}

function isGzipped(actual: HttpRequest): boolean {
  const value = Object.entries(actual.headers).find(([k]) => k.toLowerCase() === "content-encoding")?.[1] ?? "";
  return value.split(",").some((v) => v.trim().toLowerCase() === "gzip");
}

/** The body's bytes, gunzipped when sent with `Content-Encoding: gzip`; a string says why not. */
function decodedBody(actual: HttpRequest): Uint8Array | string {
  const bytes = bytesOf(actual.body);
  if (!isGzipped(actual) || bytes.length === 0) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    return `Content-Encoding is gzip but the body does not gunzip (${(error as Error).message})`;
  }
}

function bodyProblem(expected: RequestCase, bytes: Uint8Array): string | undefined {
  const want = expected.body ?? "";
  const text = () => new TextDecoder().decode(bytes);
  if (want === "") return bytes.length === 0 ? undefined : `expected no body, got ${clip(text())}`;
  if (bytes.length === 0) return `expected ${clip(want)}, got no body`;
  switch (expected.bodyMediaType) {
    case "application/json":
      return compareJson(want, text());
    case "application/xml":
      return compareXml(want, text());
    case "application/cbor":
      return compareCbor(Buffer.from(want, "base64"), bytes);
    case "application/x-www-form-urlencoded":
      return compareForm(want, text());
    default: {
      const wantBytes = new TextEncoder().encode(want);
      return Buffer.from(wantBytes).equals(Buffer.from(bytes)) ? undefined : `expected ${JSON.stringify(clip(want))}, got ${JSON.stringify(clip(text()))}`;
    }
  }
}
