// Benchmark of the Smithy IDL front end: parse and load the protocol-test models, the trait
// definitions and smithy.framework (../shared/corpus/smithy) together, median of several runs, as MB/s.
//
//   await benchIdl() → ["idl parse+load: 2.1 MB in 180.0 ms (median of 7) = 11.7 MB/s",
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
  const chain = (n: number): number => {
    let idl = `$version: "2"\nnamespace a\n@mixin\nstructure M0 { m0: String }\n`;
    for (let i = 1; i < n; i++) idl += `@mixin\nstructure M${i} with [M${i - 1}] { m${i}: String }\n`;
    idl += `structure In with [M${n - 1}] { x: String }\n`;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const diags = new Diagnostics();
      const start = performance.now();
      const model = loadSmithy([{ path: "chain.smithy", text: idl }], diags);
      samples.push(performance.now() - start);
      if (!model) throw new Error(`benchIdl: the mixin chain did not load: ${diags.items.find((d) => d.severity === "error")?.message}`);
    }
    return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  };
  const short = chain(64);
  const long = chain(255);
  return [
    `idl mixin chains: 255 mixins ${long.toFixed(1)} ms, 64 mixins ${short.toFixed(1)} ms (the anchor): ${(long / short).toFixed(1)}× for 4× the chain`,
    `idl parse+load: ${sources.length} files, ${mb.toFixed(2)} MB (${(idlBytes / 1e6).toFixed(2)} MB IDL), ${shapes} shapes: ` +
      `${median.toFixed(1)} ms median of ${runs} = ${(mb / (median / 1000)).toFixed(1)} MB/s`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const line of await benchIdl()) process.stdout.write(line + "\n");
}
