// The worker of the response fuzzer (fuzz-responses.ts): it imports the generated deserializers
// it is given and runs one response per message, so the main thread can time each call and end
// the worker when one hangs. Transpiled by esbuild into .tmp at run time; it imports nothing of
// the project.
//
//   workerData { targets: [{ module: ".../deserializers.js", runtime: ".../runtime.js", fn: "deserializeXResponse" }] }
//   message   { id: 7, target: 0, response: { status: 200, headers: {}, body: "{" } }
//   → reply   { id: 7, outcome: "response-error", detail: "MalformedResponseError: ...", ms: 0.04 }

import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";

interface TargetRef {
  readonly module: string;
  readonly runtime: string;
  readonly fn: string;
}
type Deserialize = (response: unknown) => unknown;

const { targets } = workerData as { targets: readonly TargetRef[] };
const modules = new Map<string, Record<string, unknown>>();
const load = async (path: string) => {
  let m = modules.get(path);
  if (!m) {
    m = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    modules.set(path, m);
  }
  return m;
};
const loaded: { fn: Deserialize; ResponseError: new () => unknown }[] = [];
for (const t of targets) {
  const fn = (await load(t.module))[t.fn];
  const ResponseError = (await load(t.runtime))["ResponseError"];
  if (typeof fn !== "function") throw new Error(`${t.module} exports no ${t.fn}`);
  if (typeof ResponseError !== "function") throw new Error(`${t.runtime} exports no ResponseError`);
  loaded.push({ fn: fn as Deserialize, ResponseError: ResponseError as new () => unknown });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const frames = (error.stack ?? "").split("\n").slice(1, 4).map((l) => l.trim()).join(" | ");
    return `${error.constructor.name}: ${error.message.slice(0, 300)}${frames ? ` [${frames}]` : ""}`;
  }
  return `a non-Error value: ${String(error).slice(0, 200)}`;
}

parentPort!.on("message", (msg: { id: number; target: number; response: unknown }) => {
  const t = loaded[msg.target]!;
  const start = performance.now();
  let outcome: "returned" | "response-error" | "uncaught";
  let detail = "";
  try {
    const value = t.fn(msg.response);
    outcome = "returned";
    if (value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function") {
      outcome = "uncaught";
      detail = "returned a Promise: deserializers are synchronous";
    }
  } catch (error) {
    if (error instanceof t.ResponseError) {
      outcome = "response-error";
      // A ResponseError made from an internal error (a TypeError caught by a catch-all, say) says
      // so through its cause: the main thread counts those apart.
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof Error) detail = describe(cause);
    }
    else {
      outcome = "uncaught";
      detail = describe(error);
    }
  }
  parentPort!.postMessage({ id: msg.id, outcome, detail, ms: performance.now() - start });
});
parentPort!.postMessage({ ready: true });
