// Checks the two chains of a Smithy model that later steps follow recursively: mixins of mixins
// and resources bound under resources. Either may be at most MAX_NESTING long (see limits.ts).
//
//   structure S0 with [S1] {}, S1 with [S2] {}, ... S300 {}
//   → MODEL_TOO_DEEP at S0's `mixins` entry: "The mixins of `a#S0` nest more than 256 levels deep"
//
// Walks iteratively (an explicit stack), each shape once per kind of chain; cycles are left to
// the checks that report them.

import type { Diagnostics } from "../diagnostics.js";
import { MAX_NESTING, MIXINS_TOO_DEEP_HINT, RESOURCES_TOO_DEEP_HINT } from "../limits.js";
import type { AstShape } from "./ast.js";
import { whereIs, type SmithyModel } from "./assemble.js";

export function checkNesting(model: SmithyModel, diags: Diagnostics): void {
  for (const key of ["mixins", "resources"] as const) {
    const deep = deepest(model.shapes, key);
    if (deep) {
      const what = key === "mixins" ? `The mixins of \`${deep.id}\`` : `The resources bound under \`${deep.id}\``;
      diags.error("MODEL_TOO_DEEP", `${what} nest more than ${MAX_NESTING} levels deep`, {
        ...whereIs(model, deep.id, key),
        hint: key === "mixins" ? MIXINS_TOO_DEEP_HINT : RESOURCES_TOO_DEEP_HINT,
      });
    }
  }
}

/** The first shape (in model order) whose chain along `key` is longer than MAX_NESTING. */
function deepest(shapes: ReadonlyMap<string, AstShape>, key: "mixins" | "resources"): { id: string } | undefined {
  // Height of each shape's chain, computed bottom-up with an explicit stack.
  const height = new Map<string, number>();
  const onStack = new Set<string>();
  // forEach: a for-of over the entries allocates an array per shape.
  shapes.forEach((shape, start) => {
    // A shape with no such reference has height 0: nothing to record.
    if (height.has(start) || shape[key] === undefined || shape[key].length === 0) return;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    onStack.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const refs = shapes.get(top.id)?.[key] ?? [];
      if (top.next < refs.length) {
        const child = refs[top.next++]!.target;
        if (height.has(child) || onStack.has(child) || !shapes.has(child)) continue;
        onStack.add(child);
        stack.push({ id: child, next: 0 });
        continue;
      }
      let h = 0;
      for (const ref of refs) h = Math.max(h, 1 + (height.get(ref.target) ?? 0));
      height.set(top.id, h);
      onStack.delete(top.id);
      stack.pop();
    }
  });
  for (const id of shapes.keys()) if ((height.get(id) ?? 0) > MAX_NESTING) return { id };
  return undefined;
}
