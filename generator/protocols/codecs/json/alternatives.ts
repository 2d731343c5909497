// The JSON reader of an untagged choice (OpenAPI `oneOf` / `anyOf`, an `alternatives` shape):
// the value is read as the variant it is, so that what arrives has the type the declaration
// says (a `date-time` variant gives a `Date`, a base64 one bytes, a structure its members).
//
//   oneOf: [{ $ref: Cat }, { type: string, format: date-time }]   (Cat: required [name], properties name, born)
//   → function json_Choice(value: unknown, path: string): Choice {
//       if (typeof value === "object" && !Array.isArray(value)) return json_Cat(value, path);
//       if (typeof value === "string") return fromDateTime(value, path);
//       return fail(path, undefined, "a value of one of its oneOf variants", value);
//     }
//   json_Choice("2024-05-01T10:00:00Z", "$") → Date;  json_Choice({ name: "Tom" }, "$") → { name: "Tom" }
//
//   oneOf: [{ $ref: Cat }, { $ref: Dog }]   (two variants of one JSON type: the order is the value's)
//   → const json_Pet_variants: readonly VariantTest[] = [
//       { kind: "object", rank: 2, required: ["name"], known: ["name", "born"] },
//       { kind: "object", rank: 2, required: ["name", "chip"], known: ["name", "chip"] },
//     ];
//     function json_Pet(value: unknown, path: string): Pet {
//       let first: unknown;
//       for (const i of variantOrder(value, json_Pet_variants)) {
//         try {
//           switch (i) {
//             case 0: return json_Cat(value, path);
//             case 1: return json_Dog(value, path);
//           }
//         } catch (error) { if (!(error instanceof WireTypeError)) throw error; first ??= error; }
//       }
//       throw first ?? fail(path, undefined, "a value of one of its oneOf variants", value);
//     }
//
// Where each JSON type of value fits at most one variant (Stripe's `anyOf: [string, account]`:
// 400 of its 470 oneOf/anyOf), the choice is made when the reader is generated: the reader tests
// the value's JSON type and reads it as that variant (text and booleans as they arrive), which is
// what the ordering below would choose at run time, down to the error of a value of another type.
// With a `discriminator` whose mapping names the value's tag, that variant is read, as the
// specification says. Otherwise the variants whose JSON type the value has are tried, best first
// (`variantOrder`): the most specific first. Among strings: a listed enum value, a `date-time`,
// plain text, base64 bytes, then an enum that does not list it (enums keep unlisted values, so
// their type would not hold it); among numbers: a listed int enum value, an integer or number,
// epoch seconds; among objects: a structure whose required properties are all present, then the
// one with more of them, then the one that names more of the value's properties (so none is
// dropped needlessly), then maps. The first variant that reads without a type error is the value
// (for oneOf the one it matches; for anyOf the most specific it matches: `anyOf: [string,
// date-time]` gives a Date for an RFC 3339 text). A structure that lacks a
// required property is tried only when no structure variant has them all, and then only the
// best one (its missing members get their zero values, as everywhere): a malformed value of one
// variant is not passed off as another. When none reads, the best variant's error is thrown (a `MalformedResponseError` naming the place), as for any other value
// of the wrong type.

import { shapeOf, type AlternativesShape, type Ref, type ResolvedModel } from "../../../model/ir.js";
import type { Sym } from "../../../emit/file-builder.js";
import type { SerializerContext } from "../../protocol.js";
import { READ } from "../../symbols.js";
import { append } from "../../../lists.js";

const NUMBER_TEXT: Sym = { name: "NumberText", file: "read.ts", kind: "value" };

/** How a JSON value is weighed against one variant (printed into the generated table). */
interface VariantTest {
  readonly kind: JsonKind | "any";
  readonly rank: number;
  readonly values?: readonly (string | number)[];
  readonly required?: readonly string[];
  readonly known?: readonly string[];
}

export interface AlternativesReading {
  readonly ctx: SerializerContext;
  readonly exactNumbers: boolean;
  /** The wire name of a member (the reader's `jsonReadName`). */
  readonly wireName: (m: { readonly name: string; readonly jsonName?: string }) => string;
  /** An expression reading `expr` at `path` as the ref's target (the reader's `jsonRead`). */
  readonly read: (expr: string, ref: Ref, path: string) => string;
}

