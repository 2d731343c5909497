// The response side of the RPC protocols with JSON bodies (awsJson1_0, awsJson1_1, rpcv2Json):
// the output is the whole JSON body (`@jsonName` and HTTP bindings ignored). An error is
// identified, for the AWS protocols ("aws"), by the `X-Amzn-Errortype` header, else the body's
// `code`, else its `__type`; for Smithy RPC v2 ("rpcv2") by `__type` only; sanitized to the shape
// name (`aws.protocoltests#FooError:http://…` → `FooError`). A service that was awsQuery
// (`@awsQueryCompatible`) reports the code of `x-amzn-query-error: Code;Sender` as `$code`.
//
//   output(ctx, Op, OpOutput) → { lines: ['const output = json_OpOutput(parseJsonBody(response.body), "$");'],
//                                 output: "output", body: { parse: "parseJsonBody", reader: "json_OpOutput" } }
//   (`body`: deserializers.ts reads the response with one helper, `readResponse(response, { … }, json_OpOutput)`)

import type { StructureShape } from "../../model/ir.js";
import type { DeserializerContext, ErrorPlan, ResponsePlan, ResponseProtocol } from "../protocol.js";
import { jsonRead, jsonReader, needsExactNumbers, type JsonReaderOptions } from "../codecs/json/reader.js";
import { JSONR, RUNTIME } from "../symbols.js";

/** The JSON body reading of the RPC protocols: whole-body documents, without HTTP bindings. */
export function jsonRpcResponse(options: Omit<JsonReaderOptions, "exactNumbers">, errorCode: "aws" | "rpcv2" = "aws"): ResponseProtocol {
  const reader = (ctx: DeserializerContext) => jsonReader(ctx, { ...options, exactNumbers: ctx.exactNumbers });
  // The exact parser only where a bigInteger or bigDecimal may come: a bundle without them holds no parser of ours.
  const exact = (ctx: DeserializerContext, ids: readonly string[]) => ctx.exactNumbers && needsExactNumbers(ctx.model, ids);
  return {
    output(ctx, _op, output: StructureShape | undefined): ResponsePlan {
      if (output === undefined) return { lines: [], output: "{}", body: { parse: ctx.file.use(JSONR.parseJsonBody), reader: undefined } };
      const parseFn = ctx.file.use(exact(ctx, [output.id]) ? JSONR.parseJsonBodyExact : JSONR.parseJsonBody);
      const parse = `${parseFn}(response.body)`;
      const read = jsonRead(reader(ctx), parse, { target: output.id }, `"$"`, undefined);
      // The structure's reader function, called on the parsed body.
      const fn = read.endsWith(`(${parse}, "$")`) ? read.slice(0, -`(${parse}, "$")`.length) : undefined;
      const body = fn !== undefined && /^[A-Za-z_$][\w$]*$/.test(fn) ? { parse: parseFn, reader: fn } : undefined;
      return { lines: [`const output = ${read};`], output: "output", ...(body === undefined ? {} : { body }) };
    },
    error(ctx, op): ErrorPlan {
      const file = ctx.file;
      const lines = [
        `const body = ${file.use(exact(ctx, op.errors) ? JSONR.parseErrorBodyExact : JSONR.parseErrorBody)}(response.body);`,
        errorCode === "aws" ? `const code = ${file.use(JSONR.jsonErrorCode)}(response, body);` : `const code = ${file.use(JSONR.rpcErrorCode)}(body);`,
      ];
      if (!ctx.model.service.awsQueryCompatible) return { lines, bodyType: "unknown", message: `${file.use(JSONR.jsonErrorMessage)}(body)` };
      lines.push(`const queryError = ${file.use(RUNTIME.headerValue)}(response.headers, "x-amzn-query-error")?.split(";")[0]?.trim();`);
      return { lines, bodyType: "unknown", message: `${file.use(JSONR.jsonErrorMessage)}(body)`, wireCode: `(queryError === "" ? undefined : queryError)` };
    },
    errorMembers(ctx, shape): ResponsePlan {
      return { lines: [`const output = ${jsonRead(reader(ctx), "body ?? {}", { target: shape.id }, `"$"`, undefined)};`], output: "output" };
    },
  };
}
