// The generated SigV4 signer (`templates/sigv4.ts.hbs`, issue 11 part 3) against the AWS SDK v3's
// own, `@smithy/signature-v4` (with `@smithy/core`'s pure-JS SHA-256): every header of the signed
// request, `authorization` whole, must be the same byte for byte on random requests with a fixed
// clock (fast-check; SIGV4_RUNS, default 1,000, and SIGV4_SEED): methods, paths needing encoding
// (spaces, reserved characters, unicode, `//`, `.` and `..` segments), repeated and empty query
// values in varied spellings, headers the SDK skips, odd whitespace, empty/text/binary bodies,
// session tokens, S3 mode, unsigned payloads, preset `x-amz-content-sha256`. Signers broken on
// purpose (one canonicalisation step each) must fail the same property: it can fail.
// The scenarios of AWS's published SigV4 test suite (its vectors are not in our corpus) are
// compared with the same oracle, never with values typed by hand.

import { runInNewContext } from "node:vm";
import { webcrypto } from "node:crypto";
import { transform } from "esbuild";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { importSigv4, type Sigv4Module } from "./load.js";
import { caseOf, escapeUri, plainQuery, requestSpec, sdkSign, type RequestCase, type RequestSpec } from "./requests.js";

const RUNS = Number(process.env["SIGV4_RUNS"] ?? 1000);
const SEED = Number(process.env["SIGV4_SEED"] ?? 11);

let ours: Awaited<ReturnType<typeof importSigv4>>;

beforeAll(async () => {
  ours = await importSigv4("ours");
});

/** Signs with `signer` and with the SDK; the signed requests as comparable values. */
async function both(signer: Pick<Sigv4Module, "signRequest">, c: RequestCase) {
  const expected = await sdkSign(c);
  const signed = await signer.signRequest(c.request, c.options);
  return {
    ours: { method: signed.method, url: signed.url, body: signed.body, headers: signed.headers },
    sdk: { method: c.request.method, url: c.request.url, body: c.request.body, headers: expected },
  };
}

