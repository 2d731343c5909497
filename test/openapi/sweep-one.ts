// Sweeps one corpus document in a process of its own (the large ones need their own heap) and
// prints the result as one JSON line; the full corpus test runs it once per document.
//
//   node --max-old-space-size=14336 --import tsx test/openapi/sweep-one.ts xkcd.com.json.gz
//   → {"file":"xkcd.com.json.gz","outcome":"generated","errors":[],"typeErrors":[],"ms":812,"generateMs":180,"typecheckMs":632,"outputBytes":69349,"cpuMs":2410,"peakRssMb":223}

import { sweepDocument } from "./corpus.js";

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write("usage: sweep-one.ts <document.json.gz>\n");
  process.exitCode = 2;
} else {
  const result = await sweepDocument(file);
  const usage = process.resourceUsage();
  // The process's CPU time and peak resident memory, for the sweep's report (wall time alone says little on a shared machine).
  process.stdout.write(JSON.stringify({ ...result, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000), peakRssMb: Math.round(usage.maxRSS / 1024) }) + "\n");
}
