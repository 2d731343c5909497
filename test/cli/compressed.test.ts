// Gzip-compressed model files through the real CLI: `models/weather.json.gz` generates exactly
// what `models/weather.json` does (but for the source path in the headers), in a folder named
// `weather`; a broken gzip stream or broken JSON inside one is a diagnostic, exit 1, and
// generated/ untouched.
//
//   models/weather.json.gz (gzip of WEATHER) → generated/weather/*.ts, the same bodies as from weather.json

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { listTree, makeProject, positionOf, removeProject, runCli, treeHash, WEATHER, writeFile } from "./helpers.js";

const ROOT_FIXTURES = join(import.meta.dirname, "..", "openapi", "fixtures");

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

function project(files: Readonly<Record<string, string | Buffer>>): string {
  const dir = makeProject({}, "cli-gz");
  projects.push(dir);
  for (const [path, content] of Object.entries(files)) writeFile(dir, path, content as string);
  return dir;
}

/** Every generated file of `dir`, with the model's source path in the headers replaced by `<model>`. */
function tree(dir: string, source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of listTree(join(dir, "generated"))) out[path] = readFileSync(join(dir, "generated", path), "utf8").split(source).join("<model>");
  return out;
}

describe("gzip-compressed model files", () => {
  it("a Smithy JSON AST as .json.gz generates what the plain file does", () => {
    const plain = project({ "models/weather.json": WEATHER });
    const packed = project({ "models/weather.json.gz": gzipSync(WEATHER) });
    expect(runCli(["generate"], plain).code).toBe(0);
    const run = runCli(["generate"], packed);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const expected = tree(plain, "models/weather.json");
    expect(Object.keys(expected).length).toBeGreaterThan(3);
    expect(tree(packed, "models/weather.json.gz")).toEqual(expected);
  });

  it("an OpenAPI YAML document as .yaml.gz, named by the file without its suffixes", () => {
    const yaml = readFileSync(join(ROOT_FIXTURES, "params.yaml"), "utf8");
    const plain = project({ "models/params.yaml": yaml });
    const packed = project({ "models/params.yaml.gz": gzipSync(yaml) });
    expect(runCli(["generate"], plain).code).toBe(0);
    expect(runCli(["generate"], packed).code).toBe(0);
    const expected = tree(plain, "models/params.yaml");
    expect(Object.keys(expected).every((p) => p.startsWith("params/"))).toBe(true);
    expect(tree(packed, "models/params.yaml.gz")).toEqual(expected);
  });

  it("a truncated gzip stream → INPUT_UNREADABLE, exit 1, generated/ untouched", () => {
    const whole = gzipSync(WEATHER);
    const dir = project({ "models/weather.json.gz": whole.subarray(0, whole.length >> 1), "generated/weather/types.ts": "// committed output\n" });
    const before = treeHash(join(dir, "generated"));
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toMatch(/^error INPUT_UNREADABLE: The model file `models\/weather\.json\.gz` cannot be read: it starts as a gzip stream but does not decompress \(.+\)$/);
    expect(run.stderr).toMatch(/^hint: Decompress it yourself/m);
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(treeHash(join(dir, "generated"))).toBe(before);
  });

  it("broken JSON inside a .json.gz is reported at its line and column in the decompressed text", () => {
    const model = WEATHER.replace('"target": "example.weather#CityName"', '"target": "example.weather#CityNam"');
    const dir = project({ "models/weather.json.gz": gzipSync(model) });
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(1);
    const at = positionOf(model, '"example.weather#CityNam"');
    expect(run.stderr.split("\n")[0]).toMatch(new RegExp(`^models/weather\\.json\\.gz:${at.line}:${at.column}: error SMITHY_UNKNOWN_TARGET: `));
  });
});
