// The query codec (generator/protocols/codecs/query/writer.ts) on what Smithy's awsQuery and
// ec2Query compliance cases do not reach (test/fixtures/query-edges.smithy, the same shapes
// bound to an awsQuery and an ec2Query service): whole bodies, the warnings for what the
// protocols cannot send, and a strict type-check of the output.
//
//   awsQuery, { nested: {} } → "Action=Put&Version=2024-01-01&nested.count=5&nested.label=x&nested.items=&nested.when=0"

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import { ROOT, TMP, corpusFile } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const FIXTURE = join(ROOT, "test/fixtures/query-edges.smithy");
const TRAITS = "smithy/trait-defs/smithy-aws-traits/aws.protocols.smithy";
const OUT = join(TMP, "query-codec");

type Serialize = (input: unknown, options?: unknown) => { method: string; path: string; query: string[]; headers: Record<string, string>; body?: string };
let result: GenerateResult;
const serializers: Record<string, Serialize> = {};

beforeAll(async () => {
  const files = [FIXTURE, corpusFile(TRAITS)].map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, "utf8") }));
  result = await generate([{ name: "query-edges", files }], { readFile: () => undefined }, { templates: loadTemplates(), format: false, artifacts: ["types", "serializers"] }); // request-side warnings only
  for (const [path, content] of result.files) {
    const file = join(OUT, path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, path.endsWith(".ts") ? (await transform(content, { loader: "ts", format: "esm" })).code : content);
  }
  for (const path of result.files.keys()) {
    if (!path.endsWith("/serializers.ts")) continue;
    const module = (await import(pathToFileURL(join(OUT, path.replace(/\.ts$/, ".js"))).href)) as Record<string, Serialize>;
    serializers[path.split("/")[0]!] = module["serializePutRequest"]!;
  }
});

function put(service: string, input: unknown): string {
  const fn = serializers[service];
  if (!fn) throw new Error(`no serializers for ${service}; generated: ${Object.keys(serializers).join(", ")}`);
  const request = fn(input, { idempotencyToken: () => "tok" });
  expect([request.method, request.path, request.query, request.headers]).toEqual(["POST", "/", [], { "Content-Type": "application/x-www-form-urlencoded" }]);
  return request.body!;
}

const AWS = "query-edges-edge-query";
const EC2 = "query-edges-edge-ec2";

