// `shapesmith generate [MODEL_FILE...] [--config F] [--out DIR] [--check]`: reads the models, runs
// the pure core, and either compares its tree with the output folder (`--check`) or replaces the
// folder with it through the journal protocol of output.ts (a run first repairs what an
// interrupted run left). Nothing is written when any error diagnostic exists.
//
//   generate                  → every model under models/ into generated/ (or what the config names)
//   generate a.json --out x   → the model a.json into x/
//   generate --check          → exit 1 listing stale, missing and extra files; writes nothing

import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, parse, relative, resolve } from "node:path";
import { DiagnosticError, Diagnostics, type Diagnostic } from "../diagnostics.js";
import { displayPath, resolveOptions, type Options } from "../options.js";
import { compileTemplates, type Templates } from "../templates.js";
import { readTemplateSources } from "./templates.js";
import { discoverModels, diskHost, modelsFromArguments, type InputContext, type ReadResult } from "./inputs.js";
import { compareTree, isUpToDate, pendingLeftovers, recoverOutput, replaceTree, stepHookFromEnv, type ReplaceResult, type TreeComparison } from "./output.js";
import { leftoversDiagnostic, recoveryDiagnostics, writeFailure } from "./output-report.js";
import { printable } from "../printable.js";
import { formatDiagnostics, type SourceLookup } from "./print.js";
import type { Io } from "./io.js";

export interface GenerateFlags {
  readonly models: readonly string[];
  readonly config?: string | undefined;
  readonly out?: string | undefined;
  readonly check: boolean;
  readonly verbose: boolean;
  /** Run prettier over every file (false only for benchmarks). */
  readonly format?: boolean;
}

export async function runGenerate(flags: GenerateFlags, io: Io): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveOptions({ cwd: io.cwd, config: flags.config, out: flags.out });
  const { options } = resolved;
  const ctx: InputContext = { root: options.root, cwd: io.cwd };
  const texts = new Map<string, string>(resolved.sources);
  const lookup = makeLookup(ctx, texts);
  const fail = (more: readonly Diagnostic[] = []): number => {
    io.stderr(formatDiagnostics([...diagnostics, ...more], lookup, flags.verbose));
    return 1;
  };

  diagnostics.push(...resolved.diagnostics);
  if (hasErrors(diagnostics)) return fail();

  if (flags.models.length > 0 && flags.out === undefined) {
    return fail([
      {
        code: "CLI_OUT_REQUIRED",
        severity: "error",
        message: "Model files named on the command line need --out",
        hint: `The output folder is replaced as a whole; to regenerate every model run \`shapesmith generate\` alone, or add e.g. \`--out ${displayPath(io.cwd, options.out)}\`.`,
      },
    ]);
  }

  // A run that may write first repairs what an interrupted earlier run left (output.ts), even
  // when this run then fails on its input: leftovers never outlive the next run.
  const step = stepHookFromEnv(process.env);
  if (!flags.check) {
    try {
      diagnostics.push(...recoveryDiagnostics(recoverOutput(options.out, { step }), io.cwd, options.out));
    } catch (error) {
      const failure = writeFailure(error, io.cwd, options.out);
      if (failure === undefined) throw error;
      return fail([failure]);
    }
  }

  const read: ReadResult = flags.models.length > 0 ? modelsFromArguments(flags.models, ctx) : discoverModels(options.models, ctx);
  diagnostics.push(...read.diagnostics);
  for (const [path, { text }] of read.sources) texts.set(path, text);

  const templates = loadTemplatesFor(options, diagnostics, io.cwd);
  const unsafe = unsafeOutReason(options, read, io.cwd);
  if (unsafe !== undefined) {
    diagnostics.push({
      code: "OUT_UNSAFE",
      severity: "error",
      message: `Refusing to replace \`${displayPath(io.cwd, options.out)}\`: ${unsafe}`,
      hint: "The output folder is deleted and rewritten on every run; choose a folder that holds only generated files, e.g. --out generated.",
    });
  }
  if (hasErrors(diagnostics) || templates === undefined) return fail();

  const { generate } = await import("../core.js");
  const host = diskHost(ctx, read.sources);
  const result = await generate(read.inputs, host, { templates, format: flags.format !== false && options.format });
  for (const [path, { text }] of read.sources) texts.set(path, text);
  diagnostics.push(...result.diagnostics);
  if (hasErrors(diagnostics)) return fail();
  const notes = formatDiagnostics(diagnostics, lookup, flags.verbose);
  if (notes) io.stderr(notes);

  const outShown = displayPath(io.cwd, options.out) + "/";
  if (flags.check) {
    let comparison: TreeComparison;
    try {
      comparison = compareTree(options.out, result.files);
    } catch (error) {
      const failure = writeFailure(error, io.cwd, options.out);
      if (failure === undefined) throw error;
      return fail([failure]);
    }
    const leftovers = pendingLeftovers(options.out);
    if (leftovers.length > 0) io.stderr(formatDiagnostics([leftoversDiagnostic(leftovers, io.cwd, options.out)], lookup, flags.verbose));
    if (isUpToDate(comparison) && leftovers.length === 0) {
      io.stdout(`${outShown} is up to date (${count(result.files.size, "file")}).\n`);
      return 0;
    }
    if (!isUpToDate(comparison)) io.stdout(describeDifferences(outShown, comparison));
    return 1;
  }

  let written: ReplaceResult;
  try {
    written = replaceTree(options.out, result.files, { step });
  } catch (error) {
    const failure = writeFailure(error, io.cwd, options.out);
    if (failure === undefined) throw error;
    return fail([failure]);
  }
  const recovered = recoveryDiagnostics(written.recovery, io.cwd, options.out);
  if (recovered.length > 0) io.stderr(formatDiagnostics(recovered, lookup, flags.verbose));
  const comparison = written.comparison;
  if (isUpToDate(comparison)) {
    io.stdout(`${outShown} is up to date (${count(result.files.size, "file")}); nothing written.\n`);
    return 0;
  }
  const changes = [
    comparison.stale.length > 0 ? `${comparison.stale.length} changed` : "",
    comparison.missing.length > 0 ? `${comparison.missing.length} new` : "",
    comparison.extra.length > 0 ? `${comparison.extra.length} removed` : "",
  ].filter(Boolean);
  io.stdout(`Wrote ${outShown}: ${count(result.files.size, "file")} (${changes.join(", ")}).\n`);
  return 0;
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

function loadTemplatesFor(options: Options, diagnostics: Diagnostic[], cwd: string): Templates | undefined {
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
    const { sources, files } = readTemplateSources(userDir, warnings);
    diagnostics.push(...warnings.items);
    return compileTemplates(sources, files);
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    diagnostics.push(...warnings.items, error.diagnostic);
    return undefined;
  }
}

/** Why replacing the output folder would destroy something that is not generated, if it would. */
function unsafeOutReason(options: Options, read: ReadResult, cwd: string): string | undefined {
  const out = options.out;
  const contains = (folder: string, path: string) => {
    const rel = relative(folder, path);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  };
  if (parse(out).root === out) return "it is the root of the file system";
  if (contains(out, options.root)) return "it holds the project root";
  if (contains(out, cwd)) return "it holds the working directory";
  if (existsSync(options.models) && contains(out, options.models)) return "it holds the models folder";
  for (const { absolute } of read.sources.values()) {
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

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
