// endpoints.ts of an AWS output folder: the service's endpoint rule set as data, evaluated by the
// shared interpreter template `endpoint-rules.ts`, and the binding of its parameters from the
// client config and an operation's input (built-ins, client / static / operation context params,
// `@contextParam` members).
//
//   service with @endpointRuleSet({ parameters: { Region: { builtIn: "AWS::Region", type: "String" } }, rules: [...] })
//   operation GetObject with input member @contextParam(name: "Bucket") Bucket
//   → export interface EndpointParams { readonly Region?: string; readonly Bucket?: string }
//     export function endpointParams(operation, input, config) {
//       const params: Record<string, unknown> = {};
//       if (config.region !== undefined) params["Region"] = config.region;
//       if (Object.prototype.hasOwnProperty.call(OPERATIONS, operation)) bindOperation(params, OPERATIONS[operation]!, input);
//       return params as EndpointParams;
//     }
//     export function resolveEndpoint(params) { return evaluateRuleSet(RULES, params, FUNCTIONS); }
//     const OPERATIONS = { GetObject: { members: { Bucket: "Bucket" } } };
//     const FUNCTIONS: RuleFunctions = { "aws.partition": (args) => rulePartition(args, PARTITIONS), isSet: ruleIsSet, … };  // those the rules call
//     const RULES: RuleSet = JSON.parse('{"parameters":{...},"rules":[...]}');   // the dense form of rule-set.ts
//     const PARTITIONS: readonly Partition[] = JSON.parse('[...]');   // only when the rules call aws.partition
//
// A service without a rule set (botocore descriptions, a model that declares none), or with one
// the interpreter cannot evaluate (a warning says why), gets the same exports: `resolveEndpoint`
// then returns the configured `endpoint` and throws `EndpointError` when there is none.
// Interpreter over generated code: the rules stay data (S3's are 79 KB as JSON), one ~400-line
// interpreter per folder, and a rules change is a data change. The data is JSON text read by
// `JSON.parse` (`jsonData`), not an object literal: tsc checks a literal node by node against the
// rule types (Cognito's rules and partitions: 190,000 checker calls, 4% of the whole folder's
// check), a string in one step; the interpreter's tests are what vouch for the data's shape.

import type { Diagnostics } from "../../diagnostics.js";
import { tsdoc } from "../../docs/tsdoc.js";
import { GeneratedFile, type Sym } from "../../emit/file-builder.js";
import { shapeOf, type Operation, type ResolvedModel } from "../../model/ir.js";
import { propertyKey } from "../../naming/names.js";
import { commentText } from "../../printable.js";
import { readPartitions, type PartitionsInput } from "./partitions.js";
import { compileQuery, type Query } from "./query.js";
import { readRuleSet, RULE_FUNCTION_EXPORTS, type RuleParameter } from "./rule-set.js";

const value = (name: string): Sym => ({ name, file: "endpoint-rules.ts", kind: "value" });
const type = (name: string): Sym => ({ name, file: "endpoint-rules.ts", kind: "type" });

/** `endpoint-rules.ts`: the interpreter template. */
export const ENDPOINT_RULES = {
  evaluateRuleSet: value("evaluateRuleSet"),
  bindOperation: value("bindOperation"),
  ResolvedEndpoint: type("ResolvedEndpoint"),
  RuleSet: type("RuleSet"),
  Partition: type("Partition"),
  RuleFunctions: type("RuleFunctions"),
  OperationBindings: type("OperationBindings"),
} as const;

