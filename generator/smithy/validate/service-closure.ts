// The closure of each service: the shapes it reaches (operations, resources, errors, inputs and
// outputs, members and their targets, the prelude's shapes included), judged as the reference's
// `Service`, `SingleOperationBinding` and `SingleResourceBinding` validators judge it.
//
//   namespace ns.foo                            namespace another.ns
//   service MyService { operations: [A, another.ns#A] }     operation A {}
//   operation A {}
//   → SMITHY_SERVICE_CLOSURE at `ns.foo#A`: "Shape name `ns.foo#A` conflicts with `another.ns#A` in
//     the `ns.foo#MyService` service closure. …" (and the same at `another.ns#A`)
//
// - Names in a closure are compared case-insensitively, after the service's `rename`. A conflict
//   is allowed (the reference only warns) when both shapes are simple shapes, lists or sets of the
//   same type with the same traits, and their members are alike by the same rule; otherwise both
//   shapes get an error. Generated code could not name them apart without a rename.
// - Each `rename` must map a shape of the closure to a valid identifier that differs from its
//   name, and may not rename an operation, a resource or a member (errors may be renamed: the
//   reference's `service-rename/error-rename-invalid` reports nothing).
// - An operation (a resource) is bound once in a service's closure: by the service, or by one
//   resource.

import type { AstShape, NodeValue } from "../ast.js";
import { nodeEquals } from "../idl/merge-traits.js";
import type { ValidationContext } from "./index.js";

const HINT_RENAME = "Give one of them another name in the service's `rename` property (`rename: { \"ns#Name\": \"OtherName\" }`), or rename the shape itself";

/** Shape types whose name conflicts the reference may allow (SimpleShape and CollectionShape). */
const SIMPLE = new Set(["blob", "boolean", "document", "string", "enum", "timestamp", "byte", "short", "integer", "intEnum", "long", "float", "double", "bigInteger", "bigDecimal"]);
const COLLECTION = new Set(["list", "set"]);
const IDENTIFIER = /^_*[A-Za-z][A-Za-z0-9_]*$/;
const UNIT = "smithy.api#Unit";

export function checkServiceClosures(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type !== "service") continue;
    const resources: string[] = [];
    const closure = closureOf(ctx, id, resources);
    checkNames(ctx, id, shape, closure);
    checkRenames(ctx, id, shape, closure);
    if (resources.length > 0) checkSingleBindings(ctx, id, shape, closure, resources.sort()); // else each is bound by the service alone
  }
}

/**
 * Every shape the service reaches (members are not listed: a member is in it when its shape is);
 * its resources are also pushed to `resources`.
 */
export function closureOf(ctx: ValidationContext, service: string, resources: string[] = []): Set<string> {
  const seen = new Set<string>();
  const stack = [service];
  const visit = (target: string | undefined) => {
    if (target !== undefined && !seen.has(target)) stack.push(target);
  };
  const visitAll = (refs: readonly { readonly target: string }[] | undefined) => {
    if (refs !== undefined) for (const ref of refs) visit(ref.target);
  };
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    const shape = ctx.shape(id);
    if (shape === undefined) continue;
    seen.add(id);
    switch (shape.type) {
      case "service":
        visitAll(shape.operations);
        visitAll(shape.resources);
        visitAll(shape.errors);
        break;
      case "resource":
        resources.push(id);
        visitAll(shape.operations);
        visitAll(shape.resources);
        visitAll(shape.collectionOperations);
        for (const key of ["create", "put", "read", "update", "delete", "list"] as const) visit(shape[key]?.target);
        if (shape.identifiers) for (const name in shape.identifiers) visit(shape.identifiers[name]!.target);
        if (shape.properties) for (const name in shape.properties) visit(shape.properties[name]!.target);
        break;
      case "operation":
        // An input or output of `smithy.api#Unit` is none (as the reference reads it).
        if (shape.input !== undefined && shape.input.target !== UNIT) visit(shape.input.target);
        if (shape.output !== undefined && shape.output.target !== UNIT) visit(shape.output.target);
        visitAll(shape.errors);
        break;
      // An enum's members target `smithy.api#Unit` only in form: no relationship.
      case "enum":
      case "intEnum":
        break;
      default:
        if (shape.member) visit(shape.member.target);
        if (shape.key) visit(shape.key.target);
        if (shape.value) visit(shape.value.target);
        if (shape.members) for (const name in shape.members) visit(shape.members[name]!.target);
    }
  }
  return seen;
}

