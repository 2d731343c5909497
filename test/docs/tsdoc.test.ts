// The TSDoc builder, compared whole; its safety checked with fast-check and the TypeScript parser.
//
//   tsdoc({ required: true }) → ["/**", " * Required.", " */"]

import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { MAX_LISTED_VALUES, tsdoc, type TsDocInput } from "../../generator/docs/tsdoc.js";

const html = (text: string): TsDocInput["docs"] => ({ text, format: "html" });
const md = (text: string): TsDocInput["docs"] => ({ text, format: "commonmark" });
const comment = (input: TsDocInput): string => tsdoc(input).join("\n");

/** Parses `comment` + `export type X = string;` and returns what TypeScript reads back. */
function readBack(source: string): { statements: number; syntaxErrors: number; text: string; tags: string[] } {
  const file = ts.createSourceFile("x.ts", `${source}\nexport type X = string;\n`, ts.ScriptTarget.ES2022, true);
  const { diagnostics = [] } = ts.transpileModule(file.text, { reportDiagnostics: true, compilerOptions: {} });
  const statement = file.statements[0];
  const docs = statement ? ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc) : [];
  return {
    statements: file.statements.length,
    syntaxErrors: diagnostics.length,
    text: docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? "").join("\n"),
    tags: docs.flatMap((d) => (d.tags ?? []).map((t) => t.tagName.text)),
  };
}

