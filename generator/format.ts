// Formats one generated TypeScript file, once: text in, formatted text out, by the formatter the
// run chose (data: the CLI finds a prettier config on disk, this module only formats).
//
//   await formatTypeScript("export const a={b:1}")                         → 'export const a = { b: 1 };\n'  (oxfmt)
//   await formatTypeScript(text, { name: "prettier" })                     → the same layout, by prettier
//   await formatTypeScript(text, { name: "prettier", config: { printWidth: 80, semi: false } }) → the team's own layout
//
// Formatters, each loaded on first use only (a run with `--no-format` or `--help` loads neither):
// - "oxfmt" (the default): the Oxc project's prettier-compatible formatter, native code shipped in
//   the npm package. About 25× faster than prettier on our output, with prettier's layout for
//   the options below but for one rule (a long union type: one member per line, where prettier
//   keeps it whole on the next line when it fits): test/foundation/formatter.test.ts checks it.
// - "prettier" without a config: prettier's standalone build with its babel and estree plugins,
//   parser babel-ts, the same options (`--formatter prettier`; also the playground, in the browser).
// - "prettier" with a config (a `.prettierrc` found for the output folder): prettier's Node entry
//   with exactly that config (its plugins by name, parser typescript), the file formatted whole.
//
// A large file is formatted in chunks of whole top-level statements (about 256 KB each), so
// memory stays proportional to a chunk (oxfmt: to the few its threads format at once), not to the file: prettier holds an AST and a document
// many times the size of its input (Microsoft Graph's 55 MB of validators ran out of heap). The
// output is the same as formatting the file whole: prettier (and oxfmt, which follows it) formats
// top-level statements independently and prints one blank line wherever the input has one or
// more, and chunks are cut only at a blank line between a statement that ends with `;` or `}`
// and one that starts at column 0. A cut anywhere else would leave a chunk that does not parse;
// then the file is formatted whole. A team's own prettier config is never chunked (a plugin such
// as organize-imports must see the whole file).

import { append } from "./lists.js";

/** Which formatter a run uses; `config` is a resolved prettier config (prettier's own keys). */
export type Formatter =
  | { readonly name: "oxfmt" }
  | { readonly name: "prettier"; readonly config?: Readonly<Record<string, unknown>> };

export const DEFAULT_FORMATTER: Formatter = Object.freeze({ name: "oxfmt" });

/** Shapesmith's layout, in prettier's option names (oxfmt reads the same names). */
export const LAYOUT = Object.freeze({
  printWidth: 100,
  trailingComma: "all",
  proseWrap: "preserve",
} as const);

/** Characters of input per chunk; a file shorter than this is formatted in one piece. */
export const CHUNK_SIZE = 256 * 1024;

/** How a top-level statement of our emitters starts, at column 0. */
const STATEMENT_START = /^(?:export |import |function |async function |const |let |type |interface |declare |enum |class |\/\*\*|\/\/)/;

export async function formatTypeScript(text: string, formatter: Formatter = DEFAULT_FORMATTER, chunkSize = CHUNK_SIZE): Promise<string> {
  const run = await formatterFunction(formatter);
  if (formatter.name === "prettier" && formatter.config !== undefined) return run(text);
  const chunks = splitStatements(text, chunkSize);
  if (chunks.length === 1) return run(text);
  const formatted: string[] = [];
  try {
    // oxfmt formats on libuv's worker threads: all chunks of a file at once (the pool runs a few
    // at a time), so a large file uses both cores. Prettier formats on this thread and holds an
    // AST per chunk in progress: one chunk at a time.
    if (formatter.name === "oxfmt") append(formatted, (await Promise.all(chunks.map(run))));
    else for (const chunk of chunks) formatted.push(await run(chunk));
  } catch {
    return run(text);
  }
  return formatted.join("\n");
}

/**
 * Formatted text by its source, for one run (oxfmt only): the runtime and codec helper files are
 * one template's text in every model's folder but for the header, so a run formats each body
 * once (core.ts `Formatting.addTemplate`). Its owner decides how long it lives: a pool worker
 * keeps one for all the models it generates; a `generate` call without one makes its own. Bounded
 * by the templates: one entry per template body and one per header.
 *
 *   memo.get("const a={b:1}", format) → format's promise, started once; later calls return it
 */
