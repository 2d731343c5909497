// `@default` values as TypeScript expressions of the member's own type, so that a codec writes a
// filled-in default exactly as it writes a value the caller set.
//
//   defaultExpression(model, { target: "smithy.api#Timestamp" }, 0)   → "new Date(0)"
//   defaultExpression(model, { target: "smithy.api#Blob" }, "YWJj")    → "new Uint8Array([97, 98, 99])"
//   defaultExpression(model, { target: "ns#List" }, [])                → "[]"
//   defaultExpression(model, { target: "smithy.api#BigInteger" }, BigNumberNode("9223372036854775808")) → "9223372036854775808n"
//   defaultExpression(model, { target: "smithy.api#BigDecimal" }, 0.5)  → "\"0.5\""
//
// Clients fill in defaults of nested members, never of the top-level input members (a server
// does that), and never of `@clientOptional` members.

import { shapeOf, type Member, type ResolvedModel } from "../../model/ir.js";
import { BigNumberNode, integerText, numberText } from "../../model/decimal.js";

/** The default of a member as an expression, or undefined when a client does not fill it in. */
export function defaultExpression(model: ResolvedModel, member: Member): string | undefined {
  if (member.default === undefined || member.default === null || member.clientOptional) return undefined;
  const shape = shapeOf(model, member.target);
  const value = member.default;
  switch (shape.type) {
    case "string":
    case "enum":
      return typeof value === "string" ? JSON.stringify(value) : undefined;
    case "number":
      if (shape.kind === "bigInteger" || shape.kind === "bigDecimal") return bigNumberDefault(shape.kind, value);
      if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
      if (value instanceof BigNumberNode) return String(value.approx);
      if (value === "NaN") return "Number.NaN";
      if (value === "Infinity") return "Number.POSITIVE_INFINITY";
      if (value === "-Infinity") return "Number.NEGATIVE_INFINITY";
      return undefined;
    case "intEnum":
      if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
      if (value === "NaN") return "Number.NaN";
      if (value === "Infinity") return "Number.POSITIVE_INFINITY";
      if (value === "-Infinity") return "Number.NEGATIVE_INFINITY";
      return undefined;
    case "boolean":
      return typeof value === "boolean" ? String(value) : undefined;
    case "timestamp":
      if (typeof value === "number") return `new Date(${value * 1000})`;
      if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return `new Date(${Date.parse(value)})`;
      return undefined;
    case "blob":
      // Smithy writes blob defaults base64-encoded; decode them here, once.
      return typeof value === "string" ? `new Uint8Array([${fromBase64(value).join(", ")}])` : undefined;
    case "document":
      return JSON.stringify(value);
    case "list":
      return Array.isArray(value) && value.length === 0 ? "[]" : undefined;
    case "map":
      return typeof value === "object" && Object.keys(value).length === 0 ? "{}" : undefined;
    case "unit":
    case "structure":
    case "union":
    case "alternatives":
      return undefined;
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

/** A bigInteger default as a bigint literal (`12n`), a bigDecimal one as its exact text (`"0.1"`); undefined when it is neither. */
function bigNumberDefault(kind: "bigInteger" | "bigDecimal", value: unknown): string | undefined {
  const text = value instanceof BigNumberNode ? value.text : typeof value === "number" && Number.isFinite(value) ? numberText(value) : undefined;
  if (text === undefined) return undefined;
  if (kind === "bigDecimal") return JSON.stringify(text);
  const digits = integerText(text, "exact");
  return digits === undefined ? undefined : `${digits}n`;
}

/** Base64 (standard alphabet, padding optional) to bytes; other characters are skipped. */
export function fromBase64(text: string): number[] {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const bytes: number[] = [];
  let bits = 0;
  let count = 0;
  for (const c of text) {
    const v = alphabet.indexOf(c);
    if (v < 0) continue;
    bits = (bits << 6) | v;
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes.push((bits >> count) & 0xff);
    }
  }
  return bytes;
}
