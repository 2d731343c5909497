// `shapesmith ast FILE...`: loads the files together and prints the model as Smithy 2.0 JSON AST.
// The work is `runAst` in ./ast.ts; this module reads the files, calls it, and prints.
//
//   shapesmith ast models/weather.smithy → {"smithy":"2.0","shapes":{...}} on stdout, exit 0
//   shapesmith ast broken.smithy         → diagnostics on stderr, exit 1

import { readSourceFiles } from "./inputs.js";
import { formatDiagnostics } from "./print.js";
import { displayPath } from "../options.js";
import { resolve } from "node:path";
import type { Io } from "./io.js";

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
  const { runAst } = await import("./ast.js");
  const result = runAst(read.inputs.flatMap((i) => i.files));
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
