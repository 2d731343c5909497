// The config in-process: defaults, paths relative to the config, flags overriding it, frozen
// options, and positioned diagnostics for every mistake.

import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig, resolveOptions } from "../../generator/options.js";
import { makeProject, removeProject } from "./helpers.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

describe("resolveOptions", () => {
  it("without a config: the defaults, relative to the working directory, frozen", () => {
    const dir = makeProject({}, "cli-options");
    projects.push(dir);
    const { options, diagnostics } = resolveOptions({ cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(options).toEqual({
      root: dir,
      models: join(dir, "models"),
      out: join(dir, "generated"),
      templates: join(dir, "templates"),
      format: true,
      formatter: "auto",
      templatesExplicit: false,
      artifacts: ["types", "serializers", "deserializers", "validators", "redact"],
      perModel: new Map(),
    });
    expect(Object.isFrozen(options)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CONFIG)).toBe(true);
  });

  it("a config's paths are relative to it; --out is relative to the working directory", () => {
    const dir = makeProject({ "conf/c.json": '// comments are fine\n{ "models": "../m", "templates": "t", }\n' }, "cli-options");
    projects.push(dir);
    const { options, diagnostics } = resolveOptions({ cwd: dir, config: "conf/c.json", out: "o" });
    expect(diagnostics).toEqual([]);
    expect(options).toMatchObject({
      root: join(dir, "conf"),
      configFile: join(dir, "conf/c.json"),
      models: join(dir, "m"),
      out: join(dir, "o"),
      templates: join(dir, "conf/t"),
      templatesExplicit: true,
    });
  });
});

describe("parseConfig", () => {
  it("reports every mistake at once, each at its position", () => {
    const text = '{\n  "modles": "models",\n  "out": ["a"],\n  "templates": "",\n  "out": "x"\n}';
    const { diagnostics } = parseConfig(text, "c.json");
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.pointer])).toEqual([
      ["CONFIG_UNKNOWN_KEY", 2, 3, "/modles"],
      ["CONFIG_TYPE", 3, 10, "/out"],
      ["CONFIG_EMPTY", 4, 16, "/templates"],
      ["CONFIG_DUPLICATE_KEY", 5, 3, "/out"],
    ]);
    expect(diagnostics[0]?.hint).toContain("Did you mean `models`?");
    expect(diagnostics.every((d) => d.severity === "error" && d.file === "c.json")).toBe(true);
  });

  it("a config that is not an object, and $schema allowed", () => {
    expect(parseConfig("[]", "c.json").diagnostics.map((d) => d.code)).toEqual(["CONFIG_NOT_OBJECT"]);
    expect(parseConfig('{ "$schema": "https://example.com/s.json", "out": "g" }', "c.json")).toEqual({ config: { out: "g" }, diagnostics: [], positions: new Map() });
  });
});
