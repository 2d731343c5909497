// Breaks `oneOf` / `anyOf` cycles that never reach a value: a schema that is one of its own
// variants, directly or through other unions of schemas, with no object or array in between.
// Checking a value against it would check the same value against it again, forever (JSON
// Schema leaves the meaning undefined), and TypeScript rejects the type (`type Self = Self | string`
// is TS2456). Each schema on such a cycle gets a warning at its position and stands for what the
// cycle can reach outside itself (the least solution, exact for `anyOf`):
//
//   Self: { anyOf: [{ $ref: Self }, { type: string }] }
//   → warning OPENAPI_CIRCULAR_VARIANTS at /components/schemas/Self; Self = anyOf [string]
//   A: { oneOf: [{ $ref: B }] }, B: { oneOf: [{ $ref: A }] }
//   → a warning at each; both become "any value" (nothing outside the cycle to choose from)

import type { AlternativesShape, Ref, Shape, ShapeId } from "../model/ir.js";
import { stronglyConnected } from "../model/cycles.js";
import type { Documents, Located } from "./documents.js";

export interface VariantGraph {
  readonly shapes: ReadonlyMap<ShapeId, Shape>;
  add(shape: Shape): void;
  /** Where the schema of a shape is, when it has one of its own. */
  locationOf(id: ShapeId): Located | undefined;
}

export function breakVariantCycles(graph: VariantGraph, docs: Documents): void {
  const alternatives = new Map<ShapeId, AlternativesShape>();
  for (const [id, shape] of graph.shapes) if (shape.type === "alternatives") alternatives.set(id, shape);
  const next = (id: ShapeId): ShapeId[] => (alternatives.get(id)?.variants ?? []).map((v) => v.target).filter((t) => alternatives.has(t));
  const ids = [...alternatives.keys()].sort();
  const component = stronglyConnected(ids, next);
  const members = new Map<number, ShapeId[]>();
  for (const id of ids) {
    const c = component.get(id)!;
    members.set(c, [...(members.get(c) ?? []), id]);
  }
  for (const cycle of members.values()) {
    if (cycle.length === 1 && !next(cycle[0]!).includes(cycle[0]!)) continue;
    const inCycle = new Set(cycle);
    const outside: Ref[] = [];
    for (const id of cycle) {
      for (const v of alternatives.get(id)!.variants) {
        if (!inCycle.has(v.target) && !outside.some((o) => o.target === v.target)) outside.push(v);
      }
    }
    const names = cycle.map((id) => `\`${alternatives.get(id)!.name}\``).join(", ");
    for (const id of cycle) {
      const shape = alternatives.get(id)!;
      const at = graph.locationOf(id);
      const meaning = outside.length === 0 ? "it accepts any value" : "only the variants outside the cycle are kept";
      if (at) {
        docs.report(
          "warning",
          "OPENAPI_CIRCULAR_VARIANTS",
          `This schema is one of its own \`oneOf\`/\`anyOf\` variants through ${names}, with no object or array in between; ${meaning}`,
          at,
          "Remove the reference back to the schema, or wrap it in an object or array.",
        );
      }
      // Own variants first, so a schema that had outside variants keeps their order.
      const own = shape.variants.filter((v) => !inCycle.has(v.target));
      const variants = [...own, ...outside.filter((o) => !own.some((v) => v.target === o.target))];
      const { discriminator, variants: _old, ...rest } = shape;
      if (variants.length === 0) {
        graph.add({ id: rest.id, name: rest.name, ...(rest.docs ? { docs: rest.docs } : {}), ...(rest.deprecated ? { deprecated: rest.deprecated } : {}), sensitive: rest.sensitive, constraints: {}, type: "document" });
        continue;
      }
      const mapping = discriminator?.mapping.filter((m) => !inCycle.has(m.target)) ?? [];
      graph.add({ ...rest, variants, ...(discriminator && mapping.length > 0 ? { discriminator: { ...discriminator, mapping } } : {}) });
    }
  }
}
