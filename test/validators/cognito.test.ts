// The InitiateAuthRequest validator of a hand-built Cognito fixture: the benchmark's shape.

import { beforeAll, describe, expect, it } from "vitest";
import { cognitoModel, emitAndImport, msg, type Validator } from "./fixtures.js";

let validate: Validator;

beforeAll(async () => {
  validate = (await emitAndImport(cognitoModel())).validate("validateInitiateAuthRequest");
});

const valid = {
  AuthFlow: "USER_PASSWORD_AUTH",
  ClientId: "3n4b5urk1ft4fl3mg5e62d9ado",
  AuthParameters: { USERNAME: "alice", PASSWORD: "hunter2", SECRET_HASH: "abc/def~" },
  ClientMetadata: {},
  AnalyticsMetadata: { AnalyticsEndpointId: "endpoint" },
  UserContextData: { IpAddress: "192.0.2.1", EncodedData: "data" },
  Session: "s".repeat(20),
};

describe("validateInitiateAuthRequest", () => {
  it("accepts valid requests", () => {
    expect(validate(valid)).toEqual([]);
    expect(validate({ AuthFlow: "USER_AUTH", ClientId: "a" })).toEqual([]);
  });

  it("counts the ClientId in code points: 128 emoji pass, 129 fail", () => {
    // An emoji is not \w: the pattern fails at 128; at 129 the length fails and the pattern is not run.
    const emoji128 = "😀".repeat(128);
    expect(emoji128.length).toBe(256);
    expect(validate({ ...valid, ClientId: emoji128 })).toEqual([
      {
        path: "/ClientId",
        constraint: "pattern",
        message: msg("/ClientId", "Member must satisfy regular expression pattern: ^[\\w+]+$"),
      },
    ]);
    expect(validate({ ...valid, ClientId: "😀".repeat(129) })).toEqual([
      {
        path: "/ClientId",
        constraint: "length",
        message: msg("/ClientId", "Member must have length between 1 and 128, inclusive", "with length 129"),
      },
    ]);
    expect(validate({ ...valid, ClientId: "a".repeat(128) })).toEqual([]);
  });

  it("reports every failure of a bad request, in member order", () => {
    expect(
      validate({
        AuthFlow: "PASSWORD",
        ClientId: "",
        AuthParameters: { USERNAME: 7, "a/b": null },
        UserContextData: { IpAddress: 1 },
        Session: "short",
      }),
    ).toEqual([
      {
        path: "/AuthFlow",
        constraint: "enum",
        message: msg(
          "/AuthFlow",
          "Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]",
        ),
      },
      {
        path: "/AuthParameters/USERNAME",
        constraint: "type",
        message: msg("/AuthParameters/USERNAME", "Member must be of type string", "of type number"),
      },
      {
        path: "/AuthParameters/a~1b",
        constraint: "type",
        message: msg("/AuthParameters/a~1b", "Member must be of type string", "of type null"),
      },
      {
        path: "/ClientId",
        constraint: "length",
        message: msg("/ClientId", "Member must have length between 1 and 128, inclusive", "with length 0"),
      },
      {
        path: "/UserContextData/IpAddress",
        constraint: "type",
        message: msg("/UserContextData/IpAddress", "Member must be of type string", "of type number"),
      },
      {
        path: "/Session",
        constraint: "length",
        message: msg("/Session", "Member must have length between 20 and 2048, inclusive", "with length 5"),
      },
    ]);
  });

  it("reports both required members", () => {
    expect(validate({})).toEqual([
      { path: "/AuthFlow", constraint: "required", message: msg("/AuthFlow", "Member must not be null") },
      { path: "/ClientId", constraint: "required", message: msg("/ClientId", "Member must not be null") },
    ]);
  });

  it("prefixes paths with the given root", () => {
    expect(validate({ AuthFlow: "USER_AUTH" }, "/input")).toEqual([
      { path: "/input/ClientId", constraint: "required", message: msg("/input/ClientId", "Member must not be null") },
    ]);
  });

  it("returns a fresh array each call", () => {
    const a = validate(valid);
    const b = validate(valid);
    expect(a).not.toBe(b);
  });
});
