// rpcv2Cbor and rpcv2Json (Smithy RPC v2): every request is
// `POST /service/<Service>/operation/<Operation>` with `smithy-protocol: rpc-v2-cbor` (or
// `rpc-v2-json`) and the whole input as the body (CBOR bytes, or JSON without `@jsonName`).
// HTTP binding traits and `@timestampFormat` are ignored; timestamps are epoch seconds (CBOR tag
// 1); rpcv2Json sends bigInteger and bigDecimal as JSON strings (their exact digits), rpcv2Cbor as
// integers or bignums (tags 2, 3) and decimal fractions (tag 4). An operation without input sends no body and no Content-Type. A service that was awsQuery
// (`@awsQueryCompatible`) says so with `x-amzn-query-mode: true`.
//
//   rpcv2Cbor, service Svc, operation Op, input { Name: "x" } →
//   { method: "POST", path: "/service/Svc/operation/Op", query: [],
//     headers: { "smithy-protocol": "rpc-v2-cbor", Accept: "application/cbor", "Content-Type": "application/cbor" },
//     body: Uint8Array [0xa1, 0x64, 0x4e, 0x61, 0x6d, 0x65, 0x61, 0x78] }

import type { Operation, StructureShape } from "../../model/ir.js";
import type { Protocol, RequestPlan, SerializerContext } from "../protocol.js";
import { jsonText, jsonValue, jsonWriter } from "../codecs/json/writer.js";
import { cborValue, cborWriter } from "../codecs/cbor/writer.js";
import { CBOR } from "../symbols.js";
import { jsonRpcResponse } from "../shared/json-rpc-response.js";

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
    // rpcv2Cbor: its reader plugs in here (codecs/cbor/reader.ts).
    ...(format === "json" ? { response: jsonRpcResponse({ useJsonName: false, defaultTimestamp: "epoch-seconds", ignoreTimestampFormat: true }, "rpcv2") } : {}),
  };
}

export const rpcv2Cbor = rpcv2("cbor");
export const rpcv2Json = rpcv2("json");
