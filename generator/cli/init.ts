// `shapesmith init`: starts a project in the working directory. Writes a commented
// shapesmith.config.json (with `$schema`, for completion in editors), an example model and a
// `generate` npm script. Never overwrites a file: what exists is kept and reported.
//
//   (empty folder) shapesmith init
//   → created shapesmith.config.json
//     created models/weather.smithy
//     created package.json with the npm script "generate": "shapesmith generate"
//     Next: npm install --save-dev shapesmith, then npm run generate

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { CONFIG_FILE, DEFAULT_CONFIG } from "../options.js";
import type { Io } from "./io.js";

/** Where an installed package's schema is, relative to a project's root. */
export const SCHEMA_PATH = "./node_modules/shapesmith/dist/config.schema.json";

export const CONFIG_TEXT = `// Shapesmith configuration. Paths are relative to this file; unknown keys are errors.
// Every key is optional: these are the defaults. See \`shapesmith --help\`.
{
  "$schema": "${SCHEMA_PATH}",
  // Each file in this folder is one model (.smithy, .json, .yaml, .yml), named after the file;
  // each subfolder is one model made of all its files.
  "models": ${JSON.stringify(DEFAULT_CONFIG.models)},
  // Replaced as a whole on every run: one subfolder per model.
  "out": ${JSON.stringify(DEFAULT_CONFIG.out)},
  // What each model gets: "types" always; "serializers", "validators", "redact" as you like.
  "artifacts": [${DEFAULT_CONFIG.artifacts.map((a) => JSON.stringify(a)).join(", ")}],
  // Settings of single models, by name, e.g. { "weather": { "out": "src/weather", "artifacts": ["types"] } }
  "perModel": {}
}
`;

export const EXAMPLE_MODEL = `$version: "2.0"

namespace example.weather

use aws.protocols#awsJson1_1

/// A weather service: the example model of \`shapesmith init\`. Replace it with your own.
@awsJson1_1
service Weather {
    version: "2024-01-01"
    operations: [GetForecast]
}

/// Returns the forecast for a city.
operation GetForecast {
    input := {
        /// The city, e.g. "Oslo".
        @required
        @length(min: 1, max: 64)
        city: String

        /// How many days ahead, 1 to 14.
        @range(min: 1, max: 14)
        days: Integer
    }
}
`;

const SCRIPT = "shapesmith generate";

export function runInit(io: Io, quiet: boolean): number {
  const lines: string[] = [];
  const at = (path: string) => join(io.cwd, path);
  const create = (path: string, text: string) => {
    if (existsSync(at(path))) {
      lines.push(`kept    ${path} (it exists)`);
      return;
    }
    mkdirSync(dirname(at(path)), { recursive: true });
    writeFileSync(at(path), text, { flag: "wx" });
    lines.push(`created ${path}`);
  };
  create(CONFIG_FILE, CONFIG_TEXT);
  const models = at(DEFAULT_CONFIG.models);
  if (existsSync(models) && readdirSync(models).some((f) => !f.startsWith("."))) {
    lines.push(`kept    ${DEFAULT_CONFIG.models}/ (it holds files; no example model added)`);
  } else {
    create(`${DEFAULT_CONFIG.models}/weather.smithy`, EXAMPLE_MODEL);
  }
  const pkgPath = at("package.json");
  if (!existsSync(pkgPath)) {
    const name = basename(io.cwd).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+/, "") || "my-service";
    writeFileSync(pkgPath, JSON.stringify({ name, private: true, scripts: { generate: SCRIPT } }, null, 2) + "\n", { flag: "wx" });
    lines.push(`created package.json with the npm script "generate": "${SCRIPT}"`);
  } else {
    const result = addScript(readFileSync(pkgPath, "utf8"));
    if (result.kind === "added") {
      writeFileSync(pkgPath, result.text);
      lines.push(`added   the npm script "generate": "${SCRIPT}" to package.json`);
    } else if (result.kind === "exists") {
      lines.push(`kept    the npm script "generate" of package.json: ${JSON.stringify(result.script)}`);
    } else {
      io.stderr(`error INIT_PACKAGE_JSON: package.json is not a JSON object, so no npm script was added\nhint: Fix package.json, then run shapesmith init again (it keeps what exists).\n`);
      if (!quiet) io.stdout(lines.join("\n") + "\n");
      return 1;
    }
  }
  if (!quiet) {
    lines.push("Next: npm install --save-dev shapesmith (if it is not installed), then npm run generate");
    io.stdout(lines.join("\n") + "\n");
  }
  return 0;
}

type ScriptResult = { kind: "added"; text: string } | { kind: "exists"; script: unknown } | { kind: "invalid" };

/** Adds `scripts.generate`, keeping the file's indentation and key order. */
export function addScript(text: string): ScriptResult {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch {
    return { kind: "invalid" };
  }
  if (typeof pkg !== "object" || pkg === null || Array.isArray(pkg)) return { kind: "invalid" };
  const record = pkg as Record<string, unknown>;
  const scripts = record.scripts;
  if (scripts !== undefined && (typeof scripts !== "object" || scripts === null || Array.isArray(scripts))) return { kind: "invalid" };
  const existing = (scripts as Record<string, unknown> | undefined)?.generate;
  if (existing !== undefined) return { kind: "exists", script: existing };
  record.scripts = { ...(scripts as object | undefined), generate: SCRIPT };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
  return { kind: "added", text: JSON.stringify(record, null, indent) + (text.endsWith("\n") ? "\n" : "") };
}
