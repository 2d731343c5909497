#!/usr/bin/env node
// Bundles the CLI (generator/, TypeScript) into dist/shapesmith.mjs with esbuild, so a run does
// not pay for compiling TypeScript on the fly. Runs on `npm ci` / `npm install` (the `prepare`
// script); bin/shapesmith.js uses the bundle only while it is newer than every source file.
//
//   node bin/build.mjs → dist/shapesmith.mjs (dependencies stay external: node_modules)

import { build } from "esbuild";

await build({
  entryPoints: [new URL("../generator/cli/main.ts", import.meta.url).pathname],
  outfile: new URL("../dist/shapesmith.mjs", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
