// Prints the tree of ast.ts as ECMAScript RegExp source for the `u` flag (and no other flag), so
// that `new RegExp(source, "u").test(s)` is Java's `Pattern.compile(p).matcher(s).find()`.
//
//   printEcma(parseJava("^[\\p{Print}&&[^|:/]]+$"))
//   → "^[ -.0-9;-{}~]+(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)"
//
// - Sets print as a class (`[a-z\p{L}]`, or `[^...]` when the complement is shorter); an
//   intersection or complement with a Unicode property inside prints as lookaheads before one
//   consuming class: Java `[\p{L}&&[^a-z]]` → `(?:(?![a-z])\p{L})`.
// - Anchors print what Java means (see ast.ts): `$` is `(?=(?:\r\n|(?<!\r)\n|[\r\u0085\u2028\u2029])?$)`.
// - Atomic groups and possessive quantifiers print as `(?=(X))\N`, which commits exactly as Java
//   does; capture groups are renumbered around the added ones.

import type { AssertKind, Node } from "./ast.js";
import { MAX_CODE_POINT, complementRanges, intersectRanges, type CharSet, type Ranges } from "./charset.js";

const WORD_RANGES: Ranges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const DIGIT_RANGES: Ranges = [[0x30, 0x39]];
const sameRange = (a: readonly [number, number], b: readonly [number, number]): boolean => a[0] === b[0] && a[1] === b[1];

/** ECMAScript source for the `u` flag. */
export function printEcma(node: Node): string {
  // Pass 1 numbers the groups as ECMAScript will (added groups included); a back reference needs
  // that map, so a tree with one is printed again with it (without one, pass 1 is the output).
  const first = new Printer(new Map());
  const text = first.print(node);
  return first.backrefs ? new Printer(first.javaToEcma).print(node) : text;
}

class Printer {
  next = 1;
  readonly javaToEcma = new Map<number, number>();
  /** Whether a back reference was printed. */
  backrefs = false;

  constructor(readonly known: ReadonlyMap<number, number>) {}

  print(node: Node): string {
    switch (node.type) {
      case "empty":
        return "";
      case "char":
        return printSet(node.set);
      case "seq":
        return node.items.map((n) => (n.type === "alt" ? `(?:${this.print(n)})` : this.print(n))).join("");
      case "alt":
        return node.items.map((n) => this.print(n)).join("|");
      case "group": {
        if (node.index === null) return `(?:${this.print(node.body)})`;
        this.javaToEcma.set(node.index, this.next++);
        return `(${this.print(node.body)})`;
      }
      case "repeat": {
        const q = quantifier(node.min, node.max);
        if (node.mode === "possessive") {
          const n = this.next++;
          return `(?=(${this.atom(node.body)}${q}))\\${n}`;
        }
        return `${this.atom(node.body)}${q}${node.mode === "lazy" ? "?" : ""}`;
      }
      case "atomic": {
        const n = this.next++;
        return `(?=(${this.print(node.body)}))\\${n}`;
      }
      case "look":
        return `(?${node.behind ? "<" : ""}${node.negate ? "!" : "="}${this.print(node.body)})`;
      case "backref": {
        this.backrefs = true;
        const n = this.known.get(node.index) ?? node.index;
        return `(?:\\${n})`;
      }
      case "assert":
        return printAssertion(node.kind);
      default: {
        const never: never = node;
        return never;
      }
    }
  }

  /** The node as something a quantifier may follow. */
  atom(node: Node): string {
    const text = this.print(node);
    if (node.type === "group" || (node.type === "char" && isAtomText(text))) return text;
    return `(?:${text})`;
  }
}

function isAtomText(text: string): boolean {
  return !text.startsWith("(?=") && !text.startsWith("(?!");
}

function quantifier(min: number, max: number): string {
  if (min === 0 && max === Infinity) return "*";
  if (min === 1 && max === Infinity) return "+";
  if (min === 0 && max === 1) return "?";
  if (max === Infinity) return `{${min},}`;
  if (min === max) return `{${min}}`;
  return `{${min},${max}}`;
}

const TERMINATOR = "[\\r\\u0085\\u2028\\u2029]";
const WORD = "[\\p{L}\\p{Nd}_]";
/** Java 17 `\b`: a word character (or a non-spacing mark after a letter or digit) on one side only. */
const LEFT_WORD = "(?<=[\\p{L}\\p{Nd}_]|[\\p{L}\\p{Nd}]\\p{Mn}+)";
const RIGHT_WORD = `(?:(?=${WORD})|(?<=[\\p{L}\\p{Nd}]\\p{Mn}*)(?=\\p{Mn}))`;

