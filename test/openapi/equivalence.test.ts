// The same InitiateAuth request described twice, in Smithy (models/cognito-identity-provider.smithy)
// and in OpenAPI (models/cognito-identity-provider.openapi.yaml): the two generated serializers
// put the same request on the wire, and the two validators accept and reject the same inputs
// with the same failures (path, constraint, message).

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
