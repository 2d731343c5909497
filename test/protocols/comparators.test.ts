// The compliance runner's comparators on hand-made pairs: each body comparator accepts what the
// smithy.test rules call equal and rejects a single real difference; compareRequest applies the
// uri, query, header, host and body rules; the expected-failure check catches stale lists.

import { gzipSync } from "node:zlib";
import { encode as encodeCbor, Tag } from "cbor2";
import { describe, expect, test } from "vitest";
import { canonicalDecimal, compareCbor, compareForm, compareJson, compareXml } from "./bodies.js";
import { compareRequest, type HttpRequest, type RequestCase } from "./compare.js";
import { checkOutcomes, renderExpected, type ExpectedOutcomes } from "./expected.js";
import { applicableMutations, mutateAs } from "./mutate.js";
import type { CaseResult } from "./runner.js";

const cbor = (v: unknown) => encodeCbor(v);

describe("JSON bodies", () => {
  test("equal: key order, whitespace, number spelling", () => {
    expect(compareJson('{"a": 1.0, "b": [true, null], "c": {"d": "x"}}', '{"c":{"d":"x"},"b":[true,null],"a":1}')).toBeUndefined();
    expect(compareJson("1e2", "100")).toBeUndefined();
    expect(compareJson("{}", "{ }")).toBeUndefined();
  });
  test("different: a value, a missing or extra key, item count, type, order of items", () => {
    expect(compareJson('{"a":1}', '{"a":2}')).toBe("$.a: expected 1, got 2");
    expect(compareJson('{"a":1,"b":2}', '{"a":1}')).toBe('$: missing key "b"');
    expect(compareJson('{"a":1}', '{"a":1,"b":null}')).toBe('$: unexpected key "b" = null');
    expect(compareJson("[1,2]", "[1,2,3]")).toBe("$: expected 2 items, got 3: [1,2,3]");
    expect(compareJson('{"a":"1"}', '{"a":1}')).toBe('$.a: expected "1", got 1');
    expect(compareJson("[1,2]", "[2,1]")).toBe("$[0]: expected 1, got 2");
    expect(compareJson('{"a":{"b":[{"c":true}]}}', '{"a":{"b":[{"c":false}]}}')).toBe("$.a.b[0].c: expected true, got false");
  });
  test("numbers are compared by exact decimal value, beyond float64", () => {
    expect(compareJson("1.2345678901234567890123", "1.2345678901234567890123")).toBeUndefined();
    expect(compareJson("1.2345678901234567890123", "1.2345678901234567")).toMatch(/expected 1\.2345678901234567890123, got 1\.2345678901234567$/);
    expect(compareJson("9007199254740993", "9007199254740992")).toBeDefined();
    expect(canonicalDecimal("-0.0150e2")).toBe("-15e-1");
    expect(canonicalDecimal("1500")).toBe("15e2");
    expect(canonicalDecimal("0.000")).toBe("0");
  });
  test("not JSON is a difference, on either side", () => {
    expect(compareJson('{"a":1}', '{"a":1,}')).toMatch(/^actual body is not JSON/);
    expect(compareJson("{a:1}", '{"a":1}')).toMatch(/^expected body is not JSON/);
  });
});

