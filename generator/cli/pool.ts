// Generates many models on every core: a pool of worker threads (worker.ts), one model per job,
// each worker reading, generating, formatting, comparing and staging one model before the next,
// so memory holds a model per worker, never the whole output. The largest models are given out
// first (a short tail); the outcomes come back in job order (deterministic, whichever worker
// finished first) and hold only paths and statuses.
//
//   await runPool({ setup, jobs: [ec2, s3, sqs], size: 2, format: true, formatterOf, workOf })
//   → [{ job: ec2, diagnostics: [], files: [{ path: "ec2/types.ts", status: "missing" }, ...] }, ...]
//
// A worker that throws, dies or runs out of memory is not a stack trace: its job's outcome is
// the diagnostic INTERNAL_WORKER_CRASH (the stack as an info, shown with --verbose), a fresh
// worker takes the remaining jobs, and the caller discards the staged files (nothing is written).
//
// Workers start from the bundle's dist/worker.js, or, when the sources run (tsx, vitest), from
// generator/cli/worker.ts through tsx's loader, registered in the worker itself.

import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import type { Artifact } from "../artifacts.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Formatter } from "../format.js";
import type { ListedModel } from "./inputs.js";
import type { FileStatus, WorkerReply, WorkerSetup, WorkerTask } from "./worker.js";

export interface PoolJob {
  readonly model: ListedModel;
  /** Absolute output folder. */
  readonly out: string;
  /** The model's own folder (per-model `out`). */
  readonly own?: string | undefined;
  readonly artifacts: readonly Artifact[];
}

export interface JobOutcome {
  readonly job: PoolJob;
  readonly diagnostics: readonly Diagnostic[];
  /** Every file the model produces, with how it compares with the disk. */
  readonly files: readonly FileStatus[];
}

export interface PoolRequest {
  readonly setup: WorkerSetup;
  readonly jobs: readonly PoolJob[];
  /** Worker threads (at most one per job). */
  readonly size: number;
  readonly format: boolean;
  readonly formatterOf: (out: string) => Formatter | undefined;
  /** The work folder of each output folder's write; undefined: compare only. */
  readonly workOf: (out: string) => string | undefined;
  /** Progress: called as each job starts. */
  readonly onStart?: (index: number, total: number, name: string) => void;
}

/** Worker threads for `jobs` jobs: one per core, at most one per job. */
export function poolSize(jobs: number): number {
  return Math.max(1, Math.min(jobs, availableParallelism()));
}

/**
 * V8's tiering budget while a pool runs: how much bytecode a function runs before TurboFan
 * optimizes it. Each worker runs the whole generator over many models, and a function only meets
 * all its cases (trait kinds, shape types, protocols) after several models: at V8's default
 * (67,584) TurboFan compiles large functions on partial feedback, throws the code away at the next
 * case it has not seen (a deoptimization) and compiles them again, on each worker. 8× the default
 * optimizes later, on fuller feedback: all 402 AWS models through the CLI took about 0.8× the CPU
 * (see the commit). A budget given on the command line or in NODE_OPTIONS is left as it is.
 */
export const POOL_INTERRUPT_BUDGET = 8 * 67_584;

function raiseInterruptBudget(): void {
  const given = [...process.execArgv, process.env["NODE_OPTIONS"] ?? ""].some((arg) => arg.includes("interrupt-budget"));
  if (!given) setFlagsFromString(`--interrupt-budget=${POOL_INTERRUPT_BUDGET}`);
}

