// What the XML protocols (restXml, awsQuery, ec2Query) share on the response side, built on the
// XML codec reader: a whole document read as a structure (the wrapper element it sits in picked
// by the protocol), and how an error is identified in an XML error document.
//
//   xmlDocumentPlan(ctx, output GetThingOutput, (root) => `xmlChild(${root}, "GetThingResult")`)
//   → { lines: ['const output = xml_GetThingOutput(xmlChild(parseXmlBody(response.body), "GetThingResult") ?? EMPTY_XML_ELEMENT, "$");'],
//       output: "output" }
//   xmlErrorPlan(ctx)
//   → { lines: ["const root = parseXmlErrorBody(response.body);", "const body = xmlErrorElement(root);",
//               'const code = xmlErrorField(body, "Code");'],
//       bodyType: "XmlElement | undefined", message: 'xmlErrorField(body, "Message")', requestId: "xmlRequestId(root, body)" }
//
// The `<Error>` element is found in any of the forms the protocols send (`<ErrorResponse><Error>`,
// S3's bare `<Error>`, ec2's `<Response><Errors><Error>`: see `xmlErrorElement` in
// xml-reader.ts); an error body that is no XML still gives an error (`body` undefined).

import type { StructureShape } from "../../../model/ir.js";
import type { DeserializerContext, ErrorPlan, ResponsePlan } from "../../protocol.js";
import { XML_READER } from "../../symbols.js";
import { xmlReadElement, xmlReader } from "./reader.js";

/**
 * The plan reading a structure (an output, or an error's members from `body`) from the element
 * `wrapper(root)` of the parsed body (`root` when no wrapper is given); a missing element reads
 * as an empty one (every member absent, defaults filled).
 */
export function xmlDocumentPlan(ctx: DeserializerContext, shape: StructureShape, wrapper: (root: string) => string = (root) => root): ResponsePlan {
  const file = ctx.file;
  const el = wrapper(`${file.use(XML_READER.parseXmlBody)}(response.body)`);
  return { lines: [`const output = ${xmlReadElement(xmlReader(ctx), `${el} ?? ${file.use(XML_READER.EMPTY_XML_ELEMENT)}`, { target: shape.id }, `"$"`)};`], output: "output" };
}

/** The plan reading an error's members from the `<Error>` element the error plan found (`body`). */
export function xmlErrorMembersPlan(ctx: DeserializerContext, shape: StructureShape): ResponsePlan {
  return { lines: [`const output = ${xmlReadElement(xmlReader(ctx), `body ?? ${ctx.file.use(XML_READER.EMPTY_XML_ELEMENT)}`, { target: shape.id }, `"$"`)};`], output: "output" };
}

/**
 * How the XML protocols identify an error: `body` is the `<Error>` element (undefined when the
 * body is no XML), `code` its `<Code>`; the message is its `<Message>`, the request id the
 * `<RequestId>` (`<RequestID>`) of the document. With `codeLines`, the `<Code>` is the wire code
 * (`$code`) and the lines declare `code`, the shape name it stands for.
 */
export function xmlErrorPlan(ctx: DeserializerContext, codeLines?: (wire: string) => string[]): ErrorPlan {
  const file = ctx.file;
  const field = file.use(XML_READER.xmlErrorField);
  const lines = [`const root = ${file.use(XML_READER.parseXmlErrorBody)}(response.body);`, `const body = ${file.use(XML_READER.xmlErrorElement)}(root);`];
  const plan = {
    bodyType: `${file.use(XML_READER.XmlElement)} | undefined`,
    message: `${field}(body, "Message")`,
    requestId: `${file.use(XML_READER.xmlRequestId)}(root, body)`,
  };
  if (codeLines === undefined) return { lines: [...lines, `const code = ${field}(body, "Code");`], ...plan };
  return { lines: [...lines, `const wireCode = ${field}(body, "Code");`, ...codeLines("wireCode")], ...plan, wireCode: "wireCode" };
}
