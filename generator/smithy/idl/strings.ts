// Contents of Smithy IDL quoted strings and text blocks: escapes, and the text block rules
// (first line dropped, incidental indentation and trailing spaces removed, then escapes).
//
//   unescape("a\\tb")                      → "a<TAB>b"
//   textBlockValue("\n    Hello\n    ")  → "Hello\n"

/** A problem in string contents; `offset` is relative to the start of the raw contents. */
export class StringContentError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "StringContentError";
  }
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Interprets the escapes of raw string contents (CRLF already normalised or not; both work). */
export function unescape(raw: string): string {
  if (raw.indexOf("\\") < 0 && raw.indexOf("\r") < 0) return raw;
  let out = "";
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === 13 /* \r */) {
      out += "\n";
      i += raw.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    if (c !== 92 /* \ */) {
      // Copy the run up to the next backslash or carriage return in one go.
      let j = i + 1;
      while (j < n) {
        const d = raw.charCodeAt(j);
        if (d === 92 || d === 13) break;
        j++;
      }
      out += raw.slice(i, j);
      i = j;
      continue;
    }
    const e = raw[i + 1];
    switch (e) {
      case '"':
      case "\\":
      case "/":
        out += e;
        i += 2;
        break;
      case "b":
        out += "\b";
        i += 2;
        break;
      case "f":
        out += "\f";
        i += 2;
        break;
      case "n":
        out += "\n";
        i += 2;
        break;
      case "r":
        out += "\r";
        i += 2;
        break;
      case "t":
        out += "\t";
        i += 2;
        break;
      case "\n":
        i += 2; // escaped line break: line continuation
        break;
      case "\r":
        i += raw[i + 2] === "\n" ? 3 : 2;
        break;
      case "u": {
        if (i + 6 > n) throw new StringContentError("Invalid unclosed unicode escape found in string", i);
        let code = 0;
        for (let k = 2; k < 6; k++) {
          const h = hexValue(raw.charCodeAt(i + k));
          if (h < 0) throw new StringContentError(`Invalid unicode escape character: \`${raw[i + k]}\``, i + k);
          code = code * 16 + h;
        }
        out += String.fromCharCode(code);
        i += 6;
        break;
      }
      default:
        throw new StringContentError(`Invalid escape found in string: \`\\${e ?? ""}\``, i);
    }
  }
  return out;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * The value of a text block from its raw contents between the `"""` delimiters. Two passes over
 * the lines by offsets (the raw text is not split), no regular expression per line (this is the
 * hottest part of loading IDL whose documentation is in text blocks).
 */
export function textBlockValue(raw: string): string {
  if (raw.length === 0) throw new StringContentError("Text block is empty", 0);
  const firstNl = raw.indexOf("\n");
  // The opening line holds only spaces and tabs (and the \r of a CRLF).
  let blankFirst = firstNl >= 0;
  for (let i = 0; blankFirst && i < firstNl; i++) {
    const c = raw.charCodeAt(i);
    if (!isSpaceOrTab(c) && !(c === 13 && i === firstNl - 1)) blankFirst = false;
  }
  if (!blankFirst) throw new StringContentError("Text block must start with a new line", 0);
  let body = raw.slice(firstNl + 1);
  if (body.indexOf("\r") >= 0) body = body.replace(/\r\n?/g, "\n");
  // Lines are [start, end) ranges of `body`, found by indexOf (no array of lines). First pass:
  // the incidental indentation, the least leading whitespace of the lines that are not blank
  // (the last line, the closing delimiter's, counts even when blank).
  let indent = Number.MAX_SAFE_INTEGER;
  for (let start = 0; ; ) {
    const nl = body.indexOf("\n", start);
    const end = nl < 0 ? body.length : nl;
    let ws = start;
    while (ws < end && isSpaceOrTab(body.charCodeAt(ws))) ws++;
    if ((nl < 0 || ws < end) && ws - start < indent) indent = ws - start;
    if (nl < 0) break;
    start = nl + 1;
  }
  // Second pass: each line without that indentation (or all its leading whitespace, when it
  // has less) and without trailing spaces, joined by line breaks.
  const lines: string[] = [];
  for (let start = 0; ; ) {
    const nl = body.indexOf("\n", start);
    const lineEnd = nl < 0 ? body.length : nl;
    let from = start;
    while (from < lineEnd && from - start < indent && isSpaceOrTab(body.charCodeAt(from))) from++;
    let end = lineEnd;
    while (end > from && isSpaceOrTab(body.charCodeAt(end - 1))) end--;
    lines.push(end > from ? body.slice(from, end) : "");
    if (nl < 0) break;
    start = nl + 1;
  }
  const text = lines.join("\n");
  try {
    return unescape(text);
  } catch (e) {
    if (e instanceof StringContentError) throw new StringContentError(e.message, 0);
    throw e;
  }
}
