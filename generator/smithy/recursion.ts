// Rejects the shape recursion that Smithy forbids ("Recursive shape definitions" in the Smithy
// spec; the reference implementation's `ShapeRecursion` events), with a diagnostic per shape:
//
// 1. A list, set or map that refers back to itself through lists, sets and maps only:
//      map Tree { key: String, value: Tree }
//      → error SMITHY_SHAPE_RECURSION at Tree's `value`: "Found invalid shape recursion:
//        ns#Tree$value > ns#Tree. A recursive list, set, or map shape is only valid if an
//        intermediate reference is through a union or structure."
//    (TypeScript cannot even name it: `type Tree = Record<string, Tree>` is TS2456.)
// 2. A structure that refers back to itself through required members only: no finite value
//    of it exists.
// 3. A union none of whose members can hold a finite value (`union U { a: U }`).
//
// Everything here walks with explicit stacks: a long chain of shapes never overflows the call
// stack.

import type { Diagnostics } from "../diagnostics.js";
import type { AstShape } from "./ast.js";
import { stronglyConnected } from "../model/cycles.js";
import { whereIs, type SmithyModel } from "./assemble.js";

const REQUIRED = "smithy.api#required";

/** One reference that can make a cycle: from `from`, through its member `member`, to `to`. */
interface Edge {
  readonly member: string;
  /** Where the member is inside its shape, for the diagnostic (`["value"]`, `["members", "a"]`). */
  readonly at: readonly string[];
  readonly to: string;
}

export function checkShapeRecursion(model: SmithyModel, diags: Diagnostics): void {
  const isCollection = (s: AstShape | undefined) => s !== undefined && (s.type === "list" || s.type === "set" || s.type === "map");

  // 1. Collections through collections.
  reportCycles(model, diags, (shape) => {
    if (!isCollection(shape)) return [];
    const edges: Edge[] = [];
    for (const key of ["member", "key", "value"] as const) {
      const ref = shape[key];
      if (ref && isCollection(model.shapes.get(ref.target))) edges.push({ member: key, at: [key], to: ref.target });
    }
    return edges;
  }, "A recursive list, set, or map shape is only valid if an intermediate reference is through a union or structure.",
  "Put a structure or union between the collection and itself (e.g. `structure Node { children: Tree }`).");

  // 2. Structures through required members.
  reportCycles(model, diags, (shape) => {
    if (shape.type !== "structure") return [];
    const edges: Edge[] = [];
    for (const [name, m] of Object.entries(shape.members ?? {})) {
      if (m.traits && REQUIRED in m.traits && model.shapes.get(m.target)?.type === "structure") {
        edges.push({ member: name, at: ["members", name], to: m.target });
      }
    }
    return edges;
  }, "A structure cannot be mutually recursive through all required members.",
  "Make one of the members on the cycle optional (remove its @required).");

  // 3. Unions that no finite value satisfies: the least fixed point of "can hold a value", found
  // by a walk back along the references that matter (a required member of a structure, any member
  // of a union) from what holds a value of itself: linear, where re-scanning every shape until
  // none was added took a round per link of a chain of required members.
  const inhabited = new Set<string>();
  const pending = [...model.shapes].filter(([, s]) => s.type === "structure" || s.type === "union");
  const isAggregate = (target: string): boolean => {
    const s = model.shapes.get(target);
    return s !== undefined && (s.type === "structure" || s.type === "union");
  };
  // A structure: how many of its required members still lead to an aggregate not known to hold
  // a value. A union: waits for any member.
  const missing = new Map<string, number>();
  // Aggregate → the shapes waiting on it, once per member that refers to it.
  const waiting = new Map<string, string[]>();
  const found: string[] = [];
  const wait = (target: string, id: string): void => {
    const list = waiting.get(target);
    if (list === undefined) waiting.set(target, [id]);
    else list.push(id);
  };
  for (const [id, s] of pending) {
    const members = Object.values(s.members ?? {});
    if (s.type === "union") {
      if (members.some((m) => !isAggregate(m.target))) found.push(id);
      else for (const m of members) wait(m.target, id);
    } else {
      const needed = members.filter((m) => m.traits && REQUIRED in m.traits && isAggregate(m.target));
      if (needed.length === 0) found.push(id);
      else {
        missing.set(id, needed.length);
        for (const m of needed) wait(m.target, id);
      }
    }
  }
  for (const id of found) inhabited.add(id);
  while (found.length > 0) {
    for (const user of waiting.get(found.pop()!) ?? []) {
      if (inhabited.has(user)) continue;
      const left = missing.get(user);
      if (left !== undefined && left > 1) {
        missing.set(user, left - 1);
        continue;
      }
      inhabited.add(user);
      found.push(user);
    }
  }
  for (const [id, s] of pending) {
    if (s.type !== "union" || inhabited.has(id) || Object.keys(s.members ?? {}).length === 0) continue;
    diags.error("SMITHY_SHAPE_RECURSION", `It is impossible to create instances of the recursive union \`${id}\`: every member leads back to it`, {
      ...whereIs(model, id),
      hint: "Give the union a member that does not lead back to it (a string, a list, an optional structure member, ...).",
    });
  }
}

