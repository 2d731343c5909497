// Shapes and operations whose names clash (the same name in many namespaces, a name that is
// another's renamed form, a reserved word, a function prefix): assignNames gives each the first
// free candidate of `Name`, `Name_`, `Name_2`, `Name_3`, ... (operations' serializers
// `serializeOpRequest`, `serializeOpRequest_2`, ...), in the order of the ids, and reports each
// rename. The oracle: the plain search that tries every candidate from the first, on random models.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignNames, toIdentifier } from "../../generator/naming/names.js";
import { isReserved } from "../../generator/naming/reserved.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import type { ResolvedModel, Shape } from "../../generator/model/ir.js";

const FUNCTION_PREFIX = /^(validate|redact|serialize|deserialize)[A-Z_]|^(json|xml|query|cbor|error|build)_/;

function model(shapes: { ns: string; name: string }[], operations: { ns: string; name: string }[]): ResolvedModel {
  return {
    name: "m",
    sources: [],
    service: { id: "ns#S", name: "S", protocols: [{ id: "aws.protocols#awsJson1_1", value: {} }] },
    operations: operations.map((o) => ({ id: `${o.ns}#${o.name}`, name: o.name, errors: [] })),
    shapes: new Map(shapes.map((s): [string, Shape] => [`${s.ns}#${s.name}`, { id: `${s.ns}#${s.name}`, name: s.name, type: "string", sensitive: false, constraints: {} }])),
  };
}

/** The plain search: every candidate from the first until one is free. */
function plainNames(m: ResolvedModel): { types: Map<string, string>; serializers: Map<string, string> } {
  const taken = new Set<string>();
  const types = new Map<string, string>();
  for (const shape of [...m.shapes.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const wanted = toIdentifier(shape.name);
    const base = FUNCTION_PREFIX.test(wanted) ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted;
    const blocked = (n: string) => isReserved(n) || FUNCTION_PREFIX.test(n) || taken.has(n);
    let name = base;
    if (blocked(name)) name = base + "_";
    for (let i = 2; blocked(name); i++) name = `${base}_${i}`;
    taken.add(name);
    types.set(shape.id, name);
  }
  const fnTaken = new Set<string>();
  const serializers = new Map<string, string>();
  for (const op of [...m.operations].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const base = `serialize${toIdentifier(op.name).charAt(0).toUpperCase()}${toIdentifier(op.name).slice(1)}Request`;
    let name = base;
    for (let i = 2; fnTaken.has(name); i++) name = `${base}_${i}`;
    fnTaken.add(name);
    serializers.set(op.id, name);
  }
  return { types, serializers };
}

describe("name clashes", () => {
  it("the same names as the plain search, on random models of clashing names", () => {
    const name = fc.constantFrom("Same", "Same_", "Same_2", "Same_3", "same", "class", "Array", "validateX", "ValidateX", "ValidateX_", "a-b", "a_b", "A_b");
    const entry = fc.record({ ns: fc.constantFrom("a", "b", "c", "d", "e"), name });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => `${e.ns}#${e.name}`, maxLength: 30 }), fc.uniqueArray(entry, { selector: (e) => `${e.ns}#${e.name}`, maxLength: 12 }), (shapes, operations) => {
        const m = model(shapes, operations);
        const names = assignNames(m, new Diagnostics());
        const plain = plainNames(m);
        for (const [id, expected] of plain.types) expect(names.type(id)).toBe(expected);
        for (const [id, expected] of plain.serializers) expect(names.serializer(id)).toBe(expected);
      }),
      { numRuns: 1000, seed: 8 },
    );
  });

  it("20,000 shapes of one name in as many namespaces: Same, Same_, Same_2, ..., each rename reported", () => {
    const n = 20_000;
    const shapes = Array.from({ length: n }, (_, i) => ({ ns: `n${String(i).padStart(5, "0")}`, name: "Same" }));
    const diags = new Diagnostics();
    const names = assignNames(model(shapes, shapes), diags);
    expect(shapes.map((s) => names.type(`${s.ns}#Same`))).toEqual(["Same", "Same_", ...Array.from({ length: n - 2 }, (_, i) => `Same_${i + 2}`)]);
    expect(shapes.map((s) => names.serializer(`${s.ns}#Same`))).toEqual(["serializeSameRequest", ...Array.from({ length: n - 1 }, (_, i) => `serializeSameRequest_${i + 2}`)]);
    expect(diags.items.filter((d) => d.code === "NAME_RENAMED" && d.message.startsWith("Shape")).length).toBe(n - 1);
  });
});