/** Whether a shape id (or a member id, `ns#S$m`) is in a closure of shapes. */
function inClosure(ctx: ValidationContext, closure: ReadonlySet<string>, id: string): boolean {
  const dollar = id.indexOf("$");
  if (dollar < 0) return closure.has(id);
  return closure.has(id.slice(0, dollar)) && shapeOrMember(ctx, id) !== undefined;
}

function nameOf(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

function checkNames(ctx: ValidationContext, serviceId: string, service: AstShape, closure: ReadonlySet<string>): void {
  const rename = service.rename ?? {};
  // Name → the first id of that name (an array only for a name seen twice: most closures have none).
  const first = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const id of closure) {
    const name = (rename[id] ?? nameOf(id)).toLowerCase();
    const seen = first.get(name);
    if (seen === undefined) first.set(name, id);
    else {
      const ids = byName.get(name);
      if (ids === undefined) byName.set(name, [seen, id]);
      else ids.push(id);
    }
  }
  const memo = new Map<string, boolean>();
  for (const ids of byName.values()) {
    ids.sort();
    for (const subject of ids) {
      for (const other of ids) {
        if (other === subject || !forbidden(ctx, subject, other, memo)) continue;
        const named = rename[subject] !== undefined ? `Renamed shape name "${rename[subject]}"` : `Shape name \`${subject}\``;
        const otherNamed = rename[other] !== undefined ? `\`${other}\` (renamed to "${rename[other]}")` : `\`${other}\``;
        ctx.error(
          "SMITHY_SERVICE_CLOSURE",
          subject,
          `${named} conflicts with ${otherNamed} in the \`${serviceId}\` service closure. Shapes in the closure of a service must have case-insensitively unique names regardless of their namespaces.`,
          HINT_RENAME,
        );
      }
    }
  }
}

