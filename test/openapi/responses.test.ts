// OpenAPI responses read by the generated deserializers (test/openapi/fixtures/responses.yaml):
// by status code, `2XX`/`4XX` range and `default`; JSON bodies checked into the schema's type,
// text and bytes bodies; declared response headers; several distinct 2xx bodies as a union told
// apart by `status`; errors as classes by status, or by a discriminator's value; readOnly and
// writeOnly, nullable (3.0 and 3.1), additionalProperties. Each case compares whole values.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { fixtureFiles, generateToTemp } from "./helpers.js";

interface Response {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}
type Deserializer = (response: Response) => unknown;
let d: Record<string, Deserializer>;
let dir: string;

beforeAll(async () => {
  dir = await generateToTemp(fixtureFiles("responses.yaml"), "responses");
  d = (await import(join(dir, "deserializers.ts"))) as typeof d;
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response => ({
  status,
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

function thrown(read: () => unknown): Record<string, unknown> {
  try {
    read();
  } catch (error) {
    const e = error as Error & Record<string, unknown>;
    const fields = Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("$")));
    return { class: e.constructor.name, name: e.name, message: e.message, $code: e["$code"], $status: e["$status"], $fault: e["$fault"], ...fields };
  }
  throw new Error("expected the deserializer to throw");
}

const PET = { id: 7, name: "Rex", tag: null, born: "2020-02-29T12:00:00Z", password: "never read", extra: { a: 1 }, labels: { color: "brown", size: "L" } };
const PET_READ = { id: 7, name: "Rex", tag: null, born: new Date("2020-02-29T12:00:00Z"), extra: { a: 1 }, labels: { color: "brown", size: "L" } };

describe("one success body: the output is its type", () => {
  it("a structure with the declared headers beside its properties; writeOnly not read, nullable kept as null, additionalProperties kept", () => {
    const output = d["deserializeGetPetResponse"]!(json(200, PET, { "x-rate-remaining": " 42 ", ETag: '"v1"', "Content-Type": "application/json" }));
    expect(output).toEqual({ ...PET_READ, "X-Rate-Remaining": 42, ETag: '"v1"' });
  });

  it("a readOnly member is read; a missing required member gets its zero value (as Smithy's error correction)", () => {
    expect(d["deserializeGetPetResponse"]!(json(200, { id: 1 }))).toEqual({ id: 1, name: "" });
  });

  it("values of the wrong type, anywhere, are a MalformedResponseError naming the place", () => {
    const cases: [unknown, string][] = [
      [{ name: 1 }, "at $.name: expected a string, got number 1"],
      [{ name: "a", extra: { a: "1" } }, 'at $.extra.a: expected'],
      [{ name: "a", labels: { size: 2 } }, "at $.labels.size: expected a string"],
      [{ name: "a", born: "yesterday" }, "at $.born"],
      [[], "at $: expected an object"],
    ];
    for (const [body, place] of cases) {
      const e = thrown(() => d["deserializeGetPetResponse"]!(json(200, body)));
      expect(e["name"]).toBe("MalformedResponseError");
      expect(e["message"]).toContain(place);
    }
    expect(thrown(() => d["deserializeGetPetResponse"]!(json(200, PET, { "X-Rate-Remaining": "many" })))["message"]).toContain("X-Rate-Remaining");
  });

  it("a JSON array body is `body`, with a nullable header and a list header", () => {
    const output = d["deserializeListPetsResponse"]!(json(200, [PET, { name: "Tom" }], { "X-Next": "cursor-2", "X-Tags": "a, b,c" }));
    expect(output).toEqual({ body: [PET_READ, { name: "Tom" }], "X-Next": "cursor-2", "X-Tags": ["a", "b", "c"] });
    expect(d["deserializeListPetsResponse"]!(json(200, []))).toEqual({ body: [] });
  });

  it("text/plain is the text, from text or bytes", () => {
    expect(d["deserializeGetNameResponse"]!({ status: 200, headers: { "content-type": "text/plain" }, body: "Rex the 2nd" })).toEqual({ body: "Rex the 2nd" });
    expect(d["deserializeGetNameResponse"]!({ status: 200, headers: {}, body: new TextEncoder().encode("Řex") })).toEqual({ body: "Řex" });
    // Text is not JSON: quotes stay.
    expect(d["deserializeGetNameResponse"]!({ status: 200, headers: {}, body: '"Rex"' })).toEqual({ body: '"Rex"' });
  });

  it("a 2XX range with a binary body: the bytes, and typed headers (int64, date-time)", () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const output = d["deserializeGetPhotoResponse"]!({ status: 206, headers: { "content-length": "6", "last-modified": "2024-01-02T03:04:05.678Z" }, body: bytes });
    expect(output).toEqual({ body: bytes, "Content-Length": 6, "Last-Modified": new Date("2024-01-02T03:04:05.678Z") });
    expect(d["deserializeGetPhotoResponse"]!({ status: 200, headers: {}, body: "GIF" })).toEqual({ body: new TextEncoder().encode("GIF") });
  });

  it("`default` as the only response is the success", () => {
    expect(d["deserializeCountResponse"]!(json(200, 12))).toEqual({ body: 12 });
    expect(thrown(() => d["deserializeCountResponse"]!(json(200, 1.5)))["name"]).toBe("MalformedResponseError");
    expect(thrown(() => d["deserializeCountResponse"]!(json(500, { message: "down" })))).toMatchObject({ name: "UnknownServiceError", $status: 500, $fault: "server", message: "down" });
  });
});

describe("several distinct 2xx bodies: a union of { status, body }", () => {
  it("each declared status is read into its own variant", () => {
    expect(d["deserializePutPetResponse"]!(json(200, PET))).toEqual({ status: 200, body: PET_READ });
    expect(d["deserializePutPetResponse"]!(json(201, { name: "Rex" }))).toEqual({ status: 201, body: { name: "Rex" } });
    expect(d["deserializePutPetResponse"]!(json(202, { jobId: "j-1" }, { location: "/jobs/j-1" }))).toEqual({ status: 202, body: { jobId: "j-1" }, Location: "/jobs/j-1" });
    expect(d["deserializePutPetResponse"]!({ status: 204, headers: {}, body: "" })).toEqual({ status: 204 });
  });

  it("a 2xx status the document does not declare is a MalformedResponseError", () => {
    expect(thrown(() => d["deserializePutPetResponse"]!(json(203, PET)))).toMatchObject({
      name: "MalformedResponseError",
      message: "The response (HTTP 203) could not be read: at $: expected a declared status (200, 201, 202, 204), got number 203",
    });
  });

  it("the union narrows on `status` in TypeScript, and the folder type-checks under the strict options", () => {
    writeFileSync(
      join(dir, "narrowing.ts"),
      [
        `import { deserializePutPetResponse } from "./deserializers.js";`,
        `import type { HttpResponse } from "./runtime.js";`,
        `export function describe(response: HttpResponse): string {`,
        `  const output = deserializePutPetResponse(response);`,
        `  switch (output.status) {`,
        `    case 200:`,
        `    case 201:`,
        `      return output.body.name;`,
        `    case 202:`,
        `      return output.body.jobId + (output.Location ?? "");`,
        `    case 204:`,
        `      return "unchanged";`,
        `    default: {`,
        `      const never: never = output;`,
        `      return never;`,
        `    }`,
        `  }`,
        `}`,
        "",
      ].join("\n"),
    );
    expect(typecheckFolder(dir)).toEqual([]);
  });
});

describe("errors by status", () => {
  it("a code, then a 4XX range, then default: one class per error schema, status and fault kept", () => {
    expect(thrown(() => d["deserializeGetPetResponse"]!(json(404, { message: "no pet 7", id: "7" })))).toEqual({
      class: "NotFound",
      name: "NotFound",
      message: "no pet 7",
      $code: "NotFound",
      $status: 404,
      $fault: "client",
      id: "7",
    });
    const problem = { title: "Bad", status: 422, detail: "name too long" };
    expect(thrown(() => d["deserializeGetPetResponse"]!(json(422, problem, { "Content-Type": "application/problem+json" })))).toEqual({
      class: "Problem",
      name: "Problem",
      message: "Problem",
      $code: "Problem",
      $status: 422,
      $fault: "client",
      ...problem,
    });
    expect(thrown(() => d["deserializeGetPetResponse"]!(json(503, { title: "Down" })))).toEqual({
      class: "Problem",
      name: "Problem",
      message: "Problem",
      $code: "Problem",
      $status: 503,
      $fault: "server",
      title: "Down",
    });
    // The default response also covers 3xx statuses no code or range declares.
    expect(thrown(() => d["deserializeGetPetResponse"]!(json(302, {})))).toMatchObject({ class: "Problem", $status: 302 });
  });

  it("an error body that is not JSON still gives the error of its status, without fields", () => {
    expect(thrown(() => d["deserializeGetPetResponse"]!({ status: 404, headers: {}, body: "<html>Not Found</html>" }))).toEqual({
      class: "NotFound",
      name: "NotFound",
      message: "NotFound",
      $code: "NotFound",
      $status: 404,
      $fault: "client",
    });
  });

  it("an error field of the wrong type is a MalformedResponseError", () => {
    expect(thrown(() => d["deserializeGetPetResponse"]!(json(404, { message: 404 })))).toMatchObject({ name: "MalformedResponseError", $status: 404 });
  });

  it("a oneOf with a discriminator: the class of the variant its value names; another value is an UnknownServiceError with that code", () => {
    expect(thrown(() => d["deserializeDeletePetResponse"]!(json(409, { kind: "HasOwners", owners: ["ann"], message: "has owners" })))).toEqual({
      class: "HasOwners",
      name: "HasOwners",
      message: "has owners",
      $code: "HasOwners",
      $status: 409,
      $fault: "client",
      kind: "HasOwners",
      owners: ["ann"],
    });
    expect(thrown(() => d["deserializeDeletePetResponse"]!(json(409, { kind: "Locked", until: "2030-01-01T00:00:00Z" })))).toEqual({
      class: "Locked",
      name: "Locked",
      message: "Locked",
      $code: "Locked",
      $status: 409,
      $fault: "client",
      kind: "Locked",
      until: new Date("2030-01-01T00:00:00Z"),
    });
    expect(thrown(() => d["deserializeDeletePetResponse"]!(json(409, { kind: "Archived" })))).toMatchObject({ class: "UnknownServiceError", $code: "Archived", $status: 409 });
    expect(d["deserializeDeletePetResponse"]!({ status: 204, headers: {}, body: "" })).toEqual({});
  });

  it("a status without a modelled error body is an UnknownServiceError", () => {
    expect(thrown(() => d["deserializePutPetResponse"]!({ status: 503, headers: { "content-type": "text/plain" }, body: "try later" }))).toMatchObject({
      class: "UnknownServiceError",
      $code: "UnknownError",
      $status: 503,
      $fault: "server",
    });
  });
});

describe("OpenAPI 3.1 nullable types", () => {
  it("`type: [string, \"null\"]` reads null as null, and a number as an error", async () => {
    const text = [
      "openapi: 3.1.0",
      "info: { title: N, version: '1' }",
      "paths:",
      "  /n:",
      "    get:",
      "      operationId: getN",
      "      responses:",
      "        '200':",
      "          description: ok",
      "          content:",
      "            application/json:",
      "              schema:",
      "                type: object",
      "                required: [a]",
      "                properties:",
      "                  a: { type: [string, 'null'] }",
      "                  b: { type: [array, 'null'], items: { type: [integer, 'null'] } }",
      "",
    ].join("\n");
    const folder = await generateToTemp([{ path: "n.yaml", text }], "nullable31");
    const n = (await import(join(folder, "deserializers.ts"))) as Record<string, Deserializer>;
    expect(n["deserializeGetNResponse"]!(json(200, { a: null, b: [1, null] }))).toEqual({ a: null, b: [1, null] });
    expect(n["deserializeGetNResponse"]!(json(200, { a: "x", b: null }))).toEqual({ a: "x", b: null });
    expect(thrown(() => n["deserializeGetNResponse"]!(json(200, { a: 1 })))["name"]).toBe("MalformedResponseError");
  });
});

describe("any response: a value or a ResponseError, nothing else", () => {
  it("random statuses, headers and bodies (JSON, text, bytes) through every deserializer of the fixture", async () => {
    const runtime = (await import(join(dir, "runtime.ts"))) as { ResponseError: new (...args: never[]) => Error };
    const jsonish = fc.oneof(fc.json(), fc.constantFrom(JSON.stringify(PET), JSON.stringify([PET]), '{"kind":"Locked","until":"x"}', "<html>502</html>", "", "null", "7"));
    const body = fc.oneof(jsonish, fc.string(), fc.uint8Array({ maxLength: 64 }));
    const headers = fc.dictionary(fc.constantFrom("X-Rate-Remaining", "ETag", "X-Next", "X-Tags", "Location", "Content-Length", "Last-Modified", "content-type"), fc.string({ maxLength: 20 }));
    const status = fc.oneof(fc.constantFrom(200, 201, 202, 203, 204, 206, 302, 400, 404, 409, 422, 500, 503), fc.integer({ min: 100, max: 599 }));
    const names = Object.keys(d).filter((n) => n.startsWith("deserialize")).sort();
    expect(names.length).toBe(7);
    fc.assert(
      fc.property(fc.constantFrom(...names), status, headers, body, (name, s, h, b) => {
        try {
          d[name]!({ status: s, headers: h, body: b });
        } catch (error) {
          if (!(error instanceof runtime.ResponseError)) throw error;
        }
      }),
      { numRuns: 3000, seed: 1 },
    );
  });
});
