// The rpcv2Cbor deserializers of Smithy's protocol test services on hostile responses: random
// bytes, the compliance cases' bodies mutated byte by byte, well-formed CBOR of the wrong shapes
// (cbor2 encodes random values, error bodies with random `__type`s), bodies nested a million deep,
// missing or wrong `smithy-protocol` headers, any status. A deserializer may return (a 2xx
// response only) or throw a ResponseError of the folder's runtime that keeps the response:
// MalformedResponseError for a 2xx response, a modelled error, UnknownServiceError or
// MalformedResponseError otherwise. Never anything else (TypeError, RangeError, a stack overflow).
// Prints `rpcv2Cbor deserializer fuzz: N inputs (seed S): …`; 5,000 inputs, CBOR_FUZZ_RUNS=100000 for
// more (`npm run fuzz:responses` covers every protocol with unstructured inputs).

import { encode as cbor2Encode, Tag } from "cbor2";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { FOLDERS, folderInput, generateFolder, importGenerated } from "../runner.js";
import { findResponseCases } from "../response-runner.js";

type Deserializer = (response: unknown) => unknown;
interface Runtime {
  ResponseError: new (...args: never[]) => Error;
  ServiceError: new (...args: never[]) => Error;
  MalformedResponseError: new (...args: never[]) => Error;
}

const deserializers: { name: string; fn: Deserializer; runtime: Runtime }[] = [];
const seeds: Uint8Array[] = [];

beforeAll(async () => {
  for (const folder of FOLDERS.filter((f) => f.protocol === "rpcv2Cbor")) {
    const input = folderInput(folder);
    for (const c of findResponseCases(input)) if (c.testCase.body) seeds.push(new Uint8Array(Buffer.from(c.testCase.body, "base64")));
    const services = await generateFolder(input, "rpcv2cbor-fuzz");
    if (typeof services === "string") throw new Error(`${folder.name}: ${services}`);
    for (const service of services.values()) {
      if (!service.model.service.protocols.some((p) => p.id === "smithy.protocols#rpcv2Cbor")) continue;
      const module = await importGenerated(service, "deserializers");
      const runtime = (await importGenerated(service, "runtime")) as unknown as Runtime;
      for (const [name, fn] of Object.entries(module ?? {})) {
        if (/^deserialize\w*Response$/.test(name) && typeof fn === "function") deserializers.push({ name: `${service.model.name}.${name}`, fn: fn as Deserializer, runtime });
      }
    }
  }
});

const CBOR_HEADERS = { "smithy-protocol": "rpc-v2-cbor", "Content-Type": "application/cbor" };

/** Random values cbor2 can encode: CBOR of every type, in shapes no operation expects. */
const values = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    fc.oneof(fc.integer(), fc.double(), fc.bigInt(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.uint8Array({ maxLength: 8 })),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("__type", "message", "Message", "value", "greeting", "stringValue", "contents", "stringValue", "sparseStringMap", "intList", "nested", "__proto__", "foo"), tie("v"), { maxKeys: 4 }),
    fc.tuple(fc.constantFrom(1, 2, 4, 55799, 100), tie("v")).map(([t, v]) => new Tag(t, v)),
  ),
})).v;

const mutatedSeed = fc.tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("flip", "insert", "delete", "truncate")), { minLength: 1, maxLength: 4 })).map(([i, edits]) => {
  const bytes = [...seeds[i % seeds.length]!];
  for (const [at, byte, kind] of edits) {
    const p = bytes.length === 0 ? 0 : at % bytes.length;
    if (kind === "flip") bytes[p] = byte;
    else if (kind === "insert") bytes.splice(p, 0, byte);
    else if (kind === "delete") bytes.splice(p, 1);
    else bytes.length = p;
  }
  return new Uint8Array(bytes);
});

const bodies: fc.Arbitrary<Uint8Array | string> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  mutatedSeed,
  mutatedSeed,
  values.map((v) => cbor2Encode(v)),
  fc.record({ __type: fc.oneof(fc.string(), fc.constantFrom("InvalidGreeting", "ns#ComplexError", "x#NoCustomCodeError:http://a")), Message: values }).map((v) => cbor2Encode(v)),
  fc.constantFrom("<html><body>502 Bad Gateway</body></html>", "", "{}"),
  fc.tuple(fc.constantFrom(0x81, 0x9f, 0xa1, 0xbf, 0xc1), fc.integer({ min: 1, max: 1_000_000 })).map(([open, depth]) => new Uint8Array(depth).fill(open)),
);

const responses = fc.record({
  which: fc.nat(),
  status: fc.oneof(fc.constant(200), fc.constant(400), fc.constant(500), fc.integer({ min: 100, max: 599 })),
  headers: fc.oneof(fc.constant(CBOR_HEADERS), fc.constant(CBOR_HEADERS), fc.constant({}), fc.constant({ "Smithy-Protocol": "RPC-V2-CBOR" }), fc.constant({ "smithy-protocol": "rpc-v2-json" })),
  body: bodies,
});

describe("rpcv2Cbor deserializers on hostile responses", () => {
  it("return or throw a ResponseError that keeps the response, never anything else", () => {
    expect(deserializers.length).toBeGreaterThan(15);
    const seed = 8;
    const runs = Number(process.env["CBOR_FUZZ_RUNS"] ?? 5_000);
    const tally = { returned: 0, malformed: 0, service: 0 };
    fc.assert(
      fc.property(responses, ({ which, status, headers, body }) => {
        const d = deserializers[which % deserializers.length]!;
        const response = { status, headers, body };
        let thrown: unknown;
        try {
          d.fn(response);
          expect(status >= 200 && status < 300, `${d.name} returned for HTTP ${status}`).toBe(true);
          tally.returned++;
          return;
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `${d.name}: ${String(thrown)}`).toBeInstanceOf(d.runtime.ResponseError);
        expect((thrown as { $response: unknown }).$response).toBe(response);
        if (status >= 200 && status < 300) expect(thrown, `${d.name} on HTTP ${status}`).toBeInstanceOf(d.runtime.MalformedResponseError);
        if (thrown instanceof d.runtime.MalformedResponseError) tally.malformed++;
        else {
          expect(thrown).toBeInstanceOf(d.runtime.ServiceError);
          tally.service++;
        }
      }),
      { numRuns: runs, seed },
    );
    console.log(`rpcv2Cbor deserializer fuzz: ${runs} inputs (seed ${seed}) over ${deserializers.length} deserializers: ${tally.returned} returned, ${tally.malformed} MalformedResponseError, ${tally.service} service errors, 0 other`);
    // Each kind of outcome happens, so the inputs reach past the decoder.
    expect(tally.returned).toBeGreaterThan(runs / 50);
    expect(tally.malformed).toBeGreaterThan(runs / 10);
    expect(tally.service).toBeGreaterThan(runs / 10);
  });
});
