// Runs the swagger-client oracle over one corpus document in a process of its own (the largest
// documents, Microsoft Graph's, need a heap of their own and must not keep the sweep's) and
// prints its result as one JSON line; `WIRE_DOCUMENTS=all npm run test:openapi-wire` runs it once
// per document (test/sweeps/openapi-wire.test.ts). A document the front end rejects prints
// outcome "rejected" with the first error; a crash prints nothing and exits non-zero.
//
//   node --import tsx test/openapi-wire/run-one.ts xkcd.com.json.gz 2 1
//   → {"outcome":"ran","result":{"file":"xkcd.com.json.gz","operations":2,"inputs":4,"identical":4,
//      "explained":[],"unexplained":[],"skipped":[]},"ms":2310,"cpuMs":3900,"peakRssMb":260}

import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { load } from "../openapi/helpers.js";
import { corpusFile } from "../helpers/paths.js";
import { FrontEndRejection, runDocument, type RunOneOutput } from "./oracle.js";

async function main(file: string, runs: number, seed: number): Promise<RunOneOutput> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const result = await runDocument(file, { runs, seed, cleanUp: true }).catch((error: unknown) => {
    if (!(error instanceof FrontEndRejection)) throw error;
    return undefined;
  });
  if (result === undefined) {
    const text = gunzipSync(readFileSync(corpusFile(`openapi/${file}`))).toString("utf8");
    const first = load([{ path: file.replace(/\.gz$/, ""), text }], "api").diagnostics.find((d) => d.severity === "error");
    return { outcome: "rejected", file, error: first ? `${first.code} ${first.pointer ?? ""}: ${first.message}` : "no model", ms: ms() };
  }
  const usage = process.resourceUsage();
  return {
    outcome: "ran",
    result: { ...result, explained: [...result.explained] },
    ms: ms(),
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    peakRssMb: Math.round(usage.maxRSS / 1024),
  };
}

const [file, runs = "1", seed = "1"] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write("usage: run-one.ts <document.json.gz> [runs] [seed]\n");
  process.exitCode = 2;
} else {
  const output = await main(file, Number(runs), Number(seed));
  process.stdout.write("\n" + JSON.stringify(output) + "\n");
}
