// Compiles the JMESPath of an `operationContextParams` binding into the query data that the
// generated `endpoint-rules.ts` evaluates (`Query`). The subset Smithy allows there: field names,
// sub-expressions, `[*]` list projections, `[]` flattening, `[n]` indexes, multi-select lists
// `[a, b.c]` and `keys(...)`.
//
//   compileQuery("TransactItems[*].Get.TableName")
//   → { project: [{ field: "TransactItems" }, { pipe: [{ field: "Get" }, { field: "TableName" }] }] }
//   compileQuery("keys(RequestItems)") → { keys: { field: "RequestItems" } }
//   compileQuery("a | b") → { error: "`|` at 2: not in the JMESPath subset of operationContextParams" }

/** The query data (mirrors `Query` of templates/endpoint-rules.ts.hbs). */
export type Query =
  | { readonly field: string }
  | { readonly index: number }
  | { readonly current: true }
  | { readonly pipe: readonly [Query, Query] }
  | { readonly project: readonly [Query, Query] }
  | { readonly flatten: readonly [Query, Query] }
  | { readonly multi: readonly Query[] }
  | { readonly keys: Query };

const CURRENT: Query = { current: true };

class QueryError extends Error {}

/** The query, or why the path is outside the subset. */
export function compileQuery(path: string): Query | { readonly error: string } {
  const parser = new Parser(path);
  try {
    const query = parser.expression();
    parser.end();
    return query;
  } catch (error) {
    if (error instanceof QueryError) return { error: error.message };
    throw error;
  }
}

class Parser {
  #at = 0;
  constructor(private readonly text: string) {}

  expression(): Query {
    return this.chain(this.primary(), false);
  }

  end(): void {
    this.space();
    if (this.#at < this.text.length) this.fail(`\`${this.text[this.#at]}\``);
  }

  /** What follows a value: `.name`, `[*]`, `[]`, `[n]`, `[a, b]`; `stopAtFlatten` ends a projection's right side at `[]`. */
  private chain(left: Query, stopAtFlatten: boolean): Query {
    for (;;) {
      this.space();
      const c = this.text[this.#at];
      if (c === ".") {
        this.#at++;
        this.space();
        left = sub(left, this.text[this.#at] === "[" ? this.multiSelect() : this.field());
      } else if (c === "[") {
        const rest = this.text.slice(this.#at);
        if (/^\[\s*\*\s*\]/.test(rest)) {
          this.#at += /^\[\s*\*\s*\]/.exec(rest)![0].length;
          left = { project: [left, this.chain(CURRENT, true)] };
        } else if (/^\[\s*\]/.test(rest)) {
          if (stopAtFlatten) return left;
          this.#at += /^\[\s*\]/.exec(rest)![0].length;
          left = { flatten: [left, this.chain(CURRENT, true)] };
        } else if (/^\[\s*-?\d+\s*\]/.test(rest)) {
          const token = /^\[\s*(-?\d+)\s*\]/.exec(rest)!;
          this.#at += token[0].length;
          left = sub(left, { index: Number(token[1]) });
        } else {
          left = sub(left, this.multiSelect());
        }
      } else {
        return left;
      }
    }
  }

  private primary(): Query {
    this.space();
    const c = this.text[this.#at];
    if (c === "@") {
      this.#at++;
      return CURRENT;
    }
    if (c === "[") return this.chain(CURRENT, false);
    const start = this.#at;
    const name = this.field();
    this.space();
    if (this.text[this.#at] === "(" && "field" in name) {
      if (name.field !== "keys") {
        this.#at = start;
        this.fail(`the function \`${name.field}\``);
      }
      this.#at++;
      const argument = this.expression();
      this.space();
      if (this.text[this.#at] !== ")") this.fail(this.#at < this.text.length ? `\`${this.text[this.#at]}\`` : "the end");
      this.#at++;
      return { keys: argument };
    }
    return name;
  }

  private multiSelect(): Query {
    this.#at++; // [
    const items: Query[] = [];
    for (;;) {
      items.push(this.expression());
      this.space();
      const c = this.text[this.#at];
      this.#at++;
      if (c === "]") return { multi: items };
      if (c !== ",") {
        this.#at--;
        this.fail(c === undefined ? "the end" : `\`${c}\``);
      }
    }
  }

  private field(): Query {
    this.space();
    const rest = this.text.slice(this.#at);
    const plain = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (plain) {
      this.#at += plain[0].length;
      return { field: plain[0] };
    }
    const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    if (quoted) {
      this.#at += quoted[0].length;
      return { field: JSON.parse(quoted[0]) as string };
    }
    return this.fail(rest === "" ? "the end" : `\`${rest[0]}\``);
  }

  private space(): void {
    while (this.text[this.#at] === " " || this.text[this.#at] === "\t") this.#at++;
  }

  private fail(what: string): never {
    throw new QueryError(`${what} at ${this.#at + 1}: not in the JMESPath subset of operationContextParams`);
  }
}

function sub(left: Query, right: Query): Query {
  return "current" in left ? right : { pipe: [left, right] };
}
