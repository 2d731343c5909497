#!/usr/bin/env node
// Launcher of the Shapesmith CLI (generator/cli/main.ts).
//
//   node bin/shapesmith.js generate --check → exit code of main(["generate", "--check"])
//
// Runs the bundle dist/cli.js (bin/build.mjs). In the published package that is all there is.
// In the repository (generator/ exists) the bundle is used only while it is newer than every
// file under generator/ and templates/; otherwise the TypeScript sources run through tsx (a
// devDependency), so an edited source is never shadowed by a stale bundle.

import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = join(root, "dist", "cli.js");
const sources = join(root, "generator");

function newest(dir) {
  let found = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    if (mtime > found) found = mtime;
  }
  return found;
}

function useBundle() {
  if (!existsSync(sources)) return true;
  try {
    const built = statSync(bundle).mtimeMs;
    return built >= newest(sources) && built >= newest(join(root, "templates"));
  } catch {
    return false;
  }
}

let main;
try {
  if (useBundle()) {
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
