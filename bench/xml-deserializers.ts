// Responses per second of our generated restXml deserializer (xml-reader.ts's parser and the XML
// codec reader) against the AWS SDK v3 client's own (fast-xml-parser and its schema serde), in
// the same process, on the same large response: rounds interleaved, median of each, the ratio.
//
//   const lines = await benchXmlDeserializers();
//   → ["deserializers (XML): Route 53 ListResourceRecordSets (250 KB, 1000 record sets), generated 0.6 k/s, @aws-sdk/client-route-53 3.1169.0 deserializeResponse 0.1 k/s → 5.2×"]
//
// Ours: the real Route 53 model (../shared/corpus/aws-smithy/route-53.json.gz) generated
// in-process (format off) into .tmp/bench-xml-deserializers/, transpiled with esbuild, and
// `deserializeListResourceRecordSetsResponse` imported from it. The response: RECORDS record sets
// (plain, weighted and alias ones, each with its records), as Route 53 sends them, as bytes. The
// SDK: its protocol object's `deserializeResponse(operation, context, response)`, as its
// deserialize middleware calls it, with the client's resolved config, each call awaited. Both
// outputs are checked equal first (the SDK's `$metadata` aside).

import { ListResourceRecordSets$, Route53Client } from "@aws-sdk/client-route-53";
import { operation } from "@smithy/core/schema";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { transform } from "esbuild";
import { generate } from "../generator/core.js";
import { loadTemplates } from "../generator/cli/templates.js";

const ROOT = resolve(import.meta.dirname, "..");
const MODEL = resolve(ROOT, "../shared/corpus/aws-smithy/route-53.json.gz");
const OUT = resolve(ROOT, ".tmp", "bench-xml-deserializers");
const RECORDS = 1000;
const ROUNDS = 7;
const BATCH = 40;

interface SdkProtocol {
  deserializeResponse(op: unknown, context: unknown, response: unknown): Promise<Record<string, unknown>>;
}
type Deserialize = (response: { status: number; headers: Record<string, string>; body: string | Uint8Array }) => unknown;

/** A ListResourceRecordSets response of `count` record sets, as Route 53 writes it. */
function responseBody(count: number): string {
  const sets: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `<Name>host-${i}.example.com.</Name>`;
    if (i % 5 === 4) {
      sets.push(
        `<ResourceRecordSet>${name}<Type>A</Type><AliasTarget><HostedZoneId>Z2FDTNDATAQYW2</HostedZoneId>` +
          `<DNSName>d${i}.cloudfront.net.</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget></ResourceRecordSet>`,
      );
    } else {
      const weighted = i % 3 === 0 ? `<SetIdentifier>blue &amp; green ${i}</SetIdentifier><Weight>${i % 100}</Weight>` : "";
      const records = [0, 1, 2].map((k) => `<ResourceRecord><Value>192.0.${k}.${i % 250}</Value></ResourceRecord>`).join("");
      sets.push(`<ResourceRecordSet>${name}<Type>A</Type>${weighted}<TTL>${300 + i}</TTL><ResourceRecords>${records}</ResourceRecords></ResourceRecordSet>`);
    }
  }
  return (
    `<?xml version="1.0"?>\n<ListResourceRecordSetsResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">` +
    `<ResourceRecordSets>${sets.join("\n")}</ResourceRecordSets><IsTruncated>true</IsTruncated>` +
    `<NextRecordName>host-${count}.example.com.</NextRecordName><NextRecordType>A</NextRecordType><MaxItems>${count}</MaxItems>` +
    `</ListResourceRecordSetsResponse>`
  );
}

export async function benchXmlDeserializers(): Promise<string[]> {
  process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1";
  const ours = await generatedDeserializer();
  const body = new TextEncoder().encode(responseBody(RECORDS));
  const headers = { "content-type": "text/xml", "x-amzn-requestid": "5c1b7f7a-0f5d-4b4e-9a59-0d2b2d1c1a1e" };

  const version = (createRequire(import.meta.url)("@aws-sdk/client-route-53/package.json") as { version: string }).version;
  const client = new Route53Client({ region: "us-east-1", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" } });
  const config = client.config as unknown as { protocol: SdkProtocol } & Record<string, unknown>;
  const [, ns, name, traits, inputSchema, outputSchema] = ListResourceRecordSets$ as unknown as [number, string, string, never, never, never];
  const sdkOp = operation(ns, name, traits, inputSchema, outputSchema);
  // The SDK reads the body and deletes headers from the response it is given: a fresh one per call.
  const sdk = () => config.protocol.deserializeResponse(sdkOp, config, { statusCode: 200, headers: { ...headers }, body: body.slice() });
  const mine = () => ours({ status: 200, headers, body });

  // Warm up both, and check they read the same value.
  for (let i = 0; i < 20; i++) {
    mine();
    await sdk();
  }
  const { $metadata: _metadata, ...sdkValue } = await sdk();
  const a = canonical(mine());
  const b = canonical(sdkValue);
  if (a !== b) {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    throw new Error(`our output and the SDK's differ at character ${at}: ours …${a.slice(Math.max(0, at - 80), at + 80)}… SDK …${b.slice(Math.max(0, at - 80), at + 80)}…`);
  }

  const oursRates: number[] = [];
  const sdkRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    for (let i = 0; i < BATCH; i++) mine();
    oursRates.push(BATCH / ((performance.now() - start) / 1000));
    start = performance.now();
    for (let i = 0; i < BATCH; i++) await sdk();
    sdkRates.push(BATCH / ((performance.now() - start) / 1000));
  }
  client.destroy();
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const r = median(oursRates);
  const s = median(sdkRates);
  const rate = (v: number) => (v >= 1e3 ? `${(v / 1e3).toFixed(2)} k/s` : `${v.toFixed(0)}/s`);
  return [
    `deserializers (XML): Route 53 ListResourceRecordSets (${(body.length / 1024).toFixed(0)} KB, ${RECORDS} record sets), generated ${rate(r)}, @aws-sdk/client-route-53 ${version} deserializeResponse ${rate(s)} → ${(r / s).toFixed(1)}×`,
  ];
}

/** Generates the Route 53 model (format off), transpiles it, and imports its ListResourceRecordSets deserializer. */
async function generatedDeserializer(): Promise<Deserialize> {
  const input = { name: "route-53", files: [{ path: "route-53.json", text: gunzipSync(readFileSync(MODEL)).toString("utf8") }] };
  const result = await generate([input], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`the Route 53 model does not generate: ${errors[0]!.message}`);
  rmSync(OUT, { recursive: true, force: true });
  for (const [path, content] of result.files) {
    if (!path.endsWith(".ts")) continue;
    const file = join(OUT, path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, (await transform(content, { loader: "ts", format: "esm", target: "node20" })).code);
  }
  const module = (await import(pathToFileURL(join(OUT, input.name, "deserializers.js")).href)) as Record<string, unknown>;
  const fn = module["deserializeListResourceRecordSetsResponse"];
  if (typeof fn !== "function") throw new Error("deserializers.ts exports no deserializeListResourceRecordSetsResponse");
  return fn as Deserialize;
}

/** A value as comparable text: object keys sorted, Dates as ISO text, bytes as hex. */
function canonical(value: unknown): string {
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `bytes(${Buffer.from(value).toString("hex")})`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}
