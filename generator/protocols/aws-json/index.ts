// awsJson1_0 and awsJson1_1: every request is `POST /` with the whole input as a JSON body, the
// operation named by `X-Amz-Target: <Service>.<Operation>`. HTTP binding traits are ignored and
// so is `@jsonName`; timestamps are epoch seconds. A service that was awsQuery
// (`@awsQueryCompatible`) says so with `x-amzn-query-mode: true`.
//
//   awsJson1_1, service Svc, operation Op, input { Name: "x", When: Date(0) } →
//   { method: "POST", path: "/", query: [],
//     headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Svc.Op" },
//     body: '{"Name":"x","When":0}' }
//   An operation without input sends `{}`. Responses: shared/json-rpc-response.ts.
//
// The request is built by one module-private helper of the file (the plan's `whole`), so an
// operation's serializer is one call (issue 12: tsc checks a call, not two object literals, per
// operation):
//
//   export function serializeOpRequest(input: OpInput, options: SerializeOptions = {}): HttpRequest {
//     return jsonRpcRequest("Svc.Op", JSON.stringify(json_OpInput(input)));
//   }
//   function jsonRpcRequest(target: string, body: string): HttpRequest {
//     const headers: Record<string, string> = { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target };
//     return { method: "POST", path: "/", query: [], headers, body };
//   }

import type { Protocol, RequestPlan, SerializerContext } from "../protocol.js";
import type { Operation, StructureShape } from "../../model/ir.js";
import { jsonText, jsonValue, jsonWriter } from "../codecs/json/writer.js";
import { jsonRpcResponse } from "../shared/json-rpc-response.js";
import { RUNTIME } from "../symbols.js";

function awsJson(version: "1.0" | "1.1"): Protocol {
  return {
    id: `aws.protocols#awsJson${version.replace(".", "_")}`,
    name: `awsJson${version.replace(".", "_")}`,
    request(ctx: SerializerContext, op: Operation, input: StructureShape | undefined): RequestPlan {
      const target = `${ctx.model.service.targetPrefix ?? ctx.model.service.name}.${op.name}`;
      const w = jsonWriter(ctx, { useJsonName: false, defaultTimestamp: "epoch-seconds" });
      const ref = input && { target: input.id };
      const body = ref ? jsonText(w, jsonValue(w, "input", ref), [ref]) : `"{}"`;
      const headers = (targetExpr: string) => [
        `const headers: Record<string, string> = {`,
        `  "Content-Type": ${JSON.stringify(`application/x-amz-json-${version}`)},`,
        `  "X-Amz-Target": ${targetExpr},`,
        ...(ctx.model.service.awsQueryCompatible ? [`  "x-amzn-query-mode": "true",`] : []),
        `};`,
      ];
      return {
        lines: headers(JSON.stringify(target)),
        method: `"POST"`,
        path: `"/"`,
        query: "[]",
        body,
        whole: () => {
          const helper = ctx.need("jsonRpcRequest", () => [
            `/** The request of an operation: \`POST /\` with the JSON \`body\`, the operation named by \`X-Amz-Target\` (\`target\`). */`,
            `function jsonRpcRequest(target: string, body: string): ${ctx.file.use(RUNTIME.HttpRequest)} {`,
            ...headers("target").map((l) => "  " + l),
            `  return { method: "POST", path: "/", query: [], headers, body };`,
            `}`,
          ]);
          return `${helper}(${JSON.stringify(target)}, ${body})`;
        },
      };
    },
    response: jsonRpcResponse({ useJsonName: false, defaultTimestamp: "epoch-seconds" }),
  };
}

export const awsJson1_0 = awsJson("1.0");
export const awsJson1_1 = awsJson("1.1");
