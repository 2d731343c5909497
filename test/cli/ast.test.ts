// `shapesmith ast FILE...` through the real CLI: the files load together and the model is printed
// as Smithy 2.0 JSON AST on stdout (prelude left out); errors print diagnostics and exit 1.

import { afterAll, describe, expect, it } from "vitest";
import { makeProject, removeProject, runCli, WEATHER } from "./helpers.js";

const projects: string[] = [];
function project(files: Record<string, string> = {}): string {
  const dir = makeProject(files, "cli-ast");
  projects.push(dir);
  return dir;
}
afterAll(() => projects.forEach(removeProject));

const IDL = `$version: "2.0"

namespace example.weather

/// The city's name.
@length(min: 1, max: 64)
string CityName
`;

describe("shapesmith ast", () => {
  it("prints the JSON AST of the files loaded together, without the prelude", () => {
    const model = JSON.parse(WEATHER) as { shapes: Record<string, { traits?: unknown }> };
    delete model.shapes["example.weather#CityName"];
    // Like `smithy ast`, only the prelude is built in: trait definitions of aws.protocols are not.
    delete model.shapes["example.weather#Weather"]!.traits;
    const dir = project({ "weather.json": JSON.stringify({ smithy: "2.0", shapes: model.shapes }, null, 2), "city.smithy": IDL });
    const run = runCli(["ast", "weather.json", "city.smithy"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const ast = JSON.parse(run.stdout) as { smithy: string; shapes: Record<string, { type: string; traits?: Record<string, unknown> }> };
    expect(ast.smithy).toBe("2.0");
    expect(Object.keys(ast.shapes).sort()).toEqual([
      "example.weather#CityName",
      "example.weather#GetForecast",
      "example.weather#GetForecastInput",
      "example.weather#Weather",
    ]);
    expect(ast.shapes["example.weather#CityName"]).toEqual({
      type: "string",
      traits: { "smithy.api#documentation": "The city's name.", "smithy.api#length": { min: 1, max: 64 } },
    });
  });

  it("errors print diagnostics with positions and exit 1; nothing on stdout", () => {
    const dir = project({ "bad.smithy": '$version: "2.0"\nnamespace example.weather\n\nstructure Foo {\n  bar: Nope\n}\n' });
    const run = runCli(["ast", "bad.smithy"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^bad\.smithy:5:\d+: error /);
    expect(run.stderr).toContain("> 5 |");
  });

  it("needs a file, and the files must exist", () => {
    const dir = project();
    const none = runCli(["ast"], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("error CLI_MISSING_ARGUMENT");
    const missing = runCli(["ast", "nope.smithy"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split("\n")[0]).toBe("error INPUT_NOT_FOUND: The model file `nope.smithy` does not exist");
  });
});
