// The Smithy reference implementation's valid loader cases: each `X.smithy` and its twin
// `X.json` (the expected JSON AST), each loaded with `__shared.json` and the prelude, must give
// equal models.

import { existsSync } from "node:fs";
import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { canonicalModel, corpusPath, listCorpus, source } from "./corpus.js";

const DIR = "smithy/idl/loader/valid";

/** Pairs we do not compare, with why. Empty means every pair is compared. */
const SKIPS: Record<string, string> = {};

test("idl loader/valid: every X.smithy loads to the same model as X.json", () => {
  const shared = source(`${DIR}/__shared.json`);
  const pairs = listCorpus(DIR, (rel) => rel.endsWith(".smithy")).filter((rel) =>
    existsSync(corpusPath(DIR) + rel.slice(DIR.length).replace(/\.smithy$/, ".json")),
  );
  expect(pairs.length).toBeGreaterThan(40);
  let passed = 0;
  const failed: string[] = [];
  const skipped: string[] = [];
  for (const rel of pairs) {
    const name = rel.slice(DIR.length + 1);
    if (SKIPS[name] !== undefined) {
      skipped.push(`${name}: ${SKIPS[name]}`);
      continue;
    }
    const d1 = new Diagnostics();
    const fromIdl = loadSmithy([source(rel), shared], d1);
    const d2 = new Diagnostics();
    const fromJson = loadSmithy([source(rel.replace(/\.smithy$/, ".json")), shared], d2);
    if (!fromIdl || !fromJson) {
      failed.push(`${name}: load failed: ${[...d1.items, ...d2.items].filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join("; ")}`);
      continue;
    }
    const a = canonicalModel(fromIdl) as Record<string, Record<string, unknown>>;
    const b = canonicalModel(fromJson) as Record<string, Record<string, unknown>>;
    if (JSON.stringify(a) === JSON.stringify(b)) {
      passed++;
      continue;
    }
    const diffs: string[] = [];
    for (const part of ["metadata", "shapes", "applies"]) {
      const pa = a[part] ?? {};
      const pb = b[part] ?? {};
      for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
        const x = JSON.stringify(pa[key]);
        const y = JSON.stringify(pb[key]);
        if (x !== y) diffs.push(`${part} ${key}\n    idl:  ${x}\n    json: ${y}`);
      }
    }
    failed.push(`${name}: models differ\n  ${diffs.join("\n  ")}`);
  }
  console.log(`idl valid: ${passed} passed, ${failed.length} failed, ${skipped.length} skipped`);
  for (const s of skipped) console.log(`  skipped ${s}`);
  for (const f of failed) console.log(`  FAILED ${f}`);
  expect(failed).toEqual([]);
});
