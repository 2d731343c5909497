// Recursive OpenAPI schemas generate strict TypeScript: a map that contains itself (directly or
// through the common "any JSON value" `oneOf`) is an interface with an index signature, not a
// self-naming `Record` alias (TS2456); a schema that is one of its own `oneOf`/`anyOf` variants
// with nothing in between is reported and keeps only what lies outside the cycle.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { generateFiles, generateToTemp } from "./helpers.js";

const DOC = `openapi: 3.0.3
info: { title: R, version: "1" }
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
        tree: { $ref: "#/components/schemas/Tree" }
        json: { $ref: "#/components/schemas/Json" }
        self: { $ref: "#/components/schemas/Self" }
        a: { $ref: "#/components/schemas/A" }
        c: { $ref: "#/components/schemas/C" }
    Tree:
      type: object
      additionalProperties: { $ref: "#/components/schemas/Tree" }
      maxProperties: 2
    Json:
      oneOf:
        - { type: string }
        - { type: number }
        - { type: array, items: { $ref: "#/components/schemas/Json" } }
        - { type: object, additionalProperties: { $ref: "#/components/schemas/Json" } }
    Self:
      anyOf:
        - { $ref: "#/components/schemas/Self" }
        - { type: string, maxLength: 3 }
    A:
      oneOf:
        - { $ref: "#/components/schemas/B" }
        - { type: integer }
    B:
      anyOf:
        - { $ref: "#/components/schemas/A" }
        - { type: boolean }
    C:
      oneOf:
        - { $ref: "#/components/schemas/D" }
    D:
      oneOf:
        - { $ref: "#/components/schemas/C" }
`;

const FILES = [{ path: "test/openapi/fixtures/recursion.yaml", text: DOC }];

describe("recursive OpenAPI schemas", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await generateToTemp(FILES, "recursion");
  });

  it("report each schema on a variant-only cycle, at its position", async () => {
    const result = await generateFiles(FILES, "recursion", false);
    expect(result.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.severity} ${d.code} ${d.pointer}: ${d.message}`)).toEqual([
      "warning OPENAPI_CIRCULAR_VARIANTS /components/schemas/A: This schema is one of its own `oneOf`/`anyOf` variants through `A`, `B`, with no object or array in between; only the variants outside the cycle are kept",
      "warning OPENAPI_CIRCULAR_VARIANTS /components/schemas/B: This schema is one of its own `oneOf`/`anyOf` variants through `A`, `B`, with no object or array in between; only the variants outside the cycle are kept",
      "warning OPENAPI_CIRCULAR_VARIANTS /components/schemas/C: This schema is one of its own `oneOf`/`anyOf` variants through `C`, `D`, with no object or array in between; it accepts any value",
      "warning OPENAPI_CIRCULAR_VARIANTS /components/schemas/D: This schema is one of its own `oneOf`/`anyOf` variants through `C`, `D`, with no object or array in between; it accepts any value",
      "warning OPENAPI_CIRCULAR_VARIANTS /components/schemas/Self: This schema is one of its own `oneOf`/`anyOf` variants through `Self`, with no object or array in between; only the variants outside the cycle are kept",
    ]);
  });

  it("give type declarations TypeScript accepts", () => {
    const types = readFileSync(join(dir, "types.ts"), "utf8");
    const declarations = types.split("\n").filter((l) => /^export |^  \[key: string\]/.test(l));
    expect(declarations).toEqual([
      "export type A = number | boolean;",
      "export type B = boolean | number;",
      "export type C = unknown;",
      "export type D = unknown;",
      "export interface In {",
      "export type Json = string | number | JsonOption3 | JsonOption4;",
      "export type JsonOption3 = Json[];",
      "export interface JsonOption4 {",
      "  [key: string]: Json;",
      "export type Self = SelfOption2;",
      "export type SelfOption2 = string;",
      "export interface SendRequest {",
      "export interface Tree {",
      "  [key: string]: Tree;",
    ]);
    expect(typecheckFolder(dir)).toEqual([]);
  });

  it("validate recursive values at any depth", async () => {
    const mod = (await import(pathToFileURL(join(dir, "validators.ts")).href)) as Record<string, (v: unknown) => { path: string; constraint: string }[]>;
    const validate = mod["validateSendRequest"]!;
    expect(validate({ tree: { a: { b: {} } }, json: { x: [1, "y", { z: [] }] }, self: "abc", a: true, c: { any: 1 } })).toEqual([]);
    expect(validate({ tree: { a: { b: { c: {}, d: {}, e: {} } } }, json: { x: [null] }, self: "abcd", a: "no" }).map((f) => `${f.path} ${f.constraint}`)).toEqual([
      "/tree/a/b length",
      "/json union",
      "/self union",
      "/a union",
    ]);
  });
});
