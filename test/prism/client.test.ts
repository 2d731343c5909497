// Our generated OpenAPI client against Prism (issue 11 part 6, the validating mock server): our
// Cognito document, our responses fixture and five corpus documents (six in npm run test:prism), every operation called through the client
// (client-run.ts) with random valid inputs and once per status code its responses declare.
// Prism's request validation (security included: the client sends the credentials of each
// document's bearer, basic and apiKey schemes) must find nothing known.ts does not list, and every
// answer must come back as the typed output (2xx) or the operation's error class, equal to the
// answer as the model reads it. The second test proves the run can fail: a deserializer helper
// broken on purpose, credentials taken off the requests, 2xx answers handed over as 500s.
//
// The documents, for what their clients exercise:
// - our Cognito model: 3.1, JSON bodies of application/x-amz-json-1.1, a discriminated oneOf of
//   error structures;
// - our responses fixture: outputs told apart by status, ranges and `default`, text and bytes
//   bodies, response headers;
// - twilio accounts v1: basic auth, URL-encoded form bodies, 200/201/204;
// - rev.ai: bearer auth, multipart uploads, JSON and bytes answers, problem+json errors of eight
//   statuses;
// - redhat patchman: apiKey in a header, many query parameters, large JSON answers;
// - adyen AccountService: apiKey header OR basic, 3.1, deep JSON bodies, error structures of five
//   statuses, base64 (contentEncoding) properties;
// - browshot: apiKey in the query, `default` responses, 403/404 error structures;
// - (npm run test:prism) bkk.hu: apiKey in the query, 3xx answers, oneOf/anyOf values, maps.

import { describe, expect, it } from "vitest";
import { runClients, type ClientResult, type RawAnswer } from "./client-run.js";
import { KNOWN_ANSWER_CRASHES, KNOWN_ANSWERS } from "./known-answers.js";
import { KNOWN } from "./known.js";
import { corpusSource, repoSource, type SentRequest } from "./run.js";

const ALL = process.env["PRISM_DOCUMENTS"] === "all";
const RUNS = 2;
/** npm run test:prism adds BKK: Prism takes seconds per answer of its deep `references` (30–45 s for the document under load). */
const CORPUS = [
  "twilio.com__twilio_accounts_v1.json.gz",
  "rev.ai.json.gz",
  "redhat.local__patchman-engine.json.gz",
  "adyen.com__AccountService.json.gz",
  "browshot.com.json.gz",
  ...(ALL ? ["bkk.hu.json.gz"] : []),
];
const OURS = "models/cognito-identity-provider.openapi.yaml";
/** Our responses fixture: outputs told apart by status, 2XX/4XX/5XX ranges, `default`, text and bytes bodies, response headers. */
const RESPONSES = "test/openapi/fixtures/responses.yaml";
const LISTED = [...KNOWN, ...KNOWN_ANSWER_CRASHES];

