// Random typed inputs for an operation, from the resolved model (fast-check arbitraries), in the
// form both the generated serializers and the AWS SDK v3 clients take (CONTRACT.md: timestamps
// `Date`, blobs `Uint8Array`, unions `{ member: value }`).
//
//   inputArbitrary(model, "com.amazonaws.sns#PublishInput")
//   → fc.Arbitrary of { Message: "…", MessageAttributes: { "k": { DataType: "…", BinaryValue: Uint8Array […] } }, … }
//
// Values are of the right type, not necessarily within the model's constraints (the serializers
// do not validate). Strings are whole code points (no lone surrogates, which a form cannot
// encode); collections hold at most 3 items; structures recurse at most 3 levels deep (deeper
// optional members are left out). Documents and Unit union members are left out (`skip`).

import fc from "fast-check";
import { shapeOf, type Member, type ResolvedModel, type Shape } from "../../../generator/model/ir.js";
import { numberText } from "../../../generator/model/decimal.js";

export interface ArbitraryOptions {
  /** Members never generated (shapes a protocol cannot send, say). */
  readonly skip?: (member: Member, owner: Shape) => boolean;
  /** Range of generated dates (default: the years 1970 to 2100, whole milliseconds). */
  readonly dates?: { readonly min: Date; readonly max: Date };
}

const MAX_DEPTH = 3;

export function inputArbitrary(model: ResolvedModel, shapeId: string, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return valueOf(model, shapeOf(model, shapeId), 0, options);
}

const text = fc.string({ unit: "binary", maxLength: 8 });
/** Map keys: any text but the names objects inherit setters for. */
const key = text.filter((k) => k !== "__proto__");

function valueOf(model: ResolvedModel, shape: Shape, depth: number, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case "string":
      return text;
    case "enum":
      return shape.values.length > 0 ? fc.constantFrom(...shape.values.map((v) => v.value)) : text;
    case "intEnum":
      return shape.values.length > 0 ? fc.constantFrom(...shape.values.map((v) => v.value)) : fc.integer();
    case "number":
      switch (shape.kind) {
        case "float":
        case "double":
          return fc.double();
        case "bigDecimal":
          // The decimal text (CONTRACT.md), from finite doubles.
          return fc.double({ noNaN: true, noDefaultInfinity: true }).map(numberText);
        case "byte":
          return fc.integer({ min: -128, max: 127 });
        case "short":
          return fc.integer({ min: -32768, max: 32767 });
        case "integer":
          return fc.integer();
        case "long":
          return fc.maxSafeInteger();
        case "bigInteger":
          return fc.bigInt();
        default: {
          const never: never = shape.kind;
          throw new Error(`unknown number kind ${String(never)}`);
        }
      }
    case "boolean":
      return fc.boolean();
    case "blob":
      return fc.uint8Array({ maxLength: 12 });
    case "timestamp": {
      const { min, max } = options.dates ?? { min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)) };
      return fc.date({ min, max, noInvalidDate: true });
    }
    case "list":
      return fc.array(valueOf(model, shapeOf(model, shape.member.target), depth + 1, options), { maxLength: depth >= MAX_DEPTH ? 0 : 3 });
    case "map":
      return fc.dictionary(key, valueOf(model, shapeOf(model, shape.value.target), depth + 1, options), {
        maxKeys: depth >= MAX_DEPTH ? 0 : 3,
        noNullPrototype: true,
      });
    case "structure": {
      const members = shape.members.filter((m) => !options.skip?.(m, shape) && (depth < MAX_DEPTH || m.required));
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const m of members) record[m.name] = valueOf(model, shapeOf(model, m.target), depth + 1, options);
      return fc.record(record, { requiredKeys: members.filter((m) => m.required).map((m) => m.name) });
    }
    case "union": {
      const members = shape.members.filter((m) => !options.skip?.(m, shape) && shapeOf(model, m.target).type !== "unit");
      if (members.length === 0) return fc.constant({});
      return fc.oneof(...members.map((m) => valueOf(model, shapeOf(model, m.target), depth + 1, options).map((v) => ({ [m.name]: v }))));
    }
    case "document":
    case "unit":
    case "alternatives":
      return fc.constant({});
    default: {
      const never: never = shape;
      throw new Error(`unknown shape ${String(never)}`);
    }
  }
}
