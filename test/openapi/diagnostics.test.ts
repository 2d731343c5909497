// Bad OpenAPI input: each case yields exactly the expected error diagnostics (code, message,
// file, line:column, JSON pointer, hint), no model, and no generated files; the CLI exits 1
// with the position and writes nothing.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { makeProject, removeProject, runCli, treeHash, writeFile } from "../cli/helpers.js";
import { generateFiles, load, loadText, problems } from "./helpers.js";

const HEAD = `openapi: 3.0.3
info: { title: Bad, version: "1" }
paths: {}
components:
  schemas:
`;

function errors(text: string, path = "bad.yaml"): Diagnostic[] {
  const loaded = loadText(text, path);
  expect(loaded.model).toBeUndefined();
  return problems(loaded);
}

describe("bad OpenAPI documents", () => {
  it("a YAML syntax error: line and column of the error", () => {
    const text = "openapi: 3.0.3\ninfo:\n  title: [unclosed\n  version: 1\n";
    expect(errors(text)).toEqual([
      {
        code: "OPENAPI_SYNTAX",
        severity: "error",
        message: expect.stringMatching(/^bad\.yaml is not valid YAML: /),
        file: "bad.yaml",
        line: 4,
        column: 3,
        hint: "Fix the YAML syntax at this position.",
      },
    ]);
  });

  it("a JSON syntax error: line and column of the unexpected token", () => {
    const text = '{\n  "openapi": "3.0.3",\n  "info": { "title": "x", "version": "1", },\n  "paths": {}\n}\n';
    expect(errors(text, "bad.json")).toEqual([
      {
        code: "OPENAPI_SYNTAX",
        severity: "error",
        message: "bad.json is not valid JSON: Property name expected",
        file: "bad.json",
        line: 3,
        column: 43,
        hint: "Fix the JSON syntax at this position (a YAML document needs a .yaml or .yml extension).",
      },
    ]);
  });

  it("a broken internal $ref, with a suggestion", () => {
    const text = HEAD + "    Pet:\n      type: object\n      properties:\n        owner: { $ref: '#/components/schemas/Persn' }\n    Person: { type: object }\n";
    expect(errors(text)).toEqual([
      {
        code: "OPENAPI_BROKEN_REF",
        severity: "error",
        message: '`$ref` "#/components/schemas/Persn" points to nothing: bad.yaml has no /components/schemas/Persn',
        file: "bad.yaml",
        line: 9,
        column: 18,
        pointer: "/components/schemas/Pet/properties/owner/$ref",
        hint: "Did you mean `Person`?",
      },
    ]);
  });

  it("a $ref to a file that does not exist, in JSON with positions", () => {
    const text = JSON.stringify({ openapi: "3.1.0", info: { title: "x", version: "1" }, components: { schemas: { A: { $ref: "missing.yaml#/A" } } } }, null, 2);
    expect(errors(text, "test/openapi/fixtures/doc.json")).toEqual([
      {
        code: "OPENAPI_BROKEN_REF",
        severity: "error",
        message: '`$ref` "missing.yaml#/A" points to test/openapi/fixtures/missing.yaml, which cannot be read',
        file: "test/openapi/fixtures/doc.json",
        line: 10,
        column: 9,
        pointer: "/components/schemas/A/$ref",
        hint: "Check the file name and that the file exists relative to the referring document.",
      },
    ]);
  });

  it("a $ref to a URL", () => {
    const text = HEAD + "    A: { $ref: 'https://example.com/schemas.yaml#/A' }\n";
    expect(errors(text).map((d) => [d.code, d.pointer, d.line, d.column])).toEqual([["OPENAPI_REMOTE_REF", "/components/schemas/A/$ref", 6, 10]]);
  });

  it("an unknown type, with the likely meaning", () => {
    const text = HEAD + "    Pet:\n      type: Object\n";
    expect(errors(text)).toEqual([
      {
        code: "OPENAPI_UNKNOWN_TYPE",
        severity: "error",
        message: 'Unknown schema type "Object"',
        file: "bad.yaml",
        line: 7,
        column: 7,
        pointer: "/components/schemas/Pet/type",
        hint: 'Did you mean "object"? Types are lower case.',
      },
    ]);
  });

  // A policy change, not a loosened test: a validation keyword of the wrong type is ignored with a
  // warning (test/openapi/ignored-keywords.test.ts: every such keyword, and the whole output equal
  // to that of the document without it); these were errors before.
  it("a constraint of the wrong type is a warning, and the model comes out without it", () => {
    const text = HEAD + "    Name:\n      type: string\n      minLength: three\n      maximum: 5\n";
    const loaded = loadText(text, "bad.yaml");
    expect(loaded.model).toBeDefined();
    expect(problems(loaded)).toEqual([
      {
        code: "OPENAPI_KEYWORD_TYPE",
        severity: "warning",
        message: '`minLength` must be a non-negative integer, not "three"; it is ignored: the generated validator does not check this constraint',
        file: "bad.yaml",
        line: 8,
        column: 7,
        pointer: "/components/schemas/Name/minLength",
        hint: "Write `minLength` as a non-negative integer, or remove it.",
      },
    ]);
  });

  it("more ignored keywords: negative maxItems, boolean required, zero multipleOf, a 3.1 type list with a number", () => {
    const text = `openapi: 3.1.0
info: { title: Bad, version: "1" }
components:
  schemas:
    A:
      type: array
      maxItems: -1
    B:
      type: object
      properties:
        x: { type: string, required: true }
    C: { type: number, multipleOf: 0 }
    D: { type: [string, 5] }
`;
    const loaded = loadText(text, "bad.yaml");
    expect(loaded.model).toBeDefined();
    expect(problems(loaded).map((d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.pointer} ${d.message}`)).toEqual([
      "warning OPENAPI_KEYWORD_TYPE 7:7 /components/schemas/A/maxItems `maxItems` must be a non-negative integer, not -1; it is ignored: the generated validator does not check this constraint",
      "warning OPENAPI_KEYWORD_TYPE 11:28 /components/schemas/B/properties/x/required `required` must be a list of property names, not true; it is ignored: the properties it would require are optional",
      "warning OPENAPI_KEYWORD_TYPE 12:24 /components/schemas/C/multipleOf `multipleOf` must be a number greater than 0, not 0; it is ignored: the generated validator does not check this constraint",
      'warning OPENAPI_KEYWORD_TYPE 13:10 /components/schemas/D/type `type` must be a type name or a list of type names, not ["string",5]; it is ignored: the schema accepts any value (its TypeScript type is `unknown`)',
    ]);
  });

  // The keywords that stay errors (README "OpenAPI keywords of the wrong type"): ignoring them
  // would change how values are sent or read, or leave no meaning to generate from.
  it("structural keywords of the wrong type stay errors: unknown type names, properties, items, additionalProperties, oneOf, allOf, discriminator, nullable, a parameter's style, explode, required", () => {
    const text = `openapi: 3.1.0
info: { title: Bad, version: "1" }
paths:
  /a/{p}:
    get:
      parameters:
        - { name: p, in: path, required: true, style: 5, schema: { type: string } }
        - { name: q, in: query, explode: "yes", schema: { type: string } }
        - { name: r, in: query, required: "yes", schema: { type: string } }
      responses: { "204": { description: ok } }
components:
  schemas:
    D: { type: [string, nul] }
    E: { type: object, properties: [a, b] }
    F: { type: array, items: [{ type: string }] }
    G: { type: object, additionalProperties: "string" }
    H: { oneOf: { a: { type: string } } }
    I: { type: string, nullable: "true" }
    J: { oneOf: [{ type: string }], discriminator: petType }
    K: { allOf: { type: string } }
`;
    expect(errors(text).map((d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.pointer} ${d.message}`)).toEqual([
      'error OPENAPI_UNKNOWN_TYPE 13:25 /components/schemas/D/type/1 Unknown schema type "nul"',
      'error OPENAPI_KEYWORD_TYPE 14:24 /components/schemas/E/properties `properties` must be an object, not ["a","b"]',
      'error OPENAPI_KEYWORD_TYPE 15:23 /components/schemas/F/items `items` must be an object, not [{"type":"string"}]',
      'error OPENAPI_KEYWORD_TYPE 16:24 /components/schemas/G/additionalProperties `additionalProperties` must be an object, not "string"',
      'error OPENAPI_KEYWORD_TYPE 17:10 /components/schemas/H/oneOf `oneOf` must be a list, not {"a":{"type":"string"}}',
      'error OPENAPI_KEYWORD_TYPE 18:24 /components/schemas/I/nullable `nullable` must be a boolean (true or false), not "true"',
      'error OPENAPI_KEYWORD_TYPE 19:37 /components/schemas/J/discriminator `discriminator` must be an object, not "petType"',
      'error OPENAPI_KEYWORD_TYPE 20:10 /components/schemas/K/allOf `allOf` must be a list, not {"type":"string"}',
      "error OPENAPI_KEYWORD_TYPE 7:48 /paths/~1a~1{p}/get/parameters/0/style `style` must be a string, not 5",
      'error OPENAPI_KEYWORD_TYPE 8:33 /paths/~1a~1{p}/get/parameters/1/explode `explode` must be a boolean (true or false), not "yes"',
      'error OPENAPI_KEYWORD_TYPE 9:33 /paths/~1a~1{p}/get/parameters/2/required `required` must be a boolean (true or false), not "yes"',
    ]);
  });

  it("a parameter style that its location does not allow", () => {
    const text = `openapi: 3.0.3
info: { title: Bad, version: "1" }
paths:
  /a:
    get:
      parameters:
        - { name: x, in: query, style: matrix, schema: { type: string } }
`;
    expect(errors(text).map((d) => `${d.code} ${d.line}:${d.column} ${d.pointer} ${d.message}`)).toEqual([
      "OPENAPI_KEYWORD_VALUE 7:33 /paths/~1a/get/parameters/0/style `style: matrix` is not allowed for a query parameter; use one of form, spaceDelimited, pipeDelimited, deepObject",
    ]);
  });

  it("Swagger 1.2, another version, no OpenAPI document at all", () => {
    expect(errors('{"swagger": "1.2", "info": {}, "paths": {}}', "old.json").map((d) => [d.code, d.message, d.pointer, d.line, d.column])).toEqual([
      ["OPENAPI_VERSION", 'Swagger "1.2" documents are not supported; only Swagger 2.0, OpenAPI 3.0 and 3.1', "/swagger", 1, 2],
    ]);
    expect(errors("openapi: 4.0.0\n").map((d) => [d.code, d.message, d.line])).toEqual([["OPENAPI_VERSION", 'Unsupported OpenAPI version "4.0.0"; only 3.0.x and 3.1.x are supported', 1]]);
    expect(errors("title: not an API\n", "x.yaml").map((d) => [d.code, d.message])).toEqual([
      ["OPENAPI_NO_DOCUMENT", "No OpenAPI document in x.yaml: no file has a top-level `openapi` or `swagger` key"],
    ]);
  });

  it("an error in a referenced file names that file and its position", () => {
    const loaded = load([
      { path: "api/root.yaml", text: "openapi: 3.0.3\ninfo: { title: x, version: '1' }\ncomponents:\n  schemas:\n    A: { $ref: 'parts/a.yaml' }\n" },
      { path: "api/parts/a.yaml", text: "type: object\nproperties:\n  n: { type: Integer, maximum: 5 }\n" },
    ]);
    expect(loaded.model).toBeUndefined();
    expect(problems(loaded).map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.pointer}`)).toEqual([
      "api/parts/a.yaml:3:8 OPENAPI_UNKNOWN_TYPE /properties/n/type",
    ]);
  });

  it("keywords the generator does not model are warned about, with their position, not dropped silently", () => {
    const loaded = loadText(`openapi: 3.1.0
info: { title: Warn, version: "1" }
components:
  schemas:
    A: { type: string, not: { enum: [x] } }
    B:
      type: object
      patternProperties:
        "^x-": { type: string }
`);
    expect(loaded.model).toBeDefined();
    expect(problems(loaded).map((d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.pointer} ${d.message}`)).toEqual([
      "warning OPENAPI_UNSUPPORTED_KEYWORD 5:24 /components/schemas/A/not `not` is not supported: the generated types and validators ignore it",
      "warning OPENAPI_UNSUPPORTED_KEYWORD 8:7 /components/schemas/B/patternProperties `patternProperties` is not supported: the generated types and validators ignore it",
    ]);
  });

  it("the core generates nothing when the front end reports an error", async () => {
    const result = await generateFiles([{ path: "bad.yaml", text: HEAD + "    Pet: { type: Object }\n" }], "bad");
    expect(result.files.size).toBe(0);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["OPENAPI_UNKNOWN_TYPE"]);
  });
});

