// The Cognito flow reads back (issue 8 part 5): the real Cognito model
// (../shared/corpus/aws-smithy/cognito-identity-provider.json) generated whole, and InitiateAuth
// responses shaped as the service sends them (awsJson1_1: `x-amzn-RequestId`, errors with
// `x-amzn-ErrorType: <Code>:` and a `__type` body) fed to the AWS SDK v3 client (through a custom
// requestHandler, no network) and to our `deserializeInitiateAuthResponse`. The SDK is the
// oracle: the same output (tokens, ChallengeName, ChallengeParameters, Session, device
// metadata), and for errors the same class name, fault, status, request id and message.
// The log-safe view of the output hides the tokens and the session at any depth.

import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusFile } from "../helpers/paths.js";
import { generateFrom, writeTree } from "../helpers/generate.js";

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}
type Deserialize = (response: { status: number; headers: Record<string, string>; body: string | Uint8Array }) => unknown;

let deserialize: Deserialize;
let redact: (value: unknown) => unknown;
let SENSITIVE = "";

beforeAll(async () => {
  process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1";
  const result = await generateFrom([{ name: "cognito", paths: [corpusFile("aws-smithy/cognito-identity-provider.json")] }], { format: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const dir = writeTree(result.files, "cognito-responses");
  const module = (await import(pathToFileURL(`${dir}/cognito/index.ts`).href)) as Record<string, unknown>;
  deserialize = module["deserializeInitiateAuthResponse"] as Deserialize;
  redact = module["redactInitiateAuthResponse"] as (value: unknown) => unknown;
  SENSITIVE = module["SENSITIVE"] as string;
});

/** What the SDK makes of a raw response: its output (without $metadata), or its error. */
async function sdk(raw: Raw): Promise<{ output?: Record<string, unknown>; error?: Record<string, unknown> }> {
  const client = new CognitoIdentityProviderClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({ response: { statusCode: raw.status, headers: raw.headers, body: Readable.from([Buffer.from(raw.body)]) } }),
    },
  });
  try {
    const { $metadata, ...output } = await client.send(new InitiateAuthCommand({ AuthFlow: "USER_SRP_AUTH", ClientId: "client", AuthParameters: { USERNAME: "alice", SRP_A: "a" } }));
    void $metadata;
    return { output };
  } catch (error) {
    return { error: error as Record<string, unknown> };
  }
}

/** Ours, the same way. */
function ours(raw: Raw): { output?: Record<string, unknown>; error?: Record<string, unknown> } {
  try {
    return { output: deserialize({ status: raw.status, headers: raw.headers, body: raw.body }) as Record<string, unknown> };
  } catch (error) {
    return { error: error as Record<string, unknown> };
  }
}

const REQUEST_ID = "8c1a1b0e-9f4e-4d3a-9a3e-1f2b3c4d5e6f";
const success = (body: unknown): Raw => ({
  status: 200,
  headers: { date: "Mon, 30 Nov 2026 03:15:00 GMT", "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": REQUEST_ID, connection: "keep-alive" },
  body: JSON.stringify(body),
});
const failure = (status: number, code: string, message: string): Raw => ({
  status,
  headers: {
    date: "Mon, 30 Nov 2026 03:15:00 GMT",
    "content-type": "application/x-amz-json-1.1",
    "x-amzn-requestid": REQUEST_ID,
    "x-amzn-errortype": `${code}:`,
    "x-amzn-errormessage": message,
  },
  body: JSON.stringify({ __type: code, message }),
});

const JWT = (n: number) => `eyJraWQiOiJ${"k".repeat(20)}.eyJzdWIiOi${"p".repeat(40 + n)}.sig${n}`;

const SUCCESSES: [string, Raw][] = [
  [
    "SRP challenge (PASSWORD_VERIFIER with its parameters)",
    success({
      ChallengeName: "PASSWORD_VERIFIER",
      ChallengeParameters: { SALT: "a1b2c3", SECRET_BLOCK: "c2VjcmV0YmxvY2s=", SRP_B: "deadbeef", USERNAME: "alice", USER_ID_FOR_SRP: "alice" },
    }),
  ],
  ["tokens", success({ AuthenticationResult: { AccessToken: JWT(1), ExpiresIn: 3600, IdToken: JWT(2), RefreshToken: JWT(3), TokenType: "Bearer" }, ChallengeParameters: {} })],
  [
    "tokens and a new device",
    success({
      AuthenticationResult: { AccessToken: JWT(1), ExpiresIn: 3600, IdToken: JWT(2), TokenType: "Bearer", NewDeviceMetadata: { DeviceGroupKey: "-abc", DeviceKey: "us-east-1_1234" } },
      ChallengeParameters: {},
    }),
  ],
  ["NEW_PASSWORD_REQUIRED with a session", success({ ChallengeName: "NEW_PASSWORD_REQUIRED", Session: "AYABe" + "s".repeat(60), ChallengeParameters: { USER_ID_FOR_SRP: "alice", requiredAttributes: "[]", userAttributes: '{"email":"a@example.com"}' } })],
  ["SMS MFA", success({ ChallengeName: "SMS_MFA", Session: "AYABe" + "m".repeat(60), ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: "SMS", CODE_DELIVERY_DESTINATION: "+*******1234" } })],
  ["SELECT_CHALLENGE with available challenges", success({ ChallengeName: "SELECT_CHALLENGE", Session: "AYABe", AvailableChallenges: ["PASSWORD", "EMAIL_OTP"], ChallengeParameters: {} })],
];

