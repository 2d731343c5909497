// Picks the front end for each model input and returns the resolved models.
//
//   { name: "cognito-identity-provider", files: [{ path: "models/x.json", text: '{"smithy":"2.0",...}' }] }
//   → Smithy JSON AST front end → ResolvedModel
//
// A model input is one file, or the files of one folder under models/ (a Smithy model split
// across files). OpenAPI documents are recognised by extension (.yaml/.yml) or by their
// top-level `openapi` key; everything else is Smithy (IDL `.smithy`, JSON AST `.json`).

import type { Diagnostics } from "./diagnostics.js";
import type { ResolvedModel } from "./model/ir.js";
import { loadSmithyModels } from "./smithy/frontend.js";
import { loadOpenApi } from "./openapi/index.js";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** What a front end may read besides its inputs (external `$ref`s); the CLI reads the disk. */
export interface Host {
  readFile(path: string): string | undefined;
}

export interface ModelInput {
  /** Output folder name, e.g. `cognito-identity-provider`. */
  readonly name: string;
  readonly files: readonly SourceFile[];
}

export function isOpenApiSource(file: SourceFile): boolean {
  if (/\.ya?ml$/i.test(file.path)) return true;
  if (!/\.json$/i.test(file.path)) return false;
  // Cheap sniff of the top-level key; the real parse happens in the front end.
  return /^\s*\{\s*"(openapi|swagger)"\s*:/.test(file.text) || /"openapi"\s*:\s*"3\./.test(file.text.slice(0, 2000));
}

export function loadModels(inputs: readonly ModelInput[], host: Host, diags: Diagnostics): ResolvedModel[] {
  const models: ResolvedModel[] = [];
  for (const input of inputs) {
    const first = input.files[0];
    if (!first) continue;
    const loaded = isOpenApiSource(first)
      ? loadOpenApi(input, host, diags)
      : loadSmithyModels(input, diags);
    if (Array.isArray(loaded)) models.push(...loaded);
    else if (loaded) models.push(loaded);
  }
  return models;
}
