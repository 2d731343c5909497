// The generated CBOR decoder (templates/cbor.ts.hbs) against cbor2, a well-kept CBOR library:
// - random values encoded by cbor2 decode back to the same values (bigints within ±(2^53 - 1)
//   come back as numbers, cbor2's tags and simple values as CborTag and CborSimple);
// - random well-formed items built byte by byte (every head size, indefinite lengths, chunked
//   strings, half floats, tags, simple values), their mutations and random bytes: both decoders
//   reject, or both return the same value (cbor2 with its tag registry off except the bignum
//   tags 2 and 3, which our decoder turns into bigints as well);
// - nesting far past the limit gives a CborDecodeError, never a stack overflow.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { decode as cbor2Decode, encode as cbor2Encode, Simple, Tag } from "cbor2";
import { transform } from "esbuild";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTemplates } from "../../../generator/cli/templates.js";
import { typecheckFolder } from "../../helpers/typecheck.js";

const DIR = join(process.cwd(), ".tmp", "cbor-decoder");

interface CborModule {
  decodeCbor(bytes: Uint8Array, dropUnknownTags?: boolean): unknown;
  parseCborBody(response: { headers: Record<string, string>; body: string | Uint8Array }): unknown;
  parseCborErrorBody(response: { headers: Record<string, string>; body: string | Uint8Array }): unknown;
  cborErrorType(body: unknown): string | undefined;
  cborErrorMessage(body: unknown): string | undefined;
  cborMap(value: unknown): Record<string, unknown> | undefined;
  cborTimestamp(value: unknown): Date | undefined;
  cborBigDecimal(value: unknown): string | undefined;
  encodeCbor(value: unknown): Uint8Array;
  CborTag: new (tag: number | bigint, value: unknown) => { tag: number | bigint; value: unknown };
  CborSimple: new (value: number) => { value: number };
  CborDecodeError: new (message: string, offset: number) => Error & { offset: number };
  MAX_CBOR_DEPTH: number;
}

let cbor: CborModule;

beforeAll(async () => {
  const templates = loadTemplates();
  mkdirSync(DIR, { recursive: true });
  const files: Record<string, string> = {
    runtime: templates.runtime({ header: "// test" }),
    cbor: templates.helper("cbor.ts", { header: "// test" }),
  };
  mkdirSync(join(DIR, "ts"), { recursive: true });
  for (const [name, ts] of Object.entries(files)) {
    writeFileSync(join(DIR, "ts", `${name}.ts`), ts);
    writeFileSync(join(DIR, `${name}.js`), (await transform(ts, { loader: "ts", format: "esm" })).code);
  }
  cbor = (await import(pathToFileURL(join(DIR, "cbor.js")).href)) as CborModule;
});

const CBOR2_OPTIONS = { ignoreGlobalTags: true, tags: new Map([[2, Tag.getDecoder(2)!], [3, Tag.getDecoder(3)!]]) };

