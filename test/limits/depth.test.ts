// Depth and size never crash: every front end refuses nesting past the documented limit
// (generator/limits.ts) with a diagnostic at the offending position, and generates at the limit.
// The sizes of the bad inputs are those that crashed before (issue 9, part 1).

import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { htmlToMarkdown } from "../../generator/docs/html-to-markdown.js";
import { MAX_NESTING, jsonTooDeep, quoteValue, yamlTooDeep } from "../../generator/limits.js";
import { lineColumn } from "../../generator/source-position.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const templates = loadTemplates();
const host = { readFile: () => undefined };

async function run(path: string, text: string) {
  const result = await generate([{ name: "m", files: [{ path, text }] }], host, { templates, format: false });
  return { files: result.files, errors: result.diagnostics.filter((d) => d.severity === "error") };
}

/** The one error, with its position checked against the offset where it must point. */
function expectTooDeepAt(errors: readonly Diagnostic[], text: string, offset: number, file: string, message: RegExp): void {
  expect(errors.map((e) => e.code)).toEqual(["MODEL_TOO_DEEP"]);
  const error = errors[0]!;
  expect(error.message).toMatch(message);
  expect({ file: error.file, line: error.line, column: error.column }).toEqual({ file, ...lineColumn(text, offset) });
  expect(error.hint).toMatch(/at most 256 levels deep/);
}

const nest = (n: number) => "[".repeat(n) + "]".repeat(n);

const smithyWithTrait = (value: string) =>
  `{"smithy":"2.0","shapes":{` +
  `"a#S":{"type":"service","version":"1","traits":{"aws.protocols#awsJson1_1":{}},"operations":[{"target":"a#Op"}]},` +
  `"a#Op":{"type":"operation","input":{"target":"a#In"}},` +
  `"a#In":{"type":"structure","members":{"x":{"target":"smithy.api#String","traits":{"smithy.api#documentation":"d","a#t":${value}}}}},` +
  `"a#t":{"type":"document","traits":{"smithy.api#trait":{}}}}}`;
/** Depth of the trait value's position in smithyWithTrait (shapes, a#In, members, x, traits). */
const SMITHY_TRAIT_DEPTH = 6;

const openapi = (schemas: string, paths = "{}") => `{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":${paths},"components":{"schemas":{${schemas}}}}`;
/** Depth of a component schema's value in `openapi` (root, components, schemas). */
const OPENAPI_SCHEMA_DEPTH = 3;

