// Picks the formatter of one output folder, from the config's `formatter` ("auto" by default)
// and the prettier config that prettier itself would find for a file of that folder.
//
//   formatterFor("auto", "/p/generated")      with /p/.prettierrc = { "semi": false }
//   → { formatter: { name: "prettier", config: { semi: false } }, configFile: "/p/.prettierrc", diagnostics: [] }
//   formatterFor("auto", "/p/generated")      with no prettier config up to /
//   → { formatter: { name: "oxfmt" }, diagnostics: [] }
//   formatterFor("prettier", "/p/generated")  with none → { formatter: { name: "prettier" } } (Shapesmith's layout)
//   formatterFor("oxfmt", "/p/generated")     → oxfmt, whatever prettier config exists
//
// The search is prettier's: from the output folder up to the file system root, the first folder
// holding one of prettier's config files (`.prettierrc`, `.prettierrc.json`, `prettier.config.js`,
// ..., or a package.json / package.yaml with a `prettier` key). Finding none costs a few stat
// calls; only when one exists is prettier's Node entry loaded, to read it exactly as prettier does
// (`resolveConfig`: its `overrides` for a `.ts` file of the folder, `.editorconfig` as the prettier
// CLI reads it, plugins by name), and it formats a one-line file once, so a broken config or a
// missing plugin is a diagnostic here, not a crash later.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { Formatter } from "../format.js";
import type { FormatterChoice } from "../options.js";

/** prettier 3's config file names, in its search order (package.json/yaml only with a `prettier` key). */
export const PRETTIER_CONFIG_FILES = [
  "package.json",
  "package.yaml",
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.json5",
  ".prettierrc.js",
  ".prettierrc.ts",
  ".prettierrc.mjs",
  ".prettierrc.mts",
  ".prettierrc.cjs",
  ".prettierrc.cts",
  "prettier.config.js",
  "prettier.config.ts",
  "prettier.config.mjs",
  "prettier.config.mts",
  "prettier.config.cjs",
  "prettier.config.cts",
  ".prettierrc.toml",
] as const;

export interface FormatterResult {
  readonly formatter: Formatter;
  /** The prettier config used, when one was found and read. */
  readonly configFile?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The first prettier config file from `dir` up to the root, as prettier searches; undefined when none. */
export function findPrettierConfig(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    for (const name of PRETTIER_CONFIG_FILES) {
      const file = join(current, name);
      if (existsSync(file) && holdsConfig(file, name)) return file;
    }
    if (dirname(current) === current) return undefined;
  }
}

function holdsConfig(file: string, name: string): boolean {
  try {
    if (name === "package.json") return Object.hasOwn(JSON.parse(readFileSync(file, "utf8")) as object, "prettier");
    if (name === "package.yaml") return /^prettier\s*:/m.test(readFileSync(file, "utf8"));
    return true;
  } catch {
    // A package.json prettier cannot read either: not a config (prettier skips it too).
    return false;
  }
}

export async function formatterFor(choice: FormatterChoice, out: string): Promise<FormatterResult> {
  if (choice === "oxfmt") return { formatter: { name: "oxfmt" }, diagnostics: [] };
  const configFile = findPrettierConfig(out);
  if (configFile === undefined) return { formatter: choice === "prettier" ? { name: "prettier" } : { name: "oxfmt" }, diagnostics: [] };
  try {
    const prettier = await import("prettier");
    const config = (await prettier.resolveConfig(join(out, "index.ts"), { config: configFile, editorconfig: true })) ?? {};
    // The first use loads its plugins: a missing one is the user's to fix, named here.
    await prettier.format("export {};\n", { ...config, parser: "typescript" });
    return { formatter: { name: "prettier", config }, configFile, diagnostics: [] };
  } catch (error) {
    return {
      formatter: { name: "oxfmt" },
      diagnostics: [
        {
          code: "FORMAT_PRETTIER_CONFIG",
          severity: "error",
          message: `The prettier config for the output folder cannot be used: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
          file: configFile,
          hint: "Shapesmith formats with prettier and this config when it finds one for the output folder. Fix the config (or install its plugins), or set \"formatter\": \"oxfmt\" in shapesmith.config.json (or pass --formatter oxfmt) to ignore it.",
        },
      ],
    };
  }
}
