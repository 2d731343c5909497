// Prettier's layout (as oxfmt prints it, Shapesmith's options: print width 100, trailing commas)
// for the few shapes of code a printer that skips the formatter emits: type aliases, interface
// members, union types, object keys and strings, parameter and argument lists. Not a general
// pretty-printer: a shape whose layout past the print width has not been checked against oxfmt is
// reported to `check.unsure`, and the file goes through the formatter as before (generator/core.ts
// `Formatting`).
//
//   typeAlias("export type Ids", union([name("IdList"), NULL]), check)
//   → ["export type Ids = IdList | null;"]
//   typeAlias("export type Event", union([name("AVeryLong…"), name("Another…")]), check)   (past 100 columns)
//   → ["export type Event =", "  | AVeryLong…", "  | Another…;"]
//   member(2, "Tags?", union([name("TagList"), UNDEFINED]), check) → ["  Tags?: TagList | undefined;"]
//   stringLiteral(`say "hi"`) → `'say "hi"'` (prettier's quotes: the one needing fewer escapes, double on a tie)
//   objectKey("x-id", check) → `"x-id"`; objectKey("id", check) → "id"
//   call(4, "super", ["fields.message ?? options.message ?? \"AVeryLong…\"", "response", "code"], ";", check)
//   → ["    super(", "      fields.message ?? options.message ?? \"AVeryLong…\",", "      response,", "      code,", "    );"]
//
// The rules, each checked against oxfmt (test/foundation/layout.test.ts holds the cases):
// - what fits in 100 columns stays on one line (width counted in UTF-16 units: a line holding
//   other than ASCII is unsure when its layout depends on the width);
// - `export type N = T;` past the width: `=` ends the line and T follows indented, unless T is a
//   union (then one member per line, each after `| `) or `Record<…>` whose `Record<` still fits
//   on the first line (then its type arguments one per line);
// - a member `key: T;` past the width: kept long when T cannot break (a name, or a type name
//   `| null`); a union: `key:` and one member per line;
// - a union of object types past the width: one variant per line, a variant past the width with
//   one member per line;
// - an object property whose value is a string: `key:` and the string on the next line;
// - a parameter list or a call's argument list past the width (no function or object literal
//   among them, which prettier hugs): one per line with a trailing comma, `)` back at the indent;
//   an argument past the width there is laid out as an expression (generator/emit/statements.ts:
//   `a ?? b ?? "…"` one operand per line);
// - an array property `key: [a, b],` of an object broken one property per line: numbers filled
//   (as many per line as fit, each with its comma), other literals one per line;
// - `export interface N extends A, B {` past the width: `extends A, B {` on the next line;
// - an object property `key: (a, b) => call(…),` past the width: the call on the next line.
// Whole statements of the deserializers, serializers and validators: generator/emit/statements.ts.

import { LAYOUT } from "../format.js";
import { append } from "../lists.js";
import { layoutExpression } from "./statements.js";

export const PRINT_WIDTH = LAYOUT.printWidth;

/** Where a printer reports a layout it cannot be sure of (the file is then formatted). */
export interface LayoutCheck {
  unsure(why: string): void;
}

/** A type expression of the shapes the printers emit. */
export type TypeExpr =
  | { readonly kind: "name"; readonly text: string; readonly keyword: boolean }
  /** Printed as is, no place to break: `(typeof X)[keyof typeof X]`, `[string, unknown]`. */
  | { readonly kind: "atom"; readonly text: string }
  | { readonly kind: "record"; readonly value: TypeExpr }
  | { readonly kind: "array"; readonly element: TypeExpr }
  | { readonly kind: "union"; readonly members: readonly TypeExpr[] }
  | { readonly kind: "object"; readonly members: readonly { readonly key: string; readonly type: TypeExpr }[] };

const KEYWORDS = new Set(["string", "number", "bigint", "boolean", "unknown", "never", "null", "undefined", "any", "object", "symbol", "void"]);

export function name(text: string): TypeExpr {
  return { kind: "name", text, keyword: KEYWORDS.has(text) };
}

export const NULL = name("null");
export const UNDEFINED = name("undefined");

export function atom(text: string): TypeExpr {
  return { kind: "atom", text };
}

/** A union, flattened (`(A | null) | undefined` is `A | null | undefined`); one member is itself. */
export function union(members: readonly TypeExpr[]): TypeExpr {
  const flat = members.flatMap((m) => (m.kind === "union" ? m.members : [m]));
  return flat.length === 1 ? flat[0]! : { kind: "union", members: flat };
}

