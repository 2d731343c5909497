// Keywords of the wrong type that the front end ignores (README "OpenAPI keywords of the wrong
// type"): each is one `OPENAPI_KEYWORD_TYPE` warning at the keyword (line, column, pointer, what
// is lost, how to fix), and the whole output is byte for byte that of the same document without
// the keyword. A policy change: these were errors until vendors' documents (api.video's
// `pattern: 0`, codat's `type: {...}`) showed that users cannot fix them, and other generators
// (openapi-typescript, hey-api, orval) generate them.
//
//   value: { type: string, pattern: 0 }
//   → warning OPENAPI_KEYWORD_TYPE 19:32 .../value/pattern "`pattern` must be a string, not 0; it is
//     ignored: the generated validator does not check this constraint"; files of `{ type: string }`

import { describe, expect, it } from "vitest";
import { generateFiles, loadText, problems } from "./helpers.js";

/** A document whose `Thing.value` (a request body property) is `schema`; `head` goes into the operation. */
function document(schema: string, operation = "", version = "3.0.3"): string {
  return `openapi: ${version}
info: { title: Ignored, version: "1" }
paths:
  /things/{id}:
    post:
      operationId: putThing${operation}
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Thing" }
      responses: { "204": { description: done } }
components:
  schemas:
    Thing:
      type: object
      properties:
        value: ${schema}
`;
}

const CONSTRAINT = "it is ignored: the generated validator does not check this constraint";
const AT = "/components/schemas/Thing/properties/value";

/** `[the schema with the keyword, the schema without it, pointer, message]` */
const SCHEMA_CASES: readonly (readonly [string, string, string, string])[] = [
  ["{ type: string, pattern: 0 }", "{ type: string }", `${AT}/pattern`, `\`pattern\` must be a string, not 0; ${CONSTRAINT}`],
  ["{ type: string, minLength: three }", "{ type: string }", `${AT}/minLength`, `\`minLength\` must be a non-negative integer, not "three"; ${CONSTRAINT}`],
  ["{ type: string, maxLength: -1 }", "{ type: string }", `${AT}/maxLength`, `\`maxLength\` must be a non-negative integer, not -1; ${CONSTRAINT}`],
  ["{ type: integer, minimum: low }", "{ type: integer }", `${AT}/minimum`, `\`minimum\` must be a number, not "low"; ${CONSTRAINT}`],
  ["{ type: integer, maximum: [5] }", "{ type: integer }", `${AT}/maximum`, `\`maximum\` must be a number, not [5]; ${CONSTRAINT}`],
  ["{ type: integer, exclusiveMinimum: 'yes' }", "{ type: integer }", `${AT}/exclusiveMinimum`, `\`exclusiveMinimum\` must be a boolean (OpenAPI 3.0) or a number (3.1), not "yes"; ${CONSTRAINT}`],
  ["{ type: number, multipleOf: 0 }", "{ type: number }", `${AT}/multipleOf`, `\`multipleOf\` must be a number greater than 0, not 0; ${CONSTRAINT}`],
  ["{ type: array, items: { type: string }, minItems: 1.5 }", "{ type: array, items: { type: string } }", `${AT}/minItems`, `\`minItems\` must be a non-negative integer, not 1.5; ${CONSTRAINT}`],
  ["{ type: array, items: { type: string }, maxItems: -1 }", "{ type: array, items: { type: string } }", `${AT}/maxItems`, `\`maxItems\` must be a non-negative integer, not -1; ${CONSTRAINT}`],
  ["{ type: array, items: { type: string }, uniqueItems: 'yes' }", "{ type: array, items: { type: string } }", `${AT}/uniqueItems`, `\`uniqueItems\` must be a boolean (true or false), not "yes"; ${CONSTRAINT}`],
  ["{ type: object, additionalProperties: { type: string }, minProperties: a }", "{ type: object, additionalProperties: { type: string } }", `${AT}/minProperties`, `\`minProperties\` must be a non-negative integer, not "a"; ${CONSTRAINT}`],
  ["{ type: object, additionalProperties: { type: string }, maxProperties: -2 }", "{ type: object, additionalProperties: { type: string } }", `${AT}/maxProperties`, `\`maxProperties\` must be a non-negative integer, not -2; ${CONSTRAINT}`],
  ["{ type: string, format: 5 }", "{ type: string }", `${AT}/format`, "`format` must be a string, not 5; it is ignored: the value is read and sent as its type says, with no format"],
  ["{ type: string, enum: a }", "{ type: string }", `${AT}/enum`, "`enum` must be a list, not \"a\"; it is ignored: any value of the schema's type is accepted"],
  [
    "{ type: object, properties: { a: { type: string } }, required: [a, 5] }",
    "{ type: object, properties: { a: { type: string } } }",
    `${AT}/required`,
    '`required` must be a list of property names, not ["a",5]; it is ignored: the properties it would require are optional',
  ],
  [
    "{ type: 5, properties: { a: { type: string } } }",
    "{ properties: { a: { type: string } } }",
    `${AT}/type`,
    "`type` must be a type name or a list of type names, not 5; it is ignored: the schema is typed by its other keywords alone",
  ],
  ["{ type: [string, 5] }", "{}", `${AT}/type`, '`type` must be a type name or a list of type names, not ["string",5]; it is ignored: the schema accepts any value (its TypeScript type is `unknown`)'],
];

