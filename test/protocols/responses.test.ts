// Smithy's protocol compliance tests, client response side: every `smithy.test#httpResponseTests`
// case of ../shared/corpus/smithy/protocol-tests/ (appliesTo absent or "client") is read back by
// the deserializers Shapesmith generates and compared with the case's params by the smithy.test
// rules (response-runner.ts, outputs.ts, compare-output.ts).
//
//   protocol tests (response): awsJson1_1 60 passed, 2 failed, 0 skipped
//     failed  AwsJson11FooErrorUsingCode: expected FooError to be thrown, got UnknownServiceError (…)
//
// Known failures and skips live in test/protocols/<protocol>/expected-response-failures.ts with a
// reason; an unlisted failure fails the test, and so does a listed case that passes.
// `UPDATE_EXPECTED_FAILURES=1 npx vitest run test/protocols` rewrites them (then edit the
// reasons). Then every passing case is checked again against each wrong expectation
// mutate-response.ts can make of it: all must fail.

import { describe, expect, test } from "vitest";
import { checkOutcomes, renderExpected, writeExpected, type ExpectedOutcomes } from "./expected.js";
import { mutateExpectation, responseMutations, type ResponseMutation } from "./mutate-response.js";
import { runResponseProtocol, type ResponseResult } from "./response-runner.js";
import { PROTOCOLS, type ProtocolName } from "./runner.js";
import { expected as awsJson1_0 } from "./awsJson1_0/expected-response-failures.js";
import { expected as awsJson1_1 } from "./awsJson1_1/expected-response-failures.js";
import { expected as awsQuery } from "./awsQuery/expected-response-failures.js";
import { expected as ec2Query } from "./ec2Query/expected-response-failures.js";
import { expected as restJson1 } from "./restJson1/expected-response-failures.js";
import { expected as restXml } from "./restXml/expected-response-failures.js";
import { expected as rpcv2Cbor } from "./rpcv2Cbor/expected-response-failures.js";
import { expected as rpcv2Json } from "./rpcv2Json/expected-response-failures.js";

const EXPECTED: Readonly<Record<ProtocolName, ExpectedOutcomes>> = {
  awsJson1_0, awsJson1_1, restJson1, restXml, awsQuery, ec2Query, rpcv2Cbor, rpcv2Json,
};
const UPDATE = process.env["UPDATE_EXPECTED_FAILURES"] === "1";

// Each protocol's folders run once, on first use, so `-t restXml` generates only restXml's.
const runs = new Map<ProtocolName, Promise<ResponseResult[]>>();
function resultsOf(protocol: ProtocolName): Promise<ResponseResult[]> {
  let run = runs.get(protocol);
  if (!run) {
    run = runResponseProtocol(protocol, { skip: (p, id) => EXPECTED[p].skipped[id] });
    runs.set(protocol, run);
  }
  return run;
}

function report(protocol: ProtocolName, mine: readonly ResponseResult[]): string {
  const count = (o: ResponseResult["outcome"]) => mine.filter((r) => r.outcome === o).length;
  const lines = [`protocol tests (response): ${protocol} ${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped`];
  for (const r of mine) {
    if (r.outcome === "passed") continue;
    const why = r.problems.join("; ");
    lines.push(`  ${r.outcome === "failed" ? "failed " : "skipped"} ${r.id}: ${why.length > 300 ? `${why.slice(0, 300)}…` : why}`);
  }
  return lines.join("\n");
}

describe("protocol compliance, client response cases", () => {
  for (const protocol of PROTOCOLS) {
    test(protocol, async () => {
      const mine = await resultsOf(protocol);
      console.log(report(protocol, mine));
      expect(mine.length, `no response case of ${protocol} was found`).toBeGreaterThan(0);
      const seen = new Set<string>();
      const duplicates = mine.filter((r) => (seen.has(r.id) ? true : (seen.add(r.id), false))).map((r) => `${r.id} (${r.operation ?? r.error})`);
      expect(duplicates, "case ids must be unique within a protocol: they key expected-response-failures.ts").toEqual([]);
      if (UPDATE) {
        writeExpected(protocol, renderExpected(protocol, EXPECTED[protocol], mine, "response"), "response");
        console.log(`rewrote test/protocols/${protocol}/expected-response-failures.ts`);
        return;
      }
      expect(checkOutcomes(EXPECTED[protocol], mine, "response")).toEqual([]);
    });
  }

  test("every passing case fails once its expectation is mutated", async () => {
    const results = (await Promise.all(PROTOCOLS.map(resultsOf))).flat();
    const passed = results.filter((r) => r.outcome === "passed");
    console.log(`protocol tests (response): ${passed.length} of ${results.length} client response cases pass`);
    const tried = new Map<ResponseMutation, number>();
    const survivors: string[] = [];
    for (const r of passed) {
      const ran = r.ran!;
      for (const kind of responseMutations(ran.expectation)) {
        tried.set(kind, (tried.get(kind) ?? 0) + 1);
        if (ran.check(mutateExpectation(ran.expectation, kind)).length === 0) survivors.push(`${r.protocol} ${r.id}: a wrong ${kind} still matches`);
      }
    }
    console.log(`mutations (response): ${passed.length} passing cases, ${[...tried].map(([k, n]) => `${n} ${k}`).join(", ") || "none"}; ${survivors.length} not caught`);
    expect(survivors).toEqual([]);
  });
});
