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

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c !== " " && c !== "\t") return false;
  }
  return true;
}

function leadingWs(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  return i;
}

/** The value of a text block from its raw contents between the `"""` delimiters. */
export function textBlockValue(raw: string): string {
  if (raw.length === 0) throw new StringContentError("Text block is empty", 0);
  const firstNl = raw.indexOf("\n");
  if (firstNl < 0 || !isBlank(raw.slice(0, firstNl).replace(/\r$/, ""))) {
    throw new StringContentError("Text block must start with a new line", 0);
  }
  const lines = raw.slice(firstNl + 1).replace(/\r\n?/g, "\n").split("\n");
  let indent = Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // Blank lines do not count, except the last one (the closing delimiter's line).
    if (i === lines.length - 1 || !isBlank(line)) indent = Math.min(indent, leadingWs(line));
  }
  const kept = lines.map((line) => line.slice(Math.min(indent, leadingWs(line))).replace(/[ \t]+$/, ""));
  try {
    return unescape(kept.join("\n"));
  } catch (e) {
    if (e instanceof StringContentError) throw new StringContentError(e.message, 0);
    throw e;
  }
}
