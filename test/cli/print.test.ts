// The diagnostic printer: file names are escaped, the code frame is not shifted by characters that
// the frame printer would take for line breaks (U+2028, U+2029, a lone "\r"), and long lines are
// cut, also for IDL syntax errors (whose hint no longer carries a second, uncut frame).

import { describe, expect, it } from "vitest";
import { formatDiagnostic, formatDiagnostics } from "../../generator/cli/print.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { parseIdlFile } from "../../generator/smithy/idl/index.js";

const lookupOf = (files: Record<string, string>) => (file: string) => ({ display: file, ...(files[file] !== undefined ? { text: files[file] } : {}) });

describe("formatDiagnostic", () => {
  it("escapes a newline and U+2028 in the file name: the first line stays one line", () => {
    const out = formatDiagnostic({ code: "X", severity: "error", message: "m", file: "a\nb\u2028c.json" }, lookupOf({}));
    expect(out).toBe("a\\nb\\u2028c.json: error X: m");
  });

  it("U+2028, U+2029 and a lone \\r inside a line do not shift the frame", () => {
    const text = 'line one\n"doc": "a\u2028b\u2029c\rd",\n"x": 1,\n"bad": oops\n"y": 2\n';
    const out = formatDiagnostic(
      { code: "JSON_SYNTAX", severity: "error", message: "Value expected", file: "m.json", line: 4, column: 8, hint: "h" },
      lookupOf({ "m.json": text }),
    );
    expect(out).toBe(
      [
        "m.json:4:8: error JSON_SYNTAX: Value expected",
        '    2 | "doc": "a\u2424b\u00b6c\u240dd",',
        '    3 | "x": 1,',
        '  > 4 | "bad": oops',
        "      |        ^",
        '    5 | "y": 2',
        "    6 |",
        "hint: h",
      ].join("\n"),
    );
  });

  it("cuts long lines around the column", () => {
    const long = "x".repeat(250_000);
    const text = `${long}\n${long}ERR${long}\n`;
    const out = formatDiagnostic({ code: "E", severity: "error", message: "m", file: "f", line: 2, column: 250_001 }, lookupOf({ f: text }));
    expect(out.length).toBeLessThan(600);
    const lines = out.split("\n");
    expect(lines[2]).toBe(`  > 2 | …${"x".repeat(60)}ERR${"x".repeat(57)}…`);
    expect(lines[3]).toBe(`      | ${" ".repeat(61)}^`);
  });
});

describe("IDL syntax errors", () => {
  it("on a 250 KB line print a short frame once, not the whole line in the hint", () => {
    const members = Array.from({ length: 20_000 }, (_, i) => `m${i}: String`).join(" ");
    const text = `$version: "2"\nnamespace a\nstructure S { ${members} @@@ }\n`;
    expect(text.length).toBeGreaterThan(250_000);
    const diags = new Diagnostics();
    expect(parseIdlFile(text, "big.smithy", diags)).toBeUndefined();
    const [d] = diags.items;
    expect(d).toMatchObject({ code: "SMITHY_IDL_SYNTAX", line: 3, column: text.split("\n")[2]!.indexOf("@@@") + 2 });
    expect(d!.hint).not.toContain("|");
    const out = formatDiagnostics(diags.items, lookupOf({ "big.smithy": text }), false);
    expect(out.length).toBeLessThan(1000);
    expect(out.split("\n").filter((l) => l.includes("^"))).toHaveLength(1);
  });

  it("that quote a 250 KB token or name stay short: the token is cut, and any long message line", () => {
    const big = "x".repeat(250_000);
    const cases = [
      [`$version: "2"\nnamespace a\nstructure S { a: String "${big}" }\n`, `Expected IDENTIFIER but found STRING('"${"x".repeat(58)}…')`],
      [`$version: "2"\nnamespace a\nstructure S { ${big}: String ${big}: String }\n`, "Duplicate member of `a#S`: '"],
    ] as const;
    for (const [text, start] of cases) {
      const diags = new Diagnostics();
      parseIdlFile(text, "big.smithy", diags);
      const out = formatDiagnostics(diags.items, lookupOf({ "big.smithy": text }), false);
      expect(out.length).toBeLessThan(1000);
      expect(out.split("\n")[0]).toContain(start);
    }
    expect(formatDiagnostic({ code: "X", severity: "error", message: `a${"y".repeat(5000)}z`, hint: "h" }, lookupOf({}))).toBe(
      `error X: a${"y".repeat(299)} … (4622 characters cut) … ${"y".repeat(79)}z\nhint: h`,
    );
  });
});
