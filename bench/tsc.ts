// The type-check cost of what we emit: `tsc --noEmit` (strict, noUncheckedIndexedAccess,
// exactOptionalPropertyTypes, as test/helpers/typecheck.ts) of the whole real Cognito service's
// output as generated now, against the output of the generator as it was when issue 12 was filed
// (BASELINE), generated in the same run: that commit's generator/, templates/ and bin/ are taken
// from git into a temporary folder (`git archive`, nothing committed) and run on the same model.
// Rounds interleaved, medians of tsc's own "Total time" and "Check time" (--extendedDiagnostics).
//
//   await benchTsc() → ["tsc --noEmit cognito output (median of 3, interleaved): now 1.24 MB: total 5.9 s, check 3.6 s;
//                        baseline d19f359 1.20 MB: total 6.2 s, check 3.8 s → check time 0.95× the baseline"]

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const MODEL = resolve(ROOT, "../shared/corpus/aws-smithy/cognito-identity-provider.json");
/** main when issue 12 (speed at SDK scale) was taken up: "today's output" of the issue. */
export const BASELINE = "d19f359";

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2022"],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    noFallthroughCasesInSwitch: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  include: ["*.ts"],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

/** Generates the Cognito model with the CLI under `root` into `out`; returns the model's folder. */
function generateWith(root: string, out: string): string {
  const run = spawnSync(process.execPath, [join(root, "bin/shapesmith.js"), "generate", MODEL, "--out", out, "--quiet"], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`generate with ${root}: exit ${run.status} ${run.stderr.slice(0, 400)}`);
  const [folder] = readdirSync(out);
  const dir = join(out, folder!);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
  return dir;
}

/** tsc's own total and check seconds for the folder. */
function tsc(dir: string): { total: number; check: number } {
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json"), "--extendedDiagnostics"], { encoding: "utf8" });
  const time = (label: string) => Number(new RegExp(`^${label}:\\s+([\\d.]+)s$`, "m").exec(run.stdout)?.[1]);
  const total = time("Total time");
  const check = time("Check time");
  if (run.status !== 0 || Number.isNaN(total) || Number.isNaN(check)) throw new Error(`tsc ${dir}: exit ${run.status} ${run.stdout.slice(0, 400)}`);
  return { total, check };
}

export async function benchTsc(rounds = 3): Promise<string[]> {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  const tmp = mkdtempSync(join(ROOT, ".tmp", "bench-tsc-"));
  try {
    // The baseline generator, from git, with this checkout's node_modules.
    const old = join(tmp, "baseline");
    mkdirSync(old);
    const archive = execFileSync("git", ["archive", BASELINE, "bin", "generator", "templates", "package.json", "tsconfig.json"], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync("tar", ["-x", "-C", old], { input: archive });
    symlinkSync(join(ROOT, "node_modules"), join(old, "node_modules"), "dir");
    const before = generateWith(old, join(tmp, "out-baseline"));
    const now = generateWith(ROOT, join(tmp, "out-now"));
    const times = { now: [] as { total: number; check: number }[], before: [] as { total: number; check: number }[] };
    for (let round = 0; round < rounds; round++) {
      times.now.push(tsc(now));
      times.before.push(tsc(before));
    }
    const m = (xs: { total: number; check: number }[], key: "total" | "check") => median(xs.map((x) => x[key]));
    const s = (v: number) => `${v.toFixed(2)} s`;
    const [nowTotal, nowCheck, oldTotal, oldCheck] = [m(times.now, "total"), m(times.now, "check"), m(times.before, "total"), m(times.before, "check")];
    return [
      `tsc --noEmit of the real Cognito output (strict; median of ${rounds}, interleaved): ` +
        `now ${(folderBytes(now) / 1e6).toFixed(2)} MB in ${readdirSync(now).length - 1} files: total ${s(nowTotal)}, check ${s(nowCheck)}; ` +
        `baseline ${BASELINE} ${(folderBytes(before) / 1e6).toFixed(2)} MB in ${readdirSync(before).length - 1} files: total ${s(oldTotal)}, check ${s(oldCheck)} ` +
        `→ check time ${(nowCheck / oldCheck).toFixed(2)}× the baseline's, total ${(nowTotal / oldTotal).toFixed(2)}×`,
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
