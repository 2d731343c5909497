// The number literals of a JSON AST text that a float64 cannot hold, found in one scan of the
// text (which also checks its nesting, as limits.ts `jsonTooDeep` does), so a text already parsed
// by JSON.parse is read exactly by replacing those few values (`BigNumberNode`, as the parse
// tree would give them) instead of parsing the whole text again into a tree.
//
//   scanJsonNumbers('{"a": [1, 12345678901234567890], "b": "12345678901234567890"}')
//   → { inexact: [{ path: ["a", 1], text: "12345678901234567890" }] }     (digits in strings do not count)
//   withExactNumbers({ a: [1, 12345678901234567000], b: "…" }, <those>)
//   → { a: [1, BigNumberNode("12345678901234567890")], b: "…" }           (a copy; the parsed value is not changed)
//
// Only for text JSON.parse accepted. An object with two equal keys (JSON.parse keeps the last
// one, and a path may then lead into the one that lost) makes `withExactNumbers` answer
// undefined: the caller reads such a text through the parse tree, as before.

import { MAX_NESTING, type TooDeep } from "../limits.js";
import { BigNumberNode, numberNode, type NodeValue } from "./ast.js";

export interface InexactNumber {
  /** Where the literal stands: keys and array indexes from the top. */
  readonly path: readonly (string | number)[];
  /** The literal as written. */
  readonly text: string;
}

export interface NumberScan {
  /** As `jsonTooDeep(text, limit)`; when set, `inexact` is empty. */
  readonly deep?: TooDeep;
  /** Every literal outside strings that `numberNode` keeps as a `BigNumberNode`, in text order. */
  readonly inexact: readonly InexactNumber[];
  /** Whether some object repeats a key: looked for only when some literal is inexact. */
  readonly duplicateKeys?: boolean;
}

/**
 * One pass over JSON text: the first `[`/`{` past `limit` (exactly where `jsonTooDeep` finds it),
 * else the inexact number literals with their paths. Strings are skipped with indexOf, as
 * `jsonTooDeep` skips them; per open collection it keeps a kind, an item index and the offsets of
 * the current key (typed arrays: nothing allocated per value). A key is decoded only for the path
 * of an inexact literal.
 */
export function scanJsonNumbers(text: string, limit = MAX_NESTING): NumberScan {
  const n = text.length;
  const isObject = new Uint8Array(limit + 1);
  const item = new Int32Array(limit + 1);
  const keyStart = new Int32Array(limit + 1);
  const keyEnd = new Int32Array(limit + 1);
  let depth = 0;
  let expectKey = false;
  let inexact: InexactNumber[] | undefined;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      // To the closing quote: the next `"` after an even run of backslashes.
      for (;;) {
        const quote = text.indexOf('"', i + 1);
        if (quote === -1) return { inexact: inexact ?? [] };
        let b = quote - 1;
        while (b > i && text.charCodeAt(b) === 0x5c /* \ */) b--;
        i = quote;
        if ((quote - 1 - b) % 2 === 0) break;
      }
      if (expectKey) {
        keyStart[depth - 1] = start;
        keyEnd[depth - 1] = i;
        expectKey = false;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > limit) return { deep: { offset: i, depth }, inexact: [] };
      isObject[depth - 1] = c === 0x7b ? 1 : 0;
      item[depth - 1] = 0;
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth > 0) depth--;
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      if (depth > 0) {
        if (isObject[depth - 1] === 1) expectKey = true;
        else item[depth - 1]!++;
      }
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < n && isNumberChar(text.charCodeAt(end))) end++;
      // Fewer than 16 characters and an exponent of at most two digits: a float64 holds it.
      if (end - i >= 16 || longExponent(text, i, end)) {
        const literal = text.slice(i, end);
        if (numberNode(literal) instanceof BigNumberNode) {
          const path: (string | number)[] = [];
          for (let d = 0; d < depth; d++) path.push(isObject[d] === 1 ? (JSON.parse(text.slice(keyStart[d], keyEnd[d]! + 1)) as string) : item[d]!);
          (inexact ??= []).push({ path, text: literal });
        }
      }
      i = end - 1;
    }
  }
  return inexact === undefined ? { inexact: [] } : { inexact, duplicateKeys: hasDuplicateKeys(text) };
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e /* . */ || c === 0x65 /* e */ || c === 0x45 /* E */ || c === 0x2b /* + */ || c === 0x2d /* - */;
}

