// The transport of the generated clients (transport.ts) through a generated client and a fake
// fetch: the AWS SDKs' standard retry mode (attempts, full-jitter backoff bounds, throttling base,
// Retry-After, the retry quota and its refund), the idempotency token reused across attempts, the
// SDK headers, and abort and timeout (during a fetch and during a backoff wait).

import { beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS, fakeFetch, generateClient, recordingSleep, THINGS, type Generated } from "./helpers.js";

type Client = Record<string, (input?: unknown, options?: unknown) => Promise<unknown>>;
let things: Generated;

beforeAll(async () => {
  things = await generateClient("things", ...THINGS);
});

const client = (config: Record<string, unknown>): Client =>
  (things.mod["createThingServiceClient"] as (c: unknown) => Client)({ endpoint: "https://things.example.com", region: "us-east-1", credentials: CREDENTIALS, ...config });
const unavailable = { status: 503, headers: { "x-amzn-errortype": "ServiceUnavailable" }, body: '{"message":"busy"}' };
const ok = { status: 200, body: '{"id":"t1"}' };

describe("transport: standard retry mode", () => {
  it("retries a 503 twice, reusing the serialized request (idempotency token) and the invocation id", async () => {
    const fake = fakeFetch([unavailable, unavailable, ok]);
    const { sleep, waits } = recordingSleep();
    const output = await client({ fetch: fake.fetch, sleep, random: () => 0.999 })["createThing"]!({ name: "a" });
    expect(output).toEqual({ id: "t1" });
    expect(fake.requests).toHaveLength(3);
    const bodies = fake.requests.map((r) => JSON.parse(r.body as string) as { clientToken: string });
    expect(bodies[0]!.clientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(fake.requests.map((r) => r.body)).size).toBe(1);
    expect(new Set(fake.requests.map((r) => r.headers["amz-sdk-invocation-id"])).size).toBe(1);
    expect(fake.requests.map((r) => r.headers["amz-sdk-request"])).toEqual(["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    // Full jitter: floor(random * min(100 ms * 2^retry, 20 s)).
    expect(waits).toEqual([99, 199]);
  });

  it("backoff delays are floor(random * min(base * 2^retry, 20 s)) for any random draw (a wait of 0 is skipped)", async () => {
    for (const r of [0, 0.25, 0.5, 0.999999]) {
      // maxAttempts 10: the 8th and 9th waits reach the 20 s cap (100 ms * 2^8 = 25.6 s).
      const fake = fakeFetch([unavailable]);
      const { sleep, waits } = recordingSleep();
      await client({ fetch: fake.fetch, sleep, random: () => r, maxAttempts: 10 })["createThing"]!({ name: "a" }).catch(() => undefined);
      expect(fake.requests).toHaveLength(10);
      expect(waits).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => Math.floor(r * Math.min(100 * 2 ** i, 20_000))).filter((ms) => ms > 0));
      for (const [i, ms] of waits.entries()) expect(ms).toBeLessThan(Math.min(100 * 2 ** i, 20_000));
    }
  });

  it("after the last attempt it throws the last typed error", async () => {
    const fake = fakeFetch([unavailable]);
    const { sleep } = recordingSleep();
    const error = await client({ fetch: fake.fetch, sleep })["createThing"]!({ name: "a" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(things.mod["ServiceUnavailable"] as new () => unknown);
    expect(error).toMatchObject({ $status: 503, $code: "ServiceUnavailable" });
    expect(fake.requests).toHaveLength(3);
  });

  it("a throttling code is retried with the 500 ms base; so is HTTP 429", async () => {
    const throttled = { status: 400, headers: { "x-amzn-errortype": "ThrottlingException" }, body: "{}" };
    const fake = fakeFetch([throttled, { status: 429, body: "{}" }, ok]);
    const { sleep, waits } = recordingSleep();
    await client({ fetch: fake.fetch, sleep, random: () => 0.5 })["createThing"]!({ name: "a" });
    expect(fake.requests).toHaveLength(3);
    expect(waits).toEqual([250, 500]);
  });

  it("x-amz-retry-after (ms) and Retry-After (s) lengthen the wait, by at most 5 s", async () => {
    const fake = fakeFetch([
      { ...unavailable, headers: { ...unavailable.headers, "x-amz-retry-after": "1500" } },
      { ...unavailable, headers: { ...unavailable.headers, "retry-after": "60" } },
      ok,
    ]);
    const { sleep, waits } = recordingSleep();
    await client({ fetch: fake.fetch, sleep, random: () => 0.5 })["createThing"]!({ name: "a" });
    expect(waits).toEqual([1500, 100 + 5000]);
  });

  it("a 4xx that is no throttling is not retried", async () => {
    const fake = fakeFetch([{ status: 404, headers: { "x-amzn-errortype": "NotFound" }, body: "{}" }]);
    const { sleep, waits } = recordingSleep();
    await expect(client({ fetch: fake.fetch, sleep })["getThing"]!({ id: "x" })).rejects.toMatchObject({ name: "NotFound" });
    expect(fake.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("network errors are retried, then thrown as NetworkError with fetch's error as the cause", async () => {
    const failure = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    const fake = fakeFetch([() => Promise.reject(failure)]);
    const { sleep } = recordingSleep();
    const context = (things.mod["createThingServiceContext"] as (c: unknown) => { transport: { retryTokens(): number } })({ endpoint: "https://things.example.com", fetch: fake.fetch, sleep });
    const error = await (things.mod["ping"] as (c: unknown) => Promise<unknown>)(context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(things.mod["NetworkError"] as new () => unknown);
    expect((error as Error).cause).toBe(failure);
    expect(fake.requests).toHaveLength(3);
    // ECONNREFUSED is a timeout-class failure: 10 tokens per retry.
    expect(context.transport.retryTokens()).toBe(480);
  });

  it("the retry quota: 5 tokens per retry, none left means no retry; a success refunds the retry's cost", async () => {
    const fake = fakeFetch([unavailable]);
    const { sleep } = recordingSleep();
    const context = (things.mod["createThingServiceContext"] as (c: unknown) => { transport: { retryTokens(): number } })({ endpoint: "https://things.example.com", fetch: fake.fetch, sleep, maxAttempts: 1000 });
    const ping = things.mod["ping"] as (c: unknown) => Promise<unknown>;
    await ping(context).catch(() => undefined);
    // 500 tokens pay for 100 retries: 101 attempts, then the quota refuses.
    expect(fake.requests).toHaveLength(101);
    expect(context.transport.retryTokens()).toBe(0);
    const recovering = fakeFetch([unavailable, { status: 200, body: "{}" }]);
    const context2 = (things.mod["createThingServiceContext"] as (c: unknown) => { transport: { retryTokens(): number } })({ endpoint: "https://things.example.com", fetch: recovering.fetch, sleep });
    await ping(context2);
    expect(recovering.requests).toHaveLength(2);
    expect(context2.transport.retryTokens()).toBe(500);
    await ping(context2);
    expect(context2.transport.retryTokens()).toBe(500);
  });

  it("maxAttempts: 1 turns retries off", async () => {
    const fake = fakeFetch([unavailable]);
    await expect(client({ fetch: fake.fetch, maxAttempts: 1 })["ping"]!()).rejects.toMatchObject({ $status: 503 });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("transport: abort and timeout", () => {
  it("an abort during the backoff wait ends the call at once with the signal's reason; no further attempt", async () => {
    const fake = fakeFetch([unavailable]);
    const controller = new AbortController();
    const started = Date.now();
    const call = client({ fetch: fake.fetch, random: () => 0.999, maxAttempts: 5 })["ping"]!(undefined, { signal: controller.signal });
    // The first wait is floor(0.999 * 100) = 99 ms; the abort comes 20 ms into it.
    setTimeout(() => controller.abort(new Error("user left")), 20);
    await expect(call).rejects.toThrow("user left");
    expect(fake.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("an abort during a fetch aborts the fetch's signal and is not retried", async () => {
    const controller = new AbortController();
    const fake = fakeFetch([
      (request) =>
        new Promise<never>((_, reject) => {
          request.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
          controller.abort();
        }),
    ]);
    const error = await client({ fetch: fake.fetch })["ping"]!(undefined, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(fake.requests).toHaveLength(1);
  });

  it("an already aborted signal sends nothing", async () => {
    const fake = fakeFetch([ok]);
    await expect(client({ fetch: fake.fetch })["ping"]!(undefined, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.requests).toHaveLength(0);
  });

  it("timeoutMs bounds the whole call: a hanging fetch rejects with a TimeoutError, not retried", async () => {
    const fake = fakeFetch([(request) => new Promise<never>((_, reject) => request.signal!.addEventListener("abort", () => reject(request.signal!.reason)))]);
    const started = Date.now();
    const error = await client({ fetch: fake.fetch })["ping"]!(undefined, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(fake.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("timeoutMs also ends a backoff wait", async () => {
    const fake = fakeFetch([unavailable]);
    const error = await client({ fetch: fake.fetch, random: () => 0.999, maxAttempts: 20 })["ping"]!(undefined, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
    expect(fake.requests.length).toBeLessThan(5);
  });
});
