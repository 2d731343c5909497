// Crashes the fuzzer found in front ends and passes, each cut down to a small model of our own
// (repros of crashes elsewhere are listed in test/fuzz/repros/README.md).

import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";

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

  it("a member or an operation targeting an aggregate of the prelude (npm run fuzz seed 7 case 42795, was: internal error `structure smithy.api#input has no inline type`)", async () => {
    const idl = (target: string) => `$version: "2"\nnamespace a\n@aws.protocols#awsJson1_1\nservice S { version: "1", operations: [Op] }\noperation Op { input: In }\nstructure In { m: ${target} }\n`;
    expect(await diagnose("m.smithy", idl("smithy.api#input"))).toEqual([
      { code: "SMITHY_PRELUDE_TARGET", pointer: "/shapes/a#In/members/m/target", message: "Member `m` of `a#In` targets `smithy.api#input`, a trait definition of the prelude (a structure), not a shape for data" },
    ]);
    expect(await diagnose("m.smithy", idl("smithy.api#NonEmptyStringList"))).toEqual([
      { code: "SMITHY_PRELUDE_TARGET", pointer: "/shapes/a#In/members/m/target", message: "Member `m` of `a#In` targets `smithy.api#NonEmptyStringList`, a private shape of the prelude (a list), not a shape for data" },
    ]);
    const json = JSON.stringify({ smithy: "2.0", shapes: { "a#L": { type: "list", member: { target: "smithy.api#http" } }, "a#Op": { type: "operation", output: { target: "smithy.api#output" } } } });
    expect((await diagnose("m.json", json)).map((d) => [d.code, d.pointer])).toEqual([
      ["SMITHY_PRELUDE_TARGET", "/shapes/a#L/member/target"],
      ["SMITHY_PRELUDE_TARGET", "/shapes/a#Op/output/target"],
    ]);
    expect(await diagnose("m.smithy", idl("String"))).toEqual([]);
    // A structure member may not target Unit (the reference's UnitType): rejected, not generated.
    expect(await diagnose("m.smithy", idl("Unit"))).toEqual([
      { code: "SMITHY_UNIT_TYPE", pointer: "/shapes/a#In/members/m", message: "`a#In$m`: only members of a union, enum, or intEnum can reference smithy.api#Unit" },
    ]);
    expect(await diagnose("m.smithy", idl("Document"))).toEqual([]);
  });

  it("an OpenAPI parameter `in` an inherited property name (npm run fuzz seed 7 case 37975, was: TypeError `STYLES[location].includes is not a function`)", async () => {
    const doc = (where: string) => `openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - { name: x, in: ${where}, schema: { type: string } }\n      responses: { '200': { description: ok } }\n`;
    for (const where of ["hasOwnProperty", "constructor", "__proto__", "toString"]) {
      expect(await diagnose("m.yaml", doc(where))).toEqual([
        { code: "OPENAPI_BAD_PARAMETER", pointer: "/paths/~1a/get/parameters/0/in", message: `Parameter \`x\` is \`in: ${where}\`; it must be one of path, query, header, cookie` },
      ]);
    }
    expect(await diagnose("m.yaml", doc("query"))).toEqual([]);
  });

  it("an OpenAPI operationId and a server URL holding `*/` (npm run fuzz seed 1 case 69295, was: a comment ended early in client.ts and deserializers.ts: an internal error from the formatter, tsc errors without it)", async () => {
    const doc = JSON.stringify({
      openapi: "3.0.3",
      info: { title: "T", version: "1" },
      servers: [{ url: "https://example.com/*/v1" }],
      paths: { "/x": { get: { operationId: "get*/x", responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "string" } } } } } } } },
    });
    const result = await generate([{ name: "m", files: [{ path: "m.json", text: doc }] }], { readFile: () => undefined }, { templates, format: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const texts = [...result.files].filter(([path]) => /(client|deserializers)\.ts$/.test(path)).map(([, text]) => text);
    expect(texts.join("\n").match(/`[^`\n]*\*\\\/[^`\n]*`/g)).toEqual(["`https://example.com/*\\/v1`", "`get*\\/x`", "`get*\\/x`", "`get*\\/x`"]);
    expect(typecheckFolder(writeTree(result.files, "comment-end"))).toEqual([]);
    // Formatted (oxfmt parses every file), it is no internal error either.
    const formatted = await generate([{ name: "m", files: [{ path: "m.json", text: doc }] }], { readFile: () => undefined }, { templates });
    expect(formatted.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("@idempotencyToken on a member that is no string (npm run fuzz seed 1 case 98094, was: `input.m = newIdempotencyToken()` into a Uint8Array, a tsc error)", async () => {
    const idl = (target: string) => `$version: "2"\nnamespace a\n@aws.protocols#awsJson1_1\nservice S { version: "1", operations: [Op] }\noperation Op { input: In }\nstructure In {\n  @idempotencyToken\n  m: ${target}\n}\n`;
    expect(await diagnose("m.smithy", idl("Blob"))).toEqual([
      {
        code: "SMITHY_TRAIT_TARGET",
        pointer: "/shapes/a#In/members/m/traits/smithy.api#idempotencyToken",
        message: "Trait `smithy.api#idempotencyToken` cannot be applied to `a#In$m`. This trait may only be applied to shapes that match the following selector: structure > :test(member > string)",
      },
    ]);
    expect(await diagnose("m.smithy", idl("String"))).toEqual([]);
    expect(await diagnose("m.smithy", "$version: \"2\"\nnamespace a\nunion U {\n  @idempotencyToken\n  m: String\n}\n")).toEqual([
      expect.objectContaining({ code: "SMITHY_TRAIT_TARGET", pointer: "/shapes/a#U/members/m/traits/smithy.api#idempotencyToken" }),
    ]);
  });

  it("@idempotencyToken on an enum member (npm run fuzz seed 9 case 19091, was: a UUID string assigned to the enum's type, TS2322)", async () => {
    // One token per structure (the trait is structurally exclusive): the enum's and the string's in two inputs.
    const idl = `$version: "2"\nnamespace a\n@aws.protocols#awsJson1_1\nservice S { version: "1", operations: [Op, Op2] }\noperation Op { input: In }\noperation Op2 { input: In2 }\nstructure In {\n  @idempotencyToken\n  e: E\n}\nstructure In2 {\n  @idempotencyToken\n  s: String\n}\nenum E { A, B }\n`;
    const result = await generate([{ name: "m", files: [{ path: "m.smithy", text: idl }] }], { readFile: () => undefined }, { templates, format: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const serializers = result.files.get("m/serializers.ts") ?? "";
    expect(serializers).toContain('input["e"] = (options.idempotencyToken ?? newIdempotencyToken)() as E;');
    expect(serializers).toContain('input["s"] = (options.idempotencyToken ?? newIdempotencyToken)();');
    expect(typecheckFolder(writeTree(result.files, "fuzz-enum-token"))).toEqual([]);
  });

  it("a JSON AST trait key that is no absolute shape id (npm run fuzz seed 4 case 2273, was: tolerated as an unknown trait, so `\"required\": {}` left a member optional)", async () => {
    const model = (traits: Record<string, unknown>, memberTraits: Record<string, unknown>) =>
      JSON.stringify({
        smithy: "2.0",
        shapes: {
          "a#Svc": { type: "service", version: "1", operations: [{ target: "a#Op" }], traits: { "aws.protocols#awsJson1_1": {} } },
          "a#Op": { type: "operation", input: { target: "a#S" } },
          "a#S": { type: "structure", traits, members: { m: { target: "smithy.api#String", traits: memberTraits } } },
        },
      });
    expect(await diagnose("m.json", model({ documentation: "d" }, { "smithy.api#required": {}, Unit: {} }))).toEqual([
      { code: "SMITHY_AST_STRUCTURE", pointer: "/shapes/a#S/traits/documentation", message: "Trait `documentation` of `a#S` is not an absolute shape id" },
      { code: "SMITHY_AST_STRUCTURE", pointer: "/shapes/a#S/members/m/traits/Unit", message: "Trait `Unit` of `a#S$m` is not an absolute shape id" },
    ]);
    expect(await diagnose("m.json", model({ "smithy.api#documentation": "d" }, { "smithy.api#required": {}, "b.c#t": {} }))).toEqual([]);
  });

  it("YAML warnings are diagnostics, not console output", async () => {
    const text = "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        !odd a: { type: string }\n";
    const result = await generate([{ name: "m", files: [{ path: "m.yaml", text }] }], { readFile: () => undefined }, { templates, format: false });
    expect(result.diagnostics.filter((d) => d.code === "OPENAPI_YAML").map((d) => [d.message, d.line, d.column])).toEqual([["m.yaml: Unresolved tag: !odd", 9, 9]]);
  });
});
