// Finds back references that may run before their group has captured. Java fails such a
// reference; ECMAScript matches the empty string; so a pattern with one is not translated.
// ECMAScript also clears a quantified group's captures at each iteration, Java keeps the last.
//
//   unsetBackrefs(parseJava("(a)\\1").node)        → []
//   unsetBackrefs(parseJava("(?:(a)|b)\\1").node)  → [1]
//   unsetBackrefs(parseJava("(?:(a)|b)+\\1").node) → [1]

import type { Node } from "./ast.js";

/** Group numbers of back references that may see an unset group, in order of appearance. */
export function unsetBackrefs(node: Node): number[] {
  const bad: number[] = [];
  flow(node, new Set(), bad);
  return [...new Set(bad)];
}

/** The groups certainly set after `node`, given those certainly set before it. */
function flow(node: Node, before: ReadonlySet<number>, bad: number[]): ReadonlySet<number> {
  switch (node.type) {
    case "empty":
    case "char":
    case "assert":
      return before;
    case "backref":
      if (!before.has(node.index)) bad.push(node.index);
      return before;
    case "seq": {
      let set = before;
      for (const item of node.items) set = flow(item, set, bad);
      return set;
    }
    case "alt": {
      const outs = node.items.map((item) => flow(item, before, bad));
      return new Set([...outs[0]!].filter((g) => outs.every((o) => o.has(g))));
    }
    case "group": {
      const out = new Set(flow(node.body, before, bad));
      if (node.index !== null) out.add(node.index);
      return out;
    }
    case "repeat": {
      const once = flow(node.body, before, bad);
      return node.min >= 1 ? once : before;
    }
    case "atomic":
      return flow(node.body, before, bad);
    case "look": {
      const out = flow(node.body, before, bad);
      return node.negate ? before : out;
    }
    default: {
      const never: never = node;
      return never;
    }
  }
}
