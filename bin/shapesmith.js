#!/usr/bin/env node
// Launcher: runs the TypeScript CLI (generator/cli/main.ts) through tsx's loader, no build step.
//
//   node bin/shapesmith.js generate --check → exit code of main(["generate", "--check"])

import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });

let main;
try {
  ({ main } = await import("../generator/cli/main.ts"));
} catch (error) {
  process.stderr.write(`internal error: the Shapesmith CLI failed to load.\n${error?.stack ?? error}\n`);
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
