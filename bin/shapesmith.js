#!/usr/bin/env node
// Launcher of the Shapesmith CLI (generator/cli/main.ts).
//
//   node bin/shapesmith.js generate --check → exit code of main(["generate", "--check"])
//
// Runs the esbuild bundle dist/shapesmith.mjs (made by `npm ci` through the `prepare` script)
// when it is newer than every file under generator/; otherwise the TypeScript sources through
// tsx, so an edited source is never shadowed by a stale bundle.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = join(root, "dist", "shapesmith.mjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= newestSource(join(root, "generator"));
  } catch {
    return false;
  }
}

let main;
try {
  if (bundleIsFresh()) {
    ({ main } = await import(bundle));
  } else {
    const { register } = await import("tsx/esm/api");
    register({ tsconfig: join(root, "tsconfig.json") });
    ({ main } = await import("../generator/cli/main.ts"));
  }
} catch (error) {
  process.stderr.write(`internal error: the Shapesmith CLI failed to load.\n${error?.stack ?? error}\n`);
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
