// Checks the built-in `smithy.api` prelude table: shape types, member targets, trait markers,
// deep freezing, and — without an IDL parser — the shape ids and types against the reference
// prelude in the shared corpus (top-level `<type> <Name>` statements, `@trait` lines above them).

import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AstApply, AstMemberRef, AstShape, NodeValue } from "../../generator/smithy/ast.js";
import { PRELUDE, PRELUDE_NAMESPACE } from "../../generator/smithy/prelude.js";

const CORPUS_PRELUDE = "/work/shared/corpus/smithy/prelude.smithy";
const TRAIT = "smithy.api#trait";

const SHAPE_TYPES: readonly string[] = (
  "blob boolean string byte short integer long float double bigInteger bigDecimal timestamp document " +
  "enum intEnum list set map structure union service operation resource"
).split(" ");

const shapes: Record<string, AstShape | AstApply> = PRELUDE.shapes ?? {};
const entries = Object.entries(shapes);

function membersOf(shape: AstShape | AstApply): [string, AstMemberRef][] {
  if (shape.type === "apply") return [];
  const s = shape as AstShape;
  const out: [string, AstMemberRef][] = [];
  if (s.member) out.push(["member", s.member]);
  if (s.key) out.push(["key", s.key]);
  if (s.value) out.push(["value", s.value]);
  for (const [name, ref] of Object.entries(s.members ?? {})) out.push([name, ref]);
  return out;
}

/** Every place a trait is applied: on shapes and on their members. */
function traitUses(): { where: string; traitId: string; value: NodeValue }[] {
  const out: { where: string; traitId: string; value: NodeValue }[] = [];
  for (const [shapeId, shape] of entries) {
    for (const [traitId, value] of Object.entries(shape.traits ?? {})) out.push({ where: shapeId, traitId, value });
    for (const [name, ref] of membersOf(shape)) {
      for (const [traitId, value] of Object.entries(ref.traits ?? {})) {
        out.push({ where: `${shapeId}$${name}`, traitId, value });
      }
    }
  }
  return out;
}

/** Shape statements of a Smithy IDL file found by line regexes: id → type, plus the trait shapes. */
function scanIdl(text: string, namespace: string): { types: Map<string, string>; traits: Set<string> } {
  const statement = new RegExp(`^(${SHAPE_TYPES.join("|")})\\s+([A-Za-z_][A-Za-z0-9_]*)\\b`);
  const types = new Map<string, string>();
  const traits = new Set<string>();
  let sawTrait = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^@trait\b/.test(line)) sawTrait = true;
    const match = statement.exec(line);
    if (match === null) continue;
    const shapeId = `${namespace}#${match[2] ?? ""}`;
    types.set(shapeId, match[1] ?? "");
    if (sawTrait) traits.add(shapeId);
    sawTrait = false;
  }
  return { types, traits };
}

