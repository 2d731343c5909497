// Renders diagnostics for a terminal: position, severity, code, message, a code frame (or the
// JSON pointer when no position is known) and the hint.
//
//   formatDiagnostic({ code: "JSON_SYNTAX", severity: "error", message: "Unexpected end of input",
//                      file: "models/x.json", line: 3, column: 1, hint: "Complete the JSON." }, sources)
//   → models/x.json:3:1: error JSON_SYNTAX: Unexpected end of input
//       2 |   "shapes": {
//     > 3 |
//         | ^
//     hint: Complete the JSON.

import { codeFrameColumns } from "@babel/code-frame";
import type { Diagnostic, Severity } from "../diagnostics.js";

/** What the printer knows about a file a diagnostic names. */
export interface SourceInfo {
  /** How to show the path (relative to the working directory). */
  readonly display: string;
  /** The file's text, for the code frame. */
  readonly text?: string;
}

/** Diagnostic `file` → what is known of it. Files not listed are shown as named, without a frame. */
export type SourceLookup = (file: string) => SourceInfo | undefined;

export function formatDiagnostic(d: Diagnostic, lookup: SourceLookup): string {
  const info = d.file !== undefined ? lookup(d.file) : undefined;
  const file = d.file !== undefined ? (info?.display ?? d.file) : undefined;
  let where = "";
  if (file !== undefined) {
    where = file;
    if (d.line !== undefined) where += `:${d.line}` + (d.column !== undefined ? `:${d.column}` : "");
    where += ": ";
  }
  const lines = [`${where}${d.severity} ${d.code}: ${d.message}`];
  const frame = info?.text !== undefined && d.line !== undefined ? codeFrame(info.text, d.line, d.column) : undefined;
  if (frame !== undefined) lines.push(indent(frame));
  if (d.pointer !== undefined && (frame === undefined || d.line === undefined)) {
    lines.push(`  at ${d.pointer === "" ? "the document root" : d.pointer}`);
  }
  if (d.hint !== undefined) lines.push(`hint: ${d.hint}`);
  return lines.join("\n");
}

/** Formats all diagnostics worth showing (infos only when verbose), then a count line. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], lookup: SourceLookup, verbose: boolean): string {
  const shown = diagnostics.filter((d) => verbose || d.severity !== "info");
  if (shown.length === 0) return "";
  const blocks = shown.map((d) => formatDiagnostic(d, lookup));
  const count = (severity: Severity, word: string) => {
    const n = shown.filter((d) => d.severity === severity).length;
    return n === 0 ? [] : [`${n} ${word}${n === 1 ? "" : "s"}`];
  };
  const summary = [...count("error", "error"), ...count("warning", "warning")].join(", ");
  return blocks.join("\n\n") + (shown.length > 1 && summary ? `\n\n${summary}` : "") + "\n";
}

function codeFrame(text: string, line: number, column: number | undefined): string | undefined {
  const lineCount = text.split("\n").length;
  if (line < 1 || line > lineCount) return undefined;
  // Long lines (minified JSON) would flood the terminal: show a window around the column.
  const source = text.split("\n")[line - 1] ?? "";
  if (source.length > 200 && column !== undefined) {
    const start = Math.max(0, column - 1 - 60);
    const end = Math.min(source.length, column - 1 + 60);
    const excerpt = (start > 0 ? "…" : "") + source.slice(start, end) + (end < source.length ? "…" : "");
    const gutter = String(line);
    const caret = " ".repeat(column - 1 - start + (start > 0 ? 1 : 0)) + "^";
    return `> ${gutter} | ${excerpt}\n  ${" ".repeat(gutter.length)} | ${caret}`;
  }
  return codeFrameColumns(text, { start: column !== undefined ? { line, column } : { line } }, {
    highlightCode: false,
    linesAbove: 2,
    linesBelow: 2,
  });
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => (l === "" ? l : "  " + l))
    .join("\n");
}