/** The type on one line, as prettier prints it. */
export function flat(t: TypeExpr): string {
  switch (t.kind) {
    case "name":
    case "atom":
      return t.text;
    case "record":
      return `Record<string, ${flat(t.value)}>`;
    case "array":
      return t.element.kind === "union" ? `(${flat(t.element)})[]` : `${flat(t.element)}[]`;
    case "union":
      return t.members.map(flat).join(" | ");
    case "object":
      return t.members.length === 0 ? "{}" : `{ ${t.members.map((m) => `${m.key}: ${flat(m.type)}`).join("; ")} }`;
    default: {
      const never: never = t;
      throw new Error(`internal: unknown type expression ${String(never)}`);
    }
  }
}

/** A type that prettier never breaks: a name, or a type name with `| null` (kept whole, "hugged"). */
function unbreakable(t: TypeExpr): boolean {
  if (t.kind === "name" || t.kind === "atom") return true;
  if (t.kind === "array") return unbreakable(t.element);
  return t.kind === "union" && t.members.length === 2 && isTypeName(t.members[0]!) && t.members[1] === NULL;
}

function isTypeName(t: TypeExpr): boolean {
  return t.kind === "name" && !t.keyword;
}

/** Does this line fit the print width? Unsure (reported) when other than ASCII decides. */
function fits(line: string, check: LayoutCheck): boolean {
  const ok = line.length <= PRINT_WIDTH;
  // East Asian wide characters count two columns, combining marks none: prettier and oxfmt may
  // count them differently from each other and from `length`.
  if (/[^\x20-\x7e]/.test(line) && (ok ? line.length * 2 > PRINT_WIDTH : true)) check.unsure(`width of a line with other than ASCII: ${line.slice(0, 60)}`);
  return ok;
}

/** `head = t;` for `head` = `export type Name`. */
export function typeAlias(head: string, t: TypeExpr, check: LayoutCheck): string[] {
  const one = `${head} = ${flat(t)};`;
  if (fits(one, check)) return [one];
  if (t.kind === "union" && !unbreakable(t)) return [`${head} =`, ...unionLines(2, t.members, ";", check)];
  if (t.kind === "object") return [`${head} =`, ...objectLines(2, "", t, ";", check)];
  if (t.kind === "record") {
    const value = `  ${flat(t.value)}`;
    // Prettier's "fluid" assignment: `=` stays unless even `head = Record<` passes the width.
    if (fits(`${head} = Record<`, check)) {
      if (!fits(value, check) && !unbreakable(t.value)) check.unsure(`Record value past the print width: ${head}`);
      return [`${head} = Record<`, "  string,", value, ">;"];
    }
  }
  if (t.kind === "array" && t.element.kind === "union" && !unbreakable(t.element) && fits(`${head} = (`, check)) {
    // The same "fluid" rule: the union breaks inside its parentheses while `head = (` fits.
    return [`${head} = (`, ...unionLines(2, t.element.members, "", check), ")[];"];
  }
  const next = `  ${flat(t)};`;
  if (!fits(next, check) && !unbreakable(t)) check.unsure(`type past the print width on its own line: ${head}`);
  return [`${head} =`, next];
}

/** An interface or object type member `key: t;` at `indent` spaces (`key` with its `?`). */
export function member(indent: number, key: string, t: TypeExpr, check: LayoutCheck, end = ";"): string[] {
  const pad = " ".repeat(indent);
  const one = `${pad}${key}: ${flat(t)}${end}`;
  if (fits(one, check) || unbreakable(t)) return [one];
  if (t.kind === "union") return [`${pad}${key}:`, ...unionLines(indent + 2, t.members, end, check)];
  check.unsure(`member past the print width: ${one.trim().slice(0, 60)}`);
  return [one];
}

/** `| m` lines of a broken union at `indent`, the last ending in `end`. */
function unionLines(indent: number, members: readonly TypeExpr[], end: string, check: LayoutCheck): string[] {
  const pad = " ".repeat(indent);
  return members.flatMap((m, i) => {
    const last = i === members.length - 1 ? end : "";
    const line = `${pad}| ${flat(m)}${last}`;
    if (fits(line, check) || unbreakable(m)) return [line];
    if (m.kind === "object") return objectLines(indent, "| ", m, last, check);
    check.unsure(`union member past the print width: ${line.trim().slice(0, 60)}`);
    return [line];
  });
}

/** An object type broken one member per line: `{` after `prefix`, members 4 deeper (prettier aligns them past `| `). */
function objectLines(indent: number, prefix: string, t: Extract<TypeExpr, { kind: "object" }>, end: string, check: LayoutCheck): string[] {
  const pad = " ".repeat(indent);
  const inner = indent + (prefix === "" ? 2 : 4);
  const close = " ".repeat(inner - 2);
  if (prefix === "") check.unsure("object type alias past the print width"); // not emitted today; layout not checked
  return [`${pad}${prefix}{`, ...t.members.flatMap((m) => member(inner, m.key, m.type, check)), `${close}}${end}`];
}

