// The listed ways the APIs' own SDKs' requests differ from ours (test/sdk-wire/), each argued,
// each of a kind, and how each is recognised.
//
//   classify(difference) → "empty-body" | "octokit-trailing-slash+empty-query-value" | ... | undefined
//   agrees("empty-body") → true: the two requests are the same message
//
// Each entry is a normalisation of the two requests (as oracle.ts reduces them) that erases that
// one difference and nothing else. They are applied in order until the two requests are equal;
// the difference is explained by the entries that changed something on the way. If the requests
// still differ after all of them, the difference is unexplained and the test fails.
//
// Kinds (report.ts counts them apart):
// - "equivalent": the same HTTP message by the cited specification: such an input AGREES;
// - "sdk": the SDK departs from the document or the cited specification;
// - "choice": both requests follow the document and the specification, with other bytes;
// - "ours": we follow the document where the SDK follows the API's convention: both are argued
//   below, and the argument says which one the API is known to take;
// - "inexpressible": the SDK cannot be given this input (no request is built; oracle.ts counts
//   the input here without comparing).

import { formPairs, type Pairs, type SdkDifference, type Wire } from "./oracle.js";

export type Kind = "equivalent" | "sdk" | "choice" | "ours" | "inexpressible";

export interface Known {
  readonly name: string;
  readonly kind: Kind;
  readonly reason: string;
  /** Both requests with this one difference erased, or undefined where the entry does not apply. */
  readonly normalize?: (ours: Wire, theirs: Wire, difference: SdkDifference) => readonly [Wire, Wire];
}

const input = (d: SdkDifference) => (typeof d.input === "object" && d.input !== null ? (d.input as Record<string, unknown>) : {});
const topLevel = (key: string) => !key.includes("[");
/**
 * The request twilio-node sends for ours if it put our path's values in raw: the WHATWG URL parser
 * on the decoded path (BaseTwilio.request: `new url.URL(opts.uri)`), then axios's buildURL, which
 * cuts a fragment off before it adds the query (`?` or `&`) and keeps it when there is none.
 */
function twilioUrl(ours: Wire): Wire {
  let parsed: URL;
  try {
    parsed = new URL("https://twilio.invalid" + loose(ours.path));
  } catch {
    return ours;
  }
  // The whole href: `parsed.hash` is "" for an empty fragment, which the URL still holds (`…/a#`).
  let href = parsed.href.slice(parsed.origin.length);
  if (ours.query.length > 0 && href.includes("#")) href = href.slice(0, href.indexOf("#"));
  const q = href.indexOf("?");
  const path = q === -1 ? href : href.slice(0, q);
  const query = q === -1 ? [] : formPairs(href.slice(q + 1));
  return { ...ours, path, query: [...query, ...ours.query] };
}

/** Percent-decoded where the text decodes (a raw `%` left as it is). */
const loose = (text: string) => text.split("/").map((seg) => { try { return decodeURIComponent(seg); } catch { return seg; } }).join("/");
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** What the comparison reads of a request (oracle.ts differingParts): not its raw bytes. */
const sameWire = (a: Wire, b: Wire) => same([a.method, a.path, a.query, a.body], [b.method, b.path, b.query, b.body]);

/** A JSON value with the property at a path of keys removed. */
function without(json: unknown, path: readonly string[]): unknown {
  const [key, ...rest] = path;
  if (key === undefined || typeof json !== "object" || json === null) return json;
  if (Array.isArray(json)) return json.map((v, i) => (String(i) === key ? without(v, rest) : v));
  const o = json as Record<string, unknown>;
  if (!(key in o)) return json;
  if (rest.length === 0) return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
  return { ...o, [key]: without(o[key], rest) };
}

/** Their JSON with a string that is ours plus `.000` before the `Z` (a date-time on a whole second) replaced by ours. */
function wholeSeconds(ours: unknown, theirs: unknown): unknown {
  if (typeof theirs === "string") return typeof ours === "string" && /\.000Z$/.test(theirs) && ours === theirs.replace(/\.000Z$/, "Z") && /T\d\d:\d\d:\d\dZ$/.test(ours) ? ours : theirs;
  if (Array.isArray(theirs)) return theirs.map((t, i) => wholeSeconds(Array.isArray(ours) ? ours[i] : undefined, t));
  if (typeof theirs === "object" && theirs !== null) {
    const o = typeof ours === "object" && ours !== null ? (ours as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(theirs).map(([k, t]) => [k, wholeSeconds(o[k], t)]));
  }
  return theirs;
}

