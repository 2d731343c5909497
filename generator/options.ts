// The project configuration: `shapesmith.config.json` at the project root (optional), parsed once,
// defaulted, overridden by command-line flags, frozen.
//
//   shapesmith.config.json: { "out": "src/generated" }
//   resolveOptions({ cwd: "/p" }) → { root: "/p", models: "/p/models", out: "/p/src/generated",
//                                      templates: "/p/templates", ... }
//
// The checks are the JSON Schema generator/config.schema.json (shipped for editors), applied by
// generator/json-schema.ts; its titles, descriptions and defaults word the diagnostics. Paths in
// the config are relative to the folder the config is in. Unknown keys, wrong types and JSON
// syntax errors are error diagnostics with file, line and column.
//
//   { "perModel": { "weather": { "artifacts": ["type"] } } }
//   → 1:43: error CONFIG_VALUE: The config value `perModel.weather.artifacts[0]` must be one of
//     "types", "serializers", "validators", "redact", not a string  (hint: Did you mean "types"? ...)

import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Artifact } from "./artifacts.js";
import { Diagnostics, type Diagnostic } from "./diagnostics.js";
import { schemaAt, typeOf, validate, type JsonSchema, type SchemaError } from "./json-schema.js";
import { lineColumn } from "./source-position.js";
import { nearest } from "./suggest.js";
import schemaJson from "./config.schema.json" with { type: "json" };
import { append } from "./lists.js";

export const CONFIG_FILE = "shapesmith.config.json";

/** The config's `formatter` (and `--formatter`). */
export const FORMATTER_CHOICES = ["auto", "oxfmt", "prettier"] as const;
export type FormatterChoice = (typeof FORMATTER_CHOICES)[number];

/** The config's JSON Schema (generator/config.schema.json): the one source of its keys and checks. */
export const CONFIG_SCHEMA: JsonSchema = schemaJson as JsonSchema;

/** Settings of one model (`perModel` in the config). */
export interface ModelSettings {
  /** Folder the model's files are written to, instead of its subfolder of `out`. */
  readonly out?: string;
  readonly artifacts?: readonly Artifact[];
}

/** The config file's keys and their defaults (see generator/config.schema.json). */
export interface Config {
  /** Folder of models: each file is a model, each subfolder one model made of its files. */
  readonly models: string;
  /** Folder the generated tree replaces. */
  readonly out: string;
  /** Folder of templates overriding the built-in ones file by file. */
  readonly templates: string;
  /** Format every generated file (`--no-format` turns it off for one run). */
  readonly format: boolean;
  /** Which formatter (`--formatter` overrides it for one run); see generator/cli/formatter.ts. */
  readonly formatter: FormatterChoice;
  /** The files to generate for each model. */
  readonly artifacts: readonly Artifact[];
  /** Settings of single models, by model name. */
  readonly perModel: Readonly<Record<string, ModelSettings>>;
  /** Endpoint resolution: the AWS partitions table generated endpoint rules read. */
  readonly endpoints: { readonly partitions?: string };
}

/** The defaults, as the schema's `default`s give them. */
export const DEFAULT_CONFIG: Config = Object.freeze(
  Object.fromEntries(
    Object.entries(CONFIG_SCHEMA.properties as Record<string, JsonSchema>)
      .map(([key]) => [key, schemaAt(CONFIG_SCHEMA, [key])?.default] as const)
      .filter(([, value]) => value !== undefined),
  ) as unknown as Config,
);

/** One model's settings, resolved: absolute `out`. */
export interface ResolvedModelSettings {
  readonly out?: string;
  readonly artifacts: readonly Artifact[];
  /** Where the model's entry stands in the config (for a diagnostic naming an unknown model). */
  readonly at?: { readonly file: string; readonly line: number; readonly column: number };
}

export interface Options {
  /** Absolute project root: the config file's folder, or the working directory. */
  readonly root: string;
  /** Absolute path of the config file read, if any. */
  readonly configFile?: string;
  /** Absolute paths. */
  readonly models: string;
  readonly out: string;
  readonly templates: string;
  /** Format the output. */
  readonly format: boolean;
  readonly formatter: FormatterChoice;
  /** True when the templates folder was named explicitly (then it must exist). */
  readonly templatesExplicit: boolean;
  /** The artifacts of every model without settings of its own. */
  readonly artifacts: readonly Artifact[];
  /** Model name → its settings (only the models the config names). */
  readonly perModel: ReadonlyMap<string, ResolvedModelSettings>;
  /** Absolute path of the partitions table the config names (otherwise the packaged one is used). */
  readonly partitions?: string;
}