/** The lines of `function <name>(value: unknown, path: string): <type>` for an alternatives shape. */
export function printAlternativesReader(a: AlternativesReading, shape: AlternativesShape, name: string, type: string): string[] {
  const { ctx } = a;
  const file = ctx.file;
  const head = `function ${name}(value: unknown, path: string): ${type} {`;
  const variantIndex = (target: string) => shape.variants.findIndex((v) => v.target === target);
  const lines = [head];
  const d = shape.discriminator;
  const mapped = d === undefined ? [] : d.mapping.filter((m) => variantIndex(m.target) !== -1);
  if (d !== undefined && mapped.length > 0) {
    // The discriminator's value names the variant (OpenAPI 3.0.3 §Discriminator Object).
    lines.push(
      `  const tag = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[${JSON.stringify(d.propertyName)}] : undefined;`,
      `  switch (tag) {`,
    );
    for (const m of mapped) lines.push(`    case ${JSON.stringify(m.value)}:`, `      return ${a.read("value", shape.variants[variantIndex(m.target)]!, "path")};`);
    lines.push(`  }`);
  }
  const tests = shape.variants.map((v) => variantTest(ctx.model, v, a.wireName));
  const dispatch = staticDispatch(tests);
  if (dispatch !== undefined) {
    // Each JSON type has at most one variant to try: the type alone picks it, here and now.
    for (const [kind, i] of dispatch) lines.push(`  if (${kindTest(a, kind)}) return ${readAs(a, shape.variants[i]!, tests[i]!)};`);
    lines.push(`  return ${file.use(READ.fail)}(path, undefined, ${JSON.stringify(`a value of one of its ${shape.exclusive ? "oneOf" : "anyOf"} variants`)}, value);`, `}`);
    return lines;
  }
  const table = ctx.need(`${name}_variants`, () => [
    `const ${name}_variants: readonly VariantTest[] = [`,
    ...tests.map((t) => `  ${printTest(t)},`),
    `];`,
  ]);
  ctx.need("VariantTest", () => printVariantTest());
  const order = ctx.need("variantOrder", () => printVariantOrder(a));
  const error = file.use(READ.WireTypeError);
  append(lines, [
    `  let first: unknown;`,
    `  for (const i of ${order}(value, ${table})) {`,
    `    try {`,
    `      switch (i) {`,
    ...shape.variants.flatMap((v, i) => [`        case ${i}:`, `          return ${a.read("value", v, "path")};`]),
    `      }`,
    `    } catch (error) {`,
    `      if (!(error instanceof ${error})) throw error;`,
    `      first ??= error;`,
    `    }`,
    `  }`,
    `  throw first ?? ${file.use(READ.fail)}(path, undefined, ${JSON.stringify(`a value of one of its ${shape.exclusive ? "oneOf" : "anyOf"} variants`)}, value);`,
    `}`,
  ]);
  return lines;
}

type JsonKind = "string" | "number" | "integer" | "boolean" | "array" | "object";

/**
 * When each JSON type of value fits at most one variant (no variant of any type, no two of one
 * type, not both a number and an integer), the variant to read for each type, in declaration
 * order: `variantOrder` would give that one alone (or none), so the reader tests the type
 * instead. Otherwise undefined.
 */
function staticDispatch(tests: readonly VariantTest[]): [JsonKind, number][] | undefined {
  const seen = new Set<string>();
  const out: [JsonKind, number][] = [];
  for (const [i, t] of tests.entries()) {
    if (t.kind === "any") return undefined;
    const json = t.kind === "integer" ? "number" : t.kind;
    if (seen.has(json)) return undefined;
    seen.add(json);
    out.push([t.kind, i]);
  }
  return out;
}

/** A condition that `value` has the JSON type of a variant of this kind (as `variantOrder` tells it). */
function kindTest(a: AlternativesReading, kind: JsonKind): string {
  const numberText = a.exactNumbers ? a.ctx.file.use(NUMBER_TEXT) : undefined;
  const number = numberText === undefined ? `typeof value === "number"` : `(typeof value === "number" || value instanceof ${numberText})`;
  switch (kind) {
    case "string":
    case "boolean":
      return `typeof value === ${JSON.stringify(kind)}`;
    case "number":
      return number;
    case "integer":
      return `${number} && Number.isInteger(Number(value))`;
    case "array":
      return `Array.isArray(value)`;
    case "object":
      // `typeof null` is "object": a null is tried as the object variant, whose reader names it.
      return `typeof value === "object" && !Array.isArray(value)${numberText === undefined ? "" : ` && !(value instanceof ${numberText})`}`;
    default: {
      const never: never = kind;
      throw new Error(`internal: unknown JSON kind ${String(never)}`);
    }
  }
}

/** The read of `value` as a variant once its JSON type is known: text and booleans are as they arrive. */
function readAs(a: AlternativesReading, ref: Ref, test: VariantTest): string {
  const shape = shapeOf(a.ctx.model, ref.target);
  if ((test.kind === "string" && shape.type === "string") || test.kind === "boolean") return "value";
  return a.read("value", ref, "path");
}

