// `shapesmith generate [MODEL_FILE...] [--config F] [--out DIR] [--check]`: runs the project
// (generator/cli/project.ts) and either compares each output folder with its new tree (`--check`)
// or updates the folders that differ through the journal protocol of output.ts (a run first
// repairs what an interrupted run left). Nothing is written when any error exists.
//
//   generate                  → every model under models/ into generated/ (or what the config names)
//   generate a.json --out x   → the model a.json into x/
//   generate --check          → exit 1 listing stale, missing and extra files; writes nothing

import { availableParallelism } from "node:os";
import type { Diagnostic } from "../diagnostics.js";
import { displayPath, type FormatterChoice } from "../options.js";
import type { Io } from "./io.js";
import type { GenerationCache } from "../cache.js";
import { isUpToDate, stepHookFromEnv, type TreeComparison } from "./output.js";
import { leftoversDiagnostic } from "./output-report.js";
import { printable } from "../printable.js";
import { runProject, writeProject, type FolderResult, type ProjectRun } from "./project.js";
import { reporter, type Reporter } from "./reporter.js";

export interface GenerateFlags {
  readonly models: readonly string[];
  readonly config?: string | undefined;
  readonly out?: string | undefined;
  readonly check: boolean;
  readonly verbose: boolean;
  /** Format every file (false: `--no-format`, the printers' own layout). */
  readonly format?: boolean;
  /** `--formatter auto|oxfmt|prettier` (default: the config's `formatter`). */
  readonly formatter?: FormatterChoice | undefined;
  readonly quiet?: boolean;
  /** `--reporter json`. */
  readonly json?: boolean;
}

export async function runGenerate(flags: GenerateFlags, io: Io): Promise<number> {
  const report = reporter({ quiet: flags.quiet === true, json: flags.json === true, verbose: flags.verbose }, io);
  const outcome = await generateOnce(flags, io, report);
  for (const line of outcome.lines) report.result(line + "\n");
  return outcome.code;
}

/** What one run did: its exit code, result lines, and the run (for `--watch`). */
export interface GenerateOutcome {
  readonly code: 0 | 1 | 2;
  readonly lines: readonly string[];
  readonly run: ProjectRun;
  /** Files written, changed or removed. */
  readonly changed: number;
}

/** One run: diagnostics are reported as they come; result lines are returned to the caller. */
export async function generateOnce(flags: GenerateFlags, io: Io, report: Reporter, cache?: GenerationCache): Promise<GenerateOutcome> {
  const step = stepHookFromEnv((io.env ?? {}) as NodeJS.ProcessEnv);
  const run = await runProject({
    recover: !flags.check,
    step,
    cwd: io.cwd,
    models: flags.models,
    config: flags.config,
    out: flags.out,
    format: flags.format !== false,
    formatter: flags.formatter,
    onModel: (i, n, name) => report.progress(i, n, name),
    cache,
    // Two or more models: a worker per core (pool.ts); a --watch run (cache) stays on this thread.
    workers: cache === undefined ? availableParallelism() : 0,
    env: io.env,
  });
  report.endProgress();
  report.diagnostics(run.diagnostics, run.lookup);
  // A crash of a worker is a bug in Shapesmith: exit code 2, as main.ts's internal errors.
  if (!run.ok) return { code: run.diagnostics.some((d) => d.code === "INTERNAL_WORKER_CRASH") ? 2 : 1, lines: [], run, changed: 0 };
  const shown = (folder: FolderResult) => displayPath(io.cwd, folder.out) + "/";
  const lines: string[] = [];
  if (flags.check) {
    const leftovers = run.folders.filter((f) => f.leftovers.length > 0);
    report.diagnostics(leftovers.map((f) => leftoversDiagnostic(f.leftovers, io.cwd, f.out)), run.lookup);
    const stale = run.folders.filter((f) => !isUpToDate(f.comparison));
    for (const folder of run.folders) {
      if (isUpToDate(folder.comparison) && folder.leftovers.length === 0) lines.push(`${shown(folder)} is up to date (${count(folder.count, "file")}).`);
    }
    if (flags.json === true) report.diagnostics(stale.flatMap((f) => driftDiagnostics(f, io.cwd)), run.lookup);
    for (const folder of stale) lines.push(describeDifferences(shown(folder), folder.comparison).trimEnd());
    return { code: stale.length > 0 || leftovers.length > 0 ? 1 : 0, lines, run, changed: 0 };
  }
  const written: Diagnostic[] = writeProject(run, io.cwd, step);
  report.diagnostics(written, run.lookup);
  if (written.some((d) => d.severity === "error")) return { code: 1, lines: [], run, changed: 0 };
  let changed = 0;
  for (const folder of run.folders) {
    const c = folder.comparison;
    if (isUpToDate(c)) {
      lines.push(`${shown(folder)} is up to date (${count(folder.count, "file")}); nothing written.`);
      continue;
    }
    changed += c.stale.length + c.missing.length + c.extra.length;
    const changes = [
      c.stale.length > 0 ? `${c.stale.length} changed` : "",
      c.missing.length > 0 ? `${c.missing.length} new` : "",
      c.extra.length > 0 ? `${c.extra.length} removed` : "",
    ].filter(Boolean);
    lines.push(`Wrote ${shown(folder)}: ${count(folder.count, "file")} (${changes.join(", ")}).`);
  }
  return { code: 0, lines, run, changed };
}

/** The `--check` report: one line per stale, missing or extra file. */
export function describeDifferences(outShown: string, c: TreeComparison): string {
  const lines = [
    `${outShown} is out of date: ${[
      c.stale.length > 0 ? `${c.stale.length} stale` : "",
      c.missing.length > 0 ? `${c.missing.length} missing` : "",
      c.extra.length > 0 ? `${c.extra.length} extra` : "",
    ]
      .filter(Boolean)
      .join(", ")}${c.exists ? "" : ` (${outShown} does not exist)`}`,
  ];
  for (const path of c.stale) lines.push(`  stale    ${outShown}${printable(path)}`);
  for (const path of c.missing) lines.push(`  missing  ${outShown}${printable(path)}`);
  for (const path of c.extra) lines.push(`  extra    ${outShown}${printable(path)}`);
  lines.push("hint: run the same command without --check to regenerate it.");
  return lines.join("\n") + "\n";
}

/** `--check --reporter json`: each differing file as an error diagnostic (for CI annotations). */
function driftDiagnostics(folder: FolderResult, cwd: string): Diagnostic[] {
  const at = (path: string) => displayPath(cwd, `${folder.out}/${path}`);
  const hint = "Run `shapesmith generate` and commit the result.";
  return [
    ...folder.comparison.stale.map((p): Diagnostic => ({ code: "CHECK_STALE", severity: "error", message: "The generated file is stale", file: at(p), hint })),
    ...folder.comparison.missing.map((p): Diagnostic => ({ code: "CHECK_MISSING", severity: "error", message: "The generated file is missing", file: at(p), hint })),
    ...folder.comparison.extra.map((p): Diagnostic => ({ code: "CHECK_EXTRA", severity: "error", message: "The file is no longer generated", file: at(p), hint })),
  ];
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
