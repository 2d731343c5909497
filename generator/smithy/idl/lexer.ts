// Tokenizer of the Smithy IDL. Whitespace is significant in the grammar, so spaces, newlines,
// commas and comments are tokens too; the parser skips them where the grammar allows.
// Documentation comments (`///`) are buffered as they are passed, for the parser to attach.
//
//   "string Foo\n" → IDENTIFIER('string') SPACE(' ') IDENTIFIER('Foo') NEWLINE('\n') EOF

import { StringContentError, textBlockValue, unescape } from "./strings.js";
import { BigNumberNode, numberNode } from "../ast.js";
import type { PNode } from "./nodes.js";

export type TokenType =
  | "SPACE"
  | "NEWLINE"
  | "COMMA"
  | "COMMENT"
  | "DOC_COMMENT"
  | "AT"
  | "DOLLAR"
  | "DOT"
  | "POUND"
  | "LBRACE"
  | "RBRACE"
  | "LBRACKET"
  | "RBRACKET"
  | "LPAREN"
  | "RPAREN"
  | "EQUAL"
  | "COLON"
  | "WALRUS"
  | "STRING"
  | "TEXT_BLOCK"
  | "NUMBER"
  | "IDENTIFIER"
  | "ERROR"
  | "EOF";

const FIXED_DEBUG: Partial<Record<TokenType, string>> = {
  SPACE: " ",
  NEWLINE: "\\n",
  COMMA: ",",
  AT: "@",
  DOLLAR: "$",
  DOT: ".",
  POUND: "#",
  LBRACE: "{",
  RBRACE: "}",
  LBRACKET: "[",
  RBRACKET: "]",
  LPAREN: "(",
  RPAREN: ")",
  EQUAL: "=",
  COLON: ":",
  WALRUS: ":=",
  STRING: '"',
  TEXT_BLOCK: '"""',
};

/** How a token type is named in "expected" lists: `LBRACE('{')`, `IDENTIFIER`. */
export function describeType(type: TokenType): string {
  const fixed = FIXED_DEBUG[type];
  return fixed === undefined ? type : `${type}('${fixed}')`;
}

/** A syntax error with its position (1-based). */
export class IdlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly shapeId?: string,
  ) {
    super(message);
    this.name = "IdlSyntaxError";
  }
}

