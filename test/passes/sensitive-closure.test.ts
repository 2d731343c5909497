import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sensitiveClosure } from "../../generator/passes/sensitive-closure.js";
import { childRefs } from "../../generator/model/refs.js";
import type { ResolvedModel, Shape } from "../../generator/model/ir.js";

const base = { sensitive: false, constraints: {} } as const;
const member = (name: string, target: string, sensitive = false) => ({ name, target, required: false, constraints: {}, ...(sensitive ? { sensitive } : {}) });

function model(shapes: Shape[]): ResolvedModel {
  return {
    name: "m",
    sources: [],
    service: { id: "ns#S", name: "S", protocols: [{ id: "aws.protocols#awsJson1_1", value: {} }] },
    operations: [{ id: "ns#Op", name: "Op", input: "ns#Req", errors: [] }],
    shapes: new Map(shapes.map((s) => [s.id, s])),
  };
}

describe("sensitiveClosure", () => {
  it("holds what is sensitive, what has a sensitive member, and what reaches either, through lists, maps, unions and cycles", () => {
    const m = model([
      { ...base, id: "ns#Req", name: "Req", type: "structure", members: [member("a", "ns#A"), member("b", "ns#B")] },
      { ...base, id: "ns#A", name: "A", type: "list", member: { target: "ns#M" } },
      { ...base, id: "ns#M", name: "M", type: "map", key: { target: "smithy.api#String" }, value: { target: "ns#Secret" } },
      { ...base, id: "ns#Secret", name: "Secret", type: "string", sensitive: true },
      { ...base, id: "ns#B", name: "B", type: "structure", members: [member("n", "smithy.api#String"), member("again", "ns#B")] },
      { ...base, id: "ns#C", name: "C", type: "structure", members: [member("key", "smithy.api#String", true)] },
      { ...base, id: "ns#U", name: "U", type: "union", members: [member("c", "ns#C"), member("u", "ns#U")] },
      { ...base, id: "smithy.api#String", name: "String", type: "string" },
    ]);
    expect([...sensitiveClosure(m)].sort()).toEqual(["ns#A", "ns#C", "ns#M", "ns#Req", "ns#Secret", "ns#U"]);
  });

  it("walks a chain of 20,000 lists back from a sensitive string at its end", () => {
    const n = 20_000;
    const shapes: Shape[] = Array.from({ length: n }, (_, i) => ({ ...base, id: `ns#L${i}`, name: `L${i}`, type: "list", member: { target: i + 1 < n ? `ns#L${i + 1}` : "ns#Secret" } }));
    shapes.push({ ...base, id: "ns#Secret", name: "Secret", type: "string", sensitive: true }, { ...base, id: "ns#Other", name: "Other", type: "list", member: { target: "ns#Other" } });
    const holds = sensitiveClosure(model(shapes));
    expect(holds.size).toBe(n + 1);
    expect(holds.has("ns#L0")).toBe(true);
    expect(holds.has("ns#Other")).toBe(false);
  });

  it("agrees with the fixpoint of the definition (add what refers to what is held, until nothing is added) on random models", () => {
    const shapes = fc.integer({ min: 1, max: 20 }).chain((n) =>
      fc.array(
        fc.record({
          sensitive: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
          kind: fc.constantFrom("structure", "list", "string"),
          targets: fc.array(fc.record({ to: fc.nat(n), sensitive: fc.integer({ min: 0, max: 9 }).map((x) => x === 0) }), { maxLength: 3 }),
        }),
        { minLength: n, maxLength: n },
      ),
    );
    fc.assert(
      fc.property(shapes, (nodes) => {
        // Target n (one past the last) is a shape outside the model.
        const id = (i: number) => (i < nodes.length ? `ns#N${i}` : "smithy.api#String");
        const m = model(
          nodes.map((node, i): Shape => {
            const head = { ...base, id: id(i), name: `N${i}`, sensitive: node.sensitive };
            if (node.kind === "list") return { ...head, type: "list", member: { target: id(node.targets[0]?.to ?? i), ...(node.targets[0]?.sensitive ? { sensitive: true } : {}) } };
            if (node.kind === "structure") return { ...head, type: "structure", members: node.targets.map((t, k) => member(`m${k}`, id(t.to), t.sensitive)) };
            return { ...head, type: "string" };
          }),
        );
        expect([...sensitiveClosure(m)].sort()).toEqual([...fixpoint(m)].sort());
      }),
      { numRuns: 2000, seed: 8 },
    );
  });
});

/** The definition, the plain way (quadratic on a chain): add every shape that is sensitive or refers to one held, until a round adds none. */
function fixpoint(model: ResolvedModel): Set<string> {
  const holds = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const shape of model.shapes.values()) {
      if (!holds.has(shape.id) && (shape.sensitive || childRefs(shape).some((r) => holds.has(r.target) || r.sensitive === true))) {
        holds.add(shape.id);
        changed = true;
      }
    }
  }
  return holds;
}
