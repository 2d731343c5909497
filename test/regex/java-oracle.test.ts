// The translator against java.util.regex (Java 17) itself: every distinct `smithy.api#pattern`
// of the AWS corpus, plus syntax the corpus does not use, each with probe strings generated
// from the pattern (probes.ts), must give the same `Matcher.find()` verdict in JavaScript.
// Patterns that are listed as untranslatable are the only ones left out, each with its reason.
// Patterns a backtracking search could take super-linear time on run, in the validators, as the
// linear-time matcher (templates/linear-find.ts.hbs): its verdicts must be Java's too.
//
// One Java process answers every pattern (JavaOracle.java over stdin). REGEX_ORACLE_PROBES
// raises the number of probes per pattern (default 40) for a longer sweep.

import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { translateJavaPattern } from "../../generator/regex/index.js";
import { linearProgram } from "../../generator/regex/linear.js";
import { analyse } from "../../generator/regex/redos.js";
import { Universe } from "../../generator/regex/universe.js";
import { importLinearFind, loadProgram, type LinearFind } from "./linear-program.js";
import { javaFind } from "./java-oracle.js";
import { probes } from "./probes.js";

const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus/aws-smithy");
const PROBES = Number(process.env.REGEX_ORACLE_PROBES ?? 40);

/** Every distinct pattern of the AWS corpus, in a stable order. */
function corpusPatterns(): string[] {
  const files = readdirSync(CORPUS)
    .filter((f) => f.endsWith(".json.gz"))
    .sort();
  if (files.length === 0) throw new Error(`no models in ${CORPUS}`);
  const seen = new Set<string>();
  for (const f of files) {
    const model = JSON.parse(gunzipSync(readFileSync(resolve(CORPUS, f))).toString("utf8")) as {
      shapes?: Record<
        string,
        {
          traits?: Record<string, unknown>;
          members?: Record<string, { traits?: Record<string, unknown> }>;
        } & Record<string, unknown>
      >;
    };
    for (const shape of Object.values(model.shapes ?? {})) {
      const holders = [
        shape,
        ...Object.values(shape.members ?? {}),
        ...["member", "key", "value"].map((k) => shape[k] as { traits?: Record<string, unknown> } | undefined),
      ];
      for (const h of holders) {
        const p = h?.traits?.["smithy.api#pattern"];
        if (typeof p === "string") seen.add(p);
      }
    }
  }
  return [...seen];
}

/** Syntax the corpus does not use, checked the same way. */
const EXTRA = [
  "a*+b",
  "(?>a|ab)c",
  "^(?:a|b)++$",
  "x?+y",
  "\\Qa.b*\\E+",
  "[\\Q]-\\E]+",
  "(?x) a b # comment\n c",
  "(?m)^b$",
  "(?m)^$",
  "\\R",
  "\\Rx",
  "^\\h+\\v*$",
  "[]a]+",
  "[^]a]",
  "[a-z&&[^aeiou]]+",
  "[\\w&&\\D]",
  "[^a[bc]]",
  "[a[b[c]]&&[^b]]",
  "\\bfoo\\b",
  "\\Bo",
  "\\0101\\x41\\u0041\\x{1F600}",
  "\\cA",
  "(?i)[k-m]",
  "(?i)[^a-c]",
  "(?i)\\p{Lower}",
  "(?i)\\p{Lu}",
  "(?s:.)",
  "(?d).$",
  "(?d)(?m)^a$",
  "a{2}{0,3}",
  "a{0}",
  "a{1,}?b",
  "[\\p{L}&&[^a-z]]+",
  "\\P{L}",
  "\\pL",
  "\\p{IsLatin}+",
  "\\p{javaLowerCase}",
  "\\p{javaWhitespace}",
  "\\p{IsWhite_Space}",
  "\\p{gc=Nd}",
  "\\p{sc=Greek}",
  "\\p{InGreek}",
  "(a)|\\1",
  "(a)\\1",
  "\\Z",
  "a\\z",
  "\\Aa",
  "\\Ga",
  "[a-\\x{7A}]",
  "(?-i)A",
  "(?i)a(?-i)b",
  "[\\x00-\\x1F]",
  "[+-=]",
  "[\\s-_]",
  "[a-]",
  "(?<name>x)y",
  "(?<=a)b",
  "(?<!a)b",
  "é+",
  "\\e\\a\\f",
  "^(?!-)[a-z-]{1,5}(?<!-)$",
  "[\\p{Punct}&&[^_]]",
  "(?U)\\w",
  "\\X",
  "[z-a]",
  "a{2,1}",
  "(?<1a>x)",
  "\\k<x>",
  "(?<x>a)\\k<x>",
  "(?<x>a)(?<x>b)",
  "a**",
  "\\p{Nope}",
  "(",
  "[a",
  "\\",
];

