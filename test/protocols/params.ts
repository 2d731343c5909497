// Turns a protocol test case's `params` (a Smithy node value) into the typed input the generated
// serializer takes, guided by the resolved model (CONTRACT.md: timestamps are `Date`, blobs
// `Uint8Array`, unions `{ member: value }`, documents as they are).
//
//   structure In { when: Timestamp, data: Blob, f: Float, tags: TagList }
//   toInput(model, "ns#In", { when: 1576540098, data: "abc", f: "NaN", tags: ["a"] })
//   → { when: new Date(1576540098000), data: Uint8Array [97, 98, 99], f: NaN, tags: ["a"] }
//   bigInteger 9223372036854775808 → 9223372036854775808n; bigDecimal 100000000000000000000001.0 → "100000000000000000000001.0"
//
// A `null` structure member is left out (it means "not set"; the input types have no null there).
// A value that does not fit its shape (an unknown member, a string where a list is due, a union
// with other than one member, a date that does not parse) throws:
// the runner reports the case as failed with that message, naming the path.

import type { ResolvedModel, Shape } from "../../generator/model/ir.js";
import { BigNumberNode, isObjectNode, type NodeValue } from "../../generator/smithy/ast.js";
import { integerText, numberText } from "../../generator/model/decimal.js";

const UNIT = "smithy.api#Unit";

export function toInput(model: ResolvedModel, inputId: string | undefined, params: NodeValue | undefined): unknown {
  return toValue(model, inputId, params, "input");
}

/**
 * The typed value of `params` for an operation's input or output structure (undefined or Unit:
 * none, so `params` must be empty). Inputs and outputs have the same TypeScript forms, so one
 * conversion serves the request runner and the response runner (outputs.ts).
 */
export function toValue(model: ResolvedModel, shapeId: string | undefined, params: NodeValue | undefined, what: "input" | "output"): unknown {
  if (shapeId === undefined || shapeId === UNIT) {
    if (params !== undefined && !(isObject(params) && Object.keys(params).length === 0)) {
      throw new Error(`params given for an operation without ${what}: ${JSON.stringify(params)}`);
    }
    return {};
  }
  return convert(model, shapeId, params ?? {}, "params");
}

function convert(model: ResolvedModel, target: string, value: NodeValue, at: string): unknown {
  if (target === UNIT) {
    if (isObject(value) && Object.keys(value).length === 0) return {};
    throw new Error(`${at}: a Unit member takes {}, got ${JSON.stringify(value)}`);
  }
  const shape: Shape | undefined = model.shapes.get(target);
  if (!shape) throw new Error(`${at}: shape ${target} is not in the resolved model`);
  if (value === null) return null; // sparse lists and maps keep their nulls
  switch (shape.type) {
    case "string":
    case "enum":
      return expect(typeof value === "string", value, at, "a string");
    case "boolean":
      return expect(typeof value === "boolean", value, at, "a boolean");
    case "intEnum":
      return expect(typeof value === "number", value, at, "a number");
    case "number":
      if (shape.kind === "bigInteger" || shape.kind === "bigDecimal") return bigNumber(shape.kind, value, at);
      if (value instanceof BigNumberNode) return value.approx;
      if (typeof value === "number") return value;
      if (value === "NaN") return Number.NaN;
      if (value === "Infinity") return Number.POSITIVE_INFINITY;
      if (value === "-Infinity") return Number.NEGATIVE_INFINITY;
      throw new Error(`${at}: expected a number, got ${JSON.stringify(value)}`);
    case "timestamp":
      // Epoch seconds with a fraction are milliseconds, rounded (1576540098.52 * 1000 is not exact).
      if (typeof value === "number") return new Date(Math.round(value * 1000));
      if (typeof value === "string") {
        const date = new Date(value);
        if (Number.isNaN(date.getTime())) throw new Error(`${at}: not a timestamp: ${JSON.stringify(value)}`);
        return date;
      }
      throw new Error(`${at}: expected epoch seconds, got ${JSON.stringify(value)}`);
    case "blob":
      if (typeof value === "string") return new TextEncoder().encode(value);
      throw new Error(`${at}: expected a blob as a string, got ${JSON.stringify(value)}`);
    case "document":
      return plainDocument(value);
    case "list":
      if (!Array.isArray(value)) throw new Error(`${at}: expected a list, got ${JSON.stringify(value)}`);
      return value.map((item, i) => convert(model, shape.member.target, item, `${at}[${i}]`));
    case "map": {
      if (!isObject(value)) throw new Error(`${at}: expected a map, got ${JSON.stringify(value)}`);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = convert(model, shape.value.target, v, `${at}.${k}`);
      return out;
    }
    case "structure":
    case "union": {
      if (!isObject(value)) throw new Error(`${at}: expected a ${shape.type}, got ${JSON.stringify(value)}`);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        // A null member is an unset member: the input types have no null for structure and
        // union members (only sparse list items and map values keep their nulls).
        if (v === null) continue;
        const member = shape.members.find((m) => m.name === k);
        if (!member) throw new Error(`${at}: ${shape.id} has no member ${k}`);
        out[k] = convert(model, member.target, v, `${at}.${k}`);
      }
      if (shape.type === "union" && Object.keys(out).length !== 1) throw new Error(`${at}: a union value sets exactly one member, got ${JSON.stringify(value)}`);
      return out;
    }
    case "alternatives":
      return value; // OpenAPI only; Smithy models never lower to it
    case "unit":
      return {};
    default: {
      const never: never = shape;
      throw new Error(`${at}: unknown shape type ${(never as Shape).type}`);
    }
  }
}

/** A bigInteger as a `bigint`, a bigDecimal as its exact decimal text (the literal as written). */
export function bigNumber(kind: "bigInteger" | "bigDecimal", value: NodeValue, at: string): bigint | string {
  const text = value instanceof BigNumberNode ? value.text : typeof value === "number" && Number.isFinite(value) ? numberText(value) : undefined;
  if (text === undefined) throw new Error(`${at}: expected a ${kind} number, got ${JSON.stringify(value)}`);
  if (kind === "bigDecimal") return text;
  const digits = integerText(text, "exact");
  if (digits === undefined) throw new Error(`${at}: expected a whole number for a bigInteger, got ${text}`);
  return BigInt(digits);
}

/** A document as plain JSON-like data: a number literal a float64 cannot hold becomes the nearest float64. */
export function plainDocument(value: NodeValue): unknown {
  if (value instanceof BigNumberNode) return value.approx;
  if (Array.isArray(value)) return value.map(plainDocument);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainDocument(v)]));
  return value;
}

function expect(ok: boolean, value: NodeValue, at: string, what: string): NodeValue {
  if (!ok) throw new Error(`${at}: expected ${what}, got ${JSON.stringify(value)}`);
  return value;
}

function isObject(v: NodeValue): v is { [key: string]: NodeValue } {
  return isObjectNode(v);
}
