// The service of an AWS JSON service description, from its `metadata`: the namespace of every
// shape id, the protocol traits the protocol registry picks from, and what Smithy keeps in
// `aws.api#service` (`sdkId`, `endpointPrefix`).
//
//   { protocol: "json", jsonVersion: "1.1", targetPrefix: "AWSCognitoIdentityProviderService",
//     serviceId: "Cognito Identity Provider", apiVersion: "2016-04-18", endpointPrefix: "cognito-idp" }
//   → namespace "com.amazonaws.cognitoidentityprovider",
//     service { id: "com.amazonaws.cognitoidentityprovider#AWSCognitoIdentityProviderService",
//               name: "AWSCognitoIdentityProviderService", version: "2016-04-18",
//               protocols: [{ id: "aws.protocols#awsJson1_1", value: {} }],
//               targetPrefix: "AWSCognitoIdentityProviderService", sdkId: "Cognito Identity Provider",
//               endpointPrefix: "cognito-idp" }
//
// The namespace is the one AWS's Smithy models use: `com.amazonaws.` and the `serviceId` in lower
// case without spaces or punctuation, so the shapes of both descriptions of a service have the
// same ids. The Smithy service shape's own name is not in this format: the `targetPrefix` stands
// in when it is a plain name (it is the shape's name for nearly every awsJson service), else the
// `serviceId` without spaces. Protocol names map as `json` → awsJson1_0 / awsJson1_1 (by
// `jsonVersion`, botocore's default 1.0), `rest-json` → restJson1, `query` → awsQuery, `ec2` →
// ec2Query, `rest-xml` → restXml, `smithy-rpc-v2-cbor` → rpcv2Cbor; `protocols` (when present)
// lists every one the service speaks, and they are kept in id order as the Smithy front end keeps
// its protocol traits.
//
// Auth: `metadata.auth` (`["aws.auth#sigv4"]`, newer files), else `signatureVersion` (`v4`, `s3`,
// `s3v4` → sigv4; `v4a` → sigv4a; `bearer` → httpBearerAuth; `v2` → an `other` scheme no client
// signs). The SigV4 signing name is `signingName`, else `endpointPrefix`, as botocore reads it:
//   { signatureVersion: "v4", endpointPrefix: "cognito-idp" } → auth: [{ type: "sigv4", id: "aws.auth#sigv4", name: "cognito-idp" }]

import type { Diagnostics } from "../diagnostics.js";
import type { AuthScheme, Documentation, ProtocolTrait, Service } from "../model/ir.js";
import type { At, BotoMetadata } from "./document.js";

export type BotoProtocol = "json" | "rest-json" | "query" | "ec2" | "rest-xml" | "smithy-rpc-v2-cbor";

const PROTOCOL_TRAITS: Readonly<Record<Exclude<BotoProtocol, "json">, string>> = {
  "rest-json": "aws.protocols#restJson1",
  query: "aws.protocols#awsQuery",
  ec2: "aws.protocols#ec2Query",
  "rest-xml": "aws.protocols#restXml",
  "smithy-rpc-v2-cbor": "smithy.protocols#rpcv2Cbor",
};

export function isBotoProtocol(name: string): name is BotoProtocol {
  return name === "json" || Object.hasOwn(PROTOCOL_TRAITS, name);
}

/** `com.amazonaws.<serviceId in lower case, letters and digits only>`. */
export function namespaceOf(metadata: BotoMetadata, fallback: string): string {
  const base = (metadata.serviceId ?? metadata.endpointPrefix ?? fallback).toLowerCase().replace(/[^a-z0-9]/g, "");
  return `com.amazonaws.${/^[a-z]/.test(base) ? base : `s${base}`}`;
}

