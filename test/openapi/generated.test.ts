// Generated code from OpenAPI documents: every fixture type-checks under the strict options;
// params, bodies and adversarial names are compared whole, file by file; the serializers put
// the OpenAPI style examples on the wire (the specification's `color` table, RFC 6570 lists);
// adversarial schema and property names stay distinct.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { assignNames } from "../../generator/naming/names.js";
import { typecheckFolder } from "../helpers/typecheck.js";
import { fixtureFiles, generateToTemp, loadFixture } from "./helpers.js";

const FIXTURES = [
  "objects.yaml", "arrays-enums.yaml", "unions.yaml", "allof.yaml", "openapi31.yaml", "formats.yaml", "constraints.yaml",
  "recursive.yaml", "params.yaml", "bodies.yaml", "naming.yaml", "adversarial.yaml", "split/api.yaml", "validation.yaml",
];
const SNAPSHOTS = ["params.yaml", "bodies.yaml", "adversarial.yaml"];
/** The fixtures whose deserializers read JSON bodies, and so import the json.ts and read.ts templates. */
const TEMPLATES_READ: Readonly<Record<string, readonly string[]>> = { "adversarial.yaml": ["json.ts", "read.ts"], "bodies.yaml": ["json.ts", "read.ts"], "params.yaml": ["json.ts", "read.ts"] };

const dirs = new Map<string, string>();
beforeAll(async () => {
  for (const fixture of FIXTURES) dirs.set(fixture, await generateToTemp(fixtureFiles(fixture), fixture.replace(/\W.*$/, "")));
});

describe("generated code from OpenAPI fixtures", () => {
  it.each(FIXTURES)("%s type-checks (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes)", (fixture) => {
    expect(typecheckFolder(dirs.get(fixture)!)).toEqual([]);
  });

  for (const fixture of SNAPSHOTS) {
    it(`${fixture}: every generated file, whole`, async () => {
      const dir = dirs.get(fixture)!;
      const files = readdirSync(dir).sort();
      // forms.ts (a template, like runtime.ts) comes only with form or multipart bodies, or deepObject
      // parameters; json.ts and read.ts (templates too) with deserializers that read JSON.
      const forms = fixture === "adversarial.yaml" ? [] : ["forms.ts"];
      const reading = TEMPLATES_READ[fixture] ?? [];
      // With deserializers, OpenAPI folders get a client (client.ts) and its transport template.
      expect(files).toEqual(["client.ts", "deserializers.ts", "errors.ts", ...forms, "index.ts", ...reading, "redact.ts", "runtime.ts", "serializers.ts", "transport.ts", "types.ts", "validators.ts"].sort());
      for (const file of files.filter((f) => !["runtime.ts", "forms.ts", "json.ts", "read.ts", "transport.ts"].includes(f))) {
        await expect(readFileSync(join(dir, file), "utf8")).toMatchFileSnapshot(`__snapshots__/generated/${fixture.replace(/\.yaml$/, "")}/${file}.snap`);
      }
    });
  }
});

interface Request {
  method: string;
  path: string;
  query: readonly string[];
  headers: Record<string, string>;
  body?: string | Uint8Array;
}
type Serializer = (input: unknown) => Request;
const url = (r: Request) => r.path + (r.query.length > 0 ? "?" + r.query.join("&") : "");

describe("parameter styles on the wire", () => {
  let s: Record<string, Serializer>;
  beforeAll(async () => {
    s = (await import(join(dirs.get("params.yaml")!, "serializers.ts"))) as Record<string, Serializer>;
  });
  const color = ["blue", "black", "brown"];
  const rgb = { R: 100, G: 200, B: 150 };

  it("path: simple, label and matrix, exploded or not, for lists and objects", () => {
    expect(url(s["serializePathSimpleRequest"]!({ color }))).toBe("/simple/blue,black,brown");
    expect(url(s["serializePathSimpleExplodeRequest"]!({ color: rgb }))).toBe("/simple-explode/R=100,G=200,B=150");
    expect(url(s["serializePathLabelRequest"]!({ color }))).toBe("/label/.blue.black.brown");
    expect(url(s["serializePathLabelExplodeRequest"]!({ color: rgb }))).toBe("/label-explode/.R=100.G=200.B=150");
    expect(url(s["serializePathMatrixRequest"]!({ color }))).toBe("/matrix/;color=blue,black,brown");
    expect(url(s["serializePathMatrixExplodeRequest"]!({ color }))).toBe("/matrix-explode/;color=blue;color=black;color=brown");
    expect(url(s["serializePathMatrixObjectExplodeRequest"]!({ color: rgb }))).toBe("/matrix-object/;R=100;G=200;B=150");
  });

  it("path values are escaped; a path variable without a parameter is still filled", () => {
    expect(s["serializeDeleteUsersUserIdPetsPetIdRequest"]!({ userId: 7, petId: "a/b c" })).toEqual({ method: "DELETE", path: "/users/7/pets/a%2Fb%20c", query: [], headers: {} });
  });

  it("query: form, spaceDelimited, pipeDelimited, deepObject, allowReserved; headers and cookies", () => {
    const request = s["serializeQueryStylesRequest"]!({
      id: "i/1", verbose: 1, form: color, formNoExplode: color, space: color, pipe: color, filter: rgb, obj: rgb, objNoExplode: rgb,
      q: "a/b?c", idQuery: "x y", "X-Trace": color, "X-Obj": rgb, session: "s 1", prefs: color,
    });
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/items/i%2F1");
    expect(request.query).toEqual([
      "verbose=1",
      "form=blue", "form=black", "form=brown",
      "formNoExplode=blue,black,brown",
      "space=blue%20black%20brown",
      "pipe=blue|black|brown",
      "filter%5BR%5D=100", "filter%5BG%5D=200", "filter%5BB%5D=150",
      "R=100", "G=200", "B=150",
      "objNoExplode=R,100,G,200,B,150",
      "q=a/b?c",
      "id=x%20y",
    ]);
    expect(request.headers).toEqual({
      "X-Api-Version": "2024-01-01",
      "X-Trace": "blue,black,brown", // simple, as OpenAPI 3.0.3 §Style Examples writes it
      "X-Obj": "R=100,G=200,B=150",
      Cookie: "session=s%201; prefs=blue,black,brown",
    });
  });

  it("absent optional parameters are left out; the constant header stays", () => {
    expect(s["serializeQueryStylesRequest"]!({ id: "1" })).toEqual({ method: "GET", path: "/items/1", query: [], headers: { "X-Api-Version": "2024-01-01" } });
  });
});

