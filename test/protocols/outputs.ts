// Turns a response case's `params` (a Smithy node value) into the value a generated deserializer
// must return (or the members of the error it must throw), guided by the resolved model: the
// output forms of CONTRACT.md ("Response side").
//
//   structure Out { when: Timestamp, data: Blob, f: Float, big: BigInteger, dec: BigDecimal, u: U }
//   toOutput(model, "ns#Out", { when: 1576540098, data: "abc", f: "NaN", big: 42, dec: 1.5,
//                               u: { s: "x" }, gone: null }, exact)
//   → { when: new Date(1576540098000), data: Uint8Array [97, 98, 99], f: NaN, big: 42n,
//       dec: "1.5", u: { s: "x" } }
//
// - A `null` structure or union member means "not set": it is left out (outputs leave absent
//   members out). Sparse list items and map values keep their nulls.
// - bigInteger → `bigint`, bigDecimal → the exact decimal text. The model loader reads node
//   numbers as float64, so `exact(value, at)` must give back the literal as written in the case
//   (`exactLiteral` finds it in the model source), else 0.100000000000000000000001 would be
//   expected as 0.1.
// - Timestamps in params are epoch seconds (fractions allowed: milliseconds, rounded) or date-time
//   strings; blobs are UTF-8 strings; documents stay as they are (compared as JSON values).
// A value that does not fit its shape throws, naming the path; the runner reports the case as
// failed with that message.

import type { ResolvedModel, Shape } from "../../generator/model/ir.js";
import { BigNumberNode, isObjectNode, type NodeValue } from "../../generator/smithy/ast.js";
import { canonicalDecimal } from "./bodies.js";

const UNIT = "smithy.api#Unit";

/** The exact literal of a number that was read as `value` (for big numbers), or why there is none. */
export type ExactLiteral = (value: number, at: string) => string;

export function toOutput(model: ResolvedModel, shapeId: string | undefined, params: NodeValue | undefined, exact: ExactLiteral): unknown {
  if (shapeId === undefined || shapeId === UNIT) {
    if (params !== undefined && !(isObject(params) && Object.keys(params).length === 0)) {
      throw new Error(`params given for an operation without output: ${JSON.stringify(params)}`);
    }
    return {};
  }
  return convert(model, shapeId, params ?? {}, "params", exact);
}

function convert(model: ResolvedModel, target: string, value: NodeValue, at: string, exact: ExactLiteral): unknown {
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
      if (shape.kind === "bigInteger" || shape.kind === "bigDecimal") {
        // A literal a float64 cannot hold arrives as its text (BigNumberNode); others as numbers.
        if (typeof value !== "number" && !(value instanceof BigNumberNode)) throw new Error(`${at}: expected a number, got ${JSON.stringify(value)}`);
        const literal = value instanceof BigNumberNode ? value.text : exact(value, at);
        if (shape.kind === "bigDecimal") return literal;
        if (!/^-?\d+$/.test(literal)) throw new Error(`${at}: a bigInteger takes an integer, got ${literal}`);
        return BigInt(literal);
      }
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
      return value;
    case "list":
      if (!Array.isArray(value)) throw new Error(`${at}: expected a list, got ${JSON.stringify(value)}`);
      return value.map((item, i) => convert(model, shape.member.target, item, `${at}[${i}]`, exact));
    case "map": {
      if (!isObject(value)) throw new Error(`${at}: expected a map, got ${JSON.stringify(value)}`);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = convert(model, shape.value.target, v, `${at}.${k}`, exact);
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
        out[k] = convert(model, member.target, v, `${at}.${k}`, exact);
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

/**
 * The literal a number of a case was written as, found in the model source between the case's
 * `id` and the next case's: every number literal there (outside strings) that reads as `value`
 * must have the same exact value, else the literal is ambiguous and this throws.
 *
 *   exactLiteral('{ id: "A", params: { value: 0.100000000000000000000001 } }', "A", 0.1)
 *   → "0.100000000000000000000001"
 */
export function exactLiteral(source: string, caseId: string, value: number, at = "params"): string {
  const idAt = new RegExp(`"?id"?\\s*:\\s*"${caseId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`).exec(source);
  if (!idAt) throw new Error(`${at}: case ${caseId} is not in the model source, so the exact literal of ${value} is unknown`);
  const rest = source.slice(idAt.index + idAt[0].length);
  const next = /"?id"?\s*:\s*"/.exec(rest);
  const block = (next ? rest.slice(0, next.index) : rest)
    .replace(/"""[\s\S]*?"""/g, " ")
    .replace(/"(?:[^"\\]|\\.)*"/g, " ")
    .replace(/\/\/[^\n]*/g, " ");
  const found = new Map<string, string>(); // exact value → first literal
  for (const m of block.matchAll(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
    if (Number(m[0]) === value) found.set(canonicalDecimal(m[0]), m[0]);
  }
  if (found.size === 1) return [...found.values()][0]!;
  if (found.size === 0) throw new Error(`${at}: no literal of ${value} in case ${caseId}'s source, so its exact value is unknown`);
  throw new Error(`${at}: ${found.size} literals of case ${caseId} read as ${value} (${[...found.values()].join(", ")}): the exact value is ambiguous`);
}

function expectType(ok: boolean, value: NodeValue, at: string, what: string): NodeValue {
  if (!ok) throw new Error(`${at}: expected ${what}, got ${JSON.stringify(value)}`);
  return value;
}

function isObject(v: NodeValue): v is { [key: string]: NodeValue } {
  return isObjectNode(v);
}
