// The project configuration: `shapesmith.config.json` at the project root (optional), parsed once,
// defaulted, overridden by command-line flags, frozen.
//
//   shapesmith.config.json: { "out": "src/generated" }
//   resolveOptions({ cwd: "/p" }) → { root: "/p", models: "/p/models", out: "/p/src/generated",
//                                      templates: "/p/templates", ... }
//
// Paths in the config are relative to the folder the config is in. Unknown keys, wrong types and
// JSON syntax errors are error diagnostics with file, line and column.

import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { Diagnostics, pointer, type Diagnostic } from "./diagnostics.js";
import { lineColumn } from "./source-position.js";
import { nearest } from "./suggest.js";

export const CONFIG_FILE = "shapesmith.config.json";

/** The config file's keys and their defaults. */
export interface Config {
  /** Folder of models: each file is a model, each subfolder one model made of its files. */
  readonly models: string;
  /** Folder the generated tree replaces. */
  readonly out: string;
  /** Folder of templates overriding the built-in ones file by file. */
  readonly templates: string;
  /** Format every generated file with prettier (`--no-format` turns it off for one run). */
  readonly format: boolean;
}

export const DEFAULT_CONFIG: Config = Object.freeze({ models: "models", out: "generated", templates: "templates", format: true });

/** The config keys that hold paths (every other key is a boolean). */
const PATH_KEYS: ReadonlySet<string> = new Set(["models", "out", "templates"]);

const KEYS: readonly string[] = ["$schema", ...Object.keys(DEFAULT_CONFIG)];

export interface Options {
  /** Absolute project root: the config file's folder, or the working directory. */
  readonly root: string;
  /** Absolute path of the config file read, if any. */
  readonly configFile?: string;
  /** Absolute paths. */
  readonly models: string;
  readonly out: string;
  readonly templates: string;
  /** Run prettier over the output. */
  readonly format: boolean;
  /** True when the templates folder was named explicitly (then it must exist). */
  readonly templatesExplicit: boolean;
}

export interface OptionOverrides {
  /** The working directory the CLI runs in (absolute). */
  readonly cwd: string;
  /** `--config F`: that file must exist. Otherwise `shapesmith.config.json` in `cwd` is optional. */
  readonly config?: string | undefined;
  /** `--out DIR`, relative to `cwd`. */
  readonly out?: string | undefined;
}

export interface OptionsResult {
  readonly options: Options;
  readonly diagnostics: readonly Diagnostic[];
  /** Absolute file path → text of the config read, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Parses the config text. `file` is what diagnostics name. */
export function parseConfig(text: string, file: string): { config: Partial<Config>; diagnostics: Diagnostic[] } {
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
      hint: `For example: ${JSON.stringify(DEFAULT_CONFIG)}`,
    });
    return { config: {}, diagnostics: [...diags.items] };
  }
  const config: { -readonly [K in keyof Config]?: Config[K] } = {};
  const seen = new Set<string>();
  for (const property of tree.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || typeof keyNode.value !== "string") continue;
    const key = keyNode.value;
    if (!KEYS.includes(key)) {
      const near = nearest(key, KEYS);
      diags.error("CONFIG_UNKNOWN_KEY", `Unknown config key \`${key}\``, {
        ...at(keyNode.offset),
        pointer: pointer(key),
        hint: `${near ? `Did you mean \`${near}\`? ` : ""}Known keys: ${KEYS.filter((k) => k !== "$schema").join(", ")}.`,
      });
      continue;
    }
    if (seen.has(key)) {
      diags.error("CONFIG_DUPLICATE_KEY", `The config key \`${key}\` appears twice`, {
        ...at(keyNode.offset),
        pointer: pointer(key),
        hint: "Keep one of them.",
      });
      continue;
    }
    seen.add(key);
    if (valueNode === undefined) continue;
    if (key === "format") {
      if (valueNode.type !== "boolean") {
        diags.error("CONFIG_TYPE", `The config key \`format\` must be true or false, not ${describeNode(valueNode)}`, {
          ...at(valueNode.offset),
          pointer: pointer(key),
          hint: 'For example: "format": false',
        });
      } else {
        config.format = valueNode.value as boolean;
      }
      continue;
    }
    if (valueNode.type !== "string") {
      diags.error("CONFIG_TYPE", `The config key \`${key}\` must be a string (a path), not ${describeNode(valueNode)}`, {
        ...at(valueNode.offset),
        pointer: pointer(key),
        hint: key === "$schema" ? "Remove it or give a URL." : `For example: "${key}": ${JSON.stringify(DEFAULT_CONFIG[key as keyof Config])}`,
      });
      continue;
    }
    const value = valueNode.value as string;
    if (key === "$schema") continue;
    if (value.trim() === "") {
      diags.error("CONFIG_EMPTY_PATH", `The config key \`${key}\` must not be empty`, {
        ...at(valueNode.offset),
        pointer: pointer(key),
        hint: `The default is ${JSON.stringify(DEFAULT_CONFIG[key as keyof Config])}.`,
      });
      continue;
    }
    if (PATH_KEYS.has(key)) config[key as "models" | "out" | "templates"] = value;
  }
  return { config, diagnostics: [...diags.items] };
}

/** Reads the config (if any) and applies defaults and flags. Never throws for a user's mistake. */
export function resolveOptions(overrides: OptionOverrides): OptionsResult {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const explicit = overrides.config !== undefined;
  const configPath = resolve(overrides.cwd, overrides.config ?? CONFIG_FILE);
  const root = explicit ? dirname(configPath) : overrides.cwd;
  let config: Partial<Config> = {};
  let configFile: string | undefined;
  const shown = displayPath(overrides.cwd, configPath);
  if (existsSync(configPath) && !statSync(configPath).isDirectory()) {
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
      diagnostics.push(...parsed.diagnostics);
      config = parsed.config;
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
    templatesExplicit: config.templates !== undefined,
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

function describeNode(node: Node): string {
  switch (node.type) {
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "null":
      return "null";
    case "number":
      return `the number ${String(node.value)}`;
    case "boolean":
      return `\`${String(node.value)}\``;
    default:
      return `a ${node.type}`;
  }
}
