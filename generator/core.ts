// The pure core: model inputs in, a map of output path → file content out. No disk, no console.
//
//   await generate([{ name: "weather", files: [{ path: "weather.json", text }] }], host, options)
//   → { files: Map { "weather/types.ts" → "...", "weather/validators.ts" → "...", ... },
//       diagnostics: [] }
//
// Steps: front ends → resolved models → naming → one emitter per artifact → templates for
// skeletons → the formatter once per file (generator/format.ts: oxfmt unless the run chose prettier),
// but for the files whose printer emits oxfmt's own layout (`GeneratedFile.final`,
// generator/emit/layout.ts): oxfmt would leave them as they are, so they are not given to it
// (with prettier, whose config may differ, every file is formatted).
// Any error diagnostic means no files are returned.

import type { Artifact } from "./artifacts.js";
import { Diagnostics, DiagnosticError, type Diagnostic } from "./diagnostics.js";
import { loadModels, type Host, type ModelInput } from "./frontends.js";
import type { ResolvedModel } from "./model/ir.js";
import { assignNames } from "./naming/names.js";
import { emitTypes } from "./emit/types.js";
import { emitSerializers } from "./protocols/serializers.js";
import { emitDeserializers } from "./protocols/deserializers.js";
import { emitErrors, errorClassNames } from "./protocols/errors.js";
import { HELPER_FILES, HELPER_IMPORTS, type HelperFile } from "./protocols/symbols.js";
import { emitValidators } from "./emit/validators.js";
import { emitRedaction } from "./emit/redact.js";
import { emitClient } from "./client/index.js";
import { emitEndpoints, hasEndpoints } from "./protocols/endpoints/index.js";
import type { PartitionsInput } from "./protocols/endpoints/partitions.js";
import type { GeneratedFile } from "./emit/file-builder.js";
import type { Templates } from "./templates.js";
import { recordingHost, type CachedInput, type GenerationCache } from "./cache.js";
import { FormatMemo, formatTypeScript, splitHeader, stableHeader, type Formatter } from "./format.js";
import { DocMemo } from "./docs/memo.js";
import { PatternMemo } from "./regex/memo.js";

export { ARTIFACTS, type Artifact } from "./artifacts.js";

export interface GenerateOptions {
  readonly templates: Templates;
  /** Format every file (default true; false keeps the printers' own layout). */
  readonly format?: boolean;
  /** Which formatter, with which config (default oxfmt in Shapesmith's layout). */
  readonly formatter?: Formatter;
  /**
   * Which artifacts to emit (default: all). `types` is always emitted; `runtime.ts` comes with
   * any artifact that needs it (every one but `types`).
   */
  readonly artifacts?: readonly Artifact[];
  /** Called before each model is emitted (for a progress line): 0-based index, count, name. */
  readonly onModel?: (index: number, count: number, name: string) => void;
  /**
   * What an earlier run of the same caller produced (`--watch`): unchanged model inputs are not
   * loaded or emitted again, unchanged files not formatted again (generator/cache.ts).
   */
  readonly cache?: GenerationCache;
  /**
   * The AWS partitions table that endpoint rules calling `aws.partition` read (generated
   * endpoints.ts carries it). The CLI gives the config's file or the npm package's copy; a run
   * that needs it without one is an error `ENDPOINT_PARTITIONS`.
   */
  readonly partitions?: PartitionsInput;
  /**
   * The formatted bodies of the runtime and helper templates, shared by the `generate` calls of
   * one run (a pool worker passes one for all its models); without it, each call has its own.
   */
  readonly formats?: FormatMemo;
  /**
   * The comment lines of each documentation text (docs/memo.ts) and the reading of each
   * `@pattern` (regex/memo.ts), computed once for the `generate` calls of one run (a pool worker
   * passes its own for all its models); without them, each call has its own for its models.
   * Functions of their text alone: they change no output and no diagnostic.
   */
  readonly docs?: DocMemo;
  readonly patterns?: PatternMemo;
}

export interface GenerateResult {
  /** Output path (relative to the output folder, `/`-separated) → content. Empty on errors. */
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The files (paths as in `files`) whose printer emits the formatter's layout (under a header of
   * plain `//` lines): a run formatted by oxfmt keeps them as printed, without formatting them
   * (not listed: the files a `--watch` cache gave back).
   */
  readonly final?: ReadonlySet<string>;
}

