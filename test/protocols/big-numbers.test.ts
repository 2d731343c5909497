// bigInteger and bigDecimal end to end (CONTRACT.md: a `bigint`, and the exact decimal text): the
// loaders keep literals a float64 cannot hold, the types say so, validators compare `@range`
// exactly and check the decimal syntax, `@default`s keep every digit, and each protocol writes the
// digits exactly — bare JSON numbers (restJson1, awsJson), JSON strings (rpcv2Json), text (restXml,
// awsQuery), bignums and decimal fractions (rpcv2Cbor, tags 2, 3 and 4, read back with cbor2).
//
//   { count: 9223372036854775808n, amount: "0.100000000000000000000001" } through restJson1
//   → '{"count":9223372036854775808,"amount":0.100000000000000000000001}'

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { decode as decodeCbor, Tag } from "cbor2";
import { transform } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { BigNumberNode, compareDecimals, integerText, parseDecimal, roundTrips } from "../../generator/model/decimal.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { writeTree } from "../helpers/generate.js";
import { corpusFile } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const host = { readFile: () => undefined };

/** The protocol traits' definitions, from the corpus. */
const TRAIT_DEFS = ["smithy/trait-defs/smithy-aws-traits/aws.protocols.smithy", "smithy/trait-defs/smithy-protocol-traits/smithy.protocols.rpcv2.smithy"];

const PROTOCOLS = {
  restJson1: "aws.protocols#restJson1",
  awsJson1_0: "aws.protocols#awsJson1_0",
  rpcv2Json: "smithy.protocols#rpcv2Json",
  rpcv2Cbor: "smithy.protocols#rpcv2Cbor",
  restXml: "aws.protocols#restXml",
  awsQuery: "aws.protocols#awsQuery",
} as const;
type ProtocolName = keyof typeof PROTOCOLS;

const model = (protocol: string) => `$version: "2"
namespace example.big

@${protocol}
@xmlNamespace(uri: "https://example.com/big")
service Amounts {
    version: "2024-01-01"
    operations: [PutAmounts]
}

@http(method: "POST", uri: "/amounts")
operation PutAmounts {
    input: PutAmountsInput
}

structure PutAmountsInput {
    @range(min: -9223372036854775809, max: 9223372036854775808)
    count: BigInteger

    @range(min: 0.100000000000000000000001, max: 100000000000000000000001.0)
    amount: BigDecimal

    nested: Nested
}

structure Nested {
    big: BigInteger = 9223372036854775808
    dec: BigDecimal = 0.100000000000000000000001
    small: BigDecimal = 1.5
}
`;

type Serialize = (input: unknown) => { body?: string | Uint8Array; query: readonly string[] };
type Validate = (input: unknown) => { path: string; constraint: string; message: string }[];

