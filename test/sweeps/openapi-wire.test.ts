// swagger-client as the oracle over 23 corpus documents (npm run test:openapi-wire): every
// operation, ORACLE_RUNS random valid inputs each (default 3, fixed seed), through our serializer
// and through swagger-client's buildRequest. Prints per document the inputs, the identical ones,
// the differences explained by test/openapi-wire/known.ts (with their reasons) and every
// unexplained one; fails when more than 1% of the inputs differ unexplained.

import { describe, expect, it } from "vitest";
import { runDocument, type DocumentResult } from "../openapi-wire/oracle.js";
import { KNOWN } from "../openapi-wire/known.js";
import { WIRE_DOCUMENTS } from "../openapi-wire/documents.js";
import { report } from "../openapi-wire/report.js";

const RUNS = Number(process.env["ORACLE_RUNS"] ?? 3);

describe("swagger-client agrees with our OpenAPI serializers", () => {
  it(`${WIRE_DOCUMENTS.length} documents, ${RUNS} inputs per operation`, async () => {
    const results: DocumentResult[] = [];
    for (const file of WIRE_DOCUMENTS) results.push(await runDocument(file, { runs: RUNS, seed: 1 }));
    const { inputs, unexplained } = report(results, KNOWN);
    expect(inputs).toBeGreaterThan(0);
    expect(unexplained / inputs, "unexplained differences over inputs").toBeLessThanOrEqual(0.01);
  });
});
