// Smithy 1.0 models are upgraded to 2.0 semantics on load (assemble.ts: non-boxed numbers and
// booleans get a zero @default, @box becomes nullable, sets become lists), the same way from IDL
// and from JSON AST:
// - against the reference: its 1.0 → 2.0 JSON AST round-trip cases (ast-serialization/cases/v1);
// - IDL 1.0 against its JSON twin: each model below, and the same model as a `"smithy": "1.0"` JSON
//   AST, load to the same model with the same diagnostics (a @default in a 1.0 file is an error in
//   both, at the trait), and the upgraded model printed as a 2.0 JSON AST loads back unchanged.

import { describe, expect, it } from "vitest";
import { runAst } from "../../generator/cli/ast.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { parseIdlFile, resolveIdlFiles } from "../../generator/smithy/idl/index.js";
import { preludeShapes } from "../../generator/smithy/idl/index.js";
import { positionOf } from "../cli/helpers.js";
import { listCorpus, readCorpus } from "./corpus.js";

const canon = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canon) : v !== null && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;

describe("Smithy 1.0 → 2.0", () => {
  it("matches the reference's 1.0 → 2.0 JSON AST cases", () => {
    const cases = listCorpus("smithy/idl/ast-serialization/cases/v1", (rel) => rel.endsWith(".json") && !rel.endsWith(".2.0.json"));
    expect(cases.length).toBe(3);
    for (const rel of cases) {
      const { stdout, diagnostics } = runAst([{ path: rel, text: readCorpus(rel) }]);
      expect(diagnostics.filter((d) => d.severity === "error"), rel).toEqual([]);
      expect(canon(JSON.parse(stdout)), rel).toEqual(canon(JSON.parse(readCorpus(rel.replace(/\.json$/, ".2.0.json")))));
    }
  });

  const MODELS: Record<string, string> = {
    "zero defaults and box": `integer I\n@box\ninteger B\nstructure S {\n  i: I\n  b: B\n  j: Integer\n  p: PrimitiveInteger\n  @box k: PrimitiveInteger\n  @required r: I\n  f: PrimitiveBoolean\n}\nlist L { member: PrimitiveLong }\nmap M { key: String, value: PrimitiveDouble }\nunion U { a: PrimitiveInteger, b: I }\nset Z { member: String }\n`,
    "@default(0) on an integer shape": `@default(0)\ninteger I\nstructure S { i: I }\n`,
    "@default(0) on a member": `integer I\nstructure S {\n  @default(0)\n  i: I\n}\n`,
    "@default through apply": `integer I\nstructure S { i: I }\napply I @default(0)\n`,
    "@box and @default together": `@box\n@default(0)\ninteger I\n`,
  };

  for (const [name, body] of Object.entries(MODELS)) {
    for (const version of ['$version: "1.0"\n', '$version: "1"\n', ""]) {
      it(`IDL ${version === "" ? "(no $version)" : version.trim()} and its JSON twin load the same: ${name}`, () => {
        const idl = `${version}namespace a\n\n${body}`;
        const diags = new Diagnostics();
        const parsed = parseIdlFile(idl, "m.smithy", diags);
        expect(parsed).toBeDefined();
        const [ast] = resolveIdlFiles([parsed!], preludeShapes(), diags);
        expect(ast!.smithy).toBe("1.0");
        const twin = JSON.stringify(ast, null, 2);
        const fromIdl = runAst([{ path: "m.smithy", text: idl }]);
        const fromJson = runAst([{ path: "m.json", text: twin }]);
        expect(fromJson.stdout).toBe(fromIdl.stdout);
        const summary = (ds: typeof fromIdl.diagnostics) => ds.map((d) => `${d.severity} ${d.code}: ${d.message}`);
        expect(summary(fromJson.diagnostics)).toEqual(summary(fromIdl.diagnostics));
        // The upgraded model, printed as a 2.0 JSON AST and loaded again, is the same model.
        if (fromIdl.stdout !== "") expect(runAst([{ path: "m2.json", text: fromIdl.stdout }]).stdout).toBe(fromIdl.stdout);
        if (body.includes("@default")) {
          const errors = fromIdl.diagnostics.filter((d) => d.code === "SMITHY_DEFAULT_IN_V1");
          expect(errors).toHaveLength(1);
          expect(errors[0]).toMatchObject({ file: "m.smithy", ...positionOf(idl, "default(0)") });
          expect(fromIdl.stdout).toBe("");
        }
      });
    }
  }

  it("a hand-written JSON twin of @default(0) on a 1.0 integer shape is rejected at the trait, like the IDL", () => {
    const json = `{\n  "smithy": "1.0",\n  "shapes": {\n    "a#I": { "type": "integer", "traits": { "smithy.api#default": 0 } }\n  }\n}\n`;
    const { diagnostics } = runAst([{ path: "m.json", text: json }]);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["SMITHY_DEFAULT_IN_V1", ...Object.values(positionOf(json, "0 }"))]]);
  });
});
