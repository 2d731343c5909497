// The generated client of an OpenAPI document (test/client/fixtures/shop.openapi.yaml) with a
// fake fetch: the base URL from `servers` (variables from the config or their defaults, an
// operation's own server, `baseUrl` in place of the server), every kind of security scheme
// applied as the document says (header, query, cookie; AND, OR, optional, none), results typed
// per status, the transport's retries without the AWS SDK headers; and the real Cognito OpenAPI
// model's client.

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { fakeFetch, generateClient, recordingSleep, type Generated } from "./helpers.js";

type Client = Record<string, (input?: unknown, options?: unknown) => Promise<unknown>>;
let shop: Generated;
let cognito: Generated;

beforeAll(async () => {
  shop = await generateClient("shop", "test/client/fixtures/shop.openapi.yaml");
  cognito = await generateClient("cognito-openapi", "models/cognito-identity-provider.openapi.yaml");
});

const client = (config: Record<string, unknown>): Client => (shop.mod["createShopClient"] as (c: unknown) => Client)(config);
const item = { status: 200, headers: { "content-type": "application/json" }, body: '{"id":"i1","name":"lamp","price":9.5}' };

describe("OpenAPI client", () => {
  it("the client folders type-check strictly", () => {
    expect(typecheckFolder(join(shop.dir, "shop"))).toEqual([]);
    expect(typecheckFolder(join(cognito.dir, "cognito-openapi"))).toEqual([]);
  });

  it("sends to the first server with its variables' defaults, the request as the serializer builds it, and returns the typed output", async () => {
    const fake = fakeFetch([item]);
    const output = await client({ fetch: fake.fetch, auth: { bearer: "tok" } })["getItem"]!({ id: "a/b", verbose: true, session: "s1" });
    expect(output).toEqual({ id: "i1", name: "lamp", price: 9.5 });
    const expected = (shop.mod["serializeGetItemRequest"] as (i: unknown) => { method: string; path: string; query: string[]; headers: Record<string, string> })({ id: "a/b", verbose: true, session: "s1" });
    expect(expected.path).toBe("/api/v2/items/a%2Fb");
    expect(fake.requests).toEqual([
      {
        url: "https://eu.shop.example.com/api/v2/items/a%2Fb?verbose=true",
        method: expected.method,
        headers: { ...expected.headers, Authorization: "Bearer tok" },
        body: undefined,
        signal: fake.requests[0]!.signal,
      },
    ]);
    expect(fake.requests[0]!.headers["Cookie"]).toBe("session=s1");
  });

  it("serverVariables fill the server URL; baseUrl replaces the server, path included; an operation's own server wins", async () => {
    const fake = fakeFetch([item]);
    await client({ fetch: fake.fetch, auth: { bearer: "t" }, serverVariables: { region: "us", version: "v3" } })["getItem"]!({ id: "x" });
    await client({ fetch: fake.fetch, auth: { bearer: "t" }, baseUrl: "http://127.0.0.1:4010" })["getItem"]!({ id: "x" });
    await client({ fetch: fake.fetch, auth: { bearer: "t" }, baseUrl: "http://127.0.0.1:4010/prefix/" })["getItem"]!({ id: "x" });
    await client({ fetch: fake.fetch })["health"]!();
    expect(fake.requests.map((r) => r.url)).toEqual([
      "https://us.shop.example.com/api/v3/items/x",
      "http://127.0.0.1:4010/items/x",
      "http://127.0.0.1:4010/prefix/items/x",
      "https://status.shop.example.com/health",
    ]);
  });

  it("security: the document's bearer; an operation's basic OR (header key AND query key); cookie key OR oauth OR nothing; none", async () => {
    const fake = fakeFetch([item]);
    const body = { id: "i1", name: "lamp" };
    await client({ fetch: fake.fetch, auth: { basic: { username: "ann", password: "pä:ss" } } })["putItem"]!(body);
    await client({ fetch: fake.fetch, auth: { key: "k1", keyQuery: async () => "q 1&" } })["putItem"]!(body);
    await client({ fetch: fake.fetch, auth: { cookieKey: "c1", oauth: "o1" } })["addToCart"]!({ itemId: "i1" });
    await client({ fetch: fake.fetch, auth: { oauth: async () => "o2" } })["addToCart"]!({ itemId: "i1" });
    await client({ fetch: fake.fetch })["addToCart"]!({ itemId: "i1" });
    await client({ fetch: fake.fetch, auth: { bearer: "unused" } })["health"]!();
    const auth = fake.requests.map((r) => ({ url: r.url, authorization: r.headers["Authorization"], key: r.headers["X-Api-Key"], cookie: r.headers["Cookie"] }));
    expect(auth).toEqual([
      { url: "https://eu.shop.example.com/api/v2/items/i1", authorization: `Basic ${Buffer.from("ann:pä:ss").toString("base64")}`, key: undefined, cookie: undefined },
      { url: "https://eu.shop.example.com/api/v2/items/i1?api%20key=q%201%26", authorization: undefined, key: "k1", cookie: undefined },
      { url: "https://eu.shop.example.com/api/v2/cart", authorization: undefined, key: undefined, cookie: "shop_key=c1" },
      { url: "https://eu.shop.example.com/api/v2/cart", authorization: "Bearer o2", key: undefined, cookie: undefined },
      { url: "https://eu.shop.example.com/api/v2/cart", authorization: undefined, key: undefined, cookie: undefined },
      { url: "https://status.shop.example.com/health", authorization: undefined, key: undefined, cookie: undefined },
    ]);
    const put = (shop.mod["serializePutItemRequest"] as (i: unknown) => { body: string })(body);
    expect(fake.requests[0]!.body).toBe(put.body);
  });

  it("without credentials for a requirement that is not optional the call says which to set, and sends nothing", async () => {
    const fake = fakeFetch([item]);
    await expect(client({ fetch: fake.fetch })["getItem"]!({ id: "x" })).rejects.toThrow("getItem needs credentials: set auth.bearer in the client's config");
    await expect(client({ fetch: fake.fetch, auth: { key: "k" } })["putItem"]!({ id: "x", name: "n" })).rejects.toThrow(
      "putItem needs credentials: set auth.basic, or auth.key and auth.keyQuery in the client's config",
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("an error status is its typed error; an undeclared one an UnknownServiceError with its status", async () => {
    const fake = fakeFetch([
      { status: 404, headers: { "content-type": "application/json" }, body: '{"message":"no item"}' },
      { status: 418, body: "teapot" },
    ]);
    const c = client({ fetch: fake.fetch, auth: { bearer: "t" } });
    const notFound = await c["getItem"]!({ id: "x" }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(shop.mod["NotFound"] as new () => unknown);
    expect(notFound).toMatchObject({ name: "NotFound", $status: 404, message: "no item" });
    const teapot = await c["getItem"]!({ id: "x" }).catch((e: unknown) => e);
    expect(teapot).toBeInstanceOf(shop.mod["UnknownServiceError"] as new () => unknown);
    expect(teapot).toMatchObject({ $status: 418 });
  });

  it("retries a 503 as the AWS clients do, without amz-sdk-* headers; validate (the validators module) sends nothing invalid", async () => {
    const fake = fakeFetch([{ status: 503, body: "" }, { status: 201, headers: { "content-type": "application/json" }, body: '{"count":2}' }]);
    const { sleep, waits } = recordingSleep();
    expect(await client({ fetch: fake.fetch, sleep, random: () => 0.5 })["addToCart"]!({ itemId: "i1", quantity: 2 })).toEqual({ count: 2 });
    expect(fake.requests).toHaveLength(2);
    expect(waits).toEqual([50]);
    expect(Object.keys(fake.requests[0]!.headers).filter((h) => h.startsWith("amz-sdk"))).toEqual([]);
    const validators = (await import(pathToFileURL(join(shop.dir, "shop", "validators.ts")).href)) as Record<string, unknown>;
    const invalid = await client({ fetch: fake.fetch, validate: validators })["addToCart"]!({ itemId: "", quantity: 0 }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(shop.mod["RequestValidationError"] as new () => unknown);
    expect((invalid as { failures: { path: string }[] }).failures.map((f) => f.path)).toEqual(["/itemId", "/quantity"]);
    expect(fake.requests).toHaveLength(2);
  });

  it("Cognito (OpenAPI model): InitiateAuth at the document's server", async () => {
    const fake = fakeFetch([{ status: 200, headers: { "content-type": "application/json" }, body: '{"AuthenticationResult":{"AccessToken":"at"}}' }]);
    const c = (cognito.mod["createCognitoIdentityProviderClient"] as (c: unknown) => Client)({ fetch: fake.fetch });
    const input = { AuthFlow: "USER_PASSWORD_AUTH", ClientId: "c1", AuthParameters: { USERNAME: "u", PASSWORD: "p" } };
    expect(await c["initiateAuth"]!(input)).toEqual({ AuthenticationResult: { AccessToken: "at" } });
    const expected = (cognito.mod["serializeInitiateAuthRequest"] as (i: unknown) => { headers: Record<string, string>; body: string })(input);
    expect(fake.requests[0]).toMatchObject({ url: "https://cognito-idp.us-east-1.amazonaws.com/", method: "POST", headers: expected.headers, body: expected.body });
  });
});
