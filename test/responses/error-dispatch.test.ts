// The error dispatch of a service's deserializers is printed once and shared by its operations
// (generator/protocols/deserializers.ts); each operation passes the builders of its own errors, so
// a bundler keeps only those. Each operation still throws only the errors it models:
// the real Cognito model's InitiateAuth does not list `InvalidPasswordException` (AdminCreateUser
// does), so the same error response is that class for one and an `UnknownServiceError` carrying
// the code for the other — what the client issue asks for cognito-local's wrong-password answer.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusFile } from "../helpers/paths.js";
import { generateFrom, writeTree } from "../helpers/generate.js";

type Deserialize = (response: { status: number; headers: Record<string, string>; body: string }) => unknown;

let module: Record<string, unknown>;
let source = "";

beforeAll(async () => {
  const result = await generateFrom([{ name: "cognito", paths: [corpusFile("aws-smithy/cognito-identity-provider.json")] }], { format: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  source = result.files.get("cognito/deserializers.ts") ?? "";
  const dir = writeTree(result.files, "error-dispatch");
  module = (await import(pathToFileURL(`${dir}/cognito/index.ts`).href)) as Record<string, unknown>;
});

const invalidPassword = {
  status: 400,
  headers: { "x-amzn-errortype": "InvalidPasswordException:", "x-amzn-requestid": "req-1" },
  body: JSON.stringify({ __type: "InvalidPasswordException", message: "Incorrect password" }),
};

function thrown(operation: string): Record<string, unknown> {
  try {
    (module[`deserialize${operation}Response`] as Deserialize)(invalidPassword);
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error(`deserialize${operation}Response returned instead of throwing`);
}

describe("error dispatch shared by the operations", () => {
  it("is one function in the whole file; each operation passes the builders of its own errors only", () => {
    expect(source.match(/^function throwResponseError\(/gm)?.length).toBe(1);
    expect(source.match(/switch \(code\)/g)).toBeNull();
    const initiateAuth = /export function deserializeInitiateAuthResponse[^]*?\n}\n/.exec(source)?.[0] ?? "";
    // The model's own list of InitiateAuth's errors.
    const ast = JSON.parse(readFileSync(corpusFile("aws-smithy/cognito-identity-provider.json"), "utf8")) as { shapes: Record<string, { errors?: { target: string }[] }> };
    const modelled = ast.shapes["com.amazonaws.cognitoidentityprovider#InitiateAuth"]?.errors?.map((e) => e.target.split("#")[1]!) ?? [];
    expect(modelled.length).toBeGreaterThan(1);
    // Each code builds its own class, with a reader of its form: `NotAuthorizedException: build_NotAuthorizedException`,
    // one module-level builder per class: `const build_NotAuthorizedException = /* @__PURE__ */ modelledError(NotAuthorizedException, error_…);`
    // (its arguments one per line past the print width, as the printers lay it out).
    const builders = new Map([...source.matchAll(/^const (build_\w+) = \/\* @__PURE__ \*\/ modelledError\(\s*(\w+),\s*(error_\w+),?\s*\);$/gm)].map((m) => [m[1]!, m]));
    const entries = [...initiateAuth.matchAll(/"?(\w+)"?: (build_\w+)/g)].map((m) => [m[1], builders.get(m[2]!)?.[2], builders.get(m[2]!)?.[3]] as const);
    expect(entries.map((m) => m[0]).sort()).toEqual([...modelled].sort());
    for (const m of entries) expect(m[1]).toBe(m[0]);
    expect(source.match(/^const build_\w+ = /gm)?.length).toBe(builders.size);
    // Errors of the same form share a reader: InitiateAuth's 16 errors need two (`message`; InvalidParameterException's `message` and `reasonCode`).
    const readers = new Set(entries.map((m) => m[2]));
    expect(readers.size).toBeLessThan(entries.length);
    expect(source.match(/^function error_\w+\(/gm)?.length).toBeLessThan(new Set(Object.values(ast.shapes).flatMap((s) => (s.errors ?? []).map((e) => e.target))).size);
  });

  it("errors of the same form read their members alike: each arrives as its own class with its members", () => {
    const forbidden = { status: 403, headers: { "x-amzn-errortype": "ForbiddenException" }, body: JSON.stringify({ message: "no" }) };
    const invalid = { status: 400, headers: { "x-amzn-errortype": "InvalidParameterException" }, body: JSON.stringify({ message: "bad", reasonCode: "X" }) };
    const deserialize = module["deserializeInitiateAuthResponse"] as Deserialize;
    const caught = (response: Parameters<Deserialize>[0]) => {
      try {
        deserialize(response);
      } catch (error) {
        return error as Record<string, unknown>;
      }
      throw new Error("returned instead of throwing");
    };
    const a = caught(forbidden);
    expect(a).toBeInstanceOf(module["ForbiddenException"] as new () => unknown);
    expect([a["name"], a["$code"], a["$status"], a["$fault"], a["message"]]).toEqual(["ForbiddenException", "ForbiddenException", 403, "client", "no"]);
    const b = caught(invalid);
    expect(b).toBeInstanceOf(module["InvalidParameterException"] as new () => unknown);
    expect([b["name"], b["message"], b["reasonCode"]]).toEqual(["InvalidParameterException", "bad", "X"]);
  });

  it("throws the modelled class where the operation lists the error", () => {
    const error = thrown("AdminCreateUser");
    expect(error).toBeInstanceOf(module["InvalidPasswordException"] as new () => unknown);
    expect([error["name"], error["$code"], error["$status"], error["$requestId"], error["message"]]).toEqual([
      "InvalidPasswordException",
      "InvalidPasswordException",
      400,
      "req-1",
      "Incorrect password",
    ]);
  });

  it("throws UnknownServiceError with the code where the operation does not list it", () => {
    const error = thrown("InitiateAuth");
    expect(error).toBeInstanceOf(module["UnknownServiceError"] as new () => unknown);
    expect(error).not.toBeInstanceOf(module["InvalidPasswordException"] as new () => unknown);
    expect([error["$code"], error["$status"], error["$fault"], error["message"]]).toEqual(["InvalidPasswordException", 400, "client", "Incorrect password"]);
  });
});
