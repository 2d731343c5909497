// ec2Query, response side: the body is an XML document whose root `<OpResponse>` holds the
// output's members directly (no Result wrapper; HTTP bindings are ignored). An error is the
// `<Error>` of `<Response><Errors><Error><Code>…`, with the `<RequestID>` beside `<Errors>`.
//
//   operation GetThing, output { name: String }
//   <GetThingResponse><name>x</name><requestId>r</requestId></GetThingResponse> → { name: "x" }
//   <Response><Errors><Error><Code>InvalidThing</Code><Message>Hi</Message></Error></Errors><RequestID>r1</RequestID></Response>
//   → throws InvalidThing { message: "Hi", $code: "InvalidThing", $requestId: "r1" }

import type { ResponseProtocol } from "../protocol.js";
import { xmlDocumentPlan, xmlErrorMembersPlan, xmlErrorPlan } from "../codecs/xml/response.js";

export const ec2QueryResponse: ResponseProtocol = {
  output: (ctx, _op, output) => (output === undefined ? { lines: [], output: "{}" } : xmlDocumentPlan(ctx, output)),
  error: (ctx) => xmlErrorPlan(ctx),
  errorMembers: xmlErrorMembersPlan,
};