export interface OptionOverrides {
  /** The working directory the CLI runs in (absolute). */
  readonly cwd: string;
  /** `--config F`: that file must exist. Otherwise `shapesmith.config.json` in `cwd` is optional. */
  readonly config?: string | undefined;
  /** `--out DIR`, relative to `cwd`. */
  readonly out?: string | undefined;
  /** Do not look for `shapesmith.config.json` (the API, unless it names a config). */
  readonly noConfig?: boolean;
}

export interface OptionsResult {
  readonly options: Options;
  readonly diagnostics: readonly Diagnostic[];
  /** Absolute file path → text of the config read, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

export interface ParsedConfig {
  readonly config: Partial<Config>;
  readonly diagnostics: Diagnostic[];
  /** Model name (a key of `perModel`) → where it is written. */
  readonly positions?: ReadonlyMap<string, { line: number; column: number }>;
}

/** Parses the config text and checks it against the schema. `file` is what diagnostics name. */
export function parseConfig(text: string, file: string): ParsedConfig {
  const diags = new Diagnostics();
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number) => ({ file, ...lineColumn(text, offset) });
  const first = errors[0];
  if (first !== undefined) {
    diags.error("CONFIG_SYNTAX", `The config is not valid JSON: ${describeParseError(first)}`, {
      ...at(first.offset),
      hint: "Fix the JSON syntax; comments and trailing commas are allowed.",
    });
    return { config: {}, diagnostics: [...diags.items] };
  }
  if (tree === undefined || tree.type !== "object") {
    diags.error("CONFIG_NOT_OBJECT", "The config must be a JSON object", {
      ...at(tree?.offset ?? 0),
      pointer: "",
      hint: `For example: ${JSON.stringify({ out: DEFAULT_CONFIG.out })}`,
    });
    return { config: {}, diagnostics: [...diags.items] };
  }
  const found: { offset: number; diagnostic: Diagnostic }[] = [];
  for (const { key, path } of duplicateKeys(tree)) {
    found.push({
      offset: key.offset,
      diagnostic: {
        code: "CONFIG_DUPLICATE_KEY",
        severity: "error",
        message: `The config key \`${showPath(path)}\` appears twice`,
        ...at(key.offset),
        pointer: toPointer(path),
        hint: "Keep one of them.",
      },
    });
  }
  const value = firstWins(tree);
  for (const error of validate(CONFIG_SCHEMA, value)) {
    const path = fromPointer(error.instancePath);
    const keyPath = error.keyword === "additionalProperties" ? [...path, error.params.additionalProperty ?? ""] : path;
    const node = findNodeAtLocation(tree, keyPath);
    const offset = error.keyword === "additionalProperties" ? (node?.parent?.children?.[0]?.offset ?? 0) : (node?.offset ?? 0);
    found.push({ offset, diagnostic: { ...schemaDiagnostic(error, path, valueAt(value, path)), ...at(offset), pointer: toPointer(keyPath) } });
  }
  found.sort((a, b) => a.offset - b.offset);
  for (const { diagnostic } of found) diags.add(diagnostic);
  if (diags.hasErrors) return { config: {}, diagnostics: [...diags.items] };
  const { $schema: _schema, ...config } = value as Partial<Config> & { $schema?: string };
  const positions = new Map<string, { line: number; column: number }>();
  for (const name of Object.keys(config.perModel ?? {})) {
    const keyNode = findNodeAtLocation(tree, ["perModel", name])?.parent?.children?.[0];
    if (keyNode !== undefined) positions.set(name, lineColumn(text, keyNode.offset));
  }
  return { config, diagnostics: [...diags.items], positions };
}

