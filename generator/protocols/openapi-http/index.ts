// OpenAPI's plain HTTP: the document's parameters (path, query, header, cookie, with their
// `style` and `explode`, by the OpenAPI style table) through the HTTP binding layer, and a
// request body as its media type says: JSON (also `+json` types; `date-time` timestamps), a
// URL-encoded form (form.ts: the Encoding Object), multipart/form-data (multipart.ts), XML from
// the `xml` objects (xml.ts), raw bytes or text. Paths start with the `servers` base path.
// Responses are read by status code and media type (response.ts). A path whose parameter is `.` or
// `..` is refused (runtime.ts noDotSegments): URL parsing would remove that segment.
//
//   GET /pets/{petId}?tags=a&tags=b  →  { method: "GET", path: "/v1/pets/7", query: ["tags=a", "tags=b"], headers: {} }
//   POST /pets (form; tags: deepObject) { name: "Rex", tags: ["a"] }  →  body "name=Rex&tags%5B0%5D=a",
//     headers: { "Content-Type": "application/x-www-form-urlencoded" }

import { OPENAPI_HTTP, type Operation, type StructureShape } from "../../model/ir.js";
import type { Protocol } from "../protocol.js";
import { setProperty } from "../../emit/print.js";
import { RUNTIME } from "../symbols.js";
import { propertyAccess } from "../../naming/names.js";
import { httpRequest, ifPresent, type BodyCodec } from "../http/binding.js";
import { jsonMemberName, jsonText, jsonValue, jsonWriter } from "../codecs/json/writer.js";
import { formBody, JSON_OPTIONS } from "./form.js";
import { multipartBody } from "./multipart.js";
import { xmlBody } from "./xml.js";
import { openApiResponse } from "./response.js";
import { append } from "../../lists.js";

const jsonBody: BodyCodec = {
  members(ctx, members) {
    const w = jsonWriter(ctx, JSON_OPTIONS);
    const lines = [`const body: Record<string, unknown> = {};`];
    for (const m of members) {
      const access = propertyAccess("input", m.name);
      append(lines, ifPresent(access, [setProperty("body", jsonMemberName(w, m), jsonValue(w, access, m))]));
    }
    return { lines, body: jsonText(w, "body", members), contentType: "application/json", empty: "Object.keys(body).length === 0" };
  },
  payload(ctx, member, access) {
    const w = jsonWriter(ctx, JSON_OPTIONS);
    return { body: jsonText(w, jsonValue(w, access, member), [member]), contentType: "application/json" };
  },
};

export const openApiHttp: Protocol = {
  id: OPENAPI_HTTP,
  name: "OpenAPI HTTP",
  request: (ctx, op, input) => {
    const plan = httpRequest(ctx, op, input, { strictQuery: true, codec: codecOf(op, input), emptyStructurePayload: false });
    // A path parameter `.` or `..` would be removed as a dot segment: refused (runtime.ts noDotSegments).
    const labelled = input?.members.some((m) => m.http?.location === "label") === true;
    return labelled ? { ...plan, path: `${ctx.file.use(RUNTIME.noDotSegments)}(${plan.path})` } : plan;
  },
  response: openApiResponse,
};

function codecOf(op: Operation, input: StructureShape | undefined): BodyCodec {
  const encoding = op.http?.bodyEncoding ?? "json";
  switch (encoding) {
    case "json":
      return jsonBody;
    case "form":
      return formBody(jsonBody);
    case "multipart":
      return multipartBody(jsonBody);
    case "xml":
      return xmlBody(input, op.http?.contentType ?? "application/xml");
    default: {
      const never: never = encoding;
      throw new Error(`internal: unknown body encoding ${String(never)}`);
    }
  }
}