/** cbor2's value tree in our decoder's terms. */
function normalize(value: unknown): unknown {
  if (value instanceof Tag) return new cbor.CborTag(value.tag as number | bigint, normalize(value.contents));
  if (value instanceof Simple) return new cbor.CborSimple(value.value);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [normalize(k), normalize(v)]));
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: normalize(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function ours(bytes: Uint8Array): Outcome {
  try {
    return { ok: true, value: cbor.decodeCbor(bytes) };
  } catch (error) {
    return { ok: false, error };
  }
}

function theirs(bytes: Uint8Array): Outcome {
  try {
    return { ok: true, value: normalize(cbor2Decode(bytes, CBOR2_OPTIONS)) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Both reject (ours with a CborDecodeError), or both return the same value. */
function expectAgreement(bytes: Uint8Array): boolean {
  const a = ours(bytes);
  const b = theirs(bytes);
  const hex = Buffer.from(bytes).toString("hex");
  if (!a.ok) expect(a.error, hex).toBeInstanceOf(cbor.CborDecodeError);
  expect({ hex, ok: a.ok }).toEqual({ hex, ok: b.ok });
  if (a.ok && b.ok) expect(a.value, hex).toEqual(b.value);
  return a.ok;
}

// ---- values for the round trip through cbor2's encoder ----

const text = fc.string({ unit: "grapheme", maxLength: 20 });
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double(),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
  text,
  fc.uint8Array({ maxLength: 20 }),
  fc.integer({ min: 0, max: 255 }).filter((n) => n < 20 || n > 31).map((n) => new Simple(n)),
);
const { value: valueArb } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom("__proto__", "constructor", "toString", "1", "")), tie("value"), { maxKeys: 5 }),
    fc.array(fc.tuple(fc.oneof(fc.integer(), fc.boolean()), tie("value")), { maxLength: 4 }).map((entries) => new Map(entries)),
    fc.tuple(fc.constantFrom(0, 1, 4, 5, 21, 32, 100, 55799, 2 ** 40), tie("value")).map(([tag, v]) => new Tag(tag, v)),
  ),
}));

/** The value we expect back: safe bigints become numbers (cbor2 writes them as plain integers). */
function expected(value: unknown): unknown {
  if (typeof value === "bigint") return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  if (value instanceof Tag) return new cbor.CborTag(value.tag as number, expected(value.contents));
  if (value instanceof Simple) return new cbor.CborSimple(value.value);
  // An empty map has no key that is not text: a plain object.
  if (value instanceof Map) return value.size === 0 ? {} : new Map([...value].map(([k, v]) => [expected(k), expected(v)]));
  if (Array.isArray(value)) return value.map(expected);
  if (value instanceof Uint8Array) return value;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: expected(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

// ---- well-formed items built byte by byte, in every form the format allows ----

function headBytes(major: number, n: number | bigint, size: number): number[] {
  const m = major << 5;
  if (size === 0) return [m | Number(n)];
  const out = [m | (23 + Math.log2(size) + 1)];
  const big = BigInt(n);
  for (let i = size - 1; i >= 0; i--) out.push(Number((big >> BigInt(8 * i)) & 0xffn));
  return out;
}

/** A head for `n` in its shortest form or any longer one. */
const head = (major: number, n: number | bigint): fc.Arbitrary<number[]> => {
  const sizes = [0, 1, 2, 4, 8].filter((s) => (s === 0 ? n < 24 : BigInt(n) < 2n ** BigInt(8 * s)));
  return fc.constantFrom(...sizes).map((s) => headBytes(major, n, s));
};

const concat = (parts: number[][]): number[] => parts.flat();
const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const uint = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 70000 }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }));

const { item: itemArb } = fc.letrec<{ item: number[] }>((tie) => {
  const definiteBytes = (major: 2 | 3) =>
    (major === 2 ? fc.uint8Array({ maxLength: 12 }).map((b) => [...b]) : fc.string({ unit: "grapheme", maxLength: 8 }).map(utf8)).chain((body) =>
      head(major, body.length).map((h) => [...h, ...body]),
    );
  return {
    item: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      uint.chain((n) => head(0, n)),
      uint.chain((n) => head(1, n)),
      definiteBytes(2),
      definiteBytes(3),
      fc.array(definiteBytes(2), { maxLength: 3 }).map((chunks) => [0x5f, ...concat(chunks), 0xff]),
      fc.array(definiteBytes(3), { maxLength: 3 }).map((chunks) => [0x7f, ...concat(chunks), 0xff]),
      fc.array(tie("item"), { maxLength: 4 }).chain((items) => head(4, items.length).map((h) => [...h, ...concat(items)])),
      fc.array(tie("item"), { maxLength: 4 }).map((items) => [0x9f, ...concat(items), 0xff]),
      fc
        .array(fc.tuple(fc.oneof(definiteBytes(3), definiteBytes(3), tie("item")), tie("item")), { maxLength: 3 })
        .chain((pairs) => fc.boolean().chain((indefinite) => (indefinite ? fc.constant([0xbf]) : head(5, pairs.length)).map((h) => [...h, ...concat(pairs.map(([k, v]) => [...k, ...v])), ...(indefinite ? [0xff] : [])]))),
      fc
        .tuple(fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 5, 32, 100), uint), fc.oneof(definiteBytes(2), tie("item")))
        .chain(([tag, content]) => head(6, tag).map((h) => [...h, ...content])),
      fc.integer({ min: 0, max: 0xffff }).map((bits) => [0xf9, bits >> 8, bits & 0xff]),
      fc.integer({ min: 0, max: 0xffffffff }).map((bits) => [0xfa, bits >>> 24, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff, bits & 0xff]),
      fc.double().map((d) => {
        const b = new Uint8Array(9);
        b[0] = 0xfb;
        new DataView(b.buffer).setFloat64(1, d);
        return [...b];
      }),
      fc.integer({ min: 0, max: 23 }).map((n) => [0xe0 | n]),
      fc.integer({ min: 0, max: 255 }).map((n) => [0xf8, n]),
    ),
  };
});