describe("SigV4 signer (sigv4.ts)", () => {
  it(`equals @smithy/signature-v4 byte for byte on ${RUNS} random requests with a fixed clock`, async () => {
    const cached = ours.createSigner();
    const seen = new Map<string, number>();
    const tally = (spec: RequestSpec) => {
      const names = new Set(spec.query.map((p) => p.name));
      const headers = Object.keys(spec.headers).map((h) => h.toLowerCase());
      const features: Record<string, boolean> = {
        "S3 mode": spec.options.uriEscapePath === false,
        "unsigned payload": spec.options.unsignedPayload === true,
        "x-amz-content-sha256 (applyChecksum)": spec.options.applyChecksum === true,
        "session token": spec.options.credentials.sessionToken !== undefined,
        "no body": spec.body === undefined,
        "empty body": spec.body === "" || (spec.body instanceof Uint8Array && spec.body.length === 0),
        "binary body": spec.body instanceof Uint8Array && spec.body.length > 0,
        "text body": typeof spec.body === "string" && spec.body !== "",
        "repeated query name": names.size < spec.query.length,
        "empty query value": spec.query.some((p) => p.value === "" || p.value === null),
        "query name without =": spec.query.some((p) => p.value === null),
        "dot segment": /\/\.\.?(\/|$)/.test(spec.path),
        "empty segment (//)": spec.path.includes("//"),
        "percent-encoded path": spec.path.includes("%"),
        "unsignable header": headers.some((h) => ["user-agent", "expect", "x-amzn-trace-id", "connection", "cache-control", "referer", "transfer-encoding"].includes(h) || h.startsWith("proxy-") || h.startsWith("sec-")),
        "replaced header (authorization, date, x-amz-date)": headers.some((h) => ["authorization", "date", "x-amz-date"].includes(h)),
        "odd header whitespace": Object.values(spec.headers).some((v) => /^[ \t]|[ \t]$|[ \t]{2}|[\r\n]/.test(v)),
        "non-default port": /:\d+$/.test(spec.endpoint) && !/^http:\/\/.*:80$|^https:\/\/.*:443$/.test(spec.endpoint),
      };
      for (const [feature, present] of Object.entries(features)) if (present) seen.set(feature, (seen.get(feature) ?? 0) + 1);
      return Object.keys(features);
    };
    let featureNames: string[] = [];
    let compared = 0;
    let equal = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(requestSpec, async (spec) => {
        const c = await caseOf(spec);
        featureNames = tally(spec);
        compared++;
        const { ours: signed, sdk } = await both(ours, c);
        expect(signed).toEqual(sdk);
        // A client's signer (signing keys kept) signs the same.
        expect((await cached.signRequest(c.request, c.options)).headers).toEqual(sdk.headers);
        equal++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`sigv4: ${compared} random requests signed by sigv4.ts and by @smithy/signature-v4, ${equal} equal byte for byte (all headers, authorization whole) in ${seconds.toFixed(1)} s, seed ${SEED}`);
    console.log(`sigv4: requests with ${featureNames.map((f) => `${f} ${seen.get(f) ?? 0}`).join(", ")}`);
    expect({ compared, equal }).toEqual({ compared: RUNS, equal: RUNS });
    // Every kind of request the property is about was drawn (at least 1 in 100 of the runs).
    expect(featureNames.filter((f) => (seen.get(f) ?? 0) < RUNS / 100)).toEqual([]);
  });

  // One canonicalisation step broken each: the property above must catch every one.
  const BROKEN: readonly { readonly name: string; readonly from: string | RegExp; readonly to: string }[] = [
    { name: "path not encoded again", from: "return escape(normalized).replace(/%2F/g, \"/\");", to: "return normalized;" },
    { name: "dot segments kept", from: 'if (segment === "..") segments.pop();', to: 'if (segment === "..") segments.push(segment);' },
    { name: "query not sorted", from: /\n\s*pairs\.sort\([^\n]*\n/, to: "\n" },
    { name: "query values not decoded", from: 'pairs.push([name, escape(decode(eq >= 0 ? part.slice(eq + 1) : ""))]);', to: 'pairs.push([name, eq >= 0 ? part.slice(eq + 1) : ""]);' },
    { name: "header runs of spaces kept", from: '.replace(/[ \\t]+/g, " ")', to: "" },
    { name: "user-agent signed", from: '"upgrade", "user-agent",', to: '"upgrade",' },
    { name: "binary body hashed as text", from: "if (typeof body !== \"string\") return body;", to: "if (typeof body !== \"string\") body = String(body);" },
    { name: "wrong hash of the empty body", from: /const EMPTY_SHA256 = "e3b0/, to: 'const EMPTY_SHA256 = "f3b0' },
    { name: "no x-amz-content-sha256 with applyChecksum", from: "if (options.applyChecksum || options.unsignedPayload) headers[CONTENT_SHA256] = payloadHash;", to: "if (options.unsignedPayload) headers[CONTENT_SHA256] = payloadHash;" },
  ];

  it.each(BROKEN)("fails the same property when broken on purpose: $name", async ({ name, from, to }) => {
    const broken = await importSigv4(`broken-${BROKEN.findIndex((b) => b.name === name)}`, (source) => {
      const rewritten = source.replace(from, to);
      expect(rewritten).not.toBe(source); // the step to break is in the template
      return rewritten;
    });
    const result = await fc.check(
      fc.asyncProperty(requestSpec, async (spec) => {
        const { ours: signed, sdk } = await both(broken, await caseOf(spec));
        expect(signed).toEqual(sdk);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
    console.log(`sigv4: broken on purpose (${name}): caught after ${result.numRuns} requests`);
  });

  // The scenarios of AWS's SigV4 test suite (aws-sig-v4-test-suite: get-vanilla, get-slashes, ...),
  // rebuilt as requests; the SDK gives the expected signature.
  const DATE = new Date("2015-08-30T12:36:00Z");
  const CREDS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
  const options = { credentials: CREDS, region: "us-east-1", service: "service", date: DATE };
  const base: Omit<RequestSpec, "method" | "path"> = { endpoint: "https://example.amazonaws.com", query: [], headers: {}, options };
  const SUITE: readonly (RequestSpec & { readonly name: string })[] = [
    { ...base, name: "get-vanilla", method: "GET", path: "/" },
    { ...base, name: "get-vanilla-empty-query-key", method: "GET", path: "/", query: plainQuery([["Param1", "value1"]]) },
    { ...base, name: "get-vanilla-query-order-key-case", method: "GET", path: "/", query: plainQuery([["Param2", "value2"], ["Param1", "value1"]]) },
    { ...base, name: "get-vanilla-query-order-value", method: "GET", path: "/", query: plainQuery([["Param1", "value2"], ["Param1", "Value1"]]) },
    { ...base, name: "get-vanilla-query-unreserved", method: "GET", path: "/", query: plainQuery([["-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"]]) },
    { ...base, name: "get-vanilla-utf8-query", method: "GET", path: "/", query: plainQuery([["ሴ", "bar"]]) },
    { ...base, name: "get-utf8", method: "GET", path: `/${escapeUri("ሴ")}` },
    { ...base, name: "get-space", method: "GET", path: "/example%20space/" },
    { ...base, name: "get-slash", method: "GET", path: "//example//" },
    { ...base, name: "get-slashes", method: "GET", path: "/example/.." },
    { ...base, name: "get-relative", method: "GET", path: "/example1/example2/../.." },
    { ...base, name: "get-relative-relative", method: "GET", path: "/example1/example2/../.." },
    { ...base, name: "get-slash-dot-slash", method: "GET", path: "/./" },
    { ...base, name: "get-slash-pointless-dot", method: "GET", path: "/./example" },
    { ...base, name: "get-unreserved", method: "GET", path: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" },
    { ...base, name: "get-header-key-duplicate", method: "GET", path: "/", headers: { "My-Header1": "value2,value2,value1" } },
    { ...base, name: "get-header-value-multiline", method: "GET", path: "/", headers: { "My-Header1": "value1\n  value2\n     value3" } },
    { ...base, name: "get-header-value-order", method: "GET", path: "/", headers: { "My-Header1": "value4,value1,value3,value2" } },
    { ...base, name: "get-header-value-trim", method: "GET", path: "/", headers: { "My-Header1": " value1", "My-Header2": ' "a   b   c"' } },
    { ...base, name: "post-header-key-case", method: "POST", path: "/" },
    { ...base, name: "post-header-key-sort", method: "POST", path: "/", headers: { "My-Header1": "value1" } },
    { ...base, name: "post-sts-header-after", method: "POST", path: "/", options: { ...options, credentials: { ...CREDS, sessionToken: "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==" } } },
    { ...base, name: "post-vanilla-query", method: "POST", path: "/", query: plainQuery([["Param1", "value1"]]) },
    { ...base, name: "post-x-www-form-urlencoded", method: "POST", path: "/", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "Param1=value1" },
    { ...base, name: "post-x-www-form-urlencoded-parameters", method: "POST", path: "/", headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf8" }, body: "Param1=value1" },
  ];

  it.each(SUITE)("AWS test suite scenario $name: the same signature as the SDK", async (spec) => {
    const { ours: signed, sdk } = await both(ours, await caseOf(spec));
    expect(signed).toEqual(sdk);
  });

  it("a query name without '=' signs as an empty value; a fragment is not signed; the host is the URL's", async () => {
    const spec: RequestSpec = { ...base, method: "GET", path: "/", query: [{ name: "acl", value: null, spelled: "acl" }], fragment: "#top", endpoint: "https://Bucket.EXAMPLE.com:443" };
    const { ours: signed, sdk } = await both(ours, await caseOf(spec));
    expect(signed).toEqual(sdk);
    expect(signed.headers["host"]).toBe("bucket.example.com");
  });

  it("type-checks under the strictest options with ES2022 only (no DOM, no Node types)", () => {
    expect(typecheckFolder(ours.dir)).toEqual([]);
  });

  it("imports nothing and runs where only standard web globals exist (a fresh context: no process, no require)", async () => {
    const cjs = (await transform(ours.source, { loader: "ts", format: "cjs", target: "es2022" })).code;
    const load = (globals: Record<string, unknown>): Sigv4Module => {
      const module = { exports: {} };
      runInNewContext(cjs, { ...globals, module, exports: module.exports });
      return module.exports as Sigv4Module;
    };
    const module = load({ crypto: webcrypto, TextEncoder, URL });
    expect(module.environmentCredentials()).toBeUndefined();
    const c = await caseOf({ ...base, method: "POST", path: "/a%20b", query: plainQuery([["x", "1"]]), headers: { "Content-Type": "text/plain" }, body: new Uint8Array([0, 255, 7]) });
    const { ours: signed, sdk } = await both(module, c);
    expect(signed).toEqual(sdk);
    // Without WebCrypto it says what it needs.
    await expect(load({ TextEncoder, URL }).signRequest(c.request, c.options)).rejects.toThrow(/WebCrypto \(globalThis\.crypto\.subtle\)/);
  });

  it("rejects credentials without an access key id or secret", async () => {
    const c = await caseOf({ ...base, method: "GET", path: "/" });
    await expect(ours.signRequest(c.request, { ...c.options, credentials: { accessKeyId: "AKID" } as never })).rejects.toThrow(/accessKeyId and a secretAccessKey/);
  });
});

describe("environmentCredentials (sigv4.ts)", () => {
  const KEYS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CREDENTIAL_EXPIRATION"] as const;

  function withEnv(values: Partial<Record<(typeof KEYS)[number], string>>, run: () => void): void {
    const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
    try {
      for (const k of KEYS) {
        if (values[k] === undefined) delete process.env[k];
        else process.env[k] = values[k];
      }
      run();
    } finally {
      for (const k of KEYS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  }

  it("reads the key pair, the session token and the expiration from process.env", () => {
    withEnv({ AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "secret/env+", AWS_SESSION_TOKEN: "token==", AWS_CREDENTIAL_EXPIRATION: "2026-12-01T00:00:00Z" }, () => {
      expect(ours.environmentCredentials()).toEqual({
        accessKeyId: "AKIDENV",
        secretAccessKey: "secret/env+",
        sessionToken: "token==",
        expiration: new Date("2026-12-01T00:00:00Z"),
      });
    });
    withEnv({ AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "secret" }, () => {
      expect(ours.environmentCredentials()).toEqual({ accessKeyId: "AKIDENV", secretAccessKey: "secret" });
    });
  });

  it("is undefined when either key is unset or empty", () => {
    withEnv({ AWS_ACCESS_KEY_ID: "AKIDENV" }, () => expect(ours.environmentCredentials()).toBeUndefined());
    withEnv({ AWS_SECRET_ACCESS_KEY: "secret" }, () => expect(ours.environmentCredentials()).toBeUndefined());
    withEnv({ AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "secret" }, () => expect(ours.environmentCredentials()).toBeUndefined());
  });

  it("reads what the AWS SDK v3's environment provider reads", async () => {
    const { fromEnv } = await import("@aws-sdk/credential-provider-env");
    const values = { AWS_ACCESS_KEY_ID: "AKIDSDK", AWS_SECRET_ACCESS_KEY: "sdk/secret", AWS_SESSION_TOKEN: "sdk-token", AWS_CREDENTIAL_EXPIRATION: "2027-01-02T03:04:05Z" };
    const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
    try {
      Object.assign(process.env, values);
      const sdk = await fromEnv()();
      const mine = ours.environmentCredentials()!;
      expect(mine).toEqual({ accessKeyId: sdk.accessKeyId, secretAccessKey: sdk.secretAccessKey, sessionToken: sdk.sessionToken, expiration: sdk.expiration });
    } finally {
      for (const k of KEYS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});