const enum Ch {
  Tab = 9,
  Nl = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Underscore = 95,
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

function isIdentChar(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === Ch.Underscore;
}

const SINGLE: Record<string, TokenType> = {
  ",": "COMMA",
  "@": "AT",
  $: "DOLLAR",
  ".": "DOT",
  "#": "POUND",
  "{": "LBRACE",
  "}": "RBRACE",
  "[": "LBRACKET",
  "]": "RBRACKET",
  "(": "LPAREN",
  ")": "RPAREN",
  "=": "EQUAL",
};

export class Lexer {
  readonly text: string;
  #pos = 0;
  #line = 1;
  #col = 1;

  /** The current token. */
  type: TokenType = "EOF";
  start = 0;
  end = 0;
  line = 1;
  column = 1;
  /** STRING / TEXT_BLOCK: the decoded value. */
  stringValue = "";
  /** NUMBER: the value (its text when a float64 cannot hold it exactly). */
  numberValue: number | BigNumberNode = 0;
  /** ERROR: message and where it points. */
  errorMessage = "";
  errorLine = 0;
  errorColumn = 0;

  /**
   * Shape ids read as node values so far (`nodes.ts` counts them): a value whose parse left the
   * count unchanged holds none, and needs no resolving.
   */
  nodeShapeIds = 0;
  /** The arrays and objects read as node values that hold a shape id (`nodes.ts` adds them). */
  readonly nodesWithShapeIds = new Set<object>();
  /** Where `nodes.ts` collects the items of a list value before copying them out. */
  readonly scratchNodes: PNode[] = [];

  /**
   * Documentation comment lines passed since the last `takeDocLines`/`clearDocLines`, three
   * offsets each: where the comment starts, and where its text starts and ends (no string is
   * cut until the lines are taken; most are dropped or taken together).
   */
  readonly #docLines: number[] = [];

  constructor(text: string) {
    // A leading byte order mark is not part of the model.
    this.text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.next();
  }

  /** The current token's type (a method, so that TypeScript does not narrow it across calls). */
  tok(): TokenType {
    return this.type;
  }

  get lexeme(): string {
    return this.text.slice(this.start, this.end);
  }

  /** `IDENTIFIER('foo')`, `EOF`, as in error messages. */
  debug(): string {
    if (this.type === "EOF") return "EOF";
    // A token can be a whole minified file: quote at most 60 characters of it.
    const whole = this.lexeme;
    const lex = (whole.length > 60 ? whole.slice(0, 59) + "…" : whole).replace(/\r/g, "\\r").replace(/\n/g, "\\n");
    return `${this.type}('${lex}')`;
  }

  /** The buffered documentation lines that start at or after `from`, joined; clears the buffer. */
  takeDocLines(from: number): string | undefined {
    const d = this.#docLines;
    let first = 0;
    while (first < d.length && (d[first] as number) < from) first += 3;
    let out: string | undefined;
    if (first + 3 === d.length) out = this.text.slice(d[first + 1], d[first + 2]);
    else if (first < d.length) {
      // Several lines: one flat string (a join), not a chain of concatenations.
      const lines: string[] = [];
      for (let i = first; i < d.length; i += 3) if ((d[i] as number) >= from) lines.push(this.text.slice(d[i + 1], d[i + 2]));
      out = lines.join("\n");
    }
    d.length = 0;
    return out;
  }

  clearDocLines(): void {
    this.#docLines.length = 0;
  }

  #advance(n: number): void {
    const t = this.text;
    const end = this.#pos + n;
    let nl = t.indexOf("\n", this.#pos);
    let lineStart = -1;
    while (nl >= 0 && nl < end) {
      this.#line++;
      lineStart = nl + 1;
      nl = t.indexOf("\n", nl + 1);
    }
    this.#col = lineStart < 0 ? this.#col + n : end - lineStart + 1;
    this.#pos = end;
  }

  /** Advances over characters that are known not to be newlines. */
  #advanceSameLine(n: number): void {
    this.#pos += n;
    this.#col += n;
  }

  next(): TokenType {
    const t = this.text;
    this.start = this.#pos;
    this.line = this.#line;
    this.column = this.#col;
    if (this.#pos >= t.length) {
      this.end = this.#pos;
      return (this.type = "EOF");
    }
    const c = t.charCodeAt(this.#pos);
    let type: TokenType;
    if (c === Ch.Space || c === Ch.Tab) {
      let p = this.#pos + 1;
      while (p < t.length && (t.charCodeAt(p) === Ch.Space || t.charCodeAt(p) === Ch.Tab)) p++;
      this.#advanceSameLine(p - this.#pos);
      type = "SPACE";
    } else if (c === Ch.Nl) {
      this.#advance(1);
      type = "NEWLINE";
    } else if (c === Ch.Cr) {
      if (t.charCodeAt(this.#pos + 1) === Ch.Nl) {
        this.#advanceSameLine(1);
        this.#advance(1);
        type = "NEWLINE";
      } else {
        type = this.#error("Unexpected character: '\\r'", 1);
      }
    } else if (isAlpha(c) || c === Ch.Underscore) {
      type = this.#identifier();
    } else if (isDigit(c) || c === Ch.Minus) {
      type = this.#number();
    } else if (c === Ch.Quote) {
      type = this.#string();
    } else if (c === Ch.Slash) {
      type = this.#comment();
    } else if (c === 58 /* : */) {
      if (t.charCodeAt(this.#pos + 1) === 61 /* = */) {
        this.#advanceSameLine(2);
        type = "WALRUS";
      } else {
        this.#advanceSameLine(1);
        type = "COLON";
      }
    } else {
      const single = SINGLE[t[this.#pos] as string];
      if (single !== undefined) {
        this.#advanceSameLine(1);
        type = single;
      } else {
        const cp = t.codePointAt(this.#pos) as number;
        type = this.#error(`Unexpected character: '${String.fromCodePoint(cp)}'`, cp > 0xffff ? 2 : 1);
      }
    }
    this.end = this.#pos;
    return (this.type = type);
  }

  #error(message: string, length: number, line = this.line, column = this.column): "ERROR" {
    this.errorMessage = message;
    this.errorLine = line;
    this.errorColumn = column;
    this.#advanceSameLine(length);
    return "ERROR";
  }

  #identifier(): TokenType {
    const t = this.text;
    let p = this.#pos;
    while (t.charCodeAt(p) === Ch.Underscore) p++;
    if (!isAlpha(t.charCodeAt(p))) {
      const found = p < t.length ? `'${t[p]}'` : "'[EOF]'";
      const col = this.#col + (p - this.#pos);
      this.#advanceSameLine(p - this.#pos);
      this.errorMessage = `Expected a valid identifier character, but found ${found}`;
      this.errorLine = this.#line;
      this.errorColumn = col;
      return "ERROR";
    }
    while (p < t.length && isIdentChar(t.charCodeAt(p))) p++;
    this.#advanceSameLine(p - this.#pos);
    return "IDENTIFIER";
  }

  /** An ERROR token for an invalid number literal that ends before `p`. */
  #badNumber(p: number, message: string): TokenType {
    const lex = this.text.slice(this.#pos, p);
    this.errorMessage = `Invalid number '${lex}': ${message}`;
    this.errorLine = this.line;
    this.errorColumn = this.column;
    this.#advanceSameLine(p - this.#pos);
    return "ERROR";
  }

  #number(): TokenType {
    const t = this.text;
    let p = this.#pos;
    if (t.charCodeAt(p) === Ch.Minus) {
      p++;
      if (!isDigit(t.charCodeAt(p))) return this.#badNumber(p, "'-' must be followed by a digit");
    }
    if (t.charCodeAt(p) === Ch.Zero) {
      p++;
    } else {
      while (isDigit(t.charCodeAt(p))) p++;
    }
    let isFloat = false;
    if (t.charCodeAt(p) === Ch.Dot) {
      p++;
      isFloat = true;
      if (!isDigit(t.charCodeAt(p))) return this.#badNumber(p, "'.' must be followed by a digit");
      while (isDigit(t.charCodeAt(p))) p++;
    }
    const e = t.charCodeAt(p);
    if (e === 101 || e === 69) {
      p++;
      isFloat = true;
      const s = t.charCodeAt(p);
      if (s === 43 || s === Ch.Minus) p++;
      if (!isDigit(t.charCodeAt(p))) return this.#badNumber(p, "'e', '+', and '-' must be followed by a digit");
      while (isDigit(t.charCodeAt(p))) p++;
    }
    const lex = t.slice(this.#pos, p);
    this.numberValue = numberNode(lex);
    this.isFloat = isFloat;
    this.#advanceSameLine(p - this.#pos);
    return "NUMBER";
  }

  /** NUMBER: whether it was written with a fraction or exponent. */
  isFloat = false;

  #string(): TokenType {
    const t = this.text;
    const triple = t.charCodeAt(this.#pos + 1) === Ch.Quote && t.charCodeAt(this.#pos + 2) === Ch.Quote;
    if (!triple && t.charCodeAt(this.#pos + 1) === Ch.Quote) {
      this.#advanceSameLine(2);
      this.stringValue = "";
      return "STRING";
    }
    const open = triple ? 3 : 1;
    let p = this.#pos + open;
    let closed = false;
    // One scan finds the end and what the contents need: escapes or CRs to interpret, and the
    // line breaks to count (so neither the position nor unescape scans the text again).
    let plain = true;
    let lines = 0;
    let lastNl = -1;
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if (c === Ch.Quote && (!triple || (t.charCodeAt(p + 1) === Ch.Quote && t.charCodeAt(p + 2) === Ch.Quote))) {
        closed = true;
        break;
      }
      if (c === 92) {
        plain = false;
        if (t.charCodeAt(p + 1) === Ch.Nl) {
          lines++;
          lastNl = p + 1;
        }
        p += 2;
        continue;
      }
      if (c === Ch.Nl) {
        lines++;
        lastNl = p;
      } else if (c === Ch.Cr) {
        plain = false;
      }
      p++;
    }
    if (p > t.length) p = t.length;
    const raw = t.slice(this.#pos + open, p);
    const kind = triple ? "text block" : "quoted string";
    const end = p + (closed ? open : 0);
    if (lines === 0) {
      this.#col += end - this.#pos;
    } else {
      this.#line += lines;
      this.#col = end - lastNl;
    }
    this.#pos = end;
    if (!closed) {
      this.errorMessage = `Error parsing ${kind}: Expected: '"', but found '[EOF]'`;
      this.errorLine = this.#line;
      this.errorColumn = this.#col;
      return "ERROR";
    }
    try {
      this.stringValue = triple ? textBlockValue(raw) : plain ? raw : unescape(raw);
    } catch (e) {
      if (!(e instanceof StringContentError)) throw e;
      this.errorMessage = `Error parsing ${kind}: ${e.message}`;
      this.errorLine = this.line;
      this.errorColumn = this.column;
      return "ERROR";
    }
    return triple ? "TEXT_BLOCK" : "STRING";
  }

  #comment(): TokenType {
    const t = this.text;
    if (t.charCodeAt(this.#pos + 1) !== Ch.Slash) {
      return this.#error("Expected a '/' to follow '/' to form a comment.", 1);
    }
    const doc = t.charCodeAt(this.#pos + 2) === Ch.Slash;
    let p = this.#pos + 2;
    while (p < t.length && t.charCodeAt(p) !== Ch.Nl && t.charCodeAt(p) !== Ch.Cr) p++;
    const contentEnd = p;
    if (doc) {
      let s = this.#pos + 3;
      if (t.charCodeAt(s) === Ch.Space) s++;
      if (s > contentEnd) s = contentEnd;
      this.#docLines.push(this.#pos, s, contentEnd);
    }
    this.#advanceSameLine(p - this.#pos);
    if (t.charCodeAt(p) === Ch.Cr && t.charCodeAt(p + 1) === Ch.Nl) {
      this.#advanceSameLine(1);
      this.#advance(1);
    } else if (t.charCodeAt(p) === Ch.Nl) {
      this.#advance(1);
    }
    return doc ? "DOC_COMMENT" : "COMMENT";
  }

  /** Whitespace tokens in the grammar's sense (documentation comments are not). */
  isWs(): boolean {
    const ty = this.type;
    return ty === "SPACE" || ty === "NEWLINE" || ty === "COMMA" || ty === "COMMENT";
  }

  skipSpaces(): void {
    while (this.type === "SPACE") this.next();
  }

  skipWs(): void {
    while (this.isWs()) this.next();
  }

  skipWsAndDocs(): void {
    while (this.isWs() || this.type === "DOC_COMMENT") this.next();
  }

  /** Fails at the current token. ERROR tokens report their own message and position. */
  fail(message: string, shapeId?: string): never {
    if (this.type === "ERROR") throw new IdlSyntaxError(this.errorMessage, this.errorLine, this.errorColumn, shapeId);
    throw new IdlSyntaxError(message, this.line, this.column, shapeId);
  }

  /** The current token's type when it is one of these (no rest array: this runs for most tokens). */
  expect(t1: TokenType, t2?: TokenType, t3?: TokenType, t4?: TokenType, t5?: TokenType, t6?: TokenType): TokenType {
    const ty = this.type;
    if (ty === t1 || ty === t2 || ty === t3 || ty === t4 || ty === t5 || ty === t6) return ty;
    return this.#unexpected([t1, t2, t3, t4, t5, t6].filter((t): t is TokenType => t !== undefined));
  }

  #unexpected(types: readonly TokenType[]): never {
    if (this.type === "ERROR") this.fail("");
    const wanted =
      types.length === 1 ? describeType(types[0] as TokenType) : `one of ${types.map(describeType).join(", ")};`;
    return this.fail(`Expected ${wanted} but found ${this.debug()}`);
  }

  expectIdentifier(lexeme: string): void {
    this.expect("IDENTIFIER");
    if (this.lexeme !== lexeme) this.fail(`Expected \`${lexeme}\` but found \`${this.lexeme}\``);
  }

  expectAndSkipSpaces(): void {
    this.expect("SPACE");
    this.skipSpaces();
  }

  expectAndSkipWhitespace(): void {
    if (!this.isWs()) {
      if (this.type === "ERROR") this.fail("");
      this.fail(`Expected one or more whitespace characters, but found ${this.debug()}`);
    }
    this.skipWsAndDocs();
  }

  /** The grammar's BR: spaces, then a newline or comment (or EOF), then any whitespace. */
  expectAndSkipBr(): void {
    // Commas count as spaces here (`a: String = "x",` ends a member).
    while (this.type === "SPACE" || this.type === "COMMA") this.next();
    this.clearDocLines();
    switch (this.type) {
      case "NEWLINE":
      case "COMMENT":
      case "DOC_COMMENT":
        this.next();
        this.skipWs();
        return;
      case "EOF":
        return;
      default:
        this.fail(`Expected a line break, but found ${this.debug()}`);
    }
  }
}
