// The emitted file itself: a whole-file snapshot, a strict type-check, determinism, and
// diagnostics for patterns JavaScript cannot compile.

import { Node, Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { emitValidators } from "../../generator/emit/validators.js";
import type { ResolvedModel } from "../../generator/model/ir.js";
import { assignNames } from "../../generator/naming/names.js";
import { cognitoModel, emitAndImport, emitFiles, kitchenModel, model, msg, str, struct, member } from "./fixtures.js";

describe("validators.ts", () => {
  it("matches the snapshot (kitchen-sink model)", async () => {
    const files = await emitFiles(kitchenModel());
    await expect(files.get("validators.ts")).toMatchFileSnapshot("__snapshots__/kitchen.validators.ts.snap");
  });

  it("matches the snapshot (Cognito InitiateAuthRequest)", async () => {
    const files = await emitFiles(cognitoModel());
    await expect(files.get("validators.ts")).toMatchFileSnapshot("__snapshots__/cognito.validators.ts.snap");
  });

  it("type-checks under strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes, with no any", async () => {
    for (const m of [kitchenModel(), cognitoModel()]) {
      const files = await emitFiles(m);
      const project = new Project({
        useInMemoryFileSystem: true,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          moduleResolution: ts.ModuleResolutionKind.Bundler,
          lib: ["lib.es2022.d.ts"],
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          noImplicitReturns: true,
          noFallthroughCasesInSwitch: true,
          noUnusedLocals: true,
          noUnusedParameters: true,
          noEmit: true,
        },
      });
      for (const [path, text] of files) project.createSourceFile(`/out/${path}`, text);
      const diagnostics = project.getPreEmitDiagnostics().map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, "\n");
        return `${d.getSourceFile()?.getBaseName()}:${d.getLineNumber()}: ${message}`;
      });
      expect(diagnostics).toEqual([]);
      const validators = project.getSourceFileOrThrow("/out/validators.ts");
      // Identifiers that name no value (imports of types, statement labels) have no type to check.
      const notValues = new Set([ts.SyntaxKind.ImportSpecifier, ts.SyntaxKind.LabeledStatement, ts.SyntaxKind.BreakStatement]);
      const anys = validators
        .getDescendants()
        .filter((n) => Node.isIdentifier(n) && !notValues.has(n.getParentOrThrow().getKind()) && n.getType().isAny())
        .map((n) => `${n.getStartLineNumber()}: ${n.getText()}`);
      expect(anys).toEqual([]);
      expect(validators.getFullText()).not.toMatch(/\bany\b/);
    }
  });

  it("is deterministic, whatever the order of the model's shapes", async () => {
    const m = kitchenModel();
    const shuffled: ResolvedModel = { ...m, shapes: new Map([...m.shapes].reverse()) };
    const a = await emitFiles(m);
    const b = await emitFiles(m);
    const c = await emitFiles(shuffled);
    expect(b.get("validators.ts")).toBe(a.get("validators.ts"));
    expect(c.get("validators.ts")).toBe(a.get("validators.ts"));
  });

  it("declares each pattern once at module level, with the u flag where it is valid", async () => {
    const files = await emitFiles(kitchenModel());
    const text = files.get("validators.ts") ?? "";
    expect(text.match(/^const re_\w+ = .*$/gm)).toEqual([
      "const re_ClientId = /^[\\w+]+$/u;",
      "const re_LowerWord = /[a-z]+/u;",
      "const re_TagKey = /^[a-z/~]+$/u;",
    ]);
  });

  it("drops the u flag for a pattern only valid without it", async () => {
    const m = model("legacy", [str("Dashed", { pattern: "^\\d+\\-\\d+$" })]);
    const { files, validate } = await emitAndImport(m);
    expect(files.get("validators.ts")).toContain("const re_Dashed = /^\\d+\\-\\d+$/;");
    expect(validate("validateDashed")("12-34")).toEqual([]);
    expect(validate("validateDashed")("12_34")).toEqual([
      { path: "", constraint: "pattern", message: msg("", "Member must satisfy regular expression pattern: ^\\d+\\-\\d+$") },
    ]);
  });

  it("reports a pattern JavaScript cannot compile as PATTERN_INVALID and skips the check", async () => {
    const bad = () =>
      model("bad", [
        str("Backwards", { pattern: "[z-a]" }),
        struct("Holder", [member("Code", "smithy.api#String", { constraints: { pattern: "(?x)a b" } })]),
      ]);
    const diags = new Diagnostics();
    const text = emitValidators(bad(), assignNames(bad(), diags), diags).render("// header");
    expect(diags.items.map((d) => [d.code, d.severity])).toEqual([
      ["PATTERN_INVALID", "warning"],
      ["PATTERN_INVALID", "warning"],
    ]);
    expect(diags.items[0]?.message).toMatch(/^The @pattern of `test\.validation#Backwards` is not a valid ECMA-262 regular expression \(.+\); it is not checked$/);
    expect(diags.items[1]?.message).toContain("`test.validation#Holder$Code`");
    expect(text).not.toContain(".test(");
    const { validate } = await emitAndImport(bad());
    expect(validate("validateBackwards")("anything")).toEqual([]);
    expect(() => emitValidators(bad(), assignNames(bad(), new Diagnostics()))).toThrow(/not a valid ECMA-262 regular expression/);
  });

  it("turns a leading inline flag group into RegExp flags (the pattern pass), with an info diagnostic", async () => {
    const m = () => model("inline", [str("Anything", { pattern: "^(?s)" }), str("Shout", { pattern: "^(?i)abc$" })]);
    const diags = new Diagnostics();
    emitValidators(m(), assignNames(m(), diags), diags);
    expect(diags.items.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        "PATTERN_TRANSLATED",
        "info",
        "The @pattern of `test.validation#Anything` uses `(?s)`, which ECMA-262 lacks; it is checked as /^/su",
      ],
      [
        "PATTERN_TRANSLATED",
        "info",
        "The @pattern of `test.validation#Shout` uses `(?i)`, which ECMA-262 lacks; it is checked as /^abc$/iu",
      ],
    ]);
    const { validate } = await emitAndImport(m());
    expect(validate("validateAnything")("line one\nline two")).toEqual([]);
    expect(validate("validateShout")("ABC")).toEqual([]);
    expect(validate("validateShout")("ABCD")).toEqual([
      { path: "", constraint: "pattern", message: msg("", "Member must satisfy regular expression pattern: ^(?i)abc$") },
    ]);
  });
});
