// Benchmark of the Smithy IDL front end: parse and load the protocol-test models, the trait
// definitions and smithy.framework (../shared/corpus/smithy) together, as MB/s of IDL text, against
// an anchor measured in the same run: JSON.parse of the same models as Smithy JSON AST (what
// the loader makes of them, serialized), as MB/s of that JSON. Warm-up runs first (the JIT), then
// the median of the measured runs, rounds interleaved. Two lines: the whole load (lexer, parser,
// resolution of shape ids, the loader's checks) and the lexer and parser alone.
//
//   await benchIdl() → ["idl load (parse, resolve, assemble, checks): 176 files, 1.38 MB, 1361 shapes:
//                        52.1 ms median of 15 = 26.5 MB/s; anchor JSON.parse of the same models as
//                        JSON AST (2.9 MB): 190 MB/s → IDL at 0.14× JSON.parse's MB/s",
//                       "idl lexer+parser alone: 25.3 ms = 54.5 MB/s",
//                       "idl mixin chains: 255 mixins 152.0 ms, 64 mixins 15.7 ms (the anchor): 9.7× for 4× the chain"]
//
// The mixin line loads a chain of N @mixin structures, each adding one member and mixing in the
// one before (N = 64, the anchor, and 255, just under the nesting limit). Every mixin of the chain
// holds its inherited members once flattened (N²/2 in all), so 16× for 4× the chain is the
// quadratic ceiling; the mixin checks used to re-walk the chain per member name (cubic: 45× here).

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Diagnostics } from "../generator/diagnostics.js";
import { loadSmithy, loadSmithyAsts } from "../generator/smithy/load.js";
import { parseFile } from "../generator/smithy/idl/parser.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full));
    else if (/\.(smithy|json)$/.test(name)) out.push(full);
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Wall and CPU milliseconds of one call (CPU time: this process's user + system time). */
function timed(f: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  f();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

export async function benchIdl(runs = 15, warmup = 5): Promise<string[]> {
  const corpus = path.resolve(repoRoot, "../shared/corpus/smithy");
  const dirs = ["trait-defs", "framework", "protocol-tests"];
  const sources = dirs.flatMap((d) => files(path.join(corpus, d))).map((p) => ({
    path: p,
    text: readFileSync(p, "utf8"),
  }));
  const idl = sources.filter((s) => s.path.endsWith(".smithy"));
  const idlBytes = idl.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const diags = new Diagnostics();
  const asts = loadSmithyAsts(sources, diags);
  if (!asts) throw new Error(`benchIdl: the models did not load: ${diags.items.find((d) => d.severity === "error")?.message}`);
  // The anchor's input: the same models as Smithy JSON AST documents, one per file.
  const json = asts.map((a) => JSON.stringify(a.ast));
  const jsonBytes = json.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let shapes = 0;
  const load = () => {
    const model = loadSmithy(sources, new Diagnostics());
    if (!model) throw new Error("benchIdl: the models did not load");
    shapes = model.shapes.size;
  };
  const parse = () => {
    for (const s of idl) parseFile(s.text, s.path);
  };
  const anchor = () => {
    for (const t of json) JSON.parse(t);
  };
  for (let i = 0; i < warmup; i++) {
    load();
    parse();
    anchor();
  }
  const times = { load: [] as { wall: number; cpu: number }[], parse: [] as { wall: number; cpu: number }[], anchor: [] as { wall: number; cpu: number }[] };
  for (let i = 0; i < runs; i++) {
    times.load.push(timed(load));
    times.parse.push(timed(parse));
    times.anchor.push(timed(anchor));
  }
  const mbps = (b: number, ms: number) => b / 1e6 / (ms / 1000);
  const wall = (xs: { wall: number }[]) => median(xs.map((x) => x.wall));
  const cpu = (xs: { cpu: number }[]) => median(xs.map((x) => x.cpu));
  const [loadMs, parseMs, anchorMs] = [wall(times.load), wall(times.parse), wall(times.anchor)];
  const [loadCpu, parseCpu] = [cpu(times.load), cpu(times.parse)];
  const idlRate = mbps(bytes, loadMs);
  const jsonRate = mbps(jsonBytes, anchorMs);
  const chain = (n: number): number => {
    let text = `$version: "2"\nnamespace a\n@mixin\nstructure M0 { m0: String }\n`;
    for (let i = 1; i < n; i++) text += `@mixin\nstructure M${i} with [M${i - 1}] { m${i}: String }\n`;
    text += `structure In with [M${n - 1}] { x: String }\n`;
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const diags = new Diagnostics();
      samples.push(
        timed(() => {
          if (!loadSmithy([{ path: "chain.smithy", text }], diags)) throw new Error(`benchIdl: the mixin chain did not load: ${diags.items.find((d) => d.severity === "error")?.message}`);
        }).wall,
      );
    }
    return median(samples);
  };
  const short = chain(64);
  const long = chain(255);
  return [
    `idl mixin chains: 255 mixins ${long.toFixed(1)} ms, 64 mixins ${short.toFixed(1)} ms (the anchor): ${(long / short).toFixed(1)}× for 4× the chain`,
    `idl load (parse, resolve, assemble, checks): ${sources.length} files, ${(bytes / 1e6).toFixed(2)} MB (${(idlBytes / 1e6).toFixed(2)} MB IDL), ${shapes} shapes: ` +
      `${loadMs.toFixed(1)} ms median of ${runs} (after ${warmup} warm-up) = ${idlRate.toFixed(1)} MB/s (goal ≥ 20); CPU time ${loadCpu.toFixed(1)} ms = ${mbps(bytes, loadCpu).toFixed(1)} MB/s; ` +
      `anchor JSON.parse of the same models as JSON AST (${(jsonBytes / 1e6).toFixed(2)} MB): ${anchorMs.toFixed(1)} ms = ${jsonRate.toFixed(0)} MB/s ` +
      `→ the IDL load takes ${(loadMs / anchorMs).toFixed(1)}× JSON.parse's time for the same models`,
    `idl lexer+parser alone: ${parseMs.toFixed(1)} ms = ${mbps(idlBytes, parseMs).toFixed(1)} MB/s (CPU ${mbps(idlBytes, parseCpu).toFixed(1)} MB/s; ${(parseMs / anchorMs).toFixed(1)}× the JSON.parse time)`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const line of await benchIdl()) process.stdout.write(line + "\n");
}
