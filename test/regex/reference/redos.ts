// REFERENCE: generator/regex/redos.ts as it was at fb3e71e, before its speed work, kept unchanged (imports
// aside) as the oracle the fast version must agree with, result for result (attacks included):
// test/regex/redos-reference.test.ts. Not used by the generator. Its own head comment follows.
//
// Finds patterns whose backtracking search (`RegExp.prototype.test`) can take super-linear time,
// from the automaton of nfa.ts, without running anything:
// - exponential: a state that a word can lead back to itself along two different paths (an SCC
//   of the pair automaton holding both a diagonal and an off-diagonal pair, or one state reached
//   twice through different empty paths, as in `(a+)+`);
// - polynomial: two different looping states p, q and a word that loops at p, leads p to q and
//   loops at q (searched in the triple automaton, restricted to the two loops).
// The unanchored search is a leading loop on any character (unless every path starts with `^`).
// Pumping only through states from which the match is reached without a test is harmless: the
// first failure there ends in success, so such states are left out. Look-around bodies are
// checked on their own. Past a work budget the answer is "unsafe", never "safe".
//
//   analyse(parseJava("^(a+)+$").node)              → { safe: false, kind: "exponential", attack: { prefix: "", pump: "a", suffix: "\u0000" } }
//   analyse(parseJava("^[a-z]+(-[a-z]+)*$").node)  → { safe: true }
//   analyse(parseJava("\\s+$").node)                → { safe: false, kind: "polynomial", attack: { prefix: "", pump: "\t", suffix: ... } }

import type { Node } from "../../../generator/regex/ast.js";
import { walk } from "../../../generator/regex/ast.js";
import { ranges, type CharSet } from "../../../generator/regex/charset.js";
import { TooLarge, thompson, type Nfa } from "../../../generator/regex/nfa.js";
import { Universe } from "./universe.js";

export type Analysis =
  | { readonly safe: true }
  | {
      readonly safe: false;
      readonly kind: "exponential" | "polynomial" | "too large";
      /** `prefix + pump × n + suffix` makes a backtracking search slow (where one was found). */
      readonly attack?: { readonly prefix: string; readonly pump: string; readonly suffix: string };
    };

/** Pair and triple states visited before giving up (and answering "unsafe"). */
const BUDGET = 300_000;
/** Automaton states analysed exactly; larger patterns are analysed with counted repeats capped. */
const EXACT_LIMIT = 300;
const CAP = 3;

const ANY: CharSet = ranges([0, 0x10ffff]);

export function analyse(node: Node, universe = new Universe()): Analysis {
  const looks: Node[] = [];
  walk(node, (n) => {
    if (n.type === "look") looks.push(n.body);
  });
  for (const body of looks) {
    const inner = analyseOne(body, true, universe);
    if (!inner.safe) return inner;
  }
  return analyseOne(node, false, universe);
}

/** Positions of the ε-free automaton: a virtual start (0) and the char states of the NFA. */
interface Positions {
  /** Label of each position (the start consumes any character when the search is unanchored). */
  readonly labels: CharSet[];
  /** Successors with the number of distinct empty paths to each (capped at 2). */
  readonly next: Map<number, 1 | 2>[];
  /** Reaches the match through empty moves that test nothing. */
  readonly final: boolean[];
}

function analyseOne(node: Node, anchored: boolean, universe: Universe): Analysis {
  let nfa: Nfa;
  try {
    nfa = thompson(node, EXACT_LIMIT);
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    // Too large to unroll: long counted repeats become loops (more paths, never fewer).
    try {
      nfa = thompson(node, EXACT_LIMIT, CAP);
    } catch (again) {
      if (again instanceof TooLarge) return { safe: false, kind: "too large" };
      throw again;
    }
  }
  const pos = positions(nfa, anchored);
  const budget = { left: BUDGET };
  const meets = new Meets(universe);
  const eda = exponential(pos, meets, budget);
  if (eda === "budget") return { safe: false, kind: "too large" };
  if (eda) return { safe: false, kind: "exponential", attack: attack(pos, eda, universe) };
  const ida = polynomial(pos, meets, budget);
  if (ida === "budget") return { safe: false, kind: "too large" };
  if (ida) return { safe: false, kind: "polynomial", attack: attack(pos, ida, universe) };
  return { safe: true };
}

