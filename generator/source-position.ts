// Turns offsets into 1-based line and column numbers, and JSON paths into positions.
//
//   lineColumn("ab\ncd", 4) → { line: 2, column: 2 }
//   jsonTextLocator('{"a": [1, {"b": true}]}')(["a", 1, "b"]) → { line: 1, column: 17 }

import { findNodeAtLocation, type Node } from "jsonc-parser";

export interface Position {
  readonly line: number;
  readonly column: number;
}

export function lineColumn(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Finds where a value sits in a parsed JSON tree (the value itself, so a wrong trait value or
 * target is pointed at); a path that does not exist is reported at its nearest existing parent.
 */
export type Locate = (path: readonly (string | number)[]) => Position | undefined;

export function jsonLocator(text: string, root: Node): Locate {
  return (path) => {
    // Walk up until some ancestor of the path exists (a missing key is reported at its parent).
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, path.slice(0, n) as (string | number)[]);
      if (!node) continue;
      return lineColumn(text, node.offset);
    }
    return undefined;
  };
}

/**
 * `jsonLocator` for text already known to be valid JSON, without building a tree: a scan of the
 * text that skips every value a path does not enter (strings by `indexOf`, containers by
 * counting brackets). A tree costs memory and time proportional to the whole file; a model that
 * draws a few diagnostics with a position (every AWS model: its unknown `aws.*` traits are
 * reported as info) no longer pays for one. The locator remembers, for each object and array it
 * entered, the keys and items it has passed and where it stopped, and the last line it counted
 * to, so the calls on one text cost one pass over it together, not one each (`shapes` of a large
 * model is entered by every call). Same answers as `jsonLocator` (first of duplicate keys, the
 * nearest existing parent of a missing path): test/foundation/json-text-locator.test.ts.
 */
export function jsonTextLocator(text: string): Locate {
  const objects = new Map<number, Scan<Map<string, number>>>();
  const arrays = new Map<number, Scan<number[]>>();
  const lines = { offset: 0, line: 1, start: 0 };
  return (path) => {
    let at = skipSpace(text, 0);
    if (at >= text.length) return undefined;
    for (const segment of path) {
      const inner = typeof segment === "string" ? propertyValue(text, at, segment, objects) : arrayItem(text, at, segment, arrays);
      if (inner === undefined) break;
      at = inner;
    }
    return lineColumnFrom(text, at, lines);
  };
}

/**
 * How far the entries of one object or array have been read: `found` (key → offset of its value,
 * the first of duplicates; or the items' offsets), `at` the offset of the next entry, or of the
 * value of the last one read when `pending` (its end not yet looked for), -1 once all are read.
 */
interface Scan<T> {
  readonly found: T;
  at: number;
  pending: boolean;
}

/** `lineColumn`, counting on from the line of the last call when the offset is not before it. */
function lineColumnFrom(text: string, offset: number, last: { offset: number; line: number; start: number }): Position {
  let { line, start } = offset >= last.offset ? last : { line: 1, start: 0 };
  for (let i = text.indexOf("\n", start); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  last.offset = offset;
  last.line = line;
  last.start = start;
  return { line, column: offset - start + 1 };
}

function skipSpace(text: string, at: number): number {
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    at++;
  }
  return at;
}

/** The offset just past the string whose opening quote is at `at`. */
function stringEnd(text: string, at: number): number {
  let quote = text.indexOf('"', at + 1);
  for (;;) {
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
}

const STRUCTURAL = /["[\]{}]/g;

/** The offset just past the value starting at `at`. */
function valueEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 0x22) return stringEnd(text, at);
  if (c !== 0x7b && c !== 0x5b) {
    let end = at;
    while (end < text.length && !",]} \n\r\t".includes(text.charAt(end))) end++;
    return end;
  }
  let depth = 0;
  const scan = new RegExp(STRUCTURAL);
  scan.lastIndex = at;
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const ch = m[0];
    if (ch === '"') {
      scan.lastIndex = stringEnd(text, m.index);
    } else if (ch === "{" || ch === "[") {
      depth++;
    } else if (--depth === 0) {
      return m.index + 1;
    }
  }
  return text.length;
}

/** The offset of the value of the first property `key` of the object at `at`, if any. */
function propertyValue(text: string, at: number, key: string, objects: Map<number, Scan<Map<string, number>>>): number | undefined {
  if (text.charCodeAt(at) !== 0x7b) return undefined;
  let scan = objects.get(at);
  if (scan === undefined) objects.set(at, (scan = { found: new Map(), at: skipSpace(text, at + 1), pending: false }));
  const known = scan.found.get(key);
  if (known !== undefined) return known;
  while (scan.at !== -1) {
    if (scan.pending && !next(text, scan)) break;
    if (text.charCodeAt(scan.at) !== 0x22) break;
    const end = stringEnd(text, scan.at);
    const raw = text.slice(scan.at + 1, end - 1);
    const name = raw.includes("\\") ? (JSON.parse(text.slice(scan.at, end)) as string) : raw;
    const value = skipSpace(text, skipSpace(text, end) + 1); // past ':'
    scan.at = value;
    scan.pending = true;
    if (!scan.found.has(name)) {
      scan.found.set(name, value);
      if (name === key) return value;
    }
  }
  scan.at = -1;
  return undefined;
}

/** Moves `scan` past its pending value and the comma after it; false when none follows. */
function next(text: string, scan: Scan<unknown>): boolean {
  scan.pending = false;
  const after = skipSpace(text, valueEnd(text, scan.at));
  if (text.charCodeAt(after) !== 0x2c) return false;
  scan.at = skipSpace(text, after + 1);
  return true;
}

/** The offset of item `index` of the array at `at`, if any. */
function arrayItem(text: string, at: number, index: number, arrays: Map<number, Scan<number[]>>): number | undefined {
  if (text.charCodeAt(at) !== 0x5b || index < 0) return undefined;
  let scan = arrays.get(at);
  if (scan === undefined) {
    const first = skipSpace(text, at + 1);
    arrays.set(at, (scan = { found: [], at: text.charCodeAt(first) === 0x5d ? -1 : first, pending: false }));
  }
  if (index < scan.found.length) return scan.found[index];
  while (scan.at !== -1) {
    if (scan.pending && !next(text, scan)) break;
    scan.found.push(scan.at);
    scan.pending = true;
    if (scan.found.length - 1 === index) return scan.at;
  }
  scan.at = -1;
  return undefined;
}
