// The ReDoS classifier and the linear-time matcher: which patterns are super-linear, that the
// matcher agrees with the backtracking translation (fast-check, over every unsafe AWS pattern and
// a sample of the others, and over patterns made to exercise counters, test outcomes and the
// rewrites of bounded.ts), that its work per character is bounded on every unsafe AWS pattern's
// attack (automaton steps counted, not timed), and that validators of unsafe patterns run it.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { translateJavaPattern } from "../../generator/regex/index.js";
import { printEcma } from "../../generator/regex/print.js";
import { boundRepeats } from "../../generator/regex/bounded.js";
import { linearProgram } from "../../generator/regex/linear.js";
import { analyse } from "../../generator/regex/redos.js";
import { Universe } from "../../generator/regex/universe.js";
import { TMP } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";
import { emitAndImport, model, str } from "../validators/fixtures.js";
import { corpusPatternLengths, corpusPatterns } from "./corpus.js";
import { importLinearFind, loadProgram as load, type LinearFind } from "./linear-program.js";
import { POOL, probes } from "./probes.js";

let linearFind: LinearFind;

beforeAll(async () => {
  linearFind = await importLinearFind("regex-tests");
});

function node(pattern: string) {
  const t = translateJavaPattern(pattern);
  if (t.kind !== "ok") throw new Error(`${pattern}: ${t.problem}`);
  return t;
}

describe("ReDoS classifier", () => {
  it("finds exponential and polynomial backtracking, and leaves linear patterns alone", () => {
    const kinds = [
      "^(a+)+$", "^(a|a)*$", "(\\w+\\s?)*$", "^([a-z]+/?)*$",
      "\\s+$", "a*b", "^[a-zA-Z]+[-_]*[a-zA-Z]+$", "^[a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.]){0,63}$",
      "^[a-z]+$", "[a-z]+", "^[a-z]+(-[a-z]+)*$", "^\\d{1,3}(\\.\\d{1,3}){3}$", "^arn:aws:[a-z0-9-]+:\\d{12}:.*$", "^(?!-)[a-z-]{1,63}(?<!-)$",
    ].map((p) => {
      const a = analyse(node(p).node);
      return `${p} ${a.safe ? "safe" : a.kind}`;
    });
    expect(kinds).toEqual([
      "^(a+)+$ exponential", "^(a|a)*$ exponential", "(\\w+\\s?)*$ exponential", "^([a-z]+/?)*$ exponential",
      "\\s+$ polynomial", "a*b polynomial", "^[a-zA-Z]+[-_]*[a-zA-Z]+$ polynomial", "^[a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.]){0,63}$ polynomial",
      "^[a-z]+$ safe", "[a-z]+ safe", "^[a-z]+(-[a-z]+)*$ safe", "^\\d{1,3}(\\.\\d{1,3}){3}$ safe", "^arn:aws:[a-z0-9-]+:\\d{12}:.*$ safe", "^(?!-)[a-z-]{1,63}(?<!-)$ safe",
    ]);
  });

  it("names an attack: a prefix, a pump and a failing end, rejected by both matchers", () => {
    for (const [pattern, expected] of [
      ["^(a+)+$", { prefix: "aa", pump: "aa", suffix: "\u0000" }],
      ["\\s+$", { prefix: "", pump: "\t\t", suffix: "\u0000" }],
    ] as const) {
      const t = node(pattern);
      const a = analyse(t.node);
      expect(a.safe ? undefined : a.attack).toEqual(expected);
      const input = expected.prefix + expected.pump.repeat(6) + expected.suffix;
      const program = linearProgram(t.node);
      if (!program.ok) throw new Error(program.problem);
      expect([linearFind(load(program.program), input), new RegExp(t.source, "u").test(input)]).toEqual([false, false]);
    }
  });
});