function positions(nfa: Nfa, anchored: boolean): Positions {
  const charStates: number[] = [];
  nfa.states.forEach((s, i) => {
    if (s.kind === "char") charStates.push(i);
  });
  const index = new Map(charStates.map((s, i) => [s, i + 1]));
  const labels: CharSet[] = [ANY];
  const next: Map<number, 1 | 2>[] = [];
  const final: boolean[] = [];

  /** Char positions reachable from NFA state `from` by empty moves, with path counts. */
  const closure = (from: number, stopAtBegin: boolean): { targets: Map<number, 1 | 2>; final: boolean } => {
    const targets = new Map<number, 1 | 2>();
    const visits = new Map<number, number>();
    let isFinal = false;
    const stack: { state: number; tested: boolean }[] = [{ state: from, tested: false }];
    while (stack.length > 0) {
      const { state, tested } = stack.pop()!;
      const seen = visits.get(state) ?? 0;
      if (seen >= 2) continue;
      visits.set(state, seen + 1);
      const s = nfa.states[state]!;
      switch (s.kind) {
        case "char": {
          const p = index.get(state)!;
          targets.set(p, targets.has(p) ? 2 : 1);
          break;
        }
        case "match":
          if (!tested) isFinal = true;
          break;
        case "split":
          for (let i = s.outs.length - 1; i >= 0; i--) stack.push({ state: s.outs[i]!, tested });
          break;
        case "test":
          if (stopAtBegin && s.test.kind === "assert" && s.test.assert === "begin") break;
          stack.push({ state: s.out, tested: true });
          break;
        case "count":
          throw new Error("internal: the analysis builds its automaton without counters");
        default: {
          const never: never = s;
          return never;
        }
      }
    }
    return { targets, final: isFinal };
  };

  const start = closure(nfa.start, false);
  // The search tries every start position unless no path gets past the start without `^`.
  const unanchoredStart = closure(nfa.start, true);
  const searchLoops = !anchored && (unanchoredStart.targets.size > 0 || unanchoredStart.final);
  const startNext = new Map(start.targets);
  if (searchLoops) startNext.set(0, 1);
  next.push(startNext);
  final.push(start.final);
  for (const s of charStates) {
    const state = nfa.states[s] as Extract<Nfa["states"][number], { kind: "char" }>;
    labels.push(state.set);
    const c = closure(state.out, false);
    next.push(c.targets);
    final.push(c.final);
  }
  return { labels, next, final };
}

/** Where the pumping starts, and the sets each character of one turn of the pump must be in. */
/** Memoised "do these labels share a character" questions, keyed by label identity. */
class Meets {
  readonly #ids = new Map<CharSet, number>();
  readonly #memo = new Map<string, boolean>();

  constructor(readonly universe: Universe) {}

  #id(set: CharSet): number {
    let id = this.#ids.get(set);
    if (id === undefined) this.#ids.set(set, (id = this.#ids.size));
    return id;
  }

  test(sets: readonly CharSet[]): boolean {
    const key = sets.map((x) => this.#id(x)).sort((a, b) => a - b).join(",");
    let hit = this.#memo.get(key);
    if (hit === undefined) this.#memo.set(key, (hit = this.universe.intersects(sets)));
    return hit;
  }
}

type Witness = { readonly prefixTo: number; readonly pump: readonly (readonly CharSet[])[] };

/**
 * A state q and a cycle of pairs from (q, q) through an off-diagonal pair back to (q, q);
 * returns the diagonal state and the first coordinates of the cycle.
 */
