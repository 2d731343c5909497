// `npm run fuzz`: the long fuzz run. 100,000 mutated models (FUZZ_CASES) from FUZZ_SEED through the
// pure core, as in the bounded test; then a sample through the real CLI (FUZZ_CLI, default 200
// runs: exit code 0 or 1, never 2 or an "internal error"), and a sample of successful outputs
// (FUZZ_TSC, default 1,000) type-checked under the strict options of test/helpers/typecheck.ts.
//
//   FUZZ_CASES=100000 FUZZ_SEED=1 npm run fuzz
//   → fuzz: 100000 cases, 0 crashes (seed 1; ...)
//     fuzz cli: 200 runs, 0 crashes
//     fuzz tsc: 1000 outputs type-checked, 0 failing
//
// Every crash and every output that fails to type-check is written to test/fuzz/repros/
// (`<seed>-<case>.<ext>` with a `.txt` beside it: seed, case, origin, mutations, error). Exit 1
// when there is any. Scratch files go to .tmp/fuzz/.

import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadTemplates } from "../../generator/cli/templates.js";
import { ROOT, TMP } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";
import { crashSignature, crashSite, fuzzCase, loadSeeds, Random, runCase, type FuzzCase, type SeedKind } from "./engine.js";

const SEED = Number(process.env["FUZZ_SEED"] ?? 1);
const CASES = Number(process.env["FUZZ_CASES"] ?? 100_000);
const CLI_RUNS = Number(process.env["FUZZ_CLI"] ?? 200);
const TSC_SAMPLE = Number(process.env["FUZZ_TSC"] ?? 1000);
const REPROS = join(ROOT, "test/fuzz/repros");
const SCRATCH = join(TMP, "fuzz");

function repro(c: FuzzCase, what: string, detail: string): void {
  mkdirSync(REPROS, { recursive: true });
  const base = `${SEED}-${c.index}`;
  const ext = c.seed.path.slice(c.seed.path.lastIndexOf("."));
  writeFileSync(join(REPROS, base + ext), c.text);
  writeFileSync(
    join(REPROS, base + ".txt"),
    `${what}\nseed ${SEED}, case ${c.index} (FUZZ_SEED=${SEED}); seed model ${c.seed.origin}; mutations: ${c.mutations.join(", ")}\nfile name given to the core: ${c.seed.path}\n\n${detail}\n`,
  );
}

async function main(): Promise<number> {
  const seeds = loadSeeds();
  const templates = loadTemplates();
  rmSync(SCRATCH, { recursive: true, force: true });
  const sampler = new Random(SEED ^ 0x5eed);
  const byKind = new Map<SeedKind, { cases: number; output: number }>();
  const signatures = new Map<string, number>();
  const sample: { c: FuzzCase; files: ReadonlyMap<string, string> }[] = [];
  let outputs = 0;
  let crashes = 0;
  const started = performance.now();
  for (let i = 0; i < CASES; i++) {
    const c = fuzzCase(seeds, SEED, i);
    const outcome = await runCase(c, templates);
    const tally = byKind.get(c.seed.kind) ?? { cases: 0, output: 0 };
    tally.cases++;
    byKind.set(c.seed.kind, tally);
    if (outcome.kind === "output") {
      tally.output++;
      outputs++;
      // Reservoir sample of the successful outputs.
      if (sample.length < TSC_SAMPLE) sample.push({ c, files: outcome.files });
      else {
        const j = sampler.int(outputs);
        if (j < TSC_SAMPLE) sample[j] = { c, files: outcome.files };
      }
    } else if (outcome.kind === "crash") {
      crashes++;
      const signature = crashSignature(outcome);
      signatures.set(signature, (signatures.get(signature) ?? 0) + 1);
      if (signatures.get(signature) === 1) repro(c, `crash at ${crashSite(outcome.stack)}: ${outcome.error}`, outcome.stack);
    }
    if ((i + 1) % 5000 === 0) process.stderr.write(`  ${i + 1} cases, ${crashes} crashes, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  const spread = [...byKind].map(([kind, t]) => `${kind} ${t.cases} (${t.output} generated)`).join(", ");
  process.stdout.write(`fuzz: ${CASES} cases, ${crashes} crashes (seed ${SEED}; ${spread})\n`);
  for (const [signature, n] of signatures) process.stdout.write(`  ${n}× ${signature}\n`);

  // The real CLI on a spread of cases: a fresh process each, exit 0 or 1.
  let cliCrashes = 0;
  const step = Math.max(1, Math.floor(CASES / Math.max(1, CLI_RUNS)));
  let cliRuns = 0;
  for (let i = 0; i < CASES && cliRuns < CLI_RUNS; i += step, cliRuns++) {
    const c = fuzzCase(seeds, SEED, i);
    const dir = join(SCRATCH, "cli", String(i));
    const model = join(dir, c.seed.path);
    mkdirSync(dirname(model), { recursive: true });
    writeFileSync(model, c.text);
    const run = spawnSync(process.execPath, [join(ROOT, "bin/shapesmith.js"), "generate", model, "--out", join(dir, "out"), "--no-format"], { cwd: dir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if ((run.status !== 0 && run.status !== 1) || /internal error/.test(run.stderr)) {
      cliCrashes++;
      repro(c, `CLI exit ${run.status}`, run.stderr.slice(0, 4000));
    }
  }
  process.stdout.write(`fuzz cli: ${cliRuns} runs, ${cliCrashes} crashes\n`);

  // A sample of the successful outputs, type-checked in batches (one compiler program per batch).
  let failing = 0;
  const BATCH = 20;
  for (let b = 0; b < sample.length; b += BATCH) {
    const dir = join(SCRATCH, "tsc", String(b));
    for (const { c, files } of sample.slice(b, b + BATCH)) {
      for (const [path, content] of files) {
        const file = join(dir, String(c.index), path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
    const errors = typecheckFolder(dir);
    for (const { c } of sample.slice(b, b + BATCH)) {
      const mine = errors.filter((e) => e.startsWith(`${c.index}/`));
      if (mine.length > 0) {
        failing++;
        repro(c, "output fails tsc --strict", mine.slice(0, 20).join("\n"));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`fuzz tsc: ${sample.length} outputs type-checked, ${failing} failing\n`);
  return crashes + cliCrashes + failing > 0 ? 1 : 0;
}

process.exitCode = await main();