export async function generate(
  inputs: readonly ModelInput[],
  host: Host,
  given: GenerateOptions,
): Promise<GenerateResult> {
  const options: GenerateOptions = { ...given, docs: given.docs ?? new DocMemo(), patterns: given.patterns ?? new PatternMemo() };
  const diags = new Diagnostics();
  const cache = options.cache;
  const fingerprint = cache === undefined ? "" : runFingerprint(options);
  cache?.begin();
  // Load every input (or find it unchanged in the cache); any error stops the run before emitting.
  const loaded: Loaded[] = [];
  for (const input of inputs) {
    const hit = cache?.lookup(input, fingerprint, host);
    if (hit !== undefined) {
      for (const d of hit.loadDiagnostics) diags.add(d);
      loaded.push({ input, hit });
      continue;
    }
    const local = new Diagnostics();
    const recorded = recordingHost(host);
    let models: ResolvedModel[] = [];
    try {
      models = loadModels([input], recorded.host, local);
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      local.add(error.diagnostic);
    }
    for (const d of local.items) diags.add(d);
    loaded.push({ input, models, reads: recorded.reads, loadDiagnostics: local.items });
  }
  if (diags.hasErrors) return failed(diags, cache);
  const files = new Map<string, string | Promise<string>>();
  const built: (Omit<CachedInput, "files"> & { readonly input: ModelInput; readonly produced: ReadonlyMap<string, Promise<string>> })[] = [];
  const formatting = new Formatting(options);
  const seen = new Map<string, string>();
  const count = loaded.reduce((n, l) => n + ("hit" in l ? l.hit.models.length : l.models.length), 0);
  let index = 0;
  const distinct = (model: { readonly name: string; readonly sources: readonly string[] }): boolean => {
    options.onModel?.(index++, count, model.name);
    const other = seen.get(model.name);
    if (other !== undefined) {
      diags.error("OUTPUT_COLLISION", `Two models would both be generated into \`${model.name}/\`: ${other} and ${model.sources.join(", ")}`, {
        hint: "Rename one of the model files.",
      });
      return false;
    }
    seen.set(model.name, model.sources.join(", "));
    return true;
  };
  for (const entry of loaded) {
    if ("hit" in entry) {
      if (!entry.hit.models.every(distinct)) continue;
      for (const d of entry.hit.emitDiagnostics) diags.add(d);
      for (const [path, content] of entry.hit.files) files.set(path, content);
      continue;
    }
    cache?.building();
    const local = new Diagnostics();
    const produced = new Map<string, Promise<string>>();
    const models: { name: string; sources: readonly string[] }[] = [];
    for (const model of entry.models) {
      if (!distinct(model)) continue;
      models.push({ name: model.name, sources: model.sources });
      for (const [path, content] of await emitModel(model, options, local, formatting)) produced.set(path, content);
    }
    const formats = cache?.built() ?? [];
    for (const d of local.items) diags.add(d);
    for (const [path, content] of produced) files.set(path, content);
    if (models.length === entry.models.length) {
      built.push({ input: entry.input, produced, formats, models, loadDiagnostics: entry.loadDiagnostics, emitDiagnostics: local.items, reads: entry.reads });
    }
  }
  // Every file's formatting was started above; wait for all of them (in path order).
  const done = new Map<string, string>();
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) done.set(path, await content);
  if (diags.hasErrors) return failed(diags, cache);
  for (const b of built) {
    const own = new Map([...b.produced.keys()].map((path) => [path, done.get(path)!] as const));
    cache?.store(b.input, fingerprint, { files: own, formats: b.formats, models: b.models, loadDiagnostics: b.loadDiagnostics, emitDiagnostics: b.emitDiagnostics, reads: b.reads });
  }
  cache?.end(true);
  return { files: done, diagnostics: diags.items, final: formatting.final };
}

/** One model input after loading: its models, or the cache's entry when it is unchanged. */
type Loaded =
  | { readonly input: ModelInput; readonly hit: CachedInput }
  | {
      readonly input: ModelInput;
      readonly models: readonly ResolvedModel[];
      readonly reads: ReadonlyMap<string, string | undefined>;
      readonly loadDiagnostics: readonly Diagnostic[];
    };

function failed(diags: Diagnostics, cache: GenerationCache | undefined): GenerateResult {
  cache?.end(false);
  return { files: new Map(), diagnostics: diags.items };
}

/** Everything besides the inputs that the output depends on, as one string (the cache's key). */
function runFingerprint(options: GenerateOptions): string {
  return JSON.stringify([options.templates.key, options.format !== false, options.formatter ?? null, options.artifacts ?? null, options.partitions ?? null]);
}

