// Requests per second of our generated InitiateAuth serializer against the AWS SDK v3 client's own
// serializer, in the same process: the same inputs, rounds interleaved, median of each.
//
//   const lines = await benchSerializers(serializeInitiateAuthRequest);
//   → ["serializers: InitiateAuth, generated 2.1 M/s, @aws-sdk/client-cognito-identity-provider 3.1169.0 0.15 M/s → 14.0×"]
//
// The SDK serializes through its protocol object (schema serde, AwsJson1_1Protocol) from its
// serialize middleware: `config.protocol.serializeRequest(operation, input, context)`. We call
// exactly that, with the client's resolved config and a fixed endpoint, so no other middleware
// (endpoint rules, signing, retries) is timed. It is async by design; each call is awaited.
// Both produce an HTTP request with method, path, headers and a JSON body string.

import { CognitoIdentityProviderClient, InitiateAuth$ } from "@aws-sdk/client-cognito-identity-provider";
import { operation } from "@smithy/core/schema";
import { createRequire } from "node:module";
import { VALID_INPUTS } from "./validators.js";

type Serialize = (input: never) => { body?: unknown };

interface SdkProtocol {
  serializeRequest(op: unknown, input: unknown, context: unknown): Promise<{ body?: unknown }>;
}

const ROUNDS = 7;
const BATCH = 20_000;

export async function benchSerializers(ours: Serialize): Promise<string[]> {
  process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1";
  const version = (createRequire(import.meta.url)("@aws-sdk/client-cognito-identity-provider/package.json") as { version: string }).version;
  const client = new CognitoIdentityProviderClient({ region: "us-east-1", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" } });
  const config = client.config as unknown as { protocol: SdkProtocol } & Record<string, unknown>;
  const protocol = config.protocol;
  const [, ns, name, traits, input, output] = InitiateAuth$ as unknown as [number, string, string, never, never, never];
  const op = operation(ns, name, traits, input, output);
  const endpoint = { protocol: "https:", hostname: "cognito-idp.us-east-1.amazonaws.com", path: "/" };
  const context = { ...config, endpoint: async () => endpoint };
  const inputs = VALID_INPUTS as never[];

  // Warm up both, and check they make the same body (the benchmark compares like with like).
  for (let i = 0; i < 2000; i++) {
    ours(inputs[i % inputs.length]!);
    await protocol.serializeRequest(op, inputs[i % inputs.length], context);
  }
  for (const value of inputs) {
    const a = JSON.parse(String(ours(value).body)) as unknown;
    const sdkBody = (await protocol.serializeRequest(op, value, context)).body;
    const b = JSON.parse(typeof sdkBody === "string" ? sdkBody : new TextDecoder().decode(sdkBody as Uint8Array)) as unknown;
    if (canonical(a) !== canonical(b)) throw new Error("our body and the SDK's differ: the benchmark would compare unlike work");
  }

  const oursRates: number[] = [];
  const sdkRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    for (let i = 0; i < BATCH; i++) ours(inputs[i % inputs.length]!);
    oursRates.push(BATCH / ((performance.now() - start) / 1000));
    start = performance.now();
    for (let i = 0; i < BATCH; i++) await protocol.serializeRequest(op, inputs[i % inputs.length], context);
    sdkRates.push(BATCH / ((performance.now() - start) / 1000));
  }
  client.destroy();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const a = median(oursRates);
  const b = median(sdkRates);
  const rate = (r: number) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : `${(r / 1e3).toFixed(0)} k/s`);
  return [`serializers: InitiateAuth, generated ${rate(a)}, @aws-sdk/client-cognito-identity-provider ${version} serializeRequest ${rate(b)} → ${(a / b).toFixed(1)}×`];
}

/** JSON with object keys sorted (the SDK writes required members first; key order carries no meaning). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
