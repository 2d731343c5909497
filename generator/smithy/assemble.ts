// Merges several Smithy AST documents into one model: shapes of every file in one map, `apply`
// entries folded into the shapes they target, metadata merged (the reserved keys `validators`,
// `suppressions`, `severityOverrides` checked: reserved-metadata.ts), Smithy 1.0 files upgraded to
// 2.0 semantics (sets become lists with @uniqueItems; @box and implicit zero defaults become
// @default traits), and the loader's checks run (duplicate shapes, trait conflicts, list/map
// members, trait definitions, mixin cycles and types, applies to unknown shapes).
//
//   assemble([{ file: "a.json", ast: { smithy: "2.0", shapes: {
//     "ns#A": { type: "string" }, "ns#A": ..., "ns#B": { type: "apply", traits: { "smithy.api#sensitive": {} } } } } }])
//   → { shapes: Map { "ns#A" → { type: "string" } }, ... }
//
// Mixins are kept as declared here; `flattenMixins` applies them. The prelude is not copied in:
// its shapes are looked up through `preludeShape` by the passes that need them.

import { pointer, type Diagnostics } from "../diagnostics.js";
import type { Position } from "../source-position.js";
import { isObjectNode, type AstApply, type AstMemberRef, type AstShape, type NodeValue } from "./ast.js";
import { mergeTraitValue, nodeEquals } from "./idl/merge-traits.js";
import { memberTraitOf, SelectorContext } from "./idl/selectors.js";
import { mixinFlattener } from "./mixins.js";
import type { LoadedAst } from "./json-ast.js";
import { PRELUDE_IDS, preludeShape } from "./prelude-shapes.js";
import { quoteValue } from "../limits.js";
import { checkReservedMetadata } from "./reserved-metadata.js";
import { append } from "../lists.js";

export interface Origin {
  readonly file: string;
  readonly locate?: LoadedAst["locate"];
  /** JSON path of the shape inside its file's AST. */
  readonly path: readonly (string | number)[];
}

export interface SmithyModel {
  readonly metadata: Record<string, NodeValue>;
  /** Absolute shape id → shape (no `apply` entries). */
  readonly shapes: Map<string, AstShape>;
  /** Where each shape was declared. */
  readonly origins: Map<string, Origin>;
  /** `apply` entries whose target is not a declared shape or member (e.g. a member from a mixin). */
  readonly pendingApplies: { readonly target: string; readonly traits: Record<string, NodeValue>; readonly origin: Origin }[];
}

/** Where a shape (or something inside it) is, for a diagnostic. */
export function whereIs(
  model: SmithyModel,
  id: string,
  ...inner: (string | number)[]
): { file?: string; pointer?: string; line?: number; column?: number } {
  const origin = model.origins.get(id);
  if (!origin) return {};
  const path = [...origin.path, ...inner];
  const pos: Position | undefined = origin.locate?.(path);
  return { file: origin.file, pointer: pointer(...path), ...(pos ?? {}) };
}

const BOX = "smithy.api#box";
const DEFAULT = "smithy.api#default";
/** Shape types that had a zero value in Smithy 1.0. */
const HAD_ZERO_IN_V1 = new Set(["byte", "short", "integer", "long", "float", "double", "boolean", "intEnum"]);

/** A member of a shape by name: `members`, or list `member`, map `key` / `value`. */
export function memberRef(shape: AstShape, name: string): AstMemberRef | undefined {
  if (shape.type === "list" || shape.type === "set") return name === "member" ? shape.member : undefined;
  if (shape.type === "map") return name === "key" ? shape.key : name === "value" ? shape.value : undefined;
  return shape.members && Object.prototype.hasOwnProperty.call(shape.members, name) ? shape.members[name] : undefined;
}

/** A copy of `shape` with member `name` replaced. */
export function withMember(shape: AstShape, name: string, ref: AstMemberRef): AstShape {
  if ((shape.type === "list" || shape.type === "set") && name === "member") return { ...shape, member: ref };
  if (shape.type === "map" && (name === "key" || name === "value")) return { ...shape, [name]: ref };
  return { ...shape, members: { ...shape.members, [name]: ref } };
}

