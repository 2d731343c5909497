// Prints Prism's verdicts: per document the operations, requests, violations, listed ones (by
// known.ts entry), inputs drawn again as unsendable and operations skipped; then the totals, the
// listed entries with their reasons, and every unlisted violation in full.
//
//   report(results, KNOWN) → { operations: 58, requests: 116, violations: 0, listed: 8 } (and the printed table)

import type { Known } from "./known.js";
import type { DocumentResult } from "./run.js";

export function report(results: readonly DocumentResult[], known: readonly Known[]): { operations: number; requests: number; violations: number; listed: number } {
  const lines: string[] = [];
  const totals = { operations: 0, requests: 0, violations: 0, listed: 0 };
  const listedTotals = new Map<string, number>();
  for (const r of results) {
    const listed = [...r.listed.values()].reduce((a, b) => a + b, 0);
    totals.operations += r.operations;
    totals.requests += r.requests;
    totals.violations += r.violations.length;
    totals.listed += listed;
    for (const [k, n] of r.listed) listedTotals.set(k, (listedTotals.get(k) ?? 0) + n);
    const extra = [
      r.unsendable.size > 0 ? `drawn again: ${[...r.unsendable].map(([k, n]) => `${k} ${n}`).join(", ")}` : "",
      r.skipped.length > 0 ? `${r.skipped.length} operations skipped` : "",
    ].filter((x) => x !== "");
    lines.push(`  ${r.label}: ${r.operations} operations, ${r.requests} requests, ${r.violations.length} violations, ${listed} listed${extra.length > 0 ? ` (${extra.join("; ")})` : ""}`);
    for (const s of r.skipped) lines.push(`    skipped ${s.operation}: ${s.reason}`);
  }
  const byKind = (kind: Known["kind"]) => known.filter((k) => k.kind === kind).reduce((n, k) => n + (listedTotals.get(k.name) ?? 0), 0);
  lines.unshift(
    `Prism request validation: ${results.length} documents, ${totals.operations} operations, ${totals.requests} requests, ${totals.violations} violations, ` +
      `${totals.listed} listed (${byKind("prism")} Prism's own mistakes, ${byKind("input")} inputs the model cannot make valid, ${byKind("ours")} faults of ours reported, ${byKind("document")} where the document contradicts itself)`,
  );
  for (const k of known) if (listedTotals.has(k.name)) lines.push(`  listed ${k.kind} ${k.name} (${listedTotals.get(k.name)}): ${k.reason}`);
  for (const r of results) {
    for (const f of r.violations) lines.push(`  VIOLATION ${f.document} ${f.operation}: ${f.violation.location.join(".")} ${f.violation.code}: ${f.violation.message}`, `    request: ${JSON.stringify(f.request)}`);
  }
  console.log(lines.join("\n"));
  return totals;
}