/** A few byte-level edits: flip, insert, delete, truncate. */
const mutated = fc
  .tuple(itemArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("flip", "insert", "delete", "truncate")), { minLength: 1, maxLength: 3 }))
  .map(([item, edits]) => {
    const bytes = [...item];
    for (const [at, byte, kind] of edits) {
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      if (kind === "flip") bytes[i] = byte;
      else if (kind === "insert") bytes.splice(i, 0, byte);
      else if (kind === "delete") bytes.splice(i, 1);
      else bytes.length = i;
    }
    return new Uint8Array(bytes);
  });

describe("CBOR decoder (differential against cbor2)", () => {
  it("decodes what cbor2 encodes back to the same value", () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        expect(cbor.decodeCbor(cbor2Encode(value))).toEqual(expected(value));
      }),
      { numRuns: 2000, seed: 8 },
    );
  });

  it("agrees with cbor2 on well-formed items in every encoding form", () => {
    let accepted = 0;
    fc.assert(
      fc.property(itemArb, (item) => {
        if (expectAgreement(new Uint8Array(item))) accepted++;
      }),
      { numRuns: 3000, seed: 8 },
    );
    // Nearly all are accepted; the rest are bignum tags around something other than bytes.
    expect(accepted).toBeGreaterThan(2500);
  });

  it("agrees with cbor2 on mutated items: both reject or both return the same", () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutated, (bytes) => {
        if (!expectAgreement(bytes)) rejected++;
      }),
      { numRuns: 3000, seed: 8 },
    );
    expect(rejected).toBeGreaterThan(500);
  });

  it("agrees with cbor2 on random bytes", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        if (expectAgreement(bytes)) accepted++;
      }),
      { numRuns: 5000, seed: 8 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});

