// rpcv2Cbor responses beyond Smithy's compliance cases, on a small service of our own: big
// numbers (bignum tags 2/3, decimal fractions, tag 4), timestamps in every CBOR number form,
// tags the reader does not know, a missing or foreign `smithy-protocol` header, error bodies
// with a namespaced `__type`, an HTML page from a proxy, values of the wrong type. Bodies are
// written by cbor2 (a well-kept encoder), or byte by byte where cbor2 would pick another form.

import { readFileSync } from "node:fs";
import { encode, Tag } from "cbor2";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusFile } from "../../helpers/paths.js";
import { generateFolder, importGenerated } from "../runner.js";

const MODEL = `
$version: "2"
namespace example.cbor

use smithy.protocols#rpcv2Cbor

@rpcv2Cbor
service Things {
    version: "2026-11-30"
    operations: [GetThing, Ping]
}

operation GetThing {
    input := { id: String }
    output := {
        big: BigInteger
        dec: BigDecimal
        when: Timestamp
        data: Blob
        ratio: Float
        total: Double
        count: Long
        small: Byte
        name: String
        tags: TagList
        choice: Choice
    }
    errors: [Oops, Gone]
}

operation Ping {}

list TagList { member: String }

union Choice {
    text: String
    number: Integer
}

@error("client")
structure Oops {
    message: String
    reason: String
}

@error("server")
structure Gone {
    Message: String
}
`;

type Fn = (response: { status: number; headers: Record<string, string>; body: string | Uint8Array }) => Record<string, unknown>;
let getThing: Fn;
let ping: Fn;
let runtime: Record<string, new (...args: never[]) => Error>;
let errors: Record<string, new (...args: never[]) => Error>;
let ownCbor: { encodeCbor(value: unknown): Uint8Array; cborDecimal(text: string): unknown };

beforeAll(async () => {
  const traitDefs = "smithy/trait-defs/smithy-protocol-traits/smithy.protocols.rpcv2.smithy";
  const input = {
    name: "cbor-things",
    files: [
      { path: "things.smithy", text: MODEL },
      { path: traitDefs, text: readFileSync(corpusFile(traitDefs), "utf8") },
    ],
  };
  const services = await generateFolder(input, "rpcv2cbor-responses");
  if (typeof services === "string") throw new Error(services);
  const service = [...services.values()][0]!;
  const module = (await importGenerated(service, "deserializers"))!;
  getThing = module["deserializeGetThingResponse"] as Fn;
  ping = module["deserializePingResponse"] as Fn;
  runtime = (await importGenerated(service, "runtime")) as typeof runtime;
  errors = (await importGenerated(service, "errors")) as typeof errors;
  ownCbor = (await importGenerated(service, "cbor")) as unknown as typeof ownCbor;
});

const HEADERS = { "smithy-protocol": "rpc-v2-cbor", "Content-Type": "application/cbor" };
const ok = (body: Uint8Array | string, headers: Record<string, string> = HEADERS) => ({ status: 200, headers, body });
const hex = (h: string) => new Uint8Array(Buffer.from(h.replace(/ /g, ""), "hex"));
const text = (s: string) => [...new TextEncoder().encode(s)];
/** A CBOR text string (short form): head and UTF-8 bytes. */
const str = (s: string) => [0x60 + text(s).length, ...text(s)];

