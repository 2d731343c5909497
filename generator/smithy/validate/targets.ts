// What each relationship may target, judged as the reference's `Target` validator judges it (the
// loader already rejects a target that is not defined, SMITHY_UNKNOWN_TARGET, and an operation's
// input or output that is no structure, SMITHY_OPERATION_TARGET).
//
//   @error("client") structure Oops {}
//   operation Op { input: Oops }
//   → SMITHY_TARGET at `Op`: "Operation input targets an invalid structure `ns#Oops` that is marked
//     with the `error` trait."
//
// - A member (or a resource property) targets no service, resource or operation; a map's key
//   targets a string; a resource identifier targets a string.
// - An operation's or a service's `errors` are structures marked `@error`; an operation's input
//   and output are structures that are not.
// - `resources` bind resources; `operations` and the lifecycle properties bind operations.
// - Nothing but a trait application refers to a trait definition, and nothing but a `mixins` list
//   to a mixin.

import type { AstShape } from "../ast.js";
import type { ValidationContext } from "./index.js";

const TRAIT = "smithy.api#trait";
const MIXIN = "smithy.api#mixin";
const ERROR = "smithy.api#error";
const HINT_TYPE = "Point the reference at a shape of the type the message names";

function shown(id: string, shape: AstShape): string {
  return `(${shape.type}: \`${id}\`)`;
}

export function checkTargets(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    switch (shape.type) {
      case "service":
        for (const ref of shape.operations ?? []) check(ctx, id, shape.type, "operation", ref.target);
        for (const ref of shape.resources ?? []) check(ctx, id, shape.type, "resource", ref.target);
        for (const ref of shape.errors ?? []) check(ctx, id, shape.type, "error", ref.target);
        break;
      case "operation":
        if (shape.input) check(ctx, id, shape.type, "input", shape.input.target);
        if (shape.output) check(ctx, id, shape.type, "output", shape.output.target);
        for (const ref of shape.errors ?? []) check(ctx, id, shape.type, "error", ref.target);
        break;
      case "resource":
        for (const ref of Object.values(shape.identifiers ?? {})) check(ctx, id, shape.type, "identifier", ref.target);
        for (const ref of Object.values(shape.properties ?? {})) check(ctx, id, shape.type, "property", ref.target);
        for (const ref of shape.resources ?? []) check(ctx, id, shape.type, "resource", ref.target);
        for (const key of ["create", "read", "update", "delete", "list"] as const) if (shape[key]) check(ctx, id, shape.type, key, shape[key]!.target);
        for (const ref of [...(shape.operations ?? []), ...(shape.collectionOperations ?? [])]) check(ctx, id, shape.type, "operation", ref.target);
        if (shape.put) check(ctx, id, shape.type, "put", shape.put.target);
        break;
      case "enum":
      case "intEnum":
        break;
      default:
        if (shape.member) checkMember(ctx, id, "member", shape.member.target);
        if (shape.key) {
          checkMember(ctx, id, "key", shape.key.target);
          const key = ctx.shape(shape.key.target);
          if (key !== undefined && key.type !== "string" && key.type !== "enum") {
            ctx.error("SMITHY_TARGET", id, `Map key member targets ${shown(shape.key.target, key)}, but is expected to target a string`, "A map's key targets a string (or an enum)");
          }
        }
        if (shape.value) checkMember(ctx, id, "value", shape.value.target);
        if (shape.members) for (const name in shape.members) checkMember(ctx, id, name, shape.members[name]!.target);
    }
  }
}

/**
 * A member's target: the common case (a shape that is no trait definition, mixin, service,
 * resource or operation) costs one lookup and builds no string.
 */
function checkMember(ctx: ValidationContext, owner: string, name: string, target: string): void {
  const shape = ctx.shape(target);
  if (shape === undefined) return;
  const traits = shape.traits;
  const special = (traits !== undefined && (traits[TRAIT] !== undefined || traits[MIXIN] !== undefined)) || shape.type === "service" || shape.type === "resource" || shape.type === "operation";
  if (special) check(ctx, `${owner}$${name}`, "member", "member_target", target);
}

/** One relationship (named as the spec names it) from `from` to `target`. */
function check(ctx: ValidationContext, from: string, fromType: string, relationship: string, target: string): void {
  const shape = ctx.shape(target);
  if (shape === undefined) return; // not defined: the loader's SMITHY_UNKNOWN_TARGET
  if (shape.traits?.[TRAIT] !== undefined) {
    ctx.error(
      "SMITHY_TARGET",
      from,
      `Found a ${relationship.toUpperCase()} reference to trait definition \`${target}\`. Trait definitions cannot be targeted by members or referenced by shapes in any other context other than applying them as traits.`,
      `Apply \`${target}\` as a trait (\`@${target.slice(target.indexOf("#") + 1)}\`), or target a shape that is not a trait definition`,
    );
    return;
  }
  if (shape.traits?.[MIXIN] !== undefined) {
    ctx.error(
      "SMITHY_TARGET",
      from,
      `Illegal ${relationship.toUpperCase()} reference to mixin \`${target}\`; shapes marked with the mixin trait can only be referenced to apply them as a mixin.`,
      `Use \`${target}\` in a \`with [...]\` (mixins) list, or target a shape that is not a mixin`,
    );
    return;
  }
  const bad = (valid: string) =>
    ctx.error("SMITHY_TARGET", from, `${fromType} shape \`${relationship}\` relationships must target a ${valid} shape, but found ${shown(target, shape)}`, HINT_TYPE);
  switch (relationship) {
    case "member_target":
    case "property":
      if (shape.type === "service" || shape.type === "resource" || shape.type === "operation") {
        ctx.error("SMITHY_TARGET", from, `Members cannot target ${shape.type} shapes, but found ${shown(target, shape)}`, "Target a structure, union, collection or simple shape");
      }
      return;
    case "resource":
      if (shape.type !== "resource") bad("resource");
      return;
    case "operation":
      if (shape.type !== "operation") bad("operation");
      return;
    case "input":
    case "output":
      if (shape.type !== "structure") return; // the loader's SMITHY_OPERATION_TARGET
      if (shape.traits?.[ERROR] !== undefined) {
        ctx.error(
          "SMITHY_TARGET",
          from,
          `Operation ${relationship} targets an invalid structure \`${target}\` that is marked with the \`error\` trait.`,
          `Give the operation an ${relationship} structure without \`@error\`; list \`${target}\` in its \`errors\` instead`,
          relationship,
        );
      }
      return;
    case "error":
      if (shape.type !== "structure") bad("structure");
      else if (shape.traits?.[ERROR] === undefined) {
        ctx.error("SMITHY_TARGET", from, `\`${target}\` cannot be bound as an error because it is not marked with the \`error\` trait.`, `Mark \`${target}\` \`@error("client")\` or \`@error("server")\`, or remove it from \`errors\``);
      }
      return;
    case "identifier":
      if (shape.type !== "string" && shape.type !== "enum") bad("string"); // an enum is a string (the reference's `Valid2`)
      return;
    case "create":
    case "read":
    case "update":
    case "delete":
    case "list":
      if (shape.type !== "operation") {
        ctx.error("SMITHY_TARGET", from, `Resource ${relationship} lifecycle operation must target an operation, but found ${shown(target, shape)}`, HINT_TYPE);
      }
      return;
    default:
      return;
  }
}
