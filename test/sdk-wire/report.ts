// Prints the SDK oracle's results: per document the inputs, the identical ones, the listed ones by
// kind, the unexplained ones; then each listed entry with its count and reason, and every
// unexplained difference in full.
//
//   report(results) → { inputs: 1296, identical: 1174, agreeing: 1190, listed: 122, unexplained: 0 }
//   stripe.com.json.gz (stripe-node 23.1.0): 452 operations (0 skipped), 452 inputs: 424 identical (208 byte for byte),
//     28 listed (ours 28), 0 unexplained; agreement 93.81%

import type { SdkResult } from "./oracle.js";
import { agrees, KNOWN, kindsOf, type Kind } from "./known.js";

export interface SdkTotals {
  readonly inputs: number;
  readonly identical: number;
  /** Identical, or different only in ways listed as equivalent. */
  readonly agreeing: number;
  readonly listed: number;
  readonly unexplained: number;
}

const SDK_NAMES = { stripe: "stripe-node", octokit: "@octokit/endpoint", twilio: "twilio-node", kubernetes: "@kubernetes/client-node" } as const;

export function report(results: readonly SdkResult[], versions: Readonly<Record<string, string>> = {}): SdkTotals {
  const lines: string[] = [];
  const totals = { inputs: 0, identical: 0, agreeing: 0, listed: 0, unexplained: 0 };
  const entries = new Map<string, number>();
  for (const r of results) {
    let listed = 0;
    let agreeing = r.identical;
    const byKind = new Map<Kind, number>();
    for (const [names, { count }] of r.listed) {
      listed += count;
      if (agrees(names)) agreeing += count;
      for (const kind of kindsOf(names)) byKind.set(kind, (byKind.get(kind) ?? 0) + count);
      for (const name of names.split("+")) entries.set(name, (entries.get(name) ?? 0) + count);
    }
    const pct = r.inputs === 0 ? "0" : ((100 * agreeing) / r.inputs).toFixed(2);
    const sdk = `${SDK_NAMES[r.sdk]}${versions[r.sdk] ? ` ${versions[r.sdk]}` : ""}`;
    lines.push(
      `  ${r.file} (${sdk}): ${r.operations} operations (${r.skipped.length} skipped), ${r.inputs} inputs: ${r.identical} identical (${r.byteIdentical} byte for byte), ` +
        `${listed} listed (${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}), ${r.unexplained.length} unexplained; agreement ${agreeing} of ${r.inputs} (${pct}%)`,
    );
    const mine = new Map<string, number>();
    for (const [names, { count }] of r.listed) for (const name of names.split("+")) mine.set(name, (mine.get(name) ?? 0) + count);
    if (mine.size > 0) lines.push(`    listed by entry: ${[...mine].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ")}`);
    for (const s of r.skipped) lines.push(`    skipped ${s.operation}: ${s.reason}`);
    totals.inputs += r.inputs;
    totals.identical += r.identical;
    totals.agreeing += agreeing;
    totals.listed += listed;
    totals.unexplained += r.unexplained.length;
  }
  lines.unshift(`SDK oracle: ${results.length} documents, ${totals.inputs} inputs: ${totals.identical} identical, ${totals.listed} listed, ${totals.unexplained} unexplained`);
  lines.push("  listed differences (an input counts under each entry its explanation used):");
  for (const k of KNOWN) lines.push(`    ${k.name} (${k.kind}): ${entries.get(k.name) ?? 0} inputs. ${k.reason}`);
  for (const r of results) {
    for (const d of r.unexplained) {
      lines.push(`  UNEXPLAINED ${r.file} ${d.operation} (${d.parts.join(", ")}) input ${JSON.stringify(d.input)}`, `    ours:   ${JSON.stringify(d.ours)}`, `    theirs: ${JSON.stringify(d.theirs)}`);
    }
  }
  console.log(lines.join("\n"));
  return totals;
}
