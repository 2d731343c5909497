// The package as a user gets it: `npm pack` (prepack builds dist/), the tarball installed with
// `npm install` into an empty temporary project, then `npx shapesmith generate` there on our
// Cognito model. The output must equal the repo's generated/ byte for byte; the tarball must hold
// only what a user runs, stay under 1 MB, and run without tsx, esbuild or TypeScript. The API
// (`shapesmith`) and its types, and the shipped schema, are used from the installed package too.

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTree, treeHash } from "../cli/helpers.js";
import { GENERATED, MODELS, ROOT, TMP } from "../helpers/paths.js";

const dir = join(TMP, `package-${process.pid}`);
const consumer = join(dir, "consumer");
let tarball = "";
let packed: { size: number; unpackedSize: number; files: { path: string }[] };

const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" } });

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(consumer, { recursive: true });
  // Pack a copy of the sources, so the build does not replace the repo's dist/ under other tests.
  const source = join(dir, "source");
  for (const entry of ["package.json", "README.md", "bin", "generator", "templates", "tsconfig.json"]) cpSync(join(ROOT, entry), join(source, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"), "dir");
  const report = JSON.parse(npm(["pack", "--json", "--pack-destination", dir], source)) as (typeof packed & { filename: string })[];
  packed = report[0]!;
  tarball = join(dir, report[0]!.filename);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
  npm(["install", "--prefer-offline", "--no-package-lock", tarball], consumer);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm pack → npm install → npx shapesmith", () => {
  it("the tarball holds the launcher, dist/ and the README only, and is under 1 MB", () => {
    const paths = packed.files.map((f) => f.path).sort();
    const outside = paths.filter((p) => !p.startsWith("dist/") && !["bin/shapesmith.js", "README.md", "package.json"].includes(p));
    expect(outside).toEqual([]);
    for (const p of ["dist/index.js", "dist/cli.js", "dist/types/api.d.ts", "dist/types/cli/main.d.ts", "dist/config.schema.json", "dist/templates/header.hbs"]) {
      expect(paths).toContain(p);
    }
    expect(packed.size).toBeLessThan(1024 * 1024);
  });

  it("installs without tsx, esbuild or TypeScript; its dependencies are the formatters, oxfmt (with its platform's binary) and prettier", () => {
    const installed = readdirSync(join(consumer, "node_modules")).filter((n) => !n.startsWith("."));
    for (const tool of ["tsx", "esbuild", "typescript", "handlebars", "yaml"]) expect(installed).not.toContain(tool);
    // tinypool: oxfmt's own dependency (its CLI's worker pool).
    expect(installed.sort()).toEqual(["@oxfmt", "oxfmt", "prettier", "shapesmith", "tinypool"]);
    expect(readdirSync(join(consumer, "node_modules/@oxfmt"))).toEqual([`binding-${process.platform}-${process.arch}${process.platform === "linux" ? "-gnu" : ""}`]);
  });

  it("npx shapesmith generate writes what the repo generates, byte for byte", () => {
    const name = "cognito-identity-provider";
    mkdirSync(join(consumer, "models"), { recursive: true });
    cpSync(join(MODELS, `${name}.smithy`), join(consumer, "models", `${name}.smithy`));
    const run = spawnSync("npx", ["--no-install", "shapesmith", "generate"], { cwd: consumer, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(listTree(join(consumer, "generated", name))).toEqual(listTree(join(GENERATED, name)));
    expect(treeHash(join(consumer, "generated", name))).toBe(treeHash(join(GENERATED, name)));
    const check = spawnSync("npx", ["--no-install", "shapesmith", "generate", "--check"], { cwd: consumer, encoding: "utf8" });
    expect(check.status).toBe(0);
  });

  it("the API from the installed package, typed: generate() returns the same files; the schema is exported", () => {
    const name = "cognito-identity-provider";
    mkdirSync(join(consumer, "models"), { recursive: true });
    cpSync(join(MODELS, `${name}.smithy`), join(consumer, "models", `${name}.smithy`));
    const script = `import { generate, check, type Diagnostic, type GenerateResult } from "shapesmith";
import { main } from "shapesmith/cli";
import schema from "shapesmith/config.schema.json" with { type: "json" };
const result: GenerateResult = await generate({ models: ["models/${name}.smithy"], format: true });
const problems: readonly Diagnostic[] = result.diagnostics;
const checked = await check({ models: ["models/${name}.smithy"], out: "generated" });
const code: number = typeof main === "function" ? 0 : 1;
console.log(JSON.stringify({ ok: result.ok, problems: problems.length, files: [...result.files.keys()], types: result.files.get("${name}/types.ts"), upToDate: checked.upToDate, schema: schema.title, code }));
`;
    writeFileSync(join(consumer, "use.ts"), script);
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, outDir: "out", types: [], resolveJsonModule: true, skipLibCheck: false, lib: ["ES2022", "DOM"] }, files: ["use.ts"] }),
    );
    // Type-check and compile with the repo's TypeScript against the installed .d.ts files.
    const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: consumer, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
    const run = spawnSync(process.execPath, [join(consumer, "out/use.js")], { cwd: consumer, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout) as { ok: boolean; problems: number; files: string[]; types: string; upToDate: boolean; schema: string; code: number };
    expect(out.ok).toBe(true);
    expect(out.files).toEqual(listTree(join(GENERATED, name)).map((f) => `${name}/${f}`));
    expect(out.types).toBe(readFileSync(join(GENERATED, name, "types.ts"), "utf8"));
    expect(out.upToDate).toBe(existsSync(join(consumer, "generated", name)));
    expect(out.schema).toBe("Shapesmith configuration (shapesmith.config.json)");
    expect(out.code).toBe(0);
  });
});
