// The real CLI's arguments and config: --help, --version, unknown flags and commands, and
// shapesmith.config.json errors with their exact positions. None of these reach the core.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeProject, positionOf, removeProject, ROOT, runCli, WEATHER } from "./helpers.js";

const projects: string[] = [];
function project(files: Record<string, string> = {}): string {
  const dir = makeProject(files, "cli-args");
  projects.push(dir);
  return dir;
}
afterAll(() => projects.forEach(removeProject));

describe("arguments", () => {
  it("--help prints the usage; --version the package version", () => {
    const dir = project();
    const help = runCli(["--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: shapesmith <command> [options]");
    expect(help.stdout).toContain("--check");
    const version = runCli(["--version"], dir);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version.stdout).toBe(`shapesmith ${pkg.version}\n`);
  });

  it("no command prints the usage and exits 1", () => {
    const run = runCli([], project());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Usage: shapesmith");
  });

  it("an unknown flag is an error with a hint", () => {
    const dir = project({ "models/weather.json": WEATHER });
    const run = runCli(["generate", "--chek"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "error CLI_UNKNOWN_OPTION: Unknown option `--chek`\n" +
        "hint: Did you mean `--check`? Options: --config, --out, --check, --verbose, --no-format, --formatter, --watch, --quiet, --reporter, --help, --version; see `shapesmith --help`.\n",
    );
    expect(readdirSync(dir)).toEqual(["models"]);
  });

  it("an unknown command, a flag that takes no value, a missing value, a flag of another command", () => {
    const dir = project();
    const command = runCli(["gen"], dir);
    expect(command.code).toBe(1);
    expect(command.stderr).toContain("error CLI_UNKNOWN_COMMAND: Unknown command `gen`");
    expect(command.stderr).toContain("hint: Did you mean `generate`?");
    const value = runCli(["generate", "--check=yes"], dir);
    expect(value.code).toBe(1);
    expect(value.stderr).toContain("error CLI_OPTION_VALUE: The option `--check` takes no value");
    const missing = runCli(["generate", "--out"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error CLI_OPTION_VALUE: The option `--out` needs a value");
    const other = runCli(["ast", "--check", "x.smithy"], dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("error CLI_OPTION_NOT_ALLOWED: The option `--check` does not apply to `shapesmith ast`");
  });
});

describe("shapesmith.config.json", () => {
  it("an unknown key is an error at its line and column, with a suggestion; nothing is written", () => {
    const config = '{\n  "models": "models",\n  "output": "src/generated"\n}\n';
    const dir = project({ "shapesmith.config.json": config, "models/weather.json": WEATHER });
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(1);
    const at = positionOf(config, '"output"');
    expect(run.stderr.split("\n")[0]).toBe(`shapesmith.config.json:${at.line}:${at.column}: error CONFIG_UNKNOWN_KEY: Unknown config key \`output\``);
    expect(run.stderr).toContain(`> ${at.line} |   "output": "src/generated"`);
    expect(run.stderr).toContain("hint: Did you mean `out`?");
    expect(readdirSync(dir).sort()).toEqual(["models", "shapesmith.config.json"]);
  });

  it("a value of the wrong type is an error at the value", () => {
    const config = '{ "out": 42 }\n';
    const dir = project({ "shapesmith.config.json": config, "models/weather.json": WEATHER });
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(
      "shapesmith.config.json:1:10: error CONFIG_TYPE: The config key `out` must be a string (a path), not the number 42",
    );
  });

  it('"format": false skips prettier like --no-format; a non-boolean is an error at the value', () => {
    const viaFlag = project({ "models/weather.json": WEATHER });
    expect(runCli(["generate", "--no-format"], viaFlag).code).toBe(0);
    const viaConfig = project({ "shapesmith.config.json": '{ "format": false }\n', "models/weather.json": WEATHER });
    expect(runCli(["generate"], viaConfig).code).toBe(0);
    const formatted = project({ "models/weather.json": WEATHER });
    expect(runCli(["generate"], formatted).code).toBe(0);
    const tree = (dir: string) =>
      readdirSync(join(dir, "generated/weather")).sort().map((f) => readFileSync(join(dir, "generated/weather", f), "utf8")).join("\n");
    expect(tree(viaConfig)).toBe(tree(viaFlag));
    // Somewhere prettier changes the printers' own layout (long lines wrapped).
    expect(tree(viaConfig)).not.toBe(tree(formatted));

    const bad = project({ "shapesmith.config.json": '{ "format": "no" }\n', "models/weather.json": WEATHER });
    const run = runCli(["generate"], bad);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(
      'shapesmith.config.json:1:13: error CONFIG_TYPE: The config key `format` must be true or false, not a string',
    );
  });

  it("invalid JSON is an error at its position", () => {
    const config = '{\n  "out": "gen"\n  "models": "m"\n}\n';
    const dir = project({ "shapesmith.config.json": config });
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("shapesmith.config.json:3:3: error CONFIG_SYNTAX: The config is not valid JSON: expected `,`");
  });

  it("its paths are used, relative to the config; --out overrides it; --config names another file", () => {
    const dir = project({
      "config/shapesmith.json": '{ "models": "../specs", "out": "../src/gen" }\n',
      "specs/weather.json": WEATHER,
    });
    const run = runCli(["generate", "--config", "config/shapesmith.json"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, "src/gen"))).toEqual(["weather"]);
    // The header names the sources relative to the project root (the config's folder).
    expect(readFileSync(join(dir, "src/gen/weather/index.ts"), "utf8")).toMatch(/^\/\/ Generated by Shapesmith from \.\.\/specs\/weather\.json /);
    const flag = runCli(["generate", "--config", "config/shapesmith.json", "--out", "other"], dir);
    expect(flag.code).toBe(0);
    expect(readdirSync(join(dir, "other"))).toEqual(["weather"]);
    const missing = runCli(["generate", "--config", "nope.json"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split("\n")[0]).toBe("error CONFIG_NOT_FOUND: The config file `nope.json` does not exist");
  });

  it("a templates folder named in the config must exist", () => {
    const dir = project({ "shapesmith.config.json": '{ "templates": "my-templates" }\n', "models/weather.json": WEATHER });
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error TEMPLATES_NOT_FOUND: The templates folder `my-templates` named in the config does not exist");
  });
});
