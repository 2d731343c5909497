// One generation run of a project, as data: reads the config and the models, runs the pure core
// once per group of models that share an output folder and artifacts, and compares each output
// folder with its new tree. Writing is a separate step (through output.ts's journal). The CLI, `--watch` and the programmatic
// API (generator/api.ts) all run through here, so they cannot disagree.
//
//   runProject({ cwd: "/p", models: [] })   // config: { "perModel": { "weather": { "out": "src/weather" } } }
//   → { ok: true, diagnostics: [],
//       folders: [{ out: "/p/generated", files: Map { "cognito/types.ts" → … }, comparison },
//                 { out: "/p/src/weather", files: Map { "types.ts" → … }, comparison }] }
//   writeProject(run) → writes the files of each folder that differ through the journal of
//   output.ts (all or none; a killed write is finished by the next run); diagnostics when the disk says no

import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, parse, relative, resolve } from "node:path";
import type { Artifact } from "../artifacts.js";
import { DiagnosticError, Diagnostics, type Diagnostic } from "../diagnostics.js";
import type { ModelInput } from "../frontends.js";
import type { Formatter } from "../format.js";
import { displayPath, resolveOptions, type FormatterChoice, type Options } from "../options.js";
import { nearest } from "../suggest.js";
import { compileTemplates, type Templates } from "../templates.js";
import { discoverModels, diskHost, modelsFromArguments, readListedModel, type InputContext, type ListedModel, type ReadResult } from "./inputs.js";
import {
  compareTree,
  folderExists,
  isUpToDate,
  listFiles,
  pendingLeftovers,
  recoverOutput,
  replaceTree,
  StagedWrite,
  type KillSwitch,
  type StepHook,
  type TreeComparison,
} from "./output.js";
import { poolSize, runPool, type PoolJob } from "./pool.js";
import type { FileStatus, WorkerSetup } from "./worker.js";
import { recoveryDiagnostics, writeFailure } from "./output-report.js";
import type { SourceLookup } from "./print.js";
import { readTemplateSources } from "./templates.js";
import { loadPartitions } from "./partitions.js";
import type { PartitionsInput } from "../protocols/endpoints/partitions.js";
import type { GenerationCache } from "../cache.js";
import { formatterFor } from "./formatter.js";

