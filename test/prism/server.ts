// Prism (Stoplight's validating OpenAPI mock server) for the tests: one process of its own
// (prism-child.cjs, through Prism's programmatic API @stoplight/prism-http-server, what `prism
// mock` runs without the CLI's log pipes) with one server per document, each on a free loopback
// port, request validation on, the offline guard of the real-server tests preloaded; stopped after.
//
//   const prism = await startPrism([twilio, xkcd], { checkSecurity: false });
//   prism.servers → [{ url: "http://127.0.0.1:40123", operations: 16 }, { url: "http://127.0.0.1:40125", operations: 2 }]
//   await fetch(prism.servers[0].url + "/v1/Credentials/AWS?PageSize=5") → Prism's mocked answer, with an
//     `sl-violations` header (or a 422 problem+json `validation` list) for what the request broke
//   prism.onCrash((message) => …)  (an error Prism threw while handling a request)
//   await prism.stop(); prism.blocked() → []  (connections outside loopback it tried)
//
// Offline: each document is written (as JSON) to a temp file that Prism parses itself, and a
// document with any `$ref` that is not local to it (`#/...`) is refused before Prism sees it, so
// its resolver opens no other file and no URL; the offline guard would report it if it tried.
// Prism has no telemetry; proxy mode is off. Ready: a "listening" line per document (loading
// Prism takes 1–5 s on a busy machine; a large document more, Kubernetes 20 s).

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers/paths.js";
import { OFFLINE_GUARD } from "../servers/cognito-local.js";

const CHILD = join(ROOT, "test/prism/prism-child.cjs");
const READY_MS = 180_000;
const CRASH = "prism-crash: ";

export interface PrismServers {
  /** One per document, in order: `http://127.0.0.1:<port>` (no trailing slash) and the operations Prism found. */
  readonly servers: readonly { readonly url: string; readonly operations: number }[];
  /** Calls the listener with each error Prism throws while handling a request (it leaves that request unanswered); returns the unsubscribe. */
  onCrash(listener: (message: string) => void): () => void;
  /** Connections and lookups outside loopback the offline guard refused. */
  blocked(): string[];
  /** Stops the process (SIGTERM, SIGKILL after 3 s) and removes its temp folder. */
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** Check the documents' security requirements (our serializers send no credentials; the client does). */
  readonly checkSecurity: boolean;
  /** Check Prism's own answers against the document too (reported under `response` in `sl-violations`). */
  readonly validateResponse?: boolean;
  /** Read requests and write answers of AWS's JSON media types (application/x-amz-json-1.x) as JSON, which Prism does not (prism-child.cjs `--amz-json`). */
  readonly amzJson?: boolean;
  /** How long Prism may take to load the documents (default 180 s); past it startPrism rejects with PrismLoadTimeout. */
  readonly readyMs?: number;
}

/** Prism did not say it listens on every document within the time given (PrismOptions.readyMs). */
export class PrismLoadTimeout extends Error {}

export async function startPrism(documents: readonly Record<string, unknown>[], options: PrismOptions): Promise<PrismServers> {
  for (const document of documents) {
    const external = externalRef(document);
    if (external !== undefined) throw new Error(`a document has a non-local $ref (${external}); Prism would fetch it: refused to stay offline`);
  }
  const dir = mkdtempSync(join(tmpdir(), "shapesmith-prism-"));
  const files = documents.map((document, i) => {
    const file = join(dir, `document-${i}.json`);
    writeFileSync(file, JSON.stringify(document));
    return file;
  });
  const child = spawn(process.execPath, ["--require", OFFLINE_GUARD, CHILD, ...(options.checkSecurity ? ["--security"] : []), ...(options.validateResponse ? ["--validate-response"] : []), ...(options.amzJson ? ["--amz-json"] : []), ...files], {
    cwd: dir,
    // stdin stays open while this process lives; the child exits when it closes.
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const lines = (prefix: string) => err.split("\n").filter((line) => line.startsWith(prefix));
  const crashListeners = new Set<(message: string) => void>();
  let crashesSeen = 0;
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
    if (!err.endsWith("\n")) return;
    const crashes = lines(CRASH);
    for (const line of crashes.slice(crashesSeen)) for (const listener of crashListeners) listener(line.slice(CRASH.length));
    crashesSeen = crashes.length;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const listening = () => [...out.matchAll(/^prism (\d+) listening on (http:\/\/127\.0\.0\.1:\d+) \((\d+) operations\)$/gm)];
  try {
    await new Promise<void>((resolve, reject) => {
      const readyMs = options.readyMs ?? READY_MS;
      const timer = setTimeout(() => reject(new PrismLoadTimeout(`Prism did not start within ${readyMs} ms:\n${out}${err}`)), readyMs);
      child.stdout.on("data", () => {
        if (listening().length === documents.length) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited (${signal ?? code}) before it was ready (npm ci installs @stoplight/prism-http-server):\n${out}${err}`));
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const servers = listening().map((m) => ({ url: m[2]!, operations: Number(m[3]) }));
  return {
    servers,
    onCrash(listener) {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
    blocked: () => lines("offline-guard: blocked "),
    stop,
  };
}

/** The first `$ref` of the document that does not point inside it, if any. */
export function externalRef(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (k === "$ref" && typeof x === "string" && !x.startsWith("#")) return x;
        stack.push(x);
      }
    }
  }
  return undefined;
}
