// Helpers for the CLI tests: temporary projects under .tmp/, running the real CLI
// (`node bin/shapesmith.js`), hashing a folder, and finding a line:column in a fixture.
//
//   const dir = makeProject({ "models/weather.json": WEATHER });
//   runCli(["generate", "--check"], dir) → { code: 1, stdout: "generated/ is out of date...", stderr: "" }

import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin", "shapesmith.js");
const TMP = join(ROOT, ".tmp");

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Creates a fresh folder under .tmp/ with the given files (relative path → text). */
export function makeProject(files: Readonly<Record<string, string>> = {}, label = "cli"): string {
  const dir = join(TMP, `${label}-${process.pid}-${randomBytes(4).toString("hex")}`);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFile(dir, path, text);
  return dir;
}

export function writeFile(dir: string, path: string, text: string): void {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs the real CLI in `cwd` (with `env` added to the environment). */
export function runCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` (relative, sorted). */
export function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.push(prefix + e.name);
    }
  };
  walk(dir, "");
  return out.sort();
}

/** A hash of every file's path and bytes under `dir` ("absent" when it does not exist). */
export function treeHash(dir: string): string {
  if (!existsSync(dir)) return "absent";
  const hash = createHash("sha256");
  for (const path of listTree(dir)) {
    hash.update(path + "\0");
    hash.update(readFileSync(join(dir, path)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** 1-based line and column of the `nth` occurrence of `needle` in `text` (throws when absent). */
export function positionOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}

/**
 * A small Smithy JSON AST model of our own: a service with one awsJson1_1 operation.
 * The layout is fixed: tests derive exact positions from it.
 */
export const WEATHER = `{
  "smithy": "2.0",
  "shapes": {
    "example.weather#Weather": {
      "type": "service",
      "version": "2024-01-01",
      "operations": [{ "target": "example.weather#GetForecast" }],
      "traits": { "aws.protocols#awsJson1_1": {} }
    },
    "example.weather#GetForecast": {
      "type": "operation",
      "input": { "target": "example.weather#GetForecastInput" }
    },
    "example.weather#GetForecastInput": {
      "type": "structure",
      "members": {
        "city": { "target": "example.weather#CityName", "traits": { "smithy.api#required": {} } },
        "days": { "target": "smithy.api#Integer" }
      }
    },
    "example.weather#CityName": {
      "type": "string",
      "traits": { "smithy.api#length": { "min": 1, "max": 64 } }
    }
  }
}
`;
