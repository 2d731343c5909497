// Long lists never crash: a valid model may hold a structure of 150,000 members, an enum of 150,000
// values, a documentation of 150,000 paragraphs or a pattern of 150,000 alternatives, and each of
// these crashed the generator with V8's RangeError ("Maximum call stack size exceeded") when a
// list was spread into a call's arguments (generator/lists.ts). Each model generates here, without
// an error, and the output holds every item (counted, not sampled).
// test/limits/no-spread-calls.test.ts keeps such spreads out of generator/.

import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";

const templates = loadTemplates();
const host = { readFile: () => undefined };
/** Past V8's limit on spread arguments (about 125,000 at the bottom of the stack). */
const N = 150_000;

function model(shapes: Record<string, unknown>): string {
  return JSON.stringify({
    smithy: "2.0",
    shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Op" }], traits: { "aws.protocols#awsJson1_1": {} } },
      "ex#Op": { type: "operation", input: { target: "ex#In" } },
      ...shapes,
    },
  });
}

/** A string member `a` of the input whose target carries `pattern`. */
const withPattern = (pattern: string) =>
  model({
    "ex#In": { type: "structure", members: { a: { target: "ex#S" } } },
    "ex#S": { type: "string", traits: { "smithy.api#pattern": pattern } },
  });

async function run(text: string) {
  const result = await generate([{ name: "m", files: [{ path: "m.json", text }] }], host, { templates, format: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const file = (name: string): string => {
    const found = [...result.files].find(([path]) => path.endsWith(`/${name}`) || path === name);
    if (!found) throw new Error(`no ${name} among ${[...result.files.keys()].join(", ")}`);
    return found[1];
  };
  return { errors, file, diagnostics: result.diagnostics };
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

describe("lists past V8's argument limit generate", () => {
  it("a structure of 150,000 members, each with a length constraint", async () => {
    const members: Record<string, unknown> = {};
    for (let i = 0; i < N; i++) members[`m${i}`] = { target: "ex#S" };
    const { errors, file } = await run(model({ "ex#In": { type: "structure", members }, "ex#S": { type: "string", traits: { "smithy.api#length": { min: 1 } } } }));
    expect(errors).toEqual([]);
    expect(count(file("types.ts"), /^ {2}m\d+\?: S \| undefined;$/gm)).toBe(N);
    // The serializer writes each member, the validator checks each one.
    expect(count(file("serializers.ts"), /"m\d+"/g)).toBe(N);
    expect(count(file("validators.ts"), /^ +if \(v\d+ != null\) [$\w]+\(v\d+, path \+ "\/m\d+", out\);$/gm)).toBe(N);
  }, 120_000);

  it("an enum of 150,000 values", async () => {
    const values: Record<string, unknown> = {};
    for (let i = 0; i < N; i++) values[`V${i}`] = { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": `v${i}` } };
    const { errors, file } = await run(model({ "ex#In": { type: "structure", members: { a: { target: "ex#E" } } }, "ex#E": { type: "enum", members: values } }));
    expect(errors).toEqual([]);
    expect(count(file("types.ts"), /^ {2}V\d+: "v\d+",$/gm)).toBe(N);
    expect(count(file("validators.ts"), /"v\d+"/g)).toBeGreaterThanOrEqual(N);
  }, 120_000);

  it("a documentation of 150,000 paragraphs", async () => {
    const docs = Array.from({ length: N }, (_, i) => `<p>p${i}</p>`).join("");
    const { errors, file } = await run(model({ "ex#In": { type: "structure", members: { a: { target: "smithy.api#String", traits: { "smithy.api#documentation": docs } } } } }));
    expect(errors).toEqual([]);
    expect(count(file("types.ts"), /^ {3}\* p\d+$/gm)).toBe(N);
  }, 120_000);

  it("a @pattern of 150,000 alternatives: past the ReDoS analysis' work budget, so not checked, with the warning", async () => {
    const { errors, file, diagnostics } = await run(withPattern(`^(${Array.from({ length: N }, (_, i) => `a${String(i).padStart(6, "0")}`).join("|")})$`));
    expect(errors).toEqual([]);
    // generator/regex/redos.ts: past its work budget the answer is "unsafe", never "safe".
    expect(diagnostics.map((d) => [d.code, /\(too large\)/.test(d.message)])).toEqual([["PATTERN_SUPERLINEAR", true]]);
    expect(file("validators.ts")).not.toMatch(/a\d{6}/);
  }, 120_000);

  it("a @pattern with a character class of 150,000 items, and one with \\Q…\\E of 150,000 characters", async () => {
    const items = Array.from({ length: N }, (_, i) => String.fromCodePoint(0x4e00 + (i % 20_000)) + "[a-b]").join("");
    const classed = await run(withPattern(`^[${items}]$`));
    expect(classed.errors).toEqual([]);
    const quoted = await run(withPattern(`^[\\Q${"xyz".repeat(N / 3)}\\E]+$`));
    expect(quoted.errors).toEqual([]);
  }, 120_000);

  it("a @pattern with a group name of 150,000 letters", async () => {
    const { errors, file } = await run(withPattern(`^(?<${"a".repeat(N)}>x)$`));
    expect(errors).toEqual([]);
    expect(file("validators.ts")).toMatch(/a{1000}/);
  }, 120_000);
});
