// Writes survive kill -9: the real CLI (`node bin/shapesmith.js generate`) is killed with SIGKILL
// at distinct steps of its write phase, through the test-only hook SHAPESMITH_TEST_KILL_AT=<n>
// (generator/cli/output.ts: the CLI kills itself before its n-th mutating step). The next run
// (given a broken model on purpose, so that it writes nothing of its own) must leave the output
// folder exactly the old tree (killed before the commit point) or the new tree (killed after it),
// with no leftover anywhere in the project, and say what it repaired. A third run converges.
//
// The steps are counted in-process first (`replaceTree` with a counting hook on a copy of the same
// project), so the test knows the number of steps and where the commit is. npm test kills at 20
// points spread over the write phase (always including both sides of the commit);
// KILL_TEST=all kills at every step.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles, replaceTree } from "../../generator/cli/output.js";
import { BIN, makeProject, removeProject, WEATHER } from "./helpers.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

/** Every entry under `dir` (folders end in `/`) with the bytes of each file: an exact picture. */
function snapshot(dir: string): string {
  if (!existsSync(dir)) return "absent";
  const lines: string[] = [];
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (lstatSync(path).isDirectory()) {
        lines.push(`${prefix}${name}/`);
        walk(path, `${prefix}${name}/`);
      } else {
        lines.push(`${prefix}${name} ${readFileSync(path).toString("base64")}`);
      }
    }
  };
  walk(dir, "");
  return lines.join("\n");
}

