// Every fuzz repro (test/fuzz/repros/, see its README) generates output that type-checks under
// the strict options: an empty types.ts is still a module, and a member named `constructor`
// with a structure target serializes through a local that narrows.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import { ROOT } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const DIR = join(ROOT, "test/fuzz/repros");
const REPROS = readdirSync(DIR).filter((f) => !f.endsWith(".txt") && !f.endsWith(".md")).sort();

describe("fuzz repros", () => {
  it("are all here", () => {
    expect(REPROS).toEqual(["1-12549.yaml", "3-272.smithy"]);
  });

  for (const file of REPROS) {
    it(`${file} generates strict-TypeScript-clean output`, async () => {
      const text = readFileSync(join(DIR, file), "utf8");
      const result = await generate([{ name: "repro", files: [{ path: file, text }] }], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(typecheckFolder(writeTree(result.files, "repro"))).toEqual([]);
    });
  }
});
