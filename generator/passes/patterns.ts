// Makes a model's `@pattern` usable as an ECMA-262 RegExp. Smithy says patterns are ECMA-262,
// but real models (AWS's among them) carry Java-isms; the ones with an exact ECMA-262 meaning
// are translated, and each translation is named so the caller can report it.
//
//   toEcmaPattern("^[\\p{Alnum}\\p{Blank}]*$") → { source: "^[A-Za-z0-9 \\t]*$", flags: "", notes: ["\\p{Alnum}", "\\p{Blank}"] }
//   toEcmaPattern("^(?s).*$")                   → { source: "^.*$", flags: "s", notes: ["(?s)"] }
//   toEcmaPattern("\\Aab\\z")                    → { source: "^ab$", flags: "", notes: ["\\A", "\\z"] }

/** Java's POSIX classes (US-ASCII), as the contents of an ECMA-262 character class. */
const POSIX: Readonly<Record<string, string>> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "A-Za-z",
  Digit: "0-9",
  Alnum: "A-Za-z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r",
};

export interface EcmaPattern {
  readonly source: string;
  /** `s`, `i`, `m` from leading inline flags; the caller adds `u` where the source allows it. */
  readonly flags: string;
  /** The Java-only constructs that were translated, in order. */
  readonly notes: readonly string[];
}

export function toEcmaPattern(pattern: string): EcmaPattern {
  const notes: string[] = [];
  let flags = "";
  let rest = pattern;
  // A flag group at the start, or right after a leading `^` (`^(?s).*$`, as AWS models write it).
  const inline = /^(\^?)\(\?([ims]+)\)/.exec(rest);
  if (inline) {
    flags = [...new Set(inline[2]!)].sort().join("");
    notes.push(inline[0].slice(inline[1]!.length));
    rest = inline[1]! + rest.slice(inline[0].length);
  }
  let out = "";
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === "\\") {
      const next = rest[i + 1];
      const posix = next === "p" ? /^\\p\{(\w+)\}/.exec(rest.slice(i)) : null;
      const body = posix ? POSIX[posix[1]!] : undefined;
      if (posix && body !== undefined) {
        out += inClass ? body : `[${body}]`;
        notes.push(posix[0]);
        i += posix[0].length - 1;
        continue;
      }
      if (!inClass && (next === "A" || next === "z" || next === "Z")) {
        out += next === "A" ? "^" : "$";
        notes.push("\\" + next);
        i++;
        continue;
      }
      out += c + (next ?? "");
      i++;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return { source: out, flags, notes };
}
