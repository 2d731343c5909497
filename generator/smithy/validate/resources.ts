// Resources, judged as the reference's `ResourceCycle`, `ResourceLifecycle`, `ResourceIdentifier`
// and `ResourceIdentifierBinding` validators judge them.
//
//   resource Forecast { identifiers: { forecastId: String }, read: GetForecast }
//   operation GetForecast { input := { forecastId: String } }        // not @readonly, not @required
//   → SMITHY_RESOURCE_LIFECYCLE at `Forecast`: "The `read` lifecycle operation of this resource targets
//     an invalid operation, `ns#GetForecast`. The targeted operation must be marked with the readonly trait."
//   → SMITHY_RESOURCE_IDENTIFIER_BINDING at `GetForecast`: "This operation does not form a valid
//     instance operation when bound to resource `ns#Forecast`. …"
//
// - Child resources (`resources`) form no cycle; a child has every identifier of its parent, with
//   the same target; an identifier is not also a property.
// - Lifecycle operations: `read` and `list` are @readonly; `create`, `put`, `update` and `delete`
//   are not; `put` and `delete` are @idempotent.
// - Identifier bindings: an operation's input binds an identifier by a `@required` member of the
//   identifier's name and target, or by `@resourceIdentifier("name")`. An instance operation
//   (`read`, `update`, `delete`, `put`, `operations`) binds every identifier of its resource; a
//   collection operation (`create`, `list`, `collectionOperations`) does not bind them all; an
//   operation of a child resource binds every identifier of the parent; no two members of a
//   structure claim the same identifier by `@resourceIdentifier`.

import type { AstShape } from "../ast.js";
import type { ValidationContext } from "./index.js";

const READONLY = "smithy.api#readonly";
const IDEMPOTENT = "smithy.api#idempotent";
const REQUIRED = "smithy.api#required";
const RESOURCE_IDENTIFIER = "smithy.api#resourceIdentifier";
const LIFECYCLE = ["create", "put", "read", "update", "delete", "list"] as const;

export function checkResources(ctx: ValidationContext): void {
  let identifierTraits = false;
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type === "resource") {
      checkCycle(ctx, id);
      checkLifecycle(ctx, id, shape);
      checkIdentifiers(ctx, id, shape);
      checkInstanceAndCollectionBindings(ctx, id, shape);
    } else if (!identifierTraits && shape.type === "structure" && shape.members !== undefined) {
      for (const name in shape.members) {
        if (shape.members[name]!.traits?.[RESOURCE_IDENTIFIER] !== undefined) {
          identifierTraits = true;
          break;
        }
      }
    }
  }
  if (identifierTraits) checkIdentifierTraitConflicts(ctx);
}

/** Every operation bound to a resource, lifecycle ones included, in the reference's order. */
function operationsOf(resource: AstShape): string[] {
  const ids: string[] = [];
  for (const key of LIFECYCLE) if (resource[key]) ids.push(resource[key]!.target);
  for (const ref of [...(resource.operations ?? []), ...(resource.collectionOperations ?? [])]) ids.push(ref.target);
  return [...new Set(ids)];
}

function isCollection(resource: AstShape, operation: string): boolean {
  return resource.create?.target === operation || resource.list?.target === operation || (resource.collectionOperations ?? []).some((r) => r.target === operation);
}

/**
 * Identifier name → the member of the operation's input that binds it: a member with
 * `@resourceIdentifier("name")`, or a `@required` member of the identifier's name and target.
 */
function inputBindings(ctx: ValidationContext, resource: AstShape, operation: string): Map<string, string> {
  const bindings = new Map<string, string>();
  const inputId = ctx.shape(operation)?.input?.target;
  const input = inputId === undefined ? undefined : ctx.shape(inputId);
  const identifiers = resource.identifiers ?? {};
  for (const [name, member] of Object.entries(input?.members ?? {})) {
    const explicit = member.traits?.[RESOURCE_IDENTIFIER];
    if (typeof explicit === "string") bindings.set(explicit, name);
    else if (identifiers[name] !== undefined && member.traits?.[REQUIRED] !== undefined && member.target === identifiers[name]!.target) bindings.set(name, name);
  }
  return bindings;
}

function allBound(ctx: ValidationContext, resource: AstShape, operation: string, bindings: ReadonlyMap<string, string>): boolean {
  const inputId = ctx.shape(operation)?.input?.target;
  const members = (inputId === undefined ? undefined : ctx.shape(inputId))?.members ?? {};
  return Object.entries(resource.identifiers ?? {}).every(([name, ref]) => {
    const member = bindings.get(name);
    return member !== undefined && members[member]?.target === ref.target;
  });
}

