// Checks a request a client sent (as a recording `fetch` saw it) against SigV4 as
// `@smithy/signature-v4` computes it for the same request, at the request's own `x-amz-date`,
// over exactly the headers the request says it signed.
//
//   await sigV4Mismatch(sent, CREDENTIALS, "us-east-1", "cognito-idp")
//   → undefined when the Authorization header is the one the oracle computes; else what differs

import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

/** A request as sent: header names in lower case, the body as text. */
export interface Sent {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** `fetch` arguments as a record (header names in lower case, the body as text). */
export function describeRequest(url: string, init: { method?: string; headers?: unknown; body?: unknown }): Sent {
  const headers: Record<string, string> = {};
  new Headers(init.headers as ConstructorParameters<typeof Headers>[0]).forEach((value, name) => (headers[name] = value));
  const body = init.body === undefined || init.body === null ? "" : typeof init.body === "string" ? init.body : new TextDecoder().decode(init.body as Uint8Array);
  return { method: init.method ?? "GET", url, headers, body };
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

export async function sigV4Mismatch(
  request: Sent,
  credentials: { accessKeyId: string; secretAccessKey: string },
  region: string,
  service: string,
): Promise<string | undefined> {
  const authorization = request.headers["authorization"];
  if (authorization === undefined) return "no Authorization header";
  const match = AUTHORIZATION.exec(authorization);
  if (!match) return `not a SigV4 Authorization header: ${authorization}`;
  const [, key, day, signedRegion, signedService, signedHeaders] = match;
  if (key !== credentials.accessKeyId || signedRegion !== region || signedService !== service) return `scope ${key}/${day}/${signedRegion}/${signedService}, expected ${credentials.accessKeyId}/…/${region}/${service}`;
  const signed = signedHeaders!.split(";");
  for (const required of ["host", "x-amz-date"]) if (!signed.includes(required)) return `SignedHeaders lacks ${required}: ${signedHeaders}`;
  const amzDate = request.headers["x-amz-date"];
  if (amzDate === undefined || !/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== day) return `x-amz-date ${amzDate} does not match the scope's day ${day}`;
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  for (const name of signed) {
    const value = name === "host" ? (request.headers["host"] ?? url.host) : request.headers[name];
    if (value === undefined) return `signed header ${name} was not sent`;
    headers[name] = value;
  }
  // A signed payload hash must be the body's: the oracle takes that header as given.
  const payloadHash = headers["x-amz-content-sha256"];
  if (payloadHash !== undefined && payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== createHash("sha256").update(request.body).digest("hex")) {
    return `x-amz-content-sha256 ${payloadHash} is not the SHA-256 of the body`;
  }
  const query: Record<string, string[]> = {};
  url.searchParams.forEach((value, name) => (query[name] ??= []).push(value));
  const signer = new SignatureV4({ credentials, region, service, sha256: Sha256, applyChecksum: false });
  const date = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const expected = await signer.sign(
    { method: request.method, protocol: url.protocol, hostname: url.hostname, ...(url.port ? { port: Number(url.port) } : {}), path: url.pathname, query, headers, body: request.body },
    { signingDate: date },
  );
  const oracle = expected.headers["authorization"];
  return oracle === authorization ? undefined : `Authorization ${authorization}, @smithy/signature-v4 computes ${oracle}`;
}

/** The hash @smithy/signature-v4 asks for (SHA-256, or HMAC-SHA-256 given a secret), from node:crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === "string") return data;
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
