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
// once per shape. The refinement is Hopcroft's (a class splits the classes of the shapes that refer
// into it, a split puts the smaller part up to split others): O(m log n) for n shapes of m
// references, so a chain of 20,000 structures that differ only at its end refines in milliseconds
// where splitting one class per round took quadratic time.

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

/**
 * `wholeForm` of every shape, without printing it: shapes whose `wholeForm` keys would be equal
 * get equal keys (the number of their class, as text), each with the same `refs`. The keys are
 * found by a hash of each shape's data and a comparison within a hash's bucket, under JSON's
 * rules: keys in order, `undefined` and functions left out of objects (`null` in arrays), a
 * number that is not finite the same as `null`, `-0` the same as `0`, a string `target` the
 * same as `0`. Stripe's 8,265 shapes would print 4 MB of keys. Data that is not plain (a
 * `Map`, a class instance, a `toJSON`, a bigint) sends every shape to `wholeForm` instead.
 *
 *   wholeForms([A, B, C]) → Map { A → { key: "0", refs: [...] }, B → { key: "0", refs: [...] }, C → { key: "1", refs: [] } }
 *   (A and B differ only in id and name)
 */
export function wholeForms(shapes: readonly Shape[]): ReadonlyMap<Shape, Form> {
  const out = new Map<Shape, Form>();
  const buckets = new Map<number, { readonly shape: Shape; readonly key: string }[]>();
  let classes = 0;
  try {
    for (const shape of shapes) {
      const refs: ShapeId[] = [];
      const hash = hashValue(shape, shape, refs, 0);
      let bucket = buckets.get(hash);
      if (bucket === undefined) buckets.set(hash, (bucket = []));
      let key = bucket.find((known) => sameValue(known.shape, shape, known.shape, shape))?.key;
      if (key === undefined) bucket.push({ shape, key: (key = String(classes++)) });
      out.set(shape, { key, refs });
    }
  } catch (error) {
    if (!(error instanceof NotPlain)) throw error;
    return new Map(shapes.map((shape) => [shape, wholeForm(shape)]));
  }
  return out;
}

class NotPlain extends Error {}

/** The keys of a plain object that JSON writes, in its order (`shape`'s id and names left out). */
function writtenKeys(value: Readonly<Record<string, unknown>>, top: boolean): string[] {
  const keys = Object.keys(value);
  let all = true;
  for (const k of keys) if (!written(value[k]) || (top && (k === "id" || k === "name" || k === "derivedName"))) all = false;
  return all ? keys : keys.filter((k) => written(value[k]) && !(top && (k === "id" || k === "name" || k === "derivedName")));
}

/** Does JSON write this property value (not `undefined`, a function or a symbol)? */
function written(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

function mix(h: number, x: number): number {
  return (Math.imul(h ^ x, 0x9e3779b1) + 0x7f4a7c15) | 0;
}

/** A hash of the JSON `wholeForm` writes for `value`; a string `target`'s id is pushed to `refs`. */
function hashValue(value: unknown, shape: object, refs: ShapeId[], h: number): number {
  switch (typeof value) {
    case "string": {
      const n = value.length;
      h = mix(mix(h, 1), n);
      return n === 0 ? h : mix(mix(h, value.charCodeAt(0)), value.charCodeAt(n >> 1) * 65536 + value.charCodeAt(n - 1));
    }
    case "number":
      if (!Number.isFinite(value)) return mix(h, 2);
      return mix(mix(h, 3), value === 0 ? 0 : value | 0 || Math.round(value * 4096) | 0);
    case "boolean":
      return mix(h, value ? 4 : 5);
    case "object": {
      if (value === null) return mix(h, 2);
      if (Array.isArray(value)) {
        h = mix(h, 6);
        for (const item of value) h = written(item) ? hashValue(item, shape, refs, h) : mix(h, 2);
        return mix(h, 7);
      }
      if (!isPlainObject(value)) throw new NotPlain();
      h = mix(h, 8);
      const top = value === shape;
      // `for in`: a plain object's own keys in `Object.keys` order (it inherits no enumerable key).
      for (const k in value) {
        const v = value[k];
        if (!written(v) || (top && (k === "id" || k === "name" || k === "derivedName"))) continue;
        h = hashValue(k, shape, refs, h);
        if (k === "target" && typeof v === "string") {
          refs.push(v);
          h = mix(mix(h, 3), 0);
        } else h = hashValue(v, shape, refs, h);
      }
      return mix(h, 9);
    }
    default:
      // A bigint (JSON throws), or what only stands in an array (a function: `null` there).
      if (typeof value === "bigint") throw new NotPlain();
      return mix(h, 2);
  }
}

/** Would `a` (in shape `sa`) and `b` (in shape `sb`) be written the same by `wholeForm`? */
function sameValue(a: unknown, b: unknown, sa: object, sb: object): boolean {
  if (a === b && typeof a !== "object" && typeof a !== "number") return true;
  const ta = typeof a;
  const tb = typeof b;
  // null, a number that is not finite, and (in an array) undefined or a function all read `null`.
  const nullA = a === null || (ta === "number" && !Number.isFinite(a as number)) || !written(a);
  const nullB = b === null || (tb === "number" && !Number.isFinite(b as number)) || !written(b);
  if (nullA || nullB) return nullA && nullB;
  if (ta !== tb) return false;
  if (ta !== "object") return a === b;
  const ao = a as object;
  const bo = b as object;
  if (Array.isArray(ao) !== Array.isArray(bo)) return false;
  if (Array.isArray(ao)) {
    const bs = bo as unknown[];
    if (ao.length !== bs.length) return false;
    for (let i = 0; i < ao.length; i++) if (!sameValue(ao[i], bs[i], sa, sb)) return false;
    return true;
  }
  const ar = ao as Record<string, unknown>;
  const br = bo as Record<string, unknown>;
  const ka = writtenKeys(ar, ao === sa);
  const kb = writtenKeys(br, bo === sb);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    const va = ar[k];
    const vb = br[k];
    if (k === "target" && (typeof va === "string" || typeof vb === "string")) {
      // A string target is written 0 (its id goes to `refs`).
      if (!((typeof va === "string" || va === 0) && (typeof vb === "string" || vb === 0))) return false;
    } else if (!sameValue(va, vb, sa, sb)) return false;
  }
  return true;
}