function thrown(f: () => unknown): Error & Record<string, unknown> {
  try {
    f();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("did not throw");
}

describe("rpcv2Cbor responses (our own service)", () => {
  it("reads big numbers: bignums (tags 2, 3) and plain integers as bigint, decimal fractions (tag 4) as exact text", () => {
    expect(getThing(ok(encode({ big: 2n ** 100n, dec: new Tag(4, [-30, 2n ** 100n]) })))).toEqual({
      big: 2n ** 100n,
      dec: "1.267650600228229401496703205376",
    });
    expect(getThing(ok(encode({ big: -(2n ** 70n), dec: new Tag(4, [-2, -27315]) })))).toEqual({ big: -(2n ** 70n), dec: "-273.15" });
    expect(getThing(ok(encode({ big: 42, dec: 1.5 })))).toEqual({ big: 42n, dec: "1.5" });
    expect(getThing(ok(encode({ dec: 7 })))).toEqual({ dec: "7" });
  });

  it("reads back what the serializers' encoder writes: decimal text with its scale, bignums", () => {
    // Exponents within ±1000 come back in plain notation, others with an exponent.
    const texts: [string, string][] = [["1.50", "1.50"], ["-0.001", "-0.001"], ["12345678901234567890.123456789", "12345678901234567890.123456789"], ["0", "0"], ["7E+3", "7000"], ["1e-400", "0." + "0".repeat(399) + "1"], ["-25e-1200", "-25E-1200"]];
    for (const [dec, text] of texts) expect(getThing(ok(ownCbor.encodeCbor({ dec: ownCbor.cborDecimal(dec) }))), dec).toEqual({ dec: text });
    for (const big of [0n, -1n, 2n ** 64n - 1n, 2n ** 64n, -(2n ** 64n) - 1n, 10n ** 40n]) {
      expect(getThing(ok(ownCbor.encodeCbor({ big }))), String(big)).toEqual({ big });
    }
  });

  it("reads timestamps as tag 1 around an integer, a half, single or double float", () => {
    const when = (seconds: number[]) => new Uint8Array([0xa1, ...str("when"), 0xc1, ...seconds]);
    expect(getThing(ok(when([0x1a, 0x5d, 0xf8, 0x15, 0xc2])))).toEqual({ when: new Date(1576539586000) });
    expect(getThing(ok(when([0xf9, 0x3e, 0x00])))).toEqual({ when: new Date(1500) });
    expect(getThing(ok(when([0xfa, 0x47, 0xc3, 0x50, 0x00])))).toEqual({ when: new Date(100000000) });
    expect(getThing(ok(encode({ when: new Tag(1, 946845296.123) })))).toEqual({ when: new Date(946845296123) });
  });

  it("reads blobs, floats (NaN, infinities, half floats), integers and nested values", () => {
    const body = new Uint8Array([
      0xa6,
      ...str("data"), 0x43, 1, 2, 3,
      ...str("ratio"), 0xf9, 0x7e, 0x00,
      ...str("total"), 0xfb, 0xff, 0xf0, 0, 0, 0, 0, 0, 0,
      ...str("count"), 0x1b, 0x00, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
      ...str("tags"), 0x9f, 0x7f, ...str("a"), ...str("b"), 0xff, 0xff,
      ...str("choice"), 0xa1, ...str("number"), 0x18, 0x2a,
    ]);
    expect(getThing(ok(body))).toEqual({ data: new Uint8Array([1, 2, 3]), ratio: NaN, total: -Infinity, count: 2 ** 53 - 1, tags: ["ab"], choice: { number: 42 } });
  });

  it("reads an unknown union member as $unknown, and drops tags it does not know", () => {
    expect(getThing(ok(encode({ choice: { other: [1, "x"] } })))).toEqual({ choice: { $unknown: ["other", [1, "x"]] } });
    // 55799 (self-described CBOR) around the body, 32 (URI) around a string.
    expect(getThing(ok(encode(new Tag(55799, { name: new Tag(32, "https://example.com") }))))).toEqual({ name: "https://example.com" });
  });

  it("ignores members it does not know and treats null as absent", () => {
    expect(getThing(ok(encode({ name: null, extra: { deep: [1, 2] }, small: 7 })))).toEqual({ small: 7 });
  });

  it("reads an operation without output from an empty body or an empty map", () => {
    expect(ping(ok(new Uint8Array(0)))).toEqual({});
    expect(ping(ok(hex("bf ff")))).toEqual({});
  });

  it("throws MalformedResponseError, keeping the response, for what it cannot read", () => {
    const cases: [string, Uint8Array | string, Record<string, string>?][] = [
      ["a truncated body", hex("a1 64 6e61 6d65")],
      ["bytes after the item", hex("a0 00")],
      ["a string where a number is due", encode({ ratio: "NaN" })],
      ["a map with an integer key where a structure is due", encode(new Map([[1, 2]]))],
      ["a timestamp without tag 1 around a number", encode({ when: new Tag(1, "2019-12-16T23:48:18Z") })],
      ["a byte outside its range", encode({ small: 300 })],
      ["two members of a union", encode({ choice: { text: "a", number: 1 } })],
      ["a tag where a structure is due", encode({ choice: new Tag(1, 0) })],
      ["a body nested a million deep", new Uint8Array(1_000_000).fill(0x81)],
      ["a response without the smithy-protocol header", encode({}), { "Content-Type": "application/cbor" }],
      ["an rpcv2Json response", "{}", { "smithy-protocol": "rpc-v2-json" }],
    ];
    for (const [what, body, headers] of cases) {
      const response = ok(body, headers);
      const error = thrown(() => getThing(response));
      expect(error, what).toBeInstanceOf(runtime["MalformedResponseError"]);
      expect(error["$response"], what).toBe(response);
      expect(error["$status"], what).toBe(200);
    }
    expect(thrown(() => getThing(ok(hex("a1 64 6e61 6d65")))).message).toMatch(/Unexpected end of CBOR input/);
    expect(thrown(() => getThing(ok(encode({}), {}))).message).toMatch(/no smithy-protocol header/);
  });

  it("identifies errors by __type, sanitized (namespace, a colon's suffix), with their members and message", () => {
    const response = { status: 400, headers: HEADERS, body: encode({ __type: "example.cbor#Oops:http://internal.example/", message: "Bad thing", reason: "because" }) };
    const error = thrown(() => getThing(response));
    expect(error).toBeInstanceOf(errors["Oops"]);
    expect(error).toBeInstanceOf(runtime["ServiceError"]);
    expect([error.name, error.message, error["reason"], error["$code"], error["$status"], error["$fault"]]).toEqual(["Oops", "Bad thing", "because", "Oops", 400, "client"]);
    const gone = thrown(() => getThing({ status: 503, headers: HEADERS, body: encode({ __type: "Gone", Message: "away" }) }));
    expect(gone).toBeInstanceOf(errors["Gone"]);
    expect([gone.message, gone["$fault"]]).toEqual(["away", "server"]);
  });

  it("gives an UnknownServiceError keeping the body for an unmodelled error, an HTML page or a foreign protocol", () => {
    const unknown = thrown(() => getThing({ status: 400, headers: HEADERS, body: encode({ __type: "example.cbor#Throttled", message: "slow down" }) }));
    expect(unknown).toBeInstanceOf(runtime["UnknownServiceError"]);
    expect([unknown["$code"], unknown.message]).toEqual(["Throttled", "slow down"]);
    const html = { status: 502, headers: { "Content-Type": "text/html" }, body: "<html><body>Bad Gateway</body></html>" };
    const proxy = thrown(() => getThing(html));
    expect(proxy).toBeInstanceOf(runtime["UnknownServiceError"]);
    expect([proxy["$status"], proxy["$fault"], proxy["$response"]]).toEqual([502, "server", html]);
    const garbled = thrown(() => getThing({ status: 400, headers: HEADERS, body: hex("a1 66 5f5f74797065") }));
    expect(garbled).toBeInstanceOf(runtime["UnknownServiceError"]);
  });
});
