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
