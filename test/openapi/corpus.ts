// The OpenAPI corpus sweep: one real document through the whole core (no prettier), and its
// output type-checked in memory under the strict options: one TypeScript program per document,
// every generated file checked (skipLibCheck: TypeScript's own lib .d.ts files are not re-checked);
// every file in the printers' final layout must be what oxfmt makes of it (`unstableLayout`).
//
//   await sweepDocument("xkcd.com.json.gz")
//   → { file: "xkcd.com.json.gz", outcome: "generated", errors: [], typeErrors: [], ignored: [], ms: 120,
//       generateMs: 80, typecheckMs: 40, outputBytes: 61234 }

import { STRICT_OPTIONS } from "../helpers/typecheck.js";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { Project, ts } from "ts-morph";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { generateFiles, OPENAPI_CORPUS } from "./helpers.js";
import { corpusFile } from "../helpers/paths.js";
import { unstableFinal } from "../helpers/layout-oracle.js";

export interface SweepResult {
  readonly file: string;
  readonly outcome: "generated" | "rejected" | "crashed";
  /** Error diagnostics (rejected), or the crash message. */
  readonly errors: readonly Pick<Diagnostic, "code" | "message" | "pointer">[];
  readonly typeErrors: readonly string[];
  /** `OPENAPI_KEYWORD_TYPE` warnings: keywords of the wrong type that the front end ignored (generated only). */
  readonly ignored?: readonly Pick<Diagnostic, "code" | "pointer">[];
  /** Files in the printers' final layout that oxfmt would change (test/helpers/layout-oracle.ts). */
  readonly unstableLayout?: readonly string[];
  /** Wall time of the whole document, and of its two phases. */
  readonly ms: number;
  readonly generateMs?: number;
  readonly typecheckMs?: number;
  /** Characters of generated TypeScript (the type-check's input). */
  readonly outputBytes?: number;
  /** CPU time and peak RSS of the document's process (sweep-one.ts only). */
  readonly cpuMs?: number;
  readonly peakRssMb?: number;
}

/** Every document of the corpus, sorted; fails naming the folder when it is missing. */
export function corpusDocuments(): string[] {
  corpusFile("openapi");
  return readdirSync(OPENAPI_CORPUS).filter((f) => f.endsWith(".json.gz")).sort();
}

export async function sweepDocument(file: string, typecheck = true): Promise<SweepResult> {
  const start = performance.now();
  const text = gunzipSync(readFileSync(join(corpusFile(`openapi/${file}`)))).toString("utf8");
  const path = file.replace(/\.gz$/, "");
  try {
    const result = await generateFiles([{ path, text }], "api", false);
    const generateMs = performance.now() - start;
    const errors = result.diagnostics.filter((d) => d.severity === "error").map(({ code, message, pointer }) => ({ code, message, ...(pointer !== undefined ? { pointer } : {}) }));
    if (errors.length > 0 || result.files.size === 0) return { file, outcome: "rejected", errors, typeErrors: [], ms: performance.now() - start, generateMs };
    const outputBytes = [...result.files.values()].reduce((n, content) => n + content.length, 0);
    const typeErrors = typecheck ? typecheckFiles(result.files) : [];
    const unstableLayout = await unstableFinal(result);
    const ms = performance.now() - start;
    const ignored = result.diagnostics.filter((d) => d.code === "OPENAPI_KEYWORD_TYPE").map(({ code, pointer }) => ({ code, ...(pointer !== undefined ? { pointer } : {}) }));
    return { file, outcome: "generated", errors: [], typeErrors, ignored, unstableLayout, ms, generateMs, typecheckMs: ms - generateMs, outputBytes };
  } catch (error) {
    return { file, outcome: "crashed", errors: [{ code: "CRASH", message: (error as Error).stack ?? String(error) }], typeErrors: [], ms: performance.now() - start };
  }
}

/** The strict options, without re-checking TypeScript's own lib .d.ts files (the generated files are all checked). */
const SWEEP_OPTIONS = { ...STRICT_OPTIONS, lib: [...STRICT_OPTIONS.lib], types: [], skipLibCheck: true };

/** Type-checks generated files in memory, all in one program; returns `file:line TSnnnn message` per error (at most 20). */
export function typecheckFiles(files: ReadonlyMap<string, string>): string[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: SWEEP_OPTIONS });
  for (const [path, content] of files) project.createSourceFile(`/out/${path}`, content);
  return project
    .getPreEmitDiagnostics()
    .slice(0, 20)
    .map((d) => `${d.getSourceFile()?.getFilePath().replace(/^\/out\//, "") ?? "?"}:${d.getLineNumber() ?? "?"} TS${d.getCode()} ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n").slice(0, 300)}`);
}
