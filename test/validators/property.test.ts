// Property tests: the generated length check agrees with counting code points, `[...s].length`,
// whatever the string (lone surrogates, astral characters, bounds at the edges of the fast path).

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { emitAndImport, model, str, type Validator } from "./fixtures.js";

const BOUNDS = [
  { name: "OneToFive", min: 1, max: 5 },
  { name: "ZeroToThree", min: 0, max: 3 },
  { name: "AtLeastFour", min: 4 },
  { name: "AtMostSix", max: 6 },
  { name: "Exactly2", min: 2, max: 2 },
] as const;

const validators = new Map<string, Validator>();

beforeAll(async () => {
  const m = model(
    "lengths",
    BOUNDS.map((b) => str(b.name, { length: { ...("min" in b ? { min: b.min } : {}), ...("max" in b ? { max: b.max } : {}) } })),
  );
  const { validate } = await emitAndImport(m);
  for (const b of BOUNDS) validators.set(b.name, validate(`validate${b.name}`));
});

/** Strings mixing ASCII, BMP, astral characters and lone surrogates. */
const strings = fc.array(
  fc.oneof(
    fc.constantFrom("a", "é", "😀", "\u{10FFFF}", "\uD800", "\uDC00", "\uDBFF\uDFFF", "中"),
    fc.string({ unit: "grapheme", maxLength: 3 }),
    fc.string({ unit: "binary", maxLength: 3 }),
  ),
  { maxLength: 10 },
).map((parts) => parts.join(""));

describe("string length property", () => {
  for (const b of BOUNDS) {
    it(`${b.name}: fails exactly when [...s].length is out of bounds`, () => {
      const check = validators.get(b.name);
      if (!check) throw new Error("no validator");
      fc.assert(
        fc.property(strings, (s) => {
          const count = [...s].length;
          const inBounds = ("min" in b ? count >= b.min : true) && ("max" in b ? count <= b.max : true);
          const failures = check(s);
          expect(failures.length === 0).toBe(inBounds);
          if (!inBounds) {
            expect(failures).toHaveLength(1);
            expect(failures[0]?.constraint).toBe("length");
            expect(failures[0]?.message).toContain(`Value with length ${count} at ''`);
          }
        }),
        { numRuns: 2000 },
      );
    });
  }
});
