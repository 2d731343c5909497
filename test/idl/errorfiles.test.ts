// The reference implementation's loader error files: a model whose `.errors` lists an ERROR
// must be rejected; a model whose `.errors` lists none must load.

import { existsSync } from "node:fs";
import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { corpusPath, listCorpus, readCorpus, source } from "./corpus.js";

const DIR = "smithy/idl/errorfiles/loader";

test("idl errorfiles/loader: models with ERROR events are rejected, others load", () => {
  const models = listCorpus(DIR, (rel) => /\.(smithy|json)$/.test(rel));
  expect(models.length).toBeGreaterThan(40);
  let ok = 0;
  const problems: string[] = [];
  for (const rel of models) {
    const errorsRel = rel.replace(/\.(smithy|json)$/, ".errors");
    if (!existsSync(corpusPath(DIR) + errorsRel.slice(DIR.length))) continue;
    const expectsError = readCorpus(errorsRel).split("\n").some((l) => l.startsWith("[ERROR]"));
    const diags = new Diagnostics();
    const model = loadSmithy([source(rel)], diags);
    const errors = diags.items.filter((d) => d.severity === "error");
    const name = rel.slice(DIR.length + 1);
    if (expectsError && model === undefined && errors.length > 0) ok++;
    else if (!expectsError && model !== undefined) ok++;
    else if (expectsError) problems.push(`${name}: loaded, but the reference reports an ERROR`);
    else problems.push(`${name}: rejected: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}`);
  }
  console.log(`idl errorfiles: ${ok} passed, ${problems.length} failed`);
  for (const p of problems) console.log(`  FAILED ${p}`);
  expect(problems).toEqual([]);
});
