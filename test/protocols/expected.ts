// The known outcomes of the compliance runners, one file per protocol and side
// (test/protocols/<protocol>/expected-failures.ts for request cases,
// test/protocols/<protocol>/expected-response-failures.ts for response cases), and the check that
// keeps them honest.
//
//   checkOutcomes({ failures: { A: "no serializer yet" }, skipped: {} },
//                 [{ id: "A", outcome: "passed" }, { id: "B", outcome: "failed", problems: ["uri: …"] }])
//   → ["B fails but is not listed as an expected failure: uri: …",
//      "A passes but is listed as an expected failure (no serializer yet): remove it from the list"]
//
// `UPDATE_EXPECTED_FAILURES=1 npx vitest run test/protocols` rewrites the files from the current
// run: ids still failing keep their reason, new failures get their first problem as the reason
// (a human then edits it), passing cases leave the list. Skips are kept as they are.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/paths.js";
import type { ProtocolName } from "./runner.js";

/** Which runner a file belongs to. */
export type Side = "request" | "response";

/** What the check needs of a case's result (request and response runners alike). */
export interface Outcome {
  readonly id: string;
  readonly outcome: "passed" | "failed" | "skipped";
  readonly problems: readonly string[];
}

export interface ExpectedOutcomes {
  /** Case id → why it fails today. */
  readonly failures: Readonly<Record<string, string>>;
  /** Case id → why it is not run at all. */
  readonly skipped: Readonly<Record<string, string>>;
}

export function checkOutcomes(expected: ExpectedOutcomes, results: readonly Outcome[], side: Side = "request"): string[] {
  const problems: string[] = [];
  const ids = new Set(results.map((r) => r.id));
  for (const r of results) {
    const listed = Object.prototype.hasOwnProperty.call(expected.failures, r.id);
    if (r.outcome === "failed" && !listed) problems.push(`${r.id} fails but is not listed as an expected failure: ${r.problems.join("; ")}`);
    if (r.outcome === "passed" && listed) problems.push(`${r.id} passes but is listed as an expected failure (${expected.failures[r.id]}): remove it from the list`);
    if (r.outcome === "skipped" && listed) problems.push(`${r.id} is skipped and listed as an expected failure: keep one`);
  }
  for (const id of [...Object.keys(expected.failures), ...Object.keys(expected.skipped)]) {
    if (!ids.has(id)) problems.push(`${id} is listed but is no client ${side} case of this protocol: remove it`);
  }
  for (const [id, reason] of Object.entries({ ...expected.failures, ...expected.skipped })) {
    if (reason.trim() === "") problems.push(`${id} is listed without a reason`);
  }
  return problems;
}

export function expectedFile(protocol: ProtocolName, side: Side = "request"): string {
  return join(ROOT, "test", "protocols", protocol, side === "request" ? "expected-failures.ts" : "expected-response-failures.ts");
}

/** The file text for the current results (see the head comment). */
export function renderExpected(protocol: ProtocolName, previous: ExpectedOutcomes, results: readonly Outcome[], side: Side = "request"): string {
  const failures = results
    .filter((r) => r.outcome === "failed")
    .map((r) => [r.id, previous.failures[r.id] ?? r.problems[0] ?? "fails"] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const skipped = Object.entries(previous.skipped).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const entries = (list: readonly (readonly [string, string])[]) =>
    list.length === 0 ? "{}" : `{\n${list.map(([id, reason]) => `    ${JSON.stringify(id)}: ${JSON.stringify(reason)},`).join("\n")}\n  }`;
  const testFile = side === "request" ? "compliance.test.ts" : "responses.test.ts";
  return `// Known outcomes of the ${protocol} client ${side} cases in the protocol compliance runner
// (test/protocols/${testFile}): case id → reason. The runner fails when a case fails that
// is not listed here, and when a listed case passes. \`skipped\` cases are not run.
// Regenerate: UPDATE_EXPECTED_FAILURES=1 npx vitest run test/protocols (then edit the reasons).

import type { ExpectedOutcomes } from "../expected.js";

export const expected: ExpectedOutcomes = {
  failures: ${entries(failures)},
  skipped: ${entries(skipped)},
};
`;
}

export function writeExpected(protocol: ProtocolName, text: string, side: Side = "request"): void {
  writeFileSync(expectedFile(protocol, side), text);
}