/** A schema error as a diagnostic, in the schema's words (its titles, descriptions and defaults). */
function schemaDiagnostic(error: SchemaError, path: readonly (string | number)[], value: unknown): Omit<Diagnostic, "file" | "line" | "column"> {
  const last = path[path.length - 1];
  const subject = `The config ${typeof last === "number" ? "value" : "key"} \`${showPath(path)}\``;
  const owner = typeof last === "number" ? schemaAt(CONFIG_SCHEMA, path.slice(0, -1)) : error.schema;
  const about = owner?.description !== undefined ? `${showPath(typeof last === "number" ? path.slice(0, -1) : path)}: ${String(owner.description)}` : undefined;
  const withDefault = (hint: string | undefined) =>
    owner?.default !== undefined && hint !== undefined ? `${hint} Default: ${JSON.stringify(owner.default)}.` : hint;
  const base = { severity: "error" as const };
  switch (error.keyword) {
    case "type": {
      if (path.length === 0) return { ...base, code: "CONFIG_NOT_OBJECT", message: "The config must be a JSON object" };
      const title = typeof error.schema.title === "string" ? ` (${error.schema.title})` : "";
      const expected = error.params.type === "boolean" ? "true or false" : `${article(error.params.type ?? "value")}${title}`;
      return { ...base, code: "CONFIG_TYPE", message: `${subject} must be ${expected}, not ${describeValue(value)}`, ...hint(withDefault(about)) };
    }
    case "additionalProperties": {
      const key = error.params.additionalProperty ?? "";
      const known = Object.keys((error.schema.properties as object | undefined) ?? {}).filter((k) => k !== "$schema");
      const near = nearest(key, known);
      return {
        ...base,
        code: "CONFIG_UNKNOWN_KEY",
        message: path.length === 0 ? `Unknown config key \`${key}\`` : `Unknown key \`${key}\` in \`${showPath(path)}\``,
        hint: `${near ? `Did you mean \`${near}\`? ` : ""}Known keys: ${known.join(", ")}.`,
      };
    }
    case "enum": {
      const allowed = (error.params.allowedValues ?? []).map((v) => JSON.stringify(v));
      const near = typeof value === "string" ? nearest(value, (error.params.allowedValues ?? []).map(String)) : undefined;
      return {
        ...base,
        code: "CONFIG_VALUE",
        message: `${subject} must be one of ${allowed.join(", ")}, not ${typeof value === "string" ? JSON.stringify(value) : describeValue(value)}`,
        ...hint([near ? `Did you mean ${JSON.stringify(near)}?` : "", about ?? ""].filter(Boolean).join(" ") || undefined),
      };
    }
    case "const":
      return { ...base, code: "CONFIG_VALUE", message: `${subject} must be ${JSON.stringify(error.params.allowedValue)}`, ...hint(about) };
    case "contains": {
      const wanted = (error.schema.contains as JsonSchema | undefined)?.const;
      return { ...base, code: "CONFIG_VALUE", message: `${subject} must contain ${JSON.stringify(wanted)}`, ...hint(withDefault(about)) };
    }
    case "uniqueItems":
      return { ...base, code: "CONFIG_DUPLICATE_VALUE", message: `${subject} lists ${JSON.stringify(error.params.duplicate)} more than once`, hint: "Keep one of them." };
    case "minLength":
      return { ...base, code: "CONFIG_EMPTY", message: `${subject} must not be empty`, ...hint(withDefault(about)) };
    default: {
      const never: never = error.keyword;
      throw new Error(`internal: unhandled schema keyword ${String(never)}`);
    }
  }
}

function hint(text: string | undefined): { hint?: string } {
  return text === undefined ? {} : { hint: text };
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `["perModel", "weather", "artifacts", 1]` → `perModel.weather.artifacts[1]`. */
function showPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function toPointer(path: readonly (string | number)[]): string {
  return path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

function fromPointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p];
  return v;
}

/** The JSON value of a tree; of a key written twice, the first (the duplicate is reported). */
function firstWins(node: Node): unknown {
  switch (node.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, child] = property.children ?? [];
        if (key === undefined || typeof key.value !== "string" || Object.hasOwn(out, key.value)) continue;
        out[key.value] = child === undefined ? null : firstWins(child);
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map(firstWins);
    default:
      return node.value;
  }
}

/** Every key written a second time in its object, with the path of the property. */
function duplicateKeys(node: Node, path: (string | number)[] = []): { key: Node; path: (string | number)[] }[] {
  const found: { key: Node; path: (string | number)[] }[] = [];
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [key, child] = property.children ?? [];
      if (key === undefined || typeof key.value !== "string") continue;
      if (seen.has(key.value)) found.push({ key, path: [...path, key.value] });
      else if (child !== undefined) append(found, duplicateKeys(child, [...path, key.value]));
      seen.add(key.value);
    }
  } else if (node.type === "array") {
    (node.children ?? []).forEach((child, i) => append(found, duplicateKeys(child, [...path, i])));
  }
  return found;
}

/** Reads the config (if any) and applies defaults and flags. Never throws for a user's mistake. */
export function resolveOptions(overrides: OptionOverrides): OptionsResult {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const explicit = overrides.config !== undefined;
  const configPath = resolve(overrides.cwd, overrides.config ?? CONFIG_FILE);
  const root = explicit ? dirname(configPath) : overrides.cwd;
  let config: Partial<Config> = {};
  let positions: ParsedConfig["positions"];
  let configFile: string | undefined;
  const shown = displayPath(overrides.cwd, configPath);
  if ((explicit || overrides.noConfig !== true) && existsSync(configPath) && !statSync(configPath).isDirectory()) {
    let text: string | undefined;
    try {
      text = readFileSync(configPath, "utf8");
    } catch (error) {
      diagnostics.push({
        code: "CONFIG_UNREADABLE",
        severity: "error",
        message: `The config file cannot be read: ${(error as Error).message}`,
        file: configPath,
      });
    }
    if (text !== undefined) {
      sources.set(configPath, text);
      const parsed = parseConfig(text, configPath);
      append(diagnostics, parsed.diagnostics);
      config = parsed.config;
      positions = parsed.positions;
      configFile = configPath;
    }
  } else if (explicit) {
    diagnostics.push({
      code: "CONFIG_NOT_FOUND",
      severity: "error",
      message: `The config file \`${shown}\` does not exist${existsSync(configPath) ? " (it is a folder)" : ""}`,
      hint: `Give the path of a JSON file such as ${CONFIG_FILE}, or leave out --config to use the defaults.`,
    });
  }
  const options: Options = Object.freeze({
    root,
    ...(configFile !== undefined ? { configFile } : {}),
    models: resolve(root, config.models ?? DEFAULT_CONFIG.models),
    out: overrides.out !== undefined ? resolve(overrides.cwd, overrides.out) : resolve(root, config.out ?? DEFAULT_CONFIG.out),
    templates: resolve(root, config.templates ?? DEFAULT_CONFIG.templates),
    format: config.format ?? DEFAULT_CONFIG.format,
    formatter: config.formatter ?? DEFAULT_CONFIG.formatter,
    templatesExplicit: config.templates !== undefined,
    artifacts: config.artifacts ?? DEFAULT_CONFIG.artifacts,
    ...(config.endpoints?.partitions !== undefined ? { partitions: resolve(root, config.endpoints.partitions) } : {}),
    perModel: new Map(
      Object.entries(config.perModel ?? {}).map(([name, settings]) => {
        const at = positions?.get(name);
        const resolved: ResolvedModelSettings = {
          ...(settings.out !== undefined ? { out: resolve(root, settings.out) } : {}),
          artifacts: settings.artifacts ?? config.artifacts ?? DEFAULT_CONFIG.artifacts,
          ...(at !== undefined && configFile !== undefined ? { at: { file: configFile, ...at } } : {}),
        };
        return [name, Object.freeze(resolved)];
      }),
    ),
  });
  return { options, diagnostics, sources };
}

