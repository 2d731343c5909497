// The endpoints generator on small models: the partitions table as an input (config file, the
// packaged default, errors), a rule set the interpreter cannot evaluate (a warning, then the
// no-rules endpoints.ts), the JMESPath subset of operationContextParams, and the no-rules folder.
//
//   a model whose rules call aws.partition, generated without a table → error ENDPOINT_PARTITIONS
//   compileQuery("a[*].b") → { project: [{ field: "a" }, { field: "b" }] }

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generate as generateApi } from "../../generator/api.js";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { jsonData } from "../../generator/protocols/endpoints/index.js";
import { compileQuery } from "../../generator/protocols/endpoints/query.js";
import { RULE_FUNCTION_EXPORTS } from "../../generator/protocols/endpoints/rule-set.js";
import { makeProject, removeProject } from "../cli/helpers.js";
import { TMP } from "../helpers/paths.js";
import { corpusPartitions, writeTranspiled, type EndpointsModule } from "./harness.js";

/** A Smithy JSON AST service with the given rule set (and an operation binding a context param). */
function model(ruleSet: unknown): string {
  return JSON.stringify({
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#GetThing" }],
        traits: { "aws.protocols#awsJson1_1": {}, "smithy.rules#endpointRuleSet": ruleSet },
      },
      "ex#GetThing": { type: "operation", input: { target: "ex#GetThingInput" } },
      "ex#GetThingInput": {
        type: "structure",
        members: { Name: { target: "smithy.api#String", traits: { "smithy.rules#contextParam": { name: "Name" } } } },
      },
    },
  });
}

const PARTITION_RULES = {
  version: "1.0",
  parameters: {
    Region: { type: "String", builtIn: "AWS::Region", required: true, documentation: "The region." },
    Name: { type: "String", documentation: "A name." },
  },
  rules: [
    {
      type: "endpoint",
      conditions: [{ fn: "aws.partition", argv: [{ ref: "Region" }], assign: "p" }, { fn: "isSet", argv: [{ ref: "Name" }] }],
      endpoint: { url: "https://{Name}.svc.{Region}.{p#dnsSuffix}" },
    },
    { type: "error", conditions: [], error: "Name is required" },
  ],
};

const run = (text: string, partitions = true) =>
  generate([{ name: "svc", files: [{ path: "svc.json", text }] }], { readFile: () => undefined }, {
    templates: loadTemplates(),
    format: false,
    artifacts: ["serializers"],
    ...(partitions ? { partitions: corpusPartitions() } : {}),
  });

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

