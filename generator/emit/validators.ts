// The validators emitter: one `validate<Type>(value: unknown, path = "", out = [])` per named shape,
// returning every constraint the value fails, worded as Smithy's validation framework words it.
//
//   @length(min: 1, max: 128) @pattern("^[\w+]+$") string ClientIdType
//   structure Req { @required ClientId: ClientIdType, Note: String }
//   →
//   const re_ClientIdType = /^[\w+]+(?=(?:\r\n|(?<!\r)\n|[\r\u0085\u2028\u2029])?$)/u;   // Java's `$`
//
//   export function validateReq(value: unknown, path = "", out: ValidationFailure[] = []): ValidationFailure[] {
//     if (!isPlainObject(value)) { failType(out, path, "object", value); return out; }
//     const v1 = value.ClientId;
//     if (v1 == null) failRequired(out, path + "/ClientId");
//     else validateClientIdType(v1, path + "/ClientId", out);
//     const v2 = value.Note;
//     if (v2 != null) $checkString(v2, path + "/Note", out);
//     return out;
//   }
//
//   export function validateClientIdType(value: unknown, path = "", out: ValidationFailure[] = []): ValidationFailure[] {
//     if (typeof value !== "string") { failType(out, path, "string", value); return out; }
//     if (value.length > 128 || value.length < 2) {          // code points: only counted when needed
//       const n1 = codePointLength(value);
//       if (n1 < 1 || n1 > 128) failLength(out, path, n1, "between 1 and 128, inclusive");
//       else if (!re_ClientIdType.test(value)) failPattern(out, path, "^[\\w+]+$");
//     } else if (!re_ClientIdType.test(value)) failPattern(out, path, "^[\\w+]+$");
//     return out;
//   }
//
//   function $checkString(value: unknown, path = "", out: ValidationFailure[] = []): ValidationFailure[] {
//     if (typeof value !== "string") failType(out, path, "string", value);
//     return out;
//   }
//
//   validateReq({ ClientId: "" }) → [
//     { path: "/ClientId", constraint: "length", message: "Value with length 0 at '/ClientId' failed
//       to satisfy constraint: Member must have length between 1 and 128, inclusive" } ]
//   validateReq({ ClientId: "a-b" }) → [
//     { path: "/ClientId", constraint: "pattern", message: "Value at '/ClientId' failed to satisfy
//       constraint: Member must satisfy regular expression pattern: ^[\\w+]+$" } ]
//
//   structure Other { @required Id: ClientIdType, Note: String }    (the same form as Req)
//   → export const validateOther = validateReq;
//
// Design:
// - Aggregates (structures, lists, maps, unions, alternatives) and named scalars with enum values
//   or a pattern get a function that appends to one shared array, so recursive shapes simply call
//   each other and long checks are printed once. For a named shape whose own constraints add
//   nothing at the places that reference it, that function is the public `validate<Type>` itself
//   (`out` defaults to a new array); otherwise a public wrapper adds them around a private
//   `$validate<Type>`. Every other scalar check (type, length, range) is a shared
//   `$check<Kind>_<constraints>` function, printed once however many members need the same
//   checks: in large models most members repeat a handful of them (Stripe: 34 for 9,000 members).
// - Shapes of the same form (generator/passes/same-form.ts: the same checks of their own, and
//   references to shapes of the same form, at any depth) share the functions of the one with the
//   shortest name; the others are exported as that one's public validator under their own names
//   (Stripe: 5,300 validated shapes, 1,700 functions). What every validator does is said once, at
//   the top of the file, not on each function.
// - A shape's own constraints (length of a list, properties of a map, ...) are applied by whoever
//   references it, merged with the referencing member's constraints (the member's win key by key).
//   The same holds at every other position: a list `member`, a map `key` and `value` and
//   `additionalProperties` carry constraints of their own (`list L { @length(max: 5) member: S }`).
// - Paths are RFC 6901 JSON pointers from the input root (`/List/0/Name`); map keys are escaped at
//   run time with `pointerSegment`, member names at generation time. Failures of a map key are
//   reported at the map's path, as Smithy does.
// - Messages follow the restJson1 `httpMalformedRequestTests` wording (`Value with length 0 at
//   '/ClientId' failed to satisfy constraint: Member must have length between 1 and 128,
//   inclusive`), built by runtime helpers (`failLength`, `failPattern`, ...) so the wording lives
//   in one place and each failure is one short line. For what Smithy does not word, the same
//   form is kept: type failures are `Value of type number at '/x' ...: Member must be of type
//   string`; exclusive bounds
//   `Member must be greater than 0`; `Member must be a multiple of 0.5`; `Value with property
//   count 0 at '/m' ...: Member must have property count greater than or equal to 1`; unions
//   `Member must have exactly one of [a, b] set`; alternatives `Member must match exactly one
//   of [A, B]` (oneOf) or `Member must match at least one of [A, B]` (anyOf).
// - Unknown extra keys of a structure are ignored (Smithy clients tolerate them; OpenAPI
//   `additionalProperties` with a schema validates them). A `null` optional member counts as
//   absent, as Smithy's JSON protocols treat it; a required one fails `Member must not be null`
//   unless the reference is nullable. In a union, a key with a non-null value counts as set,
//   known or not.
// - Smithy patterns mean what `java.util.regex` means (`Matcher.find()`): generator/regex/ parses
//   the Java syntax and prints ECMAScript for the `u` flag (OpenAPI's ECMA-262 patterns are used
//   as they are, with the `u` flag), compiled once as module-level `const` RegExps. A pattern Java rejects is a `PATTERN_INVALID` warning, one ECMAScript cannot say
//   exactly a `PATTERN_UNTRANSLATABLE` warning (both thrown when no diagnostics are given); such
//   a pattern is not checked. The pattern runs only when the length check passed. A pattern a
//   backtracking search could take super-linear time on (generator/regex/redos.ts: `^(a+)+$`)
//   runs as a Thompson automaton instead (`linearFind(nfa_X, value)`, from `linear-find.ts`,
//   emitted only into folders that need it; compiled for the value's `@length` max, which the
//   check before it guarantees); one that cannot (back references, atomic groups) is
//   a `PATTERN_SUPERLINEAR` warning and not checked.

import { arrayProperty } from "./layout.js";
import type { Diagnostics } from "../diagnostics.js";
import { pointerSegment } from "../diagnostics.js";
import type {
  AlternativesShape,
  Constraints,
  ListShape,
  MapShape,
  Member,
  NumberKind,
  ResolvedModel,
  Shape,
  ShapeId,
  StructureShape,
  UnionShape,
} from "../model/ir.js";
import { shapeOf } from "../model/ir.js";
import type { Names } from "../naming/names.js";
import { compare, isInheritedName, propertyAccess, toIdentifier } from "../naming/names.js";
import { isAggregate, type Aggregate } from "../model/refs.js";
import { inputClosure } from "../passes/input-closure.js";
import { sameForm, type Form } from "../passes/same-form.js";
import { linearProgram } from "../regex/linear.js";
import { PatternMemo } from "../regex/memo.js";
import { GeneratedFile } from "./file-builder.js";
import { integerText, numberText } from "../model/decimal.js";
import { append } from "../lists.js";

const RUNTIME = "./runtime.js";

/** Smallest and largest values of the fixed-size integer kinds. */
const INTEGER_BOUNDS: Partial<Record<NumberKind, readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};

/** Everything one `emitValidators` run shares; created per call, never module state. */
interface Ctx {
  readonly model: ResolvedModel;
  readonly names: Names;
  readonly f: GeneratedFile;
  readonly diags: Diagnostics | undefined;
  /** Owner key (shape id, or shape id + member) → the test of a value, or null if unchecked. */
  readonly patterns: Map<string, ((value: string) => string) | null>;
  readonly patternDecls: string[];
  readonly constNames: Set<string>;
  /** Each pattern source read and analysed once per run (regex/memo.ts). */
  readonly readPatterns: PatternMemo;
  /** Text of a scalar check → the name of the shared `$check…` function that runs it. */
  readonly shared: Map<string, string>;
  /** Shared check name → its lines, printed sorted by name. */
  readonly sharedDecls: Map<string, string[]>;
  /** The first shape of the same form as a shape (see `sameForm`): the one whose functions are printed. */
  representative: (id: ShapeId) => ShapeId;
}