/** Whether the literal `text[from, to)` has an exponent of three or more digits. */
function longExponent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x65 || c === 0x45) {
      let digits = i + 1;
      if (digits < to && (text.charCodeAt(digits) === 0x2b || text.charCodeAt(digits) === 0x2d)) digits++;
      return to - digits >= 3;
    }
  }
  return false;
}

/**
 * Whether some object of the JSON text has two keys that decode to the same string. Keys without
 * a backslash are compared as written; others decoded.
 */
export function hasDuplicateKeys(text: string): boolean {
  const stack: (Set<string> | undefined)[] = [];
  let expectKey = false;
  let backslash = -2; // the first backslash at or after the last key looked at (-1: none left)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      for (;;) {
        const quote = text.indexOf('"', i + 1);
        if (quote === -1) return false;
        let b = quote - 1;
        while (b > i && text.charCodeAt(b) === 0x5c) b--;
        i = quote;
        if ((quote - 1 - b) % 2 === 0) break;
      }
      if (expectKey) {
        expectKey = false;
        const keys = stack[stack.length - 1]!;
        if (backslash !== -1 && backslash < start) backslash = text.indexOf("\\", start);
        const escaped = backslash !== -1 && backslash < i;
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
        if (keys.has(key)) return true;
        keys.add(key);
      }
    } else if (c === 0x7b) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      stack.push(undefined);
      expectKey = false;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = stack.length > 0 && stack[stack.length - 1] !== undefined;
    }
  }
  return false;
}

/**
 * `value` (what JSON.parse gave for the scanned text) with each inexact literal at its path as a
 * `BigNumberNode`: the containers on those paths are copied (same key order), the rest shared.
 * Undefined when the text repeats a key or a path does not lead to the number JSON.parse read
 * there: read the text through the parse tree instead.
 */
export function withExactNumbers(value: unknown, scan: NumberScan): NodeValue | undefined {
  if (scan.inexact.length === 0) return value as NodeValue;
  if (scan.duplicateKeys !== false) return undefined;
  const copies = new Map<object, object>();
  const copy = (container: object): object => {
    let own = copies.get(container);
    if (own === undefined) {
      own = Array.isArray(container) ? container.slice() : { ...container };
      copies.set(container, own);
      copies.set(own, own);
    }
    return own;
  };
  let root: unknown = value;
  for (const { path, text } of scan.inexact) {
    if (path.length === 0) {
      if (typeof root !== "number" || root !== Number(text)) return undefined;
      root = numberNode(text);
      continue;
    }
    if (typeof root !== "object" || root === null) return undefined;
    root = copy(root);
    let at = root as Record<string | number, unknown>;
    for (let k = 0; k < path.length; k++) {
      const segment = path[k]!;
      if (!Object.hasOwn(at, segment)) return undefined;
      const inner = at[segment];
      if (k === path.length - 1) {
        if (typeof inner !== "number" || inner !== Number(text)) return undefined;
        // An own data property, "__proto__" included (as JSON.parse and the tree reader make it).
        Object.defineProperty(at, segment, { value: numberNode(text), enumerable: true, writable: true, configurable: true });
      } else {
        if (typeof inner !== "object" || inner === null || inner instanceof BigNumberNode) return undefined;
        const own = copy(inner);
        if (own !== inner) Object.defineProperty(at, segment, { value: own, enumerable: true, writable: true, configurable: true });
        at = own as Record<string | number, unknown>;
      }
    }
  }
  return root as NodeValue;
}
