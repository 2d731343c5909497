// Per-model settings of the config (`perModel`, `artifacts`), through the real CLI in-process:
// a model's own output folder, types only, unknown model names, overlapping folders.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Io } from "../../generator/cli/io.js";
import { main } from "../../generator/cli/main.js";
import { listTree, makeProject, positionOf, removeProject, treeHash, WEATHER } from "./helpers.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));
function project(files: Record<string, string>): string {
  const dir = makeProject(files, "cli-per-model");
  projects.push(dir);
  return dir;
}
async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { cwd, env: {}, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  return { code: await main(args, io), stdout, stderr };
}

describe("perModel and artifacts", () => {
  it("a model with its own folder and types only; the others keep the defaults", async () => {
    const config = JSON.stringify({ perModel: { weather: { out: "src/weather", artifacts: ["types"] } } });
    const dir = project({ "shapesmith.config.json": config, "models/weather.json": WEATHER, "models/other.json": WEATHER });
    const result = await run(["generate", "--no-format"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Wrote generated/: 13 files (13 new).\nWrote src/weather/: 2 files (2 new).\n");
    expect(listTree(join(dir, "src/weather"))).toEqual(["index.ts", "types.ts"]);
    expect(listTree(join(dir, "generated"))).toEqual(["other/client.ts", "other/deserializers.ts", "other/endpoints.ts", "other/errors.ts", "other/index.ts", "other/json.ts", "other/read.ts", "other/redact.ts", "other/runtime.ts", "other/serializers.ts", "other/transport.ts", "other/types.ts", "other/validators.ts"]);
    const index = readFileSync(join(dir, "src/weather/index.ts"), "utf8");
    expect(index.split("\n").filter((l) => l.startsWith("export"))).toEqual(['export * from "./types.js";']);
    // types.ts of a types-only model is the same file as with every artifact.
    expect(readFileSync(join(dir, "src/weather/types.ts"), "utf8")).toBe(
      readFileSync(join(dir, "generated/other/types.ts"), "utf8").replaceAll("models/other.json", "models/weather.json"),
    );
    expect((await run(["generate", "--check", "--no-format"], dir)).code).toBe(0);
  });

  it("artifacts for every model: types and validators (runtime.ts comes with validators)", async () => {
    const dir = project({ "shapesmith.config.json": '{ "artifacts": ["types", "validators"] }', "models/weather.json": WEATHER });
    expect((await run(["generate", "--no-format"], dir)).code).toBe(0);
    expect(listTree(join(dir, "generated"))).toEqual(["weather/index.ts", "weather/runtime.ts", "weather/types.ts", "weather/validators.ts"]);
  });

  it("a perModel name that is no model is an error at its key, with a suggestion; nothing is written", async () => {
    const config = '{\n  "perModel": { "wether": { "artifacts": ["types"] } }\n}\n';
    const dir = project({ "shapesmith.config.json": config, "models/weather.json": WEATHER });
    const result = await run(["generate", "--no-format"], dir);
    expect(result.code).toBe(1);
    const at = positionOf(config, '"wether"');
    expect(result.stderr.split("\n")[0]).toBe(
      `shapesmith.config.json:${at.line}:${at.column}: error CONFIG_UNKNOWN_MODEL: \`perModel\` names the model \`wether\`, which the models folder does not hold`,
    );
    expect(result.stderr).toContain("hint: Did you mean `weather`? Models: weather.");
    expect(treeHash(join(dir, "generated"))).toBe("absent");
  });

  it("a model's folder inside the main output folder is an error", async () => {
    const config = JSON.stringify({ perModel: { weather: { out: "generated/w" } } });
    const dir = project({ "shapesmith.config.json": config, "models/weather.json": WEATHER, "models/other.json": WEATHER });
    const result = await run(["generate", "--no-format"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error OUT_OVERLAP: The output folder `generated/w` is inside the output folder `generated`");
  });
});