export class FormatMemo {
  readonly #done = new Map<string, Promise<string>>();

  get(source: string, format: (source: string) => Promise<string>): Promise<string> {
    let done = this.#done.get(source);
    if (done === undefined) this.#done.set(source, (done = format(source)));
    return done;
  }
}

/** A file's text that is only `//` comments, one per line (the header templates print). */
const LINE_COMMENTS = /^(?:\/\/[^\n\r\u2028\u2029]*\n)+$/;

/**
 * `text` as its `header` and its body, when the file can be formatted in those two parts with
 * the same result as whole: the header is `//` comment lines (the package's header template)
 * and a blank line parts it from a body that holds code. Formatting keeps line comments as they
 * are and one blank line after them, and formats top-level statements independently (see the
 * chunks above), so format(text) = format(head) + "\n" + format(body). Undefined otherwise.
 *
 *   splitHeader("// Generated.\n\nexport const a = 1;\n", "// Generated.\n")
 *   → { head: "// Generated.\n", body: "export const a = 1;\n" }
 */
export function splitHeader(text: string, header: string): { readonly head: string; readonly body: string } | undefined {
  const head = header.trimEnd() + "\n";
  if (!LINE_COMMENTS.test(head) || !text.startsWith(head)) return undefined;
  const blank = /^[ \t]*\n/.exec(text.slice(head.length));
  if (blank === null) return undefined;
  const body = text.slice(head.length + blank[0].length);
  return body.trim() === "" ? undefined : { head, body };
}

/**
 * Is `header` text that oxfmt keeps as it is at the top of a file: `//` comment lines, each
 * ending in a visible ASCII character (a line comment loses its trailing white space), no
 * carriage return. The header template prints such lines; a user's template may print anything.
 *
 *   stableHeader("// Generated by Shapesmith.\n// Do not edit.\n") → true
 *   stableHeader("/* Generated *\/\n") → false;  stableHeader("// Generated. \n") → false
 */
export function stableHeader(header: string): boolean {
  return header
    .trimEnd()
    .split("\n")
    .every((line) => /^\/\/(?:[^\r\n\u2028\u2029]*[!-~])?$/.test(line));
}

type Run = (source: string) => Promise<string>;

async function formatterFunction(formatter: Formatter): Promise<Run> {
  switch (formatter.name) {
    case "oxfmt": {
      const { format } = await import("oxfmt");
      return async (source) => {
        const result = await format("generated.ts", source, { ...LAYOUT });
        const error = result.errors.find((e) => e.severity === "Error");
        if (error !== undefined) throw new SyntaxError(`oxfmt: ${error.message}${error.codeframe ? `\n${error.codeframe}` : ""}`);
        return result.code;
      };
    }
    case "prettier": {
      if (formatter.config !== undefined) {
        const prettier = await import("prettier");
        const options = { ...formatter.config, parser: "typescript" };
        return (source) => prettier.format(source, options);
      }
      const [{ format }, babel, estree] = await Promise.all([
        import("prettier/standalone"),
        import("prettier/plugins/babel"),
        import("prettier/plugins/estree"),
      ]);
      // babel-ts: about twice as fast as the typescript parser on large files, same output for our code.
      return (source) => format(source, { ...LAYOUT, parser: "babel-ts", plugins: [babel, estree] });
    }
    default: {
      const never: never = formatter;
      throw new Error(`unknown formatter ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Cuts `text` into pieces of at least `size` characters (the last may be shorter), each made of
 * whole top-level statements: cuts fall on a blank line after a line ending in `;` or `}` and
 * before a line that starts a statement at column 0.
 */
export function splitStatements(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const chunks: string[] = [];
  let start = 0;
  let lastCode = ""; // the last non-blank line seen
  let blank = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    let end = text.indexOf("\n", lineStart);
    if (end === -1) end = text.length;
    const line = text.slice(lineStart, end);
    if (line.trim() === "") {
      blank = true;
    } else {
      if (blank && lineStart - start >= size && /[;}]\s*$/.test(lastCode) && STATEMENT_START.test(line)) {
        chunks.push(text.slice(start, lineStart));
        start = lineStart;
      }
      blank = false;
      lastCode = line;
    }
    lineStart = end + 1;
  }
  chunks.push(text.slice(start));
  return chunks;
}
