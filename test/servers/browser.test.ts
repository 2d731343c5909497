// Our client in a browser: the client generated from the real Cognito model, bundled by esbuild
// for the browser (no Node built-in may be imported: the build fails on one, and the bundle and its
// inputs are checked), loaded by a page that a loopback server serves, in headless Chromium
// (Debian's /usr/bin/chromium through playwright-core, as test/playground/ does), calling
// cognito-local on another loopback port (cross-origin: cognito-local answers CORS preflights).
// In the page: ListUserPools and AdminGetUser signed with SigV4 by WebCrypto (checked against
// @smithy/signature-v4), InitiateAuth unsigned returning JWTs, a wrong password as
// UnknownServiceError with the server's code.
// Without /usr/bin/chromium the test is skipped with a reason, except under CI=true (.ci/run
// installs it), where a missing browser is a failure.

import * as sdk from "@aws-sdk/client-cognito-identity-provider";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, relative } from "node:path";
import { build, type Metafile } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";
import { startCognitoLocal, type CognitoLocal } from "./cognito-local.js";
import { EMAIL, PASSWORD, jwt } from "./flow.js";
import { NAME, clientFile, generateCognito } from "./generated-client.js";
import { sigV4Mismatch, type Sent } from "./signature.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const inCi = process.env.CI === "true";
if (!available && !inCi) console.warn(`browser client test skipped: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run installs it)`);

