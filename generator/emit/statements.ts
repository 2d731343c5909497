// Statements as prettier (oxfmt) lays them out: a printer emits a statement on one line, and a
// line past the print width is parsed (the small subset of TypeScript our emitters print) and
// printed through prettier's own rules (generator/emit/doc.ts): a call's arguments one per line
// or its last object argument hugged, an `if`'s statement on the next line, an assignment broken
// after `=`, a binary chain one operand per line, a function head's parameters one per line.
// A line this module cannot parse or lay out is reported to `check.unsure` (the file is then
// formatted as before), never guessed.
//
//   layoutStatement("    if (response.status < 200 || response.status >= 300) throwResponseError(response, { A: build_A, … });", check)
//   → ["    if (response.status < 200 || response.status >= 300)",
//      "      throwResponseError(response, {",
//      "        A: build_A,",
//      "        …",
//      "      });"]
//
// What is parsed: identifiers, numbers, strings, regular expressions, member and index access,
// non-null `!`, calls (also `new`, `/* @__PURE__ */`), unary, binary and logical operators,
// `a ? b : c`, `as T`, arrows with an expression body, object and array literals, spreads;
// statements `(export) const|let x (: T) = e;`, `x = e;`, `x += e;`, `return e;`, `throw e;`, `e;`,
// `if (c) s`, `else s`, `for (let i = 0; c; i++) s`, `for (const x of e) s`, a property line
// `key: e,` of an object printed broken, and the heads `if (c) {`, `} else if (c) {`,
// `for (…) {`, `(export) function f(params): T {`. A line of one string or regular expression
// is kept (prettier cannot break it either). Prettier's rules followed: printAssignment's layouts
// (break-after-operator, fluid, never-break), call arguments (last object or arrow hugged via a
// conditional group), member chains up to prettier's cutoff of groups (more: unsure), binary
// chains (indented or not by their parent), conditionals (branches aligned by 2), returns.
// Lines are laid out only past the print width or when they hold `\"` (a string to requote);
// every shorter line must already be in oxfmt's layout (the emitters print it so).

import { conditionalGroup, group, ifBreak, indent, indentIfBreak, join, line, print, softline, willBreak, type Doc } from "./doc.js";
import { LAYOUT } from "../format.js";
import type { LayoutCheck } from "./layout.js";

const PRINT_WIDTH = LAYOUT.printWidth;
import { append } from "../lists.js";

/**
 * Lines past the print width in `text` (from offset `from`, a line's start) laid out as prettier
 * would; comment lines kept. With `resolve`, a line holding a `marker` character is first
 * replaced by `resolve(line)` (the file builder's import placeholders, generator/emit/file-builder.ts),
 * in the same pass: the text is copied once, not once to resolve and once to lay out.
 */
export function layoutLongLines(text: string, check: LayoutCheck, from = 0, resolve?: { readonly marker: string; line(text: string): string }): string {
  let out: string[] | undefined;
  let laidOut: Map<string, string> | undefined;
  let start = from;
  let copied = 0;
  let inComment = false;
  // A string holding an escaped double quote may be quoted otherwise (its line is laid out too).
  let escaped = text.indexOf('\\"', from);
  if (escaped === -1) escaped = text.length;
  let marked = resolve === undefined ? -1 : text.indexOf(resolve.marker, from);
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (escaped < start) {
      escaped = text.indexOf('\\"', start);
      if (escaped === -1) escaped = text.length;
    }
    // The line with its placeholders resolved, when it holds any (names hold no quote, comment or line break).
    let resolved: string | undefined;
    if (marked !== -1 && marked < end) {
      resolved = resolve!.line(text.slice(start, end));
      marked = text.indexOf(resolve!.marker, end);
    }
    let first = start;
    while (first < end && text.charCodeAt(first) === 0x20) first++;
    let laid: string | undefined;
    if (inComment) {
      const close = text.indexOf("*/", first);
      if (close !== -1 && close < end) inComment = false;
    } else if (text.startsWith("/*", first) && !text.startsWith("/* @__PURE__ */", first)) {
      const close = text.indexOf("*/", first + 2);
      if (close === -1 || close >= end) inComment = true;
    } else if (
      ((resolved === undefined ? end - start : resolved.length) > PRINT_WIDTH || (escaped < end && escaped >= start)) &&
      !text.startsWith("//", first) &&
      !unbreakableLine(resolved === undefined ? text.slice(first, end) : resolved.slice(first - start))
    ) {
      // A file repeats lines (an operation's error check, a validator's head): each distinct
      // line is laid out once per file (its unsure reason, if any, was reported the first time).
      const statement = resolved ?? text.slice(start, end);
      laidOut ??= new Map();
      laid = laidOut.get(statement);
      if (laid === undefined) laidOut.set(statement, (laid = layoutStatement(statement, check).join("\n")));
    }
    if (laid !== undefined || resolved !== undefined) {
      out ??= [];
      out.push(text.slice(copied, start), laid ?? resolved!);
      copied = end;
    }
    start = end + 1;
  }
  if (out === undefined) return text;
  out.push(text.slice(copied));
  return out.join("");
}

/** One statement line (its indentation kept) as prettier lays it out; unsure when not parsed. */
export function layoutStatement(text: string, check: LayoutCheck): string[] {
  const pad = text.length - text.trimStart().length;
  if (/[^\x20-\x7e]/.test(text)) {
    check.unsure(`statement with other than printable ASCII: ${text.trim().slice(0, 60)}`);
    return [text];
  }
  let doc: Doc;
  try {
    doc = new Parser(text.slice(pad)).statementLine();
  } catch (error) {
    // Anything this printer does not know, or trips on, leaves the line to the formatter: never a
    // failed run for a layout.
    check.unsure(`statement not laid out (${error instanceof Unsupported ? error.message : `internal: ${String(error)}`}): ${text.trim().slice(0, 80)}`);
    return [text];
  }
  const lines = print(doc, { indent: pad, start: pad, width: PRINT_WIDTH });
  lines[0] = " ".repeat(pad) + lines[0];
  for (const l of lines) if (l.length > PRINT_WIDTH && !unbreakableLine(l) && !nameLine(l)) check.unsure(`line past the print width after layout: ${l.trim().slice(0, 80)}`);
  return lines;
}