/**
 * `head = rhs;` for an expression `rhs` that may break inside but is not laid out here: one line,
 * or `=` ending the line and `rhs` on the next (unsure when that line passes the width too).
 */
export function assignment(head: string, rhs: string, check: LayoutCheck, unbreakableRhs = false): string[] {
  const one = `${head} = ${rhs};`;
  if (fits(one, check)) return [one];
  const next = `  ${rhs};`;
  if (!fits(next, check) && !unbreakableRhs) check.unsure(`assignment past the print width: ${head.slice(0, 60)}`);
  return [`${head} =`, next];
}

/** `export function f(param): result {`, with the one parameter on a line of its own past the width. */
export function functionHead(start: string, param: string, end: string, check: LayoutCheck): string[] {
  const one = `${start}(${param})${end}`;
  if (fits(one, check)) return [one];
  if (!fits(`  ${param},`, check)) check.unsure(`parameter past the print width: ${start.slice(0, 60)}`);
  return [`${start}(`, `  ${param},`, `)${end}`];
}

/**
 * `start(p1, p2, …)end` at `indent` (a function's or constructor's head, `end` = ` {`): past the
 * width, one parameter per line with a trailing comma. Parameters are names with a type or a
 * default, never a pattern to hug; one past the width on its own line is unsure.
 */
export function parameters(indent: number, start: string, params: readonly string[], end: string, check: LayoutCheck): string[] {
  return brokenList(indent, start, params, end, "parameter", check);
}

/**
 * `callee(a1, a2, …)end` at `indent` (`end` = `;`): past the width, one argument per line with a
 * trailing comma. Arguments are expressions without a function or an object literal (prettier
 * hugs a last such argument); one past the width on its own line is unsure.
 */
export function call(indent: number, callee: string, args: readonly string[], end: string, check: LayoutCheck): string[] {
  return brokenList(indent, callee, args, end, "argument", check);
}

function brokenList(indent: number, start: string, items: readonly string[], end: string, what: string, check: LayoutCheck): string[] {
  const pad = " ".repeat(indent);
  const one = `${pad}${start}(${items.join(", ")})${end}`;
  if (fits(one, check) || items.length === 0) return [plain(one, check)];
  const out = [plain(`${pad}${start}(`, check)];
  for (const item of items) {
    const line = `${pad}  ${item},`;
    // Every item is printed: one past the width is laid out as an expression (statements.ts), or
    // makes the file unsure (formatted), never shorter.
    if (fits(line, check)) out.push(plain(line, check));
    else {
      const broken = what === "argument" ? layoutExpression(indent + 2, item, ",", check) : undefined;
      if (broken !== undefined) append(out, broken);
      else {
        check.unsure(`${what} past the print width: ${item.slice(0, 60)}`);
        out.push(line);
      }
    }
  }
  out.push(`${pad})${end}`);
  return out;
}

/**
 * `if (cond) statement` at `indent`, where `statement` is `target = f(arg);` or `target = value;`:
 * past the width, the statement on the next line, and past it there, a call's argument on a line
 * of its own. Anything else past the width is unsure.
 */
export function ifStatement(indent: number, cond: string, statement: { readonly target: string; readonly call?: string; readonly value: string }, check: LayoutCheck): string[] {
  const pad = " ".repeat(indent);
  const text = statement.call === undefined ? `${statement.target} = ${statement.value};` : `${statement.target} = ${statement.call}(${statement.value});`;
  if (text.includes('\\"')) check.unsure(`a string prettier may quote otherwise: ${text.slice(0, 60)}`);
  const one = `${pad}if (${cond}) ${text}`;
  if (fits(one, check)) return [one];
  if (!fits(`${pad}if (${cond})`, check)) check.unsure(`condition past the print width: ${cond.slice(0, 60)}`);
  const inner = `${pad}  ${text}`;
  if (fits(inner, check)) return [`${pad}if (${cond})`, inner];
  const open = `${pad}  ${statement.target} = ${statement.call}(`;
  const arg = `${pad}    ${statement.value},`;
  if (statement.call === undefined || !fits(open, check) || !fits(arg, check)) check.unsure(`statement past the print width: ${text.slice(0, 60)}`);
  return [`${pad}if (${cond})`, open, arg, `${pad}  );`];
}

/** `return callee(arg);` at `indent`: past the width, the argument on a line of its own. */
export function returnCall(indent: number, callee: string, arg: string, check: LayoutCheck): string[] {
  const pad = " ".repeat(indent);
  const one = `${pad}return ${callee}(${arg});`;
  if (fits(one, check)) return [one];
  const inner = `${pad}  ${arg},`;
  if (!fits(inner, check)) check.unsure(`argument past the print width: ${arg.slice(0, 60)}`);
  return [`${pad}return ${callee}(`, inner, `${pad});`];
}

