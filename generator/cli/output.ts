// The output folder on disk: compare it with a generated tree (`--check`), and bring it to a new
// tree so that a failure or a `kill -9` at any moment leaves it in a state the next run repairs.
//
//   compareTree("/p/generated", new Map([["a/types.ts", "..."]]))
//   → { stale: ["a/types.ts"], missing: [], extra: ["old/index.ts"], exists: true }
//   replaceTree("/p/generated", files)
//   → { comparison: <as above>, recovery: { kind: "none", ... } }
//     having written a/types.ts and removed old/index.ts (and the folder old/), nothing else
//
// ## The write protocol: stage, commit a journal, apply, clean up
//
// Everything a write needs besides the output folder lives in one sibling work folder,
// `/p/.generated.shapesmith/` (`workFolder(out)`):
//
//   lock           {"pid":123}, created exclusively; a lock whose process is gone is stale
//   stage/<path>   the new content of every file to put
//   journal.tmp    the journal while it is being written
//   journal        {"format":"shapesmith-journal/1","delete":[paths],"put":[paths]}: the commit
//
// A write (`replaceTree`), each mutating step numbered (see "Tests" below):
//   1. take the lock (`OutputBusyError` while a live process holds it); recover (below);
//   2. compare the tree with the folder; nothing differs → release the lock, done;
//   3. write every changed or new file to stage/<path>; check that stage/ and the folder are on
//      one file system (a mount point or a symlink elsewhere is EXDEV, before the commit);
//   4. write journal.tmp and rename it to journal: THE COMMIT POINT;
//   5. delete the journal's `delete` files from the folder, then the folders they leave empty;
//   6. rename each stage/<path> to <out>/<path>, creating folders; a folder the output folder
//      lacks (a new model's) is renamed whole when all its staged files are puts;
//   7. remove stage/, journal, the lock and the work folder.
// Only the files that changed are touched (an unchanged file keeps its bytes and time stamp).
//
// Recovery (`recoverOutput`, at the start of every run that may write, and inside step 1):
//   - a journal exists: ROLL FORWARD: redo 5 and 6, then 7. Redoing is idempotent: a delete of a
//     missing file is done, and a put whose staged file is gone was renamed already, alone or
//     with its folder (stage/ is complete before the commit). The folder becomes the NEW tree of
//     that run.
//   - no journal: ROLL BACK: remove stage/ and journal.tmp. The folder was never touched: it is
//     the OLD tree.
//   - leftovers of the earlier protocol (whole-folder swap through `.generated.shapesmith-<pid>-<hex>`
//     and `<that>.old`) are removed; when the output folder is missing (a kill between its two
//     renames), the newest `.old` backup is renamed back first: the OLD tree.
// So at every moment the folder is the old tree, the new tree, or a committed state that the next
// run rolls forward to the new tree, deterministically, and says so (`Recovery`).
//
// Failures are reported as what they are: before the commit the folder is untouched (the error
// is rethrown as is); after it, `WriteIncompleteError` (the folder is partly updated, the journal
// stays for the next run to finish); after the apply, `CleanupError` (the folder is the new tree,
// the work folder is left for the next run to remove).
//
// ## The guarantee, exactly
// It holds whenever the PROCESS stops, however it stops, while the operating system keeps
// running: an error, an exception, a crashed worker, running out of memory, Ctrl-C, `kill -9`.
// Every byte a write() handed to the kernel is in its page cache and seen by every later reader
// (the next run included) whether or not it reached the disk, and rename() replaces a name at
// once: so the next run finds either no journal (the folder untouched: roll back) or the whole
// journal beside complete staged files (roll forward). Nothing is fsynced.
// It does NOT hold across an operating-system crash or a power cut: the kernel may put the
// journal's rename on the disk before the staged files' bytes, and a roll forward after the
// reboot may then put empty or partial files in the folder. The next `shapesmith generate`
// repairs that too: every run compares the folder's bytes (not times) with the new tree and
// rewrites what differs; `--check` reports it. A guarantee across power cuts would need every
// staged file and the folders fsynced before the commit (the per-file fsync this protocol once
// did cost a fifth of the time of a 402-model run, and it never synced the folders).
//
// ## Tests
// `ReplaceOptions.step` is called before every mutating step with a short description;
// `stepHookFromEnv` turns SHAPESMITH_TEST_KILL_AT=<n> into a hook that SIGKILLs the process at
// step n (counting across recovery and write in one run). Only the kill test sets it
// (test/cli/kill.test.ts).

