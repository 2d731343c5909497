// `npm run fuzz:responses`: the long response fuzz run (issue 8 part 3). 100,000 inputs
// (FUZZ_INPUTS) from FUZZ_SEED, arbitrary bytes and mutated valid responses, spread over every
// protocol's generated deserializers of the protocol test services (test/protocols/fuzz-responses.ts);
// each call bounded by FUZZ_HANG_MS (default 10,000 ms) in a worker thread.
//
//   FUZZ_INPUTS=100000 FUZZ_SEED=1 npm run fuzz:responses
//   → fuzz (responses): 100000 inputs, 0 uncaught, 0 hangs, seed 1
//       awsJson1_0: 12500 inputs over 23 deserializers, 1630 returned, 10870 ResponseErrors
//       ...
//
// Exit 1 when any input throws something other than a ResponseError, hangs, or returns a value
// not of its output type (each is printed with its response and how to draw it again), or when a
// protocol has no deserializer to fuzz.

import { fuzzResponses, loadFuzzTargets, reportLines } from "../protocols/fuzz-responses.js";

const SEED = Number(process.env["FUZZ_SEED"] ?? 1);
const INPUTS = Number(process.env["FUZZ_INPUTS"] ?? 100_000);
const HANG_MS = Number(process.env["FUZZ_HANG_MS"] ?? 10_000);

const setup = await loadFuzzTargets();
if (setup.targets.length === 0) {
  process.stdout.write(`fuzz (responses): no deserializer to fuzz (${[...setup.notFuzzed].map(([p, why]) => `${p}: ${why}`).join("; ")})\n`);
  process.exit(1);
}
const report = await fuzzResponses(setup, {
  seed: SEED,
  inputs: INPUTS,
  hangMs: HANG_MS,
  progress: (done) => {
    if (done % 10_000 === 0) process.stderr.write(`  ${done} inputs\n`);
  },
});
process.stdout.write(reportLines(setup, report).join("\n") + "\n");
process.exit(report.uncaught.length + report.hangs.length + report.illTyped.length > 0 || setup.notFuzzed.size > 0 ? 1 : 0);
