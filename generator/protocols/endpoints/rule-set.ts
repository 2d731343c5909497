// Reads a service's `smithy.rules#endpointRuleSet` node into the data the generated
// `endpoint-rules.ts` interprets: the same tree in a denser form (one-letter keys, no empty
// condition lists; a bundle carries it), with documentation (and parameter `builtIn` /
// `deprecated`, which endpoints.ts turns into code and TSDoc) left out. Anything the interpreter
// could not evaluate is a problem reported with its place in the rule set.
//
//   { version: "1.0", parameters: { Region: { builtIn: "AWS::Region", type: "String", documentation: "…" } },
//     rules: [{ type: "tree", conditions: [{ fn: "isSet", argv: [{ ref: "Region" }], assign: "R" }], rules: [
//       { type: "endpoint", conditions: [], endpoint: { url: "https://x.{Region}", headers: {}, properties: { a: 1 } } },
//       { type: "error", conditions: [], error: "no", documentation: "…" }] }] }
//   → { ruleSet: { parameters: { Region: { type: "String" } }, rules: [{ c: [{ f: "isSet", a: [{ v: "Region" }], s: "R" }], t: [
//         { e: { u: "https://x.{Region}", p: { a: 1 } } }, { x: "no" }] }] },
//       parameters: [{ name: "Region", type: "String", builtIn: "AWS::Region", docs: "…" }], functions: Set { "isSet" },
//       problems: [] }
//
// The dense form (the `Rule` type of templates/endpoint-rules.ts.hbs): a rule is `{ c?, e }`
// (endpoint: `u` url, `h` headers, `p` properties), `{ c?, x }` (error) or `{ c?, t }` (tree);
// a condition `{ f, a, s? }` (function, arguments, assign); an expression a literal, a template
// string, `{ v }` (a reference) or `{ f, a }` (a call).

/**
 * The functions the generated interpreter evaluates (Smithy's standard library and the AWS ones),
 * each with the export of endpoint-rules.ts that implements it: endpoints.ts imports only those
 * its rules call, so a bundle holds no other.
 */
export const RULE_FUNCTION_EXPORTS: Readonly<Record<string, string>> = Object.freeze({
  isSet: "ruleIsSet",
  not: "ruleNot",
  booleanEquals: "ruleEquals",
  stringEquals: "ruleEquals",
  substring: "ruleSubstring",
  uriEncode: "ruleUriEncode",
  parseURL: "ruleParseUrl",
  isValidHostLabel: "ruleIsValidHostLabel",
  getAttr: "ruleGetAttr",
  coalesce: "ruleCoalesce",
  split: "ruleSplit",
  ite: "ruleIte",
  "aws.partition": "rulePartition",
  "aws.parseArn": "ruleParseArn",
  "aws.isVirtualHostableS3Bucket": "ruleIsVirtualHostableS3Bucket",
});

/** The names of the functions the interpreter evaluates. */
export const RULE_FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(RULE_FUNCTION_EXPORTS));

/** One parameter of the rule set, as endpoints.ts declares and binds it. */
export interface RuleParameter {
  readonly name: string;
  /** `String`, `Boolean` or `stringArray`, as written. */
  readonly type: string;
  readonly required: boolean;
  readonly default?: unknown;
  readonly builtIn?: string;
  readonly docs?: string;
  readonly deprecated?: { readonly message?: string; readonly since?: string };
}

