// The deserializers file of a model: one `deserialize<Op>Response(response)` per operation,
// whatever its protocol. The protocol's response side (picked by the registry) plans how the
// output is read and how an error is identified; this module prints what every protocol shares:
//
//   restJson1, operation GetThing (output GetThingOutput, errors [NotFound, Gone]) →
//   export function deserializeGetThingResponse(response: HttpResponse): GetThingOutput {
//     try {
//       if (response.status < 200 || response.status >= 300) throwResponseError(response, { NotFound: build_NotFound, Gone: build_Gone });
//       <the protocol's lines reading the output into `output`>
//       return output;
//     } catch (error) {
//       throw toResponseError(error, response);
//     }
//   }
//   awsJson1_1 (a protocol whose plan has a `body`: a reader of the parsed body) → one call of a
//   module-private reader printed once (issue 12: tsc checks one call where it checked a try
//   statement, a condition and a call per operation; the `as` is the reader's own output type):
//   export function deserializeGetThingResponse(response: HttpResponse): GetThingOutput {
//     return readResponse(response, { NotFound: build_NotFound, Gone: build_Gone }, json_GetThingOutput) as GetThingOutput;
//   }
//   (an operation without output: `readResponse(response, { … }, undefined);` then `return {};`)
//   function readResponse(response: HttpResponse, modelled: Readonly<Record<string, (...) => ServiceError>>, read: ((value: unknown, path: string) => unknown) | undefined): unknown {
//     try {
//       if (response.status < 200 || response.status >= 300) throwResponseError(response, modelled);
//       return read === undefined ? {} : read(parseJsonBody(response.body), "$");
//     } catch (error) {
//       throw toResponseError(error, response);
//     }
//   }
//   /** Throws the error an error response carries: ... */
//   function throwResponseError(response: HttpResponse, modelled: Readonly<Record<string, (...) => ServiceError>>): never {
//     const body = parseErrorBody(response.body);
//     const code = jsonErrorCode(response, body);
//     const message = jsonErrorMessage(body);
//     if (code !== undefined && hasOwn(modelled, code)) {
//       const build = modelled[code];
//       if (build !== undefined) throw build(response, body, code, { message });
//     }
//     throw new UnknownServiceError(message ?? "HTTP " + response.status + ..., response, code ?? "UnknownError", ...);
//   }
//   function error_NotFound(response: HttpResponse, body: unknown): NotFound {   // NotFound's and Gone's members (the same form)
//     <the protocol's lines reading the error's members into `output`>
//     return output;
//   }
//   function modelledError(cls, read) { return (response, body, code, options) => new cls(read(response, body), response, code, options); }
//   const build_NotFound = /* @__PURE__ */ modelledError(NotFound, error_NotFound);   // one per error class
//   const build_Gone = /* @__PURE__ */ modelledError(Gone, error_NotFound);
//
// The error dispatch is printed once per service (once per distinct way the protocol identifies
// errors), not as a switch in every operation: that switch was two thirds of a JSON service's
// deserializers. Each operation passes the builders of its own errors by code, so an error the
// service models but this operation does not list still arrives as `UnknownServiceError` with its
// code, and a bundler keeps only the error classes of the operations an app calls. Errors of the
// same form (the same members, with the same targets and traits; most are `{ message }`) share
// one reader of their members: a service's dozens of error shapes need a few.
//
// Layout: an AWS protocol's file is printed in oxfmt's layout and not formatted (GeneratedFile
// `printsFinalLayout`): each line is printed whole as above, and a line past the print width is
// laid out at render by generator/emit/statements.ts (`if (…)` and its statement on the next line,
// the error table hugged, arguments one per line, …); the two fixed helpers are printed broken.
//
// Every exception on the way (a value of the wrong type, bad JSON, a stack overflow on a
// pathologically deep body) ends as a `MalformedResponseError` keeping the raw response
// (`toResponseError`); modelled errors and `UnknownServiceError` pass through.

