// Parses a Smithy 2.0 selector (https://smithy.io/2.0/spec/selectors.html) into a list of steps,
// evaluated left to right by selectors.ts. A selector outside the grammar, an unknown shape type,
// an unknown function or nesting deeper than MAX_DEPTH gives `undefined` (the caller does not judge).
//
//   parseSelector("structure > member[trait|required]")
//   → [{ k: "type", name: "structure" }, { k: "neighbor", dir: "forward", rels: undefined },
//      { k: "type", name: "member" },
//      { k: "attr", path: ["trait", "required"], cmp: undefined, values: [], i: false, trait: "smithy.api#required" }]
//   parseSelector(":test(> member")  → undefined

export type Comparator = "=" | "!=" | "^=" | "$=" | "*=" | "?=" | ">" | ">=" | "<" | "<=" | "{=}" | "{!=}" | "{<}" | "{<<}";

/** A literal (`'x'`, `1`, `a.b#C`) or a context value (`@{path}`) of a scoped attribute selector. */
export type ScopedValue = { readonly k: "lit"; readonly s: string } | { readonly k: "ctx"; readonly path: readonly string[] };

export interface Assertion {
  readonly lhs: ScopedValue;
  readonly cmp: Comparator;
  readonly rhs: readonly ScopedValue[];
  readonly i: boolean;
}

export type FunctionName = "not" | "test" | "is" | "in" | "root" | "topdown" | "recursive";

export type Step =
  | { readonly k: "type"; readonly name: string }
  | {
      readonly k: "attr";
      readonly path: readonly string[];
      readonly cmp: Comparator | undefined;
      readonly values: readonly string[];
      readonly i: boolean;
      /** For `[trait|X]` (no comparison): the trait's absolute id. */
      readonly trait?: string;
    }
  | { readonly k: "scoped"; readonly path: readonly string[]; readonly assertions: readonly Assertion[] }
  /** `>` / `<` (rels undefined), `-[a, b]->` / `<-[a, b]-`. */
  | { readonly k: "neighbor"; readonly dir: "forward" | "reverse"; readonly rels: readonly string[] | undefined }
  /** `~>` */
  | { readonly k: "closure" }
  | { readonly k: "fn"; readonly name: FunctionName; readonly args: readonly Selector[] }
  | { readonly k: "varSet"; readonly name: string; readonly sel: Selector }
  | { readonly k: "varGet"; readonly name: string };

export type Selector = readonly Step[];

/** Shape type names and categories a selector may name (`*` is no step at all). */
const TYPES = new Set([
  "blob", "boolean", "document", "string", "integer", "byte", "short", "long", "float", "double", "bigDecimal", "bigInteger",
  "timestamp", "enum", "intEnum", "list", "set", "map", "structure", "union", "service", "operation", "resource", "member",
  "number", "simpleType", "collection", "aggregateType", "serviceType", "dataType",
]);

const MAX_DEPTH = 32;

// Sticky: matched at Parser.pos (`match` sets lastIndex before each use).
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const SHAPE_ID = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:#[A-Za-z_][A-Za-z0-9_]*)?/y;
const COMPARATOR = /\{=\}|\{!=\}|\{<<\}|\{<\}|\^=|\$=|\*=|!=|\?=|>=|<=|=|>|</y;

class Fail extends Error {}

class Parser {
  pos = 0;
  depth = 0;
  constructor(readonly text: string) {}

