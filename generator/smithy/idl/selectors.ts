// Smithy 2.0 selectors (https://smithy.io/2.0/spec/selectors.html) evaluated on a model: where a
// trait may be applied (its definition's `selector`). Every construct of the spec: shape types and
// categories, attributes (`id`, `service`, `trait`, `var`, node values, `(keys)`, `(values)`,
// `(length)`, `(first)`) with every comparator and `i`, scoped attributes, the neighbors `>`, `<`,
// `-[rel]->`, `<-[rel]-`, `~>`, the functions `:not :test :is :in :root :topdown :recursive`, and
// variables. A selector the parser does not take (selector-parser.ts) is not judged (`undefined`).
//
//   const ctx = new SelectorContext({ lookup, ids, mixinsOf });   // one per model
//   ctx.matches("structure > member", "ns#S", "a")   → true   (a member of a structure)
//   ctx.matches("structure > member", "ns#U", "a")   → false  (a member of a union)
//   ctx.matches("structure > member [", "ns#S", "a") → undefined
//
// A selector is parsed once per context. One that only filters the shape it is given is judged
// on that shape alone; one of filters, neighbor steps and `:is` (no variables) is read backwards
// from the shape (`structure > member`: is it a member, is its container a structure); any other
// (`~>`, `:topdown`, `:recursive`, `${var}` or `:root` at its top level) is run once from every
// shape of the model, its result kept in the context. Walks (`~>`, `:topdown`, `:recursive`) use
// explicit queues, never the call stack; recursion depth is bounded by the selector's size.

import { BigNumberNode, isObjectNode, type AstMemberRef, type AstShape, type NodeValue } from "../ast.js";
import { parseSelector, type Assertion, type Comparator, type ScopedValue, type Selector, type Step } from "./selector-parser.js";

/** A shape or member of the model, as selectors see it (mixins applied). */
export interface SelectorNode {
  readonly id: string;
  /** The shape's type, or `member`. */
  readonly type: string;
  /** The (flattened) shape; undefined for a member. */
  readonly shape: AstShape | undefined;
  /** For a member: its reference (target, traits). */
  readonly ref: AstMemberRef | undefined;
  /** For a member: the shape that holds it. */
  readonly container: SelectorNode | undefined;
  readonly traits: Record<string, NodeValue> | undefined;
}

export interface SelectorModel {
  /** A shape of the model or the prelude, with its mixins applied. */
  lookup(id: string): AstShape | undefined;
  /** Every shape id of the model and the prelude. */
  ids(): Iterable<string>;
  /** The mixins a shape declares (the flattened shape has none). */
  mixinsOf(id: string): readonly { target: string }[] | undefined;
}

const NUMBER = new Set(["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal", "intEnum"]);
const SIMPLE = new Set([...NUMBER, "blob", "boolean", "document", "string", "timestamp", "enum"]);
const AGGREGATE = new Set(["list", "set", "map", "structure", "union"]);
const SERVICE_TYPES = new Set(["service", "operation", "resource"]);

/** Whether a shape of `type` matches the shape type selector `name` (enum is a string, intEnum an integer, set a list). */
export function typeMatches(name: string, type: string): boolean {
  switch (name) {
    case "number":
      return NUMBER.has(type);
    case "simpleType":
      return SIMPLE.has(type);
    case "collection":
    case "list":
      return type === "list" || type === "set";
    case "aggregateType":
      return AGGREGATE.has(type);
    case "serviceType":
      return SERVICE_TYPES.has(type);
    case "dataType":
      return SIMPLE.has(type) || AGGREGATE.has(type);
    case "string":
      return type === "string" || type === "enum";
    case "integer":
      return type === "integer" || type === "intEnum";
    default:
      return type === name;
  }
}

/** `required` in a selector's `[trait|required]` names the prelude's trait. */
function absoluteTrait(name: string): string {
  return name.includes("#") ? name : `smithy.api#${name}`;
}

/**
 * The trait (absolute id) a selector asks of a member: `structure > member[trait|required] …` →
 * `smithy.api#required`; undefined for a selector without `member[trait|…]`.
 */
