// The auth part of the resolved model (issue 11 part 3): `service.auth`, `operation.auth`,
// `optionalAuth` and `unsignedPayload`, from the Smithy traits and from the botocore keys.
//
// Real models: every field is checked against the raw documents (the service's auth traits and
// `@auth`, each operation's `@auth` / `@optionalAuth` / `aws.auth#unsignedPayload`), and the two
// descriptions of the same service (Smithy JSON AST and botocore) must give every shared operation
// the same effective auth. Small models check the rules the corpus does not exercise: several
// schemes without `@auth` (shape id order), `@auth` order, `httpApiKeyAuth`'s values, an `@auth`
// naming a scheme the service lacks (a diagnostic), botocore's `signingName` and `v2`.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadModels } from "../../generator/frontends.js";
import { operationAuth, type ResolvedModel } from "../../generator/model/ir.js";
import { corpusFile } from "../helpers/paths.js";

const host = { readFile: () => undefined };

function load(path: string, text: string, name = "svc"): { model: ResolvedModel | undefined; diags: Diagnostics } {
  const diags = new Diagnostics();
  const [model] = loadModels([{ name, files: [{ path, text }] }], host, diags);
  return { model, diags };
}

/** An IDL model loaded with the real `aws.auth` trait definitions (`@authDefinition` read from them). */
function loadIdl(text: string): { model: ResolvedModel | undefined; diags: Diagnostics } {
  const defs = corpusFile("smithy/trait-defs/smithy-aws-traits/aws.auth.smithy");
  const diags = new Diagnostics();
  const [model] = loadModels([{ name: "things", files: [{ path: "things.smithy", text }, { path: "aws.auth.smithy", text: readFileSync(defs, "utf8") }] }], host, diags);
  return { model, diags };
}

function loadGz(relative: string): { model: ResolvedModel; raw: Record<string, unknown> } {
  const text = gunzipSync(readFileSync(corpusFile(relative))).toString("utf8");
  const { model, diags } = load(relative.replace(/\.gz$/, ""), text);
  expect(diags.items.filter((d) => d.severity === "error")).toEqual([]);
  return { model: model!, raw: JSON.parse(text) as Record<string, unknown> };
}

type Traits = Record<string, unknown>;
interface RawShape {
  readonly type: string;
  readonly traits?: Traits;
}

const AUTH_TRAITS = ["aws.auth#sigv4", "aws.auth#sigv4a", "smithy.api#httpBearerAuth", "smithy.api#httpBasicAuth", "smithy.api#httpDigestAuth", "smithy.api#httpApiKeyAuth"];

const PAIRS = [
  { smithy: "cognito-identity-provider", botocore: "cognito-idp-2016-04-18" },
  { smithy: "s3", botocore: "s3-2006-03-01" },
  { smithy: "codecatalyst", botocore: "codecatalyst-2022-09-28" },
  { smithy: "sso", botocore: "sso-2019-06-10" },
  { smithy: "lex-runtime-service", botocore: "runtime.lex-2016-11-28" },
  { smithy: "apigatewayv2", botocore: "apigatewayv2-2018-11-29" },
];

