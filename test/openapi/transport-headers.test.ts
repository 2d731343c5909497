// Header parameters the HTTP implementation writes itself (generator/openapi/parameters.ts
// TRANSPORT_HEADERS: message framing and connection options) are ignored with a warning: Azure
// Data Lake's ConcurrentAppend declares `Transfer-Encoding: chunked` (required, one value), which
// we sent as a constant header and fetch refused ("invalid transfer-encoding header": the request
// never left, found by the Prism corpus sweep); Vercel's uploadArtifact declares a required
// `Content-Length`, which breaks the message when it is not the body's length (fetch refuses a
// longer one; without a body, the server waits for bytes that never come).
//
//   { name: Transfer-Encoding, in: header, required: true, schema: { enum: [chunked] } }
//   → no member, no constant header, warning OPENAPI_HEADER_IGNORED at the parameter

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shapeOf } from "../../generator/model/ir.js";
import { generateToTemp, loadText, problems } from "./helpers.js";

const DOCUMENT = `openapi: 3.0.3
info: { title: Transport headers, version: "1" }
paths:
  /files/{id}:
    post:
      operationId: append
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: Transfer-Encoding, in: header, required: true, schema: { type: string, enum: [chunked] } }
        - { name: Content-Length, in: header, required: true, schema: { type: number } }
        - { name: connection, in: header, schema: { type: string } }
        - { name: X-Session, in: header, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/octet-stream:
            schema: { type: string, format: binary }
      responses: { "200": { description: ok } }
`;

describe("header parameters the HTTP implementation writes", () => {
  const loaded = loadText(DOCUMENT, "transport-headers.yaml");

  it("are ignored with a warning each, and are neither members nor constant headers", () => {
    expect(problems(loaded).map((d) => [d.code, d.severity, d.pointer, d.message])).toEqual(
      [
        ["/paths/~1files~1{id}/post/parameters/1", "Transfer-Encoding"],
        ["/paths/~1files~1{id}/post/parameters/2", "Content-Length"],
        ["/paths/~1files~1{id}/post/parameters/3", "connection"],
      ].map(([pointer, name]) => [
        "OPENAPI_HEADER_IGNORED",
        "warning",
        pointer,
        `The header parameter \`${name}\` is ignored: the HTTP implementation writes it from the request itself (RFC 9112 §6 message framing, RFC 9110 §7.6.1 connection options), and fetch refuses it or a value other than its own`,
      ]),
    );
    const model = loaded.model!;
    const op = model.operations.find((o) => o.name === "append")!;
    const input = shapeOf(model, op.input!);
    expect(input.type === "structure" ? input.members.map((m) => `${m.name}:${m.http?.location}`) : []).toEqual(["id:label", "X-Session:header", "body:payload"]);
    expect(op.http?.constantHeaders).toBeUndefined();
  });

  it("the serializer sends the body and the API's own header only, and fetch accepts the request", async () => {
    const dir = await generateToTemp([{ path: "transport-headers.yaml", text: DOCUMENT }], "transportheaders");
    const s = (await import(join(dir, "serializers.ts"))) as Record<string, (input: unknown) => { headers: Record<string, string>; body?: Uint8Array }>;
    const request = s["serializeAppendRequest"]!({ id: "a", "X-Session": "s1", body: new Uint8Array([1, 2, 3]) });
    expect(request.headers).toEqual({ "X-Session": "s1", "Content-Type": "application/octet-stream" });
    // fetch sends it (with a Transfer-Encoding header it throws "invalid transfer-encoding header"), framed by its own Content-Length.
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => res.end(JSON.stringify({ length: req.headers["content-length"], session: req.headers["x-session"], bytes: [...Buffer.concat(chunks)] })));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/files/a`, { method: "POST", headers: request.headers, body: request.body! });
      expect(await answer.json()).toEqual({ length: "3", session: "s1", bytes: [1, 2, 3] });
    } finally {
      server.close();
    }
  });
});
