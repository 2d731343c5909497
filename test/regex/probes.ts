// Probe strings for one pattern, from a seeded generator: strings sampled from the pattern's own
// tree (so anchored patterns get matching inputs too), their mutations (a character dropped,
// added, changed, case swapped, a line terminator around it), random strings, and edge cases.
//
//   probes(parseJava("^[a-c]{2}$").node, 7) → ["", "\n", ..., "ab", "ab\n", "Ab", "a", "ab\r\n", ...]

import type { Node } from "../../generator/regex/ast.js";
import { contains, type CharSet } from "../../generator/regex/charset.js";

/** Characters probes are built from: ASCII, controls, line terminators, and non-ASCII letters,
 * digits, marks and spaces assigned long before Unicode 13 (Java 17's version). */
export const POOL: readonly string[] = [
  ..."abcxyzAXZ019_-. :/@+=,;!?#$%&*()[]{}|\\^~`'\"<>",
  "\t",
  "\n",
  "\r",
  "\v",
  "\f",
  "\u0000",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u2028",
  "\u2029",
  "\u3000",
  "é",
  "ß",
  "Ā",
  "ǅ",
  "ʰ",
  "日",
  "ا",
  "١",
  "Ⅻ",
  "²",
  "\u0301",
  "\u200b",
  "’",
  "€",
  "😀",
  "𝒜",
  "Ω",
  "ж",
];

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

const PROPS = new Map<string, RegExp>();
function hasProp(name: string, cp: number): boolean {
  let re = PROPS.get(name);
  if (!re) PROPS.set(name, (re = new RegExp(`^\\p{${name}}$`, "u")));
  return re.test(String.fromCodePoint(cp));
}

/** Pool characters in the set, and for concrete ranges some of their own members. */
function members(set: CharSet): string[] {
  const out = POOL.filter((c) => contains(set, c.codePointAt(0)!, hasProp));
  if (set.kind === "ranges") for (const [lo, hi] of set.ranges.slice(0, 8)) out.push(String.fromCodePoint(lo), String.fromCodePoint(hi));
  return out;
}

/** One string the tree may match (lookarounds and back references are sampled as nothing). */
function sample(node: Node, random: () => number, depth = 0): string {
  switch (node.type) {
    case "empty":
    case "assert":
    case "look":
    case "backref":
      return "";
    case "char": {
      const m = members(node.set);
      return m.length === 0 ? "" : m[Math.floor(random() * m.length)]!;
    }
    case "seq":
      return node.items.map((n) => sample(n, random, depth)).join("");
    case "alt":
      return sample(node.items[Math.floor(random() * node.items.length)]!, random, depth);
    case "group":
    case "atomic":
      return sample(node.body, random, depth);
    case "repeat": {
      const extra = depth > 3 ? 0 : Math.floor(random() * 4);
      const n = Math.min(node.max, node.min + extra, 80);
      let s = "";
      for (let i = 0; i < n; i++) s += sample(node.body, random, depth + 1);
      return s;
    }
    default: {
      const never: never = node;
      return never;
    }
  }
}

function mutate(s: string, random: () => number): string {
  const chars = [...s];
  const pick = (): string => POOL[Math.floor(random() * POOL.length)]!;
  const at = Math.floor(random() * (chars.length + 1));
  switch (Math.floor(random() * 9)) {
    case 0:
      chars.splice(at, 1);
      break;
    case 1:
      chars.splice(at, 0, pick());
      break;
    case 2:
      chars[Math.min(at, chars.length - 1)] = pick();
      break;
    case 3:
      return s
        .replace(/[a-z]/g, (c) => (random() < 0.5 ? c.toUpperCase() : c))
        .replace(/[A-Z]/g, (c) => (random() < 0.3 ? c.toLowerCase() : c));
    case 4:
      return s + ["\n", "\r\n", "\r", "\u0085", "\u2028", "\n\n"][Math.floor(random() * 6)]!;
    case 5:
      return ["\n", " ", "\r\n"][Math.floor(random() * 3)]! + s;
    case 6:
      return s.slice(0, at) + "\n" + s.slice(at);
    case 7:
      return s + s;
    default:
      chars.splice(at, 0, "\r\n");
  }
  return chars.join("");
}

/** `count` probes for the tree, the same for the same seed. */
export function probes(node: Node, seed: number, count = 40): string[] {
  const random = rng(seed);
  const out = new Set<string>(["", "\n", "a", " ", "A1", "\r\n"]);
  const samples: string[] = [];
  for (let i = 0; i < Math.ceil(count / 3); i++) samples.push(sample(node, random));
  for (const s of samples) out.add(s);
  while (out.size < count) {
    const r = random();
    if (r < 0.75 && samples.length > 0) out.add(mutate(samples[Math.floor(random() * samples.length)]!, random));
    else {
      let s = "";
      const n = Math.floor(random() * 8);
      for (let i = 0; i < n; i++) s += POOL[Math.floor(random() * POOL.length)]!;
      out.add(s);
    }
  }
  return [...out];
}
