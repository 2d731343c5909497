// Operations' inputs and outputs, and shape ids, judged as the reference's `OperationInputOutputMisuse`
// and `ShapeIdConflict` events judge them.
//
//   @input structure GetFooInput {}
//   operation GetFoo { input: GetFooInput }   operation GetFoo2 { input: GetFooInput }
//   → SMITHY_OPERATION_IO_MISUSE at `GetFooInput`: "Shapes marked with the @input trait cannot be used
//     as input by multiple operations: `ns#GetFoo`, `ns#GetFoo2`"
//
//   structure A { foo: String, Foo: String }
//   → SMITHY_SHAPE_ID_CONFLICT at `A$foo` and at `A$Foo`: "Shape ID `ns#A$foo` conflicts with other
//     shape IDs in the model: [`ns#A$Foo`]"
//
// - A structure marked `@input` (`@output`) is the input (output) of one operation, and nothing
//   else: not another operation's output (input), not a member's target. Generated code names it
//   after its operation and reads it only there.
// - Shape ids (members included) are unique case-insensitively: TypeScript, JSON and XML keys
//   that differ only in case would collide in many protocols and languages.

import type { ValidationContext } from "./index.js";

const INPUT = "smithy.api#input";
const OUTPUT = "smithy.api#output";

export function checkOperationInputOutput(ctx: ValidationContext): void {
  // One pass finds the marked structures; a model without any (or without misuse) costs one more pass.
  const marked = new Map<string, "input" | "output">();
  for (const [id, shape] of ctx.model.shapes) {
    const traits = shape.traits;
    if (traits === undefined) continue;
    if (traits[INPUT] !== undefined) marked.set(id, "input");
    else if (traits[OUTPUT] !== undefined) marked.set(id, "output");
  }
  if (marked.size === 0) return;
  const users = new Map<string, string[]>();
  const memberTarget = (owner: string, name: string, target: string) => {
    const descriptor = marked.get(target);
    if (descriptor === undefined) return;
    ctx.error(
      "SMITHY_OPERATION_IO_MISUSE",
      `${owner}$${name}`,
      `Members cannot target structures marked with the @${descriptor} trait: ${target}`,
      `Target a structure without \`@${descriptor}\` (copy the members into one), or remove \`@${descriptor}\` from \`${target}\``,
    );
  };
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type === "operation") {
      for (const [descriptor, invalid] of [
        ["input", "output"],
        ["output", "input"],
      ] as const) {
        const target = shape[descriptor]?.target;
        const kind = target === undefined ? undefined : marked.get(target);
        if (kind === descriptor) {
          const list = users.get(target!);
          if (list === undefined) users.set(target!, [id]);
          else list.push(id);
        } else if (kind === invalid) {
          ctx.error(
            "SMITHY_OPERATION_IO_MISUSE",
            id,
            `Operation \`${descriptor}\` cannot target structures marked with the \`@${invalid}\` trait: \`${target}\``,
            `Give the operation its own ${descriptor} structure (marked \`@${descriptor}\`), or remove \`@${invalid}\` from \`${target}\``,
            descriptor,
          );
        }
      }
      continue;
    }
    if (shape.type === "enum" || shape.type === "intEnum") continue;
    if (shape.members !== undefined) for (const name in shape.members) memberTarget(id, name, shape.members[name]!.target);
    if (shape.member !== undefined) memberTarget(id, "member", shape.member.target);
    if (shape.key !== undefined) memberTarget(id, "key", shape.key.target);
    if (shape.value !== undefined) memberTarget(id, "value", shape.value.target);
  }
  for (const [shape, operations] of users) {
    if (operations.length < 2) continue;
    const descriptor = marked.get(shape)!;
    ctx.error(
      "SMITHY_OPERATION_IO_MISUSE",
      shape,
      `Shapes marked with the @${descriptor} trait cannot be used as ${descriptor} by multiple operations: ${operations.sort().map((o) => `\`${o}\``).join(", ")}`,
      `Give each operation its own ${descriptor} structure (an inline \`${descriptor} := { … }\` does that), or remove \`@${descriptor}\` from \`${shape}\``,
    );
  }
}

export function checkShapeIdConflicts(ctx: ValidationContext): void {
  // Shapes first, by their lower-case id; members within each shape by their lower-case name. Two
  // shapes whose ids differ only in case have members whose ids do too: those are compared across.
  // `twins`: the groups to report, built only for a conflict (most models have none).
  const first = new Map<string, string>();
  const twins = new Map<string, string[]>();
  for (const [id, shape] of ctx.model.shapes) {
    const key = id.toLowerCase();
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, id);
      if (caseTwins(shape.members)) twins.set(key, [id]);
    } else {
      const ids = twins.get(key);
      if (ids === undefined) twins.set(key, [seen, id]);
      else ids.push(id);
    }
  }
  for (const ids of twins.values()) {
    if (ids.length > 1) reportConflicts(ctx, ids);
    const members = new Map<string, string[]>();
    for (const owner of ids) {
      const names = ctx.model.shapes.get(owner)!.members;
      if (names === undefined) continue;
      for (const name in names) {
        const key = name.toLowerCase();
        const list = members.get(key);
        if (list === undefined) members.set(key, [`${owner}$${name}`]);
        else list.push(`${owner}$${name}`);
      }
    }
    for (const list of members.values()) if (list.length > 1) reportConflicts(ctx, list);
  }
}

/** Whether two member names differ only in case (checked without building a map for the common shape). */
function caseTwins(members: Readonly<Record<string, unknown>> | undefined): boolean {
  if (members === undefined) return false;
  let lower: Set<string> | undefined;
  let only: string | undefined;
  for (const name in members) {
    const key = name.toLowerCase();
    if (only === undefined && lower === undefined) {
      only = key;
      continue;
    }
    if (lower === undefined) lower = new Set([only!]);
    if (lower.has(key)) return true;
    lower.add(key);
  }
  return false;
}

function reportConflicts(ctx: ValidationContext, ids: readonly string[]): void {
  const sorted = [...ids].sort();
  for (const id of ids) {
    ctx.error(
      "SMITHY_SHAPE_ID_CONFLICT",
      id,
      `Shape ID \`${id}\` conflicts with other shape IDs in the model: [${sorted.filter((o) => o !== id).map((o) => `\`${o}\``).join(", ")}]`,
      id.includes("$") ? "Rename the member: member names of a shape must differ by more than letter case" : "Rename the shape: shape names of a namespace must differ by more than letter case",
    );
  }
}
