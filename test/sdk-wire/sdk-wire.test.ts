// The APIs' own SDK encoders as the oracle of our OpenAPI serializers, the part that runs in npm
// test: every operation of Stripe's document against stripe-node, of GitHub's against
// @octokit/endpoint, of Twilio Conversations' against twilio-node and of Kubernetes' against
// @kubernetes/client-node, one random valid input each; then the proof that the comparison can fail
// (a deliberately wrong serializer) and that each listed entry recognises its difference only.
// More inputs per operation: npm run test:sdk-wire (test/sweeps/sdk-wire.test.ts).

import { createRequire } from "node:module";
import net from "node:net";
import dns from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonical, formPairs, generateDocument, runSdkDocument, type SdkDifference, type SdkResult, type Wire } from "./oracle.js";
import { agrees, classify } from "./known.js";
import { report } from "./report.js";
import { sdkVersions } from "./sdks.js";
import { ROOT } from "../helpers/paths.js";

const STRIPE = "stripe.com.json.gz";
const GITHUB = "github.com__api.github.com.json.gz";
const TWILIO = "twilio.com__twilio_conversations_v1.json.gz";
const KUBERNETES = "kubernetes.io.json.gz";
type Generated = Awaited<ReturnType<typeof generateDocument>>;
let stripe: Generated;
let github: Generated;
let twilio: Generated;
let kubernetes: Generated;

// The offline guard of the real-server tests (test/servers/offline-guard.cjs) in this process
// while the SDKs run: a connection off loopback or a DNS lookup would be refused and reported.
const blocked: string[] = [];
const saved = { connect: net.Socket.prototype.connect, lookup: dns.lookup, promisesLookup: dns.promises.lookup, write: process.stderr.write };

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const guard = require.resolve("../servers/offline-guard.cjs");
  delete require.cache[guard];
  require(guard);
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (String(chunk).startsWith("offline-guard: blocked ")) blocked.push(String(chunk).trim());
    return (saved.write as (...a: unknown[]) => boolean).call(process.stderr, chunk, ...rest);
  }) as typeof process.stderr.write;
  stripe = await generateDocument(STRIPE, true);
  github = await generateDocument(GITHUB, true);
  twilio = await generateDocument(TWILIO, true);
  kubernetes = await generateDocument(KUBERNETES, true);
});

afterAll(() => {
  net.Socket.prototype.connect = saved.connect;
  dns.lookup = saved.lookup;
  dns.promises.lookup = saved.promisesLookup;
  process.stderr.write = saved.write;
});

const expectAllExplained = (r: SdkResult) => {
  report([r], sdkVersions(ROOT));
  expect(r.unexplained.map((d) => `${d.operation} (${d.parts.join(", ")})`)).toEqual([]);
  // Every operation ran (but those with no valid input, listed by report) and most inputs are identical.
  expect(r.operations).toBe((r.sdk === "stripe" ? stripe : r.sdk === "octokit" ? github : r.sdk === "twilio" ? twilio : kubernetes).model.operations.length);
  expect(r.inputs).toBe(r.operations - r.skipped.length);
  if (r.sdk !== "kubernetes") expect(r.identical).toBeGreaterThan(r.inputs * 0.75);
};

describe("the APIs' own SDKs agree with our OpenAPI serializers (one input per operation)", () => {
  it("Stripe, every operation, against stripe-node: no unexplained difference", async () => {
    expectAllExplained(await runSdkDocument(STRIPE, "stripe", { runs: 1, seed: 1 }, stripe));
  });

  it("GitHub, every operation, against @octokit/endpoint: no unexplained difference", async () => {
    expectAllExplained(await runSdkDocument(GITHUB, "octokit", { runs: 1, seed: 1 }, github));
  });

  it("Twilio Conversations, every operation, against twilio-node: no unexplained difference", async () => {
    expectAllExplained(await runSdkDocument(TWILIO, "twilio", { runs: 1, seed: 1 }, twilio));
  });

  it("Kubernetes, every operation client-node has, against @kubernetes/client-node: no unexplained difference", async () => {
    const r = await runSdkDocument(KUBERNETES, "kubernetes", { runs: 1, seed: 1 }, kubernetes);
    expectAllExplained(r);
    // Few inputs are identical: client-node writes query parameters in its own order (pretty first) and
    // whole-second dates with `.000` (known.ts). The skipped operations are those client-node lacks, each for a reason.
    expect(r.identical).toBeGreaterThan(r.inputs * 0.15);
    expect(r.skipped.length).toBeLessThan(r.operations / 2);
    expect(r.skipped.filter((s) => !/: (client-node generates no methods for the `\/watch\/` paths|Kubernetes removed)/.test(s.reason))).toEqual([]);
  });

  it("nothing left the process: the offline guard was in place and refused no connection or lookup", () => {
    expect(net.Socket.prototype.connect.name).toBe("guardedConnect");
    expect(dns.lookup.name).toBe("guardedLookup");
    expect(blocked).toEqual([]);
  });
});

