// The printers' final layout (generator/emit/layout.ts) against its oracle, oxfmt itself: a file
// the core keeps as printed (GenerateResult.final, not formatted) must be exactly what oxfmt makes
// of it. Whole files compared; every file that differs is listed with its first differing lines.
// - every model of models/ and the test fixtures (adversarial names, kitchen sink), and a sample
//   of the AWS and OpenAPI corpora: each types.ts and errors.ts is final, and an AWS client.ts (also
//   one without endpoint rules or SigV4, a model of our own), and every final file is stable;
// - each layout rule of layout.ts, cases on both sides of the print width, printed through the
//   same functions the printers call, is what oxfmt prints;
// - the check fails on a file a broken printer would print (an empty interface as `{` `}`);
// - with prettier (here a team's config without semicolons) a final file is still formatted;
//   `--no-format` returns it byte for byte as the oxfmt run does.
// AWS corpus sweep (`npm run test:aws-corpus`) and the OpenAPI corpus sweep check all of theirs.

import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { stableHeader, formatTypeScript } from "../../generator/format.js";
import { arrayProperty, arrowProperty, atom, call, interfaceHead, member, name, NULL, objectKey, parameters, property, stringLiteral, typeAlias, UNDEFINED, union, type LayoutCheck, type TypeExpr } from "../../generator/emit/layout.js";
import { layoutLongLines, layoutStatement } from "../../generator/emit/statements.js";
import { generateFrom } from "../helpers/generate.js";
import { unstableFinal } from "../helpers/layout-oracle.js";
import { corpusPartitions } from "../helpers/partitions.js";
import { corpusFile, MODELS, ROOT } from "../helpers/paths.js";

const AWS_SAMPLE = ["cognito-identity-provider.json", "s3.json.gz", "route-53.json.gz", "sns.json.gz", "ec2-instance-connect.json.gz"];
// Stripe and GitHub, with the whole corpus: `npm run test:openapi-corpus`.
const OPENAPI_SAMPLE = ["adyen.com__AccountService.json.gz", "xkcd.com.json.gz", "dracoon.team.json.gz", "googleapis.com__dlp.json.gz"];

async function generateCorpus(relative: string, options: { formatter?: { name: "prettier" }; format?: boolean } = {}) {
  const path = corpusFile(relative);
  const raw = readFileSync(path);
  const text = path.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  const modelName = basename(path).replace(/\.json(\.gz)?$/, "").replace(/\./g, "-");
  const result = await generate([{ name: modelName, files: [{ path: basename(path, ".gz"), text }] }], { readFile: () => undefined }, { templates: loadTemplates(), partitions: corpusPartitions(), ...options });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { name: modelName, result };
}

