// The errors file of a model: one class per modelled error shape (those named in an operation's
// or the service's `errors`), and per operation the union of what its deserializer throws.
//
//   @error("client") @httpError(404) structure NotFound { message: String, Resource: String }
//   → export class NotFound extends ServiceError {
//       override readonly name = "NotFound" as const;
//       declare readonly Resource?: string;
//       constructor(fields: NotFound_1, response: HttpResponse, code = "NotFound", options: ResponseErrorOptions = {}) {
//         super(fields.message ?? options.message ?? "NotFound", response, code, "client", options);
//         if (fields.Resource !== undefined) this.Resource = fields.Resource;
//       }
//     }
//     export type GetThingError = NotFound | UnknownServiceError | MalformedResponseError;
//
// (`NotFound_1` is the structure's interface from types.ts; index.ts re-exports the class under
// the name.) `name` is the shape's own name, also when the class is renamed (an OpenAPI schema
// `Error` is the class `Error_`, whose `name` is "Error", as its `$code`). An OpenAPI error schema has no fault of its own: `$fault` follows the status (5xx:
// server). Members are own properties only when set. A member named `message` (or `Message`,
// `errorMessage`) becomes the error's message; members that would replace what every error has
// (`name`, `stack`, `cause`, inherited names) are not properties: a warning says so.
//
// The file is printed in the formatter's layout (generator/emit/layout.ts), each class laid out
// when the imported names have their final names (`GeneratedFile.later`): past 100 columns the
// constructor's parameters and `super`'s arguments one per line, a union type one member per
// line. The default run does not format it; a line whose layout is not checked (a member's
// declaration or a class head past 100 columns) sends the file to the formatter.

import type { Diagnostics } from "../diagnostics.js";
import { docComment } from "../emit/doc-comments.js";
import type { DocLines } from "../docs/tsdoc.js";
import { GeneratedFile, type Deferred } from "../emit/file-builder.js";
import { call, ifStatement, name as typeName, objectKey, parameters, plain, stringLiteral, typeAlias, union } from "../emit/layout.js";
import { importedRefType } from "../emit/type-ref.js";
import { OPENAPI_HTTP, shapeOf, type Member, type ResolvedModel, type StructureShape } from "../model/ir.js";
import { isInheritedName, propertyAccess, type Names } from "../naming/names.js";
import { operationErrors } from "./deserializers.js";
import { RUNTIME } from "./symbols.js";

/** Names an error class cannot take as member properties: what Error and ResponseError own. */
const TAKEN = new Set(["name", "message", "stack", "cause", "$status", "$headers", "$requestId", "$response", "$code", "$fault"]);

/** `docs`: the run's memo of documentation lines (docs/memo.ts), when the caller keeps one. */
export function emitErrors(model: ResolvedModel, names: Names, diags: Diagnostics, docs?: DocLines): GeneratedFile {
  const file = new GeneratedFile("errors.ts");
  file.printsFinalLayout();
  const shapes = new Map<string, StructureShape>();
  for (const op of model.operations) for (const shape of operationErrors(model, op)) shapes.set(shape.id, shape);
  const sorted = [...shapes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const shape of sorted) file.declare(names.type(shape.id));
  for (const shape of sorted) {
    file.later(errorClass(model, names, file, shape, diags, docs));
    file.line("");
  }
  const unknown = file.use(RUNTIME.UnknownServiceError);
  const malformed = file.use(RUNTIME.MalformedResponseError);
  for (const op of model.operations) {
    const name = names.operationError(op.id);
    file.declare(name);
    const members = [...operationErrors(model, op).map((s) => names.type(s.id)), unknown, malformed];
    const comment = `/** What \`${names.deserializer(op.id)}\` throws: narrow it with \`instanceof\` or \`switch (error.name)\`. */`;
    file.later((resolve) => [comment, ...typeAlias(`export type ${name}`, union(members.map((m) => typeName(resolve(m)))), file), ""]);
  }
  if (file.isEmpty()) file.line("export {};");
  return file;
}

