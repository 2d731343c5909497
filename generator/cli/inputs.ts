// Finds the models to generate on disk and reads them into model inputs for the core.
//
//   models/cognito-identity-provider.json  → { name: "cognito-identity-provider", files: [that file] }
//   models/x.openapi.yaml                  → { name: "x-openapi", files: [that file] }
//   models/weather/{main.smithy,ops.smithy} → { name: "weather", files: [both, sorted] }
//
// Source paths given to the core are relative to the project root and `/`-separated, so the
// generated headers do not depend on where the checkout lives. Missing or unreadable files are
// diagnostics, never exceptions.
//
// A gzip-compressed file (`s3.json.gz`, as model archives ship them; recognised by its magic
// bytes, whatever its name) is decompressed here and given to the core as the text it holds,
// under its own path: `models/s3.json.gz` → { name: "s3", path: "models/s3.json.gz", text: "{...}" }.
// Positions in its diagnostics are lines and columns of that text. Decompression stops at
// MAX_DECOMPRESSED_BYTES (a gzip bomb is a diagnostic, not an exhausted heap).

import { readFileSync, readdirSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { Host, ModelInput, SourceFile } from "../frontends.js";
import { displayPath } from "../options.js";
import { append } from "../lists.js";

/** File extensions that hold models; other files in the models folder are skipped (an info). */
export const MODEL_EXTENSIONS = Object.freeze([".json", ".smithy", ".yaml", ".yml", ".json.gz", ".smithy.gz", ".yaml.gz", ".yml.gz"]);

/** The most text a compressed model file may decompress to (a little under V8's longest string). */
export const MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024 - 64;

/** Reads a model file as text; a gzip stream (magic bytes 1f 8b) is decompressed first. Throws on I/O or gzip errors. */
export function readModelText(absolute: string): string {
  const bytes = readFileSync(absolute);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.toString("utf8");
  let text: Buffer;
  try {
    text = gunzipSync(bytes, { maxOutputLength: MAX_DECOMPRESSED_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ERR_BUFFER_TOO_LARGE"
        ? `it is gzip-compressed and decompresses to more than ${MAX_DECOMPRESSED_BYTES / 1024 / 1024} MiB`
        : `it starts as a gzip stream but does not decompress (${(error as Error).message})`,
      { cause: error },
    );
  }
  return text.toString("utf8");
}

export interface InputContext {
  /** Project root: source paths are relative to it. */
  readonly root: string;
  /** Working directory: paths are shown relative to it. */
  readonly cwd: string;
}

/** One model found on disk, not yet read. */
interface ModelEntry {
  readonly name: string;
  /** Absolute paths, sorted. */
  readonly files: readonly string[];
  /** What the user named (for messages). */
  readonly origin: string;
}

export interface ReadResult {
  /** The models read (empty when listed only: `read` false). */
  readonly inputs: ModelInput[];
  /** Every model found, not read: what a worker of pool.ts reads itself (`readListedModel`). */
  readonly listed: ListedModel[];
  readonly diagnostics: Diagnostic[];
  /** Source path (as given to the core) → absolute path and text. */
  readonly sources: Map<string, { absolute: string; text: string }>;
}

/** One model found on disk: its name and files (source path for the core, absolute path). */
export interface ListedModel {
  readonly name: string;
  readonly files: readonly { readonly path: string; readonly absolute: string }[];
}

/** The output folder name of a model file or folder: `x.openapi.yaml` → `x-openapi`. */
export function modelName(path: string, isFolder: boolean): string {
  let name = basename(path);
  if (!isFolder && /\.gz$/i.test(name)) name = name.slice(0, -".gz".length);
  if (!isFolder) {
    const dot = name.lastIndexOf(".");
    if (dot > 0) name = name.slice(0, dot);
  }
  return name.replace(/\./g, "-");
}

/** Every model in the models folder: each model file is one model, each subfolder one model. */
export function discoverModels(folder: string, ctx: InputContext, read = true): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const shown = displayPath(ctx.cwd, folder);
  let entries: string[];
  try {
    if (!statSync(folder).isDirectory()) {
      diagnostics.push({
        code: "MODELS_NOT_A_FOLDER",
        severity: "error",
        message: `The models folder \`${shown}\` is not a folder`,
        hint: 'Set "models" in shapesmith.config.json to a folder, or name model files on the command line with --out.',
      });
      return { inputs: [], listed: [], diagnostics, sources: new Map() };
    }
    entries = readdirSync(folder).sort();
  } catch {
    diagnostics.push({
      code: "MODELS_NOT_FOUND",
      severity: "error",
      message: `The models folder \`${shown}\` does not exist`,
      hint: 'Create it and put a model in it (e.g. models/weather.smithy), or set "models" in shapesmith.config.json.',
    });
    return { inputs: [], listed: [], diagnostics, sources: new Map() };
  }
  const models: ModelEntry[] = [];
  for (const entry of entries) {
    if (entry.startsWith(".")) continue;
    const path = join(folder, entry);
    const entryDiags: Diagnostic[] = [];
    const model = entryModel(path, ctx, entryDiags);
    append(diagnostics, entryDiags);
    if (model) models.push(model);
  }
  if (models.length === 0 && !diagnostics.some((d) => d.severity === "error")) {
    diagnostics.push({
      code: "MODELS_EMPTY",
      severity: "error",
      message: `The models folder \`${shown}\` holds no model`,
      hint: `Add a model file (${MODEL_EXTENSIONS.join(", ")}) or a folder of them.`,
    });
  }
  return readModels(models, ctx, diagnostics, read);
}

/** The models named on the command line: files, or folders of files (one model each). */
export function modelsFromArguments(paths: readonly string[], ctx: InputContext, read = true): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const models: ModelEntry[] = [];
  for (const arg of paths) {
    const path = resolve(ctx.cwd, arg);
    try {
      statSync(path);
    } catch {
      diagnostics.push({
        code: "INPUT_NOT_FOUND",
        severity: "error",
        message: `The model file \`${arg}\` does not exist`,
        hint: "Check the path; it is relative to the working directory.",
      });
      continue;
    }
    const model = entryModel(path, ctx, diagnostics, true);
    if (model) models.push(model);
  }
  return readModels(models, ctx, diagnostics, read);
}