function bindingList(entries: Iterable<[string, string]>): string {
  return [...entries].map(([name, target]) => `required member named \`${name}\` that targets \`${target}\``).sort().join(", ");
}

/** A cycle of child resources, found as the reference finds it: depth first, one visited set per start. */
function checkCycle(ctx: ValidationContext, start: string): void {
  const visited: string[] = [];
  const seen = new Set<string>();
  const stack: { readonly id: string; readonly children: string[]; next: number }[] = [];
  const enter = (id: string): boolean => {
    if (seen.has(id)) {
      ctx.error(
        "SMITHY_RESOURCE_CYCLE",
        id,
        `Circular resource hierarchy found: ${[...visited, id].join(" -> ")}`,
        "Remove one of the `resources` bindings of the cycle: a resource cannot be its own ancestor",
      );
      return false;
    }
    seen.add(id);
    visited.push(id);
    const children = (ctx.shape(id)?.resources ?? []).map((r) => r.target).filter((c) => ctx.shape(c)?.type === "resource");
    stack.push({ id, children, next: 0 });
    return true;
  };
  if (!enter(start)) return;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.children.length) {
      stack.pop();
      continue;
    }
    if (!enter(top.children[top.next++]!)) return;
  }
}

function checkLifecycle(ctx: ValidationContext, id: string, resource: AstShape): void {
  // Which lifecycle operations must be (true) or must not be (false) @readonly, and which @idempotent.
  const readonly: Record<(typeof LIFECYCLE)[number], boolean> = { create: false, put: false, read: true, update: false, delete: false, list: true };
  const idempotent: Partial<Record<(typeof LIFECYCLE)[number], true>> = { put: true, delete: true };
  for (const lifecycle of LIFECYCLE) {
    const operation = resource[lifecycle]?.target;
    const shape = operation === undefined ? undefined : ctx.shape(operation);
    if (operation === undefined || shape?.type !== "operation") continue;
    const isReadonly = shape.traits?.[READONLY] !== undefined;
    if (isReadonly !== readonly[lifecycle]) {
      ctx.error(
        "SMITHY_RESOURCE_LIFECYCLE",
        id,
        `The \`${lifecycle}\` lifecycle operation of this resource targets an invalid operation, \`${operation}\`. The targeted operation ${readonly[lifecycle] ? "must" : "must not"} be marked with the readonly trait.`,
        readonly[lifecycle] ? `Mark \`${operation}\` \`@readonly\`: a ${lifecycle} operation changes nothing` : `Remove \`@readonly\` from \`${operation}\`, or bind it as another lifecycle operation: a ${lifecycle} operation changes the resource`,
      );
    }
    if (idempotent[lifecycle] && shape.traits?.[IDEMPOTENT] === undefined) {
      ctx.error(
        "SMITHY_RESOURCE_LIFECYCLE",
        id,
        `The \`${lifecycle}\` lifecycle operation of this resource targets an invalid operation, \`${operation}\`. The targeted operation must be marked as idempotent.`,
        `Mark \`${operation}\` \`@idempotent\`: a ${lifecycle} has the same effect however often it is sent`,
      );
    }
    if ((lifecycle === "read" || lifecycle === "update" || lifecycle === "delete" || lifecycle === "put") && isCollection(resource, operation)) {
      // Bound both ways (e.g. also as `create`): the reference's ensureIsInstance.
      ctx.error(
        "SMITHY_RESOURCE_LIFECYCLE",
        id,
        `The \`${operation}\` operation bound to this resource as the \`${lifecycle}\` lifecycle operation does not form a valid instance operation. This means that all of the identifiers of the resource were not implicitly or explicitly bound to the input of the operation. Expected the following identifier bindings: [${bindingList(Object.entries(resource.identifiers ?? {}).map(([n, r]) => [n, r.target]))}]. Found the following identifier bindings: [${bindingList(inputBindings(ctx, resource, operation))}]`,
        "Bind the operation once: as an instance operation or as a collection operation",
      );
    }
  }
}

