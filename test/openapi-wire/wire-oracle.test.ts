// swagger-client as the oracle, the small part that runs in npm test: five small documents
// (form bodies, a multipart upload, path/query/header parameters), two inputs per operation.
// The full sweep over 23 documents is npm run test:openapi-wire (test/sweeps/openapi-wire.test.ts).

import { describe, expect, it } from "vitest";
import { runDocument, type DocumentResult, type Difference } from "./oracle.js";
import { classify, KNOWN } from "./known.js";
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
    expect(classify({ operation: "op", input: {}, ours: { ...base, body: "x=%21" }, theirs: { ...base, body: "x=!" }, parts: ["body"] })).toBe("percent-encoding");
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