describe("request bodies on the wire", () => {
  let s: Record<string, Serializer>;
  beforeAll(async () => {
    s = (await import(join(dirs.get("bodies.yaml")!, "serializers.ts"))) as Record<string, Serializer>;
  });

  it("a JSON object body: its properties are members, a clashing one keeps its wire name", () => {
    expect(s["serializeCreatePetRequest"]!({ name: "rex", nameBody: "Rex", kind: "dog", tags: ["a"] })).toEqual({
      method: "POST",
      path: "/pets/rex",
      query: [],
      headers: { "Content-Type": "application/json" },
      body: '{"name":"Rex","kind":"dog","tags":["a"]}',
    });
  });

  it("a JSON array body is the payload; a +json media type is JSON", () => {
    expect(s["serializeReplacePetsRequest"]!({ body: [{ name: "a", age: 1 }] }).body).toBe('[{"name":"a","age":1}]');
    expect(s["serializePatchPetsRequest"]!({ age: 2 })).toEqual({ method: "PATCH", path: "/pets", query: [], headers: { "Content-Type": "application/merge-patch+json" }, body: '{"age":2}' });
  });

  it("a URL-encoded form", () => {
    expect(s["serializeLoginRequest"]!({ user: "a b", password: "p&q", remember: true })).toEqual({
      method: "POST",
      path: "/login",
      query: [],
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "user=a%20b&password=p%26q&remember=true",
    });
  });

  it("raw bytes and text", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(s["serializeUploadRequest"]!({ body: bytes })).toEqual({ method: "POST", path: "/upload", query: [], headers: { "Content-Type": "application/octet-stream" }, body: bytes });
    expect(s["serializeAddNoteRequest"]!({ body: "hello" })).toEqual({ method: "POST", path: "/notes", query: [], headers: { "Content-Type": "text/plain" }, body: "hello" });
  });
});

describe("adversarial names", () => {
  it("every schema keeps a type of its own: nothing merged, globals and keywords renamed", () => {
    const { model } = loadFixture("adversarial.yaml");
    const names = assignNames(model!, new Diagnostics());
    const types = [...model!.shapes.keys()].filter((id) => !names.isInline(id)).map((id) => [id, names.type(id)]);
    expect(types).toEqual([
      ["openapi#0abc", "_0abc"],
      ["openapi#Array", "Array_"],
      ["openapi#ClassRequest", "ClassRequest"],
      ["openapi#Date", "Date_"],
      ["openapi#Foo", "Foo"],
      ["openapi#Foo.Bar", "Foo_Bar"],
      ["openapi#FooBar", "FooBar"],
      ["openapi#FooBarInline", "FooBarInline"],
      ["openapi#FooBarInline2", "FooBarInline2"],
      ["openapi#Promise", "Promise_"],
      ["openapi#PromiseRequest", "PromiseRequest"],
      ["openapi#String", "String_"],
      ["openapi#foo", "foo"],
      ["openapi#validateFoo", "ValidateFoo"],
      ["openapi#x-y", "x_Y"],
    ]);
    expect(new Set(types.map(([, t]) => t)).size).toBe(types.length);
  });

  it("properties named constructor, __proto__, class, x-y, 0abc, toString round-trip through the serializer", async () => {
    const s = (await import(join(dirs.get("adversarial.yaml")!, "serializers.ts"))) as Record<string, Serializer>;
    const input = JSON.parse('{"class":"c/1","constructor":"q","x-y":"h","constructorBody":"k","__proto__":"p","classBody":1,"x-yBody":true,"0abc":"z","toString":"t"}') as unknown;
    expect(s["serializeClassRequest"]!(input)).toEqual({
      method: "POST",
      path: "/things/c%2F1",
      query: ["constructor=q"],
      headers: { "x-y": "h", "Content-Type": "application/json" },
      body: '{"constructor":"k","__proto__":"p","class":1,"x-y":true,"0abc":"z","toString":"t"}',
    });
    expect(s["serializeClassRequest"]!({ class: "c", constructorBody: "k" }).query).toEqual([]);
  });
});
