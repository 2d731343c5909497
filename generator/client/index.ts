// The client file of a model, `client.ts`: `create<Service>Client(config)` with one async method
// per operation, built on the folder's serializers, deserializers (and validators), the transport
// (`transport.ts`: retries, timeouts) and, for AWS models (aws.ts), the endpoint rules
// (`endpoints.ts`) and SigV4 (`sigv4.ts`); for OpenAPI documents (openapi.ts), the servers and
// security schemes of the document.
//
//   service AWSCognitoIdentityProviderService (sdkId "Cognito Identity Provider"), operation InitiateAuth →
//   export function createCognitoIdentityProviderClient(config: CognitoIdentityProviderClientConfig = {}): CognitoIdentityProviderClient {
//     const context = createCognitoIdentityProviderContext(config);
//     return { initiateAuth: (input, options) => initiateAuth(context, input, options) };
//   }
//   (plus the config and context types, one exported function per operation, and the steps of a call)
//
// No client (undefined) when the folder cannot make one: no operations, or a protocol whose
// requests or responses Shapesmith does not build.

import { Diagnostics } from "../diagnostics.js";
import { GeneratedFile } from "../emit/file-builder.js";
import { OPENAPI_HTTP, operationAuth, type Operation, type ResolvedModel } from "../model/ir.js";
import { assignClientNames } from "../naming/client.js";
import type { Names } from "../naming/names.js";
import { pickProtocol } from "../protocols/registry.js";
import { printAwsClient, type AwsClientPlan, type Signing } from "./aws.js";
import { printOpenApiClient } from "./openapi.js";
import type { ClientFolder } from "./shared.js";
import type { DocLines } from "../docs/tsdoc.js";

export type { ClientFolder } from "./shared.js";

/** `docs`: the run's memo of documentation lines (docs/memo.ts), when the caller keeps one. */
export function emitClient(model: ResolvedModel, names: Names, diags: Diagnostics, folder: ClientFolder, docs?: DocLines): GeneratedFile | undefined {
  if (model.operations.length === 0 || !folder.has("serializers.ts") || !folder.has("deserializers.ts")) return undefined;
  // The serializers already warned about a protocol Shapesmith does not know.
  const picked = pickProtocol(model, new Diagnostics());
  if (picked === undefined || picked.protocol.response === undefined) return undefined;
  const file = new GeneratedFile("client.ts");
  const client = assignClientNames(model, names, diags);
  if (picked.protocol.id === OPENAPI_HTTP) printOpenApiClient(file, model, names, client, folder, docs);
  else {
    // The AWS client is printed in the formatter's layout (generator/emit/layout.ts).
    file.printsFinalLayout();
    printAwsClient(file, model, names, client, folder, awsPlan(model, diags), diags, docs);
  }
  // What a caller of the client needs besides the client itself.
  file.line(``, `export { NetworkError, RequestValidationError, type CallOptions } from "./transport.js";`);
  return file;
}

/**
 * How each operation is signed, from the model's auth schemes (`operationAuth`): SigV4 when its
 * schemes include `aws.auth#sigv4` (whatever their order: the client implements only that one),
 * SigV4 when credentials exist with `@optionalAuth`, unsigned with `@auth([])` or no scheme. An
 * operation whose schemes are all ones the client does not implement is sent unsigned, with a
 * warning naming them.
 */
function awsPlan(model: ResolvedModel, diags: Diagnostics): AwsClientPlan {
  const signingName = (model.service.auth ?? []).find((s) => s.type === "sigv4")?.name;
  const unsupported = new Map<string, string[]>();
  const signing = (op: Operation): Signing => {
    const schemes = operationAuth(model.service, op);
    if (schemes.length === 0) return "none";
    const sigv4 = schemes.find((s) => s.type === "sigv4");
    if (sigv4 === undefined) {
      const ids = schemes.map((s) => s.id).join(", ");
      unsupported.set(ids, [...(unsupported.get(ids) ?? []), op.name]);
      return "none";
    }
    if (op.optionalAuth === true) return "optional";
    return op.unsignedPayload === true ? "sigv4-unsigned-payload" : "sigv4";
  };
  const decided = new Map(model.operations.map((op) => [op.id, signing(op)] as const));
  for (const [ids, ops] of unsupported) {
    diags.warning("CLIENT_AUTH_NOT_BUILT", `The client of \`${model.service.id}\` sends ${ops.length === 1 ? `\`${ops[0]}\`` : `${ops.length} operations (${ops.slice(0, 3).join(", ")}${ops.length > 3 ? ", ..." : ""})`} unauthenticated: it implements none of their auth schemes (${ids})`, {
      hint: "Add the credentials in your own fetch (config.fetch), or call these operations with another SDK.",
    });
  }
  return { signing: (op) => decided.get(op.id) ?? "none", ...(signingName === undefined ? {} : { signingName }) };
}
