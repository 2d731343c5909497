// S3's endpoint for the protocol compliance runner (test/protocols/runner.ts): the cases whose
// client config asks for dual-stack or S3 Transfer Acceleration get their host from the real S3
// model's endpoint rules (../shared/corpus/aws-smithy/s3.json.gz), evaluated by the interpreter
// template with the corpus partitions table, as a generated client resolves it.
//
//   resolver({ vendorParams: { scopedConfig: { client: { region: "us-west-2", s3: { use_dualstack_endpoint: true } } } } }, { Bucket: "mybucket" })
//   → "https://mybucket.s3.dualstack.us-west-2.amazonaws.com"

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { readPartitions } from "../../generator/protocols/endpoints/partitions.js";
import { readRuleSet } from "../../generator/protocols/endpoints/rule-set.js";
import { corpusFile } from "../helpers/paths.js";
import { corpusPartitions } from "../helpers/partitions.js";
import { importInterpreter, ruleFunctions } from "./harness.js";

interface CaseWithConfig {
  readonly vendorParams?: unknown;
}

/** The `s3` config of the case (client scope, the operation's scope winning), and the client's region. */
function s3Config(testCase: CaseWithConfig): { region?: unknown; s3: Record<string, unknown> } {
  const scoped = record(record(testCase.vendorParams)["scopedConfig"]);
  const client = record(scoped["client"]);
  return { region: client["region"], s3: { ...record(client["s3"]), ...record(record(scoped["operation"])["s3"]) } };
}

/** Whether the case's host depends on endpoint rules beyond the serializer's bucket prefix. */
export function needsEndpointRules(testCase: CaseWithConfig): boolean {
  const { s3 } = s3Config(testCase);
  return s3["use_dualstack_endpoint"] === true || s3["use_accelerate_endpoint"] === true;
}

/** Loads the S3 rules once; the function returns the endpoint URL of a case's config and input. */
export async function s3EndpointResolver(): Promise<(testCase: CaseWithConfig, input: unknown) => string> {
  const model = JSON.parse(gunzipSync(readFileSync(corpusFile("aws-smithy/s3.json.gz"))).toString("utf8")) as {
    shapes: Record<string, { type: string; traits?: Record<string, unknown> }>;
  };
  const service = Object.values(model.shapes).find((s) => s.type === "service")!;
  const rules = readRuleSet(service.traits?.["smithy.rules#endpointRuleSet"]);
  const table = readPartitions(corpusPartitions());
  if (rules.problems.length > 0 || "problem" in table) throw new Error("the S3 rule set or the partitions table does not read");
  const interpreter = await importInterpreter("endpoints-s3-compliance");
  const evaluate = interpreter["evaluateRuleSet"] as (ruleSet: unknown, params: object, functions: unknown) => { url: string };
  const functions = ruleFunctions(interpreter, table.partitions);
  return (testCase, input) => {
    const { region, s3 } = s3Config(testCase);
    const bucket = record(input)["Bucket"];
    const params = {
      ...(typeof region === "string" ? { Region: region } : {}),
      ...(typeof bucket === "string" ? { Bucket: bucket } : {}),
      UseDualStack: s3["use_dualstack_endpoint"] === true,
      Accelerate: s3["use_accelerate_endpoint"] === true,
      ForcePathStyle: s3["addressing_style"] === "path",
    };
    return evaluate(rules.ruleSet, params, functions).url;
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
