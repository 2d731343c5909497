// Entry point of the Smithy IDL front end: one file's text → its Smithy JSON AST, resolved
// against itself and the built-in prelude. Loading several files together: see ../load.ts.
//
//   parseIdl('$version: "2"\nnamespace a\nstring S\n', "a.smithy", diags)
//   → { smithy: "2.0", shapes: { "a#S": { type: "string" } } }

import type { Diagnostics } from "../../diagnostics.js";
import type { AstModel, AstShape } from "../ast.js";
import { PRELUDE } from "../prelude.js";
import { IdlSyntaxError } from "./lexer.js";
import { type ParsedFile, parseFile } from "./parser.js";
import { type ExternalShapes, resolveFiles, resolveFilesWithPositions, type ResolvedFile } from "./resolve.js";

export type { ParsedFile } from "./parser.js";
export { SYNTACTIC_SHAPE_ID } from "./resolve.js";

/** The prelude's shapes as a map, for resolution. */
export function preludeShapes(): Map<string, AstShape> {
  return new Map(Object.entries(PRELUDE.shapes ?? {}) as [string, AstShape][]);
}

/**
 * Parses one file; a syntax error becomes a diagnostic at its line and column (the printer shows
 * the code frame) and `undefined`.
 */
export function parseIdlFile(text: string, file: string, diags: Diagnostics): ParsedFile | undefined {
  try {
    return parseFile(text, file);
  } catch (e) {
    if (!(e instanceof IdlSyntaxError)) throw e;
    diags.error("SMITHY_IDL_SYNTAX", e.message, {
      file,
      line: e.line,
      column: e.column,
      hint: "Fix the syntax at this position; the grammar is at https://smithy.io/2.0/spec/idl.html.",
    });
    return undefined;
  }
}

/** Resolves parsed files together, against `external` shapes (prelude, JSON AST files). */
export function resolveIdlFiles(files: readonly ParsedFile[], external: ExternalShapes, diags: Diagnostics): AstModel[] {
  return resolveFiles(files, external, diags);
}

/** `resolveIdlFiles`, with where each JSON path of each AST was written in its `.smithy` file. */
export function resolveIdlFilesWithPositions(files: readonly ParsedFile[], external: ExternalShapes, diags: Diagnostics): ResolvedFile[] {
  return resolveFilesWithPositions(files, external, diags);
}

export function parseIdl(text: string, file: string, diags: Diagnostics): AstModel | undefined {
  const parsed = parseIdlFile(text, file, diags);
  if (!parsed) return undefined;
  const before = diags.items.length;
  const [ast] = resolveFiles([parsed], preludeShapes(), diags);
  return diags.items.slice(before).some((d) => d.severity === "error") ? undefined : ast;
}
