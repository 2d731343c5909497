// Applies mixins: every shape gets the members and traits of its mixins (transitively, mixins
// first, in declaration order), local definitions win, and `apply` entries to inherited members
// land on the copied members. The `mixins` lists are dropped; mixin shapes stay in the model.
//
//   @mixin structure M { a: String }   structure S with [M] { b: Integer }
//   → S: { members: { a: { target: String }, b: { target: Integer } } }
//
// Traits of a mixin shape that are not inherited: `@mixin` itself and those it names in
// `localTraits`.

import { isObjectNode, type AstMemberRef, type AstShape, type NodeValue } from "./ast.js";
import { membersOf, type SmithyModel, withMember } from "./assemble.js";

const MIXIN = "smithy.api#mixin";

function inheritableTraits(mixin: AstShape): Record<string, NodeValue> {
  const traits: Record<string, NodeValue> = { ...mixin.traits };
  const def = traits[MIXIN];
  delete traits[MIXIN];
  if (isObjectNode(def)) {
    const local = def["localTraits"];
    if (Array.isArray(local)) for (const t of local) if (typeof t === "string") delete traits[t];
  }
  return traits;
}

function mergeRefs(a: { target: string }[] | undefined, b: { target: string }[] | undefined): { target: string }[] | undefined {
  if (!a?.length) return b;
  const seen = new Set(a.map((r) => r.target));
  return [...a, ...(b ?? []).filter((r) => !seen.has(r.target))];
}

export function flattenMixins(model: SmithyModel): SmithyModel {
  const { flat, unapplied } = mixinFlattener(model);
  const shapes = new Map<string, AstShape>();
  for (const id of model.shapes.keys()) shapes.set(id, flat(id) as AstShape);
  const pendingApplies = model.pendingApplies.filter((p) => unapplied.has(p));
  return { metadata: model.metadata, shapes, origins: model.origins, pendingApplies };
}

/**
 * One shape of the model at a time with its mixins applied (memoized), for a caller that needs a
 * few shapes flattened (the selectors of trait definitions) and not the whole model. `unapplied`:
 * the `apply` entries to inherited members not yet placed (all of them placed once every shape is).
 */
export function mixinFlattener(model: SmithyModel): { flat: (id: string) => AstShape | undefined; unapplied: Set<SmithyModel["pendingApplies"][number]> } {
  // `apply` to inherited members, by shape: applied as the shape is flattened, so that shapes
  // mixing in this one inherit them too.
  const pendingByShape = new Map<string, SmithyModel["pendingApplies"]>();
  for (const p of model.pendingApplies) {
    const root = p.target.split("$")[0] as string;
    pendingByShape.set(root, [...(pendingByShape.get(root) ?? []), p]);
  }
  const unapplied = new Set(model.pendingApplies);
  const done = new Map<string, AstShape>();
  const visiting = new Set<string>();
  const flat = (id: string): AstShape | undefined => {
    const cached = done.get(id);
    if (cached) return cached;
    const shape = model.shapes.get(id);
    if (!shape) return undefined;
    if (!shape.mixins?.length || visiting.has(id)) return shape;
    visiting.add(id);
    const members: [string, AstMemberRef][] = [];
    // Where each member name stands in `members` (a chain of N mixins would otherwise cost N² per shape).
    const index = new Map<string, number>();
    const place = (name: string, ref: AstMemberRef): void => {
      const at = index.get(name);
      if (at === undefined) {
        index.set(name, members.length);
        members.push([name, ref]);
      } else members[at] = [name, ref];
    };
    let traits: Record<string, NodeValue> = {};
    let out: AstShape = { type: shape.type };
    for (const m of shape.mixins) {
      const mixin = flat(m.target);
      if (!mixin) continue;
      for (const [name, ref] of membersOf(mixin)) {
        // The same member from several mixins: one member, traits merged (later mixins win).
        const at = index.get(name);
        const prev = at === undefined ? undefined : members[at]?.[1];
        place(name, prev ? { target: ref.target, traits: { ...prev.traits, ...ref.traits } } : ref);
      }
      traits = { ...traits, ...inheritableTraits(mixin) };
      for (const key of ["operations", "resources", "errors", "collectionOperations"] as const) {
        const merged = mergeRefs(out[key], mixin[key]);
        if (merged) out[key] = merged;
      }
      for (const key of ["identifiers", "properties", "rename"] as const) {
        if (mixin[key]) out = { ...out, [key]: { ...out[key], ...mixin[key] } };
      }
      for (const key of ["version", "input", "output", "create", "put", "read", "update", "delete", "list"] as const) {
        if (mixin[key] !== undefined) out = { ...out, [key]: mixin[key] };
      }
    }
    // Local definitions: a redefined member keeps its place and merges traits over the inherited ones.
    for (const [name, ref] of membersOf(shape)) {
      const at = index.get(name);
      const inherited = at === undefined ? undefined : members[at]?.[1];
      place(name, inherited ? { target: ref.target, traits: { ...inherited.traits, ...ref.traits } } : ref);
    }
    for (const key of Object.keys(shape) as (keyof AstShape)[]) {
      if (key === "mixins" || key === "members" || key === "member" || key === "key" || key === "value" || key === "traits") continue;
      const v = shape[key];
      if (key === "operations" || key === "resources" || key === "errors" || key === "collectionOperations") {
        out = { ...out, [key]: mergeRefs(out[key], v as { target: string }[]) };
      } else if (key === "identifiers" || key === "properties" || key === "rename") {
        out = { ...out, [key]: { ...out[key], ...(v as object) } };
      } else {
        out = { ...out, [key]: v };
      }
    }
    out.type = shape.type;
    for (const p of pendingByShape.get(id) ?? []) {
      const name = p.target.slice(p.target.indexOf("$") + 1);
      const at = index.get(name);
      const ref = at === undefined ? undefined : members[at]?.[1];
      if (at === undefined || !ref) continue;
      members[at] = [name, { target: ref.target, traits: { ...ref.traits, ...p.traits } }];
      unapplied.delete(p);
    }
    // Structure-like members go into one object at once (withMember per member would copy it N times).
    const named: Record<string, AstMemberRef> = {};
    let anyNamed = false;
    for (const [name, ref] of members) {
      const clean = ref.traits && Object.keys(ref.traits).length === 0 ? { target: ref.target } : ref;
      const special = ((shape.type === "list" || shape.type === "set") && name === "member") || (shape.type === "map" && (name === "key" || name === "value"));
      if (special) out = withMember(out, name, clean);
      else {
        Object.defineProperty(named, name, { value: clean, enumerable: true, writable: true, configurable: true });
        anyNamed = true;
      }
    }
    if (anyNamed) out = { ...out, members: { ...out.members, ...named } };
    if ((shape.type === "structure" || shape.type === "union" || shape.type === "enum" || shape.type === "intEnum") && !out.members) {
      out.members = {};
    }
    traits = { ...traits, ...shape.traits };
    if (Object.keys(traits).length > 0) out.traits = traits;
    visiting.delete(id);
    done.set(id, out);
    return out;
  };
  return { flat, unapplied };
}
