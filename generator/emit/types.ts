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
//
// The file is printed in the formatter's layout (generator/emit/layout.ts: breaks past 100
// columns as oxfmt makes them), so the default run does not format it.

import { stronglyConnected } from "../model/cycles.js";
import { shapeOf, type Member, type Ref, type ResolvedModel, type Shape, type ShapeId } from "../model/ir.js";
import type { Names } from "../naming/names.js";
import { docComment, MarkdownMemo, memberDocComment } from "./doc-comments.js";
import { GeneratedFile } from "./file-builder.js";
import { atom, flat, member as memberLines, PRINT_WIDTH, name as typeName, NULL, objectKey, property, stringLiteral, typeAlias, UNDEFINED, union, type LayoutCheck, type TypeExpr } from "./layout.js";
import { primitiveType } from "./type-ref.js";
import { EXCLUSIVE_VARIANTS } from "../limits.js";

// Members documented by their target's docs repeat them: each text is converted once (per run,
// when the caller passes its memo).
export function emitTypes(model: ResolvedModel, names: Names, docs: MarkdownMemo = new MarkdownMemo()): GeneratedFile {
  const file = new GeneratedFile("types.ts");
  file.printsFinalLayout();
  const interfaces = selfReferringMaps(model);
  const aliases: string[] = [];
  for (const shape of model.shapes.values()) {
    if (names.isInline(shape.id)) continue;
    const rep = names.declaredAs(shape.id);
    if (rep === shape.id) {
      file.lines(declaration(model, names, shape, interfaces, docs, file));
      file.line("");
    } else for (const line of alias(names, shape, rep, file)) aliases.push(line);
  }
  if (aliases.length > 0) {
    // Last: an enum's const names its twin's, which must be initialised first.
    file.line("// The types of the same form as another type, docs and all (OpenAPI documents repeat inline schemas): that type.", "");
    // One call per line: spread as arguments, Microsoft Graph beta's alias lines passed V8's limit (RangeError).
    for (const line of aliases) file.line(line);
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
  // Each shape's eager references, listed once (the search asks for a shape's again).
  const edges = new Map<ShapeId, readonly ShapeId[]>();
  const ids: ShapeId[] = [];
  for (const [id, shape] of model.shapes) {
    const targets = shape.type === "map" ? [shape.value.target] : shape.type === "alternatives" ? shape.variants.map((v) => v.target) : [];
    if (targets.length > 0) {
      edges.set(id, targets);
      ids.push(id);
    }
  }
  const none: readonly ShapeId[] = [];
  const eager = (id: ShapeId): readonly ShapeId[] => edges.get(id) ?? none;
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
function alias(names: Names, shape: Shape, rep: ShapeId, check: LayoutCheck): string[] {
  const name = names.type(shape.id);
  const target = names.type(rep);
  const doc = shape.deprecated ? docComment(shape) : [];
  const type = typeAlias(`export type ${name}`, typeName(target), check);
  if (shape.type === "enum" || shape.type === "intEnum") {
    // A name after `=` past the width: on the next line (the same layout as a type alias).
    const value = typeAlias(`export const ${name}`, typeName(target), check);
    return [...doc, ...value, ...doc, ...type, ""];
  }
  return [...doc, ...type, ""];
}

function declaration(model: ResolvedModel, names: Names, shape: Shape, interfaces: ReadonlySet<ShapeId>, docs: MarkdownMemo, check: LayoutCheck): string[] {
  const name = names.type(shape.id);
  const doc = docComment(shape, undefined, docs);
  const head = `export type ${name}`;
  switch (shape.type) {
    case "unit":
    case "string":
    case "number":
    case "boolean":
    case "blob":
    case "timestamp":
    case "document":
      return [...doc, ...typeAlias(head, primitive(shape), check)];
    case "enum":
    case "intEnum": {
      // `export const N = {` past the width: the object goes to the next line, indented.
      const open = `export const ${name} = {`;
      const wide = open.length > PRINT_WIDTH;
      const depth = wide ? 4 : 2;
      const entries = shape.values.map((v) => [
        // A value without docs or deprecation has no comment (most values: no call, no copy of `v`).
        ...(v.docs === undefined && v.deprecated === undefined ? [] : indent(docComment({ ...v, sensitive: false, constraints: {} }, undefined, docs), depth)),
        // In an object literal `__proto__: x` sets the prototype; a computed key defines the property.
        ...property(depth, v.name === "__proto__" ? `["__proto__"]` : objectKey(v.name, check), literal(v.value, check), check),
      ]);
      const values = shape.values.length === 0 ? typeName("never") : atom(`(typeof ${name})[keyof typeof ${name}]`);
      const empty = `export const ${name} = {} as const;`;
      const object =
        entries.length === 0
          ? empty.length > PRINT_WIDTH
            ? [`export const ${name} =`, "  {} as const;"]
            : [empty]
          : wide
            ? [`export const ${name} =`, "  {", ...entries.flat(), "  } as const;"]
            : [open, ...entries.flat(), `} as const;`];
      return [
        ...doc,
        ...object,
        // Editors show the const's doc for the type too (one symbol); a deprecation must be on both.
        ...(shape.deprecated ? doc : []),
        ...typeAlias(head, values, check),
      ];
    }
    case "list":
      return [...doc, ...typeAlias(head, { kind: "array", element: refExpr(names, model, shape.member) }, check)];
    case "map": {
      const value = refExpr(names, model, shape.value);
      if (interfaces.has(shape.id)) {
        // Prettier breaks a long index signature inside its brackets: not printed here.
        const line = `  [key: string]: ${flat(value)};`;
        if (line.length > PRINT_WIDTH) check.unsure(`index signature past the print width: ${name}`);
        return [...doc, `export interface ${name} {`, line, `}`];
      }
      return [...doc, ...typeAlias(head, { kind: "record", value }, check)];
    }
    case "structure": {
      const extra = shape.additionalProperties ? ["  [key: string]: unknown;"] : [];
      if (shape.members.length === 0 && extra.length === 0) return [...doc, `export interface ${name} {}`];
      // One array for the whole interface: members append to it (no array per member).
      const out = [...doc, `export interface ${name} {`];
      for (const m of shape.members) member(model, names, m, docs, check, out);
      for (const line of extra) out.push(line);
      out.push(`}`);
      return out;
    }
    case "union": {
      if (shape.members.length === 0) return [...doc, ...typeAlias(head, typeName("never"), check)];
      const keys = shape.members.map((m) => objectKey(m.name, check));
      if (keys.length > EXCLUSIVE_VARIANTS) {
        // Each variant's type lists the other keys as `?: never` through one interface (linear in
        // size), so that TypeScript still rejects two keys set and `value.key` reads on any variant.
        const none = names.unionKeys(shape.id);
        const omitting = (key: string, set: string) => atom(`(Omit<${none}, ${JSON.stringify(key)}> & { ${set} })`);
        const variants = shape.members.map((m, i) => omitting(m.name, `${keys[i]!}: ${flat(refExpr(names, model, m))}`));
        variants.push(omitting("$unknown", "$unknown: [string, unknown]"));
        return [
          `/** The variant keys of \`${name}\`, none set: each of its variants sets one. */`,
          `export interface ${none} {`,
          ...[...keys, "$unknown"].map((key) => `  ${key}?: never;`),
          "}",
          "",
          ...doc,
          ...typeAlias(head, union(variants), check),
        ];
      }
      const variants: TypeExpr[] = shape.members.map((m, i) => ({
        kind: "object",
        members: [{ key: keys[i]!, type: refExpr(names, model, m) }, ...keys.filter((_, j) => j !== i).map((key) => ({ key: `${key}?`, type: typeName("never") }))],
      }));
      // A member the model does not know, read from a response: `{ $unknown: [name, value] }`.
      variants.push({ kind: "object", members: [{ key: "$unknown", type: atom("[string, unknown]") }, ...keys.map((key) => ({ key: `${key}?`, type: typeName("never") }))] });
      return [...doc, ...typeAlias(head, union(variants), check)];
    }
    case "alternatives": {
      const variants = shape.variants.map((v) => refExpr(names, model, v));
      return [...doc, ...typeAlias(head, variants.length ? union(variants) : typeName("never"), check)];
    }
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

/** Appends a member's lines to `out`: its doc comment (printed indented), then the member. */
function member(model: ResolvedModel, names: Names, m: Member, docs: MarkdownMemo, check: LayoutCheck, out: string[]): void {
  const target = shapeOf(model, m.target);
  const optional = !m.required;
  const type = refExpr(names, model, m);
  const key = `${objectKey(m.name, check)}${optional ? "?" : ""}`;
  for (const line of memberDocComment(m, target, docs, "  ")) out.push(line);
  for (const line of memberLines(2, key, optional ? union([type, UNDEFINED]) : type, check)) out.push(line);
}

/** A reference to a shape as a type expression (type-ref.ts `refType`, for the layout). */
function refExpr(names: Names, model: ResolvedModel, ref: Ref): TypeExpr {
  const t = names.isInline(ref.target) ? primitive(shapeOf(model, ref.target)) : typeName(names.type(ref.target));
  return ref.nullable ? union([t, NULL]) : t;
}

function primitive(shape: Shape): TypeExpr {
  const text = primitiveType(shape);
  return text === "Record<string, never>" ? { kind: "record", value: typeName("never") } : typeName(text);
}

/** An enum value: a string as prettier quotes it, an integer as is (other numbers: unsure). */
function literal(value: string | number, check: LayoutCheck): string {
  if (typeof value === "string") return stringLiteral(value);
  const text = JSON.stringify(value);
  if (!/^-?(?:0|[1-9][0-9]*)$/.test(text)) check.unsure(`enum number prettier may print otherwise: ${text}`);
  return text;
}

function indent(lines: readonly string[], depth = 2): string[] {
  const pad = " ".repeat(depth);
  return lines.map((l) => pad + l);
}
