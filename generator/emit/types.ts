// The types emitter: one exported TypeScript type per named shape, with TSDoc from the model.
//
//   structure ns#Req { @required Id: ClientIdType, Tags: TagList }
//   →
//   export interface Req {
//     /** ... Constraints: length 1–128 ... */
//     Id: ClientIdType;
//     Tags?: TagList | undefined;
//   }
//
// Enums are a const object plus a union type of the values, the doc comment on the const only
// (TypeScript shows it for the type as well; `@deprecated` goes on both, for the strike-through in
// type positions); an enum value named `__proto__` gets a computed key, so it is a property and
// not the prototype; lists are arrays, maps records,
// unions tagged objects (exactly one key set; `{ $unknown: [name, value] }` for a member a response
// carries that the model does not know), timestamps `Date`, blobs `Uint8Array`.
//
// Shapes of the same form, docs and all (an OpenAPI document that repeats an inline schema), are
// declared once, under the shortest of their names; the others are aliases at the end of the file:
//
//   export type PostCustomersRequestBodyAddressOption2 = AccountAddressOption2;
//
// A map that refers back to itself through maps and alternatives only (OpenAPI
// `Tree: { additionalProperties: { $ref: Tree } }`, the "any JSON value" `oneOf`) would be a
// type alias that names itself (`type Tree = Record<string, Tree>`, TS2456): it is printed as an
// interface with an index signature instead, which TypeScript resolves lazily:
//
//   export interface Tree {
//     [key: string]: Tree;
//   }

import { stronglyConnected } from "../model/cycles.js";
import { shapeOf, type Member, type ResolvedModel, type Shape, type ShapeId } from "../model/ir.js";
import { propertyKey, type Names } from "../naming/names.js";
import { docComment, MarkdownMemo, memberDocComment } from "./doc-comments.js";
import { GeneratedFile } from "./file-builder.js";
import { primitiveType, refType } from "./type-ref.js";

export function emitTypes(model: ResolvedModel, names: Names): GeneratedFile {
  const file = new GeneratedFile("types.ts");
  const interfaces = selfReferringMaps(model);
  // Members documented by their target's docs repeat them: each text is converted once.
  const docs = new MarkdownMemo();
  const aliases: string[] = [];
  for (const shape of model.shapes.values()) {
    if (names.isInline(shape.id)) continue;
    const rep = names.declaredAs(shape.id);
    if (rep === shape.id) file.line(...declaration(model, names, shape, interfaces, docs), "");
    else aliases.push(...alias(names, shape, rep));
  }
  if (aliases.length > 0) {
    // Last: an enum's const names its twin's, which must be initialised first.
    file.line(
      "// The types of the same form as another type, docs and all (OpenAPI documents repeat inline schemas): that type.",
      "",
      ...aliases,
    );
  }
  // A model with no named shape still gets a module, so that index.ts can re-export it.
  if (file.isEmpty()) file.line("export {};");
  return file;
}

/**
 * Maps whose type alias would name itself: on a cycle of references that TypeScript resolves
 * eagerly in an alias (a map's value in `Record<string, V>`, the variants of a union type).
 * Lists (`V[]`), structures and unions (object types) are resolved lazily and end such cycles.
 */