/** Shape id → the id of the first shape (in `shapes`' order) of the same form. */
export function sameForm(shapes: readonly Shape[], formOf: (shape: Shape) => Form): ReadonlyMap<ShapeId, ShapeId> {
  const index = new Map<ShapeId, number>();
  shapes.forEach((shape, i) => index.set(shape.id, i));
  // Nodes: the shapes (0 .. n-1), then each shape outside the list that one refers to (n, n+1, ...).
  // A node's first class: its own form and how many references it has (a shape outside: a class of
  // its own). References: node numbers.
  const own = new Map<string, number>();
  const ownAndCount = new Map<string, number>();
  const outside = new Map<ShapeId, number>();
  const firstClass: number[] = [];
  const refs: number[][] = [];
  for (const shape of shapes) {
    const form = formOf(shape);
    let k = own.get(form.key);
    if (k === undefined) own.set(form.key, (k = own.size));
    const kc = `${k} ${form.refs.length}`;
    let c = ownAndCount.get(kc);
    if (c === undefined) ownAndCount.set(kc, (c = ownAndCount.size));
    firstClass.push(c);
    refs.push(
      form.refs.map((id) => {
        const i = index.get(id);
        if (i !== undefined) return i;
        let o = outside.get(id);
        if (o === undefined) outside.set(id, (o = outside.size));
        return shapes.length + o;
      }),
    );
  }
  for (let o = 0; o < outside.size; o++) {
    firstClass.push(ownAndCount.size + o);
    refs.push([]);
  }
  const classes = new Partition(firstClass, ownAndCount.size + outside.size);
  refine(classes, refs);
  const first = new Map<number, ShapeId>();
  const out = new Map<ShapeId, ShapeId>();
  shapes.forEach((shape, i) => {
    const c = classes.classOf(i);
    let rep = first.get(c);
    if (rep === undefined) first.set(c, (rep = shape.id));
    out.set(shape.id, rep);
  });
  return out;
}

/**
 * Splits classes until the k-th references of any two nodes of a class lead to one class, for every
 * k (the coarsest such partition; nodes of one class have as many references). Hopcroft's
 * algorithm, each class a splitter for every position at once: a class waiting to split others
 * splits, for each position k, every class into the nodes whose k-th reference leads into it and
 * the others. When a class that is not waiting splits, only its smaller part has to wait: the
 * classes are already stable against the whole, and a node's k-th reference leads into the larger
 * part exactly when it leads into the whole but not into the smaller one. A node so waits in at
 * most log2(n) + 1 splitters: O(m log n) for m references.
 */
