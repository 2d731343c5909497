// The harness proved with the AWS SDK v3 client (`@aws-sdk/client-cognito-identity-provider`,
// the bench anchor): cognito-local starts on a free loopback port in a temp folder, the sign-in
// flow (flow.ts) completes against it, its error responses read as the SDK reads them, the server
// reaches nothing outside loopback, and it is gone after stop().
//
//   wrong password → the SDK's InvalidPasswordException (cognito-local's code; the SDK's error
//                    registry is service-wide, though InitiateAuth does not model that error)
//   unknown user   → NotAuthorizedException (what cognito-local sends; InitiateAuth models it)

import * as sdk from "@aws-sdk/client-cognito-identity-provider";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFLINE_GUARD, startCognitoLocal, type CognitoLocal } from "./cognito-local.js";
import { EMAIL, signInFlow, type Call } from "./flow.js";
import { sigV4Mismatch, type Sent } from "./signature.js";

const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

describe("offline guard", () => {
  it("refuses and reports a connection outside loopback, a lookup of a public name, and lets loopback through", () => {
    const script = `
      const net = require("node:net");
      net.connect(443, "192.0.2.1").on("error", (e) => console.log("refused:", e.message));
      require("node:dns").lookup("example.com", (e) => console.log("lookup:", e && e.code));
      fetch("https://example.org/").catch((e) => console.log("fetch:", e.cause && e.cause.message));
      const server = net.createServer((c) => c.end("pong")).listen(0, "127.0.0.1", () => {
        net.connect(server.address().port, "127.0.0.1").on("data", (d) => { console.log("loopback:", String(d)); server.close(); });
      });`;
    const run = spawnSync(process.execPath, ["--require", OFFLINE_GUARD, "-e", script], { encoding: "utf8", timeout: 20_000 });
    expect(run.stderr.split("\n").filter(Boolean).sort()).toEqual([
      "offline-guard: blocked connect to 192.0.2.1:443",
      "offline-guard: blocked connect to example.org:443",
      "offline-guard: blocked lookup of example.com",
    ]);
    expect(run.stdout.split("\n").filter(Boolean).sort()).toEqual([
      "fetch: offline-guard: blocked connect to example.org:443",
      "lookup: ENOTFOUND",
      "loopback: pong",
      "refused: offline-guard: blocked connect to 192.0.2.1:443",
    ]);
  });
});

describe("cognito-local driven by the AWS SDK v3 client", () => {
  let server: CognitoLocal;
  let client: sdk.CognitoIdentityProviderClient;
  const sent: Sent[] = [];
  const call: Call = async (operation, input) => {
    const Command = (sdk as unknown as Record<string, new (input: unknown) => never>)[`${operation}Command`]!;
    const { $metadata: _metadata, ...output } = (await client.send(new Command(input))) as unknown as Record<string, unknown>;
    return output;
  };

  beforeAll(async () => {
    process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1";
    server = await startCognitoLocal();
    client = new sdk.CognitoIdentityProviderClient({ region: "us-east-1", endpoint: server.url, credentials: CREDENTIALS, maxAttempts: 1 });
    // The request as it goes on the wire (the deserialize step runs after signing).
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { method: string; protocol: string; hostname: string; port?: number; path: string; headers: Record<string, string>; body?: string | Uint8Array };
        const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
        const body = request.body === undefined ? "" : request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : request.body;
        sent.push({ method: request.method, url: `${request.protocol}//${request.hostname}:${request.port}${request.path}`, headers, body });
        return next(args);
      },
      { step: "deserialize", name: "recordSentRequest" },
    );
  });
  afterAll(async () => {
    client?.destroy();
    await server?.stop();
  });

  it("signs a user in: pool, app client, user, permanent password, InitiateAuth USER_PASSWORD_AUTH → JWTs of this client and user", async () => {
    const { clientId } = await signInFlow(call, server.url, "sdk-anchor");

    const wrong = await call("InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: EMAIL, PASSWORD: "Wrong-Password-1" } }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(sdk.CognitoIdentityProviderServiceException);
    expect(wrong).toMatchObject({ name: "InvalidPasswordException", message: "Invalid password", $fault: "client", $metadata: { httpStatusCode: 400 } });
    // InitiateAuth does not list InvalidPasswordException, but the SDK looks a code up among all the
    // service's errors (one registry per service), so it builds that class anyway; our client reads
    // per operation and makes it an UnknownServiceError carrying the code (client.test.ts).
    expect(wrong).toBeInstanceOf(sdk.InvalidPasswordException);

    const unknown = await call("InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: "nobody@example.com", PASSWORD: "Wrong-Password-1" } }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(sdk.NotAuthorizedException);
    expect(unknown).toMatchObject({ name: "NotAuthorizedException", message: "User not authorized", $metadata: { httpStatusCode: 400 } });
  });

  it("the signature check (signature.ts) accepts the SDK's own signed admin calls and rejects one changed after signing", async () => {
    const signed = sent.filter((r) => r.headers["authorization"] !== undefined);
    expect(signed.map((r) => r.headers["x-amz-target"])).toEqual(
      ["CreateUserPool", "CreateUserPoolClient", "AdminCreateUser", "AdminSetUserPassword"].map((op) => `AWSCognitoIdentityProviderService.${op}`),
    );
    for (const request of signed) expect(await sigV4Mismatch(request, CREDENTIALS, "us-east-1", "cognito-idp")).toBeUndefined();
    const request = signed[0]!;
    expect(await sigV4Mismatch({ ...request, body: request.body + " " }, CREDENTIALS, "us-east-1", "cognito-idp")).toMatch(/ is not the SHA-256 of the body|@smithy\/signature-v4 computes/);
    const { ["x-amz-content-sha256"]: _hash, ...withoutHash } = request.headers;
    expect(await sigV4Mismatch({ ...request, headers: withoutHash }, CREDENTIALS, "us-east-1", "cognito-idp")).toMatch(/signed header x-amz-content-sha256 was not sent|@smithy\/signature-v4 computes/);
    expect(await sigV4Mismatch({ ...request, headers: { ...request.headers, "x-amz-target": "AWSCognitoIdentityProviderService.DeleteUserPool" } }, CREDENTIALS, "us-east-1", "cognito-idp")).toMatch(/@smithy\/signature-v4 computes/);
    expect(await sigV4Mismatch(request, { ...CREDENTIALS, secretAccessKey: "other" }, "us-east-1", "cognito-idp")).toMatch(/@smithy\/signature-v4 computes/);
    expect(await sigV4Mismatch(request, CREDENTIALS, "eu-west-1", "cognito-idp")).toMatch(/^scope /);
    // InitiateAuth is unsigned in the model (@auth([])), and the SDK sends it so.
    expect(sent.filter((r) => r.headers["x-amz-target"]!.endsWith(".InitiateAuth")).every((r) => r.headers["authorization"] === undefined)).toBe(true);
  });

  it("reached nothing outside loopback, and stop() ends it and removes its state", async () => {
    expect(server.output()).toContain(`Cognito Local running on ${server.url}`);
    expect(server.blocked()).toEqual([]);
    expect(existsSync(join(server.stateDir, ".cognito/db"))).toBe(true);
    await server.stop();
    expect(existsSync(server.stateDir)).toBe(false);
    const after = await fetch(server.url, { method: "POST" }).then(
      () => "answered",
      (e: unknown) => String((e as { cause?: { code?: string } }).cause?.code),
    );
    expect(after).toBe("ECONNREFUSED");
  });
});
