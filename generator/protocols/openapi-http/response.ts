// OpenAPI's plain HTTP, response side: the responses the document declares (`Operation.responses`,
// lowered by generator/openapi/responses.ts) read by status code and media type. A JSON body is
// parsed and checked into the schema's type by the JSON codec reader; a text body (`text/*`) is
// the text, any other body the bytes; declared response headers are read as the HTTP binding
// layer reads headers (http/response.ts). An error status is identified by the status alone
// (a code, then a `4XX` range, then `default`), or, for a `oneOf` error body with a
// discriminator, by the discriminator's value.
//
//   getPet: 200 (Pet, header X-Rate: integer), 404 (NotFound), default (Problem) →
//   error:  const body = parseErrorBody(response.body);
//           let code: string | undefined;
//           if (response.status === 404) code = "NotFound";
//           else code = "Problem";
//   output: const out: Record<string, unknown> = {};
//           const h0 = headerValue(response.headers, "X-Rate"); if (h0 !== undefined) out["X-Rate"] = numberFromText(h0, 32, "header", "X-Rate");
//           const object = expectObject(parseJsonBody(response.body), "$");
//           const v0 = object.name; if (...) out["name"] = expectString(v0, "$", "name"); ...
//           const output = out as unknown as GetPetOutput;
//
// Several distinct 2xx bodies (an output that is a union of `{ status, body }` variants): one
// block per declared status, and a 2xx status the document does not declare is a
// `MalformedResponseError` (nothing says what its body is).

import { shapeOf, type Member, type Operation, type OperationResponse, type StructureShape } from "../../model/ir.js";
import { setProperty } from "../../emit/print.js";
import type { DeserializerContext, ErrorPlan, ResponsePlan, ResponseProtocol } from "../protocol.js";
import { readBindings } from "../http/response.js";
import { jsonRead, jsonReader, needsExactNumbers, readAdditional, readMembers, type JsonReader } from "../codecs/json/reader.js";
import { JSONR, READ, RUNTIME } from "../symbols.js";
import { JSON_OPTIONS } from "./form.js";
import { append } from "../../lists.js";

export const openApiResponse: ResponseProtocol = {
  output(ctx, op): ResponsePlan {
    if (op.output === undefined) return { lines: [], output: "{}" };
    const file = ctx.file;
    const output = shapeOf(ctx.model, op.output);
    const responses = op.responses ?? [];
    if (output.type === "structure") {
      const response = responses.find((r) => r.shape === output.id && r.status.startsWith("2")) ?? responses.find((r) => r.shape === output.id);
      return { lines: readResponse(ctx, output, response, "output"), output: "output" };
    }
    if (output.type !== "alternatives") throw new Error(`internal: the output of ${op.id} is a ${output.type}`);
    // One block per declared success status: codes, then ranges, then `default`.
    const type = file.use({ name: ctx.names.type(output.id), file: "types.ts", kind: "type" });
    const lines = [`let output: ${type};`];
    const variants = responses.filter((r) => r.shape !== undefined && output.variants.some((v) => v.target === r.shape));
    let fallback = false;
    variants.forEach((r, i) => {
      const shape = shapeOf(ctx.model, r.shape!);
      if (shape.type !== "structure") throw new Error(`internal: the output variant ${shape.id} is a ${shape.type}`);
      const test = statusTest(r.status);
      const head = test === undefined ? (i === 0 ? "{" : "} else {") : `${i === 0 ? "" : "} else "}if (${test}) {`;
      if (test === undefined) fallback = true;
      append(lines, [head, ...readResponse(ctx, shape, r, "variant").map((l) => "  " + l), `  output = variant;`]);
    });
    if (!fallback) {
      const declared = variants.map((r) => r.status).join(", ");
      lines.push(`} else {`, `  output = ${file.use(READ.fail)}("$", undefined, ${JSON.stringify(`a declared status (${declared})`)}, response.status);`);
    }
    lines.push(`}`);
    return { lines, output: "output" };
  },

  error(ctx, op): ErrorPlan {
    const file = ctx.file;
    const exact = ctx.exactNumbers && needsExactNumbers(ctx.model, op.errors);
    const lines = [`const body = ${file.use(exact ? JSONR.parseErrorBodyExact : JSONR.parseErrorBody)}(response.body);`, `let code: string | undefined;`];
    const all = (op.responses ?? []).filter((r) => !isOutput(ctx, op, r));
    // Up to the last response with an error shape: a status without one before it needs its branch
    // (a 404 without a body must not be taken for the `default` error).
    let last = all.length - 1;
    while (last >= 0 && all[last]!.shape === undefined) last--;
    const errors = all.slice(0, last + 1).filter((r, i, list) => r.shape !== undefined || list.slice(i + 1).some((later) => !/^[0-9]+$/.test(later.status)));
    let opened = false;
    for (const r of errors) {
      const test = statusTest(r.status);
      const assign = codeFor(ctx, r);
      const condition = test === undefined ? (opened ? "else " : "") : `${opened ? "else " : ""}if (${test}) `;
      if (assign.length === 1) lines.push(condition + assign[0]);
      else append(lines, [condition + "{", ...assign.map((l) => "  " + l), "}"]);
      opened = true;
    }
    if (!opened) lines[1] = `const code: string | undefined = undefined;`;
    // A discriminated error body names its error: that name is the `$code`, also when no variant has it.
    const discriminated = errors.some((r) => r.shape !== undefined && shapeOf(ctx.model, r.shape).type === "alternatives");
    if (discriminated) lines.splice(2, 0, `let wire: string | undefined;`);
    return { lines, bodyType: "unknown", message: `${file.use(JSONR.jsonErrorMessage)}(body)`, ...(discriminated ? { wireCode: "wire" } : {}) };
  },

  errorMembers(ctx, shape): ResponsePlan {
    const r = reader(ctx);
    return { lines: [], output: jsonRead(r, "(body ?? {})", { target: shape.id }, `"$"`, undefined) };
  },
};

