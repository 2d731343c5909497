// The log-safe view emitter: for each aggregate shape of an operation input or of a response (an
// output or an error: `redactInitiateAuthResponse` hides the tokens Cognito sends back), a
// function that returns a copy of a value with every `@sensitive` value replaced by a fixed
// marker, at any depth.
//
//   structure Req { ClientId: ClientIdType (sensitive), Name: String }
//   → export function redactReq(value: Req): unknown {
//       const out: Record<string, unknown> = { ...value };
//       if (value.ClientId !== undefined) out["ClientId"] = SENSITIVE;
//       return out;
//     }
//
//   structure Other { Name: String }
//   → export const redactOther = unchanged<Other>;      // function unchanged<T>(value: T): unknown
//
// A value is sensitive when its target shape or the member itself is marked sensitive. Shapes
// that cannot contain anything sensitive are returned as they are (no copy), by one shared
// function instantiated for their type. A member named like
// something every object inherits (`constructor`, `__proto__`) is read only as an own property,
// into a local, and a `__proto__` member is defined rather than assigned. A type declared as its
// twin's (`type X = Twin`, an OpenAPI inline schema) has its twin's redactor: `export { redactTwin as redactX }`.

import { shapeOf, type Ref, type ResolvedModel, type Shape, type ShapeId } from "../model/ir.js";
import { isInheritedName, propertyAccess, type Names } from "../naming/names.js";
import { childRefs, isAggregate } from "../model/refs.js";
import { inputClosure, outputClosure } from "../passes/input-closure.js";
import { GeneratedFile } from "./file-builder.js";
import { setProperty } from "./print.js";
import { typeOf } from "./type-ref.js";

const RUNTIME = "./runtime.js";

export function emitRedaction(model: ResolvedModel, names: Names): GeneratedFile {
  const file = new GeneratedFile("redact.ts");
  const holds = sensitiveClosure(model);
  const inputs = inputClosure(model);
  const outputs = outputClosure(model);
  let unchanged = false;
  // Exported name → the redactor it is: a type declared as its twin's (`Names.declaredAs`) has its
  // twin's redactor, when the twin has one (a schema no operation uses has none).
  const twins = new Map<string, string>();
  const owner = (id: ShapeId): ShapeId => {
    const declared = names.declaredAs(id);
    return inputs.has(declared) || outputs.has(declared) ? declared : id;
  };
  for (const shape of model.shapes.values()) {
    // One redactor per aggregate (structure, union, list, map, alternatives) that an operation
    // input or response can contain; scalars need none.
    if (names.isInline(shape.id) || !isAggregate(shape) || !(inputs.has(shape.id) || outputs.has(shape.id))) continue;
    const declared = owner(shape.id);
    if (declared !== shape.id) {
      twins.set(names.redactor(shape.id), names.redactor(declared));
      continue;
    }
    if (!holds.has(shape.id)) {
      // Nothing sensitive inside: the value itself is safe to log. One line each; in large
      // models most shapes are such (Stripe: 5,000 of 5,300).
      const type = file.importType(typeOf(names, model, shape.id), "./types.js");
      file.line(`export const ${names.redactor(shape.id)} = unchanged<${type}>;`, "");
      unchanged = true;
      continue;
    }
    file.line(...redactor(model, names, file, holds, shape, owner), "");
  }
  if (unchanged) {
    file.declare("unchanged");
    file.line(
      "/**",
      " * The redactor of a type with nothing sensitive in it (`export const redactFoo = unchanged<Foo>`):",
      " * such a value is safe to log as it is, and is returned as it is.",
      " */",
      "function unchanged<T>(value: T): unknown {",
      "  return value;",
      "}",
    );
  }
  if (twins.size > 0) {
    file.line(
      "",
      "// The redactors of types declared as another type (types.ts): that type's.",
      "export {",
      ...[...twins].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, target]) => `  ${target} as ${name},`),
      "};",
    );
  }
  if (file.isEmpty()) file.line("export {};");
  return file;
}

/** Ids of the shapes whose values are, or may contain, something sensitive. */
export function sensitiveClosure(model: ResolvedModel): ReadonlySet<ShapeId> {
  const holds = new Set<ShapeId>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const shape of model.shapes.values()) {
      if (holds.has(shape.id)) continue;
      if (shape.sensitive || childRefs(shape).some((r) => holds.has(r.target) || r.sensitive === true)) {
        holds.add(shape.id);
        changed = true;
      }
    }
  }
  return holds;
}

function redactor(model: ResolvedModel, names: Names, file: GeneratedFile, holds: ReadonlySet<ShapeId>, shape: Shape, owner: (id: ShapeId) => ShapeId): string[] {
  const fn = names.redactor(shape.id);
  const type = file.importType(typeOf(names, model, shape.id), "./types.js");
  const doc = [`/** A \`${type}\` made safe to log: sensitive values replaced by \`SENSITIVE\`. */`];
  const head = `export function ${fn}(value: ${type}): unknown {`;
  if (shape.sensitive) return [...doc, head, `  return ${file.import("SENSITIVE", RUNTIME)};`, `}`];
  const child = (expr: string, ref: Ref): string | undefined => {
    if (ref.sensitive || shapeOf(model, ref.target).sensitive) return file.import("SENSITIVE", RUNTIME);
    if (!holds.has(ref.target)) return undefined;
    const call = `${names.redactor(owner(ref.target))}(${expr})`;
    return ref.nullable ? `${expr} === null ? null : ${call}` : call;
  };
  switch (shape.type) {
    case "list": {
      const item = child("item", shape.member);
      return [...doc, head, `  return value.map((item) => ${item ?? "item"});`, `}`];
    }
    case "map": {
      const item = child("item", shape.value) ?? "item";
      const key = child("key", shape.key) === undefined ? "key" : `${file.import("SENSITIVE", RUNTIME)} + " #" + String(i + 1)`;
      // Object.fromEntries defines properties, so a `__proto__` key stays an ordinary key.
      return [
        ...doc,
        head,
        `  return Object.fromEntries(Object.entries(value).map(([key, item], i) => [${key}, ${item}]));`,
        `}`,
      ];
    }
    case "structure":
    case "union": {
      const lines = [...doc, head, `  const out: Record<string, unknown> = { ...value };`];
      let locals = 0;
      for (const m of shape.members) {
        if (child("value", m) === undefined) continue;
        // A name every object inherits (`constructor`) is read as an own property only, into a
        // local, so that the `!== undefined` test narrows what is passed on.
        const access = isInheritedName(m.name) ? `m${++locals}` : propertyAccess("value", m.name);
        if (isInheritedName(m.name)) lines.push(`  const ${access} = ${propertyAccess("value", m.name)};`);
        lines.push(`  if (${access} !== undefined) ${setProperty("out", m.name, child(access, m)!)}`);
      }
      lines.push(`  return out;`, `}`);
      return lines;
    }
    case "alternatives": {
      // Which variant a value is cannot be told without validating it; hide it whole.
      return [...doc, head, `  return ${file.import("SENSITIVE", RUNTIME)};`, `}`];
    }
    case "unit":
    case "string":
    case "enum":
    case "intEnum":
    case "number":
    case "boolean":
    case "blob":
    case "timestamp":
    case "document":
      return [...doc, head, `  return value;`, `}`];
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}