async function build(name: ProtocolName): Promise<{ result: GenerateResult; serialize: Serialize; validate: Validate; dir: string }> {
  const files = [{ path: "amounts.smithy", text: model(PROTOCOLS[name]) }, ...TRAIT_DEFS.map((rel) => ({ path: rel, text: readFileSync(corpusFile(rel), "utf8") }))];
  const result = await generate([{ name: "amounts", files }], host, { templates: loadTemplates(), format: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join("; "));
  const dir = writeTree(result.files, `big-numbers-${name}`);
  for (const [path, content] of result.files) {
    if (!path.endsWith(".ts")) continue;
    const js = await transform(content, { loader: "ts", format: "esm", target: "node20" });
    mkdirSync(join(dir, "amounts"), { recursive: true });
    writeFileSync(join(dir, path.replace(/\.ts$/, ".js")), js.code);
  }
  const serializers = (await import(pathToFileURL(join(dir, "amounts", "serializers.js")).href)) as Record<string, unknown>;
  const validators = (await import(pathToFileURL(join(dir, "amounts", "validators.js")).href)) as Record<string, unknown>;
  return { result, serialize: serializers["serializePutAmountsRequest"] as Serialize, validate: validators["validatePutAmountsInput"] as Validate, dir };
}

const INPUT = { count: 9223372036854775808n, amount: "0.100000000000000000000001", nested: {} };

describe("decimal text (generator/model/decimal.ts)", () => {
  it("reads literals into sign, digits and exponent, and compares them exactly", () => {
    expect(parseDecimal("-0.0150e2")).toEqual({ negative: true, digits: "15", exponent: -1 });
    expect(parseDecimal("-0.000")).toEqual({ negative: false, digits: "", exponent: 0 });
    expect(parseDecimal("1.")).toBeUndefined();
    expect(parseDecimal("+1")).toBeUndefined();
    expect(compareDecimals("0.100000000000000000000001", "0.1")).toBe(1);
    expect(compareDecimals("100000000000000000000001.0", "1.00000000000000000000001e23")).toBe(0);
    expect(compareDecimals("-9223372036854775809", "-9223372036854775808")).toBe(-1);
    expect(compareDecimals("1e2", "99.5")).toBe(1);
    expect(compareDecimals("-0", "0.0e5")).toBe(0);
  });

  it("tells the literals a float64 holds from those it rounds", () => {
    expect(["0.1", "1.0", "1.5", "-0", "9007199254740992", "1e21", "2.5e-300"].filter((t) => !roundTrips(t))).toEqual([]);
    expect(["9223372036854775808", "0.100000000000000000000001", "100000000000000000000001.0", "1e400", "1e-400"].filter(roundTrips)).toEqual([]);
  });

  it("rounds to the integers a bound admits", () => {
    expect([integerText("1.5", "ceil"), integerText("1.5", "floor"), integerText("-1.5", "ceil"), integerText("-1.5", "floor")]).toEqual(["2", "1", "-1", "-2"]);
    expect([integerText("12e2", "exact"), integerText("1.5", "exact"), integerText("-0.0", "exact")]).toEqual(["1200", undefined, "0"]);
  });
});

describe("the Smithy loaders keep big literals as written", () => {
  const text = (a: string) => `$version: "2"\nnamespace a\n@default(${a})\nbigDecimal D\n`;
  const json = (a: string) => `{"smithy":"2.0","shapes":{"a#D":{"type":"bigDecimal","traits":{"smithy.api#default":${a}}}}}`;
  it.each([
    ["IDL", (a: string) => ({ path: "a.smithy", text: text(a) })],
    ["JSON AST", (a: string) => ({ path: "a.json", text: json(a) })],
    ["JSON AST, already parsed", (a: string) => ({ path: "a.json", text: json(a), json: JSON.parse(json(a)) as unknown })],
  ])("%s", (_name, file) => {
    const value = (a: string) => {
      const diags = new Diagnostics();
      const loaded = loadSmithy([file(a)], diags);
      expect(diags.items.filter((d) => d.severity === "error")).toEqual([]);
      return loaded?.shapes.get("a#D")?.traits?.["smithy.api#default"];
    };
    expect(value("100000000000000000000001.0")).toEqual(new BigNumberNode("100000000000000000000001.0"));
    expect(value("-9223372036854775809")).toEqual(new BigNumberNode("-9223372036854775809"));
    expect(value("1.5")).toBe(1.5);
    expect(value("0.1")).toBe(0.1);
  });
});

describe.each(Object.keys(PROTOCOLS) as ProtocolName[])("%s", (name) => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build(name);
  });

  it("types bigInteger as bigint and bigDecimal as string; the folder type-checks strictly", () => {
    const types = built.result.files.get("amounts/types.ts") ?? "";
    const input = types.slice(types.indexOf("export interface PutAmountsInput"));
    expect(input.slice(0, input.indexOf("}") + 1).replace(/\s*\/\*\*[^]*?\*\/\s*/g, " ").replace(/\s+/g, " ")).toBe(
      "export interface PutAmountsInput { count?: bigint | undefined; amount?: string | undefined; nested?: Nested | undefined; }",
    );
    expect(typecheckFolder(built.dir)).toEqual([]);
  });

  it("validates types, the decimal syntax and @range exactly", () => {
    const v = built.validate;
    expect(v(INPUT)).toEqual([]);
    expect(v({ count: -9223372036854775809n, amount: "100000000000000000000001.0" })).toEqual([]);
    const failures = (input: unknown) => v(input).map((f) => `${f.path} ${f.constraint}: ${f.message}`);
    expect(failures({ count: 9223372036854775809n, amount: "0.1" })).toEqual([
      "/count range: Value at '/count' failed to satisfy constraint: Member must be between -9223372036854775809 and 9223372036854775808, inclusive",
      "/amount range: Value at '/amount' failed to satisfy constraint: Member must be between 0.100000000000000000000001 and 100000000000000000000001.0, inclusive",
    ]);
    expect(failures({ amount: "100000000000000000000001.000000000000000000001" })).toEqual([
      "/amount range: Value at '/amount' failed to satisfy constraint: Member must be between 0.100000000000000000000001 and 100000000000000000000001.0, inclusive",
    ]);
    expect(failures({ count: 5, amount: 0.5 })).toEqual([
      "/count type: Value of type number at '/count' failed to satisfy constraint: Member must be of type bigInteger",
      "/amount type: Value of type number at '/amount' failed to satisfy constraint: Member must be of type bigDecimal",
    ]);
    expect(failures({ amount: "1." })).toEqual(["/amount type: Value at '/amount' failed to satisfy constraint: Member must be a decimal number as JSON writes one (e.g. 1.5, -0.25, 1e21)"]);
    expect(failures({ nested: { big: 1.5 } })).toEqual(["/nested/big type: Value of type number at '/nested/big' failed to satisfy constraint: Member must be of type bigInteger"]);
  });

  it("writes every digit, with the nested @defaults filled in", () => {
    const { body } = built.serialize(INPUT);
    const big = "9223372036854775808";
    const dec = "0.100000000000000000000001";
    switch (name) {
      case "restJson1":
      case "awsJson1_0":
        expect(body).toBe(`{"count":${big},"amount":${dec},"nested":{"big":${big},"dec":${dec},"small":1.5}}`);
        break;
      case "rpcv2Json":
        expect(body).toBe(`{"count":"${big}","amount":"${dec}","nested":{"big":"${big}","dec":"${dec}","small":"1.5"}}`);
        break;
      case "restXml":
        expect(body).toBe(
          `<?xml version="1.0" encoding="UTF-8"?><PutAmountsInput xmlns="https://example.com/big"><count>${big}</count><amount>${dec}</amount>` +
            `<nested><big>${big}</big><dec>${dec}</dec><small>1.5</small></nested></PutAmountsInput>`,
        );
        break;
      case "awsQuery":
        expect(body).toBe(`Action=PutAmounts&Version=2024-01-01&count=${big}&amount=${dec}&nested.big=${big}&nested.dec=${dec}&nested.small=1.5`);
        break;
      case "rpcv2Cbor": {
        // bigint within 64 bits: a plain integer; beyond: a bignum (tag 2 / 3). Decimals: tag 4 [exponent, mantissa].
        const decoded = decodeCbor(body as Uint8Array) as Record<string, unknown>;
        const nested = decoded["nested"] as Record<string, unknown>;
        expect([decoded["count"], nested["big"]]).toEqual([9223372036854775808n, 9223372036854775808n]);
        const fraction = (v: unknown) => (v instanceof Tag ? [v.tag, v.contents] : v);
        expect([fraction(decoded["amount"]), fraction(nested["dec"]), fraction(nested["small"])]).toEqual([
          [4, [-24, 100000000000000000000001n]],
          [4, [-24, 100000000000000000000001n]],
          [4, [-1, 15]],
        ]);
        const beyond = decodeCbor(built.serialize({ count: -(2n ** 70n), amount: "-12e3" }).body as Uint8Array) as Record<string, unknown>;
        expect([beyond["count"], fraction(beyond["amount"])]).toEqual([-(2n ** 70n), [4, [3, -12]]]);
        const bytes = built.serialize({ count: 2n ** 64n }).body as Uint8Array;
        // a1 65 "count" c2 49 01 00×8: tag 2 around the 9 bytes of 2^64.
        expect(Buffer.from(bytes).toString("hex")).toBe("a165636f756e74c249010000000000000000");
        break;
      }
      default: {
        const never: never = name;
        throw new Error(`unknown protocol ${String(never)}`);
      }
    }
  });

  it("refuses a bigDecimal string that is not a decimal number instead of sending it", () => {
    expect(() => built.serialize({ amount: "1<x/>" })).toThrow('Not a decimal number: "1<x/>"');
    expect(() => built.serialize({ amount: '1,"admin":true' })).toThrow("Not a decimal number");
  });
});
