// Request bodies on methods that carry none (generator/openapi/operations.ts BODYLESS_METHODS):
// a `requestBody` on GET, HEAD or TRACE is ignored, in 3.0 documents (OpenAPI 3.0.3 §Operation
// Object: SHALL be ignored) and in 3.1 ones (permitted but to be avoided, and fetch refuses to send
// it), with an OPENAPI_REQUEST_BODY_IGNORED warning at the requestBody when it could have carried
// a value; DELETE keeps its body in both versions. Checked on the model (input members, content
// type), on the diagnostics (whole) and on the generated serializers (no body, no Content-Type).

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shapeOf } from "../../generator/model/ir.js";
import { generateToTemp, loadText, problems } from "./helpers.js";

const document = (version: string) => `openapi: ${version}
info: { title: Bodyless, version: "1" }
paths:
  /search/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
    get:
      operationId: search
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Query" }
      responses: { "200": { description: ok } }
    head:
      operationId: probe
      requestBody:
        content:
          text/plain: { schema: { type: string } }
      responses: { "200": { description: ok } }
    delete:
      operationId: remove
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Query" }
      responses: { "204": { description: gone } }
    post:
      operationId: create
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Query" }
      responses: { "201": { description: made } }
  /things:
    get:
      operationId: listThings
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: { type: object, properties: {}, additionalProperties: false }
      responses: { "200": { description: ok } }
components:
  schemas:
    Query:
      type: object
      required: [q]
      properties:
        q: { type: string }
`;

const WHY_30 = (method: string) =>
  `OpenAPI 3.0 says a requestBody on ${method} SHALL be ignored (§Operation Object: HTTP defines no meaning for it, RFC 7231 §4.3.1), and fetch refuses to send a ${method} request with a body`;
const WHY_31 = (method: string) =>
  `OpenAPI 3.1 permits a requestBody on ${method} but says it SHOULD be avoided (HTTP gives it no meaning, RFC 9110 §9.3.1), and fetch refuses to send a ${method} request with a body`;

describe.each([
  ["3.0.3", WHY_30],
  ["3.1.0", WHY_31],
])("a requestBody on GET and HEAD in an OpenAPI %s document", (version, why) => {
  const loaded = loadText(document(version), "bodyless.yaml");

  it("is ignored with a warning at the requestBody; the empty form body of listThings says nothing", () => {
    expect(problems(loaded)).toEqual([
      {
        code: "OPENAPI_REQUEST_BODY_IGNORED",
        severity: "warning",
        message: `GET /search/{id} declares a requestBody; it is ignored and the operation's input has no body members: ${why("GET")}`,
        file: "bodyless.yaml",
        line: 9,
        column: 7,
        pointer: "/paths/~1search~1{id}/get/requestBody",
        hint: "Send the values as query parameters, or make the operation a POST if the server reads a body.",
      },
      {
        code: "OPENAPI_REQUEST_BODY_IGNORED",
        severity: "warning",
        message: `HEAD /search/{id} declares a requestBody; it is ignored and the operation's input has no body members: ${why("HEAD")}`,
        file: "bodyless.yaml",
        line: 17,
        column: 7,
        pointer: "/paths/~1search~1{id}/head/requestBody",
        hint: "Send the values as query parameters, or make the operation a POST if the server reads a body.",
      },
    ]);
  });

  it("GET and HEAD inputs keep the path parameter only; DELETE and POST keep the body", () => {
    const model = modelOf(loaded);
    const members = (name: string) => {
      const op = model.operations.find((o) => o.name === name)!;
      const input = shapeOf(model, op.input!);
      return { members: input.type === "structure" ? input.members.map((m) => `${m.name}:${m.http?.location ?? "body"}${m.required ? "!" : ""}`) : [], contentType: op.http?.contentType };
    };
    expect(members("search")).toEqual({ members: ["id:label!"], contentType: undefined });
    expect(members("probe")).toEqual({ members: ["id:label!"], contentType: undefined });
    expect(members("listThings")).toEqual({ members: [], contentType: undefined });
    expect(members("remove")).toEqual({ members: ["id:label!", "q:body!"], contentType: "application/json" });
    expect(members("create")).toEqual({ members: ["id:label!", "q:body"], contentType: "application/json" });
  });

  it("the serializers send no body on GET and HEAD, and the DELETE body", async () => {
    const dir = await generateToTemp([{ path: "bodyless.yaml", text: document(version) }], `bodyless${version.replace(/\./g, "")}`);
    const s = (await import(join(dir, "serializers.ts"))) as Record<string, (input: unknown) => unknown>;
    expect(s["serializeSearchRequest"]!({ id: "a" })).toEqual({ method: "GET", path: "/search/a", query: [], headers: {} });
    expect(s["serializeProbeRequest"]!({ id: "a" })).toEqual({ method: "HEAD", path: "/search/a", query: [], headers: {} });
    expect(s["serializeListThingsRequest"]!({})).toEqual({ method: "GET", path: "/things", query: [], headers: {} });
    expect(s["serializeRemoveRequest"]!({ id: "a", q: "x" })).toEqual({ method: "DELETE", path: "/search/a", query: [], headers: { "Content-Type": "application/json" }, body: '{"q":"x"}' });
  });
});

function modelOf(loaded: ReturnType<typeof loadText>) {
  if (!loaded.model) throw new Error("no model");
  return loaded.model;
}