/** Generated files of a document, as one comparable object (no formatting: the printers' bytes). */
async function output(text: string): Promise<Record<string, string>> {
  const result = await generateFiles([{ path: "api.yaml", text }], "api", false);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return Object.fromEntries(result.files);
}

function warnings(text: string): string[] {
  const loaded = loadText(text, "api.yaml");
  expect(loaded.model).toBeDefined();
  return problems(loaded).map((d) => `${d.severity} ${d.code} ${d.pointer} ${d.message}`);
}

describe("keywords of the wrong type that are ignored with a warning", () => {
  it("the warning in full: where (file, line, column, pointer), what is lost, how to fix", () => {
    expect(problems(loadText(document("{ type: string, pattern: 0 }"), "api.yaml"))).toEqual([
      {
        code: "OPENAPI_KEYWORD_TYPE",
        severity: "warning",
        message: `\`pattern\` must be a string, not 0; ${CONSTRAINT}`,
        file: "api.yaml",
        line: 19,
        column: 32,
        pointer: `${AT}/pattern`,
        hint: "Write `pattern` as a string, or remove it.",
      },
    ]);
  });

  for (const [schema, without, pointer, message] of SCHEMA_CASES) {
    it(`${schema}: one warning, and the output of ${without}`, async () => {
      expect(warnings(document(schema))).toEqual([`warning OPENAPI_KEYWORD_TYPE ${pointer} ${message}`]);
      expect(await output(document(schema))).toEqual(await output(document(without)));
    });
  }

  it("3.1: a minimum of the wrong type is ignored the same way", async () => {
    expect(warnings(document("{ type: integer, exclusiveMaximum: 'ten' }", "", "3.1.0"))).toEqual([
      `warning OPENAPI_KEYWORD_TYPE ${AT}/exclusiveMaximum \`exclusiveMaximum\` must be a boolean (OpenAPI 3.0) or a number (3.1), not "ten"; ${CONSTRAINT}`,
    ]);
    expect(await output(document("{ type: integer, exclusiveMaximum: 'ten' }", "", "3.1.0"))).toEqual(await output(document("{ type: integer }", "", "3.1.0")));
  });

  it("`required: true` on a property (JSON Schema draft 3): the hint says where OpenAPI 3 lists it", () => {
    const loaded = loadText(document("{ type: object, properties: { a: { type: string, required: true } } }"), "api.yaml");
    expect(problems(loaded).map((d) => [d.severity, d.pointer, d.message, d.hint])).toEqual([
      [
        "warning",
        `${AT}/properties/a/required`,
        "`required` must be a list of property names, not true; it is ignored: the properties it would require are optional",
        "In OpenAPI 3, list required properties in the parent object's `required` array.",
      ],
    ]);
  });

  it("codat's `type` holding a schema: the schema is `unknown`, and the hint names `properties`", async () => {
    const schema = '{ $ref: "#/components/schemas/ItemType" }\n    ItemType:\n      type: { description: Type of the item., enum: [Unknown, Inventory], type: string }';
    const loaded = loadText(document(schema), "api.yaml");
    expect(problems(loaded).map((d) => [d.severity, d.code, d.line, d.column, d.pointer, d.message, d.hint])).toEqual([
      [
        "warning",
        "OPENAPI_KEYWORD_TYPE",
        21,
        7,
        "/components/schemas/ItemType/type",
        '`type` must be a type name or a list of type names, not {"description":"Type of the item.","enum":["Unknown","Inv...; it is ignored: the schema accepts any value (its TypeScript type is `unknown`)',
        "`type` holds a schema, not a type name: a property named `type` goes under `properties`; else write `type` as one of: string, number, integer, boolean, array, object, null.",
      ],
    ]);
    const files = await output(document(schema));
    expect(files).toEqual(await output(document('{ $ref: "#/components/schemas/ItemType" }\n    ItemType: {}')));
    expect(files["api/types.ts"]!.split("\n")).toContain("export type ItemType = unknown;");
  });

  it("a `type` map of schemas by name: the hint asks whether `properties` was meant", () => {
    const loaded = loadText(document("{ type: { a: { type: string }, b: { type: integer } } }"), "api.yaml");
    expect(problems(loaded).map((d) => d.hint)).toEqual(["`type` holds schemas by name: did you mean `properties`? Else write `type` as one of: string, number, integer, boolean, array, object, null."]);
  });

  it("documentation keywords of an operation, a parameter, a body and a response: warnings, the documentation left out", async () => {
    const bad = `openapi: 3.0.3
info: { title: Docs, version: "1" }
paths:
  /things:
    post:
      operationId: putThing
      summary: 5
      description: [a, b]
      deprecated: "yes"
      parameters:
        - { name: q, in: query, description: { text: x }, deprecated: 1, schema: { type: string } }
      requestBody:
        description: 7
        content:
          application/json:
            schema: { type: object, properties: { a: { type: string } } }
      responses: { "204": { description: false } }
`;
    const good = bad.replace("      summary: 5\n      description: [a, b]\n      deprecated: \"yes\"\n", "").replace(" description: { text: x }, deprecated: 1,", "").replace("        description: 7\n", "").replace("description: false", "description: ''");
    const lost = "it is ignored: the generated documentation leaves it out";
    expect(warnings(bad)).toEqual([
      `warning OPENAPI_KEYWORD_TYPE /paths/~1things/post/parameters/0/description \`description\` must be a string, not {"text":"x"}; ${lost}`,
      `warning OPENAPI_KEYWORD_TYPE /paths/~1things/post/parameters/0/deprecated \`deprecated\` must be a boolean (true or false), not 1; ${lost}`,
      `warning OPENAPI_KEYWORD_TYPE /paths/~1things/post/requestBody/description \`description\` must be a string, not 7; ${lost}`,
      `warning OPENAPI_KEYWORD_TYPE /paths/~1things/post/responses/204/description \`description\` must be a string, not false; ${lost}`,
      `warning OPENAPI_KEYWORD_TYPE /paths/~1things/post/summary \`summary\` must be a string, not 5; ${lost}`,
      `warning OPENAPI_KEYWORD_TYPE /paths/~1things/post/description \`description\` must be a string, not ["a","b"]; ${lost}`,
      `warning OPENAPI_KEYWORD_TYPE /paths/~1things/post/deprecated \`deprecated\` must be a boolean (true or false), not "yes"; ${lost}`,
    ]);
    expect(await output(bad)).toEqual(await output(good));
  });
});
