// restXml, response side: HTTP bindings (status, headers, prefix headers, payload) from the
// shared binding layer (http/response.ts), the rest from the XML document of the body, whose
// root element holds the members (its name is not checked). A structure or union
// `@httpPayload` is the root element itself. An error is the `<Error>` of
// `<ErrorResponse><Error><Code>…` (or, `@restXml(noErrorWrapping: true)` as S3 sends them, the
// root `<Error>`; either form is read whatever the trait says), its members in that element;
// the request id is the `<RequestId>` beside it, else the header. An event stream payload is not
// read (a warning says so).
//
//   @http(method: "GET", uri: "/things/{Id}") output GetThingOutput { @httpHeader("X-Count") Count: Integer, Note: String }
//   HTTP 200, X-Count: 2, body <GetThingOutput><Note>x&lt;y</Note></GetThingOutput>
//   → { Count: 2, Note: "x<y" }
//   HTTP 404, body <ErrorResponse><Error><Code>NotFound</Code><Message>gone</Message></Error><RequestId>r1</RequestId></ErrorResponse>
//   → throws NotFound { message: "gone", $code: "NotFound", $requestId: "r1" }

import { shapeOf, type Member, type StructureShape } from "../../model/ir.js";
import { setProperty } from "../../emit/print.js";
import type { DeserializerContext, ResponsePlan, ResponseProtocol } from "../protocol.js";
import { httpResponse, type BodyReader } from "../http/response.js";
import { fillMissing, xmlReadElement, xmlReadMembers, xmlReader } from "../codecs/xml/reader.js";
import { xmlErrorPlan } from "../codecs/xml/response.js";
import { XML_READER } from "../symbols.js";
import { append } from "../../lists.js";

/**
 * The XML body reader of one output or error structure. `parsed` (errors) names the `<Error>`
 * element the error plan found; otherwise the lines parse the body. `unwrapped`: the root
 * element is the one body member itself (S3's `@s3UnwrappedXmlOutput`).
 */
function xmlBody(shape: StructureShape, unwrapped: boolean): BodyReader {
  return {
    members(ctx, members, out, parsed) {
      const r = xmlReader(ctx);
      const lines: string[] = [];
      let el = parsed;
      if (el === undefined) {
        lines.push(`const root = ${ctx.file.use(XML_READER.parseXmlBody)}(response.body);`);
        el = "root";
      }
      const read = unwrapped ? unwrappedMembers(ctx, shape, members, el, out) : xmlReadMembers(r, shape, members, el, out, `"$"`, false);
      append(lines, [`if (${el} !== undefined) {`, ...read.map((l) => "  " + l), `}`, ...fillMissing(r, members, out)]);
      return lines;
    },
    payload(ctx, member, out, parsed) {
      const r = xmlReader(ctx);
      const target = shapeOf(ctx.model, member.target);
      if (target.type === "union" && target.streaming) {
        ctx.diags.warning(
          "PROTOCOL_TRAIT_NOT_BUILT",
          `\`${shape.id}$${member.name}\` is an event stream (@streaming on \`${target.id}\`), which Shapesmith does not read yet: the deserializer leaves it out of the output`,
          { hint: "Read the event stream's frames (application/vnd.amazon.eventstream) from the raw response yourself." },
        );
        return [];
      }
      const el = parsed ?? "root";
      return [
        ...(parsed === undefined ? [`const root = ${ctx.file.use(XML_READER.parseXmlBody)}(response.body);`] : []),
        `if (${el} !== undefined) ${setProperty(out, member.name, xmlReadElement(r, el, member, `"$"`))}`,
      ];
    },
  };
}

/** The members of an unwrapped output: the root element is the member's element. */
function unwrappedMembers(ctx: DeserializerContext, shape: StructureShape, members: readonly Member[], el: string, out: string): string[] {
  const holder = `{ name: "", attributes: {}, children: [${el}], text: "" }`;
  return [`const holder: ${ctx.file.use(XML_READER.XmlElement)} = ${holder};`, ...xmlReadMembers(xmlReader(ctx), shape, members, "holder", out, `"$"`, false)];
}

export const restXmlResponse: ResponseProtocol = {
  output(ctx, op, output): ResponsePlan {
    if (output === undefined) return { lines: [], output: "{}" };
    return httpResponse(ctx, output, xmlBody(output, op.s3UnwrappedXmlOutput === true));
  },
  error: (ctx) => xmlErrorPlan(ctx),
  errorMembers(ctx, shape): ResponsePlan {
    return httpResponse(ctx, shape, xmlBody(shape, false), "body");
  },
};
