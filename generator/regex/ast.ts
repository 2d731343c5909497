// The syntax tree of a parsed Java pattern, with every flag already applied: `(?i)` is folded into
// the character sets, `(?s)` into what `.` means, `(?m)` into the kind of each anchor. Printers and
// automata read only this tree, never the Java source.
//
//   Java `^(?i)ab+$`
//   → seq[ assert begin, char {a,A}, repeat(char {b,B}, 1..∞, greedy), assert dollar ]

import type { CharSet } from "./charset.js";

/** Zero-width tests, each meaning exactly what Java means. */
export type AssertKind =
  /** `\A`, and `^` without MULTILINE: the start of the input. */
  | "begin"
  /** `\z`: the end of the input. */
  | "end"
  /** `$` and `\Z` without MULTILINE: the end, or before a final line terminator (`\r\n` counts as one). */
  | "dollar"
  /** `$` with MULTILINE: the end, or before any line terminator (never between `\r` and `\n`). */
  | "lineEnd"
  /** `^` with MULTILINE: the start, or after a line terminator that is not the last character. */
  | "lineStart"
  /** `$`/`\Z` without MULTILINE under UNIX_LINES: the end, or before a final `\n`. */
  | "unixDollar"
  /** `$` with MULTILINE and UNIX_LINES: the end, or before any `\n`. */
  | "unixLineEnd"
  /** `^` with MULTILINE and UNIX_LINES: the start, or after a `\n` that is not the last character. */
  | "unixLineStart"
  /** `\b`: Java 17's word boundary (letters and digits of any script, `_`, marks after them). */
  | "boundary"
  /** `\B`. */
  | "notBoundary";

export type Quantifier = "greedy" | "lazy" | "possessive";

export type Node =
  | { readonly type: "empty" }
  /** One code point of the set. */
  | { readonly type: "char"; readonly set: CharSet }
  | { readonly type: "seq"; readonly items: readonly Node[] }
  | { readonly type: "alt"; readonly items: readonly Node[] }
  /** A group; `index` is its Java group number when capturing. */
  | {
      readonly type: "group";
      readonly index: number | null;
      readonly body: Node;
    }
  | {
      readonly type: "repeat";
      readonly body: Node;
      readonly min: number;
      readonly max: number;
      readonly mode: Quantifier;
    }
  /** `(?>X)`. */
  | { readonly type: "atomic"; readonly body: Node }
  | {
      readonly type: "look";
      readonly behind: boolean;
      readonly negate: boolean;
      readonly body: Node;
    }
  | { readonly type: "backref"; readonly index: number }
  | { readonly type: "assert"; readonly kind: AssertKind };

export const EMPTY: Node = { type: "empty" };

/** Calls `visit` on every node, parents first. */
export function walk(node: Node, visit: (n: Node) => void): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    switch (n.type) {
      case "empty":
      case "char":
      case "backref":
      case "assert":
        break;
      case "seq":
      case "alt":
        for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]!);
        break;
      case "group":
      case "repeat":
      case "atomic":
      case "look":
        stack.push(n.body);
        break;
      default: {
        const never: never = n;
        throw new Error(`unknown node ${String(never)}`);
      }
    }
  }
}
