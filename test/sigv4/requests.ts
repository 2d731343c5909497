// Random requests to sign (fast-check), each given two ways: as the URL string our signer takes
// (path and query percent-encoded, the query in varied but equivalent spellings) and as the
// AWS SDK v3's HttpRequest (hostname and port as the SDK's parseUrl reads the endpoint, `host`
// as its hostHeaderMiddleware sets it, the query decoded into its map), signed by
// `@smithy/signature-v4` as the oracle.
//
//   await caseOf(sample(requestSpec))
//   → { request: { method: "GET", url: "http://A.example:8080/x%20y/../z?b&a=1&a=%7e", headers, body },
//       options: { credentials, region, service, date, uriEscapePath, applyChecksum, unsignedPayload },
//       sdk: HttpRequest { hostname: "a.example", port: 8080, path: "/x%20y/../z", query: { b: "", a: ["1", "~"] },
//                          headers: { host: "a.example:8080", ... } } }

import fc from "fast-check";
import { hostHeaderMiddleware } from "@aws-sdk/core/client";
import { HttpRequest, parseUrl } from "@smithy/core/protocols";
import { Sha256Js } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import type { SignableRequest, SigningOptions } from "./load.js";

export interface RequestCase {
  readonly request: SignableRequest;
  readonly options: SigningOptions & { readonly date: Date };
  /** What the SDK signs: the same request as its own HttpRequest. */
  readonly sdk: HttpRequest;
}

/** The SDK's escapeUri: RFC 3986 unreserved characters stay, everything else is %XX (UTF-8). */
export function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Signs with `@smithy/signature-v4` as an AWS SDK v3 client configures it. */
export async function sdkSign(c: RequestCase, sha256: typeof Sha256Js = Sha256Js): Promise<Record<string, string>> {
  const { credentials, region, service, date, uriEscapePath, applyChecksum } = c.options;
  const signer = new SignatureV4({ credentials, region, service, sha256, uriEscapePath: uriEscapePath ?? true, applyChecksum: applyChecksum ?? false });
  const signed = (await signer.sign(HttpRequest.clone(c.sdk), { signingDate: date })) as HttpRequest;
  return signed.headers;
}

/** The SDK's `host` header for an endpoint URL: its parseUrl, then its hostHeaderMiddleware. */
export async function sdkHost(endpoint: string, headers: Record<string, string>): Promise<HttpRequest> {
  const { hostname, port, protocol } = parseUrl(endpoint);
  const request = new HttpRequest({ hostname, protocol, headers: { ...headers }, ...(port !== undefined ? { port } : {}) });
  const middleware = hostHeaderMiddleware({ requestHandler: { metadata: {} } } as never);
  await middleware(async (args: unknown) => ({ output: {}, response: args }) as never, {} as never)({ input: {}, request } as never);
  return request;
}

const UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
/** Characters paths and queries need encoded, and some that need none. */
const TRICKY = [" ", "  ", "+", "%", "/", "?", "#", "&", "=", ";", ":", "@", "$", ",", "!", "'", "(", ")", "*", "[", "]", "\"", "<", ">", "{", "}", "|", "\\", "^", "`", "é", "ø", "中文", "😀", "\u00a0", "\t", "~", "-", ".", "_"];

const text = (maxLength: number) =>
  fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "grapheme", maxLength: 3 }), fc.constantFrom(...UNRESERVED.split(""))), { maxLength }).map((parts) => parts.join(""));

/** A query name or value percent-encoded as some client might: unreserved characters raw or as %XX (upper or lower case hex). */
const spelled = (value: string) =>
  fc.array(fc.boolean(), { minLength: value.length, maxLength: value.length }).chain((raw) =>
    fc.boolean().map((lowerHex) => {
      let out = "";
      let i = 0;
      for (const ch of value) {
        if (UNRESERVED.includes(ch) && !raw[i]) out += `%${ch.charCodeAt(0).toString(16).toUpperCase()}`;
        else out += escapeUri(ch);
        i++;
      }
      return lowerHex ? out.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()) : out;
    }),
  );

