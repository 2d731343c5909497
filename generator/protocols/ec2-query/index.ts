// ec2Query: every request is `POST /` with a URL-encoded form body naming the operation and the
// service version, then the input's fields by the query codec's ec2Query rules (`@ec2QueryName`,
// else `@xmlName` or the member name with its first letter upper-cased; every list flattened as
// `Name.N`; an empty list not sent). HTTP binding traits are ignored. Responses: see
// response.ts.
//
//   service version "2020-01-08", operation QueryLists, input { listArg: ["a", "b"], Empty: [] } →
//   { method: "POST", path: "/", query: [],
//     headers: { "Content-Type": "application/x-www-form-urlencoded" },
//     body: "Action=QueryLists&Version=2020-01-08&ListArg.1=a&ListArg.2=b" }

import type { Protocol } from "../protocol.js";
import { ec2QueryResponse } from "./response.js";
import { queryBody, queryWriter } from "../codecs/query/writer.js";

export const ec2Query: Protocol = {
  id: "aws.protocols#ec2Query",
  name: "ec2Query",
  request(ctx, op, input) {
    const { lines, body } = queryBody(queryWriter(ctx, { dialect: "ec2Query" }), op, input);
    return {
      lines: [`const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };`, ...lines],
      method: `"POST"`,
      path: `"/"`,
      query: "[]",
      body,
    };
  },
  response: ec2QueryResponse,
};