/** Reads the given files as one list of source files (for `shapesmith ast`). */
export function readSourceFiles(paths: readonly string[], ctx: InputContext): ReadResult {
  const result = modelsFromArguments(paths, ctx);
  const files = result.inputs.flatMap((i) => i.files);
  return { ...result, inputs: files.length > 0 ? [{ name: "ast", files }] : [] };
}

/** A Host that reads files relative to the project root and remembers their text for code frames. */
export function diskHost(ctx: InputContext, sources: ReadResult["sources"]): Host {
  return {
    readFile(path: string): string | undefined {
      const absolute = resolve(ctx.root, path);
      try {
        const text = readModelText(absolute);
        sources.set(path, { absolute, text });
        return text;
      } catch {
        return undefined;
      }
    },
  };
}

function entryModel(path: string, ctx: InputContext, diagnostics: Diagnostic[], named = false): ModelEntry | undefined {
  const shown = displayPath(ctx.cwd, path);
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return undefined;
  }
  if (isFolder) {
    const files = listModelFiles(path);
    if (files.length === 0) {
      diagnostics.push({
        code: "MODEL_FOLDER_EMPTY",
        severity: named ? "error" : "warning",
        message: `The model folder \`${shown}\` holds no model file; it is skipped`,
        hint: `Model files end in ${MODEL_EXTENSIONS.join(", ")}.`,
      });
      return undefined;
    }
    return { name: modelName(path, true), files, origin: shown };
  }
  if (!named && !isModelFile(path)) {
    diagnostics.push({
      code: "NOT_A_MODEL_FILE",
      severity: "info",
      message: `Skipped \`${shown}\`: not a model file (${MODEL_EXTENSIONS.join(", ")})`,
    });
    return undefined;
  }
  return { name: modelName(path, false), files: [path], origin: shown };
}

function isModelFile(path: string): boolean {
  const lower = path.toLowerCase();
  return MODEL_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function listModelFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isModelFile(path)) found.push(path);
    }
  };
  walk(folder);
  return found.sort();
}

function readModels(models: readonly ModelEntry[], ctx: InputContext, diagnostics: Diagnostic[], read: boolean): ReadResult {
  const sources: ReadResult["sources"] = new Map();
  const inputs: ModelInput[] = [];
  const listed = models.map((model): ListedModel => ({ name: model.name, files: model.files.map((absolute) => ({ path: sourcePath(ctx.root, absolute), absolute })) }));
  if (!read) return { inputs, listed, diagnostics, sources };
  for (const model of listed) {
    const one = readListedModel(model, ctx);
    append(diagnostics, one.diagnostics);
    for (const file of one.input?.files ?? []) sources.set(file.path, { absolute: model.files.find((f) => f.path === file.path)!.absolute, text: file.text });
    if (one.input !== undefined) inputs.push(one.input);
  }
  return { inputs, listed, diagnostics, sources };
}

/** Reads the files of one listed model; an unreadable file is a diagnostic. */
export function readListedModel(model: ListedModel, ctx: InputContext): { input?: ModelInput; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  for (const { path, absolute } of model.files) {
    try {
      files.push({ path, text: readModelText(absolute) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      diagnostics.push({
        code: "INPUT_UNREADABLE",
        severity: "error",
        message: `The model file \`${displayPath(ctx.cwd, absolute)}\` cannot be read: ${code ?? (error as Error).message}`,
        ...(code === undefined ? { hint: "Decompress it yourself (`gunzip -k`) to check it, or give the uncompressed file." } : {}),
      });
    }
  }
  return files.length > 0 ? { input: { name: model.name, files }, diagnostics } : { diagnostics };
}

/** A path relative to the root, `/`-separated (absolute when on another drive). */
function sourcePath(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  return (isAbsolute(rel) ? absolute : rel).split("\\").join("/");
}
