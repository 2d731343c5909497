import { describe, expect, it } from "vitest";
import { toEcmaPattern } from "../../generator/passes/patterns.js";

describe("toEcmaPattern", () => {
  it("leaves ECMA-262 patterns alone", () => {
    expect(toEcmaPattern("^[\\w+]+$")).toEqual({ source: "^[\\w+]+$", flags: "", notes: [] });
    expect(toEcmaPattern("^\\p{L}+$")).toEqual({ source: "^\\p{L}+$", flags: "", notes: [] });
  });

  it("translates Java POSIX classes inside and outside character classes", () => {
    expect(toEcmaPattern("^[\\p{Alnum}\\p{Punct}\\p{Blank}]*$")).toEqual({
      source: "^[A-Za-z0-9!-\\/:-@\\[-`{-~ \\t]*$",
      flags: "",
      notes: ["\\p{Alnum}", "\\p{Punct}", "\\p{Blank}"],
    });
    expect(toEcmaPattern("\\p{Upper}\\p{Digit}+")).toEqual({ source: "[A-Z][0-9]+", flags: "", notes: ["\\p{Upper}", "\\p{Digit}"] });
  });

  it("turns leading inline flags and \\A, \\z, \\Z into ECMA-262", () => {
    expect(toEcmaPattern("(?s)^.*$")).toEqual({ source: "^.*$", flags: "s", notes: ["(?s)"] });
    expect(toEcmaPattern("(?is)x")).toEqual({ source: "x", flags: "is", notes: ["(?is)"] });
    expect(toEcmaPattern("^(?s).*\\{####\\}.*$")).toEqual({ source: "^.*\\{####\\}.*$", flags: "s", notes: ["(?s)"] });
    expect(toEcmaPattern("\\Aab\\z")).toEqual({ source: "^ab$", flags: "", notes: ["\\A", "\\z"] });
  });

  it("keeps escaped backslashes and translated classes meaning the same strings", () => {
    expect(toEcmaPattern("^\\\\p{Alnum}$").source).toBe("^\\\\p{Alnum}$");
    const re = new RegExp(toEcmaPattern("^[\\p{Alnum}\\p{Punct}\\p{Blank}]*$").source, "u");
    expect(re.test("Hello, world! (ok) ~")).toBe(true);
    expect(re.test("tab\there")).toBe(true);
    expect(re.test("é")).toBe(false);
  });
});
