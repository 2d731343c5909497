// One strict type-check of a generated folder, in a fresh process, with tsc's own program and
// checker (the TypeScript API, as `tsc --noEmit` runs them), reporting what bench/tsc.ts compares:
// CPU time (process.cpuUsage: steadier than wall time on a shared machine) of the parse, the bind
// and the check, the check's CPU time per file (files checked in the program's order, each by
// `getSemanticDiagnostics(file)`: a type a file is the first to need is resolved in its time), and
// tsc's counters (types, instantiations, symbols) with the number of expression nodes in each file.
//
//   node --import tsx bench/tsc-check.ts .tmp/out-now/cognito-identity-provider index.ts
//     → {"parse":0.41,"bind":0.09,"check":1.52,"checkWall":1.55,"types":9607,"instantiations":3719,"symbols":25033,
//        "errors":0,"files":{"lib":{"check":0.21,"expressions":0},"types.ts":{"check":0.35,"expressions":1204},…}}
//
// The roots (relative to the folder) are the files the program starts from; their imports come
// with them, so `index.ts` checks the folder's whole import closure. Compiler options: the
// folder's tsconfig.json (bench/tsc.ts writes the strict one of test/helpers/typecheck.ts).

import { cpuUsage } from "node:process";
import { basename, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import ts from "typescript";

export interface FileCost {
  /** CPU seconds of `getSemanticDiagnostics(file)`. */
  readonly check: number;
  /** Expression nodes in the file (`ts.isExpressionNode`): what a checker walks in function bodies. */
  readonly expressions: number;
}

export interface CheckCost {
  readonly parse: number;
  readonly bind: number;
  readonly check: number;
  readonly checkWall: number;
  readonly types: number;
  readonly instantiations: number;
  readonly symbols: number;
  readonly errors: number;
  /** By file name; `lib` sums the default library files. */
  readonly files: Readonly<Record<string, FileCost>>;
}

const seconds = (since: NodeJS.CpuUsage) => {
  const used = cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

function countExpressions(file: ts.SourceFile): number {
  let count = 0;
  const visit = (node: ts.Node): void => {
    if ((ts as unknown as { isExpressionNode(n: ts.Node): boolean }).isExpressionNode(node)) count++;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return count;
}

export function checkCost(dir: string, roots: readonly string[]): CheckCost {
  const config = ts.readConfigFile(join(dir, "tsconfig.json"), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  let since = cpuUsage();
  const program = ts.createProgram(roots.map((r) => resolve(dir, r)), parsed.options);
  const parse = seconds(since);
  since = cpuUsage();
  const checker = program.getTypeChecker();
  const bind = seconds(since);
  const files: Record<string, { check: number; expressions: number }> = {};
  let errors = program.getOptionsDiagnostics().length + program.getGlobalDiagnostics().length;
  const wall = performance.now();
  const start = cpuUsage();
  for (const file of program.getSourceFiles()) {
    const name = program.isSourceFileDefaultLibrary(file) ? "lib" : basename(file.fileName);
    since = cpuUsage();
    errors += program.getSemanticDiagnostics(file).length + program.getSyntacticDiagnostics(file).length;
    const entry = (files[name] ??= { check: 0, expressions: 0 });
    entry.check += seconds(since);
  }
  const check = seconds(start);
  const checkWall = (performance.now() - wall) / 1000;
  for (const file of program.getSourceFiles()) {
    if (!program.isSourceFileDefaultLibrary(file)) files[basename(file.fileName)]!.expressions += countExpressions(file);
  }
  return {
    parse,
    bind,
    check,
    checkWall,
    types: program.getTypeCount(),
    instantiations: program.getInstantiationCount(),
    symbols: program.getSymbolCount(),
    errors,
    files,
  };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [dir, ...roots] = process.argv.slice(2);
  if (dir === undefined || roots.length === 0) throw new Error("usage: tsc-check.ts DIR ROOT...");
  process.stdout.write(JSON.stringify(checkCost(resolve(dir), roots)) + "\n");
}
