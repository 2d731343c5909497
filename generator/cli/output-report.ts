// What the CLI says about the output folder's write protocol (output.ts): what recovery did, and
// why a write failed, as diagnostics that tell the truth about the state the folder is in.
//
//   recoveryDiagnostics([{ kind: "rolled-back", work: "/p/.generated.shapesmith" }], "/p", "/p/generated")
//   → [{ code: "OUT_RECOVERED", severity: "warning",
//        message: "An earlier run was interrupted before it committed its write to `generated/`: removed
//                  its staged files (`.generated.shapesmith/`); `generated/` is as it was before that run" }]
//   writeFailure(new WriteIncompleteError(eacces, work, 3, 7), "/p", "/p/generated")
//   → { code: "OUT_WRITE_INCOMPLETE", message: "Writing `generated/` stopped after 3 of 7 changes ...: it is partly
//        updated; ...", hint: "... run the same command again: it finishes the write first." }

import type { Diagnostic } from "../diagnostics.js";
import { displayPath } from "../options.js";
import { CleanupError, NotAFolderError, OutputBusyError, WriteIncompleteError, type Recovery } from "./output.js";

export function recoveryDiagnostics(recoveries: readonly Recovery[], cwd: string, out: string): Diagnostic[] {
  const shown = `\`${displayPath(cwd, out)}/\``;
  const result: Diagnostic[] = [];
  const note = (message: string): void => void result.push({ code: "OUT_RECOVERED", severity: "warning", message });
  for (const r of recoveries) {
    switch (r.kind) {
      case "none":
        break;
      case "rolled-forward":
        note(
          `An earlier run was interrupted after it committed its write to ${shown}: finished it ` +
            `(${r.put} written, ${r.deleted} deleted, from \`${displayPath(cwd, r.work)}/\`); ${shown} is that run's output`,
        );
        break;
      case "rolled-back":
        note(
          `An earlier run was interrupted before it committed its write to ${shown}: removed its staged files ` +
            `(\`${displayPath(cwd, r.work)}/\`); ${shown} is as it was before that run`,
        );
        break;
      case "cleaned":
        note(`Removed \`${displayPath(cwd, r.work)}/\`, left by an earlier run that was interrupted; ${shown} needed no repair`);
        break;
      case "legacy":
        note(
          (r.restored !== undefined
            ? `${shown} was missing after an interrupted run: renamed its backup \`${displayPath(cwd, r.restored)}\` back. `
            : "") +
            (r.removed.length > 0
              ? `Removed ${r.removed.length === 1 ? "a temporary folder" : `${r.removed.length} temporary folders`} left by an earlier run: ` +
                r.removed.map((p) => `\`${displayPath(cwd, p)}\``).join(", ")
              : ""),
        );
        break;
      default:
        r satisfies never;
    }
  }
  return result;
}

/** `--check` found leftovers of an interrupted run next to the folder. */
export function leftoversDiagnostic(leftovers: readonly string[], cwd: string, out: string): Diagnostic {
  return {
    code: "OUT_INTERRUPTED",
    severity: "error",
    message: `A write of \`${displayPath(cwd, out)}/\` was interrupted or is in progress: ${leftovers
      .map((p) => `\`${displayPath(cwd, p)}\``)
      .join(", ")} ${leftovers.length === 1 ? "is" : "are"} left`,
    hint: "Run the same command without --check: it finishes or undoes the interrupted write and removes what it left.",
  };
}

/**
 * The diagnostic for an error thrown while recovering or writing the folder, or undefined when
 * the error is not about the file system (a bug: the caller rethrows it).
 */
export function writeFailure(error: unknown, cwd: string, out: string): Diagnostic | undefined {
  const shown = `\`${displayPath(cwd, out)}/\``;
  if (error instanceof NotAFolderError) {
    return {
      code: "OUT_NOT_A_FOLDER",
      severity: "error",
      message: `The output path \`${displayPath(cwd, out)}\` exists and is not a folder`,
      hint: "Remove it or choose another --out.",
    };
  }
  if (error instanceof OutputBusyError) {
    return {
      code: "OUT_BUSY",
      severity: "error",
      message: `Another Shapesmith run (process ${error.pid}) is writing ${shown}; nothing was written`,
      hint: `Wait for it to finish. If no such run exists, remove \`${displayPath(cwd, error.lock)}\`.`,
    };
  }
  if (error instanceof WriteIncompleteError) {
    return {
      code: "OUT_WRITE_INCOMPLETE",
      severity: "error",
      message:
        `Writing ${shown} stopped after ${error.done} of ${error.total} changes (${describe(error.cause)}): it is partly updated. ` +
        `The journal in \`${displayPath(cwd, error.work)}/\` records the rest`,
      hint: "Fix the cause (permissions, disk space), then run the same command again: it finishes the write first.",
    };
  }
  if (error instanceof CleanupError) {
    return {
      code: "OUT_CLEANUP_FAILED",
      severity: "error",
      message: `${shown} was written, but \`${displayPath(cwd, error.work)}/\` could not be removed (${describe(error.cause)})`,
      hint: "The next run removes it; or remove it yourself.",
    };
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined || !/^E[A-Z]+$/.test(code)) return undefined;
  // The file system said no before the commit (permissions, a file in the way, a full disk).
  return {
    code: "OUT_WRITE_FAILED",
    severity: "error",
    message: `Cannot write ${shown} (${code}): ${(error as Error).message}; it was left as it was`,
    hint: "Check that the output folder and its parent are writable folders, or choose another --out.",
  };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code !== undefined && !message.startsWith(code) ? `${code}: ${message}` : message;
}