/** Fresh local variable names within one generated function: `v1`, `n2`, ... */
class Scope {
  #next = 1;
  /** The statement that leaves the function early: `return;`, or `return out;` in a public one. */
  readonly ret: string;
  constructor(ret = "return;") {
    this.ret = ret;
  }
  /** Returns `prefix` followed by a number never used before in this function. */
  fresh(prefix: string): string {
    return `${prefix}${this.#next++}`;
  }
}

/** Where a check sits: the value expression, the path expression, the failure array. */
interface Site {
  /** An identifier holding the value (read more than once). */
  readonly v: string;
  /** A string expression for the path; evaluated only on failure for scalars. */
  readonly p: string;
  readonly out: string;
  /** Key of the constraint owner, for naming the pattern const. */
  readonly owner: string;
  /** The value is known to be a string already (a map key). */
  readonly knownString?: boolean;
}

/**
 * Emits `validators.ts`: a validator for every named shape of the model (see the module comment).
 * `patterns`: the run's memo of pattern readings, when the caller keeps one for many models.
 */
export function emitValidators(model: ResolvedModel, names: Names, diags?: Diagnostics, patterns: PatternMemo = new PatternMemo()): GeneratedFile {
  const f = new GeneratedFile("validators.ts");
  f.printsFinalLayout({ longLines: true });
  const ctx: Ctx = { model, names, f, diags, patterns: new Map(), patternDecls: [], constNames: new Set(), readPatterns: patterns, shared: new Map(), sharedDecls: new Map(), representative: (id) => id };
  f.importType("ValidationFailure", RUNTIME);
  // Validators exist for what an operation input can contain; output-only shapes get none.
  const inputs = inputClosure(model);
  const shapes = [...model.shapes.values()].filter((s) => inputs.has(s.id)).sort((a, b) => compare(a.id, b.id));
  const body: string[] = [];
  // Shapes of the same form (Stripe repeats `setup_future_usage: none | off_session | on_session`
  // in 200 request bodies, and whole parameter objects in many operations) share the functions of
  // one of them, the one of the shortest name: the others are its public validator under their
  // own names, and every call goes to its functions.
  // Prelude shapes are checked inline, without a function of their own: each is its own.
  // (The lengths computed once per shape, not twice per comparison.)
  const byLength = shapes
    .filter((s) => !names.isInline(s.id))
    .map((shape) => ({ shape, length: names.validator(shape.id).length }))
    .sort((a, b) => a.length - b.length || compare(a.shape.id, b.shape.id))
    .map((k) => k.shape);
  const first = sameForm(byLength, (shape) => validatorForm(ctx, shape));
  ctx.representative = (id) => first.get(id) ?? id;
  // Exported name → the function it is, for every public validator that is another's function.
  const aliases = new Map<string, string>();
  // What a shape's public `validate<Type>` is: the function itself, or the shared check it is.
  const publicTarget = new Map<ShapeId, string>();
  // Public validators by a hash of their body text (the lines after the first, joined), each
  // with its name: shapes of different forms can still print the same checks. A body is joined
  // only to compare it with another of the same hash, not to be a key (a copy of every body).
  // (Not by length alone: a chain of 20,000 structures has thousands of bodies of one length,
  // each compared with all before it.)
  const bodies = new Map<number, Body[]>();
  const dedupe = (shape: Shape, lines: string[]): string[] => {
    if (!isMerged(ctx, shape)) return lines;
    const body: Body = { lines, name: "" };
    const hash = bodyHash(lines);
    const same = bodies.get(hash);
    const known = same?.find((other) => bodyText(other) === bodyText(body));
    if (known === undefined) {
      body.name = names.validator(shape.id);
      if (same === undefined) bodies.set(hash, [body]);
      else same.push(body);
      return lines;
    }
    publicTarget.set(shape.id, known.name);
    aliases.set(names.validator(shape.id), known.name);
    return [];
  };
  const push = (lines: readonly string[]): void => {
    if (lines.length === 0) return;
    body.push("");
    append(body, lines);
  };
  for (const shape of shapes) {
    if (ctx.representative(shape.id) !== shape.id) continue;
    if (!names.isInline(shape.id) && !isMerged(ctx, shape)) {
      const checks = publicChecks(ctx, shape);
      const shared = checks.length === 1 ? /^(\$check\w*)\(value, path, out\);$/.exec(checks[0]!) : null;
      if (shared) {
        // A scalar checked by a shared check: the same function under the shape's name.
        publicTarget.set(shape.id, shared[1]!);
        aliases.set(names.validator(shape.id), shared[1]!);
      } else push(publicValidator(ctx, shape, checks));
    }
    if (isAggregate(shape)) push(dedupe(shape, aggregateValidator(ctx, shape)));
    else if (hasScalarFunction(ctx, shape)) push(dedupe(shape, scalarValidator(ctx, shape)));
  }
  for (const shape of shapes) {
    const rep = ctx.representative(shape.id);
    if (rep !== shape.id) aliases.set(names.validator(shape.id), publicTarget.get(rep) ?? names.validator(rep));
  }
  if (aliases.size > 0) {
    body.push(
      "",
      // Constants, not an `export { a as b }` list: other validators of this file call these
      // names, and an export specifier declares no local name.
      "// The validators of shapes of the same form as another's (or with the same checks): that one's function.",
    );
    append(body, [...aliases].sort(([a], [b]) => compare(a, b)).map(([name, target]) => `export const ${name} = ${target};`));
  }
  f.line(
    "// `validate<Type>(value, path?, out?)` appends every constraint `value` fails as a `<Type>` of",
    "// types.ts to `out` (a new array by default) and returns it; `path` is where `value` stands in",
    "// the whole input, as a JSON pointer. A private `$validate<Type>` leaves the shape's own",
    "// constraints (a list's length, ...) to its caller; a `$check<Kind>_<constraints>` runs the",
    "// checks of a scalar that many members share.",
    "",
  );
  // Not spread into one call (V8's limit on arguments): a model's pattern declarations are as
  // many as its patterns.
  const lines = (all: readonly string[]) => f.lines(all);
  if (ctx.patternDecls.length > 0) lines([...ctx.patternDecls, ""]);
  for (const name of [...ctx.sharedDecls.keys()].sort(compare)) lines(ctx.sharedDecls.get(name)!);
  lines(body);
  return f;
}

/**
 * What the validator of a shape checks, without the shape's name and docs: shapes with equal
 * forms whose references lead to equal forms get one function (see `sameForm`). Whatever a
 * validator prints from the shape itself is here; the checks of the shapes it refers to are theirs.
 */
function validatorForm(ctx: Ctx, shape: Shape): Form {
  const ref = (r: { readonly nullable?: boolean; readonly constraints?: Constraints }) => [r.nullable === true, r.constraints ?? {}];
  const common = [shape.type, shape.constraints, isMerged(ctx, shape), hasScalarFunction(ctx, shape)];
  switch (shape.type) {
    case "structure": {
      const extra = shape.additionalProperties;
      const members = shape.members.map((m) => [m.name, m.required, ...ref(m)]);
      const form = [...common, members, extra === undefined ? 0 : extra === true ? 1 : ref(extra)];
      const refs = shape.members.map((m) => m.target);
      return { key: JSON.stringify(form), refs: extra === undefined || extra === true ? refs : [...refs, extra.target] };
    }
    case "union":
      return { key: JSON.stringify([...common, shape.members.map((m) => [m.name, ...ref(m)])]), refs: shape.members.map((m) => m.target) };
    case "list":
      return { key: JSON.stringify([...common, ref(shape.member)]), refs: [shape.member.target] };
    case "map":
      return { key: JSON.stringify([...common, ref(shape.key), ref(shape.value)]), refs: [shape.key.target, shape.value.target] };
    case "alternatives": {
      const disc = shape.discriminator;
      // Without a discriminator, the failure message names the variants' types.
      const shown = disc && disc.mapping.length > 0 ? [] : shape.variants.map((r) => variantName(ctx, r.target));
      const form = [...common, shape.exclusive, shape.variants.map(ref), disc ? [disc.propertyName, disc.mapping.map((m) => m.value)] : 0, shown];
      return { key: JSON.stringify(form), refs: [...shape.variants.map((r) => r.target), ...(disc?.mapping.map((m) => m.target) ?? [])] };
    }
    case "enum":
    case "intEnum":
      // An enum without values is checked by a shared check named after it.
      return { key: JSON.stringify([...common, shape.values.map((v) => v.value), shape.values.length === 0 ? shape.name : 0]), refs: [] };
    case "number":
      return { key: JSON.stringify([...common, shape.kind]), refs: [] };
    case "unit":
    case "string":
    case "boolean":
    case "blob":
    case "timestamp":
    case "document":
      return { key: JSON.stringify(common), refs: [] };
    default:
      return unreachable(shape);
  }
}

