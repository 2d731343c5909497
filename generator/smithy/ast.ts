// Types of the Smithy 2.0 JSON AST (https://smithy.io/2.0/spec/json-ast.html), the common
// currency of the Smithy front ends: the IDL parser produces one, the JSON AST reader checks one.
//
//   { "smithy": "2.0", "shapes": { "ns#Name": { "type": "string",
//     "traits": { "smithy.api#length": { "min": 1 } } } } }

import { BigNumberNode, roundTrips } from "../model/decimal.js";

export { BigNumberNode };

export type NodeValue = null | boolean | number | string | BigNumberNode | NodeValue[] | { [key: string]: NodeValue };

/** A number literal as a node value: a `number` when float64 holds it exactly, else a `BigNumberNode`. */
export function numberNode(text: string): number | BigNumberNode {
  return isSmallInteger(text) || roundTrips(text) ? Number(text) : new BigNumberNode(text);
}

/**
 * Whether a literal is an integer of at most 15 digits, without leading zeros (`-?(0|[1-9][0-9]{0,14})`):
 * a float64 holds every such value exactly (most literals of a model: no decimal parse needed).
 */
function isSmallInteger(text: string): boolean {
  const start = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const n = text.length - start;
  if (n < 1 || n > 15) return false;
  if (text.charCodeAt(start) === 48 /* 0 */) return n === 1;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** An object node (`{...}`): not null, an array or a big number. */
export function isObjectNode(value: NodeValue | undefined): value is { [key: string]: NodeValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof BigNumberNode);
}

export interface AstMemberRef {
  target: string;
  traits?: Record<string, NodeValue>;
}

export interface AstShape {
  type: string;
  traits?: Record<string, NodeValue>;
  /** list / set */
  member?: AstMemberRef;
  /** map */
  key?: AstMemberRef;
  value?: AstMemberRef;
  /** structure / union / enum / intEnum */
  members?: Record<string, AstMemberRef>;
  mixins?: { target: string }[];
  // service / resource / operation
  version?: string;
  operations?: { target: string }[];
  resources?: { target: string }[];
  errors?: { target: string }[];
  rename?: Record<string, string>;
  identifiers?: Record<string, { target: string }>;
  properties?: Record<string, { target: string }>;
  create?: { target: string };
  put?: { target: string };
  read?: { target: string };
  update?: { target: string };
  delete?: { target: string };
  list?: { target: string };
  collectionOperations?: { target: string }[];
  input?: { target: string };
  output?: { target: string };
}

/** `{"type": "apply", "traits": {...}}` entries of the AST. */
export interface AstApply {
  type: "apply";
  traits: Record<string, NodeValue>;
}

export interface AstModel {
  smithy: string;
  metadata?: Record<string, NodeValue>;
  shapes?: Record<string, AstShape | AstApply>;
}