function report(results: readonly ClientResult[]): Record<string, number> {
  const totals: Record<string, number> = { documents: results.length, operations: 0, calls: 0, output: 0, error: 0, "unknown-error": 0, wrong: 0, "no-answer": 0, listedRequests: 0, outsideSchema: 0, prismProblems: 0, listedAnswers: 0 };
  const lines: string[] = [];
  for (const r of results) {
    const by = (kind: string) => r.calls.filter((c) => c.outcome === kind).length;
    const listed = [...r.listed.values()].reduce((a, b) => a + b, 0);
    const answers = [...r.listedAnswers.values()].reduce((a, b) => a + b, 0);
    totals["operations"]! += r.operations;
    totals["calls"]! += r.calls.length;
    for (const kind of ["output", "error", "unknown-error", "wrong", "no-answer"]) totals[kind]! += by(kind);
    totals["listedRequests"]! += r.calls.filter((c) => c.listedRequest).length;
    totals["outsideSchema"]! += r.calls.filter((c) => c.outsideSchema).length;
    totals["prismProblems"]! += r.problemAnswers;
    totals["listedAnswers"]! += answers;
    const statuses = new Map<number, number>();
    for (const c of r.calls) statuses.set(c.status, (statuses.get(c.status) ?? 0) + 1);
    lines.push(
      `  ${r.label}: ${r.operations} operations, ${r.calls.length} calls: ${by("output")} outputs, ${by("error")} typed errors, ${by("unknown-error")} UnknownServiceError, ${by("wrong")} wrong, ${by("no-answer")} unanswered; ${r.ms} ms; ` +
        `statuses ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ")}; ${r.violations.length} violations, ${listed} listed` +
        (r.listed.size > 0 ? ` (${[...r.listed].map(([k, n]) => `${k} ${n}`).join(", ")})` : "") +
        (r.answersOutsideSchema.size > 0 ? `; answers Prism finds outside the schema: ${[...r.answersOutsideSchema].map(([k, n]) => `${k} ×${n}`).join(", ")}` : "") +
        (r.problemKinds.size > 0 ? `; Prism's problem answers: ${[...r.problemKinds].map(([k, n]) => `${k} ×${n}`).join(", ")}` : "") +
        (answers > 0 ? `; listed answers: ${[...r.listedAnswers].map(([k, n]) => `${k} ${n}`).join(", ")}` : ""),
    );
    for (const s of r.skipped) lines.push(`    skipped ${s.operation}: ${s.reason}`);
    for (const v of r.violations) lines.push(`    VIOLATION ${v.operation}: ${v.violation.location.join(".")} ${v.violation.code}: ${v.violation.message}`, `      request: ${JSON.stringify(v.request).slice(0, 400)}`);
    for (const m of r.mismatches) lines.push(`    MISMATCH ${m.slice(0, 600)}`);
  }
  for (const k of KNOWN_ANSWERS) if (results.some((r) => r.listedAnswers.has(k.name))) lines.push(`  listed answer ${k.name}: ${k.reason}`);
  console.log(
    [`Our OpenAPI client against Prism: ${totals["documents"]} documents, ${totals["operations"]} operations, ${totals["calls"]} calls; ${totals["output"]} outputs, ${totals["error"]} typed errors, ${totals["unknown-error"]} UnknownServiceError, ${totals["wrong"]} wrong, ${totals["no-answer"]} unanswered`, ...lines].join("\n"),
  );
  return totals;
}

