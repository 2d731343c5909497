// The shared shapes that plain OpenAPI primitives lower to, so constraints can stay on members.
//
//   { type: string }                     → smithy.api#String (printed inline as `string`)
//   { type: integer, format: int32 }     → smithy.api#Integer
//   { type: string, format: date-time }  → openapi.formats#DateTime (timestamp, RFC 3339)
//   { type: string, format: binary }     → openapi.formats#Binary (blob, sent as raw bytes)

import type { NumberKind, Shape, ShapeId } from "../model/ir.js";

export type PrimitiveKind =
  | "string"
  | "boolean"
  | "document"
  | "blob"
  | "binary"
  | "timestamp"
  | "date"
  | { readonly number: NumberKind };

const PRELUDE: Readonly<Record<string, ShapeId>> = {
  string: "smithy.api#String",
  boolean: "smithy.api#Boolean",
  document: "smithy.api#Document",
  blob: "smithy.api#Blob",
  byte: "smithy.api#Byte",
  short: "smithy.api#Short",
  integer: "smithy.api#Integer",
  long: "smithy.api#Long",
  float: "smithy.api#Float",
  double: "smithy.api#Double",
  bigInteger: "smithy.api#BigInteger",
  bigDecimal: "smithy.api#BigDecimal",
};

export const FORMAT_NAMESPACE = "openapi.formats";
const BINARY_ID: ShapeId = `${FORMAT_NAMESPACE}#Binary`;
const DATE_TIME_ID: ShapeId = `${FORMAT_NAMESPACE}#DateTime`;
const FULL_DATE_ID: ShapeId = `${FORMAT_NAMESPACE}#FullDate`;

export function primitiveId(kind: PrimitiveKind): ShapeId {
  if (typeof kind === "object") return PRELUDE[kind.number]!;
  switch (kind) {
    // Constants (not a new string per schema, hashed again by each lookup).
    case "binary":
      return BINARY_ID;
    case "timestamp":
      return DATE_TIME_ID;
    case "date":
      return FULL_DATE_ID;
    default:
      return PRELUDE[kind]!;
  }
}

/** The definition of a shared primitive shape (one frozen object per id). */
export function primitiveShape(id: ShapeId): Shape | undefined {
  return SHAPES.get(id);
}

function define(id: ShapeId): Shape | undefined {
  const name = id.slice(id.indexOf("#") + 1);
  const base = { id, name, sensitive: false, constraints: {} };
  switch (id) {
    case "smithy.api#String":
      return { ...base, type: "string" };
    case "smithy.api#Boolean":
      return { ...base, type: "boolean" };
    case "smithy.api#Document":
      return { ...base, type: "document" };
    case "smithy.api#Blob":
      return { ...base, type: "blob" };
    case `${FORMAT_NAMESPACE}#Binary`:
      return { ...base, type: "blob", streaming: true, docs: { text: "Raw bytes (`format: binary`).", format: "commonmark" } };
    case `${FORMAT_NAMESPACE}#DateTime`:
      return { ...base, type: "timestamp", format: "date-time", docs: { text: "An RFC 3339 date-time (`format: date-time`).", format: "commonmark" } };
    case `${FORMAT_NAMESPACE}#FullDate`:
      return { ...base, type: "string", format: "date", docs: { text: "An RFC 3339 full-date, `YYYY-MM-DD` (`format: date`).", format: "commonmark" } };
    default:
      break;
  }
  const kind = (Object.keys(PRELUDE) as NumberKind[]).find((k) => PRELUDE[k] === id);
  return kind ? { ...base, type: "number", kind } : undefined;
}

const SHAPES: ReadonlyMap<ShapeId, Shape> = new Map(
  [...Object.values(PRELUDE), `${FORMAT_NAMESPACE}#Binary`, `${FORMAT_NAMESPACE}#DateTime`, `${FORMAT_NAMESPACE}#FullDate`].map((id) => [id, Object.freeze(define(id)!)]),
);

/** The number kind of an OpenAPI `integer` or `number` with a format. */
export function numberKind(type: "integer" | "number", format: string | undefined): NumberKind {
  if (type === "integer") {
    switch (format) {
      case "int32":
      case "uint16":
      case "uint8":
        return "integer";
      case "int16":
        return "short";
      case "int8":
        return "byte";
      default:
        // int64, uint32, uint64 or none: any integer JavaScript can hold.
        return "long";
    }
  }
  return format === "float" ? "float" : "double";
}
