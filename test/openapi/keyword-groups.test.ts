// The facts reader reads a group of schema keywords only when the schema has one of them
// (facts.ts `keywordGroups`): every keyword it reads must be in a group, or it would never be read.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { keywordGroups } from "../../generator/openapi/facts.js";
import { ROOT } from "../helpers/paths.js";

/** The keywords `#own` of facts.ts reads: `read.x("k")` calls and the `[...] as const` lists it loops over. */
function keywordsRead(): string[] {
  const source = readFileSync(resolve(ROOT, "generator/openapi/facts.ts"), "utf8");
  const start = source.indexOf("  #own(at: Located, read: KeywordReader): SchemaFacts {");
  const end = source.indexOf("\n  }\n", start);
  expect(start).toBeGreaterThan(0);
  const body = source.slice(start, end);
  const keywords = new Set<string>();
  for (const m of body.matchAll(/read\.\w+\("([^"]+)"/g)) keywords.add(m[1]!);
  for (const m of body.matchAll(/\[((?:"[^"]+",?\s*)+)\] as const/g)) for (const k of m[1]!.matchAll(/"([^"]+)"/g)) keywords.add(k[1]!);
  // UNENFORCED is a list of its own, looped over by name.
  const unenforced = /const UNENFORCED = \[([^\]]*)\]/.exec(source)![1]!;
  for (const k of unenforced.matchAll(/"([^"]+)"/g)) keywords.add(k[1]!);
  return [...keywords].sort();
}

describe("keywordGroups", () => {
  it("puts every keyword the facts reader reads in a group", () => {
    const keywords = keywordsRead();
    expect(keywords.length).toBeGreaterThan(40);
    expect(keywords.filter((k) => keywordGroups({ [k]: 0 }) === 0)).toEqual([]);
  });

  it("is the union of the groups of the object's own keys, and nothing for other keys", () => {
    expect(keywordGroups({})).toBe(0);
    expect(keywordGroups({ "x-docs": 1, example: "a", $ref: "#/x" })).toBe(0);
    const type = keywordGroups({ type: "string" });
    const length = keywordGroups({ maxLength: 5 });
    expect(type).not.toBe(0);
    expect(length).not.toBe(0);
    expect(type & length).toBe(0);
    expect(keywordGroups({ type: "string", maxLength: 5, "x-docs": 1 })).toBe(type | length);
    // Inherited names are not keys of a parsed object.
    expect(keywordGroups(JSON.parse('{"__proto__": {"type": "string"}}'))).toBe(0);
  });
});