let linearFind: LinearFind;
beforeAll(async () => {
  linearFind = await importLinearFind("java-oracle");
});

describe("patterns agree with java.util.regex", () => {
  it(`every AWS pattern and every extra construct, ${PROBES} probes each`, () => {
    const corpus = corpusPatterns();
    expect(corpus.length).toBe(3462);
    const all = [...corpus, ...EXTRA];
    const translations = all.map((p) => translateJavaPattern(p));
    const requests = all.map((pattern, i) => {
      const t = translations[i]!;
      return {
        pattern,
        probes: t.kind === "ok" ? probes(t.node, i + 1, PROBES) : [],
      };
    });
    const answers = javaFind(requests);

    const disagreements: string[] = [];
    const untranslatable: string[] = [];
    let compared = 0;
    let agreeing = 0;
    let linear = 0;
    const universe = new Universe();
    for (const [i, pattern] of all.entries()) {
      const t = translations[i]!;
      const java = answers[i]!;
      if ("error" in java) {
        if (t.kind !== "invalid") disagreements.push(`${JSON.stringify(pattern)}: Java rejects it (${java.error}), we gave ${t.kind}`);
        continue;
      }
      if (t.kind === "invalid") {
        disagreements.push(`${JSON.stringify(pattern)}: Java compiles it, we reject it (${t.problem})`);
        continue;
      }
      if (t.kind === "untranslatable") {
        untranslatable.push(`${JSON.stringify(pattern)}: ${t.problem}`);
        continue;
      }
      compared++;
      const re = new RegExp(t.source, "u");
      const program = analyse(t.node, universe).safe ? undefined : linearProgram(t.node);
      const matcher = program?.ok ? loadProgram(program.program) : undefined;
      if (matcher) linear++;
      let same = true;
      for (const [j, probe] of requests[i]!.probes.entries()) {
        const verdict = java.verdicts[j];
        if (verdict === "X") throw new Error(`Java failed on ${JSON.stringify(pattern)} with ${JSON.stringify(probe)}`);
        if (re.test(probe) !== verdict) {
          same = false;
          disagreements.push(`${JSON.stringify(pattern)} on ${JSON.stringify(probe)}: Java ${verdict}, /${t.source}/u ${!verdict}`);
        }
        if (matcher && linearFind(matcher, probe) !== verdict) {
          same = false;
          disagreements.push(`${JSON.stringify(pattern)} on ${JSON.stringify(probe)}: Java ${verdict}, the linear matcher ${!verdict}`);
        }
      }
      if (same) agreeing++;
    }
    console.log(
      `java oracle: ${compared} patterns compared, ${agreeing} agree (${linear} of them also through the linear matcher); ${untranslatable.length} untranslatable (warned, not checked)`,
    );
    expect(disagreements).toEqual([]);
    expect(untranslatable).toEqual([
      ...corpus
        .filter((p) => p.includes("\\17"))
        .map(
          (p) =>
            `${JSON.stringify(p)}: back reference \\17 may refer to a group that did not take part (Java fails it, ECMAScript matches empty)`,
        ),
      '"\\\\p{InGreek}": Unicode blocks (\\p{InGreek}) have no ECMAScript equivalent',
      '"(a)|\\\\1": back reference \\1 may refer to a group that did not take part (Java fails it, ECMAScript matches empty)',
      '"(?U)\\\\w": UNICODE_CHARACTER_CLASS ((?U)) is not translated',
      '"\\\\X": grapheme clusters (\\X) have no ECMAScript equivalent',
    ]);
  });
});
