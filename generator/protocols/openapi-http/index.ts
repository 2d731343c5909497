// OpenAPI's plain HTTP: the document's parameters (path, query, header, cookie, with their
// `style` and `explode`) through the HTTP binding layer, and a request body as its media type
// says: JSON (with `date-time` timestamps) or a URL-encoded form.
//
//   GET /pets/{petId}?tags=a&tags=b  →  { method: "GET", path: "/pets/7", query: ["tags=a", "tags=b"], headers: {} }
//   POST /pets (form) { name: "Rex", tags: ["a"] }  →  body "name=Rex&tags=a",
//     headers: { "Content-Type": "application/x-www-form-urlencoded" }

import { shapeOf, OPENAPI_HTTP, type Member } from "../../model/ir.js";
import type { Protocol, SerializerContext } from "../protocol.js";
import { setProperty } from "../../emit/print.js";
import { propertyAccess } from "../../naming/names.js";
import { httpRequest, ifPresent, scalarString, type BodyCodec } from "../http/binding.js";
import { jsonMemberName, jsonValue, jsonWriter } from "../codecs/json/writer.js";

const JSON_OPTIONS = { useJsonName: true, defaultTimestamp: "date-time" } as const;

const jsonBody: BodyCodec = {
  members(ctx, members) {
    const w = jsonWriter(ctx, JSON_OPTIONS);
    const lines = [`const body: Record<string, unknown> = {};`];
    for (const m of members) {
      const access = propertyAccess("input", m.name);
      lines.push(...ifPresent(access, [setProperty("body", jsonMemberName(w, m), jsonValue(w, access, m))]));
    }
    return { lines, body: "JSON.stringify(body)", contentType: "application/json" };
  },
  payload(ctx, member, access) {
    return { body: `JSON.stringify(${jsonValue(jsonWriter(ctx, JSON_OPTIONS), access, member)})`, contentType: "application/json" };
  },
};

const formBody: BodyCodec = {
  members(ctx, members) {
    const w = jsonWriter(ctx, JSON_OPTIONS);
    const lines = [`const form: string[] = [];`];
    for (const m of members) {
      const access = propertyAccess("input", m.name);
      const key = JSON.stringify(encodeURIComponent(jsonMemberName(w, m)) + "=");
      lines.push(...ifPresent(access, formFieldLines(ctx, m, access, key)));
    }
    return { lines, body: `form.join("&")`, contentType: "application/x-www-form-urlencoded" };
  },
  payload: jsonBody.payload,
};

function formFieldLines(ctx: SerializerContext, m: Member, access: string, key: string): string[] {
  const shape = shapeOf(ctx.model, m.target);
  if (shape.type === "list") {
    return [`for (const item of ${access}) form.push(${key} + encodeURIComponent(${scalarString(ctx, shape.member, "item", "query")}));`];
  }
  if (shape.type === "map" || shape.type === "structure" || shape.type === "document" || shape.type === "union" || shape.type === "alternatives") {
    return [`form.push(${key} + encodeURIComponent(JSON.stringify(${jsonValue(jsonWriter(ctx, JSON_OPTIONS), access, m)})));`];
  }
  return [`form.push(${key} + encodeURIComponent(${scalarString(ctx, m, access, "query")}));`];
}

export const openApiHttp: Protocol = {
  id: OPENAPI_HTTP,
  name: "OpenAPI HTTP",
  request: (ctx, op, input) => httpRequest(ctx, op, input, { strictQuery: false, codec: op.http?.bodyEncoding === "form" ? formBody : jsonBody, emptyStructurePayload: false }),
};