export const KNOWN: readonly Known[] = [
  {
    name: "delete-params-in-query",
    kind: "ours",
    reason:
      "Stripe's DELETE operations declare an application/x-www-form-urlencoded requestBody (cancellation_details, invoice_now, prorate, " +
      "expand, ...; empty for most): we send it as a form body, as the document declares (an empty form body where none is set); " +
      "stripe-node's StripeResource puts the params of a GET or DELETE in the query string. The pairs are the same. We keep DELETE " +
      "bodies on purpose (README, \"A requestBody on GET, HEAD or TRACE\"): GitHub's DELETE operations need theirs, and Octokit sends " +
      "them in the body; OpenAPI 3.0.3 §Operation Object would have consumers ignore a DELETE requestBody (RFC 7231 §4.3.5 gives it " +
      "no semantics), which would lose these params altogether. Stripe's own SDK shows the query is what Stripe is sure to read.",
    normalize: (ours, theirs) => {
      if (ours.method !== "DELETE" || theirs.method !== "DELETE" || ours.body === undefined || !("form" in ours.body) || theirs.body !== undefined) return [ours, theirs];
      const { body: _, ...rest } = ours;
      return [{ ...rest, query: [...ours.query, ...ours.body.form] }, theirs];
    },
  },
  {
    name: "empty-query-value",
    kind: "ours",
    reason:
      "A query parameter (top level, not inside a deepObject) set to \"\": we leave it out, stripe-node, Octokit and client-node send `name=`. " +
      "OpenAPI 3.0.3 §Parameter Object: `allowEmptyValue` \"sets the ability to pass empty-valued parameters\", default false, and none of " +
      "these parameters sets it; the generated validator accepts \"\" only because the schemas have no minLength. Stripe reads an empty " +
      "value as \"unset this field\" and refuses it for parameters that cannot be unset, such as list cursors; for a required GitHub " +
      "query parameter (DELETE /repos/{owner}/{repo}/actions/caches `key`) both requests are wrong in their own way (ours lacks it, " +
      "theirs sends nothing where a key is meant).",
    normalize: (ours, theirs, d) => {
      const values = d.queryInput ?? input(d);
      const drop = (q: Pairs) => q.filter(([k, v]) => !(topLevel(k) && v === "" && values[k] === "" && !ours.query.some(([ok]) => ok === k)));
      return [ours, { ...theirs, query: drop(theirs.query) }];
    },
  },
  {
    name: "empty-body",
    kind: "equivalent",
    reason:
      "Octokit sends a PUT or PATCH without parameters with an empty body (\"\", so that Content-Length: 0 is sent, which GitHub asks for); " +
      "we send none. The same message: a request without Content-Length or Transfer-Encoding has a body of length zero (RFC 9112 §6.3), " +
      "and fetch sends Content-Length: 0 for a PUT without a body (Fetch §HTTP-network-or-cache fetch).",
    normalize: (ours, theirs) => {
      if (ours.body !== undefined || theirs.body === undefined || !(same(theirs.body, { text: "" }) || same(theirs.body, { form: [] }))) return [ours, theirs];
      const { body: _, ...rest } = theirs;
      return [ours, rest];
    },
  },
  {
    name: "empty-json-object",
    kind: "choice",
    reason:
      "An operation whose optional JSON body has none of its properties set: we send `{}` (the body's object without properties), Octokit " +
      "sends an empty body. The requestBody is optional (`required: false`) and its schema an object whose properties are all optional: " +
      "both requests are valid for the document and mean \"change nothing but what the path says\".",
    normalize: (ours, theirs) => {
      if (!same(ours.body, { json: {} }) || !(theirs.body === undefined || same(theirs.body, { text: "" }))) return [ours, theirs];
      const { body: _, ...rest } = ours;
      const { body: __, ...theirRest } = theirs;
      return [rest, theirRest];
    },
  },
  {
    name: "stripe-path-sub-delims",
    kind: "sdk",
    reason:
      "A path value holding one of `!'()*`: we percent-encode it (`%27`), stripe-node does not: its resources write path values with " +
      "`encodeURIComponent`, which leaves these five raw. OpenAPI's `simple` style is RFC 6570's simple string expansion, which encodes " +
      "every character outside the unreserved set (RFC 6570 §3.2.2, §1.5); the five are RFC 3986 sub-delims, and URIs that differ in " +
      "encoding a reserved character are not equivalent (RFC 3986 §2.2), though both name the same id to a server that decodes " +
      "path segments.",
    normalize: (ours, theirs, d) => {
      const raw = ours.path.replace(/%(21|27|28|29|2A)/gi, (m) => decodeURIComponent(m));
      return d.sdk === "stripe" && raw === theirs.path ? [{ ...ours, path: raw }, theirs] : [ours, theirs];
    },
  },
  {
    name: "kubernetes-path-sub-delims",
    kind: "sdk",
    reason:
      "A path value holding one of `!'()*`: we percent-encode it, client-node does not: its request factories write path values " +
      "with `encodeURIComponent` (`.replace('{name}', encodeURIComponent(String(name)))`), which leaves these five raw, and the " +
      "WHATWG URL parser it then uses keeps them. The same argument as stripe-path-sub-delims: RFC 6570 §3.2.2 encodes them; RFC " +
      "3986 §2.2 makes the two URIs different, though the API server decodes path segments and reads the same name.",
    normalize: (ours, theirs, d) => {
      const raw = ours.path.replace(/%(21|27|28|29|2A)/gi, (m) => decodeURIComponent(m));
      return d.sdk === "kubernetes" && raw === theirs.path ? [{ ...ours, path: raw }, theirs] : [ours, theirs];
    },
  },
  {
    name: "twilio-raw-path-values",
    kind: "sdk",
    reason:
      "A path value outside the unreserved set (the Sids the document leaves free strings, `FetchDay`'s `Day`): Twilio's resources put " +
      "path values in raw (`/Conversations/${sid}`) and leave the URL parser to encode what it must (spaces, quotes, non-ASCII), so `)` " +
      "stays raw, a `/` adds a segment, a `?` starts the query (`/Participants/?bb7&` sends the pair `bb7`), a `#` a fragment (which " +
      "axios cuts off with the rest of the path when it adds the query), and spaces at the end of the URL are stripped by the parser " +
      "(`/Participants/ ` becomes `/Participants/`). Recognised where their URL is exactly what twilio-node's URL parsing and axios's " +
      "query building make of our path with its values decoded. " +
      "OpenAPI's `simple` style is RFC 6570 §3.2.2, which percent-encodes every character outside the unreserved set. Real Sids " +
      "(`^CH[0-9a-fA-F]{32}$` where the document says so) never show it.",
    normalize: (ours, theirs, d) => {
      if (d.sdk !== "twilio") return [ours, theirs];
      const expected = twilioUrl(ours);
      return same([expected.path, expected.query], [theirs.path, theirs.query]) ? [ours, { ...theirs, path: ours.path, query: ours.query }] : [ours, theirs];
    },
  },
  {
    name: "octokit-trailing-slash",
    kind: "sdk",
    reason:
      "A template that ends with a path parameter set to \"\" (`/repos/{owner}/{repo}/actions/secrets/{secret_name}`): we send the " +
      "template's literal `/` (`.../secrets/`), Octokit removes the trailing slash of every expanded URL (@octokit/endpoint " +
      "url-template.js `template.replace(/\\/$/, \"\")`) and so names another resource (`.../secrets`, the list). RFC 6570 §3.2.2 expands " +
      "an empty value to nothing and keeps the literals; the document's path template is literal text (OpenAPI 3.0.3 §Path Templating).",
    normalize: (ours, theirs, d) => (d.sdk === "octokit" && /\}$/.test(d.template) && ours.path === theirs.path + "/" ? [ours, { ...theirs, path: ours.path }] : [ours, theirs]),
  },
  {
    name: "octokit-null-query",
    kind: "sdk",
    reason:
      "A nullable query parameter set to null: we leave it out, Octokit sends the text `null` (add-query-parameters.js " +
      "`encodeURIComponent(parameters[name])`). RFC 6570 §2.3, which OpenAPI's form style follows, treats null as undefined: the " +
      "parameter is not sent.",
    normalize: (ours, theirs, d) => {
      const values = input(d);
      return [ours, { ...theirs, query: theirs.query.filter(([k, v]) => !(topLevel(k) && v === "null" && values[k] === null)) }];
    },
  },
  {
    name: "octokit-array-query",
    kind: "sdk",
    reason:
      "An array query parameter (GitHub's migrations `exclude`): we repeat the parameter (`exclude=a&exclude=b`, nothing for an empty " +
      "array), Octokit writes the array's text (`String(array)`: `exclude=a%2Cb`, and `exclude=` for an empty one). The document gives " +
      "the parameter no `style` or `explode`, which means style form with explode true: one pair per item (OpenAPI 3.0.3 §Parameter " +
      "Object, §Style Examples); an empty array has no pair to send (RFC 6570 §3.2.1: an empty list is undefined).",
    normalize: (ours, theirs, d) => {
      const values = input(d);
      const query = theirs.query.flatMap(([k, v]): Pairs => {
        const list = values[k];
        return topLevel(k) && Array.isArray(list) && v === list.map(String).join(",") ? list.map((x): [string, string] => [k, String(x)]) : [[k, v]];
      });
      return [ours, { ...theirs, query }];
    },
  },
  {
    name: "octokit-search-plus",
    kind: "sdk",
    reason:
      "The search parameter `q` holding a `+`: we percent-encode it (a literal plus), Octokit keeps every `+` of `q` raw " +
      "(add-query-parameters.js), which a form parser reads as a space: its convention for search queries written as GitHub's " +
      "documentation writes them (`q=repo:x+is:open`). The document declares `q` a plain string: a `+` in it is data (OpenAPI 3.0.3 " +
      "§Parameter Object, style form; RFC 3986 §3.4).",
    normalize: (ours, theirs) => [{ ...ours, query: ours.query.map(([k, v]) => (k === "q" && theirs.query.some(([tk, tv]) => tk === "q" && tv === v.replace(/\+/g, " ")) ? [k, v.replace(/\+/g, " ")] : [k, v])) }, theirs],
  },
  {
    name: "twilio-null-form",
    kind: "ours",
    reason:
      "A nullable form property set to null (Twilio's `LastReadMessageIndex`): we leave it out, Twilio's encoder (qs) writes `name=`, " +
      "an empty value. OpenAPI's form style follows RFC 6570, where null is undefined and not sent (§2.3). If Twilio's API reads an " +
      "empty value as \"clear this field\" (not checked here: no request reaches Twilio), a caller of ours cannot say it for an " +
      "integer (an empty string is no integer): a gap the document leaves, recorded here rather than invented.",
    normalize: (ours, theirs, d) => {
      if (d.sdk !== "twilio" || theirs.body === undefined || !("form" in theirs.body)) return [ours, theirs];
      const values = input(d);
      const mine = ours.body !== undefined && "form" in ours.body ? ours.body.form : [];
      return [ours, { ...theirs, body: { form: theirs.body.form.filter(([k, v]) => !(v === "" && values[k] === null && !mine.some(([ok]) => ok === k))) } }];
    },
  },
  {
    name: "kubernetes-query-order",
    kind: "choice",
    reason:
      "The same query parameters in another order: we write them in the order of the document's parameters (the operation's, then " +
      "its path item's: `pretty` last), client-node in the order of its method's arguments (its own generation from a later " +
      "Kubernetes: `pretty` first). Recognised only where every name occurs once on each side: OpenAPI 3.0.3 sets no order of " +
      "parameters, and the API server reads the query as a map of names (Go's url.Values), so the order of distinct names carries no meaning.",
    normalize: (ours, theirs, d) => {
      if (d.sdk !== "kubernetes" || ours.query.length !== theirs.query.length) return [ours, theirs];
      const names = (q: Pairs) => q.map(([k]) => k);
      if (new Set(names(ours.query)).size !== ours.query.length || new Set(names(theirs.query)).size !== theirs.query.length) return [ours, theirs];
      const position = new Map(ours.query.map(([k], i) => [k, i]));
      if (theirs.query.some(([k]) => !position.has(k))) return [ours, theirs];
      return [ours, { ...theirs, query: [...theirs.query].sort((a, b) => position.get(a[0])! - position.get(b[0])!) }];
    },
  },
  {
    name: "kubernetes-date-fraction",
    kind: "equivalent",
    reason:
      "A date-time in a JSON body on a whole second: we write `2008-09-29T20:33:35Z`, client-node `2008-09-29T20:33:35.000Z` (its " +
      "ObjectSerializer writes a Date with `toISOString()`). The same instant in RFC 3339 §5.6 `date-time`, the document's `format: " +
      "date-time`, whose `time-secfrac` is optional; Kubernetes reads both (metav1.Time unmarshals with Go's time.RFC3339 layout, " +
      "which accepts a fraction). Recognised only where our text is theirs with `.000` removed.",
    normalize: (ours, theirs, d) => {
      if (d.sdk !== "kubernetes" || ours.body === undefined || theirs.body === undefined || !("json" in ours.body) || !("json" in theirs.body)) return [ours, theirs];
      return [ours, { ...theirs, body: { json: wholeSeconds(ours.body.json, theirs.body.json) } }];
    },
  },
  {
    name: "kubernetes-unknown-property",
    kind: "sdk",
    reason:
      "A body property that client-node's model of its type lacks (a PersistentVolumeClaim's `spec.resources.claims`): we send it, " +
      "client-node does not: its ObjectSerializer writes only the attributes of its model, which is of a later Kubernetes than the " +
      "document (client-node 2.0.1 follows Kubernetes 1.34; the document has fields since removed or moved). The document declares " +
      "the property. Recognised only for the places the model has no attribute for (oracle.ts finds them in client-node's attribute " +
      "maps from the input alone), which are removed from our body.",
    normalize: (ours, theirs, d) => {
      if (d.sdk !== "kubernetes" || d.unknownToSdk === undefined || ours.body === undefined || !("json" in ours.body)) return [ours, theirs];
      let json = ours.body.json;
      for (const path of d.unknownToSdk) json = without(json, path);
      return [{ ...ours, body: { json } }, theirs];
    },
  },
  {
    name: "kubernetes-trailing-slash",
    kind: "sdk",
    reason:
      "A URL that ends with `/`, without a query: the document's template (`/apis/`, `/api/v1/`) or a last path value set to \"\" " +
      "(`.../proxy/{path}`): we send the `/`, client-node removes it (RequestContext.getUrl: `url.toString().endsWith(\"/\") ? " +
      "slice(0, -1)`), which names another resource by RFC 3986 §6.2.3 (a server may serve both, Kubernetes' discovery paths " +
      "do). The document's path template is literal text (OpenAPI 3.0.3 §Path Templating) and RFC 6570 §3.2.2 expands an empty " +
      "value to nothing, keeping the literal `/`.",
    normalize: (ours, theirs, d) => (d.sdk === "kubernetes" && theirs.query.length === 0 && ours.path === theirs.path + "/" ? [ours, { ...theirs, path: ours.path }] : [ours, theirs]),
  },
  {
    name: "kubernetes-parameter-absent",
    kind: "inexpressible",
    reason:
      "A parameter of the document that client-node's method does not take (its methods are generated from a later Kubernetes, " +
      "which may have dropped it): the input cannot be given to it.",
  },
  {
    name: "stripe-query-on-post",
    kind: "inexpressible",
    reason: "A query parameter of a POST: stripe-node sends every param of a POST in its body, so the input cannot be given to it.",
  },
  {
    name: "octokit-name-clash",
    kind: "inexpressible",
    reason:
      "A body property with the name of a path or query parameter (GitHub's update-environment-variable: path `name` and body " +
      "`name`): Octokit takes every parameter in one object, so the input cannot be given to it.",
  },
  {
    name: "octokit-option-name",
    kind: "inexpressible",
    reason:
      "A body property named like an option of @octokit/endpoint (`url`, `headers`, `method`, `baseUrl`, `request`, `mediaType`, `data`): " +
      "Octokit reads it as the option (GitHub's webhook config `url`), so the input cannot be given to it as a parameter.",
  },
];

const byName = new Map(KNOWN.map((k) => [k.name, k]));

/** The names (joined by `+`) of the entries that explain the difference, or undefined. */
export function classify(d: SdkDifference): string | undefined {
  let ours = d.ours;
  let theirs = d.theirs;
  const used: string[] = [];
  for (const k of KNOWN) {
    if (!k.normalize) continue;
    const [o, t] = k.normalize(ours, theirs, d);
    if (!sameWire(o, ours) || !sameWire(t, theirs)) used.push(k.name);
    ours = o;
    theirs = t;
    if (sameWire(ours, theirs)) return used.join("+");
  }
  return undefined;
}

export function kindsOf(names: string): Set<Kind> {
  return new Set(names.split("+").map((n) => byName.get(n)?.kind ?? "sdk"));
}

/** Whether an input explained by these entries agrees (every entry is an equivalence). */
export function agrees(names: string): boolean {
  return [...kindsOf(names)].every((k) => k === "equivalent");
}
