// Small CommonMark helpers shared by the HTML converter and the TSDoc builder.
//
//   codeSpan("a`b")                 → "``a`b``"
//   escapeText("USER_SRP_AUTH *x*") → "USER_SRP_AUTH \\*x\\*"   (intraword `_` is left alone)
//   escapeLineStart("1. one")       → "1\\. one"
//   commonMarkToDoc("a  \r\nb  ")   → "a\\\nb"                 (hard break kept, no trailing spaces)

/** JavaScript line terminators, which would also end a line inside a comment. */
export const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/** `text.split(LINE_BREAK)`, by a plain split on `\n` when no other terminator occurs (nearly always). */
export function splitLines(text: string): string[] {
  return /[\r\u2028\u2029]/.test(text) ? text.split(LINE_BREAK) : text.split("\n");
}

const WORD = /[\p{L}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const NEEDS_ESCAPE = /[\\`*_[\]<&]/;
const ENTITY_LIKE = /^&#?[A-Za-z0-9]+;/;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** The longest run of the one-unit character `ch` in `text` (0 when absent: one search, no loop). */
function longestRun(text: string, ch: string): number {
  let at = text.indexOf(ch);
  let longest = 0;
  while (at !== -1) {
    let end = at + 1;
    while (text[end] === ch) end++;
    if (end - at > longest) longest = end - at;
    at = text.indexOf(ch, end);
  }
  return longest;
}

/** Replaces line terminators by their escape sequences so a value stays on one line. */
export function singleLine(text: string): string {
  if (!/[\r\n\u2028\u2029]/.test(text)) return text;
  return text
    .replace(/\r/g, "\\r")
    .replace(/\n/g, "\\n")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * A CommonMark code span holding `text` literally: the fence is one backtick longer than the
 * longest run inside, with a space of padding when the text starts or ends with a backtick
 * (or with a space, which CommonMark would otherwise strip). Empty text gives "".
 */
export function codeSpan(text: string): string {
  const content = singleLine(text);
  if (content === "") return "";
  const fence = "`".repeat(longestRun(content, "`") + 1);
  const pad =
    content.startsWith("`") ||
    content.endsWith("`") ||
    (content.startsWith(" ") && content.endsWith(" ") && content.trim() !== "")
      ? " "
      : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** Opening/closing fence for a fenced code block holding `lines` (at least three backticks). */
export function codeFence(lines: readonly string[]): string {
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, longestRun(line, "`"));
  return "`".repeat(Math.max(3, longest + 1));
}

/**
 * Escapes the characters of plain text that CommonMark would otherwise read as markup, and
 * only those: `_` between two letters or digits stays as is (CommonMark never treats it as
 * emphasis there), as does `*` between two spaces, a `\` that escapes nothing, a `<` that
 * cannot open a tag. Neighbours outside `text` are unknown and treated as punctuation.
 * `inLinkText` also escapes brackets, which would end the text of a link.
 */
export function escapeText(text: string, inLinkText = false): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  // The text between escapes is copied in one piece, not character by character.
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    let replacement: string;
    switch (ch) {
      case "\\": {
        const next = i + 1 < text.length ? text.charAt(i + 1) : undefined;
        if (next !== undefined && !ASCII_PUNCTUATION.test(next)) continue;
        replacement = "\\\\";
        break;
      }
      case "`":
        replacement = "\\`";
        break;
      case "*":
        if (isSpace(i > 0 ? text.charAt(i - 1) : undefined) && isSpace(i + 1 < text.length ? text.charAt(i + 1) : undefined)) continue;
        replacement = "\\*";
        break;
      case "_":
        if (isWordChar(i > 0 ? text.charAt(i - 1) : undefined) && isWordChar(i + 1 < text.length ? text.charAt(i + 1) : undefined)) continue;
        replacement = "\\_";
        break;
      case "[":
        if (!inLinkText) continue;
        replacement = "\\[";
        break;
      case "]": {
        const next = i + 1 < text.length ? text.charAt(i + 1) : undefined;
        if (!(inLinkText || next === "(" || next === "[" || next === ":")) continue;
        replacement = "\\]";
        break;
      }
      case "<": {
        const next = i + 1 < text.length ? text.charAt(i + 1) : undefined;
        if (!(next !== undefined && /[A-Za-z/!?]/.test(next))) continue;
        replacement = "\\<";
        break;
      }
      case "&":
        if (!ENTITY_LIKE.test(text.slice(i, i + 34))) continue;
        replacement = "\\&";
        break;
      default:
        continue;
    }
    out += text.slice(copied, i) + replacement;
    copied = i + 1;
  }
  return out + text.slice(copied);
}

