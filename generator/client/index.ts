// The client file of a model, `client.ts`: `create<Service>Client(config)` with one async method
// per operation, built on the folder's serializers, deserializers (and validators), the endpoint
// rules (`endpoints.ts`), SigV4 (`sigv4.ts`) and the transport (`transport.ts`: retries, timeouts).
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
import type { ResolvedModel } from "../model/ir.js";
import { assignClientNames } from "../naming/client.js";
import type { Names } from "../naming/names.js";
import { pickProtocol } from "../protocols/registry.js";
import { printAwsClient, type AwsClientPlan } from "./aws.js";
import type { ClientFolder } from "./shared.js";

export type { ClientFolder } from "./shared.js";

export function emitClient(model: ResolvedModel, names: Names, diags: Diagnostics, folder: ClientFolder): GeneratedFile | undefined {
  if (model.operations.length === 0 || !folder.has("serializers.ts") || !folder.has("deserializers.ts")) return undefined;
  // The serializers already warned about a protocol Shapesmith does not know.
  const picked = pickProtocol(model, new Diagnostics());
  if (picked === undefined || picked.protocol.response === undefined) return undefined;
  const file = new GeneratedFile("client.ts");
  const client = assignClientNames(model, names, diags);
  const plan: AwsClientPlan = { signing: () => "none" };
  printAwsClient(file, model, names, client, folder, plan, diags);
  // What a caller of the client needs besides the client itself.
  file.line(``, `export { NetworkError, RequestValidationError, type CallOptions } from "./transport.js";`);
  return file;
}
