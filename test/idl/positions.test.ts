// IDL semantic errors point at the line and column of the `.smithy` file, not at a JSON pointer
// into the AST the IDL was turned into: the resolver hands assemble a position map (JSON path →
// where it was written). Checked on our own cases (exact positions), and over every diagnostic of
// the reference implementation's IDL error and invalid-loader files (each has a position, and the
// text there is the trait or member the pointer names).

import { describe, expect, it } from "vitest";
import { formatDiagnostics } from "../../generator/cli/print.js";
import { Diagnostics, type Diagnostic } from "../../generator/diagnostics.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { positionOf } from "../cli/helpers.js";
import { listCorpus, source } from "./corpus.js";

function load(files: Record<string, string>): readonly Diagnostic[] {
  const diags = new Diagnostics();
  loadSmithy(Object.entries(files).map(([path, text]) => ({ path, text })), diags);
  return diags.items;
}

describe("semantic errors of IDL files have the line and column of the .smithy text", () => {
  it("a mixin cycle, at each shape's mixin", () => {
    const text = `$version: "2"\nnamespace a.b\n\n@mixin\nstructure A with [B] {}\n\n@mixin\nstructure B with [A] {}\n`;
    expect(load({ "m.smithy": text }).map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ["SMITHY_MIXIN_CYCLE", "m.smithy", positionOf(text, "B]").line, positionOf(text, "B]").column],
      ["SMITHY_MIXIN_CYCLE", "m.smithy", positionOf(text, "A]").line, positionOf(text, "A]").column],
    ]);
  });

  it("a trait on a shape it cannot apply to, at the trait", () => {
    const text = `$version: "2"\nnamespace a.b\n\nstructure In {\n    n: String\n}\n\n@required\nstring S\n`;
    const [d] = load({ "m.smithy": text });
    expect(d).toMatchObject({ code: "SMITHY_TRAIT_TARGET", file: "m.smithy", ...positionOf(text, "required") });
  });

  it("an apply to a member that does not exist, at the apply's target", () => {
    const text = `$version: "2"\nnamespace a.b\n\nstructure In {\n    n: String\n}\n\napply In$nope @documentation("x")\n`;
    const [d] = load({ "m.smithy": text });
    expect(d).toMatchObject({ code: "SMITHY_APPLY_UNKNOWN_SHAPE", file: "m.smithy", ...positionOf(text, "In$nope") });
  });

  it("@default in an IDL 1.0 file, at the trait", () => {
    const text = `$version: "1.0"\nnamespace a.b\n\nstructure In {\n    @default(1)\n    n: Integer\n}\n`;
    const [d] = load({ "m.smithy": text });
    expect(d).toMatchObject({ code: "SMITHY_DEFAULT_IN_V1", file: "m.smithy", ...positionOf(text, "default") });
  });

  it("a conflict between two files, at the second file's definition; the printed error has a frame, no pointer", () => {
    const one = `$version: "2"\nnamespace a.b\n\nstring Name\n`;
    const two = `$version: "2"\nmetadata x = 1\nnamespace a.b\n\n\ninteger Name\n`;
    const three = `$version: "2"\nmetadata x = 2\nnamespace a.b\n`;
    const diags = load({ "one.smithy": one, "two.smithy": two, "three.smithy": three });
    expect(diags.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ["SMITHY_METADATA_CONFLICT", "three.smithy", 2, 10],
      ["SMITHY_DUPLICATE_SHAPE", "two.smithy", positionOf(two, "integer").line, positionOf(two, "integer").column],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    const printed = formatDiagnostics(diags, (file) => ({ display: file, text: { "one.smithy": one, "two.smithy": two, "three.smithy": three }[file]! }), false);
    expect(printed).not.toContain("  at /");
    expect(printed).toContain("> 6 | integer Name");
  });

  it("every diagnostic of the reference's IDL error files has a position, at what its pointer names", () => {
    const dirs = ["smithy/idl/errorfiles", "smithy/idl/loader/invalid"];
    let total = 0;
    let checkedText = 0;
    const problems: string[] = [];
    for (const dir of dirs) {
      for (const rel of listCorpus(dir, (r) => r.endsWith(".smithy"))) {
        const src = source(rel);
        const lines = src.text.split("\n");
        const diags = new Diagnostics();
        loadSmithy([src], diags);
        for (const d of diags.items) {
          total++;
          if (d.line === undefined || d.column === undefined) {
            problems.push(`${rel}: ${d.code} has no position (${d.pointer ?? "no pointer"}): ${d.message}`);
            continue;
          }
          const at = (lines[d.line - 1] ?? "").slice(d.column - 1);
          const last = /\/(traits|members|mixins)\/([^/]+)$/.exec(d.pointer ?? "");
          if (!last) continue;
          const name = last[2]!.replace(/~1/g, "/").replace(/~0/g, "~");
          const local = name.slice(name.indexOf("#") + 1);
          const ok = last[1] === "traits" ? at.startsWith(local) || at.startsWith(name) || (local === "documentation" && at.startsWith("///")) : last[1] === "members" ? at.startsWith(name) || at.startsWith(`$${name}`) : true;
          checkedText++;
          if (!ok) problems.push(`${rel}:${d.line}:${d.column}: ${d.code} ${d.pointer} points at ${JSON.stringify(at.slice(0, 30))}`);
        }
      }
    }
    console.log(`IDL diagnostics: ${total}, all positioned; ${checkedText} checked against the text their pointer names`);
    expect(problems).toEqual([]);
    expect(total).toBeGreaterThan(200);
    expect(checkedText).toBeGreaterThan(10);
  });
});
