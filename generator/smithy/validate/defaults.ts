// @default values, judged as the reference's `DefaultTrait` validator judges them: the value must
// be a value of its shape (node-value.ts: kind, integer width, @length, @pattern, enum values), a
// list's or map's default must be empty, a document's may not be a non-empty array or object, only
// a member may default to null, and a structure member that targets a shape with a default must
// repeat that default (or set null). A wrong default would otherwise become a wrong default value
// in the generated types and deserializers.
//
//   structure Foo { bar: Bar = "hi" }   @length(min: 5) string Bar
//   → error SMITHY_DEFAULT_VALUE at `ns#Foo$bar`: "Error validating @default trait: String value
//     provided for `ns#Bar` must be >= 5 characters, but the provided value is only 2 characters."
//
// A @range failure of a zero default is only a warning in the reference (it lets 1.0 models,
// whose numbers defaulted to zero, load): we report it not at all; any other @range failure is an
// error. A blob default that is not base64 is a warning there too: not judged here.

import { nodeEquals } from "../idl/merge-traits.js";
import { isObjectNode, type AstMemberRef, type NodeValue } from "../ast.js";
import type { ValidationContext } from "./index.js";
import { checkNodeValue, type NodeSubject } from "./node-value.js";

const DEFAULT = "smithy.api#default";
const CODE = "SMITHY_DEFAULT_VALUE";

export function checkDefaults(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    const own = shape.traits?.[DEFAULT];
    if (own !== undefined) {
      if (own === null) {
        ctx.error(CODE, id, `\`${id}\`: the @default trait can be set to null only on members`, "Remove @default(null) from the shape; set `= null` on a member instead to make it nullable", "traits", DEFAULT);
      } else {
        checkValue(ctx, id, own, { id }, shape.type);
      }
    }
    for (const [name, member] of membersOf(shape)) {
      const value = member.traits?.[DEFAULT];
      const memberId = `${id}$${name}`;
      if (value !== undefined && value !== null) checkValue(ctx, memberId, value, { memberId, member }, ctx.shape(member.target)?.type);
      if (shape.type === "structure") checkCoherent(ctx, memberId, member);
    }
  }
}

function membersOf(shape: { type: string; member?: AstMemberRef; key?: AstMemberRef; value?: AstMemberRef; members?: Record<string, AstMemberRef> }): [string, AstMemberRef][] {
  const out: [string, AstMemberRef][] = [];
  if (shape.member !== undefined) out.push(["member", shape.member]);
  if (shape.key !== undefined) out.push(["key", shape.key]);
  if (shape.value !== undefined) out.push(["value", shape.value]);
  // An enum's members hold their value in @enumValue, never a default.
  if (shape.type !== "enum" && shape.type !== "intEnum") for (const name in shape.members) out.push([name, shape.members[name]!]);
  return out;
}

function checkValue(ctx: ValidationContext, at: string, value: NodeValue, subject: NodeSubject, targetType: string | undefined): void {
  for (const p of checkNodeValue(ctx, value, subject)) {
    if (p.range?.zero === true) continue;
    ctx.error(CODE, at, `\`${at}\`: error validating @default trait${p.path === "" ? "" : ` (at ${p.path})`}: ${p.message}`, "Change the default to a value of the member's type that meets its constraints, or remove it", "traits", DEFAULT);
  }
  switch (targetType) {
    case "map":
      if (isObjectNode(value) && Object.keys(value).length > 0) ctx.error(CODE, at, `\`${at}\`: the @default value of a map must be an empty map`, "Use `{}` as the default, or remove it", "traits", DEFAULT);
      return;
    case "list":
    case "set":
      if (Array.isArray(value) && value.length > 0) ctx.error(CODE, at, `\`${at}\`: the @default value of a list must be an empty list`, "Use `[]` as the default, or remove it", "traits", DEFAULT);
      return;
    case "document":
      if (Array.isArray(value) && value.length > 0) ctx.error(CODE, at, `\`${at}\`: the @default value of a document cannot be a non-empty array`, "Use `[]`, `{}` or a simple value as the default", "traits", DEFAULT);
      if (isObjectNode(value) && Object.keys(value).length > 0) ctx.error(CODE, at, `\`${at}\`: the @default value of a document cannot be a non-empty object`, "Use `{}`, `[]` or a simple value as the default", "traits", DEFAULT);
      return;
    default:
      return;
  }
}

/** A structure member whose target has a default repeats it, or sets null. */
function checkCoherent(ctx: ValidationContext, memberId: string, member: AstMemberRef): void {
  const target = ctx.shape(member.target)?.traits?.[DEFAULT];
  if (target === undefined || target === null) return;
  const own = member.traits?.[DEFAULT];
  const shown = JSON.stringify(target);
  if (own === undefined) {
    ctx.error(CODE, memberId, `Member \`${memberId}\` targets ${member.target}, which requires that the member defines the same default of \`${shown}\``, `Give the member the same default (\`= ${shown}\`), or \`= null\` to make it nullable`);
  } else if (own !== null && !nodeEquals(own, target)) {
    ctx.error(
      CODE,
      memberId,
      `Member \`${memberId}\` defines a default value that differs from the default value of the target shape, ${member.target}. The member has a default of \`${JSON.stringify(own)}\`, but the target has a default of \`${shown}\`.`,
      `Use the target's default (\`= ${shown}\`), or \`= null\`, or target a shape without a default`,
      "traits",
      DEFAULT,
    );
  }
}
