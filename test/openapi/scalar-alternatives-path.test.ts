// A oneOf/anyOf path parameter whose variants are all plain scalars (GitHub's `workflow_id`:
// integer | string) is styled when generating (generator/protocols/http/binding.ts labelExpr,
// scalarVariants): `encodePathSegment(String(input.workflow_id), false)`, with no call of
// forms.ts `stylePathValue` and no import of forms.ts, since such a value is never a list or an
// object. The bytes on the wire are the same: checked against stylePathValue itself (from the same
// generated folder) on random values of every style, and against swagger-client's buildRequest.
//
//   /runs/{workflow_id} with workflow_id: { oneOf: [{ type: integer }, { type: string }] }
//   → path: "/runs/" + encodePathSegment(String(input.workflow_id), false)

import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { generateToTemp } from "./helpers.js";
import { runSource } from "../openapi-wire/oracle.js";
import { KNOWN } from "../openapi-wire/known.js";
import { report } from "../openapi-wire/report.js";

const DOCUMENT = `openapi: 3.0.3
info: { title: Scalar alternatives in paths, version: "1" }
paths:
  /runs/{workflow_id}/{tag}/{flag}:
    get:
      operationId: getRun
      parameters:
        - { name: workflow_id, in: path, required: true, schema: { oneOf: [{ type: integer }, { type: string }] } }
        - { name: tag, in: path, required: true, style: label, schema: { anyOf: [{ type: string, enum: [a, b] }, { type: number }] } }
        - { name: flag, in: path, required: true, style: matrix, schema: { oneOf: [{ type: boolean }, { type: string }] } }
      responses: { "204": { description: done } }
  /counts/{n}:
    get:
      operationId: getCount
      parameters:
        - { name: n, in: path, required: true, style: matrix, explode: true, schema: { oneOf: [{ type: integer }, { type: boolean }] } }
      responses: { "204": { description: done } }
  /mixed/{m}:
    get:
      operationId: getMixed
      parameters:
        - { name: m, in: path, required: true, schema: { oneOf: [{ type: integer }, { type: object, properties: { a: { type: string } } }] } }
      responses: { "204": { description: done } }
`;

type Request = { method: string; path: string };
type Style = "simple" | "label" | "matrix";
let serializers: Record<string, (input: unknown) => Request>;
let stylePathValue: (value: unknown, name: string, style: Style, explode: boolean) => string;
let dir: string;

beforeAll(async () => {
  dir = await generateToTemp([{ path: "scalars.yaml", text: DOCUMENT }], "scalaralternatives");
  serializers = (await import(join(dir, "serializers.ts"))) as typeof serializers;
  ({ stylePathValue } = (await import(join(dir, "forms.ts"))) as { stylePathValue: typeof stylePathValue });
});

/** The text of one generated function. */
function functionText(name: string): string {
  const text = readFileSync(join(dir, "serializers.ts"), "utf8");
  const start = text.indexOf(`export function ${name}(`);
  return text.slice(start, text.indexOf("\n}\n", start) + 2);
}

describe("oneOf/anyOf path parameters of scalars only, styled when generating", () => {
  it("no stylePathValue for them; the one of objects keeps it", () => {
    expect(functionText("serializeGetRunRequest")).not.toContain("stylePathValue");
    expect(functionText("serializeGetCountRequest")).not.toContain("stylePathValue");
    expect(functionText("serializeGetMixedRequest")).toContain("stylePathValue(");
    expect(functionText("serializeGetRunRequest")).toContain('"/runs/" +\n        encodePathSegment(String(input.workflow_id), false) +');
  });

  it("whole paths of each style, the empty string in matrix as the name alone", () => {
    const run = serializers["serializeGetRunRequest"]!;
    expect(run({ workflow_id: 42, tag: "a", flag: true }).path).toBe("/runs/42/.a/;flag=true");
    expect(run({ workflow_id: "main.yml", tag: 1.5, flag: "" }).path).toBe("/runs/main.yml/.1.5/;flag");
    expect(run({ workflow_id: "a b/c", tag: "b", flag: "x;y" }).path).toBe("/runs/a%20b%2Fc/.b/;flag=x%3By");
    expect(serializers["serializeGetCountRequest"]!({ n: false }).path).toBe("/counts/;n=false");
  });

  it("the same paths as stylePathValue gives at run time, for random values of every variant", () => {
    const run = serializers["serializeGetRunRequest"]!;
    const count = serializers["serializeGetCountRequest"]!;
    const path = (...parts: string[]) => parts.join("/");
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.oneof(fc.constantFrom("a", "b"), fc.double({ noNaN: true, noDefaultInfinity: true })), fc.oneof(fc.boolean(), fc.string()), (workflowId, tag, flag) => {
        fc.pre(workflowId !== "." && workflowId !== ".." && flag !== "." && flag !== "..");
        expect(run({ workflow_id: workflowId, tag, flag }).path).toBe(path("", "runs", stylePathValue(workflowId, "workflow_id", "simple", false), stylePathValue(tag, "tag", "label", false), stylePathValue(flag, "flag", "matrix", false)));
      }),
      { numRuns: 500, seed: 1 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.boolean()), (n) => {
        expect(count({ n }).path).toBe("/counts/" + stylePathValue(n, "n", "matrix", true));
      }),
      { numRuns: 100, seed: 1 },
    );
  });

  it("swagger-client's buildRequest sends the same requests (30 random inputs per operation)", async () => {
    const result = await runSource({ path: "scalars.yaml", text: DOCUMENT }, { runs: 30, seed: 1 });
    const { inputs, unexplained } = report([result], KNOWN);
    expect(result.skipped).toEqual([]);
    expect(inputs).toBe(3 * 30);
    expect(result.unexplained.map((d) => `${d.operation} ${JSON.stringify(d.input)} ${d.ours.url} ${d.theirs.url}`)).toEqual([]);
    expect(unexplained).toBe(0);
    // Listed departures only: a matrix "" written `;flag=` (the style table: `;flag`), and a
    // `workflow_id` "" whose empty segment leaves swagger-client's later templates unexpanded.
    expect([...result.explained.keys()].sort()).toEqual(["empty-path-value", "matrix-empty-string"]);
  });

  it("the generated serializers, whole, and they type-check", async () => {
    await expect(readFileSync(join(dir, "serializers.ts"), "utf8")).toMatchFileSnapshot("__snapshots__/generated/scalar-alternatives-path/serializers.ts.snap");
    expect(typecheckFolder(dir)).toEqual([]);
  });
});
