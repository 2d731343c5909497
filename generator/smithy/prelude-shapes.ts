// Looks up the simple shapes of the `smithy.api` prelude that members may target.
//
//   preludeShape("smithy.api#String") → { type: "string" }
//   preludeShape("smithy.api#Nope")   → undefined

import type { AstShape } from "./ast.js";

const SIMPLE: Readonly<Record<string, string>> = {
  String: "string", Blob: "blob", Boolean: "boolean", PrimitiveBoolean: "boolean", Byte: "byte",
  PrimitiveByte: "byte", Short: "short", PrimitiveShort: "short", Integer: "integer",
  PrimitiveInteger: "integer", Long: "long", PrimitiveLong: "long", Float: "float",
  PrimitiveFloat: "float", Double: "double", PrimitiveDouble: "double", BigInteger: "bigInteger",
  BigDecimal: "bigDecimal", Timestamp: "timestamp", Document: "document", Unit: "structure",
};

export function preludeShape(id: string): AstShape | undefined {
  if (!id.startsWith("smithy.api#")) return undefined;
  const type = SIMPLE[id.slice("smithy.api#".length)];
  return type ? { type } : undefined;
}

export const PRELUDE_SIMPLE_IDS: readonly string[] = Object.keys(SIMPLE).map((n) => `smithy.api#${n}`);