export interface ProjectRequest {
  /** Absolute working directory. */
  readonly cwd: string;
  /** Model files or folders named explicitly (relative to `cwd`); empty: the config's models folder. */
  readonly models: readonly string[];
  /** Models given as text (the API); they come after `models`. */
  readonly sources?: readonly ModelInput[];
  /** `--config F`. */
  readonly config?: string | undefined;
  /** Read `shapesmith.config.json` from `cwd` when no `config` is named (the CLI: yes; the API: no). */
  readonly readConfig?: boolean;
  /** `--out DIR`. */
  readonly out?: string | undefined;
  /** False: skip formatting (`--no-format`). */
  readonly format?: boolean;
  /** `--formatter`: overrides the config's `formatter` (generator/cli/formatter.ts). */
  readonly formatter?: FormatterChoice | undefined;
  /** Overrides the config's artifacts for every model (the API). */
  readonly artifacts?: readonly Artifact[] | undefined;
  /** Overrides the config's templates folder (the API); then it must exist. */
  readonly templates?: string | undefined;
  /** Progress: called before each model is emitted. */
  readonly onModel?: (done: number, total: number, name: string) => void;
  /**
   * This run may write: first repair what an interrupted earlier run left next to each output
   * folder (output.ts), even when this run then fails on its input.
   */
  readonly recover?: boolean;
  /** Called before every mutating step of a write (the kill test). */
  readonly step?: StepHook | undefined;
  /** What the previous run of a `--watch` produced (generator/cache.ts). */
  readonly cache?: GenerationCache | undefined;
  /**
   * Worker threads for a run of two or more model files (pool.ts; the CLI: one per core). Each
   * model is then read, generated, compared and, when the run may write (`recover`), staged by
   * a worker, so the run never holds the whole output; `writeProject` commits. Not with `cache`
   * or `sources`. 0 or 1, or absent: everything on this thread.
   */
  readonly workers?: number | undefined;
  /** The environment (the workers' test hook SHAPESMITH_TEST_WORKER_CRASH). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** One output folder and the tree it should hold. */
export interface FolderResult {
  /** Absolute path. */
  readonly out: string;
  /** Relative path → content; undefined when workers staged the files (`workers`). */
  readonly files?: ReadonlyMap<string, string>;
  /** How many files the tree holds. */
  readonly count: number;
  /** The write that holds the staged files, for `writeProject` to commit (`workers`, a run that may write). */
  readonly staged?: StagedWrite;
  /** How the folder on disk differs from `files`. */
  readonly comparison: TreeComparison;
  /** What an interrupted write left next to the folder (`--check` reports it). */
  readonly leftovers: readonly string[];
}

export interface ProjectRun {
  /** No error diagnostic: `folders` holds every output. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Empty when not ok. */
  readonly folders: readonly FolderResult[];
  /** Diagnostic `file` → display path and text, for code frames. */
  readonly lookup: SourceLookup;
  readonly options: Options;
  /** Absolute paths whose change calls for another run (`--watch`): models, config, templates. */
  readonly inputs: readonly string[];
}

/** A group of models generated by one call of the core (or of the pool). */
interface Group<T extends { readonly name: string } = ModelInput> {
  readonly out: string;
  readonly artifacts: readonly Artifact[];
  readonly inputs: T[];
  /** The model's own folder (per-model `out`): its files go to the folder's top level. */
  readonly own?: string;
}

export async function runProject(request: ProjectRequest): Promise<ProjectRun> {
  const { cwd } = request;
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveOptions({ cwd, config: request.config, out: request.out, noConfig: request.readConfig === false });
  let options = resolved.options;
  if (request.templates !== undefined) {
    options = Object.freeze({ ...options, templates: resolve(cwd, request.templates), templatesExplicit: true });
  }
  const ctx: InputContext = { root: options.root, cwd };
  const texts = new Map<string, string>(resolved.sources);
  const lookup = makeLookup(ctx, texts);
  const inputs = new Set<string>([...(options.configFile !== undefined ? [options.configFile] : []), options.templates]);
  const done = (more: readonly Diagnostic[] = []): ProjectRun => {
    const all = [...diagnostics, ...more];
    return { ok: !hasErrors(all), diagnostics: all, folders: [], lookup, options, inputs: [...inputs] };
  };
  append(diagnostics, resolved.diagnostics);
  if (hasErrors(diagnostics)) return done();

  if (request.recover === true) {
    const outs = new Set([options.out, ...[...options.perModel.values()].flatMap((s) => (s.out !== undefined ? [s.out] : []))]);
    for (const out of outs) {
      try {
        append(diagnostics, recoveryDiagnostics(recoverOutput(out, { step: request.step }), cwd, out));
      } catch (error) {
        const failure = writeFailure(error, cwd, out);
        if (failure === undefined) throw error;
        return done([failure]);
      }
    }
  }

  const named = request.models.length > 0 || (request.sources?.length ?? 0) > 0;
  if (named && request.out === undefined) {
    return done([
      {
        code: "CLI_OUT_REQUIRED",
        severity: "error",
        message: "Model files named on the command line need --out",
        hint: `The output folder is replaced as a whole; to regenerate every model run \`shapesmith generate\` alone, or add e.g. \`--out ${displayPath(cwd, options.out)}\`.`,
      },
    ]);
  }
  // With workers the models are listed here and read by the workers, one at a time.
  const lazy = (request.workers ?? 0) > 1 && request.cache === undefined && (request.sources?.length ?? 0) === 0;
  const read: ReadResult = !named
    ? discoverModels(options.models, ctx, !lazy)
    : request.models.length > 0
      ? modelsFromArguments(request.models, ctx, !lazy)
      : { inputs: [], listed: [], diagnostics: [], sources: new Map() };
  const pooled = lazy && read.listed.length >= 2;
  if (lazy && !pooled) readListed(read, ctx);
  if (!named) inputs.add(options.models);
  for (const { absolute } of read.sources.values()) inputs.add(absolute);
  if (pooled) for (const model of read.listed) for (const { absolute } of model.files) inputs.add(absolute);
  for (const source of request.sources ?? []) {
    read.inputs.push(source);
    for (const file of source.files) read.sources.set(file.path, { absolute: resolve(options.root, file.path), text: file.text });
  }
  append(diagnostics, read.diagnostics);
  for (const [path, { text }] of read.sources) texts.set(path, text);

  const modelFiles = [...[...read.sources.values()].map((s) => s.absolute), ...(pooled ? read.listed.flatMap((m) => m.files.map((f) => f.absolute)) : [])];
  const templates = loadTemplatesFor(options, diagnostics, cwd);
  const partitions = loadPartitions(options.partitions, cwd, diagnostics, options.configFile);
  if (options.partitions !== undefined) inputs.add(options.partitions);
  const groups = pooled ? planGroups(options, read.listed, named, request.artifacts, diagnostics) : planGroups(options, read.inputs, named, request.artifacts, diagnostics);
  for (const out of new Set(groups.map((g) => g.out))) {
    const unsafe = unsafeOutReason(out, options, modelFiles, cwd);
    if (unsafe !== undefined) {
      diagnostics.push({
        code: "OUT_UNSAFE",
        severity: "error",
        message: `Refusing to replace \`${displayPath(cwd, out)}\`: ${unsafe}`,
        hint: "The output folder is deleted and rewritten on every run; choose a folder that holds only generated files, e.g. --out generated.",
      });
    }
  }
  if (hasErrors(diagnostics) || templates === undefined) return done();

  const format = request.format !== false && options.format;
  const formatters = new Map<string, Formatter>();
  if (format) {
    for (const out of new Set(groups.map((g) => g.out))) {
      const found = await formatterFor(request.formatter ?? options.formatter, out);
      append(diagnostics, found.diagnostics);
      if (found.configFile !== undefined) inputs.add(found.configFile);
      formatters.set(out, found.formatter);
    }
    if (hasErrors(diagnostics)) return done();
  }

  // A prettier config holding functions (a JS config's plugin objects) cannot be sent to a
  // worker: then the models are read here and generated on this thread.
  let planned: Group<ListedModel>[] | Group<ModelInput>[] = groups;
  if (pooled && ![...formatters.values()].every(cloneable)) {
    readListed(read, ctx);
    append(diagnostics, read.diagnostics.filter((d) => !diagnostics.includes(d)));
    for (const [path, { text }] of read.sources) texts.set(path, text);
    if (hasErrors(diagnostics)) return done();
    planned = planGroups(options, read.inputs, named, request.artifacts, []);
  } else if (pooled) {
    const outcome = await runPooled(request, options, groups as Group<ListedModel>[], templates, format, formatters, partitions);
    append(diagnostics, outcome.diagnostics);
    if (hasErrors(diagnostics) || outcome.folders === undefined) return done();
    return { ok: true, diagnostics, folders: outcome.folders, lookup, options, inputs: [...inputs] };
  }

  const { generate } = await import("../core.js");
  const host = diskHost(ctx, read.sources);
  const total = groups.reduce((n, g) => n + g.inputs.length, 0);
  let started = 0;
  const trees = new Map<string, Map<string, string>>();
  for (const group of planned as Group<ModelInput>[]) {
    const offset = started;
    const result = await generate(group.inputs, host, {
      templates: templates.compiled,
      format,
      ...withFormatter(formatters.get(group.out)),
      artifacts: group.artifacts,
      ...(partitions !== undefined ? { partitions } : {}),
      ...(request.cache !== undefined ? { cache: request.cache } : {}),
      ...(request.onModel !== undefined ? { onModel: (i: number, _n: number, name: string) => request.onModel?.(Math.min(offset + i, total - 1), total, name) } : {}),
    });
    started += group.inputs.length;
    append(diagnostics, result.diagnostics);
    const tree = trees.get(group.out) ?? new Map<string, string>();
    trees.set(group.out, tree);
    for (const [path, content] of result.files) {
      const slash = path.indexOf("/");
      const target = group.own !== undefined && path.slice(0, slash) === group.own ? path.slice(slash + 1) : path;
      if (tree.has(target)) {
        diagnostics.push({
          code: "OUTPUT_COLLISION",
          severity: "error",
          message: `Two models would both write \`${displayPath(cwd, resolve(group.out, target))}\``,
          hint: "Give one of them another output folder (perModel.<name>.out) or rename a model file.",
        });
        break;
      }
      tree.set(target, content);
    }
  }
  for (const [path, { text }] of read.sources) texts.set(path, text);
  if (hasErrors(diagnostics)) return done();

  const folders: FolderResult[] = [];
  for (const [out, files] of trees) {
    try {
      folders.push({ out, files, count: files.size, comparison: compareTree(out, files), leftovers: pendingLeftovers(out) });
    } catch (error) {
      const failure = writeFailure(error, cwd, out);
      if (failure === undefined) throw error;
      return done([failure]);
    }
  }
  return { ok: true, diagnostics, folders, lookup, options, inputs: [...inputs] };
}

/**
 * Makes every folder of the run hold its tree (output.ts writes only what differs, through its
 * journal). Returns the diagnostics: what recovery did (warnings), or why a write failed.
 */
export function writeProject(run: ProjectRun, cwd: string, step?: StepHook): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [i, folder] of run.folders.entries()) {
    if (folder.staged === undefined && isUpToDate(folder.comparison) && folder.leftovers.length === 0) continue;
    try {
      const written = folder.staged !== undefined ? folder.staged.commit(folder.comparison) : replaceTree(folder.out, folder.files ?? new Map(), { step });
      append(diagnostics, recoveryDiagnostics(written.recovery, cwd, folder.out));
    } catch (error) {
      for (const other of run.folders.slice(i + 1)) other.staged?.abort();
      const failure = writeFailure(error, cwd, folder.out);
      if (failure === undefined) throw error;
      return [...diagnostics, failure];
    }
  }
  return diagnostics;
}

