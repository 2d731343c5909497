// Parser of one Smithy IDL file (1.0 or 2.0) into a ParsedFile: shapes, traits, applies and
// metadata with shape ids still as written. Resolving them needs the other files (resolve.ts).
//
//   namespace a.b
//   @length(min: 1) string Name
//   → { namespace: "a.b", shapes: [{ id: "a.b#Name", type: "string",
//        traits: [{ name: ShapeRef("length"), value: { min: 1 } }] }] }

import { IdlSyntaxError, Lexer } from "./lexer.js";
import {
  expectAbsoluteShapeId,
  expectNamespace,
  expectNode,
  expectShapeId,
  keywordOrShapeId,
  type PNode,
  ShapeRef,
  setKey,
} from "./nodes.js";
import { quoteValue } from "../../limits.js";

export type IdlVersion = "1.0" | "2.0";

export interface ParsedTrait {
  name: ShapeRef;
  value: PNode;
  /** `@foo` or `@foo()`: the value is coerced by the trait's shape type. */
  annotation: boolean;
  /** A `///` comment rather than an `@` trait. */
  doc?: boolean;
  /** A number written with a fraction or exponent (intEnum values must not be). */
  floatLiteral?: boolean;
  /** The value holds no shape id: it is its own resolved value. */
  plain?: boolean;
}

export interface ParsedMember {
  name: string;
  /** Undefined when elided (`$name`). */
  target?: ShapeRef;
  traits: ParsedTrait[];
  line: number;
  column: number;
}

export interface ParsedShape {
  id: string;
  type: string;
  line: number;
  column: number;
  traits: ParsedTrait[];
  mixins: ShapeRef[];
  /** `structure X for Resource`. */
  forResource?: ShapeRef;
  members?: ParsedMember[];
  /** service and resource bodies. */
  body?: { [key: string]: PNode };
  /** operation properties. */
  input?: ShapeRef | string;
  output?: ShapeRef | string;
  errors?: ShapeRef[];
}

export interface ParsedApply {
  target: ShapeRef;
  traits: ParsedTrait[];
}

export interface ParsedFile {
  file: string;
  version: IdlVersion;
  /** Whether `$version` was written. */
  explicitVersion: boolean;
  namespace?: string;
  /** Shape name → absolute id, from `use` statements. */
  uses: Map<string, ShapeRef>;
  metadata: { key: string; value: PNode; line: number; column: number }[];
  shapes: ParsedShape[];
  applies: ParsedApply[];
  /** Non-fatal findings (unknown control statements, ...). */
  warnings: { code: string; message: string; line: number; column: number }[];
  /** The arrays and objects of node values that hold a shape id (the others need no resolving). */
  nodesWithShapeIds: ReadonlySet<object>;
}

const SIMPLE_TYPES = new Set([
  "blob",
  "boolean",
  "document",
  "string",
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
  "timestamp",
]);
const SHAPE_TYPES = new Set([
  ...SIMPLE_TYPES,
  "enum",
  "intEnum",
  "list",
  "set",
  "map",
  "structure",
  "union",
  "service",
  "operation",
  "resource",
]);

const UNIT = new ShapeRef("smithy.api#Unit", 0, 0);

/** Parses IDL text; throws IdlSyntaxError on the first syntax error. */
export function parseFile(text: string, file: string): ParsedFile {
  return new Parser(text, file).parse();
}

class Parser {
  readonly lx: Lexer;
  readonly out: ParsedFile;
  #inputSuffix = "Input";
  #outputSuffix = "Output";
  /**
   * Where traits are collected before they are copied into an array of their exact length (a
   * list grown by push holds 17 slots or more; most shapes and members have one or two traits).
   * Calls that nest leave the entries below their start untouched.
   */
  readonly #scratchTraits: ParsedTrait[] = [];
  /** The same for members: a shape's members are collected here, then copied out. */
  readonly #scratchMembers: ParsedMember[] = [];

