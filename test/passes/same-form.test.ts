import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameForm, wholeForm, wholeForms, type Form } from "../../generator/passes/same-form.js";
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

  it("splits a long chain that differs only at its end into one class per link, and merges two equal chains", () => {
    // S0 → S1 → ... → S(n-1) → a string: each link is as far from the end as no other.
    const n = 3000;
    const chain = (p: string, end: number): Shape[] => [
      ...Array.from({ length: n }, (_, i) => list(`${p}${i}`, i + 1 < n ? `${p}${i + 1}` : `${p}End`)),
      str(`${p}End`, end),
    ];
    const result = classes([...chain("A", 5), ...chain("B", 5), ...chain("C", 6)]);
    for (let i = 0; i < n; i++) expect([result[`A${i}`], result[`B${i}`], result[`C${i}`]]).toEqual([`A${i}`, `A${i}`, `C${i}`]);
  });

  it("agrees with a plain refinement (round after round until no class splits) on random graphs", () => {
    // A node: one of a few own forms, 0-3 references to nodes of the list or to a few outside ids.
    const graph = fc.integer({ min: 1, max: 24 }).chain((n) =>
      fc.array(
        fc.record({
          key: fc.constantFrom("a", "b", "c"),
          refs: fc.array(fc.oneof({ weight: 5, arbitrary: fc.nat(n - 1).map((i) => `ns#N${i}`) }, { weight: 1, arbitrary: fc.constantFrom("x#P", "x#Q") }), { maxLength: 3 }),
        }),
        { minLength: n, maxLength: n },
      ),
    );
    fc.assert(
      fc.property(graph, fc.boolean(), (nodes, reversed) => {
        const forms = new Map<string, Form>(nodes.map((node, i) => [`ns#N${i}`, node]));
        const shapes = nodes.map((_, i): Shape => ({ ...base, id: `ns#N${i}`, name: `N${i}`, type: "string" }));
        if (reversed) shapes.reverse();
        const formOf = (shape: Shape): Form => forms.get(shape.id)!;
        expect(sameForm(shapes, formOf)).toEqual(plainSameForm(shapes, formOf));
      }),
      { numRuns: 2000, seed: 8 },
    );
  });
});

/**
 * The definition, computed the plain way (quadratic): start from the own forms and split every
 * class by the classes its members' references lead to (a shape outside: itself), round after
 * round, until a round splits nothing.
 */
function plainSameForm(shapes: readonly Shape[], formOf: (shape: Shape) => Form): Map<string, string> {
  const forms = shapes.map(formOf);
  const index = new Map(shapes.map((s, i) => [s.id, i]));
  let classes = forms.map((f) => "own " + f.key);
  for (;;) {
    const signatures = forms.map((f, i) => JSON.stringify([classes[i], f.refs.map((id) => (index.has(id) ? classes[index.get(id)!] : "outside " + id))]));
    const renumber = new Map<string, string>();
    const next = signatures.map((s) => {
      if (!renumber.has(s)) renumber.set(s, String(renumber.size));
      return renumber.get(s)!;
    });
    const before = new Set(classes).size;
    classes = next;
    if (renumber.size === before) break;
  }
  const first = new Map<string, string>();
  const out = new Map<string, string>();
  shapes.forEach((s, i) => {
    if (!first.has(classes[i]!)) first.set(classes[i]!, s.id);
    out.set(s.id, first.get(classes[i]!)!);
  });
  return out;
}

