// A deterministic measure of type-check cost: the number of calls of tsc's checker functions that
// a strict check of a generated folder makes, per file. CPU time on a shared 2-core machine moves
// by ±20% from run to run; this count does not move at all, so two outputs can be compared at any
// load. It is a proxy: every function of the checker counts 1, cheap or not, so a file can cost more
// CPU per call than another (on the real Cognito output, deserializers.ts makes about as many calls
// as validators.ts but takes 1.7× its CPU): confirm a change that matters with bench/tsc-check.ts.
//
//   node --import tsx bench/checker-calls.ts .tmp/cognito/cognito-identity-provider index.ts
//     → {"total":7143282,"errors":0,"files":{"bind":3949,"lib":636714,…,"deserializers.ts":1440828,
//        "validators.ts":1458473,…}}
//
// How: the checker of the installed `typescript` (lib/typescript.js, one bundled file whose
// `// src/compiler/checker.ts` section holds every checker function) is copied to the system's
// temporary folder with `__checkerCalls.n++;` put at the start of each function body of that
// section, and loaded from there. Files are checked in the program's order, each by
// `getSemanticDiagnostics(file)`, so a type is counted in the first file that needs it (as in
// bench/tsc-check.ts). Compiler options: the folder's tsconfig.json, or the strict options of
// test/helpers/typecheck.ts when there is none (the generated folders carry none).

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type ts from "typescript";
import { STRICT_OPTIONS } from "../test/helpers/typecheck.js";

const require = createRequire(import.meta.url);

interface Counter {
  n: number;
}

/** The instrumented typescript module and its counter. */
function instrumentedTypeScript(): { ts: typeof ts; counter: Counter } {
  const source = require.resolve("typescript/lib/typescript.js");
  const text = readFileSync(source, "utf8");
  const start = text.indexOf("\n// src/compiler/checker.ts\n");
  const end = text.indexOf("\n// src/compiler/", start + 10);
  if (start < 0 || end < 0) throw new Error("typescript.js has no checker.ts section to instrument");
  const section = text
    .slice(start, end)
    .replace(/\bfunction(\s*\*?\s*[\w$]*)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*\{/g, (all) => `${all}__checkerCalls.n++;`);
  const patched = `__filename = ${JSON.stringify(source)}; __dirname = ${JSON.stringify(dirname(source))};\nglobalThis.__checkerCalls ??= { n: 0 };\n${text.slice(0, start)}${section}${text.slice(end)}`;
  const hash = createHash("sha256").update(patched).digest("hex").slice(0, 16);
  const dir = join(tmpdir(), "shapesmith-checker-calls");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `typescript-${hash}.cjs`);
  if (!existsSync(file)) writeFileSync(file, patched);
  const loaded = require(file) as typeof ts;
  return { ts: loaded, counter: (globalThis as unknown as { __checkerCalls: Counter }).__checkerCalls };
}


export interface CheckerCalls {
  readonly total: number;
  readonly errors: number;
  /** By file name; `lib` sums the default library files. */
  readonly files: Readonly<Record<string, number>>;
}

export function checkerCalls(dir: string, roots: readonly string[]): CheckerCalls {
  const { ts: tsx, counter } = instrumentedTypeScript();
  const configFile = join(dir, "tsconfig.json");
  let options: ts.CompilerOptions;
  if (existsSync(configFile)) {
    const config = tsx.readConfigFile(configFile, tsx.sys.readFile);
    options = tsx.parseJsonConfigFileContent(config.config, tsx.sys, dir).options;
  } else {
    options = { ...STRICT_OPTIONS, lib: [...STRICT_OPTIONS.lib], types: [] } as ts.CompilerOptions;
  }
  const program = tsx.createProgram(roots.map((r) => resolve(dir, r)), options);
  counter.n = 0;
  program.getTypeChecker();
  const files: Record<string, number> = { bind: counter.n };
  let errors = 0;
  for (const file of program.getSourceFiles()) {
    const name = program.isSourceFileDefaultLibrary(file) ? "lib" : basename(file.fileName);
    const before = counter.n;
    errors += program.getSemanticDiagnostics(file).length;
    files[name] = (files[name] ?? 0) + counter.n - before;
  }
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  return { total, errors, files };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [dir, ...roots] = process.argv.slice(2);
  if (dir === undefined || roots.length === 0) throw new Error("usage: checker-calls.ts DIR ROOT...");
  process.stdout.write(JSON.stringify(checkerCalls(resolve(dir), roots)) + "\n");
}