describe("endpoints generator", () => {
  it("resolves through the rules with the given table; binds built-ins and @contextParam members", async () => {
    const result = await run(model(PARTITION_RULES));
    expect(result.diagnostics.filter((d) => d.code.startsWith("ENDPOINT"))).toEqual([]);
    const dir = join(TMP, "endpoints-generator", "a");
    await writeTranspiled(dir, new Map([...result.files].filter(([p]) => /endpoint/.test(p))));
    const m = (await import(pathToFileURL(join(dir, "svc/endpoints.js")).href)) as EndpointsModule;
    expect(m.resolveEndpoint(m.endpointParams("GetThing", { Name: "x" }, { region: "cn-north-1" }))).toEqual({
      url: "https://x.svc.cn-north-1.amazonaws.com.cn",
      headers: {},
      properties: {},
    });
    expect(() => m.resolveEndpoint(m.endpointParams("GetThing", {}, { region: "us-east-1" }))).toThrow(new m.EndpointError("Name is required"));
    expect(() => m.resolveEndpoint({})).toThrow("Missing required parameter: 'Region'");
  });

  it("the rule set and the partitions table are JSON text in a string (jsonData): it parses back to the same value", () => {
    const tricky = { back: "a\\b\\\\c", quotes: `it's "here"`, separators: "x\u2028y\u2029z", lines: "1\n2\r3", regex: "^(us|eu)\\-\\w+$", list: [1, -2.5, true, null, "</script>"] };
    const text = jsonData(tricky);
    expect(text.startsWith("JSON.parse('")).toBe(true);
    expect(new Function(`return ${text};`)()).toEqual(tricky);
    // One line, whatever the value holds: the line separators are escapes too.
    expect(/[\n\r\u2028\u2029]/.test(text)).toBe(false);
  });

  it("endpoint-rules.ts holds only the rule functions endpoints.ts uses (and bindOperation only with bindings); rendered without `uses`, all", async () => {
    const exported = (text: string) => [...text.matchAll(/^export function (\w+)/gm)].map((m) => m[1]).sort();
    // The three small ones are always there.
    const ALWAYS = ["ruleEquals", "ruleGetAttr", "ruleIsSet"];
    const withBinding = await run(model(PARTITION_RULES));
    expect(exported(withBinding.files.get("svc/endpoint-rules.ts")!)).toEqual(["bindOperation", "evaluateRuleSet", ...ALWAYS, "rulePartition"].sort());
    // No @contextParam member: no bindings, no bindOperation (nor its JMESPath search).
    const plain = JSON.parse(model({ ...PARTITION_RULES, rules: [{ type: "endpoint", conditions: [{ fn: "parseURL", argv: ["https://x"], assign: "u" }], endpoint: { url: "https://{u#authority}" } }] }));
    delete plain.shapes["ex#GetThingInput"].members.Name.traits;
    const text = (await run(JSON.stringify(plain), false)).files.get("svc/endpoint-rules.ts")!;
    expect(exported(text)).toEqual(["evaluateRuleSet", ...ALWAYS, "ruleParseUrl"].sort());
    expect(text).toContain("function isIpv4(");
    expect(text).not.toContain("function search(");
    const all = exported(loadTemplates().helper("endpoint-rules.ts", { header: "" }));
    expect(all).toEqual(["bindOperation", "evaluateRuleSet", ...Object.values(RULE_FUNCTION_EXPORTS)].filter((n, i, a) => a.indexOf(n) === i).sort());
  });

  it("rules calling aws.partition without a table: error ENDPOINT_PARTITIONS, no files", async () => {
    const result = await run(model(PARTITION_RULES), false);
    expect(result.files.size).toBe(0);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.message])).toEqual([
      ["ENDPOINT_PARTITIONS", "The endpoint rules of `ex#Svc` call aws.partition, and no AWS partitions table was given"],
    ]);
  });

  it("a rule set the interpreter cannot evaluate: a warning naming the place, and the no-rules endpoints.ts", async () => {
    const bad = { ...PARTITION_RULES, rules: [{ type: "endpoint", conditions: [{ fn: "aws.unknownFn", argv: [] }], endpoint: { url: "https://x" } }] };
    const result = await run(model(bad));
    const warnings = result.diagnostics.filter((d) => d.code === "ENDPOINT_RULES_UNSUPPORTED");
    expect(warnings.map((d) => d.message)).toEqual([
      'The endpoint rules of `ex#Svc` cannot be evaluated: rules[0].conditions[0]: unknown function "aws.unknownFn" (known: isSet, not, booleanEquals, stringEquals, substring, uriEncode, parseURL, isValidHostLabel, getAttr, coalesce, split, ite, aws.partition, aws.parseArn, aws.isVirtualHostableS3Bucket)',
    ]);
    expect(result.files.has("svc/endpoint-rules.ts")).toBe(false);
    const dir = join(TMP, "endpoints-generator", "b");
    await writeTranspiled(dir, new Map([...result.files].filter(([p]) => /endpoint/.test(p))));
    const m = (await import(pathToFileURL(join(dir, "svc/endpoints.js")).href)) as EndpointsModule;
    expect(m.resolveEndpoint(m.endpointParams("GetThing", {}, { endpoint: "https://local:9229" })).url).toBe("https://local:9229");
    expect(() => m.resolveEndpoint(m.endpointParams("GetThing", {}, { region: "us-east-1" }))).toThrow(
      "Svc has no endpoint rules in its model: set `endpoint` in the client's config (the service's URL)",
    );
  });

  it("compiles the JMESPath subset of operationContextParams, and names what is outside it", () => {
    expect(compileQuery("TransactItems[*].Get.TableName")).toEqual({
      project: [{ field: "TransactItems" }, { pipe: [{ field: "Get" }, { field: "TableName" }] }],
    });
    expect(compileQuery("keys(RequestItems)")).toEqual({ keys: { field: "RequestItems" } });
    expect(compileQuery("listOfUnions[*][string, object.key][]")).toEqual({
      flatten: [{ project: [{ field: "listOfUnions" }, { multi: [{ field: "string" }, { pipe: [{ field: "object" }, { field: "key" }] }] }] }, { current: true }],
    });
    expect(compileQuery("a[0].b")).toEqual({ pipe: [{ pipe: [{ field: "a" }, { index: 0 }] }, { field: "b" }] });
    expect(compileQuery("a | b")).toEqual({ error: "`|` at 3: not in the JMESPath subset of operationContextParams" });
    expect(compileQuery("length(a)")).toEqual({ error: "the function `length` at 1: not in the JMESPath subset of operationContextParams" });
    expect(compileQuery("a.")).toEqual({ error: "the end at 3: not in the JMESPath subset of operationContextParams" });
  });

  it("the CLI: the config's partitions table is used; a missing or broken one is an error naming it, nothing written", async () => {
    const custom = { partitions: [{ id: "aws", regionRegex: "^x-", regions: {}, outputs: { name: "aws", dnsSuffix: "example.test" } }] };
    const dir = makeProject(
      { "models/svc.json": model(PARTITION_RULES), "custom.json": JSON.stringify(custom), "shapesmith.config.json": JSON.stringify({ endpoints: { partitions: "custom.json" } }) },
      "endpoints",
    );
    projects.push(dir);
    const ok = await generateApi({ models: ["models/svc.json"], cwd: dir, config: "shapesmith.config.json", format: false });
    expect(ok.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const text = ok.files.get("svc/endpoints.ts")!;
    // The regions as one string (none here).
    expect(text).toContain(`const PARTITIONS: readonly Partition[] = ${jsonData(custom.partitions.map((p) => ({ ...p, regions: "" })))};`);
    expect(text).toContain("/** The AWS partitions table (custom.json) that `aws.partition` reads. */");

    const byDefault = await generateApi({ models: ["models/svc.json"], cwd: dir, format: false });
    expect(byDefault.files.get("svc/endpoints.ts")).toContain("(@aws-sdk/util-endpoints/dist-cjs/lib/aws/partitions.json)");

    for (const [file, content, message] of [
      ["missing.json", undefined, "The partitions table `missing.json` named in the config does not exist"],
      ["broken.json", "{", "The partitions table `broken.json` is not JSON"],
      ["no-aws.json", JSON.stringify({ partitions: [{ ...custom.partitions[0], id: "other" }] }), "The AWS partitions table no-aws.json cannot be used: it has no partition `aws`"],
    ] as const) {
      const bad = makeProject(
        { "models/svc.json": model(PARTITION_RULES), ...(content !== undefined ? { [file]: content } : {}), "shapesmith.config.json": JSON.stringify({ endpoints: { partitions: file } }) },
        "endpoints",
      );
      projects.push(bad);
      const result = await generateApi({ models: ["models/svc.json"], cwd: bad, config: "shapesmith.config.json", format: false });
      expect(result.ok, file).toBe(false);
      expect(result.files.size).toBe(0);
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      expect(errors.map((d) => d.code)).toEqual(["ENDPOINT_PARTITIONS"]);
      expect(errors[0]!.message.startsWith(message), errors[0]!.message).toBe(true);
    }
  });
});
