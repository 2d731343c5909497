// Runtime behaviour of the committed generated code for our InitiateAuth model: the serializer's
// wire request, every constraint of the validator (path, constraint and whole message), and the
// log-safe view.

import { describe, expect, it } from "vitest";
import {
  AuthFlowType,
  SENSITIVE,
  codePointLength,
  redactInitiateAuthRequest,
  serializeInitiateAuthRequest,
  validateInitiateAuthRequest,
  type InitiateAuthRequest,
} from "../../generated/cognito-identity-provider/index.js";

const HEADERS = {
  "Content-Type": "application/x-amz-json-1.1",
  "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",
};

const FULL: InitiateAuthRequest = {
  AuthFlow: AuthFlowType.USER_SRP_AUTH,
  AuthParameters: { USERNAME: "alice", SRP_A: "a1b2", SECRET_HASH: "c2VjcmV0" },
  ClientMetadata: { source: "web" },
  ClientId: "3n4b5urk1ft4fl3mg5e62d9ado",
  AnalyticsMetadata: { AnalyticsEndpointId: "endpoint-1" },
  UserContextData: { IpAddress: "192.0.2.1", EncodedData: "fingerprint" },
  Session: "s".repeat(20),
};

describe("serializeInitiateAuthRequest", () => {
  it("puts a full request on the wire as awsJson1_1", () => {
    const request = serializeInitiateAuthRequest(FULL);
    expect(request).toEqual({ method: "POST", path: "/", query: [], headers: HEADERS, body: expect.any(String) });
    expect(request.body).toBe(
      '{"AuthFlow":"USER_SRP_AUTH","AuthParameters":{"USERNAME":"alice","SRP_A":"a1b2","SECRET_HASH":"c2VjcmV0"},' +
        '"ClientMetadata":{"source":"web"},"ClientId":"3n4b5urk1ft4fl3mg5e62d9ado",' +
        '"AnalyticsMetadata":{"AnalyticsEndpointId":"endpoint-1"},' +
        '"UserContextData":{"IpAddress":"192.0.2.1","EncodedData":"fingerprint"},"Session":"ssssssssssssssssssss"}',
    );
  });

  it("leaves absent members out, including ones set to undefined", () => {
    const request = serializeInitiateAuthRequest({ AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: "abc", Session: undefined });
    expect(request.body).toBe('{"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"abc"}');
  });

  it("drops properties that are not members of the model", () => {
    const input = { AuthFlow: "USER_AUTH", ClientId: "abc", Extra: 1 } as InitiateAuthRequest;
    expect(JSON.parse(serializeInitiateAuthRequest(input).body as string)).toEqual({ AuthFlow: "USER_AUTH", ClientId: "abc" });
  });

  it("keeps a `__proto__` map key as an ordinary key", () => {
    const params = JSON.parse('{"__proto__": "x", "USERNAME": "bob"}') as Record<string, string>;
    const body = serializeInitiateAuthRequest({ AuthFlow: "USER_AUTH", ClientId: "abc", AuthParameters: params }).body as string;
    expect(body).toBe('{"AuthFlow":"USER_AUTH","AuthParameters":{"__proto__":"x","USERNAME":"bob"},"ClientId":"abc"}');
  });
});

