// The playground page (bundled for the browser by bin/playground.mjs): a model in a CodeMirror
// editor, the pure core run on it as you type (debounced), the generated files in tabs, and the
// diagnostics at their lines in the editor and listed below it.
//
//   edit the Cognito model → 300 ms later → tabs index.ts, redact.ts, runtime.ts, serializers.ts,
//   types.ts, validators.ts; a syntax error → a red underline at its line and
//   "models/cognito-identity-provider.smithy:19:30 error SMITHY_IDL_SYNTAX: …" below (a click
//   on it puts the cursor there)
//
// The core gets the model as text and the built-in templates as text (injected by the build), and
// the AWS partitions table of @aws-sdk/util-endpoints (bundled): no file system, no Node. `window.shapesmith` exposes the last result for the browser test.

import { EditorView, basicSetup } from "codemirror";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics, type Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import { Compartment, type Text } from "@codemirror/state";
import { generate } from "../core.js";
import type { Diagnostic } from "../diagnostics.js";
import { compileTemplates } from "../templates.js";
import packagedPartitions from "@aws-sdk/util-endpoints/dist-cjs/lib/aws/partitions.json" with { type: "json" };

/** Injected by bin/playground.mjs: template name → text; model file name → text. */
declare const __SHAPESMITH_TEMPLATES__: Readonly<Record<string, string>>;
declare const __SHAPESMITH_MODELS__: Readonly<Record<string, string>>;

export const DEBOUNCE_MS = 300;

interface PlaygroundState {
  /** The editor (the browser test places the cursor with it, then types). */
  view?: EditorView;
  generation: number;
  files: ReadonlyMap<string, string>;
  diagnostics: readonly Diagnostic[];
}

const state: PlaygroundState = { generation: 0, files: new Map(), diagnostics: [] };
(window as unknown as { shapesmith: PlaygroundState }).shapesmith = state;

const templates = compileTemplates(__SHAPESMITH_TEMPLATES__);
const modelSelect = byId<HTMLSelectElement>("model");
const status = byId<HTMLElement>("status");
const tabs = byId<HTMLElement>("tabs");
const fileView = byId<HTMLElement>("file");
const list = byId<HTMLElement>("diagnostics");
let selected = "types.ts";
let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> = Promise.resolve();

for (const name of Object.keys(__SHAPESMITH_MODELS__)) {
  const option = document.createElement("option");
  option.value = name;
  option.textContent = name;
  modelSelect.append(option);
}

const language = new Compartment();
const view = new EditorView({
  parent: byId("editor"),
  doc: __SHAPESMITH_MODELS__[modelSelect.value] ?? "",
  extensions: [
    basicSetup,
    lintGutter(),
    language.of(languageFor(modelSelect.value)),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) schedule();
    }),
  ],
});

state.view = view;

modelSelect.addEventListener("change", () => {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: __SHAPESMITH_MODELS__[modelSelect.value] ?? "" },
    effects: language.reconfigure(languageFor(modelSelect.value)),
  });
});

function schedule(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    running = running.then(run, run);
  }, DEBOUNCE_MS);
}

async function run(): Promise<void> {
  const file = modelSelect.value;
  const name = file.replace(/\.[^.]+$/, "").replace(/\./g, "-");
  const text = view.state.doc.toString();
  const started = performance.now();
  let files: ReadonlyMap<string, string> = new Map();
  let diagnostics: readonly Diagnostic[];
  try {
    // The path the repo gives its own models. Formatted by prettier (its standalone build: oxfmt
    // is native code): the repo's generated/ as prettier prints it, which differs from oxfmt's
    // layout only where test/foundation/formatter.test.ts lists it.
    const result = await generate([{ name, files: [{ path: `models/${file}`, text }] }], { readFile: () => undefined }, {
      templates,
      format: true,
      formatter: { name: "prettier" },
      // The CLI's default table (generator/cli/partitions.ts), bundled: AWS models with endpoint rules generate here too.
      partitions: { source: "@aws-sdk/util-endpoints/dist-cjs/lib/aws/partitions.json", table: packagedPartitions as unknown },
    });
    files = result.files;
    diagnostics = result.diagnostics;
  } catch (error) {
    diagnostics = [{ code: "INTERNAL", severity: "error", message: `internal error (a bug in Shapesmith): ${error instanceof Error ? error.message : String(error)}` }];
  }
  const ms = Math.round(performance.now() - started);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  state.files = files;
  state.diagnostics = diagnostics;
  if (files.size > 0) showFiles(name, files);
  showDiagnostics(diagnostics, view.state.doc);
  state.generation++;
  status.dataset.generation = String(state.generation);
  status.textContent = errors > 0 ? `${errors} error${errors === 1 ? "" : "s"} (${ms} ms)` : `${files.size} files (${ms} ms)`;
}

function showFiles(model: string, files: ReadonlyMap<string, string>): void {
  const names = [...files.keys()].map((p) => p.slice(model.length + 1));
  if (!names.includes(selected)) selected = names.includes("types.ts") ? "types.ts" : (names[0] ?? "");
  tabs.replaceChildren(
    ...names.map((file) => {
      const button = document.createElement("button");
      button.textContent = file;
      button.setAttribute("role", "tab");
      button.setAttribute("aria-selected", String(file === selected));
      button.addEventListener("click", () => {
        selected = file;
        showFiles(model, files);
      });
      return button;
    }),
  );
  fileView.textContent = files.get(`${model}/${selected}`) ?? "";
  fileView.dataset.file = selected;
}

function showDiagnostics(diagnostics: readonly Diagnostic[], doc: Text): void {
  const marks: EditorDiagnostic[] = [];
  const items: HTMLElement[] = [];
  for (const d of diagnostics) {
    if (d.severity === "info") continue;
    const item = document.createElement("li");
    item.className = d.severity;
    const where = d.file !== undefined ? `${d.file}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ""}` : ""} ` : "";
    item.textContent = `${where}${d.severity} ${d.code}: ${d.message}${d.hint !== undefined ? ` (hint: ${d.hint})` : ""}`;
    if (d.line !== undefined) item.dataset.line = String(d.line);
    items.push(item);
    if (d.line !== undefined && d.line >= 1 && d.line <= doc.lines) {
      const line = doc.line(d.line);
      const from = Math.min(line.from + Math.max((d.column ?? 1) - 1, 0), line.to);
      // A click on the listed diagnostic puts the cursor there.
      item.addEventListener("click", () => {
        view.dispatch({ selection: { anchor: from }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
        view.focus();
      });
      marks.push({ from, to: Math.max(from + 1, line.to), severity: d.severity, message: `${d.code}: ${d.message}` });
    }
  }
  list.replaceChildren(...items);
  view.dispatch(setDiagnostics(view.state, marks));
}

function languageFor(file: string) {
  if (/\.ya?ml$/.test(file)) return yaml();
  if (/\.json$/.test(file)) return json();
  return [];
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`internal: the page has no #${id}`);
  return element as T;
}

schedule();
