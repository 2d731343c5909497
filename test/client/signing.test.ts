// SigV4 in the generated client: which operations it signs (the model's auth: signed, `@auth([])`
// unsigned, `@optionalAuth` signed only with credentials), each attempt signed anew, credentials
// from the config (static or a cached provider) or the environment, and every signature checked
// against @smithy/signature-v4 (test/servers/signature.ts) at the request's own x-amz-date.

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sigV4Mismatch, type Sent } from "../servers/signature.js";
import { CREDENTIALS, fakeFetch, generateClient, recordingSleep, THINGS, type Generated, type Recorded } from "./helpers.js";

type Client = Record<string, (input?: unknown, options?: unknown) => Promise<unknown>>;
let things: Generated;

beforeAll(async () => {
  things = await generateClient("things", ...THINGS);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const client = (config: Record<string, unknown>): Client =>
  (things.mod["createThingServiceClient"] as (c: unknown) => Client)({ endpoint: "https://things.example.com", region: "eu-west-1", ...config });
const sent = (r: Recorded): Sent => ({ method: r.method, url: r.url, headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])), body: typeof r.body === "string" ? r.body : r.body === undefined ? "" : new TextDecoder().decode(r.body) });
const noEnvironmentCredentials = () => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
};

describe("client: SigV4", () => {
  it("signs a signed operation as @smithy/signature-v4 does, with the model's signing name and the config's region; no Host header is passed to fetch", async () => {
    const fake = fakeFetch([{ status: 200, body: '{"id":"t1"}' }]);
    await client({ fetch: fake.fetch, credentials: CREDENTIALS })["createThing"]!({ name: "lamp" });
    const request = sent(fake.requests[0]!);
    expect(request.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/things\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
    expect(await sigV4Mismatch(request, CREDENTIALS, "eu-west-1", "things")).toBeUndefined();
    expect(Object.keys(request.headers)).not.toContain("host");
    // The oracle notices a changed body.
    expect(await sigV4Mismatch({ ...request, body: request.body.replace("lamp", "lamp!") }, CREDENTIALS, "eu-west-1", "things")).toMatch(/computes/);
  });

  it("signs every attempt anew (its own amz-sdk-request), the body and token unchanged", async () => {
    const fake = fakeFetch([{ status: 503, body: "{}" }, { status: 200, body: '{"id":"t1"}' }]);
    const { sleep } = recordingSleep();
    await client({ fetch: fake.fetch, credentials: CREDENTIALS, sleep })["createThing"]!({ name: "lamp" });
    expect(fake.requests).toHaveLength(2);
    for (const r of fake.requests) expect(await sigV4Mismatch(sent(r), CREDENTIALS, "eu-west-1", "things")).toBeUndefined();
    expect(fake.requests[0]!.headers["authorization"]).not.toBe(fake.requests[1]!.headers["authorization"]);
    expect(fake.requests[0]!.body).toBe(fake.requests[1]!.body);
  });

  it("a fixed clock (config.now) gives x-amz-date; a session token is sent as x-amz-security-token", async () => {
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    const credentials = { ...CREDENTIALS, sessionToken: "session-1" };
    await client({ fetch: fake.fetch, credentials, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) })["putData"]!({ zone: "z1", value: "v" });
    const request = sent(fake.requests[0]!);
    expect(request.headers["x-amz-date"]).toBe("20260102T030405Z");
    expect(request.headers["x-amz-security-token"]).toBe("session-1");
    expect(request.url).toBe("https://z1.data.things.example.com/data");
    expect(await sigV4Mismatch(request, credentials, "eu-west-1", "things")).toBeUndefined();
  });

  it("@auth([]) is never signed, even with credentials", async () => {
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    await client({ fetch: fake.fetch, credentials: CREDENTIALS })["ping"]!();
    expect(fake.requests[0]!.headers["authorization"]).toBeUndefined();
    expect(fake.requests[0]!.headers["x-amz-date"]).toBeUndefined();
  });

  it("@optionalAuth is signed with credentials and sent unsigned without", async () => {
    noEnvironmentCredentials();
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    await client({ fetch: fake.fetch, credentials: CREDENTIALS })["getThing"]!({ id: "t1" });
    await client({ fetch: fake.fetch })["getThing"]!({ id: "t1" });
    expect(await sigV4Mismatch(sent(fake.requests[0]!), CREDENTIALS, "eu-west-1", "things")).toBeUndefined();
    expect(fake.requests[1]!.headers["authorization"]).toBeUndefined();
  });

  it("a signed operation without credentials throws naming the config field and the variables; nothing is sent", async () => {
    noEnvironmentCredentials();
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    await expect(client({ fetch: fake.fetch })["createThing"]!({ name: "a" })).rejects.toThrow(
      "CreateThing must be signed, but there are no AWS credentials: set `credentials` in the client's config, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment",
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("without config.credentials, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN sign", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "env-secret");
    vi.stubEnv("AWS_SESSION_TOKEN", "env-token");
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    await client({ fetch: fake.fetch })["createThing"]!({ name: "a" });
    const request = sent(fake.requests[0]!);
    expect(request.headers["x-amz-security-token"]).toBe("env-token");
    expect(await sigV4Mismatch(request, { accessKeyId: "AKIDENV", secretAccessKey: "env-secret" }, "eu-west-1", "things")).toBeUndefined();
  });

  it("a credentials provider is asked once, and again when what it gave expires within 5 minutes", async () => {
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    let now = Date.UTC(2026, 0, 1);
    let asked = 0;
    const provider = async () => ({ ...CREDENTIALS, accessKeyId: `AKID${++asked}`, expiration: new Date(now + 10 * 60_000) });
    const c = client({ fetch: fake.fetch, credentials: provider, now: () => now });
    await Promise.all([c["createThing"]!({ name: "a" }), c["createThing"]!({ name: "b" })]);
    await c["createThing"]!({ name: "c" });
    expect(asked).toBe(1);
    now += 6 * 60_000;
    await c["createThing"]!({ name: "d" });
    expect(asked).toBe(2);
    expect(fake.requests.map((r) => /Credential=(\w+)\//.exec(r.headers["authorization"]!)?.[1])).toEqual(["AKID1", "AKID1", "AKID1", "AKID2"]);
  });

  it("signing needs a region: without one the call says so", async () => {
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    const c = (things.mod["createThingServiceClient"] as (c: unknown) => Client)({ endpoint: "https://things.example.com", fetch: fake.fetch, credentials: CREDENTIALS });
    await expect(c["createThing"]!({ name: "a" })).rejects.toThrow("Signing needs a region: set `region` in the client's config");
    expect(fake.requests).toHaveLength(0);
  });
});
