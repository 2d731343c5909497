// The CLI's worker pool (generator/cli/pool.ts, worker.ts), through the real CLI: a run of two or
// more model files generates them on worker threads that stage each model's files as it is made.
// - The output is byte for byte the single-threaded run's (`runProject` without workers, in
//   process) on a handful of our own models of every front end, run after run.
// - A run that fails on one model, even the last one, leaves the output folder exactly as it was
//   (bytes and time stamps) and leaves nothing next to it.
// - A worker that crashes is a diagnostic (INTERNAL_WORKER_CRASH, exit 2), not a stack trace;
//   nothing is written.

import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runProject } from "../../generator/cli/project.js";
import { listTree, makeProject, removeProject, ROOT, runCli } from "./helpers.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

/** Our own models of every front end: Smithy IDL and JSON AST, botocore JSON, OpenAPI YAML. */
const MODELS: Readonly<Record<string, string>> = {
  "models/cognito-identity-provider.smithy": join(ROOT, "models/cognito-identity-provider.smithy"),
  "models/cognito-identity-provider.botocore.json": join(ROOT, "models/cognito-identity-provider.botocore.json"),
  "models/cognito-identity-provider.openapi.yaml": join(ROOT, "models/cognito-identity-provider.openapi.yaml"),
  "models/kitchen-sink.json": join(ROOT, "test/fixtures/kitchen-sink.json"),
  "models/adversarial-names.smithy": join(ROOT, "test/fixtures/adversarial-names.smithy"),
};

function project(label: string): string {
  const files: Record<string, string> = {};
  for (const [path, from] of Object.entries(MODELS)) files[path] = readFileSync(from, "utf8");
  const dir = makeProject(files, label);
  projects.push(dir);
  return dir;
}

/** Every file under `dir` with its bytes and modification time: what "untouched" means. */
function picture(dir: string): string {
  return listTree(dir)
    .map((path) => `${path} ${statSync(join(dir, path)).mtimeMs} ${readFileSync(join(dir, path)).toString("base64")}`)
    .join("\n");
}

describe("generating several models on worker threads", () => {
  it("writes byte for byte what the single-threaded run generates, run after run", async () => {
    const dir = project("cli-pool");
    const single = await runProject({ cwd: dir, models: [], workers: 0 });
    expect(single.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const expected = [...single.folders[0]!.files!].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(expected.length).toBeGreaterThan(40);
    for (let round = 0; round < 2; round++) {
      const run = runCli(["generate", "--out", `out-${round}`, ...Object.keys(MODELS)], dir);
      expect(run.stderr.split("\n").filter((l) => l.startsWith("error"))).toEqual([]);
      expect(run.code).toBe(0);
      const out = join(dir, `out-${round}`);
      const written = listTree(out).map((path) => [path, readFileSync(join(out, path), "utf8")] as const);
      expect(written.map(([p]) => p)).toEqual(expected.map(([p]) => p));
      for (const [i, [path, content]] of written.entries()) expect(content, path).toBe(expected[i]![1]);
    }
    // The same diagnostics, in the same (model) order.
    const human = runCli(["generate", "--out", "out-0", "--reporter", "json", "--verbose", ...Object.keys(MODELS)], dir);
    const codes = human.stdout.split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { code: string }).code);
    expect(codes).toEqual(single.diagnostics.map((d) => d.code));
  }, 300_000);

  it("a run that fails on one model leaves the output folder exactly as it was, and nothing next to it", () => {
    const dir = project("cli-pool-fail");
    expect(runCli(["generate"], dir).code).toBe(0);
    const before = picture(join(dir, "generated"));
    // Every good model changes (so each one stages files); the broken one comes last.
    for (const path of Object.keys(MODELS)) writeFileSync(join(dir, path), readFileSync(join(dir, path), "utf8") + "\n");
    writeFileSync(join(dir, "models/cognito-identity-provider.smithy"), readFileSync(join(dir, "models/cognito-identity-provider.smithy"), "utf8").replace("/// ", "/// Changed. "));
    writeFileSync(join(dir, "models/zz-broken.json"), '{ "smithy": "2.0", "shapes": { ');
    const failed = runCli(["generate"], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("error JSON_SYNTAX");
    expect(picture(join(dir, "generated"))).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["generated", "models"]);
  }, 300_000);

  it("a worker that crashes is a diagnostic and exit code 2, not a stack trace; nothing is written", () => {
    const dir = project("cli-pool-crash");
    const crash = (args: string[]) =>
      runCli(args, dir, { SHAPESMITH_TEST_WORKER_CRASH: "kitchen-sink" });
    const first = crash(["generate"]);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain("error INTERNAL_WORKER_CRASH: Generating the model `kitchen-sink` failed inside Shapesmith (a bug, not a mistake in your model): test crash in the worker generating kitchen-sink");
    expect(first.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir).sort()).toEqual(["models"]);
    // With --verbose the stack is there, as an info.
    expect(crash(["generate", "--verbose"]).stderr).toMatch(/info INTERNAL_WORKER_STACK: Where it failed:\n.*Error: test crash/);
    // An existing folder stays as it was.
    expect(runCli(["generate"], dir).code).toBe(0);
    const before = picture(join(dir, "generated"));
    for (const path of Object.keys(MODELS)) writeFileSync(join(dir, path), readFileSync(join(dir, path), "utf8") + "\n");
    expect(crash(["generate"]).code).toBe(2);
    expect(picture(join(dir, "generated"))).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["generated", "models"]);
  }, 300_000);
});
