// Deserializers of the JSON protocols on bad input (issue 8 part 3), run on generated code:
// a truncated body, invalid JSON, an HTML page, a value of the wrong type at any place, a body
// nested 100,000 deep (as JSON and along a recursive structure), and a huge body each give a
// `MalformedResponseError` that keeps the raw response (or the typed error for an error status),
// never a TypeError or RangeError, and within a bound. The exact JSON parser (used where a
// response may hold a bigInteger or bigDecimal) agrees with JSON.parse on random JSON and keeps
// the text of numbers a JavaScript number would change.

import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const MODEL = `$version: "2"
namespace example.robust

use aws.protocols#awsJson1_1
use aws.protocols#restJson1

@awsJson1_1
service Rpc { version: "1", operations: [GetTree, GetNumbers], errors: [Throttled] }

@restJson1
service Rest { version: "1", operations: [GetTree, GetNumbers] }

@http(method: "GET", uri: "/tree")
operation GetTree { output: Tree, errors: [Missing] }

@http(method: "GET", uri: "/numbers")
operation GetNumbers { output: Numbers }

structure Tree {
    name: String
    size: Integer
    next: Tree
    children: Trees
    tags: Tags
    when: Timestamp
    data: Blob
    ratio: Double
    choice: Choice
    doc: Document
    @httpHeader("X-Count") count: Long
}

list Trees { member: Tree }
map Tags { key: String, value: String }
union Choice { a: String, b: Integer }

structure Numbers {
    big: BigInteger
    exact: BigDecimal
    list: BigList
    plain: Double
    doc: Document
}
list BigList { member: BigDecimal }

@error("client") @httpError(404)
structure Missing { message: String, resource: String }

@error("client") @httpError(429)
structure Throttled { message: String }
`;

type Fn = (response: { status: number; headers: Record<string, string>; body: string | Uint8Array }) => unknown;
const modules: Record<string, Record<string, unknown>> = {};
let dir = "";

