// The response runner's pieces on a hand-made model: params become our output forms
// (outputs.ts), outputs and thrown errors are compared by the smithy.test rules
// (compare-output.ts, checkResponse), responses are built from cases, and every wrong
// expectation mutate-response.ts makes is caught; the fuzzer's type check of returned values
// (output-types.ts) names the first place of the wrong type.

import { describe, expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { BigNumberNode } from "../../generator/smithy/ast.js";
import { loadModels } from "../../generator/frontends.js";
import { compareErrorMembers, compareOutput } from "./compare-output.js";
import { mutateExpectation, mutateValue, responseMutations } from "./mutate-response.js";
import { compactShapes, illTyped } from "./output-types.js";
import { toOutput } from "./outputs.js";
import { bodyIsBytes, buildResponse, checkResponse, type Expectation, type ResponseCase } from "./response-runner.js";

const MODEL = `$version: "2.0"
namespace test.out

service S { version: "1", operations: [Op, Raw] }

operation Op { output: Out, errors: [Oops] }

operation Raw { output: Payload }

structure Out {
    s: String
    f: Float
    d: Double
    big: BigInteger
    dec: BigDecimal
    t: Timestamp
    b: Blob
    doc: Document
    list: Strings
    sparse: SparseMap
    u: U
    nested: Out
}

list Strings { member: String }

@sparse
map SparseMap { key: String, value: String }

union U { s: String, unit: Unit }

@error("client")
structure Oops { Message: String, code: Integer }

structure Payload {
    @httpPayload
    data: Blob
}
`;

const diags = new Diagnostics();
const [model] = loadModels([{ name: "out", files: [{ path: "out.smithy", text: MODEL }] }], { readFile: () => undefined }, diags);
if (!model) throw new Error(`the test model does not load: ${diags.items.map((d) => d.message).join("; ")}`);
const OUT = "test.out#Out";

describe("params to output forms", () => {
  test("timestamps, blobs, floats, unions, documents, nulls", () => {
    const params = { t: 1576540098.123, b: "abc", f: "NaN", d: "-Infinity", u: { unit: {} }, doc: { a: [1, "x"] }, sparse: { k: null }, s: null, list: ["a"] };
    expect(toOutput(model, OUT, params)).toEqual({
      t: new Date(1576540098123),
      b: new TextEncoder().encode("abc"),
      f: Number.NaN,
      d: Number.NEGATIVE_INFINITY,
      u: { unit: {} },
      doc: { a: [1, "x"] },
      sparse: { k: null },
      list: ["a"],
    });
    expect(toOutput(model, OUT, { t: "2019-12-16T23:48:18Z" })).toEqual({ t: new Date(Date.UTC(2019, 11, 16, 23, 48, 18)) });
  });
  test("big numbers: the literal as written (BigNumberNode) or the float64 that holds it exactly", () => {
    const params = { big: new BigNumberNode("9223372036854775808"), dec: new BigNumberNode("0.100000000000000000000001"), doc: [new BigNumberNode("0.100000000000000000000001")] };
    expect(toOutput(model, OUT, params)).toEqual({ big: 9223372036854775808n, dec: "0.100000000000000000000001", doc: [0.1] });
    expect(toOutput(model, OUT, { big: 42, dec: 1.5 })).toEqual({ big: 42n, dec: "1.5" });
    expect(() => toOutput(model, OUT, { big: 1.5 })).toThrow("params.big: expected a whole number for a bigInteger, got 1.5");
  });
  test("params that do not fit the shape say where", () => {
    expect(() => toOutput(model, OUT, { nope: 1 })).toThrow("params: test.out#Out has no member nope");
    expect(() => toOutput(model, OUT, { list: "a" })).toThrow('params.list: expected a list, got "a"');
    expect(() => toOutput(model, OUT, { u: { s: "a", unit: {} } })).toThrow("params.u: a union value sets exactly one member");
    expect(() => toOutput(model, undefined, { a: 1 })).toThrow("params given for an operation without output");
  });
});

describe("comparing outputs", () => {
  test("equal by the smithy.test rules", () => {
    const e = { f: Number.NaN, d: 1.5, doc: { a: 1, b: [true] }, t: new Date(0), b: new Uint8Array([1]), big: 5n, dec: "1.50", sparse: { k: null } };
    const a = { f: Number.NaN, d: 1.5, doc: { b: [true], a: 1.0 }, t: new Date(0), b: Buffer.from([1]), big: 5n, dec: "15e-1", sparse: { k: null } };
    expect(compareOutput(model, OUT, e, a)).toEqual([]);
    // A float member is a 32-bit float: CBOR's float32 1.1 is the float 1.1.
    expect(compareOutput(model, OUT, { f: 1.1 }, { f: Math.fround(1.1) })).toEqual([]);
    expect(compareOutput(model, undefined, {}, {})).toEqual([]);
  });
  test("each difference is reported with its path", () => {
    expect(compareOutput(model, OUT, { f: 1.1 }, { f: 1.2 })).toEqual(["params.f: expected 1.1, got 1.2"]);
    expect(compareOutput(model, OUT, { d: 1.1 }, { d: Math.fround(1.1) })).toEqual(["params.d: expected 1.1, got 1.100000023841858"]);
    expect(compareOutput(model, OUT, { d: Number.NaN }, { d: 0 })).toEqual(["params.d: expected NaN, got 0"]);
    expect(compareOutput(model, OUT, { big: 5n }, { big: 5 })).toEqual(["params.big: expected 5n, got 5"]);
    expect(compareOutput(model, OUT, { dec: "0.100000000000000000000001" }, { dec: "0.1" })).toEqual(['params.dec: expected "0.100000000000000000000001", got "0.1"']);
    expect(compareOutput(model, OUT, { dec: "1.5" }, { dec: 1.5 })).toEqual(['params.dec: expected "1.5", got 1.5']);
    expect(compareOutput(model, OUT, { t: new Date(0) }, { t: 0 })).toEqual(["params.t: expected 1(0), got 0"]);
    expect(compareOutput(model, OUT, { b: new Uint8Array([1]) }, { b: "\u0001" })).toEqual(['params.b: expected h\'01\', got "\\u0001"']);
    expect(compareOutput(model, OUT, { s: "a" }, {})).toEqual(['params: missing member s (expected "a")']);
    expect(compareOutput(model, OUT, {}, { s: "a" })).toEqual(['params: unexpected member s = "a"']);
    expect(compareOutput(model, OUT, {}, { s: undefined })).toEqual(["params.s: absent members are left out, got undefined"]);
    expect(compareOutput(model, OUT, { list: ["a"] }, { list: ["a", "b"] })).toEqual(['params.list: expected 1 items, got 2: ["a", "b"]']);
    expect(compareOutput(model, OUT, { u: { s: "a" } }, { u: { $unknown: ["s", "a"] } })).toEqual([
      'params.u: missing member s (expected "a")',
      'params.u: unexpected member $unknown = ["s", "a"]',
    ]);
    expect(compareOutput(model, OUT, { doc: { a: 1 } }, { doc: { a: "1" } })).toEqual(['params.doc.a: expected 1, got "1"']);
    expect(compareOutput(model, OUT, { sparse: { k: null } }, { sparse: { k: "" } })).toEqual(['params.sparse.k: expected null, got ""']);
    expect(compareOutput(model, OUT, { nested: { s: "a" } }, { nested: { s: "b" } })).toEqual(['params.nested.s: expected "a", got "b"']);
    expect(compareOutput(model, undefined, {}, { $metadata: {} })).toEqual(["params: unexpected member $metadata = {}"]);
    expect(compareOutput(model, OUT, { u: { unit: {} } }, { u: { unit: { a: 1 } } })).toEqual(["params.u.unit: unexpected member a = 1"]);
    expect(compareOutput(model, OUT, { u: { unit: { a: 1 } } }, { u: { unit: {} } })).toEqual(["params.u.unit: missing member a (expected 1)"]);
  });
  test("error members: every modelled member, absent ones unset", () => {
    expect(compareErrorMembers(model, "test.out#Oops", { Message: "Hi" }, { Message: "Hi", $status: 400 })).toEqual([]);
    expect(compareErrorMembers(model, "test.out#Oops", { Message: "Hi" }, { Message: "Hi", code: 3 })).toEqual(["error.code: expected not set, got 3"]);
    expect(compareErrorMembers(model, "test.out#Oops", { code: 3 }, {})).toEqual(["error.code: expected 3, got not set"]);
  });
});

class ServiceError extends Error {}
class Oops extends ServiceError {
  override readonly name = "Oops";
  readonly $fault = "client";
  readonly $status = 400;
  readonly $code = "Oops";
  readonly Message = "Hi";
}
const ERRORS = { Oops };
const OOPS: Expectation = { kind: "error", errorClass: "Oops", name: "Oops", fault: "client", members: { Message: "Hi" }, status: 400, code: "Oops" };

describe("checking what a deserializer did", () => {
  test("an expected error is thrown as its class with its status, code and members", () => {
    expect(checkResponse(model, "test.out#Oops", ERRORS, "deserializeOpResponse", OOPS, { kind: "threw", error: new Oops() })).toEqual([]);
    expect(checkResponse(model, "test.out#Oops", ERRORS, "deserializeOpResponse", OOPS, { kind: "threw", error: new TypeError("x is undefined") })).toEqual([
      "expected Oops to be thrown, got TypeError (Error): x is undefined",
    ]);
    expect(checkResponse(model, "test.out#Oops", ERRORS, "deserializeOpResponse", OOPS, { kind: "returned", value: {} })).toEqual([
      "expected Oops to be thrown, deserializeOpResponse returned {}",
    ]);
    expect(checkResponse(model, "test.out#Oops", {}, "deserializeOpResponse", OOPS, { kind: "threw", error: new Oops() })).toEqual(["errors.ts exports no class Oops"]);
  });
  test("a success case must return, synchronously", () => {
    const out: Expectation = { kind: "output", value: { s: "a" } };
    expect(checkResponse(model, OUT, ERRORS, "deserializeOpResponse", out, { kind: "returned", value: { s: "a" } })).toEqual([]);
    expect(checkResponse(model, OUT, ERRORS, "deserializeOpResponse", out, { kind: "threw", error: new Oops() })).toEqual(["deserializeOpResponse threw Oops (ServiceError < Error): "]);
    expect(checkResponse(model, OUT, ERRORS, "deserializeOpResponse", out, { kind: "returned", value: Promise.resolve({ s: "a" }) })).toEqual([
      "deserializeOpResponse returned a Promise: deserializers are synchronous",
    ]);
  });
  test("every mutation of a matching expectation is caught", () => {
    const cases: [Expectation, string | undefined, unknown][] = [
      [OOPS, "test.out#Oops", new Oops()],
      [{ kind: "output", value: {} }, undefined, {}],
      [{ kind: "output", value: { list: [], u: { unit: {} } } }, OUT, { list: [], u: { unit: {} } }],
      [{ kind: "output", value: { f: 0, t: new Date(0), b: new Uint8Array(0) } }, OUT, { f: 0, t: new Date(0), b: new Uint8Array(0) }],
      [{ kind: "output", value: { f: Number.NaN } }, OUT, { f: Number.NaN }],
      [{ kind: "output", value: { f: 3.4e38 } }, OUT, { f: 3.4e38 }],
      [{ kind: "output", value: { big: 1n, dec: "1.5" } }, OUT, { big: 1n, dec: "1.5" }],
    ];
    for (const [expectation, shape, value] of cases) {
      const got = expectation.kind === "error" ? { kind: "threw" as const, error: value } : { kind: "returned" as const, value };
      expect(checkResponse(model, shape, ERRORS, "f", expectation, got)).toEqual([]);
      for (const kind of responseMutations(expectation)) {
        expect(checkResponse(model, shape, ERRORS, "f", mutateExpectation(expectation, kind), got), `${kind} of ${JSON.stringify(shape)}`).not.toEqual([]);
      }
    }
    expect(mutateValue({ a: { b: [] } })).toEqual({ a: { b: [null] } });
  });
});

describe("responses built from cases", () => {
  const c = (over: Partial<ResponseCase>): ResponseCase => ({ id: "X", protocol: "aws.protocols#restJson1", code: 200, ...over });
  test("CBOR bodies are base64 in the case and bytes in the response", () => {
    expect(buildResponse(c({ body: "oA==", bodyMediaType: "application/cbor" }), true)).toEqual({ status: 200, headers: {}, body: new Uint8Array([0xa0]) });
  });
  test("text bodies stay text; blob payloads and no body as bytes when asked", () => {
    expect(buildResponse(c({ body: "{}", headers: { "X-A": "1" }, code: 404 }), false)).toEqual({ status: 404, headers: { "X-A": "1" }, body: "{}" });
    expect(buildResponse(c({ body: "ab" }), true)).toEqual({ status: 200, headers: {}, body: new Uint8Array([97, 98]) });
    expect(buildResponse(c({}), true).body).toEqual(new Uint8Array(0));
    expect(buildResponse(c({}), false).body).toBe("");
  });
  test("bytes for CBOR, octet-stream and blob payloads", () => {
    expect(bodyIsBytes(c({}), "rpcv2Cbor", model, OUT)).toBe(true);
    expect(bodyIsBytes(c({ bodyMediaType: "application/octet-stream" }), "restJson1", model, OUT)).toBe(true);
    expect(bodyIsBytes(c({}), "restXml", model, "test.out#Payload")).toBe(true);
    expect(bodyIsBytes(c({ bodyMediaType: "application/json" }), "restJson1", model, OUT)).toBe(false);
  });
});

describe("type check of returned values (the fuzzer's oracle)", () => {
  const table = compactShapes(model);
  test("values of the output type pass", () => {
    const ok = { s: "a", f: Number.NaN, big: 1n, dec: "-1.5e3", t: new Date(0), b: new Uint8Array(1), doc: { any: [1] }, list: ["x"], sparse: { k: null, j: "v" }, u: { $unknown: ["z", 1] }, nested: { u: { unit: {} } } };
    expect(illTyped(table, OUT, ok)).toBeUndefined();
    expect(illTyped(table, undefined, {})).toBeUndefined();
  });
  test("the first place of the wrong type is named", () => {
    expect(illTyped(table, OUT, { s: 1 })).toBe("output.s: expected a string, got 1");
    expect(illTyped(table, OUT, { s: undefined })).toBe("output.s: undefined (absent members are left out)");
    expect(illTyped(table, OUT, { zz: 1 })).toBe("output: zz is no member of test.out#Out");
    expect(illTyped(table, OUT, { t: new Date(Number.NaN) })).toBe("output.t: expected a valid Date, got Date(NaN)");
    expect(illTyped(table, OUT, { big: 1 })).toBe("output.big: expected a bigint, got 1");
    expect(illTyped(table, OUT, { dec: "1,5" })).toBe('output.dec: expected a decimal string, got "1,5"');
    expect(illTyped(table, OUT, { list: [null] })).toBe("output.list[0]: expected a string, got null");
    expect(illTyped(table, OUT, { u: { s: "a", unit: {} } })).toBe("output.u: a union sets exactly one member, got 2");
    expect(illTyped(table, OUT, { nested: { u: { unit: { x: 1 } } } })).toBe("output.nested.u.unit: expected {}, got a member x");
    expect(illTyped(table, OUT, { b: [1] })).toBe("output.b: expected a Uint8Array, got an array");
    expect(illTyped(table, undefined, { a: 1 })).toBe("output: expected {}, got a member a");
  });
  test("deep outputs are walked without recursion", () => {
    let deep: Record<string, unknown> = { s: "end" };
    for (let i = 0; i < 100_000; i++) deep = { nested: deep };
    expect(illTyped(table, OUT, deep)).toBeUndefined();
  });
});
