// Peak memory and time of the CLI on the largest OpenAPI documents (Microsoft Graph, 20 MB of JSON,
// and graph-beta), formatted as by default, each in a fresh process, against an anchor measured
// in the same run: the real Cognito service (Smithy JSON AST) through the same CLI.
//
//   await benchGraph()
//   → ["graph anchor cognito-identity-provider: 4.1 s, peak RSS 260 MB",
//      "graph microsoft.com__graph: 390 s (95× the anchor), peak RSS 1,450 MB (5.6× the anchor; limit 2,048 MB: ok), 6 files, 104 MB",
//      ...]
//
// Peak RSS comes from `/usr/bin/time -f "%e %M"` around `node bin/shapesmith.js generate` (the
// whole process: parse, model, emitters, prettier, write). The documents are decompressed into
// .tmp/ (scratch, never committed). `BENCH_GRAPH=graph` runs only Graph; `BENCH_GRAPH=none` skips both.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";

const ROOT = resolve(import.meta.dirname, "..");
const CORPUS = resolve(ROOT, "../shared/corpus");
const ANCHOR = resolve(CORPUS, "aws-smithy/cognito-identity-provider.json");
const DOCUMENTS = ["microsoft.com__graph", "microsoft.com__graph-beta"];
const LIMIT_MB = 2048;

interface Measured {
  readonly seconds: number;
  readonly peakMb: number;
  readonly files: number;
  readonly bytes: number;
}

function measure(model: string): Measured {
  const out = mkdtempSync(join(ROOT, ".tmp", "bench-graph-out-"));
  try {
    const run = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, "bin/shapesmith.js", "generate", model, "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const last = run.stderr.trim().split("\n").at(-1) ?? "";
    const match = /^([0-9.]+) ([0-9]+)$/.exec(last);
    if (run.status !== 0 || !match) throw new Error(`generate ${model} failed (exit ${run.status}): ${run.stderr.slice(-500)}`);
    let files = 0;
    let bytes = 0;
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else {
          files++;
          bytes += statSync(path).size;
        }
      }
    };
    walk(out);
    return { seconds: Number(match[1]), peakMb: Number(match[2]) / 1024, files, bytes };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const mb = (n: number) => Math.round(n).toLocaleString("en-US");

export async function benchGraph(): Promise<string[]> {
  const which = process.env["BENCH_GRAPH"] ?? "all";
  if (which === "none") return ["graph: skipped (BENCH_GRAPH=none)"];
  if (!existsSync("/usr/bin/time")) return ["graph: not run (/usr/bin/time is missing)"];
  const scratch = resolve(ROOT, ".tmp", "bench-graph");
  mkdirSync(scratch, { recursive: true });
  const anchor = measure(ANCHOR);
  const lines = [`graph anchor cognito-identity-provider (Smithy JSON AST, CLI, formatted): ${anchor.seconds.toFixed(1)} s, peak RSS ${mb(anchor.peakMb)} MB`];
  for (const name of DOCUMENTS) {
    if (which === "graph" && name !== "microsoft.com__graph") continue;
    const source = resolve(CORPUS, "openapi", `${name}.json.gz`);
    if (!existsSync(source)) throw new Error(`corpus file missing: ${source}`);
    const model = join(scratch, `${name}.json`);
    if (!existsSync(model)) writeFileSync(model, gunzipSync(readFileSync(source)));
    const m = measure(model);
    lines.push(
      `graph ${name}: ${m.seconds.toFixed(1)} s (${(m.seconds / anchor.seconds).toFixed(1)}× the anchor), ` +
        `peak RSS ${mb(m.peakMb)} MB (${(m.peakMb / anchor.peakMb).toFixed(1)}× the anchor; limit ${mb(LIMIT_MB)} MB: ${m.peakMb < LIMIT_MB ? "ok" : "OVER"}), ` +
        `${m.files} files, ${(m.bytes / 1e6).toFixed(0)} MB`,
    );
  }
  return lines;
}
