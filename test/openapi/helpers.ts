// Shared helpers of the OpenAPI tests: load a fixture (or inline text) through the front end,
// print a resolved model as stable JSON, generate and import code in a temporary folder.
//
//   loadFixture("objects.yaml") → { model: ResolvedModel | undefined, diagnostics: [...] }
//   modelJson(model)            → '{\n  "name": "objects", ... }\n' (shapes as an object in id order)

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generate } from "../../generator/core.js";
import { Diagnostics, type Diagnostic } from "../../generator/diagnostics.js";
import type { SourceFile } from "../../generator/frontends.js";
import type { ResolvedModel } from "../../generator/model/ir.js";
import { loadOpenApi } from "../../generator/openapi/index.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import { CORPUS, ROOT } from "../helpers/paths.js";

export const FIXTURES = resolve(ROOT, "test/openapi/fixtures");
export const OPENAPI_CORPUS = resolve(CORPUS, "openapi");

export interface Loaded {
  readonly model: ResolvedModel | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Files of a fixture folder or one fixture file, as the front end gets them (paths relative to the repo). */
export function fixtureFiles(...names: string[]): SourceFile[] {
  return names.map((name) => ({ path: `test/openapi/fixtures/${name}`, text: readFileSync(join(FIXTURES, name), "utf8") }));
}

/** A host that reads relative to the repo root, as the CLI's does relative to its working folder. */
export const repoHost = {
  readFile(path: string): string | undefined {
    const full = resolve(ROOT, path);
    return existsSync(full) ? readFileSync(full, "utf8") : undefined;
  },
};

export function load(files: readonly SourceFile[], name = "test"): Loaded {
  const diags = new Diagnostics();
  const model = loadOpenApi({ name, files }, repoHost, diags);
  return { model, diagnostics: diags.items };
}

export function loadFixture(name: string): Loaded {
  return load(fixtureFiles(name), name.replace(/\.(ya?ml|json)$/, ""));
}

/** Inline document text (YAML unless the path ends in .json). */
export function loadText(text: string, path = "inline.yaml"): Loaded {
  return load([{ path, text }]);
}

/** The model as stable, readable JSON for whole-output snapshots. */
export function modelJson(model: ResolvedModel | undefined): string {
  if (!model) return "undefined\n";
  return JSON.stringify({ ...model, shapes: Object.fromEntries(model.shapes) }, null, 2) + "\n";
}

/** Diagnostics without info-level ones, as plain objects. */
export function problems(loaded: Loaded): Diagnostic[] {
  return loaded.diagnostics.filter((d) => d.severity !== "info");
}

/** Runs the whole core on the files and returns the output (files empty on errors). */
export async function generateFiles(files: readonly SourceFile[], name = "test", format = true) {
  return generate([{ name, files }], repoHost, { templates: loadTemplates(), format });
}

/** Generates into a fresh temporary folder and returns the path of the model's folder. */
export async function generateToTemp(files: readonly SourceFile[], name: string): Promise<string> {
  const result = await generateFiles(files, name);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`generation failed: ${errors.map((e) => `${e.code} ${e.message} ${e.pointer ?? ""}`).join("; ")}`);
  return join(writeTree(result.files, `openapi-${name}`), name);
}
