// The protocol registry: protocol trait id → the protocol that writes its requests. A service
// may declare several protocol traits; the first one (in the service's id order) that the
// registry knows is used. A service with none that we know gets no serializers and a warning.
//
//   pickProtocol(service with @restJson1)           → { protocol: restJson1, trait: { id: "aws.protocols#restJson1", ... } }
//   pickProtocol(service with only @ex#myProtocol)  → undefined, warning SMITHY_UNSUPPORTED_PROTOCOL
//
// Adding a protocol: a folder under generator/protocols/ with an index.ts exporting a Protocol,
// and one line in PROTOCOLS below.

import type { Diagnostics } from "../diagnostics.js";
import type { ProtocolTrait, ResolvedModel } from "../model/ir.js";
import type { Protocol } from "./protocol.js";
import { awsJson1_0, awsJson1_1 } from "./aws-json/index.js";
import { restJson1 } from "./rest-json/index.js";
import { restXml } from "./rest-xml/index.js";
import { openApiHttp } from "./openapi-http/index.js";
import { awsQuery } from "./aws-query/index.js";
import { ec2Query } from "./ec2-query/index.js";
import { rpcv2Cbor, rpcv2Json } from "./rpcv2/index.js";

/** Every protocol Shapesmith writes requests for. */
export const PROTOCOLS: readonly Protocol[] = [awsJson1_0, awsJson1_1, restJson1, restXml, awsQuery, ec2Query, rpcv2Cbor, rpcv2Json, openApiHttp];

const BY_ID: ReadonlyMap<string, Protocol> = new Map(PROTOCOLS.map((p) => [p.id, p]));

export function protocolById(id: string): Protocol | undefined {
  return BY_ID.get(id);
}

export function pickProtocol(model: ResolvedModel, diags: Diagnostics): { protocol: Protocol; trait: ProtocolTrait } | undefined {
  for (const trait of model.service.protocols) {
    const protocol = BY_ID.get(trait.id);
    if (protocol) return { protocol, trait };
  }
  const declared = model.service.protocols.map((p) => `\`${p.id}\``);
  diags.warning(
    "SMITHY_UNSUPPORTED_PROTOCOL",
    `Service \`${model.service.id}\` uses ${declared.length > 0 ? declared.join(", ") : "no protocol trait"}: its types, validators and log-safe views are generated, but no serializers (supported: ${PROTOCOLS.filter((p) => p !== openApiHttp).map((p) => p.id).join(", ")})`,
    { hint: "Serializers need one of the supported protocol traits on the service." },
  );
  return undefined;
}
