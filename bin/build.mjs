#!/usr/bin/env node
// Builds dist/, what the published package runs: the generator and the CLI bundled by esbuild
// (every dependency inside but the formatters, prettier and oxfmt), the built-in templates, the config's JSON Schema and,
// with --types, the .d.ts of the API (`shapesmith`) and of the CLI (`shapesmith/cli`).
// `npm ci` runs it without --types (the `prepare` script: the repo's CLI starts from the bundle);
// `npm pack` / `npm publish` with --types (`prepack`).
//
//   node bin/build.mjs --types
//   → dist/index.js (API), dist/cli.js (CLI), dist/worker.js (the CLI's worker threads), dist/chunk-*.js (shared), dist/templates/*.hbs,
//     dist/config.schema.json, dist/types/api.d.ts, dist/types/cli/main.d.ts, ...
//
// Bundling the small dependencies (handlebars, yaml, jsonc-parser, htmlparser2, @babel/code-frame)
// into a few minified files makes a cold start several times cheaper than resolving and compiling
// hundreds of their modules; prettier (large, with plugins loaded on use) and oxfmt (native code,
// its binary in a per-platform package) stay dependencies.

import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const withTypes = process.argv.includes("--types");

// `npm pack` runs prepack (--types) and then prepare (without): keep the types it just made.
for (const entry of existsSync(dist) ? readdirSync(dist) : []) {
  if (withTypes || entry !== "types") rmSync(join(dist, entry), { recursive: true, force: true });
}
await build({
  // worker: the threads of the CLI's pool (generator/cli/pool.ts loads it beside its chunk).
  entryPoints: { index: join(root, "generator/api.ts"), cli: join(root, "generator/cli/main.ts"), worker: join(root, "generator/cli/worker.ts") },
  outdir: dist,
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  mainFields: ["module", "main"],
  external: ["prettier", "prettier/*", "oxfmt"],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "eof",
  // Bundled CommonJS dependencies call require() for Node's own modules.
  banner: { js: 'import { createRequire as __shapesmithRequire } from "node:module"; const require = __shapesmithRequire(import.meta.url);' },
  logLevel: "warning",
});

mkdirSync(join(dist, "templates"));
for (const file of readdirSync(join(root, "templates"))) {
  if (file.endsWith(".hbs")) copyFileSync(join(root, "templates", file), join(dist, "templates", file));
}
copyFileSync(join(root, "generator/config.schema.json"), join(dist, "config.schema.json"));

if (withTypes) {
  const ts = (await import("typescript")).default;
  const entries = ["generator/api.ts", "generator/cli/main.ts"].map((f) => join(root, f));
  const program = ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    declaration: true,
    emitDeclarationOnly: true,
    types: ["node"],
    rootDir: join(root, "generator"),
    outDir: join(dist, "types"),
  });
  const emitted = new Map();
  const result = program.emit(undefined, (file, text) => emitted.set(file, text), undefined, true);
  const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" }));
  }
  // Ship only the declarations the two entry points reach.
  const wanted = [join(dist, "types/api.d.ts"), join(dist, "types/cli/main.d.ts")];
  const shipped = new Set();
  while (wanted.length > 0) {
    const file = wanted.pop();
    if (shipped.has(file)) continue;
    const text = emitted.get(file);
    if (text === undefined) throw new Error(`no declaration emitted for ${relative(root, file)}`);
    shipped.add(file);
    for (const [, spec] of text.matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)) wanted.push(posix.join(dirname(file), `${spec}.d.ts`));
    for (const [, spec] of text.matchAll(/import\("(\.{1,2}\/[^"]+)\.js"\)/g)) wanted.push(posix.join(dirname(file), `${spec}.d.ts`));
  }
  for (const file of shipped) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, emitted.get(file));
  }
}
