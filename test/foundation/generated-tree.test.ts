// The committed generated/ tree is exactly what the generator makes of models/: every file
// compared whole, no file missing or extra, the CLI's --check agrees, the output is
// deterministic under shuffled model key order, and it type-checks under strict options.

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { discoverModels } from "../../generator/cli/inputs.js";
import { listFiles } from "../../generator/cli/output.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { GENERATED, MODELS, ROOT, TMP } from "../helpers/paths.js";

const FIXTURE = join(ROOT, "test/fixtures/cognito-identity-provider.json");
import { typecheckFolder } from "../helpers/typecheck.js";

async function generateModels() {
  const found = discoverModels(MODELS, { root: ROOT, cwd: ROOT });
  expect(found.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const host = { readFile: (p: string) => found.sources.get(p)?.text };
  const result = await generate(found.inputs, host, { templates: loadTemplates() });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { inputs: found.inputs, files: result.files };
}

describe("generated/", () => {
  it("holds exactly the files the generator makes from models/, each byte for byte", async () => {
    const { files } = await generateModels();
    const committed = listFiles(GENERATED).sort();
    expect(committed).toEqual([...files.keys()].sort());
    for (const [path, content] of files) {
      expect(readFileSync(join(GENERATED, path), "utf8"), path).toBe(content);
    }
  });

  it("passes `shapesmith generate --check`", () => {
    const run = spawnSync(process.execPath, ["bin/shapesmith.js", "generate", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr + run.stdout).not.toMatch(/stale|missing|extra/i);
    expect(run.status).toBe(0);
  });

  it("goes stale, and --check exits 1 naming the file, when a documentation string in models/ changes", () => {
    mkdirSync(TMP, { recursive: true });
    const dir = mkdtempSync(join(TMP, "doc-change-"));
    cpSync(MODELS, join(dir, "models"), { recursive: true });
    cpSync(GENERATED, join(dir, "generated"), { recursive: true });
    const check = () => spawnSync(process.execPath, [join(ROOT, "bin/shapesmith.js"), "generate", "--check"], { cwd: dir, encoding: "utf8" });
    expect(check().status).toBe(0);
    const model = join(dir, "models/cognito-identity-provider.smithy");
    const text = readFileSync(model, "utf8");
    const changed = text.replace("<p>The ID of the app client that the user signs in to.</p>", "<p>The ID of the app client.</p>");
    expect(changed).not.toBe(text);
    writeFileSync(model, changed);
    const stale = check();
    expect(stale.status).toBe(1);
    expect(stale.stdout + stale.stderr).toContain("stale    generated/cognito-identity-provider/types.ts");
  });

  it("is byte-identical when the model's keys come in another order", async () => {
    // The JSON AST twin of models/ (test/fixtures), with shape and trait keys reversed. Member
    // order is meaningful in Smithy (it is the declared order), so members keep theirs.
    const text = readFileSync(FIXTURE, "utf8");
    const input = (t: string) => [{ name: "c", files: [{ path: "c.json", text: t }] }];
    const host = { readFile: () => undefined };
    const a = await generate(input(text), host, { templates: loadTemplates() });
    const b = await generate(input(JSON.stringify(reverseKeys(JSON.parse(text)))), host, { templates: loadTemplates() });
    expect(a.files.size).toBeGreaterThan(0);
    expect([...b.files.keys()]).toEqual([...a.files.keys()]);
    for (const [path, content] of a.files) expect(b.files.get(path), path).toBe(content);
  });

  it("type-checks under strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes", () => {
    expect(typecheckFolder(GENERATED)).toEqual([]);
  });
  // Formatted once and stable under prettier: test/foundation/formatter.test.ts.
});

/** Reverses the key order of shapes and traits objects (not of members, whose order is data). */
function reverseKeys(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => reverseKeys(v));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, reverseKeys(v, k)] as const);
  return Object.fromEntries(key === "members" ? entries : entries.reverse());
}