/**
 * Named scalars with enum values or a pattern get a function too, so the (long) check is
 * printed once rather than at every reference; cheap checks (type, length, range) stay inline.
 */
function hasScalarFunction(ctx: Ctx, shape: Shape): boolean {
  if (isAggregate(shape) || ctx.names.isInline(shape.id)) return false;
  if ((shape.type === "enum" || shape.type === "intEnum") && shape.values.length > 0) return true;
  return (shape.type === "string" || shape.type === "enum") && shape.constraints.pattern !== undefined;
}

/** The `validate<Type>(value, path, out)` of a scalar with enum values or a pattern. */
function scalarValidator(ctx: Ctx, shape: Shape): string[] {
  const site: Site = { v: "value", p: "path", out: "out", owner: shape.id };
  return [...signature(ctx, shape), ...indent(checkShape(ctx, new Scope("return out;"), shape, shape.constraints, site)), "  return out;", "}"];
}

/**
 * Whether the public validator of a shape is its only function: every named shape whose checks
 * are all in its own function, i.e. an aggregate whose own constraints (a list's length, a map's
 * property count, ...) add nothing, or a scalar with enum values or a pattern. Its
 * `validate<Type>(value, path = "", out = [])` appends to `out` and returns it, so the other
 * validators call it too; the remaining shapes get a public wrapper around a private `$validate<Type>`.
 */
/** A public validator's lines and name, with the text of its body once it was joined. */
interface Body {
  readonly lines: readonly string[];
  name: string;
  text?: string;
}

/** The length of `lines.slice(1).join("\n")`, without joining. */
export function bodyLength(lines: readonly string[]): number {
  let length = lines.length > 1 ? lines.length - 2 : 0;
  for (let i = 1; i < lines.length; i++) length += lines[i]!.length;
  return length;
}

/**
 * A hash of `lines.slice(1).join("\n")`, without joining: two FNV-1a hashes of 32 bits (two offsets,
 * two primes), 52 bits of them kept, and the text's length mixed in. Equal texts hash equal.
 */
export function bodyHash(lines: readonly string[]): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 1; i < lines.length; i++) {
    if (i > 1) {
      a = Math.imul(a ^ 10, 0x01000193);
      b = Math.imul(b ^ 10, 0x01000451);
    }
    const line = lines[i]!;
    for (let j = 0; j < line.length; j++) {
      const c = line.charCodeAt(j);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000451);
    }
  }
  b = (b ^ bodyLength(lines)) >>> 0;
  return (b & 0xfffff) * 0x100000000 + (a >>> 0);
}

function bodyText(body: Body): string {
  return (body.text ??= body.lines.slice(1).join("\n"));
}

function isMerged(ctx: Ctx, shape: Shape): boolean {
  if (ctx.names.isInline(shape.id)) return false;
  if (!isAggregate(shape)) return hasScalarFunction(ctx, shape);
  const c = shape.constraints;
  const bounded = (b: { readonly min?: number; readonly max?: number } | undefined): boolean => b !== undefined && ((b.min !== undefined && b.min > 0) || b.max !== undefined);
  switch (shape.type) {
    case "structure":
    case "union":
    case "alternatives":
      return !bounded(c.properties);
    case "map":
      return !c.length && !c.properties;
    case "list":
      return !bounded(c.length) && !c.uniqueItems;
    default:
      return unreachable(shape);
  }
}

/** Head of the function of a shape: public (see `isMerged`) or private. */
function signature(ctx: Ctx, shape: Shape): string[] {
  if (isMerged(ctx, shape)) {
    return [`export function ${ctx.names.validator(shape.id)}(value: unknown, path = "", out: ValidationFailure[] = []): ValidationFailure[] {`];
  }
  return [`function ${internalName(ctx, shape.id)}(value: unknown, path: string, out: ValidationFailure[]): void {`];
}

/**
 * Lines checking a reference to `target`, with a member's own constraints on top when given:
 * a call when the target has a function and the member adds nothing, else inline checks.
 */
function checkRef(ctx: Ctx, scope: Scope, target: Shape, own: Constraints | undefined, site: Site): string[] {
  const adds = own !== undefined && Object.keys(own).length > 0;
  if (hasScalarFunction(ctx, target) && !adds) return [`${internalName(ctx, target.id)}(${site.v}, ${site.p}, ${site.out});`];
  const constraints = own === undefined ? target.constraints : merge(target.constraints, own);
  if (!isAggregate(target) && !site.knownString) {
    const shared = sharedCheck(ctx, target, constraints, site.owner);
    if (shared !== undefined) return shared === "" ? [] : [`${shared}(${site.v}, ${site.p}, ${site.out});`];
  }
  return checkShape(ctx, scope, target, constraints, site);
}

/**
 * The shared `$check<Kind>…(value, path, out)` that runs the checks of a scalar with these
 * constraints, printed once for every place that needs the same checks (a string of at most 5000
 * code points, an integer between 1 and 86400, ...), rather than inline at each of them: in large
 * models most members repeat a handful of such checks. `""` when there is nothing to check.
 */
function sharedCheck(ctx: Ctx, shape: Shape, constraints: Constraints, owner: string): string | undefined {
  const lines = checkShape(ctx, new Scope(), shape, constraints, { v: "value", p: "path", out: "out", owner });
  if (lines.length === 0) return "";
  const key = lines.join("\n");
  const known = ctx.shared.get(key);
  if (known !== undefined) return known;
  const base = "$check" + checkDescriptor(shape, constraints);
  let name = base;
  for (let i = 2; ctx.constNames.has(name); i++) name = `${base}_${i}`;
  ctx.constNames.add(name);
  ctx.shared.set(key, name);
  ctx.sharedDecls.set(name, [`function ${name}(value: unknown, path = "", out: ValidationFailure[] = []): ValidationFailure[] {`, ...indent(lines), "  return out;", "}", ""]);
  return name;
}

/** `String_len1to128`, `String_lenMax5000`, `Integer_rangeMin0`, `Timestamp`: what a shared check checks, as a name. */
function checkDescriptor(shape: Shape, constraints: Constraints): string {
  const kind = shape.type === "number" ? shape.kind : shape.type;
  let name = kind.charAt(0).toUpperCase() + kind.slice(1);
  const bound = (value: number | undefined): string => (value === undefined ? "" : String(value).replace(/^-/, "m").replace(/[.+]/g, "_"));
  const { length, range, pattern, multipleOf } = constraints;
  const span = (what: string, b: { readonly min?: number; readonly max?: number } | undefined): string => {
    if (b === undefined || (b.min === undefined && b.max === undefined)) return "";
    if (b.min !== undefined && b.max !== undefined) return `_${what}${bound(b.min)}to${bound(b.max)}`;
    return b.min !== undefined ? `_${what}Min${bound(b.min)}` : `_${what}Max${bound(b.max)}`;
  };
  name += span("len", length) + span("range", range);
  if (multipleOf !== undefined) name += `_multipleOf${bound(multipleOf)}`;
  if (pattern !== undefined) name += "_pattern";
  if (shape.type === "enum" || shape.type === "intEnum") name += `_${toIdentifier(shape.name)}`;
  return name;
}

