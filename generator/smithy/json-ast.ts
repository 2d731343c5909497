// Reads one Smithy JSON AST file: JSON syntax and the AST's structure are checked, with positions.
//
//   readJsonAst('{"smithy":"2.0","shapes":{"a#B":{"type":"string"}}}', "m.json", diags)
//   → { file: "m.json", ast: { smithy: "2.0", shapes: { "a#B": { type: "string" } } }, locate }
//   readJsonAst('{"smithy": "2.0", "shapes": {', ...) → undefined, with
//   JSON_SYNTAX "m.json:1:29: unexpected end of file: expected a property name"

import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { pointer, type Diagnostics } from "../diagnostics.js";
import { jsonLocator, jsonTextLocator, lineColumn, type Locate } from "../source-position.js";
import { jsonTooDeep, TOO_DEEP_HINT, tooDeepMessage } from "../limits.js";
import { numberNode, type AstModel, type NodeValue } from "./ast.js";
import { preludeShape } from "./prelude-shapes.js";
import { setKey } from "./idl/nodes.js";
import { scanJsonNumbers, withExactNumbers } from "./json-numbers.js";

export interface LoadedAst {
  readonly file: string;
  readonly ast: AstModel;
  /** Position of a JSON path in the file, for diagnostics. */
  readonly locate?: Locate;
}

const SHAPE_TYPES = new Set([
  "blob", "boolean", "string", "byte", "short", "integer", "long", "float", "double", "bigInteger",
  "bigDecimal", "timestamp", "document", "enum", "intEnum", "list", "set", "map", "structure",
  "union", "service", "operation", "resource", "apply",
]);

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "expected the end of the file",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unexpected end of comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unexpected end of number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
};

export function readJsonAst(text: string, file: string, diags: Diagnostics, json?: unknown): LoadedAst | undefined {
  // jsonc-parser's tree and every walk of the value recurse: refuse hostile nesting first.
  // Already parsed (so valid JSON): one scan checks the nesting and finds the number literals a
  // float64 cannot hold (json-numbers.ts), which replace JSON.parse's values; positions come from
  // a scan of the text when a diagnostic needs one (no tree). The tree is built only for text not
  // parsed, or whose objects repeat a key around such a literal.
  const scan = json !== undefined ? scanJsonNumbers(text) : undefined;
  const deep = scan !== undefined ? scan.deep : jsonTooDeep(text);
  if (deep) {
    diags.error("MODEL_TOO_DEEP", tooDeepMessage("This JSON"), { file, ...lineColumn(text, deep.offset), hint: TOO_DEEP_HINT });
    return undefined;
  }
  const exact = scan !== undefined ? withExactNumbers(json, scan) : undefined;
  if (exact !== undefined) return checkAst(exact, file, jsonTextLocator(text), diags);
  const inexact = mayHoldInexactNumber(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const atEnd = offset >= text.trimEnd().length;
    const what = first ? SYNTAX_MESSAGES[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error) : "empty file";
    diags.error("JSON_SYNTAX", `Invalid JSON: ${atEnd ? "unexpected end of file, " : ""}${what}`, {
      file,
      ...lineColumn(text, Math.min(offset, text.length)),
      hint: atEnd ? "The file looks truncated; regenerate or restore it." : "Fix the JSON syntax at this position.",
    });
    return undefined;
  }
  const value = inexact ? exactValue(root, text) : (getNodeValue(root) as unknown);
  return checkAst(value, file, jsonLocator(text, root), diags);
}

/**
 * Text that may hold a number literal a float64 cannot hold exactly: one with 16 or more digits
 * (a 15-digit literal with an exponent of at most two digits always round-trips) or a
 * three-digit exponent.
 */
const MAYBE_INEXACT = /[0-9]{16}|[0-9.]{17}|[eE][+-]?[0-9]{3}/g;

/**
 * Whether `text` may hold a number literal a float64 cannot hold exactly (MAYBE_INEXACT) where a
 * JSON value starts: after `:`, `[`, `,` or at the start, past whitespace. Such digits inside a
 * string (documentation, examples: a third of the AWS models) no longer send the file down the
 * exact (tree-building, about 4× slower) read; a string that looks like `: 1234567890123456789`
 * still may, which only costs time.
 *
 *   mayHoldInexactNumber('{"a": 12345678901234567}')       → true
 *   mayHoldInexactNumber('{"a": "id 12345678901234567"}')  → false
 */
