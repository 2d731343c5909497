// Every AWS pattern a backtracking search could take super-linear time on, run by the generated
// linear-time matcher on its worst attack string at the pattern's maximum @length (10,000
// characters where the model gives none, at most 100,000): time per validation, and the ratio to one linear scan
// of the same string (counting its code points) measured in the same run.
//
//   regex: 305 unsafe of 3,460 translated AWS patterns (31 exponential, 266 polynomial, 8 too large to analyse)
//   regex: linear matcher on each attack at max length: median 9.8 µs, worst 1.2 ms (…); slowest/scan 40×; over 10 ms: 0
//   regex:     12.1 µs  ×31   63 chars  polynomial   ^[a-zA-Z0-9](-*[a-zA-Z0-9\+\-\.]){0,63}$

import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadTemplates } from "../generator/cli/templates.js";
import { translateJavaPattern } from "../generator/regex/index.js";
import { linearProgram } from "../generator/regex/linear.js";
import { analyse } from "../generator/regex/redos.js";
import { Universe } from "../generator/regex/universe.js";
import { corpusPatternLengths } from "../test/regex/corpus.js";

type Program = { code: number[]; classes: RegExp[]; tests: RegExp[]; start: number };

/** Median time of one call, in microseconds (repeats until 20 ms have passed, 5 rounds). */
function time(run: () => unknown): number {
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < 4) {
      run();
      n++;
      t = performance.now();
    }
    rounds.push(((t - t0) * 1000) / n);
  }
  return rounds.sort((a, b) => a - b)[2]!;
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0xdc00 || s.charCodeAt(i) > 0xdfff) n++;
  return n;
}

export async function benchRegex(): Promise<string[]> {
  const dir = resolve(import.meta.dirname, "../.tmp/bench-regex");
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, "linear-find.ts"), loadTemplates().helper("linear-find.ts", { header: "" }));
  const { linearFind } = (await import(pathToFileURL(resolve(dir, "linear-find.ts")).href)) as { linearFind: (p: Program, s: string) => boolean };
  const universe = new Universe();
  const rows: { us: number; ratio: number; length: number; kind: string; pattern: string }[] = [];
  const kinds = { exponential: 0, polynomial: 0, "too large": 0 };
  let translated = 0;
  let unlinear = 0;
  for (const [pattern, max] of corpusPatternLengths()) {
    const t = translateJavaPattern(pattern);
    if (t.kind !== "ok") continue;
    translated++;
    const a = analyse(t.node, universe);
    if (a.safe) continue;
    kinds[a.kind]++;
    const compiled = linearProgram(t.node);
    if (!compiled.ok) {
      unlinear++;
      continue;
    }
    const re = (literal: string): RegExp => new RegExp(literal.slice(1, -3), "uy");
    const program: Program = { code: [...compiled.program.code], classes: compiled.program.classes.map(re), tests: compiled.program.tests.map(re), start: compiled.program.start };
    const length = Math.min(max ?? 10_000, 100_000);
    const attack = a.attack ?? { prefix: "", pump: "a", suffix: "\u0000" };
    const body = Math.max(0, length - codePoints(attack.prefix) - codePoints(attack.suffix));
    const pump = attack.pump.length > 0 ? [...attack.pump.repeat(Math.ceil(body / Math.max(1, codePoints(attack.pump))))].slice(0, body).join("") : "";
    const input = [...(attack.prefix + pump + attack.suffix)].slice(0, length).join("");
    const us = time(() => linearFind(program, input));
    const scan = time(() => codePoints(input));
    rows.push({ us, ratio: us / scan, length: codePoints(input), kind: a.kind, pattern });
  }
  rows.sort((x, y) => y.us - x.us);
  const unsafe = kinds.exponential + kinds.polynomial + kinds["too large"];
  const median = [...rows].sort((x, y) => x.us - y.us)[Math.floor(rows.length / 2)]?.us ?? 0;
  const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
  return [
    `regex: ${unsafe} unsafe of ${translated} translated AWS patterns (${kinds.exponential} exponential, ${kinds.polynomial} polynomial, ${kinds["too large"]} too large to analyse); ${unlinear} without a linear program`,
    `regex: linear matcher on each attack at max length: median ${fmt(median)}, worst ${fmt(rows[0]?.us ?? 0)}; over 10 ms: ${rows.filter((r) => r.us > 10_000).length}`,
    ...rows.map((r) => `regex: ${fmt(r.us).padStart(10)}  ×${r.ratio.toFixed(0).padEnd(5)} ${String(r.length).padStart(5)} chars  ${r.kind.padEnd(11)}  ${r.pattern}`),
  ];
}
