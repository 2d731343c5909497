// rpcv2Cbor and rpcv2Json (Smithy RPC v2): every request is
// `POST /service/<Service>/operation/<Operation>` with `smithy-protocol: rpc-v2-cbor` (or
// `rpc-v2-json`) and the whole input as the body (CBOR bytes, or JSON without `@jsonName`).
// HTTP binding traits and `@timestampFormat` are ignored; timestamps are epoch seconds (CBOR tag
// 1); rpcv2Json sends bigInteger and bigDecimal as JSON strings (their exact digits), rpcv2Cbor as
// integers or bignums (tags 2, 3) and decimal fractions (tag 4). An operation without input sends no body and no Content-Type. A service that was awsQuery
// (`@awsQueryCompatible`) says so with `x-amzn-query-mode: true`.
//
// Responses (rpcv2Cbor): the body is the whole output, decoded by cbor.ts (`parseCborBody`: the
// response must say `smithy-protocol: rpc-v2-cbor`; an empty body is `{}`; tags other than 1 and
// 4 are read as the value they tag) and read by the CBOR codec reader. An error is identified by
// the body's `__type`, sanitized as awsJson's (`smithy.example#Oops:http://…` → `Oops`); an error
// body that cannot be read (another protocol, an HTML page) gives an UnknownServiceError. A
// service that was awsQuery reports the code of `x-amzn-query-error: Code;Sender` as `$code`.
// rpcv2Json: shared/json-rpc-response.ts.
//
//   output(ctx, Op, OpOutput) → { lines: ['const output = cbor_OpOutput(parseCborBody(response), "$");'], output: "output" }
//   error(ctx, Op)            → { lines: ["const body = parseCborErrorBody(response);", "const type = cborErrorType(body);",
//                                         "const code = type === undefined ? undefined : sanitizeErrorCode(type);"],
//                                 bodyType: "unknown", message: "cborErrorMessage(body)" }
//
//   rpcv2Cbor, service Svc, operation Op, input { Name: "x" } →
//   { method: "POST", path: "/service/Svc/operation/Op", query: [],
//     headers: { "smithy-protocol": "rpc-v2-cbor", Accept: "application/cbor", "Content-Type": "application/cbor" },
//     body: Uint8Array [0xa1, 0x64, 0x4e, 0x61, 0x6d, 0x65, 0x61, 0x78] }

import type { Operation, StructureShape } from "../../model/ir.js";
import type { DeserializerContext, ErrorPlan, Protocol, RequestPlan, ResponsePlan, ResponseProtocol, SerializerContext } from "../protocol.js";
import { jsonText, jsonValue, jsonWriter } from "../codecs/json/writer.js";
import { cborValue, cborWriter } from "../codecs/cbor/writer.js";
import { cborRead, cborReader } from "../codecs/cbor/reader.js";
import { CBOR, READ, RUNTIME } from "../symbols.js";
import { jsonRpcResponse } from "../shared/json-rpc-response.js";

/** The response side of rpcv2Cbor. */
const cborResponse: ResponseProtocol = {
  output(ctx: DeserializerContext, _op: Operation, output: StructureShape | undefined): ResponsePlan {
    const parse = `${ctx.file.use(CBOR.parseCborBody)}(response)`;
    // Without output the body is still checked: a response of another protocol is malformed.
    if (output === undefined) return { lines: [`${parse};`], output: "{}" };
    return { lines: [`const output = ${cborRead(cborReader(ctx), parse, { target: output.id }, `"$"`, undefined)};`], output: "output" };
  },
  error(ctx: DeserializerContext): ErrorPlan {
    const file = ctx.file;
    const lines = [
      `const body = ${file.use(CBOR.parseCborErrorBody)}(response);`,
      `const type = ${file.use(CBOR.cborErrorType)}(body);`,
      `const code = type === undefined ? undefined : ${file.use(READ.sanitizeErrorCode)}(type);`,
    ];
    const message = `${file.use(CBOR.cborErrorMessage)}(body)`;
    if (!ctx.model.service.awsQueryCompatible) return { lines, bodyType: "unknown", message };
    lines.push(`const queryError = ${file.use(RUNTIME.headerValue)}(response.headers, "x-amzn-query-error")?.split(";")[0]?.trim();`);
    return { lines, bodyType: "unknown", message, wireCode: `(queryError === "" ? undefined : queryError)` };
  },
  errorMembers(ctx: DeserializerContext, shape: StructureShape): ResponsePlan {
    return { lines: [`const output = ${cborRead(cborReader(ctx), "body ?? {}", { target: shape.id }, `"$"`, undefined)};`], output: "output" };
  },
};

function rpcv2(format: "cbor" | "json"): Protocol {
  const mediaType = `application/${format}`;
  return {
    id: `smithy.protocols#rpcv2${format === "cbor" ? "Cbor" : "Json"}`,
    name: `rpcv2${format === "cbor" ? "Cbor" : "Json"}`,
    request(ctx: SerializerContext, op: Operation, input: StructureShape | undefined): RequestPlan {
      const path = `/service/${ctx.model.service.name}/operation/${op.name}`;
      const lines = [
        `const headers: Record<string, string> = {`,
        `  "smithy-protocol": ${JSON.stringify(`rpc-v2-${format}`)},`,
        `  Accept: ${JSON.stringify(mediaType)},`,
        ...(input ? [`  "Content-Type": ${JSON.stringify(mediaType)},`] : []),
        ...(ctx.model.service.awsQueryCompatible ? [`  "x-amzn-query-mode": "true",`] : []),
        `};`,
      ];
      const plan = { lines, method: `"POST"`, path: JSON.stringify(path), query: "[]" };
      if (!input) return plan;
      const ref = { target: input.id };
      const json = jsonWriter(ctx, { useJsonName: false, defaultTimestamp: "epoch-seconds", ignoreTimestampFormat: true, bigNumbersAsStrings: true });
      const body = format === "cbor" ? `${ctx.file.use(CBOR.encodeCbor)}(${cborValue(cborWriter(ctx), "input", ref)})` : jsonText(json, jsonValue(json, "input", ref), [ref]);
      return { ...plan, body };
    },
    response: format === "cbor" ? cborResponse : jsonRpcResponse({ useJsonName: false, defaultTimestamp: "epoch-seconds", ignoreTimestampFormat: true }, "rpcv2"),
  };
}

export const rpcv2Cbor = rpcv2("cbor");
export const rpcv2Json = rpcv2("json");
