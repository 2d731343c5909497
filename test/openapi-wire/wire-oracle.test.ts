// swagger-client as the oracle, the small part that runs in npm test: five small documents
// (form bodies, a multipart upload, path/query/header parameters), two inputs per operation.
// The full sweep over 23 documents is npm run test:openapi-wire (test/sweeps/openapi-wire.test.ts).

import { describe, expect, it } from "vitest";
import { runDocument, type DocumentResult, type Difference } from "./oracle.js";
import { agrees, classify, KNOWN } from "./known.js";
import { QUICK_DOCUMENTS } from "./documents.js";
import { report } from "./report.js";

describe("swagger-client agrees with our OpenAPI serializers (quick)", () => {
  it(`${QUICK_DOCUMENTS.length} small documents, 2 inputs per operation: no unexplained difference`, async () => {
    const results: DocumentResult[] = [];
    for (const file of QUICK_DOCUMENTS) results.push(await runDocument(file, { runs: 2, seed: 1 }));
    const { inputs, identical, unexplained } = report(results, KNOWN);
    expect(inputs).toBeGreaterThan(30);
    expect(identical).toBeGreaterThan(inputs / 2);
    expect(results.flatMap((r) => r.unexplained.map((d) => `${r.file} ${d.operation}`))).toEqual([]);
    expect(unexplained).toBe(0);
  });

  it("the comparison can fail: a changed method, path, query, header or body is unexplained", () => {
    const base = { method: "POST", url: "/v1/things?a=1", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "x=1&y%5B0%5D=2" };
    const differs = (theirs: typeof base): Difference => ({ operation: "op", input: {}, ours: base, theirs, parts: ["body"] });
    for (const theirs of [
      { ...base, method: "PUT" },
      { ...base, url: "/v1/thing?a=1" },
      { ...base, url: "/v1/things?a=2" },
      { ...base, headers: { ...base.headers, "x-extra": "1" } },
      { ...base, body: "x=2&y%5B0%5D=2" },
      { ...base, body: "x=1" },
    ]) {
      expect(classify(differs(theirs))).toBeUndefined();
    }
    // …while the listed differences are recognised: brackets against repeated fields, `!` unescaped.
    expect(classify(differs({ ...base, body: "x=1&y=2" }))).toBe("deepObject");
    const body = (ours: string, theirs: string): Difference => ({ operation: "op", input: {}, ours: { ...base, body: ours }, theirs: { ...base, body: theirs }, parts: ["body"] });
    const url = (ours: string, theirs: string): Difference => ({ operation: "op", input: {}, ours: { ...base, url: ours }, theirs: { ...base, url: theirs }, parts: ["url"] });
    // Equivalences (agreement): a form body as the WHATWG parser reads it (`!` and `%21`, `+` and `%20`), the RFC 3986 normal form of a URI.
    expect(classify(body("x=%21", "x=!"))).toBe("form-urlencoded");
    expect(classify(body("x=a%20b", "x=a+b"))).toBe("form-urlencoded");
    expect(classify(url("/v1/things%7e?a=%7E", "/v1/things~?a=~"))).toBe("uri-normal-form");
    expect(classify(url("/v1/th%c3%a9?a=1", "/v1/th%C3%A9?a=1"))).toBe("uri-normal-form");
    expect([agrees("form-urlencoded"), agrees("uri-normal-form"), agrees("uri-normal-form+form-urlencoded")]).toEqual([true, true, true]);
    // Not equivalences: a reserved character bare or encoded in a query, or a plus in a query (RFC 3986 gives `+` no meaning of space).
    expect(classify(url("/v1/things?a=%21", "/v1/things?a=!"))).toBe("query-percent-encoding");
    expect(classify(url("/v1/things?a=a%20b", "/v1/things?a=a+b"))).toBeUndefined();
    expect(classify(url("/v1/things%21?a=1", "/v1/things!?a=1"))).toBe("path-sub-delims");
    expect([agrees("query-percent-encoding"), agrees("deepObject"), agrees("form-urlencoded+deepObject")]).toEqual([false, false, false]);
    // An object's keys raw in a path (swagger-client's style serializer): recognised only where the input gives a path parameter that object, and only that difference.
    const keyed = (oursUrl: string, theirsUrl: string, input: unknown): Difference => ({ operation: "op", input, ours: { ...base, url: oursUrl }, theirs: { ...base, url: theirsUrl }, parts: ["url"], template: "/v1/things/{kind}" });
    expect(classify(keyed("/v1/things/a%20b,1?a=1", "/v1/things/a b,1?a=1", { kind: { "a b": 1 } }))).toBe("path-object-keys");
    expect(classify(keyed("/v1/things/a%20b,1?a=1", "/v1/things/a b,2?a=1", { kind: { "a b": 1 } }))).toBeUndefined();
    expect(classify(keyed("/v1/things/a%20b,1?a=1", "/v1/things/a b,1?a=1", { other: { "a b": 1 } }))).toBeUndefined();
    // Multipart text parts of styled properties (Stripe's POST /v1/files, the last sweep's one unexplained input).
    const multipart = (parts: string[]) => ({ method: "POST", url: "/v1/files", headers: { "content-type": "multipart/form-data" }, body: { multipart: parts } });
    const ours = multipart(["expand[0]= ", "file=Za0x99", "file_link_data[create]=false", "file_link_data[expires_at]=3", "purpose=terminal_reader_splashscreen"]);
    const stripe = (theirs: string[]): Difference => ({ operation: "PostFiles", input: {}, ours, theirs: multipart(theirs), parts: ["body"] });
    expect(classify(stripe(["expand= ", "file=Za0x99", "file_link_data[create]=false", "file_link_data[expires_at]=3", "purpose=terminal_reader_splashscreen"]))).toBe("deepObject");
    expect(classify(stripe(["expand=x", "file=Za0x99", "file_link_data[create]=false", "file_link_data[expires_at]=3", "purpose=terminal_reader_splashscreen"]))).toBeUndefined();
    expect(classify(stripe(["expand= ", "file=Za0x99", "file_link_data[create]=true", "file_link_data[expires_at]=3", "purpose=terminal_reader_splashscreen"]))).toBeUndefined();
    expect(classify(stripe(["expand= ", "file=Za0x98", "file_link_data[create]=false", "file_link_data[expires_at]=3", "purpose=terminal_reader_splashscreen"]))).toBeUndefined();
  });
});
