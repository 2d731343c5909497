// The programmatic API of the `shapesmith` package: the CLI's `generate` and `--check` as
// functions that return data. Files are written only when asked (`write: true`).
//
//   const { files, diagnostics, ok } = await generate({ models: ["models/weather.smithy"] });
//   → files: Map { "weather/types.ts" → "…", "weather/validators.ts" → "…", … }, diagnostics: [], ok: true
//   await generate({ models: ["models/weather.smithy"], out: "src/generated", write: true })
//   await check({ models: ["models/weather.smithy"], out: "src/generated" })
//   → { ok: false, upToDate: false, stale: ["weather/types.ts"], missing: [], extra: [], diagnostics: [] }
//
// This module only shapes the API: reading and writing go through generator/cli/project.ts, the
// runner the CLI uses, so the API and the CLI cannot disagree.

import type { Artifact } from "./artifacts.js";
import type { Diagnostic, Severity } from "./diagnostics.js";

export type { Artifact, Diagnostic, Severity };

/** A model given as text instead of a path. */
export interface ModelSource {
  /** The model's name: its output folder (`weather` → `weather/types.ts`). */
  readonly name: string;
  /** Its files; `path` is what diagnostics name (relative to `cwd`), `text` the content. */
  readonly files: readonly { readonly path: string; readonly text: string }[];
}

export interface GenerateOptions {
  /** Model files or folders (a folder is one model made of its files), relative to `cwd`, or models as text. */
  readonly models: readonly (string | ModelSource)[];
  /** The output folder, relative to `cwd` (default `generated`); it is replaced as a whole on `write`. */
  readonly out?: string;
  /** Format every file (default true). */
  readonly format?: boolean;
  /**
   * Which formatter (default "auto": prettier with the prettier config found for `out`, when
   * there is one, otherwise oxfmt in prettier's layout); "prettier" or "oxfmt" to choose.
   */
  readonly formatter?: "auto" | "oxfmt" | "prettier";
  /** The files to generate (default all): `types` always, and any of `serializers`, `deserializers`, `validators`, `redact`. */
  readonly artifacts?: readonly Artifact[];
  /** A folder of templates that replace the built-in ones file by file. */
  readonly templates?: string;
  /** A config file (shapesmith.config.json) to read `format`, `artifacts` and `templates` from; none by default. */
  readonly config?: string;
  /** Write the files into `out` (default false: only return them). */
  readonly write?: boolean;
  /** The folder paths are relative to (default `process.cwd()`). */
  readonly cwd?: string;
}

export interface GenerateResult {
  /** No error among the diagnostics. When false, `files` is empty and nothing was written. */
  readonly ok: boolean;
  /** Output path (relative to `out`, `/`-separated, e.g. `weather/types.ts`) → content. */
  readonly files: ReadonlyMap<string, string>;
  /** Errors, warnings and notes; `file` as given (relative to `cwd`). */
  readonly diagnostics: readonly Diagnostic[];
  /** Whether files were written (`write: true`, no errors, and something differed). */
  readonly written: boolean;
}

export interface CheckResult {
  /** No error and the output folder holds exactly what would be generated. */
  readonly ok: boolean;
  readonly upToDate: boolean;
  /** Files whose content differs, files not on disk, files no longer generated (relative to `out`). */
  readonly stale: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Generates the models; returns the files and the diagnostics, and writes them only with `write: true`. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { run, cwd, write } = await project(options, options.write === true);
  if (!run.ok) return { ok: false, files: new Map(), diagnostics: run.diagnostics, written: false };
  const files = run.folders[0]?.files ?? new Map<string, string>();
  if (!write) return { ok: true, files, diagnostics: run.diagnostics, written: false };
  const failures = write(run, cwd);
  const diagnostics = [...run.diagnostics, ...failures];
  const ok = !failures.some((d) => d.severity === "error");
  const changed = run.folders.some((f) => f.comparison.stale.length + f.comparison.missing.length + f.comparison.extra.length > 0);
  return { ok, files: ok ? files : new Map(), diagnostics, written: ok && changed };
}

/** What `shapesmith generate --check` does: compares `out` with what would be generated; writes nothing. */
export async function check(options: Omit<GenerateOptions, "write">): Promise<CheckResult> {
  const { run } = await project(options, false);
  const folder = run.folders[0];
  if (!run.ok || folder === undefined) {
    return { ok: false, upToDate: false, stale: [], missing: [], extra: [], diagnostics: run.diagnostics };
  }
  const { stale, missing, extra } = folder.comparison;
  const upToDate = stale.length === 0 && missing.length === 0 && extra.length === 0 && folder.leftovers.length === 0;
  return { ok: upToDate, upToDate, stale, missing, extra, diagnostics: run.diagnostics };
}

async function project(options: GenerateOptions, willWrite: boolean) {
  const { runProject, writeProject } = await import("./cli/project.js");
  const cwd = options.cwd ?? (await import("./cli/io.js")).processCwd();
  const paths = options.models.filter((m): m is string => typeof m === "string");
  const sources = options.models.filter((m): m is ModelSource => typeof m !== "string");
  const run = await runProject({
    cwd,
    models: paths,
    sources,
    config: options.config,
    readConfig: false,
    out: options.out ?? "generated",
    format: options.format !== false,
    formatter: options.formatter,
    artifacts: options.artifacts,
    templates: options.templates,
    recover: willWrite,
  });
  return { run, cwd, write: willWrite ? writeProject : undefined };
}
