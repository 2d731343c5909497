// Reports every reference to a shape that does not exist, with the nearest known id as a hint.
//
//   member `ns#A$b` → target "ns#Strng"  →  SMITHY_UNKNOWN_TARGET at its position,
//   hint "Did you mean `ns#String`?"  (prelude ids count as known)

import type { Diagnostics } from "../diagnostics.js";
import type { AstShape } from "./ast.js";
import { nearestId } from "../suggest.js";
import { whereIs, type SmithyModel } from "./assemble.js";

export function checkReferences(model: SmithyModel, isKnownPrelude: (id: string) => boolean, preludeIds: readonly string[] | (() => readonly string[]), diags: Diagnostics): void {
  const exists = (id: string) => model.shapes.has(id) || isKnownPrelude(id);
  const report = (owner: string, target: string, what: string, path: (string | number)[]) => {
    if (exists(target)) return;
    const near = nearestId(target, [...model.shapes.keys(), ...(typeof preludeIds === "function" ? preludeIds() : preludeIds)]);
    diags.error("SMITHY_UNKNOWN_TARGET", `${what} targets \`${target}\`, which is not defined`, {
      ...whereIs(model, owner, ...path),
      hint: near ? `Did you mean \`${near}\`?` : "Define the shape or fix the shape id.",
    });
  };
  // forEach: a for-of over the entries allocates an array per shape.
  model.shapes.forEach((shape, id) => {
    // Paths and labels are made only for a shape with a reference to report.
    if (everyRef(shape, exists)) return;
    forEachRef(shape, (target, path, label) => report(id, target, `${label} of \`${id}\``, path));
  });
}

/** Whether an optional `{ target }` is absent or passes `test`. */
function passes(ref: { target: string } | undefined, test: (id: string) => boolean): boolean {
  return ref === undefined || test(ref.target);
}

/** Whether every target of `refs` (a name → `{ target }` record) passes `test`. */
function everyRefIn(refs: Record<string, { target: string }> | undefined, test: (id: string) => boolean): boolean {
  if (refs === undefined) return true;
  for (const name in refs) if (Object.prototype.hasOwnProperty.call(refs, name) && !test((refs[name] as { target: string }).target)) return false;
  return true;
}

/** Whether every target of a list of `{ target }` passes `test`. */
function everyRefOf(list: readonly { target: string }[] | undefined, test: (id: string) => boolean): boolean {
  if (list !== undefined) for (const ref of list) if (!test(ref.target)) return false;
  return true;
}

/** Whether every shape reference of `shape` passes `test` (forEachRef's references, nothing allocated: this runs for every shape). */
function everyRef(shape: AstShape, test: (id: string) => boolean): boolean {
  return (
    passes(shape.member, test) &&
    passes(shape.key, test) &&
    passes(shape.value, test) &&
    everyRefIn(shape.members, test) &&
    everyRefIn(shape.identifiers, test) &&
    everyRefIn(shape.properties, test) &&
    passes(shape.input, test) &&
    passes(shape.output, test) &&
    passes(shape.create, test) &&
    passes(shape.put, test) &&
    passes(shape.read, test) &&
    passes(shape.update, test) &&
    passes(shape.delete, test) &&
    passes(shape.list, test) &&
    everyRefOf(shape.operations, test) &&
    everyRefOf(shape.resources, test) &&
    everyRefOf(shape.errors, test) &&
    everyRefOf(shape.mixins, test) &&
    everyRefOf(shape.collectionOperations, test)
  );
}

/** An operation's input and output must be structures (Smithy's rule; found by the fuzzer: a number crashed the serializers). */
export function checkOperationTargets(model: SmithyModel, shapeOf: (id: string) => AstShape | undefined, diags: Diagnostics): void {
  model.shapes.forEach((shape, id) => {
    if (shape.type !== "operation") return;
    for (const key of ["input", "output"] as const) {
      const target = shape[key]?.target;
      const type = target === undefined ? undefined : shapeOf(target)?.type;
      if (type === undefined || type === "structure") continue;
      diags.error("SMITHY_OPERATION_TARGET", `The ${key} of operation \`${id}\` targets \`${target}\`, a${/^[aeiou]/.test(type) ? "n" : ""} ${type}; it must be a structure`, {
        ...whereIs(model, id, key, "target"),
        hint: `Target a structure (for example \`${key}: ${id.split("#")[1]}${key === "input" ? "Input" : "Output"}\`), or \`smithy.api#Unit\` for none.`,
      });
    }
  });
}

/**
 * A member, list member, map key or value, or an operation's input, output or error must not
 * target an aggregate shape of the prelude other than `smithy.api#Unit`: those are trait
 * definitions (`smithy.api#input`, `smithy.api#http`) and private helpers of the prelude, not
 * data (found by the fuzzer: a member targeting `smithy.api#input` crashed the types emitter).
 */
export function checkPreludeTargets(model: SmithyModel, preludeShape: (id: string) => AstShape | undefined, diags: Diagnostics): void {
  const SIMPLE = new Set(["blob", "boolean", "string", "byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal", "timestamp", "document"]);
  /** Whether a target is not one to report: a shape of the model, not of the prelude, Unit or a simple prelude shape. */
  const fine = (target: string): boolean => {
    if (model.shapes.has(target)) return true;
    const prelude = preludeShape(target);
    return prelude === undefined || target === "smithy.api#Unit" || SIMPLE.has(prelude.type);
  };
  model.shapes.forEach((shape, id) => {
    // Paths and labels are made only for a shape with a target to report (of any kind: the
    // kinds this check covers are a subset).
    if (everyRef(shape, fine)) return;
    forEachRef(shape, (target, path, label) => {
      if (!["member", "key", "value", "members", "input", "output", "errors"].includes(String(path[0])) || fine(target)) return;
      const prelude = preludeShape(target) as AstShape;
      const what = prelude.traits?.["smithy.api#trait"] !== undefined ? "a trait definition" : "a private shape";
      diags.error("SMITHY_PRELUDE_TARGET", `${label} of \`${id}\` targets \`${target}\`, ${what} of the prelude (a ${prelude.type}), not a shape for data`, {
        ...whereIs(model, id, ...path),
        hint: `Define a ${prelude.type} of your own and target it.`,
      });
    });
  });
}

/** Calls `visit` for every shape reference of a shape, with its JSON path inside the shape. */
export function forEachRef(shape: AstShape, visit: (target: string, path: (string | number)[], what: string) => void): void {
  for (const key of ["member", "key", "value"] as const) {
    const ref = shape[key];
    if (ref) visit(ref.target, [key, "target"], `The ${key === "member" ? "list member" : `map ${key}`}`);
  }
  for (const [name, m] of Object.entries(shape.members ?? {})) visit(m.target, ["members", name, "target"], `Member \`${name}\``);
  for (const key of ["input", "output", "create", "put", "read", "update", "delete", "list"] as const) {
    const ref = shape[key];
    if (ref) visit(ref.target, [key, "target"], `The ${key}`);
  }
  for (const key of ["operations", "resources", "errors", "mixins", "collectionOperations"] as const) {
    (shape[key] ?? []).forEach((ref, i) => visit(ref.target, [key, i, "target"], `An entry of ${key}`));
  }
  for (const [name, ref] of Object.entries(shape.identifiers ?? {})) visit(ref.target, ["identifiers", name, "target"], `Identifier ${name}`);
  for (const [name, ref] of Object.entries(shape.properties ?? {})) visit(ref.target, ["properties", name, "target"], `Property ${name}`);
}