describe("nesting past the limit is a diagnostic at the first collection too deep", () => {
  it("Smithy JSON AST: a trait value nested 2,570 levels", async () => {
    const text = smithyWithTrait(nest(2570));
    const { errors } = await run("m.json", text);
    expectTooDeepAt(errors, text, text.indexOf("[[[") + MAX_NESTING - SMITHY_TRAIT_DEPTH, "m.json", /^This JSON nests more than 256 levels deep$/);
  });

  it("Smithy IDL: a trait value nested 2,570 levels", async () => {
    const text = `$version: "2"\nnamespace a\n@trait\ndocument t\n@t(${nest(2570)})\nstring S\n`;
    const { errors } = await run("m.smithy", text);
    expect(errors.map((e) => [e.code, e.line, e.message])).toEqual([["SMITHY_IDL_SYNTAX", 5, "Node values nested more than 256 levels deep"]]);
  });

  it("OpenAPI JSON: an extension value nested 8,800 levels, and a value a message would quote (4,100 levels)", async () => {
    for (const [value, depth] of [[`{"type":"object","x-deep":${nest(8800)}}`, 8800], [`{"type":${nest(4100)}}`, 4100]] as const) {
      const text = openapi(`"A":${value}`);
      const { errors } = await run("m.json", text);
      expect(depth).toBeGreaterThan(MAX_NESTING);
      expectTooDeepAt(errors, text, text.indexOf("[") + MAX_NESTING - OPENAPI_SCHEMA_DEPTH - 1, "m.json", /^This JSON document nests more than 256 levels deep$/);
    }
  });

  it("OpenAPI JSON: inline schemas 1,391 deep", async () => {
    const text = openapi(`"A":${'{"type":"array","items":'.repeat(1391)}{"type":"string"}${"}".repeat(1391)}`);
    const { errors } = await run("m.json", text);
    const offset = text.indexOf('{"type":"array"') + '{"type":"array","items":'.length * (MAX_NESTING - OPENAPI_SCHEMA_DEPTH);
    expectTooDeepAt(errors, text, offset, "m.json", /^This JSON document nests more than 256 levels deep$/);
  });

  it("OpenAPI YAML: block sequences about 790 deep, and flow collections", async () => {
    let block = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      x-deep:\n";
    for (let i = 0; i < 790; i++) block += " ".repeat(8 + i) + "-\n";
    const blockResult = await run("m.yaml", block);
    // Depth 1 is the root map; components 2, schemas 3, A 4, x-deep's sequence 5 (line 8), ...
    const line = 8 + (MAX_NESTING + 1 - 5);
    const lineStart = block.split("\n").slice(0, line - 1).join("\n").length + 1;
    expectTooDeepAt(blockResult.errors, block, lineStart + 8 + (line - 8), "m.yaml", /^This YAML document nests more than 256 levels deep$/);

    const flow = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      x-deep: " + nest(790) + "\n";
    const flowResult = await run("m.yaml", flow);
    expectTooDeepAt(flowResult.errors, flow, flow.indexOf("[") + MAX_NESTING - 4, "m.yaml", /^This YAML document nests more than 256 levels deep$/);
  });

  it("OpenAPI: a chain of 696 `$ref`s, reported where the limit is reached (from S000, then from S256)", async () => {
    const schemas = Array.from({ length: 696 }, (_, i) => `"S${String(i).padStart(3, "0")}":{"$ref":"#/components/schemas/S${String(i + 1).padStart(3, "0")}"}`);
    const text = openapi([...schemas, `"S696":{"type":"string"}`].join(","));
    const { errors } = await run("m.json", text);
    expect(errors.map((e) => [e.code, e.pointer])).toEqual([
      ["MODEL_TOO_DEEP", `/components/schemas/S${MAX_NESTING}`],
      ["MODEL_TOO_DEEP", `/components/schemas/S${2 * MAX_NESTING}`],
    ]);
    expect(errors[0]!.message).toBe("This schema's chain of `$ref`s and `allOf`s nests more than 256 levels deep");
    expect({ line: errors[0]!.line, column: errors[0]!.column }).toEqual(lineColumn(text, text.indexOf(`"S${MAX_NESTING}":`)));
  });

  it("OpenAPI: 300 objects each referring to the next", async () => {
    const schemas = Array.from({ length: 300 }, (_, i) => `"S${i}":{"type":"object","properties":{"next":{"$ref":"#/components/schemas/S${i + 1}"}}}`);
    const text = openapi([...schemas, `"S300":{"type":"string"}`].join(","));
    const { errors } = await run("m.json", text);
    expect(errors.map((e) => e.code)).toEqual(["MODEL_TOO_DEEP"]);
    expect(errors[0]!.message).toBe("This schema, counting the schemas it holds inline and through `$ref`s, nests more than 512 levels deep");
  });

  it("Smithy: resources bound under resources, and mixins of mixins, 300 deep", async () => {
    let resources = `$version: "2"\nnamespace a\n`;
    for (let i = 0; i < 299; i++) resources += `resource R${i} { resources: [R${i + 1}] }\n`;
    resources += `resource R299 {}\n@aws.protocols#awsJson1_1\nservice S { version: "1", resources: [R0] }\n`;
    const r = await run("m.smithy", resources);
    expect(r.errors.map((e) => [e.code, e.message, e.pointer])).toEqual([
      ["MODEL_TOO_DEEP", "The resources bound under `a#R0` nest more than 256 levels deep", "/shapes/a#R0/resources"],
    ]);

    let mixins = `$version: "2"\nnamespace a\n@mixin\nstructure M0 { f0: String }\n`;
    for (let i = 1; i < 300; i++) mixins += `@mixin\nstructure M${i} with [M${i - 1}] { f${i}: String }\n`;
    const m = await run("m.smithy", mixins);
    expect(m.errors.map((e) => [e.code, e.message])).toEqual([["MODEL_TOO_DEEP", "The mixins of `a#M257` nest more than 256 levels deep"]]);
  });
});

