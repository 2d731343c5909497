// Each `@pattern` read once per run: translated (Java → ECMAScript, index.ts, or an OpenAPI
// ECMA-262 pattern checked as it is) and, when valid, analysed for super-linear backtracking
// (redos.ts), with the Unicode answers of that analysis (universe.ts) shared too. Shapes of many
// owners share a pattern, and AWS models share patterns with each other (402 models: 4,940
// patterns read model by model, 3,462 distinct), so a pool worker keeps one for all its models.
//
//   const patterns = new PatternMemo();
//   patterns.read(undefined, "^[a-z]+$")  → { result: { kind: "ok", source: "^[a-z]+(?=…)", node, groups: 0 }, analysis: { safe: true } }
//   patterns.read(undefined, "^[a-z]+$")  → the same object (a hit)
//   patterns.read("ecma262", "^[a-z]+$")  → read apart: { result: { kind: "ok", source: "^[a-z]+$" }, analysis: { safe: true } }
//
// A reading depends on the syntax and the text only: it names no owner and no position (the
// validators emitter words each warning for its own owner), so a hit is exactly a fresh reading.
// The objects handed out are shared: callers only read them (linear.ts and print.ts build new
// structures from a node, never change it). Bounded (generator/memo.ts): PATTERN_MEMO_CHARS
// characters of pattern text, with a fixed cost per entry for the tree and the analysis.

import { RunMemo } from "../memo.js";
import { translateJavaPattern, type Translation } from "./index.js";
import { analyse, type Analysis } from "./redos.js";
import { Universe } from "./universe.js";

/** How a model's patterns are written: `java.util.regex` (Smithy, undefined) or ECMA-262 (OpenAPI). */
export type PatternSyntax = "ecma262" | undefined;

/** An ECMA-262 pattern as a RegExp literal's body, or why it does not compile with the `u` flag. */
export type EcmaReading = { readonly kind: "ok"; readonly source: string } | { readonly kind: "invalid"; readonly problem: string };

export interface ReadPattern {
  readonly result: Translation | EcmaReading;
  readonly analysis: Analysis | { readonly safe: true };
}

/** Characters of pattern text held (plus ENTRY_COST per pattern) before the oldest half goes. */
export const PATTERN_MEMO_CHARS = 4_000_000;
/** What one entry counts for besides its text: its tree and analysis are a few KB. */
const ENTRY_COST = 200;

export class PatternMemo {
  readonly #java: RunMemo<ReadPattern>;
  readonly #ecma: RunMemo<ReadPattern>;
  /** Unicode questions of the analyses, answered once per run (bounded itself). */
  readonly #universe = new Universe();

  constructor(budget = PATTERN_MEMO_CHARS) {
    const size = (source: string) => source.length + ENTRY_COST;
    this.#java = new RunMemo(budget, size);
    this.#ecma = new RunMemo(budget, size);
  }

  read(syntax: PatternSyntax, source: string): ReadPattern {
    return syntax === "ecma262"
      ? this.#ecma.get(source, (text) => ({ result: ecmaPattern(text), analysis: { safe: true } }))
      : this.#java.get(source, (text) => readJavaPattern(text, this.#universe));
  }

  /** Patterns read and patterns found read (for tests and benchmarks). */
  get counts(): { readonly read: number; readonly reused: number } {
    return { read: this.#java.misses + this.#ecma.misses, reused: this.#java.hits + this.#ecma.hits };
  }
}

/** A Java pattern translated and, when it translates, analysed. */
export function readJavaPattern(source: string, universe = new Universe()): ReadPattern {
  const result = translateJavaPattern(source);
  return { result, analysis: result.kind === "ok" ? analyse(result.node, universe) : { safe: true } };
}

/** An ECMA-262 pattern (OpenAPI) as it is, if it compiles with the `u` flag (never without). */
export function ecmaPattern(source: string): EcmaReading {
  try {
    new RegExp(source, "u");
    // As a RegExp literal: `/` escaped, line terminators written as escapes.
    const literal = source.replace(/\\[^]|[/\n\r\u2028\u2029]/g, (m) =>
      m.length === 2 ? m : m === "/" ? "\\/" : `\\u${m.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    // An empty pattern is `(?:)` as a literal's body (`//` would be a comment).
    return { kind: "ok", source: literal || "(?:)" };
  } catch (error) {
    return { kind: "invalid", problem: `not ECMA-262 with the u flag: ${error instanceof Error ? error.message : String(error)}` };
  }
}