/** The checks of the exported `validate<Type>(value, path = "")` of a named shape. */
function publicChecks(ctx: Ctx, shape: Shape): string[] {
  return checkRef(ctx, new Scope(), shape, undefined, { v: "value", p: "path", out: "out", owner: shape.id });
}

/** The exported `validate<Type>(value, path = "")` of a named shape, around its checks. */
function publicValidator(ctx: Ctx, shape: Shape, checks: readonly string[]): string[] {
  return [
    `export function ${ctx.names.validator(shape.id)}(value: unknown, path = ""): ValidationFailure[] {`,
    `  const out: ValidationFailure[] = [];`,
    ...indent(checks),
    `  return out;`,
    `}`,
  ];
}

/** The function of an aggregate shape: its public validator, or a private `$validate<Type>`. */
function aggregateValidator(ctx: Ctx, shape: Aggregate): string[] {
  const merged = isMerged(ctx, shape);
  const scope = new Scope(merged ? "return out;" : "return;");
  const head = signature(ctx, shape);
  let lines: string[];
  switch (shape.type) {
    case "structure":
      lines = structureBody(ctx, scope, shape);
      break;
    case "union":
      lines = unionBody(ctx, scope, shape);
      break;
    case "list":
      lines = listBody(ctx, scope, shape);
      break;
    case "map":
      lines = mapBody(ctx, scope, shape);
      break;
    case "alternatives":
      lines = alternativesBody(ctx, scope, shape);
      break;
    default:
      return unreachable(shape);
  }
  return [...head, ...indent(lines), ...(merged ? ["  return out;"] : []), "}"];
}

/** The function other validators call for a shape: its public one, or `$validate<Type>`. */
function internalName(ctx: Ctx, shapeId: ShapeId): string {
  const id = ctx.representative(shapeId);
  const name = ctx.names.validator(id);
  return isMerged(ctx, shapeOf(ctx.model, id)) ? name : "$" + name;
}

/** The type-failure line: `Value of type number at '/x' failed ...: Member must be of type string`. */
function typeFailure(ctx: Ctx, site: Site, expected: string): string {
  return `${ctx.f.import("failType", RUNTIME)}(${site.out}, ${site.p}, ${str(expected)}, ${site.v});`;
}

/** The required-failure line: `Value at '/x' failed to satisfy constraint: Member must not be null`. */
function requiredFailure(ctx: Ctx, site: Site): string {
  return `${ctx.f.import("failRequired", RUNTIME)}(${site.out}, ${site.p});`;
}

/** A failure line without a detail: `Value at '/x' failed to satisfy constraint: <rule>`. */
function failure(ctx: Ctx, site: Site, constraint: string, rule: string, detail?: string): string {
  const add = ctx.f.import("addFailure", RUNTIME);
  const extra = detail === undefined ? "" : `, ${detail}`;
  return `${add}(${site.out}, ${site.p}, "${constraint}", ${str(rule)}${extra});`;
}

/** Lines checking `site.v` against a shape (type first, then the given constraints). */
function checkShape(ctx: Ctx, scope: Scope, shape: Shape, constraints: Constraints, site: Site): string[] {
  switch (shape.type) {
    case "structure":
    case "union":
    case "alternatives": {
      const call = `${internalName(ctx, shape.id)}(${site.v}, ${site.p}, ${site.out});`;
      const props = propertiesCheck(ctx, scope, constraints, site);
      if (props.length === 0) return [call];
      return [`if (${ctx.f.import("isPlainObject", RUNTIME)}(${site.v})) {`, ...indent(props), "}", call];
    }
    case "map": {
      const call = `${internalName(ctx, shape.id)}(${site.v}, ${site.p}, ${site.out});`;
      const pre: string[] = [];
      if (constraints.length || constraints.properties) {
        const n = scope.fresh("n");
        pre.push(`const ${n} = Object.keys(${site.v}).length;`);
        append(pre, countCheck(ctx, site, n, constraints.length, "length", "length"));
        append(pre, countCheck(ctx, site, n, constraints.properties, "properties", "property count"));
      }
      if (pre.length === 0) return [call];
      return [`if (${ctx.f.import("isPlainObject", RUNTIME)}(${site.v})) {`, ...indent(pre), "}", call];
    }
    case "list": {
      const call = `${internalName(ctx, shape.id)}(${site.v}, ${site.p}, ${site.out});`;
      if (!constraints.length && !constraints.uniqueItems) return [call];
      const pre: string[] = [];
      const l = scope.fresh("l");
      append(pre, countCheck(ctx, site, `${l}.length`, constraints.length, "length", "length"));
      if (constraints.uniqueItems) append(pre, uniqueCheck(ctx, scope, shape, l, site));
      if (pre.length === 0) return [call];
      return [`if (Array.isArray(${site.v})) {`, `  const ${l}: readonly unknown[] = ${site.v};`, ...indent(pre), "}", call];
    }
    case "string":
    case "enum": {
      const checks: string[] = [];
      if (shape.type === "enum") {
        const values = shape.values.map((e) => e.value);
        append(checks, enumCheck(ctx, site, values.map((x) => str(x)), values));
      }
      append(checks, lengthThenPattern(stringLengthCheck(ctx, scope, constraints, site), patternCheck(ctx, constraints, site)));
      if (site.knownString) return checks;
      return typed(`typeof ${site.v} !== "string"`, typeFailure(ctx, site, "string"), checks);
    }
    case "intEnum": {
      const values = shape.values.map((e) => e.value);
      const checks = [
        ...enumCheck(ctx, site, values.map((x) => String(x)), values.map((x) => String(x))),
        ...numberChecks(ctx, scope, constraints, site),
      ];
      return typed(`typeof ${site.v} !== "number"`, typeFailure(ctx, site, "integer"), checks);
    }
    case "number": {
      if (shape.kind === "bigInteger") {
        return typed(`typeof ${site.v} !== "bigint"`, typeFailure(ctx, site, "bigInteger"), bigIntegerChecks(ctx, constraints, site));
      }
      if (shape.kind === "bigDecimal") {
        // The exact decimal text, in JSON's number syntax; range bounds compared digit by digit.
        const syntax = `!${ctx.f.import("isDecimalText", "./big-numbers.js")}(${site.v})`;
        const rule = "Member must be a decimal number as JSON writes one (e.g. 1.5, -0.25, 1e21)";
        const checks = typed(syntax, failure(ctx, site, "type", rule), bigDecimalChecks(ctx, constraints, site));
        return typed(`typeof ${site.v} !== "string"`, typeFailure(ctx, site, "bigDecimal"), checks);
      }
      const bounds = INTEGER_BOUNDS[shape.kind];
      const integral = !["float", "double", "bigDecimal"].includes(shape.kind);
      let test = `typeof ${site.v} !== "number"`;
      if (integral) test += ` || !Number.isInteger(${site.v})`;
      if (bounds) test += ` || ${site.v} < ${bounds[0]} || ${site.v} > ${bounds[1]}`;
      return typed(test, typeFailure(ctx, site, shape.kind), numberChecks(ctx, scope, constraints, site));
    }
    case "boolean":
      return typed(`typeof ${site.v} !== "boolean"`, typeFailure(ctx, site, "boolean"), []);
    case "blob": {
      const checks = countCheck(ctx, site, `${site.v}.byteLength`, constraints.length, "length", "length");
      return typed(`!(${site.v} instanceof Uint8Array)`, typeFailure(ctx, site, "blob"), checks);
    }
    case "timestamp": {
      const invalid = `if (Number.isNaN(${site.v}.getTime())) ${failure(ctx, site, "type", "Member must be a valid timestamp")}`;
      return typed(`!(${site.v} instanceof Date)`, typeFailure(ctx, site, "timestamp"), [invalid]);
    }
    case "document":
      return [];
    case "unit":
      return typed(`typeof ${site.v} !== "object" || ${site.v} === null || Array.isArray(${site.v})`, typeFailure(ctx, site, "object"), []);
    default:
      return unreachable(shape);
  }
}