describe("at the limit, models generate", () => {
  it("Smithy JSON AST: a trait value nested exactly 256 levels", async () => {
    const { errors, files } = await run("m.json", smithyWithTrait(nest(MAX_NESTING - SMITHY_TRAIT_DEPTH)));
    expect(errors).toEqual([]);
    expect(files.size).toBeGreaterThan(0);
  });

  it("OpenAPI: 256 chained `$ref`s and 256 objects each referring to the next", async () => {
    const aliases = Array.from({ length: 255 }, (_, i) => `"S${i}":{"$ref":"#/components/schemas/S${i + 1}"}`);
    expect((await run("m.json", openapi([...aliases, `"S255":{"type":"string"}`].join(",")))).errors).toEqual([]);
    const objects = Array.from({ length: 255 }, (_, i) => `"S${i}":{"type":"object","properties":{"next":{"$ref":"#/components/schemas/S${i + 1}"}}}`);
    expect((await run("m.json", openapi([...objects, `"S255":{"type":"string"}`].join(",")))).errors).toEqual([]);
  });

  it("OpenAPI: the deepest `additionalProperties` a document may hold generates, and tsc --strict accepts it", async () => {
    const depth = MAX_NESTING - OPENAPI_SCHEMA_DEPTH - 1;
    const schema = `${'{"type":"object","additionalProperties":'.repeat(depth)}{"type":"string"}${"}".repeat(depth)}`;
    const paths = `{"/x":{"post":{"operationId":"op","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/A"}}}},"responses":{"200":{"description":"ok"}}}}}`;
    const text = openapi(`"A":${schema}`, paths);
    expect(jsonTooDeep(text)).toBeUndefined();
    const { errors, files } = await run("m.json", text);
    expect(errors).toEqual([]);
    expect(typecheckFolder(writeTree(files, "depth"))).toEqual([]);
  });
});

describe("documentation", () => {
  it("HTML nested 5,000 elements deep keeps its text (tags past the limit are dropped) and the model generates", async () => {
    expect(htmlToMarkdown("<span>".repeat(5000) + "deep" + "</span>".repeat(5000))).toBe("deep");
    const doc = "<div>".repeat(5000) + "<p>inner</p>" + "</div>".repeat(5000);
    const text = smithyWithTrait("{}").replace('"smithy.api#documentation":"d"', `"smithy.api#documentation":${JSON.stringify(doc)}`);
    const { errors, files } = await run("m.json", text);
    expect(errors).toEqual([]);
    expect(files.get("m/types.ts")).toContain(" * inner\n");
  });
});

describe("the scanners and quoting", () => {
  it("jsonTooDeep skips strings and escapes, and reports the first bracket past the limit", () => {
    expect(jsonTooDeep('{"a":"[[[[\\"[[["}', 1)).toBeUndefined();
    expect(jsonTooDeep('{"a":[1]}', 1)).toEqual({ offset: 5, depth: 2 });
    // A run of backslashes before a quote: an even run leaves the quote closing the string, an odd one escapes it.
    expect(jsonTooDeep('["a\\\\"[', 1)).toEqual({ offset: 6, depth: 2 });
    expect(jsonTooDeep('["a\\\\\\"[" [', 1)).toEqual({ offset: 10, depth: 2 });
    expect(jsonTooDeep('["\\\\\\\\", [', 1)).toEqual({ offset: 9, depth: 2 });
    expect(jsonTooDeep('["\\"[', 1)).toBeUndefined(); // escaped quote: the string never ends
    expect(jsonTooDeep('["abc', 1)).toBeUndefined();
    expect(jsonTooDeep('[[["x\\"]]]"[[', 2)).toEqual({ offset: 2, depth: 3 });
    expect(jsonTooDeep(nest(100_000))).toEqual({ offset: MAX_NESTING, depth: MAX_NESTING + 1 });
  });

  it("yamlTooDeep counts block and flow collections, keys included", () => {
    expect(yamlTooDeep("a:\n  b: [1, {c: 2}]\n", 4)).toBeUndefined();
    expect(yamlTooDeep("a:\n  b: [1, {c: 2}]\n", 3)).toEqual({ offset: 12, depth: 4 });
    expect(yamlTooDeep("? [[1]]\n: x\n", 2)).toEqual({ offset: 3, depth: 3 });
  });

  it("quoteValue: bounded work and length for a value 100,000 levels deep or 1,000,000 wide", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = { a: [deep] };
    // 16 levels shown ({ and [ count one each), the rest elided, then cut at 60 characters.
    expect(quoteValue(deep)).toBe(('{"a":['.repeat(8) + "{…}" + "]}".repeat(8)).slice(0, 59) + "…");
    expect(quoteValue(new Array(1_000_000).fill(7))).toBe(`[${"7,".repeat(29)}…`);
    expect(quoteValue({ b: "short", c: [1, true, null] })).toBe(JSON.stringify({ b: "short", c: [1, true, null] }));
  });
});