/**
 * A component of more shapes than this (no real model comes near) gets, per shape, the cycle
 * through one root of the component (its first shape reported: up to the root, then down the
 * breadth-first tree from it) rather than a shortest cycle from a search of its own; a cycle of
 * more than 2 × SPELLED_STEPS references is spelled only up to SPELLED_STEPS of them or up to the
 * root, whichever comes first, then `… (N more references back to <shape>)`:
 * a ring of 20,000 required members reports 20,000 errors in linear time and text, where 20,000
 * searches of 20,000 shapes spelling 20,000 steps each took minutes and gigabytes.
 */
const SMALL_COMPONENT = 64;
const SPELLED_STEPS = 16;

/**
 * Reports every shape that lies on a cycle of `edgesOf` (strongly connected components, found
 * iteratively), with one such cycle spelled out as Smithy does: `a$m > b > b$n > a`.
 */
function reportCycles(
  model: SmithyModel,
  diags: Diagnostics,
  edgesOf: (shape: AstShape) => readonly Edge[],
  rule: string,
  hint: string,
): void {
  const ids = [...model.shapes.keys()].sort();
  const edges = new Map<string, readonly Edge[]>();
  for (const id of ids) {
    const e = edgesOf(model.shapes.get(id)!);
    if (e.length > 0) edges.set(id, e);
  }
  const component = stronglyConnected(ids.filter((id) => edges.has(id)), (id) => (edges.get(id) ?? []).map((e) => e.to));
  const size = new Map<number, number>();
  for (const c of component.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const inside = (n: string): readonly Edge[] => (edges.get(n) ?? []).filter((e) => component.get(e.to) === component.get(n));
  const large = new Map<number, RootTrees>();
  for (const id of ids) {
    const own = edges.get(id);
    const mine = component.get(id);
    if (!own || mine === undefined) continue;
    if (!own.some((e) => e.to === id) && size.get(mine)! < 2) continue;
    let path: (Edge & { from: string })[];
    let more = 0;
    if (size.get(mine)! <= SMALL_COMPONENT) path = cycleFrom(id, inside);
    else {
      let trees = large.get(mine);
      if (trees === undefined) large.set(mine, (trees = rootTrees(id, inside)));
      ({ path, more } = cycleThroughRoot(id, trees));
    }
    const first = path[0];
    if (!first) continue;
    const spelled = path.map((e) => `${e.from}$${e.member} > ${e.to}`).join(" > ") + (more > 0 ? ` > … (${more} more references back to ${id})` : "");
    diags.error("SMITHY_SHAPE_RECURSION", `Found invalid shape recursion: ${spelled}. ${rule}`, {
      ...whereIs(model, id, ...first.at),
      hint,
    });
  }
}

/** A shortest cycle from `start` back to itself (breadth first), as its edges. */
function cycleFrom(start: string, edgesOf: (node: string) => readonly Edge[]): (Edge & { from: string })[] {
  const via = new Map<string, Edge & { from: string }>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const e of edgesOf(node)) {
      if (e.to === start) {
        const path: (Edge & { from: string })[] = [{ ...e, from: node }];
        for (let n = node; n !== start; ) {
          const step = via.get(n)!;
          path.push(step);
          n = step.from;
        }
        return path.reverse();
      }
      if (!via.has(e.to)) {
        via.set(e.to, { ...e, from: node });
        queue.push(e.to);
      }
    }
  }
  return [];
}

