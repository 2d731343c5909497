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

import type { Diagnostics } from "../diagnostics.js";
import { docComment } from "../emit/doc-comments.js";
import type { DocLines } from "../docs/tsdoc.js";
import { GeneratedFile } from "../emit/file-builder.js";
import { importedRefType } from "../emit/type-ref.js";
import { OPENAPI_HTTP, shapeOf, type Member, type ResolvedModel, type StructureShape } from "../model/ir.js";
import { isInheritedName, propertyAccess, propertyKey, type Names } from "../naming/names.js";
import { operationErrors } from "./deserializers.js";
import { RUNTIME } from "./symbols.js";

/** Names an error class cannot take as member properties: what Error and ResponseError own. */
const TAKEN = new Set(["name", "message", "stack", "cause", "$status", "$headers", "$requestId", "$response", "$code", "$fault"]);

/** `docs`: the run's memo of documentation lines (docs/memo.ts), when the caller keeps one. */
export function emitErrors(model: ResolvedModel, names: Names, diags: Diagnostics, docs?: DocLines): GeneratedFile {
  const file = new GeneratedFile("errors.ts");
  const shapes = new Map<string, StructureShape>();
  for (const op of model.operations) for (const shape of operationErrors(model, op)) shapes.set(shape.id, shape);
  const sorted = [...shapes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const shape of sorted) file.declare(names.type(shape.id));
  for (const shape of sorted) file.line(...errorClass(model, names, file, shape, diags, docs), "");
  const unknown = file.use(RUNTIME.UnknownServiceError);
  const malformed = file.use(RUNTIME.MalformedResponseError);
  for (const op of model.operations) {
    const name = names.operationError(op.id);
    file.declare(name);
    const members = [...operationErrors(model, op).map((s) => names.type(s.id)), unknown, malformed];
    file.line(`/** What \`${names.deserializer(op.id)}\` throws: narrow it with \`instanceof\` or \`switch (error.name)\`. */`, `export type ${name} = ${members.join(" | ")};`, "");
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

function errorClass(model: ResolvedModel, names: Names, file: GeneratedFile, shape: StructureShape, diags: Diagnostics, docs: DocLines | undefined): string[] {
  const name = names.type(shape.id);
  const fields = file.use({ name, file: "types.ts", kind: "type" });
  // OpenAPI error schemas carry no fault: the status tells (5xx server, else client).
  const fault = shape.error ?? (model.service.protocols.some((p) => p.id === OPENAPI_HTTP) ? undefined : "client");
  const message = messageMember(model, shape);
  const doc = docComment(shape, `The error \`${shape.name}\` (${fault === undefined ? "a server fault for a 5xx status, else a client fault" : `${fault} fault`}${shape.httpError === undefined ? "" : `, HTTP ${shape.httpError}`}).`, docs);
  const lines = [...doc, `export class ${name} extends ${file.use(RUNTIME.ServiceError)} {`, `  override readonly name = ${JSON.stringify(shape.name)} as const;`];
  const assigns: string[] = [];
  for (const m of shape.members) {
    if (m === message && m.name === "message") continue;
    if (TAKEN.has(m.name) || isInheritedName(m.name)) {
      diags.warning("ERROR_MEMBER_NOT_PROPERTY", `Member \`${shape.id}$${m.name}\` is not a property of the error class \`${name}\`: every error already has \`${m.name}\``, {
        hint: "Read it from the raw response (`error.$response`), or rename the member in the model.",
      });
      continue;
    }
    const type = importedRefType(file, names, model, m);
    lines.push(`  declare readonly ${propertyKey(m.name)}${m.required ? "" : "?"}: ${type};`);
    const access = propertyAccess("fields", m.name);
    const target = /^[A-Za-z_$][\w$]*$/.test(m.name) ? `this.${m.name}` : `this[${JSON.stringify(m.name)}]`;
    assigns.push(m.required ? `${target} = ${access};` : `if (${access} !== undefined) ${target} = ${access};`);
  }
  const text = message === undefined ? `options.message ?? ${JSON.stringify(shape.name)}` : `${propertyAccess("fields", message.name)} ?? options.message ?? ${JSON.stringify(shape.name)}`;
  lines.push(
    `  constructor(fields: ${fields}, response: ${file.use(RUNTIME.HttpResponse)}, code = ${JSON.stringify(shape.name)}, options: ${file.use(RUNTIME.ResponseErrorOptions)} = {}) {`,
    `    super(${text}, response, code, ${fault === undefined ? `response.status >= 500 ? "server" : "client"` : JSON.stringify(fault)}, options);`,
    ...assigns.map((a) => "    " + a),
    `  }`,
    `}`,
  );
  return lines;
}