/** Whether `value` survives structured cloning (what a worker is sent). */
function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** Reads the listed models now (a run with workers that has a single model to generate). */
function readListed(read: ReadResult, ctx: InputContext): void {
  for (const model of read.listed) {
    const one = readListedModel(model, ctx);
    append(read.diagnostics, one.diagnostics);
    for (const file of one.input?.files ?? []) read.sources.set(file.path, { absolute: model.files.find((f) => f.path === file.path)!.absolute, text: file.text });
    if (one.input !== undefined) read.inputs.push(one.input);
  }
}

/**
 * The generation of a run with workers (pool.ts): when the run may write, each output folder's
 * write is opened first (its lock held until `writeProject` commits or a failure aborts it),
 * and the workers stage every changed file. The diagnostics come in model order.
 */
async function runPooled(
  request: ProjectRequest,
  options: Options,
  groups: readonly Group<ListedModel>[],
  templates: LoadedTemplates,
  format: boolean,
  formatters: ReadonlyMap<string, Formatter>,
  partitions: PartitionsInput | undefined,
): Promise<{ diagnostics: Diagnostic[]; folders?: FolderResult[] }> {
  const { cwd } = request;
  const outs = [...new Set(groups.map((g) => g.out))];
  const writes = new Map<string, StagedWrite>();
  const abort = () => writes.forEach((w) => w.abort());
  if (request.recover === true) {
    for (const out of outs) {
      try {
        writes.set(out, StagedWrite.open(out, { step: request.step }));
      } catch (error) {
        abort();
        const failure = writeFailure(error, cwd, out);
        if (failure === undefined) throw error;
        return { diagnostics: [failure] };
      }
    }
  }
  const diagnostics: Diagnostic[] = [...writes.entries()].flatMap(([out, w]) => recoveryDiagnostics(w.recovery, cwd, out));
  const jobs: PoolJob[] = groups.flatMap((g) => g.inputs.map((model) => ({ model, out: g.out, own: g.own, artifacts: g.artifacts })));
  const env = request.env ?? {};
  let outcomes;
  try {
    outcomes = await runPool({
      setup: {
        root: options.root,
        cwd,
        templates: templates.sources,
        partitions,
        kill: (request.step as { kill?: KillSwitch } | undefined)?.kill,
        crash: env["SHAPESMITH_TEST_WORKER_CRASH"],
      },
      jobs,
      size: Math.min(request.workers ?? 1, poolSize(jobs.length)),
      format,
      formatterOf: (out) => formatters.get(out),
      workOf: (out) => writes.get(out)?.work,
      ...(request.onModel !== undefined ? { onStart: request.onModel } : {}),
    });
  } catch (error) {
    abort();
    throw error;
  }
  const produced = new Map<string, Map<string, FileStatus["status"]>>(outs.map((out) => [out, new Map()]));
  const collided = new Set<string>();
  for (const outcome of outcomes) {
    append(diagnostics, outcome.diagnostics);
    const tree = produced.get(outcome.job.out)!;
    for (const { path, status } of outcome.files) {
      if (tree.has(path)) {
        if (!collided.has(outcome.job.out)) {
          collided.add(outcome.job.out);
          diagnostics.push({
            code: "OUTPUT_COLLISION",
            severity: "error",
            message: `Two models would both write \`${displayPath(cwd, resolve(outcome.job.out, path))}\``,
            hint: "Give one of them another output folder (perModel.<name>.out) or rename a model file.",
          });
        }
        continue;
      }
      tree.set(path, status);
    }
  }
  if (hasErrors(diagnostics)) {
    abort();
    return { diagnostics };
  }
  const folders: FolderResult[] = [];
  for (const out of outs) {
    const tree = produced.get(out)!;
    const pick = (status: FileStatus["status"]) => [...tree].filter(([, s]) => s === status).map(([p]) => p).sort();
    try {
      const exists = folderExists(out);
      const extra = exists ? listFiles(out).filter((p) => !tree.has(p)) : [];
      const comparison: TreeComparison = { stale: pick("stale"), missing: pick("missing"), extra, exists };
      const staged = writes.get(out);
      folders.push({ out, count: tree.size, comparison, leftovers: staged !== undefined ? [] : pendingLeftovers(out), ...(staged !== undefined ? { staged } : {}) });
    } catch (error) {
      abort();
      const failure = writeFailure(error, cwd, out);
      if (failure === undefined) throw error;
      return { diagnostics: [...diagnostics, failure] };
    }
  }
  return { diagnostics, folders };
}