function checkIdentifiers(ctx: ValidationContext, id: string, resource: AstShape): void {
  const identifiers = resource.identifiers ?? {};
  // Compared case-insensitively, as the reference does (`d` and `D`).
  for (const property of Object.keys(resource.properties ?? {})) {
    const name = Object.keys(identifiers).find((k) => k.toLowerCase() === property.toLowerCase());
    if (name !== undefined) {
      ctx.error("SMITHY_RESOURCE_IDENTIFIER", id, `Resource identifier \`${name}\` cannot also be a resource property`, `Remove \`${property}\` from the resource's \`properties\`: it is an identifier`);
    }
  }
  for (const ref of resource.resources ?? []) {
    const child = ctx.shape(ref.target);
    if (child?.type !== "resource") continue;
    const childIds = child.identifiers ?? {};
    const missing = Object.keys(identifiers).filter((k) => childIds[k] === undefined).sort();
    if (missing.length > 0) {
      ctx.error(
        "SMITHY_RESOURCE_IDENTIFIER",
        ref.target,
        `This resource is bound as a child of \`${id}\`, but it is invalid because its \`identifiers\` property is missing the following identifiers that are defined in \`${id}\`: [${missing.join(", ")}]`,
        `Add the parent's identifiers to the child's \`identifiers\` (${missing.map((k) => `${k}: ${identifiers[k]!.target}`).join(", ")})`,
      );
    }
    const mismatched = Object.entries(identifiers)
      .filter(([k, r]) => childIds[k] !== undefined && childIds[k]!.target !== r.target)
      .map(([k, r]) => `expected the \`${k}\` member to target \`${r.target}\`, but found a target of \`${childIds[k]!.target}\``)
      .sort();
    if (mismatched.length > 0) {
      ctx.error(
        "SMITHY_RESOURCE_IDENTIFIER",
        ref.target,
        `The \`identifiers\` property of this resource is incompatible with its binding to \`${id}\`: ${mismatched.join("; ")}`,
        "Give the child's identifiers the same targets as the parent's",
      );
    }
  }
}

function checkInstanceAndCollectionBindings(ctx: ValidationContext, id: string, resource: AstShape): void {
  const identifiers = resource.identifiers ?? {};
  // Operations of each child resource bind every identifier of this (its parent) resource.
  for (const ref of resource.resources ?? []) {
    const child = ctx.shape(ref.target);
    if (child?.type !== "resource") continue;
    for (const operation of operationsOf(child)) {
      if (ctx.shape(operation)?.type !== "operation") continue;
      const bound = inputBindings(ctx, child, operation);
      const missing = Object.keys(identifiers).filter((k) => !bound.has(k));
      if (missing.length > 0) {
        ctx.error(
          "SMITHY_RESOURCE_IDENTIFIER_BINDING",
          operation,
          `This operation is bound to the \`${ref.target}\` resource, which is a child of the \`${id}\` resource, and it is missing the following resource identifier bindings of \`${id}\`: [${missing.sort().map((k) => `\`${k}\``).join(", ")}]`,
          `Add to the operation's input a \`@required\` member for each (${missing.map((k) => `${k}: ${identifiers[k]!.target}`).join(", ")}), or a member with \`@resourceIdentifier\``,
        );
      }
    }
  }
  for (const operation of operationsOf(resource)) {
    if (ctx.shape(operation)?.type !== "operation") continue;
    const bindings = inputBindings(ctx, resource, operation);
    const all = allBound(ctx, resource, operation, bindings);
    if (isCollection(resource, operation)) {
      if (all) {
        ctx.error(
          "SMITHY_RESOURCE_IDENTIFIER_BINDING",
          operation,
          `This operation is bound as a collection operation on the \`${id}\` resource, but it improperly binds all of the identifiers of the resource to members of the operation input.`,
          "Leave at least one identifier out of the input (a collection operation addresses no one instance), or bind it as an instance operation",
        );
      }
    } else if (!all) {
      ctx.error(
        "SMITHY_RESOURCE_IDENTIFIER_BINDING",
        operation,
        `This operation does not form a valid instance operation when bound to resource \`${id}\`. All of the identifiers of the resource were not implicitly or explicitly bound to the input of the operation. Expected the following identifier bindings: [${bindingList(Object.entries(identifiers).map(([n, r]) => [n, r.target]))}]. Found the following identifier bindings: [${bindingList(bindings)}]`,
        "Give the input a `@required` member of each identifier's name and target (or `@resourceIdentifier`), or bind the operation as a collection operation",
      );
    }
  }
}

function checkIdentifierTraitConflicts(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    const claimed = new Map<string, string[]>();
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const identifier = member.traits?.[RESOURCE_IDENTIFIER];
      if (typeof identifier !== "string") continue;
      const list = claimed.get(identifier);
      if (list === undefined) claimed.set(identifier, [name]);
      else list.push(name);
    }
    for (const [identifier, members] of claimed) {
      if (members.length < 2) continue;
      ctx.error(
        "SMITHY_RESOURCE_IDENTIFIER_BINDING",
        id,
        `Conflicting resource identifier member bindings found for identifier '${identifier}' between members: '${members.join("', '")}'`,
        `Keep \`@resourceIdentifier("${identifier}")\` on one member only`,
      );
    }
  }
}
