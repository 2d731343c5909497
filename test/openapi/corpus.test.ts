// The OpenAPI corpus (../shared/corpus/openapi, 111 real APIs): each document either generates
// code that type-checks under the strict options (with exactly the ignored keywords of
// IGNORED_KEYWORDS), or is rejected with a diagnostic that names the JSON pointer of a real
// defect (REJECTED_DOCUMENTS: none now). `npm test` sweeps a sample in-process; the whole corpus runs
// with `npm run test:openapi-corpus` (OPENAPI_CORPUS=all): one child process per document (the
// large ones need a heap of their own), at most two at a time (OPENAPI_SWEEP_JOBS=1 for one),
// the largest documents first so that the long ones do not start last, and never two of the
// heavy ones (Microsoft Graph and Graph beta, about 20 and 47 MB) at once: their type-checks
// hold several GB each. A document gets OPENAPI_SWEEP_TIMEOUT_MINUTES (default 240) of wall time:
// Graph beta took more than 90 minutes of wall time (10 of CPU) on two cores shared by eight
// people; past it, a document counts as crashed ("TIMEOUT").

import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";
import { OPENAPI_CORPUS } from "./helpers.js";
import { corpusDocuments, sweepDocument, type SweepResult } from "./corpus.js";
import { IGNORED_KEYWORDS, REJECTED_DOCUMENTS } from "./corpus-rejected.js";
import { largestFirst } from "../helpers/largest-first.js";

/** Documents we reject, and the defect that justifies it (shared with the swagger-client oracle's sweep). */
const REJECTED = REJECTED_DOCUMENTS;

const SAMPLE = ["xkcd.com.json.gz", "wolframalpha.com.json.gz", "nytimes.com__top_stories.json.gz", "twilio.com__twilio_accounts_v1.json.gz", "api.video.json.gz", "codat.io__accounting.json.gz"];

function check(results: readonly SweepResult[]): void {
  for (const r of results) {
    const expected = REJECTED[r.file];
    if (r.outcome === "generated") {
      const ignored = (IGNORED_KEYWORDS[r.file] ?? []).map(({ code, pointer }) => ({ code, pointer }));
      expect({ file: r.file, typeErrors: r.typeErrors, unstableLayout: r.unstableLayout, ignored: r.ignored }).toEqual({ file: r.file, typeErrors: [], unstableLayout: [], ignored });
      expect(expected, `${r.file} was expected to be rejected`).toBeUndefined();
    } else {
      expect({ file: r.file, outcome: r.outcome, first: r.errors.map((e) => ({ code: e.code, pointer: e.pointer }))[0] }).toEqual({
        file: r.file,
        outcome: "rejected",
        first: expected ? { code: expected.code, pointer: expected.pointer } : "no rejection expected",
      });
    }
  }
}

function summary(results: readonly SweepResult[]): string {
  const count = (o: SweepResult["outcome"]) => results.filter((r) => r.outcome === o).length;
  return `openapi corpus: ${count("generated")} generated, ${count("rejected")} rejected, ${count("crashed")} crashed`;
}

describe("OpenAPI corpus", () => {
  it("a sample: small documents generate and type-check, the defective ones with their ignored keywords", async () => {
    const results: SweepResult[] = [];
    for (const file of SAMPLE) results.push(await sweepDocument(file));
    process.stdout.write(`${summary(results)} (sample of ${SAMPLE.length}; the whole corpus: npm run test:openapi-corpus)\n`);
    check(results);
  });

  // Skipped in `npm test` (tens of minutes: Graph beta alone takes several minutes of CPU and
  // about 10 GB); run it with `npm run test:openapi-corpus`.
  // OPENAPI_CORPUS=a.json.gz,b.json.gz sweeps only those documents the same way.
  const wanted = process.env["OPENAPI_CORPUS"];
  it.runIf(wanted !== undefined && wanted !== "")(wanted === "all" ? "every document" : `the documents ${wanted}`, async () => {
    const all = corpusDocuments();
    const files = wanted === "all" ? all : (wanted ?? "").split(",");
    expect(files.filter((file) => !all.includes(file)), "documents not in the corpus").toEqual([]);
    const started = performance.now();
    const results = await sweepAll(files);
    process.stdout.write(`${summary(results)} of ${results.length} documents in ${((performance.now() - started) / 60_000).toFixed(1)} min\n`);
    expect(results.filter((r) => r.outcome === "crashed").map((r) => r.file)).toEqual([]);
    if (wanted === "all") expect(results.filter((r) => r.outcome === "generated").length).toBe(all.length - Object.keys(REJECTED).length);
    check(results);
  }, 6 * 3_600_000);
});

/** Compressed size above which a document is heavy: at most one heavy document runs at a time. */
const HEAVY_BYTES = 1_000_000;
const JOBS = Math.max(1, Math.min(2, Number(process.env["OPENAPI_SWEEP_JOBS"] ?? 2)));
const TIMEOUT_MS = Number(process.env["OPENAPI_SWEEP_TIMEOUT_MINUTES"] ?? 240) * 60_000;

/** Sweeps every document in a child process each, JOBS at a time; results in file order. */
async function sweepAll(files: readonly string[]): Promise<SweepResult[]> {
  return largestFirst(files, {
    jobs: JOBS,
    size: (file) => statSync(join(OPENAPI_CORPUS, file)).size,
    heavyBytes: HEAVY_BYTES,
    run: sweepInChild,
    done: (file, result) => {
      const phases = result.generateMs !== undefined ? `: generate ${(result.generateMs / 1000).toFixed(1)} s${result.typecheckMs !== undefined ? `, type-check ${(result.typecheckMs / 1000).toFixed(1)} s of ${((result.outputBytes ?? 0) / 1e6).toFixed(1)} MB` : ""}` : "";
      const usage = result.cpuMs !== undefined ? `; CPU ${(result.cpuMs / 1000).toFixed(1)} s, peak RSS ${result.peakRssMb} MB` : "";
      process.stdout.write(`${file}: ${result.outcome}${result.typeErrors.length > 0 ? `, ${result.typeErrors.length} type errors` : ""} (${(result.ms / 1000).toFixed(1)} s${phases}${usage})${result.outcome !== "generated" ? " " + JSON.stringify(result.errors[0]).slice(0, 300) : ""}${result.typeErrors.map((e) => `\n  ${e}`).join("")}\n`);
    },
  });
}

/** One document in a process of its own (test/openapi/sweep-one.ts), killed past TIMEOUT_MS. */
function sweepInChild(file: string): Promise<SweepResult> {
  const started = performance.now();
  // 14 GB of heap: tsc held 4.1 GB for Graph's 125 MB of output; Graph beta's 260 MB needs about
  // twice that, more than the 8 GB the sweep gave before.
  const child = spawn(process.execPath, ["--max-old-space-size=14336", "--import", "tsx", "test/openapi/sweep-one.ts", file], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, TIMEOUT_MS);
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split("\n").pop() ?? "";
      const ms = performance.now() - started;
      if (timedOut) resolve({ file, outcome: "crashed", errors: [{ code: "TIMEOUT", message: `still running after ${TIMEOUT_MS / 60_000} min (OPENAPI_SWEEP_TIMEOUT_MINUTES)` }], typeErrors: [], ms });
      else if (line.startsWith("{")) resolve(JSON.parse(line) as SweepResult);
      else resolve({ file, outcome: "crashed", errors: [{ code: "CRASH", message: (stderr || `exit ${code ?? signal}`).slice(-2000) }], typeErrors: [], ms });
    });
  });
}
