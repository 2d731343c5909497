// What the AWS and OpenAPI clients print alike: an operation's signature (input optional when
// nothing in it is required) and its doc comment.
//
//   operation InitiateAuth (input with required members) →
//   { inputParam: "input: InitiateAuthRequest", methodInput: "input: InitiateAuthRequest",
//     outputType: "InitiateAuthResponse", doc: ["/**", " * Starts sign-in …", " * @throws …", " */"] }
//   operation Ping (no input) →
//   { inputParam: "input: Record<string, never> = {}", methodInput: "input?: Record<string, never>", outputType: "Record<string, never>", … }

import { docComment } from "../emit/doc-comments.js";
import type { DocLines } from "../docs/tsdoc.js";
import type { GeneratedFile } from "../emit/file-builder.js";
import { shapeOf, type Operation, type ResolvedModel } from "../model/ir.js";
import type { Names } from "../naming/names.js";
import { TRANSPORT } from "../protocols/symbols.js";

/** The files of the output folder the client may import (the emitters that ran before it). */
export interface ClientFolder {
  has(file: string): boolean;
}

export interface OperationSignature {
  /** The parameter of the operation function: `input: X`, or `input: X = {}` when it may be left out. */
  readonly inputParam: string;
  /** The parameter of the method: `input: X`, or `input?: X`. */
  readonly methodInput: string;
  readonly outputType: string;
  /** The method's doc comment: the operation's documentation and what it throws. */
  readonly doc: readonly string[];
}

export interface OperationCall {
  readonly op: Operation;
  readonly call: OperationSignature;
}

/**
 * Names that `{}` already has, from Object.prototype (`valueOf`, `toString`, `constructor`, ...): an
 * all-optional input with a member of such a name does not accept `{}` as its default (TS2322:
 * `{}`'s `valueOf` is `() => Object`), so that default is written `{} as Input`.
 */
const OBJECT_PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function operationSignature(file: GeneratedFile, model: ResolvedModel, names: Names, op: Operation, docs?: DocLines): OperationSignature {
  const input = op.input === undefined ? undefined : shapeOf(model, op.input);
  const output = op.output === undefined ? undefined : shapeOf(model, op.output);
  const inputType = input === undefined ? "Record<string, never>" : file.use({ name: names.type(input.id), file: "types.ts", kind: "type" });
  const outputType = output === undefined ? "Record<string, never>" : file.use({ name: names.type(output.id), file: "types.ts", kind: "type" });
  const optional = input === undefined || (input.type === "structure" && input.members.every((m) => !m.required));
  const errors = names.operationError(op.id);
  const doc = docComment({ ...op, sensitive: false, constraints: {} }, `Calls \`${op.name}\`.`, docs);
  const throws = ` * @throws {${errors}} an error response (a modelled error, \`UnknownServiceError\`) or an unreadable one (\`MalformedResponseError\`), after the retries; also \`RequestValidationError\`, \`NetworkError\`, the signal's reason on abort, a \`TimeoutError\`.`;
  return {
    inputParam: optional ? `input: ${inputType} = {}${input?.type === "structure" && input.members.some((m) => OBJECT_PROTOTYPE_NAMES.has(m.name)) ? ` as ${inputType}` : ""}` : `input: ${inputType}`,
    methodInput: optional ? `input?: ${inputType}` : `input: ${inputType}`,
    outputType,
    doc: ["/**", ...doc.slice(1, -1), ...(doc.length > 2 ? [" *"] : []), throws, " */"],
  };
}

/**
 * The config's `validate`: the folder's validators module, passed in by the caller
 * (`import * as validators from "./validators.js"`), so that a bundle that does not validate holds
 * no validator: the operation functions name their input's validator as a string, never import it.
 */
export function printValidateField(file: GeneratedFile, checker: "service" | "server"): void {
  file.line(
    `  /**`,
    `   * The folder's validators (\`import * as validators from "./validators.js"\`): every input is checked before it is sent;`,
    `   * an invalid one throws \`RequestValidationError\` and nothing is sent. Default: none (the ${checker} checks, and a bundle holds no validator).`,
    `   */`,
    `  readonly validate?: ${file.use(TRANSPORT.Validators)};`,
  );
}

/** The argument naming an operation's input validator: `"validateInitiateAuthRequest"`, or `undefined` without input. */
export function validatorArg(names: Names, op: Operation): string {
  return op.input === undefined ? "undefined" : JSON.stringify(names.validator(op.input));
}

/** The parameter of `invoke` that receives `validatorArg`. */
export const VALIDATOR_PARAM = `  validator: string | undefined,`;

/** The first step of `invoke`: the input checked by the configured validators. */
export function printValidateStep(file: GeneratedFile): void {
  file.line(
    `  const validate = validator === undefined ? undefined : config.validate?.[validator];`,
    `  if (validate !== undefined) {`,
    `    const failures = validate(input);`,
    `    if (failures.length > 0) throw new ${file.use(TRANSPORT.RequestValidationError)}(operation, failures);`,
    `  }`,
  );
}
