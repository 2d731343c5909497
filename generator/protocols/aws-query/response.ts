// awsQuery, response side: the body is an XML document whose `<OpResponse><OpResult>` holds the
// output's members (HTTP bindings are ignored; the names of the root and result elements are
// not checked beyond that). An error is the `<Error>` of `<ErrorResponse><Error><Code>…`, mapped
// to the error shape through its `@awsQueryError` code; the wire code stays the error's `$code`.
//
//   operation GetThing, output { Name: String }
//   <GetThingResponse><GetThingResult><Name>x</Name></GetThingResult></GetThingResponse> → { Name: "x" }
//   @awsQueryError(code: "Customized", httpResponseCode: 402) structure CustomCodeError { Message: String }
//   <ErrorResponse><Error><Code>Customized</Code><Message>Hi</Message></Error></ErrorResponse>
//   → throws CustomCodeError { message: "Hi", $code: "Customized" }

import type { Operation } from "../../model/ir.js";
import type { DeserializerContext, ResponseProtocol } from "../protocol.js";
import { xmlDocumentPlan, xmlErrorMembersPlan, xmlErrorPlan } from "../codecs/xml/response.js";
import { XML_READER } from "../symbols.js";
import { operationErrors } from "../deserializers.js";

export const awsQueryResponse: ResponseProtocol = {
  output(ctx, op, output) {
    if (output === undefined) return { lines: [], output: "{}" };
    return xmlDocumentPlan(ctx, output, (root) => `${ctx.file.use(XML_READER.xmlChild)}(${root}, ${JSON.stringify(op.name + "Result")})`);
  },
  error: (ctx, op) => xmlErrorPlan(ctx, (wire) => queryErrorCode(ctx, op, wire)),
  errorMembers: xmlErrorMembersPlan,
};

/** `code`: the error shape's name of the wire code `wire`, through the `@awsQueryError` codes of the operation's errors. */
function queryErrorCode(ctx: DeserializerContext, op: Operation, wire: string): string[] {
  const custom = operationErrors(ctx.model, op).flatMap((shape) => {
    const code = shape.awsQueryError?.code;
    return code === undefined || code === shape.name ? [] : [[code, shape.name] as const];
  });
  if (custom.length === 0) return [`const code = ${wire};`];
  return [`let code = ${wire};`, `switch (${wire}) {`, ...custom.flatMap(([code, name]) => [`  case ${JSON.stringify(code)}:`, `    code = ${JSON.stringify(name)};`, `    break;`]), `}`];
}
