// Long lists never crash: a valid model may hold a structure of 150,000 members, an enum of 150,000
// values, a documentation of 150,000 paragraphs or a pattern of 150,000 alternatives, and each of
// these crashed the generator with V8's RangeError ("Maximum call stack size exceeded") when a
// list was spread into a call's arguments (generator/lists.ts). Each model generates here, without
// an error, and the output holds every item (counted, not sampled).
// test/limits/no-spread-calls.test.ts keeps such spreads out of generator/.

import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { EXCLUSIVE_VARIANTS } from "../../generator/limits.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";

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
  return { errors, file, diagnostics: result.diagnostics, files: result.files };
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
    expect(count(file("validators.ts"), /^ +checkMember\(value\.(m\d+), path, "\/\1", out, [$\w]+\);$/gm)).toBe(N);
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

  it("unions: up to EXCLUSIVE_VARIANTS variants each lists the others' keys as never; past it one keys interface does, so a union of 3,000 variants stays linear in size", async () => {
    const union = (n: number) => {
      const members: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) members[`v${i}`] = { target: "smithy.api#String" };
      return model({ "ex#In": { type: "structure", members: { u: { target: "ex#U" } } }, "ex#U": { type: "union", members } });
    };
    const at = await run(union(EXCLUSIVE_VARIANTS));
    expect(at.errors).toEqual([]);
    // Each variant object lists the other 63 keys as `?: never`, and `$unknown`'s lists all 64.
    expect(count(at.file("types.ts"), /^ {6}v\d+\?: never;$/gm)).toBe(EXCLUSIVE_VARIANTS * (EXCLUSIVE_VARIANTS - 1) + EXCLUSIVE_VARIANTS);
    expect(at.file("types.ts")).not.toMatch(/UKeys/);
    const n = EXCLUSIVE_VARIANTS + 1;
    const past = await run(union(n));
    expect(past.errors).toEqual([]);
    const types = past.file("types.ts");
    const keys = ["v" + Array.from({ length: n }, (_, i) => i).join("?: never;\n  v") + "?: never;", "  $unknown?: never;"].join("\n");
    expect(types).toContain(["/** The variant keys of `U`, none set: each of its variants sets one. */", "export interface UKeys {", `  ${keys}`, "}"].join("\n"));
    expect(types.split("\n").filter((l) => l.includes("Omit<UKeys"))).toEqual([
      ...Array.from({ length: n }, (_, i) => `  | (Omit<UKeys, "v${i}"> & { v${i}: string })`),
      `  | (Omit<UKeys, "$unknown"> & { $unknown: [string, unknown] });`,
    ]);
    const big = await run(union(3000));
    expect(big.errors).toEqual([]);
    expect(big.file("types.ts").length).toBeLessThan(400_000);
    // Past the limit the output type-checks strictly (the serializer reads \`value.v0\` on every
    // variant), two keys set is a type error, and the validator still rejects two variants set.
    const use = [
      'import type { U } from "./types.js";',
      'export const one: U = { v64: "a" };',
      "// @ts-expect-error: two variants set (an unused directive is an error itself)",
      'export const two: U = { v0: "a", v64: "b" };',
      'export const read = (u: U): string | undefined => u.v0 ?? u.v64;',
      "",
    ].join("\n");
    const dir = writeTree(new Map([...past.files, ["m/use.ts", use]]), "large-union");
    expect(typecheckFolder(dir)).toEqual([]);
    expect(past.file("validators.ts")).toMatch(/Member must have exactly one of \[v0, v1, [^\]]*v64\] set/);
  }, 120_000);

  it("an enum of 2,000 values as the target of 2,000 members: each member's comment lists the first values, not all (else 4 million)", async () => {
    const values: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) values[`V${i}`] = { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": `v${i}` } };
    const members: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) members[`m${i}`] = { target: "ex#E" };
    const { errors, file } = await run(model({ "ex#In": { type: "structure", members }, "ex#E": { type: "enum", members: values } }));
    expect(errors).toEqual([]);
    const types = file("types.ts");
    expect(count(types, /^ {3}\* Allowed values: `v0`, `v1`, .* and 1960 more \(the type lists all 2000\)\.$/gm)).toBe(2000);
    expect(count(types, /^ {2}V\d+: "v\d+",$/gm)).toBe(2000);
    expect(types.length).toBeLessThan(2_000_000);
  }, 120_000);
});

