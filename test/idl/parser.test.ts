// Focused tests of the IDL lexer and parser: text blocks, comments, node values, shape id
// resolution, and syntax errors with their positions.

import { describe, expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { parseIdl } from "../../generator/smithy/idl/index.js";
import { Lexer } from "../../generator/smithy/idl/lexer.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { textBlockValue, unescape } from "../../generator/smithy/idl/strings.js";

function parse(text: string) {
  const diags = new Diagnostics();
  const ast = parseIdl(text, "t.smithy", diags);
  return { ast, diags: diags.items };
}

function traitsOf(text: string, id: string) {
  const { ast, diags } = parse(text);
  expect(diags.filter((d) => d.severity === "error")).toEqual([]);
  return (ast?.shapes?.[id] as { traits?: Record<string, unknown> } | undefined)?.traits;
}

describe("lexer", () => {
  test("tokens, with whitespace and comments as tokens", () => {
    const lx = new Lexer('string Foo // c\n@a("x", 1.5e2)');
    const seen: string[] = [];
    while (lx.tok() !== "EOF") {
      seen.push(lx.tok());
      lx.next();
    }
    expect(seen).toEqual(["IDENTIFIER", "SPACE", "IDENTIFIER", "SPACE", "COMMENT", "AT", "IDENTIFIER", "LPAREN", "STRING", "COMMA", "SPACE", "NUMBER", "RPAREN"]);
  });
  test("CRLF is one newline; positions are 1-based", () => {
    const lx = new Lexer("a\r\n  b");
    lx.next();
    expect(lx.tok()).toBe("NEWLINE");
    lx.next();
    lx.next();
    expect([lx.lexeme, lx.line, lx.column]).toEqual(["b", 2, 3]);
  });
  test("string escapes", () => {
    expect(unescape('a\\"b\\\\c\\/d\\n\\u0041')).toBe('a"b\\c/d\nA');
    expect(() => unescape("\\'")).toThrow(/Invalid escape/);
    expect(() => unescape("\\u00")).toThrow(/unclosed unicode/);
  });
  test("text blocks: first line dropped, incidental indentation and trailing spaces removed", () => {
    expect(textBlockValue("\n    Hello\n      World  \n    ")).toBe("Hello\n  World\n");
    expect(textBlockValue("\n    a \\\n    b")).toBe("a b");
    expect(() => textBlockValue("")).toThrow(/empty/);
    expect(() => textBlockValue("x\n")).toThrow(/new line/);
  });
});

describe("parser", () => {
  test("node values of every form, commas optional", () => {
    const traits = traitsOf(
      '$version: "2"\nnamespace a\n@trait document t\n@t({ s: "x", n: -1.5, i: 10, b: true, z: null, l: [1 2, 3,], o: {"k": Foo} })\nstring Foo\n',
      "a#Foo",
    );
    expect(traits?.["a#t"]).toEqual({ s: "x", n: -1.5, i: 10, b: true, z: null, l: [1, 2, 3], o: { k: "a#Foo" } });
  });
  test("doc comments become documentation; doc comments after traits are ignored", () => {
    const { ast } = parse('$version: "2"\nnamespace a\n/// Line 1\n/// Line 2\n@sensitive\n/// ignored\nstring S\n');
    expect((ast?.shapes?.["a#S"] as { traits?: object }).traits).toEqual({
      "smithy.api#sensitive": {},
      "smithy.api#documentation": "Line 1\nLine 2",
    });
  });
  test("relative ids: use, then the namespace (in any loaded file), then the prelude", () => {
    const diags = new Diagnostics();
    const model = loadSmithy(
      [
        { path: "s.smithy", text: '$version: "2"\nnamespace a\nuse b.c#Other\nstructure S { w: Integer, x: String, y: Other, z: Local }\n' },
        { path: "t.smithy", text: '$version: "2"\nnamespace a\nstring Local\nstring String\n' },
        { path: "u.json", text: '{"smithy": "2.0", "shapes": {"b.c#Other": {"type": "string"}}}' },
      ],
      diags,
    );
    expect(diags.items).toEqual([]);
    const members = model?.shapes.get("a#S")?.members ?? {};
    expect(members["w"]?.target).toBe("smithy.api#Integer");
    expect(members["x"]?.target).toBe("a#String");
    expect(members["y"]?.target).toBe("b.c#Other");
    expect(members["z"]?.target).toBe("a#Local");
  });
  test("inline input/output, defaults, enums", () => {
    const { ast } = parse('$version: "2"\nnamespace a\noperation Op {\n  input := { @required n: Integer = 1\n }\n  output := {}\n}\nenum E { A = "a"\n B }\n');
    expect(ast?.shapes?.["a#Op"]).toEqual({ type: "operation", input: { target: "a#OpInput" }, output: { target: "a#OpOutput" } });
    expect(ast?.shapes?.["a#OpInput"]).toEqual({
      type: "structure",
      members: { n: { target: "smithy.api#Integer", traits: { "smithy.api#required": {}, "smithy.api#default": 1 } } },
      traits: { "smithy.api#input": {} },
    });
    expect((ast?.shapes?.["a#E"] as { members: object }).members).toEqual({
      A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "a" } },
      B: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "B" } },
    });
  });
  test("IDL 1.0 keeps 1.0 forms for the loader to upgrade", () => {
    const { ast } = parse("namespace a\nset S { member: String }\n");
    expect(ast?.smithy).toBe("1.0");
    expect(ast?.shapes?.["a#S"]).toEqual({ type: "set", member: { target: "smithy.api#String" } });
  });
});

describe("errors", () => {
  test("a syntax error says what was expected and found, and where (the printer draws the frame, not the hint)", () => {
    const { ast, diags } = parse("namespace a\nstructure S {\n  x String\n}\n");
    expect(ast).toBeUndefined();
    expect(diags[0]).toMatchObject({ code: "SMITHY_IDL_SYNTAX", line: 3, column: 5, file: "t.smithy" });
    expect(diags[0]?.message).toBe("Expected COLON(':') but found SPACE(' ')".replace("SPACE(' ')", "IDENTIFIER('String')"));
    expect(diags[0]?.hint).toBe("Fix the syntax at this position; the grammar is at https://smithy.io/2.0/spec/idl.html.");
  });
  test("unterminated string points at the end of the file", () => {
    const { diags } = parse('namespace a\n@documentation("x)\nstring S\n');
    expect(diags[0]).toMatchObject({ line: 4, column: 1 });
    expect(diags[0]?.message).toContain("Expected: '\"'");
  });
  test("an unknown shape suggests the nearest one", () => {
    const { ast, diags } = parse('$version: "2"\nnamespace a\nstructure S { x: Strin }\n');
    expect(ast).toBeUndefined();
    expect(diags[0]).toMatchObject({ code: "SMITHY_UNKNOWN_SHAPE", line: 3, column: 18 });
    expect(diags[0]?.hint).toBe("Did you mean `smithy.api#String`?");
  });
  test("hostile nesting is an error, not a crash", () => {
    const { diags } = parse(`metadata x = ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    expect(diags[0]?.message).toMatch(/nested/);
  });
});
