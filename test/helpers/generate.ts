// Runs the pure core on model files (no CLI) and optionally writes the result to a temp folder.
//
//   await generateFiles([{ name: "x", paths: ["models/x.json"] }]) → Map { "x/types.ts" → "…" }

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { generate, type GenerateResult } from "../../generator/core.js";
import type { Formatter } from "../../generator/format.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { ROOT, TMP } from "./paths.js";
import { corpusPartitions } from "./partitions.js";

export async function generateFrom(
  inputs: readonly { name: string; paths: readonly string[] }[],
  options: { format?: boolean; formatter?: Formatter } = {},
): Promise<GenerateResult> {
  const modelInputs = inputs.map((input) => ({
    name: input.name,
    files: input.paths.map((p) => ({ path: relative(ROOT, p) || p, text: readFileSync(p, "utf8") })),
  }));
  const host = { readFile: (p: string) => { try { return readFileSync(join(ROOT, p), "utf8"); } catch { return undefined; } } };
  return generate(modelInputs, host, { templates: loadTemplates(), partitions: corpusPartitions(), ...options });
}

/** Writes generated files under a fresh folder in .tmp/ and returns it. */
export function writeTree(files: ReadonlyMap<string, string>, label: string): string {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(join(TMP, `${label}-`));
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