/** The `EndpointConfig` field each built-in parameter reads (`smithy.rules` builtIn → config). */
export const BUILT_IN_CONFIG: Readonly<Record<string, string>> = Object.freeze({
  "AWS::Region": "region",
  "AWS::UseFIPS": "useFipsEndpoint",
  "AWS::UseDualStack": "useDualstackEndpoint",
  "SDK::Endpoint": "endpoint",
  "AWS::S3::ForcePathStyle": "forcePathStyle",
  "AWS::S3::Accelerate": "useAccelerateEndpoint",
  "AWS::S3::UseGlobalEndpoint": "useGlobalEndpoint",
  "AWS::STS::UseGlobalEndpoint": "useGlobalEndpoint",
  "AWS::S3::UseArnRegion": "useArnRegion",
  "AWS::S3Control::UseArnRegion": "useArnRegion",
  "AWS::S3::DisableMultiRegionAccessPoints": "disableMultiregionAccessPoints",
  "AWS::Auth::AccountId": "accountId",
  "AWS::Auth::AccountIdEndpointMode": "accountIdEndpointMode",
});

/**
 * Whether a model's folder gets endpoints.ts: AWS services (`aws.api#service`, an `aws.protocols`
 * protocol, botocore descriptions) and any service with endpoint rules.
 */
export function hasEndpoints(model: ResolvedModel): boolean {
  const service = model.service;
  return service.endpointRules !== undefined || service.sdkId !== undefined || service.protocols.some((p) => p.id.startsWith("aws.protocols#"));
}

export function emitEndpoints(model: ResolvedModel, partitionsInput: PartitionsInput | undefined, diags: Diagnostics): GeneratedFile {
  const file = new GeneratedFile("endpoints.ts", false);
  const where = model.sources[0] !== undefined ? { file: model.sources[0] } : {};
  let read = model.service.endpointRules === undefined ? undefined : readRuleSet(model.service.endpointRules);
  if (read && read.problems.length > 0) {
    diags.warning(
      "ENDPOINT_RULES_UNSUPPORTED",
      `The endpoint rules of \`${model.service.id}\` cannot be evaluated: ${read.problems.slice(0, 3).join("; ")}${read.problems.length > 3 ? ` (and ${read.problems.length - 3} more)` : ""}`,
      { ...where, hint: "endpoints.ts is generated without them: clients must set `endpoint`. Fix the smithy.rules#endpointRuleSet trait to resolve endpoints from the rules." },
    );
    read = undefined;
  }
  let partitions: string | undefined;
  if (read?.functions.has("aws.partition")) {
    const table = partitionsInput === undefined ? undefined : readPartitions(partitionsInput);
    if (table === undefined || "problem" in table) {
      diags.error(
        "ENDPOINT_PARTITIONS",
        table === undefined
          ? `The endpoint rules of \`${model.service.id}\` call aws.partition, and no AWS partitions table was given`
          : `The AWS partitions table ${partitionsInput!.source} cannot be used: ${table.problem}`,
        {
          ...(table === undefined ? where : { file: partitionsInput!.source }),
          hint: 'Name a partitions.json in the config ("endpoints": { "partitions": "path/to/partitions.json" }), or leave it out to use the one of the npm package @aws-sdk/util-endpoints.',
        },
      );
    } else {
      partitions = jsonData(table.partitions);
    }
  }
  const parameters = read?.parameters ?? DEFAULT_PARAMETERS;
  // In comments: `commentText` keeps a name from ending them (`*/`, line terminators).
  const service = commentText(model.service.sdkId ?? model.service.name);

  file.line(
    read === undefined
      ? `/** The endpoint parameters of ${service}: it has no endpoint rules, so only the config's built-ins. */`
      : `/** The parameters of ${service}'s endpoint rules (\`smithy.rules#endpointRuleSet\`). */`,
  );
  file.line("export interface EndpointParams {");
  for (const p of parameters) file.indented(1, [...parameterDoc(p), `readonly ${propertyKey(p.name)}?: ${parameterType(p.type)};`]);
  file.line("}", "");
  file.lines([...ENDPOINT_CONFIG, ""]);

  if (read === undefined) {
    emitWithoutRules(file, service);
    return file;
  }
  const bindings = operationBindings(model, new Set(parameters.map((p) => p.name)), diags);
  const evaluate = file.use(ENDPOINT_RULES.evaluateRuleSet);
  const resolved = file.use(ENDPOINT_RULES.ResolvedEndpoint);
  file.line('export { EndpointError, type ResolvedEndpoint } from "./endpoint-rules.js";', "");
  file.lines([...endpointParamsFunction(file, model, parameters, bindings.size > 0), ""]);
  file.line("/** The endpoint of a call with these parameters; throws `EndpointError` where the rules end in an error. */");
  file.line(`export function resolveEndpoint(params: EndpointParams): ${resolved} {`);
  file.line(`  return ${evaluate}(RULES, params, FUNCTIONS);`);
  file.line("}", "");
  file.line("/** The functions the rules call (only those: a bundle holds no other). */");
  file.line(`const FUNCTIONS: ${file.use(ENDPOINT_RULES.RuleFunctions)} = {`);
  for (const fn of [...read.functions].sort()) {
    const implementation = file.use(value(RULE_FUNCTION_EXPORTS[fn]!));
    // aws.partition reads the table; without one (an error above) it finds no partition.
    file.line(`  ${propertyKey(fn)}: ${fn === "aws.partition" ? `(args) => ${implementation}(args, ${partitions !== undefined ? "PARTITIONS" : "[]"})` : implementation},`);
  }
  file.line("};", "");
  if (bindings.size > 0) {
    file.line("/** The parameters each operation binds: static values, `@contextParam` members, JMESPath queries of the input. */");
    file.line(`const OPERATIONS: { readonly [operation: string]: ${file.use(ENDPOINT_RULES.OperationBindings)} } = {`);
    for (const [name, b] of bindings) file.line(`  ${propertyKey(name)}: ${JSON.stringify(b)},`);
    file.line("};", "");
  }
  file.line(`/** ${service}'s \`smithy.rules#endpointRuleSet\` as the model writes it, documentation left out. */`);
  file.line(`const RULES: ${file.use(ENDPOINT_RULES.RuleSet)} = ${jsonData(read.ruleSet)};`);
  if (partitions !== undefined) {
    file.line("", `/** The AWS partitions table (${commentText(partitionsSource(partitionsInput!.source))}) that \`aws.partition\` reads. */`);
    file.line(`const PARTITIONS: readonly ${file.use(ENDPOINT_RULES.Partition)}[] = ${partitions};`);
  }
  return file;
}

