// The parts of an OpenAPI document a generated client needs beyond requests and responses: the
// `servers` it sends to and the security schemes and requirements it authenticates with.
//
//   servers: [{ url: "https://{env}.example.com/v1", variables: { env: { default: api } } }]
//   → [{ url: "https://{env}.example.com/v1", variables: [{ name: "env", default: "api" }] }]
//   components.securitySchemes: { key: { type: apiKey, name: X-Key, in: header } }
//   → [{ key: "key", scheme: { type: "httpApiKeyAuth", id: "smithy.api#httpApiKeyAuth", name: "X-Key", in: "header" } }]
//   security: [{ key: [] }, {}] → [["key"], []]
//
// What cannot be read is left out with a warning (a scheme of an unknown type, a requirement
// naming no scheme); the document still generates.

import type { AuthScheme, SecurityRequirements, SecurityScheme, Server } from "../model/ir.js";
import type { Documents, Located } from "./documents.js";
import { isObject } from "./pointer.js";
import { commonmark } from "./schemas.js";

/** The `servers` of `owner` (the document, a path item or an operation); undefined when it has none. */
export function lowerServers(docs: Documents, owner: Located): Server[] | undefined {
  if (!isObject(owner.value) || !Array.isArray(owner.value["servers"]) || owner.value["servers"].length === 0) return undefined;
  const servers: Server[] = [];
  owner.value["servers"].forEach((_, i) => {
    const at = docs.deref(docs.child(owner, "servers", i));
    if (!at || !isObject(at.value) || typeof at.value["url"] !== "string") return;
    const variables: Server["variables"][number][] = [];
    const declared = isObject(at.value["variables"]) ? at.value["variables"] : {};
    for (const name of Object.keys(declared)) {
      const variable = declared[name];
      if (!isObject(variable)) continue;
      const values = Array.isArray(variable["enum"]) ? variable["enum"].filter((v): v is string | number => typeof v === "string" || typeof v === "number").map(String) : undefined;
      const fallback = variable["default"] ?? values?.[0];
      if (typeof fallback !== "string" && typeof fallback !== "number") continue;
      variables.push({ name, default: String(fallback), ...(values && values.length > 0 ? { enum: values } : {}) });
    }
    servers.push({ url: at.value["url"], variables });
  });
  return servers.length > 0 ? servers : undefined;
}

/** `components.securitySchemes`, by key in code-unit order; undefined when there are none. */
export function lowerSecuritySchemes(docs: Documents, root: Located): SecurityScheme[] | undefined {
  const schemes = docs.child(root, "components", "securitySchemes");
  if (!isObject(schemes.value)) return undefined;
  const out: SecurityScheme[] = [];
  for (const key of Object.keys(schemes.value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const at = docs.deref(docs.child(schemes, key));
    if (!at || !isObject(at.value)) continue;
    const scheme = authScheme(at.value);
    if (scheme === undefined) {
      docs.report("warning", "OPENAPI_SECURITY_SCHEME", `Security scheme \`${key}\` has a type Shapesmith does not read (${JSON.stringify(at.value["type"])}); generated clients do not send it`, at, "Use type http, apiKey, oauth2 or openIdConnect.");
      continue;
    }
    const description = at.value["description"];
    out.push({ key, scheme, ...(typeof description === "string" && description.trim() !== "" ? { docs: commonmark(description) } : {}) });
  }
  return out.length > 0 ? out : undefined;
}

function authScheme(value: Record<string, unknown>): AuthScheme | undefined {
  switch (value["type"]) {
    case "http": {
      const scheme = typeof value["scheme"] === "string" ? value["scheme"] : "";
      const lower = scheme.toLowerCase();
      if (lower === "bearer") return { type: "httpBearerAuth", id: "smithy.api#httpBearerAuth" };
      if (lower === "basic") return { type: "httpBasicAuth", id: "smithy.api#httpBasicAuth" };
      if (lower === "digest") return { type: "httpDigestAuth", id: "smithy.api#httpDigestAuth" };
      return { type: "httpApiKeyAuth", id: "smithy.api#httpApiKeyAuth", name: "Authorization", in: "header", ...(scheme === "" ? {} : { scheme }) };
    }
    case "apiKey": {
      const where = value["in"];
      if (typeof value["name"] !== "string" || (where !== "header" && where !== "query" && where !== "cookie")) return undefined;
      return { type: "httpApiKeyAuth", id: "smithy.api#httpApiKeyAuth", name: value["name"], in: where };
    }
    // The access token an OAuth 2.0 or OpenID Connect flow gave is sent as a bearer token (RFC 6750).
    case "oauth2":
    case "openIdConnect":
      return { type: "httpBearerAuth", id: "smithy.api#httpBearerAuth" };
    case "mutualTLS":
      return { type: "other", id: "openapi#mutualTLS", value };
    default:
      return undefined;
  }
}

/**
 * The `security` of `owner` (the document or an operation): each requirement's scheme keys,
 * sorted; undefined when `owner` has no `security`. A requirement naming an unknown scheme
 * cannot be met: it is left out, with a warning.
 */
export function lowerSecurity(docs: Documents, owner: Located, schemes: readonly SecurityScheme[] | undefined): SecurityRequirements | undefined {
  if (!isObject(owner.value) || !Array.isArray(owner.value["security"])) return undefined;
  const known = new Set((schemes ?? []).map((s) => s.key));
  const out: string[][] = [];
  owner.value["security"].forEach((requirement, i) => {
    if (!isObject(requirement)) return;
    const keys = Object.keys(requirement).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length > 0) {
      docs.report("warning", "OPENAPI_SECURITY_UNKNOWN", `Security requirement ${i} names ${unknown.map((k) => `\`${k}\``).join(", ")}, which ${unknown.length === 1 ? "is no" : "are no"} readable security scheme of components.securitySchemes; it is left out`, docs.child(owner, "security", i), "Define the scheme under components.securitySchemes, or fix the name.");
      return;
    }
    out.push(keys);
  });
  return out;
}