describe("printers' final layout against oxfmt", () => {
  it("models/ and the fixtures: every types.ts, errors.ts, validators.ts and AWS deserializers.ts/serializers.ts is final, and oxfmt leaves every final file as it is", async () => {
    const inputs = [
      ...readdirSync(MODELS).map((f) => ({ name: f.replace(/\.(smithy|json|yaml)$/, "").replace(/\./g, "-"), paths: [join(MODELS, f)] })),
      { name: "adversarial", paths: [join(ROOT, "test/fixtures/adversarial-names.smithy")] },
      { name: "kitchen-sink", paths: [join(ROOT, "test/fixtures/kitchen-sink.json")] },
    ];
    const result = await generateFrom(inputs);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const typesFiles = [...result.files.keys()].filter((p) => p.endsWith("/types.ts")).sort();
    expect(typesFiles.length).toBe(inputs.length);
    expect([...result.final!].filter((p) => p.endsWith("/types.ts")).sort()).toEqual(typesFiles);
    const errorsFiles = [...result.files.keys()].filter((p) => p.endsWith("/errors.ts")).sort();
    expect(errorsFiles.length).toBeGreaterThan(0);
    expect([...result.final!].filter((p) => p.endsWith("/errors.ts")).sort()).toEqual(errorsFiles);
    // The AWS clients (every model here but the OpenAPI one): final.
    const clients = [...result.files.keys()].filter((p) => p.endsWith("/client.ts")).sort();
    expect([...result.final!].filter((p) => p.endsWith("/client.ts")).sort()).toEqual(clients.filter((p) => !p.includes("-openapi/")));
    // The deserializers of the AWS protocols (generator/emit/statements.ts lays out their long lines): final.
    const deserializers = [...result.files.keys()].filter((p) => p.endsWith("/deserializers.ts")).sort();
    expect(deserializers.length).toBe(inputs.length);
    expect([...result.final!].filter((p) => p.endsWith("/deserializers.ts")).sort()).toEqual(deserializers.filter((p) => !p.includes("-openapi/")));
    // Validators: final (but where a member has an inherited name such as `constructor`, read in
    // parentheses prettier may drop: the fixtures' ones); serializers of the AWS protocols.
    const validators = [...result.files.keys()].filter((p) => p.endsWith("/validators.ts")).sort();
    expect(validators.length).toBe(inputs.length);
    expect([...result.final!].filter((p) => p.endsWith("/validators.ts")).sort()).toEqual(validators.filter((p) => !p.startsWith("adversarial/") && !p.startsWith("kitchen-sink/")));
    const serializers = [...result.files.keys()].filter((p) => p.endsWith("/serializers.ts")).sort();
    expect([...result.final!].filter((p) => p.endsWith("/serializers.ts")).sort()).toEqual(serializers.filter((p) => !p.includes("-openapi/")));
    expect(await unstableFinal(result)).toEqual([]);
  });

  it.each([...AWS_SAMPLE.map((f) => `aws-smithy/${f}`), ...OPENAPI_SAMPLE.map((f) => `openapi/${f}`)])("%s: types.ts, errors.ts, validators.ts (and AWS serializers/deserializers) final, every final file stable", async (relative) => {
    const { name: modelName, result } = await generateCorpus(relative);
    expect(result.final!.has(`${modelName}/types.ts`)).toBe(true);
    expect(result.final!.has(`${modelName}/errors.ts`)).toBe(true);
    if (relative.startsWith("aws-smithy/")) expect(result.final!.has(`${modelName}/client.ts`)).toBe(true);
    if (relative.startsWith("aws-smithy/")) for (const kind of ["deserializers", "serializers"]) expect(result.final!.has(`${modelName}/${kind}.ts`)).toBe(true);
    expect(result.final!.has(`${modelName}/validators.ts`)).toBe(true);
    expect(await unstableFinal(result)).toEqual([]);
  }, 120_000);

  it("a client without endpoint rules or SigV4 (rpcv2Cbor, no auth) is final and stable", async () => {
    const text = [
      "$version: \"2\"",
      "namespace example.things",
      "use smithy.protocols#rpcv2Cbor",
      "@rpcv2Cbor",
      "service Things { version: \"1\", operations: [GetThing, Ping] }",
      "operation GetThing { input := { @required id: String }, output := { name: String }, errors: [NotFound] }",
      "operation Ping {}",
      "@error(\"client\") structure NotFound { message: String }",
    ].join("\n");
    const traitDefs = "smithy/trait-defs/smithy-protocol-traits/smithy.protocols.rpcv2.smithy";
    const files = [{ path: "things.smithy", text }, { path: traitDefs, text: readFileSync(corpusFile(traitDefs), "utf8") }];
    const result = await generate([{ name: "things", files }], { readFile: () => undefined }, { templates: loadTemplates() });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.files.has("things/endpoints.ts")).toBe(false);
    expect(result.files.get("things/client.ts")).not.toContain("function sign(");
    expect(result.final!.has("things/client.ts")).toBe(true);
    expect(await unstableFinal(result)).toEqual([]);
  });

  it("fails on what a broken printer would print", async () => {
    const header = "// Generated.\n\n";
    const broken = new Map([
      ["m/types.ts", `${header}export interface Empty {\n}\n`],
      ["m/index.ts", `${header}export * from "./types.js";\n`],
      ["m/errors.ts", `${header}export class E extends Error {\n  constructor(\n    a: string,\n  ) {\n    super(a);\n  }\n}\n`],
    ]);
    expect(await unstableFinal({ files: broken, final: new Set(broken.keys()) })).toEqual([
      "m/types.ts line 3: export interface Empty { | } → export interface Empty {}",
      "m/errors.ts line 4:   constructor( |     a: string, |   ) { →   constructor(a: string) {",
    ]);
  });

  it("prettier (a team's config) still formats a final file; --no-format gives the same bytes as oxfmt", async () => {
    const model = [{ name: "c", paths: [join(MODELS, "cognito-identity-provider.smithy")] }];
    const prettier = await generateFrom(model, { formatter: { name: "prettier", config: { semi: false, printWidth: 100 } } });
    expect(prettier.final!.has("c/types.ts")).toBe(true);
    const types = prettier.files.get("c/types.ts")!;
    expect(types).toBe(await formatTypeScript(types, { name: "prettier", config: { semi: false, printWidth: 100 } }));
    expect(types.split("\n").filter((l) => /^export (type|const) .*;$/.test(l))).toEqual([]);
    const none = await generateFrom(model, { format: false });
    const oxfmt = await generateFrom(model);
    expect(none.final).toEqual(oxfmt.final);
    expect(none.files.get("c/types.ts")).toBe(oxfmt.files.get("c/types.ts"));
  }, 120_000);
});