describe("smithy.api prelude table", () => {
  it("is a Smithy 2.0 AST keyed by absolute ids of the prelude namespace", () => {
    expect(PRELUDE_NAMESPACE).toBe("smithy.api");
    expect(PRELUDE.smithy).toBe("2.0");
    expect(entries.length).toBeGreaterThan(100);
    for (const [shapeId] of entries) expect(shapeId.startsWith(`${PRELUDE_NAMESPACE}#`), shapeId).toBe(true);
  });

  it("gives every shape a valid Smithy type", () => {
    const valid = new Set(SHAPE_TYPES);
    for (const [shapeId, shape] of entries) expect(valid.has(shape.type), `${shapeId}: ${shape.type}`).toBe(true);
  });

  it("resolves every member target inside the prelude", () => {
    for (const [shapeId, shape] of entries) {
      for (const [name, ref] of membersOf(shape)) {
        expect(shapes[ref.target], `${shapeId}$${name} -> ${ref.target}`).toBeDefined();
      }
    }
  });

  it("only applies traits that are trait shapes of the prelude", () => {
    for (const { where, traitId } of traitUses()) {
      expect(shapes[traitId]?.traits?.[TRAIT], `${where} uses ${traitId}`).toBeDefined();
    }
  });

  it("gives enum members Unit targets and an enumValue", () => {
    for (const [shapeId, shape] of entries) {
      if (shape.type !== "enum") continue;
      for (const [name, ref] of membersOf(shape)) {
        expect(ref.target, `${shapeId}$${name}`).toBe("smithy.api#Unit");
        expect(typeof ref.traits?.["smithy.api#enumValue"], `${shapeId}$${name}`).toBe("string");
      }
    }
  });

  it("marks trait shapes with a well-formed smithy.api#trait value", () => {
    const traitShapes = entries.filter(([, shape]) => shape.traits?.[TRAIT] !== undefined);
    expect(traitShapes.length).toBeGreaterThan(70);
    for (const [shapeId, shape] of traitShapes) {
      const value = shape.traits?.[TRAIT];
      expect(value !== null && typeof value === "object" && !Array.isArray(value), shapeId).toBe(true);
      const def = value as Record<string, NodeValue>;
      if (def["selector"] !== undefined) expect(typeof def["selector"], shapeId).toBe("string");
      for (const conflict of (def["conflicts"] ?? []) as string[]) {
        expect(shapes[conflict]?.traits?.[TRAIT], `${shapeId} conflicts with ${conflict}`).toBeDefined();
      }
      if (def["structurallyExclusive"] !== undefined) {
        expect(["member", "target"], shapeId).toContain(def["structurallyExclusive"]);
      }
      for (const rule of (def["breakingChanges"] ?? []) as Record<string, NodeValue>[]) {
        expect(["update", "add", "remove", "presence", "any"], shapeId).toContain(rule["change"]);
      }
    }
    // A few definitions the generator relies on.
    expect(shapes["smithy.api#length"]).toMatchObject({
      type: "structure",
      members: { min: { target: "smithy.api#Long" }, max: { target: "smithy.api#Long" } },
    });
    expect(shapes["smithy.api#http"]).toMatchObject({
      members: {
        method: { traits: { "smithy.api#required": {} } },
        uri: { traits: { "smithy.api#required": {} } },
        code: { target: "smithy.api#Integer", traits: { "smithy.api#default": 200 } },
      },
    });
    const formats = (shapes["smithy.api#timestampFormat"] as AstShape).members ?? {};
    expect(Object.values(formats).map((m) => m.traits?.["smithy.api#enumValue"])).toEqual([
      "date-time",
      "epoch-seconds",
      "http-date",
    ]);
    expect(shapes["smithy.api#PrimitiveBoolean"]?.traits?.["smithy.api#default"]).toBe(false);
    expect(shapes["smithy.api#PrimitiveLong"]?.traits?.["smithy.api#default"]).toBe(0);
  });

  it("is deeply frozen", () => {
    const seen: unknown[] = [PRELUDE];
    let count = 0;
    while (seen.length > 0) {
      const value = seen.pop();
      if (value === null || typeof value !== "object") continue;
      expect(Object.isFrozen(value)).toBe(true);
      count++;
      seen.push(...Object.values(value));
    }
    expect(count).toBeGreaterThan(500);
    expect(() => {
      (PRELUDE.shapes as Record<string, unknown>)["smithy.api#Extra"] = { type: "string" };
    }).toThrow(TypeError);
  });

  it("has exactly the shape ids, types and trait shapes of the reference prelude", () => {
    if (!existsSync(CORPUS_PRELUDE)) {
      throw new Error(`reference prelude not found at ${CORPUS_PRELUDE} (shared test corpus missing)`);
    }
    const reference = scanIdl(readFileSync(CORPUS_PRELUDE, "utf8"), PRELUDE_NAMESPACE);
    const ours = new Map(entries.map(([shapeId, shape]) => [shapeId, shape.type]));
    const missing = [...reference.types.keys()].filter((shapeId) => !ours.has(shapeId));
    const extra = [...ours.keys()].filter((shapeId) => !reference.types.has(shapeId));
    const wrongType = [...reference.types]
      .filter(([shapeId, type]) => ours.has(shapeId) && ours.get(shapeId) !== type)
      .map(([shapeId, type]) => `${shapeId}: ${ours.get(shapeId)} (reference: ${type})`);
    expect({ missing, extra, wrongType }).toEqual({ missing: [], extra: [], wrongType: [] });

    const ourTraits = new Set(entries.filter(([, shape]) => shape.traits?.[TRAIT] !== undefined).map(([i]) => i));
    expect([...ourTraits].sort()).toEqual([...reference.traits].sort());
    console.log(
      `prelude: ${reference.types.size} shape statements in ${CORPUS_PRELUDE} ` +
        `(${reference.traits.size} traits) match ${ours.size} prelude shapes`,
    );
  });
});
