// The shortcuts of the pattern translation against the general code they skip: a union or an
// intersection of concrete sets (charset.ts) is what `simplify` makes of it, on generated sets;
// the compile check of a translation with Unicode properties (index.ts `compileProblem`, which
// compiles `\d` in their place) gives what compiling the source itself gives, on the translation
// of every AWS corpus pattern and on sources made to break it.
//
//   union(ranges a-c, ranges b-f) ≡ simplify({ kind: "union", items: [ranges a-c, ranges b-f] }) → ranges a-f
//   compileProblem("[\\p{L}-z]") ≡ the message of new RegExp("[\\p{L}-z]", "u") → "Invalid regular expression: /[\\p{L}-z]/u: Invalid character class"

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_CODE_POINT, inter, simplify, union, type CharSet } from "../../generator/regex/charset.js";
import { compileProblem, translateJavaPattern } from "../../generator/regex/index.js";
import { corpusPatterns } from "./corpus.js";

/** What compiling the source itself says: undefined, or the error's message. */
function compiled(source: string): string | undefined {
  try {
    new RegExp(source, "u");
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A concrete set as the parser makes them: any ranges, overlapping, adjacent or empty, sorted or not. */
const concrete: fc.Arbitrary<CharSet> = fc
  .array(
    fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 8 })),
      fc.tuple(fc.integer({ min: 0, max: MAX_CODE_POINT }), fc.integer({ min: 0, max: 0x20000 })),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => ({ kind: "ranges", ranges: pairs.map(([lo, n]) => [lo, Math.min(MAX_CODE_POINT, lo + n)] as const) }));

describe("charset shortcuts", () => {
  it("a union or intersection of concrete sets is what simplify makes of it (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(concrete, { minLength: 0, maxLength: 5 }), (items) => {
        expect(union(...items)).toEqual(simplify({ kind: "union", items }));
        if (items.length > 0) expect(inter(...items)).toEqual(simplify({ kind: "inter", items }));
      }),
      { numRuns: 2000, seed: 20261130 },
    );
  });

  it("the compile check of a translation agrees with compiling it, with and without Unicode properties", () => {
    const sources = corpusPatterns().flatMap((p) => {
      const t = translateJavaPattern(p);
      return t.kind === "ok" ? [t.source] : [];
    });
    const withProperties = sources.filter((s) => /\\[pP]\{/.test(s));
    expect(withProperties.length).toBeGreaterThan(50);
    // Sources the shortcut must not pass: a property in a range, an unknown or v-flag-only name,
    // a property of strings, a lone brace, an escaped backslash before p, a bad group after a property.
    const made = [
      "[\\p{L}-z]", "[a-\\p{L}]", "\\p{Nope}", "\\P{Letter}x", "\\p{RGI_Emoji}", "[\\p{L}--\\p{Lu}]", "\\p{L", "\\p{}",
      "\\\\p{L}", "\\p{L}(", "\\p{L}{2,1}", "(?<=\\p{L}+)\\P{Script=Latin}", "\\p{Script=Nope}", "[\\P{L}\\p{Nd}]{3}", "\\p{L}\\k<x>",
      "(?<x>\\p{Lu})\\k<x>", "\\p{General_Category=Lu}", "\\p{gc=Lu}", "\\p{sc=Grek}", "\\p{Lu}\\u{110000}",
    ];
    const all = [...sources, ...made];
    expect(all.map(compileProblem)).toEqual(all.map(compiled));
    // The made ones include both verdicts.
    expect(new Set(made.map((s) => compiled(s) === undefined))).toEqual(new Set([true, false]));
  });
});