describe("CBOR decoder (edge cases)", () => {
  it("type-checks under the strict options of generated code (no DOM or Node types)", () => {
    expect(typecheckFolder(join(DIR, "ts"))).toEqual([]);
  });

  const hex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.replace(/ /g, ""), "hex"));
  const error = (h: string): string => {
    try {
      cbor.decodeCbor(hex(h));
    } catch (e) {
      expect(e).toBeInstanceOf(cbor.CborDecodeError);
      return (e as Error).message;
    }
    throw new Error(`decoded ${h}`);
  };

  it("reads RFC 8949's examples (appendix A) of every major type", () => {
    expect(cbor.decodeCbor(hex("1b 000000e8d4a51000"))).toBe(1000000000000);
    expect(cbor.decodeCbor(hex("1b ffffffffffffffff"))).toBe(18446744073709551615n);
    expect(cbor.decodeCbor(hex("c2 49 010000000000000000"))).toBe(18446744073709551616n);
    expect(cbor.decodeCbor(hex("3b ffffffffffffffff"))).toBe(-18446744073709551616n);
    expect(cbor.decodeCbor(hex("c3 49 010000000000000000"))).toBe(-18446744073709551617n);
    expect(cbor.decodeCbor(hex("39 03e7"))).toBe(-1000);
    expect(cbor.decodeCbor(hex("f9 3c00"))).toBe(1);
    expect(cbor.decodeCbor(hex("f9 7bff"))).toBe(65504);
    expect(cbor.decodeCbor(hex("f9 0001"))).toBe(5.960464477539063e-8);
    expect(cbor.decodeCbor(hex("f9 0400"))).toBe(0.00006103515625);
    expect(cbor.decodeCbor(hex("f9 c400"))).toBe(-4);
    expect(cbor.decodeCbor(hex("f9 8000"))).toBe(-0);
    expect(cbor.decodeCbor(hex("f9 7e00"))).toBeNaN();
    expect(cbor.decodeCbor(hex("fa 47c35000"))).toBe(100000);
    expect(cbor.decodeCbor(hex("fb 3ff199999999999a"))).toBe(1.1);
    expect(cbor.decodeCbor(hex("f0"))).toEqual(new cbor.CborSimple(16));
    expect(cbor.decodeCbor(hex("f8 ff"))).toEqual(new cbor.CborSimple(255));
    expect(cbor.decodeCbor(hex("f7"))).toBe(undefined);
    expect(cbor.decodeCbor(hex("c1 1a 514b67b0"))).toEqual(new cbor.CborTag(1, 1363896240));
    expect(cbor.decodeCbor(hex("c1 fb 41d452d9ec200000"))).toEqual(new cbor.CborTag(1, 1363896240.5));
    expect(cbor.decodeCbor(hex("c4 82 21 19 6ab3"))).toEqual(new cbor.CborTag(4, [-2, 27315]));
    expect(cbor.decodeCbor(hex("d8 20 76 687474703a2f2f7777772e6578616d706c652e636f6d"))).toEqual(new cbor.CborTag(32, "http://www.example.com"));
    expect(cbor.decodeCbor(hex("64 f0908591"))).toBe("\u{10151}");
    expect(cbor.decodeCbor(hex("5f 42 0102 43 030405 ff"))).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    expect(cbor.decodeCbor(hex("7f 65 7374726561 64 6d696e67 ff"))).toBe("streaming");
    expect(cbor.decodeCbor(hex("9f 01 82 02 03 9f 04 05 ff ff"))).toEqual([1, [2, 3], [4, 5]]);
    expect(cbor.decodeCbor(hex("bf 61 61 01 61 62 9f 02 03 ff ff"))).toEqual({ a: 1, b: [2, 3] });
    expect(cbor.decodeCbor(hex("a2 01 02 03 04"))).toEqual(new Map([[1, 2], [3, 4]]));
  });

  it("copies byte strings into plain Uint8Arrays, also out of a Node Buffer", () => {
    const body = Buffer.from("a1 61 62 43 010203".replace(/ /g, ""), "hex");
    const value = cbor.decodeCbor(body) as { b: Uint8Array };
    expect(Object.getPrototypeOf(value.b)).toBe(Uint8Array.prototype);
    body[5] = 9;
    expect([...value.b]).toEqual([1, 2, 3]);
  });

  it("keeps a __proto__ key as an own property", () => {
    const value = cbor.decodeCbor(hex("a1 69 5f5f70726f746f5f5f a1 61 78 01")) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["x"]).toBe(undefined);
  });

  it("names what is wrong, with the offset", () => {
    expect(error("")).toBe("Unexpected end of CBOR input (at byte 0)");
    expect(error("82 01")).toBe("Unexpected end of CBOR input (at byte 2)");
    expect(error("9b ffffffffffffffff")).toMatch(/^Unexpected end of CBOR input/);
    expect(error("5a ffffffff 00")).toMatch(/^Unexpected end of CBOR input/);
    expect(error("1c")).toBe("Reserved additional information 28 (at byte 0)");
    expect(error("1f")).toBe("Major type 0 has no indefinite length (at byte 0)");
    expect(error("ff")).toBe("A break outside an indefinite-length item (at byte 0)");
    expect(error("bf 01 ff")).toBe("A map key without a value (at byte 2)");
    expect(error("5f 01 ff")).toMatch(/^An indefinite-length string holds a chunk/);
    expect(error("7f 7f ff ff")).toMatch(/^An indefinite-length string holds a chunk/);
    expect(error("62 c3 28")).toBe("Invalid UTF-8 in a text string (at byte 2)");
    expect(error("63 ed a0 80")).toBe("Invalid UTF-8 in a text string (at byte 2)");
    expect(error("62 c0 80")).toBe("Invalid UTF-8 in a text string (at byte 1)");
    expect(error("f8 10")).toBe("Simple value 16 in the two-byte form (at byte 0)");
    expect(error("c2 01")).toBe("Tag 2 (bignum) holds something other than a byte string (at byte 0)");
    expect(error("01 02")).toBe("Bytes after the CBOR item (at byte 1)");
  });

  it("nests up to MAX_CBOR_DEPTH and refuses deeper input without overflowing the stack", () => {
    const nested = (depth: number, open: number): Uint8Array => {
      const b = new Uint8Array(depth + 1).fill(open);
      b[depth] = 0x00;
      return b;
    };
    let v = cbor.decodeCbor(nested(cbor.MAX_CBOR_DEPTH, 0x81));
    for (let i = 0; i < cbor.MAX_CBOR_DEPTH; i++) v = (v as unknown[])[0];
    expect(v).toBe(0);
    expect(error(Buffer.from(nested(cbor.MAX_CBOR_DEPTH + 1, 0x81)).toString("hex"))).toBe(`CBOR nested deeper than ${cbor.MAX_CBOR_DEPTH} levels (at byte ${cbor.MAX_CBOR_DEPTH})`);
    for (const open of [0x81, 0x9f, 0xa1, 0xc6, 0xbf]) {
      expect(() => cbor.decodeCbor(nested(1_000_000, open))).toThrow(cbor.CborDecodeError);
    }
  });

  it("round-trips its own encoder", () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        const plain = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" || v instanceof Map || v instanceof Simple || v instanceof Uint8Array || v instanceof Tag || v === undefined ? null : v))) as unknown;
        expect(cbor.decodeCbor(cbor.encodeCbor(plain))).toEqual(plain);
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});