export function mayHoldInexactNumber(text: string): boolean {
  const literal = new RegExp(MAYBE_INEXACT); // its own lastIndex
  for (let m = literal.exec(text); m !== null; m = literal.exec(text)) {
    let i = m.index;
    while (i > 0 && /[0-9.eE+-]/.test(text[i - 1]!)) i--;
    while (i > 0 && (text[i - 1] === " " || text[i - 1] === "\t" || text[i - 1] === "\n" || text[i - 1] === "\r")) i--;
    if (i === 0 || text[i - 1] === ":" || text[i - 1] === "[" || text[i - 1] === ",") return true;
  }
  return false;
}

/** The value of a parse tree, with every number literal a float64 cannot hold kept as its text (`BigNumberNode`). */
function exactValue(node: Node, text: string): NodeValue {
  switch (node.type) {
    case "object": {
      const out: { [key: string]: NodeValue } = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) setKey(out, key.value as string, exactValue(value, text));
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map((child) => exactValue(child, text));
    case "number":
      return numberNode(text.slice(node.offset, node.offset + node.length));
    case "string":
    case "boolean":
    case "null":
    case "property":
      return node.value as NodeValue;
    default: {
      const never: never = node.type;
      throw new Error(`internal: unknown JSON node ${String(never)}`);
    }
  }
}

function checkAst(value: unknown, file: string, locate: Locate, diags: Diagnostics): LoadedAst | undefined {
  const at = (...path: (string | number)[]) => ({ file, pointer: pointer(...path), ...locate(path) });
  if (!isObject(value) || typeof value["smithy"] !== "string") {
    diags.error("NOT_A_SMITHY_MODEL", "This file is not a Smithy JSON AST model: it has no top-level \"smithy\" version string", {
      ...at(),
      hint: 'A Smithy JSON AST model starts with {"smithy": "2.0", "shapes": {...}}; OpenAPI documents need an "openapi" key.',
    });
    return undefined;
  }
  const version = value["smithy"];
  if (!/^(1|1\.0|2|2\.0)$/.test(version)) {
    diags.error("SMITHY_VERSION", `Unsupported Smithy version "${version}"`, { ...at("smithy"), hint: 'Use "2.0" or "1.0".' });
  }
  const ok = checkStructure(value, at, diags);
  return ok ? { file, ast: value as unknown as AstModel, locate } : undefined;
}

type At = (...path: (string | number)[]) => { file: string; pointer: string };

function checkStructure(model: Record<string, unknown>, at: At, diags: Diagnostics): boolean {
  let ok = true;
  const fail = (message: string, hint: string, ...path: (string | number)[]) => {
    ok = false;
    diags.error("SMITHY_AST_STRUCTURE", message, { ...at(...path), hint });
  };
  if (model["metadata"] !== undefined && !isObject(model["metadata"])) fail("`metadata` must be an object", "Use an object of metadata keys.", "metadata");
  const shapes = model["shapes"];
  if (shapes === undefined) return ok;
  if (!isObject(shapes)) {
    fail("`shapes` must be an object of shape id → shape", 'Write "shapes": { "ns#Name": { "type": "..." } }.', "shapes");
    return ok;
  }
  for (const [id, shape] of Object.entries(shapes)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*(\$[A-Za-z_][A-Za-z0-9_]*)?$/.test(id)) {
      fail(`\`${id}\` is not an absolute shape id`, "Shape ids look like `com.example#Name`.", "shapes", id);
      continue;
    }
    if (!isObject(shape) || typeof shape["type"] !== "string") {
      fail(`Shape \`${id}\` needs a "type"`, 'Add "type": "structure" (or string, list, map, ...).', "shapes", id);
      continue;
    }
    if (!SHAPE_TYPES.has(shape["type"])) {
      fail(`Shape \`${id}\` has an unknown type "${shape["type"]}"`, `Use one of: ${[...SHAPE_TYPES].join(", ")}.`, "shapes", id, "type");
      continue;
    }
    if (shape["traits"] !== undefined && !isObject(shape["traits"])) fail(`The traits of \`${id}\` must be an object`, "Write traits as an object of trait id → value.", "shapes", id, "traits");
    else if (hasRelativeTraitKey(shape["traits"])) checkTraitIds(shape["traits"], id, fail, "shapes", id, "traits");
    for (const key of ["member", "key", "value"] as const) {
      const ref = shape[key];
      if (ref !== undefined && refProblem(ref) !== 0) reportRef(ref, `${id}$${key}`, fail, "shapes", id, key);
    }
    const members = shape["members"];
    if (members !== undefined) {
      if (!isObject(members)) fail(`The members of \`${id}\` must be an object`, "Write members as an object of name → { target }.", "shapes", id, "members");
      else {
        // Every member of every model passes here: the strings of a failure are built only for one.
        for (const name in members) {
          if (!Object.hasOwn(members, name)) continue;
          const m = members[name];
          if (refProblem(m) !== 0) reportRef(m, `${id}$${name}`, fail, "shapes", id, "members", name);
        }
      }
    }
    for (const key of ["identifiers", "properties"] as const) {
      const refs = shape[key];
      if (refs === undefined) continue;
      if (!isObject(refs)) fail(`\`${key}\` of \`${id}\` must be an object of name → { "target": ... }`, 'Write { "name": { "target": "ns#Name" } }.', "shapes", id, key);
      else for (const [name, r] of Object.entries(refs)) checkRef(r, `${id} ${key} ${name}`, fail, "shapes", id, key, name);
    }
    for (const key of ["input", "output", "create", "put", "read", "update", "delete", "list"] as const) {
      const ref = shape[key];
      if (ref !== undefined && refProblem(ref) !== 0) reportRef(ref, `${id} ${key}`, fail, "shapes", id, key);
    }
    for (const key of ["operations", "resources", "errors", "mixins", "collectionOperations"] as const) {
      const list = shape[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) fail(`\`${key}\` of \`${id}\` must be a list of { "target": ... }`, 'Write [{ "target": "ns#Name" }].', "shapes", id, key);
      else {
        for (let i = 0; i < list.length; i++) {
          if (refProblem(list[i]) !== 0) reportRef(list[i], `${id} ${key}[${i}]`, fail, "shapes", id, key, i);
        }
      }
    }
  }
  return ok;
}