/** Emits every artifact of one resolved model; paths are `<model.name>/<file>`. */
export async function emitModel(
  model: ResolvedModel,
  options: GenerateOptions,
  diags: Diagnostics,
  formatting: Formatting = new Formatting(options),
): Promise<Map<string, Promise<string>>> {
  const names = assignNames(model, diags);
  const docs = options.docs ?? new DocMemo();
  const patterns = options.patterns ?? new PatternMemo();
  const header = options.templates.header({ model: model.name, sources: model.sources, service: model.service.name });
  const wanted = (artifact: Artifact) => artifact === "types" || options.artifacts === undefined || options.artifacts.includes(artifact);
  const emitters: (() => GeneratedFile)[] = [
    () => emitTypes(model, names, docs),
    ...(wanted("serializers") ? [() => emitSerializers(model, names, diags, docs)] : []),
    // Endpoint resolution belongs to sending requests: it comes with the serializers.
    ...(wanted("serializers") && hasEndpoints(model) ? [() => emitEndpoints(model, options.partitions, diags)] : []),
    ...(wanted("deserializers") ? [() => emitDeserializers(model, names, diags), () => emitErrors(model, names, diags, docs)] : []),
    ...(wanted("validators") ? [() => emitValidators(model, names, diags, patterns)] : []),
    ...(wanted("redact") ? [() => emitRedaction(model, names)] : []),
  ];
  const out = new Map<string, Promise<string>>();
  const runtime = emitters.length > 1;
  if (runtime) out.set(`${model.name}/runtime.ts`, (await formatting.addTemplate(header, options.templates.runtime({ header }))).formatted);
  // One artifact at a time, in order: its printed lines are dropped once rendered, so a huge
  // service (Microsoft Graph: 100 MB of output) never holds every file's lines while formatting.
  const exported: string[] = [];
  const helpers = new Set<string>();
  // What the files import from each helper file, by name: a helper template may leave out the rest.
  const uses = new Map<string, Set<string>>();
  const emitted = new Set<string>();
  for (const emit of emitters) {
    const { path, text, final } = render(emit, header, exported, helpers, uses);
    emitted.add(path);
    out.set(`${model.name}/${path}`, (await formatting.add(text, final ? { header, path: `${model.name}/${path}` } : undefined)).formatted);
  }
  // The client last: it imports what the folder has (serializers, deserializers, validators, endpoints).
  const client = emitClient(model, names, diags, emitted, docs);
  if (client !== undefined) {
    const { path, text, final } = render(() => client, header, exported, helpers, uses);
    out.set(`${model.name}/${path}`, (await formatting.add(text, final ? { header, path: `${model.name}/${path}` } : undefined)).formatted);
  }
  // Codec helper files go only into folders whose code imports them (or a helper file they get does).
  for (const helper of HELPER_FILES) for (const imported of helpers.has(helper) ? (HELPER_IMPORTS[helper] ?? []) : []) helpers.add(imported);
  // A helper file imported by another helper file is rendered after it, with the names it imports added.
  const rendered = new Map<HelperFile, string>();
  // Helper files that another takes whole (`import * as R from "./read.js"`): rendered without `uses`, so with every section.
  const whole = new Set<HelperFile>();
  const imported = new Set(Object.values(HELPER_IMPORTS).flat());
  for (const helper of [...HELPER_FILES.filter((h) => !imported.has(h)), ...HELPER_FILES.filter((h) => imported.has(h))]) {
    if (!helpers.has(helper)) continue;
    const text = options.templates.helper(helper, { header, ...(whole.has(helper) ? {} : { uses: [...(uses.get(helper) ?? [])].sort() }) });
    rendered.set(helper, text);
    for (const target of HELPER_IMPORTS[helper] ?? []) {
      let names = uses.get(target);
      if (names === undefined) uses.set(target, (names = new Set()));
      const taken = importedFrom(text, target);
      if (taken === "all") whole.add(target);
      else for (const name of taken) names.add(name);
    }
  }
  for (const [helper, text] of [...rendered].sort(([a], [b]) => HELPER_FILES.indexOf(a) - HELPER_FILES.indexOf(b))) {
    out.set(`${model.name}/${helper}`, (await formatting.addTemplate(header, text)).formatted);
  }
  const index = options.templates.index({
    model: model.name,
    header,
    modules: [...(runtime ? ["runtime.js"] : []), ...exported],
    // The error classes win over the interfaces of the same names in types.ts.
    reexports: exported.includes("errors.js") && errorClassNames(model, names).length > 0 ? [{ module: "errors.js", names: errorClassNames(model, names).join(", ") }] : [],
  });
  out.set(`${model.name}/index.ts`, (await formatting.add(index)).formatted);
  return out;
}

/**
 * The names a rendered helper file imports from another: `import { a, type B as C } from "./read.js"`
 * → [a, B], in any layout a user's template may have (single quotes, no semicolon, an `export { … }
 * from`); `"all"` when the file takes the module otherwise (`import * as R`, a default import), so
 * that no section of it can be left out.
 */
