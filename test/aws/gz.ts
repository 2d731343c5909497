// Generates one gzipped Smithy JSON AST model of the AWS corpus with the pure core.
//
//   await generateGz(".../aws-smithy/sts.json.gz", "sts", { format: false }) → GenerateResult

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { generate, type GenerateResult } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { corpusPartitions } from "../helpers/partitions.js";

export async function generateGz(path: string, name: string, options: { format?: boolean } = {}): Promise<GenerateResult> {
  const text = gunzipSync(readFileSync(path)).toString("utf8");
  return generate([{ name, files: [{ path: basename(path, ".gz"), text }] }], { readFile: () => undefined }, { templates: loadTemplates(), partitions: corpusPartitions(), ...options });
}
