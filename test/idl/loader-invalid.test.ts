// The Smithy reference implementation's invalid loader cases: every file must be rejected, and
// where the expected message (line 1, `// TEXT`) names "line L, column C", our diagnostic must
// point there. Rejected means an error, or a DANGER-level finding (which Smithy's loader treats
// as a failure too: an unquoted node value that names no shape).

import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { SYNTACTIC_SHAPE_ID } from "../../generator/smithy/idl/index.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { listCorpus, source } from "./corpus.js";

const DIR = "smithy/idl/loader/invalid";

test("idl loader/invalid: every file is rejected, at the expected position", () => {
  const files = listCorpus(DIR, (rel) => rel.endsWith(".smithy"));
  expect(files.length).toBeGreaterThan(100);
  let rejected = 0;
  let positioned = 0;
  let withPosition = 0;
  const problems: string[] = [];
  for (const rel of files) {
    const src = source(rel);
    const expected = (src.text.split("\n")[0] ?? "").replace(/^\/\/\s*/, "").replace("[EOF]", "");
    const diags = new Diagnostics();
    const model = loadSmithy([src], diags);
    const failures = diags.items.filter((d) => d.severity === "error" || d.code === SYNTACTIC_SHAPE_ID);
    const name = rel.slice(DIR.length + 1);
    if (model !== undefined && failures.length === 0) {
      problems.push(`${name}: accepted (expected: ${expected})`);
      continue;
    }
    rejected++;
    const pos = /line (\d+), column (\d+)/.exec(expected);
    if (!pos) continue;
    withPosition++;
    const line = Number(pos[1]);
    const column = Number(pos[2]);
    const first = failures[0];
    if (first && first.line === line && first.column === column) positioned++;
    else problems.push(`${name}: expected ${line}:${column} (${expected}); got ${first?.line}:${first?.column} ${first?.message}`);
  }
  console.log(
    `idl invalid: ${rejected}/${files.length} rejected, ${positioned}/${withPosition} at the expected line and column`,
  );
  for (const p of problems) console.log(`  FAILED ${p}`);
  expect(problems).toEqual([]);
});
