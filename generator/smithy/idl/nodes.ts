// Node values of the IDL (trait values, metadata, defaults, service bodies) and shape ids as
// written. Unquoted words other than true/false/null are shape ids, resolved later.
//
//   [1, "a", Foo, true] → [1, "a", ShapeRef{text:"Foo"}, true]

import { BigNumberNode, type NodeValue } from "../ast.js";
import type { Lexer } from "./lexer.js";
import { IdlSyntaxError } from "./lexer.js";
import { MAX_NESTING } from "../../limits.js";

/** A shape id as written in the file, with where it was written. */
export class ShapeRef {
  constructor(
    readonly text: string,
    readonly line: number,
    readonly column: number,
  ) {}
}

/** A node value before shape ids are resolved. */
export type PNode = null | boolean | number | string | BigNumberNode | ShapeRef | PNode[] | { [key: string]: PNode };

/** Sets `obj[key]` as an own data property, even for `__proto__`. */
export function setKey<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * Parses `identifier *("." identifier) ["#" identifier] ["$" identifier]` from adjacent tokens.
 * Returns the text; the lexer is left after it.
 */
export function expectShapeId(lx: Lexer): ShapeRef {
  return shapeId(lx, false);
}

/** Parses `namespace "#" identifier ["$" identifier]`: a shape id that must be absolute. */
export function expectAbsoluteShapeId(lx: Lexer): ShapeRef {
  return shapeId(lx, true);
}

function shapeId(lx: Lexer, absolute: boolean): ShapeRef {
  const line = lx.line;
  const column = lx.column;
  const start = lx.start;
  expectNamespace(lx);
  if (absolute) lx.expect("POUND");
  if (lx.tok() === "POUND") {
    lx.next();
    lx.expect("IDENTIFIER");
    lx.next();
  }
  if (lx.tok() === "DOLLAR") {
    lx.next();
    lx.expect("IDENTIFIER");
    lx.next();
  }
  // The tokens were adjacent: the id is the text they span.
  return new ShapeRef(lx.text.slice(start, lx.start), line, column);
}

/** Parses `identifier *("." identifier)`. */
export function expectNamespace(lx: Lexer): string {
  lx.expect("IDENTIFIER");
  const start = lx.start;
  lx.next();
  while (lx.tok() === "DOT") {
    lx.next();
    lx.expect("IDENTIFIER");
    lx.next();
  }
  return lx.text.slice(start, lx.start);
}

/** Maximum nesting of arrays and objects, to turn hostile input into an error rather than a stack overflow. */
const MAX_DEPTH = MAX_NESTING;

/** Parses one node value; the lexer is left on the token after it. */
export function expectNode(lx: Lexer, depth = 0): PNode {
  if (depth > MAX_DEPTH) lx.fail(`Node values nested more than ${MAX_DEPTH} levels deep`);
  switch (lx.expect("STRING", "TEXT_BLOCK", "NUMBER", "IDENTIFIER", "LBRACE", "LBRACKET")) {
    case "STRING":
    case "TEXT_BLOCK": {
      const v = lx.stringValue;
      lx.next();
      return v;
    }
    case "NUMBER": {
      const v = lx.numberValue;
      lx.next();
      return v;
    }
    case "LBRACE":
      return expectObject(lx, depth);
    case "LBRACKET": {
      lx.next();
      lx.skipWsAndDocs();
      const ids = lx.nodeShapeIds;
      // Items are collected on the lexer's scratch list (nested lists above this one's), then
      // copied at their exact length: a list grown by push holds 17 slots or more.
      const scratch = lx.scratchNodes;
      const base = scratch.length;
      while (lx.tok() !== "RBRACKET") {
        scratch.push(expectNode(lx, depth + 1));
        lx.skipWsAndDocs();
      }
      lx.next();
      const out = scratch.slice(base);
      scratch.length = base;
      if (lx.nodeShapeIds !== ids) lx.nodesWithShapeIds.add(out);
      return out;
    }
    default:
      return keywordOrShapeId(lx, expectShapeId(lx));
  }
}

/** `true`, `false`, `null`, else the shape id (counted in `lx.nodeShapeIds`). */
export function keywordOrShapeId(lx: Lexer, ref: ShapeRef): PNode {
  switch (ref.text) {
    case "true":
      return true;
    case "false":
      return false;
    case "null":
      return null;
    default:
      lx.nodeShapeIds++;
      return ref;
  }
}

function expectObject(lx: Lexer, depth: number): PNode {
  lx.next(); // {
  lx.skipWsAndDocs();
  const ids = lx.nodeShapeIds;
  const out: { [key: string]: PNode } = {};
  while (lx.tok() !== "RBRACE") {
    lx.expect("RBRACE", "STRING", "IDENTIFIER");
    const key = lx.tok() === "STRING" ? lx.stringValue : lx.lexeme;
    const keyLine = lx.line;
    const keyColumn = lx.column;
    lx.next();
    lx.skipWsAndDocs();
    lx.expect("COLON");
    lx.next();
    lx.skipWsAndDocs();
    const value = expectNode(lx, depth + 1);
    if (Object.prototype.hasOwnProperty.call(out, key)) {
      throw new IdlSyntaxError(`Duplicate member: '${key}'`, keyLine, keyColumn);
    }
    setKey(out, key, value);
    lx.skipWsAndDocs();
  }
  lx.next();
  if (lx.nodeShapeIds !== ids) lx.nodesWithShapeIds.add(out);
  return out;
}

/**
 * Converts a node whose shape ids are resolved by `resolve`. Copy on write: an array or object
 * with no shape id inside is returned as it is (most trait values; no second copy of them).
 * `withShapeIds`, when given, holds every array and object that has a shape id inside (the
 * lexer's `nodesWithShapeIds`): the others are not walked.
 */
export function resolveNode(node: PNode, resolve: (ref: ShapeRef) => string, withShapeIds?: ReadonlySet<object>): NodeValue {
  if (node === null || typeof node !== "object" || node instanceof BigNumberNode) return node;
  if (node instanceof ShapeRef) return resolve(node);
  if (withShapeIds !== undefined && !withShapeIds.has(node)) return node as NodeValue;
  if (Array.isArray(node)) {
    let out: NodeValue[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const item = node[i] as PNode;
      const value = resolveNode(item, resolve, withShapeIds);
      if (out === undefined && value !== item) out = node.slice(0, i) as NodeValue[];
      out?.push(value);
    }
    return out ?? (node as NodeValue[]);
  }
  let out: { [key: string]: NodeValue } | undefined;
  const keys = Object.keys(node);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = node[key] as PNode;
    const value = resolveNode(item, resolve, withShapeIds);
    if (out === undefined && value !== item) {
      out = {};
      for (let j = 0; j < i; j++) setKey(out, keys[j] as string, node[keys[j] as string] as NodeValue);
    }
    if (out !== undefined) setKey(out, key, value);
  }
  return out ?? (node as { [key: string]: NodeValue });
}
