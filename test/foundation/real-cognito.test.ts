// The whole real Cognito service (../shared/corpus/aws-smithy/cognito-identity-provider.json,
// over a hundred operations): the output type-checks, and for several InitiateAuth inputs the
// generated serializer sends the same headers and JSON body as the AWS SDK for JavaScript v3
// (captured with a custom requestHandler; no network).

import { CognitoIdentityProviderClient, InitiateAuthCommand, type InitiateAuthCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusFile } from "../helpers/paths.js";
import { generateFrom, writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";

interface GeneratedRequest {
  method: string;
  path: string;
  query: readonly string[];
  headers: Record<string, string>;
  body?: string | Uint8Array;
}
type Serializer = (input: unknown) => GeneratedRequest;

let dir = "";
let files: ReadonlyMap<string, string> = new Map();
let serialize: Serializer;

beforeAll(async () => {
  process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1";
  const result = await generateFrom([{ name: "cognito", paths: [corpusFile("aws-smithy/cognito-identity-provider.json")] }]);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  files = result.files;
  dir = writeTree(files, "real-cognito");
  const module = (await import(pathToFileURL(`${dir}/cognito/serializers.ts`).href)) as Record<string, unknown>;
  serialize = module["serializeInitiateAuthRequest"] as Serializer;
});

async function sdkRequest(input: InitiateAuthCommandInput) {
  let captured: { method: string; path: string; headers: Record<string, string>; body: unknown } | undefined;
  const client = new CognitoIdentityProviderClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" },
    requestHandler: {
      handle: async (request: { method: string; path: string; headers: Record<string, string>; body: unknown }) => {
        captured = request;
        const response = { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: Readable.from([Buffer.from("{}")]) };
        return { response };
      },
    },
  });
  await client.send(new InitiateAuthCommand(input));
  if (!captured) throw new Error("the SDK sent nothing");
  const body = captured.body instanceof Uint8Array ? new TextDecoder().decode(Uint8Array.from(captured.body)) : String(captured.body);
  return { method: captured.method, path: captured.path, headers: captured.headers, body: JSON.parse(body) as unknown };
}

const INPUTS: InitiateAuthCommandInput[] = [
  { AuthFlow: "USER_SRP_AUTH", ClientId: "3n4b5urk1ft4fl3mg5e62d9ado", AuthParameters: { USERNAME: "alice", SRP_A: "abc123" } },
  { AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: "client", AuthParameters: { REFRESH_TOKEN: "token" }, ClientMetadata: { app: "web", env: "prod" } },
  { AuthFlow: "USER_PASSWORD_AUTH", ClientId: "client", AuthParameters: { USERNAME: "bob", PASSWORD: "pw", SECRET_HASH: "hash=" }, AnalyticsMetadata: { AnalyticsEndpointId: "ep-1" } },
  { AuthFlow: "CUSTOM_AUTH", ClientId: "client", UserContextData: { IpAddress: "192.0.2.1", EncodedData: "data" }, Session: "s".repeat(40) },
  { AuthFlow: "USER_AUTH", ClientId: "client", AuthParameters: { USERNAME: "carol", PREFERRED_CHALLENGE: "EMAIL_OTP" }, ClientMetadata: {}, AnalyticsMetadata: {}, UserContextData: {} },
  { AuthFlow: "USER_AUTH", ClientId: "ünïcödé-😀", AuthParameters: { "key with spaces": "value \"quoted\" \\ \n" } },
];

describe("the whole real Cognito service", () => {
  it("generates over a hundred operations' serializers", () => {
    const serializers = files.get("cognito/serializers.ts") ?? "";
    expect(serializers.match(/^export function serialize\w+Request\(/gm)?.length).toBeGreaterThan(100);
  });

  it("type-checks under strict options", () => {
    expect(typecheckFolder(dir)).toEqual([]);
  });

  it.each(INPUTS.map((input, i) => [i, input] as const))("InitiateAuth input %i goes on the wire as the AWS SDK sends it", async (_i, input) => {
    const ours = serialize(input);
    const theirs = await sdkRequest(input);
    expect(ours.method).toBe(theirs.method);
    expect(ours.path).toBe(theirs.path);
    expect(ours.query).toEqual([]);
    const lower = Object.fromEntries(Object.entries(ours.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(lower).toEqual({ "content-type": theirs.headers["content-type"], "x-amz-target": theirs.headers["x-amz-target"] });
    expect(JSON.parse(ours.body as string)).toEqual(theirs.body);
  });
});
