// File parts of a multipart body (petstore's uploadPhoto, `type: file` in Swagger 2.0): the
// filename and content type are the value's own when it carries them as a File does, else the
// property's name and application/octet-stream. The body is read back by undici's own
// multipart parser (Response.formData), not by a parser of ours.

import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { generateToTemp } from "../helpers.js";
import { swagger2Files } from "./fixtures.js";

interface Request {
  headers: Record<string, string>;
  body?: string | Uint8Array;
}
type Serializer = (input: unknown) => Request;

async function parts(request: Request): Promise<[string, string | { name: string; type: string; bytes: number[] }][]> {
  const form = await new Response(request.body, { headers: { "content-type": request.headers["Content-Type"]! } }).formData();
  const out: [string, string | { name: string; type: string; bytes: number[] }][] = [];
  for (const [name, value] of form.entries()) {
    out.push([name, typeof value === "string" ? value : { name: (value as File).name, type: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] }]);
  }
  return out;
}

describe("multipart file parts: filename and content type", () => {
  let upload: Serializer;
  beforeAll(async () => {
    const dir = await generateToTemp(swagger2Files("petstore.yaml"), "petstore-multipart");
    upload = ((await import(join(dir, "serializers.ts"))) as Record<string, Serializer>)["serializeUploadPhotoRequest"]!;
  });

  it("a File-like value (Uint8Array with name and type) gives its own filename and content type", async () => {
    const photo = Object.assign(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { name: "rex.png", type: "image/png" });
    expect(await parts(upload({ petId: 7, caption: "Rex", photo, labels: ["a", "b"] }))).toEqual([
      ["caption", "Rex"],
      ["photo", { name: "rex.png", type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47] }],
      ["labels", "a"],
      ["labels", "b"],
    ]);
  });

  it("plain bytes are named after the property and typed application/octet-stream", async () => {
    expect(await parts(upload({ petId: 7, photo: new Uint8Array([1, 2]) }))).toEqual([["photo", { name: "photo", type: "application/octet-stream", bytes: [1, 2] }]]);
  });

  it("an empty or non-string name or type falls back to the defaults", async () => {
    const photo = Object.assign(new Uint8Array([3]), { name: "", type: 5 });
    expect(await parts(upload({ petId: 7, photo }))).toEqual([["photo", { name: "photo", type: "application/octet-stream", bytes: [3] }]]);
  });
});