export function memberTraitOf(selector: string): string | undefined {
  const name = /member\[trait\|([\w.#]+)\]/.exec(selector)?.[1];
  return name === undefined ? undefined : absoluteTrait(name);
}

// Relationship labels of each edge (spec, "Relationships"): a lifecycle operation is also an
// `operation` and an instance or collection operation.
const L_OPERATION = ["operation", "instanceOperation"];
const L_COLLECTION = ["collectionOperation", "operation"];
const L_LIFECYCLE: Readonly<Record<string, readonly string[]>> = {
  create: ["create", "operation", "collectionOperation"],
  list: ["list", "operation", "collectionOperation"],
  put: ["put", "operation", "instanceOperation"],
  read: ["read", "operation", "instanceOperation"],
  update: ["update", "operation", "instanceOperation"],
  delete: ["delete", "operation", "instanceOperation"],
};
const LIFECYCLE = ["create", "put", "read", "update", "delete", "list"] as const;
const L_SERVICE_OPERATION = ["operation"];
const L_RESOURCE = ["resource"];
const L_ERROR = ["error"];
const L_IDENTIFIER = ["identifier"];
const L_PROPERTY = ["property"];
const L_INPUT = ["input"];
const L_OUTPUT = ["output"];
const L_MEMBER = ["member"];
const L_MIXIN = ["mixin"];
const L_TARGET: readonly string[] = [];

type Edge = readonly [labels: readonly string[], target: string];
type Emit = (n: SelectorNode) => boolean; // true: stop
type Vars = Map<string, SelectorNode[]>;

/** An attribute value (spec, "Attributes"). */
type Attr =
  | { readonly k: "empty" }
  | { readonly k: "str"; readonly s: string }
  | { readonly k: "shape"; readonly n: SelectorNode }
  | { readonly k: "id"; readonly id: string }
  | { readonly k: "service"; readonly n: SelectorNode }
  | { readonly k: "traits"; readonly n: SelectorNode }
  | { readonly k: "node"; readonly v: NodeValue }
  | { readonly k: "proj"; readonly items: readonly Attr[] }
  | { readonly k: "vars"; readonly vars: Vars };

const EMPTY: Attr = { k: "empty" };

function flatten(a: Attr, out: Attr[] = []): Attr[] {
  if (a.k === "proj") for (const x of a.items) flatten(x, out);
  else if (a.k !== "empty") out.push(a);
  return out;
}

function exists(a: Attr): boolean {
  return a.k === "proj" ? flatten(a).length > 0 : a.k !== "empty";
}

/** The string form of a value; undefined for an empty value. */
function text(a: Attr): string | undefined {
  switch (a.k) {
    case "empty":
      return undefined;
    case "str":
      return a.s;
    case "id":
      return a.id;
    case "shape":
    case "service":
      return a.n.id;
    case "node": {
      const v = a.v;
      if (typeof v === "string") return v;
      if (typeof v === "number") return String(v);
      if (typeof v === "boolean") return v ? "true" : "false";
      if (v instanceof BigNumberNode) return v.text;
      return "";
    }
    case "traits":
    case "vars":
    case "proj":
      return "";
    default: {
      const never: never = a;
      return never;
    }
  }
}

const NUMBER_TEXT = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

function compareText(l: string | undefined, cmp: Comparator, r: string | undefined, i: boolean): boolean {
  if (l === undefined || r === undefined) return false;
  if (i && cmp !== ">" && cmp !== ">=" && cmp !== "<" && cmp !== "<=") {
    l = l.toLowerCase();
    r = r.toLowerCase();
  }
  switch (cmp) {
    case "=":
      return l === r;
    case "!=":
      return l !== r;
    case "^=":
      return l.startsWith(r);
    case "$=":
      return l.endsWith(r);
    case "*=":
      return l.includes(r);
    case ">":
    case ">=":
    case "<":
    case "<=": {
      if (!NUMBER_TEXT.test(l) || !NUMBER_TEXT.test(r)) return false;
      const a = Number(l);
      const b = Number(r);
      return cmp === ">" ? a > b : cmp === ">=" ? a >= b : cmp === "<" ? a < b : a <= b;
    }
    case "?=":
    case "{=}":
    case "{!=}":
    case "{<}":
    case "{<<}":
      return false; // handled by `compare`
    default: {
      const never: never = cmp;
      return never;
    }
  }
}

/** Every value of `sub` is `=` to a value of `sup`. */
function subset(sub: readonly Attr[], sup: readonly Attr[], i: boolean): boolean {
  return sub.every((a) => sup.some((b) => compareText(text(a), "=", text(b), i)));
}

/** Whether `lhs` compares to one or more of `rhs` (spec, "Attribute comparison", "Projection comparators"). */
function compare(lhs: Attr, cmp: Comparator, rhs: readonly Attr[], i: boolean): boolean {
  switch (cmp) {
    case "?=": {
      const has = exists(lhs);
      return rhs.some((r) => {
        const t = text(r)?.toLowerCase();
        return (t === "true" && has) || (t === "false" && !has);
      });
    }
    case "{=}":
    case "{!=}":
    case "{<}":
    case "{<<}":
      return rhs.some((r) => {
        const both = lhs.k === "proj" && r.k === "proj";
        if (!both) return cmp === "{!=}";
        const a = flatten(lhs);
        const b = flatten(r);
        const equal = subset(a, b, i) && subset(b, a, i);
        if (cmp === "{=}") return equal;
        if (cmp === "{!=}") return !equal;
        if (cmp === "{<}") return subset(a, b, i);
        return subset(a, b, i) && !subset(b, a, i);
      });
    default: {
      const ls = lhs.k === "proj" ? flatten(lhs) : [lhs];
      const rs: Attr[] = [];
      for (const r of rhs) {
        if (r.k === "proj") flatten(r, rs);
        else rs.push(r);
      }
      return ls.some((l) => rs.some((r) => compareText(text(l), cmp, text(r), i)));
    }
  }
}

export class SelectorContext {
  private readonly nodes = new Map<string, SelectorNode | null>();
  private readonly plans = new Map<string, { sel: Selector; how: "filter" | "backward" | "all"; vars: boolean } | null>();
  private readonly results = new Map<string, Set<string>>();
  private readonly rootResults = new Map<Selector, SelectorNode[]>();
  private all: SelectorNode[] | undefined;
  /** The variables of a selector that sets none: never written. */
  private readonly noVars: Vars = new Map();
  private reverseIndex: Map<string, { labels: readonly string[]; from: SelectorNode }[]> | undefined;
  private bindingIndex: Map<string, { labels: readonly string[]; from: SelectorNode }[]> | undefined;
  private traitUsers: Map<string, SelectorNode[]> | undefined;

  constructor(private readonly model: SelectorModel) {}

  /** A shape or member (`ns#S$m`) by id; undefined when the model has none. */
  node(id: string): SelectorNode | undefined {
    const dollar = id.indexOf("$");
    if (dollar >= 0) {
      const container = this.shapeNode(id.slice(0, dollar));
      return container === undefined ? undefined : memberNode(container, id.slice(dollar + 1));
    }
    return this.shapeNode(id);
  }

  /** A shape (not a member) by id. */
  private shapeNode(id: string): SelectorNode | undefined {
    const known = this.nodes.get(id);
    if (known !== undefined) return known ?? undefined;
    const shape = this.model.lookup(id);
    const out: SelectorNode | undefined = shape ? { id, type: shape.type, shape, ref: undefined, container: undefined, traits: shape.traits } : undefined;
    this.nodes.set(id, out ?? null);
    return out;
  }

  /**
   * Whether the shape `id` (its member `member`, when given) matches `selector`; undefined when
   * the selector or the shape cannot be judged.
   */
  matches(selector: string, id: string, member?: string): boolean | undefined {
    let plan = this.plans.get(selector);
    if (plan === undefined) {
      const sel = parseSelector(selector);
      plan = sel === undefined ? null : { sel, how: sel.every(isFilter) ? "filter" : backward(sel) ? "backward" : "all", vars: usesVariables(sel) };
      this.plans.set(selector, plan);
    }
    if (plan === null) return undefined;
    const shape = this.shapeNode(id);
    const subject = member === undefined || shape === undefined ? shape : memberNode(shape, member);
    if (subject === undefined) return undefined;
    const verdict =
      plan.how === "filter"
        ? this.run(plan.sel, 0, subject, plan.vars ? new Map() : this.noVars, ACCEPT)
        : plan.how === "backward"
          ? this.yielded(plan.sel, plan.sel.length, undefined, subject)
          : this.everything(selector, plan.sel).has(subject.id);
    // A shape that does not match may have missed for want of a shape the model lacks: not judged.
    return verdict || !this.dangling(subject) ? verdict : undefined;
  }

  /** The ids of every shape and member that `selector` yields (run forward from every shape); undefined when not judged. */
  select(selector: string): ReadonlySet<string> | undefined {
    const sel = parseSelector(selector);
    return sel === undefined ? undefined : this.everything(selector, sel);
  }

  private everything(selector: string, sel: Selector): Set<string> {
    let set = this.results.get(selector);
    if (set === undefined) {
      const found = new Set<string>();
      set = found;
      for (const n of this.allNodes()) {
        this.run(sel, 0, n, new Map(), (m) => {
          found.add(m.id);
          return false;
        });
      }
      this.results.set(selector, set);
    }
    return set;
  }

  /**
   * Whether `n` is in the result of the steps `f.sel[0…f.end)` (then of the frames above), every
   * shape a starting shape: read from the last step back, a filter checked on `n`, a neighbor step
   * through the shapes that lead to `n`, `:is` through each of its selectors. Depth: the selector's size.
   */
  private yielded(sel: Selector, end: number, up: Frame | undefined, n: SelectorNode): boolean {
    for (; end > 0; end--) {
      const step = sel[end - 1] as Step;
      if (isFilterStep(step)) {
        if (!this.passes(step, n, this.noVars)) return false;
        continue;
      }
      if (step.k === "fn" && step.name === "is") {
        const prev: Frame = { sel, end: end - 1, up };
        for (const a of step.args) if (this.yielded(a, a.length, prev, n)) return true;
        return false;
      }
      if (step.k !== "neighbor") return false; // not read backwards (see `backward`)
      // Into a member, forward: only from its container (over a `member` edge).
      if (step.dir === "forward" && n.container !== undefined) {
        if (step.rels !== undefined && !step.rels.includes("member")) return false;
        n = n.container;
        continue;
      }
      return this.leadingTo(n, step.dir, step.rels, (m) => this.yielded(sel, end - 1, up, m));
    }
    return up === undefined ? true : this.yielded(up.sel, up.end, up.up, n);
  }

  /** The shapes from which a `dir`/`rels` neighbor step yields `n`, each to `emit` (true: stop). */
  private leadingTo(n: SelectorNode, dir: "forward" | "reverse", rels: readonly string[] | undefined, emit: Emit): boolean {
    const wanted = (labels: readonly string[]) => rels === undefined || labels.some((l) => rels.includes(l));
    if (dir === "forward") {
      // Only its container has an edge to a member (labelled `member`).
      if (n.container !== undefined) return wanted(L_MEMBER) && emit(n.container);
      for (const { labels, from } of this.reverse(rels).get(n.id) ?? []) if (wanted(labels) && emit(from)) return true;
    } else {
      for (const [labels, target] of this.edges(n)) {
        if (!wanted(labels)) continue;
        const m = this.node(target);
        if (m && emit(m)) return true;
      }
    }
    if (rels === undefined) return false;
    if (rels.includes("trait")) {
      if (dir === "forward") {
        for (const m of this.users(n.id)) if (emit(m)) return true;
      } else {
        for (const t in n.traits ?? {}) {
          const m = this.node(t);
          if (m && emit(m)) return true;
        }
      }
    }
    // `bound` goes from what is bound to what binds it: the other way round from `neighbors`.
    if (rels.includes("bound")) return this.neighbors(n, dir === "forward" ? "reverse" : "forward", ["bound"], emit);
    return false;
  }

  /** A member whose target, or a shape whose mixin, is not in the model: its neighbors are unknown. */
  private dangling(n: SelectorNode): boolean {
    if (n.ref) return n.container?.type !== "enum" && n.container?.type !== "intEnum" && this.node(n.ref.target) === undefined;
    return (this.model.mixinsOf(n.id) ?? []).some((m) => this.node(m.target) === undefined);
  }

  private allNodes(): SelectorNode[] {
    if (this.all) return this.all;
    const out: SelectorNode[] = [];
    for (const id of this.model.ids()) {
      const n = this.node(id);
      if (!n) continue;
      out.push(n);
      if (n.shape) for (const name of memberNames(n.shape)) {
        const m = this.node(`${id}$${name}`);
        if (m) out.push(m);
      }
    }
    return (this.all = out);
  }

  private edges(n: SelectorNode): Edge[] {
    const out: Edge[] = [];
    const s = n.shape;
    if (s === undefined) {
      const c = n.container?.type;
      if (n.ref && c !== "enum" && c !== "intEnum") out.push([L_TARGET, n.ref.target]);
      return out;
    }
    for (const m of this.model.mixinsOf(n.id) ?? []) out.push([L_MIXIN, m.target]);
    switch (s.type) {
      case "service":
        for (const r of s.operations ?? []) out.push([L_SERVICE_OPERATION, r.target]);
        for (const r of s.resources ?? []) out.push([L_RESOURCE, r.target]);
        for (const r of s.errors ?? []) out.push([L_ERROR, r.target]);
        break;
      case "resource":
        for (const r of Object.values(s.identifiers ?? {})) out.push([L_IDENTIFIER, r.target]);
        for (const r of Object.values(s.properties ?? {})) out.push([L_PROPERTY, r.target]);
        for (const r of s.resources ?? []) out.push([L_RESOURCE, r.target]);
        for (const key of LIFECYCLE) {
          const r = s[key];
          if (r) out.push([L_LIFECYCLE[key] as readonly string[], r.target]);
        }
        for (const r of s.operations ?? []) out.push([L_OPERATION, r.target]);
        for (const r of s.collectionOperations ?? []) out.push([L_COLLECTION, r.target]);
        break;
      case "operation":
        if (s.input && s.input.target !== "smithy.api#Unit") out.push([L_INPUT, s.input.target]);
        if (s.output && s.output.target !== "smithy.api#Unit") out.push([L_OUTPUT, s.output.target]);
        for (const r of s.errors ?? []) out.push([L_ERROR, r.target]);
        break;
      default:
        for (const name of memberNames(s)) out.push([L_MEMBER, `${n.id}$${name}`]);
    }
    return out;
  }

  /** Shapes that have an edge (not a trait) to each shape, built on first use. */
  private reverse(rels: readonly string[] | undefined): Map<string, { labels: readonly string[]; from: SelectorNode }[]> {
    // Edges other than `member` and `mixin` start at services, resources and operations only.
    const bindings = rels !== undefined && !rels.includes("member") && !rels.includes("mixin");
    const known = bindings ? this.bindingIndex : this.reverseIndex;
    if (known) return known;
    const index = new Map<string, { labels: readonly string[]; from: SelectorNode }[]>();
    const add = (n: SelectorNode) => {
      for (const [labels, target] of this.edges(n)) {
        let list = index.get(target);
        if (!list) index.set(target, (list = []));
        list.push({ labels, from: n });
      }
    };
    if (bindings) {
      for (const id of this.model.ids()) {
        const n = this.node(id);
        if (n && (n.type === "service" || n.type === "resource" || n.type === "operation")) add(n);
      }
      return (this.bindingIndex = index);
    }
    for (const n of this.allNodes()) add(n);
    return (this.reverseIndex = index);
  }

  private users(trait: string): SelectorNode[] {
    if (!this.traitUsers) {
      const index = new Map<string, SelectorNode[]>();
      for (const n of this.allNodes()) {
        for (const t in n.traits ?? {}) {
          let list = index.get(t);
          if (!list) index.set(t, (list = []));
          list.push(n);
        }
      }
      this.traitUsers = index;
    }
    return this.traitUsers.get(trait) ?? [];
  }

  /** Neighbors of `n` over a `>` / `-[rels]->` (forward) or `<` / `<-[rels]-` (reverse) step. */
  private neighbors(n: SelectorNode, dir: "forward" | "reverse", rels: readonly string[] | undefined, emit: Emit): boolean {
    // `>` from a member: its target (most `:test(> …)` of trait selectors), without an edge list.
    if (dir === "forward" && rels === undefined && n.ref !== undefined) {
      const c = n.container?.type;
      const m = c === "enum" || c === "intEnum" ? undefined : this.shapeNode(n.ref.target);
      return m !== undefined && emit(m);
    }
    const wanted = (labels: readonly string[]) => rels === undefined || labels.some((l) => rels.includes(l));
    if (dir === "forward") {
      for (const [labels, target] of this.edges(n)) {
        if (!wanted(labels)) continue;
        const m = this.node(target);
        if (m && emit(m)) return true;
      }
    } else {
      for (const { labels, from } of this.reverse(rels).get(n.id) ?? []) {
        if (wanted(labels) && emit(from)) return true;
      }
    }
    if (rels === undefined) return false;
    if (rels.includes("trait")) {
      if (dir === "forward") {
        for (const t in n.traits ?? {}) {
          const m = this.node(t);
          if (m && emit(m)) return true;
        }
      } else {
        for (const m of this.users(n.id)) if (emit(m)) return true;
      }
    }
    if (rels.includes("bound")) {
      // `bound`: from an operation or resource to the service or resource that binds it.
      if (dir === "forward") {
        if (n.type === "operation" || n.type === "resource") {
          for (const { labels, from } of this.reverse(["bound"]).get(n.id) ?? []) {
            if ((from.type === "service" || from.type === "resource") && (labels.includes("operation") || labels.includes("resource")) && emit(from)) return true;
          }
        }
      } else if (n.type === "service" || n.type === "resource") {
        for (const [labels, target] of this.edges(n)) {
          if (!labels.includes("operation") && !labels.includes("resource")) continue;
          const m = this.node(target);
          if (m && emit(m)) return true;
        }
      }
    }
    return false;
  }

  /** Whether `n` passes a filter step (one that yields the shape it is given or nothing). */
  private passes(step: FilterStep, n: SelectorNode, vars: Vars): boolean {
    switch (step.k) {
      case "type":
        return typeMatches(step.name, n.type);
      case "attr": {
        if (step.trait !== undefined) return n.traits !== undefined && Object.prototype.hasOwnProperty.call(n.traits, step.trait);
        const value = this.path({ k: "shape", n }, step.path, vars);
        return step.cmp === undefined ? exists(value) : compare(value, step.cmp, step.values.map((s) => ({ k: "str", s })), step.i);
      }
      case "scoped":
        return this.scoped(n, step.path, step.assertions, vars);
      case "varSet": {
        const found: SelectorNode[] = [];
        const ids = new Set<string>();
        this.run(step.sel, 0, n, vars, (m) => {
          if (!ids.has(m.id)) {
            ids.add(m.id);
            found.push(m);
          }
          return false;
        });
        vars.set(step.name, found);
        return true;
      }
      case "fn":
        switch (step.name) {
          case "not":
            return !this.run(step.args[0] as Selector, 0, n, vars, ACCEPT);
          case "test":
            for (const a of step.args) if (this.run(a, 0, n, vars, ACCEPT)) return true;
            return false;
          case "in":
            return this.run(step.args[0] as Selector, 0, n, vars, (m) => m.id === n.id);
          default: {
            const never: never = step;
            return never;
          }
        }
      default: {
        const never: never = step;
        return never;
      }
    }
  }

  /** Steps `i…` of `sel` from `n`, each yielded shape to `emit`; true when `emit` asked to stop. */
  private run(sel: Selector, i: number, n: SelectorNode, vars: Vars, emit: Emit): boolean {
    for (; i < sel.length; i++) {
      const step = sel[i] as Step;
      if (isFilterStep(step)) {
        if (!this.passes(step, n, vars)) return false;
        continue;
      }
      return this.yieldFrom(step, sel, i, n, vars, emit);
    }
    return emit(n);
  }

  /** A step that yields other shapes than the one it is given (or several), then steps `i+1…`. */
  private yieldFrom(step: Exclude<Step, FilterStep>, sel: Selector, i: number, n: SelectorNode, vars: Vars, emit: Emit): boolean {
    const next = (m: SelectorNode) => this.run(sel, i + 1, m, vars, emit);
    switch (step.k) {
      case "neighbor":
        return this.neighbors(n, step.dir, step.rels, next);
      case "closure": {
        // Every shape reachable over forward edges (not traits), the start excluded: breadth first.
        const seen = new Set<string>([n.id]);
        const queue: SelectorNode[] = [n];
        for (let q = 0; q < queue.length; q++) {
          const from = queue[q] as SelectorNode;
          for (const [, target] of this.edges(from)) {
            if (seen.has(target)) continue;
            seen.add(target);
            const m = this.node(target);
            if (!m) continue;
            if (next(m)) return true;
            queue.push(m);
          }
        }
        return false;
      }
      case "varGet":
        for (const m of vars.get(step.name) ?? []) if (next(m)) return true;
        return false;
      case "fn":
        switch (step.name) {
          case "is":
            for (const a of step.args) if (this.run(a, 0, n, vars, next)) return true;
            return false;
          case "root":
            for (const m of this.root(step.args[0] as Selector)) if (next(m)) return true;
            return false;
          case "topdown":
            return this.topdown(n, step.args[0] as Selector, step.args[1], vars, next);
          case "recursive": {
            // The selector applied to the shape, then to each new shape it yields, and so on.
            const seen = new Set<string>();
            const queue: SelectorNode[] = [n];
            for (let q = 0; q < queue.length; q++) {
              const stop = this.run(step.args[0] as Selector, 0, queue[q] as SelectorNode, vars, (m) => {
                if (seen.has(m.id)) return false;
                seen.add(m.id);
                if (next(m)) return true;
                queue.push(m);
                return false;
              });
              if (stop) return true;
            }
            return false;
          }
          case "not":
          case "test":
          case "in":
            return this.passes(step as FilterStep, n, vars) ? next(n) : false;
          default: {
            const never: never = step;
            return never;
          }
        }
      default: {
        const never: never = step;
        return never;
      }
    }
  }

  /** `:root(sel)`: evaluated once per context, on every shape, with variables of its own. */
  private root(sel: Selector): SelectorNode[] {
    let out = this.rootResults.get(sel);
    if (out) return out;
    const ids = new Set<string>();
    const found: SelectorNode[] = [];
    for (const n of this.allNodes()) {
      this.run(sel, 0, n, new Map(), (m) => {
        if (!ids.has(m.id)) {
          ids.add(m.id);
          found.push(m);
        }
        return false;
      });
    }
    out = found;
    this.rootResults.set(sel, out);
    return out;
  }

  /** `:topdown(q, d)`: services, resources and operations qualified by `q` or by a binder, down their bindings. */
  private topdown(n: SelectorNode, qualifier: Selector, disqualifier: Selector | undefined, vars: Vars, next: Emit): boolean {
    if (n.type !== "service" && n.type !== "resource" && n.type !== "operation") return false;
    const seen = new Set<string>();
    const stack: { node: SelectorNode; qualified: boolean }[] = [{ node: n, qualified: false }];
    while (stack.length > 0) {
      const { node, qualified: inherited } = stack.pop() as { node: SelectorNode; qualified: boolean };
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      let qualified = inherited || this.run(qualifier, 0, node, vars, ACCEPT);
      if (qualified && disqualifier !== undefined && this.run(disqualifier, 0, node, vars, ACCEPT)) qualified = false;
      if (qualified && next(node)) return true;
      const children: SelectorNode[] = [];
      for (const [labels, target] of this.edges(node)) {
        if (target === node.id || (!labels.includes("operation") && !labels.includes("resource"))) continue;
        const m = this.node(target);
        if (m) children.push(m);
      }
      for (let c = children.length - 1; c >= 0; c--) stack.push({ node: children[c] as SelectorNode, qualified });
    }
    return false;
  }

  private scoped(n: SelectorNode, path: readonly string[], assertions: readonly Assertion[], vars: Vars): boolean {
    const scope = this.path({ k: "shape", n }, path, vars);
    if (!exists(scope)) return false;
    const scopes = scope.k === "proj" ? flatten(scope) : [scope];
    const resolve = (v: ScopedValue, at: Attr): Attr => (v.k === "lit" ? { k: "str", s: v.s } : this.path(at, v.path, vars));
    return scopes.some((at) => assertions.every((a) => compare(resolve(a.lhs, at), a.cmp, a.rhs.map((r) => resolve(r, at)), a.i)));
  }

  private path(start: Attr, path: readonly string[], vars: Vars): Attr {
    let a = start;
    for (const key of path) a = this.property(a, key, vars);
    return a;
  }

  /** One property of an attribute value (spec, "Attributes"). */
  private property(a: Attr, key: string, vars: Vars): Attr {
    switch (a.k) {
      case "empty":
        return EMPTY;
      case "shape":
        if (key === "id") return { k: "id", id: a.n.id };
        if (key === "trait") return { k: "traits", n: a.n };
        if (key === "service") return a.n.type === "service" ? { k: "service", n: a.n } : EMPTY;
        if (key === "var") return { k: "vars", vars };
        return EMPTY;
      case "id": {
        const hash = a.id.indexOf("#");
        const dollar = a.id.indexOf("$");
        if (key === "namespace") return { k: "str", s: a.id.slice(0, hash) };
        if (key === "name") return { k: "str", s: a.id.slice(hash + 1, dollar < 0 ? undefined : dollar) };
        if (key === "member") return dollar < 0 ? EMPTY : { k: "str", s: a.id.slice(dollar + 1) };
        if (key === "(length)") return { k: "str", s: String(a.id.length) };
        return EMPTY;
      }
      case "str":
        return key === "(length)" ? { k: "str", s: String(a.s.length) } : EMPTY;
      case "service":
        if (key === "id") return { k: "id", id: a.n.id };
        if (key === "version") return typeof a.n.shape?.version === "string" ? { k: "str", s: a.n.shape.version } : EMPTY;
        return EMPTY;
      case "traits": {
        const traits = a.n.traits ?? {};
        if (key === "(keys)") return { k: "proj", items: Object.keys(traits).map((id) => ({ k: "id", id })) };
        if (key === "(values)") return { k: "proj", items: Object.values(traits).map((v) => ({ k: "node", v })) };
        if (key === "(length)") return { k: "str", s: String(Object.keys(traits).length) };
        const id = absoluteTrait(key);
        return Object.prototype.hasOwnProperty.call(traits, id) ? { k: "node", v: traits[id] as NodeValue } : EMPTY;
      }
      case "node": {
        const v = a.v;
        if (key === "(keys)") return isObjectNode(v) ? { k: "proj", items: Object.keys(v).map((s) => ({ k: "node", v: s })) } : EMPTY;
        if (key === "(values)") {
          if (Array.isArray(v)) return { k: "proj", items: v.map((x) => ({ k: "node", v: x })) };
          return isObjectNode(v) ? { k: "proj", items: Object.values(v).map((x) => ({ k: "node", v: x })) } : EMPTY;
        }
        if (key === "(length)") {
          if (Array.isArray(v)) return { k: "str", s: String(v.length) };
          if (isObjectNode(v)) return { k: "str", s: String(Object.keys(v).length) };
          return typeof v === "string" ? { k: "str", s: String(v.length) } : EMPTY;
        }
        return isObjectNode(v) && Object.prototype.hasOwnProperty.call(v, key) ? { k: "node", v: v[key] as NodeValue } : EMPTY;
      }
      case "proj": {
        const items = flatten(a);
        if (key === "(first)") return items[0] ?? EMPTY;
        const out: Attr[] = [];
        for (const x of items) {
          const p = this.property(x, key, vars);
          if (p.k !== "empty") out.push(p);
        }
        return { k: "proj", items: out };
      }
      case "vars": {
        const found = a.vars.get(key);
        return found === undefined ? EMPTY : { k: "proj", items: found.map((n) => ({ k: "shape", n })) };
      }
      default: {
        const never: never = a;
        return never;
      }
    }
  }
}

interface Frame {
  readonly sel: Selector;
  readonly end: number;
  readonly up: Frame | undefined;
}

/**
 * Whether a selector can be read backwards (SelectorContext.yielded): its top level (and that of
 * its `:is`) only filters, neighbor steps and `:is`, and no variable anywhere.
 */
function backward(sel: Selector): boolean {
  return !usesVariables(sel) && sel.every((s) => (s.k === "fn" && s.name === "is" ? s.args.every(backward) : s.k === "neighbor" || isFilter(s)));
}

function usesVariables(sel: Selector): boolean {
  return sel.some((s) => {
    switch (s.k) {
      case "varSet":
      case "varGet":
        return true;
      case "attr":
      case "scoped":
        return JSON.stringify(s).includes('"var"');
      case "fn":
        return s.args.some(usesVariables);
      default:
        return false;
    }
  });
}

type FilterStep = Extract<Step, { k: "type" | "attr" | "scoped" | "varSet" }> | (Extract<Step, { k: "fn" }> & { name: "not" | "test" | "in" });

/** The filter steps `passes` judges (`:is` of filters is one too, for `isFilter`, but runs its selectors). */
function isFilterStep(step: Step): step is FilterStep {
  return step.k === "type" || step.k === "attr" || step.k === "scoped" || step.k === "varSet" || (step.k === "fn" && (step.name === "not" || step.name === "test" || step.name === "in"));
}

const ACCEPT: Emit = () => true;

/** A step that yields the shape it is given or nothing. */
function isFilter(step: Step): boolean {
  switch (step.k) {
    case "type":
    case "attr":
    case "scoped":
    case "varSet":
      return true;
    case "neighbor":
    case "closure":
    case "varGet":
      return false;
    case "fn":
      switch (step.name) {
        case "not":
        case "test":
        case "in":
          return true;
        case "is":
          return step.args.every((a) => a.every(isFilter));
        case "root":
        case "topdown":
        case "recursive":
          return false;
        default: {
          const never: never = step;
          return never;
        }
      }
    default: {
      const never: never = step;
      return never;
    }
  }
}

/** A member as selectors see it; its id is made when asked for. */
class MemberNode implements SelectorNode {
  readonly type = "member";
  readonly shape = undefined;
  private madeId: string | undefined;
  constructor(
    readonly container: SelectorNode,
    private readonly name: string,
    readonly ref: AstMemberRef,
  ) {}
  get id(): string {
    return (this.madeId ??= `${this.container.id}$${this.name}`);
  }
  get traits(): Record<string, NodeValue> | undefined {
    return this.ref.traits;
  }
}

function memberNode(container: SelectorNode, name: string): SelectorNode | undefined {
  const ref = container.shape === undefined ? undefined : memberOf(container.shape, name);
  return ref === undefined ? undefined : new MemberNode(container, name, ref);
}

function memberNames(shape: AstShape): string[] {
  const out: string[] = [];
  if (shape.member) out.push("member");
  if (shape.key) out.push("key");
  if (shape.value) out.push("value");
  for (const name in shape.members ?? {}) out.push(name);
  return out;
}

function memberOf(shape: AstShape, name: string): AstMemberRef | undefined {
  if (shape.type === "list" || shape.type === "set") return name === "member" ? shape.member : undefined;
  if (shape.type === "map") return name === "key" ? shape.key : name === "value" ? shape.value : undefined;
  return shape.members && Object.prototype.hasOwnProperty.call(shape.members, name) ? shape.members[name] : undefined;
}
