// Compares a request our generated serializer made with the one the AWS SDK v3 handed to its
// request handler. Returns every difference; an empty list means the same request on the wire.
//
//   compareWire({ method: "POST", path: "/", query: [], headers: { "X-Amz-Target": "S.Op" }, body: '{"a":1}' },
//               { method: "POST", hostname: "oracle.test", path: "/", query: {},
//                 headers: { "x-amz-target": "S.Op", "x-amz-date": "…" }, body: '{"a":1.0}' })
//   → []
//   compareWire({ …, query: ["a=b%2Bc"] }, { …, query: { a: "b c" } })
//   → [{ part: "query", name: "a", message: "query a: ours [\"b+c\"], SDK [\"b c\"]" }]
//
// - method exactly; host: the SDK's hostname is our host prefix followed by the oracle's host;
//   path exactly (both are what goes on the wire, percent-encoded).
// - query: decoded names and values as a multiset, the values of one name in order; then the
//   encoded form, our `name=value` strings against the SDK's own query string builder (a
//   multiset: the SDK sorts by name), so an escaping difference shows even when the decoded
//   pairs agree.
// - headers: names case-insensitive, values exactly, every header except those only a transport or
//   a signer sets (IGNORED_HEADERS); Content-Length is never ours to set (the contract).
// - body: absent, "" and zero bytes are all "no body"; otherwise by the SDK's Content-Type: JSON
//   semantically, XML normalised, forms as decoded fields (test/protocols/bodies.ts), anything
//   else byte for byte.

import { buildQueryString } from "@smithy/core/protocols";
import { clip, compareForm, compareJson, compareXml } from "../protocols/bodies.js";
import { ORACLE_HOST, type SdkRequest } from "./capture.js";

/** Our serializer's request (the contract's HttpRequest). */
export interface OurRequest {
  readonly method: string;
  readonly path: string;
  readonly query: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly hostPrefix?: string;
}

export type Part = "method" | "host" | "path" | "query" | "query-encoding" | "header" | "body";

export interface Difference {
  readonly part: Part;
  /** Header or query name, when the part has names. */
  readonly name?: string;
  readonly message: string;
}

/** Headers the signer, the user agent, retries or the transport set: never a serializer's. */
export const IGNORED_HEADERS: ReadonlyMap<string, string> = new Map([
  ["authorization", "SigV4 signing"],
  ["x-amz-date", "SigV4 signing"],
  ["x-amz-security-token", "SigV4 signing"],
  ["x-amz-content-sha256", "SigV4 signing"],
  ["user-agent", "the SDK's user agent"],
  ["x-amz-user-agent", "the SDK's user agent"],
  ["amz-sdk-invocation-id", "the SDK's retry bookkeeping"],
  ["amz-sdk-request", "the SDK's retry bookkeeping"],
  ["content-length", "computed by a transport from the body (the serializer contract)"],
  ["host", "the endpoint (compared through the hostname)"],
]);

