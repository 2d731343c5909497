// Runs `smithy.rules#endpointTests` cases: through generated endpoints.ts modules (params cases
// through `resolveEndpoint`, operationInputs cases through `endpointParams` + `resolveEndpoint`),
// or straight through the interpreter template on rule sets read from the corpus.
//
//   const folder = await generateEndpoints({ name: "s3", files: [...] }, "endpoints-aws")
//   runCase(folder.module, { params: { Region: "us-east-1" }, expect: { endpoint: { url: "https://..." } } })
//   → [{ outcome: "passed", what: "params" }]
//   runCase(...wrong url...) → [{ outcome: "failed", what: "params", problem: "url: got …, expected …" }]

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { transform } from "esbuild";
import { generate } from "../../generator/core.js";
import type { ModelInput } from "../../generator/frontends.js";
import { BUILT_IN_CONFIG } from "../../generator/protocols/endpoints/index.js";
import { readPartitions, type PartitionData } from "../../generator/protocols/endpoints/partitions.js";
import { readRuleSet, RULE_FUNCTION_EXPORTS } from "../../generator/protocols/endpoints/rule-set.js";
import { OLDER_PARTITIONS, isExcluded } from "./excluded.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { TMP } from "../helpers/paths.js";
import { corpusPartitions } from "../helpers/partitions.js";

export { corpusPartitions };

export interface EndpointTestCase {
  readonly documentation?: string;
  readonly params?: Record<string, unknown>;
  readonly expect: {
    readonly error?: string;
    readonly endpoint?: { readonly url: string; readonly headers?: Record<string, string[]>; readonly properties?: Record<string, unknown> };
  };
  readonly operationInputs?: readonly {
    readonly operationName: string;
    readonly operationParams?: Record<string, unknown>;
    readonly builtInParams?: Record<string, unknown>;
    readonly clientParams?: Record<string, unknown>;
  }[];
}

/** What a generated endpoints.ts exports (CLIENT.md). */
export interface EndpointsModule {
  endpointParams(operation: string, input: unknown, config: Record<string, unknown>): Record<string, unknown>;
  resolveEndpoint(params: Record<string, unknown>): { url: string; headers: Record<string, string[]>; properties: Record<string, unknown> };
  EndpointError: new (message: string) => Error;
}

export interface CaseOutcome {
  readonly outcome: "passed" | "failed";
  /** `params`, or `operationInputs[i] Op`. */
  readonly what: string;
  readonly problem?: string;
}

/** Runs the case's params (when it has them) and each of its operation inputs. */
export function runCase(module: EndpointsModule, c: EndpointTestCase): CaseOutcome[] {
  const out: CaseOutcome[] = [];
  if (c.params !== undefined || (c.operationInputs ?? []).length === 0) {
    out.push(outcome("params", c, () => module.resolveEndpoint({ ...(c.params ?? {}) }), module));
  }
  for (const [i, op] of (c.operationInputs ?? []).entries()) {
    const what = `operationInputs[${i}] ${op.operationName}`;
    const config: Record<string, unknown> = {};
    let unknown: string | undefined;
    for (const [builtIn, value] of Object.entries(op.builtInParams ?? {})) {
      const field = BUILT_IN_CONFIG[builtIn];
      if (field === undefined) unknown = `built-in ${builtIn} has no config field`;
      else config[field] = value;
    }
    if (op.clientParams !== undefined) config["clientContextParams"] = op.clientParams;
    if (unknown !== undefined) {
      out.push({ outcome: "failed", what, problem: unknown });
      continue;
    }
    out.push(outcome(what, c, () => module.resolveEndpoint(module.endpointParams(op.operationName, op.operationParams ?? {}, config)), module));
  }
  return out;
}

