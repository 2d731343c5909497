import { describe, expect, it } from "vitest";
import { editDistance, nearest, nearestId } from "../generator/suggest.js";

describe("suggestions", () => {
  it("edit distance, bounded", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("nearest shape id prefers the same namespace and skips member ids", () => {
    expect(nearestId("a#Strng", ["a#String", "b#Other"])).toBe("a#String");
    expect(nearestId("a#Nme", ["b#Name", "a#Name"])).toBe("a#Name");
    expect(nearestId("a#Name", ["b#Name", "a#Names"])).toBe("b#Name");
    expect(nearestId("a#Foo", ["a#Foo$bar"])).toBeUndefined();
    expect(nearestId("a#Completely", ["a#Different"])).toBeUndefined();
  });

  it("nearest word, for config keys and flags", () => {
    expect(nearest("ouut", ["out", "models"])).toBe("out");
    expect(nearest("--chek", ["--check", "--config"])).toBe("--check");
    expect(nearest("zzz", ["out", "models"])).toBeUndefined();
  });
});
