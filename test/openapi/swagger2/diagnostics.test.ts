// Bad Swagger 2.0 input: every diagnostic names the place in the 2.0 document (its JSON
// pointer, line and column), whether the conversion found the problem (body parameters,
// collectionFormat, security definitions, `$ref`s) or the OpenAPI 3 front end found it in the
// converted document (an unknown type in a definition, a keyword of the wrong type in a
// parameter, a form property); no model comes out of an error.

import { describe, expect, it } from "vitest";
import { loadText, modelJson, problems } from "../helpers.js";

const HEAD = `swagger: "2.0"
info: { title: Bad, version: "1" }
`;

/** `severity code line:column pointer message` of each diagnostic of a document. */
function report(text: string, path = "bad.yaml"): { model: boolean; lines: string[] } {
  const loaded = loadText(text, path);
  return { model: loaded.model !== undefined, lines: problems(loaded).map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column} ${d.pointer} ${d.message}`) };
}

describe("bad Swagger 2.0 documents: diagnostics at the 2.0 place", () => {
  it("an unknown type in a definition (found in the converted document) names /definitions/…", () => {
    const text = `${HEAD}paths: {}
definitions:
  Pet:
    type: object
    properties:
      name: { type: strin }
`;
    expect(report(text)).toEqual({
      model: false,
      lines: ['error OPENAPI_UNKNOWN_TYPE bad.yaml:8:15 /definitions/Pet/properties/name/type Unknown schema type "strin"'],
    });
  });

  // A constraint of the wrong type is a warning and ignored (the policy for keywords whose
  // absence changes nothing on the wire; README "OpenAPI keywords of the wrong type"), not an error.
  it("a constraint of the wrong type on a query parameter and on a form field: a warning at the parameter's own key, the model without it", () => {
    const text = `${HEAD}paths:
  /a:
    post:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - { name: q, in: query, type: string, maxLength: long }
        - { name: f, in: formData, type: integer, minimum: low }
      responses: { "204": { description: ok } }
`;
    expect(report(text)).toEqual({
      model: true,
      lines: [
        "warning OPENAPI_KEYWORD_TYPE bad.yaml:8:47 /paths/~1a/post/parameters/0/maxLength `maxLength` must be a non-negative integer, not \"long\"; it is ignored: the generated validator does not check this constraint",
        "warning OPENAPI_KEYWORD_TYPE bad.yaml:9:51 /paths/~1a/post/parameters/1/minimum `minimum` must be a number, not \"low\"; it is ignored: the generated validator does not check this constraint",
      ],
    });
    // The same model as without the two keywords.
    const without = loadText(text.replace(", maxLength: long", "").replace(", minimum: low", ""), "bad.yaml");
    expect(modelJson(loadText(text, "bad.yaml").model)).toBe(modelJson(without.model));
  });

  it("body parameters: none without a schema, at most one, never beside form parameters", () => {
    const text = `${HEAD}paths:
  /one:
    post:
      parameters:
        - { name: a, in: body }
      responses: { "204": { description: ok } }
  /two:
    post:
      parameters:
        - { name: a, in: body, schema: { type: object } }
        - { name: b, in: body, schema: { type: object } }
      responses: { "204": { description: ok } }
  /mixed:
    post:
      parameters:
        - { name: a, in: body, schema: { type: object } }
        - { name: f, in: formData, type: string }
      responses: { "204": { description: ok } }
`;
    expect(report(text)).toEqual({
      model: false,
      lines: [
        "error SWAGGER2_BODY bad.yaml:7:11 /paths/~1one/post/parameters/0 The body parameter `a` has no `schema`",
        "error SWAGGER2_BODY bad.yaml:13:11 /paths/~1two/post/parameters/1 An operation has at most one `in: body` parameter; this one is the second",
        "error SWAGGER2_BODY bad.yaml:19:11 /paths/~1mixed/post/parameters/1 An operation cannot have both an `in: body` parameter and `in: formData` parameters",
      ],
    });
  });

  it("an unknown collectionFormat is an error; tsv, and ssv in a header, are warnings and the model comes out", () => {
    const bad = `${HEAD}paths:
  /a:
    get:
      parameters:
        - { name: q, in: query, type: array, items: { type: string }, collectionFormat: comma }
      responses: { "204": { description: ok } }
`;
    expect(report(bad)).toEqual({
      model: false,
      lines: ['error SWAGGER2_COLLECTION_FORMAT bad.yaml:7:71 /paths/~1a/get/parameters/0/collectionFormat Unknown `collectionFormat` "comma"'],
    });
    const warned = bad.replace("collectionFormat: comma", "collectionFormat: tsv").replace("in: query", "in: header").replace("name: q", "name: X-Q");
    expect(report(warned)).toEqual({
      model: true,
      lines: ["warning SWAGGER2_COLLECTION_FORMAT bad.yaml:7:74 /paths/~1a/get/parameters/0/collectionFormat `collectionFormat: tsv` (tab-separated) has no OpenAPI 3 style; the values are sent comma-separated (csv) instead"],
    });
  });

  it("security definitions: an unknown type or OAuth2 flow", () => {
    const text = `${HEAD}paths: {}
securityDefinitions:
  a: { type: bearer }
  b: { type: oauth2, flow: device, tokenUrl: "https://x" }
`;
    expect(report(text)).toEqual({
      model: false,
      lines: [
        'error SWAGGER2_SECURITY bad.yaml:5:8 /securityDefinitions/a/type Unknown security scheme type "bearer"',
        'error SWAGGER2_SECURITY bad.yaml:6:22 /securityDefinitions/b/flow Unknown OAuth2 `flow` "device"',
      ],
    });
  });

  it("a broken `$ref` is reported as written in the 2.0 document, with a suggestion", () => {
    const text = `${HEAD}paths:
  /a:
    get:
      parameters:
        - $ref: "#/parameters/limt"
      responses:
        "200": { description: ok, schema: { $ref: "#/definitions/Pett" } }
parameters:
  limit: { name: limit, in: query, type: integer }
definitions:
  Pet: { type: object }
`;
    expect(report(text)).toEqual({
      model: false,
      lines: [
        'error OPENAPI_BROKEN_REF bad.yaml:7:11 /paths/~1a/get/parameters/0/$ref `$ref` "#/parameters/limt" points to nothing: bad.yaml has no /parameters/limt',
        'error OPENAPI_BROKEN_REF bad.yaml:9:45 /paths/~1a/get/responses/200/schema/$ref `$ref` "#/definitions/Pett" points to nothing: bad.yaml has no /definitions/Pett',
      ],
    });
  });

  it("a form with a file that consumes JSON is a warning: the form goes as multipart", () => {
    const text = `${HEAD}consumes: [application/json]
paths:
  /a:
    post:
      parameters:
        - { name: f, in: formData, type: file }
      responses: { "204": { description: ok } }
`;
    expect(report(text)).toEqual({
      model: true,
      lines: ["warning SWAGGER2_FORM_CONSUMES bad.yaml:7:7 /paths/~1a/post/parameters This operation has form parameters with a file but consumes application/json; the form is sent as multipart/form-data"],
    });
  });

  it("in JSON too: line and column in the 2.0 text", () => {
    const text = JSON.stringify({ swagger: "2.0", info: { title: "J", version: "1" }, paths: {}, definitions: { A: { type: "object", properties: { n: { type: "integer", maximum: "high" } } } } }, null, 2);
    expect(report(text, "bad.json")).toEqual({
      model: true,
      lines: ["warning OPENAPI_KEYWORD_TYPE bad.json:14:11 /definitions/A/properties/n/maximum `maximum` must be a number, not \"high\"; it is ignored: the generated validator does not check this constraint"],
    });
    const error = JSON.stringify({ swagger: "2.0", info: { title: "J", version: "1" }, paths: {}, definitions: { A: { type: "object", properties: { n: { type: "Integer" } } } } }, null, 2);
    expect(report(error, "bad.json")).toEqual({
      model: false,
      lines: ['error OPENAPI_UNKNOWN_TYPE bad.json:13:11 /definitions/A/properties/n/type Unknown schema type "Integer"'],
    });
  });

  it("other versions of Swagger are rejected, naming `swagger`", () => {
    expect(report('swagger: "1.2"\ninfo: { title: Old }\n')).toEqual({
      model: false,
      lines: ['error OPENAPI_VERSION bad.yaml:1:1 /swagger Swagger "1.2" documents are not supported; only Swagger 2.0, OpenAPI 3.0 and 3.1'],
    });
  });
});
