#!/usr/bin/env node
// `npm run playground`: builds the playground, a static page, into .tmp/playground/: the pure core
// (generator/core.ts, no Node) and CodeMirror bundled for the browser by esbuild
// (generator/playground/main.ts → playground.js, one classic script, so the page also works
// opened as a file), the built-in templates and our two Cognito models injected as text.
//
//   node bin/playground.mjs [OUTDIR] → .tmp/playground/index.html, .tmp/playground/playground.js
//   (open index.html in a browser; the Cognito model is preloaded)

import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Builds the page into `outdir` and returns the path of its index.html. */
export async function buildPlayground(outdir = join(root, ".tmp", "playground")) {
  mkdirSync(outdir, { recursive: true });
  const templates = Object.fromEntries(
    readdirSync(join(root, "templates"))
      .filter((f) => f.endsWith(".hbs"))
      .sort()
      .map((f) => [f, readFileSync(join(root, "templates", f), "utf8")]),
  );
  const models = Object.fromEntries(
    ["cognito-identity-provider.smithy", "cognito-identity-provider.openapi.yaml"].map((f) => [f, readFileSync(join(root, "models", f), "utf8")]),
  );
  await build({
    entryPoints: [join(root, "generator/playground/main.ts")],
    outfile: join(outdir, "playground.js"),
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "chrome120",
    minify: true,
    sourcemap: false,
    define: {
      __SHAPESMITH_TEMPLATES__: JSON.stringify(templates),
      __SHAPESMITH_MODELS__: JSON.stringify(models),
    },
    // The page formats with prettier's standalone build (generator/playground/main.ts): oxfmt is
    // native code, never loaded in the browser.
    external: ["oxfmt"],
    logLevel: "warning",
  });
  copyFileSync(join(root, "generator/playground/page.html"), join(outdir, "index.html"));
  return join(outdir, "index.html");
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const page = await buildPlayground(process.argv[2]);
  process.stdout.write(`Built the playground: ${page}\nOpen it in a browser (file://${page}).\n`);
}