function reader(ctx: DeserializerContext): JsonReader {
  return jsonReader(ctx, { useJsonName: JSON_OPTIONS.useJsonName, defaultTimestamp: JSON_OPTIONS.defaultTimestamp, exactNumbers: ctx.exactNumbers });
}

/** Whether a response of this status gives the output (its shape is the output or a variant of it). */
function isOutput(ctx: DeserializerContext, op: Operation, r: OperationResponse): boolean {
  if (r.shape === undefined || op.output === undefined) return r.status.startsWith("2");
  if (r.shape === op.output) return true;
  const output = shapeOf(ctx.model, op.output);
  return output.type === "alternatives" && output.variants.some((v) => v.target === r.shape);
}

/** The condition a status meets: `response.status === 404`, a range, or undefined for `default`. */
function statusTest(status: string): string | undefined {
  if (/^[0-9]+$/.test(status)) return `response.status === ${status}`;
  const range = /^([1-5])XX$/.exec(status);
  if (range) return `response.status >= ${range[1]}00 && response.status <= ${range[1]}99`;
  return undefined;
}

/** Statements setting `code` for an error response: its error shape's name, the discriminated variant's, or undefined. */
function codeFor(ctx: DeserializerContext, r: OperationResponse): string[] {
  if (r.shape === undefined) return [`code = undefined;`];
  const shape = shapeOf(ctx.model, r.shape);
  if (shape.type === "structure") return [`code = ${JSON.stringify(shape.name)};`];
  if (shape.type !== "alternatives" || shape.discriminator === undefined) throw new Error(`internal: the error of ${r.status} is a ${shape.type}`);
  const property = JSON.stringify(shape.discriminator.propertyName);
  const cases = shape.discriminator.mapping.map((m) => `tag === ${JSON.stringify(m.value)} ? ${JSON.stringify(shapeOf(ctx.model, m.target).name)} : `).join("");
  return [
    `const tag = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[${property}] : undefined;`,
    `wire = typeof tag === "string" ? tag : undefined;`,
    `code = ${cases}undefined;`,
  ];
}

/**
 * Lines reading one response into `shape` (the output, or a variant of it) as the local `name`:
 * headers, the status, then the body by the response's media type.
 */
function readResponse(ctx: DeserializerContext, shape: StructureShape, response: OperationResponse | undefined, name: string): string[] {
  const file = ctx.file;
  const type = file.use({ name: ctx.names.type(shape.id), file: "types.ts", kind: "type" });
  const lines = [`const out: Record<string, unknown> = {};`];
  const { body, payload } = readBindings(ctx, shape, lines);
  const content = response?.contents.find((c) => c.mediaType === response.readAs);
  const encoding = content?.encoding ?? "json";
  const parse = (targets: readonly string[]) => `${file.use(ctx.exactNumbers && needsExactNumbers(ctx.model, targets) ? JSONR.parseJsonBodyExact : JSONR.parseJsonBody)}(response.body)`;
  if (payload !== undefined) {
    const target = shapeOf(ctx.model, payload.target);
    switch (encoding) {
      case "text":
        lines.push(setProperty("out", payload.name, target.type === "enum" ? `${file.use(READ.bodyText)}(response.body) as ${ctx.names.isInline(target.id) ? "string" : file.use({ name: ctx.names.type(target.id), file: "types.ts", kind: "type" })}` : `${file.use(READ.bodyText)}(response.body)`));
        break;
      case "binary":
        lines.push(setProperty("out", payload.name, `${file.use(READ.bodyBytes)}(response.body)`));
        break;
      case "json": {
        const read = jsonRead(reader(ctx), "payload", payload, `"$"`, undefined);
        lines.push(`const payload = ${parse([payload.target])};`, setProperty("out", payload.name, payload.nullable ? `payload === null ? null : ${read}` : read));
        break;
      }
      default: {
        const never: never = encoding;
        throw new Error(`internal: unknown encoding ${String(never)}`);
      }
    }
  } else if (body.length > 0 || shape.additionalProperties !== undefined) {
    const r = reader(ctx);
    const targets = body.map((m) => m.target).concat(shape.additionalProperties === undefined || shape.additionalProperties === true ? [] : [shape.additionalProperties.target]);
    if (lines.length === 1 && body.length === shape.members.length && ctx.sharedOutputs.has(shape.id)) {
      // The whole output is the body, a schema of the document that many operations give
      // (Stripe's `invoice`, of 10): read by the one reader of its type, not inline in each.
      return [`const ${name} = ${jsonRead(r, parse(targets), { target: shape.id }, `"$"`, undefined)};`];
    }
    append(lines, [
      `const object = ${file.use(READ.expectObject)}(${parse(targets)}, "$");`,
      ...readMembers(r, body, "object", "out", `"$"`),
      ...readAdditional(r, { ...shape, members: body }, "object", "out", `"$"`),
    ]);
  }
  lines.push(`const ${name} = out as unknown as ${type};`);
  return lines;
}
