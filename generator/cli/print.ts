// Renders diagnostics for a terminal: position, severity, code, message, a code frame (or the
// JSON pointer when no position is known) and the hint; lines of a message or hint that quote
// huge input are cut in the middle. A file name is shown escaped (a newline in
// it cannot start a line); control characters, "\r", U+2028 and U+2029 in a framed line are shown
// as visible stand-ins, so the frame's line numbers and caret stay where the position says.
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
import { printable } from "../printable.js";

/** What the printer knows about a file a diagnostic names. */
export interface SourceInfo {
  /** How to show the path (relative to the working directory). */
  readonly display: string;
  /** The file's text, for the code frame. */
  readonly text?: string;
}

/** Diagnostic `file` → what is known of it. Files not listed are shown as named, without a frame. */
export type SourceLookup = (file: string) => SourceInfo | undefined;

/** ANSI colors of the severities (only when the terminal wants colors). */
const SEVERITY_COLOR: Readonly<Record<Severity, string>> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };

export function formatDiagnostic(d: Diagnostic, lookup: SourceLookup, color = false): string {
  const info = d.file !== undefined ? lookup(d.file) : undefined;
  const file = d.file !== undefined ? (info?.display ?? d.file) : undefined;
  let where = "";
  if (file !== undefined) {
    where = printable(file);
    if (d.line !== undefined) where += `:${d.line}` + (d.column !== undefined ? `:${d.column}` : "");
    where += ": ";
  }
  const severity = color ? `${SEVERITY_COLOR[d.severity]}\x1b[1m${d.severity}\x1b[0m` : d.severity;
  const lines = [`${where}${severity} ${d.code}: ${bounded(d.message)}`];
  const frame = info?.text !== undefined && d.line !== undefined ? codeFrame(info.text, d.line, d.column, color) : undefined;
  if (frame !== undefined) lines.push(indent(frame));
  if (d.pointer !== undefined && (frame === undefined || d.line === undefined)) {
    lines.push(`  at ${d.pointer === "" ? "the document root" : bounded(d.pointer)}`);
  }
  if (d.hint !== undefined) lines.push(`hint: ${bounded(d.hint)}`);
  return lines.join("\n");
}

/** Longest line of a message, pointer or hint that is printed whole. */
const MAX_LINE = 400;

/**
 * A safety net for messages that quote input (a 250 KB identifier, a minified value): each line
 * longer than MAX_LINE keeps its start and end around a note of how much was cut.
 */
function bounded(text: string): string {
  if (text.length <= MAX_LINE) return text;
  return text
    .split("\n")
    .map((line) => (line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE - 100)} … (${line.length - MAX_LINE + 20} characters cut) … ${line.slice(-80)}`))
    .join("\n");
}

/** Formats all diagnostics worth showing (infos only when verbose), then a count line. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], lookup: SourceLookup, verbose: boolean, color = false): string {
  const shown = diagnostics.filter((d) => verbose || d.severity !== "info");
  if (shown.length === 0) return "";
  const blocks = shown.map((d) => formatDiagnostic(d, lookup, color));
  const count = (severity: Severity, word: string) => {
    const n = shown.filter((d) => d.severity === severity).length;
    return n === 0 ? [] : [`${n} ${word}${n === 1 ? "" : "s"}`];
  };
  const summary = [...count("error", "error"), ...count("warning", "warning")].join(", ");
  return blocks.join("\n\n") + (shown.length > 1 && summary ? `\n\n${summary}` : "") + "\n";
}

/** Widest source line shown in a frame; longer lines (minified JSON, long strings) are cut. */
const MAX_WIDTH = 120;
const ABOVE = 2;
const BELOW = 2;

function codeFrame(text: string, line: number, column: number | undefined, color: boolean): string | undefined {
  const lines = text.split("\n");
  if (line < 1 || line > lines.length) return undefined;
  // Only the window of lines around the error is shown: blank the others (keeping the line
  // numbers) and cut long lines to a horizontal window that keeps the column in view.
  const start = column !== undefined && column > MAX_WIDTH - 20 ? column - 1 - 60 : 0;
  const window = lines.map((l, i) => {
    const n = i + 1;
    if (n < line - ABOVE || n > line + BELOW) return "";
    const cut = visible(l.replace(/\r$/, "").slice(start, start + MAX_WIDTH));
    return (start > 0 && l.length > 0 ? "…" : "") + cut + (l.length > start + MAX_WIDTH ? "…" : "");
  });
  const col = column === undefined ? undefined : column - start + (start > 0 ? 1 : 0);
  return codeFrameColumns(window.join("\n"), { start: col !== undefined ? { line, column: col } : { line } }, {
    highlightCode: color,
    forceColor: color,
    linesAbove: ABOVE,
    linesBelow: BELOW,
  });
}

/**
 * Positions count lines by "\n" only (source-position.ts, the IDL lexer), but the frame printer
 * also breaks lines at "\r", U+2028 and U+2029: each of those, and every other control character
 * but the tab, is shown as one visible stand-in (the same width: columns stay right).
 */
function visible(line: string): string {
  return line.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (␍ for "\r")
    if (code === 0x7f) return "\u2421"; // ␡
    if (code === 0x2028) return "\u2424"; // ␤
    if (code === 0x2029) return "\u00b6"; // ¶
    return "\ufffd";
  });
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => (l === "" ? l : "  " + l))
    .join("\n");
}
