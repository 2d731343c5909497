// AWS service customizations: request rules that some AWS services need and that no Smithy trait
// states, keyed by the service's `@aws.api#service(sdkId)`, as the AWS SDKs apply them. They
// apply on top of whatever protocol the service uses.
//
//   sdkId "API Gateway"      → every request sends `Accept: application/json`
//   sdkId "Glacier"          → `X-Amz-Glacier-Version: <service version>`; an empty or unset
//                              `accountId` label becomes "-" (the caller's account); a body gets
//                              `X-Amz-Content-Sha256` and `X-Amz-Sha256-Tree-Hash`
//   sdkId "Machine Learning" → `Predict` is sent to the endpoint named by its `PredictEndpoint`
//
//   customize(ctx, Glacier UploadArchive, input) → { before: ['if (!input.accountId) input = { ...input, accountId: "-" };'],
//     after: (body) => ['headers["X-Amz-Glacier-Version"] = "2012-06-01";', ...], properties: [] }

import type { Operation, StructureShape } from "../../model/ir.js";
import { propertyAccess } from "../../naming/names.js";
import type { SerializerContext } from "../protocol.js";
import { SHA256 } from "../symbols.js";

export interface Customization {
  /** Statements before the protocol plans the request; they may rebind `input`. */
  readonly before: readonly string[];
  /** Statements after the plan (`headers` in scope), given the final body's expression if any. */
  after(body: string | undefined): string[];
  /** Extra properties of the returned request: `[key, expression]`. */
  readonly properties: readonly (readonly [string, string])[];
}

const NONE: Customization = { before: [], after: () => [], properties: [] };

export function customize(ctx: SerializerContext, op: Operation, input: StructureShape | undefined): Customization {
  const member = (name: string) => input?.members.find((m) => m.name === name);
  switch (ctx.model.service.sdkId) {
    case "API Gateway":
      return { ...NONE, after: () => [`headers["Accept"] = "application/json";`] };
    case "Glacier": {
      const account = member("accountId");
      const before = account ? [`if (!${propertyAccess("input", account.name)}) input = { ...input, accountId: "-" };`] : [];
      const version = ctx.model.service.version;
      return {
        before,
        properties: [],
        after: (body) => [
          ...(version !== undefined ? [`headers["X-Amz-Glacier-Version"] = ${JSON.stringify(version)};`] : []),
          ...(body === undefined
            ? []
            : [
                `if (${body} !== undefined) {`,
                `  headers["X-Amz-Content-Sha256"] = ${ctx.file.use(SHA256.sha256Hex)}(${body});`,
                `  headers["X-Amz-Sha256-Tree-Hash"] = ${ctx.file.use(SHA256.sha256TreeHex)}(${body});`,
                `}`,
              ]),
        ],
      };
    }
    case "Machine Learning": {
      const endpoint = op.name === "Predict" ? member("PredictEndpoint") : undefined;
      return endpoint ? { ...NONE, properties: [["endpoint", propertyAccess("input", endpoint.name)]] } : NONE;
    }
    default:
      return NONE;
  }
}
