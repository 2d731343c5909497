// Rewrites of counted repeats that keep a pattern's meaning on every input it can meet, so the
// linear matcher (linear.ts) need not unroll them:
// - a repeat of something that consumes nothing (`${1,4096}`) is that thing once (or optional):
//   a zero-width test that holds once holds again at the same place;
// - a repeat whose body consumes at least one code point and whose maximum is at least the
//   number of code points left to it (`maxLength`, the value's `@length` max, less what the
//   rest of the pattern around it must consume) has no maximum: it can never run that often on
//   a value whose length passed the check (the validators run a pattern only then);
// - `X{m,n}` where X is `C+D` (or `C{k,}D`) with the class D inside the class C is `X{m}`: then
//   XX ⊆ X (the D and the next C+ are more C), so X^(k+1) = X^(k-1)·XX ⊆ X^k for every k ≥ 1,
//   and the union of X^m .. X^n is X^m: `([!-~]+/){1,511}` is `[!-~]+/`.
//
//   boundRepeats(parseJava("^[a-z]{1,256}(-*[a-z]){0,256}$").node, 256) → the tree of `^[a-z]+(-*[a-z])*$`
//   boundRepeats(parseJava("^https://([a-z]+/?){3,1016}$").node, 1024) → `^https://([a-z]+/?){3,}$` (1024 - 8)
//   boundRepeats(parseJava("x{2,300}").node, 100)                     → unchanged but for the bound: `x{2,}`
//   boundRepeats(parseJava("x{2,300}").node, undefined)               → unchanged
//   boundRepeats(parseJava("([!-~]+/){1,511}").node, undefined)        → `([!-~]+/){1}`

import type { Node } from "./ast.js";
import { intersectRanges, complementRanges, simplify, type CharSet } from "./charset.js";

/** The tree with those repeats rewritten (the same object where nothing changed). */
export function boundRepeats(node: Node, maxLength: number | undefined): Node {
  return rewrite(node, maxLength === undefined ? Infinity : maxLength);
}

/** `budget`: code points this node can consume at most, on a value of allowed length. */
function rewrite(node: Node, budget: number): Node {
  switch (node.type) {
    case "empty":
    case "char":
    case "backref":
    case "assert":
      return node;
    case "seq": {
      const lengths = node.items.map(minLength);
      const total = lengths.reduce((a, b) => a + b, 0);
      const items = node.items.map((item, i) => rewrite(item, budget - (total - lengths[i]!)));
      return items.every((item, i) => item === node.items[i]) ? node : { ...node, items };
    }
    case "alt": {
      const items = node.items.map((item) => rewrite(item, budget));
      return items.every((item, i) => item === node.items[i]) ? node : { ...node, items };
    }
    case "group":
    case "atomic":
    case "look": {
      // A look-around's body reads text outside the value's budget: left as it is.
      if (node.type === "look") return node;
      const body = rewrite(node.body, budget);
      return body === node.body ? node : { ...node, body };
    }
    case "repeat": {
      if (maxLength(node.body) === 0) {
        if (node.max === 0) return { type: "empty" };
        return node.min >= 1 ? node.body : { ...node, min: 0, max: 1 };
      }
      if (node.min >= 1 && node.max > node.min && closedUnderConcatenation(node.body)) return rewrite({ ...node, max: node.min }, budget);
      const each = minLength(node.body);
      // Inside one pass of the body, the other passes (at least min - 1 of them) take their share.
      const body = rewrite(node.body, budget - Math.max(0, node.min - 1) * each);
      const max = each >= 1 && node.max !== Infinity && node.max >= budget ? Infinity : node.max;
      return body === node.body && max === node.max ? node : { ...node, body, max };
    }
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** The fewest code points a match of the node consumes. */
export function minLength(node: Node): number {
  switch (node.type) {
    case "empty":
    case "backref":
    case "assert":
    case "look":
      return 0;
    case "char":
      return 1;
    case "seq":
      return node.items.reduce((sum, item) => sum + minLength(item), 0);
    case "alt":
      return node.items.reduce((least, item) => Math.min(least, minLength(item)), Infinity);
    case "group":
    case "atomic":
      return minLength(node.body);
    case "repeat":
      return node.min === 0 ? 0 : node.min * minLength(node.body);
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** The most code points a match of the node consumes (Infinity when unbounded). */
function maxLength(node: Node): number {
  switch (node.type) {
    case "empty":
    case "assert":
    case "look":
      return 0;
    case "backref":
      return Infinity;
    case "char":
      return 1;
    case "seq":
      return node.items.reduce((sum, item) => sum + maxLength(item), 0);
    case "alt":
      return node.items.reduce((most, item) => Math.max(most, maxLength(item)), -Infinity);
    case "group":
    case "atomic":
      return maxLength(node.body);
    case "repeat": {
      const each = maxLength(node.body);
      return each === 0 || node.max === 0 ? 0 : node.max * each;
    }
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** Whether the node is `C{k,}D` (k ≥ 1, through groups) with D a subset of C, so that XX ⊆ X. */
function closedUnderConcatenation(node: Node): boolean {
  const items = strip(node);
  if (items.type !== "seq" || items.items.length !== 2) return false;
  const loop = strip(items.items[0]!);
  const last = strip(items.items[1]!);
  if (loop.type !== "repeat" || loop.min < 1 || loop.max !== Infinity || last.type !== "char") return false;
  const body = strip(loop.body);
  return body.type === "char" && subset(last.set, body.set);
}

function strip(node: Node): Node {
  let n = node;
  while (n.type === "group") n = n.body;
  return n;
}

/** Whether `a` ⊆ `b`, when both are concrete (false when a Unicode property makes it unknown). */
function subset(a: CharSet, b: CharSet): boolean {
  const x = simplify(a);
  const y = simplify(b);
  if (x.kind !== "ranges" || y.kind !== "ranges") return false;
  return intersectRanges(x.ranges, complementRanges(y.ranges)).length === 0;
}
