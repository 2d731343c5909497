import { describe, expect, it } from "vitest";
import { inputClosure } from "../../generator/passes/input-closure.js";
import type { ResolvedModel, Shape } from "../../generator/model/ir.js";

const base = { sensitive: false, constraints: {} } as const;
const member = (name: string, target: string) => ({ name, target, required: false, constraints: {} });

function model(shapes: Shape[]): ResolvedModel {
  return {
    name: "m",
    sources: [],
    service: { id: "ns#S", name: "S", protocols: [{ id: "aws.protocols#awsJson1_1", value: {} }] },
    operations: [{ id: "ns#Op", name: "Op", input: "ns#Req", output: "ns#Resp", errors: [] }],
    shapes: new Map(shapes.map((s) => [s.id, s])),
  };
}

describe("inputClosure", () => {
  it("keeps what inputs reach, through lists, maps, unions and recursion, and drops output-only shapes", () => {
    const m = model([
      { ...base, id: "ns#Req", name: "Req", type: "structure", members: [member("a", "ns#A"), member("s", "smithy.api#String")] },
      { ...base, id: "ns#A", name: "A", type: "list", member: { target: "ns#M" } },
      { ...base, id: "ns#M", name: "M", type: "map", key: { target: "smithy.api#String" }, value: { target: "ns#U" } },
      { ...base, id: "ns#U", name: "U", type: "union", members: [member("again", "ns#Req")] },
      { ...base, id: "ns#Resp", name: "Resp", type: "structure", members: [member("d", "ns#D")] },
      { ...base, id: "ns#D", name: "D", type: "string" },
      { ...base, id: "smithy.api#String", name: "String", type: "string" },
    ]);
    expect([...inputClosure(m)].sort()).toEqual(["ns#A", "ns#M", "ns#Req", "ns#U", "smithy.api#String"]);
  });
});
