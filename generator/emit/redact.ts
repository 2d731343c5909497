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
//
// The file is printed in the formatter's layout (generator/emit/layout.ts), laid out when the
// imported type names have their final names (`GeneratedFile.later`): the default run does not
// format it. A line whose layout is not checked (a map's or a list's redactor past 100 columns, a
// `__proto__` member) sends the file to the formatter.

import { shapeOf, type Ref, type ResolvedModel, type Shape, type ShapeId } from "../model/ir.js";
import { isInheritedName, propertyAccess, type Names } from "../naming/names.js";
import { isAggregate } from "../model/refs.js";
import { inputClosure, outputClosure } from "../passes/input-closure.js";
import { sensitiveClosure } from "../passes/sensitive-closure.js";
import { GeneratedFile, type Deferred } from "./file-builder.js";
import { assignment, functionHead, ifStatement, plain, returnCall, type LayoutCheck } from "./layout.js";
import { setProperty } from "./print.js";
import { typeOf } from "./type-ref.js";

const RUNTIME = "./runtime.js";

export function emitRedaction(model: ResolvedModel, names: Names): GeneratedFile {
  const file = new GeneratedFile("redact.ts");
  file.printsFinalLayout();
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
      const fn = names.redactor(shape.id);
      // `unchanged<T>` (a name with one type argument) is never broken.
      file.later((resolve) => [...assignment(`export const ${fn}`, `unchanged<${resolve(type)}>`, file, true), ""]);
      unchanged = true;
      continue;
    }
    file.later(redactor(model, names, file, holds, shape, owner));
    file.line("");
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
    const specifiers = [...twins].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, target]) => `${target} as ${name}`);
    const one = `export { ${specifiers.join(", ")} };`;
    file.lines([
      "",
      "// The redactors of types declared as another type (types.ts): that type's.",
      // Prettier joins the list on one line when it fits or holds one name (and breaks it whole otherwise).
      ...(one.length <= 100 || specifiers.length === 1 ? [one] : ["export {", ...specifiers.map((s) => `  ${s},`), "};"]),
    ]);
  }
  if (file.isEmpty()) file.line("export {};");
  return file;
}

/** One redactor, laid out at render time (`resolve` gives imported names their final names). */
function redactor(model: ResolvedModel, names: Names, file: GeneratedFile, holds: ReadonlySet<ShapeId>, shape: Shape, owner: (id: ShapeId) => ShapeId): Deferred {
  const fn = names.redactor(shape.id);
  const type = file.importType(typeOf(names, model, shape.id), "./types.js");
  const body = redactorBody(model, names, file, holds, shape, owner);
  return (resolve) => {
    const local = resolve(type);
    return [
      `/** A \`${local}\` made safe to log: sensitive values replaced by \`SENSITIVE\`. */`,
      ...functionHead(`export function ${fn}`, `value: ${local}`, ": unknown {", file),
      ...body.flatMap((line) => (typeof line === "string" ? [plain(resolve(line), file)] : "returns" in line ? returnCall(2, line.returns, resolve(line.arg), file) : ifStatement(2, resolve(line.cond), { target: resolve(line.target), ...(line.call === undefined ? {} : { call: resolve(line.call) }), value: resolve(line.value) }, file))),
      "}",
    ];
  };
}

/** A line of a redactor's body: as is, or `if (cond) target = call(value);` (laid out by layout.ts). */
type BodyLine =
  | string
  | { readonly cond: string; readonly target: string; readonly call?: string; readonly value: string }
  | { readonly returns: string; readonly arg: string };

function redactorBody(model: ResolvedModel, names: Names, file: GeneratedFile & LayoutCheck, holds: ReadonlySet<ShapeId>, shape: Shape, owner: (id: ShapeId) => ShapeId): BodyLine[] {
  if (shape.sensitive) return [`  return ${file.import("SENSITIVE", RUNTIME)};`];
  const child = (expr: string, ref: Ref): string | undefined => {
    if (ref.sensitive || shapeOf(model, ref.target).sensitive) return file.import("SENSITIVE", RUNTIME);
    if (!holds.has(ref.target)) return undefined;
    const call = `${names.redactor(owner(ref.target))}(${expr})`;
    return ref.nullable ? `${expr} === null ? null : ${call}` : call;
  };
  switch (shape.type) {
    case "list": {
      const item = child("item", shape.member);
      return [`  return value.map((item) => ${item ?? "item"});`];
    }
    case "map": {
      const item = child("item", shape.value) ?? "item";
      const key = child("key", shape.key) === undefined ? "key" : `${file.import("SENSITIVE", RUNTIME)} + " #" + String(i + 1)`;
      // Object.fromEntries defines properties, so a `__proto__` key stays an ordinary key.
      return [{ returns: "Object.fromEntries", arg: `Object.entries(value).map(([key, item], i) => [${key}, ${item}])` }];
    }
    case "structure":
    case "union": {
      const lines: BodyLine[] = [`  const out: Record<string, unknown> = { ...value };`];
      let locals = 0;
      for (const m of shape.members) {
        if (child("value", m) === undefined) continue;
        // A name every object inherits (`constructor`) is read as an own property only, into a
        // local, so that the `!== undefined` test narrows what is passed on.
        const access = isInheritedName(m.name) ? `m${++locals}` : propertyAccess("value", m.name);
        if (isInheritedName(m.name)) lines.push(`  const ${access} = ${propertyAccess("value", m.name)};`);
        const value = child(access, m)!;
        const sensitive = value === file.import("SENSITIVE", RUNTIME);
        const call = !sensitive && !m.nullable && m.name !== "__proto__" ? names.redactor(owner(m.target)) : undefined;
        if (m.name === "__proto__") lines.push(`  if (${access} !== undefined) ${setProperty("out", m.name, value)}`);
        else lines.push({ cond: `${access} !== undefined`, target: `out[${JSON.stringify(m.name)}]`, ...(call === undefined ? { value } : { call, value: access }) });
      }
      lines.push(`  return out;`);
      return lines;
    }
    case "alternatives": {
      // Which variant a value is cannot be told without validating it; hide it whole.
      return [`  return ${file.import("SENSITIVE", RUNTIME)};`];
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
      return [`  return value;`];
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}
