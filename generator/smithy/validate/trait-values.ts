// Each applied trait's value judged against its trait shape, as the reference's `TraitValue`
// validator judges it (node-value.ts): the value's kind, required structure members, @length,
// @pattern, @range, @enum and @idRef (a shape id, found when `failWhenMissing`, matching the
// selector) of the trait shape and its members. A @range failure is its own event in the
// reference (`TraitValue.Member.InvalidRange`), and its own code here.
//
//   @trait structure longPoll { @required @range(min: 1) timeoutMillis: Integer }
//   @longPoll(timeoutMillis: 0) operation Wait {}
//   → error SMITHY_TRAIT_VALUE_RANGE at `ns#Wait`: "Error validating trait `longPoll`.timeoutMillis:
//     Value provided for `smithy.api#longPoll$timeoutMillis` must be greater than or equal to 1, but found 0"
//
// A null value, or a structure trait given a non-object, is the loader's (SMITHY_TRAIT_VALUE in
// assemble.ts): the model stops there. A trait without a loaded definition is not judged.

import { isObjectNode, type AstShape, type NodeValue } from "../ast.js";
import type { ValidationContext } from "./index.js";
import { checkNodeValue, type NodeProblem } from "./node-value.js";

export function checkTraitValues(ctx: ValidationContext): void {
  const plain = new Map<string, Plain>();
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.traits !== undefined) judge(ctx, plain, id, undefined, shape.traits);
    if (shape.member?.traits !== undefined) judge(ctx, plain, id, "member", shape.member.traits);
    if (shape.key?.traits !== undefined) judge(ctx, plain, id, "key", shape.key.traits);
    if (shape.value?.traits !== undefined) judge(ctx, plain, id, "value", shape.value.traits);
    const members = shape.members;
    if (members === undefined) continue;
    for (const name in members) {
      const traits = members[name]!.traits;
      if (traits !== undefined) judge(ctx, plain, id, name, traits);
    }
  }
}

/**
 * A trait shape whose every value of the right kind is valid: a string with no constraint
 * (`documentation`), a structure without members (an annotation trait, `required`), or a
 * document (`enumValue`: any value). Most
 * applied traits are such; they need only their kind checked. `no`: judge the value in full.
 */
type Plain = "string" | "annotation" | "any" | "no";

const CONSTRAINTS = ["smithy.api#length", "smithy.api#pattern", "smithy.api#range", "smithy.api#enum", "smithy.api#idRef"];

function plainness(def: AstShape): Plain {
  if (def.type === "document") return "any"; // `enumValue`: every value is a document
  if (def.type === "string" && !CONSTRAINTS.some((c) => def.traits?.[c] !== undefined)) return "string";
  if (def.type === "structure" && (def.members === undefined || Object.keys(def.members).length === 0)) return "annotation";
  return "no";
}

/**
 * Whether the reference fails to create a prelude trait from this value (its event `Model`, the
 * loader's SMITHY_TRAIT_VALUE here) rather than judging the value (`TraitValue`): a prelude trait's
 * value of the wrong kind, without a required member, with a malformed shape id, or an @error
 * other than client or server.
 */
function cannotBeCreated(trait: string, kind: NodeProblem["kind"]): boolean {
  if (!trait.startsWith("smithy.api#")) return false;
  switch (kind) {
    case "type":
    case "required":
    case "shapeId":
      return true;
    case "enum":
      return trait === "smithy.api#error";
    case "constraint":
      return false;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function judge(ctx: ValidationContext, plain: Map<string, Plain>, id: string, member: string | undefined, traits: Readonly<Record<string, NodeValue>>): void {
  for (const trait in traits) {
    const value = traits[trait]!;
    let kind = plain.get(trait);
    if (kind === "string" && typeof value === "string") continue;
    if (kind === "annotation" && isObjectNode(value) && Object.keys(value).length === 0) continue;
    if (kind === "any") continue;
    const def = ctx.shape(trait);
    if (def === undefined || def.traits?.["smithy.api#trait"] === undefined || value === null) continue;
    if (kind === undefined) plain.set(trait, (kind = plainness(def)));
    if (def.type === "structure" && !isObjectNode(value)) continue;
    const problems = checkNodeValue(ctx, value, { id: trait });
    if (problems.length === 0) continue;
    const name = trait.startsWith("smithy.api#") ? trait.slice("smithy.api#".length) : trait;
    const at = member === undefined ? id : `${id}$${member}`;
    for (const p of problems) {
      const where = `\`${name}\`${p.path === "" ? "" : `.${p.path}`}`;
      ctx.error(
        p.range !== undefined ? "SMITHY_TRAIT_VALUE_RANGE" : cannotBeCreated(trait, p.kind) ? "SMITHY_TRAIT_VALUE" : "SMITHY_TRAIT_VALUE_SHAPE",
        at,
        `Error validating trait ${where} on \`${at}\`: ${p.message}`,
        `Give the trait a value that fits its definition, \`${trait}\``,
        "traits",
        trait,
      );
    }
  }
}
