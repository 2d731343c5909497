// The Smithy front end: IDL and JSON AST files of one model → resolved models, one per service.
//
//   loadSmithyModels({ name: "weather", files: [{ path: "weather.json", text }] }, diags)
//   → [ResolvedModel for the service in weather.json]

import { Diagnostics } from "../diagnostics.js";
import type { ModelInput } from "../frontends.js";
import type { ResolvedModel } from "../model/ir.js";
import { assemble } from "./assemble.js";
import { withBuiltinTraits } from "./builtin-traits.js";
import { checkReferences } from "./check-refs.js";
import { preludeShapes } from "./idl/index.js";
import { loadSmithyAsts } from "./load.js";
import { lowerSmithy } from "./lower.js";
import { flattenMixins } from "./mixins.js";

export function loadSmithyModels(input: ModelInput, diags: Diagnostics): ResolvedModel[] {
  const asts = loadSmithyAsts(withBuiltinTraits(input.files), diags);
  if (!asts) return [];
  const loaderDiags = new Diagnostics();
  const model = assemble(asts, loaderDiags);
  forwardLoaderDiagnostics(loaderDiags, diags);
  if (diags.hasErrors) return [];
  const prelude = preludeShapes();
  checkReferences(model, (id) => prelude.has(id), [...prelude.keys()], diags);
  if (diags.hasErrors) return [];
  return lowerSmithy(flattenMixins(model), input.name, input.files.map((f) => f.path), diags);
}

/**
 * Code generation tolerates traits whose definitions are not loaded (AWS models apply dozens of
 * `aws.*` and `smithy.rules#*` traits without shipping their definitions; Smithy's build has
 * `--allow-unknown-traits` for that): each such trait id is reported once, as info. An unknown
 * trait of the prelude namespace stays an error: that is a typo such as `smithy.api#lenght`.
 */
function forwardLoaderDiagnostics(from: Diagnostics, to: Diagnostics): void {
  const seen = new Set<string>();
  for (const d of from.items) {
    const trait = d.code === "SMITHY_UNKNOWN_TRAIT" ? /`([^`]+)`/.exec(d.message)?.[1] : undefined;
    if (trait === undefined || trait.startsWith("smithy.api#")) {
      to.add(d);
    } else if (!seen.has(trait)) {
      seen.add(trait);
      to.add({ ...d, severity: "info", hint: "Its value is not checked; load the model that defines it to check it." });
    }
  }
}