import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { append } from "../lists.js";

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

/** What recovery found and did. */
export type Recovery =
  | { readonly kind: "none" }
  /** A committed write was finished: the folder is that run's new tree. */
  | { readonly kind: "rolled-forward"; readonly work: string; readonly deleted: number; readonly put: number }
  /** An uncommitted write was discarded: the folder was never touched. */
  | { readonly kind: "rolled-back"; readonly work: string }
  /** Only an empty work folder or a stale lock was left: removed. */
  | { readonly kind: "cleaned"; readonly work: string }
  /** Leftovers of the earlier whole-folder swap were removed (`restored`: a backup renamed back). */
  | { readonly kind: "legacy"; readonly removed: readonly string[]; readonly restored?: string };

export interface ReplaceResult {
  /** The folder compared with the new tree before writing (what was changed, added, removed). */
  readonly comparison: TreeComparison;
  /** What the recovery at the start of the write did. */
  readonly recovery: readonly Recovery[];
}

export interface ReplaceOptions {
  /** Called before every mutating step (for tests: see `stepHookFromEnv`). */
  readonly step?: StepHook | undefined;
}

export type StepHook = (what: string) => void;

/** Thrown when the output path exists but is not a folder. */
export class NotAFolderError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists and is not a folder`);
    this.name = "NotAFolderError";
  }
}

/** Thrown when another live process holds the lock of the output folder. */
export class OutputBusyError extends Error {
  constructor(
    readonly lock: string,
    readonly pid: number,
  ) {
    super(`${lock} is held by process ${pid}`);
    this.name = "OutputBusyError";
  }
}

/** A failure after the commit point: the folder is partly updated; the next run finishes it. */
export class WriteIncompleteError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly work: string,
    readonly done: number,
    readonly total: number,
  ) {
    super(`the write stopped after ${done} of ${total} changes: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "WriteIncompleteError";
  }
}