/** A path segment as written in the URL: encoded as our serializers encode labels, or raw where a URL allows it. */
const segment = fc.oneof(
  { weight: 4, arbitrary: text(8).map(escapeUri) },
  { weight: 1, arbitrary: fc.constantFrom(".", "..", "", "%2E", "a.b", "..a", "%2F", "%25") },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9\-._~!$&'()*+,;=:@]{1,6}$/) },
  { weight: 1, arbitrary: fc.constantFrom("a b", "é", "中", "a%20b", "~user") },
);

const headerName = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "Content-Type", "X-Amz-Target", "x-amz-meta-thing", "X-Amz-User-Agent", "User-Agent", "user-agent", "Expect", "X-Amzn-Trace-Id",
      "Authorization", "Date", "X-Amz-Date", "Connection", "Proxy-Authorization", "proxy-foo", "Sec-Fetch-Mode", "Cache-Control", "Referer",
      "Transfer-Encoding", "Content-Length", "Content-MD5", "If-Match", "Range", "x-amz-acl", "X-Amz-Security-Token",
    ),
  },
);

const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,20}$/),
  fc.tuple(fc.constantFrom("", " ", "  ", "\t", " \t "), fc.stringMatching(/^[!-~]{0,8}$/), fc.constantFrom("", " ", "   ", "\t \t"), fc.stringMatching(/^[!-~]{0,8}$/), fc.constantFrom("", " ", "\t", "  ")).map((p) => p.join("")),
  fc.constantFrom("a\r\nb", "x\ny", "  multi   space  ", "\tTab\t", "UNSIGNED-PAYLOAD", "é"),
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.constant(""),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.uint8Array({ maxLength: 300 }),
  fc.uint8Array({ minLength: 4, maxLength: 100 }).map((bytes) => bytes.subarray(2, bytes.length - 1)),
);

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);

/** One request, described once: `caseOf` gives it to both signers. */
export interface RequestSpec {
  readonly method: string;
  /** `scheme://authority`, e.g. `http://A.example:8080` (the host as written). */
  readonly endpoint: string;
  /** The path as the URL writes it (percent-encoded where it must be). */
  readonly path: string;
  /** Query pairs decoded (`null`: a name without `=`), each with its spelling in the URL. */
  readonly query: readonly { readonly name: string; readonly value: string | null; readonly spelled: string }[];
  readonly fragment?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly options: SigningOptions & { readonly date: Date };
}

/** The query pairs of a spec spelled as `escapeUri` spells them. */
export function plainQuery(pairs: readonly (readonly [string, string | null])[]): RequestSpec["query"] {
  return pairs.map(([name, value]) => ({ name, value, spelled: value === null ? escapeUri(name) : `${escapeUri(name)}=${escapeUri(value)}` }));
}

