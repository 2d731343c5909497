// A restJson1 fixture model with every shape kind and HTTP binding, and awkward names: each
// generated file compared whole against its snapshot, strict type-check, and the wire requests.

import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateFrom, writeTree } from "../helpers/generate.js";
import { ROOT } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const MODEL = resolve(ROOT, "test/fixtures/kitchen-sink.json");
type Fn = (input: unknown) => unknown;
let files: ReadonlyMap<string, string> = new Map();
let dir = "";
let mod: Record<string, Fn> = {};

beforeAll(async () => {
  const result = await generateFrom([{ name: "kitchen-sink", paths: [MODEL] }]);
  expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  expect(result.diagnostics.filter((d) => d.code === "NAME_RENAMED").map((d) => d.message)).toEqual([
    "Shape `example.kitchen#Array` is generated as `Array_`: `Array` is reserved or already taken",
    "Shape `example.kitchen#Promise` is generated as `Promise_`: `Promise` is reserved or already taken",
  ]);
  files = result.files;
  dir = writeTree(files, "kitchen-sink");
  mod = (await import(pathToFileURL(`${dir}/kitchen-sink/index.ts`).href)) as Record<string, Fn>;
});

describe("kitchen-sink fixture", () => {
  it("matches the snapshot of every generated file", async () => {
    expect([...files.keys()]).toEqual([
      "kitchen-sink/client.ts",
      "kitchen-sink/deserializers.ts",
      "kitchen-sink/endpoints.ts",
      "kitchen-sink/errors.ts",
      "kitchen-sink/index.ts",
      "kitchen-sink/json.ts",
      "kitchen-sink/read.ts",
      "kitchen-sink/redact.ts",
      "kitchen-sink/runtime.ts",
      "kitchen-sink/serializers.ts",
      "kitchen-sink/transport.ts",
      "kitchen-sink/types.ts",
      "kitchen-sink/validators.ts",
    ]);
    for (const [path, content] of files) {
      await expect(content).toMatchFileSnapshot(`__snapshots__/${path}.snap`);
    }
  });

  it("type-checks under strict options", () => {
    expect(typecheckFolder(dir)).toEqual([]);
  });

  it("serializes labels, greedy labels, query, headers, prefix headers, query params and the JSON body", () => {
    const request = mod["serializePutThingRequest"]!({
      ThingId: "thing 1",
      Path: "a/b c",
      Tags: ["x", "y,z"],
      Limit: 5,
      Since: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      Flag: false,
      When: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      Ids: ["a", "b,c", 'd"e'],
      Meta: { One: "1" },
      Params: { extra: "yes", limit: "ignored" },
      Name: "n",
      Nested: { Value: 1, Children: [{ Value: 2 }], Secret: "s" },
      Choice: { When: new Date(1500) },
      Data: new Uint8Array([104, 105]),
      Doc: { any: ["json", 1, null] },
      Created: new Date(1500),
      CreatedIso: new Date(Date.UTC(2024, 0, 2)),
      Ratio: Number.NaN,
      Colors: ["red", "dark-blue"],
      Level: 10,
      Items: [{ Date: new Date(0), class: "c" }],
    });
    expect(request).toEqual({
      method: "PUT",
      path: "/things/thing%201/parts/a/b%20c",
      query: ["mode=fast", "tag=x", "tag=y%2Cz", "limit=5", "since=2024-01-02T03%3A04%3A05Z", "extra=yes"],
      headers: {
        "X-Flag": "false",
        "X-When": "Tue, 02 Jan 2024 03:04:05 GMT",
        "X-Ids": 'a, "b,c", "d\\"e"',
        "X-Meta-One": "1",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        name: "n",
        Nested: { Value: 1, Children: [{ Value: 2 }], Secret: "s" },
        Choice: { When: 1.5 },
        Data: "aGk=",
        Doc: { any: ["json", 1, null] },
        Created: 1.5,
        CreatedIso: "2024-01-02T00:00:00Z",
        Ratio: "NaN",
        Colors: ["red", "dark-blue"],
        Level: 10,
        Items: [{ Date: 0, class: "c" }],
      }),
    });
  });

  it("leaves absent members out, and never reads inherited names as members", () => {
    expect(mod["serializePutThingRequest"]!({ ThingId: "t", Path: "p" })).toEqual({
      method: "PUT",
      path: "/things/t/parts/p",
      query: ["mode=fast"],
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    const own = JSON.parse('{"ThingId": "t", "Path": "p", "constructor": "c", "__proto__": "secret"}') as unknown;
    expect((mod["serializePutThingRequest"]!(own) as { body: string }).body).toBe('{"constructor":"c","__proto__":"secret"}');
  });

  it("sends blob and string payloads as they are, keeping an explicit Content-Type", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(mod["serializeUploadBlobRequest"]!({ Key: "k", Body: bytes })).toEqual({
      method: "POST", path: "/blobs/k", query: [], headers: { "Content-Type": "application/octet-stream" }, body: bytes,
    });
    expect(mod["serializeUploadBlobRequest"]!({ Key: "k", Body: bytes, ContentType: "image/png" })).toEqual({
      method: "POST", path: "/blobs/k", query: [], headers: { "Content-Type": "image/png" }, body: bytes,
    });
    expect(mod["serializeSendTextRequest"]!({ Text: "hello" })).toEqual({
      method: "POST", path: "/text", query: [], headers: { "Content-Type": "text/plain" }, body: "hello",
    });
    expect(mod["serializeSendTextRequest"]!({})).toEqual({ method: "POST", path: "/text", query: [], headers: {} });
  });

  it("redacts sensitive values at any depth, including a member named __proto__", () => {
    const input = JSON.parse('{"ThingId":"t","Path":"p","__proto__":"hidden","Nested":{"Value":1,"Secret":"a","Children":[{"Value":2,"Secret":"b"}]},"Choice":{"Node":{"Value":3,"Secret":"c"}}}') as unknown;
    const view = mod["redactPutThingInput"]!(input);
    expect(JSON.stringify(view)).toBe(
      '{"ThingId":"t","Path":"p","__proto__":"*** Sensitive Data Redacted ***","Nested":{"Value":1,"Secret":"*** Sensitive Data Redacted ***","Children":[{"Value":2,"Secret":"*** Sensitive Data Redacted ***"}]},"Choice":{"Node":{"Value":3,"Secret":"*** Sensitive Data Redacted ***"}}}',
    );
  });

  it("validates nested and recursive shapes with paths", () => {
    const failures = mod["validatePutThingInput"]!({
      ThingId: "UPPER",
      Path: "p",
      Limit: 0,
      Tags: ["a", "a"],
      Nested: { Value: 1, Children: [{ Children: [{ Value: "x" }] }] },
      Choice: { Text: "a", Number: 1 },
    }) as { path: string; constraint: string }[];
    expect(failures.map((f) => `${f.path} ${f.constraint}`)).toEqual([
      "/ThingId pattern",
      "/Tags uniqueItems",
      "/Limit range",
      "/Nested/Children/0/Value required",
      "/Nested/Children/0/Children/0/Value type",
      "/Choice union",
    ]);
  });
});