/** `if (<wrong type>) <fail> else { <checks> }`, without the else when there is nothing to check. */
function typed(test: string, fail: string, checks: readonly string[]): string[] {
  if (checks.length === 0) return [`if (${test}) {`, `  ${fail}`, "}"];
  return [`if (${test}) {`, `  ${fail}`, "} else {", ...indent(checks), "}"];
}

/** `switch (v) { case ...: break; default: <fail> }` for enum values. */
function enumCheck(ctx: Ctx, site: Site, literals: readonly string[], shown: readonly string[]): string[] {
  if (literals.length === 0) return [];
  return [
    `switch (${site.v}) {`,
    ...literals.map((l) => `  case ${l}:`),
    "    break;",
    "  default:",
    `    ${ctx.f.import("failEnum", RUNTIME)}(${site.out}, ${site.p}, ${str(`[${shown.join(", ")}]`)});`,
    "}",
  ];
}

/**
 * String length in code points, without counting on the common path: a string of `n` UTF-16
 * units has between `ceil(n / 2)` and `n` code points, so the count is needed only when `n`
 * exceeds the max or is below twice the min.
 */
function stringLengthCheck(ctx: Ctx, scope: Scope, constraints: Constraints, site: Site): string[] {
  const length = constraints.length;
  if (!length || (length.min === undefined && length.max === undefined)) return [];
  const { min, max } = length;
  const cheap: string[] = [];
  if (max !== undefined) cheap.push(`${site.v}.length > ${num(max)}`);
  if (min !== undefined && min > 0) cheap.push(`${site.v}.length < ${num(min * 2)}`);
  if (cheap.length === 0) return [];
  const n = scope.fresh("n");
  const count = ctx.f.import("codePointLength", RUNTIME);
  return [
    `if (${cheap.join(" || ")}) {`,
    `  const ${n} = ${count}(${site.v});`,
    ...indent(countCheck(ctx, site, n, length, "length", "length")),
    "}",
  ];
}

/**
 * A min/max check of a count (`length`, `property count`) with Smithy's wording:
 * `Value with length 0 at '/x' ...: Member must have length between 1 and 128, inclusive`.
 */
function countCheck(
  ctx: Ctx,
  site: Site,
  count: string,
  bounds: { readonly min?: number; readonly max?: number } | undefined,
  constraint: "length" | "properties",
  noun: string,
): string[] {
  if (!bounds) return [];
  const { min, max } = bounds;
  const tests: string[] = [];
  if (min !== undefined && min > 0) tests.push(`${count} < ${num(min)}`);
  if (max !== undefined) tests.push(`${count} > ${num(max)}`);
  if (tests.length === 0) return [];
  const bound =
    min !== undefined && max !== undefined
      ? `between ${num(min)} and ${num(max)}, inclusive`
      : min !== undefined
        ? `greater than or equal to ${num(min)}`
        : `less than or equal to ${num(max ?? 0)}`;
  const fail =
    constraint === "length"
      ? `${ctx.f.import("failLength", RUNTIME)}(${site.out}, ${site.p}, ${count}, ${str(bound)});`
      : failure(ctx, site, constraint, `Member must have ${noun} ${bound}`, `"with ${noun} " + ${count}`);
  return [`if (${tests.join(" || ")}) {`, `  ${fail}`, "}"];
}

/** Properties (min/max number of keys) of a structure or union value known to be an object. */
function propertiesCheck(ctx: Ctx, scope: Scope, constraints: Constraints, site: Site): string[] {
  if (!constraints.properties) return [];
  const n = scope.fresh("n");
  const checks = countCheck(ctx, site, n, constraints.properties, "properties", "property count");
  if (checks.length === 0) return [];
  return [`const ${n} = Object.keys(${site.v}).length;`, ...checks];
}

/** `uniqueItems`: a Set for scalar items, pairwise `deepEqual` otherwise. */
function uniqueCheck(ctx: Ctx, scope: Scope, shape: ListShape, list: string, site: Site): string[] {
  const item = shapeOf(ctx.model, shape.member.target);
  const fail = failure(ctx, site, "uniqueItems", "Member must have unique values");
  if (["string", "enum", "number", "intEnum", "boolean"].includes(item.type)) {
    return [`if (${list}.length > 1 && new Set(${list}).size !== ${list}.length) {`, `  ${fail}`, "}"];
  }
  const label = scope.fresh("unique");
  const i = scope.fresh("i");
  const j = scope.fresh("j");
  const deepEqual = ctx.f.import("deepEqual", RUNTIME);
  return [
    `${label}: for (let ${i} = 1; ${i} < ${list}.length; ${i}++) {`,
    `  for (let ${j} = 0; ${j} < ${i}; ${j}++) {`,
    `    if (${deepEqual}(${list}[${i}], ${list}[${j}])) {`,
    `      ${fail}`,
    `      break ${label};`,
    "    }",
    "  }",
    "}",
  ];
}

/**
 * The length check, then the pattern check only where the length passed (a value of the wrong
 * length is never run through the pattern): each `if` of the length lines gets an
 * `else if (<pattern fails>)`.
 */
function lengthThenPattern(length: readonly string[], pattern: readonly string[]): string[] {
  if (length.length === 0 || pattern.length === 0) return [...length, ...pattern];
  const out: string[] = [];
  for (const line of length) {
    const m = /^( *)\}$/.exec(line);
    if (m) append(out, [`${m[1]}} else ${pattern[0]}`, ...pattern.slice(1).map((l) => m[1] + l)]);
    else out.push(line);
  }
  return out;
}

/** Pattern check with the module-level RegExp of the constraint's owner. */
function patternCheck(ctx: Ctx, constraints: Constraints, site: Site): string[] {
  if (constraints.pattern === undefined) return [];
  const re = patternConst(ctx, site.owner, constraints.pattern, constraints.length?.max);
  if (re === null) return [];
  return [
    `if (!${re(site.v)}) {`,
    `  ${ctx.f.import("failPattern", RUNTIME)}(${site.out}, ${site.p}, ${str(constraints.pattern)});`,
    "}",
  ];
}

/**
 * The name of the module-level RegExp for a pattern, declaring it on first use. The pattern is
 * read as Java reads it and printed as ECMAScript for the `u` flag (generator/regex/). Returns
 * null, after a warning, when Java would reject the pattern or ECMAScript cannot say exactly the
 * same; the pattern is then not checked.
 */
