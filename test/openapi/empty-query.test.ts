// An empty string in an OpenAPI query parameter (generator/protocols/http/binding.ts): sent as
// `name=` only when the parameter says `allowEmptyValue: true`; otherwise left out, as OpenAPI
// 3.0.3 §Parameter Object says ("allowEmptyValue: Sets the ability to pass empty-valued
// parameters [...] Default value is false"). Lists and numbers are unaffected: an item that is
// the empty string is a value of the list, and `0` is no empty value. A required string query
// parameter without `allowEmptyValue` cannot be sent as "", so its validator rejects "" (a member
// constraint of at least one character, generator/openapi/model.ts) instead of the serializer
// sending a request without it.

import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { generateToTemp, loadText, problems } from "./helpers.js";

const DOCUMENT = `openapi: 3.0.3
info: { title: Empty, version: "1" }
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - { name: q, in: query, schema: { type: string } }
        - { name: sort, in: query, schema: { type: string, enum: ["", asc, desc] } }
        - { name: order, in: query, schema: { type: string, enum: [up, down] } }
        - { name: cursor, in: query, allowEmptyValue: true, schema: { type: string } }
        - { name: tags, in: query, schema: { type: array, items: { type: string } } }
        - { name: limit, in: query, schema: { type: integer } }
        - { name: X-Note, in: header, schema: { type: string } }
      responses: { "200": { description: ok } }
  /caches:
    delete:
      operationId: deleteCaches
      parameters:
        - { name: key, in: query, required: true, schema: { type: string } }
        - { name: ref, in: query, schema: { type: string } }
        - { name: tag, in: query, required: true, allowEmptyValue: true, schema: { type: string } }
        - { name: name, in: query, required: true, schema: { type: string, minLength: 3 } }
        - { name: X-Id, in: header, required: true, schema: { type: string } }
      responses: { "204": { description: gone } }
`;

let serialize: (input: unknown) => { query: readonly string[]; headers: Record<string, string> };
let serializeDelete: (input: unknown) => { query: readonly string[]; headers: Record<string, string> };
let validateDelete: (input: unknown) => readonly { path: string }[];
let dir: string;

beforeAll(async () => {
  dir = await generateToTemp([{ path: "empty.yaml", text: DOCUMENT }], "emptyquery");
  const serializers = (await import(join(dir, "serializers.ts"))) as Record<string, typeof serialize>;
  serialize = serializers["serializeListThingsRequest"]!;
  serializeDelete = serializers["serializeDeleteCachesRequest"]!;
  validateDelete = ((await import(join(dir, "validators.ts"))) as Record<string, typeof validateDelete>)["validateDeleteCachesRequest"]!;
});

describe("empty query values", () => {
  it("the document generates without a warning, and only `cursor` keeps allowEmptyValue in the model", () => {
    const loaded = loadText(DOCUMENT, "empty.yaml");
    expect(problems(loaded)).toEqual([]);
    const input = loaded.model!.shapes.get("openapi#ListThingsRequest")!;
    expect(input.type === "structure" ? input.members.map((m) => [m.name, m.http]) : []).toEqual([
      ["q", { location: "query", name: "q", style: "form", explode: true }],
      ["sort", { location: "query", name: "sort", style: "form", explode: true }],
      ["order", { location: "query", name: "order", style: "form", explode: true }],
      ["cursor", { location: "query", name: "cursor", style: "form", explode: true, allowEmptyValue: true }],
      ["tags", { location: "query", name: "tags", style: "form", explode: true }],
      ["limit", { location: "query", name: "limit", style: "form", explode: true }],
      ["X-Note", { location: "header", name: "X-Note", explode: false }],
    ]);
  });

  it('"" is left out without allowEmptyValue (a string, an enum value), sent with it; list items, 0 and headers are sent', () => {
    expect(serialize({ q: "", sort: "", cursor: "", tags: [""], limit: 0, "X-Note": "" })).toEqual({ method: "GET", path: "/things", query: ["cursor=", "tags=", "limit=0"], headers: { "X-Note": "" } });
    expect(serialize({ q: "a b", sort: "asc", order: "up", cursor: "c" }).query).toEqual(["q=a%20b", "sort=asc", "order=up", "cursor=c"]);
  });

  it('a required string query parameter without allowEmptyValue is rejected as "" by its validator, not sent without it', () => {
    const loaded = loadText(DOCUMENT, "empty.yaml");
    const input = loaded.model!.shapes.get("openapi#DeleteCachesRequest")!;
    expect(input.type === "structure" ? input.members.map((m) => [m.name, m.constraints]) : []).toEqual([
      ["key", { length: { min: 1 } }],
      ["ref", {}],
      ["tag", {}],
      ["name", { length: { min: 3 } }],
      ["X-Id", {}],
    ]);
    const valid = { key: "k", tag: "", name: "abc", "X-Id": "" };
    expect(validateDelete(valid)).toEqual([]);
    expect(serializeDelete(valid).query).toEqual(["key=k", "tag=", "name=abc"]);
    expect(validateDelete({ ...valid, key: "" }).map((e) => e.path)).toEqual(["/key"]);
    expect(validateDelete({ ...valid, ref: "" })).toEqual([]);
    expect(validateDelete({ ...valid, name: "" }).map((e) => e.path)).toEqual(["/name"]);
  });

  it("the generated code type-checks (no comparison with \"\" where the type cannot hold it: `order`)", () => {
    expect(typecheckFolder(dir)).toEqual([]);
  });
});