/** The error classes errors.ts exports (index.ts re-exports them by name, over the interfaces of types.ts). */
export function errorClassNames(model: ResolvedModel, names: Names): string[] {
  const out = new Set<string>();
  for (const op of model.operations) for (const shape of operationErrors(model, op)) out.add(names.type(shape.id));
  return [...out].sort();
}

/** The member whose value is the error's message, if any: `message`, `Message` or `errorMessage`, holding a string. */
export function messageMember(model: ResolvedModel, shape: StructureShape): Member | undefined {
  for (const name of ["message", "Message", "errorMessage"]) {
    const m = shape.members.find((x) => x.name === name);
    if (m === undefined) continue;
    const t = shapeOf(model, m.target);
    if (t.type === "string" || t.type === "enum") return m;
  }
  return undefined;
}

function errorClass(model: ResolvedModel, names: Names, file: GeneratedFile, shape: StructureShape, diags: Diagnostics, docs: DocLines | undefined): Deferred {
  const name = names.type(shape.id);
  const fields = file.use({ name, file: "types.ts", kind: "type" });
  // OpenAPI error schemas carry no fault: the status tells (5xx server, else client).
  const fault = shape.error ?? (model.service.protocols.some((p) => p.id === OPENAPI_HTTP) ? undefined : "client");
  const message = messageMember(model, shape);
  const doc = docComment(shape, `The error \`${shape.name}\` (${fault === undefined ? "a server fault for a 5xx status, else a client fault" : `${fault} fault`}${shape.httpError === undefined ? "" : `, HTTP ${shape.httpError}`}).`, docs);
  const serviceError = file.use(RUNTIME.ServiceError);
  const httpResponse = file.use(RUNTIME.HttpResponse);
  const errorOptions = file.use(RUNTIME.ResponseErrorOptions);
  const shapeName = stringLiteral(shape.name);
  const declared: { readonly key: string; readonly type: string }[] = [];
  const assigns: { readonly cond?: string; readonly target: string; readonly value: string }[] = [];
  for (const m of shape.members) {
    if (m === message && m.name === "message") continue;
    if (TAKEN.has(m.name) || isInheritedName(m.name)) {
      diags.warning("ERROR_MEMBER_NOT_PROPERTY", `Member \`${shape.id}$${m.name}\` is not a property of the error class \`${name}\`: every error already has \`${m.name}\``, {
        hint: "Read it from the raw response (`error.$response`), or rename the member in the model.",
      });
      continue;
    }
    declared.push({ key: `${objectKey(m.name, file)}${m.required ? "" : "?"}`, type: importedRefType(file, names, model, m) });
    const access = propertyAccess("fields", m.name);
    const target = /^[A-Za-z_$][\w$]*$/.test(m.name) ? `this.${m.name}` : `this[${JSON.stringify(m.name)}]`;
    assigns.push(m.required ? { target, value: access } : { cond: `${access} !== undefined`, target, value: access });
  }
  const text = message === undefined ? `options.message ?? ${shapeName}` : `${propertyAccess("fields", message.name)} ?? options.message ?? ${shapeName}`;
  const faultText = fault === undefined ? `response.status >= 500 ? "server" : "client"` : stringLiteral(fault);
  return (resolve) => [
    ...doc,
    plain(`export class ${name} extends ${resolve(serviceError)} {`, file),
    plain(`  override readonly name = ${shapeName} as const;`, file),
    ...declared.map((d) => plain(`  declare readonly ${d.key}: ${resolve(d.type)};`, file)),
    ...parameters(2, "constructor", [`fields: ${resolve(fields)}`, `response: ${resolve(httpResponse)}`, `code = ${shapeName}`, `options: ${resolve(errorOptions)} = {}`], " {", file),
    ...call(4, "super", [text, "response", "code", faultText, "options"], ";", file),
    ...assigns.flatMap((a) => (a.cond === undefined ? [plain(`    ${a.target} = ${a.value};`, file)] : ifStatement(4, a.cond, { target: a.target, value: a.value }, file))),
    `  }`,
    `}`,
  ];
}
