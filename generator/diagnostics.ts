// Diagnostics are data: the core collects them, only the CLI prints them.
//
//   { code: "SMITHY_UNKNOWN_TARGET", severity: "error",
//     message: "Member `Foo$bar` targets `ns#Nope`, which is not defined",
//     file: "models/x.json", line: 12, column: 18, pointer: "/shapes/ns#Foo/members/bar/target",
//     hint: "Define the shape or fix the id; did you mean `ns#Nop`?" }

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** Stable, upper snake case, e.g. `JSON_SYNTAX`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The source file, as given to the core. */
  readonly file?: string;
  /** 1-based line and column in `file`, where known. */
  readonly line?: number;
  readonly column?: number;
  /** RFC 6901 JSON pointer into the document, where a position is not known or as well. */
  readonly pointer?: string;
  /** How to fix it. */
  readonly hint?: string;
}

/** Collects diagnostics during one run; passed explicitly, never global. */
export class Diagnostics {
  readonly #items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): void {
    this.#items.push(diagnostic);
  }

  error(code: string, message: string, where: Omit<Diagnostic, "code" | "severity" | "message"> = {}): void {
    this.add({ code, severity: "error", message, ...where });
  }

  warning(code: string, message: string, where: Omit<Diagnostic, "code" | "severity" | "message"> = {}): void {
    this.add({ code, severity: "warning", message, ...where });
  }

  get items(): readonly Diagnostic[] {
    return this.#items;
  }

  get hasErrors(): boolean {
    return this.#items.some((d) => d.severity === "error");
  }
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Builds a JSON pointer from segments: `pointer("shapes", "a#B")` → `/shapes/a#B`. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => "/" + pointerSegment(s)).join("");
}

/** A user's mistake found deep inside a pass; the core turns it into a diagnostic, never a stack trace. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = "DiagnosticError";
  }
}
