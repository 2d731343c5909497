// Traits judged on the shape or member that carries them, and members judged by their container,
// as the reference's validators of the same names judge them:
// - `RangeTrait`: a @range bound with a fraction on a shape (or a member's target) without
//   decimals, and `min` greater than `max`; `LengthTrait`: a negative bound, `min` over `max`.
// - `ExclusiveStructureMemberTrait`: a trait defined `structurallyExclusive: "member"` on more than
//   one member of a structure, or (`"target"`) more than one member targeting a shape with it.
// - `TraitConflict`: two traits on one shape where one's definition lists the other in `conflicts`.
// - `JsonName`: two members of a structure or union whose JSON names (@jsonName or the member's
//   name) are the same. `Union`: a union without members. `UnitType`: a member of a structure,
//   list or map that targets `smithy.api#Unit`.
// - `EnumTrait`: an @enum trait where some definitions have a `name` and some not, or two share a
//   name or a value. `EnumShape`: two members of an enum or intEnum with the same value.
//
//   structure A { @jsonName("b") a: String, b: String }
//   → error SMITHY_JSON_NAME_CONFLICT at `ns#A`: "This shape contains members with conflicting JSON
//     names that resolve to 'b': a, b"

import { BigNumberNode, isObjectNode, type AstMemberRef, type AstShape, type NodeValue } from "../ast.js";
import { numberText } from "../../model/decimal.js";
import type { ValidationContext } from "./index.js";

const UNIT = "smithy.api#Unit";
const DECIMAL_TYPES = new Set(["float", "double", "bigDecimal"]);

export function checkMemberTraits(ctx: ValidationContext): void {
  // Each trait's `conflicts` list, read from its definition once per run (most traits have none).
  const conflictsOf = new Map<string, readonly string[] | undefined>();
  const exclusiveOf = new Map<string, NodeValue | undefined>();
  const member = (id: string, name: string, ref: AstMemberRef, unitless: boolean) => {
    if (ref.traits !== undefined) checkOwner(ctx, conflictsOf, `${id}$${name}`, ref.traits, "member", ref.target);
    if (ref.target === UNIT && unitless) {
      ctx.error("SMITHY_UNIT_TYPE", `${id}$${name}`, `\`${id}$${name}\`: only members of a union, enum, or intEnum can reference smithy.api#Unit`, "Target another shape; `smithy.api#Unit` means \"no value\" and only fits union, enum and intEnum members");
    }
  };
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.traits !== undefined) checkOwner(ctx, conflictsOf, id, shape.traits, shape.type);
    const unitless = shape.type === "structure" || shape.type === "list" || shape.type === "set" || shape.type === "map";
    if (shape.member !== undefined) member(id, "member", shape.member, unitless);
    if (shape.key !== undefined) member(id, "key", shape.key, unitless);
    if (shape.value !== undefined) member(id, "value", shape.value, unitless);
    const members = shape.members;
    if (members !== undefined) {
      for (const name in members) {
        const ref = members[name]!;
        if (ref.traits !== undefined || ref.target === UNIT) member(id, name, ref, unitless);
      }
    }
    switch (shape.type) {
      case "structure":
        checkExclusive(ctx, exclusiveOf, id, shape);
        checkJsonNames(ctx, id, shape);
        break;
      case "union":
        if (Object.keys(shape.members ?? {}).length === 0) ctx.error("SMITHY_EMPTY_UNION", id, `\`${id}\`: tagged unions must have one or more members`, "Add a member to the union, or remove it");
        checkJsonNames(ctx, id, shape);
        break;
      case "enum":
      case "intEnum":
        checkEnumShape(ctx, id, shape);
        break;
      default:
        break;
    }
    const enumTrait = shape.traits?.["smithy.api#enum"];
    if (Array.isArray(enumTrait)) checkEnumTrait(ctx, id, enumTrait);
  }
}

/** The name the reference gives a trait in messages: relative in the prelude's namespace. */
function traitName(id: string): string {
  return id.startsWith("smithy.api#") ? id.slice("smithy.api#".length) : id;
}

function numberOf(value: NodeValue | undefined): string | undefined {
  if (typeof value === "number") return numberText(value);
  return value instanceof BigNumberNode ? value.text : undefined;
}

