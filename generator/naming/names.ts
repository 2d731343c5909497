// The naming phase: every TypeScript name of a model's output is assigned here, at once.
//
//   shapes ns#Foo, ns#foo, ns#Array, ns#x-y   →   types Foo, foo, Array_, X_y
//   operation InitiateAuth                     →   serializeInitiateAuthRequest, deserializeInitiateAuthResponse,
//                                                  InitiateAuthError (the union of its error classes)
//
// Emitters only ask; they never invent names. Collisions are resolved deterministically (in
// shape-id order, later ones get `_2`, `_3`, ...) and each rename is reported as a diagnostic.

import type { Diagnostics } from "../diagnostics.js";
import type { ResolvedModel, Shape, ShapeId } from "../model/ir.js";
import { EXCLUSIVE_VARIANTS } from "../limits.js";
import { isReserved } from "./reserved.js";
import { sameForm, wholeForms, type Form } from "../passes/same-form.js";

export interface Names {
  /** Is the shape printed inline as a primitive (prelude) rather than as a named type? */
  isInline(id: ShapeId): boolean;
  /** The exported type name of a named shape. */
  type(id: ShapeId): string;
  /** The validator function of a shape: `validate<Type>`. */
  validator(id: ShapeId): string;
  /** The log-safe view function of a shape: `redact<Type>`. */
  redactor(id: ShapeId): string;
  /**
   * A codec's module-private function for a shape: `codecFunction("json", id)` → `json_<Type>`.
   * No type name can start with a codec prefix, so these never clash with types.
   */
  codecFunction(codec: CodecPrefix, id: ShapeId): string;
  /** The serializer function of an operation: `serialize<Operation>Request`. */
  serializer(operationId: ShapeId): string;
  /** The deserializer function of an operation: `deserialize<Operation>Response`. */
  deserializer(operationId: ShapeId): string;
  /** The type of the errors an operation's deserializer throws: `<Operation>Error` (a type name, unique among types). */
  operationError(operationId: ShapeId): string;
  /**
   * The interface of a union's variant keys, all `?: never`, for a union of more than
   * EXCLUSIVE_VARIANTS variants (generator/limits.ts): `<Union>Keys` (a type name, unique among types).
   */
  unionKeys(unionId: ShapeId): string;
  /**
   * The shape whose declaration a shape's type is: itself, or, for a shape named after where it
   * stands (`derivedName`), a twin of the same form, docs and all (generator/passes/same-form.ts):
   * types.ts declares `type X = Twin`, and code that reads or writes an `X` calls the twin's functions.
   */
  declaredAs(id: ShapeId): ShapeId;
}

const PRELUDE = "smithy.api#";
/** Type names that look like generated function names would clash with them. */
const FUNCTION_PREFIX = /^(validate|redact|serialize|deserialize)[A-Z_]|^(json|xml|query|cbor|error|build)_/;

/** The codecs that print per-shape functions (see `codecFunction`); `error` reads an error's members from a response, `build` is the builder of its class. */
export type CodecPrefix = "json" | "xml" | "query" | "cbor" | "error" | "build";

/** Turns any model name into a valid identifier: `x-y` → `X_y`, `0abc` → `_0abc`. */
export function toIdentifier(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_$]+(.)?/g, (_m, next: string | undefined) => (next ? "_" + next.toUpperCase() : ""));
  if (id === "") id = "_";
  if (/^[0-9]/.test(id)) id = "_" + id;
  return id;
}

