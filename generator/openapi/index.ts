// OpenAPI 3.0/3.1 front end: a document (YAML or JSON, split across files) → ResolvedModel.
// Placeholder until the OpenAPI front end lands: reports that OpenAPI is not supported yet.

import type { Diagnostics } from "../diagnostics.js";
import type { Host, ModelInput } from "../frontends.js";
import type { ResolvedModel } from "../model/ir.js";

export function loadOpenApi(input: ModelInput, _host: Host, diags: Diagnostics): ResolvedModel | undefined {
  diags.error("OPENAPI_UNSUPPORTED", `OpenAPI input is not supported yet: ${input.files[0]?.path ?? input.name}`, {
    ...(input.files[0] ? { file: input.files[0].path } : {}),
  });
  return undefined;
}