describe("bad OpenAPI documents through the CLI", () => {
  const projects: string[] = [];
  afterAll(() => projects.forEach(removeProject));

  it("exits 1 with file:line:column, writes nothing", () => {
    const dir = makeProject({ "models/pets.yaml": HEAD + "    Name:\n      type: String\n      minLength: 3\n" }, "openapi-bad");
    projects.push(dir);
    writeFile(dir, "generated/pets/types.ts", "// committed output\n");
    const before = treeHash(join(dir, "generated"));
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe('models/pets.yaml:7:7: error OPENAPI_UNKNOWN_TYPE: Unknown schema type "String"');
    expect(treeHash(join(dir, "generated"))).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["generated", "models"]);
  });

  it("an ignored keyword of the wrong type: exit 0, the warning with its position, frame and hint, the files written; --quiet hides it", () => {
    const dir = makeProject({ "models/pets.yaml": HEAD + "    Name:\n      type: string\n      minLength: three\n" }, "openapi-warn");
    projects.push(dir);
    const run = runCli(["generate"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").slice(0, 5)).toEqual([
      'models/pets.yaml:8:7: warning OPENAPI_KEYWORD_TYPE: `minLength` must be a non-negative integer, not "three"; it is ignored: the generated validator does not check this constraint',
      "    6 |     Name:",
      "    7 |       type: string",
      "  > 8 |       minLength: three",
      "      |       ^",
    ]);
    expect(run.stderr).toContain("hint: Write `minLength` as a non-negative integer, or remove it.");
    expect(readdirSync(join(dir, "generated/pets")).sort()).toContain("validators.ts");
    const quiet = runCli(["generate", "--quiet"], dir);
    expect({ code: quiet.code, stderr: quiet.stderr }).toEqual({ code: 0, stderr: "" });
  });
});
