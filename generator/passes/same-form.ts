// Shapes of the same form: which shapes an emitter may print one function for. Two shapes are of
// the same form when their own forms (what the emitter prints for the shape itself: constraints,
// member names, ...) are equal and their references lead to shapes of the same form, through
// any depth and around cycles (the coarsest such partition, found by refinement). Each class is
// represented by its first shape in the order given; emitters print that one's function and name
// the others after it.
//
//   list A { member: S }   list B { member: T }   string S (length ≤ 5)   string T (length ≤ 5)
//   sameForm([A, B, S, T], formOf) → Map { A → A, B → A, S → S, T → S }
//
// Shapes outside the list given (the prelude's, say) are each a class of their own. The form is asked
// once per shape; each round of refinement only combines numbers.

import type { Shape, ShapeId } from "../model/ir.js";

/** What an emitter prints of a shape itself (`key`), and the shapes it refers to, in order. */
export interface Form {
  readonly key: string;
  readonly refs: readonly ShapeId[];
}

/**
 * The whole of a shape but its id and name (and whether the name is derived): shapes of this form print the same declaration and
 * the same code under any emitter (docs, constraints, members, traits and all), so an emitter
 * that has no narrower form of its own can use this one.
 */
export function wholeForm(shape: Shape): Form {
  const refs: ShapeId[] = [];
  const key = JSON.stringify(shape, function (this: unknown, k: string, value: unknown) {
    if (this === shape && (k === "id" || k === "name" || k === "derivedName")) return undefined;
    if (k === "target" && typeof value === "string") {
      refs.push(value);
      return 0;
    }
    return value;
  });
  return { key, refs };
}

/** Shape id → the id of the first shape (in `shapes`' order) of the same form. */
export function sameForm(shapes: readonly Shape[], formOf: (shape: Shape) => Form): ReadonlyMap<ShapeId, ShapeId> {
  const index = new Map<ShapeId, number>();
  shapes.forEach((shape, i) => index.set(shape.id, i));
  // Own form → a small number; references → indexes into `shapes` (or a number of their own).
  const own = new Map<string, number>();
  const outside = new Map<ShapeId, number>();
  const keys: number[] = [];
  const refs: number[][] = [];
  for (const shape of shapes) {
    const form = formOf(shape);
    let k = own.get(form.key);
    if (k === undefined) own.set(form.key, (k = own.size));
    keys.push(k);
    refs.push(
      form.refs.map((id) => {
        const i = index.get(id);
        if (i !== undefined) return i;
        let o = outside.get(id);
        if (o === undefined) outside.set(id, (o = outside.size));
        return -1 - o;
      }),
    );
  }
  // Start from the own forms, then split classes whose members' references lead to different
  // classes, until none splits. A class is looked at again only when a shape some member refers
  // to has moved to another class: the others cannot split. The result (the coarsest such
  // partition) does not depend on the order the classes are split in.
  const classes = keys.slice();
  const members: number[][] = [];
  keys.forEach((c, i) => (members[c] ??= []).push(i));
  const users: number[][] = shapes.map(() => []);
  refs.forEach((rs, i) => {
    for (const r of rs) if (r >= 0) users[r]!.push(i);
  });
  let dirty = new Set<number>(members.keys());
  while (dirty.size > 0) {
    const moved: number[] = [];
    for (const c of dirty) {
      const group = members[c]!;
      if (group.length < 2) continue;
      // Members by where their references lead; the first group keeps the class.
      const bySignature = new Map<string, number[]>();
      for (const i of group) {
        const signature = refs[i]!.map((r) => (r < 0 ? "o" + -r : classes[r]!)).join(",");
        const same = bySignature.get(signature);
        if (same === undefined) bySignature.set(signature, [i]);
        else same.push(i);
      }
      if (bySignature.size === 1) continue;
      let kept = false;
      for (const split of bySignature.values()) {
        if (!kept) {
          members[c] = split;
          kept = true;
          continue;
        }
        const n = members.length;
        members.push(split);
        for (const i of split) {
          classes[i] = n;
          moved.push(i);
        }
      }
    }
    dirty = new Set<number>();
    for (const i of moved) for (const u of users[i]!) dirty.add(classes[u]!);
  }
  const first = new Map<number, ShapeId>();
  const out = new Map<ShapeId, ShapeId>();
  shapes.forEach((shape, i) => {
    const c = classes[i]!;
    let rep = first.get(c);
    if (rep === undefined) first.set(c, (rep = shape.id));
    out.set(shape.id, rep);
  });
  return out;
}
