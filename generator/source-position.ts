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
 * `jsonLocator` for text already known to be valid JSON, without building a tree: each call
 * scans the text from the start, skipping every value the path does not enter (strings by
 * `indexOf`, containers by counting brackets), so it costs one pass over the text up to the
 * value, where a tree costs memory and time proportional to the whole file. A model that draws
 * one diagnostic with a position (every AWS model: its unknown `aws.*` traits are reported as
 * info) no longer pays for a tree. Same answers as `jsonLocator` (first of duplicate keys, the
 * nearest existing parent of a missing path): test/foundation/json-text-locator.test.ts.
 */
export function jsonTextLocator(text: string): Locate {
  return (path) => {
    let at = skipSpace(text, 0);
    if (at >= text.length) return undefined;
    for (const segment of path) {
      const inner = typeof segment === "string" ? propertyValue(text, at, segment) : arrayItem(text, at, segment);
      if (inner === undefined) break;
      at = inner;
    }
    return lineColumn(text, at);
  };
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
function propertyValue(text: string, at: number, key: string): number | undefined {
  if (text.charCodeAt(at) !== 0x7b) return undefined;
  at = skipSpace(text, at + 1);
  while (text.charCodeAt(at) === 0x22) {
    const end = stringEnd(text, at);
    const raw = text.slice(at + 1, end - 1);
    const name = raw.includes("\\") ? (JSON.parse(text.slice(at, end)) as string) : raw;
    at = skipSpace(text, end);
    at = skipSpace(text, at + 1); // past ':'
    if (name === key) return at;
    at = skipSpace(text, valueEnd(text, at));
    if (text.charCodeAt(at) !== 0x2c) return undefined;
    at = skipSpace(text, at + 1);
  }
  return undefined;
}

/** The offset of item `index` of the array at `at`, if any. */
function arrayItem(text: string, at: number, index: number): number | undefined {
  if (text.charCodeAt(at) !== 0x5b || index < 0) return undefined;
  at = skipSpace(text, at + 1);
  if (text.charCodeAt(at) === 0x5d) return undefined;
  for (let i = 0; ; i++) {
    if (i === index) return at;
    at = skipSpace(text, valueEnd(text, at));
    if (text.charCodeAt(at) !== 0x2c) return undefined;
    at = skipSpace(text, at + 1);
  }
}
