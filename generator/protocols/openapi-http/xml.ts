// The XML codec of OpenAPI bodies (`application/xml`, `+xml`): the XML codec writer over the
// XML traits the front end read from the schemas' `xml` objects (name, namespace, prefix,
// attribute, wrapped). The root element is named by the body schema's `xml.name`, else by its
// shape's name (a component's name).
//
//   requestBody application/xml: { $ref: Pet }, Pet { xml: { name: pet }, properties: { id: { xml: { attribute: true } }, tags: array } }
//   { id: 1, name: "Rex", tags: ["a", "b"] }
//   → '<?xml version="1.0" encoding="UTF-8"?><pet id="1"><name>Rex</name><tags>a</tags><tags>b</tags></pet>'

import { shapeOf, type StructureShape } from "../../model/ir.js";
import type { BodyCodec } from "../http/binding.js";
import { XML_DECLARATION, rootXmlns, xmlDocumentOfMembers, xmlElementExpr, xmlWriter } from "../codecs/xml/writer.js";

export function xmlBody(input: StructureShape | undefined, contentType: string): BodyCodec {
  return {
    members(ctx, members) {
      if (input === undefined) throw new Error("internal: body members without an input structure");
      const w = xmlWriter(ctx);
      const doc = xmlDocumentOfMembers(w, input, members, "input", input.xml?.name ?? input.name, rootXmlns(w, input.xml));
      return { lines: doc.lines, body: doc.body, contentType };
    },
    payload(ctx, member, access) {
      const w = xmlWriter(ctx);
      const target = shapeOf(ctx.model, member.target);
      const tag = member.xml?.name ?? target.xml?.name ?? target.name;
      const element = xmlElementExpr(w, access, member, tag, rootXmlns(w, member.xml, target.xml), `The XML body of \`${input?.id ?? "?"}\``);
      return { body: element === undefined ? `""` : `${JSON.stringify(XML_DECLARATION)} + ${element}`, contentType };
    },
  };
}