/** Every member of a shape, by name, in order. */
export function membersOf(shape: AstShape): [string, AstMemberRef][] {
  const out: [string, AstMemberRef][] = [];
  if (shape.member) out.push(["member", shape.member]);
  if (shape.key) out.push(["key", shape.key]);
  if (shape.value) out.push(["value", shape.value]);
  for (const [name, ref] of Object.entries(shape.members ?? {})) out.push([name, ref]);
  return out;
}

function isV1(version: string): boolean {
  return version === "1" || version === "1.0";
}

export interface AssembleOptions {
  /**
   * Code generation tolerates traits whose definitions are not loaded (AWS models apply dozens
   * of `aws.*` and `smithy.rules#*` traits without shipping their definitions; Smithy's build has
   * `--allow-unknown-traits` for that): each such trait id is reported once, as info. An unknown
   * trait of the prelude namespace stays an error: that is a typo such as `smithy.api#lenght`.
   */
  readonly allowUnknownTraits?: boolean;
}

export function assemble(inputs: readonly LoadedAst[], diags: Diagnostics, options: AssembleOptions = {}): SmithyModel {
  const model: SmithyModel = { metadata: {}, shapes: new Map(), origins: new Map(), pendingApplies: [] };
  const applies: { target: string; apply: AstApply; origin: Origin }[] = [];
  const v1Shapes = new Set<string>();
  const metadataFrom = new Map<string, string>();
  for (const input of inputs) {
    const at = (...path: (string | number)[]) => ({ file: input.file, pointer: pointer(...path), ...input.locate?.(path) });
    for (const [key, value] of Object.entries(input.ast.metadata ?? {})) {
      if (!checkReservedMetadata(key, value, at, diags)) continue;
      if (!Object.prototype.hasOwnProperty.call(model.metadata, key)) {
        model.metadata[key] = value;
        metadataFrom.set(key, input.file);
        continue;
      }
      const existing = model.metadata[key] as NodeValue;
      if (Array.isArray(existing) && Array.isArray(value)) model.metadata[key] = [...existing, ...value];
      else if (!nodeEquals(existing, value)) {
        diags.error("SMITHY_METADATA_CONFLICT", `Metadata conflict for key \`${key}\`: defined in both ${metadataFrom.get(key)} and ${input.file}`, {
          ...at("metadata", key),
          hint: "Metadata keys merge only when both values are lists or equal; rename one of the keys.",
        });
      }
    }
    const v1 = isV1(input.ast.smithy);
    const shapes = input.ast.shapes ?? {};
    for (const id in shapes) {
      if (!Object.prototype.hasOwnProperty.call(shapes, id)) continue;
      const shape = shapes[id] as AstShape | AstApply;
      const origin: Origin = input.locate ? { file: input.file, path: ["shapes", id], locate: input.locate } : { file: input.file, path: ["shapes", id] };
      if (shape.type === "apply") {
        applies.push({ target: id, apply: shape as AstApply, origin });
        continue;
      }
      if (id.includes("$")) {
        diags.error("SMITHY_MEMBER_ID_SHAPE", `Shapes of type \`${shape.type}\` cannot contain a member in their shape ID. Found \`${id}\``, at("shapes", id));
        continue;
      }
      if (model.shapes.has(id)) {
        const first = model.origins.get(id);
        if (nodeEquals(model.shapes.get(id) as unknown as NodeValue, shape as unknown as NodeValue)) continue;
        diags.error("SMITHY_DUPLICATE_SHAPE", `Conflicting shape definition for \`${id}\`${first ? ` (first in ${first.file})` : ""}`, {
          ...at("shapes", id),
          hint: "Keep one definition of the shape.",
        });
        continue;
      }
      model.shapes.set(id, shape as AstShape);
      model.origins.set(id, origin);
      if (v1) v1Shapes.add(id);
    }
  }
  const traitType = (id: string): string | undefined => (model.shapes.get(id) ?? preludeShape(id))?.type;
  const mergeTraits = (target: string, into: Record<string, NodeValue> | undefined, add: Record<string, NodeValue>, origin: Origin) => {
    const out: Record<string, NodeValue> = { ...into };
    for (const [trait, value] of Object.entries(add)) {
      if (!Object.prototype.hasOwnProperty.call(out, trait)) {
        out[trait] = value;
        continue;
      }
      const merged = mergeTraitValue(out[trait] as NodeValue, value, traitType(trait));
      if (merged === undefined) {
        diags.error("SMITHY_TRAIT_CONFLICT", `Conflicting \`${trait}\` trait found on shape \`${target}\``, {
          file: origin.file,
          pointer: pointer(...origin.path),
          ...origin.locate?.(origin.path),
          hint: "Apply the trait once, or give every application the same value.",
        });
      } else out[trait] = merged;
    }
    return out;
  };
  for (const { target, apply, origin } of applies) {
    const dollar = target.indexOf("$");
    const shapeId = dollar < 0 ? target : target.slice(0, dollar);
    const member = dollar < 0 ? undefined : target.slice(dollar + 1);
    const shape = model.shapes.get(shapeId);
    const ref = shape && member !== undefined ? memberRef(shape, member) : undefined;
    if (!shape || (member !== undefined && !ref)) {
      const at = model.pendingApplies.findIndex((p) => p.target === target);
      const pending = model.pendingApplies[at];
      if (pending) model.pendingApplies[at] = { ...pending, traits: mergeTraits(target, pending.traits, apply.traits, origin) };
      else model.pendingApplies.push({ target, traits: { ...apply.traits }, origin });
      continue;
    }
    // Copy on write: the parsed inputs stay as they were.
    if (member === undefined || ref === undefined) {
      model.shapes.set(shapeId, { ...shape, traits: mergeTraits(target, shape.traits, apply.traits, origin) });
    } else {
      model.shapes.set(shapeId, withMember(shape, member, { ...ref, traits: mergeTraits(target, ref.traits, apply.traits, origin) }));
    }
  }
  upgradeV1(model, v1Shapes, diags);
  // Map loops by forEach: a for-of over entries allocates an array per shape.
  model.shapes.forEach((shape, id) => model.shapes.set(id, normalize(shape)));
  validate(model, diags, options);
  return model;
}

