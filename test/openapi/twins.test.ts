// Inline schemas of the same form (OpenAPI documents repeat them: Stripe's `expand` lists, its
// `"" | object` options) are declared once: the others are aliases of it in types.ts, and the
// serializers, deserializers, validators and redactors of all of them are the same functions. Schemas the
// document names are always declared.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateFiles, generateToTemp, loadText } from "./helpers.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const DOCUMENT = `
openapi: 3.0.3
info: { title: Twins, version: "1" }
paths:
  /a:
    post:
      operationId: postA
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                where: { type: object, description: A place., properties: { city: { type: string, maxLength: 5 }, pin: { type: string, format: password } }, required: [city] }
                kind: { type: string, enum: [one, two] }
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { $ref: "#/components/schemas/Place" } } }
  /b:
    post:
      operationId: postB
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                where: { type: object, description: A place., properties: { city: { type: string, maxLength: 5 }, pin: { type: string, format: password } }, required: [city] }
                there: { type: object, description: Another place., properties: { city: { type: string, maxLength: 5 }, pin: { type: string, format: password } }, required: [city] }
                kind: { type: string, enum: [one, two] }
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { $ref: "#/components/schemas/Spot" } } }
components:
  schemas:
    Place: { type: object, description: A place., properties: { city: { type: string, maxLength: 5 }, pin: { type: string, format: password } }, required: [city] }
    Spot: { type: object, description: A place., properties: { city: { type: string, maxLength: 5 }, pin: { type: string, format: password } }, required: [city] }
`;

describe("inline schemas of the same form", () => {
  it("are named after where they stand, marked so in the model", () => {
    const { model } = loadText(DOCUMENT);
    expect(model!.shapes.get("openapi#PostARequestBodyWhere")?.derivedName).toBe(true);
    expect(model!.shapes.get("openapi#Place")?.derivedName).toBeUndefined();
  });

  it("are declared once: an inline twin of a named schema is an alias of it, named schemas never are", async () => {
    const result = await generateFiles([{ path: "twins.yaml", text: DOCUMENT }], "twins");
    const types = result.files.get("twins/types.ts")!;
    const aliases = types.split("\n").filter((l) => /^export (type|const) \w+ = \w+;$/.test(l));
    // `where` has the docs and form of Place and Spot: an alias of the shorter name, Spot. `there`
    // has other docs: declared. The two `kind` enums: one declaration, the other its alias.
    expect(aliases).toEqual([
      "export type PostARequestBodyWhere = Spot;",
      "export const PostBRequestBodyKind = PostARequestBodyKind;",
      "export type PostBRequestBodyKind = PostARequestBodyKind;",
      "export type PostBRequestBodyWhere = Spot;",
    ]);
    expect(types).toMatch(/export interface Place \{/);
    expect(types).toMatch(/export interface PostBRequestBodyThere \{/);
    expect(types).toMatch(/export interface Spot \{/);
  });

  it("share their functions and still check, write and read each place", async () => {
    const dir = await generateToTemp([{ path: "twins.yaml", text: DOCUMENT }], "twins");
    expect(typecheckFolder(dir)).toEqual([]);
    const validators = (await import(pathToFileURL(join(dir, "validators.ts")).href)) as Record<string, (v: unknown) => { path: string }[]>;
    const serializers = (await import(pathToFileURL(join(dir, "serializers.ts")).href)) as Record<string, (v: unknown) => { body: string }>;
    const deserializers = (await import(pathToFileURL(join(dir, "deserializers.ts")).href)) as Record<string, (r: unknown) => unknown>;
    const input = { where: { city: "toolong" }, there: { city: "x" }, kind: "three" };
    expect(validators["validatePostBRequest"]!(input).map((f) => f.path)).toEqual(["/where/city", "/kind"]);
    expect(validators["validatePostBRequestBodyWhere"]!({ city: 1 }).map((f) => f.path)).toEqual(["/city"]);
    expect(JSON.parse(serializers["serializePostBRequest"]!({ where: { city: "a" }, there: { city: "b" }, kind: "one" }).body)).toEqual({
      where: { city: "a" },
      there: { city: "b" },
      kind: "one",
    });
    const redact = (await import(pathToFileURL(join(dir, "redact.ts")).href)) as Record<string, (v: unknown) => unknown>;
    expect(redact["redactPostARequestBodyWhere"]).toBe(redact["redactSpot"]);
    expect(redact["redactPostBRequest"]!({ where: { city: "a", pin: "1234" }, there: { city: "b", pin: "5678" } })).toEqual({
      where: { city: "a", pin: "*** Sensitive Data Redacted ***" },
      there: { city: "b", pin: "*** Sensitive Data Redacted ***" },
    });
    const response = { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ city: "c", extra: 1 }) };
    expect(deserializers["deserializePostAResponse"]!(response)).toEqual({ city: "c" });
    expect(deserializers["deserializePostBResponse"]!(response)).toEqual({ city: "c" });
  });
});

// Two operations with the same inline `anyOf` (Stripe's `metadata: "" | object` in hundreds of
// request bodies): the variants of the second are twins of the first's, so its failure message
// names the first's types (what types.ts declares its own as) and the validator is one function.
const ALTERNATIVES = `
openapi: 3.0.3
info: { title: Twin alternatives, version: "1" }
paths:
  /c:
    post:
      operationId: postC
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { meta: { anyOf: [{ type: object, properties: { k: { type: string } } }, { type: string, maxLength: 3 }] } } }
      responses: { "204": { description: ok } }
  /d:
    post:
      operationId: postD
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { meta: { anyOf: [{ type: object, properties: { k: { type: string } } }, { type: string, maxLength: 3 }] } } }
      responses: { "204": { description: ok } }
`;

describe("alternatives whose variants are twins", () => {
  it("share one validator, whose message names the variants' declared types", async () => {
    const dir = await generateToTemp([{ path: "alternatives.yaml", text: ALTERNATIVES }], "twin_alternatives");
    expect(typecheckFolder(dir)).toEqual([]);
    const types = readFileSync(join(dir, "types.ts"), "utf8");
    const aliases = types.split("\n").filter((l) => /^export (type|const) \w+ = \w+;$/.test(l));
    expect(aliases).toEqual([
      "export type PostCRequestBodyMetaOption2 = string;",
      "export type PostDRequestBodyMeta = PostCRequestBodyMeta;",
      "export type PostDRequestBodyMetaOption1 = PostCRequestBodyMetaOption1;",
      "export type PostDRequestBodyMetaOption2 = PostCRequestBodyMetaOption2;",
    ]);
    const validators = (await import(pathToFileURL(join(dir, "validators.ts")).href)) as Record<string, (v: unknown) => { path: string; message: string }[]>;
    expect(validators["validatePostDRequestBodyMeta"]).toBe(validators["validatePostCRequestBodyMeta"]);
    const rule = "Member must match at least one of [PostCRequestBodyMetaOption1, PostCRequestBodyMetaOption2]";
    for (const op of ["validatePostCRequest", "validatePostDRequest"]) {
      const failures = validators[op]!({ meta: "long" });
      expect(failures.map((f) => f.path)).toEqual(["/meta"]);
      expect(failures[0]!.message).toContain(rule);
      expect(validators[op]!({ meta: "abc" })).toEqual([]);
      expect(validators[op]!({ meta: { k: "x" } })).toEqual([]);
    }
  });
});
