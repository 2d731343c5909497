// Time to generate the whole real Cognito service: in-process (median of several runs, with and
// without formatting), and cold CLI runs (a fresh `node bin/shapesmith.js` process from the
// bundle, as the installed package runs, into an empty folder): formatted by the default
// formatter (oxfmt), by prettier (`--formatter prettier`, the old default), unformatted, and
// `node -e 0` as the anchor, interleaved round by round, medians. Also the output's size.
//
//   await benchGenerate() → ["generate cognito (662 shapes): in-process median 0.84 s ...", ...,
//     "generate cognito, cold CLI run (median of 5, interleaved): node -e 0 0.05 s; formatted (oxfmt) 0.71 s (14.2×);
//      --formatter prettier 2.31 s (46.2×, oxfmt 3.3× faster); --no-format 0.64 s (12.8×)",
//     "output bytes cognito: 1.24 MB formatted (types.ts 0.49 MB, ...); the model (Smithy JSON AST) 1.9 MB",
//     "generate all 402 AWS models (CLI: worker pool, formatted, written; median of 1): … s wall, CPU … s, peak RSS … MB
//      (goal < 15 s, < 1,536 MB); anchor, same run: reading + JSON.parse of the 402 models … s → …×; … files, … MB"]
//
// The 402 models are decompressed from the corpus into .tmp/bench-aws402/ (scratch, never committed);
// BENCH_AWS=none skips that line, BENCH_AWS_ROUNDS=<n> runs it n times (interleaved with the anchor).

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "../generator/core.js";
import { loadTemplates } from "../generator/cli/templates.js";
import { loadPartitions } from "../generator/cli/partitions.js";

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
  // The table the CLI uses by default (the npm package's), as a real run reads it.
  const partitions = loadPartitions(undefined, ROOT, []);
  const lines: string[] = [];
  let bytesOf = new Map<string, number>();
  for (const format of [false, true]) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const result = await generate([{ name: "cognito", files: [{ path: MODEL, text }] }], { readFile: () => undefined }, { templates, format, ...(partitions ? { partitions } : {}) });
      times.push(performance.now() - start);
      bytes = [...result.files.values()].reduce((n, c) => n + Buffer.byteLength(c), 0);
      if (format) bytesOf = new Map([...result.files].map(([path, c]) => [path.slice(path.indexOf("/") + 1), Buffer.byteLength(c)]));
    }
    lines.push(
      `generate cognito (${shapes} shapes, ${(bytes / 1e6).toFixed(1)} MB out), in-process, ${format ? "formatted (oxfmt)" : "printer layout (format: false)"}: median ${(median(times) / 1000).toFixed(2)} s over ${times.length} runs`,
    );
  }
  lines.push(...coldCli(bytesOf));
  lines.push(...allAws());
  return lines;
}

/** One process under `/usr/bin/time`: wall and CPU seconds (user + system, every thread), peak RSS. */
function timed(args: readonly string[]): { wall: number; cpu: number; peakMb: number } {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const match = /^([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9]+)$/.exec(run.stderr.trim().split("\n").at(-1) ?? "");
  if (run.status !== 0 || match === null) throw new Error(`${args.join(" ").slice(0, 200)}: exit ${run.status} ${run.stderr.slice(-500)}`);
  return { wall: Number(match[1]), cpu: Number(match[2]) + Number(match[3]), peakMb: Number(match[4]) / 1024 };
}

/**
 * All AWS models of the corpus through the CLI, as a user runs it (`shapesmith generate <402
 * files> --out x`: the worker pool, oxfmt, the journal write), against the floor of any such
 * run measured in the same run: a fresh process reading and JSON.parse-ing the same files.
 */
