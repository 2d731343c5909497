// The output folder functions in-process: comparing a tree with the disk, and replacing a folder
// through the journal protocol, including writes that fail before, after and long after the
// commit point, a held or stale lock, and leftovers of the earlier protocol. (Kills of the real
// CLI: kill.test.ts.)

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  CleanupError,
  compareTree,
  NotAFolderError,
  OutputBusyError,
  pendingLeftovers,
  recoverOutput,
  replaceTree,
  stageFile,
  StagedWrite,
  WriteIncompleteError,
} from "../../generator/cli/output.js";
import { recoveryDiagnostics, writeFailure } from "../../generator/cli/output-report.js";
import { makeProject, removeProject, treeHash, writeFile } from "./helpers.js";
import { ROOT } from "../helpers/paths.js";

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

/** A step hook that throws a file-system error at the first step whose description starts with `prefix`. */
function failAt(prefix: string): (what: string) => void {
  let failed = false;
  return (what) => {
    if (!failed && what.startsWith(prefix)) {
      failed = true;
      throw Object.assign(new Error(`EIO: i/o error, simulated at "${what}"`), { code: "EIO" });
    }
  };
}

describe("replaceTree: the journal protocol", () => {
  const OLD = { "a/same.ts": "same", "a/changed.ts": "old", "gone/x.ts": "x", "gone/deep/y.ts": "y" };
  const NEW = tree({ "a/same.ts": "same", "a/changed.ts": "new", "b/new.ts": "b" });
  const snapshot = (out: string) => Object.fromEntries(readdirSync(out, { recursive: true, encoding: "utf8" }).sort().map((p) => {
    const full = join(out, p);
    return [p, statSync(full).isDirectory() ? "<dir>" : readFileSync(full, "utf8")];
  }));
  const NEW_SNAPSHOT = { a: "<dir>", "a/changed.ts": "new", "a/same.ts": "same", b: "<dir>", "b/new.ts": "b" };

  it("touches only what changed: an unchanged file keeps its inode; emptied folders go", () => {
    const dir = project(Object.fromEntries(Object.entries(OLD).map(([p, c]) => [`out/${p}`, c])));
    const out = join(dir, "out");
    const inode = statSync(join(out, "a/same.ts")).ino;
    const result = replaceTree(out, NEW);
    expect(result.comparison).toEqual({ stale: ["a/changed.ts"], missing: ["b/new.ts"], extra: ["gone/deep/y.ts", "gone/x.ts"], exists: true });
    expect(result.recovery).toEqual([]);
    expect(snapshot(out)).toEqual(NEW_SNAPSHOT);
    expect(statSync(join(out, "a/same.ts")).ino).toBe(inode);
    expect(readdirSync(dir)).toEqual(["out"]);
    // Nothing differs: nothing is written, no work folder appears.
    const steps: string[] = [];
    expect(replaceTree(out, NEW, { step: (w) => void steps.push(w) }).comparison.stale).toEqual([]);
    expect(steps).toEqual(["create the work folder and its lock", "release the lock", "remove the work folder"]);
  });

  it("a file may replace a folder and a folder a file", () => {
    const dir = project({ "out/x/inner.ts": "1", "out/y": "2" });
    const out = join(dir, "out");
    replaceTree(out, tree({ x: "file now", "y/inner.ts": "folder now" }));
    expect(snapshot(out)).toEqual({ x: "file now", y: "<dir>", "y/inner.ts": "folder now" });
  });

  it("a failure before the commit leaves the folder untouched and removes the work folder", () => {
    for (const at of ["stage a/changed.ts", "stage b/new.ts", "write journal.tmp", "commit"]) {
      const dir = project(Object.fromEntries(Object.entries(OLD).map(([p, c]) => [`out/${p}`, c])));
      const out = join(dir, "out");
      const before = snapshot(out);
      let caught: unknown;
      try {
        replaceTree(out, NEW, { step: failAt(at) });
      } catch (error) {
        caught = error;
      }
      expect((caught as NodeJS.ErrnoException).code, at).toBe("EIO");
      expect(snapshot(out), at).toEqual(before);
      expect(readdirSync(dir), at).toEqual(["out"]);
      expect(writeFailure(caught, dir, out)?.message).toBe("Cannot write `out/` (EIO): EIO: i/o error, simulated at \"" + at + (at === "commit" ? ": rename journal.tmp to journal" : "") + "\"; it was left as it was");
    }
  });

  it("a failure after the commit says the folder is partly updated; the next run finishes the write", () => {
    const dir = project(Object.fromEntries(Object.entries(OLD).map(([p, c]) => [`out/${p}`, c])));
    const out = join(dir, "out");
    let caught: unknown;
    try {
      replaceTree(out, NEW, { step: failAt("put b/") }); // b/ is new: renamed whole from stage/
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WriteIncompleteError);
    const e = caught as WriteIncompleteError;
    expect([e.done, e.total]).toEqual([3, 4]); // two deletes and one put went through
    expect(snapshot(out)).toEqual({ a: "<dir>", "a/changed.ts": "new", "a/same.ts": "same" });
    expect(writeFailure(caught, dir, out)).toEqual({
      code: "OUT_WRITE_INCOMPLETE",
      severity: "error",
      message:
        "Writing `out/` stopped after 3 of 4 changes (EIO: i/o error, simulated at \"put b/\"): it is partly updated. " +
        "The journal in `.out.shapesmith/` records the rest",
      hint: "Fix the cause (permissions, disk space), then run the same command again: it finishes the write first.",
    });
    expect(pendingLeftovers(out)).toEqual([join(dir, ".out.shapesmith")]);
    const recovered = recoverOutput(out);
    expect(recovered).toEqual([{ kind: "rolled-forward", work: join(dir, ".out.shapesmith"), deleted: 2, put: 2 }]);
    expect(recoveryDiagnostics(recovered, dir, out).map((d) => d.message)).toEqual([
      "An earlier run was interrupted after it committed its write to `out/`: finished it (2 written, 2 deleted, from `.out.shapesmith/`); `out/` is that run's output",
    ]);
    expect(snapshot(out)).toEqual(NEW_SNAPSHOT);
    expect(readdirSync(dir)).toEqual(["out"]);
    expect(pendingLeftovers(out)).toEqual([]);
  });

  it("a folder the output folder lacks is renamed whole from stage/, one step; the rest file by file", () => {
    const dir = project({ "out/a/same.ts": "same", "out/a/changed.ts": "old" });
    const out = join(dir, "out");
    const files = tree({ "a/same.ts": "same", "a/changed.ts": "new", "a/sub/x.ts": "x", "b/one.ts": "1", "b/deep/two.ts": "2", "top.ts": "t" });
    const steps: string[] = [];
    replaceTree(out, files, { step: (w) => void steps.push(w) });
    expect(steps.filter((w) => w.startsWith("put "))).toEqual(["put a/changed.ts", "put a/sub/", "put b/", "put top.ts"]);
    expect(snapshot(out)).toEqual({
      a: "<dir>", "a/changed.ts": "new", "a/same.ts": "same", "a/sub": "<dir>", "a/sub/x.ts": "x",
      b: "<dir>", "b/deep": "<dir>", "b/deep/two.ts": "2", "b/one.ts": "1", "top.ts": "t",
    });
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("a staged folder holding a file the journal does not put is not renamed whole", () => {
    const dir = project({ "out/a/same.ts": "same" });
    const out = join(dir, "out");
    const steps: string[] = [];
    const write = StagedWrite.open(out, { step: (w) => void steps.push(w) });
    const made = new Set<string>();
    stageFile(write.work, "b/one.ts", "1", write.step, made);
    stageFile(write.work, "b/stray.ts", "not in the journal", write.step, made);
    write.commit({ stale: [], missing: ["b/one.ts"], extra: [], exists: true });
    expect(steps.filter((w) => w.startsWith("put "))).toEqual(["put b/one.ts"]);
    expect(snapshot(out)).toEqual({ a: "<dir>", "a/same.ts": "same", b: "<dir>", "b/one.ts": "1" });
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("after a failure past a folder's whole rename, the next run finishes the rest", () => {
    const dir = project({ "out/a/changed.ts": "old" });
    const out = join(dir, "out");
    const files = tree({ "a/changed.ts": "new", "b/one.ts": "1", "b/two.ts": "2", "c/three.ts": "3" });
    expect(() => replaceTree(out, files, { step: failAt("put c/") })).toThrow(WriteIncompleteError);
    expect(snapshot(out)).toEqual({ a: "<dir>", "a/changed.ts": "new", b: "<dir>", "b/one.ts": "1", "b/two.ts": "2" });
    expect(recoverOutput(out)).toEqual([{ kind: "rolled-forward", work: join(dir, ".out.shapesmith"), deleted: 0, put: 4 }]);
    expect(snapshot(out)).toEqual({ a: "<dir>", "a/changed.ts": "new", b: "<dir>", "b/one.ts": "1", "b/two.ts": "2", c: "<dir>", "c/three.ts": "3" });
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("a failure while cleaning up says the new tree is in place", () => {
    const dir = project(Object.fromEntries(Object.entries(OLD).map(([p, c]) => [`out/${p}`, c])));
    const out = join(dir, "out");
    let caught: unknown;
    try {
      replaceTree(out, NEW, { step: failAt("remove journal") });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CleanupError);
    expect(snapshot(out)).toEqual(NEW_SNAPSHOT);
    expect(writeFailure(caught, dir, out)?.message).toBe(
      "`out/` was written, but `.out.shapesmith/` could not be removed (EIO: i/o error, simulated at \"remove journal\")",
    );
    // The journal is still there: the next run redoes the (finished) apply, which changes nothing.
    const result = replaceTree(out, NEW);
    expect(result.recovery).toEqual([{ kind: "rolled-forward", work: join(dir, ".out.shapesmith"), deleted: 2, put: 2 }]);
    expect(snapshot(out)).toEqual(NEW_SNAPSHOT);
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  // Needs a second file system: skipped (and counted as skipped) where /dev/shm is not one.
  const elsewhere = "/dev/shm";
  const secondFileSystem = existsSync(elsewhere) && statSync(elsewhere).dev !== statSync(ROOT).dev;
  it.skipIf(!secondFileSystem)("a folder on another file system than its parent (a symlink or mount) is refused before the commit, untouched", () => {
    const target = mkdtempSync(join(elsewhere, "shapesmith-out-"));
    try {
      writeFileSync(join(target, "a.ts"), "a");
      const dir = project();
      const out = join(dir, "out");
      symlinkSync(target, out);
      let caught: unknown;
      try {
        replaceTree(out, tree({ "a.ts": "b" }));
      } catch (error) {
        caught = error;
      }
      expect((caught as NodeJS.ErrnoException).code).toBe("EXDEV");
      expect(writeFailure(caught, dir, out)?.message).toMatch(/^Cannot write `out\/` \(EXDEV\): .* is on another file system than .*; it was left as it was$/);
      expect(readFileSync(join(target, "a.ts"), "utf8")).toBe("a");
      expect(readdirSync(dir)).toEqual(["out"]);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  it("a lock held by a live process refuses the write; a dead holder's lock is stale", () => {
    const dir = project({ "out/a.ts": "a" });
    const out = join(dir, "out");
    mkdirSync(join(dir, ".out.shapesmith"));
    writeFileSync(join(dir, ".out.shapesmith/lock"), JSON.stringify({ pid: process.pid }));
    expect(() => replaceTree(out, tree({ "a.ts": "b" }))).toThrow(OutputBusyError);
    expect(() => recoverOutput(out)).toThrow(OutputBusyError);
    expect(readFileSync(join(out, "a.ts"), "utf8")).toBe("a");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(join(dir, ".out.shapesmith/lock"), JSON.stringify({ pid: dead }));
    expect(replaceTree(out, tree({ "a.ts": "b" })).recovery).toEqual([]);
    expect(readFileSync(join(out, "a.ts"), "utf8")).toBe("b");
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("an unreadable journal is not trusted: the staged files are discarded, the folder left as it is", () => {
    const dir = project({ "out/a.ts": "a", ".out.shapesmith/journal": "{\"format\":\"shapesmith-journal/1\",\"put\":[\"../evil\"],\"delete\":[]}", ".out.shapesmith/stage/x": "x" });
    const out = join(dir, "out");
    expect(recoverOutput(out)).toEqual([{ kind: "rolled-back", work: join(dir, ".out.shapesmith") }]);
    expect(snapshot(out)).toEqual({ "a.ts": "a" });
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("removes leftovers of the earlier whole-folder swap, putting a missing folder's backup back", () => {
    const dir = project({
      ".out.shapesmith-41-0123abcd/a.ts": "new",
      ".out.shapesmith-41-0123abcd.old/a.ts": "old",
      ".other.shapesmith-41-0123abcd/a.ts": "someone else's",
    });
    const out = join(dir, "out");
    expect(pendingLeftovers(out)).toEqual([join(dir, ".out.shapesmith-41-0123abcd"), join(dir, ".out.shapesmith-41-0123abcd.old")]);
    const recovered = recoverOutput(out);
    expect(recovered).toEqual([{ kind: "legacy", removed: [join(dir, ".out.shapesmith-41-0123abcd")], restored: join(dir, ".out.shapesmith-41-0123abcd.old") }]);
    expect(recoveryDiagnostics(recovered, dir, out).map((d) => d.message)).toEqual([
      "`out/` was missing after an interrupted run: renamed its backup `.out.shapesmith-41-0123abcd.old` back. Removed a temporary folder left by an earlier run: `.out.shapesmith-41-0123abcd`",
    ]);
    expect(snapshot(out)).toEqual({ "a.ts": "old" });
    expect(readdirSync(dir).sort()).toEqual([".other.shapesmith-41-0123abcd", "out"]);
    expect(existsSync(join(dir, ".out.shapesmith"))).toBe(false);
  });
});
