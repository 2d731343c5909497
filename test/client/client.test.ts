// The generated client (client.ts) driven with a fake fetch: requests exactly as the serializers
// build them at the configured endpoint, typed outputs, typed errors with their codes, validation
// that sends nothing, host prefixes; and the generated folders type-check strictly.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { CREDENTIALS, fakeFetch, generateClient, THINGS, type Generated } from "./helpers.js";

type Fn = (...args: unknown[]) => unknown;
type Client = Record<string, (input?: unknown, options?: unknown) => Promise<unknown>>;

let things: Generated;
let cognito: Generated;
const fn = (g: Generated, name: string): Fn => {
  const f = g.mod[name];
  if (typeof f !== "function") throw new Error(`index.ts exports no function ${name}`);
  return f as Fn;
};
const thingClient = (config: Record<string, unknown>): Client => fn(things, "createThingServiceClient")({ endpoint: "https://things.example.com", region: "us-east-1", credentials: CREDENTIALS, ...config }) as Client;

beforeAll(async () => {
  things = await generateClient("things", ...THINGS);
  cognito = await generateClient("cognito", "models/cognito-identity-provider.smithy");
});

describe("generated client", () => {
  it("the client folders type-check strictly, with an app that passes the validators module as config `validate`", () => {
    // The documented way to validate: the module namespace is a `Validators` table.
    const app = (factory: string) => `import * as validators from "./validators.js";\nimport { ${factory} } from "./client.js";\nexport const client = ${factory}({ validate: validators });\n`;
    writeFileSync(join(things.dir, "things", "validating-app.ts"), app("createThingServiceClient"));
    writeFileSync(join(cognito.dir, "cognito", "validating-app.ts"), app("createCognitoIdentityProviderClient"));
    expect(typecheckFolder(join(things.dir, "things"))).toEqual([]);
    expect(typecheckFolder(join(cognito.dir, "cognito"))).toEqual([]);
  });

  it("sends the request the serializer builds, at the endpoint, and returns the typed output", async () => {
    const fake = fakeFetch([{ status: 200, headers: { "content-type": "application/json" }, body: '{"id":"t1","name":"lamp"}' }]);
    // Ping is unsigned (@auth([])): the headers are the serializer's and the SDK's only.
    const client = thingClient({ fetch: fake.fetch });
    expect(await client["ping"]!()).toEqual({});
    const expected = fn(things, "serializePingRequest")() as { method: string; path: string; headers: Record<string, string> };
    const { "amz-sdk-invocation-id": invocation, ...rest } = fake.requests[0]!.headers;
    expect(invocation).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rest).toEqual({ ...expected.headers, "amz-sdk-request": "attempt=1; max=3" });
    expect(fake.requests[0]).toMatchObject({ method: "GET", url: "https://things.example.com/ping", body: undefined });

    const output = await client["getThing"]!({ id: "a b/c", verbose: true });
    expect(output).toEqual({ id: "t1", name: "lamp" });
    const get = fn(things, "serializeGetThingRequest")({ id: "a b/c", verbose: true }) as { method: string; path: string; query: string[]; headers: Record<string, string> };
    const sent = fake.requests[1]!;
    expect(sent.method).toBe(get.method);
    expect(sent.url).toBe(`https://things.example.com${get.path}?${get.query.join("&")}`);
    expect(sent.url).toBe("https://things.example.com/things/a%20b%2Fc?verbose=true");
    expect(sent.headers).toMatchObject(get.headers);
    expect(sent.body).toBeUndefined();
  });

  it("an endpoint with a base path keeps it; an operation without input takes none", async () => {
    const fake = fakeFetch([{ status: 200, body: '{"ok":true}' }]);
    const client = thingClient({ fetch: fake.fetch, endpoint: "http://127.0.0.1:8080/base/" });
    expect(await client["ping"]!()).toEqual({ ok: true });
    expect(fake.requests[0]!.url).toBe("http://127.0.0.1:8080/base/ping");
  });

  it("puts the host prefix before the host, unless disableHostPrefix", async () => {
    const fake = fakeFetch([{ status: 200, body: "" }]);
    await thingClient({ fetch: fake.fetch })["putData"]!({ zone: "eu1", value: "v" });
    await thingClient({ fetch: fake.fetch, disableHostPrefix: true })["putData"]!({ zone: "eu1", value: "v" });
    expect(fake.requests.map((r) => r.url)).toEqual(["https://eu1.data.things.example.com/data", "https://things.example.com/data"]);
    expect(fake.requests[0]!.body).toBe((fn(things, "serializePutDataRequest")({ zone: "eu1", value: "v" }) as { body: string }).body);
  });

  it("throws the modelled error class with its code, status, members and request id", async () => {
    const fake = fakeFetch([{ status: 404, headers: { "x-amzn-errortype": "NotFound", "x-amzn-requestid": "req-1" }, body: '{"message":"no such thing","id":"t9"}' }]);
    const error = await thingClient({ fetch: fake.fetch })["getThing"]!({ id: "t9" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(things.mod["NotFound"] as new () => unknown);
    expect(error).toMatchObject({ name: "NotFound", $code: "NotFound", $status: 404, $fault: "client", $requestId: "req-1", message: "no such thing", id: "t9" });
    expect(fake.requests).toHaveLength(1);
  });

  it("an error code the operation does not model is an UnknownServiceError that keeps the code", async () => {
    const fake = fakeFetch([{ status: 400, body: '{"__type":"InvalidPasswordException","message":"bad password"}' }]);
    const error = await thingClient({ fetch: fake.fetch })["getThing"]!({ id: "t9" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(things.mod["UnknownServiceError"] as new () => unknown);
    expect(error).toMatchObject({ name: "UnknownServiceError", $code: "InvalidPasswordException", $status: 400, message: "bad password" });
  });

  it("validate: the validators module rejects an invalid input with every failure and sends nothing; without it the input is sent", async () => {
    const fake = fakeFetch([{ status: 200, body: '{"id":"x"}' }]);
    const invalid = { name: "" };
    const validators = (await import(pathToFileURL(join(things.dir, "things", "validators.ts")).href)) as Record<string, unknown>;
    const error = await thingClient({ fetch: fake.fetch, validate: validators })["createThing"]!(invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(things.mod["RequestValidationError"] as new () => unknown);
    const failures = fn(things, "validateCreateThingInput")(invalid);
    expect(failures).toHaveLength(1);
    expect((error as { failures: unknown }).failures).toEqual(failures);
    expect((error as Error).message).toBe(`The input of CreateThing is not valid: ${(failures as { message: string }[])[0]!.message}`);
    expect(fake.requests).toHaveLength(0);
    await thingClient({ fetch: fake.fetch })["createThing"]!(invalid);
    expect(fake.requests).toHaveLength(1);
  });

  it("fills the idempotency token once per call (config.idempotencyToken) and sends it", async () => {
    const fake = fakeFetch([{ status: 200, body: '{"id":"x"}' }]);
    let n = 0;
    const client = thingClient({ fetch: fake.fetch, idempotencyToken: () => `token-${++n}` });
    await client["createThing"]!({ name: "a" });
    await client["createThing"]!({ name: "b", clientToken: "mine" });
    expect(fake.requests.map((r) => JSON.parse(r.body as string))).toEqual([
      { name: "a", clientToken: "token-1" },
      { name: "b", clientToken: "mine" },
    ]);
  });

  it("the operation functions share a context with the client's methods (one transport)", async () => {
    const fake = fakeFetch([{ status: 200, body: '{"ok":true}' }]);
    const context = fn(things, "createThingServiceContext")({ endpoint: "https://things.example.com", fetch: fake.fetch });
    expect(await fn(things, "ping")(context)).toEqual({ ok: true });
    expect(fake.requests[0]!.url).toBe("https://things.example.com/ping");
  });

  it("without an endpoint (and no endpoint rules) a call says which config field to set and sends nothing", async () => {
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    const client = fn(things, "createThingServiceClient")({ fetch: fake.fetch }) as Client;
    await expect(client["ping"]!()).rejects.toThrow("ThingService has no endpoint rules in its model: set `endpoint` in the client's config");
    expect(fake.requests).toHaveLength(0);
  });

  it("Cognito: InitiateAuth through createCognitoIdentityProviderClient", async () => {
    const fake = fakeFetch([{ status: 200, body: '{"AuthenticationResult":{"AccessToken":"at","ExpiresIn":3600,"TokenType":"Bearer"},"ChallengeParameters":{}}' }]);
    const client = fn(cognito, "createCognitoIdentityProviderClient")({ endpoint: "https://cognito-idp.us-east-1.amazonaws.com", fetch: fake.fetch }) as Client;
    const input = { AuthFlow: "USER_PASSWORD_AUTH", ClientId: "client1", AuthParameters: { USERNAME: "alice", PASSWORD: "pw" } };
    const output = await client["initiateAuth"]!(input);
    expect(output).toEqual({ AuthenticationResult: { AccessToken: "at", ExpiresIn: 3600, TokenType: "Bearer" }, ChallengeParameters: {} });
    const expected = fn(cognito, "serializeInitiateAuthRequest")(input) as { headers: Record<string, string>; body: string };
    expect(fake.requests[0]).toMatchObject({ url: "https://cognito-idp.us-east-1.amazonaws.com/", method: "POST", body: expected.body });
    expect(fake.requests[0]!.headers).toMatchObject(expected.headers);
  });
});
