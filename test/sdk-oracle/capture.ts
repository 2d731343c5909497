// The AWS SDK for JavaScript v3 as an oracle: a client whose request handler records the
// HttpRequest it is given and answers with a canned empty response (no network).
//
//   const sdk = sdkCapture(await import("@aws-sdk/client-dynamodb"), "DynamoDBClient");
//   await sdk.send("DescribeTable", { TableName: "t" }, "00000000-…")
//   → { method: "POST", hostname: "oracle.test", path: "/", query: {},
//       headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.DescribeTable", authorization: …, … },
//       body: '{"TableName":"t"}' }
//
// Static dummy credentials, a fixed region and endpoint (`https://oracle.test`, so a host prefix
// shows as the start of `hostname`), one attempt. Idempotency tokens the SDK fills in come from
// `crypto.randomUUID`, which is replaced by `token` for the duration of the call. What the SDK
// does after the handler returns (parsing the canned response, which may fail) does not matter:
// only a request that never reached the handler is an error.

import { Readable } from "node:stream";

export const ORACLE_HOST = "oracle.test";

/** The request as the SDK's handler received it (header names as the SDK wrote them). */
export interface SdkRequest {
  readonly method: string;
  readonly hostname: string;
  readonly path: string;
  /** Decoded names and values; a list for a repeated name; null for a name without value. */
  readonly query: Readonly<Record<string, string | readonly string[] | null>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

interface CapturedHttpRequest {
  method: string;
  hostname: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

type ClientClass = new (config: Record<string, unknown>) => { send(command: unknown): Promise<unknown>; destroy(): void };
type CommandClass = new (input: unknown) => unknown;

export interface SdkCapture {
  send(operation: string, input: unknown, token: string): Promise<SdkRequest>;
  destroy(): void;
}

export function sdkCapture(module: Record<string, unknown>, clientName: string): SdkCapture {
  process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1";
  const Client = module[clientName] as ClientClass | undefined;
  if (typeof Client !== "function") throw new Error(`the SDK module exports no ${clientName}`);
  let captured: CapturedHttpRequest | undefined;
  const client = new Client({
    region: "us-east-1",
    endpoint: `https://${ORACLE_HOST}`,
    credentials: { accessKeyId: "AKIDORACLE", secretAccessKey: "oracle-secret" },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: CapturedHttpRequest) => {
        captured = request;
        return { response: { statusCode: 200, headers: {}, body: Readable.from([]) } };
      },
    },
  });
  return {
    async send(operation, input, token) {
      const Command = module[`${operation}Command`] as CommandClass | undefined;
      if (typeof Command !== "function") throw new Error(`the SDK module exports no ${operation}Command`);
      captured = undefined;
      const cryptoObject = globalThis.crypto as unknown as Record<string, unknown>;
      const own = Object.getOwnPropertyDescriptor(cryptoObject, "randomUUID");
      Object.defineProperty(cryptoObject, "randomUUID", { value: () => token, configurable: true, writable: true });
      let failure: unknown;
      try {
        await client.send(new Command(input));
      } catch (error) {
        failure = error;
      } finally {
        if (own) Object.defineProperty(cryptoObject, "randomUUID", own);
        else delete cryptoObject["randomUUID"];
      }
      const request = captured as CapturedHttpRequest | undefined;
      if (!request) throw new Error(`the SDK sent no ${operation} request: ${failure instanceof Error ? failure.message : String(failure)}`);
      return {
        method: request.method,
        hostname: request.hostname,
        path: request.path,
        query: request.query ?? {},
        headers: request.headers,
        ...(request.body === undefined || request.body === null ? {} : { body: bodyOf(request.body) }),
      };
    },
    destroy: () => client.destroy(),
  };
}

/** The SDK hands over strings, byte arrays (its JSON codec's string-like ones too) or streams. */
function bodyOf(body: unknown): string | Uint8Array {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Uint8Array.from(body);
  throw new Error(`the SDK sent a body of an unexpected kind: ${Object.prototype.toString.call(body)}`);
}