function patternConst(ctx: Ctx, owner: string, source: string, maxLength: number | undefined): ((value: string) => string) | null {
  const key = `${owner}\n${source}`;
  // A linear program is compiled for the value's maximum length: one per owner and maximum.
  const lengthKey = `${key}\n${maxLength ?? ""}`;
  const known = ctx.patterns.get(key) ?? ctx.patterns.get(lengthKey);
  if (known !== undefined) return known;
  const { result, analysis } = ctx.readPatterns.read(ctx.model.patternSyntax, source);
  const where = `\`${owner.replace("\n", "$")}\``;
  if (result.kind !== "ok") {
    const message =
      result.kind === "invalid"
        ? `The @pattern ${str(source)} of ${where} is not a valid regular expression (${result.problem}); it is not checked`
        : `The @pattern ${str(source)} of ${where} cannot be translated exactly to JavaScript: ${result.problem}; it is not checked`;
    if (!ctx.diags) throw new Error(message);
    ctx.diags.warning(result.kind === "invalid" ? "PATTERN_INVALID" : "PATTERN_UNTRANSLATABLE", message, {
      hint:
        result.kind === "invalid"
          ? "Write the pattern in the java.util.regex syntax Smithy models use (it must compile with Pattern.compile)."
          : "Rewrite the pattern without the construct named, or validate this value yourself.",
    });
    ctx.patterns.set(key, null);
    return null;
  }
  const [id, member] = owner.split("\n") as [string, string | undefined];
  const constName = (prefix: string): string => {
    let name = prefix + ctx.names.validator(id).slice("validate".length).replace(/^_/, "");
    if (member !== undefined) name += "_" + toIdentifier(member);
    const base = name;
    for (let i = 2; ctx.constNames.has(name); i++) name = `${base}_${i}`;
    ctx.constNames.add(name);
    return name;
  };
  // A pattern a backtracking search could take super-linear time on runs as an automaton instead.
  if (!analysis.safe && "node" in result) {
    // The pattern runs only on a value whose length passed, so the program may rely on the maximum.
    const linear = linearProgram(result.node, maxLength);
    if (!linear.ok) {
      const message = `The @pattern ${str(source)} of ${where} can take super-linear time to match (${analysis.kind}) and cannot run as a linear-time automaton: ${linear.problem}; it is not checked`;
      if (!ctx.diags) throw new Error(message);
      ctx.diags.warning("PATTERN_SUPERLINEAR", message, { hint: "Rewrite the pattern so that no two ways of matching overlap, or validate this value yourself." });
      ctx.patterns.set(lengthKey, null);
      return null;
    }
    const name = constName("nfa_");
    const program = linear.program;
    const attack = analysis.attack ? ` (e.g. on ${str(analysis.attack.prefix + analysis.attack.pump.repeat(3) + "…" + analysis.attack.suffix)})` : "";
    // The program's arrays as prettier lays them out (layout.ts arrayProperty: numbers filled).
    const array = (key: string, items: readonly (number | string)[]) => arrayProperty(2, key, items.map(String), ctx.f);
    append(ctx.patternDecls, [
      `// ${str(source).slice(1, -1).replace(/\*\//g, "*\\/")} backtracks ${analysis.kind === "too large" ? "beyond analysis" : analysis.kind === "exponential" ? "exponentially" : "polynomially"}${attack.replace(/\n/g, "\\n")}:`,
      "// it runs as a linear-time automaton (linear-find.ts).",
      `const ${name}: ${ctx.f.importType("LinearProgram", "./linear-find.js")} = {`,
      `  start: ${program.start},`,
      ...array("code", program.code),
      ...array("classes", program.classes),
      ...array("tests", program.tests),
      ...array("testAt", program.testAt),
      ...array("counters", program.counters),
      ...array("ascii", program.ascii),
      ...array("groups", program.groups),
      "};",
    ]);
    const find = ctx.f.import("linearFind", "./linear-find.js");
    const test = (v: string): string => `${find}(${name}, ${v})`;
    ctx.patterns.set(lengthKey, test);
    return test;
  }
  const name = constName("re_");
  ctx.patternDecls.push(`const ${name} = /${result.source}/u;`);
  const test = (v: string): string => `${name}.test(${v})`;
  ctx.patterns.set(key, test);
  return test;
}

/** Range (with exclusive bounds) and multipleOf of a value known to be a number. */
function numberChecks(ctx: Ctx, scope: Scope, constraints: Constraints, site: Site): string[] {
  const lines: string[] = [];
  const range = constraints.range;
  if (range && (range.min !== undefined || range.max !== undefined)) {
    const { min, max } = range;
    const lo = min === undefined ? undefined : { op: range.exclusiveMin ? ">" : ">=", text: range.exclusiveMin ? "greater than" : "greater than or equal to", n: num(min) };
    const hi = max === undefined ? undefined : { op: range.exclusiveMax ? "<" : "<=", text: range.exclusiveMax ? "less than" : "less than or equal to", n: num(max) };
    const ok = [lo && `${site.v} ${lo.op} ${lo.n}`, hi && `${site.v} ${hi.op} ${hi.n}`].filter((x) => x).join(" && ");
    let rule: string;
    if (lo && hi && !!range.exclusiveMin === !!range.exclusiveMax) {
      rule = `between ${lo.n} and ${hi.n}, ${range.exclusiveMin ? "exclusive" : "inclusive"}`;
    } else {
      rule = [lo && `${lo.text} ${lo.n}`, hi && `${hi.text} ${hi.n}`].filter((x) => x).join(" and ");
    }
    lines.push(`if (!(${ok})) {`, `  ${ctx.f.import("failRange", RUNTIME)}(${site.out}, ${site.p}, ${str(rule)});`, "}");
  }
  const m = constraints.multipleOf;
  if (m !== undefined && m > 0) {
    const fail = failure(ctx, site, "multipleOf", `Member must be a multiple of ${num(m)}`);
    if (Number.isInteger(m)) {
      lines.push(`if (${site.v} % ${num(m)} !== 0) {`, `  ${fail}`, "}");
    } else {
      // A fractional divisor is inexact in binary (0.3 / 0.1 = 2.9999999999999996): allow a relative error.
      const q = scope.fresh("q");
      lines.push(
        `const ${q} = ${site.v} / ${num(m)};`,
        `if (!(Math.abs(${q} - Math.round(${q})) <= 1e-9 * Math.max(1, Math.abs(${q})))) {`,
        `  ${fail}`,
        "}",
      );
    }
  }
  return lines;
}

/** A range bound as the model wrote it: its exact text, or the float64 it is. */
function boundText(range: NonNullable<Constraints["range"]>, which: "min" | "max"): string | undefined {
  const text = which === "min" ? range.minText : range.maxText;
  const value = range[which];
  if (text !== undefined) return text;
  return value === undefined || !Number.isFinite(value) ? undefined : numberText(value);
}

/** The range rule as messages say it: `between 1 and 10, inclusive`, `greater than 0`. */
function rangeRule(range: NonNullable<Constraints["range"]>, lo: string | undefined, hi: string | undefined): string {
  if (lo !== undefined && hi !== undefined && !!range.exclusiveMin === !!range.exclusiveMax) {
    return `between ${lo} and ${hi}, ${range.exclusiveMin ? "exclusive" : "inclusive"}`;
  }
  return [
    lo !== undefined && `${range.exclusiveMin ? "greater than" : "greater than or equal to"} ${lo}`,
    hi !== undefined && `${range.exclusiveMax ? "less than" : "less than or equal to"} ${hi}`,
  ].filter((x) => x).join(" and ");
}

/**
 * Range and multipleOf of a bigint, against bigint literals: a fractional bound is rounded to the
 * integers it admits (`@range(min: 1.5)` → `v >= 2n`), so the comparison is exact.
 */
function bigIntegerChecks(ctx: Ctx, constraints: Constraints, site: Site): string[] {
  const lines: string[] = [];
  const range = constraints.range;
  const lo = range && boundText(range, "min");
  const hi = range && boundText(range, "max");
  if (range && (lo !== undefined || hi !== undefined)) {
    // v > m ⟺ v > floor(m); v ≥ m ⟺ v ≥ ceil(m); v < m ⟺ v < ceil(m); v ≤ m ⟺ v ≤ floor(m).
    const loInt = lo === undefined ? undefined : integerText(lo, range.exclusiveMin ? "floor" : "ceil");
    const hiInt = hi === undefined ? undefined : integerText(hi, range.exclusiveMax ? "ceil" : "floor");
    const ok = [
      loInt !== undefined && `${site.v} ${range.exclusiveMin ? ">" : ">="} ${loInt}n`,
      hiInt !== undefined && `${site.v} ${range.exclusiveMax ? "<" : "<="} ${hiInt}n`,
    ].filter((x) => x);
    if (ok.length > 0) {
      lines.push(`if (!(${ok.join(" && ")})) {`, `  ${ctx.f.import("failRange", RUNTIME)}(${site.out}, ${site.p}, ${str(rangeRule(range, lo, hi))});`, "}");
    }
  }
  const m = constraints.multipleOf;
  if (m !== undefined && m > 0) {
    const fail = failure(ctx, site, "multipleOf", `Member must be a multiple of ${num(m)}`);
    const divisor = Number.isInteger(m) ? integerText(numberText(m), "exact") : undefined;
    // OpenAPI's multipleOf only (Smithy has none); a fractional divisor is checked on the nearest float64.
    const test = divisor !== undefined ? `${site.v} % ${divisor}n !== 0n` : `Number(${site.v}) % ${num(m)} !== 0`;
    lines.push(`if (${test}) {`, `  ${fail}`, "}");
  }
  return lines;
}

