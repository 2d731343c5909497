// The APIs' own SDK encoders, called offline, as the oracle of test/sdk-wire/ (issue 10: "compare
// against the APIs' own SDK encoders"). Nothing here reaches the network.
//
//   await stripeRequest({ method: "POST", template: "/v1/customers/{customer}", path: { customer: "cus 1" }, params: { metadata: { a: "1" }, expand: ["x"] } })
//   → { method: "POST", path: "/v1/customers/cus%201", query: "", contentType: "application/x-www-form-urlencoded",
//       body: "metadata[a]=1&expand[0]=x" }
//   octokitRequest({ method: "GET", template: "/repos/{owner}/{repo}/issues", params: { owner: "o", repo: "r", labels: "a,b" } })
//   → { method: "GET", path: "/repos/o/r/issues", query: "labels=a%2Cb", body: undefined }
//
// Stripe: a real `Stripe` client (stripe-node) whose HTTP client is its own fetch client over a
// fetch that captures the request and answers `{}` with status 200. A request goes through
// `StripeResource._makeRequest(method, path, params)`, exactly as stripe-node's generated
// resources call it (resources/Customers.js: `this._makeRequest('GET',
// `/v1/customers/${encodeURIComponent(id)}`, params, options)`): the path's values
// `encodeURIComponent`-ed into the template, params in the query for GET and DELETE and in a
// form body otherwise (StripeResource.js, RequestSender.js), multipart bodies through its own
// multipart encoder where a resource sets it (resources/Files.js).
//
// GitHub: `@octokit/endpoint`, Octokit's request builder: `endpoint("POST /repos/{owner}/{repo}/issues",
// params)` → method, url, headers, body. Parameters that are not in the URL template go to the
// query for GET and HEAD and into the JSON body otherwise; `data` is the whole body. For an
// operation with query parameters and a body, the route carries an RFC 6570 query expression
// (`{?name,label}`), as Octokit's endpoint methods write them (uploadReleaseAsset:
// `POST {origin}/repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}`).
//
// Twilio: a real twilio-node client whose RequestClient has an axios adapter that records the
// request (URL with the params its own paramsSerializer wrote) and answers `{}`. A request goes
// through `client.request({ method, uri, params, data })`, where every generated resource method
// ends (resources → Version → Domain → BaseTwilio.request → RequestClient: qs, arrayFormat repeat).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import Stripe from "stripe";
import { endpoint } from "@octokit/endpoint";
import twilio from "twilio";

/** A request as an SDK builds it: path and query as sent (raw), the body as sent. */
export interface SdkRequest {
  readonly method: string;
  /** Path, percent-encoded as sent, without the origin. */
  readonly path: string;
  /** The query string as sent, without `?` ("" when there is none). */
  readonly query: string;
  readonly contentType?: string;
  /** A form's text, a multipart body's bytes, a JSON value (octokit's body before JSON.stringify), or bytes. */
  readonly body?: string | Uint8Array | { readonly json: unknown };
}

export interface StripeCall {
  readonly method: string;
  /** The path template as the document writes it: `/v1/customers/{customer}`. */
  readonly template: string;
  /** Path values by template name. */
  readonly path: Readonly<Record<string, unknown>>;
  readonly params: Record<string, unknown>;
  /** The multipart encoder of stripe-node's Files resource (`POST /v1/files`). */
  readonly multipart?: boolean;
}

interface Captured {
  url: string;
  init: RequestInit;
}

// One client for the run: its construction reads the platform once (user agent, uname).
let client: { stripe: Stripe; captured: Captured[] } | undefined;

function stripeClient(): { stripe: Stripe; captured: Captured[] } {
  if (client) return client;
  const captured: Captured[] = [];
  const capture = (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    captured.push({ url: String(url), init: init ?? {} });
    return Promise.resolve(new Response("{}", { status: 200, headers: { "content-type": "application/json", "request-id": "req_test" } }));
  };
  const stripe = new Stripe("sk_test_offline", { httpClient: Stripe.createFetchHttpClient(capture as typeof fetch), maxNetworkRetries: 0, telemetry: false });
  client = { stripe, captured };
  return client;
}

type MakeRequest = (method: string, path: string, params: Record<string, unknown>, options?: unknown, spec?: unknown) => Promise<unknown>;
interface StripeResourceLike {
  _makeRequest: MakeRequest;
  requestDataProcessor: unknown;
}

/** The request stripe-node sends for a call. */
export async function stripeRequest(call: StripeCall): Promise<SdkRequest> {
  const { stripe, captured } = stripeClient();
  const Resource = (Stripe as unknown as { StripeResource: new (s: Stripe) => StripeResourceLike }).StripeResource;
  const resource = new Resource(stripe);
  if (call.multipart === true) {
    // resources/Files.js: `this.requestDataProcessor = multipartRequestDataProcessor` (not exported on its own).
    resource.requestDataProcessor = (stripe as unknown as { files: StripeResourceLike }).files.requestDataProcessor;
  }
  const path = call.template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(call.path[name])));
  const before = captured.length;
  await resource._makeRequest(call.method, path, call.params, call.multipart === true ? { apiBase: "https://files.stripe.com" } : undefined);
  const sent = captured[before];
  if (captured.length !== before + 1 || !sent) throw new Error(`stripe-node sent ${captured.length - before} requests for one call`);
  const url = splitUrl(sent.url);
  const headers = new Headers(sent.init.headers as ConstructorParameters<typeof Headers>[0]);
  const contentType = headers.get("content-type") ?? undefined;
  const body = sent.init.body;
  return {
    method: String(sent.init.method),
    path: url.path,
    query: url.query,
    ...(contentType !== undefined && body !== undefined && body !== null ? { contentType } : {}),
    ...(body === undefined || body === null ? {} : { body: typeof body === "string" ? body : new Uint8Array(body as ArrayBuffer) }),
  };
}