describe("XML bodies", () => {
  test("equal: attribute order, layout whitespace, entities, CDATA, self-closing, the declaration", () => {
    const expected = `<Root xmlns="https://example.com" b="2" a="1">\n    <Name>a &amp; b</Name>\n    <Empty></Empty>\n    <Raw>x&lt;y</Raw>\n</Root>\n`;
    const actual = `<?xml version="1.0" encoding="UTF-8"?><Root a="1" b="2" xmlns="https://example.com"><Name>a &#38; b</Name><Empty/><Raw><![CDATA[x<y]]></Raw></Root>`;
    expect(compareXml(expected, actual)).toBeUndefined();
  });
  test("equal: siblings of different names in any order, as Smithy's runners compare parsed XML", () => {
    expect(compareXml("<A><B/><C/></A>", "<A><C/><B/></A>")).toBeUndefined();
    // Items of one name keep their order among themselves, wherever the others stand.
    expect(compareXml("<A><B>1</B><C>x</C><B>2</B></A>", "<A><C>x</C><B>1</B><B>2</B></A>")).toBeUndefined();
    expect(compareXml("<R><N><V>1</V></N><D>2</D></R>", "<R><D>2</D><N><V>1</V></N></R>")).toBeUndefined();
  });
  test("different: text, element name, order of same-named elements, attribute value, namespace, missing element", () => {
    expect(compareXml("<A><B>1</B></A>", "<A><B>2</B></A>")).toBe('/A/B/text()[0]: expected "1", got "2"');
    expect(compareXml("<A><B>1</B></A>", "<A><C>1</C></A>")).toBe("/A/B[0]: missing <B>1</B>");
    expect(compareXml("<A><B>1</B><B>2</B></A>", "<A><B>2</B><B>1</B></A>")).toBe('/A/B/text()[0]: expected "1", got "2"');
    expect(compareXml("<A><B>1</B><C/><B>2</B></A>", "<A><B>2</B><C/><B>1</B></A>")).toBe('/A/B/text()[0]: expected "1", got "2"');
    // Reordering differently named siblings does not hide a changed value.
    expect(compareXml("<R><N><V>1</V></N><D>2</D></R>", "<R><D>3</D><N><V>1</V></N></R>")).toBe('/R/D/text()[0]: expected "2", got "3"');
    expect(compareXml("<A><B/></A>", "<A><B/><B/></A>")).toBe("/A/B[1]: unexpected <B/>");
    expect(compareXml('<A x="1"/>', '<A x="2"/>')).toBe('/A[0]: expected attributes [["x","1"]], got [["x","2"]]');
    expect(compareXml('<A xmlns="u"/>', "<A/>")).toBe('/A[0]: expected attributes [["xmlns","u"]], got []');
    expect(compareXml("<A><B/><C/></A>", "<A><B/></A>")).toBe("/A/C[0]: missing <C/>");
    expect(compareXml("<A>  x </A>", "<A>x</A>")).toBe('/A/text()[0]: expected "  x ", got "x"');
    expect(compareXml("<A>\n  <B>   </B>\n</A>", "<A><B/></A>")).toBe('/A/B/text()[0]: missing "   "');
    expect(compareXml("<A><B>   </B></A>", "<A>\n<B>   </B>\n</A>")).toBeUndefined();
  });
  test("not XML is a difference", () => {
    expect(compareXml("<A/>", "<A><B></A>")).toMatch(/^actual body is not XML/);
  });
});

describe("CBOR bodies", () => {
  test("equal: map key order, float vs int of the same value, indefinite lengths, NaN", () => {
    const indefiniteMap = new Uint8Array([0xbf, 0x61, 0x62, 0x02, 0x61, 0x61, 0xf9, 0x3c, 0x00, 0xff]); // {_ "b": 2, "a": 1.0 (half)}
    expect(compareCbor(cbor({ a: 1, b: 2 }), indefiniteMap)).toBeUndefined();
    expect(compareCbor(cbor({ n: Number.NaN }), cbor({ n: Number.NaN }))).toBeUndefined();
    expect(compareCbor(cbor([new Uint8Array([1, 2])]), new Uint8Array([0x81, 0x5f, 0x41, 0x01, 0x41, 0x02, 0xff]))).toBeUndefined();
    expect(compareCbor(cbor({ t: new Tag(1, 1.5) }), cbor({ t: new Tag(1, 1.5) }))).toBeUndefined();
    expect(compareCbor(cbor(2n ** 64n - 1n), cbor(2n ** 64n - 1n))).toBeUndefined();
  });
  test("different: a value, a type (text vs bytes, timestamp vs number), a key, float precision", () => {
    expect(compareCbor(cbor({ a: 1 }), cbor({ a: 2 }))).toBe('$."a": expected 1, got 2');
    expect(compareCbor(cbor({ a: "x" }), cbor({ a: new Uint8Array([120]) }))).toBe(`$."a": expected "x", got h'78'`);
    expect(compareCbor(cbor({ t: new Tag(1, 1) }), cbor({ t: 1 }))).toBe('$."t": expected 1(1), got 1');
    expect(compareCbor(cbor({ a: 1 }), cbor({ b: 1 }))).toBe('$: missing key "a"');
    expect(compareCbor(cbor(1.1), cbor(Math.fround(1.1)))).toMatch(/^\$: expected 1\.1, got 1\.100000023841858/);
    expect(compareCbor(cbor([1]), cbor([1, 2]))).toBe("$: expected 1 items, got 2: [1, 2]");
  });
  test("not CBOR is a difference", () => {
    expect(compareCbor(cbor({ a: 1 }), new Uint8Array([0xbf, 0x61]))).toMatch(/^actual body is not CBOR/);
  });
});

