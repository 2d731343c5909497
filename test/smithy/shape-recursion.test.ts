// Smithy's forbidden shape recursion is rejected, as the reference implementation's
// `ShapeRecursion` validator rejects it: its errorfiles are the oracle (the set of shapes with
// an ERROR, and for cycles the message word for word). A recursive map is rejected at the
// position of its `value`; legal recursion (through a structure) generates and type-checks.

import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { flattenMixins } from "../../generator/smithy/mixins.js";
import { checkShapeRecursion } from "../../generator/smithy/recursion.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";
import { corpusPath, listCorpus, source } from "../idl/corpus.js";

const DIR = "smithy/idl/errorfiles/validators";

/** The shape id a recursion diagnostic is about: the start of its cycle, or the union it names. */
function subject(message: string): string {
  const m = /^Found invalid shape recursion: ([^$ ]+)/.exec(message) ?? /recursive union `([^`]+)`/.exec(message);
  if (!m) throw new Error(`unexpected message: ${message}`);
  return m[1]!;
}

describe("Smithy shape recursion", () => {
  const files = listCorpus(DIR, (rel) => /\.(smithy|json)$/.test(rel) && existsSync(corpusPath(DIR) + rel.slice(DIR.length).replace(/\.(smithy|json)$/, ".errors")));
  // The errorfiles about recursion (one of them a dense recursive graph that must stay free of
  // events), each on its own; below, every other validator errorfile must give no event.
  const cases = files.filter((rel) => /recursi/i.test(rel));

  it("finds the errorfiles", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
    expect(files.length).toBeGreaterThan(100);
  });

  it("every other validator errorfile that loads gives no recursion error (none expects one)", () => {
    let loaded = 0;
    const wrong: string[] = [];
    for (const rel of files) {
      if (cases.includes(rel)) continue;
      const errors = readFileSync(corpusPath(rel.replace(/\.(smithy|json)$/, ".errors")), "utf8");
      expect(errors.includes("| ShapeRecursion"), rel).toBe(false);
      const diags = new Diagnostics();
      const model = loadSmithy([source(rel)], diags);
      if (!model) continue;
      loaded++;
      checkShapeRecursion(flattenMixins(model), diags);
      for (const d of diags.items) if (d.code === "SMITHY_SHAPE_RECURSION") wrong.push(`${rel}: ${d.message}`);
    }
    console.log(`shape recursion: ${loaded} other errorfiles loaded and checked`);
    expect(wrong).toEqual([]);
    expect(loaded).toBeGreaterThan(100);
  });

  it.each(cases)("%s: the same shapes as the reference, cycles worded the same", (rel) => {
    const expected = readFileSync(corpusPath(rel.replace(/\.(smithy|json)$/, ".errors")), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("[ERROR]") && l.endsWith("| ShapeRecursion"))
      .map((l) => {
        const m = /^\[ERROR\] ([^:]+): (.*) \| ShapeRecursion$/.exec(l)!;
        return { id: m[1]!, message: m[2]! };
      });
    const diags = new Diagnostics();
    const model = loadSmithy([source(rel)], diags);
    expect(model).toBeDefined();
    checkShapeRecursion(flattenMixins(model!), diags);
    const got = diags.items.filter((d) => d.code === "SMITHY_SHAPE_RECURSION");
    expect(got.map((d) => subject(d.message)).sort()).toEqual(expected.map((e) => e.id).sort());
    const cycles = (list: { message: string }[]) => list.map((e) => e.message).filter((m) => m.startsWith("Found")).sort();
    expect(cycles(got)).toEqual(cycles(expected));
    // Where: the member on the cycle (IDL semantic errors carry the JSON AST pointer for now).
    for (const d of got) expect(d.file !== undefined && (d.line !== undefined || d.pointer !== undefined), d.message).toBe(true);
  });

  it("a recursive map is rejected at its value, and nothing is generated", async () => {
    const text = JSON.stringify(
      {
        smithy: "2.0",
        shapes: {
          "ns#Svc": { type: "service", operations: [{ target: "ns#Op" }], traits: { "aws.protocols#awsJson1_1": {} } },
          "ns#Op": { type: "operation", input: { target: "ns#In" } },
          "ns#In": { type: "structure", members: { tree: { target: "ns#Tree" } } },
          "ns#Tree": { type: "map", key: { target: "smithy.api#String" }, value: { target: "ns#Tree" } },
        },
      },
      null,
      2,
    );
    const result = await generate([{ name: "m", files: [{ path: "m.json", text }] }], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
    expect(result.files.size).toBe(0);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([
      {
        code: "SMITHY_SHAPE_RECURSION",
        severity: "error",
        message: "Found invalid shape recursion: ns#Tree$value > ns#Tree. A recursive list, set, or map shape is only valid if an intermediate reference is through a union or structure.",
        file: "m.json",
        pointer: "/shapes/ns#Tree/value",
        line: text.split("\n").findIndex((l) => l.includes('"value": {')) + 1,
        column: 16,
        hint: "Put a structure or union between the collection and itself (e.g. `structure Node { children: Tree }`).",
      },
    ]);
  });

  it("recursion through a structure or union generates and type-checks strictly", async () => {
    const text = [
      "$version: \"2.0\"",
      "namespace ns",
      "@aws.protocols#awsJson1_1",
      "service Svc { operations: [Op] }",
      "operation Op { input := { tree: Tree, expr: Expr } }",
      "map Tree { key: String, value: Node }",
      "structure Node { children: Tree, list: Nodes }",
      "list Nodes { member: Node }",
      "union Expr { leaf: String, sum: Exprs, neg: Expr }",
      "list Exprs { member: Expr }",
      "",
    ].join("\n");
    const result = await generate([{ name: "m", files: [{ path: "m.smithy", text }] }], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(typecheckFolder(writeTree(result.files, "recursion"))).toEqual([]);
  });

  it("unions with no finite value: the same as the plain fixpoint on random structures and unions, and a chain of 20,000 required members", () => {
    // Shapes N0..N(n-1), each a structure or a union, members to other shapes or to a string,
    // structure members required or not.
    const graph = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.array(
        fc.record({
          union: fc.boolean(),
          members: fc.array(fc.record({ to: fc.integer({ min: -1, max: n - 1 }), required: fc.boolean() }), { maxLength: 3 }),
        }),
        { minLength: n, maxLength: n },
      ),
    );
    const unionErrors = (shapes: Record<string, unknown>): string[] => {
      const diags = new Diagnostics();
      const model = loadSmithy([{ path: "m.json", text: JSON.stringify({ smithy: "2.0", shapes }) }], diags);
      expect(model).toBeDefined();
      checkShapeRecursion(flattenMixins(model!), diags);
      return diags.items.filter((d) => d.message.includes("recursive union")).map((d) => subject(d.message)).sort();
    };
    fc.assert(
      fc.property(graph, (nodes) => {
        const target = (to: number) => (to < 0 ? "smithy.api#String" : `ns#N${to}`);
        const shapes = Object.fromEntries(
          nodes.map((node, i) => [
            `ns#N${i}`,
            {
              type: node.union ? "union" : "structure",
              members: Object.fromEntries(node.members.map((m, k) => [`m${k}`, { target: target(m.to), ...(m.required && !node.union ? { traits: { "smithy.api#required": {} } } : {}) }])),
            },
          ]),
        );
        // The plain least fixed point: add what holds a value until a round adds nothing.
        const holds = new Set<number>();
        const ok = (to: number) => to < 0 || holds.has(to);
        for (let changed = true; changed; ) {
          changed = false;
          nodes.forEach((node, i) => {
            if (holds.has(i) || !(node.union ? node.members.some((m) => ok(m.to)) : node.members.every((m) => !m.required || ok(m.to)))) return;
            holds.add(i);
            changed = true;
          });
        }
        const expected = nodes.flatMap((node, i) => (node.union && node.members.length > 0 && !holds.has(i) ? [`ns#N${i}`] : [])).sort();
        expect(unionErrors(shapes)).toEqual(expected);
      }),
      { numRuns: 500, seed: 8 },
    );
    // U → S0 → S1 → ... (required) → a union that holds a value only if `end` does.
    const chain = (end: string): Record<string, unknown> => {
      const shapes: Record<string, unknown> = { "ns#U": { type: "union", members: { a: { target: "ns#S0" } } }, "ns#End": { type: "union", members: { e: { target: end } } } };
      for (let i = 0; i < 20_000; i++) shapes[`ns#S${i}`] = { type: "structure", members: { next: { target: i + 1 < 20_000 ? `ns#S${i + 1}` : "ns#End", traits: { "smithy.api#required": {} } } } };
      return shapes;
    };
    expect(unionErrors(chain("smithy.api#String"))).toEqual([]);
    expect(unionErrors(chain("ns#U"))).toEqual(["ns#End", "ns#U"]);
  });

  it("a component of more than 64 shapes: each shape's cycle through the component's first shape, spelled up to 16 references (or up to that shape)", () => {
    const recursionMessages = (shapes: Record<string, unknown>): string[] => {
      const text = JSON.stringify({ smithy: "2.0", shapes });
      const diags = new Diagnostics();
      const model = loadSmithy([{ path: "m.json", text, json: JSON.parse(text) }], diags);
      expect(model).toBeDefined();
      checkShapeRecursion(flattenMixins(model!), diags);
      return diags.items.filter((d) => d.code === "SMITHY_SHAPE_RECURSION").map((d) => d.message.replace(/\. A structure cannot .*$/, ""));
    };
    const required = (target: string) => ({ target, traits: { "smithy.api#required": {} } });
    // A hub and 100 spokes, each on a cycle hub → spoke → hub: short cycles, spelled whole (the
    // shortest ones here too).
    const hub: Record<string, unknown> = { "ns#Hub": { type: "structure", members: {} } };
    for (let i = 0; i < 100; i++) {
      (hub["ns#Hub"] as { members: Record<string, unknown> }).members[`m${i}`] = required(`ns#Spoke${i}`);
      hub[`ns#Spoke${i}`] = { type: "structure", members: { hub: required("ns#Hub") } };
    }
    const messages = recursionMessages(hub);
    expect(messages.length).toBe(101);
    expect(messages).toContain("Found invalid shape recursion: ns#Hub$m0 > ns#Spoke0 > ns#Spoke0$hub > ns#Hub");
    expect(messages).toContain("Found invalid shape recursion: ns#Spoke57$hub > ns#Hub > ns#Hub$m57 > ns#Spoke57");
    // A ring of 20,000: every shape reported, its cycle cut after 16 references.
    const n = 20_000;
    const ring: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) ring[`ns#S${i}`] = { type: "structure", members: { next: required(`ns#S${(i + 1) % n}`) } };
    const spelled = (from: number, steps: number) => Array.from({ length: steps }, (_, k) => `ns#S${(from + k) % n}$next > ns#S${(from + k + 1) % n}`).join(" > ");
    const ringMessages = recursionMessages(ring);
    expect(ringMessages.length).toBe(n);
    expect(ringMessages).toContain(`Found invalid shape recursion: ${spelled(0, 16)} > … (${n - 16} more references back to ns#S0)`);
    expect(ringMessages).toContain(`Found invalid shape recursion: ${spelled(5_000, 16)} > … (${n - 16} more references back to ns#S5000)`);
    // Spelled as far as the first shape (S0), which the rest goes down from.
    expect(ringMessages).toContain(`Found invalid shape recursion: ${spelled(19_990, 10)} > … (${n - 10} more references back to ns#S19990)`);
  });
});
