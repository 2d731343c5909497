// Java pattern in, ECMAScript pattern out: the one entry point the emitters use.
//
//   translateJavaPattern("^\\p{LD}+$")
//   → { kind: "ok", source: "^[\\p{L}\\p{Nd}]+(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)", node, groups: 0 }
//   translateJavaPattern("[z-a]")   → { kind: "invalid", problem: "Illegal character range near index 1" }
//   translateJavaPattern("\\p{InGreek}") → { kind: "untranslatable", problem: "Unicode blocks (\\p{InGreek}) have no ECMAScript equivalent" }
//
// Decisions (also in the README): a pattern means what `java.util.regex` means, since Smithy
// models (AWS's in particular) are written for Java and checked there: `Matcher.find()`, so a
// pattern is not implicitly anchored; `$` also matches before a final line terminator
// (`^abc$` accepts "abc\n", as Java does); `\s`, `\d`, `\w` and the POSIX classes are ASCII;
// `(?i)` folds ASCII letters only; `.` excludes \n, \r, \u0085, \u2028, \u2029. Unicode
// properties are printed by name and so follow the running engine's Unicode version (Java 17 has
// Unicode 13): characters assigned since then may be classified differently.

import { MAX_NESTING } from "../limits.js";
import type { Node } from "./ast.js";
import { JavaPatternError, Untranslatable, parseJava } from "./parse.js";
import { printEcma } from "./print.js";
import { unsetBackrefs } from "./backrefs.js";

export type Translation =
  | {
      readonly kind: "ok";
      readonly source: string;
      readonly node: Node;
      readonly groups: number;
    }
  /** Java itself rejects the pattern. */
  | { readonly kind: "invalid"; readonly problem: string }
  /** Java accepts it, but ECMAScript cannot say exactly the same. */
  | { readonly kind: "untranslatable"; readonly problem: string };

export function translateJavaPattern(pattern: string): Translation {
  const depth = nesting(pattern);
  if (depth > MAX_NESTING) {
    return { kind: "untranslatable", problem: `it nests groups, classes or quantifiers ${depth} levels deep (at most ${MAX_NESTING} are read)` };
  }
  let parsed;
  try {
    parsed = parseJava(pattern);
  } catch (error) {
    if (error instanceof JavaPatternError) return { kind: "invalid", problem: error.message };
    if (error instanceof Untranslatable) return { kind: "untranslatable", problem: error.message };
    throw error;
  }
  const unset = unsetBackrefs(parsed.node);
  if (unset.length > 0) {
    return {
      kind: "untranslatable",
      problem: `back reference ${unset.map((n) => `\\${n}`).join(", ")} may refer to a group that did not take part (Java fails it, ECMAScript matches empty)`,
    };
  }
  // The body of a RegExp literal: an empty pattern is `(?:)` (as RegExp's own `source`), never `//`, a comment.
  const source = printEcma(parsed.node) || "(?:)";
  const problem = compileProblem(source);
  if (problem !== undefined) return { kind: "untranslatable", problem: `the translation does not compile (${problem})` };
  return { kind: "ok", source, node: parsed.node, groups: parsed.groups };
}

/**
 * Why `new RegExp(source, "u")` throws, or undefined when it compiles. Compiling a Unicode
 * property class costs V8 about 0.1 ms each time (it builds the class from ICU data), so a
 * source with `\p{..}` is first compiled with `\d` in place of each (`\D` for `\P{..}`: the
 * same syntax, a class escape, wherever it stands) and each property once by itself (V8 keeps
 * compiled sources); only when either fails is the source itself compiled, for its own message.
 */
export function compileProblem(source: string): string | undefined {
  const names = new Set<string>();
  const light = source.replace(/\\(?:([pP])\{([^}]*)\}|[^])/g, (escape: string, letter: string | undefined, name: string | undefined) => {
    if (letter === undefined) return escape;
    names.add(name!);
    return letter === "p" ? "\\d" : "\\D";
  });
  if (names.size > 0) {
    try {
      new RegExp(light, "u");
      for (const name of names) new RegExp(`\\p{${name}}`, "u");
      return undefined;
    } catch {
      // the source itself decides, below
    }
  }
  try {
    new RegExp(source, "u");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * How deep the pattern's groups and classes nest, or how many quantifiers follow each other
 * (`a{1}{1}{1}` nests repeats), whichever is more: the parser and printers recurse that deep.
 * Counted on the text (escapes and `\\Q..\\E` skipped), so a stack overflow never happens first.
 */
function nesting(pattern: string): number {
  let depth = 0;
  let most = 0;
  let run = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      if (pattern[i + 1] === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        i = end < 0 ? pattern.length : end + 1;
      } else i++;
      run = 0;
    } else if (c === "(" || c === "[") {
      most = Math.max(most, ++depth);
      run = 0;
    } else if (c === ")" || c === "]") {
      depth = Math.max(0, depth - 1);
      run = 0;
    } else if (c === "*" || c === "+" || c === "?" || c === "{") {
      if (c === "{") {
        const close = pattern.indexOf("}", i);
        if (close > i) i = close;
      }
      most = Math.max(most, ++run);
    } else run = 0;
  }
  return most;
}
