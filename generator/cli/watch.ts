// `shapesmith generate --watch`: one run, then another whenever a model, a template or the config
// changes (debounced), until SIGINT/SIGTERM. Each run prints one line: the time, what changed
// and how long it took; a bad edit prints its diagnostics and the watch goes on.
//
//   12:03:04 generated/: 6 files, 2 changed (310 ms)
//   12:03:09 1 error; nothing written, still watching (models/weather.smithy)
//
// Node's own fs.watch, not chokidar: on Node 20 it watches folders recursively on Linux, macOS
// and Windows, which is all we need (a few folders, events only as a trigger: every run reads
// everything), and it adds no dependency to the package. Folders are watched, not files, so an
// editor that saves by renaming a new file over the old one is seen too.
//
// A `GenerationCache` (generator/cache.ts) lives from run to run: after a documentation edit in
// one model, only that model is parsed and emitted again, only its changed files are formatted,
// and only those are written (output.ts writes what differs, through its journal).

import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { existsSync, statSync } from "node:fs";
import { generateOnce, type GenerateFlags } from "./generate.js";
import type { Io } from "./io.js";
import { reporter } from "./reporter.js";
import { GenerationCache } from "../cache.js";

/** Quiet time after the last change before a run starts. */
export const DEBOUNCE_MS = 100;

export interface WatchControl {
  /** Resolves the watch when aborted (tests); otherwise SIGINT/SIGTERM end it. */
  readonly signal?: AbortSignal;
}

export async function runWatch(flags: GenerateFlags, io: Io, control: WatchControl = {}): Promise<number> {
  const report = reporter({ quiet: flags.quiet === true, json: flags.json === true, verbose: flags.verbose }, io);
  const line = (text: string) => {
    // One line per run: on stdout, or stderr with --reporter json; errors show even with --quiet.
    if (flags.json === true) io.stderr(text + "\n");
    else io.stdout(text + "\n");
  };
  // Runs reuse what the run before produced: a model whose files did not change is neither
  // parsed nor emitted again, and a file whose text did not change is not formatted again.
  const cache = new GenerationCache();
  let watchers: FSWatcher[] = [];
  let ignored: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let trigger = "";
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));

  const runOnce = async () => {
    running = true;
    const started = performance.now();
    const outcome = await generateOnce(flags, io, report, cache);
    const ms = Math.round(performance.now() - started);
    const time = new Date().toTimeString().slice(0, 8);
    const cause = trigger !== "" ? ` (${trigger})` : "";
    if (outcome.code !== 0) {
      const errors = outcome.run.diagnostics.filter((d) => d.severity === "error").length;
      line(`${time} ${errors} error${errors === 1 ? "" : "s"}; nothing written, still watching${cause}`);
    } else if (!flags.quiet) {
      const folders = outcome.run.folders.map((f) => displayFolder(io.cwd, f.out)).join(", ");
      const files = outcome.run.folders.reduce((n, f) => n + f.count, 0);
      const what = outcome.changed === 0 ? "up to date" : `${outcome.changed} changed`;
      line(`${time} ${folders}: ${files} file${files === 1 ? "" : "s"}, ${what} (${ms} ms)${cause}`);
    }
    ignored = [...outcome.run.folders.map((f) => f.out), outcome.run.options.out];
    rewatch(outcome.run.inputs);
    running = false;
    if (again) {
      again = false;
      schedule(trigger);
    }
  };

  const schedule = (what: string) => {
    trigger = what;
    if (running) {
      again = true;
      return;
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void runOnce().catch((error: unknown) => stop(error));
    }, DEBOUNCE_MS);
  };

  const onEvent = (folder: string, only: string | undefined) => (_event: string, name: string | Buffer | null) => {
    const file = name === null ? folder : join(folder, String(name));
    if (only !== undefined && basename(file) !== only) return;
    if (ignored.some((out) => inside(out, file)) || basename(file).startsWith(".")) return;
    schedule(relative(io.cwd, file) || basename(file));
  };

  /** Watches each input: a folder recursively, a file through its folder (it may be replaced). */
  const rewatch = (inputs: readonly string[]) => {
    for (const w of watchers) w.close();
    watchers = [];
    const seen = new Set<string>();
    const folders = inputs.filter((p) => existsSync(p) && statSync(p).isDirectory());
    const files = inputs.filter((p) => !folders.includes(p) && !folders.some((f) => inside(f, p)));
    for (const path of [...folders, ...files]) {
      const isFolder = folders.includes(path);
      const folder = isFolder ? path : dirname(path);
      const only = isFolder ? undefined : basename(path);
      const key = `${folder}\0${only ?? ""}`;
      if (seen.has(key) || !existsSync(folder)) continue;
      seen.add(key);
      try {
        const w = watch(folder, { recursive: isFolder }, onEvent(folder, only));
        w.on("error", () => undefined);
        watchers.push(w);
      } catch {
        // A folder that vanished between the check and the watch: the next run reports it.
      }
    }
  };

  const stop = (error?: unknown) => {
    if (timer !== undefined) clearTimeout(timer);
    for (const w of watchers) w.close();
    watchers = [];
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (error !== undefined) {
      io.stderr(`internal error: this is a bug in Shapesmith, not in your input. Please report it with the command you ran.\n${error instanceof Error ? error.stack : String(error)}\n`);
      finish(2);
    } else {
      finish(0);
    }
  };
  const onSignal = () => stop();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  control.signal?.addEventListener("abort", () => stop(), { once: true });

  await runOnce().catch((error: unknown) => stop(error));
  if (!flags.quiet) io.stderr("Watching for changes (Ctrl+C to stop).\n");
  return finished;
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function displayFolder(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === "" ? "." : isAbsolute(rel) ? path : rel).split("\\").join("/") + "/";
}
