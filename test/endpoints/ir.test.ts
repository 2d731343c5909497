// The endpoint traits in the resolved model: the rule set as written, client, static and
// operation context params, and `@contextParam` members (S3 and DynamoDB of the AWS corpus).
//
//   S3 → service.endpointRules.version "1.0", clientContextParams [ForcePathStyle, ...],
//        CreateBucket.staticContextParams [{ name: "UseS3ExpressControlEndpoint", value: true }],
//        PutObjectRequest$Bucket.contextParam "Bucket"

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadModels } from "../../generator/frontends.js";
import type { ResolvedModel, StructureShape } from "../../generator/model/ir.js";
import { corpusFile } from "../helpers/paths.js";

function load(service: string): { model: ResolvedModel; ast: { shapes: Record<string, { type: string; traits?: Record<string, unknown> }> } } {
  const text = gunzipSync(readFileSync(corpusFile(`aws-smithy/${service}.json.gz`))).toString("utf8");
  const diags = new Diagnostics();
  const [model] = loadModels([{ name: service, files: [{ path: `${service}.json`, text }] }], { readFile: () => undefined }, diags);
  expect(diags.hasErrors).toBe(false);
  return { model: model!, ast: JSON.parse(text) };
}

describe("endpoint traits in the IR", () => {
  it("S3: the rule set as written, client context params, static context params, context params", () => {
    const { model, ast } = load("s3");
    const serviceAst = Object.values(ast.shapes).find((s) => s.type === "service")!;
    expect(model.service.endpointRules).toEqual(serviceAst.traits!["smithy.rules#endpointRuleSet"]);
    const clientParams = serviceAst.traits!["smithy.rules#clientContextParams"] as Record<string, { type: string }>;
    expect(model.service.clientContextParams?.map((p) => [p.name, p.type])).toEqual(Object.entries(clientParams).map(([n, d]) => [n, d.type]));
    for (const op of model.operations) {
      const traits = ast.shapes[op.id]!.traits ?? {};
      const statics = traits["smithy.rules#staticContextParams"] as Record<string, { value: unknown }> | undefined;
      expect(op.staticContextParams, op.name).toEqual(statics ? Object.entries(statics).map(([name, d]) => ({ name, value: d.value })) : undefined);
    }
    expect(model.operations.filter((o) => o.staticContextParams).length).toBeGreaterThan(10);
    const put = model.shapes.get("com.amazonaws.s3#PutObjectRequest") as StructureShape;
    expect(put.members.find((m) => m.name === "Bucket")?.contextParam).toBe("Bucket");
    expect(put.members.find((m) => m.name === "Key")?.contextParam).toBe("Key");
    expect(put.members.find((m) => m.name === "Body")?.contextParam).toBeUndefined();
  });

  it("DynamoDB: operation context params (JMESPath paths)", () => {
    const { model } = load("dynamodb");
    const byName = new Map(model.operations.map((o) => [o.name, o]));
    expect(byName.get("BatchGetItem")?.operationContextParams).toEqual([{ name: "ResourceArnList", path: "keys(RequestItems)" }]);
    expect(byName.get("TransactGetItems")?.operationContextParams).toEqual([{ name: "ResourceArnList", path: "TransactItems[*].Get.TableName" }]);
    expect(byName.get("ListTables")?.operationContextParams).toBeUndefined();
  });
});