/** Breadth-first trees of a component from and to its root (the first shape reported of it). */
interface RootTrees {
  readonly root: string;
  /** Shape → its edge one step nearer the root, and how many steps it is from the root. */
  readonly toRoot: Map<string, { readonly edge: Edge & { from: string }; readonly steps: number }>;
  /** Shape → how many steps it is from the root, down the tree. */
  readonly fromRoot: Map<string, number>;
  /** Shape → the edge that reaches it in the tree down from the root. */
  readonly down: Map<string, Edge & { from: string }>;
  /** The first edge out of the root. */
  readonly rootEdge: Edge & { from: string };
}

function rootTrees(root: string, edgesOf: (node: string) => readonly Edge[]): RootTrees {
  const fromRoot = new Map<string, number>([[root, 0]]);
  const down = new Map<string, Edge & { from: string }>();
  const reverse = new Map<string, (Edge & { from: string })[]>();
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const e of edgesOf(node)) {
      const into = reverse.get(e.to);
      if (into === undefined) reverse.set(e.to, [{ ...e, from: node }]);
      else into.push({ ...e, from: node });
      if (!fromRoot.has(e.to)) {
        fromRoot.set(e.to, fromRoot.get(node)! + 1);
        down.set(e.to, { ...e, from: node });
        queue.push(e.to);
      }
    }
  }
  const toRoot = new Map<string, { edge: Edge & { from: string }; steps: number }>();
  const back = [root];
  for (let head = 0; head < back.length; head++) {
    const node = back[head]!;
    const steps = node === root ? 0 : toRoot.get(node)!.steps;
    for (const e of reverse.get(node) ?? []) {
      if (e.from === root || toRoot.has(e.from)) continue;
      toRoot.set(e.from, { edge: e, steps: steps + 1 });
      back.push(e.from);
    }
  }
  const first = edgesOf(root)[0]!;
  return { root, toRoot, fromRoot, down, rootEdge: { ...first, from: root } };
}

/**
 * A cycle from `start` through the root of its component: up to the root, then down to `start`;
 * its first SPELLED_STEPS edges, and how many more it has.
 */
function cycleThroughRoot(start: string, trees: RootTrees): { path: (Edge & { from: string })[]; more: number } {
  const path: (Edge & { from: string })[] = [];
  // The root's cycle leaves by its first edge and comes back up from there.
  let node = start;
  if (start === trees.root) {
    path.push(trees.rootEdge);
    node = trees.rootEdge.to;
  }
  const total = start === trees.root ? 1 + (node === trees.root ? 0 : trees.toRoot.get(node)!.steps) : trees.toRoot.get(start)!.steps + trees.fromRoot.get(start)!;
  if (total <= SPELLED_STEPS * 2) {
    // Short enough to spell whole: up to the root, then down the breadth-first path to `start`.
    while (node !== trees.root) {
      const step = trees.toRoot.get(node)!.edge;
      path.push(step);
      node = step.to;
    }
    if (start !== trees.root) for (const step of downFrom(trees, start)) path.push(step);
    return { path, more: 0 };
  }
  while (node !== trees.root && path.length < SPELLED_STEPS) {
    const step = trees.toRoot.get(node)!.edge;
    path.push(step);
    node = step.to;
  }
  return { path, more: total - path.length };
}

/** The edges of the tree's path from the root down to `target` (a shortest one). */
function downFrom(trees: RootTrees, target: string): (Edge & { from: string })[] {
  const path: (Edge & { from: string })[] = [];
  for (let n = target; n !== trees.root; ) {
    const step = trees.down.get(n)!;
    path.push(step);
    n = step.from;
  }
  return path.reverse();
}
