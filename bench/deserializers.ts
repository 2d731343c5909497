// Responses per second of our generated DescribeUserPool deserializer against the AWS SDK v3
// client's own deserializer, in the same process, on the same large response: rounds interleaved,
// median of each, and the ratio.
//
//   const lines = await benchDeserializers();
//   → ["deserializers: DescribeUserPool (96 KB JSON), generated 2.4 k/s, @aws-sdk/client-cognito-identity-provider 3.1169.0 deserializeResponse 0.9 k/s → 2.7×"]
//
// Ours: the real Cognito model (../shared/corpus/aws-smithy/cognito-identity-provider.json)
// generated in-process (format off) into .tmp/bench-deserializers/, transpiled with esbuild, and
// `deserializeDescribeUserPoolResponse` imported from it. The response: every member of
// DescribeUserPoolResponse filled, from the resolved model (lists of LIST_ITEMS items, maps of
// MAP_ENTRIES entries, about 90 KB of awsJson1_1), the body as bytes as a transport receives it.
// The SDK: its protocol object's `deserializeResponse(operation, context, response)` (schema
// serde, AwsJson1_1Protocol), as its deserialize middleware calls it, with the client's resolved
// config; it is async by design, each call is awaited. Both outputs are checked equal first
// (the SDK's `$metadata` aside), so the benchmark compares like with like.

import { CognitoIdentityProviderClient, DescribeUserPool$ } from "@aws-sdk/client-cognito-identity-provider";
import { operation } from "@smithy/core/schema";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { Diagnostics } from "../generator/diagnostics.js";
import { loadModels } from "../generator/frontends.js";
import type { ResolvedModel, Shape } from "../generator/model/ir.js";
import { generatedDeserializer, race, type SdkProtocol } from "./sdk-deserializer.js";

const ROOT = resolve(import.meta.dirname, "..");
const MODEL = resolve(ROOT, "../shared/corpus/aws-smithy/cognito-identity-provider.json");
const OUT = resolve(ROOT, ".tmp", "bench-deserializers");
const OPERATION = "com.amazonaws.cognitoidentityprovider#DescribeUserPool";
const LIST_ITEMS = 200;
const MAP_ENTRIES = 8;
const ROUNDS = 7;
const BATCH = 300;

export async function benchDeserializers(): Promise<string[]> {
  process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1";
  const text = readFileSync(MODEL, "utf8");
  const input = { name: "cognito", files: [{ path: MODEL, text }] };
  const ours = await generatedDeserializer(input, OUT, "deserializeDescribeUserPoolResponse");
  const [model] = loadModels([input], { readFile: () => undefined }, new Diagnostics());
  const op = model!.operations.find((o) => o.id === OPERATION);
  if (!op?.output) throw new Error(`${OPERATION} is not in the model`);
  const body = new TextEncoder().encode(JSON.stringify(fill(model!, op.output, 0, "DescribeUserPool")));
  const headers = { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "5c1b7f7a-0f5d-4b4e-9a59-0d2b2d1c1a1e" };

  const version = (createRequire(import.meta.url)("@aws-sdk/client-cognito-identity-provider/package.json") as { version: string }).version;
  const client = new CognitoIdentityProviderClient({ region: "us-east-1", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" } });
  const config = client.config as unknown as { protocol: SdkProtocol } & Record<string, unknown>;
  const [, ns, name, traits, inputSchema, outputSchema] = DescribeUserPool$ as unknown as [number, string, string, never, never, never];
  const sdkOp = operation(ns, name, traits, inputSchema, outputSchema);
  // The SDK reads the body and deletes headers from the response it is given: a fresh one per call.
  const sdk = () => config.protocol.deserializeResponse(sdkOp, config, { statusCode: 200, headers: { ...headers }, body: body.slice() });
  const mine = () => ours({ status: 200, headers, body });

  const { ours: r, sdk: s } = await race(mine, sdk, { warmup: 200, rounds: ROUNDS, batch: BATCH });
  client.destroy();
  const rate = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M/s` : `${(v / 1e3).toFixed(2)} k/s`);
  return [
    `deserializers: DescribeUserPool (${(body.length / 1024).toFixed(0)} KB JSON), generated ${rate(r)}, @aws-sdk/client-cognito-identity-provider ${version} deserializeResponse ${rate(s)} → ${(r / s).toFixed(1)}×`,
  ];
}

/** A JSON value with every member of the shape set (awsJson1_1: member names, epoch-second timestamps, base64 blobs). */
function fill(model: ResolvedModel, id: string, depth: number, seed: string): unknown {
  const shape: Shape | undefined = model.shapes.get(id);
  if (!shape) throw new Error(`no shape ${id}`);
  const n = seed.length;
  switch (shape.type) {
    case "string": {
      const max = shape.constraints.length?.max ?? 64;
      return `${seed.toLowerCase()}-value-${n}`.slice(0, Math.max(1, Math.min(max, 64)));
    }
    case "enum":
      return shape.values[n % shape.values.length]!.value;
    case "intEnum":
      return shape.values[n % shape.values.length]!.value;
    case "number":
      return shape.kind === "float" || shape.kind === "double" ? n + 0.5 : n;
    case "boolean":
      return n % 2 === 0;
    case "timestamp":
      return 1_700_000_000 + n + 0.25;
    case "blob":
      return Buffer.from(seed).toString("base64");
    case "document":
      return { seed, n };
    case "list":
      return depth > 4 ? [] : Array.from({ length: LIST_ITEMS }, (_, i) => fill(model, shape.member.target, depth + 1, `${seed}${i}`));
    case "map": {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < MAP_ENTRIES; i++) out[`${seed}-key-${i}`] = fill(model, shape.value.target, depth + 1, `${seed}${i}`);
      return out;
    }
    case "structure": {
      const out: Record<string, unknown> = {};
      if (depth > 6) return out;
      for (const m of shape.members) out[m.name] = fill(model, m.target, depth + 1, `${m.name}${n}`);
      return out;
    }
    case "union": {
      const m = shape.members[n % shape.members.length]!;
      return { [m.name]: fill(model, m.target, depth + 1, m.name) };
    }
    case "alternatives":
    case "unit":
      return {};
    default: {
      const never: never = shape;
      throw new Error(`unknown shape ${(never as Shape).type}`);
    }
  }
}