function outcome(what: string, c: EndpointTestCase, run: () => ReturnType<EndpointsModule["resolveEndpoint"]>, module: EndpointsModule): CaseOutcome {
  let result: ReturnType<EndpointsModule["resolveEndpoint"]>;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof module.EndpointError)) return { outcome: "failed", what, problem: `threw ${String(error)}` };
    if (c.expect.error === undefined) return { outcome: "failed", what, problem: `error ${JSON.stringify(error.message)}, expected an endpoint` };
    if (error.message !== c.expect.error) return { outcome: "failed", what, problem: `error ${JSON.stringify(error.message)}, expected ${JSON.stringify(c.expect.error)}` };
    return { outcome: "passed", what };
  }
  const expected = c.expect.endpoint;
  if (expected === undefined) return { outcome: "failed", what, problem: `endpoint ${result.url}, expected error ${JSON.stringify(c.expect.error)}` };
  const problems: string[] = [];
  if (result.url !== expected.url) problems.push(`url ${result.url}, expected ${expected.url}`);
  if (!isDeepStrictEqual(result.headers, expected.headers ?? {})) problems.push(`headers ${JSON.stringify(result.headers)}, expected ${JSON.stringify(expected.headers ?? {})}`);
  if (!isDeepStrictEqual(result.properties, expected.properties ?? {})) {
    problems.push(`properties ${JSON.stringify(result.properties)}, expected ${JSON.stringify(expected.properties ?? {})}`);
  }
  return problems.length === 0 ? { outcome: "passed", what } : { outcome: "failed", what, problem: problems.join("; ") };
}

/** Writes files under `dir`, each `.ts` beside its esbuild-transpiled `.js`. */
export async function writeTranspiled(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    if (file.endsWith(".ts")) {
      const js = await transform(content, { loader: "ts", format: "esm", target: "node20", sourcefile: file });
      writeFileSync(file.replace(/\.ts$/, ".js"), js.code);
    }
  }
}

/** Generates a model (serializers only, unformatted) with the corpus partitions; imports each folder's endpoints.js. */
export async function generateEndpoints(
  input: ModelInput,
  outRoot: string,
): Promise<{ modules: Map<string, EndpointsModule>; files: ReadonlyMap<string, string>; warnings: string[] }> {
  const result = await generate([input], { readFile: () => undefined }, {
    templates: loadTemplates(),
    format: false,
    artifacts: ["serializers"],
    partitions: corpusPartitions(),
  });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${input.name}: ${errors.map((d) => `${d.code}: ${d.message}`).join("; ")}`);
  const endpoints = new Map([...result.files].filter(([path]) => /(^|\/)(endpoints|endpoint-rules)\.ts$/.test(path)));
  const dir = join(TMP, outRoot, input.name);
  await writeTranspiled(dir, endpoints);
  const modules = new Map<string, EndpointsModule>();
  for (const path of endpoints.keys()) {
    if (!path.endsWith("/endpoints.ts")) continue;
    modules.set(path.slice(0, -"/endpoints.ts".length), (await import(pathToFileURL(join(dir, path.replace(/\.ts$/, ".js"))).href)) as EndpointsModule);
  }
  return { modules, files: result.files, warnings: result.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.code}: ${d.message}`) };
}

/** Renders the interpreter template alone into `.tmp/<outRoot>/` and imports it. */
export async function importInterpreter(outRoot: string): Promise<Record<string, unknown>> {
  const dir = join(TMP, outRoot);
  await writeTranspiled(dir, new Map([["endpoint-rules.ts", loadTemplates().helper("endpoint-rules.ts", { header: "// test" })]]));
  return (await import(pathToFileURL(join(dir, "endpoint-rules.js")).href)) as Record<string, unknown>;
}

type RuleFunction = (args: readonly unknown[], partitions?: readonly PartitionData[]) => unknown;

/** The interpreter's function table with every function, `aws.partition` on `partitions` (what endpoints.ts builds from those its rules call). */
export function ruleFunctions(interpreter: Record<string, unknown>, partitions: readonly PartitionData[]): Record<string, (args: readonly unknown[]) => unknown> {
  const out: Record<string, (args: readonly unknown[]) => unknown> = {};
  for (const [name, exported] of Object.entries(RULE_FUNCTION_EXPORTS)) {
    const f = interpreter[exported];
    if (typeof f !== "function") throw new Error(`endpoint-rules.ts exports no ${exported} (the function ${name})`);
    out[name] = name === "aws.partition" ? (args) => (f as RuleFunction)(args, partitions) : (args) => (f as RuleFunction)(args);
  }
  return out;
}

/** Counts outcomes and lists the first failures. */
export function tally(results: readonly { readonly service: string; readonly outcome: CaseOutcome; readonly documentation?: string }[]): {
  passed: number;
  failed: number;
  failures: string[];
} {
  const failed = results.filter((r) => r.outcome.outcome === "failed");
  return {
    passed: results.length - failed.length,
    failed: failed.length,
    failures: failed.map((r) => `${r.service}: ${r.documentation ?? ""} [${r.outcome.what}] ${r.outcome.problem ?? ""}`),
  };
}