/** A failure after the new tree is in place: only the work folder could not be removed. */
export class CleanupError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly work: string,
  ) {
    super(`could not remove ${work}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "CleanupError";
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

/** The sibling folder that holds the lock, the journal and the staged files of `out`. */
export function workFolder(out: string): string {
  return join(dirname(out), `.${basename(out)}.shapesmith`);
}

/**
 * Makes the folder `out` hold exactly `files`, writing only what differs, through the journal
 * protocol of the head comment. Throws `OutputBusyError`, `NotAFolderError`, the file system's
 * error (before the commit: the folder is untouched), `WriteIncompleteError` or `CleanupError`.
 */
export function replaceTree(out: string, files: ReadonlyMap<string, string>, options: ReplaceOptions = {}): ReplaceResult {
  for (const path of files.keys()) assertSafeRelativePath(path);
  const write = StagedWrite.open(out, options);
  let comparison: TreeComparison;
  try {
    comparison = compareTree(out, files);
    if (!isUpToDate(comparison)) {
      const made = new Set<string>();
      for (const path of [...comparison.stale, ...comparison.missing].sort()) stageFile(write.work, path, files.get(path) ?? "", write.step, made);
    }
  } catch (error) {
    write.abort();
    throw error;
  }
  return write.commit(comparison);
}

/**
 * A write of the journal protocol whose files are staged one by one, by whoever produces them
 * (the worker pool of pool.ts stages each model's changed files as it is generated, so a run
 * never holds the whole tree): `open` takes the lock and recovers; `stageFile` (any thread)
 * writes one file under `work`/stage/; `commit` writes the journal and applies it; `abort`
 * discards what was staged (the folder was never touched) and releases the lock.
 *
 *   const w = StagedWrite.open("/p/generated");
 *   stageFile(w.work, "a/types.ts", "...", w.step, new Set());   // "a/types.ts" differs from the disk
 *   w.commit({ stale: [], missing: ["a/types.ts"], extra: ["old/index.ts"], exists: true })
 *   → { comparison, recovery } and the folder holds the new tree
 */
export class StagedWrite {
  readonly #lock: string;
  #done = false;

  private constructor(
    readonly out: string,
    readonly work: string,
    lock: string,
    readonly step: StepHook,
    readonly recovery: Recovery[],
  ) {
    this.#lock = lock;
  }

  /** Takes the lock of `out` and finishes or discards what an earlier run left. Throws as `replaceTree`. */
  static open(out: string, options: ReplaceOptions = {}): StagedWrite {
    const step: StepHook = options.step ?? (() => {});
    const recovery = recoverLegacy(out, step);
    const work = workFolder(out);
    const lock = acquireLock(work, step);
    try {
      const recovered = recoverWork(out, work, step);
      if (recovered.kind !== "none") recovery.push(recovered);
    } catch (error) {
      try {
        release(work, lock, step);
      } catch {
        // Leftovers of a failed write are removed by the next run.
      }
      throw error;
    }
    return new StagedWrite(out, work, lock, step, recovery);
  }

  /**
   * Commits and applies: `comparison.stale` and `.missing` must all be staged; `.extra` are
   * deleted. Nothing differs → only the lock is released.
   */
  commit(comparison: TreeComparison): ReplaceResult {
    const { out, work, step, recovery } = this;
    const lock = this.#lock;
    this.#done = true;
    if (isUpToDate(comparison)) {
      release(work, lock, step);
      return { comparison, recovery };
    }
    const journal: Journal = { format: JOURNAL_FORMAT, delete: [...comparison.extra], put: [...comparison.stale, ...comparison.missing].sort() };
    try {
      assertSameFileSystem(out, work);
      writeWhole(join(work, "journal.tmp"), JSON.stringify(journal) + "\n", step, "write journal.tmp");
      step("commit: rename journal.tmp to journal");
      renameSync(join(work, "journal.tmp"), join(work, "journal"));
    } catch (error) {
      this.#done = false;
      this.abort();
      throw error;
    }
    let done = 0;
    try {
      apply(out, work, journal, step, () => done++);
    } catch (error) {
      try {
        unlinkSync(lock);
      } catch {
        // The next run treats the lock of a finished process as stale.
      }
      throw new WriteIncompleteError(error, work, done, journal.delete.length + journal.put.length);
    }
    try {
      finish(work, lock, step);
    } catch (error) {
      rmSync(lock, { force: true });
      throw new CleanupError(error, work);
    }
    return { comparison, recovery };
  }

  /** Not committed: removes what was staged and releases the lock; the folder is untouched. */
  abort(): void {
    if (this.#done) return;
    this.#done = true;
    try {
      rmSync(join(this.work, "stage"), { recursive: true, force: true });
      rmSync(join(this.work, "journal.tmp"), { force: true });
      release(this.work, this.#lock, this.step);
    } catch {
      // Leftovers of a failed write are removed by the next run.
    }
  }
}

/**
 * Step 3 for one file: writes `content` to `work`/stage/`path`. `made` remembers the
 * stage folders this caller created. Safe from a worker thread: two writers never share a path.
 */
export function stageFile(work: string, path: string, content: string, step: StepHook, made: Set<string>): void {
  assertSafeRelativePath(path);
  const target = join(work, "stage", ...path.split("/"));
  const folder = dirname(target);
  if (!made.has(folder)) {
    step(`create the stage folder of ${path}`);
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  writeWhole(target, content, step, `stage ${path}`);
}

/**
 * How the file `out`/`path` on disk compares with `content`: "same", "stale" (other bytes, or
 * unreadable) or "missing" (no such file). For one file what compareTree does for a tree.
 */
export function compareFile(out: string, path: string, content: string): "same" | "stale" | "missing" {
  let actual: Buffer;
  try {
    actual = readFileSync(join(out, ...path.split("/")));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? "missing" : "stale";
  }
  return actual.equals(Buffer.from(content, "utf8")) ? "same" : "stale";
}

/**
 * Repairs what an interrupted or failed earlier run left next to `out` (see the head comment):
 * rolls a committed write forward, an uncommitted one back, removes leftovers. Touches nothing
 * when nothing was left.
 */
export function recoverOutput(out: string, options: ReplaceOptions = {}): Recovery[] {
  const step: StepHook = options.step ?? (() => {});
  const recovery = recoverLegacy(out, step);
  const work = workFolder(out);
  if (!existsSync(work)) return recovery;
  const lock = acquireLock(work, step);
  let recovered: Recovery;
  try {
    recovered = recoverWork(out, work, step);
  } catch (error) {
    try {
      unlinkSync(lock);
    } catch {
      // stale for the next run
    }
    throw error;
  }
  try {
    release(work, lock, step);
  } catch (error) {
    throw new CleanupError(error, work);
  }
  return [...recovery, recovered.kind === "none" ? { kind: "cleaned", work } : recovered];
}

/** What an earlier run left next to `out`, without changing anything (for `--check`). */
export function pendingLeftovers(out: string): string[] {
  const found: string[] = [];
  const work = workFolder(out);
  if (existsSync(work)) found.push(work);
  append(found, legacyLeftovers(out));
  return found;
}

/**
 * SHAPESMITH_TEST_KILL_AT=<n> → a step hook that kills this process with SIGKILL at the n-th
 * mutating step of the run (1-based), for the kill test. Anything else → undefined. The count
 * lives in shared memory (`KillSwitch`), so the workers of pool.ts, which stage files, count
 * on the same counter (`stepHookOf(hook.kill)` in a worker).
 */
export function stepHookFromEnv(env: NodeJS.ProcessEnv): StepHook | undefined {
  const value = env["SHAPESMITH_TEST_KILL_AT"];
  if (value === undefined || !/^[1-9][0-9]*$/.test(value)) return undefined;
  return stepHookOf({ at: Number(value), counter: new Int32Array(new SharedArrayBuffer(4)) });
}

/** The kill test's switch: kill at step `at` of the steps counted in `counter` (shared memory). */
export interface KillSwitch {
  readonly at: number;
  readonly counter: Int32Array;
}

/** The step hook of a kill switch (any thread); the hook carries the switch (`kill`). */
export function stepHookOf(kill: KillSwitch): StepHook & { readonly kill: KillSwitch } {
  const hook = (): void => {
    if (Atomics.add(kill.counter, 0, 1) + 1 === kill.at) process.kill(process.pid, "SIGKILL");
  };
  return Object.assign(hook, { kill });
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

// ---------------------------------------------------------------------------------------------

const JOURNAL_FORMAT = "shapesmith-journal/1";

interface Journal {
  readonly format: typeof JOURNAL_FORMAT;
  /** Files to delete from the folder (relative, `/`-separated). */
  readonly delete: readonly string[];
  /** Files to rename from stage/ into the folder. */
  readonly put: readonly string[];
}

function acquireLock(work: string, step: StepHook): string {
  const lock = join(work, "lock");
  step("create the work folder and its lock");
  mkdirSync(work, { recursive: true });
  const content = JSON.stringify({ pid: process.pid, token: randomBytes(6).toString("hex") }) + "\n";
  for (let attempt = 0; ; attempt++) {
    try {
      writeWhole(lock, content, () => {}, "", "wx");
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = lockHolder(lock);
      if (attempt > 0 || (holder !== undefined && processIsAlive(holder))) throw new OutputBusyError(lock, holder ?? 0);
      // The process that held it is gone (killed): the lock is stale.
      rmSync(lock, { force: true });
    }
  }
}

function lockHolder(lock: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(lock, "utf8")) as { pid?: unknown }).pid;
    return typeof pid === "number" && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Recovery inside the work folder, under the lock. Leaves only the lock. */
function recoverWork(out: string, work: string, step: StepHook): Recovery {
  const journal = readJournal(join(work, "journal"));
  const stageDir = join(work, "stage");
  if (journal !== undefined) {
    let deleted = 0;
    let put = 0;
    apply(out, work, journal, step, (kind) => (kind === "delete" ? deleted++ : put++));
    removeWorkFiles(work, step);
    return { kind: "rolled-forward", work, deleted, put };
  }
  const leftovers = readdirSync(work).filter((name) => name !== "lock");
  if (leftovers.length === 0) return { kind: "none" };
  const uncommitted = existsSync(stageDir) || existsSync(join(work, "journal.tmp"));
  removeWorkFiles(work, step);
  return uncommitted ? { kind: "rolled-back", work } : { kind: "cleaned", work };
}

/**
 * The journal, or undefined when there is none. A journal that cannot be read as one was not
 * written by this protocol (it is renamed into place whole): it is set aside as unreadable and
 * treated as absent, and the folder is whatever it is; the run that follows rewrites it.
 */
function readJournal(path: string): Journal | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const j = value as Record<string, unknown>;
  const isPaths = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((p) => typeof p === "string" && safeRelativePath(p));
  if (j["format"] !== JOURNAL_FORMAT || !isPaths(j["delete"]) || !isPaths(j["put"])) return undefined;
  return { format: JOURNAL_FORMAT, delete: j["delete"], put: j["put"] };
}

/** Steps 5 and 6: idempotent, so recovery can run it again after a kill at any point. */
function apply(out: string, work: string, journal: Journal, step: StepHook, done: (kind: "delete" | "put") => void): void {
  const touched = new Set<string>();
  for (const path of journal.delete) {
    step(`delete ${path}`);
    const absolute = join(out, ...path.split("/"));
    try {
      unlinkSync(absolute);
    } catch (error) {
      // Gone already, or (when redone) replaced by a folder of the new tree, or under a file of it.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR" && !isFolder(absolute)) throw error;
    }
    done("delete");
    const parent = path.lastIndexOf("/");
    if (parent > 0) touched.add(path.slice(0, parent));
  }
  // Folders the deletes left empty, deepest first (a new file may need the name of one).
  const folders = new Set<string>();
  for (const folder of touched) {
    for (let f = folder; f !== ""; f = f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : "") folders.add(f);
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
    const absolute = join(out, ...folder.split("/"));
    let entries: string[];
    try {
      entries = readdirSync(absolute);
    } catch {
      continue;
    }
    if (entries.length > 0) continue;
    step(`remove the empty folder ${folder}`);
    rmdirSync(absolute);
  }
  const made = new Set<string>();
  const put = new Set(journal.put);
  // Folders renamed whole from stage/ (relative, `/`-separated): the puts under them went along.
  const moved = new Set<string>();
  for (const path of journal.put) {
    if (underAny(path, moved)) {
      done("put");
      continue;
    }
    const from = join(work, "stage", ...path.split("/"));
    if (!existsSync(from)) {
      done("put");
      continue; // renamed already, before an interruption
    }
    // A folder the output folder lacks and whose staged files are all puts (a new model: all of
    // its files) is renamed whole: one rename, and no emptied stage folder to remove afterwards
    // (on ext4, removing hundreds of just-emptied folders took a second at the end of a run).
    const whole = missingFolder(out, path);
    if (whole !== undefined && listFiles(join(work, "stage", ...whole.split("/"))).every((file) => put.has(`${whole}/${file}`))) {
      const to = join(out, ...whole.split("/"));
      const parent = dirname(to);
      if (!made.has(parent)) {
        step(`create the folder of ${whole}/`);
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      step(`put ${whole}/`);
      renameSync(join(work, "stage", ...whole.split("/")), to);
      moved.add(whole);
      done("put");
      continue;
    }
    const to = join(out, ...path.split("/"));
    const folder = dirname(to);
    if (!made.has(folder)) {
      step(`create the folder of ${path}`);
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    step(`put ${path}`);
    renameSync(from, to);
    done("put");
  }
}

/** Whether `path` lies under one of `folders` (relative, `/`-separated). */
function underAny(path: string, folders: ReadonlySet<string>): boolean {
  if (folders.size === 0) return false;
  for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
    if (folders.has(path.slice(0, slash))) return true;
  }
  return false;
}

/**
 * The shallowest folder of `path` (relative to `out`) with nothing at its name in `out`, e.g.
 * `gamma` for `gamma/types.ts` when `out/gamma` does not exist; undefined when every folder of
 * the path exists (or the path names no folder).
 */
function missingFolder(out: string, path: string): string | undefined {
  for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
    const folder = path.slice(0, slash);
    try {
      lstatSync(join(out, ...folder.split("/")));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return folder;
      return undefined;
    }
  }
  return undefined;
}

/** Step 7 after a write. */
function finish(work: string, lock: string, step: StepHook): void {
  removeWorkFiles(work, step);
  release(work, lock, step);
}

/** Removes stage/, journal.tmp, then journal (last: until it is gone, recovery can redo the apply). */
function removeWorkFiles(work: string, step: StepHook): void {
  for (const name of readdirSync(work).sort()) {
    if (name === "lock" || name === "journal") continue;
    step(`remove ${name}`);
    rmSync(join(work, name), { recursive: true, force: true });
  }
  if (existsSync(join(work, "journal"))) {
    step("remove journal");
    rmSync(join(work, "journal"), { force: true });
  }
}

function release(work: string, lock: string, step: StepHook): void {
  step("release the lock");
  rmSync(lock, { force: true });
  step("remove the work folder");
  try {
    rmdirSync(work);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** Writes the whole file (no fsync: see "The guarantee, exactly" in the head comment). */
function writeWhole(path: string, content: string, step: StepHook, what: string, flag = "w"): void {
  step(what);
  // writeSync encodes the string natively, without the Buffer that writeFileSync makes of it
  // (a Buffer per generated file: 255 MB of them for the 402 AWS models). A short write (the
  // kernel may take fewer bytes) is finished from the encoded bytes.
  const fd = openSync(path, flag);
  try {
    const written = writeSync(fd, content);
    const total = Buffer.byteLength(content);
    if (written < total) {
      const bytes = Buffer.from(content, "utf8");
      for (let at = written; at < total; ) at += writeSync(fd, bytes, at, total - at);
    }
  } finally {
    closeSync(fd);
  }
}

// --- Leftovers of the earlier protocol (a temporary sibling folder swapped in whole) -----------

const LEGACY = /^\.(.*)\.shapesmith-[0-9]+-[0-9a-f]{8}(\.old)?$/;

function legacyLeftovers(out: string): string[] {
  const parent = dirname(out);
  const name = basename(out);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return [];
  }
  return entries
    .filter((entry) => LEGACY.exec(entry)?.[1] === name)
    .sort()
    .map((entry) => join(parent, entry));
}

function recoverLegacy(out: string, step: StepHook): Recovery[] {
  const leftovers = legacyLeftovers(out);
  if (leftovers.length === 0) return [];
  let restored: string | undefined;
  if (!existsSync(out)) {
    // Killed between "out → backup" and "temp → out": put the old tree back.
    const backups = leftovers
      .filter((path) => path.endsWith(".old"))
      .map((path) => ({ path, mtime: statSync(path).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime || (a.path < b.path ? -1 : 1));
    if (backups[0] !== undefined) {
      restored = backups[0].path;
      step(`restore ${restored}`);
      renameSync(restored, out);
    }
  }
  const removed = leftovers.filter((path) => path !== restored);
  for (const path of removed) {
    step(`remove ${path}`);
    rmSync(path, { recursive: true, force: true });
  }
  return [restored !== undefined ? { kind: "legacy", removed, restored } : { kind: "legacy", removed }];
}

/**
 * The renames of the apply need the stage and the folder on one file system (the folder may be a
 * mount point or a symlink to elsewhere). Checked before the commit, so such a folder is an
 * EXDEV error that leaves it untouched, not a write that can never be finished.
 */
function assertSameFileSystem(out: string, work: string): void {
  if (!existsSync(out)) return; // created under the same parent as the work folder
  if (statSync(out).dev === statSync(work).dev) return;
  throw Object.assign(new Error(`${out} is on another file system than ${work}, where the new files are staged`), { code: "EXDEV" });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function safeRelativePath(path: string): boolean {
  const parts = path.split("/");
  return !(
    path === "" ||
    path.startsWith("/") ||
    path.includes("\\") ||
    path.includes("\0") ||
    parts.some((p) => p === "" || p === "." || p === "..")
  );
}

function assertSafeRelativePath(path: string): void {
  if (!safeRelativePath(path)) {
    throw new Error(`Refusing to write a generated file outside the output folder: ${JSON.stringify(path)}`);
  }
}
