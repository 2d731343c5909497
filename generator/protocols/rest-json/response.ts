// restJson1, response side: the HTTP binding layer (http/response.ts) reads headers, prefix
// headers, the status and the payload; the other members come from the JSON body by `@jsonName`
// (timestamps epoch seconds unless `@timestampFormat` says otherwise). Errors are identified as
// in awsJson: `X-Amzn-Errortype`, else the body's `code`, else `__type`, sanitized.
//
//   output { @httpHeader("X-Id") Id: String, Note: String } →
//   lines: const out: Record<string, unknown> = {};
//          const h0 = headerValue(response.headers, "X-Id"); if (h0 !== undefined) out["Id"] = h0;
//          const object = expectObject(parseJsonBody(response.body), "$");
//          const v1 = object.Note; if (v1 !== undefined && v1 !== null) out["Note"] = expectString(v1, "$", "Note");

import type { Member } from "../../model/ir.js";
import type { DeserializerContext, ErrorPlan, ResponsePlan, ResponseProtocol } from "../protocol.js";
import { httpResponse, type BodyReader } from "../http/response.js";
import { jsonRead, jsonReader, needsExactNumbers, readMembers, type JsonReaderOptions } from "../codecs/json/reader.js";
import { setProperty } from "../../emit/print.js";
import { JSONR, READ } from "../symbols.js";

/** The JSON body of a response with HTTP bindings: body members, or a structure/union/document payload. */
export function jsonBodyReader(options: Omit<JsonReaderOptions, "exactNumbers">): BodyReader {
  const reader = (ctx: DeserializerContext) => jsonReader(ctx, { ...options, exactNumbers: ctx.exactNumbers });
  const parse = (ctx: DeserializerContext, members: readonly Member[]) =>
    `${ctx.file.use(ctx.exactNumbers && needsExactNumbers(ctx.model, members.map((m) => m.target)) ? JSONR.parseJsonBodyExact : JSONR.parseJsonBody)}(response.body)`;
  return {
    members(ctx, members, out, parsed) {
      const object = `${ctx.file.use(READ.expectObject)}(${parsed === undefined ? parse(ctx, members) : `${parsed} ?? {}`}, "$")`;
      return [`const object = ${object};`, ...readMembers(reader(ctx), members, "object", out, `"$"`)];
    },
    payload(ctx, member, out, parsed) {
      const value = parsed === undefined ? parse(ctx, [member]) : parsed;
      const read = jsonRead(reader(ctx), "payload", member, `"$"`, undefined);
      const guard = parsed === undefined ? `response.body.length > 0` : `payload !== undefined`;
      return [`if (${guard}) {`, `  const payload = ${value};`, `  ${setProperty(out, member.name, read)}`, `}`];
    },
  };
}

export function restJsonResponse(): ResponseProtocol {
  const body = jsonBodyReader({ useJsonName: true, defaultTimestamp: "epoch-seconds" });
  return {
    output(ctx, _op, output): ResponsePlan {
      return httpResponse(ctx, output, body);
    },
    error(ctx, op): ErrorPlan {
      const file = ctx.file;
      const exact = ctx.exactNumbers && needsExactNumbers(ctx.model, op.errors);
      return {
        lines: [`const body = ${file.use(exact ? JSONR.parseErrorBodyExact : JSONR.parseErrorBody)}(response.body);`, `const code = ${file.use(JSONR.jsonErrorCode)}(response, body);`],
        bodyType: "unknown",
        message: `${file.use(JSONR.jsonErrorMessage)}(body)`,
      };
    },
    errorMembers(ctx, shape): ResponsePlan {
      return httpResponse(ctx, shape, body, "body");
    },
  };
}
