// A generated file that tracks its imports: emitters print code and name the symbols they use;
// the file writes one sorted import block.
//
//   const f = new GeneratedFile("validators.ts");
//   f.importType("InitiateAuthRequest", "./types.js");
//   f.line("export function validate(x: InitiateAuthRequest) {}");
//   f.render("// header") →
//     // header
//     import type { InitiateAuthRequest } from "./types.js";
//
//     export function validate(x: InitiateAuthRequest) {}

export class GeneratedFile {
  readonly #lines: string[] = [];
  /** module → name → true when the import is type-only. */
  readonly #imports = new Map<string, Map<string, boolean>>();

  constructor(
    /** Path inside the model's output folder, e.g. `types.ts`. */
    readonly path: string,
    /** Re-exported from the folder's index.ts. */
    readonly exported = true,
  ) {}

  /** Records a value import and returns the name to print. */
  import(name: string, from: string): string {
    this.#record(name, from, false);
    return name;
  }

  /** Records a type-only import (upgraded to a value import if also imported as a value). */
  importType(name: string, from: string): string {
    this.#record(name, from, true);
    return name;
  }

  #record(name: string, from: string, typeOnly: boolean): void {
    let names = this.#imports.get(from);
    if (!names) this.#imports.set(from, (names = new Map()));
    names.set(name, (names.get(name) ?? true) && typeOnly);
  }

  /** Appends lines (each string may hold several lines). */
  line(...text: string[]): void {
    if (text.length === 0) this.#lines.push("");
    for (const t of text) this.#lines.push(t);
  }

  /** Appends a block of lines indented by `depth` levels of two spaces. */
  indented(depth: number, lines: readonly string[]): void {
    const pad = "  ".repeat(depth);
    for (const l of lines) this.#lines.push(l === "" ? "" : pad + l);
  }

  /** Nothing printed yet. */
  isEmpty(): boolean {
    return this.#lines.every((l) => l.trim() === "");
  }

  render(header: string): string {
    const imports: string[] = [];
    for (const from of [...this.#imports.keys()].sort()) {
      const names = this.#imports.get(from)!;
      const sorted = [...names.keys()].sort();
      const allTypes = sorted.every((n) => names.get(n));
      const spec = sorted.map((n) => (!allTypes && names.get(n) ? `type ${n}` : n)).join(", ");
      imports.push(`import ${allTypes ? "type " : ""}{ ${spec} } from "${from}";`);
    }
    const parts = [header.trimEnd()];
    if (imports.length > 0) parts.push(imports.join("\n"));
    parts.push(this.#lines.join("\n").trim());
    return parts.join("\n\n") + "\n";
  }
}
