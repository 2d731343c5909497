// Questions about sets of code points that need Unicode data: is `A ∩ B` empty, which code point
// is in it. Concrete ranges are answered by arithmetic; sets with a Unicode property are answered
// by the running engine: the ASCII code points first (each property's 128 answers asked once),
// then by scanning one string of every code point (built on first need). The answer is always
// the smallest common code point. One Universe per run (regex/memo.ts), never module state.
//
//   const u = new Universe();
//   u.sample([inter(prop "L", ranges 0-9)]) → undefined        (no letter is a digit)
//   u.sample([prop "Lu", ranges A-Z])       → 0x41

import { MAX_CODE_POINT, contains, intersectRanges, type CharSet, type Ranges } from "./charset.js";

const size = (rs: Ranges): number => rs.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
import { printSet } from "./print.js";

/** Whether a Uint16Array holds its units little-endian (as TextDecoder's "utf-16le" reads them). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class Universe {
  #plane0: string | undefined;
  #planes: string | undefined;
  readonly #memo = new Map<string, number | undefined>();
  readonly #props = new Map<string, RegExp>();
  readonly #ascii = new Map<string, Uint8Array>();

  /** A code point in every one of `sets` (the smallest, for concrete sets), or undefined if none. */
  sample(sets: readonly CharSet[]): number | undefined {
    if (sets.every((s) => s.kind === "ranges")) {
      let acc: Ranges = [[0, MAX_CODE_POINT]];
      for (const s of sets) acc = intersectRanges(acc, (s as Extract<CharSet, { kind: "ranges" }>).ranges);
      return acc[0]?.[0];
    }
    const key = sets.map((s) => printSet(s)).join("\u0000");
    if (this.#memo.has(key)) return this.#memo.get(key);
    // A small concrete set: test its own code points rather than scanning every one.
    const small = sets.find((s): s is Extract<CharSet, { kind: "ranges" }> => s.kind === "ranges" && size(s.ranges) <= 4096);
    if (small) {
      let found: number | undefined;
      for (const [lo, hi] of small.ranges) {
        for (let cp = lo; cp <= hi && found === undefined; cp++) if (sets.every((s) => contains(s, cp, (name, c) => this.#has(name, c)))) found = cp;
        if (found !== undefined) break;
      }
      this.#memo.set(key, found);
      return found;
    }
    // ASCII first, by the properties' ASCII members: the smallest common code point is usually
    // there, and scanning for it with a RegExp costs the compilation of the properties' classes.
    for (let cp = 0; cp < 0x80; cp++) {
      if (sets.every((s) => contains(s, cp, (name, c) => this.#asciiHas(name, c)))) {
        this.#memo.set(key, cp);
        return cp;
      }
    }
    const source = sets.map((s, i) => (i === sets.length - 1 ? printSet(s) : `(?=${printSet(s)})`)).join("");
    // The plane-0 code points first: the smallest common one is usually there, and that string is
    // 30 times shorter to build than the other planes'.
    const re = new RegExp(source, "u");
    const m = re.exec(this.#basic()) ?? re.exec(this.#astral());
    const found = m ? m[0].codePointAt(0) : undefined;
    this.#memo.set(key, found);
    return found;
  }

  /** Whether ASCII code point `cp` has property `name` (the 128 answers computed once per name). */
  #asciiHas(name: string, cp: number): boolean {
    let members = this.#ascii.get(name);
    if (!members) {
      members = new Uint8Array(0x80);
      for (let c = 0; c < 0x80; c++) members[c] = this.#has(name, c) ? 1 : 0;
      this.#ascii.set(name, members);
    }
    return members[cp] === 1;
  }

  #has(name: string, cp: number): boolean {
    let re = this.#props.get(name);
    if (!re) this.#props.set(name, (re = new RegExp(`^\\p{${name}}$`, "u")));
    return re.test(String.fromCodePoint(cp));
  }

  intersects(sets: readonly CharSet[]): boolean {
    return this.sample(sets) !== undefined;
  }

  /** Every code point once, in order, surrogates excluded (they only pair up in a string). */
  all(): string {
    return this.#basic() + this.#astral();
  }

  /** U+0000..U+FFFF without the surrogates. */
  #basic(): string {
    if (this.#plane0 === undefined) {
      const units = new Uint16Array(0x10000 - 0x800);
      let k = 0;
      for (let cp = 0; cp < 0xd800; cp++) units[k++] = cp;
      for (let cp = 0xe000; cp < 0x10000; cp++) units[k++] = cp;
      this.#plane0 = decodeUtf16(units);
    }
    return this.#plane0;
  }

  /** U+10000..U+10FFFF: every surrogate pair, in order. */
  #astral(): string {
    if (this.#planes === undefined) {
      const units = new Uint16Array((MAX_CODE_POINT + 1 - 0x10000) * 2);
      let k = 0;
      for (let high = 0xd800; high < 0xdc00; high++) {
        for (let low = 0xdc00; low < 0xe000; low++) {
          units[k++] = high;
          units[k++] = low;
        }
      }
      this.#planes = decodeUtf16(units);
    }
    return this.#planes;
  }
}

/** UTF-16 code units → the string (surrogates paired as given); TextDecoder is in Node and browsers. */
function decodeUtf16(units: Uint16Array): string {
  if (LITTLE_ENDIAN) return new TextDecoder("utf-16le").decode(units);
  let text = "";
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}