const ERRORS: [string, Raw, "client" | "server"][] = [
  ["NotAuthorizedException", failure(400, "NotAuthorizedException", "Incorrect username or password."), "client"],
  ["UserNotFoundException", failure(400, "UserNotFoundException", "User does not exist."), "client"],
  ["UserNotConfirmedException", failure(400, "UserNotConfirmedException", "User is not confirmed."), "client"],
  ["PasswordResetRequiredException", failure(400, "PasswordResetRequiredException", "Password reset required for the user"), "client"],
  ["InvalidParameterException", failure(400, "InvalidParameterException", "Missing required parameter USERNAME"), "client"],
  ["ResourceNotFoundException", failure(400, "ResourceNotFoundException", "User pool client client does not exist."), "client"],
  ["TooManyRequestsException", failure(400, "TooManyRequestsException", "Rate exceeded"), "client"],
  ["InternalErrorException", failure(500, "InternalErrorException", "Internal server error"), "server"],
];

describe("Cognito InitiateAuth responses, read by ours and by the AWS SDK v3", () => {
  it.each(SUCCESSES)("%s: the same output", async (_name, raw) => {
    const theirs = await sdk(raw);
    expect(theirs.error).toBeUndefined();
    expect(ours(raw)).toEqual({ output: theirs.output });
  });

  it.each(ERRORS)("%s: the same error (class name, fault, status, request id, message)", async (code, raw, fault) => {
    const theirs = (await sdk(raw)).error!;
    const mine = ours(raw).error!;
    expect(theirs["name"]).toBe(code);
    const meta = theirs["$metadata"] as { httpStatusCode: number; requestId: string };
    expect({ name: mine["name"], fault: mine["$fault"], status: mine["$status"], requestId: mine["$requestId"], message: mine["message"], code: mine["$code"] }).toEqual({
      name: theirs["name"],
      fault: theirs["$fault"],
      status: meta.httpStatusCode,
      requestId: meta.requestId,
      message: theirs["message"],
      code,
    });
    expect(mine["$fault"]).toBe(fault);
    expect(mine["$response"]).toEqual({ status: raw.status, headers: raw.headers, body: raw.body });
  });

  it("an error the model does not define: UnknownServiceError with the code, message and raw body (the SDK: a generic service exception of that name)", async () => {
    const raw = failure(400, "LimitExceededExceptionV2", "Something new");
    const theirs = (await sdk(raw)).error!;
    const mine = ours(raw).error!;
    expect(theirs["name"]).toBe("LimitExceededExceptionV2");
    expect({ name: mine["name"], code: mine["$code"], message: mine["message"], status: mine["$status"], body: (mine["$response"] as Raw).body }).toEqual({
      name: "UnknownServiceError",
      code: "LimitExceededExceptionV2",
      message: "Something new",
      status: 400,
      body: raw.body,
    });
  });

  it("an HTML page from a proxy with a 502: an UnknownServiceError keeping the page; the same page with a 200: a MalformedResponseError", async () => {
    const page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
    const bad = ours({ status: 502, headers: { "content-type": "text/html" }, body: page }).error!;
    expect([bad["name"], bad["$status"], bad["$fault"], (bad["$response"] as Raw).body]).toEqual(["UnknownServiceError", 502, "server", page]);
    const odd = ours({ status: 200, headers: { "content-type": "text/html" }, body: page }).error!;
    expect(odd["name"]).toBe("MalformedResponseError");
    expect(String(odd["message"])).toMatch(/^The response \(HTTP 200\) could not be read: the body is not JSON/);
    // The SDK fails too (its message differs), so neither returns an output for it.
    expect((await sdk({ status: 200, headers: { "content-type": "text/html" }, body: page })).error).toBeDefined();
  });

  it("the log-safe view of an output hides the tokens and the session at any depth", () => {
    const output = ours(SUCCESSES[2]![1]).output!;
    expect(redact(output)).toEqual({
      AuthenticationResult: {
        AccessToken: SENSITIVE,
        ExpiresIn: 3600,
        IdToken: SENSITIVE,
        TokenType: "Bearer",
        NewDeviceMetadata: { DeviceGroupKey: "-abc", DeviceKey: "us-east-1_1234" },
      },
      ChallengeParameters: {},
    });
    const challenge = ours(SUCCESSES[3]![1]).output!;
    expect((redact(challenge) as Record<string, unknown>)["Session"]).toBe(SENSITIVE);
    expect(JSON.stringify(redact(ours(SUCCESSES[1]![1]).output!))).not.toMatch(/eyJ/);
  });
});