import { Diagnostics } from "../diagnostics.js";
import { GeneratedFile, type Deferred } from "../emit/file-builder.js";
import { objectKey, parameters, plain, PRINT_WIDTH } from "../emit/layout.js";
import { OPENAPI_HTTP, shapeOf, type Operation, type ResolvedModel, type ShapeId, type StructureShape } from "../model/ir.js";
import type { Names } from "../naming/names.js";
import type { DeserializerContext, ErrorPlan, Protocol, ResponseProtocol } from "./protocol.js";
import { pickProtocol } from "./registry.js";
import { NameHeap } from "./serializers.js";
import { commentCode } from "../docs/tsdoc.js";
import { RUNTIME } from "./symbols.js";
import { needsExactNumbers } from "./codecs/json/reader.js";

export function emitDeserializers(model: ResolvedModel, names: Names, diags: Diagnostics): GeneratedFile {
  const file = new GeneratedFile("deserializers.ts");
  // The serializers warn about a protocol Shapesmith does not know.
  const picked = pickProtocol(model, new Diagnostics());
  if (!picked || picked.protocol.response === undefined) {
    if (picked) {
      diags.warning(
        "PROTOCOL_RESPONSE_NOT_BUILT",
        `Service \`${model.service.id}\` uses ${picked.protocol.name}, whose responses Shapesmith does not read yet: deserializers.ts has no deserializers (errors.ts has the error classes)`,
        { hint: "Read its responses with another SDK until Shapesmith builds this protocol's response side." },
      );
    }
    const declared = model.service.protocols.map((p) => p.id).join(", ") || "none declared";
    file.line(`// No deserializers: Shapesmith does not read responses of this service's protocol (${declared}) yet.`);
    file.line("export {};");
    return file;
  }
  const response = picked.protocol.response;
  // The AWS protocols' deserializers are printed in oxfmt's layout, lines past the print width
  // laid out at render (generator/emit/statements.ts); OpenAPI's are formatted (not checked yet).
  if (picked.protocol.id !== OPENAPI_HTTP) file.printsFinalLayout({ longLines: true });
  const pending = new Map<string, () => readonly (string | Deferred)[]>();
  const queue = new NameHeap();
  const roots = model.operations.flatMap((op) => [...(op.output === undefined ? [] : [op.output]), ...op.errors]);
  const outputs = new Map<ShapeId, number>();
  for (const op of model.operations) if (op.output !== undefined) outputs.set(op.output, (outputs.get(op.output) ?? 0) + 1);
  const ctx: DeserializerContext = {
    exactNumbers: needsExactNumbers(model, roots),
    sharedOutputs: new Set([...outputs].filter(([, count]) => count > 1).map(([id]) => id)),
    model,
    names,
    file,
    diags,
    trait: picked.trait,
    need(name, print) {
      if (!pending.has(name)) {
        pending.set(name, print);
        queue.push(name);
      }
      return name;
    },
  };
  const dispatchers = new Dispatchers(ctx);
  for (const op of model.operations) {
    file.declare(names.deserializer(op.id));
    file.lines([...operationDeserializer(ctx, picked.protocol, response, op, dispatchers), ""]);
  }
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    file.declare(next);
    for (const l of pending.get(next)!()) {
      if (typeof l === "string") file.line(l);
      else file.later(l);
    }
    file.line("");
  }
  if (file.isEmpty()) file.line("export {};");
  return file;
}

/** The modelled errors of an operation, first of each name (sanitized codes are shape names). */
export function operationErrors(model: ResolvedModel, op: Operation): StructureShape[] {
  const byName = new Map<string, StructureShape>();
  for (const id of op.errors) {
    const shape = shapeOf(model, id);
    if (shape.type !== "structure" || byName.has(shape.name)) continue;
    byName.set(shape.name, shape);
  }
  return [...byName.values()];
}