describe("CBOR readers of rpcv2Cbor deserializers", () => {
  const hex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.replace(/ /g, ""), "hex"));
  const headers = { "Smithy-Protocol": "rpc-v2-cbor" };

  it("parseCborBody checks smithy-protocol, reads an empty body as {} and drops unknown tags", () => {
    expect(cbor.parseCborBody({ headers, body: new Uint8Array(0) })).toEqual({});
    expect(cbor.parseCborBody({ headers, body: "" })).toEqual({});
    // 55799 (self-described CBOR) around the body, 32 (URI) around a value: read as untagged; tags 1 and 4 stay.
    expect(cbor.parseCborBody({ headers, body: hex("d9d9f7 a3 61 61 d8 20 61 78 61 62 c1 01 61 63 c4 82 20 05") })).toEqual({ a: "x", b: new cbor.CborTag(1, 1), c: new cbor.CborTag(4, [-1, 5]) });
    expect(() => cbor.parseCborBody({ headers: {}, body: hex("a0") })).toThrow("The response has no smithy-protocol header (expected rpc-v2-cbor)");
    expect(() => cbor.parseCborBody({ headers: { "smithy-protocol": "rpc-v2-json" }, body: hex("a0") })).toThrow('The response\'s smithy-protocol header is "rpc-v2-json", not rpc-v2-cbor');
    expect(() => cbor.parseCborBody({ headers, body: hex("a1 61") })).toThrow(cbor.CborDecodeError);
    expect(cbor.parseCborErrorBody({ headers, body: hex("a1 61") })).toBe(undefined);
    expect(cbor.parseCborErrorBody({ headers: {}, body: "<html>Bad Gateway</html>" })).toBe(undefined);
  });

  it("reads the __type and message of an error body", () => {
    const body = cbor.decodeCbor(hex("a2 66 5f5f74797065 63 6e2341 67 4d657373616765 62 4869"));
    expect(cbor.cborErrorType(body)).toBe("n#A");
    expect(cbor.cborErrorMessage(body)).toBe("Hi");
    expect(cbor.cborErrorType({ __type: 1 })).toBe(undefined);
    expect(cbor.cborErrorType([])).toBe(undefined);
    expect(cbor.cborErrorMessage({ message: "m", Message: "M" })).toBe("m");
    expect(cbor.cborErrorMessage(Object.create({ message: "inherited" }))).toBe(undefined);
  });

  it("cborMap takes plain maps only", () => {
    expect(cbor.cborMap({ a: 1 })).toEqual({ a: 1 });
    for (const other of [new Map([[1, 2]]), new cbor.CborTag(1, 0), new cbor.CborSimple(16), new Uint8Array(1), [], null, "x", 1]) {
      expect(cbor.cborMap(other)).toBe(undefined);
    }
  });

  it("cborTimestamp reads tag 1 (integer, float, half float) and plain numbers", () => {
    expect(cbor.cborTimestamp(cbor.decodeCbor(hex("c1 fb 41cc37db380fbe77")))?.toISOString()).toBe("2000-01-02T20:34:56.123Z");
    expect(cbor.cborTimestamp(new cbor.CborTag(1, 1576540098))?.toISOString()).toBe("2019-12-16T23:48:18.000Z");
    expect(cbor.cborTimestamp(-1.5)?.getTime()).toBe(-1500);
    expect(cbor.cborTimestamp(new cbor.CborTag(1, 10n))?.getTime()).toBe(10000);
    for (const bad of [new cbor.CborTag(1, "2019-12-16"), new cbor.CborTag(0, 1), "1", NaN, Infinity, 1e300, null]) expect(cbor.cborTimestamp(bad)).toBe(undefined);
  });

  it("cborBigDecimal gives the exact decimal text of tag 4, integers, bignums and floats", () => {
    const tag4 = (e: number | bigint, m: number | bigint) => new cbor.CborTag(4, [e, m]);
    expect(cbor.cborBigDecimal(cbor.decodeCbor(hex("c4 82 21 19 6ab3")))).toBe("273.15");
    expect(cbor.cborBigDecimal(tag4(-2, -27315))).toBe("-273.15");
    expect(cbor.cborBigDecimal(tag4(-5, 1))).toBe("0.00001");
    expect(cbor.cborBigDecimal(tag4(-3, 12345))).toBe("12.345");
    expect(cbor.cborBigDecimal(tag4(2, 5))).toBe("500");
    expect(cbor.cborBigDecimal(tag4(0, 0))).toBe("0");
    expect(cbor.cborBigDecimal(tag4(-30, 2n ** 100n))).toBe("1.267650600228229401496703205376");
    expect(cbor.cborBigDecimal(tag4(1001, 7))).toBe("7E1001");
    expect(cbor.cborBigDecimal(tag4(2n ** 64n, -7))).toBe("-7E18446744073709551616");
    expect(cbor.cborBigDecimal(123456789012345678901234567890n)).toBe("123456789012345678901234567890");
    expect(cbor.cborBigDecimal(1.5)).toBe("1.5");
    for (const bad of [tag4(0.5, 1), tag4(1, 0.5), new cbor.CborTag(4, [1]), new cbor.CborTag(5, [1, 1]), NaN, "1.5", null]) expect(cbor.cborBigDecimal(bad)).toBe(undefined);
  });
});
