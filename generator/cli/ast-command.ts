// `shapesmith ast FILE...`: loads the files together and prints the model as Smithy 2.0 JSON AST.
// The work is `runAst` in ./ast.ts; this module reads the files, calls it, and prints.
//
//   shapesmith ast models/weather.smithy → {"smithy":"2.0","shapes":{...}} on stdout, exit 0
//   shapesmith ast broken.smithy         → diagnostics on stderr, exit 1

import type { Diagnostic } from "../diagnostics.js";
import type { SourceFile } from "../frontends.js";
import { readSourceFiles } from "./inputs.js";
import { formatDiagnostics } from "./print.js";
import { displayPath } from "../options.js";
import { resolve } from "node:path";
import type { Io } from "./io.js";

/** What `runAst` returns: the JSON AST text to print, and the diagnostics found. */
export interface AstResult {
  readonly stdout: string;
  readonly diagnostics: readonly Diagnostic[];
}

type RunAst = (files: readonly SourceFile[]) => AstResult | Promise<AstResult>;

export async function runAstCommand(paths: readonly string[], verbose: boolean, io: Io): Promise<number> {
  const ctx = { root: io.cwd, cwd: io.cwd };
  const texts = new Map<string, string>();
  const lookup = (file: string) => {
    const text = texts.get(file);
    const display = displayPath(io.cwd, resolve(io.cwd, file));
    return text === undefined ? { display } : { display, text };
  };
  if (paths.length === 0) {
    io.stderr(
      formatDiagnostics(
        [{ code: "CLI_MISSING_ARGUMENT", severity: "error", message: "`shapesmith ast` needs at least one file", hint: "For example: shapesmith ast models/weather.smithy" }],
        lookup,
        verbose,
      ),
    );
    return 1;
  }
  const read = readSourceFiles(paths, ctx);
  for (const [path, { text }] of read.sources) texts.set(path, text);
  if (read.diagnostics.some((d) => d.severity === "error")) {
    io.stderr(formatDiagnostics(read.diagnostics, lookup, verbose));
    return 1;
  }
  const runAst = await importRunAst();
  if (runAst === undefined) {
    io.stderr(
      formatDiagnostics(
        [
          {
            code: "AST_UNAVAILABLE",
            severity: "error",
            message: "`shapesmith ast` is not available in this build: generator/cli/ast.ts is missing",
            hint: "It arrives with the Smithy IDL front end; use `shapesmith generate` meanwhile.",
          },
        ],
        lookup,
        verbose,
      ),
    );
    return 1;
  }
  const result = await runAst(read.inputs.flatMap((i) => i.files));
  const diagnostics = [...read.diagnostics, ...result.diagnostics];
  const report = formatDiagnostics(diagnostics, lookup, verbose);
  if (diagnostics.some((d) => d.severity === "error")) {
    io.stderr(report);
    return 1;
  }
  if (report) io.stderr(report);
  io.stdout(result.stdout.endsWith("\n") ? result.stdout : result.stdout + "\n");
  return 0;
}

/** Imports ./ast.ts lazily; undefined when the module does not exist (yet). */
async function importRunAst(): Promise<RunAst | undefined> {
  // A computed specifier: the type checker must not require the module to exist.
  const specifier = ["./ast", "js"].join(".");
  let mod: { runAst?: unknown };
  try {
    mod = (await import(specifier)) as { runAst?: unknown };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "ERR_MODULE_NOT_FOUND" && /cli[\\/]ast\.(js|ts)/.test(e.message)) return undefined;
    throw error;
  }
  if (typeof mod.runAst !== "function") throw new Error("generator/cli/ast.ts does not export a function `runAst`");
  return mod.runAst as RunAst;
}
