// Shared by the client tests: generate a model into .tmp, import its index.ts, and a fake fetch
// that records every request and answers from a script.
//
//   const { dir, mod } = await generateClient("things", ...THINGS);
//   const fake = fakeFetch([{ status: 503 }, { status: 200, body: '{"id":"t1"}' }]);
//   mod.createThingServiceClient({ endpoint: "https://x", fetch: fake.fetch })

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";
import { generateFrom, writeTree } from "../helpers/generate.js";
import { ROOT } from "../helpers/paths.js";

/** The test service of test/client/fixtures/things.smithy, with the definitions of the aws.auth traits it applies. */
export const THINGS = ["test/client/fixtures/things.smithy", "../shared/corpus/smithy/trait-defs/smithy-aws-traits/aws.auth.smithy"] as const;

/** Credentials for the tests (AWS's documentation example keys). */
export const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" } as const;

export interface Generated {
  readonly dir: string;
  readonly files: ReadonlyMap<string, string>;
  readonly mod: Record<string, unknown>;
}

/** Generates the model of `paths` (relative to the project root; `../shared/corpus/...` too) into .tmp and imports its index.ts. */
export async function generateClient(name: string, ...paths: string[]): Promise<Generated> {
  const result = await generateFrom([{ name, paths: paths.map((p) => join(ROOT, p)) }], { format: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const dir = writeTree(result.files, `client-${name}`);
  const mod = (await import(pathToFileURL(join(dir, name, "index.ts")).href)) as Record<string, unknown>;
  return { dir, files: result.files, mod };
}

export interface Recorded {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
  readonly signal: AbortSignal | undefined;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** A fetch that answers from `replies` in turn (the last one repeats); a function reply may throw (a network error) or wait. */
export function fakeFetch(replies: readonly (Reply | ((request: Recorded) => Promise<Reply> | Reply))[]) {
  const requests: Recorded[] = [];
  const fetch = async (url: string, init: { method?: string; headers?: unknown; body?: unknown; signal?: unknown }): Promise<Response> => {
    const request: Recorded = {
      url,
      method: init.method ?? "GET",
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body as string | Uint8Array | undefined,
      signal: init.signal as AbortSignal | undefined,
    };
    requests.push(request);
    const next = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    const reply = typeof next === "function" ? await next(request) : next;
    return new Response(reply.body ?? "", { status: reply.status, headers: reply.headers ?? {} });
  };
  return { fetch, requests };
}

/** A sleep that records each wait and returns at once (unless the signal is already aborted). */
export function recordingSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number, signal: { aborted: boolean; reason?: unknown }): Promise<void> => {
    waits.push(ms);
    if (signal.aborted) throw signal.reason;
  };
  return { sleep, waits };
}
