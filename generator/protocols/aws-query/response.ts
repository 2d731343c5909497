// awsQuery and ec2Query, response side: the body is an XML document, HTTP bindings are ignored.
// awsQuery wraps the output's members in `<OpResponse><OpResult>…`, ec2Query in `<OpResponse>`
// only (names of the root and the result element are not checked beyond that). Errors:
// awsQuery's `<ErrorResponse><Error><Code>`, mapped to the error shape through its
// `@awsQueryError` code (the wire code stays the error's `$code`); ec2Query's
// `<Response><Errors><Error><Code>` with the `<RequestID>` beside `<Errors>`.
//
//   awsQuery operation GetThing, output { Name: String }
//   <GetThingResponse><GetThingResult><Name>x</Name></GetThingResult></GetThingResponse> → { Name: "x" }
//   @awsQueryError(code: "Customized", httpResponseCode: 402) structure CustomCodeError { Message: String }
//   <ErrorResponse><Error><Code>Customized</Code><Message>Hi</Message></Error></ErrorResponse>
//   → throws CustomCodeError { message: "Hi", $code: "Customized" }

import type { Operation } from "../../model/ir.js";
import type { DeserializerContext, ErrorPlan, ResponsePlan, ResponseProtocol } from "../protocol.js";
import { xmlReadElement, xmlReader } from "../codecs/xml/reader.js";
import { xmlErrorPlan } from "../rest-xml/response.js";
import { XML_READER } from "../symbols.js";
import { operationErrors } from "../deserializers.js";

export function queryResponse(dialect: "awsQuery" | "ec2Query"): ResponseProtocol {
  return {
    output(ctx, op, output): ResponsePlan {
      if (output === undefined) return { lines: [], output: "{}" };
      const file = ctx.file;
      const root = `${file.use(XML_READER.parseXmlBody)}(response.body)`;
      const el = dialect === "awsQuery" ? `${file.use(XML_READER.xmlChild)}(${root}, ${JSON.stringify(op.name + "Result")})` : root;
      return { lines: [`const output = ${xmlReadElement(xmlReader(ctx), `${el} ?? ${file.use(XML_READER.EMPTY_XML_ELEMENT)}`, { target: output.id }, `"$"`)};`], output: "output" };
    },
    error(ctx, op): ErrorPlan {
      return dialect === "awsQuery" ? xmlErrorPlan(ctx, (wire) => queryErrorCode(ctx, op, wire)) : xmlErrorPlan(ctx);
    },
    errorMembers(ctx, shape): ResponsePlan {
      return {
        lines: [`const output = ${xmlReadElement(xmlReader(ctx), `body ?? ${ctx.file.use(XML_READER.EMPTY_XML_ELEMENT)}`, { target: shape.id }, `"$"`)};`],
        output: "output",
      };
    },
  };
}

/** `const code = …`: the error shape's name of the wire code `wire`, through the `@awsQueryError` codes of the operation's errors. */
function queryErrorCode(ctx: DeserializerContext, op: Operation, wire: string): string[] {
  const custom = operationErrors(ctx.model, op).flatMap((shape) => {
    const code = shape.awsQueryError?.code;
    return code === undefined || code === shape.name ? [] : [[code, shape.name] as const];
  });
  if (custom.length === 0) return [`const code = ${wire};`];
  return [`let code = ${wire};`, `switch (${wire}) {`, ...custom.flatMap(([code, name]) => [`  case ${JSON.stringify(code)}:`, `    code = ${JSON.stringify(name)};`, `    break;`]), `}`];
}
