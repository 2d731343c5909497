// Every AWS model of the corpus generated and its endpoints.ts imported (`npm run test:aws-corpus`):
// each folder's endpoints.ts carries exactly the rule set data and the partitions table the fast
// test (test/endpoints/aws-rules.test.ts) interprets, and every one of the 15,320
// `smithy.rules#endpointTests` cases passes through the generated module: `params` through
// resolveEndpoint, `operationInputs` through endpointParams + resolveEndpoint. A failure counts as
// excluded only as the fast test counts it (written against the older partitions table, checked).
//
//   s3 → endpoints.ts holds `const RULES: RuleSet = <readRuleSet(S3's rule set)>` and the corpus
//        partitions; its 446 cases pass (or are stale ISO dual-stack cases)
//
// Prints `AWS endpoint sweep (generated endpoints.ts): N passed, M failed, K excluded — C cases`,
// and the bytes of endpoints.ts over the 402 folders (unformatted).

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { jsonData } from "../../generator/protocols/endpoints/index.js";
import { readPartitions } from "../../generator/protocols/endpoints/partitions.js";
import { readRuleSet } from "../../generator/protocols/endpoints/rule-set.js";
import { OLDER_PARTITIONS } from "../endpoints/excluded.js";
import { corpusPartitions, generateEndpoints, loadInterpreter, olderPartitions, readService, report, runService, tally, type Counted } from "../endpoints/harness.js";
import { corpusFile } from "../helpers/paths.js";

describe("AWS corpus endpoints", () => {
  it("every service's generated endpoints.ts carries its rules and passes its endpoint tests", async () => {
    const started = performance.now();
    const dir = corpusFile("aws-smithy");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json.gz")).sort();
    const interpreter = await loadInterpreter("endpoints-sweep-interpreter");
    const older = olderPartitions(interpreter.partitions);
    const table = readPartitions(corpusPartitions());
    if ("problem" in table) throw new Error(table.problem);
    const partitionsLine = `const PARTITIONS: readonly Partition[] = ${jsonData(table.partitions)};`;
    const counted: Counted = { results: [], older: [], excluded: [] };
    const wrongData: string[] = [];
    let cases = 0;
    let bytes = 0;
    let operationInputs = 0;
    for (const file of files) {
      const service = readService(file.replace(/\.json\.gz$/, ""), gunzipSync(readFileSync(join(dir, file))).toString("utf8"));
      const { modules, files: out } = await generateEndpoints({ name: service.name, files: [{ path: `${service.name}.json`, text: service.text }] }, "endpoints-sweep");
      const module = modules.get(service.name);
      const text = out.get(`${service.name}/endpoints.ts`);
      if (module === undefined || text === undefined) {
        wrongData.push(`${service.name}: no endpoints.ts`);
        continue;
      }
      bytes += text.length;
      if (!text.includes(`const RULES: RuleSet = ${jsonData(readRuleSet(service.ruleSet).ruleSet)};`)) wrongData.push(`${service.name}: RULES`);
      if (!text.includes(partitionsLine)) wrongData.push(`${service.name}: PARTITIONS`);
      cases += service.cases.length;
      operationInputs += service.cases.reduce((n, c) => n + (c.operationInputs?.length ?? 0), 0);
      runService(service, module, interpreter.module(service, older, module.endpointParams), service.cases, counted);
    }
    console.log(
      `${report(`AWS endpoint sweep (generated endpoints.ts of ${files.length} services; ${operationInputs} operation inputs)`, counted, cases, started)}\n` +
        `  endpoints.ts: ${(bytes / 1024 / 1024).toFixed(2)} MB unformatted over ${files.length} folders`,
    );
    expect(files.length).toBe(402);
    expect(cases).toBe(15_320);
    expect(wrongData).toEqual([]);
    expect(tally(counted.results).failures).toEqual([]);
    expect(counted.older.length).toBe(OLDER_PARTITIONS.count);
  });
});