export interface OctokitCall {
  readonly method: string;
  /** The path template; `{?a,b}` is added for the query parameters of a method with a body. */
  readonly template: string;
  /** The names of the operation's query parameters. */
  readonly queryNames: readonly string[];
  readonly params: Record<string, unknown>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The request `@octokit/endpoint` builds for a call. */
export function octokitRequest(call: OctokitCall): SdkRequest {
  const withBody = !["GET", "HEAD"].includes(call.method);
  const route = `${call.method} ${call.template}${withBody && call.queryNames.length > 0 ? `{?${call.queryNames.join(",")}}` : ""}`;
  const built = endpoint(route, { ...call.params, ...(call.headers ? { headers: call.headers } : {}) });
  const url = splitUrl(built.url);
  const body = (built as { body?: unknown }).body;
  const contentType = (built.headers as Record<string, string | undefined>)["content-type"];
  return {
    method: built.method,
    path: url.path,
    query: url.query,
    ...(contentType !== undefined && body !== undefined ? { contentType } : {}),
    ...(body === undefined ? {} : { body: typeof body === "string" || body instanceof Uint8Array ? body : { json: body } }),
  };
}

/** Path and query of a URL as sent, the origin removed (not parsed: a URL parser would remove dot segments). */
function splitUrl(url: string): { path: string; query: string } {
  const rest = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, "");
  const q = rest.indexOf("?");
  return q === -1 ? { path: rest, query: "" } : { path: rest.slice(0, q), query: rest.slice(q + 1) };
}

export interface TwilioCall {
  /** Lower case, as Twilio's resources give it. */
  readonly method: string;
  /** The server and the path, the path values put in raw as Twilio's resources do (`/Conversations/${sid}`). */
  readonly uri: string;
  /** Query parameters by wire name (GET; Twilio sends them with qs, arrayFormat "repeat"). */
  readonly params?: Record<string, unknown>;
  /** Form body properties by wire name, values already through Twilio's `serialize` helpers. */
  readonly data?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

interface TwilioCaptured {
  url: string;
  method: string;
  data: unknown;
  headers: Record<string, unknown>;
}
interface TwilioSetUp {
  client: ReturnType<typeof twilio>;
  captured: TwilioCaptured[];
}
let twilioClient: TwilioSetUp | undefined;

function twilioSetUp(): TwilioSetUp {
  if (twilioClient) return twilioClient;
  const captured: TwilioCaptured[] = [];
  const requestClient = new twilio.RequestClient({ keepAlive: false });
  // An axios adapter that records the request axios would send (its URL with the params Twilio's
  // paramsSerializer wrote) and answers `{}`: nothing leaves the process.
  const axios = (requestClient as unknown as { axios: { defaults: { adapter: unknown }; getUri: (config: unknown) => string } }).axios;
  axios.defaults.adapter = (config: { method: string; data: unknown; headers: { toJSON?: () => Record<string, unknown> } }) => {
    captured.push({ url: axios.getUri(config), method: config.method.toUpperCase(), data: config.data, headers: config.headers.toJSON ? config.headers.toJSON() : (config.headers as Record<string, unknown>) });
    return Promise.resolve({ data: {}, status: 200, statusText: "OK", headers: {}, config, request: {} });
  };
  const client = twilio("AC00000000000000000000000000000000", "offline-token", { httpClient: requestClient });
  twilioClient = { client, captured };
  return twilioClient;
}

/** The request twilio-node sends for a call through `client.request` (BaseTwilio), which every resource method ends in. */
export async function twilioRequest(call: TwilioCall): Promise<SdkRequest> {
  const { client, captured } = twilioSetUp();
  const before = captured.length;
  await client.request({ method: call.method as "get", uri: call.uri, ...(call.params ? { params: call.params } : {}), ...(call.data ? { data: call.data } : {}), headers: { ...(call.headers ?? {}) } });
  const sent = captured[before];
  if (captured.length !== before + 1 || !sent) throw new Error(`twilio-node sent ${captured.length - before} requests for one call`);
  const url = splitUrl(sent.url);
  const contentType = Object.entries(sent.headers).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  const body = sent.data;
  return {
    method: sent.method,
    path: url.path,
    query: url.query,
    ...(typeof contentType === "string" && body !== undefined ? { contentType } : {}),
    ...(body === undefined || body === null ? {} : { body: typeof body === "string" ? body : { json: body } }),
  };
}

/** The installed versions of the SDKs, for the report (read from their package.json files). */
export function sdkVersions(root: string): Record<"stripe" | "octokit" | "twilio", string> {
  const version = (name: string) => (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return { stripe: version("stripe"), octokit: version("@octokit/endpoint"), twilio: version("twilio") };
}
