// The shapes an operation input can contain: the input structures and everything they reach.
// Validators exist for these only; log-safe views for these and for what responses can contain
// (`outputClosure`: outputs and errors); types exist for every shape.
//
//   Op { input: Req }  Req { a: A, b: smithy.api#String }  A { c: C }  Resp { d: D }
//   → Set { Req, A, C, smithy.api#String }   (Resp and D are output-only)

import { shapeOf, type ResolvedModel, type ShapeId } from "../model/ir.js";
import { childRefs } from "../model/refs.js";

export function inputClosure(model: ResolvedModel): ReadonlySet<ShapeId> {
  return closureOf(model, model.operations.flatMap((op) => (op.input ? [op.input] : [])));
}

/** The shapes a response can contain: operation outputs, their errors, and everything they reach. */
export function outputClosure(model: ResolvedModel): ReadonlySet<ShapeId> {
  return closureOf(model, model.operations.flatMap((op) => [...(op.output ? [op.output] : []), ...op.errors]));
}

function closureOf(model: ResolvedModel, roots: readonly ShapeId[]): ReadonlySet<ShapeId> {
  const seen = new Set<ShapeId>();
  const stack: ShapeId[] = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const ref of childRefs(shapeOf(model, id))) if (!seen.has(ref.target)) stack.push(ref.target);
  }
  return seen;
}
