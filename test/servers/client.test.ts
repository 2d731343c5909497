// Our client, generated from the REAL Cognito model at test time (generated-client.ts), against a
// real server: cognito-local on a free loopback port (cognito-local.ts), through the sign-in flow
// (flow.ts) the AWS SDK v3 client also passes (sdk-anchor.test.ts).
//
//   createUserPool … adminSetUserPassword (signed: SigV4 with static fake credentials; cognito-local
//   does not check signatures, @smithy/signature-v4 does here), initiateAuth (unsigned, as the model's
//   `@auth([])` says) → JWTs naming this app client and this user
//   wrong password → UnknownServiceError { $code: "InvalidPasswordException" } (InitiateAuth does not model it)
//   unknown user   → NotAuthorizedException (what cognito-local sends; modelled)
//   real Cognito's wrong-password response (recorded, fake fetch) → NotAuthorizedException
//
// Outputs are also compared with what the SDK reads from the same server for the same call.

import * as sdk from "@aws-sdk/client-cognito-identity-provider";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCognitoLocal, type CognitoLocal } from "./cognito-local.js";
import { EMAIL, PASSWORD, signInFlow, type Call, type SignedIn } from "./flow.js";
import { withoutFilledDefaults } from "./outputs.js";
import { describeRequest, sigV4Mismatch, type Sent } from "./signature.js";
import { FACTORY, generateCognito, importCognitoClient, type Method, type OurCognito } from "./generated-client.js";

const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const REGION = "us-east-1";

/** `fetch` that records every request it sends, then sends it. */
function recordingFetch(sent: Sent[]) {
  return async (url: string, init: { method?: string; headers?: unknown; body?: unknown; signal?: unknown }) => {
    sent.push(describeRequest(url, init));
    return fetch(url, init as RequestInit);
  };
}

const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

