// `@private` shapes are for their own namespace only, judged as the reference's `PrivateAccess`.
//
//   namespace smithy.private                 namespace smithy.example
//   @private string PrivateString            list InvalidList { member: smithy.private#PrivateString }
//   → SMITHY_PRIVATE_ACCESS at `smithy.example#InvalidList$member`: "This shape has an invalid
//     member_target relationship that targets a private shape, `smithy.private#PrivateString`, in
//     another namespace."
//
// Every relationship of a shape counts, named as the spec's relationship table names it: a
// member's target (`member_target`), an operation's `input`, `output` and `error`s, a service's
// `operation`s, `resource`s and `error`s, a resource's `identifier`s, `property`s, child
// `resource`s and operations (`operation`, and `create`, `read`, … with `instance_operation` or
// `collection_operation`).

import type { AstShape } from "../ast.js";
import type { ValidationContext } from "./index.js";

const PRIVATE = "smithy.api#private";

function namespaceOf(id: string): string {
  return id.slice(0, id.indexOf("#"));
}

/** [relationship name, target] of a shape that is not a member. */
function relationships(shape: AstShape): [string, string][] {
  const out: [string, string][] = [];
  const each = (name: string, refs: readonly { readonly target: string }[] | undefined) => {
    for (const ref of refs ?? []) out.push([name, ref.target]);
  };
  switch (shape.type) {
    case "service":
      each("operation", shape.operations);
      each("resource", shape.resources);
      each("error", shape.errors);
      break;
    case "operation":
      if (shape.input) out.push(["input", shape.input.target]);
      if (shape.output) out.push(["output", shape.output.target]);
      each("error", shape.errors);
      break;
    case "resource": {
      each("identifier", Object.values(shape.identifiers ?? {}));
      each("property", Object.values(shape.properties ?? {}));
      each("resource", shape.resources);
      for (const key of ["put", "read", "update", "delete"] as const) if (shape[key]) out.push([key, shape[key]!.target], ["instance_operation", shape[key]!.target], ["operation", shape[key]!.target]);
      for (const key of ["create", "list"] as const) if (shape[key]) out.push([key, shape[key]!.target], ["collection_operation", shape[key]!.target], ["operation", shape[key]!.target]);
      for (const ref of shape.collectionOperations ?? []) out.push(["collection_operation", ref.target], ["operation", ref.target]);
      for (const ref of shape.operations ?? []) out.push(["instance_operation", ref.target], ["operation", ref.target]);
      break;
    }
    default:
      break;
  }
  return out;
}

export function checkPrivateAccess(ctx: ValidationContext): void {
  // The prelude has no @private shape: only the model's own can be.
  const privateIds = new Set<string>();
  for (const [id, shape] of ctx.model.shapes) if (shape.traits?.[PRIVATE] !== undefined) privateIds.add(id);
  if (privateIds.size === 0) return;
  const isPrivate = (id: string) => privateIds.has(id);
  const report = (from: string, relationship: string, target: string) => {
    if (namespaceOf(target) === namespaceOf(from) || !isPrivate(target)) return;
    ctx.error(
      "SMITHY_PRIVATE_ACCESS",
      from,
      `This shape has an invalid ${relationship} relationship that targets a private shape, \`${target}\`, in another namespace.`,
      `Use a shape of this namespace instead, or remove \`@private\` from \`${target}\``,
    );
  };
  for (const [id, shape] of ctx.model.shapes) {
    switch (shape.type) {
      case "service":
      case "operation":
      case "resource":
        for (const [relationship, target] of relationships(shape)) report(id, relationship, target);
        break;
      case "enum":
      case "intEnum":
        break;
      default:
        // Members: no string is built unless the target is private.
        if (shape.member !== undefined && privateIds.has(shape.member.target)) report(`${id}$member`, "member_target", shape.member.target);
        if (shape.key !== undefined && privateIds.has(shape.key.target)) report(`${id}$key`, "member_target", shape.key.target);
        if (shape.value !== undefined && privateIds.has(shape.value.target)) report(`${id}$value`, "member_target", shape.value.target);
        if (shape.members !== undefined) {
          for (const name in shape.members) {
            const target = shape.members[name]!.target;
            if (privateIds.has(target)) report(`${id}$${name}`, "member_target", target);
          }
        }
    }
  }
}
