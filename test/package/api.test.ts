// The programmatic API (generator/api.ts) in-process: it returns what the CLI would write and
// writes only when asked; check() is --check; models can be given as text; errors are data.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check, generate, type Diagnostic } from "../../generator/api.js";
import { listTree, makeProject, positionOf, removeProject, treeHash, WEATHER } from "../cli/helpers.js";
import { GENERATED, ROOT } from "../helpers/paths.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

describe("generate()", () => {
  it("returns exactly the files of the committed generated/ and writes nothing by default", async () => {
    const name = "cognito-identity-provider";
    const result = await generate({ models: [`models/${name}.smithy`], cwd: ROOT });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.written).toBe(false);
    expect([...result.files.keys()]).toEqual(listTree(join(GENERATED, name)).map((f) => `${name}/${f}`));
    for (const [path, content] of result.files) expect(content).toBe(readFileSync(join(GENERATED, path), "utf8"));
  });

  it("write: true writes into out; a second write changes nothing; check() finds drift", async () => {
    const dir = makeProject({ "specs/weather.json": WEATHER }, "api");
    projects.push(dir);
    const options = { models: ["specs/weather.json"], out: "src/gen", cwd: dir, format: false } as const;
    expect((await check(options)).missing).toHaveLength(13);
    const first = await generate({ ...options, write: true });
    expect(first).toMatchObject({ ok: true, written: true });
    expect(listTree(join(dir, "src/gen"))).toEqual([...first.files.keys()]);
    const hash = treeHash(join(dir, "src/gen"));
    expect(await generate({ ...options, write: true })).toMatchObject({ ok: true, written: false });
    expect(treeHash(join(dir, "src/gen"))).toBe(hash);
    expect(await check(options)).toEqual({ ok: true, upToDate: true, stale: [], missing: [], extra: [], diagnostics: [] });
    writeFileSync(join(dir, "src/gen/weather/types.ts"), "// edited\n");
    writeFileSync(join(dir, "src/gen/weather/extra.ts"), "// mine\n");
    expect(await check(options)).toEqual({ ok: false, upToDate: false, stale: ["weather/types.ts"], missing: [], extra: ["weather/extra.ts"], diagnostics: [] });
  });

  it("models as text; artifacts; a bad model is diagnostics with positions, no files, nothing written", async () => {
    const dir = makeProject({}, "api");
    projects.push(dir);
    const types = await generate({ models: [{ name: "w", files: [{ path: "w.json", text: WEATHER }] }], cwd: dir, artifacts: ["types"], format: false });
    expect([...types.files.keys()]).toEqual(["w/index.ts", "w/types.ts"]);
    const broken = WEATHER.replace('"smithy.api#Integer"', '"smithy.api#Intger"');
    const bad = await generate({ models: [{ name: "w", files: [{ path: "w.json", text: broken }] }], cwd: dir, write: true });
    expect(bad.ok).toBe(false);
    expect(bad.files.size).toBe(0);
    expect(bad.written).toBe(false);
    const error = bad.diagnostics.find((d: Diagnostic) => d.severity === "error");
    expect(error).toMatchObject({ code: "SMITHY_UNKNOWN_TARGET", file: "w.json", ...positionOf(broken, '"smithy.api#Intger"') });
    expect(treeHash(join(dir, "generated"))).toBe("absent");
  });
});
