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
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { generatedDeserializer, race, type SdkProtocol } from "./sdk-deserializer.js";

const ROOT = resolve(import.meta.dirname, "..");
const MODEL = resolve(ROOT, "../shared/corpus/aws-smithy/route-53.json.gz");
const OUT = resolve(ROOT, ".tmp", "bench-xml-deserializers");
const RECORDS = 1000;
const ROUNDS = 7;
const BATCH = 40;

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
  const model = { name: "route-53", files: [{ path: "route-53.json", text: gunzipSync(readFileSync(MODEL)).toString("utf8") }] };
  const ours = await generatedDeserializer(model, OUT, "deserializeListResourceRecordSetsResponse");
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

  const { ours: r, sdk: s } = await race(mine, sdk, { warmup: 20, rounds: ROUNDS, batch: BATCH });
  client.destroy();
  const rate = (v: number) => (v >= 1e3 ? `${(v / 1e3).toFixed(2)} k/s` : `${v.toFixed(0)}/s`);
  return [
    `deserializers (XML): Route 53 ListResourceRecordSets (${(body.length / 1024).toFixed(0)} KB, ${RECORDS} record sets), generated ${rate(r)}, @aws-sdk/client-route-53 ${version} deserializeResponse ${rate(s)} → ${(r / s).toFixed(1)}×`,
  ];
}