describe("wholeForms", () => {
  /** Pairs of shapes `wholeForms` must put in one class exactly when `wholeForm` prints the same key; refs as `wholeForm`'s. */
  function agrees(shapes: readonly Shape[]): void {
    const forms = wholeForms(shapes);
    const printed = shapes.map(wholeForm);
    shapes.forEach((a, i) => {
      expect(forms.get(a)!.refs).toEqual(printed[i]!.refs);
      shapes.forEach((b, j) => expect([i, j, forms.get(a)!.key === forms.get(b)!.key]).toEqual([i, j, printed[i]!.key === printed[j]!.key]));
    });
  }
  const shape = (id: string, rest: Record<string, unknown>): Shape => ({ id, name: id, ...rest }) as unknown as Shape;

  it("is wholeForm's equivalence on JSON's edge cases", () => {
    const shapes = [
      shape("a", { type: "string", constraints: {} }),
      shape("b", { type: "string", constraints: {}, derivedName: true }), // id and names are not the form
      shape("c", { constraints: {}, type: "string" }), // key order is
      shape("d", { type: "string", constraints: {}, docs: undefined }), // undefined is left out
      shape("e", { type: "number", constraints: { range: { min: 0 } } }),
      shape("f", { type: "number", constraints: { range: { min: -0 } } }), // -0 prints 0
      shape("g", { type: "number", constraints: { range: { min: NaN } } }),
      shape("h", { type: "number", constraints: { range: { min: null } } }), // NaN and null both print null
      shape("i", { type: "number", constraints: { range: { min: Infinity } } }),
      shape("j", { type: "number", constraints: { range: { min: 1 } } }),
      shape("k", { type: "number", constraints: { range: { min: "1" } } }), // "1" is not 1
      shape("l", { type: "list", member: { target: "x#A" } }),
      shape("m", { type: "list", member: { target: "x#B" } }), // a string target prints 0, its id goes to refs
      shape("n", { type: "list", member: { target: 0 } }),
      shape("o", { type: "list", member: { target: 1 } }),
      shape("p", { type: "list", member: { target: "x#A", default: { target: "x#C", list: [1, undefined, null] } } }), // at any depth
      shape("q", { type: "list", member: { target: "x#A", default: { target: "x#D", list: [1, null, null] } } }), // undefined in an array prints null
      shape("r", { type: "enum", values: [{ name: "ABCD", value: "abcd" }] }),
      shape("s", { type: "enum", values: [{ name: "AXCD", value: "abcd" }] }), // same length, first, middle and last character
      shape("t", { type: "boolean", constraints: {}, sensitive: true }),
      shape("u", { type: "boolean", constraints: {}, sensitive: "true" }),
      shape("v", { type: "string", constraints: {}, id2: "v" }),
      shape("w", { type: "string", constraints: {}, f: () => 1 }), // a function is left out of an object
    ];
    agrees(shapes);
    expect(wholeForms(shapes).get(shapes[0]!)!.key).toBe(wholeForms(shapes).get(shapes[1]!)!.key);
  });

  it("falls back to wholeForm for data that is not plain", () => {
    agrees([shape("a", { type: "string", traits: new Map([["x", 1]]) }), shape("b", { type: "string", traits: new Map() }), shape("c", { type: "string", traits: {} })]);
    agrees([shape("a", { type: "string", at: new Date(0) }), shape("b", { type: "string", at: "1970-01-01T00:00:00.000Z" })]);
    expect(() => wholeForms([shape("a", { type: "number", default: 1n })])).toThrow(TypeError);
  });

  it("is wholeForm's equivalence on random JSON-like shapes", () => {
    const leaf = fc.oneof(fc.constantFrom(0, -0, 1, NaN, Infinity, null, undefined, true, false, "", "a", "b", "ab", "ba", "x#A", "x#B"), fc.double(), fc.string({ maxLength: 4 }));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("target", "name", "id", "a", "b", "docs"), tie("v"), { maxKeys: 3 })),
    })).v;
    const shapeArb = fc.tuple(fc.constantFrom("s1", "s2"), fc.dictionary(fc.constantFrom("target", "type", "a", "b", "members", "derivedName"), value, { maxKeys: 4 })).map(([id, rest]) => shape(id, rest));
    fc.assert(fc.property(fc.array(shapeArb, { minLength: 2, maxLength: 6 }), (shapes) => agrees(shapes)), { seed: 12, numRuns: 500 });
  });
});
