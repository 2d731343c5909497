// The APIs' own SDK encoders as the oracle of our OpenAPI serializers, with more inputs (npm run
// test:sdk-wire): every operation of Stripe's document against stripe-node, of GitHub's against
// @octokit/endpoint, of the five Twilio documents of the corpus against twilio-node and of Kubernetes'
// against @kubernetes/client-node, SDK_RUNS (default 5) random valid inputs each, seeds SDK_SEED (default 1).
// Prints per document the inputs, the identical ones, the listed ones by kind (test/sdk-wire/known.ts,
// with their reasons) and every unexplained one; fails on any unexplained difference. The part
// that runs in npm test is test/sdk-wire/sdk-wire.test.ts (one input per operation).

import { describe, expect, it } from "vitest";
import { runSdkDocument, type SdkResult } from "../sdk-wire/oracle.js";
import { report } from "../sdk-wire/report.js";
import { sdkVersions } from "../sdk-wire/sdks.js";
import { ROOT } from "../helpers/paths.js";

const RUNS = Number(process.env["SDK_RUNS"] ?? 5);
const SEED = Number(process.env["SDK_SEED"] ?? 1);
const TWILIO = ["conversations_v1", "accounts_v1", "insights_v1", "bulkexports_v1", "chat_v3"].map((name) => `twilio.com__twilio_${name}.json.gz`);

describe("the APIs' own SDKs agree with our OpenAPI serializers", () => {
  it(`Stripe (stripe-node), GitHub (@octokit/endpoint), Twilio (twilio-node) and Kubernetes (@kubernetes/client-node), every operation, ${RUNS} inputs each: no unexplained difference`, async () => {
    const results: SdkResult[] = [];
    results.push(await runSdkDocument("stripe.com.json.gz", "stripe", { runs: RUNS, seed: SEED, cleanUp: true }));
    results.push(await runSdkDocument("github.com__api.github.com.json.gz", "octokit", { runs: RUNS, seed: SEED, cleanUp: true }));
    for (const file of TWILIO) results.push(await runSdkDocument(file, "twilio", { runs: RUNS, seed: SEED, cleanUp: true }));
    results.push(await runSdkDocument("kubernetes.io.json.gz", "kubernetes", { runs: RUNS, seed: SEED, cleanUp: true }));
    const { inputs, unexplained } = report(results, sdkVersions(ROOT));
    expect(inputs).toBeGreaterThan(results.reduce((n, r) => n + r.operations - r.skipped.length, 0));
    expect(unexplained).toBe(0);
  });
});