export function importedFrom(text: string, helper: string): string[] | "all" {
  const module = `./${helper.replace(/\.ts$/, ".js")}`;
  const names: string[] = [];
  for (const m of text.matchAll(/\b(import|export)\s+((?:type\s+)?[^;"'`]*?)\s*from\s*(["'])([^"']*)\3/g)) {
    if (m[4] !== module) continue;
    const named = /^(?:type\s+)?\{([^}]*)\}$/.exec(m[2]!.trim());
    if (named === null) return "all";
    for (const part of named[1]!.split(",")) {
      const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!.trim();
      if (name !== "") names.push(name);
    }
  }
  return names;
}

/** Emits one artifact and renders it; the emitter's lines are garbage when this returns. */
function render(
  emit: () => GeneratedFile,
  header: string,
  exported: string[],
  helpers: Set<string>,
  uses: Map<string, Set<string>>,
): { path: string; text: string; final: boolean } {
  const file = emit();
  if (file.exported) exported.push(file.path.replace(/\.ts$/, ".js"));
  for (const helper of file.dependencies()) {
    helpers.add(helper);
    let names = uses.get(helper);
    if (names === undefined) uses.set(helper, (names = new Set()));
    for (const name of file.importedNames(helper)) names.add(name);
  }
  return { path: file.path, text: file.render(header), final: file.final };
}

/**
 * The formatting of one run. Files are formatted while the emitters go on: oxfmt formats on
 * libuv's worker threads, so a run uses both cores. The unformatted text in flight is bounded
 * (`IN_FLIGHT_BYTES`), so a huge service still holds only a few files' worth at once; prettier,
 * which formats on this thread and holds an AST many times its input, gets one file at a time.
 */
export class Formatting {
  readonly #options: GenerateOptions;
  readonly #limit: number;
  readonly #inFlight: { readonly size: number; readonly settled: Promise<void> }[] = [];
  readonly #memo: FormatMemo;
  #bytes = 0;
  /** The files printed in the formatter's layout, by output path (kept as printed with oxfmt). */
  readonly final = new Set<string>();

  constructor(options: GenerateOptions) {
    this.#options = options;
    this.#limit = options.formatter?.name === "prettier" ? 0 : IN_FLIGHT_BYTES;
    this.#memo = options.formats ?? new FormatMemo();
  }

  /**
   * Starts formatting a file rendered from a template whose text is `header` and a body that is
   * the same in every folder (runtime.ts, the helper files): with oxfmt, the header and the body
   * are formatted apart (format.ts `splitHeader`: the same bytes as whole) and the body once per
   * run. Otherwise, or with a `--watch` cache, as `add`.
   */
  async addTemplate(header: string, text: string): Promise<{ readonly formatted: Promise<string> }> {
    const options = this.#options;
    const oxfmt = options.formatter === undefined || options.formatter.name === "oxfmt";
    const split = options.format !== false && oxfmt && options.cache === undefined ? splitHeader(text, header) : undefined;
    if (split === undefined) return this.add(text);
    // A body seen before is the promise of its first formatting (settled, or still in flight).
    const part = (source: string): Promise<string> => this.#memo.get(source, async (first) => (await this.add(first)).formatted);
    const formatted = Promise.all([part(split.head), part(split.body)]).then(([head, body]) => `${head}\n${body}`);
    formatted.catch(noop); // a failure is seen where the result is awaited, not as unhandled
    return { formatted };
  }

  /**
   * Starts formatting `text` (after earlier files, when too much is in flight). The result is
   * wrapped: an async function returning a bare promise would wait for it.
   */
  async add(text: string, final?: { readonly header: string; readonly path: string }): Promise<{ readonly formatted: Promise<string> }> {
    const options = this.#options;
    // oxfmt would not change a byte of a file printed in its layout under a header of plain `//`
    // lines (format.ts `stableHeader`). Prettier formats every file: a team's config may differ.
    const keep = final !== undefined && stableHeader(final.header);
    if (keep) this.final.add(final.path);
    if (options.format === false) return { formatted: Promise.resolve(text) };
    if (keep && (options.formatter === undefined || options.formatter.name === "oxfmt")) return { formatted: Promise.resolve(text) };
    while (this.#inFlight.length > 0 && this.#bytes + text.length > this.#limit) {
      const first = this.#inFlight.shift()!;
      await first.settled;
      this.#bytes -= first.size;
    }
    const format = (source: string) => formatTypeScript(source, options.formatter);
    const done = options.cache === undefined ? format(text) : options.cache.format(text, JSON.stringify(options.formatter ?? null), format);
    // Settled, never rejected: a failure is seen where the result is awaited, not as unhandled.
    this.#inFlight.push({ size: text.length, settled: done.then(noop, noop) });
    this.#bytes += text.length;
    return { formatted: done };
  }
}

/** Unformatted text being formatted at once (oxfmt): a few large files, many small ones. */
const IN_FLIGHT_BYTES = 8 * 1024 * 1024;

function noop(): void {}