function withFormatter(formatter: Formatter | undefined): { formatter?: Formatter } {
  return formatter !== undefined ? { formatter } : {};
}

/** Splits the models into core runs: by output folder and artifacts (the config's perModel). */
function planGroups<T extends { readonly name: string }>(
  options: Options,
  models: readonly T[],
  named: boolean,
  artifacts: readonly Artifact[] | undefined,
  diagnostics: Diagnostic[],
): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  const add = (out: string, arts: readonly Artifact[], input: T, own?: string) => {
    const key = JSON.stringify([out, arts, own ?? null]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { out, artifacts: arts, inputs: [], ...(own !== undefined ? { own } : {}) };
      groups.set(key, group);
    }
    group.inputs.push(input);
  };
  const names = new Set(models.map((m) => m.name));
  if (!named) {
    for (const [name, settings] of options.perModel) {
      if (names.has(name)) continue;
      const near = nearest(name, [...names]);
      diagnostics.push({
        code: "CONFIG_UNKNOWN_MODEL",
        severity: "error",
        message: `\`perModel\` names the model \`${name}\`, which the models folder does not hold`,
        ...(settings.at ?? {}),
        hint: `${near ? `Did you mean \`${near}\`? ` : ""}Models: ${[...names].join(", ") || "none"}.`,
      });
    }
  }
  for (const input of models) {
    const settings = named ? undefined : options.perModel.get(input.name);
    const arts = artifacts ?? settings?.artifacts ?? options.artifacts;
    if (settings?.out !== undefined) add(settings.out, arts, input, input.name);
    else add(options.out, arts, input);
  }
  const list = [...groups.values()];
  const outs = [...new Set(list.map((g) => g.out))];
  for (const a of outs) {
    for (const b of outs) {
      if (a !== b && contains(a, b)) {
        diagnostics.push({
          code: "OUT_OVERLAP",
          severity: "error",
          message: `The output folder \`${displayPath(options.root, b)}\` is inside the output folder \`${displayPath(options.root, a)}\``,
          hint: "Each output folder is replaced as a whole; give each model a folder of its own, outside the others.",
        });
      }
    }
  }
  return list;
}

