// The validators emitter finds public validators with the same checks by a hash of their body
// text first (generator/emit/validators.ts `bodyHash`, which mixes in `bodyLength`), joining
// bodies only to compare two of the same hash: that length must be exactly the joined text's, and
// the hash a function of the joined text alone (however it is split into lines).

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bodyHash, bodyLength } from "../../generator/emit/validators.js";

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

describe("bodyHash", () => {
  it("depends on the joined text only: texts split into lines differently hash the same", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom("a", "b", "\n", " ", "€", "😀") }), { maxLength: 8 }), (lines) => {
        const text = lines.slice(1).join("\n");
        expect(bodyHash(lines)).toBe(bodyHash(["head", text]));
        expect(bodyHash(lines)).toBe(bodyHash(["other head", ...text.split("\n")]));
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it("tells apart the bodies of a long chain of validators that differ in one name", () => {
    const bodies = Array.from({ length: 20_000 }, (_, i) => ["head", "  const v1 = value.next;", `  if (v1 != null) validateS${i}(v1, path + "/next", out);`, "  return out;"]);
    expect(new Set(bodies.map(bodyHash)).size).toBe(bodies.length);
  });
});