/** @range, @length and trait conflicts of one shape or member. */
function checkOwner(ctx: ValidationContext, conflictsOf: Map<string, readonly string[] | undefined>, id: string, traits: Readonly<Record<string, NodeValue>>, kind: string, target?: string): void {
  const range = traits["smithy.api#range"];
  if (isObjectNode(range)) {
    const type = target === undefined ? kind : ctx.shape(target)?.type;
    for (const bound of ["max", "min"] as const) {
      const text = numberOf(range[bound]);
      if (text === undefined || /^-?\d+$/.test(text) || type === undefined || DECIMAL_TYPES.has(type)) continue;
      const message =
        kind === "member"
          ? `Member \`${id}\` is marked with the \`range\` trait, but its \`${bound}\` property is a decimal (${text}) when its target (\`${target}\`) does not support decimals.`
          : `Shape \`${id}\` is marked with the \`range\` trait, but its \`${bound}\` property is a decimal (${text}) when its shape (\`${type}\`) does not support decimals.`;
      ctx.error("SMITHY_RANGE_TRAIT", id, message, `Use a whole number for \`${bound}\`, or a float, double or bigDecimal shape`, "traits", "smithy.api#range");
    }
    const min = range["min"];
    const max = range["max"];
    if (greater(min, max)) ctx.error("SMITHY_RANGE_TRAIT", id, `\`${id}\`: a range trait is applied with a \`min\` value greater than its \`max\` value.`, "Make `min` at most `max`", "traits", "smithy.api#range");
  }
  const length = traits["smithy.api#length"];
  if (isObjectNode(length)) {
    const min = length["min"];
    const max = length["max"];
    const hint = "A length is a count of characters, bytes, elements or entries: use bounds >= 0 with `min` at most `max`";
    if (greater(0, max)) ctx.error("SMITHY_LENGTH_TRAIT", id, `\`${id}\`: a length trait is applied with a negative \`max\` value.`, hint, "traits", "smithy.api#length");
    if (greater(0, min)) ctx.error("SMITHY_LENGTH_TRAIT", id, `\`${id}\`: a length trait is applied with a negative \`min\` value.`, hint, "traits", "smithy.api#length");
    if (greater(min, max)) ctx.error("SMITHY_LENGTH_TRAIT", id, `\`${id}\`: a length trait is applied with a \`min\` value greater than its \`max\` value.`, hint, "traits", "smithy.api#length");
  }
  let conflicts: string[] | undefined;
  for (const trait in traits) {
    let listed = conflictsOf.get(trait);
    if (listed === undefined && !conflictsOf.has(trait)) {
      const def = ctx.shape(trait)?.traits?.["smithy.api#trait"];
      const list = isObjectNode(def) ? def["conflicts"] : undefined;
      listed = Array.isArray(list) && list.length > 0 ? list.filter((c): c is string => typeof c === "string") : undefined;
      conflictsOf.set(trait, listed);
    }
    if (listed === undefined) continue;
    for (const other of listed) {
      if (other !== trait && Object.prototype.hasOwnProperty.call(traits, other)) (conflicts ??= []).push(`\`${traitName(trait)}\` conflicts with \`${traitName(other)}\``);
    }
  }
  conflicts?.sort();
  if (conflicts !== undefined) {
    ctx.error("SMITHY_CONFLICTING_TRAITS", id, `\`${id}\`: found conflicting traits on ${kind} shape: ${conflicts.join(", ")}`, "Keep only one of the conflicting traits", "traits");
  }
}

/** Whether both are numbers and `a` > `b`. */
function greater(a: NodeValue | undefined, b: NodeValue | undefined): boolean {
  const x = typeof a === "number" ? a : a instanceof BigNumberNode ? a.approx : undefined;
  const y = typeof b === "number" ? b : b instanceof BigNumberNode ? b.approx : undefined;
  return x !== undefined && y !== undefined && x > y;
}

