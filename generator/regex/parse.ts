// A recursive-descent parser for java.util.regex syntax (Java 17), the flavour Smithy models are
// written in, into the flag-free tree of ast.ts. It accepts what Java accepts and rejects what
// Java rejects (JavaPatternError, with the index); what Java accepts but ECMAScript cannot say
// exactly throws Untranslatable.
//
//   parseJava("^[\\p{Alnum}-]{1,3}(?i:x)\\z")
//   → { groups: 0, node: seq[ assert begin,
//                              repeat(char {0-9,A-Z,a-z,-}, 1..3, greedy),
//                              group(null, char {x,X}),
//                              assert end ] }
//
// Flags: `i` is Java's ASCII-only case folding, applied to sets here; `s`, `m`, `d` decide what
// `.`, `^` and `$` become; `x` skips whitespace and `#` comments. `u` together with `i` (Unicode
// case folding), `U` (Unicode `\w`, POSIX classes) and `c` (canonical equivalence) are untranslatable.

import { EMPTY, type AssertKind, type Node, type Quantifier } from "./ast.js";
import { asciiCaseClosure, not, normalize, ranges, single, union, unionOf, inter, type CharSet } from "./charset.js";
import { DIGIT, HSPACE, LINE_TERMINATORS, SPACE, VSPACE, WORD, javaProperty } from "./java-classes.js";

/** Java itself rejects the pattern (`PatternSyntaxException`). */
export class JavaPatternError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(`${message} near index ${index}`);
  }
}

/** Java accepts the pattern, but ECMAScript has no exact equivalent of one construct. */
export class Untranslatable extends Error {}

export interface Parsed {
  readonly node: Node;
  /** Number of capturing groups. */
  readonly groups: number;
}

interface Flags {
  i: boolean;
  d: boolean;
  m: boolean;
  s: boolean;
  u: boolean;
  x: boolean;
  U: boolean;
}

const NOT_UNIX_NL = not(single(0x0a));

export function parseJava(pattern: string): Parsed {
  return new Parser(pattern).parse();
}

class Parser {
  readonly cps: number[];
  pos = 0;
  groups = 0;
  flags: Flags = {
    i: false,
    d: false,
    m: false,
    s: false,
    u: false,
    x: false,
    U: false,
  };
  /** Named groups seen so far. */
  readonly names = new Map<string, number>();
  /** Back references, checked against the number of groups at the end. */
  readonly backrefs: { index: number; at: number }[] = [];

  constructor(readonly source: string) {
    this.cps = [...source].map((c) => c.codePointAt(0)!);
  }

  parse(): Parsed {
    const node = this.alternation();
    if (this.pos < this.cps.length) throw this.error(this.peek() === 0x29 ? "Unmatched closing ')'" : "Unexpected character");
    for (const ref of this.backrefs) if (ref.index > this.groups) throw this.error("Back reference to a group that does not exist", ref.at);
    return { node, groups: this.groups };
  }

  error(message: string, at = this.pos): JavaPatternError {
    return new JavaPatternError(message, at);
  }

  /** The code point at the cursor (skipping whitespace and comments in `x` mode), or -1 at the end. */
  peek(): number {
    if (this.flags.x) this.skipComments();
    return this.pos < this.cps.length ? this.cps[this.pos]! : -1;
  }

  next(): number {
    const c = this.peek();
    if (c >= 0) this.pos++;
    return c;
  }

  /** The raw code point at the cursor, never skipping (escapes read their letters this way). */
  raw(): number {
    return this.pos < this.cps.length ? this.cps[this.pos++]! : -1;
  }

