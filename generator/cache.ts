// What one run of the core may reuse from the run before it (`--watch`, the API): the output of
// every model input whose text, host reads and options are unchanged, and the formatted text of
// every file whose unformatted text is unchanged. Data, owned by the caller and passed in the
// options; there is no module-level cache.
//
//   const cache = new GenerationCache();
//   await generate(inputs, host, { templates, cache });   // parses, emits and formats everything
//   // edit one member's documentation in models/weather.smithy, then:
//   await generate(inputs2, host, { templates, cache });  // other models: reused as they were;
//   // weather: parsed and emitted again, but only types.ts is formatted again (the rest is reused)
//
// A model input is keyed by its name, its files' paths and text, and the run's fingerprint
// (templates, artifacts, formatter). What its front end read through the `Host` (an OpenAPI
// `$ref` to another file) is recorded with the entry and read again on lookup: a change there is
// a miss. Entries not used by a run are dropped at its end, so the cache holds one run's worth.

import type { Diagnostic } from "./diagnostics.js";
import type { Host, ModelInput } from "./frontends.js";

/** What a model input produced: its files, and the diagnostics of loading and of emitting it. */
export interface CachedInput {
  /** Output path → formatted content. */
  readonly files: ReadonlyMap<string, string>;
  readonly loadDiagnostics: readonly Diagnostic[];
  readonly emitDiagnostics: readonly Diagnostic[];
  /** The models it held: name and sources (the core checks output collisions on them). */
  readonly models: readonly { readonly name: string; readonly sources: readonly string[] }[];
  /** What the front end read through the host: path → text (undefined: not found). */
  readonly reads: ReadonlyMap<string, string | undefined>;
  /** The formatter entries its files used (kept alive while the input is). */
  readonly formats: readonly string[];
}

export class GenerationCache {
  private inputs = new Map<string, CachedInput>();
  private nextInputs = new Map<string, CachedInput>();
  private formatted = new Map<string, string>();
  private nextFormatted = new Map<string, string>();
  private recording: string[] | undefined;
  /** Counters of the last run (tests and `--watch --verbose`). */
  stats = { inputsReused: 0, inputsBuilt: 0, filesFormatted: 0, formatsReused: 0 };

  /** Starts a run: from now on, only what this run uses is kept. */
  begin(): void {
    this.nextInputs = new Map();
    this.nextFormatted = new Map();
    this.stats = { inputsReused: 0, inputsBuilt: 0, filesFormatted: 0, formatsReused: 0 };
  }

  /** Ends a run: whatever it did not use is dropped. A failed run keeps the earlier entries too. */
  end(ok: boolean): void {
    if (ok) {
      this.inputs = this.nextInputs;
      this.formatted = this.nextFormatted;
    } else {
      for (const [k, v] of this.nextInputs) this.inputs.set(k, v);
      for (const [k, v] of this.nextFormatted) this.formatted.set(k, v);
    }
    this.nextInputs = new Map();
    this.nextFormatted = new Map();
  }

  /** The entry of an unchanged input, or undefined; a hit is kept for the next run. */
  lookup(input: ModelInput, fingerprint: string, host: Host): CachedInput | undefined {
    const key = inputKey(input, fingerprint);
    const entry = this.inputs.get(key) ?? this.nextInputs.get(key);
    if (entry === undefined) return undefined;
    for (const [path, text] of entry.reads) if (host.readFile(path) !== text) return undefined;
    this.nextInputs.set(key, entry);
    for (const format of entry.formats) {
      const formatted = this.formatted.get(format);
      if (formatted !== undefined) this.nextFormatted.set(format, formatted);
    }
    this.stats.inputsReused++;
    return entry;
  }

  /** Starts building an input: the formatter entries used until `built` belong to it. */
  building(): void {
    this.recording = [];
  }

  /** Ends building an input: the formatter entries it used (`CachedInput.formats`). */
  built(): string[] {
    const formats = this.recording ?? [];
    this.recording = undefined;
    return formats;
  }

  store(input: ModelInput, fingerprint: string, entry: CachedInput): void {
    this.nextInputs.set(inputKey(input, fingerprint), entry);
    this.stats.inputsBuilt++;
  }

  /** Formats `text` by `format` unless the same text was formatted the same way before. */
  async format(text: string, formatter: string, format: (text: string) => Promise<string>): Promise<string> {
    const key = `${formatter}\u0000${text}`;
    this.recording?.push(key);
    const known = this.formatted.get(key) ?? this.nextFormatted.get(key);
    if (known !== undefined) {
      this.stats.formatsReused++;
      this.nextFormatted.set(key, known);
      return known;
    }
    const done = await format(text);
    this.stats.filesFormatted++;
    this.nextFormatted.set(key, done);
    return done;
  }
}

/** A host that records what it was asked, for `CachedInput.reads`. */
export function recordingHost(host: Host): { host: Host; reads: Map<string, string | undefined> } {
  const reads = new Map<string, string | undefined>();
  return {
    reads,
    host: {
      readFile(path) {
        const text = host.readFile(path);
        reads.set(path, text);
        return text;
      },
    },
  };
}

function inputKey(input: ModelInput, fingerprint: string): string {
  // Lengths first, so no text can be read as a boundary: the key is exact, not a hash.
  const parts = [fingerprint, input.name, ...input.files.flatMap((f) => [f.path, f.text])];
  return parts.map((p) => `${p.length}:${p}`).join("");
}