export function compareWire(ours: OurRequest, sdk: SdkRequest): Difference[] {
  const out: Difference[] = [];
  if (ours.method !== sdk.method) out.push({ part: "method", message: `method: ours ${ours.method}, SDK ${sdk.method}` });
  const host = `${ours.hostPrefix ?? ""}${ORACLE_HOST}`;
  if (host !== sdk.hostname) out.push({ part: "host", message: `host: ours ${host}, SDK ${sdk.hostname}` });
  if (ours.path !== sdk.path) out.push({ part: "path", message: `path: ours ${ours.path}, SDK ${sdk.path}` });
  out.push(...compareQuery(ours.query, sdk.query));
  out.push(...compareHeaders(ours.headers, sdk.headers));
  const body = compareBody(ours.body, sdk.body, headerValue(sdk.headers, "content-type") ?? "");
  if (body) out.push({ part: "body", message: `body: ${body}` });
  return out;
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Query

function compareQuery(ours: readonly string[], sdk: SdkRequest["query"]): Difference[] {
  const out: Difference[] = [];
  const mine = new Map<string, (string | null)[]>();
  for (const item of ours) {
    const eq = item.indexOf("=");
    const name = decodeURIComponent(eq < 0 ? item : item.slice(0, eq));
    const value = eq < 0 ? null : decodeURIComponent(item.slice(eq + 1));
    mine.set(name, [...(mine.get(name) ?? []), value]);
  }
  const theirs = new Map<string, (string | null)[]>();
  for (const [name, value] of Object.entries(sdk)) theirs.set(name, value === null ? [null] : typeof value === "string" ? [value] : [...value]);
  for (const name of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = JSON.stringify(mine.get(name) ?? []);
    const b = JSON.stringify(theirs.get(name) ?? []);
    if (a !== b) out.push({ part: "query", name, message: `query ${name}: ours ${a}, SDK ${b}` });
  }
  if (out.length > 0) return out;
  // The same pairs: now the escaping, against the string the SDK's transport puts on the wire.
  const encoded = buildQueryString(sdk as Record<string, string | string[] | null>);
  const sdkItems = (encoded === "" ? [] : encoded.split("&")).sort();
  const ourItems = [...ours].sort();
  if (JSON.stringify(sdkItems) !== JSON.stringify(ourItems)) {
    out.push({ part: "query-encoding", message: `query string: ours ${ourItems.join("&")}, SDK ${sdkItems.join("&")}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Headers

function compareHeaders(ours: Readonly<Record<string, string>>, sdk: Readonly<Record<string, string>>): Difference[] {
  const out: Difference[] = [];
  const lower = (h: Readonly<Record<string, string>>, which: string) => {
    const m = new Map<string, string>();
    for (const [k, v] of Object.entries(h)) {
      const key = k.toLowerCase();
      if (m.has(key)) out.push({ part: "header", name: key, message: `header ${key}: set twice by ${which}` });
      m.set(key, v);
    }
    return m;
  };
  const mine = lower(ours, "ours");
  const theirs = lower(sdk, "the SDK");
  for (const name of mine.keys()) {
    if (name === "content-length") out.push({ part: "header", name, message: "header content-length: set by our serializer (the contract leaves it to the transport)" });
  }
  for (const name of [...new Set([...mine.keys(), ...theirs.keys()])].sort()) {
    if (IGNORED_HEADERS.has(name)) continue;
    const a = mine.get(name);
    const b = theirs.get(name);
    if (a !== b) out.push({ part: "header", name, message: `header ${name}: ours ${show(a)}, SDK ${show(b)}` });
  }
  return out;
}

const show = (v: string | undefined) => (v === undefined ? "(absent)" : JSON.stringify(v));

// ---------------------------------------------------------------------------------------------
// Body

function isEmpty(body: string | Uint8Array | undefined): boolean {
  return body === undefined || body.length === 0;
}

function text(body: string | Uint8Array): string {
  return typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: true }).decode(body);
}

function bytes(body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}

export function compareBody(ours: string | Uint8Array | undefined, sdk: string | Uint8Array | undefined, contentType: string): string | undefined {
  if (isEmpty(ours) && isEmpty(sdk)) return undefined;
  if (isEmpty(ours)) return `ours none, SDK ${clip(text(sdk!))}`;
  if (isEmpty(sdk)) return `ours ${clip(typeof ours === "string" ? ours : `${ours!.length} bytes`)}, SDK none`;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  try {
    // compare*(expected, actual): the SDK is the expectation, so "expected" in a message is the SDK's.
    if (type === "application/json" || type.startsWith("application/x-amz-json-")) return compareJson(text(sdk!), text(ours!));
    if (type === "application/xml" || type === "text/xml") return compareXml(text(sdk!), text(ours!));
    if (type === "application/x-www-form-urlencoded") return compareForm(text(sdk!), text(ours!));
  } catch (error) {
    return `not text: ${(error as Error).message}`;
  }
  const a = bytes(ours!);
  const b = bytes(sdk!);
  if (a.length === b.length && a.every((x, i) => x === b[i])) return undefined;
  return `bytes differ (${type || "no content type"}): ours ${a.length} bytes, SDK ${b.length} bytes`;
}
