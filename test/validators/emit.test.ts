// The emitted file itself: a whole-file snapshot, a strict type-check, determinism, and
// diagnostics for patterns Java rejects or JavaScript cannot say.

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

  it("declares each pattern once at module level, translated from Java, with the u flag", async () => {
    const files = await emitFiles(kitchenModel());
    const text = files.get("validators.ts") ?? "";
    const dollar = "(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)";
    expect(text.match(/^const re_\w+ = .*$/gm)).toEqual([
      `const re_ClientId = /^[\\w+]+${dollar}/u;`,
      "const re_LowerWord = /[a-z]+/u;",
      `const re_TagKey = /^[\\/a-z~]+${dollar}/u;`,
    ]);
  });

  it("reads patterns as Java does: identity escapes, POSIX and Unicode classes, \\x{..}, intersections", async () => {
    const m = model("java", [
      str("Dashed", { pattern: "^\\d+\\-\\d+$" }),
      str("Password", { pattern: "^(\\p{LD}|\\p{Punct})+$" }),
      str("DeviceName", { pattern: "^[\\p{IsAlphabetic}\\p{N} ]+$" }),
      str("Quote", { pattern: "^[a\\x{0022}]+$" }),
      str("NoPipe", { pattern: "^[\\p{Print}&&[^|:/]]+$" }),
    ]);
    const { files, validate } = await emitAndImport(m);
    expect(files.get("validators.ts")).toContain("const re_Dashed = /^\\d+-\\d+(?=");
    const ok = (name: string, value: string): boolean => validate(name)(value).length === 0;
    expect([ok("validateDashed", "12-34"), ok("validateDashed", "12_34")]).toEqual([true, false]);
    expect([ok("validatePassword", "Sécret1!"), ok("validatePassword", "p{LD}"), ok("validatePassword", "a b")]).toEqual([true, true, false]);
    expect([ok("validateDeviceName", "Kiosk 1"), ok("validateDeviceName", "Kiosk-1")]).toEqual([true, false]);
    expect([ok("validateQuote", 'a"a'), ok("validateQuote", "x")]).toEqual([true, false]);
    expect([ok("validateNoPipe", "a b~c"), ok("validateNoPipe", "a|b"), ok("validateNoPipe", "a:b"), ok("validateNoPipe", "é")]).toEqual([true, false, false, false]);
  });

  it("means what Java means by $, (?i), (?s) and \\s", async () => {
    const m = model("inline", [
      str("Anything", { pattern: "^(?s).+$" }),
      str("Shout", { pattern: "^(?i)abc$" }),
      str("Spaces", { pattern: "^\\s+$" }),
    ]);
    const diags = new Diagnostics();
    emitValidators(m, assignNames(m, diags), diags);
    expect(diags.items).toEqual([]);
    const { validate } = await emitAndImport(m);
    const ok = (name: string, value: string): boolean => validate(name)(value).length === 0;
    expect([ok("validateAnything", "line one\nline two"), ok("validateAnything", "")]).toEqual([true, false]);
    expect([ok("validateShout", "ABC"), ok("validateShout", "aBc\n"), ok("validateShout", "ABCD")]).toEqual([true, true, false]);
    expect(validate("validateShout")("ABCD")).toEqual([
      { path: "", constraint: "pattern", message: msg("", "Member must satisfy regular expression pattern: ^(?i)abc$") },
    ]);
    expect([ok("validateSpaces", " \t"), ok("validateSpaces", "\u00a0"), ok("validateSpaces", "\u3000")]).toEqual([true, false, false]);
  });

  it("uses an OpenAPI (ECMA-262) pattern as it is, with the u flag, and warns when it needs another flag", async () => {
    const m = (): ResolvedModel => ({
      ...model("openapi", [str("Spaces", { pattern: "^\\s+$" }), str("Slash", { pattern: "^a/[^]$" }), str("Legacy", { pattern: "^\\d+\\-\\d+$" })]),
      patternSyntax: "ecma262",
    });
    const diags = new Diagnostics();
    const text = emitValidators(m(), assignNames(m(), diags), diags).render("// header");
    expect(text.match(/^const re_\w+ = .*$/gm)).toEqual(["const re_Slash = /^a\\/[^]$/u;", "const re_Spaces = /^\\s+$/u;"]);
    expect(diags.items.map((d) => [d.code, d.message])).toEqual([
      [
        "PATTERN_INVALID",
        'The @pattern "^\\\\d+\\\\-\\\\d+$" of `test.validation#Legacy` is not a valid regular expression (not ECMA-262 with the u flag: Invalid regular expression: /^\\d+\\-\\d+$/u: Invalid escape); it is not checked',
      ],
    ]);
    const { validate } = await emitAndImport(m());
    expect([validate("validateSpaces")("\u00a0").length, validate("validateSpaces")("a\n").length, validate("validateSlash")("a/\n").length]).toEqual([0, 1, 0]);
  });

  it("warns about a pattern Java rejects (PATTERN_INVALID) or ECMAScript cannot say (PATTERN_UNTRANSLATABLE), and skips it", async () => {
    const bad = () =>
      model("bad", [
        str("Backwards", { pattern: "[z-a]" }),
        str("Greek", { pattern: "^\\p{InGreek}+$" }),
        struct("Holder", [member("Code", "smithy.api#String", { constraints: { pattern: "a{2" } })]),
      ]);
    const diags = new Diagnostics();
    const text = emitValidators(bad(), assignNames(bad(), diags), diags).render("// header");
    expect(diags.items.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["PATTERN_INVALID", "warning", 'The @pattern "[z-a]" of `test.validation#Backwards` is not a valid regular expression (Illegal character range near index 3); it is not checked'],
      [
        "PATTERN_UNTRANSLATABLE",
        "warning",
        'The @pattern "^\\\\p{InGreek}+$" of `test.validation#Greek` cannot be translated exactly to JavaScript: Unicode blocks (\\p{InGreek}) have no ECMAScript equivalent; it is not checked',
      ],
      ["PATTERN_INVALID", "warning", 'The @pattern "a{2" of `test.validation#Holder$Code` is not a valid regular expression (Unclosed counted closure near index 3); it is not checked'],
    ]);
    expect(text).not.toContain(".test(");
    const { validate } = await emitAndImport(bad());
    expect(validate("validateBackwards")("anything")).toEqual([]);
    expect(() => emitValidators(bad(), assignNames(bad(), new Diagnostics()))).toThrow(/is not a valid regular expression/);
  });
});