function selfReferringMaps(model: ResolvedModel): ReadonlySet<ShapeId> {
  const eager = (id: ShapeId): readonly ShapeId[] => {
    const shape = model.shapes.get(id);
    if (shape?.type === "map") return [shape.value.target];
    if (shape?.type === "alternatives") return shape.variants.map((v) => v.target);
    return [];
  };
  const ids = [...model.shapes.keys()].filter((id) => eager(id).length > 0);
  const component = stronglyConnected(ids, eager);
  const size = new Map<number, number>();
  for (const c of component.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const out = new Set<ShapeId>();
  for (const id of ids) {
    const c = component.get(id)!;
    if (model.shapes.get(id)?.type === "map" && (size.get(c)! > 1 || eager(id).includes(id))) out.add(id);
  }
  return out;
}

/** `export type Twin = Shape;` (and the const of an enum); a deprecation stays visible on the twin. */
function alias(names: Names, shape: Shape, rep: ShapeId): string[] {
  const name = names.type(shape.id);
  const target = names.type(rep);
  const doc = shape.deprecated ? docComment(shape) : [];
  if (shape.type === "enum" || shape.type === "intEnum") return [...doc, `export const ${name} = ${target};`, ...doc, `export type ${name} = ${target};`, ""];
  return [...doc, `export type ${name} = ${target};`, ""];
}

function declaration(model: ResolvedModel, names: Names, shape: Shape, interfaces: ReadonlySet<ShapeId>, docs: MarkdownMemo): string[] {
  const name = names.type(shape.id);
  const doc = docComment(shape, undefined, docs);
  switch (shape.type) {
    case "unit":
    case "string":
    case "number":
    case "boolean":
    case "blob":
    case "timestamp":
    case "document":
      return [...doc, `export type ${name} = ${primitiveType(shape)};`];
    case "enum":
    case "intEnum": {
      const entries = shape.values.map((v) => [
        ...indent(docComment({ ...v, sensitive: false, constraints: {} }, undefined, docs)),
        // In an object literal `__proto__: x` sets the prototype; a computed key defines the property.
        `  ${v.name === "__proto__" ? `["__proto__"]` : propertyKey(v.name)}: ${JSON.stringify(v.value)},`,
      ]);
      const union = shape.values.length === 0 ? "never" : `(typeof ${name})[keyof typeof ${name}]`;
      return [
        ...doc,
        `export const ${name} = {`,
        ...entries.flat(),
        `} as const;`,
        // Editors show the const's doc for the type too (one symbol); a deprecation must be on both.
        ...(shape.deprecated ? doc : []),
        `export type ${name} = ${union};`,
      ];
    }
    case "list":
      return [...doc, `export type ${name} = (${refType(names, model, shape.member)})[];`];
    case "map":
      if (interfaces.has(shape.id)) return [...doc, `export interface ${name} {`, `  [key: string]: ${refType(names, model, shape.value)};`, `}`];
      return [...doc, `export type ${name} = Record<string, ${refType(names, model, shape.value)}>;`];
    case "structure": {
      const extra = shape.additionalProperties ? ["  [key: string]: unknown;"] : [];
      return [...doc, `export interface ${name} {`, ...shape.members.flatMap((m) => member(model, names, m, docs)), ...extra, `}`];
    }
    case "union": {
      if (shape.members.length === 0) return [...doc, `export type ${name} = never;`];
      const variants = shape.members.map((m) => {
        const others = shape.members.filter((o) => o !== m).map((o) => ` ${propertyKey(o.name)}?: never;`);
        return `  | { ${propertyKey(m.name)}: ${refType(names, model, m)};${others.join("")} }`;
      });
      // A member the model does not know, read from a response: `{ $unknown: [name, value] }`.
      const none = shape.members.map((o) => ` ${propertyKey(o.name)}?: never;`).join("");
      variants.push(`  | { $unknown: [string, unknown];${none} }`);
      return [...doc, `export type ${name} =`, ...variants.map((v, i) => (i === variants.length - 1 ? v + ";" : v))];
    }
    case "alternatives": {
      const variants = shape.variants.map((v) => refType(names, model, v));
      return [...doc, `export type ${name} = ${variants.length ? variants.join(" | ") : "never"};`];
    }
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

function member(model: ResolvedModel, names: Names, m: Member, docs: MarkdownMemo): string[] {
  const target = shapeOf(model, m.target);
  const optional = !m.required;
  const type = refType(names, model, m) + (optional ? " | undefined" : "");
  return [...indent(memberDocComment(m, target, docs)), `  ${propertyKey(m.name)}${optional ? "?" : ""}: ${type};`];
}

function indent(lines: readonly string[]): string[] {
  return lines.map((l) => "  " + l);
}