function checkExclusive(ctx: ValidationContext, exclusiveOf: Map<string, NodeValue | undefined>, id: string, shape: AstShape): void {
  let byTrait: Map<string, { kind: "member" | "target"; names: string[] }> | undefined;
  const note = (traits: Readonly<Record<string, NodeValue>> | undefined, kind: "member" | "target", name: string) => {
    for (const trait in traits) {
      // Each trait's `structurallyExclusive`, read from its definition once per run.
      let exclusive = exclusiveOf.get(trait);
      if (exclusive === undefined && !exclusiveOf.has(trait)) {
        const def = ctx.shape(trait)?.traits?.["smithy.api#trait"];
        exclusive = isObjectNode(def) ? def["structurallyExclusive"] : undefined;
        exclusiveOf.set(trait, exclusive);
      }
      if (exclusive !== kind) continue;
      byTrait ??= new Map();
      const entry = byTrait.get(`${kind} ${trait}`) ?? { kind, names: [] };
      entry.names.push(name);
      byTrait.set(`${kind} ${trait}`, entry);
    }
  };
  for (const name in shape.members) {
    const member = shape.members[name]!;
    note(member.traits, "member", name);
    note(ctx.shape(member.target)?.traits, "target", name);
  }
  if (byTrait === undefined) return;
  for (const [key, { kind, names }] of [...byTrait].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (names.length < 2) continue;
    const trait = traitName(key.slice(key.indexOf(" ") + 1));
    const list = names.sort().map((n) => `\`${n}\``).join(", ");
    const message =
      kind === "member"
        ? `\`${id}\`: the \`${trait}\` trait can be applied to only a single member of a shape, but it was found on the following members: ${list}`
        : `\`${id}\`: only a single member of a structure can target a shape marked with the \`${trait}\` trait, but it was found on the following members: ${list}`;
    ctx.error("SMITHY_EXCLUSIVE_MEMBER_TRAIT", id, message, kind === "member" ? `Keep \`@${trait}\` on one member only` : `Let only one member target a shape with \`@${trait}\``);
  }
}

function checkJsonNames(ctx: ValidationContext, id: string, shape: AstShape): void {
  let any = false;
  for (const name in shape.members) if (shape.members[name]!.traits?.["smithy.api#jsonName"] !== undefined) any = true;
  if (!any) return;
  const members = Object.entries(shape.members ?? {});
  const byName = new Map<string, string[]>();
  for (const [name, member] of members) {
    const json = member.traits?.["smithy.api#jsonName"];
    const key = typeof json === "string" ? json : name;
    byName.set(key, [...(byName.get(key) ?? []), name]);
  }
  for (const [json, names] of [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (names.length < 2) continue;
    ctx.error("SMITHY_JSON_NAME_CONFLICT", id, `\`${id}\`: this shape contains members with conflicting JSON names that resolve to '${json}': ${names.sort().join(", ")}`, "Give each member a distinct @jsonName");
  }
}

function checkEnumShape(ctx: ValidationContext, id: string, shape: AstShape): void {
  const seen = new Map<string, string>();
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const raw = member.traits?.["smithy.api#enumValue"] ?? (shape.type === "enum" ? name : undefined);
    const value = typeof raw === "string" ? raw : numberOf(raw);
    if (value === undefined) continue;
    if (seen.has(value)) {
      ctx.error("SMITHY_ENUM_SHAPE", `${id}$${name}`, `\`${id}$${name}\`: multiple ${shape.type} members found with duplicate value \`${value}\``, `Give the member a value no other member of \`${id}\` has`);
    } else {
      seen.set(value, name);
    }
  }
}

function checkEnumTrait(ctx: ValidationContext, id: string, definitions: readonly NodeValue[]): void {
  const bodies = definitions.filter(isObjectNode);
  const named = bodies.some((b) => b["name"] !== undefined);
  const names = new Set<string>();
  const values = new Set<string>();
  for (const body of bodies) {
    const value = body["value"];
    if (typeof value === "string") {
      if (values.has(value)) ctx.error("SMITHY_ENUM_TRAIT", id, `\`${id}\`: duplicate enum trait values found with the same \`value\` property of '${value}'`, "Give each enum definition a distinct value", "traits", "smithy.api#enum");
      values.add(value);
    }
    const name = body["name"];
    if (typeof name === "string") {
      if (names.has(name)) ctx.error("SMITHY_ENUM_TRAIT", id, `\`${id}\`: duplicate enum trait values found with the same \`name\` property of '${name}'`, "Give each enum definition a distinct name", "traits", "smithy.api#enum");
      names.add(name);
    } else if (named && name === undefined) {
      ctx.error(
        "SMITHY_ENUM_TRAIT",
        id,
        `\`${id}\`: \`${String(value)}\` enum value body is missing the \`name\` property; if any enum trait value contains a \`name\` property, then all values must contain the \`name\` property.`,
        "Give every enum definition a `name`, or none",
        "traits",
        "smithy.api#enum",
      );
    }
  }
}
