// A generated file that tracks its imports: emitters print code and name the symbols they use;
// the file writes one sorted import block, with the relative path of each symbol's own file, and
// aliases an imported name that clashes with a name declared here or imported from elsewhere.
//
//   const f = new GeneratedFile("validators.ts");
//   f.declare("HttpRequest");                                   // a local declaration
//   const t = f.use({ name: "HttpRequest", file: "runtime.ts", kind: "type" });
//   f.line(`export function validate(x: ${t}) {}`);
//   f.render("// header") →
//     // header
//     import type { HttpRequest as HttpRequest_1 } from "./runtime.js";
//
//     export function validate(x: HttpRequest_1) {}
//
// `use` returns a placeholder that `render` replaces by the final local name, so a declaration
// made after the first use still wins its own name, and the choice of aliases does not depend on
// the order in which emitters asked.
//
// A printer that emits the formatter's own layout (generator/emit/layout.ts) says so with
// `printsFinalLayout()`; the import block is then laid out as prettier lays it out (one name per
// line when the line passes the print width), and `final` tells the core that oxfmt would leave
// the file as it is, so it is not formatted. A construct whose layout the printer is not sure of
// calls `unsure(why)`, and the file is formatted as any other. With `printsFinalLayout({ longLines: true })`
// the printer emits each statement on one line and `render` lays out every line past the print
// width (and every line holding a `\"`) through generator/emit/statements.ts, once the imported
// names are final:
//
//   import {
//     serializeAdminAddUserToGroupRequest,
//     serializeAdminConfirmSignUpRequest,
//   } from "./serializers.js";

import { PRINT_WIDTH } from "./layout.js";
import { layoutLongLines } from "./statements.js";

/** A named thing in one generated file of a model's output folder. */
export interface Sym {
  readonly name: string;
  /** Path inside the model's output folder, `/`-separated, e.g. `runtime.ts`. */
  readonly file: string;
  /** A type-only symbol is imported with `import type`. */
  readonly kind: "type" | "value";
}

const MARK = "\u0001";

/** Lines printed at render time (`GeneratedFile.later`). */
export type Deferred = (resolve: (text: string) => string) => readonly string[];

interface ImportEntry {
  readonly sym: Sym;
  typeOnly: boolean;
  readonly index: number;
  /** What `use` returns for it; `render` replaces it by the local name. */
  readonly placeholder: string;
}

export class GeneratedFile {
  readonly #lines: (string | Deferred)[] = [];
  /** Every imported symbol, whether every use was type-only, and its placeholder; in order of first use. */
  readonly #imports: ImportEntry[] = [];
  /** file → name → its entry (no key string built per use: emitters call `use` for every reference). */
  readonly #byFile = new Map<string, Map<string, ImportEntry>>();
  readonly #declared = new Set<string>();
  #finalLayout = false;
  /** Lines past the print width are laid out at render (generator/emit/statements.ts). */
  #longLines = false;
  #unsure: string | undefined;

  constructor(
    /** Path inside the model's output folder, e.g. `types.ts`. */
    readonly path: string,
    /** Re-exported from the folder's index.ts. */
    readonly exported = true,
  ) {}

  /** This file's printer emits the formatter's layout (generator/emit/layout.ts). */
  printsFinalLayout(options: { readonly longLines?: boolean } = {}): void {
    this.#finalLayout = true;
    this.#longLines = options.longLines ?? false;
  }

  /** A construct whose layout the printer cannot vouch for: the file goes through the formatter. */
  unsure(why: string): void {
    this.#unsure ??= why;
  }

  /** Is the printed layout the formatter's (oxfmt would not change a byte)? */
  get final(): boolean {
    return this.#finalLayout && this.#unsure === undefined;
  }

  /** Why the file is not final, when its printer meant it to be (for tests and `--verbose`). */
  get unsureBecause(): string | undefined {
    return this.#finalLayout ? this.#unsure : undefined;
  }

  /** Records a name this file declares (imports that clash with it are aliased). */
  declare(name: string): string {
    this.#declared.add(name);
    return name;
  }

