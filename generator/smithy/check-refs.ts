// Reports every reference to a shape that does not exist, with the nearest known id as a hint.
//
//   member `ns#A$b` → target "ns#Strng"  →  SMITHY_UNKNOWN_TARGET at its position,
//   hint "Did you mean `ns#String`?"  (prelude ids count as known)

import type { Diagnostics } from "../diagnostics.js";
import type { AstShape } from "./ast.js";
import { nearestId } from "../suggest.js";
import { whereIs, type SmithyModel } from "./assemble.js";

export function checkReferences(model: SmithyModel, isKnownPrelude: (id: string) => boolean, preludeIds: readonly string[], diags: Diagnostics): void {
  const exists = (id: string) => model.shapes.has(id) || isKnownPrelude(id);
  const report = (owner: string, target: string, what: string, path: (string | number)[]) => {
    if (exists(target)) return;
    const near = nearestId(target, [...model.shapes.keys(), ...preludeIds]);
    diags.error("SMITHY_UNKNOWN_TARGET", `${what} targets \`${target}\`, which is not defined`, {
      ...whereIs(model, owner, ...path),
      hint: near ? `Did you mean \`${near}\`?` : "Define the shape or fix the shape id.",
    });
  };
  for (const [id, shape] of model.shapes) {
    // Paths and labels are made only for a shape with a reference to report.
    if (everyRef(shape, exists)) continue;
    forEachRef(shape, (target, path, label) => report(id, target, `${label} of \`${id}\``, path));
  }
}

/** Whether every shape reference of `shape` passes `test` (forEachRef's references, nothing allocated). */
function everyRef(shape: AstShape, test: (id: string) => boolean): boolean {
  if (shape.member && !test(shape.member.target)) return false;
  if (shape.key && !test(shape.key.target)) return false;
  if (shape.value && !test(shape.value.target)) return false;
  for (const refs of [shape.members, shape.identifiers, shape.properties]) {
    if (refs === undefined) continue;
    for (const name in refs) if (Object.prototype.hasOwnProperty.call(refs, name) && !test((refs[name] as { target: string }).target)) return false;
  }
  for (const ref of [shape.input, shape.output, shape.create, shape.put, shape.read, shape.update, shape.delete, shape.list]) {
    if (ref !== undefined && !test(ref.target)) return false;
  }
  for (const list of [shape.operations, shape.resources, shape.errors, shape.mixins, shape.collectionOperations]) {
    if (list !== undefined) for (const ref of list) if (!test(ref.target)) return false;
  }
  return true;
}

/** An operation's input and output must be structures (Smithy's rule; found by the fuzzer: a number crashed the serializers). */
export function checkOperationTargets(model: SmithyModel, shapeOf: (id: string) => AstShape | undefined, diags: Diagnostics): void {
  for (const [id, shape] of model.shapes) {
    if (shape.type !== "operation") continue;
    for (const key of ["input", "output"] as const) {
      const target = shape[key]?.target;
      const type = target === undefined ? undefined : shapeOf(target)?.type;
      if (type === undefined || type === "structure") continue;
      diags.error("SMITHY_OPERATION_TARGET", `The ${key} of operation \`${id}\` targets \`${target}\`, a${/^[aeiou]/.test(type) ? "n" : ""} ${type}; it must be a structure`, {
        ...whereIs(model, id, key, "target"),
        hint: `Target a structure (for example \`${key}: ${id.split("#")[1]}${key === "input" ? "Input" : "Output"}\`), or \`smithy.api#Unit\` for none.`,
      });
    }
  }
}

/**
 * A member, list member, map key or value, or an operation's input, output or error must not
 * target an aggregate shape of the prelude other than `smithy.api#Unit`: those are trait
 * definitions (`smithy.api#input`, `smithy.api#http`) and private helpers of the prelude, not
 * data (found by the fuzzer: a member targeting `smithy.api#input` crashed the types emitter).
 */
export function checkPreludeTargets(model: SmithyModel, preludeShape: (id: string) => AstShape | undefined, diags: Diagnostics): void {
  const SIMPLE = new Set(["blob", "boolean", "string", "byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal", "timestamp", "document"]);
  for (const [id, shape] of model.shapes) {
    forEachRef(shape, (target, path, label) => {
      if (!["member", "key", "value", "members", "input", "output", "errors"].includes(String(path[0])) || model.shapes.has(target)) return;
      const prelude = preludeShape(target);
      if (prelude === undefined || target === "smithy.api#Unit" || SIMPLE.has(prelude.type)) return;
      const what = prelude.traits?.["smithy.api#trait"] !== undefined ? "a trait definition" : "a private shape";
      diags.error("SMITHY_PRELUDE_TARGET", `${label} of \`${id}\` targets \`${target}\`, ${what} of the prelude (a ${prelude.type}), not a shape for data`, {
        ...whereIs(model, id, ...path),
        hint: `Define a ${prelude.type} of your own and target it.`,
      });
    });
  }
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