export function lowerService(metadata: BotoMetadata, namespace: string, docs: Documentation | undefined, at: At, diags: Diagnostics): Service {
  const names = metadata.protocols && metadata.protocols.length > 0 ? metadata.protocols : [metadata.protocol];
  const protocols: ProtocolTrait[] = [];
  for (const [i, name] of names.entries()) {
    if (!isBotoProtocol(name)) {
      diags.warning("BOTOCORE_UNKNOWN_PROTOCOL", `The protocol ${JSON.stringify(name)} is not one Shapesmith knows: the service gets no serializers for it`, {
        ...(metadata.protocols ? at("metadata", "protocols", i) : at("metadata", "protocol")),
        hint: 'Known protocols: "json", "rest-json", "query", "ec2", "rest-xml", "smithy-rpc-v2-cbor".',
      });
      continue;
    }
    const id = name === "json" ? `aws.protocols#awsJson${metadata.jsonVersion === "1.1" ? "1_1" : "1_0"}` : PROTOCOL_TRAITS[name];
    if (!protocols.some((p) => p.id === id)) protocols.push({ id, value: {} });
  }
  protocols.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const prefix = metadata.targetPrefix;
  const name = prefix !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix) ? prefix : (metadata.serviceId ?? metadata.endpointPrefix ?? "Service").replace(/[^A-Za-z0-9_]/g, "") || "Service";
  return {
    id: `${namespace}#${name}`,
    name,
    ...(metadata.apiVersion !== undefined ? { version: metadata.apiVersion } : {}),
    protocols,
    ...(docs ? { docs } : {}),
    ...(prefix !== undefined ? { targetPrefix: prefix } : {}),
    ...(metadata.awsQueryCompatible !== undefined ? { awsQueryCompatible: true } : {}),
    ...(metadata.xmlNamespace !== undefined ? { xml: { namespace: { uri: metadata.xmlNamespace } } } : {}),
    ...(metadata.serviceId !== undefined ? { sdkId: metadata.serviceId } : {}),
    ...(metadata.endpointPrefix !== undefined ? { endpointPrefix: metadata.endpointPrefix } : {}),
    ...authOf(metadata, at, diags),
  };
}

const SIGNATURE_VERSIONS: Readonly<Record<string, string>> = {
  v4: "aws.auth#sigv4",
  s3: "aws.auth#sigv4",
  s3v4: "aws.auth#sigv4",
  v4a: "aws.auth#sigv4a",
  bearer: "smithy.api#httpBearerAuth",
};

function authOf(metadata: BotoMetadata, at: At, diags: Diagnostics): { auth?: readonly AuthScheme[] } {
  const ids = metadata.auth ?? (metadata.signatureVersion !== undefined ? [SIGNATURE_VERSIONS[metadata.signatureVersion] ?? metadata.signatureVersion] : []);
  const auth: AuthScheme[] = [];
  for (const id of ids) {
    const scheme = authSchemeOf(id, metadata);
    if (scheme) auth.push(scheme);
    else
      diags.warning("BOTOCORE_NO_SIGNING_NAME", `The service signs with ${id} but names no signing name: generated clients will not sign its requests`, {
        ...at("metadata"),
        hint: 'Add "signingName" (or "endpointPrefix") to metadata.',
      });
  }
  return auth.length > 0 ? { auth } : {};
}

/** One auth scheme id of botocore (`aws.auth#sigv4`, or a `signatureVersion` we do not map: `v2`). */
export function authSchemeOf(id: string, metadata: BotoMetadata): AuthScheme | undefined {
  const name = metadata.signingName ?? metadata.endpointPrefix;
  switch (id) {
    case "aws.auth#sigv4":
      return name !== undefined ? { type: "sigv4", id, name } : undefined;
    case "aws.auth#sigv4a":
      return name !== undefined ? { type: "sigv4a", id, name } : undefined;
    case "smithy.api#httpBearerAuth":
      return { type: "httpBearerAuth", id };
    default:
      return { type: "other", id, value: metadata.signatureVersion ?? id };
  }
}
