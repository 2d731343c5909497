// An optional requestBody (OpenAPI 3.0.3 §Request Body Object: `required` defaults to false) whose
// members the input leaves all unset: when an empty body would be invalid, none is sent (found by
// Prism on api.video's caption upload, a multipart body whose schema requires `file`: we sent a
// multipart body without parts). Invalid: a schema that requires properties (`{}`, an empty form
// break its `required`), and any multipart body (RFC 2046 §5.1.1: at least one part). A JSON
// body whose properties are all optional still goes as `{}` (valid, and what the input says).
//
//   POST /pets, requestBody (optional) { required: [name] }, input {}  →  no body, no Content-Type
//   POST /notes, requestBody (optional) { properties: { text } }, input {}  →  body "{}"

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateToTemp, loadText } from "./helpers.js";

const DOCUMENT = `openapi: 3.0.3
info: { title: Optional bodies, version: "1" }
paths:
  /pets:
    post:
      operationId: addPet
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Pet" }
      responses: { "201": { description: made } }
  /pets/required:
    post:
      operationId: addPetRequired
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Note" }
      responses: { "201": { description: made } }
  /notes:
    post:
      operationId: addNote
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Note" }
      responses: { "201": { description: made } }
  /forms:
    post:
      operationId: sendForm
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: { $ref: "#/components/schemas/Pet" }
      responses: { "201": { description: made } }
  /uploads:
    post:
      operationId: upload
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file]
              properties:
                file: { type: string, format: binary }
      responses: { "201": { description: made } }
  /attachments:
    post:
      operationId: attach
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                note: { type: string }
      responses: { "201": { description: made } }
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: { type: string }
        tag: { type: string }
    Note:
      type: object
      properties:
        text: { type: string }
`;

describe("an optional requestBody with nothing set", () => {
  it("the model marks the bodies an empty one would break: required properties, multipart", () => {
    const model = loadText(DOCUMENT, "optional-body.yaml").model!;
    const marked = Object.fromEntries(model.operations.map((op) => [op.name, op.http?.omitEmptyBody === true]));
    expect(marked).toEqual({ addPet: true, addPetRequired: false, addNote: false, sendForm: true, upload: true, attach: true });
  });

  it("is sent as no body where an empty one is invalid, else as the empty object; a set member sends the body", async () => {
    const dir = await generateToTemp([{ path: "optional-body.yaml", text: DOCUMENT }], "optionalbody");
    const s = (await import(join(dir, "serializers.ts"))) as Record<string, (input: unknown) => { body?: string | Uint8Array; headers: Record<string, string> }>;
    const send = (name: string, input: unknown) => {
      const r = s[name]!(input);
      const body = r.body instanceof Uint8Array ? new TextDecoder().decode(r.body) : r.body;
      return { contentType: r.headers["Content-Type"]?.replace(/boundary=.*$/, "boundary=…"), ...("body" in r ? { body } : {}) };
    };
    expect(send("serializeAddPetRequest", {})).toEqual({ contentType: undefined });
    expect(send("serializeAddPetRequest", { name: "Rex" })).toEqual({ contentType: "application/json", body: '{"name":"Rex"}' });
    expect(send("serializeAddPetRequiredRequest", {})).toEqual({ contentType: "application/json", body: "{}" });
    expect(send("serializeAddNoteRequest", {})).toEqual({ contentType: "application/json", body: "{}" });
    expect(send("serializeSendFormRequest", {})).toEqual({ contentType: undefined });
    expect(send("serializeSendFormRequest", { tag: "a b" })).toEqual({ contentType: "application/x-www-form-urlencoded", body: "tag=a%20b" });
    expect(send("serializeUploadRequest", {})).toEqual({ contentType: undefined });
    expect(send("serializeAttachRequest", {})).toEqual({ contentType: undefined });
    const attached = send("serializeAttachRequest", { note: "hi" });
    expect(attached.contentType).toBe("multipart/form-data; boundary=…");
    expect(attached.body).toMatch(/^--(\S+)\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--\1--\r\n$/);
  });
});