describe("query codec edges", () => {
  it("generates both services", () => {
    expect(Object.keys(serializers).sort()).toEqual([EC2, AWS]);
  });

  it("type-checks strictly", () => {
    expect(typecheckFolder(writeTree(result.files, "query-edges"))).toEqual([]);
  });

  it("warns, naming the member and the trait, for what the protocols cannot send", () => {
    const warnings = result.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.severity} ${d.code}: ${d.message}`);
    const forEach = (p: string) => [
      `warning PROTOCOL_QUERY_NOT_SENT: The member \`example.query#PutInput$doc\` is a document, which ${p} cannot send: its requests leave it out`,
      "warning PROTOCOL_QUERY_NOT_SENT: The member `example.query#Choice$quit` targets `smithy.api#Unit`, which has no form value: its requests leave it out",
      "warning PROTOCOL_TRAIT_NOT_BUILT: The member `example.query#Inner$token` has @idempotencyToken, which Shapesmith fills in only on an operation's input: a nested token left unset is not sent",
    ];
    expect(warnings.sort()).toEqual(
      [
        "warning PROTOCOL_QUERY_NO_VERSION: Service `example.query#EdgeEc2` has no version: its ec2Query requests send no `Version` field",
        ...forEach("ec2Query"),
        ...forEach("awsQuery"),
      ].sort(),
    );
  });

  const cases: [string, unknown, string, string][] = [
    // [what, input, awsQuery fields after Action & Version, ec2Query fields after Action]
    ["no fields; a top-level default is not filled in", {}, "", ""],
    [
      "nested defaults filled in (an empty list default is sent by awsQuery only; @clientOptional is not filled in)",
      { nested: {} },
      "nested.count=5&nested.label=x&nested.items=&nested.when=0",
      "Nested.Count=5&Nested.Label=x&Nested.When=0",
    ],
    [
      "nested values set win over defaults",
      { nested: { count: 7, label: "y", items: ["a"], optional: 2, when: new Date(1500), token: "t" } },
      "nested.count=7&nested.label=y&nested.items.member.1=a&nested.optional=2&nested.when=1.5&nested.token=t",
      "Nested.Count=7&Nested.Label=y&Nested.Items.1=a&Nested.Optional=2&Nested.When=1.5&Nested.Token=t",
    ],
    [
      "sparse collections skip nulls without a gap in the numbering; map keys are values",
      { sparse: ["a", null, "b"], sparseMap: { k: "v", n: null, "a b": "c&d" } },
      "sparse.member.1=a&sparse.member.2=b&sparseMap.entry.1.key=k&sparseMap.entry.1.value=v&sparseMap.entry.2.key=a%20b&sparseMap.entry.2.value=c%26d",
      "Sparse.1=a&Sparse.2=b&SparseMap.entry.1.key=k&SparseMap.entry.1.value=v&SparseMap.entry.2.key=a%20b&SparseMap.entry.2.value=c%26d",
    ],
    ["a union member", { choice: { a: "x" } }, "choice.a=x", "Choice.A=x"],
    [
      "a union member that is a structure",
      { choice: { inner: { count: 1 } } },
      "choice.inner.count=1&choice.inner.label=x&choice.inner.items=&choice.inner.when=0",
      "Choice.Inner.Count=1&Choice.Inner.Label=x&Choice.Inner.When=0",
    ],
    ["a Unit union member is not sent", { choice: { quit: {} } }, "", ""],
    ["a document is not sent", { doc: { a: 1 } }, "", ""],
    ["@timestampFormat http-date", { httpDate: new Date(0) }, "httpDate=Thu%2C%2001%20Jan%201970%2000%3A00%3A00%20GMT", "HttpDate=Thu%2C%2001%20Jan%201970%2000%3A00%3A00%20GMT"],
    [
      "names: an inherited one, an @xmlName with a colon (percent-encoded), @ec2QueryName (ec2Query only)",
      { constructor: "c", renamed: "r", queryNamed: "q" },
      "constructor=c&x%3Ay=r&queryNamed=q",
      "Constructor=c&X%3Ay=r&Ec2Only=q",
    ],
    [
      "values percent-encoded as RFC 3986 says (UTF-8; only A-Z a-z 0-9 - . _ ~ stay)",
      { text: "a b+c/=&~!'()*é😀" },
      "text=a%20b%2Bc%2F%3D%26~%21%27%28%29%2A%C3%A9%F0%9F%98%80",
      "Text=a%20b%2Bc%2F%3D%26~%21%27%28%29%2A%C3%A9%F0%9F%98%80",
    ],
    ["a number's exponent sign is escaped", { big: 1e21, top: -0.5 }, "top=-0.5&big=1e%2B21", "Top=-0.5&Big=1e%2B21"],
    [
      "lists of lists (an empty inner list: awsQuery sends it empty, ec2Query skips its index)",
      { lists: [[], ["a", "b"]] },
      "lists.member.1=&lists.member.2.member.1=a&lists.member.2.member.2=b",
      "Lists.2.1=a&Lists.2.2=b",
    ],
    ["an empty list", { lists: [], sparse: [] }, "sparse=&lists=", ""],
  ];

  it.each(cases)("%s", (_what, input, aws, ec2) => {
    expect(put(AWS, input)).toBe(["Action=Put&Version=2024-01-01", aws].filter((s) => s !== "").join("&"));
    expect(put(EC2, input)).toBe(["Action=Put", ec2].filter((s) => s !== "").join("&"));
  });
});