/**
 * An expression on lines of its own at `indent` (a call's argument broken out, `suffix` = ","),
 * as prettier lays it out there: `a ?? b ?? "long"` past the width → one operand per line.
 * Undefined (and unsure) when not parsed.
 */
export function layoutExpression(indent: number, text: string, suffix: string, check: LayoutCheck): string[] | undefined {
  if (/[^\x20-\x7e]/.test(text)) return undefined;
  let doc: Doc;
  try {
    doc = [new Parser(text).expressionLine(), suffix];
  } catch (error) {
    check.unsure(`expression not laid out (${error instanceof Unsupported ? error.message : `internal: ${String(error)}`}): ${text.slice(0, 80)}`);
    return undefined;
  }
  const lines = print(doc, { indent, start: indent, width: PRINT_WIDTH });
  lines[0] = " ".repeat(indent) + lines[0];
  for (const l of lines) if (l.length > PRINT_WIDTH && !unbreakableLine(l) && !nameLine(l)) check.unsure(`line past the print width after layout: ${l.trim().slice(0, 80)}`);
  return lines;
}

class Unsupported extends Error {}

/**
 * A laid-out line that is one name where the layout broke around it: `export function <Name>(`,
 * `export const <Name> =`, `  <Name>;`, `    <Name>,`, `    <a.b>(`, `!<a.b>(`. When a name
 * alone passes the width (OpenAPI's derived names: Stripe's
 * `validatePostBillingPortalConfigurationsConfigurationRequestBodyFeaturesSubscriptionUpdate`),
 * the line has no break left, and prettier prints it past the width too (checked: oxfmt leaves
 * every such file of the OpenAPI and AWS corpora as it is).
 */
function nameLine(l: string): boolean {
  return NAME_LINE.test(l.trim());
}

