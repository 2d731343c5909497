// Tells which front end reads a model input, from the content of its files, parsing each JSON
// file once; the parsed value travels with the file so the front end does not parse it again.
//
//   detectInput({ name: "x", files: [{ path: "x.json", text: '{"info":{...},"openapi":"3.1.0","paths":{}}' }] })
//   → { format: "openapi", files: [{ path: "x.json", text: "...", json: { info: {...}, openapi: "3.1.0", paths: {} } }] }
//
// A `.gz` suffix is ignored (the CLI hands over the decompressed text under the file's own path).
// `.yaml`/`.yml` files are OpenAPI (3.x, or Swagger 2.0 by its `swagger` key: the OpenAPI front
// end converts it) and `.smithy` files are Smithy IDL. A JSON file is recognised
// by the top-level keys of its object (JSON_FORMATS, first match wins; an AWS JSON service
// description by `metadata.protocol` beside `operations` and `shapes`), wherever they stand in
// the text (`jq -S` sorts `openapi` after `components` and `info`). A JSON file with a syntax
// error is recognised from what a tolerant parse recovers, so its front end reports the error.
// The first file whose format is known decides for the whole input; with none, Smithy (whose
// reader explains what a model file must look like).

import { parse as parseTolerant } from "jsonc-parser";
import type { ModelInput, SourceFile } from "./frontends.js";
import { jsonTooDeep } from "./limits.js";

export type ModelFormat = "openapi" | "smithy" | "botocore";

/** A JSON document's top-level object → the format it is, or not; the first rule that matches wins. */
export const JSON_FORMATS: readonly { readonly format: ModelFormat; readonly matches: (top: Readonly<Record<string, unknown>>) => boolean }[] = [
  { format: "openapi", matches: (top) => Object.hasOwn(top, "openapi") || Object.hasOwn(top, "swagger") },
  { format: "smithy", matches: (top) => Object.hasOwn(top, "smithy") },
  // AWS JSON service descriptions (botocore `service-2.json`, AWS SDK v2 `*.normal.json`).
  { format: "botocore", matches: (top) => isBotocoreTop(top) },
];

function isBotocoreTop(top: Readonly<Record<string, unknown>>): boolean {
  const metadata = top["metadata"];
  return (
    Object.hasOwn(top, "operations") &&
    Object.hasOwn(top, "shapes") &&
    typeof metadata === "object" &&
    metadata !== null &&
    Object.hasOwn(metadata, "protocol")
  );
}

export interface DetectedInput {
  readonly format: ModelFormat;
  /** The input's files, JSON ones with their parsed value (`json`) when they parse. */
  readonly files: readonly SourceFile[];
}

export function detectInput(input: ModelInput): DetectedInput {
  let format: ModelFormat | undefined;
  const files = input.files.map((file) => {
    const detected = detectFile(file);
    format ??= detected.format;
    return detected.file;
  });
  return { format: format ?? "smithy", files };
}

/** The format of a JSON document's top-level value, if some rule of JSON_FORMATS matches. */
export function jsonFormat(value: unknown): ModelFormat | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return JSON_FORMATS.find((rule) => rule.matches(value as Record<string, unknown>))?.format;
}

function detectFile(file: SourceFile): { format: ModelFormat | undefined; file: SourceFile } {
  if (/\.ya?ml(\.gz)?$/i.test(file.path)) return { format: "openapi", file };
  if (/\.smithy(\.gz)?$/i.test(file.path)) return { format: "smithy", file };
  if (!/\.json(\.gz)?$/i.test(file.path)) return { format: undefined, file };
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch {
    // Broken JSON: recognise it from what a tolerant parse recovers (bounded depth, so the
    // recursive parser is safe); its front end then reports the syntax error with a position.
    return { format: jsonTooDeep(file.text) ? undefined : jsonFormat(parseTolerant(file.text)), file };
  }
  return { format: jsonFormat(json), file: { ...file, json } };
}