function refine(classes: Partition, refs: readonly (readonly number[])[]): void {
  const nodes = refs.length;
  // Reverse edges, by target: `from[e]` refers to the target at position `at[e]`.
  const start = new Int32Array(nodes + 1);
  for (const rs of refs) for (const r of rs) start[r + 1]!++;
  for (let i = 0; i < nodes; i++) start[i + 1]! += start[i]!;
  const from = new Int32Array(start[nodes]!);
  const at = new Int32Array(start[nodes]!);
  const next = start.slice(0, nodes);
  refs.forEach((rs, x) =>
    rs.forEach((r, k) => {
      const e = next[r]!++;
      from[e] = x;
      at[e] = k;
    }),
  );
  const waiting: number[] = [];
  const isWaiting: boolean[] = [];
  for (let c = 0; c < classes.count; c++) {
    waiting.push(c);
    isWaiting[c] = true;
  }
  const onSplit = (kept: number, split: number): void => {
    const wait = isWaiting[kept] ? split : classes.size(split) <= classes.size(kept) ? split : kept;
    waiting.push(wait);
    isWaiting[wait] = true;
  };
  while (waiting.length > 0) {
    const splitter = waiting.pop()!;
    isWaiting[splitter] = false;
    // Who refers into the splitter, by position (gathered before any class splits).
    const byPosition = new Map<number, number[]>();
    for (const y of classes.members(splitter)) {
      for (let e = start[y]!; e < start[y + 1]!; e++) {
        const k = at[e]!;
        const xs = byPosition.get(k);
        if (xs === undefined) byPosition.set(k, [from[e]!]);
        else xs.push(from[e]!);
      }
    }
    for (const xs of byPosition.values()) {
      for (const x of xs) classes.mark(x);
      classes.split(onSplit);
    }
  }
}

/**
 * A partition of the nodes 0 .. n-1 into numbered classes that can split in time proportional to
 * the part split off: the nodes lie class by class in one array, and the marked nodes of a class
 * at its start.
 */
class Partition {
  readonly #classOf: Int32Array;
  /** The nodes, class by class. */
  readonly #nodes: Int32Array;
  /** Node → its place in `#nodes`. */
  readonly #place: Int32Array;
  /** A class's places: `#start` to `#end` (excluded); `#start` to `#marked` are its marked nodes. */
  readonly #start: number[] = [];
  readonly #end: number[] = [];
  readonly #marked: number[] = [];
  /** Classes with a marked node. */
  readonly #touched: number[] = [];

  /** `firstClass[node]`: a number below `count`; every class has a node. */
  constructor(firstClass: readonly number[], count: number) {
    const n = firstClass.length;
    this.#classOf = Int32Array.from(firstClass);
    this.#nodes = new Int32Array(n);
    this.#place = new Int32Array(n);
    const sizes = new Array<number>(count).fill(0);
    for (const c of firstClass) sizes[c]!++;
    let at = 0;
    for (let c = 0; c < count; c++) {
      this.#start.push(at);
      this.#marked.push(at);
      at += sizes[c]!;
      this.#end.push(at);
    }
    const next = this.#start.slice();
    firstClass.forEach((c, node) => {
      const i = next[c]!++;
      this.#nodes[i] = node;
      this.#place[node] = i;
    });
  }

  get count(): number {
    return this.#start.length;
  }

  classOf(node: number): number {
    return this.#classOf[node]!;
  }

  size(c: number): number {
    return this.#end[c]! - this.#start[c]!;
  }

  /** The nodes of a class (a view: read it before the next split). */
  members(c: number): Int32Array {
    return this.#nodes.subarray(this.#start[c]!, this.#end[c]!);
  }

  mark(node: number): void {
    const c = this.#classOf[node]!;
    const i = this.#place[node]!;
    const m = this.#marked[c]!;
    if (i < m) return;
    const other = this.#nodes[m]!;
    this.#nodes[m] = node;
    this.#place[node] = m;
    this.#nodes[i] = other;
    this.#place[other] = i;
    this.#marked[c] = m + 1;
    if (m === this.#start[c]) this.#touched.push(c);
  }

  /** Splits the marked nodes of each class off into a class of their own (unless they are all of it), then unmarks. */
  split(onSplit: (kept: number, split: number) => void): void {
    for (const c of this.#touched) {
      const m = this.#marked[c]!;
      if (m === this.#end[c]) {
        this.#marked[c] = this.#start[c]!;
        continue;
      }
      const s = this.#start.length;
      this.#start.push(this.#start[c]!);
      this.#end.push(m);
      this.#marked.push(this.#start[c]!);
      for (let i = this.#start[c]!; i < m; i++) this.#classOf[this.#nodes[i]!] = s;
      this.#start[c] = m;
      onSplit(c, s);
    }
    this.#touched.length = 0;
  }
}
