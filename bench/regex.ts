// Every AWS pattern a backtracking search could take super-linear time on, run by the generated
// linear-time matcher (compiled for the pattern's @length max, as the validators compile it) on
// its worst attack string at that maximum length (10,000 characters where the model gives none,
// at most 100,000): time per validation, the ratio to one linear scan of the same string
// (counting its code points) measured in the same run, and the automaton steps per character
// (the matcher's own count of states visited: the same on every machine).
//
//   regex: 305 unsafe of 3460 translated AWS patterns (31 exponential, 266 polynomial, 8 too large to analyse); 0 without a linear program
//   regex: linear matcher on each attack at max length: median 60.1 µs, worst 3.10 ms; over 10 ms: 0; most steps per character 116.4; anchor: a scan of 100,000 code points 95.0 µs
//   regex:    3.10 ms  ×25    100000 chars     1.0 steps/char  polynomial   ^[A-Za-z0-9-_=]+.[A-Za-z0-9-_=]+.[A-Za-z0-9-_=]+$

import { translateJavaPattern } from "../generator/regex/index.js";
import { linearProgram } from "../generator/regex/linear.js";
import { analyse } from "../generator/regex/redos.js";
import { Universe } from "../generator/regex/universe.js";
import { corpusPatternLengths } from "../test/regex/corpus.js";
import { importLinearFind, loadProgram } from "../test/regex/linear-program.js";

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
  const linearFind = await importLinearFind("bench-regex");
  const universe = new Universe();
  const rows: { us: number; ratio: number; length: number; steps: number; kind: string; pattern: string }[] = [];
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
    const compiled = linearProgram(t.node, max);
    if (!compiled.ok) {
      unlinear++;
      continue;
    }
    const program = loadProgram(compiled.program);
    const length = Math.min(max ?? 10_000, 100_000);
    const attack = a.attack ?? { prefix: "", pump: "a", suffix: "\u0000" };
    const body = Math.max(0, length - codePoints(attack.prefix) - codePoints(attack.suffix));
    const pump = attack.pump.length > 0 ? [...attack.pump.repeat(Math.ceil(body / Math.max(1, codePoints(attack.pump))))].slice(0, body).join("") : "";
    const input = [...(attack.prefix + pump + attack.suffix)].slice(0, length).join("");
    const us = time(() => linearFind(program, input));
    const scan = time(() => codePoints(input));
    const work = { steps: 0 };
    linearFind(program, input, work);
    const chars = codePoints(input);
    rows.push({ us, ratio: us / scan, length: chars, steps: work.steps / Math.max(1, chars), kind: a.kind, pattern });
  }
  rows.sort((x, y) => y.us - x.us);
  // The anchor: how fast this machine scans code points right now (the ratios above divide by it per input).
  const anchorText = "a".repeat(100_000);
  const anchor = time(() => codePoints(anchorText));
  const unsafe = kinds.exponential + kinds.polynomial + kinds["too large"];
  const median = [...rows].sort((x, y) => x.us - y.us)[Math.floor(rows.length / 2)]?.us ?? 0;
  const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
  return [
    `regex: ${unsafe} unsafe of ${translated} translated AWS patterns (${kinds.exponential} exponential, ${kinds.polynomial} polynomial, ${kinds["too large"]} too large to analyse); ${unlinear} without a linear program`,
    `regex: linear matcher on each attack at max length: median ${fmt(median)}, worst ${fmt(rows[0]?.us ?? 0)}; over 10 ms: ${rows.filter((r) => r.us > 10_000).length}; most steps per character ${Math.max(0, ...rows.map((r) => r.steps)).toFixed(1)}; anchor: a scan of 100,000 code points ${fmt(anchor)}`,
    ...rows.map((r) => `regex: ${fmt(r.us).padStart(10)}  ×${r.ratio.toFixed(0).padEnd(5)} ${String(r.length).padStart(6)} chars  ${r.steps.toFixed(1).padStart(6)} steps/char  ${r.kind.padEnd(11)}  ${r.pattern}`),
  ];
}
