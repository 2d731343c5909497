// Time to generate the whole real Cognito service: in-process (median of several runs, with and
// without prettier) and one cold CLI run (a fresh `node bin/shapesmith.js` process).
//
//   await benchGenerate() → ["generate cognito (662 shapes): in-process median 0.84 s ...", ...]

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { generate } from "../generator/core.js";
import { loadTemplates } from "../generator/cli/templates.js";

const ROOT = resolve(import.meta.dirname, "..");
const MODEL = resolve(ROOT, "../shared/corpus/aws-smithy/cognito-identity-provider.json");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchGenerate(runs = 5): Promise<string[]> {
  const text = readFileSync(MODEL, "utf8");
  const shapes = Object.keys((JSON.parse(text) as { shapes: object }).shapes).length;
  const templates = loadTemplates();
  const lines: string[] = [];
  for (const format of [false, true]) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < (format ? Math.max(1, Math.ceil(runs / 2)) : runs); i++) {
      const start = performance.now();
      const result = await generate([{ name: "cognito", files: [{ path: MODEL, text }] }], { readFile: () => undefined }, { templates, format });
      times.push(performance.now() - start);
      bytes = [...result.files.values()].reduce((n, c) => n + c.length, 0);
    }
    lines.push(
      `generate cognito (${shapes} shapes, ${(bytes / 1e6).toFixed(1)} MB out), in-process, ${format ? "with prettier" : "printer layout (format: false)"}: median ${(median(times) / 1000).toFixed(2)} s over ${times.length} runs`,
    );
  }
  const out = mkdtempSync(join(ROOT, ".tmp", "bench-"));
  try {
    for (const args of [[], ["--no-format"]]) {
      const start = performance.now();
      const run = spawnSync(process.execPath, ["bin/shapesmith.js", "generate", MODEL, "--out", out, ...args], { cwd: ROOT, encoding: "utf8" });
      const seconds = (performance.now() - start) / 1000;
      if (run.status !== 0) lines.push(`generate cognito, cold CLI ${args.join(" ")}: FAILED (exit ${run.status}) ${run.stderr.slice(0, 300)}`);
      else lines.push(`generate cognito, cold CLI run${args.length ? ` (${args.join(" ")})` : ""}: ${seconds.toFixed(2)} s`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return lines;
}
