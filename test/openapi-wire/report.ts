// Prints the oracle's results: per document, then the totals, each known difference with its
// count and reason, and every unexplained difference in full.
//
//   report(results, KNOWN) → { inputs: 9011, identical: 7800, explained: 1205, unexplained: 6 } (and the printed table)

import type { DocumentResult } from "./oracle.js";
import type { Known } from "./known.js";

export function report(results: readonly DocumentResult[], known: readonly Known[]): { inputs: number; identical: number; explained: number; unexplained: number } {
  const lines: string[] = [];
  const totals = new Map<string, number>();
  let inputs = 0;
  let identical = 0;
  let explained = 0;
  let unexplained = 0;
  let operations = 0;
  let skipped = 0;
  for (const r of results) {
    const e = [...r.explained.values()].reduce((n, x) => n + x.count, 0);
    inputs += r.inputs;
    identical += r.identical;
    explained += e;
    unexplained += r.unexplained.length;
    operations += r.operations;
    skipped += r.skipped.length;
    for (const [k, v] of r.explained) totals.set(k, (totals.get(k) ?? 0) + v.count);
    lines.push(`  ${r.file}: ${r.operations} operations (${r.skipped.length} skipped), ${r.inputs} inputs: ${r.identical} identical, ${e} explained, ${r.unexplained.length} unexplained`);
    for (const s of r.skipped) lines.push(`    skipped ${s.operation}: ${s.reason}`);
  }
  const pct = (n: number) => (inputs === 0 ? "0" : ((100 * n) / inputs).toFixed(2));
  lines.unshift(
    `swagger-client oracle: ${results.length} documents, ${operations} operations (${skipped} skipped), ${inputs} inputs: ` +
      `${identical} identical (${pct(identical)}%), ${explained} differ in listed ways (${pct(explained)}%), ${unexplained} unexplained (${pct(unexplained)}%)`,
  );
  lines.push("  listed differences (a request may show several):");
  for (const [names, count] of [...totals].sort((a, b) => b[1] - a[1])) lines.push(`    ${names}: ${count}`);
  for (const k of known) lines.push(`    - ${k.name}: ${k.reason}`);
  for (const r of results) {
    for (const d of r.unexplained) {
      lines.push(`  UNEXPLAINED ${r.file} ${d.operation} (${d.parts.join(", ")})`, `    ours:   ${JSON.stringify(d.ours)}`, `    theirs: ${JSON.stringify(d.theirs)}`);
    }
  }
  console.log(lines.join("\n"));
  return { inputs, identical, explained, unexplained };
}
