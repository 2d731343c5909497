// How a command talks to the terminal: diagnostics (human, or JSON lines for editors and CI),
// result lines, and a progress line on a terminal. Decided once per run from the flags and the
// environment.
//
//   reporter({ quiet: false, json: false, verbose: false }, io with stderrIsTTY, env {})
//     .progress(2, 12, "ec2") → stderr "\r[3/12] ec2" (only on a TTY, not under CI, only for 2+ models)
//   reporter({ json: true, ... }).diagnostics([d], lookup)
//     → stdout '{"severity":"error","code":"JSON_SYNTAX","message":"…","file":"models/x.json","line":3,"column":1,…}\n'
//
// Colors: on when stderr is a terminal, unless NO_COLOR is set (non-empty); FORCE_COLOR=1/2/3
// (or empty) forces them on, FORCE_COLOR=0 off.

import type { Diagnostic } from "../diagnostics.js";
import type { Io } from "./io.js";
import { formatDiagnostics, type SourceLookup } from "./print.js";

export interface ReporterFlags {
  /** Only errors; no result lines, no progress. */
  readonly quiet: boolean;
  /** `--reporter json`: diagnostics as JSON lines on stdout. */
  readonly json: boolean;
  /** Also infos. */
  readonly verbose: boolean;
}

export interface Reporter {
  readonly color: boolean;
  diagnostics(diagnostics: readonly Diagnostic[], lookup: SourceLookup): void;
  /** A result line ("Wrote generated/: …"): stdout (stderr with --reporter json); not with --quiet. */
  result(line: string): void;
  progress(index: number, total: number, name: string): void;
  /** Clears the progress line, if one is shown. */
  endProgress(): void;
}

/** Whether to color output for this environment and terminal. */
export function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY;
}

export function reporter(flags: ReporterFlags, io: Io): Reporter {
  const env = io.env ?? {};
  const tty = io.stderrIsTTY === true;
  const color = !flags.json && useColor(env, tty);
  const showProgress = tty && !flags.quiet && !flags.json && (env.CI === undefined || env.CI === "" || env.CI === "false");
  let shown = false;
  const clear = () => {
    if (shown) io.stderr("\r\x1b[2K");
    shown = false;
  };
  return {
    color,
    diagnostics(diagnostics, lookup) {
      const wanted = diagnostics.filter((d) => (flags.quiet ? d.severity === "error" : flags.verbose || d.severity !== "info"));
      if (wanted.length === 0) return;
      clear();
      if (flags.json) {
        for (const d of wanted) io.stdout(JSON.stringify(jsonDiagnostic(d, lookup)) + "\n");
        return;
      }
      io.stderr(formatDiagnostics(wanted, lookup, true, color));
    },
    result(line) {
      if (flags.quiet) return;
      clear();
      if (flags.json) io.stderr(line);
      else io.stdout(line);
    },
    progress(index, total, name) {
      if (!showProgress || total < 2) return;
      io.stderr(`\r\x1b[2K[${index + 1}/${total}] ${name}`);
      shown = true;
    },
    endProgress: clear,
  };
}

/** A diagnostic for machines: the display path as `file`, every field that is known. */
export function jsonDiagnostic(d: Diagnostic, lookup: SourceLookup): Diagnostic {
  const file = d.file !== undefined ? (lookup(d.file)?.display ?? d.file) : undefined;
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(file !== undefined ? { file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
  };
}
