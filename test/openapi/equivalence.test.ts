// The same InitiateAuth request described twice, in Smithy (models/cognito-identity-provider.smithy)
// and in OpenAPI (models/cognito-identity-provider.openapi.yaml): the two generated serializers
// put the same request on the wire, and the two validators accept and reject the same inputs
// with the same failures (path, constraint, message). Responses too: the same HTTP responses, in
// the form Amazon Cognito sends them (awsJson 1.1: tokens or a challenge; a 400 whose `__type`
// and `X-Amzn-ErrorType` name the error), read by the two deserializers give equal outputs, and
// errors of the same class name, code, status, fault, message and request id.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateFrom, writeTree } from "../helpers/generate.js";
import { MODELS } from "../helpers/paths.js";

type Module = Record<string, (input: unknown) => unknown>;
let smithy: Module;
let openapi: Module;

beforeAll(async () => {
  const result = await generateFrom([
    { name: "smithy", paths: [join(MODELS, "cognito-identity-provider.smithy")] },
    { name: "openapi", paths: [join(MODELS, "cognito-identity-provider.openapi.yaml")] },
  ]);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join("; "));
  const dir = writeTree(result.files, "openapi-equivalence");
  smithy = (await import(join(dir, "smithy/index.ts"))) as Module;
  openapi = (await import(join(dir, "openapi/index.ts"))) as Module;
});

const VALID: readonly unknown[] = [
  { AuthFlow: "USER_PASSWORD_AUTH", ClientId: "abc123", AuthParameters: { USERNAME: "alice", PASSWORD: "p@ss w0rd" } },
  { AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: "c", AuthParameters: { REFRESH_TOKEN: "r".repeat(500) }, Session: "s".repeat(20) },
  {
    AuthFlow: "USER_SRP_AUTH",
    ClientId: "A_b+9",
    AuthParameters: { USERNAME: "bob", SRP_A: "abcdef", SECRET_HASH: "c2VjcmV0" },
    ClientMetadata: { source: "web", "": "empty key", "ünï": "çødé" },
    AnalyticsMetadata: { AnalyticsEndpointId: "endpoint-1" },
    UserContextData: { IpAddress: "192.0.2.1", EncodedData: "fingerprint" },
    Session: "x".repeat(2048),
  },
  { AuthFlow: "USER_AUTH", ClientId: "z".repeat(128), AnalyticsMetadata: {}, UserContextData: {} },
  { AuthFlow: "CUSTOM_AUTH", ClientId: "q", Session: undefined, ClientMetadata: {} },
];

const INVALID: readonly unknown[] = [
  {},
  null,
  "InitiateAuth",
  { AuthFlow: "PASSWORD", ClientId: "" },
  { AuthFlow: 1, ClientId: "has space", Session: "short" },
  { AuthFlow: "USER_AUTH", ClientId: "z".repeat(129), Session: "y".repeat(2049) },
  { AuthFlow: "USER_AUTH", ClientId: "ok", AuthParameters: { USERNAME: 7, PASSWORD: null }, ClientMetadata: [] },
  { AuthFlow: "USER_AUTH", ClientId: "ok", AnalyticsMetadata: { AnalyticsEndpointId: 3 }, UserContextData: { IpAddress: false, EncodedData: {} } },
  { AuthFlow: "USER_AUTH", ClientId: "ok", AuthParameters: { USERNAME: "x".repeat(131073) } },
  { AuthFlow: "USER_AUTH", ClientId: "😀😀" },
];

describe("Smithy and OpenAPI InitiateAuth: same wire request", () => {
  it.each(VALID.map((input, i) => [i, input]))("valid input %i", (_i, input) => {
    const fromSmithy = smithy["serializeInitiateAuthRequest"]!(input);
    const fromOpenApi = openapi["serializeInitiateAuthRequest"]!(input);
    expect(fromOpenApi).toEqual(fromSmithy);
  });
});

describe("Smithy and OpenAPI InitiateAuth: same validation", () => {
  it.each([...VALID, ...INVALID].map((input, i) => [i, input]))("input %i", (_i, input) => {
    const fromSmithy = smithy["validateInitiateAuthRequest"]!(input);
    const fromOpenApi = openapi["validateInitiateAuthRequest"]!(input);
    expect(fromOpenApi).toEqual(fromSmithy);
  });

  it("accepts the valid inputs and rejects the invalid ones (the comparison is not vacuous)", () => {
    for (const input of VALID) expect(openapi["validateInitiateAuthRequest"]!(input)).toEqual([]);
    for (const input of INVALID) expect((openapi["validateInitiateAuthRequest"]!(input) as unknown[]).length).toBeGreaterThan(0);
  });

  it("the OpenAPI model is ours and complete: every Smithy input member is there", () => {
    const yaml = readFileSync(join(MODELS, "cognito-identity-provider.openapi.yaml"), "utf8");
    for (const member of ["AuthFlow", "AuthParameters", "ClientMetadata", "ClientId", "AnalyticsMetadata", "UserContextData", "Session"]) {
      expect(yaml).toMatch(new RegExp(`^                ${member}:$`, "m"));
    }
  });
});

