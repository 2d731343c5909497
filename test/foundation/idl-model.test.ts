// models/ is written in Smithy IDL; the JSON AST fixture of the same model must load to the same
// resolved model and generate the same files (but for the header naming the source file).

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { runAst } from "../../generator/cli/ast.js";
import { describe, expect, it } from "vitest";
import { generateFrom } from "../helpers/generate.js";
import { MODELS, ROOT } from "../helpers/paths.js";

describe("the IDL model and its JSON AST twin", () => {
  it("generate the same code", async () => {
    const idl = await generateFrom([{ name: "cognito", paths: [resolve(MODELS, "cognito-identity-provider.smithy")] }]);
    const json = await generateFrom([{ name: "cognito", paths: [resolve(ROOT, "test/fixtures/cognito-identity-provider.json")] }]);
    expect(idl.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(json.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect([...idl.files.keys()]).toEqual([...json.files.keys()]);
    for (const [path, content] of idl.files) {
      const other = json.files.get(path)!;
      expect(other.replace("test/fixtures/cognito-identity-provider.json", "models/cognito-identity-provider.smithy"), path).toBe(content);
    }
  });

  it("`shapesmith ast` of the IDL model is its JSON AST twin", () => {
    const idlPath = resolve(MODELS, "cognito-identity-provider.smithy");
    const result = runAst([{ path: idlPath, text: readFileSync(idlPath, "utf8") }]);
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const twin = JSON.parse(readFileSync(resolve(ROOT, "test/fixtures/cognito-identity-provider.json"), "utf8")) as unknown;
    expect(JSON.parse(result.stdout)).toEqual(twin);
  });
});
