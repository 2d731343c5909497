// Turns a response case's `params` (a Smithy node value) into the value a generated deserializer
// must return (or the members of the error it must throw), guided by the resolved model: the
// output forms of CONTRACT.md ("Response side").
//
//   structure Out { when: Timestamp, data: Blob, f: Float, big: BigInteger, dec: BigDecimal, u: U }
//   toOutput(model, "ns#Out", { when: 1576540098, data: "abc", f: "NaN", big: 42, dec: 1.5,
//                               u: { s: "x" }, gone: null })
//   → { when: new Date(1576540098000), data: Uint8Array [97, 98, 99], f: NaN, big: 42n,
//       dec: "1.5", u: { s: "x" } }
//
// - A `null` structure or union member means "not set": it is left out (outputs leave absent
//   members out). Sparse list items and map values keep their nulls.
// - bigInteger → `bigint`, bigDecimal → the exact decimal text. The model loader keeps a literal
//   a float64 cannot hold as its text (`BigNumberNode`), so 0.100000000000000000000001 is
//   expected as written; elsewhere (a double, a document) such a literal is its nearest float64.
// - Timestamps in params are epoch seconds (fractions allowed: milliseconds, rounded) or date-time
//   strings; blobs are UTF-8 strings; documents stay as they are (compared as JSON values).
// A value that does not fit its shape throws, naming the path; the runner reports the case as
// failed with that message.

import type { ResolvedModel, Shape } from "../../generator/model/ir.js";
import { BigNumberNode, isObjectNode, type NodeValue } from "../../generator/smithy/ast.js";
import { bigNumber, plainDocument } from "./params.js";

const UNIT = "smithy.api#Unit";

export function toOutput(model: ResolvedModel, shapeId: string | undefined, params: NodeValue | undefined): unknown {
  if (shapeId === undefined || shapeId === UNIT) {
    if (params !== undefined && !(isObject(params) && Object.keys(params).length === 0)) {
      throw new Error(`params given for an operation without output: ${JSON.stringify(params)}`);
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
      return expectType(typeof value === "string", value, at, "a string");
    case "boolean":
      return expectType(typeof value === "boolean", value, at, "a boolean");
    case "intEnum":
      return expectType(typeof value === "number", value, at, "a number");
    case "number":
      if (shape.kind === "bigInteger" || shape.kind === "bigDecimal") return bigNumber(shape.kind, value, at);
      if (value instanceof BigNumberNode) return value.approx;
      if (typeof value === "number") return value;
      if (value === "NaN") return Number.NaN;
      if (value === "Infinity") return Number.POSITIVE_INFINITY;
      if (value === "-Infinity") return Number.NEGATIVE_INFINITY;
      throw new Error(`${at}: expected a number, got ${JSON.stringify(value)}`);
    case "timestamp":
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
        if (v === null) continue; // not set: outputs leave absent members out
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

function expectType(ok: boolean, value: NodeValue, at: string, what: string): NodeValue {
  if (!ok) throw new Error(`${at}: expected ${what}, got ${JSON.stringify(value)}`);
  return value;
}

function isObject(v: NodeValue): v is { [key: string]: NodeValue } {
  return isObjectNode(v);
}
