// The Java → ECMAScript translation, construct by construct, as whole outputs. What each output
// means is checked against Java itself in java-oracle.test.ts; here the printed form is pinned.

import { describe, expect, it } from "vitest";
import { translateJavaPattern } from "../../generator/regex/index.js";

const DOLLAR = "(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)";

function ecma(pattern: string): string {
  const t = translateJavaPattern(pattern);
  if (t.kind !== "ok") throw new Error(`${pattern}: ${t.kind}: ${t.problem}`);
  return t.source;
}

describe("translateJavaPattern", () => {
  it("prints what Java means by anchors: $ and \\Z before a final line terminator, \\A \\z \\G exact", () => {
    expect([ecma("^a$"), ecma("\\Aa\\Z"), ecma("a\\z"), ecma("\\Ga")]).toEqual([`^a${DOLLAR}`, `^a${DOLLAR}`, "a$", "^a"]);
    expect([ecma("(?m)^a$"), ecma("(?d)a$")]).toEqual([
      "(?<=^|[\\n\\u0085\\u2028\\u2029]|\\r(?!\\n))(?!$)a(?=[\\r\\u0085\\u2028\\u2029]|(?<!\\r)\\n|$)",
      "a(?=\\n?$)",
    ]);
  });

  it("keeps \\s \\d \\w and the POSIX classes ASCII, and Unicode properties by name", () => {
    expect([ecma("\\s\\S"), ecma("\\d\\w\\W"), ecma("\\p{Alnum}\\p{Punct}"), ecma("[\\p{Alpha}\\p{Blank}]")]).toEqual([
      "[\\t-\\r ][^\\t-\\r ]",
      "\\d\\w\\W",
      "[\\dA-Za-z][!-\\/:-@\\[-`{-~]",
      "[\\t A-Za-z]",
    ]);
    expect([ecma("\\p{L}\\pN\\P{C}"), ecma("\\p{IsAlphabetic}\\p{IsLatin}"), ecma("\\p{LD}"), ecma("\\p{javaLowerCase}")]).toEqual([
      "\\p{L}\\p{N}\\P{C}",
      "\\p{Alphabetic}\\p{Script=Latin}",
      "[\\p{L}\\p{Nd}]",
      "\\p{Lowercase}",
    ]);
  });

  it("folds case as Java does without UNICODE_CASE: ASCII letters only, scoped to the group", () => {
    expect([ecma("(?i)ab"), ecma("(?i)[a-c]é"), ecma("a(?i:b)c"), ecma("(?i)a(?-i)b"), ecma("(?i)[^k]")]).toEqual([
      "[Aa][Bb]",
      "[A-Ca-c]\\u00E9",
      "a(?:[Bb])c",
      "[Aa]b",
      "[^Kk]",
    ]);
  });

  it("computes class unions, intersections and complements; a property in an intersection becomes a lookahead", () => {
    expect([
      ecma("[\\p{Print}&&[^|:/]]"),
      ecma("[a-z&&[^aeiou]]"),
      ecma("[^a[bc]]"),
      ecma("[\\p{L}&&[^a-z]]"),
      ecma("[\\p{L}\\p{N}_]"),
    ]).toEqual(["[\\w -.;-@\\[-\\^`{}~]", "[b-df-hj-np-tv-z]", "[^a-c]", "(?:(?=[^a-z])\\p{L})", "[_\\p{L}\\p{N}]"]);
  });

  it("reads Java's escapes: \\x{..}, \\0 octal, \\c, \\Q..\\E, identity escapes, \\h \\v \\R", () => {
    expect([
      ecma("\\x{22}\\x41\\u00e9\\x{1F600}"),
      ecma("\\0101\\cA\\e"),
      ecma("\\Qa.b\\E+"),
      ecma("\\-\\/\\@"),
      ecma("\\h\\v"),
      ecma("\\R"),
    ]).toEqual([
      '"A\\u00E9\\u{1F600}',
      "A\\u0001\\u001B",
      "a\\.b+",
      "-\\/@",
      "[\\t \\u00A0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000][\\n-\\r\\u0085\\u2028\\u2029]",
      "(?:\\r\\n|(?!\\r\\n)[\\n-\\r\\u0085\\u2028\\u2029])",
    ]);
  });

  it("prints dot as Java's (no line terminators; anything under (?s)) and keeps quantifiers", () => {
    expect([ecma("."), ecma("(?s)."), ecma("a{2,}?b{3}c{0,1}+")]).toEqual([
      "[^\\n\\r\\u0085\\u2028\\u2029]",
      "[\\s\\S]",
      "a{2,}?b{3}(?=(c?))\\1",
    ]);
  });

  it("commits atomic groups and possessive quantifiers exactly, renumbering back references", () => {
    expect([ecma("(?>a|ab)c"), ecma("(a)x*+\\1"), ecma("(?<n>a)\\k<n>")]).toEqual([
      "(?=(a|ab))\\1c",
      "(a)(?=(x*))\\2(?:\\1)",
      "(a)(?:\\1)",
    ]);
  });

  it("prints a surrogate code point so that it cannot pair with its neighbour", () => {
    expect(ecma("[\\uDBFF-\\uDC00]")).toBe("[\\u{DBFF}\\u{DC00}]");
  });

  it("rejects what Java rejects, with Java's message and index", () => {
    expect(["[z-a]", "a{2", "a**", "(", "\\p{Nope}", "\\y"].map((p) => translateJavaPattern(p))).toEqual([
      { kind: "invalid", problem: "Illegal character range near index 3" },
      { kind: "invalid", problem: "Unclosed counted closure near index 3" },
      { kind: "invalid", problem: "Dangling meta character '*' near index 2" },
      { kind: "invalid", problem: "Unclosed group near index 0" },
      {
        kind: "invalid",
        problem: "Unknown character property name {Nope} near index 0",
      },
      {
        kind: "invalid",
        problem: "Illegal/unsupported escape sequence near index 0",
      },
    ]);
  });

  it("names what it cannot say exactly", () => {
    expect(["\\p{InGreek}", "(?:(a)|b)\\1", "(?iu)a", "(a)(?i)\\1"].map((p) => translateJavaPattern(p))).toEqual([
      {
        kind: "untranslatable",
        problem: "Unicode blocks (\\p{InGreek}) have no ECMAScript equivalent",
      },
      {
        kind: "untranslatable",
        problem: "back reference \\1 may refer to a group that did not take part (Java fails it, ECMAScript matches empty)",
      },
      {
        kind: "untranslatable",
        problem: "Unicode case folding ((?iu)) has no exact ECMAScript equivalent with the u flag alone",
      },
      {
        kind: "untranslatable",
        problem: "a back reference under (?i) compares case-insensitively in Java",
      },
    ]);
  });

  it("refuses patterns nested past the limit as untranslatable instead of overflowing the stack; 256 levels still translate", () => {
    const deep = ["(".repeat(5000) + "a" + ")".repeat(5000), "[".repeat(300) + "a" + "]".repeat(300), "a" + "{1}".repeat(5000), "(?=".repeat(3000) + "a" + ")".repeat(3000)];
    expect(deep.map((p) => translateJavaPattern(p))).toEqual([5000, 300, 5000, 3000].map((n) => ({ kind: "untranslatable", problem: `it nests groups, classes or quantifiers ${n} levels deep (at most 256 are read)` })));
    const limit = ["(".repeat(256) + "a" + ")".repeat(256), "a" + "{1,2}".repeat(256), "\\Q" + "(".repeat(300) + "\\E"];
    expect(limit.map((p) => translateJavaPattern(p).kind)).toEqual(["ok", "ok", "ok"]);
  });
});