const NAME_LINE = /^(?:(?:export )?(?:const [A-Za-z_$][\w$]* =|function [A-Za-z_$][\w$]*\()|!?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*[(;,]?)$/;

/** A line that is one string or regular expression (and `;` or `,`): prettier cannot break it either. */
function unbreakableLine(l: string): boolean {
  const text = l.trim().replace(/[;,]$/, "");
  if (!/^["'/]/.test(text)) return false;
  try {
    const tokens = tokenize(text);
    return tokens.length === 2 && (tokens[0]!.kind === "regex" || (tokens[0]!.kind === "str" && stringText(tokens[0]!.text) === tokens[0]!.text));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens

type TokenKind = "id" | "num" | "str" | "regex" | "punct" | "pure" | "end";
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const PUNCTUATORS = ["...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "++", "--", "<<", ">>", "**"];
const SINGLE = "{}()[];,<>+-*/%&|^!~?:=.@";
/** By character code: the punctuators starting with it (in PUNCTUATORS' order, longest first), else the one-character token. */
const PUNCTUATORS_BY_FIRST: readonly (readonly string[] | undefined)[] = Array.from({ length: 128 }, (_, code) => {
  const list = PUNCTUATORS.filter((q) => q.charCodeAt(0) === code);
  return list.length > 0 ? list : undefined;
});

/** Character classes of the tokenizer, by code: 1 starts a name, 2 continues one (and digits), 4 a digit. */
const NAME_START = 1;
const NAME_PART = 2;
const DIGIT = 4;
const CHAR_CLASS = Uint8Array.from({ length: 128 }, (_, code) => {
  const c = String.fromCharCode(code);
  return (/[A-Za-z_$]/.test(c) ? NAME_START | NAME_PART : 0) | (/[0-9]/.test(c) ? NAME_PART | DIGIT : 0);
});

function charClass(code: number): number {
  return code < 128 ? CHAR_CLASS[code]! : 0;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  // A `/` starts a regular expression after an operator, `(`, `,`, the start, or `return`/`typeof`/`throw`.
  const regexAllowed = (): boolean => {
    const prev = tokens[tokens.length - 1];
    if (prev === undefined) return true;
    if (prev.kind === "num" || prev.kind === "str" || prev.kind === "regex") return false;
    if (prev.kind === "id") return prev.text === "return" || prev.text === "typeof" || prev.text === "throw";
    return !(prev.text === ")" || prev.text === "]" || prev.text === "}");
  };
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      i++;
      continue;
    }
    const cls = charClass(code);
    if ((cls & NAME_START) !== 0) {
      let j = i + 1;
      while (j < n && (charClass(text.charCodeAt(j)) & NAME_PART) !== 0) j++;
      tokens.push({ kind: "id", text: text.slice(i, j) });
      i = j;
      continue;
    }
    if ((cls & DIGIT) !== 0) {
      let j = i + 1;
      while (j < n && (charClass(text.charCodeAt(j)) & DIGIT) !== 0) j++;
      if (j < n && ".eExXbBoO_n".includes(text[j]!)) throw new Unsupported("a number other than digits");
      tokens.push({ kind: "num", text: text.slice(i, j) });
      i = j;
      continue;
    }
    if (code === 0x22 || code === 0x27) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === code) break;
        j += d === 0x5c ? 2 : 1;
      }
      if (j >= n) throw new Unsupported("an unterminated string");
      tokens.push({ kind: "str", text: text.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (code === 0x60) throw new Unsupported("a template literal");
    if (code === 0x2f) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2a) {
        const end = text.indexOf("*/", i + 2);
        if (text.slice(i, end + 2) !== "/* @__PURE__ */") throw new Unsupported("a comment");
        tokens.push({ kind: "pure", text: "/* @__PURE__ */" });
        i = end + 2;
        continue;
      }
      if (next === 0x2f) throw new Unsupported("a comment");
      if (regexAllowed()) {
        let j = i + 1;
        let inClass = false;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 0x5c) j += 2;
          else {
            if (d === 0x5b) inClass = true;
            else if (d === 0x5d) inClass = false;
            else if (d === 0x2f && !inClass) break;
            j++;
          }
        }
        if (j >= n) throw new Unsupported("an unterminated regular expression");
        j++;
        while (j < n && text.charCodeAt(j) >= 0x61 && text.charCodeAt(j) <= 0x7a) j++;
        tokens.push({ kind: "regex", text: text.slice(i, j) });
        i = j;
        continue;
      }
    }
    const candidates = code < 128 ? PUNCTUATORS_BY_FIRST[code] : undefined;
    const p = candidates?.find((q) => text.startsWith(q, i));
    if (p !== undefined) {
      tokens.push({ kind: "punct", text: p });
      i += p.length;
      continue;
    }
    const c = text[i]!;
    if (SINGLE.includes(c)) {
      tokens.push({ kind: "punct", text: c });
      i++;
      continue;
    }
    throw new Unsupported(`the character ${c}`);
  }
  tokens.push({ kind: "end", text: "" });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Expressions

type Expr =
  | { readonly t: "atom"; readonly text: string; readonly literal: "id" | "num" | "str" | "regex" }
  | { readonly t: "member"; readonly object: Expr; readonly property: string; readonly optional: boolean }
  | { readonly t: "index"; readonly object: Expr; readonly index: Expr }
  | { readonly t: "nonNull"; readonly object: Expr }
  | { readonly t: "call"; readonly callee: Expr; readonly args: readonly Expr[]; readonly isNew: boolean; readonly pure: boolean }
  | { readonly t: "unary"; readonly op: string; readonly arg: Expr }
  | { readonly t: "binary"; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly t: "cond"; readonly test: Expr; readonly consequent: Expr; readonly alternate: Expr }
  | { readonly t: "as"; readonly expr: Expr; readonly type: string }
  | { readonly t: "arrow"; readonly params: string; readonly body: Expr }
  | { readonly t: "object"; readonly props: readonly Prop[] }
  | { readonly t: "array"; readonly elements: readonly Expr[] }
  | { readonly t: "spread"; readonly arg: Expr };

type Prop = { readonly key: string; readonly value: Expr | undefined } | { readonly spread: Expr };

const PRECEDENCE: Record<string, number> = {
  "??": 1,
  "||": 2,
  "&&": 3,
  "|": 4,
  "^": 5,
  "&": 6,
  "==": 7,
  "!=": 7,
  "===": 7,
  "!==": 7,
  "<": 8,
  ">": 8,
  "<=": 8,
  ">=": 8,
  instanceof: 8,
  in: 8,
  "<<": 9,
  ">>": 9,
  ">>>": 9,
  "+": 10,
  "-": 10,
  "*": 11,
  "/": 11,
  "%": 11,
  "**": 12,
};
const LOGICAL = new Set(["??", "||", "&&"]);

class Parser {
  readonly #tokens: Token[];
  #at = 0;

  constructor(text: string) {
    this.#tokens = tokenize(text);
  }

  #peek(offset = 0): Token {
    return this.#tokens[Math.min(this.#at + offset, this.#tokens.length - 1)]!;
  }

  #is(text: string): boolean {
    const t = this.#peek();
    return (t.kind === "punct" || t.kind === "id") && t.text === text;
  }

  #eat(text: string): boolean {
    if (!this.#is(text)) return false;
    this.#at++;
    return true;
  }

  #expect(text: string): void {
    if (!this.#eat(text)) throw new Unsupported(`expected ${text}, found ${this.#peek().text || "the end"}`);
  }

  #end(): void {
    if (this.#peek().kind !== "end") throw new Unsupported(`unexpected ${this.#peek().text}`);
  }

  #identifier(): string {
    const t = this.#peek();
    if (t.kind !== "id") throw new Unsupported(`expected a name, found ${t.text || "the end"}`);
    this.#at++;
    return t.text;
  }

  /** A whole line holding one expression. */
  expressionLine(): Doc {
    const e = this.#expression();
    this.#end();
    return printExpr(e, "argument");
  }

  /** A whole line: a statement or the head of a block. */
  statementLine(): Doc {
    if (this.#eat("}")) {
      this.#expect("else");
      if (this.#eat("{")) {
        this.#end();
        return "} else {";
      }
      this.#expect("if");
      return ["} else ", this.#ifRest()];
    }
    if ((this.#is("export") && this.#peek(1).text === "function") || this.#is("function")) return this.#functionHead();
    if (this.#is("export") && (this.#peek(1).text === "const" || this.#peek(1).text === "let")) {
      this.#at++;
      return ["export ", this.#statement(true)];
    }
    if (this.#eat("if")) return this.#ifRest();
    if (this.#eat("else")) {
      // a line `else …` after an `if (c) s;` line: prettier's adjustClause
      if (this.#eat("if")) return ["else ", this.#ifRest()];
      if (this.#eat("{")) {
        this.#end();
        return "else {";
      }
      return ["else", group(indent([line, this.#statement(true)]))];
    }
    if (this.#eat("for")) return this.#forHead();
    if ((this.#peek().kind === "str" || this.#peek().kind === "id") && this.#peek(1).text === ":") {
      // `key: value,` — a property of an object the printer broke one property per line
      const k = this.#peek();
      this.#at += 2;
      const key = k.kind === "id" ? k.text : propertyKey(k.text);
      const value = this.#expression();
      this.#expect(",");
      this.#end();
      return [assignment(key, ":", value, "property"), ","];
    }
    return this.#statement(true);
  }

  #statement(last: boolean): Doc {
    let doc: Doc;
    if (this.#is("const") || this.#is("let")) {
      const keyword = this.#identifier();
      const name = this.#identifier();
      const type = this.#eat(":") ? `: ${this.#type(["="])}` : "";
      this.#expect("=");
      doc = assignment(`${keyword} ${name}${type}`, " =", this.#expression(), "declaration");
    } else if (this.#eat("return")) {
      doc = ["return ", returnArgument(this.#expression())];
    } else if (this.#eat("throw")) {
      doc = ["throw ", returnArgument(this.#expression())];
    } else if (this.#eat("if")) {
      doc = this.#ifRest();
      if (last) this.#end();
      return doc;
    } else {
      const target = this.#expression();
      const op = this.#peek();
      if (op.kind === "punct" && (op.text === "=" || op.text === "+=" || op.text === "-=")) {
        this.#at++;
        doc = assignment(printExpr(target, "lhs"), ` ${op.text}`, this.#expression(), "assignment");
      } else doc = printExpr(target, "statement");
    }
    this.#expect(";");
    if (last) this.#end();
    return [doc, ";"];
  }

  /** After `if`: `(test) {` or `(test) statement`. */
  #ifRest(): Doc {
    this.#expect("(");
    const test = this.#expression();
    this.#expect(")");
    const testDoc = group([indent([softline, printExpr(test, "test")]), softline]);
    if (this.#eat("{")) {
      this.#end();
      return group(["if (", testDoc, ") {"]);
    }
    const statement = this.#statement(true);
    return group(["if (", testDoc, ")", indent([line, statement])]);
  }

  #forHead(): Doc {
    this.#expect("(");
    if (this.#eat("let")) {
      // for (let i = 0; test; i++) — prettier: the three parts break together inside the parentheses
      const name = this.#identifier();
      this.#expect("=");
      const init = this.#expression();
      this.#expect(";");
      const test = this.#expression();
      this.#expect(";");
      const counter = this.#identifier();
      const op = this.#peek().text;
      if (op !== "++" && op !== "--") throw new Unsupported("a for loop update other than i++");
      this.#at++;
      this.#expect(")");
      const head: Doc = ["for (", group([indent([softline, `let ${name} = `, printExpr(init, "rhs"), ";", line, printExpr(test, "other"), ";", line, `${counter}${op}`]), softline]), ")"];
      if (this.#eat("{")) {
        this.#end();
        return group([head, " {"]);
      }
      return group([head, indent([line, this.#statement(true)])]);
    }
    if (!this.#eat("const")) throw new Unsupported("a for loop other than for (const … of …)");
    const binding = this.#binding();
    this.#expect("of");
    const right = this.#expression();
    this.#expect(")");
    if (this.#eat("{")) {
      this.#end();
      return group(["for (const ", binding, " of ", printExpr(right, "other"), ") {"]);
    }
    return group(["for (const ", binding, " of ", printExpr(right, "other"), ")", indent([line, this.#statement(true)])]);
  }

  /** A name or an array pattern of names. */
  #binding(): string {
    if (this.#eat("[")) {
      const names: string[] = [];
      while (!this.#eat("]")) {
        names.push(this.#identifier());
        if (!this.#is("]")) this.#expect(",");
      }
      return `[${names.join(", ")}]`;
    }
    return this.#identifier();
  }

  #functionHead(): Doc {
    const exported = this.#eat("export");
    this.#expect("function");
    const name = this.#identifier();
    if (this.#is("<")) throw new Unsupported("type parameters");
    this.#expect("(");
    const params: string[] = [];
    while (!this.#eat(")")) {
      params.push(this.#parameter());
      if (!this.#is(")")) this.#expect(",");
    }
    const result = this.#eat(":") ? `: ${this.#type(["{"])}` : "";
    this.#expect("{");
    this.#end();
    const paramsDoc = params.length === 0 ? "()" : ["(", indent([softline, join([",", line], params)]), ifBreak(","), softline, ")"];
    return [`${exported ? "export " : ""}function ${name}`, group([paramsDoc, result]), " {"];
  }

  #parameter(): string {
    const rest = this.#eat("...") ? "..." : "";
    const name = this.#identifier();
    const optional = this.#eat("?") ? "?" : "";
    const type = this.#eat(":") ? `: ${this.#type([",", ")", "="])}` : "";
    if (this.#eat("=")) {
      const value = this.#expression();
      const text = value.t === "atom" ? atomText(value) : value.t === "object" && value.props.length === 0 ? "{}" : value.t === "array" && value.elements.length === 0 ? "[]" : undefined;
      if (text === undefined) throw new Unsupported("a parameter's default other than a literal");
      return `${rest}${name}${optional}${type} = ${text}`;
    }
    return `${rest}${name}${optional}${type}`;
  }

  /**
   * A type up to one of `stops` at depth 0, printed flat as prettier prints it: names with type
   * arguments, `T[]`, unions, keywords, `readonly`, `keyof`/`typeof`, parentheses only where needed.
   */
  #type(stops: readonly string[]): string {
    const t = this.#unionType(stops);
    return t.text;
  }

  #unionType(stops: readonly string[]): { text: string; union: boolean } {
    const parts: string[] = [this.#postfixType(stops)];
    while (this.#eat("|")) parts.push(this.#postfixType(stops));
    return { text: parts.join(" | "), union: parts.length > 1 };
  }

  #postfixType(stops: readonly string[]): string {
    let base: string;
    let union = false;
    if (this.#eat("(")) {
      const inner = this.#unionType([")"]);
      this.#expect(")");
      base = inner.text;
      union = inner.union;
    } else if (this.#eat("readonly")) {
      base = `readonly ${this.#postfixType(stops)}`;
      union = true;
    } else if (this.#is("keyof") || this.#is("typeof")) {
      base = `${this.#identifier()} ${this.#postfixType(stops)}`;
      union = true;
    } else if (this.#peek().kind === "str" || this.#peek().kind === "num") {
      const t = this.#peek();
      this.#at++;
      base = t.kind === "str" ? stringText(t.text) : t.text;
    } else {
      let name = this.#identifier();
      while (this.#eat(".")) name += `.${this.#identifier()}`;
      if (this.#eat("<")) {
        const args: string[] = [];
        while (!this.#eat(">")) {
          args.push(this.#unionType([",", ">"]).text);
          if (!this.#is(">")) this.#expect(",");
        }
        name += `<${args.join(", ")}>`;
      }
      base = name;
    }
    while (this.#is("[") && this.#peek(1).text === "]") {
      this.#at += 2;
      base = `${union ? `(${base})` : base}[]`;
      union = false;
    }
    if (union && !this.#is("[")) {
      // a parenthesized union not followed by [] loses its parentheses (only as a whole type)
      if (!stops.some((s) => this.#is(s)) && !this.#is("|")) throw new Unsupported("a parenthesized type");
      return base;
    }
    return base;
  }

  #expression(): Expr {
    return this.#conditional();
  }

  #conditional(): Expr {
    if (this.#isArrow()) return this.#arrow();
    const test = this.#binary(0);
    if (!this.#eat("?")) return test;
    const consequent = this.#conditional();
    this.#expect(":");
    const alternate = this.#conditional();
    return { t: "cond", test, consequent, alternate };
  }

  #isArrow(): boolean {
    const t = this.#peek();
    if (t.kind === "id" && this.#peek(1).text === "=>") return true;
    if (!this.#is("(")) return false;
    // ( names / [names] ) =>
    let depth = 0;
    for (let i = this.#at; i < this.#tokens.length; i++) {
      const x = this.#tokens[i]!;
      if (x.kind === "end") return false;
      if (x.text === "(" || x.text === "[") depth++;
      else if (x.text === ")" || x.text === "]") {
        depth--;
        if (depth === 0) return this.#tokens[i + 1]?.text === "=>";
      } else if (x.kind !== "id" && x.text !== ",") return false;
    }
    return false;
  }

  #arrow(): Expr {
    let params: string;
    if (this.#eat("(")) {
      const names: string[] = [];
      while (!this.#eat(")")) {
        names.push(this.#binding());
        if (!this.#is(")")) this.#expect(",");
      }
      params = `(${names.join(", ")})`;
    } else params = `(${this.#identifier()})`;
    this.#expect("=>");
    if (this.#is("{")) throw new Unsupported("an arrow with a block body");
    return { t: "arrow", params, body: this.#conditional() };
  }

  #binary(minPrecedence: number): Expr {
    let left = this.#unary();
    for (;;) {
      const t = this.#peek();
      if (t.kind === "id" && t.text === "as") {
        this.#at++;
        left = { t: "as", expr: left, type: this.#type([")", ",", ";", "]", "}", "?", ":"]) };
        continue;
      }
      const p = (t.kind === "punct" || t.kind === "id") && Object.hasOwn(PRECEDENCE, t.text) ? PRECEDENCE[t.text]! : -1;
      if (p < 0 || p <= minPrecedence - 1 || p < minPrecedence) break;
      this.#at++;
      // left-associative (** is right-associative, not emitted)
      const right = this.#binary(p + 1);
      left = { t: "binary", op: t.text, left, right };
    }
    return left;
  }

  #unary(): Expr {
    const t = this.#peek();
    if (t.kind === "punct" && (t.text === "!" || t.text === "-" || t.text === "+" || t.text === "~")) {
      this.#at++;
      return { t: "unary", op: t.text, arg: this.#unary() };
    }
    if (t.kind === "id" && (t.text === "typeof" || t.text === "void")) {
      this.#at++;
      return { t: "unary", op: `${t.text} `, arg: this.#unary() };
    }
    if (t.kind === "punct" && t.text === "...") throw new Unsupported("a spread here");
    return this.#postfix();
  }

  #postfix(): Expr {
    let pure = false;
    if (this.#peek().kind === "pure") {
      this.#at++;
      pure = true;
    }
    let e: Expr;
    if (this.#eat("new")) {
      let callee: Expr = { t: "atom", text: this.#identifier(), literal: "id" };
      while (this.#eat(".")) callee = { t: "member", object: callee, property: this.#identifier(), optional: false };
      this.#expect("(");
      e = { t: "call", callee, args: this.#arguments(), isNew: true, pure: false };
    } else e = this.#primary();
    for (;;) {
      if (this.#eat(".")) e = { t: "member", object: e, property: this.#identifier(), optional: false };
      else if (this.#eat("?.")) {
        if (this.#is("(") || this.#is("[")) throw new Unsupported("an optional call");
        e = { t: "member", object: e, property: this.#identifier(), optional: true };
      } else if (this.#eat("[")) {
        const index = this.#expression();
        this.#expect("]");
        e = { t: "index", object: e, index };
      } else if (this.#eat("(")) e = { t: "call", callee: e, args: this.#arguments(), isNew: false, pure: false };
      else if (this.#is("!") && this.#peek(1).kind === "punct" && [")", ".", ",", ";", "]", "}"].includes(this.#peek(1).text)) {
        this.#at++;
        e = { t: "nonNull", object: e };
      }
      else break;
    }
    if (pure) {
      if (e.t !== "call") throw new Unsupported("a pure comment not before a call");
      e = { ...e, pure: true };
    }
    return e;
  }

  #arguments(): Expr[] {
    const args: Expr[] = [];
    while (!this.#eat(")")) {
      args.push(this.#eat("...") ? { t: "spread", arg: this.#expression() } : this.#expression());
      if (!this.#is(")")) this.#expect(",");
    }
    return args;
  }

  #primary(): Expr {
    const t = this.#peek();
    switch (t.kind) {
      case "id":
        if (["function", "class", "async", "await", "yield", "new", "delete", "import", "super"].includes(t.text)) throw new Unsupported(`the keyword ${t.text}`);
        this.#at++;
        return { t: "atom", text: t.text, literal: "id" };
      case "num":
      case "regex":
        this.#at++;
        return { t: "atom", text: t.text, literal: t.kind };
      case "str":
        this.#at++;
        return { t: "atom", text: t.text, literal: "str" };
      case "punct":
        if (t.text === "(") {
          this.#at++;
          const e = this.#expression();
          this.#expect(")");
          return e;
        }
        if (t.text === "[") {
          this.#at++;
          const elements: Expr[] = [];
          while (!this.#eat("]")) {
            elements.push(this.#eat("...") ? { t: "spread", arg: this.#expression() } : this.#expression());
            if (!this.#is("]")) this.#expect(",");
          }
          return { t: "array", elements };
        }
        if (t.text === "{") {
          this.#at++;
          const props: Prop[] = [];
          while (!this.#eat("}")) {
            if (this.#eat("...")) props.push({ spread: this.#expression() });
            else {
              const k = this.#peek();
              let key: string;
              if (k.kind === "id") key = k.text;
              else if (k.kind === "str") key = propertyKey(k.text);
              else throw new Unsupported("an object key other than a name or a string");
              this.#at++;
              if (this.#eat(":")) props.push({ key, value: this.#expression() });
              else if (k.kind === "id") props.push({ key, value: undefined });
              else throw new Unsupported("a string key without a value");
            }
            if (!this.#is("}")) this.#expect(",");
          }
          return { t: "object", props };
        }
        throw new Unsupported(`unexpected ${t.text}`);
      case "pure":
      case "end":
        throw new Unsupported(`unexpected ${t.text || "end"}`);
      default: {
        const never: never = t.kind;
        throw new Error(`internal: unknown token ${String(never)}`);
      }
    }
  }
}

/** A quoted object key as prettier prints it (quoteProps "as-needed"): a name unquoted, else the string. */
function propertyKey(raw: string): string {
  const content = raw.slice(1, -1);
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(content) ? content : stringText(raw);
}

/** A string literal as prettier prints it (its quotes: fewer escapes, double on a tie). */
function stringText(raw: string): string {
  const content = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 0x22) doubles++;
    else if (c === 0x27) singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  const other = quote === '"' ? "'" : '"';
  if (raw[0] === quote && !content.includes(`\\${other}`)) return raw;
  const body = content.replace(/\\(.)|(["'])/gs, (match, escaped?: string, q?: string) => (escaped === other ? escaped : q === quote ? `\\${q}` : q !== undefined ? q : match));
  return quote + body + quote;
}

function atomText(e: Extract<Expr, { t: "atom" }>): string {
  return e.literal === "str" ? stringText(e.text) : e.text;
}

// ---------------------------------------------------------------------------------------------
// Printing (prettier's printer-estree, for the shapes above)

type Place = "statement" | "test" | "lhs" | "rhs" | "argument" | "member-object" | "return" | "other" | "arrow-body" | "cond-part" | "cond-test" | "property";

function assignment(left: string | Doc, op: string, right: Expr, kind: "declaration" | "assignment" | "property"): Doc {
  const rightDoc = printExpr(right, kind === "property" ? "property" : "rhs");
  // prettier's isObjectPropertyWithShortKey: a key narrower than tabWidth + 3 columns
  const shortKey = kind === "property" && typeof left === "string" && left.length < 5;
  const layout = chooseLayout(right, shortKey);
  switch (layout) {
    case "break-after-operator":
      return group([group(left), op, group(indent([line, rightDoc]))]);
    case "never-break-after-operator":
      return group([group(left), op, " ", rightDoc]);
    case "fluid": {
      const id = Symbol("assignment");
      return group([group(left), op, group(indent(line), { id }), indentIfBreak(rightDoc, id)]);
    }
    default: {
      const never: never = layout;
      throw new Error(`internal: unknown layout ${String(never)}`);
    }
  }
}

/** prettier's chooseLayout (assignment.js) for the right-hand sides we print. */
function chooseLayout(right: Expr, shortKey: boolean): "break-after-operator" | "never-break-after-operator" | "fluid" {
  // shouldBreakAfterOperator
  if (right.t === "binary" && !shouldInline(right)) return "break-after-operator";
  if (right.t === "cond") return right.test.t === "binary" && !shouldInline(right.test) ? "break-after-operator" : "fluid";
  if (!shortKey) {
    const inner = right.t === "unary" ? right.arg : right;
    if ((inner.t === "atom" && inner.literal === "str") || isMemberChainOfNames(inner)) return "break-after-operator";
  }
  // shouldNeverBreakAfterOperator
  if (shortKey) return "never-break-after-operator";
  if (right.t === "call" && right.callee.t === "atom" && right.callee.text === "require") return "never-break-after-operator";
  if (right.t === "arrow") throw new Unsupported("an arrow function assigned");
  if (isPoorlyBreakableChain(right, false)) return "break-after-operator";
  return "fluid";
}

/** prettier's isPoorlyBreakableMemberOrCallChain: members and calls without arguments or with one short one, down to a name. */
function isPoorlyBreakableChain(e: Expr, deep: boolean): boolean {
  if (e.t === "nonNull") return isPoorlyBreakableChain(e.object, true);
  if (e.t === "member") return isPoorlyBreakableChain(e.object, true);
  if (e.t === "call" && !e.isNew) {
    if (!(e.args.length === 0 || (e.args.length === 1 && isLoneShortArgument(e.args[0]!)))) return false;
    return isPoorlyBreakableChain(e.callee, true);
  }
  return deep && e.t === "atom" && e.literal === "id";
}

function isLoneShortArgument(e: Expr): boolean {
  const threshold = PRINT_WIDTH / 4;
  if (e.t === "atom") return e.literal === "id" || e.literal === "num" ? e.text.length <= threshold || e.literal === "num" : e.text.length <= threshold + (e.literal === "regex" ? 2 : 0);
  if (e.t === "unary" && e.op === "-" && e.arg.t === "atom" && e.arg.literal === "num") return true;
  return false;
}

/** `a.b.c` (prettier's isMemberExpressionChain: members down to a name). */
function isMemberChainOfNames(e: Expr): boolean {
  if (e.t !== "member") return false;
  let o: Expr = e;
  while (o.t === "member") o = o.object;
  return o.t === "atom" && o.literal === "id";
}

function shouldInline(e: Extract<Expr, { t: "binary" }>): boolean {
  if (!LOGICAL.has(e.op)) return false;
  const r = e.right;
  return (r.t === "object" && r.props.length > 0) || (r.t === "array" && r.elements.length > 0);
}

function returnArgument(e: Expr): Doc {
  // prettier: a binary argument that breaks gets parentheses; a sequence too. Not laid out here.
  if (e.t === "binary") {
    return group([ifBreak("("), indent([softline, printExpr(e, "return")]), softline, ifBreak(")")]);
  }
  return printExpr(e, "return");
}

function needsParens(e: Expr, parent: Expr | undefined, side: "left" | "right" | "other"): boolean {
  if (parent === undefined) return false;
  switch (e.t) {
    case "binary":
      if (parent.t === "unary" || parent.t === "as") return true;
      if ((parent.t === "member" || parent.t === "index") && side === "left") return true;
      if (parent.t === "call" && side === "left") return true;
      if (parent.t === "binary") {
        const pp = PRECEDENCE[parent.op]!;
        const np = PRECEDENCE[e.op]!;
        if (LOGICAL.has(parent.op) && LOGICAL.has(e.op)) return parent.op !== e.op || side === "right";
        if (pp > np) return true;
        if (pp === np && side === "right") return true;
        if (pp === np && !shouldFlatten(parent.op, e.op)) return true;
        if (pp < np && e.op === "%") return parent.op === "+" || parent.op === "-";
        return false;
      }
      return false;
    case "cond":
      return parent.t === "binary" || parent.t === "unary" || parent.t === "as" || ((parent.t === "member" || parent.t === "index" || parent.t === "call") && side === "left") || (parent.t === "cond" && side === "left");
    case "arrow":
      return parent.t === "binary" || parent.t === "unary" || parent.t === "as" || ((parent.t === "member" || parent.t === "index" || parent.t === "call") && side === "left") || parent.t === "cond";
    case "as":
      return parent.t === "binary" || parent.t === "unary" || ((parent.t === "member" || parent.t === "index" || parent.t === "call") && side === "left");
    case "object":
      return false;
    case "unary":
      return (parent.t === "member" || parent.t === "index" || parent.t === "call") && side === "left";
    default:
      return false;
  }
}

function shouldFlatten(parentOp: string, nodeOp: string): boolean {
  if (PRECEDENCE[nodeOp] !== PRECEDENCE[parentOp]) return false;
  if (parentOp === "**") return false;
  if (PRECEDENCE[parentOp] === 7) return false; // equality
  if ((nodeOp === "%" && (parentOp === "*" || parentOp === "/")) || (parentOp === "%" && (nodeOp === "*" || nodeOp === "/"))) return false;
  if (nodeOp !== parentOp && (nodeOp === "*" || nodeOp === "/") && (parentOp === "*" || parentOp === "/")) return false;
  if (PRECEDENCE[parentOp] === 9) return false; // bit shifts
  return true;
}

function wrap(e: Expr, parent: Expr | undefined, side: "left" | "right" | "other", place: Place): Doc {
  const doc = printExpr(e, place, parent);
  return needsParens(e, parent, side) ? ["(", doc, ")"] : doc;
}

function printExpr(e: Expr, place: Place, parent?: Expr): Doc {
  switch (e.t) {
    case "atom":
      return atomText(e);
    case "member":
    case "index":
    case "nonNull":
    case "call":
      return printChain(e, place);
    case "unary":
      return [e.op, wrap(e.arg, e, "other", "other")];
    case "binary":
      return printBinary(e, place, parent);
    case "cond":
      return printConditional(e, place, parent);
    case "as":
      return [wrap(e.expr, e, "left", "other"), " as ", e.type];
    case "arrow":
      return printArrow(e, false);
    case "object":
      return printObject(e);
    case "array":
      if (e.elements.length === 0) return "[]";
      if (e.elements.every((x) => x.t === "atom" && x.literal === "num")) throw new Unsupported("an array of numbers (prettier fills it)");
      return group(["[", indent([softline, join([",", line], e.elements.map((x) => printExpr(x, "argument")))]), ifBreak(","), softline, "]"]);
    case "spread":
      return ["...", spreadArgument(e.arg)];
    default: {
      const never: never = e;
      throw new Error(`internal: unknown expression ${String(never)}`);
    }
  }
}

/** prettier's printArrowFunction: an array or object body stays after `=>`; another may go to the next line. */
function printArrow(e: Extract<Expr, { t: "arrow" }>, expandLastArg: boolean): Doc {
  const body = wrap(e.body, e, "other", "arrow-body");
  if (e.body.t === "array" || e.body.t === "object") return group([e.params, " => ", body]);
  if (e.body.t === "as") throw new Unsupported("an arrow body that may break");
  // a conditional body: in parentheses when it stays on the arrow's line, without when it moves to the next
  const inner: Doc = e.body.t === "cond" ? [ifBreak("", "("), body, ifBreak("", ")")] : body;
  return group([e.params, " =>", group([indent([line, inner]), expandLastArg ? [ifBreak(","), softline] : ""])]);
}

/** A spread's argument: a conditional or an arrow in parentheses (prettier keeps them). */
function spreadArgument(e: Expr): Doc {
  const doc = printExpr(e, "argument");
  if (e.t === "binary" || e.t === "as") throw new Unsupported(`a spread of a ${e.t} expression`);
  return e.t === "cond" || e.t === "arrow" ? ["(", doc, ")"] : doc;
}

function printObject(e: Extract<Expr, { t: "object" }>): Doc {
  if (e.props.length === 0) return "{}";
  const props = e.props.map((p): Doc => {
    if ("spread" in p) return ["...", spreadArgument(p.spread)];
    if (p.value === undefined) return p.key;
    if (p.value.t === "arrow") throw new Unsupported("an object property whose value is a function");
    return assignment(p.key, ":", p.value, "property");
  });
  return group(["{", indent([line, join([",", line], props)]), ifBreak(","), line, "}"]);
}

/** A member/call chain; prettier's member chain with few call groups is printed on one line (its calls may break inside). */
function printChain(e: Expr, place: Place): Doc {
  const nodes: Expr[] = [];
  let head: Expr = e;
  while (head.t === "member" || head.t === "index" || head.t === "nonNull" || (head.t === "call" && !head.isNew)) {
    nodes.unshift(head);
    head = head.t === "call" ? head.callee : head.object;
  }
  if (nodes.some((n) => n.t === "call") && nodes.some((n) => n.t === "member")) {
    // prettier's printMemberChain: up to its cutoff of groups the chain is printed on one line
    // (its calls may break inside); more may be broken one call per line, not laid out here.
    const { firstGroup, groups } = memberChainGroups(head, nodes);
    const last = firstGroup[firstGroup.length - 1];
    const merge =
      firstGroup.length === 0
        ? head.t === "atom" && head.literal === "id" && (isFactory(head.text) || head.text === "this" || (place === "statement" && head.text.length <= 2))
        : last!.t === "member" && isFactory(last!.property);
    if (1 + groups > (merge ? 3 : 2)) throw new Unsupported("a member chain of several calls");
  }
  const parts: Doc[] = [];
  const pureCall = e.t === "call" && e.pure;
  if (head.t === "call" && head.isNew) parts.push(["new ", printExpr(head.callee, "other"), printArguments(head.args)]);
  else parts.push(wrap(head, nodes[0], "left", "member-object"));
  for (const n of nodes) {
    if (n.t === "member") parts.push(n.optional ? "?." : ".", n.property);
    else if (n.t === "index") parts.push("[", printExpr(n.index, "other"), "]");
    else if (n.t === "nonNull") parts.push("!");
    else if (n.t === "call") parts.push(printArguments(n.args));
  }
  return pureCall ? ["/* @__PURE__ */ ", parts] : parts;
}

/** prettier's member-chain groups: the nodes of the first group after the head, and how many groups follow. */
function memberChainGroups(head: Expr, nodes: readonly Expr[]): { firstGroup: Expr[]; groups: number } {
  let i = 0;
  while (i < nodes.length && (nodes[i]!.t === "call" || nodes[i]!.t === "nonNull" || (nodes[i]!.t === "index" && isLiteralIndex(nodes[i]!)))) i++;
  if (head.t !== "call") while (i + 1 < nodes.length && isMemberish(nodes[i]!) && isMemberish(nodes[i + 1]!)) i++;
  const firstGroup = nodes.slice(0, i);
  let groups = 0;
  let open = false;
  let seenCall = false;
  for (; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (seenCall && isMemberish(n)) {
      groups++;
      open = false;
      seenCall = false;
    }
    if (n.t === "call") seenCall = true;
    open = true;
  }
  if (open) groups++;
  return { firstGroup, groups };
}

function isMemberish(e: Expr): boolean {
  return e.t === "member" || e.t === "index" || e.t === "nonNull";
}

function isLiteralIndex(e: Expr): boolean {
  return e.t === "index" && e.index.t === "atom" && (e.index.literal === "str" || e.index.literal === "num");
}

function isFactory(name: string): boolean {
  return /^[A-Z]|^[$_]+$/.test(name);
}

function isHuggable(e: Expr): boolean {
  return (e.t === "object" && e.props.length > 0) || e.t === "arrow" || (e.t === "array" && e.elements.length > 0);
}

function printArguments(args: readonly Expr[]): Doc {
  if (args.length === 0) return "()";
  const printed = args.map((a) => printExpr(a, "argument"));
  const allBroken = group(["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"], { broken: true });
  const last = args[args.length - 1]!;
  if (isHuggable(last) && !args.slice(0, -1).some(isHuggable)) {
    if (printed.slice(0, -1).some(willBreak)) throw new Unsupported("an argument that breaks");
    const expanded = last.t === "arrow" ? printArrow(last, true) : printed[printed.length - 1]!;
    const flat: Doc = ["(", join(", ", [...printed.slice(0, -1), expanded]), ")"];
    const hugged: Doc = ["(", join(", ", [...printed.slice(0, -1), group(expanded, { broken: true })]), ")"];
    return conditionalGroup([flat, hugged, allBroken]);
  }
  if (args.length === 1 && isHuggable(args[0]!)) throw new Unsupported("a hugged first argument");
  return group(["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"]);
}

function printBinary(e: Extract<Expr, { t: "binary" }>, place: Place, parent: Expr | undefined): Doc {
  const insideParens = place === "test" && parent === undefined;
  const parts = binaryParts(e, insideParens, parent);
  if (insideParens) return parts;
  if (parent !== undefined && (parent.t === "unary" || parent.t === "member" || parent.t === "index" || parent.t === "call" || parent.t === "as")) {
    return group([indent([softline, ...parts]), softline]);
  }
  // (a conditional's test and branches: unless the conditional is returned, thrown or an argument)
  const shouldNotIndent = place === "return" || (place === "arrow-body" && parent?.t === "arrow") || (parent?.t === "cond" && (place === "cond-test" || place === "cond-part"));
  const inlining = shouldInline(e);
  const samePrecedenceSub = e.left.t === "binary" && shouldFlatten(e.op, e.left.op);
  const indentIfInlining = place === "rhs" || place === "property";
  if (shouldNotIndent || (inlining && !samePrecedenceSub) || (!inlining && indentIfInlining)) return group(parts);
  const firstGroup = parts.findIndex((p) => typeof p === "object" && !Array.isArray(p) && (p as { kind?: string }).kind === "group");
  const headParts = parts.slice(0, firstGroup === -1 ? 1 : firstGroup + 1);
  const rest = parts.slice(headParts.length);
  return group([...headParts, indent(rest)]);
}

/** prettier's printBinaryishExpressions: a flattened chain of the same precedence. */
function binaryParts(e: Extract<Expr, { t: "binary" }>, insideParens: boolean, parentOfE: Expr | undefined): Doc[] {
  const parts: Doc[] = [];
  if (e.left.t === "binary" && shouldFlatten(e.op, e.left.op) && !needsParens(e.left, e, "left")) append(parts, binaryParts(e.left, insideParens, e));
  else parts.push(group(wrap(e.left, e, "left", "other")));
  const inline = shouldInline(e);
  const right: Doc = inline ? [e.op, " ", wrap(e.right, e, "right", "other")] : [e.op, line, wrap(e.right, e, "right", "other")];
  const sameKind = (x: Expr | undefined) => x !== undefined && x.t === "binary" && LOGICAL.has(x.op) === LOGICAL.has(e.op);
  const isLogical = LOGICAL.has(e.op);
  const shouldGroup = !(insideParens && isLogical) && !sameKind(parentOfE) && !sameKind(e.left) && !sameKind(e.right);
  parts.push(" ", shouldGroup ? group(right) : right);
  return parts;
}

function printConditional(e: Extract<Expr, { t: "cond" }>, place: Place, parent: Expr | undefined): Doc {
  if (e.consequent.t === "cond" || e.alternate.t === "cond") throw new Unsupported("nested conditionals");
  const outer = place === "return" || place === "argument";
  const test = wrap(e.test, e, "left", outer ? "other" : "cond-test");
  const consequent = wrap(e.consequent, e, "other", outer ? "other" : "cond-part");
  const alternate = wrap(e.alternate, e, "other", outer ? "other" : "cond-part");
  // prettier aligns each branch by 2 past its `? ` / `: `
  const parts: Doc = [test, indent([line, "? ", indent(consequent), line, ": ", indent(alternate)])];
  // prettier: parts wrapped in a group; a conditional under a member/call gets a softline inside
  const breakClosingParen = parent !== undefined && (parent.t === "member" || parent.t === "index" || parent.t === "call");
  if (breakClosingParen) throw new Unsupported("a conditional under a member");
  void place;
  return group(parts);
}