function exponential(pos: Positions, meets: Meets, budget: { left: number }): Witness | null | "budget" {
  const n = pos.labels.length;
  const key = (a: number, b: number, extra = 0): number => (a * n + b) * 2 + extra;
  // Pair graph from every diagonal pair of a non-final position; `extra` 1 marks a pair entered
  // through two empty paths of one position (a virtual off-diagonal).
  const edges = new Map<number, number[]>();
  const stack: number[] = [];
  for (let q = 0; q < n; q++) if (!pos.final[q]) stack.push(key(q, q));
  const seen = new Set(stack);
  while (stack.length > 0) {
    if (--budget.left < 0) return "budget";
    const k = stack.pop()!;
    const extra = k % 2;
    const a = Math.floor(k / 2 / n);
    const b = Math.floor(k / 2) % n;
    const out: number[] = [];
    if (extra === 1) out.push(key(a, b));
    else {
      for (const [t1, m1] of pos.next[a]!) {
        if (pos.final[t1]) continue;
        for (const [t2] of pos.next[b]!) {
          if (pos.final[t2]) continue;
          if (!meets.test([pos.labels[t1]!, pos.labels[t2]!])) continue;
          out.push(key(t1, t2));
          if (a === b && t1 === t2 && m1 === 2) out.push(key(t1, t2, 1));
        }
      }
    }
    edges.set(k, out);
    for (const o of out) {
      if (!seen.has(o)) {
        seen.add(o);
        stack.push(o);
      }
    }
  }
  for (const component of sccs([...seen], (k) => edges.get(k) ?? [])) {
    if (component.length < 2) continue;
    const diagonal = component.find((k) => k % 2 === 0 && Math.floor(k / 2 / n) === Math.floor(k / 2) % n);
    const off = component.some((k) => k % 2 === 1 || Math.floor(k / 2 / n) !== Math.floor(k / 2) % n);
    if (diagonal !== undefined && off) {
      const q = Math.floor(diagonal / 2 / n);
      const within = new Set(component);
      const succ = (k: number): readonly number[] => edges.get(k) ?? [];
      const isOff = (k: number): boolean => k % 2 === 1 || Math.floor(k / 2 / n) !== Math.floor(k / 2) % n;
      const there = path(diagonal, isOff, succ, within) ?? [];
      const back = path(there[there.length - 1] ?? diagonal, (k) => k === diagonal, succ, within) ?? [];
      // Each pair entered consumes one character of both labels; leaving a virtual pair consumes none.
      const steps: CharSet[][] = [];
      let from = diagonal;
      for (const k of [...there, ...back]) {
        if (from % 2 === 0) steps.push([pos.labels[Math.floor(k / 2 / n)]!, pos.labels[Math.floor(k / 2) % n]!]);
        from = k;
      }
      return { prefixTo: q, pump: steps };
    }
  }
  return null;
}

/** Looping positions p ≠ q (different SCCs) with a word looping at p, leading p to q and looping at q. */
function polynomial(pos: Positions, meets: Meets, budget: { left: number }): Witness | null | "budget" {
  const n = pos.labels.length;
  const succ = (p: number): number[] => [...pos.next[p]!.keys()].filter((t) => !pos.final[t]);
  const live = [...Array(n).keys()].filter((p) => !pos.final[p]);
  const comps = sccs(live, succ);
  const compOf = new Map<number, number>();
  comps.forEach((c, i) => c.forEach((p) => compOf.set(p, i)));
  // Nearest the start first, so the attack found pumps as early as it can.
  const order = [0, ...[...reachable(0, succ)].filter((p) => p !== 0)];
  const looping = order.filter((p) => {
    if (pos.final[p]) return false;
    const c = comps[compOf.get(p)!]!;
    return c.length > 1 || succ(p).includes(p);
  });
  // Characters that can loop in each SCC: a common pumped word starts with one of both.
  const loopChars = new Map<number, CharSet[]>();
  for (const p of looping) {
    const c = compOf.get(p)!;
    const list = loopChars.get(c) ?? [];
    list.push(pos.labels[p]!);
    loopChars.set(c, list);
  }
  const overlap = (c1: number, c2: number): boolean =>
    loopChars.get(c1)!.some((a) => loopChars.get(c2)!.some((b) => meets.test([a, b])));
  for (const p of looping) {
    const reach = reachable(p, succ);
    for (const q of looping) {
      if (compOf.get(p) === compOf.get(q) || !reach.has(q) || !overlap(compOf.get(p)!, compOf.get(q)!)) continue;
      // Triple search from (p, p, q) to (p, q, q): first coordinate stays in p's SCC, third in q's.
      const cp = compOf.get(p)!;
      const cq = compOf.get(q)!;
      const start = [p, p, q] as const;
      const seen = new Set([start.join(",")]);
      const parent = new Map<string, readonly [number, number, number]>();
      const stack: (readonly [number, number, number])[] = [start];
      while (stack.length > 0) {
        if (--budget.left < 0) return "budget";
        const triple = stack.pop()!;
        const [a, b, c] = triple;
        for (const a2 of succ(a)) {
          if (compOf.get(a2) !== cp) continue;
          for (const c2 of succ(c)) {
            if (compOf.get(c2) !== cq) continue;
            if (!meets.test([pos.labels[a2]!, pos.labels[c2]!])) continue;
            for (const b2 of succ(b)) {
              if (!meets.test([pos.labels[a2]!, pos.labels[b2]!, pos.labels[c2]!])) continue;
              const step = (t: readonly [number, number, number]): CharSet[] => t.map((x) => pos.labels[x]!);
              if (a2 === p && b2 === q && c2 === q) {
                const steps = [step([a2, b2, c2])];
                for (let t: readonly [number, number, number] | undefined = triple; t && t !== start; t = parent.get(t.join(","))) steps.unshift(step(t));
                return { prefixTo: p, pump: steps };
              }
              const k = `${a2},${b2},${c2}`;
              if (!seen.has(k)) {
                seen.add(k);
                parent.set(k, triple);
                stack.push([a2, b2, c2]);
              }
            }
          }
        }
      }
    }
  }
  return null;
}

