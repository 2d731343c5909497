// Route 53 (restXml) against the AWS SDK v3 client as oracle: the same inputs through our
// generated serializers and through @aws-sdk/client-route-53 (its request captured by a request
// handler that stops the send) give the same method, path, query and body, byte for byte. Covers
// the XML writer on a real service (namespaces, wrapped lists, nested structures, escaping, the
// order of members) and the Route 53 customization (ids sent without `/hostedzone/`).
//
//   ChangeResourceRecordSets { HostedZoneId: "/hostedzone/Z1", ChangeBatch: {...} }
//   → both: POST /2013-04-01/hostedzone/Z1/rrset, '<?xml ...?><ChangeResourceRecordSetsRequest xmlns=...>...'

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import * as route53 from "@aws-sdk/client-route-53";
import { corpusFile } from "../helpers/paths.js";
import { writeTree } from "../helpers/generate.js";
import { generateGz } from "./gz.js";

type Captured = { method: string; path: string; query: Record<string, string | string[] | null>; body?: unknown };
type Ours = { method: string; path: string; query: readonly string[]; body?: string | Uint8Array };

const CASES: readonly (readonly [string, Record<string, unknown>])[] = [
  [
    "ChangeResourceRecordSets",
    {
      HostedZoneId: "/hostedzone/Z1",
      ChangeBatch: {
        Comment: `a<b&"c'\r\n`,
        Changes: [
          { Action: "UPSERT", ResourceRecordSet: { Name: "x.example.com", Type: "A", TTL: 60, ResourceRecords: [{ Value: "1.2.3.4" }] } },
          { Action: "CREATE", ResourceRecordSet: { Name: "y.example.com", Type: "A", AliasTarget: { HostedZoneId: "/hostedzone/Z2", DNSName: "d", EvaluateTargetHealth: true } } },
        ],
      },
    },
  ],
  ["ChangeTagsForResource", { ResourceType: "hostedzone", ResourceId: "Z1", AddTags: [{ Key: "k", Value: "" }], RemoveTagKeys: [] }],
  // No body member set: no body at all (not an empty root element), as the SDK sends it.
  ["ChangeTagsForResource", { ResourceType: "healthcheck", ResourceId: "abc" }],
  ["CreateHealthCheck", { CallerReference: "r", HealthCheckConfig: { Type: "HTTP", Port: 80, Inverted: false, Regions: ["us-east-1"], ChildHealthChecks: [] } }],
  ["CreateHostedZone", { Name: "ex.com", CallerReference: "c", HostedZoneConfig: { PrivateZone: true, Comment: "x" }, VPC: { VPCRegion: "us-east-1", VPCId: "v" }, DelegationSetId: "/delegationset/D1" }],
  ["UpdateHealthCheck", { HealthCheckId: "h", HealthCheckVersion: 2, ResetElements: ["Regions", "ChildHealthChecks"], Regions: ["us-west-1", "eu-west-1"], Disabled: true, HealthThreshold: 0 }],
  ["ListResourceRecordSets", { HostedZoneId: "/hostedzone/Z1", StartRecordName: "ab", StartRecordType: "A", MaxItems: 10 }],
  ["GetChange", { Id: "/change/C1" }],
  ["ChangeCidrCollection", { Id: "i", CollectionVersion: 3, Changes: [{ LocationName: "l", Action: "PUT", CidrList: ["1.0.0.0/8"] }] }],
  ["UpdateHostedZoneComment", { Id: "/hostedzone/Z", Comment: "" }],
];

let ours: Record<string, (input: unknown) => Ours>;
beforeAll(async () => {
  const result = await generateGz(corpusFile("aws-smithy/route-53.json.gz"), "route-53", { format: false });
  const dir = writeTree(result.files, "route-53-sdk");
  for (const [path, content] of result.files) {
    const js = await transform(content, { loader: "ts", format: "esm", target: "node20" });
    mkdirSync(join(dir, "route-53"), { recursive: true });
    writeFileSync(join(dir, path.replace(/\.ts$/, ".js")), js.code);
  }
  ours = (await import(pathToFileURL(join(dir, "route-53", "serializers.js")).href)) as typeof ours;
});

async function sdkRequest(operation: string, input: Record<string, unknown>): Promise<Captured> {
  let captured: Captured | undefined;
  const client = new route53.Route53Client({
    region: "us-east-1",
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
    requestHandler: {
      handle: async (request: Captured) => {
        captured = request;
        throw new Error("captured");
      },
    },
  });
  const Command = (route53 as unknown as Record<string, new (input: unknown) => route53.Route53Client["send"] extends (c: infer C) => unknown ? C : never>)[`${operation}Command`];
  if (!Command) throw new Error(`no ${operation}Command in @aws-sdk/client-route-53`);
  await client.send(new Command(structuredClone(input))).catch(() => undefined);
  if (!captured) throw new Error(`the SDK sent no request for ${operation}`);
  return captured;
}

/** The SDK's query object as our percent-encoded `name=value` list. */
function sdkQuery(query: Captured["query"]): string[] {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  return Object.entries(query).flatMap(([k, v]) => (v === null ? [enc(k)] : (Array.isArray(v) ? v : [v]).map((x) => `${enc(k)}=${enc(x)}`)));
}

describe("Route 53 requests equal the AWS SDK v3 client's", () => {
  it.each(CASES)("%s", async (operation, input) => {
    const sdk = await sdkRequest(operation, input);
    const fn = ours[`serialize${operation}Request`];
    if (!fn) throw new Error(`no serialize${operation}Request`);
    const mine = fn(structuredClone(input));
    expect({ method: mine.method, path: mine.path, query: [...mine.query].sort(), body: mine.body ?? "" }).toEqual({
      method: sdk.method,
      path: sdk.path,
      query: sdkQuery(sdk.query).sort(),
      body: sdk.body ?? "",
    });
  });
});