export function assignNames(model: ResolvedModel, diags: Diagnostics): Names {
  const types = new Map<ShapeId, string>();
  const taken = new Set<string>();
  // Base → the last of its candidates (0: `base`, 1: `base_`, i: `base_i`) that a claim took:
  // the ones before it are taken or reserved for good, so the next claim of the base starts after
  // it (20,000 shapes named `Same` in as many namespaces: not 20,000²/2 tries).
  const lastTry = new Map<string, number>();
  const claim = (wanted: string, what: string): string => {
    // A type named like a generated function (`validateFoo`) can never lose that prefix by a
    // suffix: capitalise it (`ValidateFoo`) first, then add suffixes as for any other name.
    const base = FUNCTION_PREFIX.test(wanted) ? upperFirst(wanted) : wanted;
    // Candidates: 0 `base`, 1 `base_`, i `base_i` (no closure per claim: every shape passes here).
    let i = (lastTry.get(base) ?? -1) + 1;
    let name = candidateName(base, i);
    while (isReserved(name) || FUNCTION_PREFIX.test(name) || taken.has(name)) name = candidateName(base, ++i);
    lastTry.set(base, i);
    taken.add(name);
    if (name !== wanted) {
      diags.add({
        code: "NAME_RENAMED",
        severity: "info",
        message: `${what} is generated as \`${name}\`: \`${wanted}\` is reserved or already taken`,
      });
    }
    return name;
  };
  const named = [...model.shapes.values()].filter((s) => !s.id.startsWith(PRELUDE));
  named.sort((a, b) => compare(a.id, b.id));
  for (const shape of named) types.set(shape.id, claim(toIdentifier(shape.name), `Shape \`${shape.id}\``));

  // Function names: the prefix keeps them apart from types; the type names are already unique.
  const serializers = new Map<ShapeId, string>();
  const fnTaken = new Set<string>();
  // Operation name → the last suffix taken (as `lastTry` above).
  const lastSuffix = new Map<string, number>();
  for (const op of [...model.operations].sort((a, b) => compare(a.id, b.id))) {
    const base = `serialize${upperFirst(toIdentifier(op.name))}Request`;
    let i = lastSuffix.get(base) ?? 1;
    let name = i === 1 ? base : `${base}_${i}`;
    while (fnTaken.has(name)) name = `${base}_${++i}`;
    lastSuffix.set(base, i);
    fnTaken.add(name);
    serializers.set(op.id, name);
  }

  // Deserializers mirror the serializers' names (same suffixes for the same collisions).
  const deserializers = new Map<ShapeId, string>([...serializers].map(([id, name]) => [id, name.replace(/^serialize/, "deserialize").replace(/Request(_\d+)?$/, "Response$1")]));
  // `<Op>Error` lives beside the types (errors.ts, re-exported by index.ts): claimed after them.
  const operationErrors = new Map<ShapeId, string>();
  for (const op of [...model.operations].sort((a, b) => compare(a.id, b.id))) {
    operationErrors.set(op.id, claim(`${upperFirst(toIdentifier(op.name))}Error`, `The error type of operation \`${op.id}\``));
  }

  // A large union's keys interface (types.ts): claimed after the types, as the errors are.
  const unionKeys = new Map<ShapeId, string>();
  for (const shape of named) {
    if (shape.type === "union" && shape.members.length > EXCLUSIVE_VARIANTS) unionKeys.set(shape.id, claim(`${types.get(shape.id)!}Keys`, `The keys interface of union \`${shape.id}\``));
  }

  const typeName = (id: ShapeId): string => {
    const name = types.get(id);
    if (name === undefined) throw new Error(`internal: no type name for ${id}`);
    return name;
  };
  // `validate` + the type name as is: `Foo` and `foo` give `validateFoo` and `validatefoo`.
  const fnSuffix = (id: ShapeId): string => (types.has(id) ? typeName(id) : "_" + id.slice(PRELUDE.length));
  // Asked for by the first emitter that needs it, then kept for the run (this object's life).
  let twins: ReadonlyMap<ShapeId, ShapeId> | undefined;
  return {
    declaredAs: (id) => (twins ??= sameDeclarations(model, typeName)).get(id) ?? id,
    isInline: (id) => id.startsWith(PRELUDE),
    type: typeName,
    validator: (id) => `validate${fnSuffix(id)}`,
    redactor: (id) => `redact${fnSuffix(id)}`,
    codecFunction: (codec, id) => `${codec}_${fnSuffix(id)}`,
    serializer: (id) => {
      const name = serializers.get(id);
      if (name === undefined) throw new Error(`internal: no serializer name for ${id}`);
      return name;
    },
    deserializer: (id) => {
      const name = deserializers.get(id);
      if (name === undefined) throw new Error(`internal: no deserializer name for ${id}`);
      return name;
    },
    unionKeys: (id) => {
      const name = unionKeys.get(id);
      if (name === undefined) throw new Error(`internal: no keys interface name for ${id}`);
      return name;
    },
    operationError: (id) => {
      const name = operationErrors.get(id);
      if (name === undefined) throw new Error(`internal: no error type name for ${id}`);
      return name;
    },
  };
}