beforeAll(async () => {
  const result = await generate([{ name: "robust", files: [{ path: "robust.smithy", text: MODEL }] }], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
  expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  dir = writeTree(result.files, "json-robustness");
  for (const name of ["robust-rpc", "robust-rest"]) modules[name] = (await import(pathToFileURL(`${dir}/${name}/index.ts`).href)) as Record<string, unknown>;
});

const call = (folder: string, op: string, response: { status: number; headers?: Record<string, string>; body: string | Uint8Array }) => {
  const fn = modules[folder]![`deserialize${op}Response`] as Fn;
  try {
    return { output: fn({ headers: {}, ...response }) };
  } catch (error) {
    return { error: error as Error & Record<string, unknown> };
  }
};

/** The deserializer threw a MalformedResponseError that keeps the response; returns its message. */
function malformed(folder: string, op: string, body: string | Uint8Array, status = 200): string {
  const { output, error } = call(folder, op, { status, body });
  expect(output).toBeUndefined();
  expect(error?.name, String(error?.message)).toBe("MalformedResponseError");
  expect((error!["$response"] as { body: unknown }).body).toBe(body);
  return error!.message;
}

describe("generated JSON deserializers on bad input", () => {
  it("the generated folders type-check strictly", () => {
    expect(typecheckFolder(dir)).toEqual([]);
  });

  it.each(["robust-rpc", "robust-rest"])("%s: truncated, invalid, HTML and non-object bodies are malformed responses naming what failed", (folder) => {
    expect(malformed(folder, "GetTree", '{"name": "a", "size": 1')).toMatch(/could not be read: the body is not JSON/);
    expect(malformed(folder, "GetTree", "{'name': 'a'}")).toMatch(/the body is not JSON/);
    expect(malformed(folder, "GetTree", "<html><body>502 Bad Gateway</body></html>")).toMatch(/the body is not JSON/);
    expect(malformed(folder, "GetTree", "[1, 2]")).toMatch(/at \$: expected an object, got an array/);
    expect(malformed(folder, "GetTree", '"text"')).toMatch(/at \$: expected an object, got the string "text"/);
    expect(malformed(folder, "GetTree", new Uint8Array([0xff, 0xfe, 0x7b]))).toMatch(/the body is not JSON/);
  });

  it.each(["robust-rpc", "robust-rest"])("%s: a value of the wrong type at any place is named by its path", (folder) => {
    expect(malformed(folder, "GetTree", '{"size": "1"}')).toMatch(/at \$\.size: expected an integer, got the string "1"/);
    expect(malformed(folder, "GetTree", '{"size": 1.5}')).toMatch(/at \$\.size: expected an integer, got number 1\.5/);
    expect(malformed(folder, "GetTree", '{"size": 4294967296}')).toMatch(/at \$\.size: expected a 32-bit integer/);
    expect(malformed(folder, "GetTree", '{"name": 1}')).toMatch(/at \$\.name: expected a string, got number 1/);
    expect(malformed(folder, "GetTree", '{"children": [{"name": "a"}, {"next": {"tags": {"k": 1}}}]}')).toMatch(/at \$\.children\[1\]\.next\.tags\.k: expected a string, got number 1/);
    expect(malformed(folder, "GetTree", '{"children": {"name": "a"}}')).toMatch(/at \$\.children: expected an array, got an object/);
    expect(malformed(folder, "GetTree", '{"when": "yesterday"}')).toMatch(/at \$\.when: expected epoch seconds/);
    expect(malformed(folder, "GetTree", '{"data": "not base64!"}')).toMatch(/at \$\.data: expected base64/);
    expect(malformed(folder, "GetTree", '{"ratio": "fast"}')).toMatch(/at \$\.ratio: expected a number/);
    expect(malformed(folder, "GetTree", '{"choice": {"a": "x", "b": 1}}')).toMatch(/at \$\.choice: expected one member of a union/);
    expect(malformed(folder, "GetTree", '{"choice": {}}')).toMatch(/at \$\.choice: expected one member of a union/);
    expect(malformed(folder, "GetNumbers", '{"big": 1.5}')).toMatch(/at \$\.big: expected an integer/);
    expect(malformed(folder, "GetNumbers", '{"exact": "1,5"}')).toMatch(/at \$\.exact: expected a decimal number/);
  });

  it("restJson1: a header of the wrong type is a malformed response naming the header", () => {
    const { error } = call("robust-rest", "GetTree", { status: 200, headers: { "x-count": "many" }, body: "{}" });
    expect(error?.name).toBe("MalformedResponseError");
    expect(error?.message).toMatch(/at header\["X-Count"\]|at header\.X-Count|X-Count/);
  });

  it.each(["robust-rpc", "robust-rest"])("%s: 100,000 levels of nesting, as plain JSON or along the recursive structure: a malformed response, not a stack overflow", (folder) => {
    const arrays = "[".repeat(100_000) + "]".repeat(100_000);
    expect(malformed(folder, "GetTree", arrays)).toMatch(/expected an object/);
    const chain = '{"next":'.repeat(100_000) + "{}" + "}".repeat(100_000);
    const started = Date.now();
    expect(malformed(folder, "GetTree", chain)).toMatch(/nested too deeply/);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The exact parser (big numbers) keeps its own stack: deep input parses, then fails on the type.
    expect(malformed(folder, "GetNumbers", '{"doc":' + arrays + ',"list":' + arrays + "}")).toMatch(/at \$\.list\[0\]: expected a decimal number, got an array|nested too deeply/);
  });

  it.each(["robust-rpc", "robust-rest"])("%s: a huge body reads (200,000 list items, 8 MB)", (folder) => {
    const body = JSON.stringify({ children: Array.from({ length: 200_000 }, (_, i) => ({ name: `n${i}`, size: i, tags: { k: "v" } })) });
    expect(body.length).toBeGreaterThan(8_000_000);
    const { output, error } = call(folder, "GetTree", { status: 200, body });
    expect(error).toBeUndefined();
    const children = (output as { children: { name: string; size: number }[] }).children;
    expect([children.length, children[199_999]]).toEqual([200_000, { name: "n199999", size: 199_999, tags: { k: "v" } }]);
  });

  it.each(["robust-rpc", "robust-rest"])("%s: an error status with a body that is no JSON is still the service's error, keeping the page", (folder) => {
    const page = "<html>Service Unavailable</html>";
    const { error } = call(folder, "GetTree", { status: 503, body: page });
    expect([error?.name, error?.["$status"], error?.["$fault"], (error?.["$response"] as { body: string }).body]).toEqual(["UnknownServiceError", 503, "server", page]);
    const typed = call(folder, "GetTree", { status: 404, headers: { "X-Amzn-ErrorType": "Missing:http://internal/" }, body: page }).error!;
    expect([typed.name, typed["$code"], typed.message, typed["resource"]]).toEqual(["Missing", "Missing", "Missing", undefined]);
    // A modelled error whose members have the wrong type: malformed, naming the place.
    const wrong = call(folder, "GetTree", { status: 404, body: '{"__type": "example.robust#Missing", "resource": 7}' }).error!;
    expect([wrong.name, wrong.message]).toEqual(["MalformedResponseError", "The response (HTTP 404) could not be read: at $.resource: expected a string, got number 7"]);
  });

  it("awsJson1_1: a service error (of the service, not the operation) is typed; absent members stay absent", () => {
    const { error } = call("robust-rpc", "GetNumbers", { status: 429, headers: { "x-amzn-requestid": "r-1" }, body: '{"__type": "Throttled", "message": "slow down"}' });
    expect(error?.name).toBe("Throttled");
    expect([error?.message, error?.["$code"], error?.["$requestId"], error?.["$status"], Object.hasOwn(error!, "resource")]).toEqual(["slow down", "Throttled", "r-1", 429, false]);
  });

  it.each(["robust-rpc", "robust-rest"])("%s: big numbers keep every digit; other numbers and documents stay plain", (folder) => {
    const body = '{"big": 123456789012345678901234567890, "exact": 0.100000000000000000000001, "list": [1.10, 2, -3e5], "plain": 1.5, "doc": {"n": 12345678901234567890, "x": [1.10]}}';
    const { output, error } = call(folder, "GetNumbers", { status: 200, body });
    expect(error).toBeUndefined();
    expect(output).toEqual({ big: 123456789012345678901234567890n, exact: "0.100000000000000000000001", list: ["1.10", "2", "-3e5"], plain: 1.5, doc: { n: 12345678901234567890, x: [1.1] } });
  });

  it("the exact parser agrees with JSON.parse on random JSON (numbers compared as numbers)", async () => {
    const json = (await import(pathToFileURL(`${dir}/robust-rpc/json.ts`).href)) as { parseJsonExact(text: string): unknown; plainDocument(v: unknown): unknown };
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(json.plainDocument(json.parseJsonExact(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500, seed: 8 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        let native: unknown;
        try {
          native = { ok: JSON.parse(text) };
        } catch {
          native = "error";
        }
        let mine: unknown;
        try {
          mine = { ok: json.plainDocument(json.parseJsonExact(text)) };
        } catch (error) {
          expect((error as Error).name).toBe("WireTypeError");
          mine = "error";
        }
        expect(mine).toEqual(native);
      }),
      { numRuns: 2000, seed: 8 },
    );
  });
});
