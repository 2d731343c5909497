// fast-check arbitraries of valid operation inputs, derived from the resolved model.
//
//   modelArbitraries(model, options).input("com.amazonaws.dynamodb#DescribeTableInput")
//   → fc.Arbitrary of { TableName: "a/é" } (required members always, each optional one half the
//     time; strings within @length and matching @pattern, numbers within @range, enum values only)
//
// Values take the shapes the serializer contract gives them (serializer-contract: strings and
// enums `string`, numbers `number`, timestamps `Date`, blobs `Uint8Array`, unions
// `{ member: value }`, a Unit member `{ member: {} }`). Sizes stay small: strings of a few
// characters (more when @length asks), lists and maps of at most three entries, and below
// `maxDepth` structures only their required members, so recursive shapes end. Strings mix
// characters a wire format must escape (space, `&`, `=`, `+`, `%`, `/`, `<`, quotes, non-ASCII,
// astral) with plain ones. A member the caller `omit`s (model drift against the oracle, say) is
// never generated; the caller reports why. Constraints the arbitraries cannot express (a pattern
// fast-check cannot generate from, uniqueness, ...) are left to the caller's validator filter.

import fc from "fast-check";
import { shapeOf, type Constraints, type Member, type NumberKind, type Ref, type ResolvedModel, type Shape, type ShapeId } from "../../generator/model/ir.js";
import { numberText } from "../../generator/model/decimal.js";

export interface ArbitraryOptions {
  /** Why a member is not generated, or undefined to generate it. */
  readonly omit?: (structure: ShapeId, member: string) => string | undefined;
  /** Values a member also takes, now and then, beside those its arbitrary makes (`Structure$member` → values). */
  readonly extraValues?: Readonly<Record<string, readonly unknown[]>>;
  /** Below this depth of nested structures, optional members are left out (default 3). */
  readonly maxDepth?: number;
}

/** Characters strings are made of: plain ones, and ones each wire format must escape. */
const CHARS = ["a", "b", "Z", "0", "9", "-", "_", ".", "~", " ", "/", "&", "=", "+", "%", "?", "#", ":", ",", ";", "*", "'", "(", ")", "!", "\"", "<", ">", "\\", "é", "ß", "中", "😀"];
const PLAIN = ["a", "b", "c", "x", "Y", "Z", "0", "7", "9"];

/** The arbitraries of one model; string arbitraries are shared between the inputs it builds. */
export function modelArbitraries(model: ResolvedModel, options: ArbitraryOptions = {}): { input(id: ShapeId): fc.Arbitrary<Record<string, unknown>> } {
  const maxDepth = options.maxDepth ?? 3;
  const omit = options.omit ?? (() => undefined);
  // Built once per call: fast-check takes long to build a matcher of `\p{L}` and the like.
  const matchers = new Map<string, fc.Arbitrary<string> | undefined>();
  const matcherOf = (pattern: string) => {
    if (!matchers.has(pattern)) matchers.set(pattern, patternArb(pattern));
    return matchers.get(pattern);
  };
  const strings = new Map<string, fc.Arbitrary<string>>();
  const stringOf = (c: Constraints) => {
    const key = JSON.stringify([c.length, c.pattern]);
    let arb = strings.get(key);
    if (!arb) strings.set(key, (arb = stringArb(c, matcherOf)));
    return arb;
  };

  const ref = (r: Ref, depth: number, extra: Constraints = {}): fc.Arbitrary<unknown> =>
    shapeArb(shapeOf(model, r.target), depth, merge(shapeOf(model, r.target).constraints, r.constraints ?? {}, extra));

  const shapeArb = (shape: Shape, depth: number, c: Constraints): fc.Arbitrary<unknown> => {
    switch (shape.type) {
      case "string":
        return stringOf(c);
      case "enum":
        return fc.constantFrom(...shape.values.map((v) => v.value));
      case "intEnum":
        return fc.constantFrom(...shape.values.map((v) => v.value));
      case "number":
        return numberArb(shape.kind, c);
      case "boolean":
        return fc.boolean();
      case "blob":
        return fc.uint8Array({ minLength: c.length?.min ?? 0, maxLength: Math.max(c.length?.min ?? 0, Math.min(c.length?.max ?? 6, 6)) });
      case "timestamp":
        // Whole milliseconds (a Date holds no finer), years 1970-2099.
        return fc.integer({ min: 0, max: 4_102_444_799_999 }).map((ms) => new Date(ms));
      case "document":
        return fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
      case "list": {
        const { min, max } = sizes(c, depth >= maxDepth);
        return fc.array(ref(shape.member, depth + 1), { minLength: min, maxLength: max });
      }
      case "map": {
        const { min, max } = sizes(c, depth >= maxDepth);
        return fc.dictionary(ref(shape.key, depth + 1) as fc.Arbitrary<string>, ref(shape.value, depth + 1), { minKeys: min, maxKeys: max, noNullPrototype: true });
      }
      case "structure":
        return structureArb(shape.id, shape.members, depth);
      case "union": {
        const members = shape.members.filter((m) => omit(shape.id, m.name) === undefined);
        // Deep down, prefer members that end the recursion (simple targets).
        const shallow = members.filter((m) => isSimple(shapeOf(model, m.target)));
        const pick = depth >= maxDepth && shallow.length > 0 ? shallow : members;
        if (pick.length === 0) throw new Error(`union ${shape.id}: every member is omitted`);
        return fc.oneof(...pick.map((m) => memberArb(m, depth).map((v) => ({ [m.name]: v }))));
      }
      case "unit":
        return fc.constant({});
      case "alternatives":
        throw new Error(`${shape.id}: OpenAPI alternatives do not occur in Smithy models`);
      default: {
        const never: never = shape;
        throw new Error(`internal: unknown shape ${String(never)}`);
      }
    }
  };

  const memberArb = (m: Member, depth: number): fc.Arbitrary<unknown> => ref(m, depth + 1, m.constraints);

  const structureArb = (sid: ShapeId, members: readonly Member[], depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const m of members) {
      if (omit(sid, m.name) !== undefined) {
        if (m.required) throw new Error(`${sid}$${m.name}: a required member cannot be omitted`);
        continue;
      }
      if (!m.required && depth >= maxDepth) continue;
      const extra = options.extraValues?.[`${sid}$${m.name}`];
      record[m.name] = extra ? fc.oneof(memberArb(m, depth), fc.constantFrom(...extra)) : memberArb(m, depth);
      if (m.required) required.push(m.name);
    }
    return fc.record(record, { requiredKeys: required, noNullPrototype: true });
  };

  return {
    input(id) {
      const shape = shapeOf(model, id);
      if (shape.type !== "structure") throw new Error(`${id} is not a structure`);
      return structureArb(shape.id, shape.members, 0);
    },
  };
}