  /** The expression naming `sym` in this file: its own name here, or an (aliased) import. */
  use(sym: Sym): string {
    if (sym.file === this.path) return sym.name;
    let names = this.#byFile.get(sym.file);
    if (names === undefined) this.#byFile.set(sym.file, (names = new Map()));
    let entry = names.get(sym.name);
    if (entry === undefined) {
      const index = this.#imports.length;
      entry = { sym, typeOnly: true, index, placeholder: `${MARK}${index}${MARK}` };
      names.set(sym.name, entry);
      this.#imports.push(entry);
    }
    if (sym.kind === "value") entry.typeOnly = false;
    return entry.placeholder;
  }

  /** Records a value import from a module path (`./runtime.js`) and returns the name to print. */
  import(name: string, from: string): string {
    return this.use({ name, file: fileOf(from), kind: "value" });
  }

  /** Records a type-only import (upgraded to a value import if also imported as a value). */
  importType(name: string, from: string): string {
    return this.use({ name, file: fileOf(from), kind: "type" });
  }

  /** Appends lines (each string may hold several lines). */
  line(...text: string[]): void {
    if (text.length === 0) this.#lines.push("");
    for (const t of text) this.#lines.push(t);
  }

  /**
   * Appends a list of lines of any length: `line(...list)` would spread it into arguments, which
   * passes V8's limit (a RangeError) for a declaration of ~125,000 lines.
   */
  lines(text: readonly string[]): void {
    for (const t of text) this.#lines.push(t);
  }

  /** Appends a block of lines indented by `depth` levels of two spaces. */
  indented(depth: number, lines: readonly string[]): void {
    const pad = "  ".repeat(depth);
    for (const l of lines) this.#lines.push(l === "" ? "" : pad + l);
  }

  /**
   * Lines printed at render time, when imported names have their final local names (a layout
   * that depends on line widths): `print` gets the function that turns a text holding `use`'s
   * placeholders into the final text.
   */
  later(print: Deferred): void {
    this.#lines.push(print);
  }

  /** Nothing printed yet. */
  isEmpty(): boolean {
    return this.#lines.every((l) => typeof l === "string" && l.trim() === "");
  }

