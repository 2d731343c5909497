// The log-safe view emitter: for each aggregate shape of an operation input or of a response (an
// output or an error: `redactInitiateAuthResponse` hides the tokens Cognito sends back), a
// function that returns a copy of a value with every `@sensitive` value replaced by a fixed
// marker, at any depth.
//
//   structure Req { ClientId: ClientIdType (sensitive), Auth: Result, Name: String }
//   → export function redactReq(value: Req): unknown {
//       return redactMembers(value, { ClientId: SENSITIVE, Auth: redactResult });
//     }
//
//   structure Other { Name: String }
//   → export const redactOther = unchanged<Other>;      // function unchanged<T>(value: T): unknown
//
//   structure A { Token: Secret }   structure B { Token: Secret, Size: Integer }   (the same table)
//   → function $redactLikeA<T>(value: T): unknown {
//       return redactMembers(value, { Token: SENSITIVE });
//     }
//     export const redactA = $redactLikeA<A>;
//     export const redactB = $redactLikeA<B>;
//
//   list Results { member: Result } → return redactList(value, redactResult);
//
// A value is sensitive when its target shape or the member itself is marked sensitive. A
// structure's or union's redactor is a table of the members to redact (`SENSITIVE`, or the
// redactor of the member's type), read by `redactMembers` (runtime.ts: a copy of the value, each
// set member of the table replaced; a null stays null; members read as own properties only, so
// `constructor` is not taken from the prototype; `__proto__` is defined, not assigned, and is a
// computed key `["__proto__"]` in the table). Tables rather than a statement per member: tsc checks
// a table entry for a fraction of an `if` statement's cost, and the redactors of the same table
// are instances of one generic function (Cognito: 98 structure redactors, 36 tables; redact.ts's
// checker calls 351K → 160K). Shapes that cannot contain anything sensitive are returned as they
// are (no copy), by one shared function instantiated for their type. A type declared as its
// twin's (`type X = Twin`, an OpenAPI inline schema) has its twin's redactor: `export { redactTwin as redactX }`.
//
// The file is printed in the formatter's layout (generator/emit/layout.ts), laid out when the
// imported type names have their final names (`GeneratedFile.later`): the default run does not
// format it. A line whose layout is not checked (a map's or a list's redactor past 100 columns, a
// `__proto__` member) sends the file to the formatter.

import { shapeOf, type Ref, type ResolvedModel, type Shape, type ShapeId, type StructureShape, type UnionShape } from "../model/ir.js";
import type { Names } from "../naming/names.js";
import { isAggregate } from "../model/refs.js";
import { inputClosure, outputClosure } from "../passes/input-closure.js";
import { sensitiveClosure } from "../passes/sensitive-closure.js";
import { GeneratedFile, type Deferred } from "./file-builder.js";
import { PRINT_WIDTH, assignment, call, functionHead, objectKey, plain, returnCall, type LayoutCheck } from "./layout.js";
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
  // What each redacted structure or union redacts (its table: member → SENSITIVE or the member
  // type's redactor), by shape, and the shapes of each table: shapes with the same table share one
  // generic function (`$redactLike<First>`), each exported as its instance.
  const tables = new Map<ShapeId, TableEntry[]>();
  const sharers = new Map<string, ShapeId[]>();
  const redacted: Shape[] = [];
  for (const shape of model.shapes.values()) {
    // One redactor per aggregate (structure, union, list, map, alternatives) that an operation
    // input or response can contain; scalars need none.
    if (names.isInline(shape.id) || !isAggregate(shape) || !(inputs.has(shape.id) || outputs.has(shape.id))) continue;
    redacted.push(shape);
    if (owner(shape.id) !== shape.id || !holds.has(shape.id) || shape.sensitive || (shape.type !== "structure" && shape.type !== "union")) continue;
    const entries = tableOf(model, names, file, holds, shape, owner);
    tables.set(shape.id, entries);
    const key = entries.map((e) => `${e.key}: ${e.value}`).join(", ");
    const same = sharers.get(key);
    if (same === undefined) sharers.set(key, [shape.id]);
    else same.push(shape.id);
  }
  const shared = new Map<ShapeId, { readonly generic: string; readonly first: boolean }>();
  for (const ids of sharers.values()) {
    if (ids.length < 2) continue;
    const generic = file.declare("$redactLike" + names.redactor(ids[0]!).replace(/^redact/, ""));
    ids.forEach((id, i) => shared.set(id, { generic, first: i === 0 }));
  }
  for (const shape of redacted) {
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
    const table = tables.get(shape.id);
    const share = shared.get(shape.id);
    if (table !== undefined && share !== undefined) {
      // The same table as other shapes: an instance of their shared generic function, which the
      // first of them prints.
      const type = file.importType(typeOf(names, model, shape.id), "./types.js");
      const fn = names.redactor(shape.id);
      if (share.first) file.later(sharedRedactor(share.generic, names.redactor(shape.id), table, file));
      file.later((resolve) => [...assignment(`export const ${fn}`, `${share.generic}<${resolve(type)}>`, file, true), ""]);
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
      ...body.flatMap((line) =>
        typeof line === "string"
          ? [plain(resolve(line), file)]
          : "table" in line
            ? tableReturn(file, line.table, resolve)
            : "calls" in line
              ? call(2, `return ${resolve(line.calls)}`, line.args.map(resolve), ";", file)
              : returnCall(2, line.returns, resolve(line.arg), file),
      ),
      "}",
    ];
  };
}

