// The type-check cost of what we emit: a strict `tsc --noEmit` (the options of
// test/helpers/typecheck.ts) of the whole real Cognito service's output as generated now, against
// the output of the generator as it was when issue 12 was filed (BASELINE), generated in the same
// run: that commit's generator/, templates/ and bin/ are taken from git into a temporary folder
// (`git archive`, nothing committed) and run on the same model. Each check runs in a fresh process
// (bench/tsc-check.ts: tsc's own program and checker through the TypeScript API); the figures are
// CPU seconds (steadier than wall time on a shared machine; tsc's "Check time" is wall time) and
// tsc's counters (types, instantiations: the --extendedDiagnostics ones). Rounds interleaved, medians.
//
// Three comparisons, each line saying what it compares:
// - whole: every file of each output (now also the response side of issue 11: deserializers,
//   errors, the client, endpoints, SigV4, transport), checked from index.ts;
// - request side: the current generator run with the baseline's artifacts (types, serializers,
//   validators, redact: `artifacts` in a config file), checked from index.ts, against the baseline
//   from its index.ts: the same 7 files on both sides (index, runtime, types, serializers,
//   validators, redact, linear-find). Not the same declarations: types.ts is (both hold the inputs,
//   outputs and errors), but redact.ts now also redacts the output structures, runtime.ts holds the
//   response errors and linear-find.ts is the later regex matcher; the line counts the declarations;
// - request side without redact.ts: checked from types.ts, serializers.ts and validators.ts (with
//   runtime.ts and linear-find.ts they import) on both sides.
// A last line gives the check's CPU time per file, now and in the baseline.
//
//   await benchTsc() → ["tsc --noEmit of the real Cognito output (strict; check CPU, median of 3 interleaved rounds; load average 2.4): whole output: now 1.82 MB in 16 files: check 4.08 s …; baseline d19f359 1.20 MB in 7 files: check 2.86 s … → check 1.43× the baseline's …",
//                       "… request side …: now … → check 0.81× …", "… without redact.ts …", "… per file …"]

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import type { CheckCost } from "./tsc-check.js";

const ROOT = resolve(import.meta.dirname, "..");
const MODEL = resolve(ROOT, "../shared/corpus/aws-smithy/cognito-identity-provider.json");
/** main when issue 12 (speed at SDK scale) was taken up: "today's output" of the issue. */
export const BASELINE = "d19f359";
/** The artifacts of the baseline's output (it had no deserializers, errors or client). */
const REQUEST_SIDE = ["types", "serializers", "validators", "redact"];
/** The request side without the redactors. */
const WITHOUT_REDACT = ["types.ts", "serializers.ts", "validators.ts"];

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

/** Bytes of the files the roots reach (tsc's program, without the default library). */
function bytesOf(dir: string, files: readonly string[]): number {
  return files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

/** Generates the Cognito model with the CLI under `root` into `out`; returns the model's folder. */
function generateWith(root: string, out: string, config?: string): string {
  const args = [join(root, "bin/shapesmith.js"), "generate", MODEL, "--out", out, "--quiet", ...(config ? ["--config", config] : [])];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`generate with ${root}: exit ${run.status} ${run.stderr.slice(0, 400)}`);
  const [folder] = readdirSync(out);
  const dir = join(out, folder!);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
  return dir;
}

/** One check of the folder from the roots, in a fresh process. */
function check(dir: string, roots: readonly string[]): CheckCost {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/tsc-check.ts"), dir, ...roots], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`tsc-check ${dir}: exit ${run.status} ${run.stderr.slice(0, 400)}`);
  const cost = JSON.parse(run.stdout) as CheckCost;
  if (cost.errors !== 0) throw new Error(`tsc-check ${dir}: ${cost.errors} type errors`);
  return cost;
}

/** Exported names of a generated file, by the prefix they start with (`redact`, `validate`, …). */
function exported(dir: string, file: string, prefix = ""): Set<string> {
  const text = readFileSync(join(dir, file), "utf8");
  return new Set([...text.matchAll(/^export (?:declare )?(?:function|const|type|interface|class|enum) ([A-Za-z0-9_$]+)/gm)].map((m) => m[1]!).filter((n) => n.startsWith(prefix)));
}

interface Side {
  readonly label: string;
  readonly dir: string;
  readonly roots: readonly string[];
  readonly costs: CheckCost[];
}

function summary(side: Side): { check: number; total: number; types: number; instantiations: number; files: string[]; line: string } {
  const files = Object.keys(side.costs[0]!.files).filter((f) => f !== "lib");
  const check = median(side.costs.map((c) => c.check));
  const total = median(side.costs.map((c) => c.parse + c.bind + c.check));
  const wall = median(side.costs.map((c) => c.checkWall));
  const { types, instantiations } = side.costs[0]!;
  const line =
    `${side.label} ${(bytesOf(side.dir, files) / 1e6).toFixed(2)} MB in ${files.length} files: check ${check.toFixed(2)} s CPU (${wall.toFixed(2)} s wall), ` +
    `parse+bind+check ${total.toFixed(2)} s CPU, ${types.toLocaleString("en-US")} types, ${instantiations.toLocaleString("en-US")} instantiations`;
  return { check, total, types, instantiations, files, line };
}

