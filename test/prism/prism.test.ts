// Our OpenAPI serializers against a validating mock server (issue 10 part 5): every operation of
// six corpus documents and two of ours, two random valid inputs each, sent to Prism; Prism's
// request validation must find nothing that known.ts does not list as its own mistake. The
// runner can fail: requests broken on purpose give violations. PRISM_DOCUMENTS=all (npm run
// test:prism) checks every document of documents.ts with PRISM_RUNS inputs per operation (default 3).

import { describe, expect, it } from "vitest";
import { ALL_DOCUMENTS, MORE_OWN_DOCUMENTS, OWN_DOCUMENTS, QUICK_DOCUMENTS } from "./documents.js";
import { KNOWN } from "./known.js";
import { report } from "./report.js";
import { corpusSource, repoSource, runDocuments, type SerializedRequest } from "./run.js";

const ALL = process.env["PRISM_DOCUMENTS"] === "all";
const RUNS = Number(process.env["PRISM_RUNS"] ?? (ALL ? 3 : 2));
const CORPUS = ALL ? ALL_DOCUMENTS : QUICK_DOCUMENTS;
const OWN = ALL ? [...OWN_DOCUMENTS, ...MORE_OWN_DOCUMENTS] : OWN_DOCUMENTS;

describe("Prism's request validation accepts our OpenAPI requests", () => {
  it(`${CORPUS.length} corpus documents and ${OWN.length} of ours, ${RUNS} inputs per operation: no unlisted violation`, async () => {
    const sources = [...CORPUS.map(corpusSource), ...OWN.map(repoSource)];
    const results = await runDocuments(sources, { runs: RUNS, seed: 1 }, KNOWN);
    const totals = report(results, KNOWN);
    for (const r of results) {
      expect(r.operations, r.label).toBeGreaterThan(0);
      // Every operation sends RUNS requests: none skipped for want of a valid, sendable input. The full
      // set prints its skips, and an operation may find fewer than RUNS sendable inputs in its draws.
      if (ALL) expect(r.requests, r.label).toBeGreaterThanOrEqual(r.operations - r.skipped.length);
      else {
        expect(r.skipped, r.label).toEqual([]);
        expect(r.requests, r.label).toBe(r.operations * RUNS);
      }
    }
    expect(results.flatMap((r) => r.violations.map((f) => `${f.document} ${f.operation}: ${f.violation.location.join(".")} ${f.violation.code} ${f.violation.message}`))).toEqual([]);
    expect(totals.violations).toBe(0);
    // The full set shows every entry of the known list still happens (none is stale).
    if (ALL) expect(KNOWN.filter((k) => !results.some((r) => r.listed.has(k.name))).map((k) => k.name)).toEqual([]);
  }, ALL ? 3_600_000 : 600_000);

  it("the runner can fail: a dropped query, a wrong path, a form body without its fields, a wrong header are violations", async () => {
    const broken = (request: SerializedRequest): SerializedRequest => {
      if (request.query.length > 0) return { ...request, query: [] };
      if (request.headers["Content-Type"] === "application/x-www-form-urlencoded") return { ...request, body: "unknown=1" };
      if (request.headers["X-Amz-Target"] !== undefined) return { ...request, headers: { ...request.headers, "X-Amz-Target": "AWSCognitoIdentityProviderService.SignUp" } };
      return { ...request, path: request.path + "/nowhere" };
    };
    const sources = [corpusSource("wolframalpha.com.json.gz"), corpusSource("xkcd.com.json.gz"), corpusSource("nexmo.com__sms.json.gz"), repoSource("models/cognito-identity-provider.openapi.yaml")];
    const results = await runDocuments(sources, { runs: 1, seed: 1, tamper: broken }, KNOWN);
    const codes = results.map((r) => [r.label, [...new Set(r.violations.map((f) => `${f.violation.location.join(".")} ${f.violation.code}`))].sort()]);
    expect(codes).toEqual([
      ["wolframalpha.com", ["query required"]],
      ["xkcd.com", ["route NO_PATH_MATCHED_ERROR"]],
      ["nexmo.com__sms", ["body required"]],
      ["cognito-identity-provider.openapi", ["header.x-amz-target enum"]],
    ]);
    // Every broken request (one per operation) drew at least one violation.
    for (const r of results) expect(new Set(r.violations.map((f) => f.operation)).size, r.label).toBe(r.operations);
  }, 600_000);
});
