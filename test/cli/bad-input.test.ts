// Bad input through the real CLI: each case exits 1 with the message, the exact file:line:column,
// a code frame (or the JSON pointer) and a hint, never a stack trace, and writes nothing.

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeProject, positionOf, removeProject, runCli, treeHash, WEATHER, writeFile } from "./helpers.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

/** Runs `generate` on one model file in a fresh project whose generated/ already holds a tree. */
function generateBroken(model: string, name = "weather.json") {
  const dir = makeProject({ [`models/${name}`]: model }, "cli-bad");
  projects.push(dir);
  writeFile(dir, "generated/weather/types.ts", "// committed output\n");
  const before = treeHash(join(dir, "generated"));
  const run = runCli(["generate"], dir);
  return { dir, run, untouched: treeHash(join(dir, "generated")) === before, entries: readdirSync(dir).sort() };
}

/** The first line of the report: `file:line:column: error CODE: message`. */
function firstLine(stderr: string): string {
  return stderr.split("\n")[0] ?? "";
}

function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(stderr).not.toContain("internal error");
}

describe("bad input → exit 1, a positioned diagnostic, nothing written", () => {
  it("a truncated JSON file", () => {
    const model = WEATHER.split("\n").slice(0, 15).join("\n"); // ends after `"type": "structure",`
    const { run, untouched, entries } = generateBroken(model);
    expect(run.code).toBe(1);
    const end = { line: 15, column: '      "type": "structure",'.length + 1 };
    expect(firstLine(run.stderr)).toMatch(
      new RegExp(`^models/weather\\.json:${end.line}:${end.column}: error JSON_SYNTAX: .*end of file`),
    );
    expect(run.stderr).toContain(`> ${end.line} |       "type": "structure",`);
    expect(run.stderr).toMatch(/\n\s+\|\s+\^/); // the caret line of the code frame
    expect(run.stderr).toMatch(/^hint: /m);
    expectNoStack(run.stderr);
    expect(untouched).toBe(true);
    expect(entries).toEqual(["generated", "models"]);
  });

  it("a member target that does not exist (with a suggestion)", () => {
    const model = WEATHER.replace('"target": "example.weather#CityName"', '"target": "example.weather#CityNam"');
    const { run, untouched } = generateBroken(model);
    expect(run.code).toBe(1);
    // The caret points at the target that does not exist.
    const at = positionOf(model, '"example.weather#CityNam"');
    expect(firstLine(run.stderr)).toBe(
      `models/weather.json:${at.line}:${at.column}: error SMITHY_UNKNOWN_TARGET: Member \`city\` of \`example.weather#GetForecastInput\` targets \`example.weather#CityNam\`, which is not defined`,
    );
    expect(run.stderr).toContain(`> ${at.line} |         "city": { "target": "example.weather#CityNam"`);
    expect(run.stderr).toContain(" ".repeat(at.column - 1) + "^");
    expect(run.stderr).toContain("hint: Did you mean `example.weather#CityName`?");
    expectNoStack(run.stderr);
    expect(untouched).toBe(true);
  });

  it('a trait value of the wrong type ("smithy.api#length": "long")', () => {
    const model = WEATHER.replace('"smithy.api#length": { "min": 1, "max": 64 }', '"smithy.api#length": "long"');
    const { run, untouched } = generateBroken(model);
    expect(run.code).toBe(1);
    // The caret points at the value of the wrong type.
    const at = positionOf(model, '"long"');
    expect(firstLine(run.stderr)).toMatch(
      new RegExp(`^models/weather\\.json:${at.line}:${at.column}: error SMITHY_TRAIT_VALUE: .*smithy\\.api#length.*"long"`),
    );
    expect(run.stderr).toContain(`> ${at.line} |       "traits": { "smithy.api#length": "long" }`);
    expect(run.stderr).toContain(" ".repeat(at.column - 1) + "^");
    expectNoStack(run.stderr);
    expect(untouched).toBe(true);
  });

  it("a JSON file that is not a Smithy model", () => {
    const model = '{\n  "name": "weather",\n  "version": "1.0.0",\n  "dependencies": {}\n}\n';
    const { run, untouched } = generateBroken(model);
    expect(run.code).toBe(1);
    expect(firstLine(run.stderr)).toMatch(/^models\/weather\.json:1:1: error NOT_A_SMITHY_MODEL: .*not a Smithy/);
    expect(run.stderr).toContain("> 1 | {");
    expect(run.stderr).toMatch(/^hint: /m);
    expectNoStack(run.stderr);
    expect(untouched).toBe(true);
  });

  it("a model file that does not exist", () => {
    const dir = makeProject({}, "cli-bad");
    projects.push(dir);
    const run = runCli(["generate", "models/nope.json", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(firstLine(run.stderr)).toBe("error INPUT_NOT_FOUND: The model file `models/nope.json` does not exist");
    expectNoStack(run.stderr);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("a models folder that does not exist", () => {
    const dir = makeProject({}, "cli-bad");
    projects.push(dir);
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(firstLine(run.stderr)).toBe("error MODELS_NOT_FOUND: The models folder `models` does not exist");
    expect(run.stderr).toMatch(/^hint: /m);
    expectNoStack(run.stderr);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a folder given as a model file is read as a folder model; an empty one is an error", () => {
    const dir = makeProject({ "empty/.keep": "" }, "cli-bad");
    projects.push(dir);
    const run = runCli(["generate", "empty", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(firstLine(run.stderr)).toMatch(/^error MODEL_FOLDER_EMPTY: /);
    expectNoStack(run.stderr);
  });

  it("an output folder that cannot be written (a file in the way) is an error, not a crash", () => {
    const dir = makeProject({ "weather.json": WEATHER, "blocker": "a file\n" }, "cli-bad");
    projects.push(dir);
    const run = runCli(["generate", "weather.json", "--out", "blocker/out"], dir);
    expect(run.code).toBe(1);
    expect(firstLine(run.stderr)).toMatch(/^error OUT_WRITE_FAILED: Cannot write `blocker\/out\/` \(E[A-Z]+\)/);
    expectNoStack(run.stderr);
    expect(readdirSync(dir).sort()).toEqual(["blocker", "weather.json"]);
  });
});