describe("layout rules (generator/emit/layout.ts) against oxfmt", () => {
  const long = (n: number, letter = "A") => letter + letter.toLowerCase().repeat(n - 1);
  it("each rule, on both sides of the print width, prints what oxfmt prints", async () => {
    const reasons: string[] = [];
    const check: LayoutCheck = { unsure: (why) => reasons.push(why) };
    const ref = (n: number) => name(long(n, "B"));
    const aliases: [string, TypeExpr][] = [
      [`export type ${long(40)}`, ref(40)],
      [`export type ${long(70)}`, ref(40)],
      [`export type ${long(110)}`, ref(40)],
      [`export type ${long(60)}`, atom(`(typeof ${long(60)})[keyof typeof ${long(60)}]`)],
      [`export type ${long(60)}`, { kind: "array", element: ref(30) }],
      [`export type ${long(60)}`, { kind: "array", element: union([name("string"), NULL]) }],
      [`export type ${long(73)}`, { kind: "array", element: union([name("string"), NULL]) }],
      [`export type ${long(90)}`, { kind: "array", element: union([name("string"), NULL]) }],
      [`export type ${long(90)}`, { kind: "array", element: union([ref(60), NULL]) }],
      [`export type ${long(65)}`, { kind: "record", value: ref(20) }],
      [`export type ${long(75)}`, { kind: "record", value: name("never") }],
      [`export type ${long(82)}`, { kind: "record", value: ref(16) }],
      [`export type ${long(65)}`, { kind: "record", value: union([ref(14), NULL]) }],
      [`export type ${long(62)}`, union([ref(28), ref(17)])],
      [`export type ${long(62)}`, union([ref(28), name("string"), NULL])],
      [`export type ${long(95)}`, union([ref(22), NULL])],
      [`export type ${long(95)}`, union([name("string"), NULL])],
      [`export type ${long(20)}`, union([{ kind: "object", members: [{ key: "a", type: ref(10) }, { key: "b?", type: name("never") }] }, { kind: "object", members: [{ key: "$unknown", type: atom("[string, unknown]") }, { key: "a?", type: name("never") }] }])],
      [`export type ${long(5)}`, union([{ kind: "object", members: [{ key: long(34, "X"), type: ref(38) }, { key: `${long(51, "Y")}?`, type: name("never") }] }, { kind: "object", members: [{ key: "a", type: union([ref(38), NULL]) }, { key: "$unknown?", type: name("never") }] }])],
      [`export const ${long(84)}`, ref(50)],
    ];
    const lines: string[] = [];
    for (const [head, type] of aliases) lines.push(...typeAlias(head, type, check));
    lines.push("export interface I {");
    const members: [string, TypeExpr][] = [
      [long(40, "K"), ref(40)],
      [long(52, "K"), ref(60)],
      [`${long(52, "K")}?`, union([ref(51), UNDEFINED])],
      [`${long(52, "K")}?`, union([ref(51), NULL, UNDEFINED])],
      [long(52, "K"), union([ref(51), NULL])],
      [long(92, "K"), union([name("Uint8Array"), NULL])],
      [long(84, "K"), union([name("string"), NULL])],
      [`${long(90, "K")}?`, union([name("string"), UNDEFINED])],
      [`${long(70, "K")}?`, union([{ kind: "record", value: name("never") }, UNDEFINED])],
      [long(94, "K"), name("bigint")],
      [objectKey("x-amz-id", check), name("string")],
      [objectKey(`say "hi"`, check), name("string")],
    ];
    for (const [key, type] of members) lines.push(...member(2, key, type, check));
    lines.push("}", "export const E = {");
    lines.push(...property(2, long(84, "K"), stringLiteral(long(27, "S")), check));
    lines.push(...property(2, "a", stringLiteral(`x"y`), check));
    lines.push(...property(2, "b", stringLiteral(`it's "q"`), check));
    lines.push(...property(2, "c", stringLiteral(`\\ \u0000 \t it's`), check));
    lines.push(...property(2, "d", stringLiteral(`"'"`), check));
    lines.push(...property(2, "e", "-5", check));
    lines.push("} as const;");
    // Constructors' parameters and calls' arguments, as errors.ts prints them: lines of 99, 100
    // and 101 columns (n = 22-24 for `super(…)`, 35-37 for `constructor(…)`), and longer.
    const params = (n: number) => [`fields: ${long(n, "F")}`, "response: HttpResponse", `code = ${stringLiteral("Code")}`];
    const args = (n: number) => [`fields.message ?? options.message ?? ${stringLiteral(long(n, "M"))}`, "response", "code", n > 40 ? `response.status >= 500 ? "server" : "client"` : stringLiteral("client")];
    // (n = 54-56: the `??` argument on its own line is 99-101 columns, past it one operand per line)
    for (const n of [6, 22, 23, 24, 35, 36, 37, 50, 54, 55, 56, 80]) {
      lines.push(`export class E${n} extends ServiceError {`, ...parameters(2, "constructor", params(n), " {", check), ...call(4, "super", args(n), ";", check), "  }", "}");
    }
    lines.push(...call(0, "f", [], ";", check));
    // Interface heads with parents and arrow properties, as client.ts prints them: 99-101 columns and more.
    for (const n of [22, 23, 24, 60]) lines.push(...interfaceHead(`export interface ${long(n, "I")}`, ["TransportConfig", "SerializeOptions", "EndpointConfig"], check), "  a: string;", "}");
    lines.push("export const client = {");
    for (const n of [48, 49, 50, 60]) lines.push(...arrowProperty(2, long(n, "M"), "(input, options)", "f(context, input, options)", check));
    lines.push("};", "");
    const printed = lines.join("\n");
    expect(reasons).toEqual([]);
    expect(await formatTypeScript(printed, { name: "oxfmt" })).toBe(printed);
  });

  it("statements past the print width (generator/emit/statements.ts), at 99, 100 and 101 columns, print what oxfmt prints", async () => {
    const reasons: string[] = [];
    const check: LayoutCheck = { unsure: (why) => reasons.push(why) };
    // A line whose boundary (by default the line itself; else the part that must fit on a line of
    // its own in the broken layout) is exactly `width` columns: `template` given a name of the length that makes it so.
    const sized = (width: number, rule: Rule) => {
      const at = rule.at ?? rule.line;
      expect(width - at("").length, at("")).toBeGreaterThan(0);
      const x = long(width - at("").length, "X");
      expect(at(x).length).toBe(width);
      return rule.line(x);
    };
    type Rule = { line: (x: string) => string; at?: (x: string) => string; close?: string };
    const rules: Rule[] = [
      // `if (c) s`: one line, or s on the next line; there, a call hugging its last object argument, or all arguments broken out
      { line: (x) => `    if (response.status < 200 || response.status >= 300) throwResponseError(response, { ${x}: b });` },
      { line: (x) => `    if (r) throwResponseError(response, { A: build_A, ${x}: build_X });`, at: (x) => `      throwResponseError(response, { A: build_A, ${x}: build_X });` },
      { line: (x) => `    if (r) throwResponseError(${x}, { AccessDeniedException: build_AccessDeniedException, ThrottlingException: build_ThrottlingException });`, at: (x) => `      throwResponseError(${x}, {` },
      // an if's condition broken inside its parentheses, one operand per line
      { line: (x) => `    if (input.${x} !== undefined || input.SecondMember !== undefined) out.push(a);` },
      { line: (x) => `    if (input.${x} !== undefined || input.SecondMember !== undefined || input.Third !== undefined) out.push(a);`, at: (x) => `    if (input.${x} !== undefined || input.SecondMember !== undefined || input.Third !== undefined)` },
      { line: (x) => `    if (input.${x} !== undefined || input.SecondMember !== undefined || input.Third !== undefined) {`, close: "    }" },
      // assignments: fluid (the call breaks), after `=` (a conditional on a binary test, which then breaks)
      { line: (x) => `    const output = json_GetThingOutput(parseJsonBody(response.body), "$", ${x}, "value");` },
      { line: (x) => `    out["findingDetails"] = v10 != null ? json_FindingDetailsList(v10, "$" + ".${x}") : [];` },
      { line: (x) => `    out["findingDetails"] = v10 != null ? json_FindingDetailsList(v10, "$" + ".findingDetails", ${x}) : [];`, at: (x) => `      v10 != null ? json_FindingDetailsList(v10, "$" + ".findingDetails", ${x}) : [];` },
      { line: (x) => `    if (v0 != null) out["ContactInformation"] = json_ContactInformation(v0, "$" + ".${x}");` },
      { line: (x) => `    if (v0 != null) out["ContactInformation"] = json_ContactInformation(v0, "$" + ".ContactInformation", ${x});`, at: (x) => `      out["ContactInformation"] = json_ContactInformation(v0, "$" + ".ContactInformation", ${x});` },
      { line: (x) => `    found = { ebsSnapshot: json_EbsSnapshotConfiguration(item, path + ".${x}") } as Configuration;` },
      { line: (x) => `    found = { ebsSnapshot: json_EbsSnapshotConfiguration(item, path + ".ebsSnapshot", ${x}, "value") } as Configuration;`, at: (x) => `      ebsSnapshot: json_EbsSnapshotConfiguration(item, path + ".ebsSnapshot", ${x}, "value"),` },
      // `new` with arguments one per line; a pure call; a for loop with its statement on the next line
      { line: (x) => `    throw new UnknownServiceError(message ?? "HTTP " + response.status, code ?? "${x}", { m });` },
      { line: (x) => `    const build_${x} = /* @__PURE__ */ modelledError(AccessDenied, error_AccessDenied);` },
      { line: (x) => `    for (let i = 0; i < items.length; i++) out.push(xml_Group(items[i]!, placeOf(path, ${x})));` },
      { line: (x) => `    for (const [k, v] of Object.entries(input.${x})) headers["x-amz-meta-" + k] = String(v);` },
      // serializers: a factory member chain hugging an arrow; a conditional whose branch is a concatenation; a returned object literal
      { line: (x) => `    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, json_${x}(item)]));` },
      { line: (x) => `    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, json_${x}(item)]));`, at: (x) => `      Object.entries(value).map(([key, item]) => [key, json_${x}(item)]),` },
      { line: (x) => `    const body = input.A !== undefined || input.B !== undefined ? "<?xml" + xmlElement("${x}", " xmlns", xml) : undefined;`, at: (x) => `        ? "<?xml" + xmlElement("${x}", " xmlns", xml)` },
      { line: (x) => `    return { method: "PUT", path: "/a/" + encodePathSegment(input.${x}), query, headers };` },
      { line: (x) => `    return { method: "PUT", path: "/analyzer/" + encodePathSegment(input.${x}) + "/x", query, headers };`, at: (x) => `      path: "/analyzer/" + encodePathSegment(input.${x}) + "/x",` },
      { line: (x) => `    return a.${x} !== undefined && input.SecondMember !== undefined && input.Third !== undefined;` },
      { line: (x) => `    const body = JSON.stringify(${x});` },
      { line: (x) => `    const body = JSON.stringify(json_${x}(input, options));` },
      { line: (x) => `    headers["X-Amz-Target"] = "AWS242ServiceCatalogService.${x}";` },
    ];
    const heads: Rule[] = [
      { line: (x) => `export function deserialize${x}Response(response: HttpResponse): GetThingOutput {` },
      { line: (x) => `export function serialize${x}Request(input: X, options: SerializeOptions = {}): HttpRequest {` },
    ];
    const lines: string[] = [];
    for (const width of [99, 100, 101]) {
      lines.push("function f() {", "  {");
      for (const rule of rules) lines.push(...layoutStatement(sized(width, rule), check), ...(rule.close === undefined ? [] : [rule.close]));
      // `else s;` after `if (c) s;`: s on the next line past the width
      lines.push(`    if (v1 == null) failRequired(out, path + "/A");`, ...layoutStatement(sized(width, { line: (x) => `    else validate${x}(v1, path + "/UpdateRoutingControlStateEntries", out);` }), check));
      lines.push("  }", "}");
      for (const head of heads) lines.push(...layoutStatement(sized(width, head), check), "  return x;", "}");
    }
    // Top-level: `export const` fluid; an object's property lines (printed broken by an emitter), a string after `key:`.
    for (const width of [99, 100, 101]) {
      lines.push(...layoutStatement(sized(width, { line: (x) => `export const validate${x} = validateTransformationLambdaConfiguration;` }), check));
      lines.push("const headers = {");
      lines.push(...layoutStatement(sized(width, { line: (x) => `  "X-Amz-Target": "AWS242ServiceCatalogService.${x}",` }), check));
      lines.push(...layoutStatement(sized(width, { line: (x) => `  "Content-Type": json_${x}(input, options),` }), check));
      lines.push("};");
      // validators' linear programs: numbers filled, other items one per line
      lines.push("const p = {");
      // numbers of 1-3 digits (a fixed sequence): the one-line form at `width`, and fills whose lines end at every width
      const one = Array.from({ length: 40 }, () => "1");
      while (`  code: [${one.join(", ")}, 9],`.length > width) one.pop();
      one.push("9".repeat(width - `  code: [${one.join(", ")}, ],`.length));
      lines.push(...arrayProperty(2, "code", one, check), ...arrayProperty(2, "code", [...one, "1"], check));
      let seed = width;
      const numbers = Array.from({ length: 400 }, () => String((seed = (seed * 1103515245 + 12345) % 2147483648) % [10, 100, 1000][seed % 3]!));
      lines.push(...arrayProperty(2, "code", numbers, check));
      lines.push(...arrayProperty(2, "classes", Array.from({ length: 12 }, (_, i) => `/[\\d${"a".repeat(i % 4)}]/uy`), check));
      lines.push(...arrayProperty(2, "classes", [`/${"x".repeat(width)}/uy`, "/a/uy"], check));
      lines.push("};");
    }
    // A string holding an escaped double quote is requoted (a line of any width: layoutLongLines).
    lines.push(...layoutLongLines(`function g() {\n  out["SSES3"] = xml_SSES3(child, path + "[\\"SSE-S3\\"]");\n}`, check).split("\n"), "");
    const printed = lines.join("\n");
    expect(reasons).toEqual([]);
    expect(printed).toContain(`'["SSE-S3"]'`);
    // the fills reach the width exactly
    expect(lines.filter((l) => /^    \d/.test(l) && l.length === 100).length).toBeGreaterThan(0);
    expect(await formatTypeScript(printed, { name: "oxfmt" })).toBe(printed);
  });

  it("statements it cannot lay out are unsure, and kept as they are", () => {
    const reasons: string[] = [];
    const check: LayoutCheck = { unsure: (why) => reasons.push(why) };
    const cases = [
      `    const text = \`a template literal ${"x".repeat(90)}\`;`,
      `    items.map((x) => { return x; }).filter((x) => x !== undefined).map((x) => x.trim()).join(${"x".repeat(40)});`,
      `    const a = [${"0, ".repeat(40)}0];`,
      `    case "${"x".repeat(100)}":`,
    ];
    for (const c of cases) expect(layoutStatement(c, check)).toEqual([c]);
    expect(reasons.length).toBe(cases.length);
  });

  it("reports what it cannot lay out instead of guessing", () => {
    const reasons: string[] = [];
    const check: LayoutCheck = { unsure: (why) => reasons.push(why) };
    member(2, long(90, "K"), { kind: "record", value: name("never") }, check);
    objectKey("café", check);
    property(2, long(100, "K"), "12345", check);
    // Unsure, but every argument and parameter still printed: the formatter gets the whole text.
    const message = `fields.message ?? options.message ?? \`${long(60, "M")}\``;
    expect(call(4, "super", [message, "response"], ";", check)).toEqual(["    super(", `      ${message},`, "      response,", "    );"]);
    expect(parameters(2, "constructor", [`a: ${long(100, "A")}`], " {", check)).toEqual(["  constructor(", `    a: ${long(100, "A")},`, "  ) {"]);
    // (the argument: not parsed by statements.ts, then past the width)
    expect(reasons.length).toBe(6);
  });

  it("stableHeader: plain // lines only", () => {
    expect(stableHeader("// Generated by Shapesmith.\n// Do not edit.\n")).toBe(true);
    expect(stableHeader("//\n// x\n")).toBe(true);
    expect(stableHeader("// trailing \n// next\n")).toBe(false);
    expect(stableHeader("/* block */\n")).toBe(false);
    expect(stableHeader("// a\r\n// b\n")).toBe(false);
    expect(stableHeader("")).toBe(false);
  });
});
