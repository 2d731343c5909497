// The validators emitter finds public validators with the same checks by the length of their
// body text first (generator/emit/validators.ts `bodyLength`), joining bodies only to compare two
// of the same length: that length must be exactly the joined text's.

import { describe, expect, it } from "vitest";
import { bodyLength } from "../../generator/emit/validators.js";

describe("bodyLength", () => {
  it("is the length of the lines after the first, joined by line breaks", () => {
    const cases: string[][] = [[], ["only"], ["head", ""], ["head", "", ""], ["head", "a"], ["h", "ab", "", "c\nd", "€uro"], ["x", "  if (a) {", "    b();", "  }", "}"]];
    for (const lines of cases) expect(bodyLength(lines), JSON.stringify(lines)).toBe(lines.slice(1).join("\n").length);
    // Pseudo-random lines, a fixed seed.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 200; n++) {
      const lines = Array.from({ length: next() % 12 }, () => "x".repeat(next() % 50));
      expect(bodyLength(lines)).toBe(lines.slice(1).join("\n").length);
    }
  });
});
