// Loads a Smithy model from many files at once: IDL (`.smithy`) and JSON AST (`.json`) files,
// namespaces shared across files, plus the built-in prelude; the result is one assembled model
// (mixins kept as declared; `flattenMixins` applies them).
//
//   loadSmithy([{ path: "a.smithy", text: "namespace a\nstructure S { b: B }" },
//               { path: "b.json", text: '{"smithy":"2.0","shapes":{"a#B":{"type":"string"}}}' }], diags)
//   → { shapes: Map { "a#S" → {..., members: { b: { target: "a#B" } } }, "a#B" → ... }, ... }

import type { Diagnostics } from "../diagnostics.js";
import type { AstShape } from "./ast.js";
import { assemble, type AssembleOptions, type SmithyModel } from "./assemble.js";
import { checkOperationTargets, checkPreludeTargets, checkReferences } from "./check-refs.js";
import { checkNesting } from "./nesting.js";
import { parseIdlFile, preludeShapes, resolveIdlFilesWithPositions } from "./idl/index.js";
import type { ParsedFile } from "./idl/parser.js";
import { readJsonAst, type LoadedAst } from "./json-ast.js";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /** The JSON value of `text`, when the caller has parsed it already. */
  readonly json?: unknown;
}

/** Parses and resolves every file; `undefined` when any error was reported. */
export function loadSmithyAsts(sources: readonly SourceFile[], diags: Diagnostics): LoadedAst[] | undefined {
  const before = diags.items.length;
  const slots: (LoadedAst | ParsedFile | undefined)[] = [];
  for (const source of sources) {
    if (/\.json(\.gz)?$/i.test(source.path)) slots.push(readJsonAst(source.text, source.path, diags, source.json));
    else slots.push(parseIdlFile(source.text, source.path, diags));
  }
  const parsed = slots.filter((s): s is ParsedFile => s !== undefined && !("ast" in s));
  // Names in IDL files resolve against the prelude and the JSON files' shapes: a load of JSON
  // files alone (every AWS model) needs no such table.
  const resolved = parsed.length === 0 ? [] : resolveIdlFilesWithPositions(parsed, externalShapes(slots), diags);
  const out: LoadedAst[] = [];
  let next = 0;
  for (const slot of slots) {
    if (slot === undefined) continue;
    if ("ast" in slot) out.push(slot);
    else {
      // IDL files carry a position map, so later checks point into the `.smithy` text.
      const { ast, locate } = resolved[next++] as (typeof resolved)[number];
      out.push({ file: slot.file, ast, locate });
    }
  }
  return hasErrorsSince(diags, before) ? undefined : out;
}

export function loadSmithy(sources: readonly SourceFile[], diags: Diagnostics, options: AssembleOptions = {}): SmithyModel | undefined {
  const before = diags.items.length;
  const asts = loadSmithyAsts(sources, diags);
  if (!asts) return undefined;
  const model = assemble(asts, diags, options);
  if (!hasErrorsSince(diags, before)) {
    const prelude = preludeShapes();
    checkReferences(model, (id) => prelude.has(id), () => [...prelude.keys()], diags);
    checkNesting(model, diags);
    checkOperationTargets(model, (id) => model.shapes.get(id) ?? prelude.get(id), diags);
    checkPreludeTargets(model, (id) => prelude.get(id), diags);
  }
  return hasErrorsSince(diags, before) ? undefined : model;
}

/** The prelude's shapes and those of the JSON files (the first of each id), for IDL resolution. */
function externalShapes(slots: readonly (LoadedAst | ParsedFile | undefined)[]): ReturnType<typeof preludeShapes> {
  const external = preludeShapes();
  for (const slot of slots) {
    if (slot === undefined || !("ast" in slot)) continue;
    for (const [id, shape] of Object.entries(slot.ast.shapes ?? {})) {
      if (shape.type !== "apply" && !external.has(id)) external.set(id, shape as AstShape);
    }
  }
  return external;
}

function hasErrorsSince(diags: Diagnostics, index: number): boolean {
  return diags.items.slice(index).some((d) => d.severity === "error");
}
