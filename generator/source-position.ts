// Turns offsets into 1-based line and column numbers, and JSON paths into positions.
//
//   lineColumn("ab\ncd", 4) → { line: 2, column: 2 }

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
