// How a reference to a shape is written as a TypeScript type.
//
//   typeOf(names, model, "smithy.api#String")  → "string"
//   typeOf(names, model, "ns#ClientIdType")    → "ClientIdType"
//   typeOf(names, model, "smithy.api#BigDecimal") → "string" (the exact decimal text, e.g. "0.1000000000000000000001")
//   refType(names, model, { target: "ns#A", nullable: true }) → "A | null"

import { shapeOf, type Ref, type ResolvedModel, type Shape, type ShapeId } from "../model/ir.js";
import type { Names } from "../naming/names.js";
import type { GeneratedFile } from "./file-builder.js";

/** The TypeScript type of a value of this shape kind, when printed inline. */
export function primitiveType(shape: Shape): string {
  switch (shape.type) {
    case "unit":
      return "Record<string, never>";
    case "string":
      return "string";
    case "number":
      // A float64 cannot hold every bigInteger or bigDecimal: a bigint, and the exact decimal text.
      return shape.kind === "bigInteger" ? "bigint" : shape.kind === "bigDecimal" ? "string" : "number";
    case "boolean":
      return "boolean";
    case "blob":
      return "Uint8Array";
    case "timestamp":
      return "Date";
    case "document":
      return "unknown";
    case "enum":
    case "intEnum":
    case "list":
    case "map":
    case "structure":
    case "union":
    case "alternatives":
      throw new Error(`internal: ${shape.type} ${shape.id} has no inline type`);
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

export function typeOf(names: Names, model: ResolvedModel, id: ShapeId): string {
  return names.isInline(id) ? primitiveType(shapeOf(model, id)) : names.type(id);
}

/** `refType` in a generated file other than types.ts: named types are imported from there. */
export function importedRefType(file: GeneratedFile, names: Names, model: ResolvedModel, ref: Ref): string {
  const t = names.isInline(ref.target) ? primitiveType(shapeOf(model, ref.target)) : file.use({ name: names.type(ref.target), file: "types.ts", kind: "type" });
  return ref.nullable ? `${t} | null` : t;
}

export function refType(names: Names, model: ResolvedModel, ref: Ref): string {
  const t = typeOf(names, model, ref.target);
  return ref.nullable ? `${t} | null` : t;
}
