// Parameters the style table does not cover, on the wire (generator/openapi/parameters.ts,
// generator/protocols/http/binding.ts), each checked against swagger-client's buildRequest too:
// - a parameter defined by `content` instead of `schema` is written as its media type says
//   (OpenAPI 3.0.3 §Parameter Object `content`): the JSON text for `application/json` and `+json`
//   types, then percent-encoded for a path or query, as is in a header; `text/*` the value's text;
//   another media type its text too, with a warning;
// - a `oneOf`/`anyOf` path parameter holds an object or a list at run time: expanded by its style
//   (`{}` is undefined, RFC 6570 §2.3: nothing, prefix and all; `{ a: "x" }` simple is `a,x`),
//   not as JSON text;
// - an empty string in a form-style query parameter is left out without `allowEmptyValue` (3.0.3
//   §Parameter Object: its default is false), whether the schema is a string or a `oneOf` that
//   holds one; with `allowEmptyValue: true` both send `name=`.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { generateToTemp, loadText, problems } from "./helpers.js";
import { runSource, type DocumentResult } from "../openapi-wire/oracle.js";
import { KNOWN } from "../openapi-wire/known.js";
import { report } from "../openapi-wire/report.js";

const DOCUMENT = `openapi: 3.0.3
info: { title: Content parameters, version: "1" }
paths:
  /roles/byIds(ids={ids}):
    get:
      operationId: rolesByIds
      parameters:
        - name: ids
          in: path
          required: true
          content: { application/json: { schema: { type: array, items: { type: string } } } }
      responses: { "200": { description: ok } }
  /reports:
    get:
      operationId: listReports
      parameters:
        - name: filter
          in: query
          content: { application/json: { schema: { type: object, properties: { owner: { type: string }, size: { type: integer } } } } }
        - name: since
          in: query
          content: { application/json: { schema: { type: string, format: date-time } } }
        - name: label
          in: query
          content: { application/json: { schema: { type: string } } }
        - name: X-Scope
          in: header
          content: { application/json: { schema: { type: object, properties: { team: { type: string }, level: { type: integer } } } } }
        - name: note
          in: query
          content: { text/plain: { schema: { type: string } } }
      responses: { "200": { description: ok } }
  /kinds/{kind}/{shelf}/{box}:
    get:
      operationId: getKind
      parameters:
        - name: kind
          in: path
          required: true
          schema: { anyOf: [{ type: string, enum: [member, guest] }, { type: object, nullable: true }] }
        - name: shelf
          in: path
          required: true
          style: label
          schema: { oneOf: [{ type: string }, { type: object, properties: { a: { type: string }, b: { type: integer } } }] }
        - name: box
          in: path
          required: true
          style: matrix
          schema: { oneOf: [{ type: integer }, { type: object, properties: { p: { type: string } } }] }
        - name: status
          in: query
          schema: { oneOf: [{ type: number }, { type: string }] }
        - name: code
          in: query
          schema: { type: string }
        - name: cursor
          in: query
          allowEmptyValue: true
          schema: { oneOf: [{ type: integer }, { type: string }] }
      responses: { "200": { description: ok } }
`;

/** Media types swagger-client does not read as its own (`+json`), or that have no defined text form of a value (XML). */
const OTHER_MEDIA = `openapi: 3.0.3
info: { title: Other media types, version: "1" }
paths:
  /search:
    get:
      operationId: search
      parameters:
        - name: q
          in: query
          content: { application/vnd.example+json: { schema: { type: object, properties: { term: { type: string } } } } }
        - name: where
          in: query
          content: { application/xml: { schema: { type: string } } }
        - name: prefs
          in: cookie
          content: { application/json: { schema: { type: array, items: { type: integer } } } }
      responses: { "200": { description: ok } }
`;

type Request = { method: string; path: string; query: readonly string[]; headers: Record<string, string>; body?: string };
let main: Record<string, (input: unknown) => Request>;
let other: Record<string, (input: unknown) => Request>;
let dirs: string[];

beforeAll(async () => {
  dirs = [await generateToTemp([{ path: "content.yaml", text: DOCUMENT }], "paramcontent"), await generateToTemp([{ path: "other.yaml", text: OTHER_MEDIA }], "paramother")];
  main = (await import(join(dirs[0]!, "serializers.ts"))) as typeof main;
  other = (await import(join(dirs[1]!, "serializers.ts"))) as typeof other;
});

/** The inputs of our own the oracle runs first: the cases of the faults, then random ones. */
const INPUTS: Readonly<Record<string, readonly unknown[]>> = {
  rolesByIds: [{ ids: ["a b", "x"] }, { ids: ["1", "true", "null"] }, { ids: [] }],
  listReports: [
    { filter: { owner: "me", size: 2 }, since: new Date("2024-01-02T03:04:05Z"), label: "x", "X-Scope": { team: "a", level: 1 }, note: "a b" },
    { filter: {}, label: "", note: "" },
  ],
  getKind: [
    { kind: {}, shelf: {}, box: {} },
    { kind: "member", shelf: { a: "x y", b: 2 }, box: { p: "q" } },
    { kind: "guest", shelf: "s", box: 7, status: "", code: "", cursor: "" },
    { kind: { r: "1", g: "2" }, shelf: "", box: 0, status: 5, code: "c", cursor: 3 },
  ],
};

