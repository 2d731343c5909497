// What the OpenAPI front end keeps for generated clients (generator/openapi/security.ts): the
// servers with their variables, the security schemes by key, and the requirements of the
// document and of each operation, on test/client/fixtures/shop.openapi.yaml.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadModels } from "../../generator/frontends.js";
import { ROOT } from "../helpers/paths.js";

const PATH = "test/client/fixtures/shop.openapi.yaml";

function load(text: string) {
  const diags = new Diagnostics();
  const [model] = loadModels([{ name: "shop", files: [{ path: PATH, text }] }], { readFile: () => undefined }, diags);
  return { model: model!, diags: diags.items };
}

describe("OpenAPI servers and security in the resolved model", () => {
  it("servers, schemes and requirements of the document and its operations", () => {
    const { model, diags } = load(readFileSync(join(ROOT, PATH), "utf8"));
    expect(diags).toEqual([]);
    expect(model.service.servers).toEqual([
      { url: "https://{region}.shop.example.com/api/{version}", variables: [{ name: "region", default: "eu", enum: ["eu", "us"] }, { name: "version", default: "v2" }] },
      { url: "http://localhost:8080/api/v2", variables: [] },
    ]);
    expect(model.service.securitySchemes).toEqual([
      { key: "basic", scheme: { type: "httpBasicAuth", id: "smithy.api#httpBasicAuth" } },
      { key: "bearer", scheme: { type: "httpBearerAuth", id: "smithy.api#httpBearerAuth" }, docs: { text: "A session token from the login page.", format: "commonmark" } },
      { key: "cookieKey", scheme: { type: "httpApiKeyAuth", id: "smithy.api#httpApiKeyAuth", name: "shop_key", in: "cookie" } },
      { key: "key", scheme: { type: "httpApiKeyAuth", id: "smithy.api#httpApiKeyAuth", name: "X-Api-Key", in: "header" } },
      { key: "keyQuery", scheme: { type: "httpApiKeyAuth", id: "smithy.api#httpApiKeyAuth", name: "api key", in: "query" } },
      { key: "mtls", scheme: { type: "other", id: "openapi#mutualTLS", value: { type: "mutualTLS" } } },
      { key: "oauth", scheme: { type: "httpBearerAuth", id: "smithy.api#httpBearerAuth" } },
    ]);
    expect(model.service.security).toEqual([["bearer"]]);
    const ops = Object.fromEntries(model.operations.map((op) => [op.name, { security: op.security, servers: op.servers }]));
    expect(ops).toEqual({
      addToCart: { security: [["cookieKey"], ["oauth"], []], servers: undefined },
      getItem: { security: undefined, servers: undefined },
      health: { security: [], servers: [{ url: "https://status.shop.example.com", variables: [] }] },
      putItem: { security: [["basic"], ["key", "keyQuery"]], servers: undefined },
    });
  });

  it("another http scheme is an Authorization header with that scheme; an unknown type and an unknown requirement are warnings", () => {
    const text = [
      "openapi: 3.0.3",
      "info: { title: T, version: '1' }",
      "security: [{ token: [] }, { nope: [] }]",
      "paths: {}",
      "components:",
      "  securitySchemes:",
      "    token: { type: http, scheme: Token }",
      "    weird: { type: carrier-pigeon }",
    ].join("\n");
    const { model, diags } = load(text);
    expect(model.service.securitySchemes).toEqual([{ key: "token", scheme: { type: "httpApiKeyAuth", id: "smithy.api#httpApiKeyAuth", name: "Authorization", in: "header", scheme: "Token" } }]);
    expect(model.service.security).toEqual([["token"]]);
    expect(diags.map((d) => [d.severity, d.code, d.pointer])).toEqual([
      ["warning", "OPENAPI_SECURITY_SCHEME", "/components/securitySchemes/weird"],
      ["warning", "OPENAPI_SECURITY_UNKNOWN", "/security/1"],
    ]);
  });
});
