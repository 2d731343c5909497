// Smithy's trait conflict rule, for a trait applied twice to one shape (by the shape and an
// `apply`, or by two files): list-valued traits concatenate, equal values are fine, else conflict.
//
//   mergeTraitValue(["a"], ["b"], "list") → ["a", "b"]
//   mergeTraitValue("x", "x")            → "x"
//   mergeTraitValue("x", "y")            → undefined (a conflict)

import { BigNumberNode, type NodeValue } from "../ast.js";

export function nodeEquals(a: NodeValue, b: NodeValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (a instanceof BigNumberNode || b instanceof BigNumberNode) return a instanceof BigNumberNode && b instanceof BigNumberNode && a.text === b.text;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => nodeEquals(x, b[i] as NodeValue));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && nodeEquals(a[k] as NodeValue, b[k] as NodeValue));
}

/** The merged value, or `undefined` when the two values conflict. `traitType`: type of the trait's shape, if known. */
export function mergeTraitValue(previous: NodeValue, next: NodeValue, traitType?: string): NodeValue | undefined {
  const isList = traitType === undefined || traitType === "list" || traitType === "set";
  if (isList && Array.isArray(previous) && Array.isArray(next)) return [...previous, ...next];
  return nodeEquals(previous, next) ? previous : undefined;
}
