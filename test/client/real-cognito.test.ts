// The client of the REAL Cognito model (../shared/corpus/aws-smithy/) with a fake fetch: the
// endpoint from the model's own rules (region, FIPS, dual-stack, an explicit endpoint), SigV4 on
// the operations the model signs (checked against @smithy/signature-v4) and none on those it
// marks `@auth([])` / `@optionalAuth` without credentials (InitiateAuth), and an error code
// InitiateAuth does not model arriving as UnknownServiceError with that code.

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sigV4Mismatch } from "../servers/signature.js";
import { CREDENTIALS, fakeFetch, generateClient, type Generated } from "./helpers.js";

type Client = Record<string, (input?: unknown, options?: unknown) => Promise<unknown>>;
let real: Generated;

beforeAll(async () => {
  real = await generateClient("cognito-real", "../shared/corpus/aws-smithy/cognito-identity-provider.json");
}, 120_000);
afterEach(() => {
  vi.unstubAllEnvs();
});

const client = (config: Record<string, unknown>): Client => (real.mod["createCognitoIdentityProviderClient"] as (c: unknown) => Client)(config);
const login = { AuthFlow: "USER_PASSWORD_AUTH", ClientId: "c1", AuthParameters: { USERNAME: "alice", PASSWORD: "pw" } };

describe("client of the real Cognito model", () => {
  it("resolves the endpoint from the model's rules: region, FIPS, dual-stack, an explicit endpoint", async () => {
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    await client({ fetch: fake.fetch, region: "eu-west-1" })["initiateAuth"]!(login);
    await client({ fetch: fake.fetch, region: "us-east-1", useFipsEndpoint: true })["initiateAuth"]!(login);
    await client({ fetch: fake.fetch, region: "us-east-1", useDualstackEndpoint: true })["initiateAuth"]!(login);
    await client({ fetch: fake.fetch, region: "us-east-1", endpoint: "http://127.0.0.1:9229" })["initiateAuth"]!(login);
    expect(fake.requests.map((r) => r.url)).toEqual([
      "https://cognito-idp.eu-west-1.amazonaws.com/",
      "https://cognito-idp-fips.us-east-1.amazonaws.com/",
      // The model's own endpointTests: "For region us-east-1 with FIPS disabled and DualStack enabled" → amazonaws.com.
      "https://cognito-idp.us-east-1.amazonaws.com/",
      "http://127.0.0.1:9229/",
    ]);
  });

  it("signs AdminCreateUser (cognito-idp, the region); InitiateAuth goes unsigned without credentials", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
    const fake = fakeFetch([{ status: 200, body: "{}" }]);
    await client({ fetch: fake.fetch, region: "eu-west-1", credentials: CREDENTIALS })["adminCreateUser"]!({ UserPoolId: "eu-west-1_abc", Username: "alice" });
    await client({ fetch: fake.fetch, region: "eu-west-1" })["initiateAuth"]!(login);
    const [admin, initiate] = fake.requests;
    const headers = Object.fromEntries(Object.entries(admin!.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(await sigV4Mismatch({ method: admin!.method, url: admin!.url, headers, body: admin!.body as string }, CREDENTIALS, "eu-west-1", "cognito-idp")).toBeUndefined();
    expect(headers["x-amz-target"]).toBe("AWSCognitoIdentityProviderService.AdminCreateUser");
    expect(initiate!.headers["authorization"]).toBeUndefined();
    await expect(client({ fetch: fake.fetch, region: "eu-west-1" })["adminCreateUser"]!({ UserPoolId: "p", Username: "u" })).rejects.toThrow("AdminCreateUser must be signed, but there are no AWS credentials");
  });

  it("InitiateAuth: NotAuthorizedException is its class; InvalidPasswordException (not modelled for it) an UnknownServiceError with that code", async () => {
    const fake = fakeFetch([
      { status: 400, headers: { "x-amzn-requestid": "r1" }, body: '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}' },
      { status: 400, body: '{"__type":"InvalidPasswordException","message":"Incorrect username or password."}' },
    ]);
    const c = client({ fetch: fake.fetch, region: "eu-west-1" });
    const modelled = await c["initiateAuth"]!(login).catch((e: unknown) => e);
    expect(modelled).toBeInstanceOf(real.mod["NotAuthorizedException"] as new () => unknown);
    expect(modelled).toMatchObject({ $code: "NotAuthorizedException", $status: 400, $requestId: "r1", message: "Incorrect username or password." });
    const unknown = await c["initiateAuth"]!(login).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(real.mod["UnknownServiceError"] as new () => unknown);
    expect(unknown).toMatchObject({ $code: "InvalidPasswordException", $status: 400 });
    expect(fake.requests).toHaveLength(2);
  });
});