/** What JSON values a variant reads, and how well (higher is preferred). */
function variantTest(model: ResolvedModel, ref: Ref, wireName: AlternativesReading["wireName"]): VariantTest {
  const shape = shapeOf(model, ref.target);
  switch (shape.type) {
    case "string":
      return { kind: "string", rank: 2 };
    case "enum":
      return { kind: "string", rank: 0, values: shape.values.map((v) => v.value) };
    case "timestamp": {
      const format = ref.timestampFormat ?? shape.format ?? "date-time";
      return format === "epoch-seconds" ? { kind: "number", rank: 1 } : { kind: "string", rank: 3 };
    }
    case "blob":
      return { kind: "string", rank: 1 };
    case "boolean":
      return { kind: "boolean", rank: 2 };
    case "number":
      return { kind: shape.kind === "float" || shape.kind === "double" || shape.kind === "bigDecimal" ? "number" : "integer", rank: 2 };
    case "intEnum":
      return { kind: "integer", rank: 0, values: shape.values.map((v) => v.value) };
    case "list":
      return { kind: "array", rank: 2 };
    case "structure": {
      const members = shape.members.filter((m) => !m.writeOnly);
      return { kind: "object", rank: 2, required: members.filter((m) => m.required).map(wireName), known: members.map(wireName) };
    }
    case "map":
    case "union":
    case "unit":
      return { kind: "object", rank: 1 };
    case "alternatives":
      return { kind: "any", rank: 1 };
    case "document":
      return { kind: "any", rank: 0 };
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

function printTest(t: VariantTest): string {
  const parts = [`kind: ${JSON.stringify(t.kind)}`, `rank: ${t.rank}`];
  if (t.values !== undefined) parts.push(`values: ${JSON.stringify(t.values)}`);
  if (t.required !== undefined) parts.push(`required: ${JSON.stringify(t.required)}`);
  if (t.known !== undefined) parts.push(`known: ${JSON.stringify(t.known)}`);
  return `{ ${parts.join(", ")} }`;
}

/** The type of the generated tables. */
function printVariantTest(): string[] {
  return [
    `/** How a JSON value is weighed against one variant of a oneOf/anyOf: its JSON type, a preference, enum values, structure properties. */`,
    `interface VariantTest {`,
    `  readonly kind: "string" | "number" | "integer" | "boolean" | "array" | "object" | "any";`,
    `  readonly rank: number;`,
    `  readonly values?: readonly (string | number)[];`,
    `  readonly required?: readonly string[];`,
    `  readonly known?: readonly string[];`,
    `}`,
  ];
}

/** The module-private helper that orders the variants for a value. */
function printVariantOrder(a: AlternativesReading): string[] {
  const numberText = a.exactNumbers ? ` || value instanceof ${a.ctx.file.use(NUMBER_TEXT)}` : "";
  return [
    `/**`,
    ` * The variants a JSON value may be read as, best first: those of its JSON type (or any), by`,
    ` * rank (a listed enum value +4), then for objects all required properties present, how many of`,
    ` * them, how many of the value's properties the variant names; ties in declaration order. A`,
    ` * structure missing a required property comes only when none has them all, and then only the best.`,
    ` */`,
    `function variantOrder(value: unknown, tests: readonly VariantTest[]): number[] {`,
    `  const number = typeof value === "number"${numberText};`,
    `  const kind = number ? "number" : Array.isArray(value) ? "array" : typeof value;`,
    `  const keys = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : [];`,
    `  const scored: { i: number; score: number[] }[] = [];`,
    `  tests.forEach((t, i) => {`,
    `    const fits = t.kind === "any" || t.kind === kind || (t.kind === "integer" && number && Number.isInteger(Number(value)));`,
    `    if (!fits) return;`,
    `    const listed = t.values !== undefined && t.values.includes(number ? Number(value) : (value as string));`,
    `    const present = t.required === undefined ? 0 : t.required.filter((k) => keys.includes(k)).length;`,
    `    const named = t.known === undefined ? 0 : keys.filter((k) => t.known!.includes(k)).length;`,
    `    scored.push({ i, score: [t.rank + (listed ? 4 : 0), t.required !== undefined && present === t.required.length ? 1 : 0, present, named] });`,
    `  });`,
    `  scored.sort((x, y) => {`,
    `    for (let k = 0; k < x.score.length; k++) if (x.score[k] !== y.score[k]) return y.score[k]! - x.score[k]!;`,
    `    return x.i - y.i;`,
    `  });`,
    `  // A structure missing a required property is tried only when no variant has them all, and then only the best one.`,
    `  const complete = scored.filter((s) => tests[s.i]!.required === undefined || s.score[1] === 1);`,
    `  const partial = scored.find((s) => !complete.includes(s));`,
    `  return [...complete, ...(partial !== undefined && !complete.some((s) => tests[s.i]!.required !== undefined) ? [partial] : [])].map((s) => s.i);`,
    `}`,
  ];
}
