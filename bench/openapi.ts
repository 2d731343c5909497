// OpenAPI benchmark: Shapesmith's full output (types, serializers, validators, log-safe views,
// docs) against openapi-typescript's types alone, for the two large corpus documents, in the
// same process and from the same text. Best of a few alternating rounds each.
//
//   await benchOpenApi()
//   → ["openapi github.com__api.github.com: shapesmith 1.46 s (12 files, 7.9 MB), openapi-typescript 2.96 s (types only, 5.4 MB)
//        → 0.50× the time; formatted (oxfmt) 2.00 s → 0.68× the time; CPU 1.52 s against 3.10 s → 0.49×, formatted 2.4 s → 0.77×",
//      "output bytes github.com__api.github.com (formatted): 8.1 MB (types.ts 2.6 MB, ...)", "openapi stripe.com: ...", ...,
//      "openapi total: ... → 0.61× the time (best of 3, unformatted; goal ≤ 0.5×); formatted ...; CPU ... (load average 0.4 at the start)"]
//
// Shapesmith runs without formatting (`format: false`): openapi-typescript prints with the
// TypeScript printer and formats nothing either. Then formatted by the default formatter (oxfmt),
// as the CLI writes it, with the bytes of each file (the "output bytes" line). Each round runs
// the three in turn; each figure is its best round. Wall time and CPU time (the process's, oxfmt's
// threads included) are both given: on a shared machine the CPU ratio is the one to compare.

import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
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
  const total = { ours: 0, theirs: 0, formatted: 0, oursCpu: 0, theirsCpu: 0, formattedCpu: 0 };
  const load = loadavg()[0]!;
  for (const document of DOCUMENTS) {
    const path = resolve(ROOT, "../shared/corpus/openapi", document);
    let text: string;
    try {
      text = gunzipSync(readFileSync(path)).toString("utf8");
    } catch {
      throw new Error(`corpus file missing: ${path}`);
    }
    const name = document.replace(/\.json\.gz$/, "");
    const input = [{ name, files: [{ path: `${name}.json`, text }] }];
    const best = { ours: Infinity, theirs: Infinity, formatted: Infinity, oursCpu: Infinity, theirsCpu: Infinity, formattedCpu: Infinity };
    let ourBytes = 0;
    let ourFiles = 0;
    let theirBytes = 0;
    let sizes: (readonly [string, number])[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const ours = await timed(() => generate(input, { readFile: () => undefined }, { templates, format: false }));
      const theirs = await timed(async () => astToString(await openapiTS(text, { silent: true })));
      // Formatted by the default formatter (oxfmt), as `shapesmith generate` writes it.
      const formatted = await timed(() => generate(input, { readFile: () => undefined }, { templates }));
      if (ours.result.files.size === 0) throw new Error(`${document}: Shapesmith generated nothing (${ours.result.diagnostics[0]?.message ?? "?"})`);
      ourBytes = [...ours.result.files.values()].reduce((n, content) => n + Buffer.byteLength(content), 0);
      ourFiles = ours.result.files.size;
      theirBytes = Buffer.byteLength(theirs.result);
      sizes = [...formatted.result.files].map(([file, content]) => [file.slice(name.length + 1), Buffer.byteLength(content)] as const);
      best.ours = Math.min(best.ours, ours.ms);
      best.theirs = Math.min(best.theirs, theirs.ms);
      best.formatted = Math.min(best.formatted, formatted.ms);
      best.oursCpu = Math.min(best.oursCpu, ours.cpuMs);
      best.theirsCpu = Math.min(best.theirsCpu, theirs.cpuMs);
      best.formattedCpu = Math.min(best.formattedCpu, formatted.cpuMs);
    }
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += best[key];
    const formattedBytes = sizes.reduce((n, [, b]) => n + b, 0);
    lines.push(
      `openapi ${name}: shapesmith ${seconds(best.ours)} (${ourFiles} files, ${mb(ourBytes)}), ` +
        `openapi-typescript ${seconds(best.theirs)} (types only, ${mb(theirBytes)}) → ${(best.ours / best.theirs).toFixed(2)}× the time; ` +
        `formatted (oxfmt) ${seconds(best.formatted)} → ${(best.formatted / best.theirs).toFixed(2)}× the time; ` +
        `CPU ${seconds(best.oursCpu)} against ${seconds(best.theirsCpu)} → ${(best.oursCpu / best.theirsCpu).toFixed(2)}×, formatted ${seconds(best.formattedCpu)} → ${(best.formattedCpu / best.theirsCpu).toFixed(2)}×`,
      `output bytes ${name} (formatted): ${mb(formattedBytes)} (${sizes
        .sort((a, b) => b[1] - a[1])
        .map(([f, b]) => `${f} ${mb(b)}`)
        .join(", ")}) → ${(formattedBytes / theirBytes).toFixed(1)}× openapi-typescript's types; the document ${mb(Buffer.byteLength(text))}`,
    );
  }
  lines.push(
    `openapi total: shapesmith ${seconds(total.ours)}, openapi-typescript ${seconds(total.theirs)} → ${(total.ours / total.theirs).toFixed(2)}× the time (best of ${ROUNDS}, unformatted; goal ≤ 0.5×); ` +
      `formatted (oxfmt) ${seconds(total.formatted)} → ${(total.formatted / total.theirs).toFixed(2)}×; ` +
      `CPU ${seconds(total.oursCpu)} against ${seconds(total.theirsCpu)} → ${(total.oursCpu / total.theirsCpu).toFixed(2)}×, formatted ${seconds(total.formattedCpu)} → ${(total.formattedCpu / total.theirsCpu).toFixed(2)}× (load average ${load.toFixed(1)} at the start)`,
  );
  return lines;
}

/** Runs `f`, with its wall time and the process's CPU time (all threads). */
async function timed<T>(f: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await f();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