describe("form bodies", () => {
  test("equal after percent-decoding ('+' is a space)", () => {
    expect(compareForm("Action=Op&Version=1&A=a%20b&B=%2F", "Action=Op&Version=1&A=a+b&B=/")).toBeUndefined();
    expect(compareForm("A=", "A=")).toBeUndefined();
  });
  test("equal: fields in another order (a form is a map), repeated keys in the same order", () => {
    expect(compareForm("Action=Op&A=1&B=2", "B=2&Action=Op&A=1")).toBeUndefined();
    expect(compareForm("A=x&B=1&A=y", "A=x&A=y&B=1")).toBeUndefined();
  });
  test("different: a value, a missing or extra field, the order of a repeated key's values", () => {
    expect(compareForm("A=1&B=2", "A=1&B=3")).toBe('form field B: expected "2", got "3" (body: A=1&B=3)');
    expect(compareForm("A=1&B=2", "A=1")).toBe('form: missing field B="2" (body: A=1)');
    expect(compareForm("A=1", "A=1&C=")).toBe('form: unexpected field C="" (body: A=1&C=)');
    expect(compareForm("A=x", "A=x&A=y")).toBe('form field A: expected "x", got ["x","y"] (body: A=x&A=y)');
    expect(compareForm("A=x&A=y", "A=y&A=x")).toBe('form field A: expected ["x","y"], got ["y","x"] (body: A=y&A=x)');
    expect(compareForm("A=a%20b", "A=a%2520b")).toBe('form field A: expected "a b", got "a%20b" (body: A=a%2520b)');
  });
});

