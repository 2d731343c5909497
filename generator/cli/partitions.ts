// The AWS partitions table for generated endpoint rules (`aws.partition`): the file the config
// names (`"endpoints": { "partitions": "path/to/partitions.json" }`), or the copy in the npm
// package @aws-sdk/util-endpoints (bundled into dist/ by bin/build.mjs, so the published CLI
// needs nothing at run time). The core gets it as `GenerateOptions.partitions`.
//
//   loadPartitions(undefined, "/p", diags) → { source: "@aws-sdk/util-endpoints/dist-cjs/lib/aws/partitions.json", table: { partitions: [...] } }
//   loadPartitions("/p/partitions.json", "/p", diags) → { source: "partitions.json", table: ... }
//   loadPartitions("/p/missing.json", "/p", diags) → undefined, with ENDPOINT_PARTITIONS "… does not exist"

import { readFileSync } from "node:fs";
import packaged from "@aws-sdk/util-endpoints/dist-cjs/lib/aws/partitions.json" with { type: "json" };
import type { Diagnostic } from "../diagnostics.js";
import { displayPath } from "../options.js";
import type { PartitionsInput } from "../protocols/endpoints/partitions.js";

export const PACKAGED_PARTITIONS = "@aws-sdk/util-endpoints/dist-cjs/lib/aws/partitions.json";

/** The configured table (an absolute path), else the packaged one; undefined after an error diagnostic. */
export function loadPartitions(file: string | undefined, cwd: string, diagnostics: Diagnostic[], configFile?: string): PartitionsInput | undefined {
  if (file === undefined) return { source: PACKAGED_PARTITIONS, table: packaged as unknown };
  const shown = displayPath(cwd, file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    diagnostics.push({
      code: "ENDPOINT_PARTITIONS",
      severity: "error",
      message: `The partitions table \`${shown}\` named in the config does not exist`,
      ...(configFile !== undefined ? { file: configFile } : {}),
      hint: 'Give the path of an AWS partitions.json, or remove "endpoints.partitions" from the config to use the one of @aws-sdk/util-endpoints.',
    });
    return undefined;
  }
  try {
    return { source: shown, table: JSON.parse(text) as unknown };
  } catch (error) {
    diagnostics.push({
      code: "ENDPOINT_PARTITIONS",
      severity: "error",
      message: `The partitions table \`${shown}\` is not JSON: ${(error as Error).message}`,
      file: shown,
      hint: "Give the path of an AWS partitions.json ({ \"partitions\": [{ \"id\", \"regionRegex\", \"regions\", \"outputs\" }] }).",
    });
    return undefined;
  }
}
