// The shapes whose values are, or may contain, something sensitive: a shape marked `@sensitive`, a
// shape with a member marked so, and every shape that refers (at any depth, around cycles) to one of
// those. The log-safe views (emit/redact.ts) copy these and return the others as they are.
//
//   structure Req { a: A, b: B }   list A { member: Secret }   string Secret (sensitive)
//   structure B { n: String }      structure C { key: String (member sensitive) }
//   → Set { Secret, A, Req, C }
//
// One walk back along the references from the shapes sensitive of themselves (a worklist over the
// reverse edges): linear in the shapes and references, however deep the chain.

import type { ResolvedModel, ShapeId } from "../model/ir.js";
import { childRefs } from "../model/refs.js";

/** Ids of the shapes whose values are, or may contain, something sensitive. */
export function sensitiveClosure(model: ResolvedModel): ReadonlySet<ShapeId> {
  const holds = new Set<ShapeId>();
  const waiting: ShapeId[] = [];
  // Target → the shapes that refer to it.
  const users = new Map<ShapeId, ShapeId[]>();
  for (const shape of model.shapes.values()) {
    const refs = childRefs(shape);
    for (const ref of refs) {
      const known = users.get(ref.target);
      if (known === undefined) users.set(ref.target, [shape.id]);
      else known.push(shape.id);
    }
    if ((shape.sensitive || refs.some((r) => r.sensitive === true)) && !holds.has(shape.id)) {
      holds.add(shape.id);
      waiting.push(shape.id);
    }
  }
  while (waiting.length > 0) {
    for (const user of users.get(waiting.pop()!) ?? []) {
      if (holds.has(user)) continue;
      holds.add(user);
      waiting.push(user);
    }
  }
  return holds;
}