describe("compareRequest", () => {
  const base: RequestCase = { id: "T", protocol: "aws.protocols#restJson1", method: "POST", uri: "/things/a%20b" };
  const request: HttpRequest = { method: "POST", path: "/things/a%20b", query: [], headers: {} };

  test("method and uri; the host's path goes before the request path", () => {
    expect(compareRequest(base, request)).toEqual([]);
    expect(compareRequest({ ...base, method: "PUT" }, request)).toEqual(["method: expected PUT, got POST"]);
    expect(compareRequest({ ...base, uri: "/custom/things/a%20b", host: "example.com/custom" }, request)).toEqual([]);
    expect(compareRequest({ ...base, uri: "/things/a b" }, request)).toEqual(["uri: expected /things/a b, got /things/a%20b"]);
  });

  test("query: listed params present, values of one key in the order given; extra params allowed; forbid and require by key", () => {
    const q = { ...request, query: ["a=1", "b=2", "a=3", "flag"] };
    expect(compareRequest({ ...base, queryParams: ["a=1", "a=3"], requireQueryParams: ["flag", "b"], forbidQueryParams: ["c"] }, q)).toEqual([]);
    expect(compareRequest({ ...base, queryParams: ["a=3", "a=1"] }, q)).toEqual(["query: a=1 is out of order among the values of a (query: a=1&b=2&a=3&flag)"]);
    expect(compareRequest({ ...base, queryParams: ["b=2", "a=1", "flag", "a=3"] }, q)).toEqual([]);
    expect(compareRequest({ ...base, queryParams: ["a=1", "a=1"] }, q)).toEqual(["query: expected a=1 once more (query: a=1&b=2&a=3&flag)"]);
    expect(compareRequest({ ...base, queryParams: ["a=2"] }, q)).toEqual(["query: expected a=2 (query: a=1&b=2&a=3&flag)"]);
    expect(compareRequest({ ...base, forbidQueryParams: ["flag"] }, q)).toEqual(["query: forbidden parameter flag is present (query: a=1&b=2&a=3&flag)"]);
    expect(compareRequest({ ...base, requireQueryParams: ["z"] }, q)).toEqual(["query: required parameter z is missing (query: a=1&b=2&a=3&flag)"]);
  });

  test("headers: names case-insensitive, values exact; Content-Length is present exactly when there is a body", () => {
    const h = { ...request, headers: { "x-amz-target": "S.Op", "Content-Type": "application/json" }, body: "{}" };
    expect(compareRequest({ ...base, headers: { "X-Amz-Target": "S.Op" }, requireHeaders: ["content-type", "Content-Length"] }, h)).toEqual([]);
    expect(compareRequest({ ...base, headers: { "X-Amz-Target": "S.Op2" } }, h)).toEqual(['header X-Amz-Target: expected "S.Op2", got "S.Op"']);
    expect(compareRequest({ ...base, forbidHeaders: ["Content-Length"] }, h)).toEqual(["header Content-Length is forbidden but present (the body is not empty)"]);
    expect(compareRequest({ ...base, requireHeaders: ["Content-Length"] }, { ...h, body: "" })).toEqual(["header Content-Length is required but missing"]);
    expect(compareRequest({ ...base, forbidHeaders: ["Content-Type"] }, h)).toEqual(['header Content-Type is forbidden but present ("application/json")']);
    expect(compareRequest(base, { ...h, headers: { "content-length": "2" } })).toEqual(["the serializer set Content-Length: by the contract the transport sets it from the body"]);
  });

  test("resolvedHost is the host prefix followed by the host name", () => {
    const c = { ...base, host: "example.com", resolvedHost: "foo.bar.example.com" };
    expect(compareRequest(c, { ...request, hostPrefix: "foo.bar." })).toEqual([]);
    expect(compareRequest(c, request)).toEqual(["resolvedHost: expected foo.bar.example.com, got example.com"]);
  });

  test("body: absent means no assertion, empty means none sent; media types pick the comparator; gzip is undone", () => {
    expect(compareRequest(base, { ...request, body: "anything" })).toEqual([]);
    expect(compareRequest({ ...base, body: "" }, request)).toEqual([]);
    expect(compareRequest({ ...base, body: "", bodyMediaType: "application/json" }, { ...request, body: "{}" })).toEqual(["body: expected no body, got {}"]);
    expect(compareRequest({ ...base, body: "{}", bodyMediaType: "application/json" }, request)).toEqual(["body: expected {}, got no body"]);
    expect(compareRequest({ ...base, body: '{"a": 1}', bodyMediaType: "application/json" }, { ...request, body: '{"a":1.0}' })).toEqual([]);
    expect(compareRequest({ ...base, body: "abc", bodyMediaType: "application/octet-stream" }, { ...request, body: new TextEncoder().encode("abc") })).toEqual([]);
    expect(compareRequest({ ...base, body: "abc" }, { ...request, body: "abd" })).toEqual(['body: expected "abc", got "abd"']);
    const zipped = { ...request, headers: { "Content-Encoding": "gzip" }, body: gzipSync('{"a":1}') };
    expect(compareRequest({ ...base, body: '{"a": 1}', bodyMediaType: "application/json" }, zipped)).toEqual([]);
    expect(compareRequest({ ...base, body: '{"a": 2}', bodyMediaType: "application/json" }, zipped)).toEqual(["body: $.a: expected 2, got 1"]);
    const notZipped = { ...request, headers: { "Content-Encoding": "gzip" }, body: '{"a":1}' };
    expect(compareRequest(base, notZipped)).toEqual(["body: Content-Encoding is gzip but the body does not gunzip (incorrect header check)"]);
    const cborCase = { ...base, body: Buffer.from(cbor({ a: 1 })).toString("base64"), bodyMediaType: "application/cbor" };
    expect(compareRequest(cborCase, { ...request, body: cbor({ a: 1.0 }) })).toEqual([]);
  });

  test("every mutation of a matching case is caught", () => {
    const c: RequestCase = {
      ...base,
      host: "example.com",
      resolvedHost: "p.example.com",
      queryParams: ["a=1"],
      headers: { "X-A": "1" },
      body: "<A><B>x</B></A>",
      bodyMediaType: "application/xml",
    };
    const r: HttpRequest = { ...request, query: ["a=1"], headers: { "X-A": "1" }, hostPrefix: "p.", body: "<A><B>x</B></A>" };
    expect(compareRequest(c, r)).toEqual([]);
    const kinds = applicableMutations(c);
    expect(kinds).toEqual(["body", "query", "header", "resolvedHost", "uri", "method"]);
    for (const kind of kinds) expect(compareRequest(mutateAs(c, kind), r), kind).toHaveLength(1);
    for (const [mediaType, body, actual] of [
      ["application/json", '{"a":[1,{"b":"x"}],"c":{}}', '{"c":{},"a":[1,{"b":"x"}]}'],
      ["application/json", "{}", "{}"],
      ["application/cbor", Buffer.from(cbor({ a: [true] })).toString("base64"), cbor({ a: [true] })],
      ["application/x-www-form-urlencoded", "Action=Op&A=a%20b", "Action=Op&A=a+b"],
      ["application/xml", "<A/>", "<A/>"],
      [undefined, "raw", "raw"],
    ] as const) {
      const bc: RequestCase = { ...base, body, ...(mediaType ? { bodyMediaType: mediaType } : {}) };
      expect(compareRequest(bc, { ...request, body: actual }), `${mediaType}`).toEqual([]);
      expect(compareRequest(mutateAs(bc, "body"), { ...request, body: actual }), `${mediaType} mutated`).toHaveLength(1);
    }
  });
});

