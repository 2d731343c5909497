// restJson1: the HTTP binding traits place members in the path, query and headers; the rest go
// in a JSON body by `@jsonName` (or a `@httpPayload` member is the body). Timestamps in the body
// are epoch seconds.
//
//   @http(method: "PUT", uri: "/things/{Id}") input { @httpLabel Id: String, Note: String }
//   { Id: "a b", Note: "x" } →
//   { method: "PUT", path: "/things/a%20b", query: [],
//     headers: { "Content-Type": "application/json" }, body: '{"Note":"x"}' }
//   Responses: see response.ts.

import type { Protocol } from "../protocol.js";
import { setProperty } from "../../emit/print.js";
import { propertyAccess } from "../../naming/names.js";
import { httpRequest, ifPresent, type BodyCodec } from "../http/binding.js";
import { jsonMemberName, jsonText, jsonValue, jsonWriter } from "../codecs/json/writer.js";
import { restJsonResponse } from "./response.js";
import { append } from "../../lists.js";

const jsonBody: BodyCodec = {
  members(ctx, members) {
    const w = jsonWriter(ctx, { useJsonName: true, defaultTimestamp: "epoch-seconds" });
    const lines = [`const json: Record<string, unknown> = {};`];
    for (const m of members) {
      const access = propertyAccess("input", m.name);
      append(lines, ifPresent(access, [setProperty("json", jsonMemberName(w, m), jsonValue(w, access, m))]));
    }
    return { lines, body: jsonText(w, "json", members), contentType: "application/json" };
  },
  payload(ctx, member, access) {
    const w = jsonWriter(ctx, { useJsonName: true, defaultTimestamp: "epoch-seconds" });
    return { body: jsonText(w, jsonValue(w, access, member), [member]), contentType: "application/json" };
  },
};

export const restJson1: Protocol = {
  id: "aws.protocols#restJson1",
  name: "restJson1",
  request: (ctx, op, input) => httpRequest(ctx, op, input, { strictQuery: true, codec: jsonBody, emptyStructurePayload: true }),
  response: restJsonResponse(),
};
