// The package as users run it: the cold start of `shapesmith generate --check` on a
// one-operation model (the `shapesmith init` example) against a bare `node -e 0`, measured
// interleaved in the same run (median of several), and the size of the tarball `npm pack` makes.
// The CLI runs from the bundle dist/cli.js (built first), as the installed package does.
//
//   await benchPackage() → ["package cold start, one-operation model: node -e 0 median 41 ms; generate --check 212 ms (5.2×), --no-format 96 ms (2.3×)",
//                           "package tarball: 240 kB packed, 910 kB unpacked, 41 files"]

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXAMPLE_MODEL } from "../generator/cli/init.js";

const ROOT = resolve(import.meta.dirname, "..");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(args: string[], cwd: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

export async function benchPackage(runs = 9): Promise<string[]> {
  execFileSync(process.execPath, [join(ROOT, "bin/build.mjs"), "--types"], { cwd: ROOT });
  const dir = mkdtempSync(join(ROOT, ".tmp", "bench-package-"));
  const raw = join(dir, "raw");
  try {
    for (const project of [dir, raw]) {
      mkdirSync(join(project, "models"), { recursive: true });
      writeFileSync(join(project, "models/weather.smithy"), EXAMPLE_MODEL);
    }
    const bin = join(ROOT, "bin/shapesmith.js");
    timed([bin, "generate"], dir);
    timed([bin, "generate", "--no-format"], raw);
    const bare: number[] = [];
    const check: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(timed(["-e", "0"], dir));
      check.push(timed([bin, "generate", "--check"], dir));
      bare.push(timed(["-e", "0"], dir));
      plain.push(timed([bin, "generate", "--check", "--no-format"], raw));
    }
    const anchor = median(bare);
    const ms = (v: number) => `${Math.round(v)} ms`;
    const ratio = (v: number) => `${(v / anchor).toFixed(1)}×`;
    const lines = [
      `package cold start, one-operation model (median of ${runs}, interleaved): node -e 0 ${ms(anchor)}; ` +
        `generate --check ${ms(median(check))} (${ratio(median(check))}), with --no-format ${ms(median(plain))} (${ratio(median(plain))})`,
    ];
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" })) as {
      size: number;
      unpackedSize: number;
      entryCount: number;
    }[];
    lines.push(`package tarball: ${(packed!.size / 1024).toFixed(0)} kB packed, ${(packed!.unpackedSize / 1024).toFixed(0)} kB unpacked, ${packed!.entryCount} files`);
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