export function allAws(): string[] {
  if (process.env["BENCH_AWS"] === "none") return ["generate all AWS models: skipped (BENCH_AWS=none)"];
  if (!existsSync("/usr/bin/time")) return ["generate all AWS models: not run (/usr/bin/time is missing)"];
  const corpus = resolve(ROOT, "../shared/corpus/aws-smithy");
  const scratch = resolve(ROOT, ".tmp", "bench-aws402");
  mkdirSync(scratch, { recursive: true });
  const models: string[] = [];
  for (const name of readdirSync(corpus).filter((n) => n.endsWith(".json.gz")).sort()) {
    const model = join(scratch, name.slice(0, -".gz".length));
    if (!existsSync(model)) writeFileSync(model, gunzipSync(readFileSync(join(corpus, name))));
    models.push(model);
  }
  const rounds = Math.max(1, Number(process.env["BENCH_AWS_ROUNDS"] ?? "1"));
  const parse = `const fs = require("node:fs"); let n = 0; for (const f of process.argv.slice(1)) n += Object.keys(JSON.parse(fs.readFileSync(f, "utf8")).shapes).length; if (n === 0) process.exit(1);`;
  const anchors: number[] = [];
  const runs: { wall: number; cpu: number; peakMb: number }[] = [];
  let files = 0;
  let bytes = 0;
  for (let round = 0; round < rounds; round++) {
    anchors.push(timed(["-e", parse, ...models]).wall);
    const out = mkdtempSync(join(ROOT, ".tmp", "bench-aws402-out-"));
    try {
      runs.push(timed(["bin/shapesmith.js", "generate", ...models, "--out", out, "--quiet"]));
      if (round === 0) {
        const walk = (dir: string): void => {
          for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (entry.isDirectory()) walk(join(dir, entry.name));
            else {
              files++;
              bytes += statSync(join(dir, entry.name)).size;
            }
          }
        };
        walk(out);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  anchors.push(timed(["-e", parse, ...models]).wall);
  const anchor = median(anchors);
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  const peak = Math.max(...runs.map((r) => r.peakMb));
  const mb = (n: number) => Math.round(n).toLocaleString("en-US");
  return [
    `generate all ${models.length} AWS models (CLI: worker pool, formatted, written; median of ${rounds}): ${wall.toFixed(1)} s wall, CPU ${cpu.toFixed(1)} s, ` +
      `peak RSS ${mb(peak)} MB (goal < 15 s, < 1,536 MB); anchor, same run: reading + JSON.parse of the ${models.length} models ${anchor.toFixed(2)} s → ${(wall / anchor).toFixed(1)}×; ` +
      `${files.toLocaleString("en-US")} files, ${(bytes / 1e6).toFixed(0)} MB`,
  ];
}

/** Cold CLI runs, interleaved with the anchor `node -e 0`; medians; then the output's size. */
function coldCli(bytesOf: ReadonlyMap<string, number>, rounds = 5): string[] {
  // The CLI from its bundle, as the installed package runs it (bin/shapesmith.js would fall back
  // to tsx when the bundle is older than the sources).
  execFileSync(process.execPath, [join(ROOT, "bin/build.mjs")], { cwd: ROOT });
  const variants = [
    { label: "node -e 0", args: ["-e", "0"] },
    { label: "formatted (oxfmt, the default)", args: [] as string[] },
    { label: "--formatter prettier", args: ["--formatter", "prettier"] },
    { label: "--no-format", args: ["--no-format"] },
  ];
  const times = variants.map(() => [] as number[]);
  const cpus = variants.map(() => [] as number[]);
  const tmp = mkdtempSync(join(ROOT, ".tmp", "bench-cli-"));
  // Each child reports its own CPU time (user + system, all threads) as it exits: on a shared
  // machine wall time grows with the load, CPU time much less.
  const cpuReporter = join(tmp, "cpu.mjs");
  writeFileSync(cpuReporter, 'process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write(`\\ncpu-us ${u.user + u.system}\\n`); });\n');
  try {
    for (let round = 0; round < rounds; round++) {
      variants.forEach((variant, i) => {
        const out = join(tmp, `${round}-${i}`);
        const command = variant.args[0] === "-e" ? variant.args : ["bin/shapesmith.js", "generate", MODEL, "--out", out, "--quiet", ...variant.args];
        const start = performance.now();
        const run = spawnSync(process.execPath, ["--import", pathToFileURL(cpuReporter).href, ...command], { cwd: ROOT, encoding: "utf8" });
        const seconds = (performance.now() - start) / 1000;
        const cpu = /cpu-us (\d+)\s*$/.exec(run.stderr);
        if (run.status !== 0 || cpu === null) throw new Error(`cold CLI ${variant.label}: exit ${run.status} ${run.stderr.slice(0, 300)}`);
        times[i]!.push(seconds);
        cpus[i]!.push(Number(cpu[1]) / 1e6);
      });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const [bare, oxfmt, prettier, raw] = times.map(median) as [number, number, number, number];
  const [, oxfmtCpu, prettierCpu, rawCpu] = cpus.map(median) as [number, number, number, number];
  const s = (v: number) => `${v.toFixed(2)} s`;
  const x = (v: number) => `${(v / bare).toFixed(1)}× node -e 0`;
  const total = [...bytesOf.values()].reduce((a, b) => a + b, 0);
  const files = [...bytesOf].sort((a, b) => b[1] - a[1]).map(([f, b]) => `${f} ${(b / 1e6).toFixed(2)}`);
  return [
    `generate cognito, cold CLI run (median of ${rounds}, interleaved; wall, and the process's CPU time): node -e 0 ${s(bare)}; ` +
      `formatted (oxfmt, the default) ${s(oxfmt)} (${x(oxfmt)}; CPU ${s(oxfmtCpu)}; goal < 1.0 s); --formatter prettier ${s(prettier)} (${x(prettier)}; CPU ${s(prettierCpu)}; ` +
      `oxfmt's run ${(prettier / oxfmt).toFixed(1)}× faster); --no-format ${s(raw)} (${x(raw)}; CPU ${s(rawCpu)}): formatting costs ${s(oxfmt - raw)} with oxfmt, ${s(prettier - raw)} with prettier`,
    `output bytes cognito (formatted): ${(total / 1e6).toFixed(2)} MB in ${bytesOf.size} files (${files.join(", ")} MB); ` +
      `the model (Smithy JSON AST) ${(statSync(MODEL).size / 1e6).toFixed(2)} MB → ${(total / statSync(MODEL).size).toFixed(2)}× its size`,
  ];
}