/** Range of a decimal text (already known to be one), compared exactly with the bounds' text. */
function bigDecimalChecks(ctx: Ctx, constraints: Constraints, site: Site): string[] {
  const range = constraints.range;
  const lo = range && boundText(range, "min");
  const hi = range && boundText(range, "max");
  if (!range || (lo === undefined && hi === undefined)) return [];
  const cmp = ctx.f.import("compareDecimalText", "./big-numbers.js");
  const ok = [
    lo !== undefined && `${cmp}(${site.v}, ${str(lo)}) ${range.exclusiveMin ? ">" : ">="} 0`,
    hi !== undefined && `${cmp}(${site.v}, ${str(hi)}) ${range.exclusiveMax ? "<" : "<="} 0`,
  ].filter((x) => x);
  return [`if (!(${ok.join(" && ")})) {`, `  ${ctx.f.import("failRange", RUNTIME)}(${site.out}, ${site.p}, ${str(rangeRule(range, lo, hi))});`, "}"];
}

/** Reads a member of an object known to be a plain object; inherited names only when own. */
function readMember(ctx: Ctx, obj: string, name: string): string {
  if (!isInheritedName(name)) return propertyAccess(obj, name);
  const hasOwn = ctx.f.import("hasOwn", RUNTIME);
  // Parenthesized wherever it is used: prettier drops the parentheses where they are not needed.
  ctx.f.unsure(`a member with an inherited name (${name}), read in parentheses`);
  return `(${hasOwn}(${obj}, ${str(name)}) ? ${obj}[${str(name)}] : undefined)`;
}

/** Lines checking one structure or union member: required / null handling, then its target. */
function memberCheck(ctx: Ctx, scope: Scope, owner: Shape, member: Member, required: boolean): string[] {
  const target = shapeOf(ctx.model, member.target);
  const v = scope.fresh("v");
  const site: Site = {
    v,
    p: `path + ${str("/" + pointerSegment(member.name))}`,
    out: "out",
    owner: ownerKey(member, owner),
  };
  const checks = checkRef(ctx, scope, target, member.constraints, site);
  const call = memberCall(ctx, member, required, v, site, checks);
  if (call !== undefined) return [call];
  const read = `const ${v}${isInheritedName(member.name) ? ": unknown" : ""} = ${readMember(ctx, "value", member.name)};`;
  if (!required) {
    if (checks.length === 0) return [];
    return [read, ...guarded(`if (${v} != null)`, checks)];
  }
  const missing = member.nullable ? `${v} === undefined` : `${v} == null`;
  const fail = requiredFailure(ctx, site);
  if (checks.length === 0) return [read, `if (${missing}) ${fail}`];
  const rest = member.nullable ? guarded(`else if (${v} !== null)`, checks) : guarded("else", checks);
  if (rest.length === 1) return [read, `if (${missing}) ${fail}`, rest[0]!];
  return [read, `if (${missing}) {`, `  ${fail}`, `} ${rest[0]!}`, ...rest.slice(1)];
}

/**
 * The member as one statement, `checkMember(value, path, out, "Name", validateName);` (or
 * `checkRequired(...)`, whose check may be absent), when its checks are at most one call of a
 * check function at the member's place and the member needs nothing else: not nullable, a name
 * read as `value.Name` and written as it is in the path. The runtime helper does what the lines
 * of `memberCheck` would (read, `== null` test, required failure, call), and one call is the form
 * tsc checks fastest: each local, `if` and reference of `value`, `path` and `out` is a step of
 * its control-flow analysis over the whole function (Cognito's validators.ts: tsc's checker
 * work 4.57M -> 3.22M function calls, 16,629 -> ~10,700 expressions checked).
 */
function memberCall(ctx: Ctx, member: Member, required: boolean, v: string, site: Site, checks: readonly string[]): string | undefined {
  if (member.nullable || isInheritedName(member.name) || pointerSegment(member.name) !== member.name) return undefined;
  const read = propertyAccess("value", member.name);
  const place = str("/" + member.name);
  if (checks.length === 0) return required ? `${ctx.f.import("checkRequired", RUNTIME)}(${read}, path, ${place}, out);` : undefined;
  const prefix = "(" + v + ", " + site.p + ", " + site.out + ");";
  const check = checks.length === 1 && checks[0]!.endsWith(prefix) ? checks[0]!.slice(0, -prefix.length) : undefined;
  if (check === undefined || !/^[\w$]+$/.test(check)) return undefined;
  return `${ctx.f.import(required ? "checkRequired" : "checkMember", RUNTIME)}(${read}, path, ${place}, out, ${check});`;
}

/**
 * `<head> <call>;` when the checks are one call (most members: `if (v1 != null) $checkLong(v1, ...);`),
 * else `<head> {`, the checks, `}`.
 */
function guarded(head: string, checks: readonly string[]): string[] {
  if (checks.length === 1 && /^[\w$.]+\(.*\);$/.test(checks[0]!)) return [`${head} ${checks[0]!}`];
  return [`${head} {`, ...indent(checks), "}"];
}

/** The owner of a member's constraints: its target's id unless the member adds its own pattern. */
function ownerKey(member: Member, owner: Shape): string {
  return member.constraints.pattern !== undefined ? `${owner.id}\n${member.name}` : member.target;
}

/**
 * The owner of the constraints at a list member, map key or value: the target's id unless the
 * reference adds its own pattern (then the pattern const is named after the container and position).
 */
function refOwner(container: Shape, position: string, own: Constraints | undefined, target: Shape): string {
  return own?.pattern !== undefined ? `${container.id}\n${position}` : target.id;
}

/** Target constraints with the member's on top, key by key. */
function merge(target: Constraints, member: Constraints): Constraints {
  if (Object.keys(member).length === 0) return target;
  return { ...target, ...member };
}

/** Guard of an aggregate body: a plain object, else a type failure and return. */
function objectGuard(ctx: Ctx, scope: Scope, shape: Shape): string[] {
  const site: Site = { v: "value", p: "path", out: "out", owner: shape.id };
  return [`if (!${ctx.f.import("isPlainObject", RUNTIME)}(value)) {`, `  ${typeFailure(ctx, site, "object")}`, `  ${scope.ret}`, "}"];
}

/** Structure: each member in declared order, then `additionalProperties` when it has a schema. */
function structureBody(ctx: Ctx, scope: Scope, shape: StructureShape): string[] {
  const lines = objectGuard(ctx, scope, shape);
  // A structure with hundreds of members (DocuSign's settings) would make one function too large
  // for TypeScript's control-flow analysis (TS2563): check each slice in a local arrow function.
  const slice = shape.members.length > 150 ? 100 : shape.members.length;
  for (let i = 0; i < shape.members.length; i += slice) {
    const checks: string[] = [];
    for (const member of shape.members.slice(i, i + slice)) append(checks, memberCheck(ctx, scope, shape, member, member.required));
    if (slice === shape.members.length) append(lines, checks);
    else {
      // Not an IIFE: TypeScript inlines those into the enclosing flow graph.
      const part = scope.fresh("part");
      append(lines, [`const ${part} = (): void => {`, ...indent(checks), "};", `${part}();`]);
    }
  }
  const extra = shape.additionalProperties;
  if (extra !== undefined && extra !== true) {
    const target = shapeOf(ctx.model, extra.target);
    const k = scope.fresh("k");
    const e = scope.fresh("e");
    const own = extra.constraints;
    const site: Site = { v: e, p: `path + "/" + ${ctx.f.import("pointerSegment", RUNTIME)}(${k})`, out: "out", owner: refOwner(shape, "additionalProperties", own, target) };
    const checks = checkRef(ctx, scope, target, own, site);
    if (checks.length > 0) {
      const skip = shape.members.length === 0 ? [] : ["switch (" + k + ") {", ...shape.members.map((m) => `  case ${str(m.name)}:`), "    continue;", "}"];
      append(lines, [
        `for (const ${k} in value) {`,
        `  if (!${ctx.f.import("hasOwn", RUNTIME)}(value, ${k})) continue;`,
        ...indent(skip),
        `  const ${e} = value[${k}];`,
        ...indent(nullable(extra.nullable === true, e, checks)),
        "}",
      ]);
    }
  }
  return lines;
}