const LIST_KEYS = ["operations", "resources", "errors", "collectionOperations", "mixins"] as const;
const MAP_KEYS = ["rename", "identifiers", "properties", "traits"] as const;

function isEmptyObject(value: object): boolean {
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}

/** Drops empty lists and maps, and gives operations their implicit `smithy.api#Unit` input and output. */
function normalize(shape: AstShape): AstShape {
  let out = shape;
  for (const key of LIST_KEYS) {
    if (shape[key]?.length === 0) {
      if (out === shape) out = { ...shape };
      delete out[key];
    }
  }
  for (const key of MAP_KEYS) {
    const v = shape[key];
    if (v && isEmptyObject(v)) {
      if (out === shape) out = { ...shape };
      delete out[key];
    }
  }
  if (shape.type === "operation" && (!shape.input || !shape.output)) {
    out = { ...out, input: shape.input ?? { target: "smithy.api#Unit" }, output: shape.output ?? { target: "smithy.api#Unit" } };
  }
  return out;
}

function zeroValue(type: string): NodeValue {
  if (type === "boolean") return false;
  if (type === "blob" || type === "string") return "";
  return 0;
}

/** Smithy 1.0 → 2.0, as the reference implementation's interop transform does. */
function upgradeV1(model: SmithyModel, v1Shapes: ReadonlySet<string>, diags: Diagnostics): void {
  if (v1Shapes.size === 0) return;
  const original = new Map(model.shapes);
  /** Whether a target is boxed (nullable) in 1.0 terms. */
  const isBoxed = (id: string): boolean => {
    const target = original.get(id) ?? preludeShape(id);
    if (!target) return true;
    if (v1Shapes.has(id)) return target.traits?.[BOX] !== undefined;
    // 2.0 shapes: boxed unless they have a zero default.
    const d = target.traits?.[DEFAULT];
    return d === undefined || !nodeEquals(d, zeroValue(target.type));
  };
  for (const id of v1Shapes) {
    let shape = model.shapes.get(id) as AstShape;
    const traits = { ...shape.traits };
    if (shape.type === "set") {
      shape = { ...shape, type: "list" };
      traits["smithy.api#uniqueItems"] = {};
      diags.warning("SMITHY_SET_DEPRECATED", `\`${id}\`: set shapes are deprecated; it is loaded as a list with @uniqueItems`, whereIs(model, id));
    }
    if (HAD_ZERO_IN_V1.has(shape.type) && traits[BOX] === undefined && traits[DEFAULT] === undefined) {
      traits[DEFAULT] = zeroValue(shape.type);
    }
    delete traits[BOX];
    if (traits["smithy.api#mixin"] !== undefined) {
      diags.error(
        "SMITHY_MIXIN_IN_V1",
        `Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to \`${id}\` in a model file using version \`1.0\`.`,
        whereIs(model, id, "traits", "smithy.api#mixin"),
      );
    }
    if ((original.get(id) as AstShape).traits?.[DEFAULT] !== undefined) {
      diags.error("SMITHY_DEFAULT_IN_V1", `\`${id}\`: the @default trait can only be used in Smithy 2.0 or later`, whereIs(model, id, "traits", DEFAULT));
    }
    if (shape.type === "structure" && shape.members) {
      const members: Record<string, AstMemberRef> = {};
      for (const [name, m] of Object.entries(shape.members)) {
        const mt: Record<string, NodeValue> = { ...m.traits };
        if (mt[DEFAULT] !== undefined) {
          diags.error("SMITHY_DEFAULT_IN_V1", `\`${id}$${name}\`: the @default trait can only be used in Smithy 2.0 or later`, whereIs(model, id, "members", name, "traits", DEFAULT));
        }
        const target = original.get(m.target) ?? preludeShape(m.target);
        const streamingBlob = target?.type === "blob" && target.traits?.["smithy.api#streaming"] !== undefined && mt["smithy.api#required"] === undefined;
        if (target && (HAD_ZERO_IN_V1.has(target.type) || streamingBlob) && mt[DEFAULT] === undefined && mt[BOX] === undefined && !isBoxed(m.target)) {
          mt[DEFAULT] = zeroValue(target.type);
        } else if (mt[BOX] !== undefined) {
          mt[DEFAULT] = null;
        }
        delete mt[BOX];
        members[name] = Object.keys(mt).length > 0 ? { ...m, traits: mt } : { target: m.target };
      }
      shape = { ...shape, members };
    } else {
      for (const [name, m] of membersOf(shape)) {
        if (m.traits?.[BOX] !== undefined) {
          const mt = { ...m.traits };
          delete mt[BOX];
          shape = withMember(shape, name, Object.keys(mt).length > 0 ? { ...m, traits: mt } : { target: m.target });
        }
      }
    }
    model.shapes.set(id, Object.keys(traits).length > 0 ? { ...shape, traits } : withoutTraits(shape));
  }
}

