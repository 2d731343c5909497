import { describe, expect, it } from "vitest";
import { childRefs, isAggregate } from "../../generator/model/refs.js";
import type { Shape } from "../../generator/model/ir.js";

const base = { sensitive: false, constraints: {} } as const;

describe("childRefs / isAggregate", () => {
  it("lists what each kind of shape refers to", () => {
    const member = { name: "a", target: "ns#A", required: false, constraints: {} };
    const shapes: [Shape, string[], boolean][] = [
      [{ ...base, id: "ns#L", name: "L", type: "list", member: { target: "ns#I" } }, ["ns#I"], true],
      [{ ...base, id: "ns#M", name: "M", type: "map", key: { target: "ns#K" }, value: { target: "ns#V" } }, ["ns#K", "ns#V"], true],
      [{ ...base, id: "ns#S", name: "S", type: "structure", members: [member], additionalProperties: { target: "ns#X" } }, ["ns#A", "ns#X"], true],
      [{ ...base, id: "ns#U", name: "U", type: "union", members: [member] }, ["ns#A"], true],
      [
        { ...base, id: "ns#O", name: "O", type: "alternatives", exclusive: true, variants: [{ target: "ns#P" }], discriminator: { propertyName: "k", mapping: [{ value: "q", target: "ns#Q" }] } },
        ["ns#P", "ns#Q"],
        true,
      ],
      [{ ...base, id: "ns#T", name: "T", type: "string" }, [], false],
      [{ ...base, id: "ns#E", name: "E", type: "enum", values: [] }, [], false],
    ];
    for (const [shape, targets, aggregate] of shapes) {
      expect(childRefs(shape).map((r) => r.target), shape.id).toEqual(targets);
      expect(isAggregate(shape), shape.id).toBe(aggregate);
    }
  });
});