  fail(): never {
    throw new Fail();
  }
  peek(): string {
    return this.text[this.pos] ?? "";
  }
  ws(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else return;
    }
  }
  /** The match of a sticky regex at the current position (consumed), or a failure. */
  match(re: RegExp): string {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) this.fail();
    this.pos += m[0].length;
    return m[0];
  }
  expect(c: string): void {
    if (this.text.startsWith(c, this.pos)) this.pos += c.length;
    else this.fail();
  }
  identifier(): string {
    return this.match(IDENTIFIER);
  }

  /** Steps up to `,`, `)`, `]` or the end. */
  selector(): Selector {
    if (++this.depth > MAX_DEPTH) this.fail();
    const steps: Step[] = [];
    this.ws();
    const first = this.step();
    if (first) steps.push(first);
    else if (!this.consumedStar) this.fail();
    this.ws();
    while (this.pos < this.text.length && !",)]".includes(this.peek())) {
      const s = this.step();
      if (s) steps.push(s);
      this.ws();
    }
    this.depth--;
    return steps;
  }

  consumedStar = false;

  /** One step; `undefined` for `*` (matches every shape: no step). */
  step(): Step | undefined {
    this.ws();
    this.consumedStar = false;
    const c = this.peek();
    switch (c) {
      case ":":
        this.pos++;
        return this.func();
      case "[":
        this.pos++;
        if (this.peek() === "@") {
          this.pos++;
          return this.scoped();
        }
        return this.attribute();
      case ">":
        this.pos++;
        return { k: "neighbor", dir: "forward", rels: undefined };
      case "<":
        this.pos++;
        if (this.peek() === "-") {
          this.pos++;
          this.expect("[");
          const rels = this.relationships();
          this.expect("-");
          return { k: "neighbor", dir: "reverse", rels };
        }
        return { k: "neighbor", dir: "reverse", rels: undefined };
      case "~":
        this.pos++;
        this.expect(">");
        return { k: "closure" };
      case "-": {
        this.pos++;
        this.expect("[");
        const rels = this.relationships();
        this.expect("-");
        this.expect(">");
        return { k: "neighbor", dir: "forward", rels };
      }
      case "*":
        this.pos++;
        this.consumedStar = true;
        return undefined;
      case "$": {
        this.pos++;
        this.ws();
        if (this.peek() === "{") {
          this.pos++;
          this.ws();
          const name = this.identifier();
          this.ws();
          this.expect("}");
          return { k: "varGet", name };
        }
        const name = this.identifier();
        this.ws();
        this.expect("(");
        const sel = this.selector();
        this.ws();
        this.expect(")");
        return { k: "varSet", name, sel };
      }
      default: {
        const name = this.identifier();
        if (!TYPES.has(name)) this.fail();
        return { k: "type", name };
      }
    }
  }

  relationships(): string[] {
    const rels: string[] = [];
    for (;;) {
      this.ws();
      rels.push(this.identifier());
      this.ws();
      if (this.peek() === "]") {
        this.pos++;
        return rels;
      }
      this.expect(",");
    }
  }

  func(): Step {
    const name = this.identifier();
    this.ws();
    this.expect("(");
    const args: Selector[] = [];
    for (;;) {
      args.push(this.selector());
      this.ws();
      if (this.peek() === ")") {
        this.pos++;
        break;
      }
      this.expect(",");
    }
    switch (name) {
      case "not":
      case "in":
      case "root":
      case "recursive":
        if (args.length !== 1) this.fail();
        return { k: "fn", name, args };
      case "topdown":
        if (args.length > 2) this.fail();
        return { k: "fn", name, args };
      case "test":
      case "is":
        return { k: "fn", name, args };
      case "each":
        return { k: "fn", name: "is", args };
      default:
        // The spec has an unknown function yield nothing; a trait's selector that uses one is not
        // judged here (never an error from a function we do not know).
        return this.fail();
    }
  }

  /** `|`-separated segments after the first key. */
  path(): string[] {
    const out: string[] = [];
    this.ws();
    while (this.peek() === "|") {
      this.pos++;
      this.ws();
      if (this.peek() === "(") {
        this.pos++;
        const name = this.identifier();
        this.expect(")");
        out.push(`(${name})`);
      } else out.push(this.value());
      this.ws();
    }
    return out;
  }

  /** A quoted text, a number or a (root) shape id. */
  value(): string {
    this.ws();
    const c = this.peek();
    if (c === "'" || c === '"') {
      const end = this.text.indexOf(c, this.pos + 1);
      if (end < 0) this.fail();
      const s = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      this.ws();
      return s;
    }
    return c === "-" || (c >= "0" && c <= "9")
      ? this.match(NUMBER)
      : this.match(SHAPE_ID);
  }

  comparator(): Comparator {
    return this.match(COMPARATOR) as Comparator;
  }

  insensitive(): boolean {
    this.ws();
    if (this.peek() === "i") {
      this.pos++;
      this.ws();
      return true;
    }
    return false;
  }

  attribute(): Step {
    this.ws();
    const path = [this.identifier(), ...this.path()];
    this.ws();
    if (this.peek() === "]") {
      this.pos++;
      const name = path[1] as string;
      if (path.length === 2 && path[0] === "trait" && !name.startsWith("(")) {
        return { k: "attr", path, cmp: undefined, values: [], i: false, trait: name.includes("#") ? name : `smithy.api#${name}` };
      }
      return { k: "attr", path, cmp: undefined, values: [], i: false };
    }
    const cmp = this.comparator();
    const values = [this.value()];
    this.ws();
    while (this.peek() === ",") {
      this.pos++;
      values.push(this.value());
      this.ws();
    }
    const i = this.insensitive();
    this.expect("]");
    return { k: "attr", path, cmp, values, i };
  }

  scopedValue(): ScopedValue {
    this.ws();
    if (this.peek() === "@") {
      this.pos++;
      this.expect("{");
      this.ws();
      let first: string;
      if (this.peek() === "(") {
        this.pos++;
        first = `(${this.identifier()})`;
        this.expect(")");
      } else first = this.value();
      const path = [first, ...this.path()];
      this.ws();
      this.expect("}");
      this.ws();
      return { k: "ctx", path };
    }
    const s = this.value();
    this.ws();
    return { k: "lit", s };
  }

  scoped(): Step {
    this.ws();
    const path = this.peek() === ":" ? [] : [this.identifier(), ...this.path()];
    this.ws();
    this.expect(":");
    const assertions: Assertion[] = [];
    for (;;) {
      const lhs = this.scopedValue();
      const cmp = this.comparator();
      const rhs = [this.scopedValue()];
      while (this.peek() === ",") {
        this.pos++;
        rhs.push(this.scopedValue());
      }
      const i = this.insensitive();
      assertions.push({ lhs, cmp, rhs, i });
      this.ws();
      if (this.peek() === "]") {
        this.pos++;
        return { k: "scoped", path, assertions };
      }
      this.expect("&&");
    }
  }
}

/** The steps of `text`, or `undefined` when it is not a selector this engine evaluates. */
export function parseSelector(text: string): Selector | undefined {
  const p = new Parser(text);
  try {
    const sel = p.selector();
    p.ws();
    return p.pos === text.length ? sel : undefined;
  } catch (e) {
    if (e instanceof Fail) return undefined;
    throw e;
  }
}
