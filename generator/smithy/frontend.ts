// The Smithy front end: JSON AST (and IDL) files of one model → resolved models, one per service.
//
//   loadSmithyModels({ name: "weather", files: [{ path: "weather.json", text }] }, diags)
//   → [ResolvedModel for the service in weather.json]

import type { Diagnostics } from "../diagnostics.js";
import type { ModelInput } from "../frontends.js";
import type { ResolvedModel } from "../model/ir.js";
import { assemble } from "./assemble.js";
import { checkReferences } from "./check-refs.js";
import { readJsonAst, type LoadedAst } from "./json-ast.js";
import { lowerSmithy } from "./lower.js";
import { PRELUDE_IDS, preludeShape } from "./prelude-shapes.js";

export function loadSmithyModels(input: ModelInput, diags: Diagnostics): ResolvedModel[] {
  const loaded: LoadedAst[] = [];
  for (const file of input.files) {
    const ast = readJsonAst(file.text, file.path, diags);
    if (ast) loaded.push(ast);
  }
  if (diags.hasErrors) return [];
  const model = assemble(loaded, diags);
  checkReferences(model, (id) => preludeShape(id) !== undefined, PRELUDE_IDS, diags);
  if (diags.hasErrors) return [];
  return lowerSmithy(model, input.name, input.files.map((f) => f.path), diags);
}
