// Formats one generated TypeScript file with prettier, once: text in, formatted text out.
//
//   await formatTypeScript("export const a={b:1}") → 'export const a = { b: 1 };\n'
//
// prettier's standalone build with its babel and estree plugins, loaded on first use only: the
// same output as `prettier.format` with parser babel-ts, but it skips loading the config
// resolution and plugin search of the Node entry (a cold start is about a third faster), and it
// runs in the browser (the playground).
//
// A large file is formatted in chunks of whole top-level statements (about 256 KB each), so
// memory stays proportional to a chunk, not to the file: prettier holds an AST and a document
// many times the size of its input (Microsoft Graph's 55 MB of validators ran out of heap). The
// output is the same as formatting the file whole: prettier formats top-level statements
// independently and prints one blank line wherever the input has one or more, and chunks are cut
// only at a blank line between a statement that ends with `;` or `}` and one that starts at
// column 0. A cut anywhere else would leave a chunk that does not parse; then the file is
// formatted whole.

const OPTIONS = Object.freeze({
  // babel-ts: about twice as fast as the typescript parser on large files, same output for our code.
  parser: "babel-ts",
  printWidth: 100,
  trailingComma: "all",
  proseWrap: "preserve",
} as const);

/** Characters of input per chunk; a file shorter than this is formatted in one piece. */
export const CHUNK_SIZE = 256 * 1024;

/** How a top-level statement of our emitters starts, at column 0. */
const STATEMENT_START = /^(?:export |import |function |async function |const |let |type |interface |declare |enum |class |\/\*\*|\/\/)/;

export async function formatTypeScript(text: string, chunkSize = CHUNK_SIZE): Promise<string> {
  const [{ format }, babel, estree] = await Promise.all([
    import("prettier/standalone"),
    import("prettier/plugins/babel"),
    import("prettier/plugins/estree"),
  ]);
  const run = (source: string) => format(source, { ...OPTIONS, plugins: [babel, estree] });
  const chunks = splitStatements(text, chunkSize);
  if (chunks.length === 1) return run(text);
  const formatted: string[] = [];
  try {
    for (const chunk of chunks) formatted.push(await run(chunk));
  } catch {
    return run(text);
  }
  return formatted.join("\n");
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