function compare(title: string, now: Side, before: Side): string {
  const a = summary(now);
  const b = summary(before);
  return (
    `${title}: ${a.line}; ${b.line} → check ${(a.check / b.check).toFixed(2)}× the baseline's, parse+bind+check ${(a.total / b.total).toFixed(2)}×, ` +
    `types ${(a.types / b.types).toFixed(2)}×, instantiations ${(a.instantiations / b.instantiations).toFixed(2)}×`
  );
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
    const config = join(tmp, "request-side.json");
    writeFileSync(config, JSON.stringify({ artifacts: REQUEST_SIDE }));
    const request = generateWith(ROOT, join(tmp, "out-request"), config);

    const sides = {
      now: { label: "now", dir: now, roots: ["index.ts"], costs: [] as CheckCost[] },
      before: { label: `baseline ${BASELINE}`, dir: before, roots: ["index.ts"], costs: [] as CheckCost[] },
      request: { label: "now", dir: request, roots: ["index.ts"], costs: [] as CheckCost[] },
      requestNoRedact: { label: "now", dir: request, roots: WITHOUT_REDACT, costs: [] as CheckCost[] },
      beforeNoRedact: { label: `baseline ${BASELINE}`, dir: before, roots: WITHOUT_REDACT, costs: [] as CheckCost[] },
    };
    const load = loadavg()[0]!;
    for (let round = 0; round < rounds; round++) {
      for (const side of Object.values(sides)) side.costs.push(check(side.dir, side.roots));
    }

    // What the request side holds that the baseline's same files did not.
    const count = (dir: string, file: string, prefix: string) => exported(dir, file, prefix).size;
    const typesNow = exported(request, "types.ts");
    const typesBefore = exported(before, "types.ts");
    const sameTypes = typesNow.size === typesBefore.size && [...typesNow].every((n) => typesBefore.has(n));
    const held =
      `types.ts ${sameTypes ? `the same ${typesNow.size} exported declarations on both sides` : `${typesNow.size} exported declarations (baseline ${typesBefore.size})`}, ` +
      `redact.ts ${count(request, "redact.ts", "redact")} redactors (baseline ${count(before, "redact.ts", "redact")}; now also the outputs'), ` +
      `validators.ts ${count(request, "validators.ts", "validate")} validators (baseline ${count(before, "validators.ts", "validate")}), ` +
      `serializers.ts ${count(request, "serializers.ts", "serialize")} serializers (baseline ${count(before, "serializers.ts", "serialize")}), ` +
      `runtime.ts ${count(request, "runtime.ts", "")} exports (baseline ${count(before, "runtime.ts", "")}; now with the response errors)`;

    const filesOf = (side: Side) => Object.keys(side.costs[0]!.files).filter((f) => f !== "lib").sort();
    const sameFiles = filesOf(sides.request).join() === filesOf(sides.before).join();
    const fileSet = sameFiles ? `the same ${filesOf(sides.before).length} files (${filesOf(sides.before).join(", ")}) from index.ts on both sides` : `from index.ts: now ${filesOf(sides.request).join(", ")}; baseline ${filesOf(sides.before).join(", ")}`;

    const perFile = (side: Side) => {
      const names = Object.keys(side.costs[0]!.files);
      return names.map((f) => [f, median(side.costs.map((c) => c.files[f]!.check)), side.costs[0]!.files[f]!.expressions] as const).sort((x, y) => y[1] - x[1]);
    };
    const list = (side: Side) => perFile(side).map(([f, s, e]) => `${f} ${s.toFixed(2)}${f === "lib" ? "" : ` (${e.toLocaleString("en-US")} expressions)`}`).join(", ");

    return [
      `tsc --noEmit of the real Cognito output (strict; CPU time, median of ${rounds} interleaved rounds, each a fresh process; load average ${load.toFixed(1)}), ` +
        compare("whole output, from index.ts (now with the response side: deserializers, errors, client, endpoints, SigV4)", sides.now, sides.before),
      compare(
        `  like for like, the request side (now generated with the baseline's artifacts ${REQUEST_SIDE.join(", ")}; ${fileSet}; ${held})`,
        sides.request,
        sides.before,
      ),
      compare(`  like for like without redact.ts (from ${WITHOUT_REDACT.join(", ")}, with the runtime.ts and linear-find.ts they import)`, sides.requestNoRedact, sides.beforeNoRedact),
      `  check CPU seconds per file (in tsc's order; a type is resolved in the first file that needs it), now: ${list(sides.now)}; baseline: ${list(sides.before)}`,
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
