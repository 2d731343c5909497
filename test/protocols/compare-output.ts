// Compares what a generated deserializer returned (or threw) with the expected value of a
// response case (outputs.ts), walking the shape, by the smithy.test rules. Returns every
// mismatch; an empty list means equal.
//
//   structure Out { f: Float, d: Document, t: Timestamp }
//   compareOutput(model, "ns#Out", { f: NaN, d: { a: 1 }, t: new Date(0) },
//                                  { f: NaN, d: { a: 1.0 }, t: new Date(0) })      → []
//   compareOutput(model, "ns#Out", { f: 1 }, { f: 1, d: undefined })
//   → ["params.d: absent members are left out, got undefined"]
//
// - Structures: the same members, no more (an absent member is left out, never `undefined`).
//   Unions: exactly the expected member. Maps: the same keys. Lists: in order.
// - Numbers: NaN equals NaN. A `float` member is a 32-bit float: values are equal when they are
//   the same float32 (a CBOR float32 1.1 reads as 1.100000023841858, which is the float 1.1).
//   bigInteger: a `bigint` of the same value; bigDecimal: a string of the same exact decimal
//   value ("1.50" = "1.5").
// - Timestamps: `Date`s of the same instant; blobs: `Uint8Array`s of the same bytes.
// - Documents: as JSON values (numbers by value, object keys in any order, arrays in order).

import type { ResolvedModel, Shape } from "../../generator/model/ir.js";
import { canonicalDecimal, clip, showData } from "./bodies.js";

const UNIT = "smithy.api#Unit";

export function compareOutput(model: ResolvedModel, shapeId: string | undefined, expected: unknown, actual: unknown): string[] {
  const problems: string[] = [];
  if (shapeId === undefined || shapeId === UNIT) {
    // No output: the value is `{}` (an expectation with members is a mutated one).
    if (!isPlainObject(actual) || !isPlainObject(expected)) problems.push(`params: expected ${show(expected)}, got ${show(actual)}`);
    else keyDiff(expected, actual, "params", "member", problems);
    return problems;
  }
  diff(model, shapeId, expected, actual, "params", problems);
  return problems;
}

/**
 * The modelled members of a thrown error against the expected ones: each member of the error
 * shape is compared (absent expected → the property must be undefined); the error's own
 * properties ($status, message, ...) are not members and are not compared here.
 */
export function compareErrorMembers(model: ResolvedModel, errorId: string, expected: Record<string, unknown>, error: Record<string, unknown>): string[] {
  const shape = model.shapes.get(errorId);
  if (!shape || shape.type !== "structure") return [`error shape ${errorId} is not a structure of the resolved model`];
  const problems: string[] = [];
  for (const member of shape.members) {
    const want = expected[member.name];
    const got = error[member.name];
    const at = `error.${member.name}`;
    if (want === undefined) {
      if (got !== undefined) problems.push(`${at}: expected not set, got ${show(got)}`);
    } else if (got === undefined) problems.push(`${at}: expected ${show(want)}, got not set`);
    else diff(model, member.target, want, got, at, problems);
  }
  return problems;
}