/** Whether a name conflict of `a` and `b` is an error (not one the reference allows with a warning). */
function forbidden(ctx: ValidationContext, a: string, b: string, memo: Map<string, boolean>): boolean {
  const key = a < b ? `${a} ${b}` : `${b} ${a}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, false); // a recursive list of itself: alike unless shown otherwise
  const result = judge(ctx, a, b, memo);
  memo.set(key, result);
  return result;
}

function judge(ctx: ValidationContext, a: string, b: string, memo: Map<string, boolean>): boolean {
  const x = shapeOrMember(ctx, a);
  const y = shapeOrMember(ctx, b);
  if (x === undefined || y === undefined) return false; // a broken reference is reported elsewhere
  const kind = (s: { readonly member: boolean; readonly shape: AstShape }) => (s.member ? "member" : s.shape.type);
  const allowed = (s: { readonly member: boolean; readonly shape: AstShape }) => s.member || SIMPLE.has(s.shape.type) || COLLECTION.has(s.shape.type);
  if (!allowed(x) || !allowed(y) || kind(x) !== kind(y) || !nodeEquals(x.traits ?? {}, y.traits ?? {})) return true;
  if (x.member) return forbidden(ctx, x.target!, y.target!, memo);
  if (COLLECTION.has(x.shape.type) && x.shape.member !== undefined && y.shape.member !== undefined) return forbidden(ctx, `${a}$member`, `${b}$member`, memo);
  return false;
}

/** A shape, or a member (its traits and target) by its `ns#S$m` id. */
function shapeOrMember(ctx: ValidationContext, id: string): { member: boolean; shape: AstShape; traits?: Record<string, NodeValue>; target?: string } | undefined {
  const dollar = id.indexOf("$");
  if (dollar < 0) {
    const shape = ctx.shape(id);
    return shape === undefined ? undefined : { member: false, shape, ...(shape.traits ? { traits: shape.traits } : {}) };
  }
  const owner = ctx.shape(id.slice(0, dollar));
  const name = id.slice(dollar + 1);
  const ref = owner === undefined ? undefined : COLLECTION.has(owner.type) || owner.type === "map" ? (name === "member" || name === "key" || name === "value" ? owner[name] : undefined) : owner.members?.[name];
  if (owner === undefined || ref === undefined) return undefined;
  const member = ref as { target: string; traits?: Record<string, NodeValue> };
  return { member: true, shape: owner, target: member.target, ...(member.traits ? { traits: member.traits } : {}) };
}

function checkRenames(ctx: ValidationContext, serviceId: string, service: AstShape, closure: ReadonlySet<string>): void {
  for (const [from, to] of Object.entries(service.rename ?? {})) {
    if (!IDENTIFIER.test(to)) {
      ctx.error("SMITHY_SERVICE_CLOSURE", serviceId, `Service attempts to rename \`${from}\` to an invalid identifier, "${to}"`, "A name is letters, digits and `_`, starting with a letter (after any `_`)", "rename", from);
    } else if (to === nameOf(from)) {
      ctx.error("SMITHY_SERVICE_CLOSURE", serviceId, `Service rename for \`${from}\` does not actually change the name from \`${to}\``, "Remove this entry of `rename`", "rename", from);
    }
    if (!inClosure(ctx, closure, from)) {
      ctx.error("SMITHY_SERVICE_CLOSURE", serviceId, `Service attempts to rename a shape not in the service: ${from}`, "Remove this entry of `rename`, or fix the shape id", "rename", from);
      continue;
    }
    const shape = shapeOrMember(ctx, from);
    const type = shape === undefined ? undefined : shape.member ? "member" : shape.shape.type;
    if (type === "member" || type === "resource" || type === "operation") {
      ctx.error("SMITHY_SERVICE_CLOSURE", serviceId, `Service attempts to rename a ${type} shape from \`${from}\` to "${to}"; ${type}s cannot be renamed`, "Remove this entry of `rename`: operations, resources and members cannot be renamed", "rename", from);
    }
  }
}

function checkSingleBindings(ctx: ValidationContext, serviceId: string, service: AstShape, closure: ReadonlySet<string>, resources: readonly string[]): void {
  const operationsOf = (r: AstShape) => [...(r.operations ?? []), ...(r.collectionOperations ?? []), ...(["create", "put", "read", "update", "delete", "list"] as const).flatMap((k) => (r[k] ? [r[k]] : []))].map((ref) => ref.target);
  for (const id of closure) {
    const shape = ctx.shape(id);
    if (shape?.type === "operation") {
      const containers: string[] = [];
      if ((service.operations ?? []).some((o) => o.target === id)) containers.push(`(service: \`${serviceId}\`)`);
      for (const r of resources) if (operationsOf(ctx.shape(r)!).includes(id)) containers.push(`(resource: \`${r}\`)`);
      if (containers.length > 1) {
        ctx.error(
          "SMITHY_SINGLE_OPERATION_BINDING",
          id,
          `An operation can appear only once in an entire service closure. This operation is illegally bound into the \`${serviceId}\` service closure from multiple shapes: ${containers.sort().join(", ")}`,
          "Bind the operation in one place only: the service's `operations`, or one resource",
        );
      }
    } else if (shape?.type === "resource") {
      const containers: string[] = [];
      if ((service.resources ?? []).some((r) => r.target === id)) containers.push(serviceId);
      // A resource that binds itself is a cycle (the reference's ResourceCycle), not a second binding.
      for (const r of resources) if (r !== id && (ctx.shape(r)!.resources ?? []).some((x) => x.target === id)) containers.push(r);
      if (containers.length > 1) {
        ctx.error(
          "SMITHY_SINGLE_RESOURCE_BINDING",
          id,
          `A resource can appear only once in an entire service closure. This resource is illegally bound into the \`${serviceId}\` service closure from multiple shapes: [${containers.sort().map((c) => `\`${c}\``).join(", ")}]`,
          "Bind the resource in one place only: the service's `resources`, or one parent resource",
        );
      }
    }
  }
}