export async function runPool(request: PoolRequest): Promise<JobOutcome[]> {
  const { jobs } = request;
  // V8 flags are the process's: set before the workers start, they hold for every thread.
  raiseInterruptBudget();
  const outcomes: (JobOutcome | undefined)[] = jobs.map(() => undefined);
  const order = largestFirst(jobs);
  let next = 0;
  let started = 0;
  return new Promise((resolve) => {
    let live = 0;
    const finishIfDone = () => {
      if (live === 0 && next >= jobs.length) resolve(outcomes.map((o, i) => o ?? crashed(jobs[i]!, "the worker stopped before it answered", "")));
    };
    const spawn = () => {
      if (next >= jobs.length) return;
      live++;
      const worker = new Worker(workerEntry(), { workerData: request.setup });
      let current: number | undefined;
      let exited = false;
      const give = () => {
        if (next >= jobs.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = order[next++]!;
        const job = jobs[current]!;
        request.onStart?.(started++, jobs.length, job.model.name);
        const task: WorkerTask = {
          id: current,
          model: job.model,
          out: job.out,
          own: job.own,
          artifacts: job.artifacts,
          format: request.format,
          formatter: request.formatterOf(job.out),
          work: request.workOf(job.out),
        };
        worker.postMessage(task);
      };
      worker.on("message", (reply: WorkerReply) => {
        const job = jobs[reply.id]!;
        outcomes[reply.id] = "crash" in reply ? crashed(job, reply.crash.message, reply.crash.stack) : { job, diagnostics: reply.diagnostics, files: reply.files };
        give();
      });
      worker.on("error", (error: Error) => {
        // Uncaught in the worker (or out of memory): it stops; its job failed.
        if (current !== undefined && outcomes[current] === undefined) outcomes[current] = crashed(jobs[current]!, error.message, error.stack ?? error.message);
        current = undefined;
      });
      worker.on("exit", () => {
        if (exited) return;
        exited = true;
        live--;
        if (current !== undefined && outcomes[current] === undefined) outcomes[current] = crashed(jobs[current]!, "the worker thread exited", "");
        // A worker that died with jobs left is replaced.
        if (next < jobs.length && live < request.size) spawn();
        finishIfDone();
      });
      give(); // queued until the worker listens
    };
    for (let i = 0; i < Math.min(request.size, jobs.length); i++) spawn();
    finishIfDone();
  });
}

/**
 * The jobs' indexes, the largest model (bytes of its files) first, ties in job order: the last
 * jobs are small ones, so no worker is still on a large model while the other has nothing left.
 */
function largestFirst(jobs: readonly PoolJob[]): number[] {
  const bytes = jobs.map((job) =>
    job.model.files.reduce((sum, file) => {
      try {
        return sum + statSync(file.absolute).size;
      } catch {
        return sum; // read (and reported) by the worker
      }
    }, 0),
  );
  return jobs.map((_, i) => i).sort((a, b) => bytes[b]! - bytes[a]! || a - b);
}

function crashed(job: PoolJob, message: string, stack: string): JobOutcome {
  const diagnostics: Diagnostic[] = [
    {
      code: "INTERNAL_WORKER_CRASH",
      severity: "error",
      message: `Generating the model \`${job.model.name}\` failed inside Shapesmith (a bug, not a mistake in your model): ${message.split("\n")[0]}`,
      hint: "Nothing was written. Please report it with the command you ran and the model; --verbose shows where it failed.",
    },
  ];
  if (stack !== "") diagnostics.push({ code: "INTERNAL_WORKER_STACK", severity: "info", message: `Where it failed:\n${stack}` });
  return { job, diagnostics, files: [] };
}

/** The worker's module: beside the bundle, or the TypeScript source through tsx. */
function workerEntry(): URL {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new URL("./worker.js", here);
  const tsx = dirname(createRequire(here).resolve("tsx/package.json"));
  const api = pathToFileURL(join(tsx, "dist", "esm", "api", "index.mjs")).href;
  const tsconfig = fileURLToPath(new URL("../../tsconfig.json", here));
  const source = new URL("./worker.ts", here).href;
  const code = `import { register } from ${JSON.stringify(api)};\nregister({ tsconfig: ${JSON.stringify(tsconfig)} });\nawait import(${JSON.stringify(source)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
