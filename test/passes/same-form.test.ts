import { describe, expect, it } from "vitest";
import { sameForm, type Form } from "../../generator/passes/same-form.js";
import type { Shape } from "../../generator/model/ir.js";

const base = { sensitive: false, constraints: {} } as const;
const list = (name: string, target: string): Shape => ({ ...base, id: `ns#${name}`, name, type: "list", member: { target: `ns#${target}` } });
const str = (name: string, max: number): Shape => ({ ...base, id: `ns#${name}`, name, type: "string", constraints: { length: { max } } });
const struct = (name: string, ...members: [string, string][]): Shape => ({
  ...base,
  id: `ns#${name}`,
  name,
  type: "structure",
  members: members.map(([m, target]) => ({ name: m, target: target.includes("#") ? target : `ns#${target}`, required: false, constraints: {} })),
});

/** A form as an emitter would give it: the shape's kind, constraints and member names, not its name. */
function formOf(shape: Shape): Form {
  switch (shape.type) {
    case "list":
      return { key: "list", refs: [shape.member.target] };
    case "structure":
      return { key: "structure " + shape.members.map((m) => m.name).join(","), refs: shape.members.map((m) => m.target) };
    default:
      return { key: shape.type + JSON.stringify(shape.constraints), refs: [] };
  }
}

const classes = (shapes: Shape[]): Record<string, string> =>
  Object.fromEntries([...sameForm(shapes, formOf)].map(([id, rep]) => [id.slice(3), rep.slice(3)]));

describe("sameForm", () => {
  it("groups shapes whose own forms are equal and whose references lead to the same forms, first one first", () => {
    const shapes = [list("A", "S"), list("B", "T"), list("C", "U"), str("S", 5), str("T", 5), str("U", 6)];
    expect(classes(shapes)).toEqual({ A: "A", B: "A", C: "C", S: "S", T: "S", U: "U" });
    // The representative is the first in the order given.
    expect(classes([...shapes].reverse())).toEqual({ A: "B", B: "B", C: "C", S: "T", T: "T", U: "U" });
  });

  it("tells apart shapes that differ only deep down, and keeps member order", () => {
    const shapes = [
      struct("P", ["a", "X"], ["b", "S"]),
      struct("Q", ["a", "Y"], ["b", "S"]),
      struct("R", ["b", "S"], ["a", "X"]),
      struct("X", ["leaf", "S"]),
      struct("Y", ["leaf", "U"]),
      str("S", 5),
      str("U", 6),
    ];
    expect(classes(shapes)).toEqual({ P: "P", Q: "Q", R: "R", X: "X", Y: "Y", S: "S", U: "U" });
  });

  it("merges cycles of the same form, and keeps apart a cycle and a chain that ends", () => {
    // A → B → A and C → C are the same infinite list of lists; D → E → S ends in a string.
    const shapes = [list("A", "B"), list("B", "A"), list("C", "C"), list("D", "E"), list("E", "S"), str("S", 5)];
    expect(classes(shapes)).toEqual({ A: "A", B: "A", C: "A", D: "D", E: "E", S: "S" });
  });

  it("treats each shape outside the list as its own: equal only when it is the same one", () => {
    const shapes = [struct("P", ["a", "smithy.api#String"]), struct("Q", ["a", "smithy.api#String"]), struct("R", ["a", "smithy.api#Integer"])];
    expect(classes(shapes)).toEqual({ P: "P", Q: "P", R: "R" });
  });
});
