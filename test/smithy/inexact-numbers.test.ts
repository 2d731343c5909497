// Which JSON AST texts are read exactly (through the parse tree) because a number literal may be
// one a float64 cannot hold: generator/smithy/json-ast.ts mayHoldInexactNumber. Digits inside a
// string do not count; every real literal with 16+ digits or a 3-digit exponent does.

import { describe, expect, it } from "vitest";
import { mayHoldInexactNumber, readJsonAst } from "../../generator/smithy/json-ast.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { BigNumberNode } from "../../generator/smithy/ast.js";

describe("mayHoldInexactNumber", () => {
  it("finds literals where a JSON value starts, whatever the whitespace before them", () => {
    for (const text of ["12345678901234567", '{"a": 12345678901234567}', '{"a":\n\t -12345678901234567}', "[1, 2.00000000000000001]", '{"a":[1e308]}', '{"a":1.5E-400}', '{"a" :\r\n 0.12345678901234567}']) {
      expect(mayHoldInexactNumber(text), text).toBe(true);
    }
  });

  it("skips such digits inside strings, and short literals", () => {
    for (const text of ['{"a": "id 12345678901234567"}', '{"doc": "1e308 is big"}', '{"a": 123456789012345, "b": 1.5e30}', '{"a": "x12345678901234567"}']) {
      expect(mayHoldInexactNumber(text), text).toBe(false);
    }
  });

  it("a long literal is still read exactly when a string before it has long digits too", () => {
    const text = '{"smithy": "2.0", "metadata": {"doc": "12345678901234567890", "n": 12345678901234567890}}';
    expect(mayHoldInexactNumber(text)).toBe(true);
    const read = readJsonAst(text, "m.json", new Diagnostics(), JSON.parse(text));
    const n = (read?.ast as unknown as { metadata: { n: unknown } }).metadata.n;
    expect(n).toBeInstanceOf(BigNumberNode);
    expect(n).toEqual(new BigNumberNode("12345678901234567890"));
  });
});