/**
 * The generic function of the shapes that share one table, `$redactLike<First>`, named after the
 * first of them; each is exported as its instance (`export const redactX = $redactLikeFirst<X>;`).
 */
function sharedRedactor(generic: string, first: string, table: readonly TableEntry[], file: GeneratedFile): Deferred {
  return (resolve) => [
    `/** \`${first}\` and every redactor with its table: each is an instance. */`,
    plain(`function ${generic}<T>(value: T): unknown {`, file),
    ...tableReturn(file, table, resolve),
    "}",
    "",
  ];
}

/** One member of a structure's or union's table: `Key: SENSITIVE` or `Key: redactItsType`. */
interface TableEntry {
  readonly key: string;
  readonly value: string;
}

/**
 * `return redactMembers(value, { Key: SENSITIVE, Other: redactOther });`: on one line when it
 * fits, else the object (prettier hugs a last object argument) one member per line.
 */
function tableReturn(file: GeneratedFile & LayoutCheck, table: readonly TableEntry[], resolve: (text: string) => string): string[] {
  const helper = resolve(file.import("redactMembers", RUNTIME));
  const entries = table.map((e) => `${e.key}: ${resolve(e.value)}`);
  const one = `  return ${helper}(value, { ${entries.join(", ")} });`;
  if (one.length <= PRINT_WIDTH) return [plain(one, file)];
  return [plain(`  return ${helper}(value, {`, file), ...entries.map((e) => plain(`    ${e},`, file)), "  });"];
}

/**
 * The table of a structure or union with something sensitive in it: each member whose value
 * needs redacting, in declared order, with `SENSITIVE` (the member or its type is sensitive) or
 * the redactor of its type. `redactMembers` (runtime.ts) reads a member only as an own
 * property, leaves null as it is for a redactor, and defines rather than assigns `__proto__`.
 */
function tableOf(model: ResolvedModel, names: Names, file: GeneratedFile & LayoutCheck, holds: ReadonlySet<ShapeId>, shape: StructureShape | UnionShape, owner: (id: ShapeId) => ShapeId): TableEntry[] {
  file.import("redactMembers", RUNTIME);
  const entries: TableEntry[] = [];
  for (const m of shape.members) {
    let value: string;
    if (m.sensitive || shapeOf(model, m.target).sensitive) value = file.import("SENSITIVE", RUNTIME);
    else if (holds.has(m.target)) value = names.redactor(owner(m.target));
    else continue;
    // An object literal's `__proto__: x` would set its prototype: a computed key defines it.
    if (m.name === "__proto__") file.unsure("a __proto__ member in a redactor's table");
    entries.push({ key: m.name === "__proto__" ? `["__proto__"]` : objectKey(m.name, file), value });
  }
  return entries;
}

/** A line of a redactor's body: as is, `return redactMembers(value, {…});` or `return f(arg);` (laid out here and by layout.ts). */
type BodyLine =
  | string
  | { readonly table: readonly TableEntry[] }
  | { readonly calls: string; readonly args: readonly string[] }
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
      // Items redacted by a function: `redactList` (runtime.ts) maps them, a null item stays null.
      if (item !== undefined && item !== file.import("SENSITIVE", RUNTIME)) return [{ calls: file.import("redactList", RUNTIME), args: ["value", names.redactor(owner(shape.member.target))] }];
      return [`  return value.map((item) => ${item ?? "item"});`];
    }
    case "map": {
      const item = child("item", shape.value) ?? "item";
      const key = child("key", shape.key) === undefined ? "key" : `${file.import("SENSITIVE", RUNTIME)} + " #" + String(i + 1)`;
      // Object.fromEntries defines properties, so a `__proto__` key stays an ordinary key.
      return [{ returns: "Object.fromEntries", arg: `Object.entries(value).map(([key, item], i) => [${key}, ${item}])` }];
    }
    case "structure":
    case "union":
      return [{ table: tableOf(model, names, file, holds, shape, owner) }];
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