/** One AWS corpus model: its text, rule set node and endpoint test cases. */
export interface CorpusService {
  readonly name: string;
  readonly text: string;
  readonly ruleSet: unknown;
  readonly cases: readonly EndpointTestCase[];
}

export function readService(name: string, text: string): CorpusService {
  const ast = JSON.parse(text) as { shapes: Record<string, { type: string; traits?: Record<string, unknown> }> };
  const service = Object.values(ast.shapes).find((s) => s.type === "service")!;
  const tests = service.traits?.["smithy.rules#endpointTests"] as { testCases: EndpointTestCase[] } | undefined;
  return { name, text, ruleSet: service.traits?.["smithy.rules#endpointRuleSet"], cases: tests?.testCases ?? [] };
}

/** The interpreter template, imported, with the corpus partitions table. */
export interface Interpreter {
  readonly partitions: readonly PartitionData[];
  /** The interpreter on the rule set data the generator reads from the model, with the given table. */
  module(service: CorpusService, table: readonly PartitionData[], endpointParams?: EndpointsModule["endpointParams"]): EndpointsModule;
}

export async function loadInterpreter(outRoot: string): Promise<Interpreter> {
  const imported = await importInterpreter(outRoot);
  const evaluate = imported["evaluateRuleSet"] as (ruleSet: unknown, params: object, functions: unknown) => ReturnType<EndpointsModule["resolveEndpoint"]>;
  const EndpointError = imported["EndpointError"] as EndpointsModule["EndpointError"];
  const table = readPartitions(corpusPartitions());
  if ("problem" in table) throw new Error(table.problem);
  return {
    partitions: table.partitions,
    module(service, partitions, endpointParams) {
      const read = readRuleSet(service.ruleSet);
      if (read.problems.length > 0) throw new Error(`${service.name}: ${read.problems.join("; ")}`);
      const functions = ruleFunctions(imported, partitions);
      return {
        resolveEndpoint: (params) => evaluate(read.ruleSet, params, functions),
        endpointParams:
          endpointParams ??
          (() => {
            throw new Error("operationInputs cases run through the generated endpoints.ts");
          }),
        EndpointError,
      };
    },
  };
}

/** The table the ISO partitions' stale cases were written against (see OLDER_PARTITIONS). */
export function olderPartitions(partitions: readonly PartitionData[]): readonly PartitionData[] {
  const ids: readonly string[] = OLDER_PARTITIONS.partitions;
  return partitions.map((p) => (ids.includes(p.id) ? { ...p, outputs: { ...p.outputs, supportsDualStack: false, dualStackDnsSuffix: p.outputs["dnsSuffix"] } } : p));
}

export interface Counted {
  readonly results: Parameters<typeof tally>[0][number][];
  readonly older: string[];
  readonly excluded: string[];
}

/** Runs a service's cases on `module`; a failure that passes on `older` is counted as written against the older table. */
export function runService(service: CorpusService, module: EndpointsModule, older: EndpointsModule, cases: readonly EndpointTestCase[], into: Counted): void {
  for (const c of cases) {
    for (const outcome of runCase(module, c)) {
      const exclusion = isExcluded("aws", service.name, c.documentation, outcome.what);
      if (exclusion) {
        into.excluded.push(`${service.name}: ${exclusion.case}: ${exclusion.reason}`);
        continue;
      }
      if (outcome.outcome === "failed") {
        const again = runCase(older, c).find((o) => o.what === outcome.what);
        if (again?.outcome === "passed") {
          into.older.push(service.name);
          continue;
        }
      }
      into.results.push({ service: service.name, outcome, ...(c.documentation ? { documentation: c.documentation } : {}) });
    }
  }
}

export function report(label: string, counted: Counted, cases: number, started: number): string {
  const { passed, failed } = tally(counted.results);
  return (
    `${label}: ${passed} passed, ${failed} failed, ${counted.older.length + counted.excluded.length} excluded ` +
    `(${counted.older.length} ${OLDER_PARTITIONS.reason}; ${counted.excluded.length} listed) — ${cases} cases in ${((performance.now() - started) / 1000).toFixed(2)} s` +
    counted.excluded.map((e) => `\n  excluded: ${e}`).join("")
  );
}
