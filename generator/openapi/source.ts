// Parses one OpenAPI source file, JSON or YAML, and finds where a JSON pointer sits in it.
//
//   parseSource({ path: "pets.yaml", text: "openapi: 3.1.0\ninfo:\n  title: Pets\n" }, diags)
//   → { path: "pets.yaml", value: { openapi: "3.1.0", info: { title: "Pets" } },
//       locate("/info/title") → { line: 3, column: 3 } }
//
// A syntax error becomes an `OPENAPI_SYNTAX` diagnostic with line and column, and no value.
// Positions are computed only when a diagnostic asks for one: the happy path is a plain parse.

import { parseTree, parse as parseJsonc, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import type { Diagnostics } from "../diagnostics.js";
import type { SourceFile } from "../frontends.js";
import { lineColumn, type Position } from "../source-position.js";
import { jsonTooDeep, TOO_DEEP_HINT, tooDeepMessage, yamlTooDeep, type TooDeep } from "../limits.js";
import { pointerSegments } from "./pointer.js";

export type { Position };

export interface ParsedSource {
  readonly path: string;
  readonly value: unknown;
  /** Where the value at a JSON pointer starts (for an object member: where its key is). */
  locate(pointer: string): Position | undefined;
}

export function parseSource(file: SourceFile, diags: Diagnostics): ParsedSource | undefined {
  const yaml = /\.ya?ml(\.gz)?$/i.test(file.path);
  // The YAML composer, jsonc-parser's tree (for positions) and every walk of the value recurse:
  // refuse hostile nesting before any of them runs.
  const deep = yaml ? yamlTooDeep(file.text) : jsonTooDeep(file.text);
  if (deep) {
    reportTooDeep(file, deep, yaml ? "This YAML document" : "This JSON document", diags);
    return undefined;
  }
  return yaml ? parseYaml(file, diags) : parseJson(file, diags);
}

function reportTooDeep(file: SourceFile, deep: TooDeep, what: string, diags: Diagnostics): void {
  const at = lineColumn(file.text, deep.offset);
  diags.error("MODEL_TOO_DEEP", tooDeepMessage(what), { file: file.path, line: at.line, column: at.column, hint: TOO_DEEP_HINT });
}

function parseJson(file: SourceFile, diags: Diagnostics): ParsedSource | undefined {
  let value: unknown;
  try {
    value = "json" in file ? file.json : JSON.parse(file.text);
  } catch (error) {
    const errors: ParseError[] = [];
    parseJsonc(file.text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const at = first ? lineColumn(file.text, first.offset) : undefined;
    const what = first ? describeJsonError(printParseErrorCode(first.error)) : (error as Error).message;
    diags.error("OPENAPI_SYNTAX", `${file.path} is not valid JSON: ${what}`, {
      file: file.path,
      ...(at ? { line: at.line, column: at.column } : {}),
      hint: "Fix the JSON syntax at this position (a YAML document needs a .yaml or .yml extension).",
    });
    return undefined;
  }
  let tree: Node | undefined | null = null;
  return {
    path: file.path,
    value,
    locate(pointer) {
      if (tree === null) tree = parseTree(file.text);
      return tree ? lineColumn(file.text, locateJson(tree, pointer)) : undefined;
    },
  };
}

/** Offset of the value at `pointer` (of its key, for an object member), or of its nearest ancestor. */
function locateJson(root: Node, pointer: string): number {
  let node = root;
  let at = root.offset;
  for (const segment of pointerSegments(pointer)) {
    let next: Node | undefined;
    if (node.type === "object") {
      const property = node.children?.find((p) => p.children?.[0]?.value === segment);
      if (property?.children?.[0]) at = property.children[0].offset;
      next = property?.children?.[1];
    } else if (node.type === "array") {
      next = node.children?.[Number(segment)];
      if (next) at = next.offset;
    }
    if (!next) break;
    node = next;
  }
  return at;
}

function describeJsonError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function parseYaml(file: SourceFile, diags: Diagnostics): ParsedSource | undefined {
  // logLevel "error": yaml would print its warnings to the console itself; they become diagnostics.
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  for (const warning of doc.warnings) {
    const at = lineColumn(file.text, warning.pos[0]);
    diags.warning("OPENAPI_YAML", `${file.path}: ${warning.message.split("\n")[0]}`, { file: file.path, line: at.line, column: at.column, hint: "Check the YAML at this position." });
  }
  const error = doc.errors[0];
  if (error) {
    const at = lineColumn(file.text, error.pos[0]);
    diags.error("OPENAPI_SYNTAX", `${file.path} is not valid YAML: ${error.message}`, {
      file: file.path,
      line: at.line,
      column: at.column,
      hint: "Fix the YAML syntax at this position.",
    });
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10000 });
  } catch (cause) {
    diags.error("OPENAPI_SYNTAX", `${file.path} cannot be read as YAML data: ${(cause as Error).message}`, { file: file.path });
    return undefined;
  }
  return { path: file.path, value, locate: (pointer) => locateYaml(doc, file.text, pointer) };
}

function locateYaml(doc: Document, text: string, pointer: string): Position | undefined {
  let node: unknown = doc.contents;
  let at: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
  for (const segment of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      at = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : at;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      node = item;
      at = (item as { range?: [number] }).range?.[0] ?? at;
    } else {
      break;
    }
  }
  return at === undefined ? undefined : lineColumn(text, at);
}
