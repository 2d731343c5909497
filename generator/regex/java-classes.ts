// What Java 17's predefined character classes mean, as CharSets: `\p{..}` names (POSIX, Unicode
// categories, binary properties, scripts, `java*` methods of `java.lang.Character`) and the
// escapes `\d \s \w \h \v`. POSIX classes and the escapes are ASCII, as in Java without
// UNICODE_CHARACTER_CLASS; Unicode ones stay symbolic (`\p{L}`) for the printer.
//
//   javaProperty("Punct", false)       → ranges !-/ :-@ [-` {-~
//   javaProperty("IsAlphabetic", false) → prop "Alphabetic"
//   javaProperty("Lu", true)            → union(prop Lu, prop Ll, prop Lt)   (CASE_INSENSITIVE)
//   javaProperty("InGreek", false)      → { untranslatable: "Unicode blocks (\p{InGreek}) have no ECMAScript equivalent" }

import { fromSpec, not, ranges, union, inter, type CharSet } from "./charset.js";

const prop = (name: string): CharSet => ({ kind: "prop", name });

export const DIGIT = fromSpec("0-9");
export const WORD = fromSpec("a-zA-Z_0-9");
/** Java's `\s`: ASCII whitespace only (space, \t, \n, \x0B, \f, \r). */
export const SPACE = ranges([0x20, 0x20], [0x09, 0x0d]);
export const HSPACE = ranges(
  [0x20, 0x20],
  [0x09, 0x09],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x200a],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
);
export const VSPACE = ranges([0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]);
/** Java's line terminators (what `.` does not match without DOTALL). */
export const LINE_TERMINATORS = ranges([0x0a, 0x0a], [0x0d, 0x0d], [0x85, 0x85], [0x2028, 0x2029]);

const POSIX: Readonly<Record<string, CharSet>> = {
  Lower: fromSpec("a-z"),
  Upper: fromSpec("A-Z"),
  ASCII: ranges([0, 0x7f]),
  Alpha: fromSpec("a-zA-Z"),
  Digit: DIGIT,
  Alnum: fromSpec("a-zA-Z0-9"),
  Punct: ranges([0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]),
  Graph: ranges([0x21, 0x7e]),
  Print: ranges([0x20, 0x7e]),
  Blank: ranges([0x20, 0x20], [0x09, 0x09]),
  Cntrl: ranges([0, 0x1f], [0x7f, 0x7f]),
  XDigit: fromSpec("0-9a-fA-F"),
  Space: SPACE,
};

const CATEGORIES = new Set([
  "Cn",
  "Lu",
  "Ll",
  "Lt",
  "Lm",
  "Lo",
  "Mn",
  "Me",
  "Mc",
  "Nd",
  "Nl",
  "No",
  "Zs",
  "Zl",
  "Zp",
  "Cc",
  "Cf",
  "Co",
  "Cs",
  "Pd",
  "Ps",
  "Pe",
  "Pc",
  "Po",
  "Sm",
  "Sc",
  "Sk",
  "So",
  "Pi",
  "Pf",
  "L",
  "M",
  "N",
  "Z",
  "C",
  "P",
  "S",
  "LC",
]);

export type JavaClass = CharSet | { readonly untranslatable: string } | undefined;

/** Java's `forProperty`: categories, POSIX and `java*` names; undefined when Java does not know it. */
function forProperty(name: string, caseIns: boolean): JavaClass {
  if (caseIns && (name === "Lu" || name === "Ll" || name === "Lt")) return union(prop("Lu"), prop("Ll"), prop("Lt"));
  if (caseIns && (name === "Lower" || name === "Upper")) return POSIX.Alpha;
  if (CATEGORIES.has(name)) return prop(name);
  const posix = POSIX[name];
  if (posix) return posix;
  const caseless = union(prop("Lowercase"), prop("Uppercase"), prop("Lt"));
  switch (name) {
    case "LD":
      return union(prop("L"), prop("Nd"));
    case "L1":
      return ranges([0, 0xff]);
    case "all":
      return ranges([0, 0x10ffff]);
    case "javaLowerCase":
      return caseIns ? caseless : prop("Lowercase");
    case "javaUpperCase":
      return caseIns ? caseless : prop("Uppercase");
    case "javaTitleCase":
      return caseIns ? caseless : prop("Lt");
    case "javaAlphabetic":
      return prop("Alphabetic");
    case "javaIdeographic":
      return prop("Ideographic");
    case "javaDigit":
      return prop("Nd");
    case "javaDefined":
      return not(prop("Cn"));
    case "javaLetter":
      return prop("L");
    case "javaLetterOrDigit":
      return union(prop("L"), prop("Nd"));
    case "javaSpaceChar":
      return prop("Z");
    case "javaWhitespace":
      return union(ranges([0x09, 0x0d], [0x1c, 0x1f]), inter(prop("Z"), not(ranges([0xa0, 0xa0], [0x2007, 0x2007], [0x202f, 0x202f]))));
    case "javaISOControl":
      return ranges([0, 0x1f], [0x7f, 0x9f]);
    case "javaMirrored":
      return prop("Bidi_Mirrored");
    case "javaIdentifierIgnorable":
      return union(ranges([0, 8], [0x0e, 0x1b], [0x7f, 0x9f]), prop("Cf"));
    case "javaJavaIdentifierStart":
    case "javaJavaIdentifierPart":
    case "javaUnicodeIdentifierStart":
    case "javaUnicodeIdentifierPart":
      return {
        untranslatable: `\\p{${name}} has no exact ECMAScript equivalent`,
      };
    default:
      return undefined;
  }
}

