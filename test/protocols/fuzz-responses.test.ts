// The response fuzzer, bounded (issue 8 part 3): 3,000 inputs (fixed seed) spread over every
// protocol's generated deserializers of the protocol test services; none may throw anything but a
// ResponseError, none may hang. `npm run fuzz:responses` runs 100,000.
//
//   fuzz (responses): 3000 inputs, 0 uncaught, 0 hangs, seed 1
//
// A returned value must be of its output type. First the fuzzer shows it can fail: on three
// hand-written deserializers, one that lets JSON.parse's SyntaxError out, one that loops on a 504
// and one that returns a number for a string member, it must report each.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { TMP } from "../helpers/paths.js";
import { fuzzResponses, loadFuzzTargets, reportLines, type FuzzSetup } from "./fuzz-responses.js";

const INPUTS = 3000;
const SEED = 1;

describe("response fuzzing", () => {
  test("finds an uncaught error and a hang in deserializers that have them", async () => {
    const dir = join(TMP, "protocol-tests-fuzz", "selftest");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "runtime.js"), "export class ResponseError extends Error {}\n");
    writeFileSync(
      join(dir, "deserializers.js"),
      `import { ResponseError } from "./runtime.js";
export function deserializeParseResponse(r) {
  return JSON.parse(typeof r.body === "string" ? r.body : new TextDecoder().decode(r.body));
}
export function deserializeLoopResponse(r) {
  if (r.status === 504) for (;;) {}
  throw new ResponseError("not read");
}
export function deserializeTypedResponse(r) {
  return { a: r.status };
}
`,
    );
    const seed = { caseId: "s", status: 200, headers: { "Content-Type": "application/json" }, body: new TextEncoder().encode('{"a":[1,2]}'), media: "json" as const };
    const target = (fn: string) => ({ protocol: "awsJson1_0" as const, name: `selftest/${fn}`, module: join(dir, "deserializers.js"), runtime: join(dir, "runtime.js"), fn, shapes: 0, output: "t#Out", own: [seed] });
    const setup: FuzzSetup = {
      targets: [target("deserializeParseResponse"), target("deserializeLoopResponse"), target("deserializeTypedResponse")],
      shapes: [{ "t#Out": { t: "structure", ms: { a: "smithy.api#String" } }, "smithy.api#String": { t: "string" } }],
      seeds: new Map([["awsJson1_0", [seed]]]),
      notFuzzed: new Map(),
    };
    const report = await fuzzResponses(setup, { seed: SEED, inputs: 300, hangMs: 300 });
    console.log(reportLines(setup, report).slice(0, 4).join("\n"));
    expect(report.uncaught.some((f) => f.target.includes("deserializeParseResponse") && f.detail.startsWith("SyntaxError"))).toBe(true);
    expect(report.illTyped.some((f) => f.target.includes("deserializeTypedResponse") && /^returned a value not of its type: output\.a: expected a string, got \d+$/.test(f.detail))).toBe(true);
    expect(report.hangs.length).toBeGreaterThan(0);
    expect(report.hangs.every((f) => f.target.includes("deserializeLoopResponse") && f.response.startsWith("status 504"))).toBe(true);
    // Every input counted once, and the loop's worker was replaced each time (the run went on).
    const tally = report.byProtocol.get("awsJson1_0")!;
    expect(tally.inputs).toBe(300);
    expect(tally.returned + tally.responseErrors + report.uncaught.length + report.hangs.length).toBe(300); // ill-typed ones returned
  });

  test(`${INPUTS} inputs over every protocol's deserializers: only ResponseErrors, no hangs, outputs of their type`, async (ctx) => {
    const setup = await loadFuzzTargets();
    if (setup.targets.length === 0) {
      ctx.skip(`no protocol has deserializers yet (${[...setup.notFuzzed].map(([p, why]) => `${p}: ${why}`).join("; ")})`);
      return;
    }
    // A generous bound: a call takes well under a millisecond; 10 s only fires on a real hang on a loaded machine.
    const report = await fuzzResponses(setup, { seed: SEED, inputs: INPUTS, hangMs: 10_000 });
    console.log(reportLines(setup, report).join("\n"));
    expect(report.inputs).toBe(INPUTS);
    expect([...report.uncaught, ...report.hangs, ...report.illTyped].map((f) => `${f.target} [${f.kind}]: ${f.detail} — ${f.response}`)).toEqual([]);
  });
});