  /** The names this file imports from `file`, e.g. `["evaluateRuleSet", "RuleSet"]` from endpoint-rules.ts. */
  importedNames(file: string): string[] {
    return [...(this.#byFile.get(file)?.keys() ?? [])];
  }

  /** The files this one imports from, e.g. `["runtime.ts", "types.ts"]`. */
  dependencies(): string[] {
    return [...this.#byFile.keys()].sort();
  }

  render(header: string): string {
    // Local names: sorted by module then name, first come first served; clashes get `_1`, `_2`.
    const entries = [...this.#imports].sort(
      (a, b) => compare(a.sym.file, b.sym.file) || compare(a.sym.name, b.sym.name),
    );
    const taken = new Set(this.#declared);
    const local = new Map<number, string>();
    for (const e of entries) {
      let name = e.sym.name;
      for (let i = 1; taken.has(name); i++) name = `${e.sym.name}_${i}`;
      taken.add(name);
      local.set(e.index, name);
    }
    const byFile = new Map<string, typeof entries>();
    for (const e of entries) {
      const list = byFile.get(e.sym.file) ?? [];
      list.push(e);
      byFile.set(e.sym.file, list);
    }
    const imports: string[] = [];
    for (const [file, list] of byFile) {
      const allTypes = list.every((e) => e.typeOnly);
      const spec = list
        .map((e) => {
          const as = local.get(e.index)!;
          const named = as === e.sym.name ? as : `${e.sym.name} as ${as}`;
          return !allTypes && e.typeOnly ? `type ${named}` : named;
        });
      const line = `import ${allTypes ? "type " : ""}{ ${spec.join(", ")} } from "${modulePath(this.path, file)}";`;
      // Prettier breaks an import of two or more names that passes the width: one name per line.
      if (!this.#finalLayout || line.length <= PRINT_WIDTH || spec.length < 2) imports.push(line);
      else {
        // A loop, not a spread: a spread passes each name as an argument, and a file that imports
        // tens of thousands of names (Microsoft Graph beta) would pass V8's limit on arguments.
        imports.push(`import ${allTypes ? "type " : ""}{`);
        for (const s of spec) imports.push(`  ${s},`);
        imports.push(`} from "${modulePath(this.path, file)}";`);
      }
    }
    // One join of every line into the file (no joined body, replaced copy and joined parts on
    // top of each other: Microsoft Graph beta's validators are 112 MB of text).
    const resolve = (text: string) => (text.includes(MARK) ? text.replace(/\u0001(\d+)\u0001/g, (_m, n: string) => local.get(Number(n))!) : text);
    let lines = this.#lines as string[];
    if (this.#lines.some((l) => typeof l !== "string")) {
      // A loop, not flatMap: flatMap would wrap every printed line in an array of its own.
      lines = [];
      for (const l of this.#lines) {
        if (typeof l === "string") lines.push(l);
        else for (const printed of l(resolve)) lines.push(printed);
      }
    }
    let first = 0;
    let last = lines.length - 1;
    while (first <= last && lines[first]!.trim() === "") first++;
    while (last >= first && lines[last]!.trim() === "") last--;
    const out: string[] = [header.trimEnd(), ""];
    if (imports.length > 0) {
      for (const line of imports) out.push(line);
      out.push("");
    }
    // Where the body starts in the joined text: only the body holds placeholders.
    let bodyStart = 0;
    for (const line of out) bodyStart += line.length + 1;
    const finalLayout = this.#finalLayout;
    for (let i = first; i <= last; i++) {
      let line = lines[i]!;
      // The formatter keeps one blank line of several.
      if (finalLayout && line === "" && lines[i - 1] === "") continue;
      if (i === first) line = line.trimStart();
      if (i === last) line = line.trimEnd();
      out.push(line);
    }
    // Ends with one line break; an empty body still leaves its blank line.
    out.push("");
    if (first > last) out.push("");
    const text = out.join("\n");
    // Placeholders exist only when something was imported (types.ts imports nothing). They are
    // replaced in the joined text, not line by line: a line is a rope of the pieces an emitter
    // concatenated, and searching each one would flatten it into a copy before the join copies
    // it again (Microsoft Graph beta's validators are 112 MB of text).
    const name = (index: number) => local.get(index)!;
    if (this.#longLines && this.#unsure === undefined) {
      // Placeholders resolved line by line as the long lines are laid out: one copy of the text.
      const placeholders = this.#imports.length > 0 ? { marker: MARK, line: (line: string) => resolvePlaceholders(line, 0, name) } : undefined;
      return layoutLongLines(text, this, bodyStart, placeholders);
    }
    return this.#imports.length > 0 ? resolvePlaceholders(text, bodyStart, name) : text;
  }
}

/**
 * `text` with every placeholder `\u0001<index>\u0001` from `from` on replaced by `name(index)`;
 * other `\u0001` characters are left as they are.
 */
function resolvePlaceholders(text: string, from: number, name: (index: number) => string): string {
  let at = text.indexOf(MARK, from);
  if (at === -1) return text;
  const pieces: string[] = [];
  let copied = 0;
  while (at !== -1) {
    let end = at + 1;
    while (end < text.length && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
    if (end > at + 1 && text.charCodeAt(end) === 0x01) {
      pieces.push(text.slice(copied, at), name(Number(text.slice(at + 1, end))));
      copied = end + 1;
      at = text.indexOf(MARK, copied);
    } else {
      at = text.indexOf(MARK, at + 1);
    }
  }
  pieces.push(text.slice(copied));
  return pieces.join("");
}

/** `./runtime.js` → `runtime.ts` (module specifiers of the same folder). */
function fileOf(from: string): string {
  return from.replace(/^\.\//, "").replace(/\.js$/, ".ts");
}

/** The import specifier of `to` from `from`, both folder-relative: `a/x.ts`, `b.ts` → `../b.js`. */
export function modulePath(from: string, to: string): string {
  const fromDir = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  const up = fromDir.length - common;
  const rest = target.slice(common).join("/").replace(/\.ts$/, ".js");
  return (up === 0 ? "./" : "../".repeat(up)) + rest;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