describe("expected-failure lists stay honest", () => {
  const result = (id: string, outcome: CaseResult["outcome"], problems: string[] = []): CaseResult => ({
    protocol: "restJson1",
    id,
    operation: "ns#Op",
    folder: "aws-restJson1",
    case: { id, protocol: "aws.protocols#restJson1", method: "GET", uri: "/" },
    outcome,
    problems,
  });
  const results = [result("A", "passed"), result("B", "failed", ["uri: …"]), result("C", "failed", ["x"]), result("D", "skipped", ["why"])];

  test("an unlisted failure, a listed pass, a stale entry and a missing reason are each reported", () => {
    const list: ExpectedOutcomes = { failures: { A: "old", C: "", Z: "gone" }, skipped: { D: "why" } };
    expect(checkOutcomes(list, results)).toEqual([
      "A passes but is listed as an expected failure (old): remove it from the list",
      "B fails but is not listed as an expected failure: uri: …",
      "Z is listed but is no client request case of this protocol: remove it",
      "C is listed without a reason",
    ]);
    expect(checkOutcomes({ failures: { B: "b", C: "c" }, skipped: { D: "why" } }, results)).toEqual([]);
  });

  test("the rewritten list keeps reasons of ids still failing and drops passing ones", () => {
    const text = renderExpected("restJson1", { failures: { A: "old", C: "edited by a human" }, skipped: { D: "why" } }, results);
    expect(text).toContain(`  failures: {\n    "B": "uri: …",\n    "C": "edited by a human",\n  },\n  skipped: {\n    "D": "why",\n  },\n`);
  });
});
