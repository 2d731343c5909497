// restXml: the HTTP binding traits place members in the path, query and headers; the rest go in
// an XML document whose root element is named after the input structure (or its `@xmlName`), or
// a structure / union `@httpPayload` member is the document, its root named by the member's
// `@xmlName`, else the target's `@xmlName` or name. The service's `@xmlNamespace` (else the
// root shape's) is the root's `xmlns`. Timestamps in the body are date-time. An unset payload
// sends no body, and so does an input none of whose body members is set (as the AWS SDKs do:
// Route 53's ChangeTagsForResource without tags is a POST without a body, not an empty root).
// Responses: see response.ts.
//
//   @http(method: "PUT", uri: "/things/{Id}") input PutThingRequest { @httpLabel Id: String, @xmlAttribute lang: String, Note: String }
//   { Id: "a b", lang: "en", Note: "x<y" } →
//   { method: "PUT", path: "/things/a%20b", query: [], headers: { "Content-Type": "application/xml" },
//     body: '<?xml version="1.0" encoding="UTF-8"?><PutThingRequest lang="en"><Note>x&lt;y</Note></PutThingRequest>' }

import { shapeOf, type StructureShape } from "../../model/ir.js";
import { propertyAccess } from "../../naming/names.js";
import type { Protocol } from "../protocol.js";
import { httpRequest, type BodyCodec } from "../http/binding.js";
import { restXmlResponse } from "./response.js";
import { XML_DECLARATION, rootXmlns, xmlDocumentOfMembers, xmlElementExpr, xmlWriter } from "../codecs/xml/writer.js";

const CONTENT_TYPE = "application/xml";

/** The XML body codec of one operation (the root element is named after its input). */
function xmlBody(input: StructureShape | undefined): BodyCodec {
  return {
    members(ctx, members) {
      if (input === undefined) throw new Error("internal: body members without an input structure");
      const w = xmlWriter(ctx);
      const doc = xmlDocumentOfMembers(w, input, members, "input", input.xml?.name ?? input.name, rootXmlns(w, input.xml));
      const anySet = members.map((m) => `${propertyAccess("input", m.name)} !== undefined`).join(" || ");
      return { lines: doc.lines, body: `${anySet} ? ${doc.body} : undefined`, contentType: CONTENT_TYPE, optionalBody: true };
    },
    payload(ctx, member, access) {
      const w = xmlWriter(ctx);
      const target = shapeOf(ctx.model, member.target);
      const tag = member.xml?.name ?? target.xml?.name ?? target.name;
      const where = `The @httpPayload member \`${input?.id ?? "?"}$${member.name}\``;
      const element = xmlElementExpr(w, access, member, tag, rootXmlns(w, member.xml, target.xml), where);
      return { body: element === undefined ? `""` : `${JSON.stringify(XML_DECLARATION)} + ${element}`, contentType: CONTENT_TYPE };
    },
  };
}

export const restXml: Protocol = {
  id: "aws.protocols#restXml",
  name: "restXml",
  request: (ctx, op, input) => httpRequest(ctx, op, input, { strictQuery: true, codec: xmlBody(input), emptyStructurePayload: false }),
  response: restXmlResponse,
};