function isSimple(shape: Shape): boolean {
  return !["list", "map", "structure", "union", "document"].includes(shape.type);
}

/** The target's constraints, then each reference's on top, key by key. */
function merge(...layers: Constraints[]): Constraints {
  return Object.assign({}, ...layers) as Constraints;
}

function sizes(c: Constraints, deep: boolean): { min: number; max: number } {
  const min = c.length?.min ?? 0;
  const max = Math.max(min, Math.min(c.length?.max ?? 3, deep ? 0 : 3));
  return { min, max };
}

/** Strings within @length (code points) and, where fast-check can generate it, @pattern. */
function stringArb(c: Constraints, matcherOf: (pattern: string) => fc.Arbitrary<string> | undefined): fc.Arbitrary<string> {
  const min = c.length?.min ?? 0;
  const max = c.length?.max ?? Number.POSITIVE_INFINITY;
  const fits = (s: string) => {
    const n = [...s].length;
    return n >= min && n <= max;
  };
  if (c.pattern !== undefined) {
    // Kept only when some of a trial sample fit @length, so the filter ends; otherwise (and for a
    // pattern fast-check cannot generate from) the caller's validator has the last word.
    const matching = matcherOf(c.pattern);
    if (matching && fc.sample(matching, { seed: 1, numRuns: 30 }).some(fits)) return matching.filter(fits);
    return fc.string({ unit: fc.constantFrom(...PLAIN), minLength: min, maxLength: Math.min(max, min + 8) });
  }
  const unit = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 2, arbitrary: fc.constantFrom(...CHARS) });
  return fc.string({ unit, minLength: min, maxLength: Math.min(max, min + 8) });
}

/**
 * Strings matching a pattern: mostly short ones ("small" repeats a quantifier up to about ten
 * times), some longer for a @length minimum above that. Undefined when fast-check cannot.
 */
function patternArb(pattern: string): fc.Arbitrary<string> | undefined {
  // The model's pattern read as ECMAScript: our validators translate Java's meaning exactly (with
  // lookaheads fast-check cannot generate from); generating needs only the common reading, and
  // the validator filter has the last word.
  for (const flags of ["u", ""]) {
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, flags);
    } catch {
      continue;
    }
    try {
      return fc.oneof({ weight: 3, arbitrary: fc.stringMatching(regex, { size: "small" }) }, { weight: 1, arbitrary: fc.stringMatching(regex, { size: "medium" }) });
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function numberArb(kind: NumberKind, c: Constraints): fc.Arbitrary<number | bigint | string> {
  // bigInteger is a bigint, bigDecimal its decimal text (CONTRACT.md); drawn as the float kinds
  // are, then written exactly (none of the oracle's services has one today).
  if (kind === "bigInteger") return numberArb("long", c).map((v) => BigInt(v as number));
  if (kind === "bigDecimal") {
    const min = c.range?.min ?? -1e6;
    const max = c.range?.max ?? 1e6;
    const doubles = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    const whole = Math.ceil(min) <= Math.floor(max) ? [fc.integer({ min: Math.ceil(min), max: Math.floor(max) })] : [];
    return fc.oneof(...whole, doubles).map(numberText);
  }
  const lo = c.range?.min;
  const hi = c.range?.max;
  switch (kind) {
    case "byte":
    case "short":
    case "integer":
    case "long": {
      // fc.integer stays within 32 bits; wider ranges are clipped (the wire is the same code path).
      const min = Math.max(Math.ceil(lo ?? -1000), -(2 ** 31));
      const max = Math.min(Math.floor(hi ?? Math.max(min + 2000, 1000)), 2 ** 31 - 1);
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 100) }), fc.integer({ min, max }));
    }
    case "float":
    case "double": {
      if (lo !== undefined || hi !== undefined) {
        const min = lo ?? -1e6;
        const max = hi ?? 1e6;
        return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      }
      // Whole numbers, decimals and the three values JSON cannot write.
      return fc.oneof(
        fc.integer({ min: -1000, max: 1000 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      );
    }
    default: {
      const never: never = kind;
      throw new Error(`internal: unknown number kind ${String(never)}`);
    }
  }
}