  skipComments(): void {
    for (;;) {
      const c = this.cps[this.pos];
      if (c === undefined) return;
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) this.pos++;
      else if (c === 0x23) {
        while (this.pos < this.cps.length && !isLineTerminator(this.cps[this.pos]!)) this.pos++;
      } else return;
    }
  }

  alternation(): Node {
    const items = [this.sequence()];
    while (this.peek() === 0x7c) {
      this.pos++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { type: "alt", items };
  }

  sequence(): Node {
    const items: Node[] = [];
    for (;;) {
      const c = this.peek();
      if (c < 0 || c === 0x7c || c === 0x29) break;
      const atom = this.atom();
      if (atom === null) continue;
      items.push(this.quantified(atom));
    }
    if (items.length === 0) return EMPTY;
    return items.length === 1 ? items[0]! : { type: "seq", items };
  }

  /** One atom, or null for a construct that matches nothing by itself (`(?i)`, `\Q\E`, `\E`). */
  atom(): Node | null {
    const start = this.pos;
    const c = this.next();
    switch (c) {
      case 0x28: // (
        return this.group();
      case 0x5b: // [
        return this.charNode(this.classBody(start));
      case 0x2e: // .
        return this.charNode(this.flags.s ? ranges([0, 0x10ffff]) : this.flags.d ? NOT_UNIX_NL : not(LINE_TERMINATORS));
      case 0x5e: // ^
        return this.assertion(this.flags.m ? (this.flags.d ? "unixLineStart" : "lineStart") : "begin");
      case 0x24: // $
        return this.assertion(this.flags.m ? (this.flags.d ? "unixLineEnd" : "lineEnd") : this.flags.d ? "unixDollar" : "dollar");
      case 0x2a: // *
      case 0x2b: // +
      case 0x3f: // ?
        throw this.error(`Dangling meta character '${String.fromCodePoint(c)}'`, start);
      case 0x7b: // {
        throw this.error("Illegal repetition", start);
      case 0x5c: // backslash
        return this.escapeAtom(start);
      default:
        return this.literal(c);
    }
  }

  literal(cp: number): Node {
    return this.charNode(this.foldCase(single(cp)));
  }

  /** A set as one node, applying case folding to its concrete members. */
  charNode(set: CharSet): Node {
    return { type: "char", set };
  }

  foldCase(set: CharSet): CharSet {
    if (!this.flags.i) return set;
    if (this.flags.u) throw new Untranslatable("Unicode case folding ((?iu)) has no exact ECMAScript equivalent with the u flag alone");
    return set.kind === "ranges" ? { kind: "ranges", ranges: asciiCaseClosure(set.ranges) } : set;
  }

  assertion(kind: AssertKind): Node {
    return { type: "assert", kind };
  }

  quantified(atom: Node): Node {
    const start = this.pos;
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === 0x2a) [min, max] = [0, Infinity];
    else if (c === 0x2b) [min, max] = [1, Infinity];
    else if (c === 0x3f) [min, max] = [0, 1];
    else if (c === 0x7b) {
      this.pos++;
      min = this.number();
      if (min < 0) throw this.error("Illegal repetition", start);
      max = min;
      if (this.peek() === 0x2c) {
        this.pos++;
        max = this.peek() === 0x7d ? Infinity : this.number();
        if (max < 0) throw this.error("Illegal repetition", start);
      }
      if (this.peek() !== 0x7d) throw this.error("Unclosed counted closure");
      if (max < min) throw this.error("Illegal repetition range", start);
    } else return atom;
    this.pos++;
    let mode: Quantifier = "greedy";
    const m = this.peek();
    if (m === 0x3f) {
      mode = "lazy";
      this.pos++;
    } else if (m === 0x2b) {
      mode = "possessive";
      this.pos++;
    }
    const node: Node = { type: "repeat", body: atom, min, max, mode };
    // Java 17 reads a second counted quantifier (`a{2}{0,3}`) and ignores it.
    if (this.peek() === 0x7b) this.quantified(EMPTY);
    const after = this.peek();
    if (after === 0x2a || after === 0x2b || after === 0x3f) throw this.error(`Dangling meta character '${String.fromCodePoint(after)}'`);
    return node;
  }

  /** Decimal digits at the cursor, or -1 if none. */
  number(): number {
    let n = -1;
    for (let c = this.peek(); c >= 0x30 && c <= 0x39; c = this.peek()) {
      n = (n < 0 ? 0 : n * 10) + (c - 0x30);
      if (n > 0x7fffffff) throw this.error("Illegal repetition range");
      this.pos++;
    }
    return n;
  }

  group(): Node | null {
    const start = this.pos - 1;
    const saved = { ...this.flags };
    let node: Node;
    if (this.peek() === 0x3f) {
      this.pos++;
      const k = this.next();
      switch (k) {
        case 0x3a: // (?:
          node = { type: "group", index: null, body: this.alternation() };
          break;
        case 0x3d: // (?=
        case 0x21: // (?!
          node = {
            type: "look",
            behind: false,
            negate: k === 0x21,
            body: this.alternation(),
          };
          break;
        case 0x3e: // (?>
          node = { type: "atomic", body: this.alternation() };
          break;
        case 0x3c: {
          // (?<  lookbehind or named group
          const k2 = this.next();
          if (k2 === 0x3d || k2 === 0x21) {
            node = {
              type: "look",
              behind: true,
              negate: k2 === 0x21,
              body: this.alternation(),
            };
            break;
          }
          if (!isAsciiLetter(k2)) throw this.error("Unknown look-behind group");
          this.pos--;
          const name = this.groupName();
          if (this.names.has(name)) throw this.error(`Named capturing group <${name}> is already defined`);
          const index = ++this.groups;
          this.names.set(name, index);
          node = { type: "group", index, body: this.alternation() };
          break;
        }
        default: {
          // inline flags: (?idmsuxU-idmsuxU) or (?idmsuxU-idmsuxU:X)
          this.pos--;
          this.readFlags();
          const end = this.next();
          if (end === 0x29) return null; // flags stay on until the enclosing group ends
          if (end !== 0x3a) throw this.error("Unknown inline modifier");
          node = { type: "group", index: null, body: this.alternation() };
        }
      }
    } else {
      const index = ++this.groups;
      node = { type: "group", index, body: this.alternation() };
    }
    if (this.next() !== 0x29) throw this.error("Unclosed group", start);
    this.flags = saved;
    return node;
  }

  /** `name>` of a named group or `\k<name>`: an ASCII letter, then letters and digits. */
  groupName(): string {
    const start = this.pos;
    if (!isAsciiLetter(this.cps[this.pos] ?? -1)) throw this.error("capturing group name does not start with a Latin letter");
    while (isAsciiLetter(this.cps[this.pos] ?? -1) || isDigit(this.cps[this.pos] ?? -1)) this.pos++;
    const name = textOf(this.cps, start, this.pos);
    if (this.raw() !== 0x3e) throw this.error("named capturing group is missing trailing '>'");
    return name;
  }

  readFlags(): void {
    let on = true;
    for (;;) {
      const c = this.peek();
      const f = c < 0 ? "" : String.fromCodePoint(c);
      if (f === "-") {
        if (!on) throw this.error("Unknown inline modifier");
        on = false;
      } else if (f === "i" || f === "d" || f === "m" || f === "s" || f === "u" || f === "x" || f === "U") {
        this.flags[f] = on;
        if (f === "U" && on) throw new Untranslatable("UNICODE_CHARACTER_CLASS ((?U)) is not translated");
      } else if (f === "c") {
        if (on) throw new Untranslatable("canonical equivalence ((?c)) has no ECMAScript equivalent");
      } else return;
      this.pos++;
    }
  }

  /** An escape outside a class: an atom, an assertion, a back reference, or quoted text. */
  escapeAtom(start: number): Node | null {
    const c = this.raw();
    switch (c) {
      case 0x41: // A
        return this.assertion("begin");
      case 0x7a: // z
        return this.assertion("end");
      case 0x5a: // Z
        return this.assertion(this.flags.d ? "unixDollar" : "dollar");
      case 0x47: // G: at the start of the only find() a validator runs, the start of input
        return this.assertion("begin");
      case 0x62: // b
        if (this.cps[this.pos] === 0x7b) throw new Untranslatable("grapheme cluster boundaries (\\b{g}) have no ECMAScript equivalent");
        return this.assertion("boundary");
      case 0x42: // B
        return this.assertion("notBoundary");
      case 0x52: // R: (?>\r\n|[\n\x0B\f\r\x85\u2028\u2029])
        return {
          type: "group",
          index: null,
          body: {
            type: "alt",
            items: [
              {
                type: "seq",
                items: [this.charNode(single(0x0d)), this.charNode(single(0x0a))],
              },
              {
                type: "seq",
                items: [
                  {
                    type: "look",
                    behind: false,
                    negate: true,
                    body: {
                      type: "seq",
                      items: [this.charNode(single(0x0d)), this.charNode(single(0x0a))],
                    },
                  },
                  this.charNode(VSPACE),
                ],
              },
            ],
          },
        };
      case 0x58: // X
        throw new Untranslatable("grapheme clusters (\\X) have no ECMAScript equivalent");
      case 0x6b: {
        // k<name>
        if (this.raw() !== 0x3c) throw this.error("\\k is not followed by '<' for named capturing group");
        const name = this.groupName();
        const index = this.names.get(name);
        if (index === undefined) throw this.error(`named capturing group <${name}> does not exist`);
        if (this.flags.i) throw new Untranslatable("a back reference under (?i) compares case-insensitively in Java");
        return { type: "backref", index };
      }
      case 0x51: // Q
        return this.quoted();
      case 0x45: // a stray \E ends nothing
        return null;
      default:
        break;
    }
    if (c >= 0x31 && c <= 0x39) {
      // Java: one digit always; more while the number names a group seen so far.
      let index = c - 0x30;
      for (let d = this.cps[this.pos]; d !== undefined && isDigit(d); d = this.cps[this.pos]) {
        const more = index * 10 + (d - 0x30);
        if (more > this.groups) break;
        index = more;
        this.pos++;
      }
      this.backrefs.push({ index, at: start });
      if (this.flags.i) throw new Untranslatable("a back reference under (?i) compares case-insensitively in Java");
      return { type: "backref", index };
    }
    const set = this.escapeSet(c, start, false);
    return this.charNode(set);
  }

  /** `\Q...\E` outside a class: a sequence of literals (a following quantifier takes the last). */
  quoted(): Node | null {
    const chars: Node[] = [];
    while (this.pos < this.cps.length) {
      if (this.cps[this.pos] === 0x5c && this.cps[this.pos + 1] === 0x45) {
        this.pos += 2;
        break;
      }
      chars.push(this.charNode(this.foldCase(single(this.cps[this.pos++]!))));
    }
    if (chars.length === 0) return null;
    const last = chars.pop()!;
    if (chars.length === 0) return last;
    // The quantifier, if any, applies to the last character only.
    const q = this.quantified(last);
    return { type: "seq", items: [...chars, q] };
  }

  /**
   * The set of an escape that stands for characters (`\d`, `\p{L}`, `\x41`, `\.`), after its
   * backslash and letter were read. Case folding applies as Java applies it.
   */
  escapeSet(c: number, start: number, inClass: boolean): CharSet {
    switch (c) {
      case 0x64: // d
        return DIGIT;
      case 0x44:
        return not(DIGIT);
      case 0x73: // s
        return SPACE;
      case 0x53:
        return not(SPACE);
      case 0x77: // w
        return WORD;
      case 0x57:
        return not(WORD);
      case 0x68: // h
        return HSPACE;
      case 0x48:
        return not(HSPACE);
      case 0x76: // v
        return VSPACE;
      case 0x56:
        return not(VSPACE);
      case 0x70: // p
      case 0x50: {
        let name: string;
        if (this.cps[this.pos] === 0x7b) {
          const close = this.cps.indexOf(0x7d, this.pos);
          if (close < 0) throw this.error("Unclosed character family");
          name = textOf(this.cps, this.pos + 1, close);
          this.pos = close + 1;
        } else {
          if (this.pos >= this.cps.length) throw this.error("Illegal character family");
          name = String.fromCodePoint(this.cps[this.pos++]!);
        }
        const found = javaProperty(name, this.flags.i);
        if (found === undefined) throw this.error(`Unknown character property name {${name}}`, start);
        if ("untranslatable" in found) throw new Untranslatable(found.untranslatable);
        return c === 0x50 ? not(found) : found;
      }
      default:
        return this.foldCase(single(this.escapedCodePoint(c, start, inClass)));
    }
  }

  /** The code point an escape of one character stands for (`\t`, `\x41`, `\u00e9`, `\0101`, `\.`). */
  escapedCodePoint(c: number, start: number, inClass: boolean): number {
    switch (c) {
      case 0x74:
        return 0x09;
      case 0x6e:
        return 0x0a;
      case 0x72:
        return 0x0d;
      case 0x66:
        return 0x0c;
      case 0x61:
        return 0x07;
      case 0x65:
        return 0x1b;
      case 0x63: {
        const x = this.raw();
        if (x < 0) throw this.error("Illegal control escape sequence");
        return x ^ 64;
      }
      case 0x30: {
        // \0n, \0nn, \0mnn (m <= 3)
        const o = (i: number): number => {
          const d = this.cps[this.pos + i];
          return d !== undefined && d >= 0x30 && d <= 0x37 ? d - 0x30 : -1;
        };
        const a = o(0);
        if (a < 0) throw this.error("Illegal octal escape sequence");
        const b = o(1);
        if (b < 0) {
          this.pos += 1;
          return a;
        }
        const d = o(2);
        if (d >= 0 && a <= 3) {
          this.pos += 3;
          return a * 64 + b * 8 + d;
        }
        this.pos += 2;
        return a * 8 + b;
      }
      case 0x78: {
        // \xhh or \x{h..h}
        if (this.cps[this.pos] === 0x7b) {
          const close = this.cps.indexOf(0x7d, this.pos);
          const hex = close < 0 ? "" : textOf(this.cps, this.pos + 1, close);
          if (!/^[0-9a-fA-F]+$/.test(hex)) throw this.error("Unclosed hexadecimal escape sequence");
          const v = parseInt(hex, 16);
          if (v > 0x10ffff) throw this.error("Hexadecimal codepoint is too big");
          this.pos = close + 1;
          return v;
        }
        return this.hex(2);
      }
      case 0x75: {
        const v = this.hex(4);
        // A surrogate pair written as two \u escapes is one code point, as in Java.
        if (v >= 0xd800 && v <= 0xdbff && this.cps[this.pos] === 0x5c && this.cps[this.pos + 1] === 0x75) {
          const save = this.pos;
          this.pos += 2;
          const lo = this.hex(4);
          if (lo >= 0xdc00 && lo <= 0xdfff) return 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00);
          this.pos = save;
        }
        return v;
      }
      case 0x4e: // N{name}
        throw new Untranslatable("named characters (\\N{...}) are not translated");
      case -1:
        throw this.error("Unexpected internal error");
      default:
        if (isAsciiLetter(c) || (!inClass && isDigit(c))) throw this.error("Illegal/unsupported escape sequence", start);
        if (inClass && isDigit(c)) throw this.error("Illegal/unsupported escape sequence", start);
        return c;
    }
  }

  hex(n: number): number {
    const digits = this.cps.slice(this.pos, this.pos + n);
    const text = digits.length === n ? textOf(digits, 0, digits.length) : "";
    if (!/^[0-9a-fA-F]+$/.test(text)) throw this.error(n === 2 ? "Illegal hexadecimal escape sequence" : "Illegal Unicode escape sequence");
    this.pos += n;
    return parseInt(text, 16);
  }

  /**
   * A character class after its `[`, as Java 17's `clazz` reads it: members and ranges union,
   * nested classes union, `&&` intersects everything before it with everything after it (up to
   * the next `&&`), and a leading `^` complements the whole class.
   */
  classBody(start: number): CharSet {
    let negate = false;
    if (this.peek() === 0x5e) {
      this.pos++;
      negate = true;
    }
    const result = this.classExpression(start, true);
    return negate ? not(result) : result;
  }

  /** Members up to the closing `]` (consumed when `consume`), with `&&` intersections. */
  classExpression(start: number, consume: boolean): CharSet {
    let prev: CharSet | null = null;
    let items: CharSet[] = [];
    const flush = (): void => {
      if (items.length === 0) return;
      prev = unionOf(prev === null ? items : [prev, ...items]);
      items = [];
    };
    for (;;) {
      const c = this.peek();
      if (c < 0) throw this.error("Unclosed character class", this.cps.length - 1);
      if (c === 0x5b) {
        this.pos++;
        items.push(this.classBody(this.pos - 1));
        continue;
      }
      if (c === 0x26 && this.cps[this.pos + 1] === 0x26) {
        this.pos += 2;
        flush();
        let right: CharSet | null = null;
        for (let d = this.peek(); d !== 0x5d && !(d === 0x26 && this.cps[this.pos + 1] === 0x26); d = this.peek()) {
          if (d < 0) throw this.error("Unclosed character class", this.cps.length - 1);
          let part: CharSet;
          if (d === 0x5b) {
            this.pos++;
            part = this.classBody(this.pos - 1);
          } else part = this.classExpression(start, false);
          right = right === null ? part : union(right, part);
        }
        if (prev === null) {
          if (right === null) throw this.error("Bad class syntax");
          prev = right;
        } else if (right !== null) prev = inter(prev, right);
        continue;
      }
      if (c === 0x5d && (prev !== null || items.length > 0)) {
        if (consume) this.pos++;
        flush();
        return prev!;
      }
      items.push(this.classMember(start));
    }
  }

  /** One member of a class: a character, a range, an escape class or `\Q..\E` text. */
  classMember(start: number): CharSet {
    const at = this.pos;
    let c = this.next();
    let lo: number;
    if (c === 0x5c) {
      const e = this.raw();
      if (e === 0x51) {
        // \Q...\E inside a class: each character is a member
        const members: number[] = [];
        while (this.pos < this.cps.length && !(this.cps[this.pos] === 0x5c && this.cps[this.pos + 1] === 0x45))
          members.push(this.cps[this.pos++]!);
        if (this.pos < this.cps.length) this.pos += 2;
        return this.foldCase({ kind: "ranges", ranges: normalize(members.map((m) => [m, m] as const)) });
      }
      if (e === 0x45) return ranges();
      if ("dDsSwWhHvVpP".includes(String.fromCodePoint(e)) && !(e === 0x76 && this.cps[this.pos] === 0x2d)) {
        return this.escapeSet(e, at, true);
      }
      if (e === 0x76) lo = 0x0b;
      else if ("ABGRXZbkz".includes(String.fromCodePoint(e)) || (isDigit(e) && e !== 0x30))
        throw this.error("Illegal/unsupported escape sequence", at);
      else lo = this.escapedCodePoint(e, at, true);
    } else lo = c;
    // A range?
    if (this.peek() === 0x2d) {
      const after = this.cps[this.pos + 1];
      if (after !== undefined && after !== 0x5d && after !== 0x5b) {
        this.pos++;
        c = this.next();
        let hi: number;
        if (c === 0x5c) {
          const e = this.raw();
          if ("dDsSwWhHpPQE".includes(String.fromCodePoint(e))) throw this.error("Illegal character range", at);
          hi = e === 0x76 ? 0x0b : this.escapedCodePoint(e, at, true);
        } else if (c < 0) throw this.error("Unclosed character class", this.cps.length - 1);
        else hi = c;
        if (hi < lo) throw this.error("Illegal character range", this.pos - 1);
        return this.foldCase(ranges([lo, hi]));
      }
    }
    return this.foldCase(single(lo));
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/**
 * The text of code points `from` to `to` of `cps`, built in slices: spreading a long run into one
 * `String.fromCodePoint` call passes V8's argument limit (a RangeError for ~125,000 code points).
 */
function textOf(cps: readonly number[], from: number, to: number): string {
  let text = "";
  for (let i = from; i < to; i += 4096) text += String.fromCodePoint(...cps.slice(i, Math.min(i + 4096, to)));
  return text;
}