interface Request {
  method: string;
  path: string;
  query: string[];
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

describe("the SDK comparison can fail", () => {
  it("a serializer that writes Stripe's arrays as repeated fields (issue 10's bug) is unexplained on every input it changes", async () => {
    let changed = 0;
    const unindex = (s: string) => s.replace(/%5B[0-9]+%5D/g, "");
    const wrap = (serialize: (input: unknown) => unknown) => (input: unknown) => {
      const r = serialize(input) as Request;
      const wrong = { ...r, query: r.query.map(unindex), ...(typeof r.body === "string" ? { body: unindex(r.body) } : {}) };
      if (JSON.stringify(wrong) !== JSON.stringify(r)) changed++;
      return wrong;
    };
    const r = await runSdkDocument(STRIPE, "stripe", { runs: 1, seed: 1, operations: 120, wrap }, stripe);
    expect(changed).toBeGreaterThan(10);
    expect(r.unexplained.length).toBe(changed);
  });

  it("a serializer that writes GitHub's JSON numbers as strings is unexplained on every input it changes", async () => {
    let changed = 0;
    const stringify = (v: unknown): unknown => (typeof v === "number" ? String(v) : Array.isArray(v) ? v.map(stringify) : typeof v === "object" && v !== null ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stringify(x)])) : v);
    const wrap = (serialize: (input: unknown) => unknown) => (input: unknown) => {
      const r = serialize(input) as Request;
      if (typeof r.body !== "string" || !/json/.test(r.headers["Content-Type"] ?? r.headers["content-type"] ?? "")) return r;
      const wrong = { ...r, body: JSON.stringify(stringify(JSON.parse(r.body))) };
      if (wrong.body !== r.body) changed++;
      return wrong;
    };
    const r = await runSdkDocument(GITHUB, "octokit", { runs: 1, seed: 1, operations: 250, wrap }, github);
    expect(changed).toBeGreaterThan(10);
    expect(r.unexplained.length).toBe(changed);
  });

  it("a serializer that writes a `+` of Kubernetes' label selectors raw and drops a body's `metadata.labels` is unexplained on every input it changes", async () => {
    let changed = 0;
    const wrap = (serialize: (input: unknown) => unknown) => (input: unknown) => {
      const r = serialize(input) as Request;
      let body = r.body;
      if (typeof body === "string" && body.startsWith("{")) {
        const json = JSON.parse(body) as { metadata?: { labels?: unknown } };
        if (json.metadata?.labels !== undefined && Object.keys(json.metadata.labels as object).length > 0) {
          delete json.metadata.labels;
          body = JSON.stringify(json);
        }
      }
      const wrong = { ...r, query: r.query.map((q) => (q.startsWith("labelSelector=") ? q.replace(/%2B/g, "+") : q)), ...(body === undefined ? {} : { body }) };
      if (JSON.stringify(wrong) !== JSON.stringify(r)) changed++;
      return wrong;
    };
    const r = await runSdkDocument(KUBERNETES, "kubernetes", { runs: 2, seed: 3, operations: 200, wrap }, kubernetes);
    expect(changed).toBeGreaterThan(10);
    expect(r.unexplained.length).toBe(changed);
  });

  const wire = (w: Partial<Wire>): Wire => ({ method: "GET", path: "/v1/things/a", query: [], raw: "", ...w });
  const diff = (ours: Partial<Wire>, theirs: Partial<Wire>, input: unknown = {}, template = "/v1/things/{id}"): SdkDifference => ({ sdk: "stripe", operation: "op", template, input, ours: wire(ours), theirs: wire(theirs), parts: [] });

  it("each listed entry recognises its own difference and not a near miss", () => {
    // A changed method, path, query value or body is unexplained.
    expect(classify(diff({}, { method: "POST" }))).toBeUndefined();
    expect(classify(diff({}, { path: "/v1/things/b" }))).toBeUndefined();
    expect(classify(diff({ query: [["a", "1"]] }, { query: [["a", "2"]] }))).toBeUndefined();
    expect(classify(diff({ body: { json: { a: 1 } } }, { body: { json: { a: "1" } } }))).toBeUndefined();
    expect(classify(diff({ query: [["a", "1"], ["b", "2"]] }, { query: [["b", "2"], ["a", "1"]] }))).toBeUndefined();
    // An empty query value: only for a parameter the input sets to "".
    expect(classify(diff({ query: [] }, { query: [["cursor", ""]] }, { cursor: "" }))).toBe("empty-query-value");
    expect(classify(diff({ query: [] }, { query: [["cursor", ""]] }, { cursor: "x" }))).toBeUndefined();
    expect(classify(diff({ query: [] }, { query: [["created[gt]", ""]] }, { "created[gt]": "" }))).toBeUndefined();
    // DELETE params: the same pairs, in the body against in the query.
    const del = (q: [string, string][]) => diff({ method: "DELETE", body: { form: [["prorate", "true"]] } }, { method: "DELETE", query: q });
    expect(classify(del([["prorate", "true"]]))).toBe("delete-params-in-query");
    expect(classify(del([["prorate", "false"]]))).toBeUndefined();
    // Sub-delims in a path: only the five encodeURIComponent keeps.
    expect(classify(diff({ path: "/v1/things/%27%21" }, { path: "/v1/things/'!" }))).toBe("stripe-path-sub-delims");
    expect(classify(diff({ path: "/v1/things/%2C" }, { path: "/v1/things/," }))).toBeUndefined();
    // Octokit's trailing slash: only after a template variable.
    const octokit = (d: SdkDifference): SdkDifference => ({ ...d, sdk: "octokit" });
    expect(classify(octokit(diff({ path: "/v1/things/" }, { path: "/v1/things" })))).toBe("octokit-trailing-slash");
    expect(classify(octokit(diff({ path: "/v1/things/" }, { path: "/v1/things" }, {}, "/v1/things/")))).toBeUndefined();
    expect(classify(diff({ path: "/v1/things/" }, { path: "/v1/things" }))).toBeUndefined();
    // Arrays as text: only when the text is the input's items joined.
    expect(classify(diff({ query: [["exclude", "a"], ["exclude", "b"]] }, { query: [["exclude", "a,b"]] }, { exclude: ["a", "b"] }))).toBe("octokit-array-query");
    expect(classify(diff({ query: [["exclude", "a"], ["exclude", "b"]] }, { query: [["exclude", "a,c"]] }, { exclude: ["a", "b"] }))).toBeUndefined();
    // `+` in q only.
    expect(classify(diff({ query: [["q", "a+b"]] }, { query: [["q", "a b"]] }))).toBe("octokit-search-plus");
    expect(classify(diff({ query: [["r", "a+b"]] }, { query: [["r", "a b"]] }))).toBeUndefined();
    // Null as text; an empty body; `{}` against no body.
    expect(classify(diff({ query: [] }, { query: [["guid", "null"]] }, { guid: null }))).toBe("octokit-null-query");
    expect(classify(diff({ query: [] }, { query: [["guid", "null"]] }, { guid: "null" }))).toBeUndefined();
    expect(classify(diff({ method: "PUT" }, { method: "PUT", body: { text: "" } }))).toBe("empty-body");
    expect(classify(diff({ method: "PUT" }, { method: "PUT", body: { text: " " } }))).toBeUndefined();
    expect(classify(diff({ method: "PUT", body: { json: {} } }, { method: "PUT", body: { text: "" } }))).toBe("empty-json-object");
    expect(classify(diff({ method: "PUT", body: { json: { a: 1 } } }, { method: "PUT", body: { text: "" } }))).toBeUndefined();
    // Twilio's raw path values: only for Twilio, and only where the decoded paths are the same.
    const tw = (o: string, t: string): SdkDifference => ({ ...diff({ path: o }, { path: t }), sdk: "twilio" });
    expect(classify(tw("/v1/things/%237", "/v1/things/#7"))).toBe("twilio-raw-path-values");
    expect(classify(tw("/v1/things/%20", "/v1/things/"))).toBe("twilio-raw-path-values");
    expect(classify(tw("/v1/things/%237", "/v1/things/#8"))).toBeUndefined();
    const twq = (o: string, oq: [string, string][], t: string, tq: [string, string][]): SdkDifference => ({ ...diff({ path: o, query: oq }, { path: t, query: tq }), sdk: "twilio" });
    // A `?` in a value starts the query; a `#` is cut off with the rest when the query is added.
    expect(classify(twq("/v1/a/%3Fb%26/c", [["Page", "1"]], "/v1/a/", [["b", ""], ["/c", ""], ["Page", "1"]]))).toBe("twilio-raw-path-values");
    expect(classify(twq("/v1/a/%23b/c", [["Page", "1"]], "/v1/a/", [["Page", "1"]]))).toBe("twilio-raw-path-values");
    expect(classify(twq("/v1/a/%23b/c", [["Page", "1"]], "/v1/a/", [["Page", "2"]]))).toBeUndefined();
    expect(classify(diff({ path: "/v1/things/%237" }, { path: "/v1/things/#7" }))).toBeUndefined();
    // Twilio's null as `name=`: only for a property the input sets to null.
    const nul = (value: unknown): SdkDifference => ({ ...diff({ method: "POST", body: { form: [["a", "1"]] } }, { method: "POST", body: { form: [["a", "1"], ["n", ""]] } }, { a: "1", n: value }), sdk: "twilio" });
    expect(classify(nul(null))).toBe("twilio-null-form");
    expect(classify(nul(""))).toBeUndefined();
    // Kubernetes: each entry for client-node only, and only for its own difference.
    const k = (d: SdkDifference): SdkDifference => ({ ...d, sdk: "kubernetes" });
    const kq = (o: [string, string][], t: [string, string][]) => k(diff({ query: o }, { query: t }));
    expect(classify(kq([["a", "1"], ["pretty", "x"]], [["pretty", "x"], ["a", "1"]]))).toBe("kubernetes-query-order");
    expect(classify(kq([["a", "1"], ["pretty", "x"]], [["pretty", "y"], ["a", "1"]]))).toBeUndefined();
    expect(classify(kq([["a", "1"], ["a", "2"]], [["a", "2"], ["a", "1"]]))).toBeUndefined();
    expect(classify(diff({ query: [["a", "1"], ["b", "2"]] }, { query: [["b", "2"], ["a", "1"]] }))).toBeUndefined();
    const kd = (o: string, t: string) => k(diff({ method: "POST", body: { json: { m: { t: o } } } }, { method: "POST", body: { json: { m: { t } } } }));
    expect(classify(kd("2008-09-29T20:33:35Z", "2008-09-29T20:33:35.000Z"))).toBe("kubernetes-date-fraction");
    expect(classify(kd("2008-09-29T20:33:35Z", "2008-09-29T20:33:36.000Z"))).toBeUndefined();
    expect(classify(kd("2008-09-29T20:33:35Z", "2008-09-29T20:33:35.001Z"))).toBeUndefined();
    expect(classify(k(diff({ path: "/apis/" }, { path: "/apis" })))).toBe("kubernetes-trailing-slash");
    expect(classify(k(diff({ path: "/apis/", query: [["a", "1"]] }, { path: "/apis", query: [["a", "1"]] })))).toBeUndefined();
    expect(classify(k(diff({ path: "/apis/x" }, { path: "/apis" })))).toBeUndefined();
    expect(classify(k(diff({ path: "/v1/things/%27%28" }, { path: "/v1/things/'(" })))).toBe("kubernetes-path-sub-delims");
    expect(classify(k(diff({ path: "/v1/things/%2C" }, { path: "/v1/things/," })))).toBeUndefined();
    const ku = (unknownToSdk: string[][]) => ({ ...k(diff({ method: "PUT", body: { json: { spec: { a: 1, claims: [] } } } }, { method: "PUT", body: { json: { spec: { a: 1 } } } })), unknownToSdk });
    expect(classify(ku([["spec", "claims"]]))).toBe("kubernetes-unknown-property");
    expect(classify(ku([["spec", "a"]]))).toBeUndefined();
    expect(classify(ku([]))).toBeUndefined();
    // An empty query value read by the wire name of a member named otherwise (the proxy operations' `pathQuery`).
    expect(classify({ ...kq([], [["path", ""]]), input: { pathQuery: "" }, queryInput: { path: "" } })).toBe("empty-query-value");
    expect(classify({ ...kq([], [["path", ""]]), input: { pathQuery: "" }, queryInput: { path: "x" } })).toBeUndefined();
    expect([agrees("empty-body"), agrees("empty-body+octokit-trailing-slash"), agrees("empty-json-object"), agrees("kubernetes-date-fraction")]).toEqual([true, false, false, true]);
  });

  it("pairs are read as the WHATWG form parser reads them, JSON without key order", () => {
    expect(formPairs("expand%5B0%5D=a&expand[1]=b+c&d=%2B")).toEqual([["expand[0]", "a"], ["expand[1]", "b c"], ["d", "+"]]);
    expect(JSON.stringify(canonical({ b: 1, a: [{ d: 1, c: 2 }] }))).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});