/**
 * A JSON value as an expression that parses it from its text: `JSON.parse('{"a":"it\'s"}')`. The
 * text goes in single quotes (it is full of double quotes, which then need no escape, and a
 * formatter keeps the string as it is); backslashes, single quotes and the two line separators
 * JSON.stringify leaves as they are get escapes.
 */
export function jsonData(value: unknown): string {
  const text = JSON.stringify(value).replace(/[\\'\u2028\u2029]/g, (c) => (c === "\\" ? "\\\\" : c === "'" ? "\\'" : c === "\u2028" ? "\\u2028" : "\\u2029"));
  return `JSON.parse('${text}')`;
}

/** Where the table came from, without the machine's own folders: a package path as given, else the file and its folder. */
function partitionsSource(source: string): string {
  if (source.startsWith("@")) return source;
  return source.split(/[\\/]/).slice(-2).join("/");
}

/** The four built-ins every AWS rule set has: what a service without rules binds. */
const DEFAULT_PARAMETERS: readonly RuleParameter[] = [
  { name: "Region", type: "String", required: false, builtIn: "AWS::Region", docs: "The AWS region used to dispatch the request." },
  { name: "UseDualStack", type: "Boolean", required: false, builtIn: "AWS::UseDualStack", docs: "When true, use the dual-stack endpoint." },
  { name: "UseFIPS", type: "Boolean", required: false, builtIn: "AWS::UseFIPS", docs: "When true, send this request to the FIPS-compliant regional endpoint." },
  { name: "Endpoint", type: "String", required: false, builtIn: "SDK::Endpoint", docs: "Override the endpoint used to send this request." },
];

function emitWithoutRules(file: GeneratedFile, service: string): void {
  file.line(
    "/** The endpoint a call goes to: its URL, the headers it adds and the rules' properties. */",
    "export interface ResolvedEndpoint {",
    "  readonly url: string;",
    "  readonly headers: Readonly<Record<string, readonly string[]>>;",
    "  readonly properties: Readonly<Record<string, unknown>>;",
    "}",
    "",
    "/** No endpoint: the model has no endpoint rules and the config names none. */",
    "export class EndpointError extends Error {",
    '  override readonly name = "EndpointError";',
    "}",
    "",
    "/** The parameters of one call: this model has no endpoint rules, so only the config's. */",
    "export function endpointParams(_operation: string, _input: unknown, config: EndpointConfig): EndpointParams {",
    "  return {",
    "    ...(config.region !== undefined ? { Region: config.region } : {}),",
    "    ...(config.useDualstackEndpoint !== undefined ? { UseDualStack: config.useDualstackEndpoint } : {}),",
    "    ...(config.useFipsEndpoint !== undefined ? { UseFIPS: config.useFipsEndpoint } : {}),",
    "    ...(config.endpoint !== undefined ? { Endpoint: config.endpoint } : {}),",
    "  };",
    "}",
    "",
    "/** The configured endpoint: the model has no `smithy.rules#endpointRuleSet` to resolve one from. */",
    "export function resolveEndpoint(params: EndpointParams): ResolvedEndpoint {",
    "  if (params.Endpoint === undefined) {",
    `    throw new EndpointError(${JSON.stringify(`${service} has no endpoint rules in its model: set \`endpoint\` in the client's config (the service's URL)`)});`,
    "  }",
    "  return { url: params.Endpoint, headers: {}, properties: {} };",
    "}",
  );
}

function endpointParamsFunction(file: GeneratedFile, model: ResolvedModel, parameters: readonly RuleParameter[], hasBindings: boolean): string[] {
  const names = new Set(parameters.map((p) => p.name));
  const lines = [
    "/**",
    " * The endpoint parameters of one call: built-ins from the config, then its `clientContextParams`,",
    " * then what the operation binds (JMESPath queries of the input, `@contextParam` members, static values).",
    " */",
    `export function endpointParams(${hasBindings ? "operation" : "_operation"}: string, ${hasBindings ? "input" : "_input"}: unknown, config: EndpointConfig): EndpointParams {`,
    "  const params: Record<string, unknown> = {};",
  ];
  for (const p of parameters) {
    const field = p.builtIn === undefined ? undefined : BUILT_IN_CONFIG[p.builtIn];
    if (field !== undefined) lines.push(`  if (config.${field} !== undefined) params[${JSON.stringify(p.name)}] = config.${field};`);
  }
  const client = (model.service.clientContextParams ?? []).map((c) => c.name).filter((n) => names.has(n));
  if (client.length > 0) {
    lines.push(
      "  const client = config.clientContextParams ?? {};",
      `  for (const name of ${JSON.stringify(client)}) {`,
      "    if (Object.prototype.hasOwnProperty.call(client, name) && client[name] !== undefined) params[name] = client[name];",
      "  }",
    );
  }
  if (hasBindings) {
    lines.push(`  if (Object.prototype.hasOwnProperty.call(OPERATIONS, operation)) ${file.use(ENDPOINT_RULES.bindOperation)}(params, OPERATIONS[operation]!, input);`);
  }
  lines.push("  return params as EndpointParams;", "}");
  return lines;
}

interface Bindings {
  static?: Record<string, unknown>;
  members?: Record<string, string>;
  queries?: Record<string, Query>;
}

/** Per operation (by Smithy name, in name order), what it binds; operations that bind nothing are left out. */
function operationBindings(model: ResolvedModel, parameters: ReadonlySet<string>, diags: Diagnostics): Map<string, Bindings> {
  const out = new Map<string, Bindings>();
  for (const op of model.operations) {
    const b: Bindings = {};
    for (const q of op.operationContextParams ?? []) {
      if (!parameters.has(q.name)) continue;
      const query = compileQuery(q.path);
      if ("error" in query) {
        diags.warning("ENDPOINT_CONTEXT_PATH", `operationContextParams \`${q.name}\` of \`${op.id}\`: ${JSON.stringify(q.path)}: ${query.error}`, {
          ...(model.sources[0] !== undefined ? { file: model.sources[0] } : {}),
          hint: "The parameter is not bound from the input. Use field names, `.`, `[*]`, `[]`, `[n]`, `[a, b]` and `keys(...)`.",
        });
        continue;
      }
      (b.queries ??= {})[q.name] = query;
    }
    for (const [param, member] of contextMembers(model, op)) if (parameters.has(param)) (b.members ??= {})[param] = member;
    for (const s of op.staticContextParams ?? []) if (parameters.has(s.name)) (b.static ??= {})[s.name] = s.value;
    if (b.static || b.members || b.queries) out.set(op.name, b);
  }
  return out;
}

