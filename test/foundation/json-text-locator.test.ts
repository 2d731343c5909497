// jsonTextLocator (a scan of the text) against jsonLocator over jsonc-parser's tree, the oracle:
// the same position for every path of random JSON documents printed in random layouts (every
// existing path, one step past each, missing keys, indexes past the end, duplicate keys), and
// for every shape's trait paths of a real AWS model; asked in order, backwards and interleaved
// (the locator remembers what earlier calls read).

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { resolve } from "node:path";
import fc from "fast-check";
import { parseTree } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { jsonLocator, jsonTextLocator } from "../../generator/source-position.js";

type Path = (string | number)[];

/** Every path into `value`, plus a missing key / index under each container. */
function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
    out.push([...prefix, value.length], [...prefix, -1], [...prefix, "0"]);
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
    out.push([...prefix, "no such key"], [...prefix, 0]);
  } else {
    out.push([...prefix, "x"], [...prefix, 0]);
  }
  return out;
}

/** JSON text of `value` with whitespace of `spaces` between tokens, keys escaped when `escape`. */
function print(value: unknown, spaces: string, escape: boolean): string {
  if (Array.isArray(value)) return `[${spaces}${value.map((v) => print(v, spaces, escape)).join(`${spaces},${spaces}`)}${spaces}]`;
  if (typeof value === "object" && value !== null) {
    const key = (k: string) => (escape ? `"${[...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}"` : JSON.stringify(k));
    return `{${spaces}${Object.entries(value).map(([k, v]) => `${key(k)}${spaces}:${spaces}${print(v, spaces, escape)}`).join(`${spaces},${spaces}`)}${spaces}}`;
  }
  return JSON.stringify(value);
}

function expectSame(text: string, all: readonly Path[]): void {
  const tree = parseTree(text, [], { disallowComments: true, allowTrailingComma: false })!;
  const oracle = jsonLocator(text, tree);
  const ours = jsonTextLocator(text);
  for (const path of all) expect(ours(path), JSON.stringify(path)).toEqual(oracle(path));
  // The locator remembers what earlier calls read: the answers must not depend on their order.
  const backwards = jsonTextLocator(text);
  for (const path of [...all].reverse()) expect(backwards(path), JSON.stringify(path)).toEqual(oracle(path));
  const interleaved = jsonTextLocator(text);
  for (let i = 0; i < all.length; i++) {
    const path = all[i % 2 === 0 ? i / 2 : all.length - 1 - (i - 1) / 2]!;
    expect(interleaved(path), JSON.stringify(path)).toEqual(oracle(path));
  }
}

describe("jsonTextLocator", () => {
  it("finds what jsonc-parser's tree finds, on random documents and layouts", () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a", "b", 'q"uote', "back\\slash", "\\", "é\n"));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("array"), tie("object")),
      leaf: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"]}', "\\\\", "\\", "[{"), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null)),
      array: fc.array(tie("tree"), { maxLength: 4 }),
      object: fc.dictionary(key, tie("tree"), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(tree, fc.constantFrom("", " ", "\n  ", "\t\r\n"), fc.boolean(), (value, spaces, escape) => {
        expectSame(`${spaces}${print(value, spaces, escape)}${spaces}`, paths(value));
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it("answers for the first of duplicate keys, as the tree does", () => {
    const text = '{"a": {"x": 1}, "b": [1, 2], "a": {"y": 2}}';
    expectSame(text, [["a"], ["a", "x"], ["a", "y"], ["b", 1], ["b", 2], ["c", "d"]]);
    expect(jsonTextLocator(text)(["a", "y"])).toEqual({ line: 1, column: 7 });
  });

  it("finds every trait of every shape of a real AWS model where the tree does", () => {
    const text = gunzipSync(readFileSync(resolve(import.meta.dirname, "../../../shared/corpus/aws-smithy/cognito-identity-provider.json.gz"))).toString("utf8");
    const shapes = (JSON.parse(text) as { shapes: Record<string, { traits?: object; members?: Record<string, { traits?: object }> }> }).shapes;
    const all: Path[] = [];
    for (const [id, shape] of Object.entries(shapes)) {
      for (const trait of Object.keys(shape.traits ?? {})) all.push(["shapes", id, "traits", trait]);
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        for (const trait of Object.keys(member.traits ?? {})) all.push(["shapes", id, "members", name, "traits", trait]);
        all.push(["shapes", id, "members", name, "target"]);
      }
      all.push(["shapes", id, "no such key"]);
    }
    expect(all.length).toBeGreaterThan(2000);
    expectSame(text, all.filter((_, i) => i % 7 === 0));
  });
});
