// Endpoint resolutions per second of the generated endpoints.ts (the interpreter template over the
// rule set kept as data) against the AWS SDK v3's rules engine (`resolveEndpoint` of
// @aws-sdk/util-endpoints with its AWS functions, no endpoint cache), on the same rule set, the
// same parameters and the same (corpus) partitions table, rounds interleaved, medians. Both must
// give the same endpoint first, or the bench stops. Also the size of what a folder carries.
//
//   await benchEndpoints()
//   → ["endpoints: S3 GetObject (virtual host, eu-west-1), ours 7.1 k/s, @aws-sdk/util-endpoints 3.996.9 5.0 k/s → 1.42×", …,
//      "endpoints size: S3 endpoints.ts 254 KB formatted (rules 79 KB as JSON), endpoint-rules.ts 20 KB; Cognito endpoints.ts 14 KB"]

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { resolveEndpoint as sdkResolve, setPartitionInfo } from "@aws-sdk/util-endpoints";
import { generate } from "../generator/core.js";
import { loadTemplates } from "../generator/cli/templates.js";
import { corpusPartitions, generateEndpoints, type EndpointsModule } from "../test/endpoints/harness.js";

const ROOT = resolve(import.meta.dirname, "..");
const ROUNDS = 7;

interface Workload {
  readonly name: string;
  readonly service: string;
  readonly operation: string;
  readonly input: Record<string, unknown>;
  readonly config: Record<string, unknown>;
}

const WORKLOADS: readonly Workload[] = [
  { name: "S3 GetObject (virtual host, eu-west-1)", service: "s3", operation: "GetObject", input: { Bucket: "my-bucket", Key: "a.txt" }, config: { region: "eu-west-1" } },
  { name: "S3 GetObject (dual-stack, path style)", service: "s3", operation: "GetObject", input: { Bucket: "my.bucket", Key: "a.txt" }, config: { region: "us-west-2", useDualstackEndpoint: true, forcePathStyle: true } },
  { name: "Cognito InitiateAuth (us-east-1)", service: "cognito-identity-provider", operation: "InitiateAuth", input: {}, config: { region: "us-east-1" } },
  { name: "DynamoDB GetItem (FIPS, us-gov-west-1)", service: "dynamodb", operation: "GetItem", input: { TableName: "t" }, config: { region: "us-gov-west-1", useFipsEndpoint: true } },
];

function model(service: string): string {
  const path = resolve(ROOT, `../shared/corpus/aws-smithy/${service}.json${service === "cognito-identity-provider" ? "" : ".gz"}`);
  const raw = readFileSync(path);
  return service === "cognito-identity-provider" ? raw.toString("utf8") : gunzipSync(raw).toString("utf8");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function rate(fn: () => void, batch: number): number {
  const start = performance.now();
  for (let i = 0; i < batch; i++) fn();
  return batch / ((performance.now() - start) / 1000);
}

const perSecond = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M/s` : `${(n / 1e3).toFixed(1)} k/s`);

export async function benchEndpoints(): Promise<string[]> {
  const partitions = corpusPartitions();
  setPartitionInfo(partitions.table as Parameters<typeof setPartitionInfo>[0]);
  const lines: string[] = [];
  const modules = new Map<string, { module: EndpointsModule; ruleSet: unknown; text: string }>();
  for (const service of new Set(WORKLOADS.map((w) => w.service))) {
    const text = model(service);
    const { modules: generated, files } = await generateEndpoints({ name: service, files: [{ path: `${service}.json`, text }] }, "bench-endpoints");
    const ast = JSON.parse(text) as { shapes: Record<string, { type: string; traits?: Record<string, unknown> }> };
    const ruleSet = Object.values(ast.shapes).find((s) => s.type === "service")!.traits!["smithy.rules#endpointRuleSet"];
    modules.set(service, { module: generated.get(service)!, ruleSet, text: files.get(`${service}/endpoints.ts`)! });
  }
  for (const w of WORKLOADS) {
    const { module, ruleSet } = modules.get(w.service)!;
    const params = module.endpointParams(w.operation, w.input, w.config);
    const ours = () => module.resolveEndpoint(params);
    const sdk = () => sdkResolve(ruleSet as Parameters<typeof sdkResolve>[0], { endpointParams: { ...params } as Parameters<typeof sdkResolve>[1]["endpointParams"] });
    const a = ours();
    const b = sdk();
    const sdkUrl = b.url.href.replace(/\/$/, "") === a.url.replace(/\/$/, "") || b.url.href === a.url;
    if (!sdkUrl || JSON.stringify(a.properties) !== JSON.stringify(b.properties ?? {})) {
      throw new Error(`${w.name}: the two resolve differently: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    const batch = 2000;
    const oursRates: number[] = [];
    const sdkRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      oursRates.push(rate(ours, batch));
      sdkRates.push(rate(sdk, batch));
    }
    const o = median(oursRates);
    const s = median(sdkRates);
    lines.push(`endpoints: ${w.name}, ours ${perSecond(o)}, @aws-sdk/util-endpoints 3.996.9 ${perSecond(s)} → ${(o / s).toFixed(2)}×`);
  }
  // Sizes as the CLI writes them (formatted).
  const formatted = await generate([{ name: "s3", files: [{ path: "s3.json", text: model("s3") }] }], { readFile: () => undefined }, { templates: loadTemplates(), artifacts: ["serializers"], partitions });
  const cognito = await generate([{ name: "c", files: [{ path: "c.json", text: model("cognito-identity-provider") }] }], { readFile: () => undefined }, { templates: loadTemplates(), artifacts: ["serializers"], partitions });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const s3Rules = JSON.stringify(modules.get("s3")!.ruleSet, (k, v: unknown) => (k === "documentation" ? undefined : v)).length;
  lines.push(
    `endpoints size: S3 endpoints.ts ${kb(formatted.files.get("s3/endpoints.ts")!.length)} formatted (its rule set ${kb(s3Rules)} as JSON), ` +
      `endpoint-rules.ts ${kb(formatted.files.get("s3/endpoint-rules.ts")!.length)}; Cognito endpoints.ts ${kb(cognito.files.get("c/endpoints.ts")!.length)}`,
  );
  return lines;
}