describe("tsdoc", () => {
  it("renders docs, then the facts paragraph", () => {
    expect(
      tsdoc({
        docs: html("<p>The app client ID.</p>"),
        kind: "string",
        required: true,
        sensitive: true,
        constraints: { length: { min: 1, max: 128 }, pattern: "^[\\w+]+$" },
      }),
    ).toEqual([
      "/**",
      " * The app client ID.",
      " *",
      " * Required. Sensitive.",
      " * Constraints: length 1–128 (Unicode code points); pattern `^[\\w+]+$`.",
      " */",
    ]);
  });

  it("keeps the AWS identifiers with their underscores", () => {
    expect(
      comment({
        docs: html(
          "<p>For <code>USER_SRP_AUTH</code>, pass <code>SRP_A</code> and <code>SECRET_HASH</code>.</p>\n<ul><li><p>USER_PASSWORD_AUTH</p></li></ul>",
        ),
      }),
    ).toBe(
      ["/**", " * For `USER_SRP_AUTH`, pass `SRP_A` and `SECRET_HASH`.", " *", " * - USER_PASSWORD_AUTH", " */"].join("\n"),
    );
  });

  it("gives [] when there is nothing to say", () => {
    expect(tsdoc({})).toEqual([]);
    expect(tsdoc({ docs: html("") })).toEqual([]);
    expect(tsdoc({ docs: html("  <p>\n  </p>  "), constraints: {}, enumValues: [] })).toEqual([]);
    expect(tsdoc({ docs: md("\n\n  \n") })).toEqual([]);
  });

  it("adds no blank lines around empty docs", () => {
    expect(tsdoc({ docs: html("<p></p>"), required: true })).toEqual(["/**", " * Required.", " */"]);
  });

  it("cannot be ended early by */ in docs or in a pattern", () => {
    expect(
      comment({
        docs: html("<p>Globs like <code>logs/*/</code> and a/*/b end */ here.</p>"),
        kind: "string",
        constraints: { pattern: "^a*/b$" },
      }),
    ).toBe(
      [
        "/**",
        " * Globs like `logs/*\\/` and a/\\*\\/b end \\*\\/ here.",
        " *",
        " * Constraints: pattern `^a*\\/b$`.",
        " */",
      ].join("\n"),
    );
    expect(comment({ docs: md("**/ and */"), enumValues: ["a*/"], defaultValue: "*/" })).toBe(
      [
        "/**",
        " * **\\/ and *\\/",
        " *",
        " * Allowed values: `a*\\/`.",
        " *",
        ' * @defaultValue `"*\\/"`',
        " */",
      ].join("\n"),
    );
  });

  it("escapes @ that would start a tag, but not inside words", () => {
    expect(
      comment({
        docs: md("@param x is not a tag\nnor @returns, {@link Foo}, (@see) or `a @b`\nbut user@example.com and `@x` stay"),
      }),
    ).toBe(
      [
        "/**",
        " * \\@param x is not a tag",
        " * nor \\@returns, {\\@link Foo}, (\\@see) or `a \\@b`",
        " * but user@example.com and `@x` stay",
        " */",
      ].join("\n"),
    );
  });

  it("renders @deprecated with and without message and since", () => {
    expect(tsdoc({ deprecated: {} })).toEqual(["/**", " * @deprecated", " */"]);
    expect(tsdoc({ deprecated: { since: "2019-06-13" } })).toEqual(["/**", " * @deprecated Since 2019-06-13.", " */"]);
    expect(tsdoc({ deprecated: { message: "Use InitiateAuth instead." } })).toEqual([
      "/**",
      " * @deprecated Use InitiateAuth instead.",
      " */",
    ]);
    expect(
      tsdoc({
        docs: html("<p>Old flow.</p>"),
        deprecated: { message: "Use @InitiateAuth instead.\nIt is */ better.  ", since: "1.2" },
      }),
    ).toEqual([
      "/**",
      " * Old flow.",
      " *",
      " * @deprecated Since 1.2: Use \\@InitiateAuth instead.",
      " * It is *\\/ better.",
      " */",
    ]);
  });

  it("renders @defaultValue as JSON with sorted keys", () => {
    expect(tsdoc({ defaultValue: { b: [1, "x"], a: null } })).toEqual([
      "/**",
      ' * @defaultValue `{"a":null,"b":[1,"x"]}`',
      " */",
    ]);
    expect(tsdoc({ defaultValue: false, required: true })).toEqual([
      "/**",
      " * Required.",
      " *",
      " * @defaultValue `false`",
      " */",
    ]);
  });

  it("reads length per kind of value", () => {
    const facts = (input: TsDocInput): string => tsdoc(input)[1] ?? "";
    expect(facts({ kind: "string", constraints: { length: { min: 1, max: 128 } } })).toBe(
      " * Constraints: length 1–128 (Unicode code points).",
    );
    expect(facts({ kind: "string", constraints: { length: { min: 20 } } })).toBe(
      " * Constraints: length at least 20 (Unicode code points).",
    );
    expect(facts({ kind: "blob", constraints: { length: { max: 1024 } } })).toBe(" * Constraints: at most 1024 bytes.");
    expect(facts({ kind: "list", constraints: { length: { min: 1, max: 10 }, uniqueItems: true } })).toBe(
      " * Constraints: 1–10 items; unique items.",
    );
    expect(facts({ kind: "list", constraints: { length: { min: 1 } } })).toBe(" * Constraints: at least 1 item.");
    expect(facts({ kind: "map", constraints: { length: { min: 2, max: 2 } } })).toBe(" * Constraints: exactly 2 entries.");
    expect(facts({ kind: "structure", constraints: { properties: { max: 1 } } })).toBe(
      " * Constraints: at most 1 property.",
    );
    expect(facts({ kind: "number", constraints: { range: { min: 0, max: 100 }, multipleOf: 5 } })).toBe(
      " * Constraints: value 0–100; multiple of 5.",
    );
    expect(facts({ kind: "number", constraints: { range: { min: -1, max: 1 } } })).toBe(
      " * Constraints: value -1 to 1.",
    );
    expect(facts({ kind: "number", constraints: { range: { min: 0, max: 1, exclusiveMin: true } } })).toBe(
      " * Constraints: value greater than 0 and at most 1.",
    );
    expect(facts({ kind: "number", constraints: { range: { max: 10, exclusiveMax: true } } })).toBe(
      " * Constraints: value less than 10.",
    );
  });

  it("lists flags, format and allowed values", () => {
    expect(
      tsdoc({
        docs: md("The flow."),
        required: true,
        readOnly: true,
        format: "date-time",
        enumValues: ["USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "A`B"],
      }),
    ).toEqual([
      "/**",
      " * The flow.",
      " *",
      " * Required. Read-only.",
      " * Format: `date-time`.",
      " * Allowed values: `USER_SRP_AUTH`, `REFRESH_TOKEN_AUTH`, ``A`B``.",
      " */",
    ]);
  });

  it(`lists at most ${MAX_LISTED_VALUES} allowed values, then how many more`, () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    const listed = (n: number) => values(n).map((v) => `\`${v}\``).join(", ");
    expect(tsdoc({ enumValues: values(MAX_LISTED_VALUES) })).toEqual(["/**", ` * Allowed values: ${listed(MAX_LISTED_VALUES)}.`, " */"]);
    expect(tsdoc({ enumValues: values(MAX_LISTED_VALUES + 1) })).toEqual(["/**", ` * Allowed values: ${listed(MAX_LISTED_VALUES)} and 1 more (the type lists all ${MAX_LISTED_VALUES + 1}).`, " */"]);
    expect(tsdoc({ enumValues: [...values(MAX_LISTED_VALUES), 1, 2, 3] }).join("\n")).toMatch(/ and 3 more \(the type lists all 43\)\.\n \*\/$/);
  });

  it("keeps fenced code from CommonMark, escaping only a line-leading @", () => {
    expect(comment({ docs: md("Example:\r\n\r\n```ts\n@Decorator()\nclass A {}  \n\n\n```\n") })).toBe(
      ["/**", " * Example:", " *", " * ```ts", " * \\@Decorator()", " * class A {}", " *", " *", " * ```", " */"].join(
        "\n",
      ),
    );
  });

  it("is valid TypeScript, and TypeScript reads the identifiers back with their underscores", () => {
    const lines = tsdoc({
      docs: html(
        "<p>For <code>USER_SRP_AUTH</code>, pass <code>SRP_A</code> and <code>SECRET_HASH</code>. Not @param, not */.</p>",
      ),
      kind: "string",
      constraints: { length: { min: 1, max: 128 }, pattern: "^[\\w+]+$" },
      deprecated: { message: "Use @Other." },
    });
    const back = readBack(lines.join("\n"));
    expect(back).toEqual({
      statements: 1,
      syntaxErrors: 0,
      text: [
        "For `USER_SRP_AUTH`, pass `SRP_A` and `SECRET_HASH`. Not \\@param, not \\*\\/.",
        "",
        "Constraints: length 1–128 (Unicode code points); pattern `^[\\w+]+$`.",
      ].join("\n"),
      tags: ["deprecated"],
    });
  });

  it("is deterministic", () => {
    const input: TsDocInput = {
      docs: html("<p>x <b>y</b></p>"),
      defaultValue: { z: 1, a: { d: 2, c: 3 } },
      constraints: { length: { min: 1 } },
      kind: "list",
    };
    expect(comment(input)).toBe(comment({ ...input, defaultValue: { a: { c: 3, d: 2 }, z: 1 } }));
  });
});

describe("tsdoc safety for arbitrary documentation", () => {
  const docsArb = fc.record({
    text: fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: fc.constantFrom("*", "/", "@", "{", "`", " ", "\n", "<", ">", "p", "a", "\u2028", "\r") }),
      fc.array(fc.constantFrom("*/", "<p>", "</p>", "<code>", "</code>", "<pre>", "@x", " ", "\n", "`", "<li>", "_a_")).map((a) => a.join("")),
    ),
    format: fc.constantFrom("html" as const, "commonmark" as const),
  });

  it("opens with /**, closes with the one */ at the end, and no line ends in whitespace", () => {
    fc.assert(
      fc.property(docsArb, fc.option(fc.string(), { nil: undefined }), (docs, pattern) => {
        const lines = tsdoc({ docs, constraints: pattern === undefined ? {} : { pattern }, kind: "string" });
        const text = lines.join("\n");
        if (lines.length === 0) return;
        expect(text.startsWith("/**\n")).toBe(true);
        expect(text.indexOf("*/")).toBe(text.length - 2);
        expect(lines.every((line) => line === line.trimEnd())).toBe(true);
        expect(lines.slice(1, -1).every((line) => line === " *" || line.startsWith(" * "))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("always parses as one comment before the declaration, with no tags from the docs", () => {
    fc.assert(
      fc.property(docsArb, (docs) => {
        const lines = tsdoc({ docs });
        if (lines.length === 0) return;
        const back = readBack(lines.join("\n"));
        expect({ statements: back.statements, syntaxErrors: back.syntaxErrors, tags: back.tags }).toEqual({
          statements: 1,
          syntaxErrors: 0,
          tags: [],
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("tsdoc with an indent", () => {
  it("is the comment without one, each line after the indent (blank separators and the ends too)", () => {
    const inputs: TsDocInput[] = [
      {},
      { required: true },
      { docs: html("<p>The ID.</p><ul><li>one</li><li>two</li></ul><p>More.</p>"), required: true, sensitive: true, constraints: { length: { min: 1, max: 128 }, pattern: "^[a-z]+$" }, kind: "string" },
      { docs: md("Line one\n\n```\ncode @here\n```"), defaultValue: { b: 1, a: [2] }, deprecated: { message: "Use `Y`.", since: "2024" } },
      { enumValues: ["a", "b"], readOnly: true, format: "uuid" },
    ];
    for (const input of inputs) {
      for (const indent of ["  ", "    "]) expect(tsdoc(input, undefined, indent)).toEqual(tsdoc(input).map((line) => indent + line));
    }
  });
});
