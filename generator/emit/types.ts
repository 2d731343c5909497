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
// Enums are a const object plus a union type of the values; lists are arrays, maps records,
// unions tagged objects (exactly one key set), timestamps `Date`, blobs `Uint8Array`.

import { shapeOf, type Member, type ResolvedModel, type Shape } from "../model/ir.js";
import { propertyKey, type Names } from "../naming/names.js";
import { docComment, memberDocComment } from "./doc-comments.js";
import { GeneratedFile } from "./file-builder.js";
import { primitiveType, refType } from "./type-ref.js";

export function emitTypes(model: ResolvedModel, names: Names): GeneratedFile {
  const file = new GeneratedFile("types.ts");
  for (const shape of model.shapes.values()) {
    if (names.isInline(shape.id)) continue;
    file.line(...declaration(model, names, shape), "");
  }
  return file;
}

function declaration(model: ResolvedModel, names: Names, shape: Shape): string[] {
  const name = names.type(shape.id);
  const doc = docComment(shape);
  switch (shape.type) {
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
        ...indent(docComment({ ...v, sensitive: false, constraints: {} })),
        `  ${propertyKey(v.name)}: ${JSON.stringify(v.value)},`,
      ]);
      const union = shape.values.length === 0 ? "never" : `(typeof ${name})[keyof typeof ${name}]`;
      return [
        ...doc,
        `export const ${name} = {`,
        ...entries.flat(),
        `} as const;`,
        ...doc,
        `export type ${name} = ${union};`,
      ];
    }
    case "list":
      return [...doc, `export type ${name} = (${refType(names, model, shape.member)})[];`];
    case "map":
      return [...doc, `export type ${name} = Record<string, ${refType(names, model, shape.value)}>;`];
    case "structure": {
      const extra = shape.additionalProperties ? ["  [key: string]: unknown;"] : [];
      return [...doc, `export interface ${name} {`, ...shape.members.flatMap((m) => member(model, names, m)), ...extra, `}`];
    }
    case "union": {
      if (shape.members.length === 0) return [...doc, `export type ${name} = never;`];
      const variants = shape.members.map((m) => {
        const others = shape.members.filter((o) => o !== m).map((o) => ` ${propertyKey(o.name)}?: never;`);
        return `  | { ${propertyKey(m.name)}: ${refType(names, model, m)};${others.join("")} }`;
      });
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

function member(model: ResolvedModel, names: Names, m: Member): string[] {
  const target = shapeOf(model, m.target);
  const optional = !m.required;
  const type = refType(names, model, m) + (optional ? " | undefined" : "");
  return [...indent(memberDocComment(m, target)), `  ${propertyKey(m.name)}${optional ? "?" : ""}: ${type};`];
}

function indent(lines: readonly string[]): string[] {
  return lines.map((l) => "  " + l);
}
