// `shapesmith init` through the real CLI: an empty folder becomes a project that generates; a
// second run, or a project that has the files already, changes nothing; a package.json gains the
// script and keeps everything else.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONFIG_TEXT, EXAMPLE_MODEL } from "../../generator/cli/init.js";
import { DEFAULT_CONFIG, parseConfig } from "../../generator/options.js";
import { listTree, makeProject, removeProject, runCli, treeHash } from "./helpers.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));
function project(files: Record<string, string>): string {
  const dir = makeProject(files, "cli-init");
  projects.push(dir);
  return dir;
}

describe("shapesmith init", () => {
  it("writes a commented config with $schema, an example model and a generate script; the project generates", () => {
    const dir = project({});
    const init = runCli(["init"], dir);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    expect(init.stdout.split("\n").slice(0, 3)).toEqual([
      "created shapesmith.config.json",
      "created models/weather.smithy",
      'created package.json with the npm script "generate": "shapesmith generate"',
    ]);
    expect(listTree(dir)).toEqual(["models/weather.smithy", "package.json", "shapesmith.config.json"]);
    const config = readFileSync(join(dir, "shapesmith.config.json"), "utf8");
    expect(config).toBe(CONFIG_TEXT);
    expect(config.startsWith("// ")).toBe(true);
    const parsed = parseConfig(config, "shapesmith.config.json");
    expect(parsed.diagnostics).toEqual([]);
    // The config spells out the defaults (but templates and format).
    expect(parsed.config).toEqual({ models: DEFAULT_CONFIG.models, out: DEFAULT_CONFIG.out, artifacts: DEFAULT_CONFIG.artifacts, perModel: {} });
    expect(config).toContain('"$schema": "./node_modules/shapesmith/dist/config.schema.json"');
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts).toEqual({ generate: "shapesmith generate" });
    expect(readFileSync(join(dir, "models/weather.smithy"), "utf8")).toBe(EXAMPLE_MODEL);

    const generate = runCli(["generate"], dir);
    expect(generate.stderr).toBe("");
    expect(generate.code).toBe(0);
    const types = readFileSync(join(dir, "generated/weather/types.ts"), "utf8");
    expect(types).toContain("city: string;");
    expect(readFileSync(join(dir, "generated/weather/validators.ts"), "utf8")).toContain("length");
  });

  it("never overwrites: a second run keeps every file byte for byte and says so", () => {
    const dir = project({});
    expect(runCli(["init"], dir).code).toBe(0);
    const before = treeHash(dir);
    const again = runCli(["init"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout.split("\n").slice(0, 3)).toEqual([
      "kept    shapesmith.config.json (it exists)",
      "kept    models/ (it holds files; no example model added)",
      'kept    the npm script "generate" of package.json: "shapesmith generate"',
    ]);
    expect(treeHash(dir)).toBe(before);
  });

  it("adds the script to an existing package.json, keeping its keys, order and indentation", () => {
    const pkg = '{\n    "name": "mine",\n    "scripts": {\n        "test": "vitest"\n    },\n    "version": "1.0.0"\n}\n';
    const dir = project({ "package.json": pkg, "models/mine.smithy": "// mine\n" });
    expect(runCli(["init"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(
      '{\n    "name": "mine",\n    "scripts": {\n        "test": "vitest",\n        "generate": "shapesmith generate"\n    },\n    "version": "1.0.0"\n}\n',
    );
    expect(readFileSync(join(dir, "models/mine.smithy"), "utf8")).toBe("// mine\n");
    expect(listTree(join(dir, "models"))).toEqual(["mine.smithy"]);
  });

  it("keeps a generate script of the project's own; takes no arguments", () => {
    const pkg = '{ "scripts": { "generate": "make gen" } }\n';
    const dir = project({ "package.json": pkg });
    expect(runCli(["init"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(pkg);
    const args = runCli(["init", "x"], dir);
    expect(args.code).toBe(1);
    expect(args.stderr).toContain("error CLI_ARGUMENTS: `shapesmith init` takes no arguments");
  });
});
