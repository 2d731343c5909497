// The comment lines of each documentation text, converted once per run (HTML → Markdown →
// safe comment lines, tsdoc.ts `docLines`) and reused wherever the text comes again: a member
// documented by its target's docs, an operation's docs in serializers.ts and client.ts, an
// error's in types.ts and errors.ts, a text shared by several models of a pool worker.
//
//   const docs = new DocMemo();
//   docs.lines({ text: "<p>The <code>Id</code>.</p>", format: "html" }) → ["The `Id`."]   (converted)
//   docs.lines({ text: "<p>The <code>Id</code>.</p>", format: "html" }) → the same array   (a hit)
//   docs.lines({ text: "<p>The <code>Id</code>.</p>", format: "commonmark" }) → converted apart
//
// The lines depend on the text and its format only, so a hit is exactly what converting again
// gives. The arrays handed out are frozen: a caller cannot change what later callers get.
// Bounded (generator/memo.ts): DOC_MEMO_CHARS characters of text and lines per format, so at
// most about 2 × 2 × 4 M characters (AWS's most documented model, SageMaker, has 1.06 M
// characters of distinct documentation: one model's texts always fit).

import type { Documentation } from "../model/ir.js";
import { RunMemo } from "../memo.js";
import { docLines, type DocLines } from "./tsdoc.js";

/** Characters (texts and their lines) each format's memo holds before its oldest half goes. */
export const DOC_MEMO_CHARS = 4_000_000;

export class DocMemo implements DocLines {
  readonly #html: RunMemo<readonly string[]>;
  readonly #commonmark: RunMemo<readonly string[]>;

  /** Each format's conversion, made once (not a closure per lookup: every documented member asks). */
  readonly #fromHtml = (text: string): readonly string[] => Object.freeze(docLines({ text, format: "html" }));
  readonly #fromCommonmark = (text: string): readonly string[] => Object.freeze(docLines({ text, format: "commonmark" }));

  constructor(budget = DOC_MEMO_CHARS) {
    this.#html = new RunMemo(budget, linesSize);
    this.#commonmark = new RunMemo(budget, linesSize);
  }

  lines(docs: Documentation): readonly string[] {
    return docs.format === "html" ? this.#html.get(docs.text, this.#fromHtml) : this.#commonmark.get(docs.text, this.#fromCommonmark);
  }

  /** Texts converted and texts found converted, both formats (for tests and benchmarks). */
  get counts(): { readonly converted: number; readonly reused: number } {
    return { converted: this.#html.misses + this.#commonmark.misses, reused: this.#html.hits + this.#commonmark.hits };
  }
}

function linesSize(text: string, lines: readonly string[]): number {
  let size = text.length;
  for (const line of lines) size += line.length + 1;
  return size;
}