function operationDeserializer(ctx: DeserializerContext, protocol: Protocol, response: ResponseProtocol, op: Operation, dispatchers: Dispatchers): string[] {
  const file = ctx.file;
  const output = op.output === undefined ? undefined : shapeOf(ctx.model, op.output);
  // An OpenAPI output may be a union of per-status variants (generator/openapi/responses.ts).
  const alternatives = output?.type === "alternatives" && protocol.id === OPENAPI_HTTP;
  if (output !== undefined && output.type !== "structure" && !alternatives) throw new Error(`internal: the output of ${op.id} is a ${output.type}`);
  const outputType = output ? file.use({ name: ctx.names.type(output.id), file: "types.ts", kind: "type" }) : "Record<string, never>";
  const errorType = file.use({ name: ctx.names.operationError(op.id), file: "errors.ts", kind: "type" });
  const fn = ctx.names.deserializer(op.id);
  const http = file.use(RUNTIME.HttpResponse);
  const doc = [
    `/**`,
    ` * Reads the HTTP response of ${commentCode(op.name)} (${protocol.name}): the output of a 2xx response.`,
    ` * @throws {${errorType}} a modelled error or \`UnknownServiceError\` for an error response,`,
    ` *   \`MalformedResponseError\` for a response that cannot be read.`,
    ` */`,
  ];
  const errors = operationErrors(ctx.model, op);
  const plan0 = response.error(ctx, op);
  const dispatch = dispatchers.for(plan0);
  // The builders of the operation's errors by code: a bundler keeps only the errors of the
  // operations an app calls.
  // (A computed key for `__proto__`, which as a plain key would set the object's prototype.)
  const key = (name: string): string => (name === "__proto__" ? `["__proto__"]` : objectKey(name, file));
  const codes = errors.length === 0 ? "{}" : `{ ${errors.map((e) => `${key(e.name)}: ${dispatchers.builder(e, response, plan0.bodyType)}`).join(", ")} }`;
  const plan = response.output(ctx, op, output?.type === "structure" ? output : undefined);
  if (plan.body !== undefined) {
    // One call of the file's reader (issue 12); it returns what `reader` returns, the output.
    const read = dispatchers.reader(dispatch, plan.body.parse, plan0.bodyType);
    // Without output, the empty object is returned here: no `as` to `Record<string, never>`.
    const body = plan.body.reader === undefined ? [`  ${read}(response, ${codes}, undefined);`, `  return {};`] : [`  return ${read}(response, ${codes}, ${plan.body.reader}) as ${outputType};`];
    return [...doc, `export function ${fn}(response: ${http}): ${outputType} {`, ...body, `}`];
  }
  const lines = [`if (response.status < 200 || response.status >= 300) ${dispatch}(response, ${codes});`, ...plan.lines, `return ${plan.output};`];
  return [
    ...doc,
    `export function ${fn}(response: ${http}): ${outputType} {`,
    `  try {`,
    ...lines.map((l) => (l === "" ? l : "    " + l)),
    `  } catch (error) {`,
    `    throw ${file.use(RUNTIME.toResponseError)}(error, response);`,
    `  }`,
    `}`,
  ];
}

/**
 * The error dispatchers of a file: one module-private `throwResponseError(response, modelled)`
 * per distinct way of identifying errors (nearly always one per service), shared by every
 * operation. It reads the error response, and throws the modelled error of that code built by
 * the operation's own builder (`modelled`, keyed by code), else an `UnknownServiceError` carrying
 * the code. Printed once rather than as a switch in each of a service's operations.
 */
class Dispatchers {
  readonly #ctx: DeserializerContext;
  readonly #byPlan = new Map<string, { readonly name: string; readonly plan: ErrorPlan }>();
  /** The reader of each error form (`errorForm`) and body type: the function of its first shape. */
  readonly #readers = new Map<string, string>();
  /**
   * Each error shape's key in `#readers` (body type and `errorForm`), made once: every operation
   * lists its errors, and the service's, so a shape comes here once per operation.
   */
  readonly #forms = new Map<StructureShape, { readonly bodyType: string; readonly key: string }>();
  /** The builder constant of each error class (`build_<Class>`) and the expression it holds. */
  readonly #builders = new Map<string, string>();

  constructor(ctx: DeserializerContext) {
    this.#ctx = ctx;
  }

  /** The response reader of each dispatcher and parse function (`readResponse`): its name. */
  readonly #responseReaders = new Map<string, string>();

