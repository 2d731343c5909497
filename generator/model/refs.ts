// What a shape refers to, in one exhaustive switch that every pass and emitter shares.
//
//   childRefs(list L { member: A })          → [{ target: "ns#A" }]
//   childRefs(structure S { a: A, b: B })    → [member a, member b]
//   isAggregate(string)                      → false

import type { AlternativesShape, ListShape, MapShape, Member, Ref, Shape, StructureShape, UnionShape } from "./ir.js";

export type Aggregate = StructureShape | UnionShape | ListShape | MapShape | AlternativesShape;

/** The refs of a shape's values: list member, map key and value, members, variants, extra properties. */
export function childRefs(shape: Shape): readonly (Ref | Member)[] {
  switch (shape.type) {
    case "list":
      return [shape.member];
    case "map":
      return [shape.key, shape.value];
    case "structure":
      return shape.additionalProperties && shape.additionalProperties !== true ? [...shape.members, shape.additionalProperties] : shape.members;
    case "union":
      return shape.members;
    case "alternatives":
      return [...shape.variants, ...(shape.discriminator?.mapping.map((m) => ({ target: m.target })) ?? [])];
    case "unit":
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

/** Structures, unions, lists, maps and alternatives: shapes that hold other values. */
export function isAggregate(shape: Shape): shape is Aggregate {
  return shape.type === "structure" || shape.type === "union" || shape.type === "list" || shape.type === "map" || shape.type === "alternatives";
}