/**
 * What is wrong with a `{ "target": ... }` reference: 0 nothing, 1 no target, 2 traits not an
 * object, 3 a trait key that is no absolute shape id.
 */
function refProblem(ref: unknown): 0 | 1 | 2 | 3 {
  if (!isObject(ref) || typeof ref["target"] !== "string") return 1;
  const traits = ref["traits"];
  if (traits === undefined) return 0;
  if (!isObject(traits)) return 2;
  return hasRelativeTraitKey(traits) ? 3 : 0;
}

/** Whether a traits object has a key that is no absolute shape id (checked on every shape and member: no strings built). */
function hasRelativeTraitKey(traits: unknown): boolean {
  if (!isObject(traits)) return false;
  for (const key in traits) if (!TRAIT_ID.test(key)) return true;
  return false;
}

function checkRef(
  ref: unknown,
  what: string,
  fail: (message: string, hint: string, ...path: (string | number)[]) => void,
  ...path: (string | number)[]
): void {
  if (refProblem(ref) !== 0) reportRef(ref, what, fail, ...path);
}

function reportRef(
  ref: unknown,
  what: string,
  fail: (message: string, hint: string, ...path: (string | number)[]) => void,
  ...path: (string | number)[]
): void {
  const problem = refProblem(ref);
  if (problem === 1) {
    fail(`\`${what}\` needs a "target" shape id`, 'Write { "target": "ns#Name" }.', ...path);
  } else if (problem === 2) {
    fail(`The traits of \`${what}\` must be an object`, "Write traits as an object of trait id → value.", ...path, "traits");
  } else {
    checkTraitIds((ref as Record<string, unknown>)["traits"], what, fail, ...path, "traits");
  }
}

/** The keys of a traits object are absolute shape ids (`"documentation"` is not `smithy.api#documentation`). */
function checkTraitIds(
  traits: unknown,
  what: string,
  fail: (message: string, hint: string, ...path: (string | number)[]) => void,
  ...path: (string | number)[]
): void {
  if (!isObject(traits)) return;
  for (const key of Object.keys(traits)) {
    if (TRAIT_ID.test(key)) continue;
    fail(
      `Trait \`${key}\` of \`${what}\` is not an absolute shape id`,
      preludeShape(`smithy.api#${key}`)?.traits?.["smithy.api#trait"] !== undefined
        ? `Trait ids in the JSON AST are absolute: write \`smithy.api#${key}\`.`
        : "Trait ids in the JSON AST are absolute: write the namespace of the trait's definition, like `com.example#myTrait`.",
      ...path,
      key,
    );
  }
}

const TRAIT_ID = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*$/;

export function isObject(value: unknown): value is Record<string, NodeValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
