// Reads the templates from disk: the package's own (the defaults), each replaced by the file of
// the same name in a user's templates folder. Compiling is pure (generator/templates.ts).
//
//   readTemplateSources("/p/templates")   // /p/templates holds header.hbs only
//   → { sources: { "header.hbs": <user's>, "index.ts.hbs": <built-in>, "runtime.ts.hbs": <built-in> },
//       files: { "header.hbs": "/p/templates/header.hbs", ... }, builtin: Set { "index.ts.hbs", "runtime.ts.hbs", ... } }

import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostics } from "../diagnostics.js";
import { compileTemplates, TEMPLATE_NAMES, type Templates } from "../templates.js";
import { packageRoot } from "./package-root.js";

/**
 * The package's own templates folder: `dist/templates/` next to the bundle in the published
 * package, `templates/` at the root of the repository when the sources run.
 */
export function builtinTemplatesDir(): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), "templates");
  return existsSync(join(beside, TEMPLATE_NAMES[0])) ? beside : join(packageRoot(), "templates");
}

/**
 * Reads the templates: the built-in ones, each replaced by the file of the same name in
 * `userDir` when there is one (`builtin`: the names still read from the package). Unknown
 * `.hbs` files in `userDir` are warnings.
 */
export function readTemplateSources(
  userDir: string | undefined,
  diags?: Diagnostics,
  builtinDir: string = builtinTemplatesDir(),
): { sources: Record<string, string>; files: Record<string, string>; builtin: Set<string> } {
  const sources: Record<string, string> = {};
  const files: Record<string, string> = {};
  const builtin = new Set<string>();
  const userFiles = userDir === undefined ? [] : listDir(userDir);
  for (const name of TEMPLATE_NAMES) {
    const dir = userFiles.includes(name) && userDir !== undefined ? userDir : builtinDir;
    const file = join(dir, name);
    const text = readText(file);
    if (text !== undefined) {
      sources[name] = text;
      files[name] = file;
      if (dir === builtinDir) builtin.add(name);
    }
  }
  for (const extra of userFiles) {
    if (extra.endsWith(".hbs") && !(TEMPLATE_NAMES as readonly string[]).includes(extra)) {
      diags?.warning("TEMPLATE_UNKNOWN", `The template \`${extra}\` is not used by Shapesmith`, {
        file: join(userDir ?? "", extra),
        hint: `Templates Shapesmith reads: ${TEMPLATE_NAMES.join(", ")}.`,
      });
    }
  }
  return { sources, files, builtin };
}

/** Reads and compiles the templates (see readTemplateSources); throws DiagnosticError. */
export function loadTemplates(userDir?: string, diags?: Diagnostics): Templates {
  const { sources, files, builtin } = readTemplateSources(userDir, diags);
  return compileTemplates(sources, files, builtin);
}

function listDir(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir) : [];
  } catch {
    return [];
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