/** A path as the user should read it: relative to `cwd` (absolute only across drives), `/`-separated. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  const shown = rel === "" ? "." : isAbsolute(rel) ? path : rel;
  return shown.split("\\").join("/");
}

function describeParseError(error: ParseError): string {
  const names: Record<string, string> = {
    InvalidSymbol: "unexpected character",
    InvalidNumberFormat: "invalid number",
    PropertyNameExpected: "expected a property name",
    ValueExpected: "expected a value",
    ColonExpected: "expected `:`",
    CommaExpected: "expected `,`",
    CloseBraceExpected: "expected `}`",
    CloseBracketExpected: "expected `]`",
    EndOfFileExpected: "expected the end of the file",
    InvalidCommentToken: "invalid comment",
    UnexpectedEndOfComment: "unterminated comment",
    UnexpectedEndOfString: "unterminated string",
    UnexpectedEndOfNumber: "unterminated number",
    InvalidUnicode: "invalid unicode escape",
    InvalidEscapeCharacter: "invalid escape character",
    InvalidCharacter: "invalid character",
  };
  const code = printParseErrorCode(error.error);
  return names[code] ?? code;
}

function describeValue(value: unknown): string {
  const type = typeOf(value);
  switch (type) {
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "null":
      return "null";
    case "number":
    case "integer":
      return `the number ${String(value)}`;
    case "boolean":
      return `\`${String(value)}\``;
    case "string":
      return JSON.stringify(value) === '""' ? "an empty string" : "a string";
    default: {
      const never: never = type;
      return String(never);
    }
  }
}