/** Java's `forUnicodeProperty` (binary properties after `Is`). */
function forUnicodeProperty(name: string, caseIns: boolean): JavaClass {
  const caseless = union(prop("Lowercase"), prop("Uppercase"), prop("Lt"));
  switch (name.toUpperCase()) {
    case "ALPHABETIC":
      return prop("Alphabetic");
    case "ASSIGNED":
      return not(prop("Cn"));
    case "CONTROL":
      return prop("Cc");
    case "HEXDIGIT":
    case "HEX_DIGIT":
      return union(prop("Nd"), fromSpec("0-9A-Fa-f"), ranges([0xff10, 0xff19], [0xff21, 0xff26], [0xff41, 0xff46]));
    case "IDEOGRAPHIC":
      return prop("Ideographic");
    case "JOINCONTROL":
    case "JOIN_CONTROL":
      return prop("Join_Control");
    case "LETTER":
      return prop("L");
    case "LOWERCASE":
      return caseIns ? caseless : prop("Lowercase");
    case "UPPERCASE":
      return caseIns ? caseless : prop("Uppercase");
    case "TITLECASE":
      return caseIns ? caseless : prop("Lt");
    case "NONCHARACTERCODEPOINT":
    case "NONCHARACTER_CODE_POINT":
      return prop("Noncharacter_Code_Point");
    case "PUNCTUATION":
      return prop("P");
    case "WHITESPACE":
    case "WHITE_SPACE":
      return prop("White_Space");
    case "WORD":
      return union(prop("Alphabetic"), prop("M"), prop("Nd"), prop("Pc"), prop("Join_Control"));
    default:
      return undefined;
  }
}

/** A Unicode script as ECMAScript names it (`OLD_ITALIC` → `Old_Italic`), if the engine knows it. */
function forScript(name: string): JavaClass {
  const candidates = [
    name,
    name
      .split(/[_ ]/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
      .join("_"),
  ];
  for (const c of candidates) {
    if (!/^[A-Za-z_]+$/.test(c)) continue;
    try {
      new RegExp(`\\p{Script=${c}}`, "u");
      return prop(`Script=${c}`);
    } catch {
      // not a script name the engine knows under this spelling
    }
  }
  return undefined;
}

/** The set of `\p{name}` (without the braces), as Java 17 resolves the name. */
export function javaProperty(name: string, caseIns: boolean): JavaClass {
  const eq = name.indexOf("=");
  if (eq >= 0) {
    const key = name.slice(0, eq);
    const value = name.slice(eq + 1);
    switch (key) {
      case "script":
      case "sc":
        return forScript(value);
      case "general_category":
      case "gc":
        return forProperty(value, caseIns);
      case "block":
      case "blk":
        return {
          untranslatable: `Unicode blocks (\\p{${name}}) have no ECMAScript equivalent`,
        };
      default:
        return undefined;
    }
  }
  if (name.startsWith("In"))
    return {
      untranslatable: `Unicode blocks (\\p{${name}}) have no ECMAScript equivalent`,
    };
  if (name.startsWith("Is")) {
    const short = name.slice(2);
    return forUnicodeProperty(short, caseIns) ?? forProperty(short, caseIns) ?? forScript(short);
  }
  return forProperty(name, caseIns);
}
