// The pure core: model inputs in, a map of output path → file content out. No disk, no console.
//
//   await generate([{ name: "weather", files: [{ path: "weather.json", text }] }], host, options)
//   → { files: Map { "weather/types.ts" → "...", "weather/validators.ts" → "...", ... },
//       diagnostics: [] }
//
// Steps: front ends → resolved models → naming → one emitter per artifact → templates for
// skeletons → the formatter once per file (generator/format.ts: oxfmt unless the run chose prettier).
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
import { HELPER_FILES, HELPER_IMPORTS } from "./protocols/symbols.js";
import { emitValidators } from "./emit/validators.js";
import { emitRedaction } from "./emit/redact.js";
import type { GeneratedFile } from "./emit/file-builder.js";
import type { Templates } from "./templates.js";
import { formatTypeScript, type Formatter } from "./format.js";

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
}

export interface GenerateResult {
  /** Output path (relative to the output folder, `/`-separated) → content. Empty on errors. */
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

export async function generate(
  inputs: readonly ModelInput[],
  host: Host,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const diags = new Diagnostics();
  let models: ResolvedModel[] = [];
  try {
    models = loadModels(inputs, host, diags);
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    diags.add(error.diagnostic);
  }
  if (diags.hasErrors) return { files: new Map(), diagnostics: diags.items };
  const files = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const [index, model] of models.entries()) {
    options.onModel?.(index, models.length, model.name);
    const other = seen.get(model.name);
    if (other !== undefined) {
      diags.error("OUTPUT_COLLISION", `Two models would both be generated into \`${model.name}/\`: ${other} and ${model.sources.join(", ")}`, {
        hint: "Rename one of the model files.",
      });
      continue;
    }
    seen.set(model.name, model.sources.join(", "));
    for (const [path, content] of await emitModel(model, options, diags)) files.set(path, content);
  }
  if (diags.hasErrors) return { files: new Map(), diagnostics: diags.items };
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), diagnostics: diags.items };
}

/** Emits every artifact of one resolved model; paths are `<model.name>/<file>`. */
export async function emitModel(
  model: ResolvedModel,
  options: GenerateOptions,
  diags: Diagnostics,
): Promise<Map<string, string>> {
  const names = assignNames(model, diags);
  const header = options.templates.header({ model: model.name, sources: model.sources, service: model.service.name });
  const wanted = (artifact: Artifact) => artifact === "types" || options.artifacts === undefined || options.artifacts.includes(artifact);
  const emitters: (() => GeneratedFile)[] = [
    () => emitTypes(model, names),
    ...(wanted("serializers") ? [() => emitSerializers(model, names, diags)] : []),
    ...(wanted("deserializers") ? [() => emitDeserializers(model, names, diags), () => emitErrors(model, names, diags)] : []),
    ...(wanted("validators") ? [() => emitValidators(model, names, diags)] : []),
    ...(wanted("redact") ? [() => emitRedaction(model, names)] : []),
  ];
  const out = new Map<string, string>();
  const runtime = emitters.length > 1;
  if (runtime) out.set(`${model.name}/runtime.ts`, await finish(options.templates.runtime({ header }), options));
  // One artifact at a time, in order: its printed lines are dropped once rendered, so a huge
  // service (Microsoft Graph: 100 MB of output) never holds every file's lines while formatting.
  const exported: string[] = [];
  const helpers = new Set<string>();
  for (const emit of emitters) {
    const { path, text } = render(emit, header, exported, helpers);
    out.set(`${model.name}/${path}`, await finish(text, options));
  }
  // Codec helper files go only into folders whose code imports them (or a helper file they get does).
  for (const helper of HELPER_FILES) for (const imported of helpers.has(helper) ? (HELPER_IMPORTS[helper] ?? []) : []) helpers.add(imported);
  for (const helper of HELPER_FILES) {
    if (helpers.has(helper)) out.set(`${model.name}/${helper}`, await finish(options.templates.helper(helper, { header }), options));
  }
  const index = options.templates.index({
    model: model.name,
    header,
    modules: [...(runtime ? ["runtime.js"] : []), ...exported],
    // The error classes win over the interfaces of the same names in types.ts.
    reexports: exported.includes("errors.js") && errorClassNames(model, names).length > 0 ? [{ module: "errors.js", names: errorClassNames(model, names).join(", ") }] : [],
  });
  out.set(`${model.name}/index.ts`, await finish(index, options));
  return out;
}

/** Emits one artifact and renders it; the emitter's lines are garbage when this returns. */
function render(emit: () => GeneratedFile, header: string, exported: string[], helpers: Set<string>): { path: string; text: string } {
  const file = emit();
  if (file.exported) exported.push(file.path.replace(/\.ts$/, ".js"));
  for (const helper of file.dependencies()) helpers.add(helper);
  return { path: file.path, text: file.render(header) };
}

async function finish(text: string, options: GenerateOptions): Promise<string> {
  return options.format === false ? text : formatTypeScript(text, options.formatter);
}