let dir: string;
let ours: OurCognito;
beforeAll(async () => {
  dir = await generateCognito("servers-client");
  ours = await importCognitoClient(dir);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("our client (generated from the real Cognito model) against cognito-local", () => {
  let server: CognitoLocal;
  let client: Readonly<Record<string, Method>>;
  let anchor: sdk.CognitoIdentityProviderClient;
  let user: SignedIn;
  const sent: Sent[] = [];
  const call: Call = (operation, input) => client[lowerFirst(operation)]!(input);

  beforeAll(async () => {
    process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1";
    server = await startCognitoLocal();
    client = ours.client[FACTORY]({ region: REGION, endpoint: server.url, credentials: CREDENTIALS, fetch: recordingFetch(sent), maxAttempts: 1 });
    anchor = new sdk.CognitoIdentityProviderClient({ region: REGION, endpoint: server.url, credentials: CREDENTIALS, maxAttempts: 1 });
  });
  afterAll(async () => {
    anchor?.destroy();
    await server?.stop();
  });

  it("signs a user in: pool, app client, user, permanent password, InitiateAuth USER_PASSWORD_AUTH → JWTs of this client and user", async () => {
    user = await signInFlow(call, server.url, "ours");
    expect(sent.map((r) => r.headers["x-amz-target"])).toEqual(
      ["CreateUserPool", "CreateUserPoolClient", "AdminCreateUser", "AdminSetUserPassword", "InitiateAuth"].map((op) => `AWSCognitoIdentityProviderService.${op}`),
    );
    for (const request of sent) {
      expect(request.method).toBe("POST");
      expect(request.url.replace(/\/$/, "")).toBe(server.url);
      expect(request.headers["content-type"]).toBe("application/x-amz-json-1.1");
      expect(() => JSON.parse(request.body)).not.toThrow();
    }
  });

  it("signs the admin calls with SigV4 (as @smithy/signature-v4 signs the same request) and sends InitiateAuth unsigned", async () => {
    for (const request of sent) {
      const target = request.headers["x-amz-target"]!;
      if (target.endsWith(".InitiateAuth")) {
        expect(request.headers["authorization"], target).toBeUndefined();
        expect(request.headers["x-amz-date"], target).toBeUndefined();
      } else {
        expect(await sigV4Mismatch(request, CREDENTIALS, REGION, "cognito-idp"), target).toBeUndefined();
        expect(request.headers["authorization"], target).toMatch(/SignedHeaders=[a-z0-9;-]*x-amz-target/);
      }
    }
  });

  it("reads the same outputs from the server as the AWS SDK v3 client, but for members absent on the wire that the model gives a @default", async () => {
    const sdkCall = async (operation: string, input: Record<string, unknown>) => {
      const Command = (sdk as unknown as Record<string, new (input: unknown) => never>)[`${operation}Command`]!;
      const { $metadata: _metadata, ...output } = (await anchor.send(new Command(input))) as unknown as Record<string, unknown>;
      return output;
    };
    const filled: string[] = [];
    for (const [operation, input] of [
      ["DescribeUserPool", { UserPoolId: user.poolId }],
      ["DescribeUserPoolClient", { UserPoolId: user.poolId, ClientId: user.clientId }],
      ["AdminGetUser", { UserPoolId: user.poolId, Username: EMAIL }],
      ["ListUserPools", { MaxResults: 10 }],
      ["ListUsers", { UserPoolId: user.poolId }],
    ] as const) {
      const mine = await call(operation, input);
      const theirs = await sdkCall(operation, input);
      expect(Object.keys(mine).length, operation).toBeGreaterThan(0);
      expect(withoutFilledDefaults(mine, theirs, operation, filled), operation).toEqual(theirs);
    }
    // Our deserializers give a member the server left out its @default (README: Responses and
    // errors); the SDK leaves it out. cognito-local omits one such member:
    // UserPoolClientType.RefreshTokenValidity, @default(0) in the model.
    expect(filled).toEqual(["DescribeUserPoolClient UserPoolClient.RefreshTokenValidity = 0"]);
  });

  it("a wrong password: cognito-local's InvalidPasswordException, which InitiateAuth does not model, arrives as UnknownServiceError with that code", async () => {
    const error = await call("InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: user.clientId, AuthParameters: { USERNAME: EMAIL, PASSWORD: "Wrong-Password-1" } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ours.runtime.UnknownServiceError);
    expect(error).toBeInstanceOf(ours.runtime.ServiceError);
    expect(error).not.toBeInstanceOf(ours.errors["NotAuthorizedException"]!);
    expect(error).toMatchObject({ name: "UnknownServiceError", $code: "InvalidPasswordException", $status: 400, $fault: "client", message: "Invalid password" });
  });

  it("an unknown user: cognito-local sends NotAuthorizedException, which InitiateAuth models → that class", async () => {
    const error = await call("InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: user.clientId, AuthParameters: { USERNAME: "nobody@example.com", PASSWORD } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ours.errors["NotAuthorizedException"]!);
    expect(error).toMatchObject({ name: "NotAuthorizedException", $code: "NotAuthorizedException", $status: 400, $fault: "client", message: "User not authorized" });
  });

  it("reached nothing outside loopback", () => {
    expect(server.blocked()).toEqual([]);
  });
});

describe("our client on real Cognito's wrong-password response (recorded)", () => {
  // What Cognito sends for USER_PASSWORD_AUTH with a wrong password, as the awsJson1_1 protocol
  // defines error responses (Smithy's aws.protocols#awsJson1_1, "Operation error serialization"):
  // HTTP 400, the error's shape name in the `X-Amzn-Errortype` header and/or as `__type` in the JSON
  // body beside `message`; a client drops anything from the first ':' on and anything up to the
  // first '#'. Two forms: the plain one, and the legacy one (a ':'-suffixed header, a namespaced __type).
  const MESSAGE = "Incorrect username or password.";
  const REQUEST_ID = "0f1b8a4e-3c55-4d0e-9f6c-2a7d9b1e4c21";
  const recorded = [
    {
      form: "plain",
      headers: { "Content-Type": "application/x-amz-json-1.1", "x-amzn-ErrorType": "NotAuthorizedException", "x-amzn-RequestId": REQUEST_ID, Date: "Mon, 30 Nov 2026 06:00:00 GMT" },
      body: `{"__type":"NotAuthorizedException","message":"${MESSAGE}"}`,
    },
    {
      form: "legacy",
      headers: {
        "Content-Type": "application/x-amz-json-1.1",
        "x-amzn-ErrorType": "NotAuthorizedException:http://internal.amazon.com/coral/com.amazonaws.cognitoidentityprovider/",
        "x-amzn-RequestId": REQUEST_ID,
        Date: "Mon, 30 Nov 2026 06:00:00 GMT",
      },
      body: `{"__type":"com.amazonaws.cognitoidentityprovider#NotAuthorizedException","message":"${MESSAGE}"}`,
    },
  ];

  it.each(recorded)("($form form) is the modelled NotAuthorizedException with the server's message and request id, not retried; the request went unsigned to the regional endpoint the model's rules give", async ({ headers, body }) => {
    const sent: Sent[] = [];
    const fakeFetch = async (url: string, init: { method?: string; headers?: unknown; body?: unknown }) => {
      sent.push(describeRequest(url, init));
      return new Response(body, { status: 400, headers });
    };
    // No endpoint configured: the model's endpoint rules give the region's.
    const client = ours.client[FACTORY]({ region: "eu-west-1", credentials: CREDENTIALS, fetch: fakeFetch });
    const input = { AuthFlow: "USER_PASSWORD_AUTH", ClientId: "3n4b5urk1ft4fl3mg5e62d9ado", AuthParameters: { USERNAME: EMAIL, PASSWORD: "Wrong-Password-1" } };
    const error = await client["initiateAuth"]!(input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ours.errors["NotAuthorizedException"]!);
    expect(error).toMatchObject({ name: "NotAuthorizedException", $code: "NotAuthorizedException", $status: 400, $fault: "client", $requestId: REQUEST_ID, message: MESSAGE });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url.replace(/\/$/, "")).toBe("https://cognito-idp.eu-west-1.amazonaws.com");
    expect(sent[0]!.headers["x-amz-target"]).toBe("AWSCognitoIdentityProviderService.InitiateAuth");
    expect(sent[0]!.headers["authorization"]).toBeUndefined();
    expect(JSON.parse(sent[0]!.body)).toEqual(input);
  });
});
