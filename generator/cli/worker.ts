// A worker thread of the pool (pool.ts): generates the models the main thread sends, one at a
// time, and writes each one's changed files to the stage of the output folder's journal write
// (output.ts) before taking the next, so no thread ever holds more than the model it works on.
//
//   setup (workerData): { root: "/p", cwd: "/p", templates: { sources, files }, crash: undefined }
//   ← { id: 3, model: { name: "ec2", files: [{ path: "aws/ec2.json", absolute: "/p/aws/ec2.json" }] },
//       out: "/p/generated", artifacts: [...], format: true, formatter: { name: "oxfmt" },
//       work: "/p/.generated.shapesmith" }
//   → { id: 3, diagnostics: [], files: [{ path: "ec2/types.ts", status: "missing" }, ...] }
//     having written ec2/types.ts and the other changed files under the work folder's stage/
//
// `work` undefined (`--check`): compare only, write nothing. The pure core does the generation
// (generator/core.ts); this module only reads, compares and stages. An exception is sent back
// as `crash` (the main thread turns it into a diagnostic); the worker stays usable.

import { parentPort, workerData } from "node:worker_threads";
import type { Artifact } from "../artifacts.js";
import type { Diagnostic } from "../diagnostics.js";
import { FormatMemo, type Formatter } from "../format.js";
import { DocMemo } from "../docs/memo.js";
import { PatternMemo } from "../regex/memo.js";
import { generate } from "../core.js";
import { compileTemplates } from "../templates.js";
import type { PartitionsInput } from "../protocols/endpoints/partitions.js";
import { diskHost, readListedModel, type InputContext, type ListedModel } from "./inputs.js";
import { compareFile, stageFile, stepHookOf, type KillSwitch, type StepHook } from "./output.js";

export interface WorkerSetup {
  readonly root: string;
  readonly cwd: string;
  readonly templates: { readonly sources: Readonly<Record<string, string>>; readonly files: Readonly<Record<string, string>> };
  /** The AWS partitions table of endpoint rules (generator/cli/partitions.ts), when one was read. */
  readonly partitions?: PartitionsInput | undefined;
  /** The kill test's switch (output.ts stepHookFromEnv), shared with the main thread. */
  readonly kill?: KillSwitch | undefined;
  /** Test hook (SHAPESMITH_TEST_WORKER_CRASH): the name of a model whose generation throws. */
  readonly crash?: string | undefined;
}

export interface WorkerTask {
  readonly id: number;
  readonly model: ListedModel;
  /** Absolute output folder. */
  readonly out: string;
  /** The model's own folder (per-model `out`): its files go to the folder's top level. */
  readonly own?: string | undefined;
  readonly artifacts: readonly Artifact[];
  readonly format: boolean;
  readonly formatter?: Formatter | undefined;
  /** The work folder of the write (output.ts StagedWrite); undefined: compare only (`--check`). */
  readonly work?: string | undefined;
}

export interface FileStatus {
  /** Relative to the output folder, `/`-separated. */
  readonly path: string;
  readonly status: "same" | "stale" | "missing";
}

export type WorkerReply =
  | { readonly id: number; readonly diagnostics: readonly Diagnostic[]; readonly files: readonly FileStatus[] }
  | { readonly id: number; readonly crash: { readonly message: string; readonly stack: string } };

const setup = workerData as WorkerSetup;
const ctx: InputContext = { root: setup.root, cwd: setup.cwd };
const templates = compileTemplates(setup.templates.sources, setup.templates.files);
const step: StepHook = setup.kill !== undefined ? stepHookOf(setup.kill) : () => {};
// The worker lives for one run: the template bodies it formats once, the documentation texts it
// converts once and the patterns it reads once serve all its models (each memo bounded).
const formats = new FormatMemo();
const docs = new DocMemo();
const patterns = new PatternMemo();


parentPort!.on("message", (task: WorkerTask) => {
  run(task).then(
    (reply) => parentPort!.postMessage(reply),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      parentPort!.postMessage({ id: task.id, crash: { message: e.message, stack: e.stack ?? e.message } } satisfies WorkerReply);
    },
  );
});

async function run(task: WorkerTask): Promise<WorkerReply> {
  if (setup.crash !== undefined && setup.crash === task.model.name) throw new Error(`test crash in the worker generating ${task.model.name}`);
  const read = readListedModel(task.model, ctx);
  if (read.input === undefined) return { id: task.id, diagnostics: read.diagnostics, files: [] };
  const result = await generate([read.input], diskHost(ctx, new Map()), {
    templates,
    format: task.format,
    ...(task.formatter !== undefined ? { formatter: task.formatter } : {}),
    artifacts: task.artifacts,
    formats,
    docs,
    patterns,
    ...(setup.partitions !== undefined ? { partitions: setup.partitions } : {}),
  });
  const files: FileStatus[] = [];
  const made = new Set<string>();
  for (const [path, content] of result.files) {
    const slash = path.indexOf("/");
    const target = task.own !== undefined && path.slice(0, slash) === task.own ? path.slice(slash + 1) : path;
    const status = compareFile(task.out, target, content);
    if (status !== "same" && task.work !== undefined) stageFile(task.work, target, content, step, made);
    files.push({ path: target, status });
  }
  return { id: task.id, diagnostics: [...read.diagnostics, ...result.diagnostics], files };
}
