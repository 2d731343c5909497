// A Thompson automaton of the tree of ast.ts: states that consume one code point of a set, ordered
// splits, zero-width tests, and one match state. Counted repeats are unrolled. Used both to find
// super-linear backtracking (redos.ts) and as the program of the linear-time matcher (linear.ts).
//
//   thompson(parseJava("^a+$").node)
//   → { start: 0, states: [ test(begin) → 1, char {a} → 2, split [1, 3], test(dollar) → 4, match ] }
//
// Look-arounds become zero-width tests holding their node (the matcher runs them as anchored
// RegExps); back references, atomic groups and possessive quantifiers are kept as markers so a
// caller can tell the automaton is not exact (`exact: false`).
//
// With `count`, a counted repeat of one character class whose bounds reach `count` becomes one
// counter state instead of copies (for the linear matcher, which keeps the set of counts):
//
//   thompson(parseJava("^[a-z]{1,2048}$").node, 20_000, undefined, 16)
//   → { start: 3, states: [ match, test(dollar) → 0, count {a-z} 1..2048 → 1, test(begin) → 2 ] }

import type { AssertKind, Node } from "./ast.js";
import type { CharSet } from "./charset.js";

export type State =
  | { readonly kind: "char"; readonly set: CharSet; out: number }
  /** Tries `outs` in order (the first is the greedy choice). */
  | { readonly kind: "split"; outs: number[] }
  /** A zero-width test at the current position. */
  | { readonly kind: "test"; readonly test: ZeroWidth; out: number }
  /**
   * `set{min,max}` as one state (only with `count`): entered with a count of 0, consumes a code
   * point of `set` while the count stays at most `max` (Infinity: no bound), leaves to `out` when
   * the count is at least `min`.
   */
  | { readonly kind: "count"; readonly set: CharSet; readonly min: number; readonly max: number; out: number }
  | { readonly kind: "match" };

export type ZeroWidth = { readonly kind: "assert"; readonly assert: AssertKind } | { readonly kind: "look"; readonly node: Extract<Node, { type: "look" }> };

export interface Nfa {
  readonly states: readonly State[];
  readonly start: number;
  /** False when the tree has back references, atomic groups or possessive quantifiers (approximated as plain groups). */
  readonly exact: boolean;
}

/** Thrown when unrolling counted repeats would exceed `limit` states. */
export class TooLarge extends Error {}

/** What the builder throws past its limit: not an Error, so no stack trace is captured. */
class Overflow {}

/**
 * Builds the automaton; throws TooLarge past `limit` states. With `cap`, a counted repeat whose
 * maximum exceeds it is built as `{min(min, cap),}`: more strings and more paths than the
 * pattern has, which is what a conservative analysis of a very large pattern may use. With
 * `count`, a repeat of a single character class whose maximum (or, unbounded, minimum) is at
 * least `count` becomes a `count` state.
 */
export function thompson(node: Node, limit = 20_000, cap?: number, count?: number): Nfa {
  const nfa = thompsonWithin(node, limit, cap, count);
  if (nfa === undefined) throw new TooLarge(`more than ${limit} automaton states`);
  return nfa;
}

/** The same automaton, or undefined past `limit` states (the ReDoS analysis tries a limit first). */
export function thompsonWithin(node: Node, limit = 20_000, cap?: number, count?: number): Nfa | undefined {
  const b = new Builder(limit, cap, count);
  try {
    const match = b.add({ kind: "match" });
    const start = b.build(node, match);
    return { states: b.states, start, exact: b.exact };
  } catch (error) {
    if (error instanceof Overflow) return undefined;
    throw error;
  }
}

class Builder {
  readonly states: State[] = [];
  exact = true;

  constructor(
    readonly limit: number,
    readonly cap: number | undefined,
    readonly count: number | undefined,
  ) {}

  add(state: State): number {
    if (this.states.length >= this.limit) throw new Overflow();
    this.states.push(state);
    return this.states.length - 1;
  }

  /** States for `node` that continue to `next`; returns the entry state. */
  build(node: Node, next: number): number {
    switch (node.type) {
      case "empty":
        return next;
      case "char":
        return this.add({ kind: "char", set: node.set, out: next });
      case "seq": {
        let entry = next;
        for (let i = node.items.length - 1; i >= 0; i--) entry = this.build(node.items[i]!, entry);
        return entry;
      }
      case "alt": {
        const split = this.add({ kind: "split", outs: [] });
        const outs = node.items.map((item) => this.build(item, next));
        (this.states[split] as Extract<State, { kind: "split" }>).outs = outs;
        return split;
      }
      case "group":
        return this.build(node.body, next);
      case "atomic":
        this.exact = false;
        return this.build(node.body, next);
      case "backref":
        this.exact = false;
        return next;
      case "assert":
        return this.add({ kind: "test", test: { kind: "assert", assert: node.kind }, out: next });
      case "look":
        return this.add({ kind: "test", test: { kind: "look", node }, out: next });
      case "repeat": {
        if (node.mode === "possessive") this.exact = false;
        if (this.cap !== undefined && node.max !== Infinity && node.max > this.cap) {
          return this.build({ ...node, min: Math.min(node.min, this.cap), max: Infinity }, next);
        }
        const set = this.count === undefined || node.mode === "possessive" ? undefined : singleClass(node.body);
        if (set !== undefined && (node.max === Infinity ? node.min : node.max) >= this.count!) {
          return this.add({ kind: "count", set, min: node.min, max: node.max, out: next });
        }
        const lazy = node.mode === "lazy";
        // Optional copies (or a loop) after `min` required copies, built from the end.
        let entry = next;
        if (node.max === Infinity) {
          const split = this.add({ kind: "split", outs: [] });
          const body = this.build(node.body, split);
          (this.states[split] as Extract<State, { kind: "split" }>).outs = lazy ? [next, body] : [body, next];
          entry = split;
        } else {
          for (let i = node.min; i < node.max; i++) {
            const split = this.add({ kind: "split", outs: [] });
            const body = this.build(node.body, entry);
            (this.states[split] as Extract<State, { kind: "split" }>).outs = lazy ? [next, body] : [body, next];
            entry = split;
          }
        }
        for (let i = 0; i < node.min; i++) entry = this.build(node.body, entry);
        return entry;
      }
      default: {
        const never: never = node;
        return never;
      }
    }
  }
}

/** The set of a node that is one character class, through groups (`([a-z])` → {a-z}). */
function singleClass(node: Node): CharSet | undefined {
  let n = node;
  while (n.type === "group") n = n.body;
  return n.type === "char" ? n.set : undefined;
}
