// The output folder on disk: compare it with a generated tree (`--check`), or replace it with one
// atomically.
//
//   compareTree("/p/generated", new Map([["a/types.ts", "..."]]))
//   → { stale: ["a/types.ts"], missing: [], extra: ["old/index.ts"], exists: true }
//   replaceTree("/p/generated", files)
//   → writes /p/.generated.shapesmith-<id>/..., then renames generated → backup, new → generated,
//     and removes the backup. If anything fails before the swap, `generated/` is untouched.

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface TreeComparison {
  /** Files whose content differs. Paths are relative and `/`-separated, sorted. */
  readonly stale: readonly string[];
  /** Files that would be generated but are not on disk. */
  readonly missing: readonly string[];
  /** Files on disk that would not be generated (they would be removed). */
  readonly extra: readonly string[];
  /** Whether the output folder exists at all. */
  readonly exists: boolean;
}

/** Thrown when the output path exists but is not a folder. */
export class NotAFolderError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists and is not a folder`);
    this.name = "NotAFolderError";
  }
}

/** Compares the folder `out` with the tree `files` (relative path → content). Reads only. */
export function compareTree(out: string, files: ReadonlyMap<string, string>): TreeComparison {
  const exists = folderExists(out);
  const onDisk = exists ? listFiles(out) : [];
  const onDiskSet = new Set(onDisk);
  const stale: string[] = [];
  const missing: string[] = [];
  for (const [path, content] of files) {
    if (!onDiskSet.has(path)) {
      missing.push(path);
      continue;
    }
    let actual: Buffer;
    try {
      actual = readFileSync(join(out, path));
    } catch {
      stale.push(path);
      continue;
    }
    if (!actual.equals(Buffer.from(content, "utf8"))) stale.push(path);
  }
  const extra = onDisk.filter((path) => !files.has(path));
  return { stale: stale.sort(), missing: missing.sort(), extra: extra.sort(), exists };
}

/** True when the comparison found no difference (and the folder exists, or nothing is generated). */
export function isUpToDate(c: TreeComparison): boolean {
  return c.stale.length === 0 && c.missing.length === 0 && c.extra.length === 0;
}

/**
 * Replaces the folder `out` with exactly `files`: the new tree is written to a sibling temporary
 * folder first, then swapped in with renames. On failure the old folder is left as it was and
 * the temporary folder is removed; the error is rethrown.
 */
export function replaceTree(out: string, files: ReadonlyMap<string, string>): void {
  for (const path of files.keys()) assertSafeRelativePath(path);
  const parent = dirname(out);
  const exists = folderExists(out);
  mkdirSync(parent, { recursive: true });
  const id = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const temp = join(parent, `.${basename(out)}.shapesmith-${id}`);
  const backup = `${temp}.old`;
  try {
    mkdirSync(temp);
    const made = new Set<string>([temp]);
    for (const [path, content] of files) {
      const target = join(temp, ...path.split("/"));
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(target, content);
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  if (!exists) {
    try {
      renameSync(temp, out);
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      throw error;
    }
    return;
  }
  try {
    renameSync(out, backup);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  try {
    renameSync(temp, out);
  } catch (error) {
    renameSync(backup, out);
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  rmSync(backup, { recursive: true, force: true });
}

/** Whether `path` is an existing folder; throws NotAFolderError when it exists as something else. */
export function folderExists(path: string): boolean {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return false;
  }
  if (!stat.isDirectory()) throw new NotAFolderError(path);
  return true;
}

/** Every file (not folder) under `root`, relative and `/`-separated, sorted; dotfiles included. */
export function listFiles(root: string): string[] {
  const result: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel + "/");
      else result.push(rel);
    }
  };
  walk(root, "");
  return result.sort();
}

function assertSafeRelativePath(path: string): void {
  const parts = path.split("/");
  if (path === "" || path.startsWith("/") || path.includes("\\") || path.includes("\0") ||
      parts.some((p) => p === "" || p === "." || p === "..")) {
    throw new Error(`Refusing to write a generated file outside the output folder: ${JSON.stringify(path)}`);
  }
}
