// Path keys that hold more than a path (generator/openapi/operations.ts requestTarget): a
// fragment (`/files/{name}#op=APPEND`, as some converted Azure documents tell operations on one
// path apart) is not part of a request (RFC 3986 §3.5), so it is not sent, and the query goes
// after the path, not after the fragment (where fetch would drop it with the fragment); a query
// piece with a template expression (`/search?query={query}`) cannot be sent as written: left out,
// the declared query parameter sends its value. Each is a warning at the operation. A literal
// query piece (`?op=list`) is sent as written.

import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { generateToTemp, loadText, problems } from "./helpers.js";

const DOCUMENT = `openapi: 3.0.3
info: { title: Keys, version: "1" }
paths:
  /files/{name}#op=APPEND:
    post:
      operationId: appendFile
      parameters:
        - { name: name, in: path, required: true, schema: { type: string } }
        - { name: op, in: query, required: true, schema: { type: string, enum: [APPEND] } }
        - { name: offset, in: query, schema: { type: integer } }
      requestBody: { content: { text/plain: { schema: { type: string } } } }
      responses: { "200": { description: ok } }
  /files/{name}?op=list&all:
    get:
      operationId: listFile
      parameters:
        - { name: name, in: path, required: true, schema: { type: string } }
        - { name: limit, in: query, schema: { type: integer } }
      responses: { "200": { description: ok } }
  /search?query={query}:
    get:
      operationId: search
      parameters:
        - { name: query, in: query, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /lookup?id={id}:
    get:
      operationId: lookup
      responses: { "200": { description: ok } }
`;

type Request = { method: string; path: string; query: readonly string[]; headers: Record<string, string>; body?: string };
let serializers: Record<string, (input: unknown) => Request>;
let dir: string;

beforeAll(async () => {
  dir = await generateToTemp([{ path: "keys.yaml", text: DOCUMENT }], "pathkeys");
  serializers = (await import(join(dir, "serializers.ts"))) as typeof serializers;
});

describe("path keys with a fragment or a templated query", () => {
  it("each fragment and templated query piece is a warning at its operation; no member for `{query}` or `{id}`", () => {
    const loaded = loadText(DOCUMENT, "keys.yaml");
    expect(problems(loaded).map((d) => ({ code: d.code, severity: d.severity, pointer: d.pointer, message: d.message }))).toEqual([
      {
        code: "OPENAPI_PATH_FRAGMENT",
        severity: "warning",
        pointer: "/paths/~1files~1{name}#op=APPEND/post",
        message: "The path /files/{name}#op=APPEND has a fragment `#op=APPEND`, which is not part of a request (RFC 3986 §3.5): it is not sent, the operation goes to /files/{name}",
      },
      {
        code: "OPENAPI_PATH_QUERY_TEMPLATE",
        severity: "warning",
        pointer: "/paths/~1lookup?id={id}/get",
        message: "The path /lookup?id={id} has a query `id={id}` with a template expression, which is not sent as written ({ and } are not URI characters): it is left out",
      },
      {
        code: "OPENAPI_PATH_QUERY_TEMPLATE",
        severity: "warning",
        pointer: "/paths/~1search?query={query}/get",
        message: "The path /search?query={query} has a query `query={query}` with a template expression, which is not sent as written ({ and } are not URI characters): the query parameter `query` sends its value",
      },
    ]);
    const members = (id: string) => {
      const shape = loaded.model!.shapes.get(id)!;
      return shape.type === "structure" ? shape.members.map((m) => m.name) : [];
    };
    expect([members("openapi#SearchRequest"), members("openapi#LookupRequest")]).toEqual([["query"], []]);
  });

  it("the fragment is not sent and the query follows the path; literal query pieces are sent as written; templated ones are not", () => {
    expect(serializers["serializeAppendFileRequest"]!({ name: "a b", op: "APPEND", offset: 3, body: "x" })).toEqual({
      method: "POST",
      path: "/files/a%20b",
      query: ["op=APPEND", "offset=3"],
      headers: { "Content-Type": "text/plain" },
      body: "x",
    });
    expect(serializers["serializeListFileRequest"]!({ name: "n", limit: 2 })).toEqual({ method: "GET", path: "/files/n", query: ["op=list", "all", "limit=2"], headers: {} });
    expect(serializers["serializeSearchRequest"]!({ query: "q" })).toEqual({ method: "GET", path: "/search", query: ["query=q"], headers: {} });
    expect(serializers["serializeLookupRequest"]!({})).toEqual({ method: "GET", path: "/lookup", query: [], headers: {} });
  });

  it("the generated code type-checks", () => {
    expect(typecheckFolder(dir)).toEqual([]);
  });
});
