// swagger-client as the oracle over corpus documents (npm run test:openapi-wire): every
// operation, ORACLE_RUNS random valid inputs each (fixed seed), through our serializer and
// through swagger-client's buildRequest. Prints per document the inputs, the identical ones, the
// differences explained by test/openapi-wire/known.ts (with their reasons) and every unexplained
// one; fails when more than 1% of the inputs differ unexplained.
//
// Two modes:
// - default: the 23 documents of test/openapi-wire/documents.ts, chosen for their hard cases,
//   in this process, ORACLE_RUNS (default 3) inputs per operation;
// - WIRE_DOCUMENTS=all: EVERY corpus document, unselected, each in a child process of its own
//   (test/openapi-wire/run-one.ts; Microsoft Graph's need a heap of their own), ORACLE_RUNS
//   (default 1) inputs per operation, at most WIRE_JOBS (default 1, at most 2) at a time, the
//   largest first and never two heavy ones (Microsoft Graph's) together. Documents our
//   front end rejects are counted and must be exactly the ones test/openapi/corpus.test.ts
//   lists; a crash of a child fails the run. WIRE_DOCUMENTS=a.json.gz,b.json.gz runs those the
//   same way.

import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deserializeResult, runDocument, type DocumentResult, type RunOneOutput } from "../openapi-wire/oracle.js";
import { KNOWN } from "../openapi-wire/known.js";
import { WIRE_DOCUMENTS } from "../openapi-wire/documents.js";
import { report } from "../openapi-wire/report.js";
import { corpusDocuments } from "../openapi/corpus.js";
import { REJECTED_DOCUMENTS } from "../openapi/corpus-rejected.js";
import { ROOT } from "../helpers/paths.js";
import { OPENAPI_CORPUS } from "../openapi/helpers.js";
import { largestFirst } from "../helpers/largest-first.js";

const wanted = process.env["WIRE_DOCUMENTS"];
const sweep = wanted !== undefined && wanted !== "";
const RUNS = Number(process.env["ORACLE_RUNS"] ?? (sweep ? 1 : 3));
const JOBS = Math.max(1, Math.min(2, Number(process.env["WIRE_JOBS"] ?? 1)));

describe("swagger-client agrees with our OpenAPI serializers", () => {
  it.runIf(!sweep)(`${WIRE_DOCUMENTS.length} documents, ${RUNS} inputs per operation`, async () => {
    const results: DocumentResult[] = [];
    for (const file of WIRE_DOCUMENTS) results.push(await runDocument(file, { runs: RUNS, seed: 1 }));
    const { inputs, unexplained } = report(results, KNOWN);
    expect(inputs).toBeGreaterThan(0);
    expect(unexplained / inputs, "unexplained differences over inputs").toBeLessThanOrEqual(0.01);
  });

  it.runIf(sweep)(`${wanted === "all" ? "every corpus document" : `the documents ${wanted}`}, ${RUNS} inputs per operation, one process each`, async () => {
    const all = corpusDocuments();
    const files = wanted === "all" ? all : (wanted ?? "").split(",");
    expect(files.filter((file) => !all.includes(file)), "documents not in the corpus").toEqual([]);
    const started = performance.now();
    const outputs = await runAll(files);
    const minutes = ((performance.now() - started) / 60_000).toFixed(1);
    const ran = outputs.filter((o): o is Extract<RunOneOutput, { outcome: "ran" }> => o.outcome === "ran");
    const rejected = outputs.filter((o): o is Extract<RunOneOutput, { outcome: "rejected" }> => o.outcome === "rejected");
    const crashed = outputs.filter((o): o is Extract<Output, { outcome: "crashed" }> => o.outcome === "crashed");
    const { inputs, unexplained } = report(
      ran.map((o) => deserializeResult(o.result)),
      KNOWN,
    );
    const cpu = ran.reduce((n, o) => n + o.cpuMs, 0) / 60_000;
    process.stdout.write(
      `swagger-client oracle sweep: ${files.length} documents in ${minutes} min (children's CPU ${cpu.toFixed(1)} min), ${ran.length} run, ${rejected.length} rejected by our front end, ${crashed.length} crashed` +
        `${rejected.map((r) => `\n  rejected ${r.file}: ${r.error.slice(0, 200)}`).join("")}\n`,
    );
    expect(crashed.map((c) => c.file)).toEqual([]);
    expect(rejected.map((r) => r.file).sort()).toEqual(files.filter((f) => f in REJECTED_DOCUMENTS).sort());
    expect(inputs).toBeGreaterThan(0);
    expect(unexplained / inputs, "unexplained differences over inputs").toBeLessThanOrEqual(0.01);
  }, 6 * 3_600_000);
});

/** Compressed size from which a document is heavy (Microsoft Graph's: 1.7 GB and more of heap): one at a time. */
const HEAVY_BYTES = 1_000_000;

type Output = RunOneOutput | { readonly outcome: "crashed"; readonly file: string; readonly error: string };

/** Runs every document in a child process each, JOBS at a time, the largest first; outputs in file order. */
async function runAll(files: readonly string[]): Promise<Output[]> {
  return largestFirst(files, {
    jobs: JOBS,
    size: (file) => statSync(join(OPENAPI_CORPUS, file)).size,
    heavyBytes: HEAVY_BYTES,
    run: runInChild,
    done: (file, output) => {
      process.stdout.write(
        output.outcome === "ran"
          ? `${file}: ${output.result.operations} operations, ${output.result.inputs} inputs, ${output.result.identical} identical, ${output.result.unexplained.length} unexplained (${(output.ms / 1000).toFixed(1)} s, CPU ${(output.cpuMs / 1000).toFixed(1)} s, peak RSS ${output.peakRssMb} MB)\n`
          : `${file}: ${output.outcome === "rejected" ? "rejected by our front end" : "CRASHED"} (${output.error.slice(0, output.outcome === "rejected" ? 160 : 4000)})\n`,
      );
    },
  });
}

function runInChild(file: string): Promise<Output> {
  const child = spawn(process.execPath, ["--max-old-space-size=12288", "--import", "tsx", "test/openapi-wire/run-one.ts", file, String(RUNS), "1"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as RunOneOutput);
      else resolve({ outcome: "crashed", file, error: `exit ${code ?? signal}: ${stderr}` });
    });
  });
}
