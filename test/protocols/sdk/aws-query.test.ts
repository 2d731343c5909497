// AWS SDK v3 as an oracle for awsQuery: random inputs (fast-check, from the model) of every
// operation of SNS, serialized by the code Shapesmith generates from the corpus model and by
// `@aws-sdk/client-sns` (its request captured by a request handler, nothing sent), must be the
// same request on the wire: method, path, query, body byte for byte, and every header but those
// of signing, user agent, retries and the transport (Content-Length, Host).
//
//   Publish { TopicArn: "a", Message: "é", MessageAttributes: { k: { DataType: "Binary", BinaryValue: [1] } } }
//   → both: POST / "Action=Publish&Version=2010-03-31&Message=%C3%A9&TopicArn=a&MessageAttributes.entry.1.Name=k
//              &MessageAttributes.entry.1.Value.DataType=Binary&MessageAttributes.entry.1.Value.BinaryValue=AQ%3D%3D"
//   (required members first, as the SDK orders them; a form's field order carries no meaning)

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { transform } from "esbuild";
import fc from "fast-check";
import * as sns from "@aws-sdk/client-sns";
import { beforeAll, describe, expect, it } from "vitest";
import { Diagnostics } from "../../../generator/diagnostics.js";
import { assignNames } from "../../../generator/naming/names.js";
import { shapeOf, type ResolvedModel } from "../../../generator/model/ir.js";
import { loadModels } from "../../../generator/frontends.js";
import { generateGz } from "../../aws/gz.js";
import { TMP, corpusFile } from "../../helpers/paths.js";
import { inputArbitrary } from "./arbitrary.js";

const SERVICE = "sns";
const RUNS_PER_OPERATION = 12;
/** Headers that differ by design: signing, user agent, retries, and what a transport sets. */
const IGNORED_HEADERS = new Set([
  "authorization",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
  "user-agent",
  "x-amz-user-agent",
  "amz-sdk-invocation-id",
  "amz-sdk-request",
  "content-length",
  "host",
]);

interface Wire {
  method: string;
  path: string;
  query: string[];
  headers: Record<string, string>;
  body: string;
}

let model: ResolvedModel;
let ours: Record<string, (input: unknown) => { method: string; path: string; query: readonly string[]; headers: Record<string, string>; body?: string }>;
let serializerName: (opId: string) => string;

beforeAll(async () => {
  const path = corpusFile(`aws-smithy/${SERVICE}.json.gz`);
  const result = await generateGz(path, SERVICE, { format: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const out = join(TMP, "sdk-oracle", SERVICE);
  for (const [file, content] of result.files) {
    const target = join(out, file.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, (await transform(content, { loader: "ts", format: "esm" })).code);
  }
  ours = (await import(pathToFileURL(join(out, SERVICE, "serializers.js")).href)) as typeof ours;
  const text = gunzipSync(readFileSync(path)).toString("utf8");
  const models = loadModels([{ name: SERVICE, files: [{ path: `${SERVICE}.json`, text }] }], { readFile: () => undefined }, new Diagnostics());
  model = models[0]!;
  const names = assignNames(model, new Diagnostics());
  serializerName = (opId) => names.serializer(opId);
});

interface Captured {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}
/** The request the SDK's handler saw last (a box, so that the handler's write is seen). */
const last: { request?: Captured } = {};
function takeLast(): Captured | undefined {
  const request = last.request;
  delete last.request;
  return request;
}
const client = new sns.SNSClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" },
  maxAttempts: 1,
  requestHandler: {
    handle: async (request: Captured) => {
      last.request = request;
      throw new Error("captured");
    },
  },
});

async function sdkWire(opName: string, input: unknown): Promise<Wire> {
  const Command = (sns as unknown as Record<string, new (input: unknown) => sns.PublishCommand>)[`${opName}Command`];
  if (!Command) throw new Error(`@aws-sdk/client-sns has no ${opName}Command`);
  takeLast();
  await client.send(new Command(input)).catch(() => undefined);
  const captured = takeLast();
  if (!captured) throw new Error(`the SDK sent no request for ${opName}`);
  const query = Object.entries(captured.query ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}=${x}`) : [v === null ? k : `${k}=${v}`]));
  return { method: captured.method, path: captured.path, query, headers: lower(captured.headers), body: String(captured.body ?? "") };
}

function lower(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .map(([k, v]) => [k.toLowerCase(), v] as const)
      .filter(([k]) => !IGNORED_HEADERS.has(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe(`AWS SDK v3 oracle, awsQuery (${SERVICE})`, () => {
  it("every operation: random inputs make the same request", async () => {
    let runs = 0;
    for (const op of model.operations) {
      const fn = ours[serializerName(op.id)];
      expect(fn, `no serializer for ${op.id}`).toBeDefined();
      const arbitrary = op.input === undefined ? fc.constant({}) : inputArbitrary(model, op.input, { skip: (m) => shapeOf(model, m.target).type === "document" });
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          runs++;
          const mine = fn!(input);
          const wire: Wire = { method: mine.method, path: mine.path, query: [...mine.query], headers: lower(mine.headers), body: String(mine.body ?? "") };
          expect(wire).toEqual(await sdkWire(op.name, input));
        }),
        { numRuns: RUNS_PER_OPERATION, seed: 20260101 },
      );
    }
    console.log(`sdk oracle (awsQuery, ${SERVICE}): ${model.operations.length} operations, ${runs} random inputs, every request equal`);
  });
});