/** A path of keys from `from` to `to` in a graph (breadth first), excluding `from`; null if none. */
function path(from: number, to: (k: number) => boolean, succ: (k: number) => readonly number[], within?: ReadonlySet<number>): number[] | null {
  const prev = new Map<number, number>();
  const queue = [from];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const a = queue.shift()!;
    for (const t of succ(a)) {
      if (within && !within.has(t)) continue;
      if (to(t)) {
        const out = [t];
        for (let x = a; x !== from; x = prev.get(x)!) out.unshift(x);
        return out;
      }
      if (!seen.has(t)) {
        seen.add(t);
        prev.set(t, a);
        queue.push(t);
      }
    }
  }
  return null;
}

/** An attack string's parts: a word reaching the loop, one turn of the loop, a failing end. */
function attack(pos: Positions, witness: Witness, universe: Universe): { prefix: string; pump: string; suffix: string } {
  const char = (set: CharSet): string => {
    const cp = universe.sample([set]);
    return cp === undefined ? "" : String.fromCodePoint(cp);
  };
  // Shortest path from the start (position 0) to the loop's position.
  const prev = new Map<number, number>();
  const queue = [0];
  const seen = new Set([0]);
  while (queue.length > 0 && !seen.has(witness.prefixTo)) {
    const a = queue.shift()!;
    for (const t of pos.next[a]!.keys()) {
      if (t === 0 || seen.has(t)) continue;
      seen.add(t);
      prev.set(t, a);
      queue.push(t);
    }
  }
  let prefix = "";
  for (let x = witness.prefixTo; x !== 0 && prev.has(x); x = prev.get(x)!) prefix = char(pos.labels[x]!) + prefix;
  const pump = witness.pump.map((sets) => String.fromCodePoint(universe.sample(sets) ?? 0x61)).join("");
  // A character no position accepts fails every path; else one outside the pump's first label.
  const used = pos.labels.slice(1);
  const candidates = ["\u0000", "!", "~", " ", "\n", "\uFFFF"];
  const suffix = candidates.find((c) => !used.some((l) => universe.intersects([l, ranges([c.codePointAt(0)!, c.codePointAt(0)!])]))) ?? "\u0000";
  return { prefix, pump, suffix };
}

function reachable(from: number, succ: (p: number) => number[]): Set<number> {
  const seen = new Set<number>();
  const stack = [from];
  while (stack.length > 0) {
    for (const t of succ(stack.pop()!)) {
      if (!seen.has(t)) {
        seen.add(t);
        stack.push(t);
      }
    }
  }
  return seen;
}

/** Strongly connected components (iterative Tarjan). */
function sccs(nodes: readonly number[], succ: (k: number) => readonly number[]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: number; edges: readonly number[]; i: number }[] = [{ node: root, edges: succ(root), i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.edges.length) {
        const w = frame.edges[frame.i++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, edges: succ(w), i: 0 });
        } else if (onStack.has(w)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        out.push(component);
      }
    }
  }
  return out;
}
