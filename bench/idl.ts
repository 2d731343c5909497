// Benchmark of the Smithy IDL front end: parse and load the protocol-test models, the trait
// definitions and smithy.framework (../shared/corpus/smithy) together, median of several runs, as MB/s.
//
//   await benchIdl() → ["idl parse+load: 2.1 MB in 180.0 ms (median of 7) = 11.7 MB/s"]

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Diagnostics } from "../generator/diagnostics.js";
import { loadSmithy } from "../generator/smithy/load.js";

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

export async function benchIdl(runs = 7): Promise<string[]> {
  const corpus = path.resolve(repoRoot, "../shared/corpus/smithy");
  const dirs = ["trait-defs", "framework", "protocol-tests"];
  const sources = dirs.flatMap((d) => files(path.join(corpus, d))).map((p) => ({
    path: p,
    text: readFileSync(p, "utf8"),
  }));
  const idlBytes = sources.filter((s) => s.path.endsWith(".smithy")).reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const times: number[] = [];
  let shapes = 0;
  for (let i = 0; i < runs; i++) {
    const diags = new Diagnostics();
    const start = performance.now();
    const model = loadSmithy(sources, diags);
    times.push(performance.now() - start);
    if (!model) throw new Error(`benchIdl: the models did not load: ${diags.items.find((d) => d.severity === "error")?.message}`);
    shapes = model.shapes.size;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const mb = bytes / 1e6;
  return [
    `idl parse+load: ${sources.length} files, ${mb.toFixed(2)} MB (${(idlBytes / 1e6).toFixed(2)} MB IDL), ${shapes} shapes: ` +
      `${median.toFixed(1)} ms median of ${runs} = ${(mb / (median / 1000)).toFixed(1)} MB/s`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const line of await benchIdl()) process.stdout.write(line + "\n");
}
