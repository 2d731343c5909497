// Smithy's protocol compliance tests, client request side: every `smithy.test#httpRequestTests`
// case of ../shared/corpus/smithy/protocol-tests/ (appliesTo absent or "client") is serialized by
// the code Shapesmith generates and compared by the smithy.test rules (runner.ts, compare.ts).
//
//   protocol tests (request): awsJson1_0 18 passed, 11 failed, 0 skipped
//     failed  SDKAppliedContentEncoding_awsJson1_0: header Content-Encoding: expected "gzip", got none
//
// Known failures and skips live in test/protocols/<protocol>/expected-failures.ts with a reason;
// an unlisted failure fails the test, and so does a listed case that passes. Then every passing
// case is checked again against each wrong expectation mutate.ts can make of it: all must fail.
// `npx vitest run test/protocols -t restXml` generates and runs restXml's folders only.

import { describe, expect, test } from "vitest";
import { compareRequest } from "./compare.js";
import { checkOutcomes, renderExpected, writeExpected, type ExpectedOutcomes } from "./expected.js";
import { applicableMutations, mutateAs, type MutationKind } from "./mutate.js";
import { PROTOCOLS, runProtocol, type CaseResult, type ProtocolName } from "./runner.js";
import { expected as awsJson1_0 } from "./awsJson1_0/expected-failures.js";
import { expected as awsJson1_1 } from "./awsJson1_1/expected-failures.js";
import { expected as awsQuery } from "./awsQuery/expected-failures.js";
import { expected as ec2Query } from "./ec2Query/expected-failures.js";
import { expected as restJson1 } from "./restJson1/expected-failures.js";
import { expected as restXml } from "./restXml/expected-failures.js";
import { expected as rpcv2Cbor } from "./rpcv2Cbor/expected-failures.js";
import { expected as rpcv2Json } from "./rpcv2Json/expected-failures.js";

const EXPECTED: Readonly<Record<ProtocolName, ExpectedOutcomes>> = {
  awsJson1_0, awsJson1_1, restJson1, restXml, awsQuery, ec2Query, rpcv2Cbor, rpcv2Json,
};
const UPDATE = process.env["UPDATE_EXPECTED_FAILURES"] === "1";

// Each protocol's folders run once, on first use, so `-t restXml` generates only restXml's.
const runs = new Map<ProtocolName, Promise<CaseResult[]>>();
function resultsOf(protocol: ProtocolName): Promise<CaseResult[]> {
  let run = runs.get(protocol);
  if (!run) {
    run = runProtocol(protocol, { skip: (p, id) => EXPECTED[p].skipped[id] });
    runs.set(protocol, run);
  }
  return run;
}

function report(protocol: ProtocolName, mine: readonly CaseResult[]): string {
  const count = (o: CaseResult["outcome"]) => mine.filter((r) => r.outcome === o).length;
  const lines = [`protocol tests (request): ${protocol} ${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped`];
  for (const r of mine) {
    if (r.outcome === "passed") continue;
    const why = r.problems.join("; ");
    lines.push(`  ${r.outcome === "failed" ? "failed " : "skipped"} ${r.id}: ${why.length > 300 ? `${why.slice(0, 300)}…` : why}`);
  }
  return lines.join("\n");
}

describe("protocol compliance, client request cases", () => {
  for (const protocol of PROTOCOLS) {
    test(protocol, async () => {
      const mine = await resultsOf(protocol);
      console.log(report(protocol, mine));
      expect(mine.length, `no request case of ${protocol} was found`).toBeGreaterThan(0);
      const seen = new Set<string>();
      const duplicates = mine.filter((r) => (seen.has(r.id) ? true : (seen.add(r.id), false))).map((r) => `${r.id} (${r.operation})`);
      expect(duplicates, "case ids must be unique within a protocol: they key expected-failures.ts").toEqual([]);
      if (UPDATE) {
        writeExpected(protocol, renderExpected(protocol, EXPECTED[protocol], mine));
        console.log(`rewrote test/protocols/${protocol}/expected-failures.ts`);
        return;
      }
      expect(checkOutcomes(EXPECTED[protocol], mine)).toEqual([]);
    });
  }

  test("every passing case fails once its expectation is mutated", async () => {
    const results = (await Promise.all(PROTOCOLS.map(resultsOf))).flat();
    console.log(
      `protocol tests (request): ${results.filter((r) => r.outcome === "passed").length} of ${results.length} client request cases pass. ` +
        "Content-Length counts as present exactly when the body is not empty: the transport sets it, not the serializer.",
    );
    const passed = results.filter((r) => r.outcome === "passed");
    const tried = new Map<MutationKind, number>();
    const survivors: string[] = [];
    for (const r of passed) {
      for (const kind of applicableMutations(r.case)) {
        tried.set(kind, (tried.get(kind) ?? 0) + 1);
        if (compareRequest(mutateAs(r.case, kind), r.request!).length === 0) survivors.push(`${r.protocol} ${r.id}: a wrong ${kind} still matches`);
      }
    }
    console.log(`mutations: ${passed.length} passing cases, ${[...tried].map(([k, n]) => `${n} ${k}`).join(", ")}; ${survivors.length} not caught`);
    expect(survivors).toEqual([]);
  });
});
