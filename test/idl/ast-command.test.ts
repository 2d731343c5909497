// runAst (`shapesmith ast`): the printed JSON AST, loaded back, is the same model as the IDL it
// came from, for every valid loader case; errors come back as diagnostics with no output.

import { expect, test } from "vitest";
import { runAst } from "../../generator/cli/ast.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { canonicalModel, listCorpus, source } from "./corpus.js";

test("runAst output round-trips every valid loader case", () => {
  const files = listCorpus("smithy/idl/loader/valid", (rel) => rel.endsWith(".smithy"));
  const shared = source("smithy/idl/loader/valid/__shared.json");
  let n = 0;
  for (const rel of files) {
    const src = source(rel);
    const { stdout, diagnostics } = runAst([src, shared]);
    expect(diagnostics.filter((d) => d.severity === "error"), rel).toEqual([]);
    const doc = JSON.parse(stdout) as { smithy: string; shapes: Record<string, unknown> };
    expect(doc.smithy).toBe("2.0");
    expect(Object.keys(doc.shapes).some((id) => id.startsWith("smithy.api#"))).toBe(false);
    const d = new Diagnostics();
    const back = loadSmithy([{ path: "out.json", text: stdout }], d);
    const orig = loadSmithy([src, shared], new Diagnostics());
    expect(back, `${rel}: ${d.items.map((x) => x.message).join("; ")}`).toBeDefined();
    expect(canonicalModel(back!), rel).toEqual(canonicalModel(orig!));
    n++;
  }
  expect(n).toBeGreaterThan(50);
});

test("runAst is deterministic and sorted; errors give diagnostics and no output", () => {
  const src = { path: "m.smithy", text: '$version: "2"\nnamespace a\nstring Z\n@mixin structure M { x: String }\nstructure B with [M] { @required $x }\n' };
  const out = runAst([src]).stdout;
  expect(runAst([src]).stdout).toBe(out);
  expect(Object.keys(JSON.parse(out).shapes)).toEqual(["a#B", "a#B$x", "a#M", "a#Z"]);
  expect(JSON.parse(out).shapes["a#B$x"]).toEqual({ type: "apply", traits: { "smithy.api#required": {} } });
  const bad = runAst([{ path: "bad.smithy", text: "namespace a\nstructure S { x: Strng }\n" }]);
  expect(bad.stdout).toBe("");
  expect(bad.diagnostics[0]).toMatchObject({ severity: "error", file: "bad.smithy", line: 2, column: 18 });
  expect(bad.diagnostics[0]?.hint).toContain("smithy.api#String");
});
