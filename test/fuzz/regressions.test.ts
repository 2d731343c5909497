// Crashes the fuzzer found in front ends and passes, each cut down to a small model of our own
// (repros of crashes elsewhere are listed in test/fuzz/repros/README.md).

import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";

const templates = loadTemplates();

async function diagnose(path: string, text: string) {
  const result = await generate([{ name: "m", files: [{ path, text }] }], { readFile: () => undefined }, { templates, format: false });
  return result.diagnostics.filter((d) => d.severity === "error").map((d) => ({ code: d.code, pointer: d.pointer, message: d.message }));
}

describe("fuzz regressions", () => {
  it("a JSON AST resource identifier or property without a target (was: TypeError in the did-you-mean of check-refs)", async () => {
    const model = (identifiers: unknown, properties: unknown) =>
      JSON.stringify({ smithy: "2.0", shapes: { "a#Id": { type: "string" }, "a#R": { type: "resource", identifiers, properties } } });
    expect(await diagnose("m.json", model({ id: {} }, { p: { target: "a#Id" } }))).toEqual([
      { code: "SMITHY_AST_STRUCTURE", pointer: "/shapes/a#R/identifiers/id", message: '`a#R identifiers id` needs a "target" shape id' },
    ]);
    expect(await diagnose("m.json", model({ id: { target: "a#Id" } }, { p: 1 }))).toEqual([
      { code: "SMITHY_AST_STRUCTURE", pointer: "/shapes/a#R/properties/p", message: '`a#R properties p` needs a "target" shape id' },
    ]);
    expect(await diagnose("m.json", model(["a#Id"], undefined))).toEqual([
      { code: "SMITHY_AST_STRUCTURE", pointer: "/shapes/a#R/identifiers", message: '`identifiers` of `a#R` must be an object of name → { "target": ... }' },
    ]);
  });

  it("an operation whose input or output is not a structure (was: internal error in the serializers)", async () => {
    const idl = (input: string) => `$version: "2"\nnamespace a\n@aws.protocols#awsJson1_1\nservice S { version: "1", operations: [Op] }\noperation Op { input: ${input} }\nstructure In {}\n`;
    expect(await diagnose("m.smithy", idl("PrimitiveInteger"))).toEqual([
      { code: "SMITHY_OPERATION_TARGET", pointer: "/shapes/a#Op/input/target", message: "The input of operation `a#Op` targets `smithy.api#PrimitiveInteger`, an integer; it must be a structure" },
    ]);
    expect(await diagnose("m.smithy", idl("In"))).toEqual([]);
    expect(await diagnose("m.smithy", idl("Unit"))).toEqual([]);
  });

  it("YAML warnings are diagnostics, not console output", async () => {
    const text = "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        !odd a: { type: string }\n";
    const result = await generate([{ name: "m", files: [{ path: "m.yaml", text }] }], { readFile: () => undefined }, { templates, format: false });
    expect(result.diagnostics.filter((d) => d.code === "OPENAPI_YAML").map((d) => [d.message, d.line, d.column])).toEqual([["m.yaml: Unresolved tag: !odd", 9, 9]]);
  });
});
