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

import type { Node } from "./ast.js";
import { walk } from "./ast.js";
import { ranges, type CharSet } from "./charset.js";
import { thompsonWithin, type Nfa } from "./nfa.js";
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
  /** The successors of each position that are not final, in the order of `next`. */
  readonly live: number[][];
  /** Their numbers of empty paths, beside `live`. */
  readonly liveCounts: number[][];
  /** The label of each position as an index into `sets` (positions sharing a label object share one). */
  readonly labelOf: Int32Array;
  readonly sets: CharSet[];
}

function analyseOne(node: Node, anchored: boolean, universe: Universe): Analysis {
  // Too large to unroll: long counted repeats become loops (more paths, never fewer).
  const nfa = thompsonWithin(node, EXACT_LIMIT) ?? thompsonWithin(node, EXACT_LIMIT, CAP);
  if (nfa === undefined) return { safe: false, kind: "too large" };
  const pos = positions(nfa, anchored);
  const budget = { left: BUDGET };
  const meets = new Meets(universe, pos.sets);
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
  const index = new Int32Array(nfa.states.length);
  nfa.states.forEach((s, i) => {
    if (s.kind === "char") {
      charStates.push(i);
      index[i] = charStates.length;
    }
  });
  const labels: CharSet[] = [ANY];
  const next: Map<number, 1 | 2>[] = [];
  const final: boolean[] = [];
  // Visits of each NFA state in the current closure (at most two count), reset after each.
  const visits = new Uint8Array(nfa.states.length);
  const touched: number[] = [];
  const stackStates: number[] = [];
  const stackTested: boolean[] = [];

  /** Char positions reachable from NFA state `from` by empty moves, with path counts. */
  const closure = (from: number, stopAtBegin: boolean): { targets: Map<number, 1 | 2>; final: boolean } => {
    const targets = new Map<number, 1 | 2>();
    let isFinal = false;
    stackStates.push(from);
    stackTested.push(false);
    while (stackStates.length > 0) {
      const state = stackStates.pop()!;
      const tested = stackTested.pop()!;
      const seen = visits[state]!;
      if (seen >= 2) continue;
      if (seen === 0) touched.push(state);
      visits[state] = seen + 1;
      const s = nfa.states[state]!;
      switch (s.kind) {
        case "char": {
          const p = index[state]!;
          targets.set(p, targets.has(p) ? 2 : 1);
          break;
        }
        case "match":
          if (!tested) isFinal = true;
          break;
        case "split":
          for (let i = s.outs.length - 1; i >= 0; i--) {
            stackStates.push(s.outs[i]!);
            stackTested.push(tested);
          }
          break;
        case "test":
          if (stopAtBegin && s.test.kind === "assert" && s.test.assert === "begin") break;
          stackStates.push(s.out);
          stackTested.push(true);
          break;
        case "count":
          throw new Error("internal: the analysis builds its automaton without counters");
        default: {
          const never: never = s;
          return never;
        }
      }
    }
    for (const state of touched) visits[state] = 0;
    touched.length = 0;
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
  const live: number[][] = [];
  const liveCounts: number[][] = [];
  for (const targets of next) {
    const ts: number[] = [];
    const ms: number[] = [];
    for (const [t, m] of targets) {
      if (final[t]) continue;
      ts.push(t);
      ms.push(m);
    }
    live.push(ts);
    liveCounts.push(ms);
  }
  const ids = new Map<CharSet, number>();
  const sets: CharSet[] = [];
  const labelOf = new Int32Array(labels.length);
  labels.forEach((set, p) => {
    let id = ids.get(set);
    if (id === undefined) {
      ids.set(set, (id = sets.length));
      sets.push(set);
    }
    labelOf[p] = id;
  });
  return { labels, next, final, live, liveCounts, labelOf, sets };
}

/**
 * Memoised "do these labels share a character" questions, by label index (labels of one
 * analysis, see Positions.sets); the answers come from the run's Universe.
 */
class Meets {
  readonly #count: number;
  /** Per pair of labels: 0 not asked yet, 1 they meet, 2 they do not. */
  readonly #pairs: Uint8Array;
  readonly #triples = new Map<number, boolean>();

  constructor(
    readonly universe: Universe,
    readonly sets: readonly CharSet[],
  ) {
    this.#count = sets.length;
    this.#pairs = new Uint8Array(sets.length * sets.length);
  }

  pair(i: number, j: number): boolean {
    const k = i < j ? i * this.#count + j : j * this.#count + i;
    let known = this.#pairs[k]!;
    if (known === 0) this.#pairs[k] = known = this.universe.intersects([this.sets[i]!, this.sets[j]!]) ? 1 : 2;
    return known === 1;
  }

  triple(i: number, j: number, k: number): boolean {
    // Sorted, so that the same three labels in any order are asked once; a label twice is a pair.
    if (i > j) [i, j] = [j, i];
    if (j > k) [j, k] = [k, j];
    if (i > j) [i, j] = [j, i];
    if (i === j || j === k) return this.pair(i, k);
    const key = (i * this.#count + j) * this.#count + k;
    let hit = this.#triples.get(key);
    if (hit === undefined) this.#triples.set(key, (hit = this.universe.intersects([this.sets[i]!, this.sets[j]!, this.sets[k]!])));
    return hit;
  }
}

/** Where the pumping starts, and the sets each character of one turn of the pump must be in. */
type Witness = { readonly prefixTo: number; readonly pump: readonly (readonly CharSet[])[] };

/**
 * A state q and a cycle of pairs from (q, q) through an off-diagonal pair back to (q, q);
 * returns the diagonal state and the first coordinates of the cycle.
 */
function exponential(pos: Positions, meets: Meets, budget: { left: number }): Witness | null | "budget" {
  const n = pos.labels.length;
  const key = (a: number, b: number, extra = 0): number => (a * n + b) * 2 + extra;
  const isOff = (k: number): boolean => k % 2 === 1 || Math.floor(k / 2 / n) !== Math.floor(k / 2) % n;
  // Pair graph from every diagonal pair of a non-final position; `extra` 1 marks a pair entered
  // through two empty paths of one position (a virtual off-diagonal). Pairs are numbered in the
  // order they are first seen (`keys`); `slot` gives each key its number (a Map: few of the
  // 2n² pairs are usually reached).
  const slot = new Map<number, number>();
  const keys: number[] = [];
  const stack: number[] = [];
  for (let q = 0; q < n; q++) {
    if (pos.final[q]) continue;
    const k = key(q, q);
    stack.push(k);
    slot.set(k, keys.length);
    keys.push(k);
  }
  // The edges of each numbered pair, as pair numbers: flat[from[i]..to[i]).
  const flat: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const out: number[] = [];
  while (stack.length > 0) {
    if (--budget.left < 0) return "budget";
    const k = stack.pop()!;
    const extra = k % 2;
    const a = Math.floor(k / 2 / n);
    const b = Math.floor(k / 2) % n;
    out.length = 0;
    if (extra === 1) out.push(key(a, b));
    else {
      const ta = pos.live[a]!;
      const ma = pos.liveCounts[a]!;
      const tb = pos.live[b]!;
      for (let i = 0; i < ta.length; i++) {
        const t1 = ta[i]!;
        const l1 = pos.labelOf[t1]!;
        for (let j = 0; j < tb.length; j++) {
          const t2 = tb[j]!;
          if (!meets.pair(l1, pos.labelOf[t2]!)) continue;
          out.push(key(t1, t2));
          if (a === b && t1 === t2 && ma[i] === 2) out.push(key(t1, t2, 1));
        }
      }
    }
    const self = slot.get(k)!;
    from[self] = flat.length;
    for (const o of out) {
      let at = slot.get(o);
      if (at === undefined) {
        slot.set(o, (at = keys.length));
        keys.push(o);
        stack.push(o);
      }
      flat.push(at);
    }
    to[self] = flat.length;
  }
  let found: Witness | null = null;
  sccs(keys.length, from, to, flat, (component) => {
    if (component.length < 2) return false;
    const diagonalAt = component.find((i) => !isOff(keys[i]!));
    if (diagonalAt === undefined || !component.some((i) => isOff(keys[i]!))) return false;
    const diagonal = keys[diagonalAt]!;
    const q = Math.floor(diagonal / 2 / n);
    const within = new Set(component.map((i) => keys[i]!));
    const succ = (k: number): readonly number[] => flat.slice(from[slot.get(k)!], to[slot.get(k)!]).map((i) => keys[i]!);
    const there = path(diagonal, isOff, succ, within) ?? [];
    const back = path(there[there.length - 1] ?? diagonal, (k) => k === diagonal, succ, within) ?? [];
    // Each pair entered consumes one character of both labels; leaving a virtual pair consumes none.
    const steps: CharSet[][] = [];
    let last = diagonal;
    for (const k of [...there, ...back]) {
      if (last % 2 === 0) steps.push([pos.labels[Math.floor(k / 2 / n)]!, pos.labels[Math.floor(k / 2) % n]!]);
      last = k;
    }
    found = { prefixTo: q, pump: steps };
    return true;
  });
  return found;
}

/** Looping positions p ≠ q (different SCCs) with a word looping at p, leading p to q and looping at q. */
function polynomial(pos: Positions, meets: Meets, budget: { left: number }): Witness | null | "budget" {
  const n = pos.labels.length;
  const succ = pos.live;
  const labelOf = pos.labelOf;
  // The SCCs of the live positions (those not final), numbered in the order Tarjan finds them.
  const live: number[] = [];
  for (let p = 0; p < n; p++) if (!pos.final[p]) live.push(p);
  const from: number[] = [];
  const to: number[] = [];
  const flat: number[] = [];
  for (let i = 0; i < live.length; i++) {
    from[i] = flat.length;
    // Successors are live positions: numbered by their index in `live`.
    for (const t of succ[live[i]!]!) flat.push(liveIndex(live, t));
    to[i] = flat.length;
  }
  const compOf = new Int32Array(n).fill(-1);
  const compSize: number[] = [];
  sccs(live.length, from, to, flat, (component) => {
    for (const i of component) compOf[live[i]!] = compSize.length;
    compSize.push(component.length);
    return false;
  });
  // Nearest the start first, so the attack found pumps as early as it can.
  const order = [0, ...reachable(0, succ, n).filter((p) => p !== 0)];
  const looping = order.filter((p) => !pos.final[p] && (compSize[compOf[p]!]! > 1 || succ[p]!.includes(p)));
  // Labels that can loop in each SCC: a common pumped word starts with one of both.
  const loopChars = new Map<number, number[]>();
  for (const p of looping) {
    const c = compOf[p]!;
    const list = loopChars.get(c) ?? [];
    list.push(labelOf[p]!);
    loopChars.set(c, list);
  }
  const overlaps = new Map<number, boolean>();
  const overlap = (c1: number, c2: number): boolean => {
    const k = c1 * n + c2;
    let known = overlaps.get(k);
    if (known === undefined) overlaps.set(k, (known = loopChars.get(c1)!.some((a) => loopChars.get(c2)!.some((b) => meets.pair(a, b)))));
    return known;
  };
  const reach = new Uint8Array(n);
  for (const p of looping) {
    reach.fill(0);
    for (const r of reachable(p, succ, n)) reach[r] = 1;
    const cp = compOf[p]!;
    for (const q of looping) {
      const cq = compOf[q]!;
      if (cp === cq || reach[q] === 0 || !overlap(cp, cq)) continue;
      // Triple search from (p, p, q) to (p, q, q): first coordinate stays in p's SCC, third in q's.
      // A triple (a, b, c) is the number (a·n + b)·n + c.
      const start = (p * n + p) * n + q;
      const seen = new Set([start]);
      const parent = new Map<number, number>();
      const stack = [start];
      while (stack.length > 0) {
        if (--budget.left < 0) return "budget";
        const triple = stack.pop()!;
        const a = Math.floor(triple / n / n);
        const b = Math.floor(triple / n) % n;
        const c = triple % n;
        for (const a2 of succ[a]!) {
          if (compOf[a2] !== cp) continue;
          const la = labelOf[a2]!;
          for (const c2 of succ[c]!) {
            if (compOf[c2] !== cq) continue;
            const lc = labelOf[c2]!;
            if (!meets.pair(la, lc)) continue;
            for (const b2 of succ[b]!) {
              if (!meets.triple(la, labelOf[b2]!, lc)) continue;
              const step = (t: number): CharSet[] => [pos.labels[Math.floor(t / n / n)]!, pos.labels[Math.floor(t / n) % n]!, pos.labels[t % n]!];
              const k = (a2 * n + b2) * n + c2;
              if (a2 === p && b2 === q && c2 === q) {
                const steps = [step(k)];
                for (let t = triple; t !== start; t = parent.get(t)!) steps.unshift(step(t));
                return { prefixTo: p, pump: steps };
              }
              if (!seen.has(k)) {
                seen.add(k);
                parent.set(k, triple);
                stack.push(k);
              }
            }
          }
        }
      }
    }
  }
  return null;
}

/** The index of position `p` in the sorted list `live`. */
function liveIndex(live: readonly number[], p: number): number {
  let lo = 0;
  let hi = live.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (live[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/** The positions reachable from `from` in one step or more, in the order a depth-first search finds them. */
function reachable(from: number, succ: readonly (readonly number[])[], n: number): number[] {
  const seen = new Uint8Array(n);
  const order: number[] = [];
  const stack = [from];
  while (stack.length > 0) {
    for (const t of succ[stack.pop()!]!) {
      if (seen[t] === 0) {
        seen[t] = 1;
        order.push(t);
        stack.push(t);
      }
    }
  }
  return order;
}

/**
 * Strongly connected components (iterative Tarjan) of nodes 0..count-1, roots tried in that
 * order, the edges of node i being flat[from[i]..to[i]). Each component is handed to `visit` as
 * Tarjan completes it (the nodes in the order they leave its stack); `visit` returning true stops.
 */
function sccs(count: number, from: readonly number[], to: readonly number[], flat: readonly number[], visit: (component: number[]) => boolean): void {
  // index + 1 of each node (0: not visited yet), its low link, and whether it is on the stack.
  const index = new Int32Array(count);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const workNode: number[] = [];
  const workEdge: number[] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== 0) continue;
    index[root] = low[root] = ++counter;
    stack.push(root);
    onStack[root] = 1;
    workNode.push(root);
    workEdge.push(from[root]!);
    while (workNode.length > 0) {
      const top = workNode.length - 1;
      const node = workNode[top]!;
      const e = workEdge[top]!;
      if (e < to[node]!) {
        workEdge[top] = e + 1;
        const w = flat[e]!;
        if (index[w] === 0) {
          index[w] = low[w] = ++counter;
          stack.push(w);
          onStack[w] = 1;
          workNode.push(w);
          workEdge.push(from[w]!);
        } else if (onStack[w] === 1 && index[w]! < low[node]!) low[node] = index[w]!;
        continue;
      }
      workNode.pop();
      workEdge.pop();
      if (workNode.length > 0) {
        const parent = workNode[workNode.length - 1]!;
        if (low[node]! < low[parent]!) low[parent] = low[node]!;
      }
      if (low[node] === index[node]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== node);
        if (visit(component)) return;
      }
    }
  }
}
