// The output folder functions in-process: comparing a tree with the disk, and replacing a folder
// atomically, including a write that fails halfway.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareTree, NotAFolderError, replaceTree } from "../../generator/cli/output.js";
import { makeProject, removeProject, treeHash, writeFile } from "./helpers.js";

const projects: string[] = [];
function project(files: Record<string, string> = {}): string {
  const dir = makeProject(files, "cli-output");
  projects.push(dir);
  return dir;
}
afterAll(() => projects.forEach(removeProject));

const tree = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe("compareTree", () => {
  it("lists stale, missing and extra files, sorted", () => {
    const dir = project({ "out/a/same.ts": "same\n", "out/a/changed.ts": "old\n", "out/z-extra.ts": "", "out/a/.hidden": "" });
    const c = compareTree(join(dir, "out"), tree({ "a/same.ts": "same\n", "a/changed.ts": "new\n", "b/new.ts": "x", "a/also-new.ts": "y" }));
    expect(c).toEqual({ stale: ["a/changed.ts"], missing: ["a/also-new.ts", "b/new.ts"], extra: ["a/.hidden", "z-extra.ts"], exists: true });
  });

  it("a missing folder: everything is missing; a file in its place is an error", () => {
    const dir = project({ "file": "x" });
    expect(compareTree(join(dir, "out"), tree({ "a.ts": "" }))).toEqual({ stale: [], missing: ["a.ts"], extra: [], exists: false });
    expect(() => compareTree(join(dir, "file"), tree({}))).toThrow(NotAFolderError);
  });

  it("compares bytes: a different line ending is stale", () => {
    const dir = project({ "out/a.ts": "x\r\n" });
    expect(compareTree(join(dir, "out"), tree({ "a.ts": "x\n" })).stale).toEqual(["a.ts"]);
  });
});

describe("replaceTree", () => {
  it("replaces the folder with exactly the new tree and leaves no temporary folder", () => {
    const dir = project({ "out/old.ts": "old", "out/keep/a.ts": "a0" });
    const out = join(dir, "out");
    replaceTree(out, tree({ "keep/a.ts": "a1", "new/b.ts": "b" }));
    expect(readFileSync(join(out, "keep/a.ts"), "utf8")).toBe("a1");
    expect(compareTree(out, tree({ "keep/a.ts": "a1", "new/b.ts": "b" })).extra).toEqual([]);
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("creates the folder and its parents when they do not exist", () => {
    const dir = project();
    replaceTree(join(dir, "x/y/out"), tree({ "a.ts": "a" }));
    expect(readFileSync(join(dir, "x/y/out/a.ts"), "utf8")).toBe("a");
    expect(readdirSync(join(dir, "x/y"))).toEqual(["out"]);
  });

  it("a write that fails halfway leaves the old folder byte for byte as it was", () => {
    const dir = project({ "out/a.ts": "a", "out/sub/b.ts": "b" });
    const out = join(dir, "out");
    const before = treeHash(out);
    // `x` is written as a file, then `x/y.ts` needs `x` to be a folder: the write fails.
    expect(() => replaceTree(out, tree({ "a.ts": "changed", "x": "file", "x/y.ts": "y" }))).toThrow();
    expect(treeHash(out)).toBe(before);
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("refuses paths that leave the folder", () => {
    const dir = project({ "out/a.ts": "a" });
    const out = join(dir, "out");
    for (const bad of ["../escape.ts", "/abs.ts", "a/../../b.ts", "", "a//b.ts"]) {
      expect(() => replaceTree(out, tree({ [bad]: "x" }))).toThrow(/outside the output folder/);
    }
    expect(readdirSync(dirname(out))).toEqual(["out"]);
    writeFile(dir, "out/b.ts", "b");
    expect(readdirSync(out).sort()).toEqual(["a.ts", "b.ts"]);
  });
});
