// Smithy's own endpoint rules engine tests (../shared/corpus/smithy/rules-engine-tests/*.smithy):
// each model is generated (with the smithy.rules trait definitions beside it), its endpoints.ts
// imported, and every `smithy.rules#endpointTests` case run: `params` through resolveEndpoint,
// `operationInputs` through endpointParams (built-ins, client params, the operation's input) and
// resolveEndpoint. The URL, headers and properties, or the error message, must be the case's.
//
//   coalesce.smithy { params: { TestCaseId: "0" }, expect: { error: "The value is: req1Value" } } → passed
//
// Prints `rules-engine tests: N passed, M failed, K excluded (F files)`; excluded cases are listed
// with their reason in excluded.ts.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import type { ModelInput } from "../../generator/frontends.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { corpusFile } from "../helpers/paths.js";
import { isExcluded } from "./excluded.js";
import { generateEndpoints, runCase, tally, type EndpointTestCase } from "./harness.js";

const DIR = corpusFile("smithy/rules-engine-tests");
const TRAITS = corpusFile("smithy/trait-defs/smithy-rules-engine/smithy.rules.smithy");

function inputOf(file: string): ModelInput {
  return {
    name: file.replace(/\.smithy$/, ""),
    files: [
      { path: file, text: readFileSync(join(DIR, file), "utf8") },
      { path: "smithy.rules.smithy", text: readFileSync(TRAITS, "utf8") },
    ],
  };
}

/** The test cases of every service of the model, by service shape id. */
function casesOf(input: ModelInput): Map<string, EndpointTestCase[]> {
  const model = loadSmithy(input.files, new Diagnostics(), { allowUnknownTraits: true });
  if (!model) throw new Error(`${input.name} does not load`);
  const out = new Map<string, EndpointTestCase[]>();
  for (const [id, shape] of model.shapes) {
    const tests = shape.traits?.["smithy.rules#endpointTests"] as { testCases?: EndpointTestCase[] } | undefined;
    if (shape.type === "service" && tests?.testCases) out.set(id, tests.testCases);
  }
  return out;
}

describe("rules-engine tests", () => {
  it("every case of every file passes", async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(".smithy")).sort();
    expect(files.length).toBe(12);
    const results: Parameters<typeof tally>[0][number][] = [];
    const excluded: string[] = [];
    const stale: string[] = [];
    for (const file of files) {
      const input = inputOf(file);
      const cases = casesOf(input);
      expect(cases.size, file).toBe(1);
      const { modules, warnings } = await generateEndpoints(input, "endpoints-rules-engine");
      expect(warnings.filter((w) => w.startsWith("ENDPOINT")), file).toEqual([]);
      expect(modules.size, file).toBe(1);
      const module = [...modules.values()][0]!;
      for (const c of [...cases.values()][0]!) {
        for (const outcome of runCase(module, c)) {
          const exclusion = isExcluded("rules-engine", file, c.documentation, outcome.what);
          if (exclusion === undefined) results.push({ service: file, outcome, ...(c.documentation ? { documentation: c.documentation } : {}) });
          else if (outcome.outcome === "passed") stale.push(`${file}: ${exclusion.case} [${exclusion.what}] is excluded but passes`);
          else excluded.push(`${file}: ${exclusion.case} [${exclusion.what}]: ${exclusion.reason}`);
        }
      }
    }
    const { passed, failed, failures } = tally(results);
    console.log(`rules-engine tests: ${passed} passed, ${failed} failed, ${excluded.length} excluded (${files.length} files)\n${excluded.map((e) => `  excluded: ${e}`).join("\n")}`);
    expect(failures).toEqual([]);
    expect(stale).toEqual([]);
    expect(passed).toBeGreaterThan(100);
  }, 120_000);
});