/** First characters of the block starts `escapeLineStart` escapes: digits, `#>-+*=_~` and the backtick. */
const LINE_START_MARKUP: ReadonlySet<number> = new Set([..."0123456789#>-+*=_~`"].map((c) => c.charCodeAt(0)));

/**
 * Escapes what would make a line of paragraph text start a block instead: a heading, a
 * quote, a list item, a thematic break, a setext underline or a code fence.
 */
export function escapeLineStart(line: string): string {
  // Every case below starts with one of these characters; nearly all lines start with a letter.
  if (!LINE_START_MARKUP.has(line.charCodeAt(0))) return line;
  if (line.startsWith("\\")) return line;
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) return `${ordered[1] ?? ""}\\${line.slice((ordered[1] ?? "").length)}`;
  if (
    /^#{1,6}(?=\s|$)/.test(line) ||
    line.startsWith(">") ||
    /^[-+*](?=\s|$)/.test(line) ||
    /^(?:=+|-+)\s*$/.test(line) ||
    /^([-*_])(?:\s*\1){2,}\s*$/.test(line) ||
    /^(?:~~~|```)/.test(line)
  ) {
    return `\\${line}`;
  }
  return line;
}

/** A fence line (```` ``` ```` or `~~~`, at any indentation) and its character and length. */
export function fenceOf(line: string): { readonly char: string; readonly length: number; readonly rest: string } | undefined {
  // A fence holds three backticks or tildes in a row: most lines have neither (two searches, no match).
  if (!line.includes("```") && !line.includes("~~~")) return undefined;
  const m = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
  if (!m) return undefined;
  const run = m[1] ?? "";
  const rest = m[2] ?? "";
  if (run.startsWith("`") && rest.includes("`")) return undefined;
  return { char: run.charAt(0), length: run.length, rest };
}

/**
 * Tracks fenced code blocks line by line: `inFence(line)` tells whether a line is inside (or
 * is a fence of) a fenced code block, updating the state.
 */
export function fenceTracker(): (line: string) => boolean {
  let open: { readonly char: string; readonly length: number } | undefined;
  return (line) => {
    const fence = fenceOf(line);
    if (open) {
      if (fence && fence.char === open.char && fence.length >= open.length && fence.rest.trim() === "") {
        open = undefined;
      }
      return true;
    }
    if (fence) {
      open = fence;
      return true;
    }
    return false;
  };
}

/**
 * OpenAPI descriptions are CommonMark already: normalise line endings, turn a hard break
 * written as trailing spaces into a backslash (so no line ends in whitespace), trim trailing
 * whitespace and surrounding blank lines, and keep everything else.
 */
export function commonMarkToDoc(text: string): string {
  const lines = splitLines(text);
  const inFence = fenceTracker();
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fenced = inFence(line);
    const trimmed = line.trimEnd();
    const next = lines[i + 1];
    const hardBreak =
      !fenced &&
      / {2,}$/.test(line) &&
      trimmed !== "" &&
      !trimmed.endsWith("\\") &&
      next !== undefined &&
      next.trim() !== "";
    out.push(hardBreak ? `${trimmed}\\` : trimmed);
  }
  while (out.length > 0 && out[0] === "") out.shift();
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}