describe("auth in the resolved model, real AWS models", () => {
  it.each(PAIRS)("$smithy: what the Smithy document says, and the same effective auth from botocore", ({ smithy, botocore }) => {
    const s = loadGz(`aws-smithy/${smithy}.json.gz`);
    const b = loadGz(`aws-botocore/${botocore}.normal.json.gz`);
    const shapes = (s.raw["shapes"] ?? {}) as Record<string, RawShape>;
    const [, rawService] = Object.entries(shapes).find(([, shape]) => shape.type === "service")!;
    const serviceTraits = rawService.traits ?? {};
    const expectedIds = (serviceTraits["smithy.api#auth"] as string[] | undefined) ?? Object.keys(serviceTraits).filter((t) => AUTH_TRAITS.includes(t)).sort();
    expect(s.model.service.auth?.map((a) => a.id) ?? []).toEqual(expectedIds);
    for (const scheme of s.model.service.auth ?? []) {
      if (scheme.type === "sigv4") expect(scheme.name).toBe((serviceTraits["aws.auth#sigv4"] as { name: string }).name);
    }

    let unsigned = 0;
    let optional = 0;
    let unsignedPayload = 0;
    for (const op of s.model.operations) {
      const traits = shapes[op.id]!.traits ?? {};
      expect(op.auth?.map((a) => a.id)).toEqual(traits["smithy.api#auth"]);
      expect(op.optionalAuth ?? false).toBe("smithy.api#optionalAuth" in traits);
      expect(op.unsignedPayload ?? false).toBe("aws.auth#unsignedPayload" in traits);
      if (operationAuth(s.model.service, op).length === 0) unsigned++;
      if (op.optionalAuth) optional++;
      if (op.unsignedPayload) unsignedPayload++;
    }

    const botoOps = new Map(b.model.operations.map((op) => [op.name, op]));
    let shared = 0;
    const differ: string[] = [];
    for (const op of s.model.operations) {
      const other = botoOps.get(op.name);
      if (!other) continue;
      shared++;
      const ours = { auth: operationAuth(s.model.service, op), unsignedPayload: op.unsignedPayload ?? false };
      const theirs = { auth: operationAuth(b.model.service, other), unsignedPayload: other.unsignedPayload ?? false };
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) differ.push(`${op.name}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
    }
    console.log(
      `auth IR: ${smithy} ${JSON.stringify(s.model.service.auth)}; ${s.model.operations.length} operations, ${unsigned} unsigned, ${optional} @optionalAuth, ${unsignedPayload} unsignedPayload; botocore agrees on ${shared - differ.length}/${shared}`,
    );
    expect(differ).toEqual([]);
    expect(shared).toBeGreaterThan(0);
  });

  it("Cognito InitiateAuth is unsigned and @optionalAuth; AdminCreateUser is signed with cognito-idp", () => {
    const { model } = loadGz("aws-smithy/cognito-identity-provider.json.gz");
    const op = (name: string) => model.operations.find((o) => o.name === name)!;
    expect({ auth: op("InitiateAuth").auth, optionalAuth: op("InitiateAuth").optionalAuth }).toEqual({ auth: [], optionalAuth: true });
    expect(op("AdminCreateUser").auth).toBeUndefined();
    expect(operationAuth(model.service, op("AdminCreateUser"))).toEqual([{ type: "sigv4", id: "aws.auth#sigv4", name: "cognito-idp" }]);
  });
});

const SMITHY = `$version: "2.0"
namespace example

use aws.auth#sigv4

@sigv4(name: "things")
@httpBearerAuth
@httpApiKeyAuth(name: "X-Api-Key", in: "header", scheme: "ApiKey")
@httpBasicAuth
service Things { version: "1", operations: [Get, Put, Ping] }

@auth([httpBasicAuth, sigv4])
operation Get {}

@optionalAuth
@aws.auth#unsignedPayload
operation Put {}

@auth([])
operation Ping {}
`;

describe("auth in the resolved model, rules", () => {
  it("without @auth, every auth trait of the service in shape id order; @auth on an operation in its own order", () => {
    const { model, diags } = loadIdl(SMITHY);
    expect(diags.items.filter((d) => d.severity === "error")).toEqual([]);
    expect(model!.service.auth).toEqual([
      { type: "sigv4", id: "aws.auth#sigv4", name: "things" },
      { type: "httpApiKeyAuth", id: "smithy.api#httpApiKeyAuth", name: "X-Api-Key", in: "header", scheme: "ApiKey" },
      { type: "httpBasicAuth", id: "smithy.api#httpBasicAuth" },
      { type: "httpBearerAuth", id: "smithy.api#httpBearerAuth" },
    ]);
    const ops = Object.fromEntries(model!.operations.map((o) => [o.name, o]));
    expect(ops["Get"]!.auth).toEqual([{ type: "httpBasicAuth", id: "smithy.api#httpBasicAuth" }, { type: "sigv4", id: "aws.auth#sigv4", name: "things" }]);
    expect(ops["Ping"]!.auth).toEqual([]);
    expect(operationAuth(model!.service, ops["Ping"]!)).toEqual([]);
    expect({ auth: ops["Put"]!.auth, optionalAuth: ops["Put"]!.optionalAuth, unsignedPayload: ops["Put"]!.unsignedPayload }).toEqual({
      auth: undefined,
      optionalAuth: true,
      unsignedPayload: true,
    });
    expect(operationAuth(model!.service, ops["Put"]!)).toBe(model!.service.auth);
  });

  it("@auth on the service gives the order; a service without auth traits has no auth", () => {
    const ordered = SMITHY.replace("@httpBasicAuth\nservice", "@httpBasicAuth\n@auth([httpBearerAuth, sigv4])\nservice");
    expect(loadIdl(ordered).model!.service.auth?.map((a) => a.id)).toEqual(["smithy.api#httpBearerAuth", "aws.auth#sigv4"]);
    const none = `$version: "2.0"\nnamespace example\nservice Plain { operations: [Op] }\noperation Op {}\n`;
    const { model } = loadIdl(none);
    expect(model!.service.auth).toBeUndefined();
    expect(operationAuth(model!.service, model!.operations[0]!)).toEqual([]);
  });

  it("an @auth that names a scheme the service does not have is an error at the trait", () => {
    const bad = SMITHY.replace("@auth([httpBasicAuth, sigv4])", "@auth([httpDigestAuth])");
    const { diags } = loadIdl(bad);
    expect(diags.items.filter((d) => d.severity === "error").map(({ code, message, pointer, line }) => ({ code, message, pointer, line }))).toEqual([
      {
        code: "SMITHY_INVALID_MODEL",
        message: '`example#Get`: @auth lists "smithy.api#httpDigestAuth", which is not an auth scheme of the service',
        pointer: "/shapes/example#Get/traits/smithy.api#auth",
        line: 12,
      },
    ]);
  });
});