  /**
   * The module-private `readResponse(response, modelled, read)` of a dispatcher and a parse
   * function: the error of a response outside 2xx (`dispatch`), else `read(parse(response.body),
   * "$")` (`{}` without `read`); every exception on the way ends as `toResponseError` makes it.
   * One per service nearly always; an operation's deserializer is then one call of it.
   */
  reader(dispatch: string, parse: string, bodyType: string): string {
    const key = `${dispatch}\0${parse}`;
    let name = this.#responseReaders.get(key);
    if (name === undefined) {
      name = this.#responseReaders.size === 0 ? "readResponse" : `readResponse${this.#responseReaders.size + 1}`;
      this.#responseReaders.set(key, name);
      const ctx = this.#ctx;
      const file = ctx.file;
      const known = name;
      ctx.need(name, () => {
        const http = file.use(RUNTIME.HttpResponse);
        const modelled = this.#modelledParam(bodyType);
        return [
          `/** Reads a response: the modelled error of its code (\`modelled\`) or \`UnknownServiceError\` outside 2xx, else what \`read\` gives of its body (\`{}\` without \`read\`). */`,
          (resolve) => [`function ${known}(`, plain(`  response: ${resolve(http)},`, file), ...modelled(resolve), `  read: ((value: unknown, path: string) => unknown) | undefined,`, `): unknown {`],
          `  try {`,
          `    if (response.status < 200 || response.status >= 300) ${dispatch}(response, modelled);`,
          `    return read === undefined ? {} : read(${parse}(response.body), "$");`,
          `  } catch (error) {`,
          `    throw ${file.use(RUNTIME.toResponseError)}(error, response);`,
          `  }`,
          `}`,
        ];
      });
    }
    return name;
  }

