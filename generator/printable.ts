// Makes untrusted text (file names, paths) safe to put inside one line of output: a generated
// comment, a terminal line. Line terminators (\n, \r, U+2028, U+2029, U+0085), other control
// characters (C0, DEL, C1) and lone surrogates are written as escapes, so the text cannot end the
// line, start code, or move the terminal's cursor. Backslashes are left alone (escapes are meant
// to be read, not parsed back).
//
//   printable("we\nather\u2028.json") → "we\\nather\\u2028.json"
//   commentText("a*/b")                → "a*\\/b"   (also safe inside /* ... */)

const ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

// C0 controls, DEL, C1 controls, the Unicode line and paragraph separators, lone surrogates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// `printable`, and a star followed by a slash cannot close a block comment either.
export function commentText(text: string): string {
  return printable(text).replace(/\*\//g, "*\\/");
}