describe("parameters defined by content, and alternatives by their style", () => {
  it("the model: content parameters are written by their media type; only the XML one is a warning", () => {
    const loaded = loadText(DOCUMENT, "content.yaml");
    expect(problems(loaded)).toEqual([]);
    const bindings = (id: string) => {
      const shape = loaded.model!.shapes.get(id)!;
      return shape.type === "structure" ? shape.members.map((m) => [m.name, m.http]) : [];
    };
    expect(bindings("openapi#RolesByIdsRequest")).toEqual([["ids", { location: "label", name: "ids", style: "simple", explode: false, content: "json" }]]);
    expect(bindings("openapi#ListReportsRequest")).toEqual([
      ["filter", { location: "query", name: "filter", style: "form", explode: true, content: "json" }],
      ["since", { location: "query", name: "since", style: "form", explode: true, content: "json" }],
      ["label", { location: "query", name: "label", style: "form", explode: true, content: "json" }],
      ["note", { location: "query", name: "note", style: "form", explode: true, content: "text" }],
      ["X-Scope", { location: "header", name: "X-Scope", explode: false, content: "json" }],
    ]);
    expect(problems(loadText(OTHER_MEDIA, "other.yaml")).map((d) => ({ code: d.code, severity: d.severity, pointer: d.pointer, message: d.message }))).toEqual([
      {
        code: "OPENAPI_PARAMETER_MEDIA_TYPE",
        severity: "warning",
        pointer: "/paths/~1search/get/parameters/1/content/application~1xml",
        message: "Parameter `where` is defined by its `application/xml` representation, which Shapesmith cannot write: its value is sent as plain text (a string as it is, other values as JSON text)",
      },
    ]);
  });

  it("a JSON content parameter is its JSON text, percent-encoded in a path or query, as is in a header", () => {
    expect(main["serializeRolesByIdsRequest"]!({ ids: ["a b", "x"] })).toEqual({ method: "GET", path: "/roles/byIds(ids=%5B%22a%20b%22%2C%22x%22%5D)", query: [], headers: {} });
    expect(main["serializeRolesByIdsRequest"]!({ ids: [] }).path).toBe("/roles/byIds(ids=%5B%5D)");
    expect(main["serializeListReportsRequest"]!(INPUTS["listReports"]![0])).toEqual({
      method: "GET",
      path: "/reports",
      query: ["filter=%7B%22owner%22%3A%22me%22%2C%22size%22%3A2%7D", "since=%222024-01-02T03%3A04%3A05Z%22", "label=%22x%22", "note=a%20b"],
      headers: { "X-Scope": '{"team":"a","level":1}' },
    });
    // JSON text is never empty: `{}` and `""` are sent; a text/plain "" is an empty value, left out (no allowEmptyValue).
    expect(main["serializeListReportsRequest"]!(INPUTS["listReports"]![1]).query).toEqual(["filter=%7B%7D", "label=%22%22"]);
  });

  it("+json is JSON; a media type without a text form is its text; a cookie is percent-encoded", () => {
    expect(other["serializeSearchRequest"]!({ q: { term: "a&b" }, where: "<x/>", prefs: [1, 2] })).toEqual({
      method: "GET",
      path: "/search",
      query: ["q=%7B%22term%22%3A%22a%26b%22%7D", "where=%3Cx%2F%3E"],
      headers: { Cookie: "prefs=%5B1%2C2%5D" },
    });
  });

  it("a oneOf/anyOf path value is expanded by its style: {} as nothing, objects as the style table says", () => {
    const s = main["serializeGetKindRequest"]!;
    expect(s({ kind: {}, shelf: {}, box: {} }).path).toBe("/kinds///");
    expect(s({ kind: "member", shelf: { a: "x y", b: 2 }, box: { p: "q" } }).path).toBe("/kinds/member/.a.x%20y.b.2/;box=p,q");
    expect(s({ kind: { r: "1", g: "2" }, shelf: "s", box: 7 }).path).toBe("/kinds/r,1,g,2/.s/;box=7");
    expect(s({ kind: "guest", shelf: "z", box: 0 }).path).toBe("/kinds/guest/.z/;box=0");
    // A label "" is the segment "." (the prefix alone), which the serializer refuses (runtime.ts noDotSegments), as for a string.
    expect(() => s({ kind: "guest", shelf: "", box: 0 })).toThrow(RangeError);
  });

  it('"" in a form-style query is left out without allowEmptyValue, for a string and a oneOf alike; sent with it', () => {
    const s = main["serializeGetKindRequest"]!;
    expect(s({ kind: "guest", shelf: "s", box: 7, status: "", code: "", cursor: "" }).query).toEqual(["cursor="]);
    expect(s({ kind: "guest", shelf: "s", box: 7, status: 0, code: "c", cursor: 0 }).query).toEqual(["status=0", "code=c", "cursor=0"]);
  });

  it("swagger-client's buildRequest sends the same requests: the inputs above and 30 random ones per operation", async () => {
    const result: DocumentResult = await runSource({ path: "content.yaml", text: DOCUMENT }, { runs: 30, seed: 1, inputs: INPUTS });
    const { inputs, identical, unexplained } = report([result], KNOWN);
    expect(result.skipped).toEqual([]);
    expect(inputs).toBe(3 * 30 + Object.values(INPUTS).flat().length);
    expect(result.unexplained.map((d) => `${d.operation} ${JSON.stringify(d.ours)} ${JSON.stringify(d.theirs)}`)).toEqual([]);
    expect(unexplained).toBe(0);
    expect(identical).toBeGreaterThan(inputs / 2);
  });

  it("the generated serializers, whole, and they type-check", async () => {
    await expect(readFileSync(join(dirs[0]!, "serializers.ts"), "utf8")).toMatchFileSnapshot("__snapshots__/generated/parameter-content/serializers.ts.snap");
    for (const dir of dirs) expect(typecheckFolder(dir)).toEqual([]);
  });
});
