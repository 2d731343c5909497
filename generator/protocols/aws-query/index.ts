// awsQuery: every request is `POST /` with a URL-encoded form body naming the operation and the
// service version, then the input's fields by the query codec's awsQuery rules (`@xmlName`,
// `Name.member.N` lists, `Name.entry.N.key` maps, `@xmlFlattened`, empty lists as `Name=`).
// HTTP binding traits are ignored. Responses: see response.ts.
//
//   service version "2020-01-08", operation QueryLists, input { ListArg: ["a", "b"], Empty: [] } →
//   { method: "POST", path: "/", query: [],
//     headers: { "Content-Type": "application/x-www-form-urlencoded" },
//     body: "Action=QueryLists&Version=2020-01-08&ListArg.member.1=a&ListArg.member.2=b&Empty=" }

import type { Protocol } from "../protocol.js";
import { awsQueryResponse } from "./response.js";
import { queryBody, queryWriter } from "../codecs/query/writer.js";

export const awsQuery: Protocol = {
  id: "aws.protocols#awsQuery",
  name: "awsQuery",
  request(ctx, op, input) {
    const { lines, body } = queryBody(queryWriter(ctx, { dialect: "awsQuery" }), op, input);
    return {
      lines: [`const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };`, ...lines],
      method: `"POST"`,
      path: `"/"`,
      query: "[]",
      body,
    };
  },
  response: awsQueryResponse,
};