/** The compiled templates, and their sources (for the workers, which compile their own). */
interface LoadedTemplates {
  readonly compiled: Templates;
  readonly sources: WorkerSetup["templates"];
}

function loadTemplatesFor(options: Options, diagnostics: Diagnostic[], cwd: string): LoadedTemplates | undefined {
  let userDir: string | undefined = options.templates;
  if (!existsSync(userDir)) {
    if (options.templatesExplicit) {
      diagnostics.push({
        code: "TEMPLATES_NOT_FOUND",
        severity: "error",
        message: `The templates folder \`${displayPath(cwd, options.templates)}\` named in the config does not exist`,
        ...(options.configFile !== undefined ? { file: options.configFile } : {}),
        hint: 'Create it, or remove "templates" from the config to use the built-in templates.',
      });
      return undefined;
    }
    userDir = undefined;
  }
  const warnings = new Diagnostics();
  try {
    const { sources, files, builtin } = readTemplateSources(userDir, warnings);
    append(diagnostics, warnings.items);
    return { compiled: compileTemplates(sources, files, builtin), sources: { sources, files } };
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    append(diagnostics, warnings.items);
    diagnostics.push(error.diagnostic);
    return undefined;
  }
}

function contains(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Why replacing the output folder would destroy something that is not generated, if it would. */
function unsafeOutReason(out: string, options: Options, modelFiles: readonly string[], cwd: string): string | undefined {
  if (parse(out).root === out) return "it is the root of the file system";
  if (contains(out, options.root)) return "it holds the project root";
  if (contains(out, cwd)) return "it holds the working directory";
  if (existsSync(options.models) && contains(out, options.models)) return "it holds the models folder";
  for (const absolute of modelFiles) {
    if (contains(out, absolute)) return `it holds the model file ${displayPath(cwd, absolute)}`;
  }
  if (options.templatesExplicit && contains(out, options.templates)) return "it holds the templates folder";
  for (const marker of [".git", "package.json", "node_modules"]) {
    if (existsSync(resolve(out, marker))) return `it holds ${marker}, so it looks like a project, not generated code`;
  }
  return undefined;
}

function makeLookup(ctx: InputContext, texts: ReadonlyMap<string, string>): SourceLookup {
  return (file) => {
    const absolute = resolve(ctx.root, file);
    const display = displayPath(ctx.cwd, absolute);
    let text = texts.get(file);
    if (text === undefined) {
      try {
        text = readFileSync(absolute, "utf8");
      } catch {
        text = undefined;
      }
    }
    return text === undefined ? { display } : { display, text };
  };
}

/**
 * Appends `items` to `target` one by one: a run's diagnostics can number in the hundreds of
 * thousands (one warning per schema of a huge document), past what `push(...items)` may spread
 * into one call (V8's argument limit is a RangeError).
 */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