function run(cwd: string, killAt?: number): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
  delete env["SHAPESMITH_TEST_KILL_AT"];
  if (killAt !== undefined) env["SHAPESMITH_TEST_KILL_AT"] = String(killAt);
  const r = spawnSync(process.execPath, [BIN, "generate", "--no-format"], { cwd, encoding: "utf8", env, timeout: 60_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** WEATHER with an extra member, so its types, serializers and validators change. */
const WEATHER_CHANGED = WEATHER.replace(
  `"days": { "target": "smithy.api#Integer" }`,
  `"days": { "target": "smithy.api#Integer" },\n        "units": { "target": "smithy.api#String" }`,
);
const OTHER = WEATHER.replaceAll("example.weather#", "example.other#").replace("#Weather", "#Other");

/**
 * The old project generates alpha/ and beta/; the new models change alpha, drop beta (its files
 * and folder are deleted) and add gamma (a new folder).
 */
function scenario(fromScratch: boolean) {
  const template = makeProject({ "models/alpha.json": WEATHER, "models/beta.json": OTHER }, "cli-kill");
  projects.push(template);
  if (!fromScratch) expect(run(template).code).toBe(0);
  rmSync(join(template, "models/beta.json"));
  writeFileSync(join(template, "models/alpha.json"), WEATHER_CHANGED);
  writeFileSync(join(template, "models/gamma.json"), OTHER);
  const oldTree = snapshot(join(template, "generated"));

  const reference = makeProject({}, "cli-kill-ref");
  projects.push(reference);
  cpSync(template, reference, { recursive: true });
  const full = run(reference);
  expect(full.stderr).toBe("");
  expect(full.code).toBe(0);
  const out = join(reference, "generated");
  const newTree = snapshot(out);
  expect(newTree).not.toBe(oldTree);
  const files = new Map(listFiles(out).map((p) => [p, readFileSync(join(out, p), "utf8")]));

  // Count the steps of the same write in-process.
  const counted = makeProject({}, "cli-kill-count");
  projects.push(counted);
  cpSync(template, counted, { recursive: true });
  const steps: string[] = [];
  replaceTree(join(counted, "generated"), files, { step: (what) => void steps.push(what) });
  expect(snapshot(join(counted, "generated"))).toBe(newTree);
  const commit = steps.findIndex((s) => s.startsWith("commit")) + 1;
  expect(commit).toBeGreaterThan(1);
  return { template, oldTree, newTree, steps, commit };
}

/** KILL_TEST=all: kill at every step instead of 20 (slow: minutes). */
const ALL = process.env["KILL_TEST"] === "all";

/** `count` distinct step numbers spread over 1..total, always with both sides of the commit. */
function points(total: number, commit: number, count: number): number[] {
  if (ALL || total <= count) return Array.from({ length: total }, (_, i) => i + 1);
  const chosen = new Set([1, commit, commit + 1, total]);
  for (let i = 0; i < count && chosen.size < count; i++) chosen.add(1 + Math.round((i * (total - 1)) / (count - 1)));
  for (let k = 2; chosen.size < count; k++) chosen.add(k);
  return [...chosen].sort((a, b) => a - b);
}

/** The project folder holds exactly the models and the output folder: no staged or journal files. */
function expectNoLeftovers(dir: string): void {
  expect(readdirSync(dir).sort()).toEqual(existsSync(join(dir, "generated")) ? ["generated", "models"] : ["models"]);
}

const BROKEN = "{ this is not JSON";

describe.each([
  ["an existing output folder", false],
  ["a first generation (no output folder yet)", true],
])("kill -9 during the write of %s", (_label, fromScratch) => {
  let s: ReturnType<typeof scenario>;
  beforeAll(() => {
    s = scenario(fromScratch);
  });

  it("the write phase has enough steps for 20 kill points", () => {
    expect(s.steps.length).toBeGreaterThanOrEqual(20);
  });

  it("after a kill at any step, the next run leaves exactly the old or the new tree and no leftovers", () => {
    const count = fromScratch ? 5 : 20;
    const chosen = points(s.steps.length, s.commit, count);
    expect(new Set(chosen).size).toBe(ALL ? s.steps.length : count);
    const journalRemoved = s.steps.indexOf("remove journal") + 1;
    const converge = new Set([s.commit + 1]);
    const outcomes: string[] = [];
    for (const n of chosen) {
      const at = `killed at step ${n} of ${s.steps.length} (${s.steps[n - 1]}; commit at ${s.commit})`;
      const dir = makeProject({}, "cli-kill-run");
      projects.push(dir);
      cpSync(s.template, dir, { recursive: true });
      const killed = run(dir, n);
      expect(killed.signal, `${at}: ${killed.stderr}`).toBe("SIGKILL");
      const leftBehind = existsSync(join(dir, ".generated.shapesmith"));

      // The next run fails on its input (nothing of its own is written) but repairs first.
      writeFileSync(join(dir, "models/zz-broken.json"), BROKEN);
      const next = run(dir);
      expect(next.code, next.stderr).toBe(1);
      expect(next.stderr).toContain("error JSON_SYNTAX");
      expect(snapshot(join(dir, "generated")), at).toBe(n <= s.commit ? s.oldTree : s.newTree);
      expectNoLeftovers(dir);
      outcomes.push(n <= s.commit ? "old" : "new");
      const recovered = next.stderr.split("\n").filter((l) => l.includes("OUT_RECOVERED")).join("\n");
      if (!leftBehind) expect(recovered, at).toBe("");
      else if (n > s.commit && n <= journalRemoved) expect(recovered, at).toContain("interrupted after it committed its write to `generated/`: finished it");
      else if (n <= s.commit && n > s.steps.indexOf("write journal.tmp")) expect(recovered, at).toContain("interrupted before it committed its write to `generated/`: removed its staged files");
      else expect(recovered, at).toMatch(/interrupted before it committed|Removed `\.generated\.shapesmith\/`, left by an earlier run/);

      if (converge.has(n)) {
        // A run with good models converges on the new tree.
        rmSync(join(dir, "models/zz-broken.json"));
        const last = run(dir);
        expect(last.code, last.stderr).toBe(0);
        expect(snapshot(join(dir, "generated"))).toBe(s.newTree);
        expectNoLeftovers(dir);
      }
      removeProject(dir);
    }
    expect(outcomes).toContain("old");
    expect(outcomes).toContain("new");
    console.log(`kill test (${_label}): killed at ${chosen.length} of ${s.steps.length} write steps (commit at step ${s.commit}); ${outcomes.filter((o) => o === "old").length} old, ${outcomes.filter((o) => o === "new").length} new`);
  }, ALL ? 1_800_000 : 600_000); // 40+ CLI runs: about 30 s on an idle machine, minutes under a full parallel suite
});

describe("kill -9 during the recovery of a killed write", () => {
  it("recovery is itself restartable: a kill at any of its steps still ends in the new tree", () => {
    const s = scenario(false);
    const killAt = s.commit + 3; // the write committed and applied a few changes
    const base = makeProject({}, "cli-kill-base");
    projects.push(base);
    cpSync(s.template, base, { recursive: true });
    expect(run(base, killAt).signal).toBe("SIGKILL");
    // --check repairs nothing and says what is left.
    const before = snapshot(base);
    const check = spawnSync(process.execPath, [BIN, "generate", "--no-format", "--check"], { cwd: base, encoding: "utf8" });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(
      "error OUT_INTERRUPTED: A write of `generated/` was interrupted or is in progress: `.generated.shapesmith` is left",
    );
    expect(snapshot(base)).toBe(before);
    writeFileSync(join(base, "models/zz-broken.json"), BROKEN);
    for (const n of [1, 2, 4, 8, 12]) {
      const dir = makeProject({}, "cli-kill-rec");
      projects.push(dir);
      cpSync(base, dir, { recursive: true });
      expect(run(dir, n).signal, `recovery killed at step ${n}`).toBe("SIGKILL");
      const third = run(dir);
      expect(third.code).toBe(1);
      expect(third.stderr).toContain("finished it");
      expect(snapshot(join(dir, "generated")), `recovery killed at step ${n}`).toBe(s.newTree);
      expectNoLeftovers(dir);
      removeProject(dir);
    }
    const whole = run(base);
    expect(whole.code).toBe(1); // the broken model; the recovery itself went through
    expect(snapshot(join(base, "generated"))).toBe(s.newTree);
    expectNoLeftovers(base);
  }, 600_000);
});