  constructor(text: string, file: string) {
    this.lx = new Lexer(text);
    this.out = {
      file,
      version: "1.0",
      explicitVersion: false,
      uses: new Map(),
      metadata: [],
      shapes: [],
      applies: [],
      warnings: [],
      nodesWithShapeIds: this.lx.nodesWithShapeIds,
    };
  }

  get v2(): boolean {
    return this.out.version === "2.0";
  }

  parse(): ParsedFile {
    const lx = this.lx;
    lx.skipWsAndDocs();
    this.#controlSection();
    lx.skipWsAndDocs();
    this.#metadataSection();
    this.#shapeSection();
    return this.out;
  }

  #controlSection(): void {
    const lx = this.lx;
    const seen = new Set<string>();
    while (lx.tok() === "DOLLAR") {
      lx.next();
      lx.expect("IDENTIFIER", "STRING");
      const key = lx.tok() === "STRING" ? lx.stringValue : lx.lexeme;
      lx.next();
      lx.skipSpaces();
      lx.expect("COLON");
      lx.next();
      lx.skipSpaces();
      if (seen.has(key)) lx.fail(`Duplicate control statement \`${key}\``);
      seen.add(key);
      const line = lx.line;
      const column = lx.column;
      const value = expectNode(lx);
      switch (key) {
        case "version":
          this.#onVersion(value, line, column, lx.line, lx.column);
          break;
        case "operationInputSuffix":
        case "operationOutputSuffix":
          if (typeof value !== "string") {
            throw new IdlSyntaxError(`The $${key} control statement must have a string value`, line, column);
          }
          if (key === "operationInputSuffix") this.#inputSuffix = value;
          else this.#outputSuffix = value;
          break;
        default:
          this.out.warnings.push({
            code: "SMITHY_UNKNOWN_CONTROL",
            message: `Unknown control statement \`${key}\``,
            line,
            column,
          });
      }
      lx.expectAndSkipBr();
    }
  }

  #onVersion(value: PNode, line: number, column: number, afterLine: number, afterColumn: number): void {
    if (typeof value !== "string") {
      const shown = value instanceof ShapeRef ? value.text : quoteValue(value);
      throw new IdlSyntaxError(
        `The $version control statement must have a string value, but found ${shown}`,
        line,
        column,
      );
    }
    if (/^1(\.0)?$/.test(value)) this.out.version = "1.0";
    else if (/^2(\.0)?$/.test(value)) this.out.version = "2.0";
    else throw new IdlSyntaxError(`Unsupported Smithy version number: ${value}`, afterLine, afterColumn);
    this.out.explicitVersion = true;
  }

  #metadataSection(): void {
    const lx = this.lx;
    while (lx.tok() === "IDENTIFIER" && lx.lexeme === "metadata") {
      lx.next();
      lx.expectAndSkipSpaces();
      lx.expect("IDENTIFIER", "STRING");
      const key = lx.tok() === "STRING" ? lx.stringValue : lx.lexeme;
      const line = lx.line;
      const column = lx.column;
      lx.next();
      lx.skipSpaces();
      lx.expect("EQUAL");
      lx.next();
      lx.skipSpaces();
      const value = expectNode(lx);
      this.out.metadata.push({ key, value, line, column });
      lx.expectAndSkipBr();
    }
  }

  #shapeSection(): void {
    const lx = this.lx;
    lx.skipWsAndDocs();
    lx.clearDocLines();
    if (lx.tok() === "IDENTIFIER" && lx.lexeme === "namespace") {
      lx.next();
      lx.expectAndSkipSpaces();
      this.out.namespace = expectNamespace(lx);
      lx.expectAndSkipBr();
      const docsFrom = lx.start;
      lx.skipWsAndDocs();
      this.#useSection();
      let first = true;
      while (lx.tok() !== "EOF") {
        this.#shapeOrApply(first ? docsFrom : undefined);
        first = false;
      }
    } else if (lx.tok() !== "EOF") {
      lx.fail(`Expected a namespace definition but found ${lx.debug()}`);
    }
  }

  #useSection(): void {
    const lx = this.lx;
    while (lx.tok() === "IDENTIFIER" && lx.lexeme === "use") {
      lx.next();
      lx.expectAndSkipSpaces();
      const ref = expectAbsoluteShapeId(lx);
      if (ref.text.includes("$")) throw new IdlSyntaxError("Use statements cannot use members", ref.line, ref.column);
      const name = ref.text.slice(ref.text.indexOf("#") + 1);
      const previous = this.out.uses.get(name);
      if (previous !== undefined && previous.text !== ref.text) {
        throw new IdlSyntaxError(
          `Cannot use name \`${ref.text}\` because it conflicts with \`${previous.text}\``,
          ref.line,
          ref.column,
        );
      }
      this.out.uses.set(name, ref);
      lx.expectAndSkipBr();
      lx.skipWsAndDocs();
    }
  }

  /**
   * Documentation comments and traits before a shape or member. Doc comments count only when
   * they come first; those after traits are ignored, as the spec says.
   */
  #docsAndTraits(docsFrom?: number): ParsedTrait[] {
    const lx = this.lx;
    lx.skipWs();
    let docs: string | undefined;
    const docLine = lx.line;
    const docColumn = lx.column;
    if (lx.tok() === "DOC_COMMENT" || docsFrom !== undefined) {
      const from = docsFrom ?? lx.start;
      lx.skipWsAndDocs();
      docs = lx.takeDocLines(from);
    } else {
      lx.clearDocLines();
      lx.skipWsAndDocs();
      lx.clearDocLines();
    }
    const scratch = this.#scratchTraits;
    const base = scratch.length;
    this.#traitsInto(scratch);
    lx.clearDocLines();
    if (docs !== undefined) {
      scratch.push({
        name: new ShapeRef("smithy.api#documentation", docLine, docColumn),
        value: docs,
        annotation: false,
        doc: true,
      });
    }
    const traits = base === scratch.length ? [] : scratch.slice(base);
    scratch.length = base;
    return traits;
  }

  /** The members collected since `base`, as an array of its own; the scratch list is cut back. */
  #takeMembers(base: number): ParsedMember[] {
    const scratch = this.#scratchMembers;
    const members = scratch.slice(base);
    scratch.length = base;
    return members;
  }

  #traits(): ParsedTrait[] {
    const out: ParsedTrait[] = [];
    this.#traitsInto(out);
    return out;
  }

  #traitsInto(out: ParsedTrait[]): void {
    const lx = this.lx;
    while (lx.tok() === "AT") {
      out.push(this.#trait());
      lx.skipWsAndDocs();
    }
  }

  #trait(): ParsedTrait {
    const lx = this.lx;
    lx.expect("AT");
    lx.next();
    const name = expectShapeId(lx);
    if (lx.tok() !== "LPAREN") return { name, value: null, annotation: true };
    lx.next();
    lx.skipWsAndDocs();
    if (lx.tok() === "RPAREN") {
      lx.next();
      return { name, value: null, annotation: true };
    }
    const shapeIds = lx.nodeShapeIds;
    const value = this.#traitBody();
    lx.skipWsAndDocs();
    lx.expect("RPAREN");
    lx.next();
    return { name, value, annotation: false, plain: lx.nodeShapeIds === shapeIds };
  }

  #traitBody(): PNode {
    const lx = this.lx;
    switch (lx.expect("LBRACE", "LBRACKET", "TEXT_BLOCK", "STRING", "NUMBER", "IDENTIFIER")) {
      case "LBRACE":
      case "LBRACKET":
      case "TEXT_BLOCK":
      case "NUMBER":
        return expectNode(lx);
      case "STRING": {
        const key = lx.stringValue;
        lx.next();
        lx.skipWsAndDocs();
        if (lx.tok() === "COLON") {
          lx.next();
          lx.skipWsAndDocs();
          return this.#structuredTrait(key);
        }
        return key;
      }
      default: {
        const ref = expectShapeId(lx);
        lx.skipWsAndDocs();
        if (lx.tok() === "RPAREN" || /[.#$]/.test(ref.text)) return keywordOrShapeId(lx, ref);
        lx.expect("COLON");
        lx.next();
        lx.skipWsAndDocs();
        return this.#structuredTrait(ref.text);
      }
    }
  }

  #structuredTrait(firstKey: string): PNode {
    const lx = this.lx;
    const ids = lx.nodeShapeIds;
    const out: { [key: string]: PNode } = {};
    setKey(out, firstKey, expectNode(lx));
    lx.skipWsAndDocs();
    while (lx.tok() !== "RPAREN") {
      lx.expect("IDENTIFIER", "STRING");
      const key = lx.tok() === "STRING" ? lx.stringValue : lx.lexeme;
      const line = lx.line;
      const column = lx.column;
      lx.next();
      lx.skipWsAndDocs();
      lx.expect("COLON");
      lx.next();
      lx.skipWsAndDocs();
      const value = expectNode(lx);
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        throw new IdlSyntaxError(`Duplicate member of trait: '${key}'`, line, column);
      }
      setKey(out, key, value);
      lx.skipWsAndDocs();
    }
    if (lx.nodeShapeIds !== ids) lx.nodesWithShapeIds.add(out);
    return out;
  }

  #shapeOrApply(docsFrom: number | undefined): void {
    const lx = this.lx;
    const traits = this.#docsAndTraits(docsFrom);
    if (lx.tok() === "EOF") {
      // Only dangling documentation: ignored. Traits with nothing after them: an error.
      if (traits.every((t) => t.doc === true)) return;
    }
    const line = lx.line;
    const column = lx.column;
    lx.expect("IDENTIFIER");
    const type = lx.lexeme;
    if (type === "apply") {
      this.#apply(traits);
      return;
    }
    if (!SHAPE_TYPES.has(type)) lx.fail(`Unknown shape type: ${type}`);
    if (type === "set" && this.v2) lx.fail("set shapes cannot be used in Smithy version 2.0; use a list with @uniqueItems");
    if ((type === "enum" || type === "intEnum") && !this.v2) {
      lx.fail(`${type} shapes cannot be used in Smithy version 1.0`);
    }
    lx.next();
    lx.expectAndSkipSpaces();
    const id = this.#shapeName();
    const shape: ParsedShape = { id, type, line, column, traits, mixins: [] };
    if (SIMPLE_TYPES.has(type)) {
      this.#mixins(shape);
    } else if (type === "enum" || type === "intEnum") {
      this.#mixins(shape);
      this.#enumMembers(shape);
    } else if (type === "list" || type === "set" || type === "map" || type === "structure" || type === "union") {
      this.#forResource(shape);
      this.#mixins(shape);
      shape.members = this.#members(shape, type === "structure");
    } else if (type === "service" || type === "resource") {
      this.#mixins(shape);
      lx.skipWsAndDocs();
      lx.expect("LBRACE");
      shape.body = expectNode(lx) as { [key: string]: PNode };
      if (type === "resource" && !this.v2 && shape.body["properties"] !== undefined) {
        throw new IdlSyntaxError(
          "Resource properties can only be used with Smithy version 2 or later.",
          line,
          column,
          id,
        );
      }
    } else {
      this.#mixins(shape);
      this.#operationBody(shape);
    }
    this.#addShape(shape);
    lx.expectAndSkipBr();
  }

  #addShape(shape: ParsedShape): void {
    this.out.shapes.push(shape);
  }

  #shapeName(): string {
    const lx = this.lx;
    lx.expect("IDENTIFIER");
    const name = lx.lexeme;
    const used = this.out.uses.get(name);
    if (used !== undefined) {
      lx.fail(`Shape name \`${name}\` conflicts with imported shape \`${used.text}\``);
    }
    lx.next();
    return `${this.out.namespace as string}#${name}`;
  }

  #mixins(shape: ParsedShape): void {
    const lx = this.lx;
    lx.skipSpaces();
    if (lx.tok() !== "IDENTIFIER" || lx.lexeme !== "with") return;
    if (!this.v2) {
      lx.fail(
        `Mixins can only be used with Smithy version 2 or later. Attempted to use mixins with version \`${this.out.version}\`.`,
        shape.id,
      );
    }
    lx.next();
    lx.skipWsAndDocs();
    lx.expect("LBRACKET");
    lx.next();
    lx.skipWsAndDocs();
    do {
      shape.mixins.push(expectShapeId(lx));
      lx.skipWsAndDocs();
    } while (lx.tok() !== "RBRACKET");
    lx.next();
  }

  #forResource(shape: ParsedShape): void {
    const lx = this.lx;
    lx.skipSpaces();
    if (lx.tok() !== "IDENTIFIER" || lx.lexeme !== "for") return;
    if (!this.v2) {
      lx.fail("Structures can only be bound to resources with Smithy version 2 or later.", shape.id);
    }
    lx.next();
    lx.expectAndSkipSpaces();
    shape.forResource = expectShapeId(lx);
  }

  #members(shape: ParsedShape, defaults: boolean): ParsedMember[] {
    const lx = this.lx;
    const members = this.#scratchMembers;
    const base = members.length;
    const defined = new Set<string>();
    lx.skipWsAndDocs();
    lx.expect("LBRACE");
    lx.next();
    lx.skipWs();
    while (lx.tok() !== "EOF" && lx.tok() !== "RBRACE") {
      const traits = this.#docsAndTraits();
      if (lx.tok() === "RBRACE" && traits.length > 0 && traits.every((t) => t.doc === true)) break;
      const elided = lx.tok() === "DOLLAR";
      if (elided) lx.next();
      const line = lx.line;
      const column = lx.column;
      lx.expect("IDENTIFIER");
      const name = lx.lexeme;
      if (defined.has(name)) lx.fail(`Duplicate member of \`${shape.id}\`: '${name}'`, shape.id);
      defined.add(name);
      if (elided && !this.v2) lx.fail("Members can only elide targets in IDL version 2 or later", `${shape.id}$${name}`);
      lx.next();
      const member: ParsedMember = { name, traits, line, column };
      if (!elided) {
        lx.skipSpaces();
        lx.expect("COLON");
        lx.next();
        lx.skipSpaces();
        member.target = expectShapeId(lx);
      }
      lx.skipSpaces();
      if (defaults && lx.tok() === "EQUAL") {
        if (!this.v2) lx.fail("@default assignment is only supported in IDL version 2 or later");
        const dLine = lx.line;
        const dColumn = lx.column;
        lx.next();
        lx.skipSpaces();
        const value = expectNode(lx);
        member.traits.push({ name: new ShapeRef("smithy.api#default", dLine, dColumn), value, annotation: false });
        lx.expectAndSkipBr();
      }
      members.push(member);
      lx.skipWs();
    }
    lx.expect("RBRACE");
    lx.next();
    return this.#takeMembers(base);
  }

  #enumMembers(shape: ParsedShape): void {
    const lx = this.lx;
    const members = this.#scratchMembers;
    const base = members.length;
    const defined = new Set<string>();
    lx.skipWsAndDocs();
    lx.expect("LBRACE");
    lx.next();
    lx.skipWs();
    while (lx.tok() !== "EOF" && lx.tok() !== "RBRACE") {
      const traits = this.#docsAndTraits();
      if (lx.tok() === "RBRACE" && traits.length > 0 && traits.every((t) => t.doc === true)) break;
      const line = lx.line;
      const column = lx.column;
      lx.expect("IDENTIFIER");
      const name = lx.lexeme;
      if (defined.has(name)) lx.fail(`Found conflicting member name, \`${name}\``, shape.id);
      defined.add(name);
      const member: ParsedMember = { name, traits, line, column, target: UNIT };
      lx.next();
      lx.skipSpaces();
      if (lx.tok() === "EQUAL") {
        const vLine = lx.line;
        const vColumn = lx.column;
        lx.next();
        lx.skipSpaces();
        const floatLiteral = lx.tok() === "NUMBER" && lx.isFloat;
        const value = expectNode(lx);
        member.traits.push({ name: new ShapeRef("smithy.api#enumValue", vLine, vColumn), value, annotation: false, floatLiteral });
        lx.expectAndSkipBr();
      } else {
        lx.skipWs();
      }
      members.push(member);
    }
    lx.expect("RBRACE");
    lx.next();
    shape.members = this.#takeMembers(base);
  }

  #operationBody(shape: ParsedShape): void {
    const lx = this.lx;
    lx.skipWsAndDocs();
    lx.expect("LBRACE");
    lx.next();
    lx.skipWsAndDocs();
    const defined = new Set<string>();
    while (lx.tok() !== "EOF" && lx.tok() !== "RBRACE") {
      lx.expect("IDENTIFIER");
      const key = lx.lexeme;
      if (defined.has(key)) lx.fail(`Duplicate operation ${key} property for \`${shape.id}\``, shape.id);
      defined.add(key);
      lx.next();
      lx.skipWsAndDocs();
      switch (key) {
        case "input":
        case "output": {
          const tok = lx.expect("COLON", "WALRUS");
          if (tok === "WALRUS") {
            if (!this.v2) {
              lx.fail(
                `Inlined operation inputs and outputs can only be used with Smithy version 2 or later. Attempted to use inlined IO with version \`${this.out.version}\`.`,
                shape.id,
              );
            }
            lx.next();
            lx.skipWs();
            const suffix = key === "input" ? this.#inputSuffix : this.#outputSuffix;
            shape[key] = this.#inlineStructure(shape.id + suffix, key);
          } else {
            lx.next();
            lx.skipWsAndDocs();
            shape[key] = expectShapeId(lx);
          }
          break;
        }
        case "errors":
          lx.expect("COLON");
          lx.next();
          shape.errors = this.#idList();
          break;
        default:
          lx.fail(`Unknown property ${key} for ${shape.id}`, shape.id);
      }
      lx.expectAndSkipWhitespace();
      lx.skipWsAndDocs();
    }
    lx.expect("RBRACE");
    lx.next();
  }

  #inlineStructure(id: string, kind: "input" | "output"): string {
    const lx = this.lx;
    const traits = this.#docsAndTraits();
    traits.push({ name: new ShapeRef(`smithy.api#${kind}`, lx.line, lx.column), value: {}, annotation: false });
    const shape: ParsedShape = { id, type: "structure", line: lx.line, column: lx.column, traits, mixins: [] };
    this.#forResource(shape);
    this.#mixins(shape);
    shape.members = this.#members(shape, true);
    this.#addShape(shape);
    return id;
  }

  #idList(): ShapeRef[] {
    const lx = this.lx;
    lx.skipWsAndDocs();
    lx.expect("LBRACKET");
    lx.next();
    lx.skipWsAndDocs();
    const out: ShapeRef[] = [];
    while (lx.tok() !== "RBRACKET") {
      out.push(expectShapeId(lx));
      lx.skipWsAndDocs();
    }
    lx.next();
    return out;
  }

  #apply(traits: ParsedTrait[]): void {
    const lx = this.lx;
    if (traits.some((t) => t.doc !== true)) lx.fail("Traits applied to apply statement");
    lx.next();
    lx.expectAndSkipWhitespace();
    const target = expectShapeId(lx);
    lx.expectAndSkipWhitespace();
    let applied: ParsedTrait[];
    if (lx.expect("AT", "LBRACE") === "AT") {
      applied = [this.#trait()];
    } else {
      lx.next();
      lx.skipWsAndDocs();
      applied = this.#traits();
      lx.skipWsAndDocs();
      lx.expect("RBRACE");
      lx.next();
    }
    this.out.applies.push({ target, traits: applied });
    lx.expectAndSkipBr();
  }
}
