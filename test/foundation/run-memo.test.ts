// The per-run memos (generator/memo.ts, docs/memo.ts, regex/memo.ts): a value computed once per
// key and reused gives exactly what computing it again gives; a different key (another text,
// another format or pattern syntax) is never answered with a cached value; the memory held stays
// within the budget; and `generate` with memos kept across calls (as a CLI pool worker keeps
// them for all its models) writes the same files and reports the same diagnostics as calls
// without them.

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { RunMemo } from "../../generator/memo.js";
import { DocMemo } from "../../generator/docs/memo.js";
import { docLines } from "../../generator/docs/tsdoc.js";
import { ecmaPattern, PatternMemo, readJavaPattern } from "../../generator/regex/memo.js";
import { corpusFile } from "../helpers/paths.js";
import { corpusPartitions } from "../helpers/partitions.js";

const templates = loadTemplates();
const host = { readFile: () => undefined };
const partitions = corpusPartitions();

/** The JSON AST text of an AWS corpus model. */
function aws(name: string): string {
  return gunzipSync(readFileSync(corpusFile(`aws-smithy/${name}.json.gz`))).toString("utf8");
}

/** Every value of a trait on the shapes and members of a JSON AST, in order, repeats kept. */
function traitValues(text: string, trait: string): string[] {
  const shapes = (JSON.parse(text) as { shapes: Record<string, { traits?: Record<string, unknown>; members?: Record<string, { traits?: Record<string, unknown> }> }> }).shapes;
  const out: string[] = [];
  for (const shape of Object.values(shapes)) {
    for (const traits of [shape.traits, ...Object.values(shape.members ?? {}).map((m) => m.traits)]) {
      const value = traits?.[trait];
      if (typeof value === "string") out.push(value);
    }
  }
  return out;
}

// codeconnections and codestar-connections share 237 documentation texts and 12 patterns.
const PAIR = ["codeconnections", "codestar-connections"] as const;

describe("RunMemo", () => {
  it("computes a key's value once, and keeps at most about twice its budget", () => {
    let made = 0;
    const memo = new RunMemo<string>(100, (key, value) => key.length + value.length);
    const upper = (key: string) => (made++, key.toUpperCase());
    expect([memo.get("abc", upper), memo.get("abc", upper), memo.get("abd", upper)]).toEqual(["ABC", "ABC", "ABD"]);
    expect([made, memo.hits, memo.misses]).toEqual([2, 1, 2]);
    // 30 keys of 20 units each: the budget holds 5 per generation.
    for (let i = 0; i < 30; i++) memo.get(`key-${String(i).padStart(4, "0")}`, upper);
    expect(memo.size).toBeLessThanOrEqual(10);
    // A dropped key is computed again, to the same value; a recent one is still there.
    const before = made;
    expect(memo.get("key-0000", upper)).toBe("KEY-0000");
    expect(memo.get("key-0029", upper)).toBe("KEY-0029");
    expect(made).toBe(before + 1);
  });

  it("moves a key found in the older generation to the newest, so what a run keeps using stays", () => {
    const memo = new RunMemo<number>(3, () => 1);
    let made = 0;
    const count = () => ++made;
    memo.get("a", count);
    for (const key of ["b", "c", "d"]) memo.get(key, count); // "d" starts a new generation: a, b, c older
    memo.get("a", count); // found in the older one: moved
    for (const key of ["e", "f"]) memo.get(key, count); // fills the newest (d, a, e), then f starts another: b, c dropped
    expect(made).toBe(6);
    memo.get("a", count);
    memo.get("b", count);
    expect(made).toBe(7);
  });
});

describe("DocMemo", () => {
  const texts = PAIR.flatMap((name) => traitValues(aws(name), "smithy.api#documentation"));

  it("gives every AWS documentation text of two models the lines converting it gives, with a large budget and with a tiny one", () => {
    expect(texts.length).toBeGreaterThan(400);
    const expected = texts.map((text) => docLines({ text, format: "html" }));
    for (const memo of [new DocMemo(), new DocMemo(50)]) {
      expect(texts.map((text) => memo.lines({ text, format: "html" }))).toEqual(expected);
      expect(memo.counts.converted + memo.counts.reused).toBe(texts.length);
    }
    const large = new DocMemo();
    for (const text of texts) large.lines({ text, format: "html" });
    expect(large.counts.converted).toBe(new Set(texts).size);
  });

  it("does not answer another format, or a text differing in one character, with a cached conversion", () => {
    const memo = new DocMemo();
    const html = "<p>Use <code>a_b</code> *here*</p>";
    expect(memo.lines({ text: html, format: "html" })).toEqual(["Use `a_b` \\*here\\*"]);
    expect(memo.lines({ text: html, format: "commonmark" })).toEqual(docLines({ text: html, format: "commonmark" }));
    expect(memo.lines({ text: html, format: "commonmark" })).not.toEqual(memo.lines({ text: html, format: "html" }));
    expect(memo.lines({ text: html.replace("a_b", "a_c"), format: "html" })).toEqual(["Use `a_c` \\*here\\*"]);
    expect(memo.counts).toEqual({ converted: 3, reused: 2 });
  });

  it("hands out frozen lines, so no caller can change what the next one gets", () => {
    const lines = new DocMemo().lines({ text: "<p>one</p>", format: "html" });
    expect(Object.isFrozen(lines)).toBe(true);
  });
});