describe("validateInitiateAuthRequest", () => {
  it("accepts valid inputs", () => {
    expect(validateInitiateAuthRequest(FULL)).toEqual([]);
    expect(validateInitiateAuthRequest({ AuthFlow: "USER_AUTH", ClientId: "a" })).toEqual([]);
    // 128 code points (256 UTF-16 units) is within length 1–128; `\w` does not match emoji, so pattern fails only.
    expect(validateInitiateAuthRequest({ AuthFlow: "USER_AUTH", ClientId: "x".repeat(128) })).toEqual([]);
  });

  it("reports required members", () => {
    expect(validateInitiateAuthRequest({})).toEqual([
      { path: "/AuthFlow", constraint: "required", message: "Value at '/AuthFlow' failed to satisfy constraint: Member must not be null" },
      { path: "/ClientId", constraint: "required", message: "Value at '/ClientId' failed to satisfy constraint: Member must not be null" },
    ]);
  });

  // Smithy's framework wording (restJson1 malformed-request tests): length failures name the length.
  it("reports length in code points, pattern and enum with Smithy's wording (no pattern check after a length failure)", () => {
    const failures = validateInitiateAuthRequest({ AuthFlow: "PASSWORDLESS", ClientId: "", Session: "short" });
    expect(failures).toEqual([
      {
        path: "/AuthFlow",
        constraint: "enum",
        message:
          "Value at '/AuthFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]",
      },
      { path: "/ClientId", constraint: "length", message: "Value with length 0 at '/ClientId' failed to satisfy constraint: Member must have length between 1 and 128, inclusive" },
      { path: "/Session", constraint: "length", message: "Value with length 5 at '/Session' failed to satisfy constraint: Member must have length between 20 and 2048, inclusive" },
    ]);
  });

  it("counts Unicode code points, not UTF-16 units", () => {
    const emoji = "😀".repeat(10); // 10 code points, 20 UTF-16 units
    expect(codePointLength(emoji)).toBe(10);
    expect(validateInitiateAuthRequest({ AuthFlow: "USER_AUTH", ClientId: "a", Session: emoji }).map((f) => f.constraint)).toEqual(["length"]);
    expect(validateInitiateAuthRequest({ AuthFlow: "USER_AUTH", ClientId: "a", Session: "😀".repeat(20) })).toEqual([]);
    expect(validateInitiateAuthRequest({ AuthFlow: "USER_AUTH", ClientId: "😀".repeat(129) }).map((f) => f.constraint)).toEqual(["length"]);
    expect(validateInitiateAuthRequest({ AuthFlow: "USER_AUTH", ClientId: "😀".repeat(128) }).map((f) => f.constraint)).toEqual(["pattern"]);
  });

  it("reports wrong types at any depth with their paths", () => {
    const failures = validateInitiateAuthRequest({
      AuthFlow: 1,
      ClientId: "abc",
      AuthParameters: { USERNAME: 7 },
      AnalyticsMetadata: { AnalyticsEndpointId: false },
      UserContextData: [],
    });
    expect(failures.map((f) => [f.path, f.constraint])).toEqual([
      ["/AuthFlow", "type"],
      ["/AuthParameters/USERNAME", "type"],
      ["/AnalyticsMetadata/AnalyticsEndpointId", "type"],
      ["/UserContextData", "type"],
    ]);
    expect(validateInitiateAuthRequest("nope").map((f) => f.path)).toEqual([""]);
  });
});

describe("redactInitiateAuthRequest", () => {
  it("hides every sensitive value and keeps the rest", () => {
    expect(redactInitiateAuthRequest(FULL)).toEqual({
      AuthFlow: "USER_SRP_AUTH",
      AuthParameters: SENSITIVE,
      ClientMetadata: { source: "web" },
      ClientId: SENSITIVE,
      AnalyticsMetadata: { AnalyticsEndpointId: "endpoint-1" },
      UserContextData: SENSITIVE,
      Session: SENSITIVE,
    });
    expect(JSON.stringify(redactInitiateAuthRequest(FULL))).not.toMatch(/alice|3n4b5urk|192\.0\.2\.1|sssss/);
  });

  it("does not change its input and leaves absent members absent", () => {
    const input: InitiateAuthRequest = { AuthFlow: "USER_AUTH", ClientId: "abc" };
    expect(redactInitiateAuthRequest(input)).toEqual({ AuthFlow: "USER_AUTH", ClientId: SENSITIVE });
    expect(input).toEqual({ AuthFlow: "USER_AUTH", ClientId: "abc" });
  });
});