export async function caseOf(spec: RequestSpec): Promise<RequestCase> {
  const queryText = spec.query.map((p) => p.spelled).join("&");
  const url = `${spec.endpoint}${spec.path}${queryText ? `?${queryText}` : ""}${spec.fragment ?? ""}`;
  // The SDK's request: its endpoint parse and host header, our path as its (already encoded)
  // path, the query as the decoded map its serializers build (a name without "=" is "").
  const sdkHeaders: Record<string, string> = { ...spec.headers };
  if (spec.options.unsignedPayload && !Object.keys(sdkHeaders).some((h) => h.toLowerCase() === "x-amz-content-sha256")) {
    sdkHeaders["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD";
  }
  const withHost = await sdkHost(spec.endpoint, sdkHeaders);
  const query: Record<string, string | string[]> = {};
  for (const { name, value } of spec.query) {
    const v = value ?? "";
    const prior = query[name];
    query[name] = prior === undefined ? v : Array.isArray(prior) ? [...prior, v] : [prior, v];
  }
  const sdk = new HttpRequest({ ...withHost, method: spec.method, path: spec.path, query, ...(spec.body !== undefined ? { body: spec.body } : {}) });
  return {
    request: { method: spec.method, url, headers: spec.headers, ...(spec.body !== undefined ? { body: spec.body } : {}) },
    options: spec.options,
    sdk,
  };
}

export const requestSpec: fc.Arbitrary<RequestSpec> = fc
  .record({
    method: fc.oneof(fc.constantFrom("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"), fc.stringMatching(/^[A-Z]{1,8}$/)),
    scheme: fc.constantFrom("http", "https"),
    hostLabels: fc.array(label, { minLength: 1, maxLength: 4 }),
    upperHost: fc.boolean(),
    port: fc.oneof(fc.constant(undefined), fc.constantFrom(80, 443), fc.integer({ min: 1, max: 65535 })),
    segments: fc.array(segment, { maxLength: 6 }),
    trailingSlash: fc.boolean(),
    query: fc.array(
      fc.tuple(fc.oneof(fc.constantFrom("a", "b", "A", "list", "x-id", "prefix", "é", "a b", "k~"), text(6).filter((name) => name !== "")), fc.oneof(text(10), fc.constant(""), fc.constant(null))),
      { maxLength: 8 },
    ),
    fragment: fc.constantFrom("", "#frag", "#a?b=c"),
    // Names unique whatever their case (a record with two spellings of one name is not a request),
    // `host` and `x-amz-content-sha256` set below.
    headers: fc.uniqueArray(
      fc.tuple(headerName, headerValue).filter(([name]) => !["host", "x-amz-content-sha256"].includes(name.toLowerCase())),
      { maxLength: 10, selector: ([name]) => name.toLowerCase() },
    ),
    explicitHost: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("override.example", "bucket.s3.amazonaws.com") }),
    presetSha: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("UNSIGNED-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "0".repeat(64)) }),
    body,
    accessKeyId: fc.stringMatching(/^[A-Z0-9]{16,20}$/),
    secretAccessKey: fc.stringMatching(/^[A-Za-z0-9/+]{30,40}$/),
    sessionToken: fc.oneof(fc.constant(undefined), fc.stringMatching(/^[A-Za-z0-9/+=]{20,80}$/)),
    region: fc.oneof(fc.constantFrom("us-east-1", "eu-west-3", "cn-north-1", "us-gov-west-1"), label),
    service: fc.oneof(fc.constantFrom("cognito-idp", "s3", "execute-api", "sts", "lex"), label),
    date: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
    s3: fc.boolean(),
    applyChecksum: fc.boolean(),
    unsignedPayload: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .chain((r) =>
    fc
      .tuple(...r.query.map(([name, value]) => fc.tuple(spelled(name), value === null ? fc.constant(null) : spelled(value))))
      .map((spellings): RequestSpec => {
        const headers: Record<string, string> = Object.fromEntries(r.headers);
        if (r.explicitHost !== undefined) headers["host"] = r.explicitHost;
        if (r.presetSha !== undefined) headers["X-Amz-Content-Sha256"] = r.presetSha;
        const host = r.hostLabels.join(".") + ".example";
        return {
          method: r.method,
          endpoint: `${r.scheme}://${r.upperHost ? host.toUpperCase() : host}${r.port !== undefined ? `:${r.port}` : ""}`,
          path: "/" + r.segments.join("/") + (r.trailingSlash && r.segments.length > 0 ? "/" : ""),
          query: r.query.map(([name, value], i) => {
            const [n, v] = spellings[i]!;
            return { name, value, spelled: v === null ? n : `${n}=${v}` };
          }),
          fragment: r.fragment,
          headers,
          ...(r.body !== undefined ? { body: r.body } : {}),
          options: {
            credentials: { accessKeyId: r.accessKeyId, secretAccessKey: r.secretAccessKey, ...(r.sessionToken !== undefined ? { sessionToken: r.sessionToken } : {}) },
            region: r.region,
            service: r.service,
            date: r.date,
            ...(r.s3 ? { uriEscapePath: false, applyChecksum: true } : { applyChecksum: r.applyChecksum }),
            ...(r.unsignedPayload ? { unsignedPayload: true } : {}),
          },
        };
      }),
  );