/**
 * `key: params => body,` at `indent`: past the width, the body on the next line (a call that
 * fits there); anything longer is unsure.
 */
export function arrowProperty(indent: number, key: string, params: string, body: string, check: LayoutCheck): string[] {
  const pad = " ".repeat(indent);
  const one = `${pad}${key}: ${params} => ${body},`;
  if (fits(one, check)) return [plain(one, check)];
  return [plain(`${pad}${key}: ${params} =>`, check), plain(`${pad}  ${body},`, check)];
}

/**
 * `export interface N extends A, B {`: past the width, `extends …` on its own line, indented;
 * longer still is unsure.
 */
export function interfaceHead(head: string, parents: readonly string[], check: LayoutCheck): string[] {
  const one = `${head} extends ${parents.join(", ")} {`;
  if (fits(one, check)) return [plain(one, check)];
  return [plain(head, check), plain(`  extends ${parents.join(", ")} {`, check)];
}

/** A line the printer does not break: unsure when it passes the width. */
export function plain(line: string, check: LayoutCheck): string {
  if (!fits(line, check)) check.unsure(`line past the print width: ${line.trim().slice(0, 200)}`);
  if (line.includes('\\"')) check.unsure(`a string prettier may quote otherwise: ${line.trim().slice(0, 60)}`);
  return line;
}

/** An object literal property `key: value,` at `indent` spaces whose value is a literal. */
export function property(indent: number, key: string, value: string, check: LayoutCheck): string[] {
  const pad = " ".repeat(indent);
  const one = `${pad}${key}: ${value},`;
  if (fits(one, check)) return [one];
  // A string value past the width goes to the next line; other values were not checked.
  if (!value.startsWith('"') && !value.startsWith("'")) check.unsure(`property past the print width: ${one.trim().slice(0, 60)}`);
  return [`${pad}${key}:`, `${pad}  ${value},`];
}

/**
 * A string literal as prettier prints it: double quotes unless the text holds more double than
 * single quotes; escapes as JSON.stringify writes them (prettier keeps escapes it does not need
 * to change), a quote escaped only when it is the enclosing one.
 */
export function stringLiteral(value: string): string {
  const json = JSON.stringify(value);
  let doubles = 0;
  let singles = 0;
  for (const c of value) {
    if (c === '"') doubles++;
    else if (c === "'") singles++;
  }
  if (doubles <= singles) return json;
  return `'${json.slice(1, -1).replace(/\\(.)|'/gs, (escape, escaped?: string) => (escaped === '"' ? '"' : escaped !== undefined ? escape : "\\'"))}'`;
}

/** An object key as prettier prints it (quoteProps "as-needed"): an identifier bare, anything else quoted. */
export function objectKey(key: string, check: LayoutCheck): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return key;
  // Prettier unquotes ES5 identifiers with letters beyond ASCII too, by tables this module does not hold.
  if (/[^\x00-\x7f]/.test(key)) check.unsure(`object key with other than ASCII: ${key.slice(0, 40)}`);
  return stringLiteral(key);
}

/**
 * `key: [a, b, …],` at `indent`, an array property of an object printed one property per line:
 * on one line when it fits; past the width, numbers as prettier fills them (as many per line as
 * fit, each with its comma), other items one per line. Items are literals (numbers, regular
 * expressions) that never break.
 */
export function arrayProperty(indent: number, key: string, items: readonly string[], check: LayoutCheck): string[] {
  const pad = " ".repeat(indent);
  const one = `${pad}${key}: [${items.join(", ")}],`;
  if (fits(one, check) || items.length === 0) return [plain(one, check)];
  const inner = `${pad}  `;
  const out = [plain(`${pad}${key}: [`, check)];
  if (items.length > 1 && items.every((i) => /^-?\d+$/.test(i))) {
    let line = "";
    for (const item of items) {
      const next = `${item},`;
      if (line === "") line = inner + next;
      else if (line.length + 1 + next.length <= PRINT_WIDTH) line += ` ${next}`;
      else {
        out.push(line);
        line = inner + next;
      }
    }
    out.push(line);
  } else {
    // an item past the width stays whole (a literal); one with other than ASCII is unsure
    for (const item of items) {
      if (/[^\x20-\x7e]/.test(item)) check.unsure(`array item with other than ASCII: ${item.slice(0, 40)}`);
      out.push(`${inner}${item},`);
    }
  }
  out.push(`${pad}],`);
  return out;
}
