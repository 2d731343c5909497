// The Smithy front end: IDL and JSON AST files of one model → resolved models, one per service.
//
//   loadSmithyModels({ name: "weather", files: [{ path: "weather.json", text }] }, diags)
//   → [ResolvedModel for the service in weather.json]

import type { Diagnostics } from "../diagnostics.js";
import type { ModelInput } from "../frontends.js";
import type { ResolvedModel } from "../model/ir.js";
import { withBuiltinTraits } from "./builtin-traits.js";
import { loadSmithy } from "./load.js";
import { lowerSmithy } from "./lower.js";
import { flattenMixins } from "./mixins.js";
import { checkShapeRecursion } from "./recursion.js";
import { validateSmithyModel } from "./validate/index.js";

export function loadSmithyModels(input: ModelInput, diags: Diagnostics): ResolvedModel[] {
  const model = loadSmithy(withBuiltinTraits(input.files), diags, { allowUnknownTraits: true });
  if (!model) return [];
  const flat = flattenMixins(model);
  const before = diags.items.length;
  checkShapeRecursion(flat, diags);
  validateSmithyModel(flat, diags);
  if (diags.items.slice(before).some((d) => d.severity === "error")) return [];
  return lowerSmithy(flat, input.name, input.files.map((f) => f.path), diags);
}
