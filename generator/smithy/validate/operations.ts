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
  for (const [trait, descriptor, invalid] of [
    [INPUT, "input", "output"],
    [OUTPUT, "output", "input"],
  ] as const) {
    const marked = new Set<string>();
    for (const [id, shape] of ctx.model.shapes) if (shape.traits?.[trait] !== undefined) marked.add(id);
    if (marked.size === 0) continue;
    const users = new Map<string, string[]>();
    for (const [id, shape] of ctx.model.shapes) {
      if (shape.type === "operation") {
        const used = shape[descriptor]?.target;
        if (used !== undefined && marked.has(used)) {
          const list = users.get(used);
          if (list === undefined) users.set(used, [id]);
          else list.push(id);
        }
        const wrong = shape[invalid]?.target;
        if (wrong !== undefined && marked.has(wrong)) {
          ctx.error(
            "SMITHY_OPERATION_IO_MISUSE",
            id,
            `Operation \`${invalid}\` cannot target structures marked with the \`@${descriptor}\` trait: \`${wrong}\``,
            `Give the operation its own ${invalid} structure (marked \`@${invalid}\`), or remove \`@${descriptor}\` from \`${wrong}\``,
            invalid,
          );
        }
      }
      const members: [string, { readonly target: string }][] = [
        ...Object.entries(shape.type === "enum" || shape.type === "intEnum" ? {} : (shape.members ?? {})),
        ...(["member", "key", "value"] as const).flatMap((k): [string, { readonly target: string }][] => (shape[k] ? [[k, shape[k]!]] : [])),
      ];
      for (const [name, ref] of members) {
        if (!marked.has(ref.target)) continue;
        ctx.error(
          "SMITHY_OPERATION_IO_MISUSE",
          `${id}$${name}`,
          `Members cannot target structures marked with the @${descriptor} trait: ${ref.target}`,
          `Target a structure without \`@${descriptor}\` (copy the members into one), or remove \`@${descriptor}\` from \`${ref.target}\``,
        );
      }
    }
    for (const [shape, operations] of users) {
      if (operations.length < 2) continue;
      ctx.error(
        "SMITHY_OPERATION_IO_MISUSE",
        shape,
        `Shapes marked with the @${descriptor} trait cannot be used as ${descriptor} by multiple operations: ${operations.sort().map((o) => `\`${o}\``).join(", ")}`,
        `Give each operation its own ${descriptor} structure (an inline \`${descriptor} := { … }\` does that), or remove \`@${descriptor}\` from \`${shape}\``,
      );
    }
  }
}

export function checkShapeIdConflicts(ctx: ValidationContext): void {
  const byLower = new Map<string, string[]>();
  const add = (id: string) => {
    const key = id.toLowerCase();
    const ids = byLower.get(key);
    if (ids === undefined) byLower.set(key, [id]);
    else ids.push(id);
  };
  for (const [id, shape] of ctx.model.shapes) {
    add(id);
    for (const name of Object.keys(shape.members ?? {})) add(`${id}$${name}`);
  }
  for (const ids of byLower.values()) {
    if (ids.length < 2) continue;
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
}