/** ECMAScript for one of Java's zero-width assertions (see ast.ts). */
export function printAssertion(kind: AssertKind): string {
  switch (kind) {
    case "begin":
      return "^";
    case "end":
      return "$";
    case "dollar":
      return `(?=(?:\\r\\n|(?<!\\r)\\n|${TERMINATOR})?$)`;
    case "lineEnd":
      return `(?=${TERMINATOR}|(?<!\\r)\\n|$)`;
    case "lineStart":
      return "(?<=^|[\\n\\u0085\\u2028\\u2029]|\\r(?!\\n))(?!$)";
    case "unixDollar":
      return "(?=\\n?$)";
    case "unixLineEnd":
      return "(?=\\n|$)";
    case "unixLineStart":
      return "(?<=^|\\n)(?!$)";
    case "boundary":
      return `(?:${LEFT_WORD}(?!${RIGHT_WORD})|(?!${LEFT_WORD})${RIGHT_WORD})`;
    case "notBoundary":
      return `(?:${LEFT_WORD}${RIGHT_WORD}|(?!${LEFT_WORD})(?!${RIGHT_WORD}))`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * ECMAScript source matching exactly one code point of the set, usable as a quantifier's atom
 * (wrapped in `(?:..)` when it needs lookaheads).
 */
export function printSet(set: CharSet): string {
  const simple = simpleClass(set);
  if (simple !== null) return simple;
  switch (set.kind) {
    case "inter": {
      // Every item but one as a lookahead, then one consuming class: the last class-like one.
      const items = [...set.items];
      let consume = items.length - 1;
      while (consume > 0 && simpleClass(items[consume]!) === null) consume--;
      const [eat] = items.splice(consume, 1);
      const tests = items.map((x) => (x.kind === "not" ? `(?!${printSet(x.item)})` : `(?=${printSet(x)})`));
      return `(?:${tests.join("")}${printSet(eat!)})`;
    }
    case "union": {
      const plain = set.items.filter((x) => classItems(x) !== null);
      const rest = set.items.filter((x) => classItems(x) === null);
      const parts = [...(plain.length > 0 ? [`[${plain.map((x) => classItems(x)).join("")}]`] : []), ...rest.map(printSet)];
      return `(?:${parts.join("|")})`;
    }
    case "not":
      return `(?:(?!${printSet(set.item)})[\\s\\S])`;
    case "ranges":
    case "prop":
      return printSet(set); // unreachable: simpleClass handles both
    default: {
      const never: never = set;
      return never;
    }
  }
}

/** The set as one class (or one escaped character), or null when it needs lookaheads. */
function simpleClass(set: CharSet): string | null {
  if (set.kind === "ranges") return printRanges(set.ranges);
  if (set.kind === "prop") return `\\p{${set.name}}`;
  if (set.kind === "not" && set.item.kind === "prop") return `\\P{${set.item.name}}`;
  const inside = classItems(set);
  if (inside !== null) return `[${inside}]`;
  if (set.kind === "not") {
    const negated = classItems(set.item);
    if (negated !== null) return `[^${negated}]`;
  }
  return null;
}

/** The inside of a class (`a-z\p{L}`) for ranges, properties and their unions; else null. */
function classItems(set: CharSet): string | null {
  switch (set.kind) {
    case "ranges": {
      // `\w` and `\d` (ASCII in ECMAScript too) where the set holds all of them, for readability.
      let rest = set.ranges;
      let named = "";
      for (const [escape, members] of [
        ["\\w", WORD_RANGES],
        ["\\d", DIGIT_RANGES],
      ] as const) {
        if (
          intersectRanges(rest, members).length === members.length &&
          members.every((r, i) => sameRange(r, intersectRanges(rest, members)[i]!))
        ) {
          named += escape;
          rest = intersectRanges(rest, complementRanges(members));
        }
      }
      return (
        named + rest.map(([lo, hi]) => (lo === hi ? classChar(lo) : `${classChar(lo)}${hi === lo + 1 ? "" : "-"}${classChar(hi)}`)).join("")
      );
    }
    case "prop":
      return `\\p{${set.name}}`;
    case "not":
      return set.item.kind === "prop" ? `\\P{${set.item.name}}` : null;
    case "union": {
      const parts = set.items.map(classItems);
      return parts.every((p) => p !== null) ? parts.join("") : null;
    }
    case "inter":
      return null;
    default: {
      const never: never = set;
      return never;
    }
  }
}

function printRanges(rs: Ranges): string {
  if (rs.length === 0) return "[]";
  if (rs.length === 1 && rs[0]![0] === 0 && rs[0]![1] === MAX_CODE_POINT) return "[\\s\\S]";
  if (rs.length === 1 && rs[0]![0] === rs[0]![1]) return literalChar(rs[0]![0]);
  const comp = complementRanges(rs);
  for (const [escape, members] of [
    ["\\w", WORD_RANGES],
    ["\\d", DIGIT_RANGES],
  ] as const) {
    if (rs.length === members.length && rs.every((r, i) => sameRange(r, members[i]!))) return escape;
    if (comp.length === members.length && comp.every((r, i) => sameRange(r, members[i]!))) return escape.toUpperCase();
  }
  const body = (x: Ranges): string => classItems({ kind: "ranges", ranges: x })!;
  if (comp.length < rs.length) return `[^${body(comp)}]`;
  return `[${body(rs)}]`;
}

function escapeCodePoint(cp: number): string {
  if (cp === 0x09) return "\\t";
  if (cp === 0x0a) return "\\n";
  if (cp === 0x0d) return "\\r";
  if (cp === 0x0c) return "\\f";
  if (cp === 0x0b) return "\\v";
  // A surrogate as `\u{D800}`: two `\uXXXX` in a row would read as one pair.
  if (cp <= 0xffff && (cp < 0xd800 || cp > 0xdfff)) return `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

/** A code point outside a class. */
function literalChar(cp: number): string {
  if (cp < 0x20 || cp > 0x7e) return escapeCodePoint(cp);
  const c = String.fromCodePoint(cp);
  return "^$\\.*+?()[]{}|/".includes(c) ? `\\${c}` : c;
}

/** A code point inside a class. */
function classChar(cp: number): string {
  if (cp < 0x20 || cp > 0x7e) return escapeCodePoint(cp);
  const c = String.fromCodePoint(cp);
  return "\\]-[^/".includes(c) ? `\\${c}` : c;
}