function withoutTraits(shape: AstShape): AstShape {
  if (shape.traits === undefined) return shape;
  const out = { ...shape };
  delete out.traits;
  return out;
}

/** The hint for a member that fails a selector's `member[trait|T]` for want of T (@httpLabel without @required). */
function missingTraitHint(selector: string, ref: AstMemberRef | undefined): string | undefined {
  const id = memberTraitOf(selector);
  if (id === undefined || ref === undefined) return undefined;
  if (ref.traits !== undefined && id in ref.traits) return undefined;
  const name = id.replace(/^smithy\.api#/, "");
  return `Mark the member \`@${name}\` (the trait applies only to members that have it), or remove the trait.`;
}

/** The loader's checks on the assembled (not yet flattened) model. */
function validate(model: SmithyModel, diags: Diagnostics, options: AssembleOptions): void {
  // Shapes with their mixins applied, one at a time as they are asked for (a trait definition
  // may get its @trait from a mixin).
  let flatten: ((id: string) => AstShape | undefined) | undefined;
  const flat = (id: string): AstShape | undefined => (flatten ??= mixinFlattener(model).flat)(id);
  const lookup = (id: string): AstShape | undefined => {
    const shape = model.shapes.get(id);
    if (shape === undefined) return preludeShape(id);
    return shape.mixins === undefined || shape.mixins.length === 0 ? shape : flat(id);
  };
  const toleratedTraits = new Set<string>();
  // Where traits may be applied: every trait definition's selector, evaluated on the model with
  // its mixins applied (shapes flattened one at a time, as selectors reach them), each selector
  // once per model (selectors.ts keeps its results in the context).
  let selectors: SelectorContext | undefined;
  const allows = (selector: string, id: string, member: string | undefined): boolean | undefined => {
    if (selectors === undefined) {
      selectors = new SelectorContext({
        lookup: (shapeId) => (model.shapes.has(shapeId) ? flat(shapeId) : preludeShape(shapeId)),
        ids: function* () {
          yield* model.shapes.keys();
          for (const p of PRELUDE_IDS) if (!model.shapes.has(p)) yield p;
        },
        mixinsOf: (shapeId) => model.shapes.get(shapeId)?.mixins,
      });
    }
    return selectors.matches(selector, id, member);
  };
  // Traits must be defined, by shapes marked @trait. The owner's id and the trait's position
  // are made only for a diagnostic.
  const owner = (id: string, member: string | undefined) => (member === undefined ? id : `${id}$${member}`);
  const where = (id: string, member: string | undefined, trait: string) =>
    member === undefined
      ? whereIs(model, id, "traits", trait)
      : member === "member" || member === "key" || member === "value"
        ? whereIs(model, id, member, "traits", trait)
        : whereIs(model, id, "members", member, "traits", trait);
  const checkTraits = (
    traits: Record<string, NodeValue> | undefined,
    id: string,
    shape: AstShape,
    member: string | undefined,
    ref?: AstMemberRef,
  ) => {
    if (traits === undefined) return;
    for (const trait in traits) {
      if (!Object.prototype.hasOwnProperty.call(traits, trait)) continue;
      const value = traits[trait] as NodeValue;
      const def = lookup(trait);
      if (!def && options.allowUnknownTraits && !trait.startsWith("smithy.api#")) {
        if (!toleratedTraits.has(trait)) {
          toleratedTraits.add(trait);
          diags.add({
            code: "SMITHY_UNKNOWN_TRAIT",
            severity: "info",
            message: `Trait \`${trait}\` (applied to \`${owner(id, member)}\`) is not defined by any loaded model; its values are not checked`,
            ...where(id, member, trait),
            hint: "Load the model that defines it to check its values.",
          });
        }
        continue;
      }
      if (!def) {
        diags.error("SMITHY_UNKNOWN_TRAIT", `Unable to resolve trait \`${trait}\` applied to \`${owner(id, member)}\`. If this is a custom trait, it must be defined and loaded.`, {
          ...where(id, member, trait),
          hint: "Define the trait shape (with @trait) or load the model file that defines it.",
        });
        continue;
      }
      if (def.traits?.["smithy.api#trait"] === undefined) {
        diags.error("SMITHY_NOT_A_TRAIT", `Shape \`${trait}\` cannot be applied as a trait. If this is a custom trait, please add \`@trait\` to this shape.`, where(id, member, trait));
        continue;
      }
      // A mixin is not a trait, even with @trait (the shapes that mix it in are).
      if (def.traits["smithy.api#mixin"] !== undefined) {
        diags.error(
          "SMITHY_TRAIT_TARGET",
          `Trait \`${trait}\` cannot be applied to \`${owner(id, member)}\`: it is a mixin, and a mixin cannot be applied as a trait`,
          { ...where(id, member, trait), hint: "Apply a trait shape that mixes it in (`structure myTrait with [mixin] {}`), or remove the trait." },
        );
        continue;
      }
      const defValue = def.traits["smithy.api#trait"];
      const selector = isObjectNode(defValue) ? defValue["selector"] : undefined;
      if (typeof selector === "string" && allows(selector, id, member) === false) {
        diags.error(
          "SMITHY_TRAIT_TARGET",
          `Trait \`${trait}\` cannot be applied to \`${owner(id, member)}\`. This trait may only be applied to shapes that match the following selector: ${selector}`,
          { ...where(id, member, trait), hint: missingTraitHint(selector, ref) ?? "Remove the trait, or move it to a shape it applies to." },
        );
      }
      if (value === null && def.type !== "document") {
        diags.error("SMITHY_TRAIT_VALUE", `Error validating trait \`${trait}\` on \`${owner(id, member)}\`: expected a ${def.type} value but found null`, { ...where(id, member, trait), hint: `Give the trait a ${def.type} value, or remove it` });
      } else if (def.type === "structure" && !isObjectNode(value)) {
        diags.error("SMITHY_TRAIT_VALUE", `Error validating trait \`${trait}\` on \`${owner(id, member)}\`: expected an object value for structure shape \`${trait}\`; found ${quoteValue(value)}`, { ...where(id, member, trait), hint: "Give the trait an object value (`{...}`) with the members its structure defines" });
      }
    }
  };
  model.shapes.forEach((shape, id) => {
    checkTraits(shape.traits, id, shape, undefined);
    if (shape.member) checkTraits(shape.member.traits, id, shape, "member", shape.member);
    if (shape.key) checkTraits(shape.key.traits, id, shape, "key", shape.key);
    if (shape.value) checkTraits(shape.value.traits, id, shape, "value", shape.value);
    const members = shape.members;
    if (members !== undefined) {
      for (const name in members) {
        if (Object.prototype.hasOwnProperty.call(members, name)) checkTraits((members[name] as AstMemberRef).traits, id, shape, name, members[name] as AstMemberRef);
      }
    }
  });
  // Traits applied to members that a shape inherits from its mixins: where they may be applied.
  for (const p of model.pendingApplies) {
    const dollar = p.target.indexOf("$");
    if (dollar < 0) continue;
    for (const trait in p.traits) {
      const def = lookup(trait);
      const defValue = def?.traits?.["smithy.api#trait"];
      const selector = isObjectNode(defValue) ? defValue["selector"] : undefined;
      if (typeof selector !== "string" || def?.traits?.["smithy.api#mixin"] !== undefined) continue;
      if (allows(selector, p.target.slice(0, dollar), p.target.slice(dollar + 1)) === false) {
        diags.error(
          "SMITHY_TRAIT_TARGET",
          `Trait \`${trait}\` cannot be applied to \`${p.target}\`. This trait may only be applied to shapes that match the following selector: ${selector}`,
          { file: p.origin.file, pointer: pointer(...p.origin.path), ...p.origin.locate?.(p.origin.path), hint: "Remove the trait, or move it to a shape it applies to." },
        );
      }
    }
  }
  checkMixins(model, diags);
  for (const p of model.pendingApplies) {
    const dollar = p.target.indexOf("$");
    const root = model.shapes.get(dollar < 0 ? p.target : p.target.slice(0, dollar));
    const name = p.target.slice(dollar + 1);
    if (!root || dollar < 0 || !inheritsMember(model, root, name, new Set())) {
      const trait = Object.keys(p.traits)[0] ?? "";
      diags.error("SMITHY_APPLY_UNKNOWN_SHAPE", `Trait \`${trait.replace(/^smithy\.api#/, "")}\` applied to unknown shape \`${p.target}\``, {
        file: p.origin.file,
        pointer: pointer(...p.origin.path),
        ...p.origin.locate?.(p.origin.path),
        hint: "Fix the shape id of the `apply`, or define the shape.",
      });
    }
  }
}

function inheritsMember(model: SmithyModel, shape: AstShape, name: string, seen: Set<string>): boolean {
  for (const mixin of shape.mixins ?? []) {
    if (seen.has(mixin.target)) continue;
    seen.add(mixin.target);
    const m = model.shapes.get(mixin.target);
    if (m && (memberRef(m, name) !== undefined || inheritsMember(model, m, name, seen))) return true;
  }
  return false;
}

/** Mixins must exist, be @mixin shapes of the same type, and not form cycles; list and map members must be complete. */
function checkMixins(model: SmithyModel, diags: Diagnostics): void {
  const state = new Map<string, "visiting" | "done">();
  const inCycle = new Set<string>();
  const visit = (id: string, stack: string[]): void => {
    const s = state.get(id);
    if (s === "done") return;
    if (s === "visiting") {
      for (const x of stack.slice(stack.indexOf(id))) inCycle.add(x);
      return;
    }
    state.set(id, "visiting");
    stack.push(id);
    for (const m of model.shapes.get(id)?.mixins ?? []) if (model.shapes.has(m.target)) visit(m.target, stack);
    stack.pop();
    state.set(id, "done");
  };
  // Only shapes with mixins can start a cycle (a shape without is marked done when reached).
  const stack: string[] = [];
  model.shapes.forEach((shape, id) => {
    if (shape.mixins !== undefined && shape.mixins.length > 0) visit(id, stack);
  });
  for (const id of [...inCycle].sort()) {
    const others = [...inCycle].filter((x) => x !== id).sort();
    diags.error("SMITHY_MIXIN_CYCLE", `Unable to resolve mixins of \`${id}\`; cycles detected between this shape and [${others.join(", ")}]`, {
      ...whereIs(model, id, "mixins"),
      hint: "Remove one of the mixins that lead back to this shape.",
    });
  }
  const hasMember = (shape: AstShape, name: string, seen: Set<string>): boolean =>
    memberRef(shape, name) !== undefined || inheritsMember(model, shape, name, seen);
  model.shapes.forEach((shape, id) => {
    if (inCycle.has(id)) return;
    const mixins = shape.mixins ?? [];
    const hasMixins = mixins.length > 0;
    if (hasMixins) {
      const wrong: string[] = [];
      for (const m of mixins) {
        const mixin = model.shapes.get(m.target);
        if (!mixin) continue;
        if (mixin.traits?.["smithy.api#mixin"] === undefined) {
          diags.error("SMITHY_NOT_A_MIXIN", `\`${id}\` uses \`${m.target}\` as a mixin, but it has no @mixin trait`, whereIs(model, id, "mixins"));
        }
        if (mixin.type !== shape.type) wrong.push(`\`${m.target}\``);
      }
      if (wrong.length > 0) {
        diags.error(
          "SMITHY_MIXIN_TYPE",
          `Mixins may only be mixed into shapes of the same type. The following mixins were applied to the ${shape.type} shape \`${id}\` which are not ${shape.type} shapes: [${wrong.join(", ")}]`,
          whereIs(model, id, "mixins"),
        );
      }
    }
    if (shape.type === "list" || shape.type === "set" || shape.type === "map") {
      // A member held locally needs no walk of the mixins.
      const required = shape.type === "map" ? ["key", "value"] : ["member"];
      const missing = required.filter((name) => memberRef(shape, name) === undefined && !(hasMixins && hasMember(shape, name, new Set())));
      if (missing.length > 0) {
        diags.error(
          "SMITHY_MISSING_MEMBER",
          `Missing required member${missing.length > 1 ? "s" : ""} of shape \`${id}\`: ${missing.join(", ")}`,
          whereIs(model, id),
        );
      }
      for (const name of Object.keys(shape.members ?? {})) {
        diags.error(
          "SMITHY_BAD_MEMBER",
          shape.type === "map"
            ? `Map shapes may only have \`key\` and \`value\` members, but found \`${name}\` in \`${id}\``
            : `List shapes may only have a \`member\` member, but found \`${name}\` in \`${id}\``,
          whereIs(model, id, "members", name),
        );
      }
    }
    // Members from several mixins, or redefined locally, must keep one target. A name defined by
    // one shape only (local or one mixin of the closure) cannot clash: only names defined twice
    // are looked up (so a chain of N mixins, each adding a member, costs N², not N³). Without
    // mixins nothing is inherited: nothing to look at.
    if (hasMixins) {
      const definitions = new Map<string, number>(membersOf(shape).map(([name]) => [name, 1]));
      const closure = new Set<string>();
      for (const m of mixins) {
        const mixin = model.shapes.get(m.target);
        if (!mixin || closure.has(m.target)) continue;
        closure.add(m.target);
        for (const name of allMemberNames(model, mixin, closure)) definitions.set(name, (definitions.get(name) ?? 0) + 1);
      }
      for (const [name, count] of definitions) {
        if (count < 2) continue;
        const local = memberRef(shape, name);
        const inherited = inheritedMembers(model, shape, name, new Set());
        const first = local ?? inherited[0]?.ref;
        const clash = inherited.find((x) => x.ref.target !== first?.target);
        if (clash) {
          diags.error(
            "SMITHY_MIXIN_MEMBER_CONFLICT",
            `Member \`${id}$${name}\` conflicts with an inherited mixin member: \`${clash.owner}$${name}\``,
            whereIs(model, id, ...(local ? ["members", name] : ["mixins"])),
          );
        }
      }
    }
    if (shape.traits?.["smithy.api#mixin"] !== undefined) {
      if (shape.type === "operation" && ((shape.input && shape.input.target !== "smithy.api#Unit") || (shape.output && shape.output.target !== "smithy.api#Unit"))) {
        diags.error(
          "SMITHY_MIXIN_OPERATION_IO",
          `Operation shapes with the mixin trait MUST target \`smithy.api#Unit\` for their input and output. Operation mixin shape \`${id}\` defines one or both of these properties.`,
          whereIs(model, id),
        );
      }
      if (shape.type === "resource" && Object.keys({ ...shape.properties, ...shape.identifiers }).length > 0) {
        diags.error(
          "SMITHY_MIXIN_RESOURCE_PROPERTIES",
          `Resource shapes with the mixin trait may not define any properties. Resource mixin shape \`${id}\` defines one or more properties.`,
          whereIs(model, id, "properties"),
        );
      }
    }
  });
}

/** The member names of `shape` and of its mixins not yet `seen`, depth first, into one array (not one per level). */
function allMemberNames(model: SmithyModel, shape: AstShape, seen: Set<string>, out: string[] = []): string[] {
  for (const [name] of membersOf(shape)) out.push(name);
  for (const m of shape.mixins ?? []) {
    if (seen.has(m.target)) continue;
    seen.add(m.target);
    const mixin = model.shapes.get(m.target);
    if (mixin) allMemberNames(model, mixin, seen, out);
  }
  return out;
}

/** Every mixin member named `name` that `shape` inherits, nearest first. */
export function inheritedMembers(model: SmithyModel, shape: AstShape, name: string, seen: Set<string>): { owner: string; ref: AstMemberRef }[] {
  const out: { owner: string; ref: AstMemberRef }[] = [];
  for (const mixin of shape.mixins ?? []) {
    if (seen.has(mixin.target)) continue;
    seen.add(mixin.target);
    const m = model.shapes.get(mixin.target);
    if (!m) continue;
    const ref = memberRef(m, name);
    if (ref) out.push({ owner: mixin.target, ref });
    else append(out, inheritedMembers(model, m, name, seen));
  }
  return out;
}
