// The exact reading of an already parsed JSON AST (generator/smithy/json-numbers.ts: one scan
// finds the literals a float64 cannot hold; JSON.parse's value gets them as BigNumberNodes)
// against the parse-tree reading it replaces (readJsonAst without a parsed value): the same
// value, key order included, and the same diagnostics, on hand-made texts and on the real AWS
// models whose texts hold such literals.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { jsonTooDeep } from "../../generator/limits.js";
import { BigNumberNode } from "../../generator/smithy/ast.js";
import { mayHoldInexactNumber, readJsonAst } from "../../generator/smithy/json-ast.js";
import { hasDuplicateKeys, scanJsonNumbers, withExactNumbers } from "../../generator/smithy/json-numbers.js";
import { corpusFile } from "../helpers/paths.js";

/** A value as text that shows key order and big numbers (`BigNumberNode` as `big:<text>`, not its toJSON). */
function show(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const own = this[key];
    return own instanceof BigNumberNode ? `big:${own.text}` : v;
  });
}

/** Both readings of `text`: through JSON.parse and the scan, and through the parse tree. */
function both(text: string): { fast: string; tree: string; fastDiags: string; treeDiags: string } {
  const a = new Diagnostics();
  const b = new Diagnostics();
  const fast = readJsonAst(text, "m.json", a, JSON.parse(text));
  const tree = readJsonAst(text, "m.json", b);
  return { fast: show(fast?.ast), tree: show(tree?.ast), fastDiags: JSON.stringify(a.items), treeDiags: JSON.stringify(b.items) };
}

const model = (inner: string) => `{"smithy": "2.0", "metadata": ${inner}, "shapes": {}}`;

describe("scanJsonNumbers", () => {
  it("finds each literal a float64 cannot hold, with its path, and only those", () => {
    const text = '{"a": [1, 12345678901234567890, {"b\\"c": -1.5e-400}], "d": "12345678901234567890", "e": 123456789012345, "f": 0.1, "g": 9007199254740993}';
    expect(scanJsonNumbers(text)).toEqual({
      inexact: [
        { path: ["a", 1], text: "12345678901234567890" },
        { path: ["a", 2, 'b"c'], text: "-1.5e-400" },
        { path: ["g"], text: "9007199254740993" },
      ],
      duplicateKeys: false,
    });
    // A literal a float64 holds exactly, however long, is not listed.
    expect(scanJsonNumbers('{"a": 1.50000000000000000, "b": 1e100, "c": 9007199254740992}')).toEqual({ inexact: [] });
  });

  it("finds the nesting past the limit exactly where jsonTooDeep does", () => {
    const texts = ['{"a":"[[[[\\"[[["}', '{"a":[1]}', '["a\\\\"[', '["a\\\\\\"[" [', '["\\\\\\\\", [', '[[["x\\"]]]"[[', "[".repeat(300), '{"a": [[{"b": [1]}]]}'];
    for (const text of texts) {
      for (const limit of [1, 2, 3, 256]) expect(scanJsonNumbers(text, limit).deep, `${text} ${limit}`).toEqual(jsonTooDeep(text, limit));
    }
  });

  it("tells objects that repeat a key (decoded), and only those", () => {
    expect(hasDuplicateKeys('{"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]}')).toBe(false);
    expect(hasDuplicateKeys('{"a": 1, "b": {"x": 2, "x": 3}}')).toBe(true);
    expect(hasDuplicateKeys('{"a": 1, "\\u0061": 2}')).toBe(true);
    expect(hasDuplicateKeys('{"a\\\\": 1, "a\\\\\\\\": 2, "s": "\\\\"}')).toBe(false);
    expect(hasDuplicateKeys('[{"a": 1}, {"a": 1}]')).toBe(false);
  });
});

describe("withExactNumbers", () => {
  it("copies the containers on the paths and leaves JSON.parse's value as it was", () => {
    const text = '{"a": {"b": [12345678901234567890]}, "c": {"d": 1}}';
    const parsed = JSON.parse(text) as { a: { b: unknown[] }; c: unknown };
    const exact = withExactNumbers(parsed, scanJsonNumbers(text)) as unknown as typeof parsed;
    expect(show(exact)).toBe('{"a":{"b":["big:12345678901234567890"]},"c":{"d":1}}');
    expect(parsed.a.b[0]).toBe(12345678901234567000);
    expect(exact.c).toBe(parsed.c);
  });

  it("gives up (the caller reads the tree) when an object repeats a key", () => {
    const text = '{"a": 12345678901234567890, "a": 1}';
    expect(withExactNumbers(JSON.parse(text), scanJsonNumbers(text))).toBeUndefined();
  });
});

describe("readJsonAst: the scan against the parse tree", () => {
  it("reads hand-made texts alike, values, key order and diagnostics", () => {
    const texts = [
      model('{"n": 12345678901234567890}'),
      model('{"n": [1, 2, -12345678901234567890, 3.000000000000000000001, 1E+400]}'),
      model('{"10": 12345678901234567890, "2": 1, "b": {"__proto__": 12345678901234567890, "x": "9999999999999999999"}}'),
      model('{"k\\u0041\\n": {"deep": [[[{"v": 0.31888890266418457}]]]}}'),
      model('{"dup": 12345678901234567890, "dup": 12345678901234567890}'),
      model('{"dup": {"v": 12345678901234567890}, "dup": {"v": 12345678901234567000}}'),
      '{"smithy": "2.0", "shapes": {"a#B": {"type": "integer", "traits": {"smithy.api#range": {"max": 123456789012345678901}}}, "a#C": {"type": "nope"}}}',
      '{"smithy": 12345678901234567890}',
      "12345678901234567890",
      '[1, 12345678901234567890]',
      model('{"plain": [1, 2.5, "12345678901234567890"]}'),
    ];
    for (const text of texts) {
      const r = both(text);
      expect(r.fast, text).toBe(r.tree);
      expect(r.fastDiags, text).toBe(r.treeDiags);
    }
  });

  it("reads the real AWS models that hold such literals alike", () => {
    // The AWS models that mayHoldInexactNumber sent down the tree (found by scanning all 402).
    let literals = 0;
    for (const name of ["connect", "data-pipeline", "efs", "evidently", "fsx", "greengrassv2", "iot-events-data", "iotsitewise", "kafkaconnect", "pca-connector-ad", "rekognition"]) {
      const text = gunzipSync(readFileSync(corpusFile(`aws-smithy/${name}.json.gz`))).toString("utf8");
      expect(mayHoldInexactNumber(text), name).toBe(true);
      literals += scanJsonNumbers(text).inexact.length;
      const r = both(text);
      expect(r.fast === r.tree, name).toBe(true);
      expect(r.fastDiags, name).toBe(r.treeDiags);
    }
    expect(literals).toBeGreaterThan(0);
  });
});