/**
 * Shapes named after where they stand (`derivedName`: OpenAPI inline schemas) whose declarations
 * would say the same as another shape's (`wholeForm`), each mapped to that shape: a shape the
 * model names if there is one, else the one of the shortest name. Shapes the model names and
 * errors are their own.
 */
function sameDeclarations(model: ResolvedModel, typeName: (id: ShapeId) => string): ReadonlyMap<ShapeId, ShapeId> {
  const all = [...model.shapes.values()].filter((s) => !s.id.startsWith(PRELUDE));
  if (!all.some((s) => s.derivedName)) return new Map();
  // Named shapes first, then by the length of the type name, then by id (the keys computed once).
  const keyed = all.map((shape) => ({ shape, rank: shape.derivedName ? 1 : 0, length: typeName(shape.id).length }));
  keyed.sort((a, b) => a.rank - b.rank || a.length - b.length || compare(a.shape.id, b.shape.id));
  const forms = wholeForms(keyed.map((k) => k.shape));
  // A shape alone with its own form and number of references is a class of its own whatever its
  // references are: left out of the refinement, where a shape outside the list given is a class
  // of its own too (the same classes for the others; Stripe: 2,168 of 8,265 shapes).
  // By key: a shape alone with its key is alone with its key and count too (shapes of one key
  // with different counts, were there any, all stay in).
  const seen = new Map<string, Form | "more">();
  for (const form of forms.values()) seen.set(form.key, seen.has(form.key) ? "more" : form);
  const shapes: Shape[] = [];
  for (const { shape } of keyed) if (seen.get(forms.get(shape)!.key) === "more") shapes.push(shape);
  const first = sameForm(shapes, (shape) => forms.get(shape)!);
  // An error keeps its own declaration: errors.ts makes a class of it.
  const errors = new Set<ShapeId>();
  for (const op of model.operations) for (const e of op.errors) errors.add(e);
  const out = new Map<ShapeId, ShapeId>();
  for (const [id, rep] of first) if (id !== rep && model.shapes.get(id)!.derivedName && !errors.has(id)) out.set(id, rep);
  return out;
}

/** The `i`-th name `assignNames` tries for `base`: `base`, `base_`, `base_2`, ... */
function candidateName(base: string, i: number): string {
  return i === 0 ? base : i === 1 ? base + "_" : `${base}_${i}`;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A property key as TypeScript prints it: `Name`, or `"x-y"` when not an identifier. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/**
 * Names every object inherits (`constructor`, `__proto__`, `toString`, ...): the own properties
 * of `Object.prototype`, listed here rather than read from the running engine, so the output
 * does not depend on the Node version that generates it.
 */
const INHERITED: ReadonlySet<string> = new Set([
  "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
  "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString",
  "toString", "valueOf",
]);

/** Does every plain object inherit a property of this name? Then generated code reads it only when own. */
export function isInheritedName(name: string): boolean {
  return INHERITED.has(name);
}

/**
 * Reads a property in generated code: `v.Name`, `v["x-y"]`, or, for a name every object
 * inherits (`constructor`, `__proto__`), only an own property, so that an absent member does
 * not read as `Object` or `Object.prototype`.
 */
export function propertyAccess(target: string, name: string): string {
  if (INHERITED.has(name)) {
    const key = JSON.stringify(name);
    return `(Object.prototype.hasOwnProperty.call(${target}, ${key}) ? ${target}[${key}] : undefined)`;
  }
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${target}.${name}` : `${target}[${JSON.stringify(name)}]`;
}

export type { Shape };
