// Which formatter a run uses (generator/cli/formatter.ts), through the real CLI: oxfmt by default,
// prettier with the team's own config when one is found for the output folder (`.prettierrc`, a
// `prettier` key in package.json, up the folders), `--formatter` / the config's `formatter` to
// choose, a broken prettier config as a diagnostic with nothing written. Outputs compared whole
// with what prettier itself makes of the unformatted files under that config.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { makeProject, removeProject, runCli, WEATHER } from "./helpers.js";

const projects: string[] = [];
function project(files: Record<string, string> = {}): string {
  const dir = makeProject(files, "cli-formatter");
  projects.push(dir);
  return dir;
}
afterAll(() => projects.forEach(removeProject));

/** File name → content of `dir`/generated/weather. */
function tree(dir: string, out = "generated/weather"): Map<string, string> {
  const folder = join(dir, out);
  return new Map(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), "utf8")] as const));
}

function generateIn(dir: string, ...args: string[]): Map<string, string> {
  const run = runCli(["generate", ...args], dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return tree(dir);
}

/** The printers' own layout of the weather model, formatted by prettier with `config`. */
async function prettierOf(config: Record<string, unknown>): Promise<Map<string, string>> {
  const raw = generateIn(project({ "models/weather.json": WEATHER }), "--no-format");
  const out = new Map<string, string>();
  for (const [file, text] of raw) out.set(file, await prettier.format(text, { ...config, parser: "typescript" }));
  return out;
}

const SHAPESMITH_LAYOUT = { printWidth: 100, trailingComma: "all", proseWrap: "preserve" };

describe("the formatter of a run", () => {
  it("by default oxfmt, in the layout prettier gives with Shapesmith's options; --formatter prettier gives the same", async () => {
    const oxfmt = generateIn(project({ "models/weather.json": WEATHER }));
    expect(oxfmt).toEqual(await prettierOf(SHAPESMITH_LAYOUT));
    expect(generateIn(project({ "models/weather.json": WEATHER }), "--formatter", "prettier")).toEqual(oxfmt);
    expect(generateIn(project({ "models/weather.json": WEATHER, "shapesmith.config.json": '{ "formatter": "prettier" }' }))).toEqual(oxfmt);
  });

  it("a .prettierrc above the output folder is prettier's config, exactly; --formatter oxfmt ignores it", async () => {
    const config = { semi: false, singleQuote: true, printWidth: 60 };
    const dir = project({ "models/weather.json": WEATHER, ".prettierrc": JSON.stringify(config) });
    const files = generateIn(dir);
    expect(files).toEqual(await prettierOf(config));
    expect(files.get("types.ts")).not.toMatch(/;\n/);
    // --check agrees (the same formatter is chosen), and the config is an input: changing it makes the folder stale.
    expect(runCli(["generate", "--check"], dir).code).toBe(0);
    const ignored = project({ "models/weather.json": WEATHER, ".prettierrc": JSON.stringify(config) });
    expect(generateIn(ignored, "--formatter", "oxfmt")).toEqual(generateIn(project({ "models/weather.json": WEATHER })));
    expect(runCli(["generate", "--check"], ignored).code).toBe(1);
  });

  it("a prettier key in package.json counts, with its overrides; a package.json without one does not", async () => {
    const overrides = { printWidth: 120, overrides: [{ files: "*.ts", options: { semi: false } }] };
    const withKey = project({ "models/weather.json": WEATHER, "package.json": JSON.stringify({ name: "p", prettier: overrides }) });
    expect(generateIn(withKey)).toEqual(await prettierOf({ printWidth: 120, semi: false }));
    const without = project({ "models/weather.json": WEATHER, "package.json": JSON.stringify({ name: "p" }) });
    expect(generateIn(without)).toEqual(generateIn(project({ "models/weather.json": WEATHER })));
  });

  it("a broken prettier config is an error naming it, and nothing is written", () => {
    const dir = project({ "models/weather.json": WEATHER, ".prettierrc.json": '{ "semi": ' });
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toMatch(/^\.prettierrc\.json: error FORMAT_PRETTIER_CONFIG: The prettier config for the output folder cannot be used: /);
    expect(run.stderr).toContain('set "formatter": "oxfmt" in shapesmith.config.json (or pass --formatter oxfmt) to ignore it');
    expect(readdirSync(dir).sort()).toEqual([".prettierrc.json", "models"]);
    expect(runCli(["generate", "--formatter", "oxfmt"], dir).code).toBe(0);
    const plugin = project({ "models/weather.json": WEATHER, ".prettierrc": JSON.stringify({ plugins: ["prettier-plugin-that-is-not-installed"] }) });
    const missing = runCli(["generate"], plugin);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error FORMAT_PRETTIER_CONFIG");
    expect(missing.stderr).toContain("prettier-plugin-that-is-not-installed");
  });

  it("an unknown --formatter is an error with a suggestion; --no-format wins over any formatter", () => {
    const dir = project({ "models/weather.json": WEATHER, ".prettierrc": "{}" });
    const run = runCli(["generate", "--formatter", "prettierr"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("error CLI_OPTION_VALUE: Unknown formatter `prettierr`\nhint: Did you mean `prettier`? Formatters: auto, oxfmt, prettier.\n");
    expect(generateIn(dir, "--no-format", "--formatter", "prettier")).toEqual(generateIn(project({ "models/weather.json": WEATHER }), "--no-format"));
  });
});
