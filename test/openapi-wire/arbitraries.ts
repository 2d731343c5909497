// fast-check arbitraries of valid inputs of OpenAPI operations, from the resolved model.
//
//   inputArbitrary(model, "openapi#PostCustomersRequest")
//   → fc.Arbitrary of { email: "a&b", metadata: { "x y": "1" }, expand: ["c"] } (required members
//     always, optional ones half the time; strings within length and pattern, numbers within
//     range, enum values only; `readOnly` members never: a client does not send them)
//
// Values take the serializer contract's TypeScript forms: `format: date-time` a `Date`, binary a
// `Uint8Array`. Alternatives (oneOf / anyOf) pick one variant; nullable references are `null`
// now and then. Strings mix characters a wire format must escape with plain ones. What the
// arbitraries cannot express (multipleOf, uniqueItems, a pattern fast-check cannot generate from)
// is left to the caller's filter through the generated validator.

import fc from "fast-check";
import { shapeOf, type Constraints, type Member, type Ref, type ResolvedModel, type Shape, type ShapeId } from "../../generator/model/ir.js";

const CHARS = ["a", "b", "Z", "0", "9", "-", "_", ".", "~", " ", "/", "&", "=", "+", "%", "?", "#", ":", ",", ";", "*", "'", "(", ")", "!", "\"", "<", "@", "$", "é", "中", "😀"];
const PLAIN = ["a", "b", "c", "x", "Y", "Z", "0", "7", "9"];
const MAX_DEPTH = 3;

export function inputArbitrary(model: ResolvedModel, id: ShapeId): fc.Arbitrary<Record<string, unknown>> {
  const strings = new Map<string, fc.Arbitrary<string>>();
  const stringOf = (c: Constraints): fc.Arbitrary<string> => {
    const key = JSON.stringify([c.length, c.pattern]);
    let arb = strings.get(key);
    if (!arb) strings.set(key, (arb = stringArb(c)));
    return arb;
  };
  const ref = (r: Ref, depth: number, extra: Constraints = {}): fc.Arbitrary<unknown> => {
    const shape = shapeOf(model, r.target);
    const arb = shapeArb(shape, depth, { ...shape.constraints, ...r.constraints, ...extra });
    return r.nullable ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: arb }) : arb;
  };
  const shapeArb = (shape: Shape, depth: number, c: Constraints): fc.Arbitrary<unknown> => {
    switch (shape.type) {
      case "string":
        return stringOf(c);
      case "enum":
      case "intEnum":
        return fc.constantFrom(...(shape.values as readonly { value: string | number }[]).map((v) => v.value));
      case "number": {
        const integer = !["float", "double", "bigDecimal"].includes(shape.kind);
        const min = c.range?.min ?? -1000;
        const max = c.range?.max ?? Math.max(min + 2000, 1000);
        const arb = integer
          ? fc.integer({ min: Math.max(Math.ceil(min), -(2 ** 31)), max: Math.min(Math.floor(max), 2 ** 31 - 1) })
          : fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
        return arb;
      }
      case "boolean":
        return fc.boolean();
      case "blob":
        return fc.uint8Array({ minLength: c.length?.min ?? 0, maxLength: Math.max(c.length?.min ?? 0, Math.min(c.length?.max ?? 5, 5)) });
      case "timestamp":
        return fc.integer({ min: 0, max: 4_102_444_799 }).map((s) => new Date(s * 1000));
      case "document":
        return fc.oneof(fc.string({ unit: fc.constantFrom(...PLAIN), maxLength: 4 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), fc.dictionary(fc.string({ unit: fc.constantFrom(...PLAIN), minLength: 1, maxLength: 3 }), fc.string({ unit: fc.constantFrom(...PLAIN), maxLength: 3 }), { maxKeys: 2, noNullPrototype: true }));
      case "list": {
        const min = c.length?.min ?? 0;
        const max = Math.max(min, Math.min(c.length?.max ?? 3, depth >= MAX_DEPTH ? 0 : 3));
        return fc.array(ref(shape.member, depth + 1), { minLength: min, maxLength: max });
      }
      case "map": {
        const min = c.properties?.min ?? 0;
        const max = Math.max(min, Math.min(c.properties?.max ?? 3, depth >= MAX_DEPTH ? 0 : 3));
        const key = stringOf({ ...shapeOf(model, shape.key.target).constraints, length: { min: 1, max: 6 } });
        return fc.dictionary(key, ref(shape.value, depth + 1), { minKeys: min, maxKeys: max, noNullPrototype: true });
      }
      case "structure":
        return structureArb(shape.members, depth);
      case "alternatives": {
        const simple = shape.variants.filter((v) => !["structure", "list", "map", "alternatives"].includes(shapeOf(model, v.target).type));
        const pick = depth >= MAX_DEPTH && simple.length > 0 ? simple : shape.variants;
        return fc.oneof(...pick.map((v) => ref(v, depth + 1)));
      }
      case "union":
        return fc.oneof(...shape.members.map((m) => ref(m, depth + 1, m.constraints).map((v) => ({ [m.name]: v }))));
      case "unit":
        return fc.constant({});
      default: {
        const never: never = shape;
        throw new Error(`unknown shape ${String(never)}`);
      }
    }
  };
  const structureArb = (members: readonly Member[], depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const m of members) {
      if (m.readOnly) continue;
      if (!m.required && depth >= MAX_DEPTH) continue;
      record[m.name] = ref(m, depth + 1, m.constraints);
      if (m.required) required.push(m.name);
    }
    return fc.record(record, { requiredKeys: required, noNullPrototype: true });
  };
  const shape = shapeOf(model, id);
  if (shape.type !== "structure") throw new Error(`${id} is not a structure`);
  return structureArb(shape.members, 0);
}

function stringArb(c: Constraints): fc.Arbitrary<string> {
  const min = c.length?.min ?? 0;
  const max = c.length?.max ?? Number.POSITIVE_INFINITY;
  const fits = (s: string) => [...s].length >= min && [...s].length <= max;
  if (c.pattern !== undefined) {
    try {
      const matching = fc.stringMatching(new RegExp(c.pattern, "u"), { size: "small" });
      if (fc.sample(matching, { seed: 1, numRuns: 20 }).some(fits)) return matching.filter(fits);
    } catch {
      // fast-check cannot generate from this pattern: plain strings, the validator filters.
    }
    return fc.string({ unit: fc.constantFrom(...PLAIN), minLength: min, maxLength: Math.min(max, min + 8) });
  }
  const unit = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 2, arbitrary: fc.constantFrom(...CHARS) });
  return fc.string({ unit, minLength: min, maxLength: Math.min(max, min + 8) });
}