function diff(model: ResolvedModel, target: string, e: unknown, a: unknown, at: string, out: string[]): void {
  const mismatch = () => out.push(`${at}: expected ${show(e)}, got ${show(a)}`);
  if (e === null || a === null) {
    if (e !== a) mismatch();
    return;
  }
  if (target === UNIT) {
    if (!isPlainObject(a) || !isPlainObject(e)) mismatch();
    else keyDiff(e, a, at, "member", out); // both {} (an expectation with members is a mutated one)
    return;
  }
  const shape: Shape | undefined = model.shapes.get(target);
  if (!shape) {
    out.push(`${at}: shape ${target} is not in the resolved model`);
    return;
  }
  switch (shape.type) {
    case "string":
    case "enum":
    case "boolean":
    case "intEnum":
      if (a !== e) mismatch();
      return;
    case "number":
      if (shape.kind === "bigInteger") {
        if (typeof a !== "bigint" || a !== e) mismatch();
      } else if (shape.kind === "bigDecimal") {
        if (typeof a !== "string" || canonicalDecimal(a) !== canonicalDecimal(String(e))) mismatch();
      } else if (typeof a !== "number") mismatch();
      else if (Number.isNaN(e) || Number.isNaN(a)) {
        if (!(Number.isNaN(e) && Number.isNaN(a))) mismatch();
      } else if (shape.kind === "float" ? Math.fround(a) !== Math.fround(e as number) : a !== e) mismatch();
      return;
    case "timestamp":
      if (!(a instanceof Date) || !(e instanceof Date) || a.getTime() !== e.getTime()) mismatch();
      return;
    case "blob":
      if (!(a instanceof Uint8Array) || !(e instanceof Uint8Array) || !Buffer.from(a).equals(Buffer.from(e))) mismatch();
      return;
    case "document": {
      const d = jsonValueDiff(e, a, at);
      if (d) out.push(d);
      return;
    }
    case "list": {
      if (!Array.isArray(a) || !Array.isArray(e)) return void mismatch();
      if (a.length !== e.length) return void out.push(`${at}: expected ${e.length} items, got ${a.length}: ${show(a)}`);
      e.forEach((item, i) => diff(model, shape.member.target, item, a[i], `${at}[${i}]`, out));
      return;
    }
    case "map": {
      if (!isPlainObject(a) || !isPlainObject(e)) return void mismatch();
      keyDiff(e, a, at, "key", out);
      for (const [k, v] of Object.entries(e)) if (Object.hasOwn(a, k)) diff(model, shape.value.target, v, a[k], `${at}.${k}`, out);
      return;
    }
    case "structure":
    case "union": {
      if (!isPlainObject(a) || !isPlainObject(e)) return void mismatch();
      keyDiff(e, a, at, "member", out);
      for (const [k, v] of Object.entries(e)) {
        const member = shape.members.find((m) => m.name === k);
        if (member && Object.hasOwn(a, k) && a[k] !== undefined) diff(model, member.target, v, a[k], `${at}.${k}`, out);
      }
      return;
    }
    case "alternatives":
    case "unit": {
      const d = jsonValueDiff(e, a, at);
      if (d) out.push(d);
      return;
    }
    default: {
      const never: never = shape;
      out.push(`${at}: unknown shape type ${(never as Shape).type}`);
    }
  }
}

function keyDiff(e: Record<string, unknown>, a: Record<string, unknown>, at: string, what: string, out: string[]): void {
  for (const k of Object.keys(e)) if (!Object.hasOwn(a, k)) out.push(`${at}: missing ${what} ${k} (expected ${show(e[k])})`);
  for (const [k, v] of Object.entries(a)) {
    if (Object.hasOwn(e, k)) {
      if (v === undefined) out.push(`${at}.${k}: expected ${show(e[k])}, got undefined`);
      continue;
    }
    out.push(v === undefined ? `${at}.${k}: absent members are left out, got undefined` : `${at}: unexpected ${what} ${k} = ${show(v)}`);
  }
}

/** Documents: JSON values, numbers by value (NaN = NaN), object keys in any order. */
export function jsonValueDiff(e: unknown, a: unknown, at: string): string | undefined {
  const mismatch = () => `${at}: expected ${show(e)}, got ${show(a)}`;
  if (typeof e === "number" && typeof a === "number") return e === a || (Number.isNaN(e) && Number.isNaN(a)) ? undefined : mismatch();
  if (Array.isArray(e) || Array.isArray(a)) {
    if (!Array.isArray(e) || !Array.isArray(a)) return mismatch();
    if (e.length !== a.length) return `${at}: expected ${e.length} items, got ${a.length}: ${show(a)}`;
    for (let i = 0; i < e.length; i++) {
      const d = jsonValueDiff(e[i], a[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (isPlainObject(e) || isPlainObject(a)) {
    if (!isPlainObject(e) || !isPlainObject(a)) return mismatch();
    for (const k of Object.keys(e)) if (!Object.hasOwn(a, k)) return `${at}: missing key ${k}`;
    for (const k of Object.keys(a)) if (!Object.hasOwn(e, k)) return `${at}: unexpected key ${k} = ${show(a[k])}`;
    for (const k of Object.keys(e)) {
      const d = jsonValueDiff(e[k], a[k], `${at}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return e === a ? undefined : mismatch();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const show = (v: unknown): string => clip(showData(v));
