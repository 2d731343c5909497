// `shapesmith generate --watch` as a real process in a temporary project, driven by real file
// edits: one line per run, a new member appears in the output, a bad edit prints its diagnostic
// and leaves the output as it was, the watch goes on, and SIGINT ends it with exit code 0.

import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, makeProject, positionOf, removeProject, treeHash, WEATHER } from "./helpers.js";

const projects: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  projects.forEach(removeProject);
});

/** Collects a child's output and waits for a line that matches. */
function follow(child: ChildProcess) {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const lines = () => stdout.split("\n").filter(Boolean);
  return {
    lines,
    stderr: () => stderr,
    async waitFor(count: number, ms = 30_000): Promise<string> {
      const start = Date.now();
      while (lines().length < count) {
        if (Date.now() - start > ms) throw new Error(`timed out waiting for line ${count}; stdout:\n${stdout}\nstderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return lines()[count - 1] ?? "";
    },
  };
}

describe("generate --watch", () => {
  it("regenerates on a real edit, survives a bad one, and stops on SIGINT", async () => {
    const dir = makeProject({ "models/weather.json": WEATHER }, "cli-watch");
    projects.push(dir);
    const child = spawn(process.execPath, [BIN, "generate", "--watch", "--no-format"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    children.push(child);
    const out = follow(child);

    expect(await out.waitFor(1)).toMatch(/^\d\d:\d\d:\d\d generated\/: 13 files, 13 changed \(\d+ ms\)$/);
    // Wait until the watcher is set up (it says so on stderr) before editing.
    for (let i = 0; i < 200 && !out.stderr().includes("Watching for changes"); i++) await new Promise((r) => setTimeout(r, 50));

    const model = join(dir, "models/weather.json");
    const added = WEATHER.replace(
      '"days": { "target": "smithy.api#Integer" }',
      '"days": { "target": "smithy.api#Integer" },\n        "region": { "target": "smithy.api#String", "traits": { "smithy.api#length": { "max": 8 } } }',
    );
    writeFileSync(model, added);
    expect(await out.waitFor(2)).toMatch(/^\d\d:\d\d:\d\d generated\/: 13 files, \d+ changed \(\d+ ms\) \(models\/weather\.json\)$/);
    expect(readFileSync(join(dir, "generated/weather/types.ts"), "utf8")).toContain("region?: string");
    const good = treeHash(join(dir, "generated"));

    const broken = added.replace('"smithy.api#String"', '"smithy.api#Strin"');
    writeFileSync(model, broken);
    expect(await out.waitFor(3)).toMatch(/^\d\d:\d\d:\d\d 1 error; nothing written, still watching \(models\/weather\.json\)$/);
    const at = positionOf(broken, '"smithy.api#Strin"');
    expect(out.stderr()).toContain(`models/weather.json:${at.line}:${at.column}: error SMITHY_UNKNOWN_TARGET`);
    expect(treeHash(join(dir, "generated"))).toBe(good);

    writeFileSync(model, WEATHER);
    expect(await out.waitFor(4)).toMatch(/ generated\/: 13 files, \d+ changed /);
    expect(readFileSync(join(dir, "generated/weather/types.ts"), "utf8")).not.toContain("region");

    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exit).toBe(0);
    expect(out.lines()).toHaveLength(4);
  });

  it("after a member's documentation edit, rewrites types.ts alone, formatted, and leaves every other file as it was", async () => {
    const cognito = readFileSync(new URL("../../models/cognito-identity-provider.smithy", import.meta.url), "utf8");
    const doc = "<p>The flow that signs the user in.";
    expect(cognito).toContain(doc);
    const dir = makeProject({ "models/cognito.smithy": cognito }, "cli-watch-doc");
    projects.push(dir);
    const child = spawn(process.execPath, [BIN, "generate", "--watch"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    children.push(child);
    const out = follow(child);
    expect(await out.waitFor(1)).toMatch(/ generated\/: \d+ files, \d+ changed /);
    for (let i = 0; i < 200 && !out.stderr().includes("Watching for changes"); i++) await new Promise((r) => setTimeout(r, 50));
    const folder = join(dir, "generated/cognito");
    const before = new Map(readdirSync(folder).map((f) => [f, statSync(join(folder, f)).mtimeMs] as const));
    const oldTypes = readFileSync(join(folder, "types.ts"), "utf8");
    await new Promise((r) => setTimeout(r, 20)); // a later time stamp for whatever is rewritten

    writeFileSync(join(dir, "models/cognito.smithy"), cognito.replace(doc, "<p>The flow that signs the user in, edited."));
    expect(await out.waitFor(2)).toMatch(/ generated\/: \d+ files, 1 changed \(\d+ ms\) \(models\/cognito\.smithy\)$/);
    const rewritten = readdirSync(folder).filter((f) => statSync(join(folder, f)).mtimeMs !== before.get(f));
    expect(rewritten).toEqual(["types.ts"]);
    const newTypes = readFileSync(join(folder, "types.ts"), "utf8");
    expect(newTypes).toBe(oldTypes.replace("The flow that signs the user in. Each", "The flow that signs the user in, edited. Each"));

    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exit).toBe(0);
  });
});
