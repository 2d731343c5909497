// Every `smithy.rules#endpointTests` case of every AWS model of the corpus (15,320 over 402
// services). `params` cases run the interpreter template straight on the rule set as the
// generator reads it from the model (readRuleSet, the data endpoints.ts carries). The services
// whose cases have `operationInputs` (DynamoDB, EventBridge, S3, S3 Control, STS) are generated,
// and their endpoints.ts must carry exactly that data, give the same outcome on every params case,
// and pass the operationInputs cases through endpointParams (built-ins → config, the operation's
// input). A mutation check proves a wrong expected URL, error or property fails.
//
//   s3: { params: { Region: "us-west-2", Bucket: "bucket-name", ... }, expect: { endpoint: { url: "https://bucket-name.s3.us-west-2.amazonaws.com", properties: { authSchemes: [...] } } } } → passed
//
// Prints `AWS endpoint tests: N passed, M failed, K excluded (C cases, S services)` and the time.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { PartitionData } from "../../generator/protocols/endpoints/partitions.js";
import { jsonData } from "../../generator/protocols/endpoints/index.js";
import { readRuleSet } from "../../generator/protocols/endpoints/rule-set.js";
import { TMP, corpusFile } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";
import { OLDER_PARTITIONS } from "./excluded.js";
import {
  generateEndpoints,
  loadInterpreter,
  olderPartitions,
  readService,
  report,
  runCase,
  runService,
  tally,
  type CorpusService,
  type Counted,
  type EndpointTestCase,
  type EndpointsModule,
  type Interpreter,
} from "./harness.js";

const DIR = corpusFile("aws-smithy");

let services: CorpusService[] = [];
let interpreter: Interpreter;
let partitions: readonly PartitionData[];

beforeAll(async () => {
  interpreter = await loadInterpreter("endpoints-aws-interpreter");
  partitions = interpreter.partitions;
  services = readdirSync(DIR)
    .filter((f) => f.endsWith(".json.gz"))
    .sort()
    .map((f) => readService(f.replace(/\.json\.gz$/, ""), gunzipSync(readFileSync(join(DIR, f))).toString("utf8")));
}, 300_000);

const interpreted = (service: CorpusService, table: readonly PartitionData[], endpointParams?: EndpointsModule["endpointParams"]) =>
  interpreter.module(service, table, endpointParams);
const olderTable = () => olderPartitions(partitions);

/** The services whose cases have operationInputs. */
const WITH_OPERATION_INPUTS = ["dynamodb", "eventbridge", "s3", "s3-control", "sts"];

describe("AWS models' endpoint tests", () => {
  it("every params case of the 402 services passes through the interpreter", async () => {
    const started = performance.now();
    const counted: Counted = { results: [], older: [], excluded: [] };
    const older = olderTable();
    let cases = 0;
    for (const service of services) {
      const paramsCases = service.cases.filter((c) => c.params !== undefined || c.operationInputs === undefined).map((c) => ({ ...c, operationInputs: [] }));
      cases += paramsCases.length;
      runService(service, interpreted(service, partitions), interpreted(service, older), paramsCases, counted);
    }
    console.log(report(`AWS endpoint tests (params, interpreter, ${services.length} services)`, counted, cases, started));
    const { failures } = tally(counted.results);
    if (process.env["ENDPOINTS_DUMP"]) (await import("node:fs")).writeFileSync(process.env["ENDPOINTS_DUMP"], failures.join("\n"));
    expect(services.length).toBe(402);
    expect(services.reduce((n, s) => n + s.cases.length, 0)).toBe(15_320);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(counted.older.length).toBe(OLDER_PARTITIONS.count);
  });

  it("the generated endpoints.ts of the services with operationInputs cases: the same rule set data, every case", async () => {
    const started = performance.now();
    const counted: Counted = { results: [], older: [], excluded: [] };
    let cases = 0;
    let operationInputs = 0;
    for (const name of WITH_OPERATION_INPUTS) {
      const service = services.find((s) => s.name === name)!;
      const { modules, files } = await generateEndpoints({ name, files: [{ path: `${name}.json`, text: service.text }] }, "endpoints-aws");
      const module = modules.get(name)!;
      const text = files.get(`${name}/endpoints.ts`)!;
      expect(text.includes(`const RULES: RuleSet = ${jsonData(readRuleSet(service.ruleSet).ruleSet)};`), name).toBe(true);
      const withInputs = service.cases.filter((c) => c.operationInputs !== undefined);
      expect(withInputs.length, name).toBeGreaterThan(0);
      operationInputs += withInputs.reduce((n, c) => n + c.operationInputs!.length, 0);
      cases += service.cases.length;
      runService(service, module, interpreted(service, olderTable(), module.endpointParams), service.cases, counted);
      // The folder as written holds endpoints.ts and endpoint-rules.ts (plus their .js): strict, no DOM or Node types.
      if (name === "s3") expect(typecheckFolder(join(TMP, "endpoints-aws", name, name)), name).toEqual([]);
    }
    console.log(report(`AWS endpoint tests (generated endpoints.ts of ${WITH_OPERATION_INPUTS.join(", ")}; ${operationInputs} operation inputs)`, counted, cases, started));
    expect(tally(counted.results).failures).toEqual([]);
    expect(operationInputs).toBeGreaterThan(400);
  }, 300_000);

  it("the runner can fail: a changed URL, header, property or error message fails a passing case", () => {
    let checked = 0;
    for (const name of ["s3", "sts", "cognito-identity-provider", "lambda", "dynamodb"]) {
      const service = services.find((s) => s.name === name)!;
      const module = interpreted(service, partitions);
      for (const c of service.cases.filter((x) => x.params !== undefined)) {
        const [first] = runCase(module, { ...c, operationInputs: [] });
        if (first?.outcome !== "passed") continue;
        const mutants: EndpointTestCase[] = [];
        const endpoint = c.expect.endpoint;
        if (endpoint) {
          mutants.push({ ...c, expect: { endpoint: { ...endpoint, url: `${endpoint.url}x` } } });
          mutants.push({ ...c, expect: { endpoint: { ...endpoint, headers: { ...endpoint.headers, "x-mutant": ["1"] } } } });
          mutants.push({ ...c, expect: { endpoint: { ...endpoint, properties: { ...endpoint.properties, mutant: true } } } });
          mutants.push({ ...c, expect: { error: "mutant" } });
        } else {
          mutants.push({ ...c, expect: { error: `${c.expect.error ?? ""}x` } });
          mutants.push({ ...c, expect: { endpoint: { url: "https://example.com" } } });
        }
        for (const m of mutants) {
          expect(runCase(module, { ...m, operationInputs: [] })[0]?.outcome, `${name}: ${c.documentation}: ${JSON.stringify(m.expect)}`).toBe("failed");
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
