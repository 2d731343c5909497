// Prints the oracle's results: per document, then the totals, each known difference with its
// count and reason, and every unexplained difference in full.
//
//   report(results, KNOWN) → { inputs: 9011, identical: 7800, explained: 1205, unexplained: 6, agreeing: 7850, mandated: 860, swaggerClient: 290 }
//   (and the printed lines: agreement three ways, over all inputs, outside the mandated
//   departures, and outside those and swagger-client's own departures from a specification; the
//   listed inputs by kind, by entry and by entry and document)

import type { DocumentResult } from "./oracle.js";
import { agrees, kindsOf, type Kind, type Known } from "./known.js";

export interface Totals {
  readonly inputs: number;
  readonly identical: number;
  readonly explained: number;
  readonly unexplained: number;
  /** Identical, or different only in ways a specification calls equivalent (known.ts kind "equivalent"). */
  readonly agreeing: number;
  /** Inputs whose explanation uses a departure issue 10 mandates (kind "mandated": Stripe's deepObject). */
  readonly mandated: number;
  /** Inputs, not mandated, whose explanation uses a place where swagger-client breaks a cited specification (kind "swagger-client"). */
  readonly swaggerClient: number;
}

export function report(results: readonly DocumentResult[], known: readonly Known[]): Totals {
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
  let agreeing = identical;
  let mandated = 0;
  let swaggerClient = 0;
  const byKind = new Map<Kind, number>();
  for (const r of results) {
    for (const [names, { count }] of r.explained) {
      if (agrees(names)) agreeing += count;
      const kinds = kindsOf(names);
      if (kinds.has("mandated")) mandated += count;
      else if (kinds.has("swagger-client")) swaggerClient += count;
      for (const kind of kinds) byKind.set(kind, (byKind.get(kind) ?? 0) + count);
    }
  }
  const pct = (n: number) => (inputs === 0 ? "0" : ((100 * n) / inputs).toFixed(2));
  const outside = inputs - mandated;
  const ratio = (n: number, of: number) => (of === 0 ? "0" : ((100 * n) / of).toFixed(2));
  const fair = outside - swaggerClient;
  lines.unshift(
    `swagger-client oracle: ${results.length} documents, ${operations} operations (${skipped} skipped), ${inputs} inputs: ` +
      `${identical} identical (${pct(identical)}%), ${explained} differ in listed ways (${pct(explained)}%), ${unexplained} unexplained (${pct(unexplained)}%)`,
  );
  lines.splice(
    1,
    0,
    `  agreement: ${agreeing} of ${inputs} inputs (${pct(agreeing)}%) are identical (${identical}) or equivalent by a cited specification (${agreeing - identical}); ` +
      `outside the departures issue 10 mandates (${mandated} inputs, Stripe's deepObject): ${agreeing} of ${outside} (${ratio(agreeing, outside)}%); ` +
      `outside those and the inputs where swagger-client breaks a cited specification (${swaggerClient}): ${agreeing} of ${fair} (${ratio(agreeing, fair)}%)`,
    `  listed inputs by kind (an input counts under each kind its explanation used): ${[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ")}`,
  );
  lines.push("  listed differences (a request may show several):");
  for (const [names, count] of [...totals].sort((a, b) => b[1] - a[1])) lines.push(`    ${names}: ${count}`);
  lines.push(...breakdown(results));
  for (const k of known) lines.push(`    - ${k.name} (${k.kind}): ${k.reason}`);
  for (const r of results) {
    for (const d of r.unexplained) {
      lines.push(`  UNEXPLAINED ${r.file} ${d.operation} (${d.parts.join(", ")})`, `    ours:   ${JSON.stringify(d.ours)}`, `    theirs: ${JSON.stringify(d.theirs)}`);
    }
  }
  console.log(lines.join("\n"));
  return { inputs, identical, explained, unexplained, agreeing, mandated, swaggerClient };
}

/**
 * The listed differences as a table: one row per entry of known.ts, one column per document that
 * has any, each input counted under every entry its explanation used (`percent-encoding+deepObject`
 * counts under both), and a last column of the inputs each entry took part in.
 */
export function breakdown(results: readonly DocumentResult[]): string[] {
  const docs = results.filter((r) => r.explained.size > 0);
  const short = (file: string) =>
    file
      .replace(/^.*\//, "")
      .replace(/\.(json\.gz|ya?ml)$/, "")
      .replace(/^twilio\.com__twilio_/, "twilio_")
      .replace(/__.*$/, "")
      .replace(/\.(com|io|net|us|ai|team|co\.uk)$/, "");
  const cells = new Map<string, Map<string, number>>();
  for (const r of docs) {
    for (const [names, { count }] of r.explained) {
      for (const name of names.split("+")) {
        const row = cells.get(name) ?? new Map<string, number>();
        row.set(r.file, (row.get(r.file) ?? 0) + count);
        cells.set(name, row);
      }
    }
  }
  const header = ["entry", "kind", ...docs.map((r) => short(r.file)), "inputs"];
  const rows = [...cells].map(([name, row]) => [name, kindsOf(name).values().next().value ?? "", ...docs.map((r) => String(row.get(r.file) ?? "")), String([...row.values()].reduce((a, b) => a + b, 0))]);
  rows.sort((a, b) => Number(b[b.length - 1]) - Number(a[a.length - 1]));
  const totals = ["(inputs listed)", "", ...docs.map((r) => String([...r.explained.values()].reduce((n, x) => n + x.count, 0))), String(docs.reduce((n, r) => n + [...r.explained.values()].reduce((m, x) => m + x.count, 0), 0))];
  const table = [header, ...rows, totals];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return ["  listed differences by entry and document (an input counts under each entry its explanation used):", ...table.map((row) => "    " + row.map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | "))];
}
