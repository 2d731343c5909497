// The AWS SDK for JavaScript v3 as a second oracle (issue 7, part 4): for one service of each
// protocol family of the AWS corpus (services.ts), random valid inputs (fast-check, fixed seed)
// go through our generated serializer and through the SDK's client with a capturing request
// handler; method, host, path, query, headers (but signing, user agent, retry bookkeeping and
// Content-Length) and body must be the same, or the difference must be a listed one (with its
// reason, counted). Prints, per service:
//
//   sdk oracle: dynamodb (awsJson1_0) vs @aws-sdk/client-dynamodb@3.1169.0: 100 inputs over 8 operations:
//     100 equal on the wire, 0 equal once listed differences are accounted for, 0 unexplained
//
// SDK_ORACLE_RUNS=1000 runs more inputs per service (default 100); SDK_ORACLE_SEED another seed.
// Each service's run also proves the comparison can fail: every part of a request that went on
// the wire the same is changed once, and the change must be reported.

import { describe, expect, it } from "vitest";
import { runOracle, showInput, type OracleResult } from "./oracle.js";
import { SERVICES } from "./services.js";
import { compareWire, type OurRequest, type Part } from "./wire.js";

const RUNS = Number(process.env["SDK_ORACLE_RUNS"] ?? 100);
const SEED = Number(process.env["SDK_ORACLE_SEED"] ?? 20261130);

function report(r: OracleResult, reasons: ReadonlyMap<string, string>): string {
  const lines = [
    `sdk oracle: ${r.service} (${r.protocol}) vs ${r.sdk}: ${r.inputs} inputs over ${r.operations} operations: ` +
      `${r.equal} equal on the wire, ${r.listedOnly} equal once listed differences are accounted for, ${r.unexplained.length} unexplained`,
  ];
  for (const [id, count] of r.listed) lines.push(`  listed ${id}: ${count}${count > 0 ? ` — ${reasons.get(id)}` : " (not met in this run)"}`);
  lines.push(`  model drift (members of the corpus model the SDK's model lacks, not generated): ${r.drift.length === 0 ? "none" : r.drift.join("; ")}`);
  for (const u of r.unexplained.slice(0, 10)) lines.push(`  UNEXPLAINED ${u.operation} ${showInput(u.input)}\n    ${u.differences.map((d) => d.message).join("\n    ")}`);
  return lines.join("\n");
}

/** Each part of a request changed once: the change, and the part the comparison must name. */
function mutations(ours: OurRequest): { part: Part; request: OurRequest }[] {
  const out: { part: Part; request: OurRequest }[] = [
    { part: "method", request: { ...ours, method: ours.method === "PUT" ? "POST" : "PUT" } },
    { part: "host", request: { ...ours, hostPrefix: `oracle.${ours.hostPrefix ?? ""}` } },
    { part: "path", request: { ...ours, path: `${ours.path}x` } },
    { part: "query", request: { ...ours, query: [...ours.query, "oracle=1"] } },
    { part: "header", request: { ...ours, headers: { ...ours.headers, "X-Oracle": "1" } } },
  ];
  // The same decoded pair, escaped differently: an unreserved character percent-encoded.
  const i = ours.query.findIndex((q) => /=.*[A-Za-z0-9]/.test(q));
  if (i >= 0) {
    const q = ours.query[i]!;
    const eq = q.indexOf("=");
    const value = q.slice(eq + 1).replace(/[A-Za-z0-9]/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    out.push({ part: "query-encoding", request: { ...ours, query: ours.query.map((x, j) => (j === i ? `${q.slice(0, eq + 1)}${value}` : x)) } });
  }
  const [firstHeader] = Object.keys(ours.headers);
  if (firstHeader) out.push({ part: "header", request: { ...ours, headers: { ...ours.headers, [firstHeader]: `${ours.headers[firstHeader]}x` } } });
  out.push({ part: "body", request: { ...ours, body: changedBody(ours) } });
  return out;
}

function changedBody(ours: OurRequest): string | Uint8Array {
  const body = ours.body;
  if (body === undefined || body.length === 0) return "x";
  if (body instanceof Uint8Array) return Uint8Array.from([...body, 0]);
  if (body.startsWith("{")) return JSON.stringify({ ...(JSON.parse(body) as object), OracleExtra: 1 });
  if (body.startsWith("<")) return body.replace(/<\/([^>]+)>\s*$/, "<OracleExtra/></$1>");
  return `${body}&Oracle=1`;
}

describe("the AWS SDK v3 as an oracle", () => {
  it.each(SERVICES.map((s) => [s.corpus, s.protocol, s] as const))("%s (%s): random valid inputs go on the wire as the SDK sends them", async (_name, _protocol, spec) => {
    const result = await runOracle(spec, { runs: RUNS, seed: SEED });
    const reasons = new Map(spec.known.map((k) => [k.id, k.reason]));
    console.log(report(result, reasons));
    expect(result.inputs).toBe(RUNS);
    expect(result.unexplained.map((u) => `${u.operation} ${showInput(u.input)}: ${u.differences.map((d) => d.message).join("; ")}`)).toEqual([]);

    // The comparison can fail: each part of a request that went on the wire the same, changed once.
    expect(result.samples.length).toBeGreaterThan(0);
    const missed: string[] = [];
    for (const { operation, ours, sdk } of result.samples) {
      expect(compareWire(ours, sdk)).toEqual([]);
      for (const { part, request } of mutations(ours)) {
        if (!compareWire(request, sdk).some((d) => d.part === part)) missed.push(`${operation}: a change of ${part} went unnoticed`);
      }
    }
    expect(missed).toEqual([]);
  });
});
