// The ReDoS classifier and the linear-time matcher: which patterns are super-linear, that the
// matcher agrees with the backtracking translation (fast-check, over every unsafe AWS pattern and
// a sample of the others), and that validators of unsafe patterns run the matcher.

import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTemplates } from "../../generator/cli/templates.js";
import { translateJavaPattern } from "../../generator/regex/index.js";
import { linearProgram, type ProgramSource } from "../../generator/regex/linear.js";
import { analyse } from "../../generator/regex/redos.js";
import { Universe } from "../../generator/regex/universe.js";
import { emitAndImport, model, str } from "../validators/fixtures.js";
import { corpusPatterns } from "./corpus.js";
import { POOL, probes } from "./probes.js";

type Program = { code: number[]; classes: RegExp[]; tests: RegExp[]; start: number };
let linearFind: (program: Program, input: string) => boolean;

beforeAll(async () => {
  const dir = resolve(".tmp", "regex-tests", String(process.pid));
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, "linear-find.ts"), loadTemplates().helper("linear-find.ts", { header: "" }));
  ({ linearFind } = (await import(pathToFileURL(resolve(dir, "linear-find.ts")).href)) as { linearFind: typeof linearFind });
});

/** The program's RegExp literals (`/src/uy`) as RegExps. */
function load(p: ProgramSource): Program {
  const re = (literal: string): RegExp => new RegExp(literal.slice(1, -3), "uy");
  return { code: [...p.code], classes: p.classes.map(re), tests: p.tests.map(re), start: p.start };
}

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
    const plain = await emitAndImport(model("plain", [str("Plain", { pattern: "^[a-z]+$" })]));
    expect([...plain.files.keys()]).toEqual(["runtime.ts", "validators.ts"]);
  });
});