type Deserializer = (response: { status: number; headers: Record<string, string>; body: string | Uint8Array }) => unknown;
const deserialize = (module: Module) => module["deserializeInitiateAuthResponse"] as unknown as Deserializer;

const JSON_HEADERS = { "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "5b4c3b2a-0f6e-4d7c-9a8b-1c2d3e4f5a6b" };
const TOKEN = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

const SUCCESSES: readonly unknown[] = [
  { AuthenticationResult: { AccessToken: TOKEN, ExpiresIn: 3600, IdToken: TOKEN, RefreshToken: TOKEN, TokenType: "Bearer" }, ChallengeParameters: {} },
  {
    ChallengeName: "PASSWORD_VERIFIER",
    ChallengeParameters: { SALT: "a1b2", SECRET_BLOCK: "c2VjcmV0", SRP_B: "ff00", USERNAME: "alice", USER_ID_FOR_SRP: "alice" },
  },
  { ChallengeName: "SELECT_CHALLENGE", Session: "s".repeat(40), AvailableChallenges: ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"], ChallengeParameters: {} },
  {
    AuthenticationResult: {
      AccessToken: TOKEN,
      ExpiresIn: 300,
      TokenType: "Bearer",
      NewDeviceMetadata: { DeviceKey: "us-east-1_0123abcd-ef", DeviceGroupKey: "-group" },
    },
  },
  {},
];

const ERRORS: readonly { status: number; headers: Record<string, string>; body: unknown }[] = [
  {
    status: 400,
    headers: { ...JSON_HEADERS, "x-amzn-ErrorType": "NotAuthorizedException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp/" },
    body: { __type: "NotAuthorizedException", message: "Incorrect username or password." },
  },
  { status: 400, headers: JSON_HEADERS, body: { __type: "InvalidParameterException", message: "Missing required parameter USERNAME" } },
  { status: 400, headers: JSON_HEADERS, body: { __type: "NotAuthorizedException" } },
  // Not modelled: both give an UnknownServiceError with the same code.
  { status: 400, headers: JSON_HEADERS, body: { __type: "ResourceNotFoundException", message: "User pool client abc123 does not exist." } },
];

/** What an error says, the class's name included. */
function described(error: unknown): Record<string, unknown> {
  const e = error as Record<string, unknown> & Error;
  return { class: e.constructor.name, name: e.name, $code: e["$code"], $status: e["$status"], $fault: e["$fault"], message: e.message, $requestId: e["$requestId"] };
}

function thrown(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error("expected the deserializer to throw");
}

const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

describe("Smithy and OpenAPI InitiateAuth: same responses read", () => {
  it.each(SUCCESSES.map((body, i) => [i, body]))("success %i, equal outputs (body as text and as bytes, headers in any case)", (_i, body) => {
    const text = JSON.stringify(body);
    for (const response of [
      { status: 200, headers: JSON_HEADERS, body: text },
      { status: 200, headers: lower(JSON_HEADERS), body: new TextEncoder().encode(text) },
    ]) {
      const fromSmithy = deserialize(smithy)(response);
      const fromOpenApi = deserialize(openapi)(response);
      expect(fromOpenApi).toEqual(fromSmithy);
      // Not vacuous: every value of these bodies is a string, number, list or map, read as sent.
      expect(fromOpenApi).toEqual(body);
    }
  });

  it.each(ERRORS.map((e, i) => [i, e]))("error %i, same class, code, status, fault, message and request id", (_i, e) => {
    const response = { status: e.status, headers: e.headers, body: JSON.stringify(e.body) };
    const fromSmithy = described(thrown(() => deserialize(smithy)(response)));
    const fromOpenApi = described(thrown(() => deserialize(openapi)(response)));
    expect(fromOpenApi).toEqual(fromSmithy);
    const type = (e.body as { __type: string }).__type;
    expect(fromOpenApi).toMatchObject({ $code: type, $status: 400, $fault: "client", $requestId: JSON_HEADERS["x-amzn-RequestId"] });
    expect(fromOpenApi["name"]).toBe(type === "ResourceNotFoundException" ? "UnknownServiceError" : type);
  });

  it("a body of the wrong type is a MalformedResponseError from both", () => {
    for (const body of ['{"AuthenticationResult":{"ExpiresIn":"3600"}}', '{"AvailableChallenges":"PASSWORD"}', "<html>502 Bad Gateway</html>", '{"Session":'] as const) {
      const response = { status: 200, headers: JSON_HEADERS, body };
      expect(described(thrown(() => deserialize(openapi)(response)))).toEqual(described(thrown(() => deserialize(smithy)(response))));
      expect(described(thrown(() => deserialize(openapi)(response)))["name"]).toBe("MalformedResponseError");
    }
  });
});
