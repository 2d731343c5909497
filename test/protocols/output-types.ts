// The type check of the response fuzzer: a value a deserializer returns must be of its output
// type, walked from a compact table of the resolved model's shapes (CONTRACT.md: a body with a
// value of the wrong type is a MalformedResponseError, not a wrongly typed output).
//
//   illTyped({ "ns#Out": { t: "structure", ms: { n: "smithy.api#Integer" } },
//              "smithy.api#Integer": { t: "number", k: "integer" } }, "ns#Out", { n: "1" })
//   → 'output.n: expected a number, got "1"'
//
// Strings (enums: any string), numbers, booleans, bigints (bigInteger), decimal strings
// (bigDecimal), valid Dates, Uint8Arrays, arrays, plain objects with declared members only and no
// `undefined`, unions with exactly one member (or `$unknown: [name, value]`), nulls only where the
// list or map is sparse; documents are not checked. Iterative: outputs may nest deeply.

import type { ResolvedModel } from "../../generator/model/ir.js";

/** A shape as the type check needs it (`compactShapes` builds these from the resolved model). */
export interface CompactShape {
  readonly t: "string" | "enum" | "intEnum" | "number" | "boolean" | "timestamp" | "blob" | "document" | "list" | "map" | "structure" | "union" | "unit" | "other";
  /** Number kind. */
  readonly k?: string;
  /** List member or map value: target, and whether null is allowed (sparse). */
  readonly v?: readonly [string, boolean];
  /** Structure and union members: name → target. */
  readonly ms?: Readonly<Record<string, string>>;
}
export type ShapeTable = Readonly<Record<string, CompactShape>>;

/** The shape table of a resolved model. */
export function compactShapes(model: ResolvedModel): ShapeTable {
  const out: Record<string, CompactShape> = {};
  for (const [id, shape] of model.shapes) {
    switch (shape.type) {
      case "number":
        out[id] = { t: "number", k: shape.kind };
        break;
      case "list":
        out[id] = { t: "list", v: [shape.member.target, shape.member.nullable === true] };
        break;
      case "map":
        out[id] = { t: "map", v: [shape.value.target, shape.value.nullable === true] };
        break;
      case "structure":
      case "union":
        out[id] = { t: shape.type, ms: Object.fromEntries(shape.members.map((m) => [m.name, m.target])) };
        break;
      case "alternatives":
        out[id] = { t: "other" };
        break;
      default:
        out[id] = { t: shape.type };
    }
  }
  return out;
}

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};
const show = (v: unknown): string => {
  if (v instanceof Uint8Array) return "a Uint8Array";
  if (v instanceof Date) return `Date(${v.getTime()})`;
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "string") return JSON.stringify(v.slice(0, 40));
  if (v === undefined) return "undefined";
  if (Array.isArray(v)) return "an array";
  if (v !== null && typeof v === "object") return `an object (${Object.getPrototypeOf(v)?.constructor?.name ?? "null prototype"})`;
  return String(v);
};

/** Where a returned value is not of its type, or undefined. Iterative: outputs may nest deeply. */
export function illTyped(table: ShapeTable, root: string | undefined, value: unknown): string | undefined {
  const stack: [string | undefined, unknown, string][] = [[root, value, "output"]];
  while (stack.length > 0) {
    const [id, v, at] = stack.pop()!;
    const bad = (what: string) => `${at}: expected ${what}, got ${show(v)}`;
    if (id === undefined || id === "smithy.api#Unit") {
      if (!isPlain(v)) return bad("{}");
      const keys = Object.keys(v);
      if (keys.length > 0) return `${at}: expected {}, got a member ${keys[0]}`;
      continue;
    }
    const shape = table[id];
    if (!shape) continue; // not in the table: not checked
    switch (shape.t) {
      case "string":
      case "enum":
        if (typeof v !== "string") return bad("a string");
        break;
      case "intEnum":
        if (typeof v !== "number") return bad("a number");
        break;
      case "number":
        if (shape.k === "bigInteger" ? typeof v !== "bigint" : shape.k === "bigDecimal" ? typeof v !== "string" || !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v) : typeof v !== "number") {
          return bad(shape.k === "bigInteger" ? "a bigint" : shape.k === "bigDecimal" ? "a decimal string" : "a number");
        }
        break;
      case "boolean":
        if (typeof v !== "boolean") return bad("a boolean");
        break;
      case "timestamp":
        if (!(v instanceof Date) || Number.isNaN(v.getTime())) return bad("a valid Date");
        break;
      case "blob":
        if (!(v instanceof Uint8Array)) return bad("a Uint8Array");
        break;
      case "list":
        if (!Array.isArray(v)) return bad("an array");
        for (let i = v.length - 1; i >= 0; i--) {
          if (v[i] === null && shape.v![1]) continue;
          stack.push([shape.v![0], v[i], `${at}[${i}]`]);
        }
        break;
      case "map":
        if (!isPlain(v)) return bad("a plain object (map)");
        for (const [k, x] of Object.entries(v)) {
          if (x === null && shape.v![1]) continue;
          stack.push([shape.v![0], x, `${at}.${k}`]);
        }
        break;
      case "structure":
      case "union": {
        if (!isPlain(v)) return bad(`a plain object (${shape.t})`);
        const entries = Object.entries(v);
        if (shape.t === "union") {
          if (entries.length !== 1) return `${at}: a union sets exactly one member, got ${entries.length}`;
          if (entries[0]![0] === "$unknown") {
            const u = entries[0]![1];
            if (!Array.isArray(u) || u.length !== 2 || typeof u[0] !== "string") return `${at}.$unknown: expected [name, value], got ${show(u)}`;
            break;
          }
        }
        for (const [k, x] of entries) {
          const target = shape.ms![k];
          if (target === undefined) return `${at}: ${k} is no member of ${id}`;
          if (x === undefined) return `${at}.${k}: undefined (absent members are left out)`;
          stack.push([target, x, `${at}.${k}`]);
        }
        break;
      }
      case "document":
      case "unit":
      case "other":
        break;
    }
  }
  return undefined;
}