const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const REGION = "us-east-1";
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>client</title><script src="/client.js"></script></head><body></body></html>`;

/** What the page returns of its calls. */
interface PageResult {
  readonly pools: string[];
  readonly adminUser: { Username?: string; UserStatus?: string; UserAttributes?: { Name: string; Value: string }[] };
  readonly tokens: { AccessToken?: string; IdToken?: string };
  readonly wrong: { isUnknown: boolean; isServiceError: boolean; name: string; code: string; status: number; message: string };
  readonly sent: Sent[];
}

describe.skipIf(!available && !inCi)("our client in headless Chromium against cognito-local", () => {
  let server: CognitoLocal;
  let dir: string;
  let metafile: Metafile;
  let bundle: string;
  let web: Server;
  let origin: string;
  let browser: Browser | undefined;
  let page: Page;
  let poolId: string;
  let clientId: string;
  const pageErrors: string[] = [];
  let sentInPage: Sent[] = [];

  beforeAll(async () => {
    if (!available) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install Debian's chromium`);
    [server, dir] = await Promise.all([startCognitoLocal(), generateCognito("servers-browser")]);
    clientFile(dir);
    const entry = join(dir, "browser-entry.ts");
    writeFileSync(entry, [`export * as client from "./${NAME}/client.js";`, `export * as runtime from "./${NAME}/runtime.js";`, ""].join("\n"));
    const built = await build({ entryPoints: [entry], bundle: true, format: "iife", globalName: "shapesmithCognito", platform: "browser", target: "chrome120", metafile: true, write: false, logLevel: "silent" });
    metafile = built.metafile;
    bundle = built.outputFiles[0]!.text;

    // A pool, an app client and a user, made by the AWS SDK v3 client (the anchor).
    const anchor = new sdk.CognitoIdentityProviderClient({ region: REGION, endpoint: server.url, credentials: CREDENTIALS, maxAttempts: 1 });
    poolId = (await anchor.send(new sdk.CreateUserPoolCommand({ PoolName: "browser" }))).UserPool!.Id!;
    clientId = (await anchor.send(new sdk.CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "browser", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] }))).UserPoolClient!.ClientId!;
    await anchor.send(new sdk.AdminCreateUserCommand({ UserPoolId: poolId, Username: EMAIL, MessageAction: "SUPPRESS" }));
    await anchor.send(new sdk.AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: EMAIL, Password: PASSWORD, Permanent: true }));
    anchor.destroy();

    web = createServer((request, response) => {
      if (request.url === "/") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
      else if (request.url === "/client.js") response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
    const address = web.address();
    origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${origin}/`);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (web ? web.close(() => resolve()) : resolve()));
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the browser bundle imports no Node built-in (its inputs are the generated files only)", () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.filter((path) => !relative(dir, join(ROOT, path)).startsWith(`${NAME}/`) && !path.endsWith("browser-entry.ts"))).toEqual([]);
    for (const input of Object.values(metafile.inputs)) {
      expect(input.imports.filter((i) => i.external || i.path.startsWith("node:")), JSON.stringify(input.imports)).toEqual([]);
    }
    expect(bundle).not.toMatch(/\brequire\(|"node:|__require/);
    // Nor does any generated file, bundled or not.
    for (const file of readdirSync(join(dir, NAME))) {
      expect(readFileSync(join(dir, NAME, file), "utf8"), file).not.toMatch(/from "node:|import\("node:|\brequire\(/);
    }
  });

  it("lists the pools and gets the user (ListUserPools, AdminGetUser), signs a user in with InitiateAuth (unsigned), and reads a wrong password as UnknownServiceError", async () => {
    const result = await page.evaluate(
      async ({ endpoint, region, credentials, poolId, clientId, email, password }) => {
        const api = (globalThis as unknown as { shapesmithCognito: { client: Record<string, (config: unknown) => Record<string, (input: unknown) => Promise<Record<string, unknown>>>>; runtime: Record<string, new () => Error> } }).shapesmithCognito;
        const sent: { method: string; url: string; headers: Record<string, string>; body: string }[] = [];
        const recordingFetch = (url: string, init: { method?: string; headers?: ConstructorParameters<typeof Headers>[0]; body?: string | Uint8Array }) => {
          const headers: Record<string, string> = {};
          new Headers(init.headers).forEach((value, name) => (headers[name] = value));
          sent.push({ method: init.method ?? "GET", url, headers, body: typeof init.body === "string" ? init.body : init.body ? new TextDecoder().decode(init.body) : "" });
          return fetch(url, init as RequestInit);
        };
        const client = api.client["createCognitoIdentityProviderClient"]!({ region, endpoint, credentials, fetch: recordingFetch, maxAttempts: 1 });
        const pools = ((await client["listUserPools"]!({ MaxResults: 10 })).UserPools as { Id: string }[]).map((p) => p.Id);
        const adminUser = await client["adminGetUser"]!({ UserPoolId: poolId, Username: email });
        const auth = await client["initiateAuth"]!({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: password } });
        const error = (await client["initiateAuth"]!({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: "Wrong-Password-1" } }).catch((e: unknown) => e)) as Error & { $code: string; $status: number };
        return {
          pools,
          adminUser,
          tokens: auth.AuthenticationResult as { AccessToken?: string; IdToken?: string },
          wrong: { isUnknown: error instanceof api.runtime["UnknownServiceError"]!, isServiceError: error instanceof api.runtime["ServiceError"]!, name: error.name, code: error.$code, status: error.$status, message: error.message },
          sent,
        };
      },
      { endpoint: server.url, region: REGION, credentials: CREDENTIALS, poolId, clientId, email: EMAIL, password: PASSWORD },
    );
    const r = result as unknown as PageResult;
    expect(pageErrors).toEqual([]);
    expect(r.pools).toEqual([poolId]);
    expect(r.adminUser.UserStatus).toBe("CONFIRMED");
    expect(r.adminUser.UserAttributes).toContainEqual({ Name: "email", Value: EMAIL });
    expect(jwt(r.tokens.AccessToken!).claims).toMatchObject({ token_use: "access", client_id: clientId, username: r.adminUser.Username, iss: `${server.url}/${poolId}` });
    expect(jwt(r.tokens.IdToken!).claims).toMatchObject({ token_use: "id", aud: clientId, email: EMAIL });
    expect(r.wrong).toEqual({ isUnknown: true, isServiceError: true, name: "UnknownServiceError", code: "InvalidPasswordException", status: 400, message: "Invalid password" });

    expect(r.sent.map((s) => s.headers["x-amz-target"])).toEqual(["ListUserPools", "AdminGetUser", "InitiateAuth", "InitiateAuth"].map((op) => `AWSCognitoIdentityProviderService.${op}`));
    for (const request of r.sent.slice(2)) expect(request.headers["authorization"]).toBeUndefined();
    expect(server.blocked()).toEqual([]);
    sentInPage = r.sent;
  });

  it("signed ListUserPools and AdminGetUser with SigV4 in the page (WebCrypto), as @smithy/signature-v4 signs the same requests", async () => {
    expect(sentInPage).toHaveLength(4);
    for (const request of sentInPage.slice(0, 2)) expect(await sigV4Mismatch(request, CREDENTIALS, REGION, "cognito-idp"), request.headers["x-amz-target"]).toBeUndefined();
  });
});