export interface ReadRuleSet {
  /** The data of `const RULES: RuleSet` (plain JSON values). */
  readonly ruleSet: { readonly parameters: Record<string, unknown>; readonly rules: unknown[] };
  readonly parameters: readonly RuleParameter[];
  /** The functions the rules call. */
  readonly functions: ReadonlySet<string>;
  /** `path: what is wrong`, e.g. `rules[2].conditions[0]: unknown function "fooBar"`. */
  readonly problems: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function readRuleSet(node: unknown): ReadRuleSet {
  const problems: string[] = [];
  const functions = new Set<string>();
  const parameters: RuleParameter[] = [];
  const outParameters: Record<string, unknown> = {};
  const root = record(node);
  if (!root) return { ruleSet: { parameters: {}, rules: [] }, parameters, functions, problems: ["the rule set is not an object"] };
  for (const [name, value] of Object.entries(record(root["parameters"]) ?? {})) {
    const p = record(value);
    const type = p?.["type"];
    if (!p || typeof type !== "string" || !["string", "boolean", "stringarray"].includes(type.toLowerCase())) {
      problems.push(`parameters.${name}: needs a type String, Boolean or stringArray`);
      continue;
    }
    const def = p["default"];
    const validDefault =
      def === undefined ||
      (type.toLowerCase() === "string" && typeof def === "string") ||
      (type.toLowerCase() === "boolean" && typeof def === "boolean") ||
      (type.toLowerCase() === "stringarray" && Array.isArray(def) && def.every((d) => typeof d === "string"));
    if (!validDefault) problems.push(`parameters.${name}.default: not a ${type}`);
    const deprecated = record(p["deprecated"]);
    parameters.push({
      name,
      type,
      required: p["required"] === true,
      ...(def !== undefined && validDefault ? { default: def } : {}),
      ...(typeof p["builtIn"] === "string" ? { builtIn: p["builtIn"] } : {}),
      ...(typeof p["documentation"] === "string" ? { docs: p["documentation"] } : {}),
      ...(deprecated
        ? {
            deprecated: {
              ...(typeof deprecated["message"] === "string" ? { message: deprecated["message"] } : {}),
              ...(typeof deprecated["since"] === "string" ? { since: deprecated["since"] } : {}),
            },
          }
        : {}),
    });
    outParameters[name] = { type, ...(p["required"] === true ? { required: true } : {}), ...(def !== undefined && validDefault ? { default: def } : {}) };
  }
  const rulesNode = root["rules"];
  if (!Array.isArray(rulesNode)) problems.push("rules: not a list");
  const rules = (Array.isArray(rulesNode) ? rulesNode : []).map((r, i) => rule(r, `rules[${i}]`, problems, functions));
  return { ruleSet: { parameters: outParameters, rules }, parameters, functions, problems };
}

function rule(node: unknown, at: string, problems: string[], functions: Set<string>): Json {
  const r = record(node);
  if (!r) {
    problems.push(`${at}: not a rule object`);
    return null;
  }
  const conditionsNode = r["conditions"] ?? [];
  if (!Array.isArray(conditionsNode)) problems.push(`${at}.conditions: not a list`);
  const conditions = (Array.isArray(conditionsNode) ? conditionsNode : []).map((c, i) => {
    const call = functionCall(c, `${at}.conditions[${i}]`, problems, functions);
    const assign = record(c)?.["assign"];
    if (assign !== undefined && typeof assign !== "string") problems.push(`${at}.conditions[${i}].assign: not a string`);
    return typeof assign === "string" && call !== null && typeof call === "object" && !Array.isArray(call) ? { ...call, s: assign } : call;
  });
  const c: { [key: string]: Json } = conditions.length > 0 ? { c: conditions } : {};
  switch (r["type"]) {
    case "endpoint": {
      const endpoint = record(r["endpoint"]);
      if (!endpoint) {
        problems.push(`${at}.endpoint: not an object`);
        return null;
      }
      const headers = record(endpoint["headers"]);
      const properties = record(endpoint["properties"]);
      const outHeaders: Record<string, Json> = {};
      for (const [name, values] of Object.entries(headers ?? {})) {
        if (!Array.isArray(values)) problems.push(`${at}.endpoint.headers.${name}: not a list`);
        outHeaders[name] = (Array.isArray(values) ? values : []).map((v, i) => expression(v, `${at}.endpoint.headers.${name}[${i}]`, problems, functions));
      }
      return {
        ...c,
        e: {
          u: expression(endpoint["url"], `${at}.endpoint.url`, problems, functions),
          ...(headers && Object.keys(headers).length > 0 ? { h: outHeaders } : {}),
          ...(properties && Object.keys(properties).length > 0 ? { p: json(properties, `${at}.endpoint.properties`, problems) as Json } : {}),
        },
      };
    }
    case "error":
      return { ...c, x: expression(r["error"], `${at}.error`, problems, functions) };
    case "tree": {
      const rules = r["rules"];
      if (!Array.isArray(rules)) problems.push(`${at}.rules: not a list`);
      return { ...c, t: (Array.isArray(rules) ? rules : []).map((x, i) => rule(x, `${at}.rules[${i}]`, problems, functions)) };
    }
    default:
      problems.push(`${at}.type: ${JSON.stringify(r["type"])} is not endpoint, error or tree`);
      return null;
  }
}

function expression(node: unknown, at: string, problems: string[], functions: Set<string>): Json {
  if (typeof node === "string" || typeof node === "boolean" || (typeof node === "number" && Number.isFinite(node))) return node;
  if (Array.isArray(node)) return node.map((n, i) => expression(n, `${at}[${i}]`, problems, functions));
  const r = record(node);
  if (r && typeof r["ref"] === "string") return { v: r["ref"] };
  if (r && "fn" in r) return functionCall(r, at, problems, functions);
  problems.push(`${at}: not a string, literal, reference or function call`);
  return null;
}

function functionCall(node: unknown, at: string, problems: string[], functions: Set<string>): Json {
  const r = record(node);
  const fn = r?.["fn"];
  const argv = r?.["argv"];
  if (!r || typeof fn !== "string" || !Array.isArray(argv)) {
    problems.push(`${at}: not a function call ({ fn, argv })`);
    return null;
  }
  if (!RULE_FUNCTIONS.has(fn)) problems.push(`${at}: unknown function ${JSON.stringify(fn)} (known: ${[...RULE_FUNCTIONS].join(", ")})`);
  functions.add(fn);
  return { f: fn, a: argv.map((a, i) => expression(a, `${at}.argv[${i}]`, problems, functions)) };
}

/** A literal (endpoint properties): JSON values only. */
function json(node: unknown, at: string, problems: string[]): Json {
  if (node === null || typeof node === "string" || typeof node === "boolean") return node;
  if (typeof node === "number" && Number.isFinite(node)) return node;
  if (Array.isArray(node)) return node.map((n, i) => json(n, `${at}[${i}]`, problems));
  const r = record(node);
  if (r) {
    const out: Record<string, Json> = {};
    for (const [key, value] of Object.entries(r)) out[key] = json(value, `${at}.${key}`, problems);
    return out;
  }
  problems.push(`${at}: not a JSON value`);
  return null;
}

function record(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? (value as Record<string, unknown>) : undefined;
}