describe("linear-time matcher", () => {
  it("agrees with the backtracking translation on every unsafe AWS pattern and a sample of the safe ones (fast-check)", () => {
    const universe = new Universe();
    const patterns = corpusPatterns();
    let unsafe = 0;
    let checked = 0;
    for (const [i, pattern] of patterns.entries()) {
      const t = translateJavaPattern(pattern);
      if (t.kind !== "ok") continue;
      const isUnsafe = !analyse(t.node, universe).safe;
      if (!isUnsafe && i % 10 !== 0) continue;
      const program = linearProgram(t.node);
      if (!program.ok) continue;
      if (isUnsafe) unsafe++;
      checked++;
      const matcher = load(program.program);
      const re = new RegExp(t.source, "u");
      // Strings from the pattern's own probes, cut short so the backtracking side stays fast.
      const seeds = probes(t.node, i + 1, 12).map((s) => [...s].slice(0, 14).join(""));
      const chars = [...new Set([...seeds.join(""), ...POOL.slice(0, 20)])];
      const arbitrary = fc.oneof(fc.constantFrom(...seeds), fc.array(fc.constantFrom(...chars), { maxLength: 14 }).map((a) => a.join("")));
      fc.assert(
        fc.property(arbitrary, (s) => linearFind(matcher, s) === re.test(s)),
        { numRuns: 25, seed: i },
      );
    }
    console.log(`linear matcher: ${checked} patterns checked, ${unsafe} of them unsafe`);
    expect(unsafe).toBeGreaterThan(250);
  });

  it("agrees with the backtracking translation on counters, tests around them and rewritten repeats (fast-check, lengths around the bounds)", () => {
    // [pattern, the @length max it is compiled for (the rewrites may use it)]
    const cases: [string, number | undefined][] = [
      ["^[ab]{16,20}$", undefined],
      ["[ab]{16,18}c", undefined],
      ["^(x[ab]{16,17})*y$", undefined],
      ["a{16,}b", undefined],
      ["^a{17,}$", undefined],
      ["(?:[ab]{0,17}c|[ac]{16})+$", undefined],
      ["[a-c]{0,16}$", undefined],
      ["^(?:[ab]{2,16}x){2}$", undefined],
      ["\\b[ab]{16,20}\\b", undefined],
      ["(?=a)[ab]{16,20}(?<!b)", undefined],
      ["(?m)^[ab]{16,18}$", undefined],
      ["^(a|b){1,20}$", undefined],
      ["$(?:^){1,30}a|${1,30}", undefined],
      ["([ab]+/){1,20}c", undefined],
      ["^(x[ab]{2,}/){2,20}$", undefined],
      ["^[a-c]{1,40}(-*[a-c]){0,40}$", 40],
      ["^q([ab]+/?){3,40}$", 41],
      ["(?:x[ab]{1,50})+", 30],
    ];
    for (const [i, [pattern, max]] of cases.entries()) {
      const t = node(pattern);
      const program = linearProgram(t.node, max);
      if (!program.ok) throw new Error(`${pattern}: ${program.problem}`);
      const matcher = load(program.program);
      const re = new RegExp(t.source, "u");
      const chars = ["a", "b", "c", "x", "y", "q", "-", "/", "\n", "é"];
      const limit = max ?? 60;
      const runs = fc.array(fc.constantFrom(...chars), { maxLength: limit }).map((a) => a.join(""));
      const blocks = fc.array(fc.constantFrom("a", "b", "ab", "x", "/", "a".repeat(16), "b".repeat(17), "c", "\n"), { maxLength: 12 }).map((a) => [...a.join("")].slice(0, limit).join(""));
      fc.assert(
        fc.property(fc.oneof(runs, blocks), (s) => linearFind(matcher, s) === re.test(s)),
        { numRuns: 400, seed: i },
      );
    }
  });

  it("rewrites repeats only where the meaning stays (bounded.ts)", () => {
    const rewritten = ([pattern, max]: [string, number | undefined]): string => printEcma(boundRepeats(node(pattern).node, max));
    expect(
      (
        [
          ["^[a-z]{1,256}(-*[a-z]){0,256}$", 256],
          ["^https://([a-z]+/?){3,1016}$", 1024],
          ["^https://([a-z]+/?){3,1016}$", 1025],
          ["x{2,300}", 100],
          ["x{2,300}", undefined],
          ["([!-~]+/){1,511}", undefined],
          ["([^/][!-~]+/){1,511}", undefined],
          ["([a-z]+/){1,511}", undefined],
          ["${1,4096}", undefined],
          ["(?:\\b){0,3}a", undefined],
        ] as [string, number | undefined][]
      ).map(rewritten),
    ).toEqual([
      "^[a-z]+(-*[a-z])*(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)",
      "^https:\\/\\/([a-z]+\\/?){3,}(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)",
      "^https:\\/\\/([a-z]+\\/?){3,1016}(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)",
      "x{2,}",
      "x{2,300}",
      "([\\w!-\\/:-@\\[-\\^`{-~]+\\/){1}",
      "([^\\/][\\w!-\\/:-@\\[-\\^`{-~]+\\/){1,511}",
      "([a-z]+\\/){1,511}",
      "(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)",
      "(?:(?:(?<=[\\p{L}\\p{Nd}_]|[\\p{L}\\p{Nd}]\\p{Mn}+)(?!(?:(?=[\\p{L}\\p{Nd}_])|(?<=[\\p{L}\\p{Nd}]\\p{Mn}*)(?=\\p{Mn})))|(?!(?<=[\\p{L}\\p{Nd}_]|[\\p{L}\\p{Nd}]\\p{Mn}+))(?:(?=[\\p{L}\\p{Nd}_])|(?<=[\\p{L}\\p{Nd}]\\p{Mn}*)(?=\\p{Mn}))))?a",
    ]);
  });

  it("costs a bounded number of automaton steps per character on every unsafe AWS pattern's attack at its maximum length", () => {
    const universe = new Universe();
    const heavy: string[] = [];
    let checked = 0;
    for (const [pattern, max] of corpusPatternLengths()) {
      const t = translateJavaPattern(pattern);
      if (t.kind !== "ok") continue;
      const a = analyse(t.node, universe);
      if (a.safe) continue;
      const program = linearProgram(t.node, max);
      if (!program.ok) continue;
      checked++;
      const matcher = load(program.program);
      const attack = a.attack ?? { prefix: "", pump: "a", suffix: "\u0000" };
      const n = Math.min(max ?? 10_000, 10_000);
      const input = (length: number): string => {
        const body = [...(attack.prefix + attack.pump.repeat(Math.ceil(length / Math.max(1, attack.pump.length))))];
        return body.slice(0, Math.max(0, length - [...attack.suffix].length)).join("") + attack.suffix;
      };
      const once = { steps: 0 };
      const twice = { steps: 0 };
      linearFind(matcher, input(n), once);
      linearFind(matcher, input(2 * n), twice);
      // Building the sets the input meets costs at most 128 steps per character; each character
      // after them (the second n) at most 4: a table lookup, with counters and tests to check.
      if (once.steps > 128 * n || twice.steps - once.steps > 4 * n) {
        heavy.push(`${pattern}: ${(once.steps / n).toFixed(1)} steps per character over ${n}, then ${((twice.steps - once.steps) / n).toFixed(1)}`);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(heavy).toEqual([]);
  });

  it("validators of unsafe patterns run the matcher, emitted only where needed; the attacks fail quickly", async () => {
    const m = model("redos", [
      str("Nested", { pattern: "^(a+)+$", length: { max: 28 } }),
      str("JobName", { pattern: "^[a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.]){0,63}$", length: { min: 1, max: 63 } }),
      str("Plain", { pattern: "^[a-z]+$" }),
    ]);
    const { files, validate } = await emitAndImport(m);
    const text = files.get("validators.ts") ?? "";
    expect(text.match(/^const (re|nfa)_\w+/gm)).toEqual(["const nfa_JobName", "const nfa_Nested", "const re_Plain"]);
    expect(text).toContain("if (!linearFind(nfa_Nested, value)) {");
    expect([...files.keys()]).toEqual(["runtime.ts", "validators.ts", "linear-find.ts"]);
    expect(validate("validateNested")("a".repeat(27) + "!").map((f) => f.constraint)).toEqual(["pattern"]);
    expect(validate("validateNested")("a".repeat(28))).toEqual([]);
    expect(validate("validateJobName")("a" + "-".repeat(61) + "!").map((f) => f.constraint)).toEqual(["pattern"]);
    expect(validate("validateJobName")("a-b-c")).toEqual([]);
    // The emitted folder, matcher included, type-checks under the strict options.
    const dir = resolve(TMP, "regex-tests", String(process.pid), "strict");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [path, content] of files) writeFileSync(resolve(dir, path), content);
    expect(typecheckFolder(dir)).toEqual([]);
    const plain = await emitAndImport(model("plain", [str("Plain", { pattern: "^[a-z]+$" })]));
    expect([...plain.files.keys()]).toEqual(["runtime.ts", "validators.ts"]);
  });
});
