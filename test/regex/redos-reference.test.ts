// The fast ReDoS analysis (generator/regex/redos.ts, universe.ts) against the reference it
// replaced (test/regex/reference/, the code of fb3e71e): the same verdict, kind and attack
// (prefix, pump, suffix) on every distinct `@pattern` of the AWS corpus, read in place, and on
// patterns generated from pieces that make loops overlap (nested and adjacent quantifiers,
// alternations, Unicode properties, look-arounds, counted repeats past the exact limit). Each
// side gets its own Universe, one per run as the memo makes it.
//
//   analyse(parseJava("^(a+)+$").node) ≡ referenceAnalyse(parseJava("^(a+)+$").node)
//   → { safe: false, kind: "exponential", attack: { prefix: "aa", pump: "aa", suffix: "\u0000" } } on both

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translateJavaPattern } from "../../generator/regex/index.js";
import { analyse } from "../../generator/regex/redos.js";
import { Universe } from "../../generator/regex/universe.js";
import { corpusPatterns } from "./corpus.js";
import { analyse as referenceAnalyse } from "./reference/redos.js";
import { Universe as ReferenceUniverse } from "./reference/universe.js";

/** Patterns whose analyses differ, with both answers (empty when they agree everywhere). */
function disagreements(patterns: readonly string[]): { pattern: string; fast: unknown; reference: unknown }[] {
  const fast = new Universe();
  const reference = new ReferenceUniverse();
  const out: { pattern: string; fast: unknown; reference: unknown }[] = [];
  for (const pattern of patterns) {
    const t = translateJavaPattern(pattern);
    if (t.kind !== "ok") continue;
    const a = analyse(t.node, fast);
    const b = referenceAnalyse(t.node, reference);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ pattern, fast: a, reference: b });
  }
  return out;
}

const ATOMS = [
  "a", "b", "x", "-", "[ab]", "[a-c]", "[^a]", ".", "\\d", "\\s", "\\w", "\\S",
  "\\p{L}", "\\p{Lu}", "\\P{L}", "[\\p{L}\\d]", "[\\p{L}&&[^a-z]]", "\\p{IsAlphabetic}", "[\\p{N}\\p{P}]",
];
const QUANTIFIERS = ["", "", "*", "+", "?", "{0,2}", "{2}", "{1,3}", "*?", "{1,200}", "{3,}"];

/** Java patterns from pieces: sequences, alternations and groups of quantified atoms, anchored or not. */
const generated = fc
  .letrec<{ piece: string }>((tie) => ({
    piece: fc.oneof(
      { maxDepth: 3, depthSize: "small", withCrossShrink: true },
      fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...QUANTIFIERS)).map(([a, q]) => a + q),
      fc.tuple(fc.array(tie("piece"), { minLength: 1, maxLength: 2 }), fc.constantFrom(...QUANTIFIERS)).map(([items, q]) => `(${items.join("")})${q}`),
      fc.tuple(tie("piece"), tie("piece"), fc.constantFrom(...QUANTIFIERS)).map(([a, b, q]) => `(?:${a}|${b})${q}`),
      tie("piece").map((a) => `(?=${a})`),
      tie("piece").map((a) => `(?<!${a.replace(/[*+?]|\{\d*,?\d*\}/g, "")})`),
    ),
  }))
  .piece;
const pattern = fc
  .tuple(fc.boolean(), fc.array(generated, { minLength: 1, maxLength: 3 }), fc.constantFrom("", "$", "\\z", "x$"))
  .map(([start, items, end]) => `${start ? "^" : ""}${items.join("")}${end}`);

describe("the fast ReDoS analysis agrees with the reference", () => {
  it("on every distinct @pattern of the AWS corpus", () => {
    const patterns = corpusPatterns();
    expect(patterns.length).toBeGreaterThan(3000);
    expect(disagreements(patterns)).toEqual([]);
  });

  it("on generated patterns with overlapping loops, properties and look-arounds (fast-check)", () => {
    const patterns = fc.sample(pattern, { numRuns: 250, seed: 20261130 });
    // The sample exercises every verdict (else it would prove little).
    const kinds = new Set(
      patterns.map((p) => {
        const t = translateJavaPattern(p);
        if (t.kind !== "ok") return t.kind;
        const a = analyse(t.node);
        return a.safe ? "safe" : a.kind;
      }),
    );
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["exponential", "polynomial", "safe"]));
    expect(disagreements(patterns)).toEqual([]);
  });
});
