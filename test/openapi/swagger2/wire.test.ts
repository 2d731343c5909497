// swagger-client as the oracle of our Swagger 2.0 fixtures: every operation, 20 random valid
// inputs each, through our serializer (generated from the 2.0 document) and through
// swagger-client's buildRequest given the 2.0 document itself. Every difference must be one
// test/openapi-wire/known.ts lists with its argument (printed with its count).

import { describe, expect, it } from "vitest";
import { KNOWN } from "../../openapi-wire/known.js";
import { report } from "../../openapi-wire/report.js";
import { runSwagger2 } from "../../openapi-wire/swagger2.js";
import type { DocumentResult } from "../../openapi-wire/oracle.js";
import { SWAGGER2_FIXTURES, swagger2Files } from "./fixtures.js";

describe("swagger-client agrees with our serializers on Swagger 2.0 documents", () => {
  it(`${SWAGGER2_FIXTURES.length} documents, 20 inputs per operation: no unexplained difference`, async () => {
    const results: DocumentResult[] = [];
    for (const fixture of SWAGGER2_FIXTURES) results.push(await runSwagger2(swagger2Files(fixture), fixture.replace(/\.yaml$/, ""), { runs: 20, seed: 1 }));
    const { inputs, identical, unexplained } = report(results, KNOWN);
    expect(results.flatMap((r) => r.skipped.map((s) => `${r.file} ${s.operation}: ${s.reason}`))).toEqual([]);
    expect(inputs).toBeGreaterThan(200);
    expect(identical).toBeGreaterThan(inputs / 2);
    expect(results.flatMap((r) => r.unexplained.map((d) => `${r.file} ${d.operation} ${JSON.stringify(d.ours)} ${JSON.stringify(d.theirs)}`))).toEqual([]);
    expect(unexplained).toBe(0);
  });
});
