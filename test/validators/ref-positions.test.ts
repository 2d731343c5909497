// Constraints on a list member, a map key and a map value, and a sensitive map value (Smithy: a
// member targeting a @sensitive shape, since Smithy 2.0 allows the trait on no member; OpenAPI:
// `format: password` on the reference): lowered onto the reference by both front ends, checked
// by the validators at that position (a map key at the map's path), hidden by the log-safe views.

import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithyModels } from "../../generator/smithy/frontend.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { TMP } from "../helpers/paths.js";
import { loadText } from "../openapi/helpers.js";
import { msg } from "./fixtures.js";

const IDL = `$version: "2.0"
namespace test.positions

@aws.protocols#awsJson1_1
service Svc { version: "1", operations: [Put] }

operation Put { input: PutInput }

structure PutInput {
    codes: Codes
    env: Env
    levels: Levels
}

list Codes {
    @length(min: 2, max: 3)
    @pattern("^[a-z]+$")
    member: Code
}

@length(max: 10)
string Code

map Env {
    @length(min: 1, max: 4)
    @pattern("^[A-Z_]+$")
    key: String

    @length(max: 5)
    value: Secret
}

// Smithy 2.0 puts @sensitive on shapes, never on members (its selector excludes them).
@sensitive
string Secret

list Levels {
    @range(min: 1, max: 3)
    member: Integer
}
`;

let counter = 0;

async function generateAndImport(files: { path: string; text: string }[]): Promise<Record<string, (value: unknown) => unknown>> {
  const result = await generate([{ name: "m", files }], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const dir = resolve(TMP, "ref-positions", `${process.pid}-${counter++}`);
  mkdirSync(join(dir, "m"), { recursive: true });
  for (const [path, text] of result.files) writeFileSync(join(dir, path), text);
  return (await import(pathToFileURL(join(dir, "m", "index.ts")).href)) as Record<string, (value: unknown) => unknown>;
}

describe("Smithy: traits on a list member and on a map key / value", () => {
  it("are lowered onto the references", () => {
    const diags = new Diagnostics();
    const [model] = loadSmithyModels({ name: "m", files: [{ path: "m.smithy", text: IDL }] }, diags);
    const shape = (id: string) => model!.shapes.get(`test.positions#${id}`);
    expect(shape("Codes")).toMatchObject({ member: { target: "test.positions#Code", constraints: { length: { min: 2, max: 3 }, pattern: "^[a-z]+$" } } });
    expect(shape("Env")).toMatchObject({
      key: { target: "smithy.api#String", constraints: { length: { min: 1, max: 4 }, pattern: "^[A-Z_]+$" } },
      value: { target: "test.positions#Secret", constraints: { length: { max: 5 } } },
    });
    expect(shape("Levels")).toMatchObject({ member: { target: "smithy.api#Integer", constraints: { range: { min: 1, max: 3 } } } });
  });

  it("are checked by the validators at every position, the member's constraints over the target's", async () => {
    const mod = await generateAndImport([{ path: "m.smithy", text: IDL }]);
    const validate = mod["validatePutInput"]!;
    expect(validate({ codes: ["ab", "abc"], env: { A_B: "x" }, levels: [1, 3] })).toEqual([]);
    expect(validate({ codes: ["a", "abcd", "AB"], env: { "": "x", toolong: "123456", a: "y" }, levels: [0, 2, 4] })).toEqual([
      { path: "/codes/0", constraint: "length", message: msg("/codes/0", "Member must have length between 2 and 3, inclusive", "with length 1") },
      { path: "/codes/1", constraint: "length", message: msg("/codes/1", "Member must have length between 2 and 3, inclusive", "with length 4") },
      { path: "/codes/2", constraint: "pattern", message: msg("/codes/2", "Member must satisfy regular expression pattern: ^[a-z]+$") },
      // A key of the wrong length is not run through the pattern.
      { path: "/env", constraint: "length", message: msg("/env", "Member must have length between 1 and 4, inclusive", "with length 0") },
      { path: "/env", constraint: "length", message: msg("/env", "Member must have length between 1 and 4, inclusive", "with length 7") },
      { path: "/env/toolong", constraint: "length", message: msg("/env/toolong", "Member must have length less than or equal to 5", "with length 6") },
      { path: "/env", constraint: "pattern", message: msg("/env", "Member must satisfy regular expression pattern: ^[A-Z_]+$") },
      { path: "/levels/0", constraint: "range", message: msg("/levels/0", "Member must be between 1 and 3, inclusive") },
      { path: "/levels/2", constraint: "range", message: msg("/levels/2", "Member must be between 1 and 3, inclusive") },
    ]);
  });

  it("a @sensitive map value is hidden by the log-safe view", async () => {
    const mod = await generateAndImport([{ path: "m.smithy", text: IDL }]);
    expect(mod["redactPutInput"]!({ codes: ["ab"], env: { A: "secret" } })).toEqual({ codes: ["ab"], env: { A: "*** Sensitive Data Redacted ***" } });
  });
});

const OPENAPI = `openapi: 3.0.3
info: { title: S, version: "1" }
paths:
  /x:
    post:
      operationId: Send
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/In" }
      responses: { "200": { description: ok } }
components:
  schemas:
    In:
      type: object
      properties:
        secrets: { type: array, items: { type: string, format: password } }
        byName: { type: object, additionalProperties: { type: string, format: password } }
        codes: { type: array, items: { type: string, maxLength: 3 } }
`;

describe("OpenAPI: a list item or map value", () => {
  it("with format password is a sensitive reference; one with constraints gets a shape of its own", () => {
    const { model } = loadText(OPENAPI);
    expect(model!.shapes.get("openapi#InSecrets")).toMatchObject({ member: { target: "smithy.api#String", sensitive: true } });
    expect(model!.shapes.get("openapi#InByName")).toMatchObject({ value: { target: "smithy.api#String", sensitive: true } });
    expect(model!.shapes.get("openapi#InCodes")).toMatchObject({ member: { target: "openapi#InCodesItem" } });
    expect(model!.shapes.get("openapi#InCodesItem")).toMatchObject({ constraints: { length: { max: 3 } } });
  });

  it("is hidden or checked in the generated code", async () => {
    const mod = await generateAndImport([{ path: "s.openapi.yaml", text: OPENAPI }]);
    expect(mod["redactSendRequest"]!({ secrets: ["a", "b"], byName: { x: "y" }, codes: ["abc"] })).toEqual({
      secrets: ["*** Sensitive Data Redacted ***", "*** Sensitive Data Redacted ***"],
      byName: { x: "*** Sensitive Data Redacted ***" },
      codes: ["abc"],
    });
    expect(mod["validateSendRequest"]!({ codes: ["abcd"] })).toEqual([
      { path: "/codes/0", constraint: "length", message: msg("/codes/0", "Member must have length less than or equal to 3", "with length 4") },
    ]);
  });
});