describe("PatternMemo", () => {
  it("reads every pattern of two AWS models as a fresh reading does, once per distinct pattern", () => {
    const patterns = PAIR.flatMap((name) => traitValues(aws(name), "smithy.api#pattern"));
    expect(patterns.length).toBeGreaterThan(40);
    for (const memo of [new PatternMemo(), new PatternMemo(10)]) {
      for (const source of patterns) expect(memo.read(undefined, source)).toEqual(readJavaPattern(source));
    }
    const memo = new PatternMemo();
    for (const source of patterns) memo.read(undefined, source);
    expect(memo.counts).toEqual({ read: new Set(patterns).size, reused: patterns.length - new Set(patterns).size });
  });

  it("reads the same text apart as Java and as ECMA-262, and never answers one text with another's reading", () => {
    const memo = new PatternMemo();
    const source = "^\\d+\\-\\d+$"; // Java accepts `\-`; ECMAScript with the u flag does not
    expect(memo.read(undefined, source).result.kind).toBe("ok");
    expect(memo.read("ecma262", source)).toEqual({ result: ecmaPattern(source), analysis: { safe: true } });
    expect(memo.read("ecma262", source).result.kind).toBe("invalid");
    expect(memo.read(undefined, source).result.kind).toBe("ok");
    expect(memo.read(undefined, "^(a+)+$").analysis).toEqual(readJavaPattern("^(a+)+$").analysis);
    expect(memo.read(undefined, "^(a+)+$").analysis.safe).toBe(false);
    expect(memo.read(undefined, "^(a+)b$").analysis.safe).toBe(true);
  });
});

describe("generate with the run's memos", () => {
  /** One model's IDL: the same documentation and patterns at other lines, under other names, per `name`. */
  const idl = (name: string, pad: number) => `$version: "2"
${"\n".repeat(pad)}namespace example.${name}

use aws.protocols#restJson1

/// The <b>shared</b> documentation of <code>${name}</code>'s service.
@restJson1
service ${name[0]!.toUpperCase()}${name.slice(1)} { version: "1", operations: [Put${name}] }

/// Puts a thing (the same text in both models).
@http(method: "POST", uri: "/${name}")
operation Put${name} { input := { @required Id: Id${name}, Bad: Bad${name}, Greek: Greek${name}, Slow: Slow${name} } }

/// An identifier, shared text.
@pattern("^[a-z][a-z0-9-]{0,62}$")
string Id${name}

@pattern("[z-a]")
string Bad${name}

@pattern("^\\\\p{InGreek}+$")
string Greek${name}

@pattern("^(a|a)*$")
string Slow${name}
`;
  const inputs = [
    { name: "alpha", files: [{ path: "models/alpha.smithy", text: idl("alpha", 0) }] },
    { name: "beta", files: [{ path: "models/beta.smithy", text: idl("beta", 7) }] },
  ];

  it("writes the same files and reports the same diagnostics, each at its own model's place, with memos kept across calls", async () => {
    const docs = new DocMemo();
    const patterns = new PatternMemo();
    for (const order of [inputs, [...inputs].reverse()]) {
      for (const input of order) {
        const alone = await generate([input], host, { templates, format: false });
        const kept = await generate([input], host, { templates, format: false, docs, patterns });
        expect([...kept.files]).toEqual([...alone.files]);
        expect(kept.diagnostics).toEqual(alone.diagnostics);
        expect(kept.diagnostics.map((d) => d.code).sort()).toEqual(["PATTERN_INVALID", "PATTERN_UNTRANSLATABLE"]);
        expect(kept.files.get(`${input.name}/validators.ts`)).toContain("linearFind"); // `^(a|a)*$` runs as an automaton
        for (const d of kept.diagnostics) expect(d.message).toContain(`example.${input.name}#`);
      }
    }
    expect(patterns.counts.reused).toBeGreaterThan(0);
    expect(docs.counts.reused).toBeGreaterThan(0);
  });

  it("gives two AWS models sharing texts and patterns the output of separate runs, in either order", async () => {
    const models = PAIR.map((name) => ({ name, files: [{ path: `${name}.json`, text: aws(name) }] }));
    const alone = new Map<string, string>();
    for (const input of models) for (const [path, text] of (await generate([input], host, { templates, format: false, partitions })).files) alone.set(path, text);
    for (const order of [models, [...models].reverse()]) {
      const docs = new DocMemo();
      const patterns = new PatternMemo();
      const kept = new Map<string, string>();
      for (const input of order) {
        const result = await generate([input], host, { templates, format: false, partitions, docs, patterns });
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        for (const [path, text] of result.files) kept.set(path, text);
      }
      expect([...kept].sort()).toEqual([...alone].sort());
      expect(docs.counts.reused).toBeGreaterThan(237);
      expect(patterns.counts.reused).toBeGreaterThan(0);
    }
  });
});
