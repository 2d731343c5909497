// The worker of the response fuzzer (fuzz-responses.ts): it imports the generated deserializers
// it is given and runs one response per message, so the main thread can time each call and end
// the worker when one hangs. Bundled by esbuild into .tmp at run time (with output-types.ts).
//
//   workerData { targets: [{ module: ".../deserializers.js", runtime: ".../runtime.js", fn: "deserializeXResponse",
//                            shapes: 0, output: "ns#XOutput" }], shapes: [{ "ns#XOutput": { t: "structure", ms: {...} } }] }
//   message   { id: 7, target: 0, response: { status: 200, headers: {}, body: "{" } }
//   → reply   { id: 7, outcome: "response-error", detail: "MalformedResponseError: ...", ms: 0.04 }
//
// A returned value must be of its output type (output-types.ts); otherwise the reply is "ill-typed".

import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { illTyped, type ShapeTable } from "./output-types.js";

interface TargetRef {
  readonly module: string;
  readonly runtime: string;
  readonly fn: string;
  /** Index of the shape table of the target's service, and its output shape (absent: `{}`). */
  readonly shapes: number;
  readonly output?: string;
}

type Deserialize = (response: unknown) => unknown;

const { targets, shapes } = workerData as { targets: readonly TargetRef[]; shapes: readonly ShapeTable[] };
const modules = new Map<string, Record<string, unknown>>();
const load = async (path: string) => {
  let m = modules.get(path);
  if (!m) {
    m = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    modules.set(path, m);
  }
  return m;
};
const loaded: { fn: Deserialize; ResponseError: new () => unknown; shapes: ShapeTable; output?: string }[] = [];
for (const t of targets) {
  const fn = (await load(t.module))[t.fn];
  const ResponseError = (await load(t.runtime))["ResponseError"];
  if (typeof fn !== "function") throw new Error(`${t.module} exports no ${t.fn}`);
  if (typeof ResponseError !== "function") throw new Error(`${t.runtime} exports no ResponseError`);
  loaded.push({ fn: fn as Deserialize, ResponseError: ResponseError as new () => unknown, shapes: shapes[t.shapes]!, ...(t.output ? { output: t.output } : {}) });
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
  let outcome: "returned" | "response-error" | "uncaught" | "ill-typed";
  let detail = "";
  let ms = -1;
  try {
    const value = t.fn(msg.response);
    ms = performance.now() - start;
    outcome = "returned";
    if (value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function") {
      outcome = "uncaught";
      detail = "returned a Promise: deserializers are synchronous";
    } else {
      const wrong = illTyped(t.shapes, t.output, value);
      if (wrong !== undefined) {
        outcome = "ill-typed";
        detail = `returned a value not of its type: ${wrong}`;
      }
    }
  } catch (error) {
    ms = performance.now() - start;
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
  parentPort!.postMessage({ id: msg.id, outcome, detail, ms });
});
parentPort!.postMessage({ ready: true });