/** Wraps checks of a possibly-null value: `null` passes when the reference is nullable. */
function nullable(allowed: boolean, v: string, checks: string[]): string[] {
  return allowed ? [`if (${v} !== null) {`, ...indent(checks), "}"] : checks;
}

/** Union: exactly one member set (a non-null value), known; then the set member's checks. */
function unionBody(ctx: Ctx, scope: Scope, shape: UnionShape): string[] {
  const lines = objectGuard(ctx, scope, shape);
  const set = scope.fresh("set");
  const known = scope.fresh("known");
  const k = scope.fresh("k");
  const hasOwn = ctx.f.import("hasOwn", RUNTIME);
  const site: Site = { v: "value", p: "path", out: "out", owner: shape.id };
  const memberNames = shape.members.map((m) => m.name);
  append(lines, [
    `let ${set} = 0;`,
    `let ${known} = 0;`,
    `for (const ${k} in value) {`,
    `  if (!${hasOwn}(value, ${k}) || value[${k}] == null) continue;`,
    `  ${set}++;`,
    ...(memberNames.length === 0 ? [] : indent(["switch (" + k + ") {", ...memberNames.map((n) => `  case ${str(n)}:`), `    ${known}++;`, "}"])),
    "}",
    `if (${set} !== 1 || ${known} !== 1) {`,
    `  ${failure(ctx, site, "union", `Member must have exactly one of [${memberNames.join(", ")}] set`)}`,
    "}",
  ]);
  for (const member of shape.members) append(lines, memberCheck(ctx, scope, shape, member, false));
  return lines;
}

/** List: each item at `path/<index>`. */
function listBody(ctx: Ctx, scope: Scope, shape: ListShape): string[] {
  const site: Site = { v: "value", p: "path", out: "out", owner: shape.id };
  const target = shapeOf(ctx.model, shape.member.target);
  const i = scope.fresh("i");
  const e = scope.fresh("e");
  const own = shape.member.constraints;
  const checks = checkRef(ctx, scope, target, own, { v: e, p: `path + "/" + ${i}`, out: "out", owner: refOwner(shape, "member", own, target) });
  const lines = [`if (!Array.isArray(value)) {`, `  ${typeFailure(ctx, site, "array")}`, `  ${scope.ret}`, "}"];
  if (checks.length === 0) return lines;
  const list = scope.fresh("list");
  return [
    ...lines,
    `const ${list}: readonly unknown[] = value;`,
    `for (let ${i} = 0; ${i} < ${list}.length; ${i}++) {`,
    `  const ${e} = ${list}[${i}];`,
    ...indent(nullable(shape.member.nullable === true, e, checks)),
    "}",
  ];
}

/** Map: key constraints reported at the map's path (as Smithy does), values at `path/<key>`. */
function mapBody(ctx: Ctx, scope: Scope, shape: MapShape): string[] {
  const lines = objectGuard(ctx, scope, shape);
  const k = scope.fresh("k");
  const e = scope.fresh("e");
  const keyShape = shapeOf(ctx.model, shape.key.target);
  const valueShape = shapeOf(ctx.model, shape.value.target);
  const keyOwn = shape.key.constraints;
  const keySite: Site = { v: k, p: "path", out: "out", owner: refOwner(shape, "key", keyOwn, keyShape), knownString: true };
  const keyChecks = checkShape(ctx, scope, keyShape, keyOwn === undefined ? keyShape.constraints : merge(keyShape.constraints, keyOwn), keySite);
  const valuePath = `path + "/" + pointerSegment(${k})`;
  const valueOwn = shape.value.constraints;
  const valueSite: Site = { v: e, p: valuePath, out: "out", owner: refOwner(shape, "value", valueOwn, valueShape) };
  const valueChecks = checkRef(ctx, scope, valueShape, valueOwn, valueSite);
  if (valueChecks.length > 0) ctx.f.import("pointerSegment", RUNTIME);
  if (keyChecks.length === 0 && valueChecks.length === 0) return lines;
  const body = [...keyChecks];
  if (valueChecks.length > 0) append(body, [`const ${e} = value[${k}];`, ...nullable(shape.value.nullable === true, e, valueChecks)]);
  return [
    ...lines,
    `for (const ${k} in value) {`,
    `  if (!${ctx.f.import("hasOwn", RUNTIME)}(value, ${k})) continue;`,
    ...indent(body),
    "}",
  ];
}

/** Alternatives: the discriminator selects the variant; otherwise count the variants that pass. */
function alternativesBody(ctx: Ctx, scope: Scope, shape: AlternativesShape): string[] {
  const site: Site = { v: "value", p: "path", out: "out", owner: shape.id };
  const lines: string[] = [];
  if (shape.variants.some((r) => r.nullable)) lines.push(`if (value === null) ${scope.ret}`);
  const variantCheck = (target: ShapeId, out: string): string[] => {
    const s = shapeOf(ctx.model, target);
    return checkRef(ctx, scope, s, undefined, { v: "value", p: "path", out, owner: s.id });
  };
  const disc = shape.discriminator;
  if (disc && disc.mapping.length > 0) {
    append(lines, objectGuard(ctx, scope, shape));
    const d = scope.fresh("d");
    const dSite: Site = { v: d, p: `path + ${str("/" + pointerSegment(disc.propertyName))}`, out: "out", owner: shape.id };
    lines.push(`const ${d}: unknown = ${readMember(ctx, "value", disc.propertyName)};`, `switch (${d}) {`);
    for (const { value, target } of disc.mapping) {
      append(lines, [`  case ${str(value)}: {`, ...indent(variantCheck(target, "out"), 2), `    ${scope.ret}`, "  }"]);
    }
    lines.push(
      "}",
      `if (${d} == null) {`,
      `  ${requiredFailure(ctx, dSite)}`,
      "} else {",
      `  ${ctx.f.import("failEnum", RUNTIME)}(${dSite.out}, ${dSite.p}, ${str(`[${disc.mapping.map((m) => m.value).join(", ")}]`)});`,
      "}",
    );
    return lines;
  }
  const shown = shape.variants.map((r) => variantName(ctx, r.target));
  const matched = scope.fresh("matched");
  lines.push(`let ${matched} = 0;`);
  for (const variant of shape.variants) {
    const f = scope.fresh("f");
    const checks = variantCheck(variant.target, f);
    if (checks.length === 0) {
      lines.push(`${matched}++;`);
      continue;
    }
    append(lines, ["{", `  const ${f}: ValidationFailure[] = [];`, ...indent(checks), `  if (${f}.length === 0) ${matched}++;`, "}"]);
  }
  const rule = shape.exclusive ? `Member must match exactly one of [${shown.join(", ")}]` : `Member must match at least one of [${shown.join(", ")}]`;
  lines.push(`if (${matched} ${shape.exclusive ? "!== 1" : "=== 0"}) {`, `  ${failure(ctx, site, "union", rule)}`, "}");
  return lines;
}

/**
 * A variant as the failure message of alternatives names it: the type it is declared as
 * (`Names.declaredAs`: an inline twin's type is its twin's), so alternatives whose variants are
 * twins print the same checks and share one function.
 */
function variantName(ctx: Ctx, id: ShapeId): string {
  return ctx.names.isInline(id) ? shapeOf(ctx.model, id).name : ctx.names.type(ctx.names.declaredAs(id));
}

/** Indents lines by `depth` levels of two spaces (blank lines stay blank). */
function indent(lines: readonly string[], depth = 1): string[] {
  const pad = "  ".repeat(depth);
  return lines.map((l) => (l === "" ? "" : pad + l));
}

/** A string literal. */
function str(value: string): string {
  return JSON.stringify(value);
}

/** A number as a literal and as messages show it (`2.2`, `-5`, `128`). */
function num(value: number): string {
  return String(value);
}

/** Makes text safe inside a block comment. */
function comment(text: string): string {
  return text.replace(/\*\//g, "*\\/");
}

/** Exhaustiveness guard: a new shape kind fails to compile here. */
function unreachable(value: never): never {
  throw new Error(`internal: unexpected shape ${JSON.stringify(value)}`);
}