describe("our generated OpenAPI clients against Prism (validating mock server)", () => {
  it(`our Cognito document, our responses fixture and ${CORPUS.length} corpus documents: every operation, ${RUNS} inputs and every declared status; no unlisted violation, every answer read as the model says`, async () => {
    const results = await runClients([repoSource(OURS), repoSource(RESPONSES), ...CORPUS.map(corpusSource)], { runs: RUNS, seed: 1 }, LISTED);
    const totals = report(results);
    for (const r of results) {
      expect(r.operations, r.label).toBeGreaterThan(0);
      expect(r.skipped, r.label).toEqual([]);
      // Every operation was answered RUNS times (Prism's default answer) and once per code its responses declare.
      const operations = new Set(r.calls.map((c) => c.operation));
      expect(operations.size, r.label).toBe(r.operations);
      expect(r.calls.filter((c) => c.asked === undefined).length, r.label).toBe(r.operations * RUNS);
      // Prism answered the status asked, unless it refused the request for a reason known.ts lists.
      expect(r.calls.filter((c) => c.asked !== undefined && c.status !== c.asked && !c.listedRequest).map((c) => `${c.operation} asked ${c.asked}, got ${c.status}`), r.label).toEqual([]);
      // Prism left a request unanswered only for a reason the lists give (it threw on its own answer).
      expect(r.calls.filter((c) => c.outcome === "no-answer" && !c.listedRequest).map((c) => c.operation), r.label).toEqual([]);
      // Prism's own problem answers only where it refused a request for a listed reason: every other answer is the document's.
      expect(r.calls.filter((c) => c.prismProblem !== undefined && !c.listedRequest).map((c) => `${c.operation}: ${c.status} ${c.prismProblem}`), r.label).toEqual([]);
    }
    expect(results.flatMap((r) => r.violations.map((f) => `${f.document} ${f.operation}: ${f.violation.location.join(".")} ${f.violation.code} ${f.violation.message}`))).toEqual([]);
    expect(results.flatMap((r) => r.mismatches)).toEqual([]);
    // Each kind of reading happened: outputs, modelled error classes, UnknownServiceError.
    expect(totals["output"]).toBeGreaterThan(0);
    expect(totals["error"]).toBeGreaterThan(0);
    expect(totals["unknown-error"]).toBeGreaterThan(0);
    // A wrong outcome only where Prism's answer is its own or outside the schema (and then still a response error), or a listed answer.
    const unexplained = results.flatMap((r) => r.calls.filter((c) => c.outcome === "wrong" && c.prismProblem === undefined && !c.outsideSchema));
    expect(unexplained.length).toBe(totals["listedAnswers"]);
  }, 600_000);

  it("the run can fail: a deserializer that drops a string's first character, requests without their credentials, 2xx answers handed over as 500s", async () => {
    const sources = [repoSource(OURS), corpusSource("twilio.com__twilio_accounts_v1.json.gz"), corpusSource("rev.ai.json.gz"), corpusSource("redhat.local__patchman-engine.json.gz")];
    // 1. A broken deserializer helper: every string read loses its first character.
    const broken = await runClients(sources, { runs: 1, seed: 2, mutate: (file, text) => (file === "read.ts" ? text.replace('if (typeof value === "string") return value;', 'if (typeof value === "string") return value.slice(1);') : text) }, LISTED);
    for (const r of broken) {
      expect(r.mismatches.length, r.label).toBeGreaterThan(0);
      expect(r.mismatches.filter((m) => !/the string differs|the enum differs|not the header's/.test(m)), r.label).toEqual([]);
    }
    // 2. Credentials taken off each request, and 2xx answers given to the client as 500s.
    const uncredited = (request: SentRequest): SentRequest => ({
      ...request,
      headers: Object.fromEntries(Object.entries(request.headers).filter(([k]) => !/^(authorization|x-rh-identity)$/i.test(k))),
    });
    const asServerError = (answer: RawAnswer): RawAnswer => (answer.status >= 200 && answer.status < 300 ? { ...answer, status: 500 } : answer);
    const tampered = await runClients(sources, { runs: 1, seed: 2, tamperRequest: uncredited, tamperAnswer: asServerError }, LISTED);
    const security = tampered.map((r) => [r.label, [...new Set(r.violations.map((f) => `${f.violation.location.join(".")} ${f.violation.code}`))].sort()]);
    expect(security).toMatchInlineSnapshot(`
      [
        [
          "cognito-identity-provider.openapi",
          [],
        ],
        [
          "twilio.com__twilio_accounts_v1",
          [
            "security UNAUTHORIZED",
          ],
        ],
        [
          "rev.ai",
          [
            " 401",
          ],
        ],
        [
          "redhat.local__patchman-engine",
          [
            "security UNAUTHORIZED",
          ],
        ],
      ]
    `);
    // Every call of a secured operation was refused (Cognito's document has no security).
    for (const r of tampered.slice(1)) expect(new Set(r.violations.map((f) => f.operation)).size, r.label).toBe(r.operations);
    for (const r of tampered) {
      const twoHundreds = r.calls.filter((c) => c.status >= 200 && c.status < 300).length;
      expect(r.mismatches.filter((m) => /a 2xx answer threw/.test(m)).length, r.label).toBe(twoHundreds);
    }
  }, 600_000);
});
