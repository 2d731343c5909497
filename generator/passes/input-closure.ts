// The shapes an operation input can contain: the input structures and everything they reach.
// Validators and log-safe views exist for these only; types exist for every shape.
//
//   Op { input: Req }  Req { a: A, b: smithy.api#String }  A { c: C }  Resp { d: D }
//   → Set { Req, A, C, smithy.api#String }   (Resp and D are output-only)

import { shapeOf, type ResolvedModel, type Shape, type ShapeId } from "../model/ir.js";

export function inputClosure(model: ResolvedModel): ReadonlySet<ShapeId> {
  const seen = new Set<ShapeId>();
  const stack: ShapeId[] = model.operations.flatMap((op) => (op.input ? [op.input] : []));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of references(shapeOf(model, id))) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

/** The shapes a shape refers to directly. */
export function references(shape: Shape): ShapeId[] {
  switch (shape.type) {
    case "list":
      return [shape.member.target];
    case "map":
      return [shape.key.target, shape.value.target];
    case "structure": {
      const extra = shape.additionalProperties && shape.additionalProperties !== true ? [shape.additionalProperties.target] : [];
      return [...shape.members.map((m) => m.target), ...extra];
    }
    case "union":
      return shape.members.map((m) => m.target);
    case "alternatives":
      return [...shape.variants.map((v) => v.target), ...(shape.discriminator?.mapping.map((m) => m.target) ?? [])];
    case "string":
    case "enum":
    case "intEnum":
    case "number":
    case "boolean":
    case "blob":
    case "timestamp":
    case "document":
      return [];
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}