  /**
   * The `modelled` parameter's lines, as prettier breaks them (the function type never fits at
   * its indent): the names are used now, the lines printed at render (`resolve`).
   */
  #modelledParam(bodyType: string): (resolve: (text: string) => string) => string[] {
    const file = this.#ctx.file;
    const params = [`response: ${file.use(RUNTIME.HttpResponse)}`, `body: ${bodyType}`, "code: string", `options: ${file.use(RUNTIME.ResponseErrorOptions)}`];
    const result = file.use(RUNTIME.ServiceError);
    return (resolve) => {
      const fnType = `(${params.map(resolve).join(", ")}) => ${resolve(result)}`;
      if (`      ${fnType}`.length <= PRINT_WIDTH) file.unsure(`the builder type fits: ${fnType.slice(0, 60)}`);
      return [
        "  modelled: Readonly<",
        "    Record<",
        "      string,",
        "      (",
        ...params.map((p) => plain(`        ${resolve(p)},`, file)),
        plain(`      ) => ${resolve(result)}`, file),
        "    >",
        "  >,",
      ];
    };
  }

  /** The dispatcher's name for `plan`. */
  for(plan: ErrorPlan): string {
    const key = JSON.stringify(plan);
    let entry = this.#byPlan.get(key);
    if (entry === undefined) {
      const name = this.#byPlan.size === 0 ? "throwResponseError" : `throwResponseError${this.#byPlan.size + 1}`;
      entry = { name, plan };
      this.#byPlan.set(key, entry);
      const known = entry;
      this.#ctx.need(name, () => this.#print(known.name, known.plan));
    }
    return entry.name;
  }

  /** `modelledError(Class, error_Reader)`: builds the error `shape` of a response; errors of the same form share the reader. */
  builder(shape: StructureShape, response: ResponseProtocol, bodyType: string): string {
    const ctx = this.#ctx;
    const file = ctx.file;
    let formKey = this.#forms.get(shape);
    if (formKey === undefined || formKey.bodyType !== bodyType) this.#forms.set(shape, (formKey = { bodyType, key: `${bodyType}\0${errorForm(shape)}` }));
    const form = formKey.key;
    let reader = this.#readers.get(form);
    if (reader === undefined) {
      reader = errorReader(ctx, response, shape, bodyType);
      this.#readers.set(form, reader);
    }
    const cls = file.use({ name: ctx.names.type(shape.id), file: "errors.ts", kind: "value" });
    const http = file.use(RUNTIME.HttpResponse);
    const options = file.use(RUNTIME.ResponseErrorOptions);
    const make = ctx.need("modelledError", () => [
      `/** The builder of a modelled error: its class, and its members as \`read\` gives them (errors of the same form share one reader). */`,
      // Laid out when the names are final (an alias of a runtime name makes lines longer).
      (resolve) => {
        const head = `function modelledError<B, F, E>`;
        const params = [`cls: new (fields: F, response: ${http}, code: string, options: ${options}) => E`, `read: (response: ${http}, body: B) => F`];
        const end = `: (response: ${http}, body: B, code: string, options: ${options}) => E {`;
        return parameters(0, head, params.map(resolve), resolve(end), file).map((l, i, all) => (i === all.length - 1 ? plain(l, file) : l));
      },
      `  return (response, body, code, options) => new cls(read(response, body), response, code, options);`,
      `}`,
    ]);
    // One module-level builder per error class, which every operation's table names: a generic
    // call per class instead of one per (operation, error), most of what tsc checked in a JSON
    // service's deserializers (Cognito: 903 calls, 53 classes). Pure, so a bundler drops the
    // builders of errors no called operation lists.
    const name = ctx.names.codecFunction("build", shape.id);
    const built = `${make}(${cls}, ${reader})`;
    const known = this.#builders.get(name);
    if (known !== undefined && known !== built) throw new Error(`internal: ${name} built as ${known} and as ${built}`);
    this.#builders.set(name, built);
    return ctx.need(name, () => [`const ${name} = /* @__PURE__ */ ${built};`]);
  }

  #print(name: string, error: ErrorPlan): (string | Deferred)[] {
    const ctx = this.#ctx;
    const file = ctx.file;
    const wireCode = error.wireCode === undefined ? "code" : `${error.wireCode} ?? code`;
    const options = error.requestId === undefined ? `{ message }` : `{ message, requestId: ${error.requestId} }`;
    const http = file.use(RUNTIME.HttpResponse);
    const modelled = this.#modelledParam(error.bodyType);
    const lines: (string | Deferred)[] = [
      `/** Throws the error an error response carries: the operation's modelled error of that code (\`modelled\`), else \`UnknownServiceError\`. */`,
      // prettier breaks the builder's type level by level; the function type never fits at its indent.
      (resolve) => [`function ${name}(`, plain(`  response: ${resolve(http)},`, file), ...modelled(resolve), "): never {"],
      ...error.lines.map((l) => "  " + l),
      `  const message = ${error.message};`,
      `  if (code !== undefined && ${file.use(RUNTIME.hasOwn)}(modelled, code)) {`,
      `    const build = modelled[code];`,
      `    if (build !== undefined) throw build(response, body, ${wireCode}, ${options});`,
      `  }`,
    ];
    const unknown = file.use(RUNTIME.UnknownServiceError);
    lines.push(
      `  throw new ${unknown}(message ?? "HTTP " + response.status + (code === undefined ? "" : " " + code), response, ${wireCode} ?? "UnknownError", response.status >= 500 ? "server" : "client", ${options});`,
      `}`,
    );
    return lines;
  }
}

/**
 * The form of an error shape for sharing its reader: everything reading depends on (members with
 * their targets and traits, the shape's XML traits, ...), not what only the class uses (name,
 * documentation, fault, status, awsQuery code).
 */
function errorForm(shape: StructureShape): string {
  const classOnly = new Set(["id", "name", "docs", "deprecated", "error", "httpError", "awsQueryError"]);
  const own = Object.fromEntries(Object.entries(shape).filter(([k]) => !classOnly.has(k)));
  return JSON.stringify({ ...own, members: shape.members.map((m) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== "docs" && k !== "deprecated"))) });
}

/** The module-private function that reads a modelled error's members from a response; printed once per form. */
function errorReader(ctx: DeserializerContext, response: ResponseProtocol, shape: StructureShape, bodyType: string): string {
  const name = ctx.names.codecFunction("error", shape.id);
  return ctx.need(name, () => {
    const file = ctx.file;
    const fields = file.use({ name: ctx.names.type(shape.id), file: "types.ts", kind: "type" });
    const plan = response.errorMembers(ctx, shape);
    return [
      `function ${name}(response: ${file.use(RUNTIME.HttpResponse)}, body: ${bodyType}): ${fields} {`,
      ...plan.lines.map((l) => "  " + l),
      `  return ${plan.output};`,
      `}`,
    ];
  });
}