describe("auth in the resolved model, botocore keys", () => {
  const doc = (metadata: Record<string, unknown>, op: Record<string, unknown> = {}) =>
    JSON.stringify({
      metadata: { protocol: "json", apiVersion: "2020-01-01", serviceId: "Things", endpointPrefix: "things", targetPrefix: "Things", ...metadata },
      operations: { Op: { name: "Op", http: { method: "POST", requestUri: "/" }, ...op } },
      shapes: {},
    });
  const loadDoc = (text: string) => {
    const { model, diags } = load("things.normal.json", text);
    expect(diags.items.filter((d) => d.severity === "error")).toEqual([]);
    return model!;
  };

  it("signingName wins over endpointPrefix; authtype none is unsigned; v4-unsigned-body is unsignedPayload", () => {
    const m = loadDoc(doc({ signatureVersion: "v4", signingName: "thing-signer" }, { authtype: "none" }));
    expect(m.service.auth).toEqual([{ type: "sigv4", id: "aws.auth#sigv4", name: "thing-signer" }]);
    expect(m.operations[0]!.auth).toEqual([]);
    const body = loadDoc(doc({ signatureVersion: "s3" }, { authtype: "v4-unsigned-body" }));
    expect(body.service.auth).toEqual([{ type: "sigv4", id: "aws.auth#sigv4", name: "things" }]);
    expect({ auth: body.operations[0]!.auth, unsignedPayload: body.operations[0]!.unsignedPayload }).toEqual({ auth: undefined, unsignedPayload: true });
  });

  it("metadata.auth wins over signatureVersion; auth [noAuth] is unsigned; v2 is a scheme no client implements", () => {
    const m = loadDoc(doc({ signatureVersion: "v4", auth: ["smithy.api#httpBearerAuth"] }, { auth: ["smithy.api#noAuth"] }));
    expect(m.service.auth).toEqual([{ type: "httpBearerAuth", id: "smithy.api#httpBearerAuth" }]);
    expect(m.operations[0]!.auth).toEqual([]);
    expect(loadDoc(doc({ signatureVersion: "v2" })).service.auth).toEqual([{ type: "other", id: "v2", value: "v2" }]);
  });

  it("a mistyped auth key is a diagnostic at its place", () => {
    const { diags } = load("things.normal.json", doc({ auth: "aws.auth#sigv4" }, { authtype: 4 }));
    expect(diags.items.filter((d) => d.severity === "error").map((d) => d.pointer)).toEqual(["/metadata/auth", "/operations/Op/authtype"]);
  });
});
