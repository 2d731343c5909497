// OpenAPI benchmark: Shapesmith's full output (types, serializers, validators, log-safe views,
// docs) against openapi-typescript's types alone, for the two large corpus documents, in the
// same process and from the same text. Best of a few alternating rounds each.
//
//   await benchOpenApi()
//   → ["openapi github.com__api.github.com: shapesmith 3.1 s (6 files, 9.8 MB), openapi-typescript 6.2 s (types, 5.4 MB) → 0.50×",
//      "openapi stripe.com: ...", "openapi total: ... → 0.55×"]
//
// Shapesmith runs without formatting (`format: false`): openapi-typescript prints with the
// TypeScript printer and formats nothing either. Then once formatted by the default formatter
// (oxfmt), as the CLI writes it, with the bytes of each file (the "output bytes" line).

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import openapiTS, { astToString } from "openapi-typescript";
import { generate } from "../generator/core.js";
import { loadTemplates } from "../generator/cli/templates.js";

const ROOT = resolve(import.meta.dirname, "..");
const DOCUMENTS = ["github.com__api.github.com.json.gz", "stripe.com.json.gz"];
const ROUNDS = 3;

export async function benchOpenApi(): Promise<string[]> {
  const templates = loadTemplates();
  const lines: string[] = [];
  let ours = 0;
  let theirs = 0;
  let oursFormatted = 0;
  for (const document of DOCUMENTS) {
    const path = resolve(ROOT, "../shared/corpus/openapi", document);
    let text: string;
    try {
      text = gunzipSync(readFileSync(path)).toString("utf8");
    } catch {
      throw new Error(`corpus file missing: ${path}`);
    }
    const name = document.replace(/\.json\.gz$/, "");
    let best = { ours: Infinity, theirs: Infinity, ourBytes: 0, ourFiles: 0, theirBytes: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now();
      const result = await generate([{ name, files: [{ path: `${name}.json`, text }] }], { readFile: () => undefined }, { templates, format: false });
      const t1 = performance.now();
      const types = astToString(await openapiTS(text, { silent: true }));
      const t2 = performance.now();
      if (result.files.size === 0) throw new Error(`${document}: Shapesmith generated nothing (${result.diagnostics[0]?.message ?? "?"})`);
      let bytes = 0;
      for (const content of result.files.values()) bytes += Buffer.byteLength(content);
      best = {
        ours: Math.min(best.ours, t1 - t0),
        theirs: Math.min(best.theirs, t2 - t1),
        ourBytes: bytes,
        ourFiles: result.files.size,
        theirBytes: Buffer.byteLength(types),
      };
    }
    ours += best.ours;
    theirs += best.theirs;
    // Once more, formatted by the default formatter (oxfmt), as `shapesmith generate` writes it.
    const t0 = performance.now();
    const formatted = await generate([{ name, files: [{ path: `${name}.json`, text }] }], { readFile: () => undefined }, { templates });
    const formattedMs = performance.now() - t0;
    oursFormatted += formattedMs;
    const sizes = [...formatted.files].map(([path, content]) => [path.slice(name.length + 1), Buffer.byteLength(content)] as const);
    const formattedBytes = sizes.reduce((n, [, b]) => n + b, 0);
    lines.push(
      `openapi ${name}: shapesmith ${seconds(best.ours)} (${best.ourFiles} files, ${mb(best.ourBytes)}), ` +
        `openapi-typescript ${seconds(best.theirs)} (types only, ${mb(best.theirBytes)}) → ${(best.ours / best.theirs).toFixed(2)}× the time; ` +
        `formatted (oxfmt) ${seconds(formattedMs)} → ${(formattedMs / best.theirs).toFixed(2)}× the time`,
      `output bytes ${name} (formatted): ${mb(formattedBytes)} (${sizes
        .sort((a, b) => b[1] - a[1])
        .map(([f, b]) => `${f} ${mb(b)}`)
        .join(", ")}) → ${(formattedBytes / best.theirBytes).toFixed(1)}× openapi-typescript's types; the document ${mb(Buffer.byteLength(text))}`,
    );
  }
  lines.push(
    `openapi total: shapesmith ${seconds(ours)}, openapi-typescript ${seconds(theirs)} → ${(ours / theirs).toFixed(2)}× the time (best of ${ROUNDS}, unformatted; goal ≤ 0.5×); ` +
      `formatted (oxfmt, one run) ${seconds(oursFormatted)} → ${(oursFormatted / theirs).toFixed(2)}×`,
  );
  return lines;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
