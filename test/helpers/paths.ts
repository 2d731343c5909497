// Paths the tests share: the repo root, our models, the committed output, the third-party corpus.
//
//   corpusFile("aws-smithy/cognito-identity-provider.json") → "/…/shared/corpus/aws-smithy/…"
//   (throws, naming the path, when the corpus file is missing)

import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const MODELS = resolve(ROOT, "models");
export const GENERATED = resolve(ROOT, "generated");
export const CORPUS = resolve(ROOT, "../shared/corpus");
export const TMP = resolve(ROOT, ".tmp");

export function corpusFile(relative: string): string {
  const path = resolve(CORPUS, relative);
  if (!existsSync(path)) throw new Error(`corpus file missing: ${path} (see ../shared/corpus/README.md)`);
  return path;
}