function contextMembers(model: ResolvedModel, op: Operation): [string, string][] {
  if (op.input === undefined) return [];
  const input = shapeOf(model, op.input);
  if (input.type !== "structure") return [];
  return input.members.flatMap((m) => (m.contextParam !== undefined ? [[m.contextParam, m.name] as [string, string]] : []));
}

function parameterType(type: string): string {
  switch (type.toLowerCase()) {
    case "boolean":
      return "boolean";
    case "stringarray":
      return "readonly string[]";
    default:
      return "string";
  }
}

function parameterDoc(p: RuleParameter): string[] {
  const field = p.builtIn === undefined ? undefined : BUILT_IN_CONFIG[p.builtIn];
  const source = p.builtIn === undefined ? "" : `Built-in \`${p.builtIn}\`${field !== undefined ? `: \`${field}\` of the config` : ""}.`;
  const text = [p.docs?.trim() ?? "", source].filter((t) => t !== "").join("\n\n");
  return tsdoc({
    ...(text !== "" ? { docs: { text, format: "commonmark" as const } } : {}),
    ...(p.deprecated ? { deprecated: p.deprecated } : {}),
    ...(p.default !== undefined ? { defaultValue: p.default } : {}),
  });
}

/** What the client config contributes (the same in every folder). */
const ENDPOINT_CONFIG = [
  "/** What the client config contributes to the endpoint parameters (built-ins and client context params). */",
  "export interface EndpointConfig {",
  "  /** `AWS::Region`, e.g. `us-east-1`. */",
  "  readonly region?: string;",
  "  /** `AWS::UseFIPS`: use the FIPS endpoint. */",
  "  readonly useFipsEndpoint?: boolean;",
  "  /** `AWS::UseDualStack`: use the dual-stack (IPv6) endpoint. */",
  "  readonly useDualstackEndpoint?: boolean;",
  "  /** `SDK::Endpoint`: a URL that replaces the resolved endpoint. */",
  "  readonly endpoint?: string;",
  "  /** `AWS::S3::ForcePathStyle`: bucket in the path, not the host name. */",
  "  readonly forcePathStyle?: boolean;",
  "  /** `AWS::S3::Accelerate`: S3 Transfer Acceleration. */",
  "  readonly useAccelerateEndpoint?: boolean;",
  "  /** `AWS::S3::UseGlobalEndpoint` and `AWS::STS::UseGlobalEndpoint`: the global endpoint in us-east-1. */",
  "  readonly useGlobalEndpoint?: boolean;",
  "  /** `AWS::S3::UseArnRegion` and `AWS::S3Control::UseArnRegion`: the region of an ARN argument wins. */",
  "  readonly useArnRegion?: boolean;",
  "  /** `AWS::S3::DisableMultiRegionAccessPoints`. */",
  "  readonly disableMultiregionAccessPoints?: boolean;",
  "  /** `AWS::Auth::AccountId`. */",
  "  readonly accountId?: string;",
  "  /** `AWS::Auth::AccountIdEndpointMode`: `preferred`, `required` or `disabled`. */",
  "  readonly accountIdEndpointMode?: string;",
  "  /** `smithy.rules#clientContextParams` of the service, by name. */",
  "  readonly clientContextParams?: Readonly<Record<string, unknown>>;",
  "}",
];
