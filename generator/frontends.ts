// Picks the front end for each model input and returns the resolved models.
//
//   { name: "cognito-identity-provider", files: [{ path: "models/x.json", text: '{"smithy":"2.0",...}' }] }
//   → Smithy JSON AST front end → ResolvedModel
//
// A model input is one file, or the files of one folder under models/ (a Smithy model split
// across files). detect.ts tells the formats apart by content: OpenAPI documents by extension
// (.yaml/.yml) or their top-level `openapi` key; Smithy by `.smithy` or a top-level `smithy` key;
// AWS JSON service descriptions (botocore) by `metadata.protocol` with `operations` and `shapes`.

import type { Diagnostics } from "./diagnostics.js";
import type { ResolvedModel } from "./model/ir.js";
import { loadSmithyModels } from "./smithy/frontend.js";
import { loadOpenApi } from "./openapi/index.js";
import { detectInput } from "./detect.js";
import { loadBotocore } from "./botocore/index.js";
import { append } from "./lists.js";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /** The JSON value of `text`, when format detection has parsed it already (front ends reuse it). */
  readonly json?: unknown;
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

export function loadModels(inputs: readonly ModelInput[], host: Host, diags: Diagnostics): ResolvedModel[] {
  const models: ResolvedModel[] = [];
  for (const input of inputs) {
    if (input.files.length === 0) continue;
    const { format, files } = detectInput(input);
    const detected = { name: input.name, files };
    let loaded: ResolvedModel | ResolvedModel[] | undefined;
    switch (format) {
      case "openapi":
        loaded = loadOpenApi(detected, host, diags);
        break;
      case "smithy":
        loaded = loadSmithyModels(detected, diags);
        break;
      case "botocore":
        loaded = loadBotocore(detected, diags);
        break;
      default: {
        const never: never = format;
        throw new Error(`internal: unknown model format ${String(never)}`);
      }
    }
    if (Array.isArray(loaded)) append(models, loaded);
    else if (loaded) models.push(loaded);
  }
  return models;
}
