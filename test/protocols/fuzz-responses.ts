// The response fuzzer (issue 8 part 3): arbitrary bytes and mutated valid responses fed to every
// generated deserializer of the protocol test services. A deserializer may return or throw a
// ResponseError (its folder's runtime.ts); anything else it throws (TypeError, RangeError,
// SyntaxError, a stack overflow, ...) is "uncaught", and a call that does not come back within
// `hangMs`, nor within HANG_CONFIRM times that on a fresh worker, is a hang.
//
//   const setup = await loadFuzzTargets();
//   await fuzzResponses(setup, { seed: 1, inputs: 3000, hangMs: 5000 })
//   → { inputs: 3000, uncaught: [], hangs: [], byProtocol: { awsJson1_0: { inputs: 377, returned: 41,
//       responseErrors: 336 }, ... }, slowestMs: 12.5, ... }
//
// Inputs (fast-check, `fc.sample` in chunks of CHUNK from seed + chunk index, so an input is
// reproducible from (seed, chunk, index)) spread evenly over the protocols, then over each
// protocol's deserializers. The valid responses are the client response cases of the compliance
// runner (response-runner.ts). Kinds: arbitrary bytes and text, truncations, byte flips, type
// swaps inside the parsed body (JSON, XML, CBOR), deep nesting (up to 100,000 levels, alone and
// inside a member), HTML error pages, a body or Content-Type of the wrong kind, garbage header
// values, random status codes, and huge bodies. Bodies come as text or as bytes either way.
//
// A value a deserializer returns must also be of its output type (output-types.ts): a body with a
// value of the wrong type is a MalformedResponseError, never a wrongly typed output.
//
// Each call runs in a worker thread (fuzz-worker.ts), one response per message: the main thread
// times it and ends the worker when it hangs, then goes on with a fresh one.

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { decode as decodeCbor, encode as encodeCbor, Tag } from "cbor2";
import { build } from "esbuild";
import fc from "fast-check";
import { ROOT, TMP } from "../helpers/paths.js";
import { parseXml, printXmlNode, type XmlElement, type XmlNode } from "./bodies.js";
import { compactShapes, type ShapeTable } from "./output-types.js";
import { buildResponse, deserializerName, findResponseCases, type HttpResponse } from "./response-runner.js";
import { FOLDERS, PROTOCOLS, folderInput, generateFolder, importGenerated, type ProtocolName } from "./runner.js";

type Media = "json" | "xml" | "cbor" | "text";

/** A valid response of a compliance case, as bytes. */
export interface Seed {
  readonly caseId: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly media: Media;
}

export interface FuzzTarget {
  readonly protocol: ProtocolName;
  /** `<output folder>/<operation>` for messages. */
  readonly name: string;
  readonly module: string;
  readonly runtime: string;
  readonly fn: string;
  /** Index in `FuzzSetup.shapes` of the service's shape table, and the output shape (absent: `{}`). */
  readonly shapes: number;
  readonly output?: string;
  /** Responses of this operation's own cases (may be empty). */
  readonly own: readonly Seed[];
}

export interface FuzzSetup {
  readonly targets: readonly FuzzTarget[];
  /** The shape tables of the services, for the type check of returned values (output-types.ts). */
  readonly shapes: readonly ShapeTable[];
  /** Every seed of a protocol, for targets without cases of their own. */
  readonly seeds: ReadonlyMap<ProtocolName, readonly Seed[]>;
  /** Protocols with no deserializer to fuzz, with the reason. */
  readonly notFuzzed: ReadonlyMap<ProtocolName, string>;
}

export type InputKind = "bytes" | "text" | "truncate" | "flip" | "swap" | "deep" | "html" | "content-type" | "headers" | "status" | "huge";

export interface FuzzInput {
  readonly target: number;
  readonly kind: InputKind;
  readonly response: HttpResponse;
}

export interface Finding {
  readonly where: string;
  readonly target: string;
  readonly kind: InputKind;
  readonly detail: string;
  readonly response: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly inputs: number;
  readonly uncaught: readonly Finding[];
  readonly hangs: readonly Finding[];
  /** Returned values that are not of the output type. */
  readonly illTyped: readonly Finding[];
  readonly byProtocol: ReadonlyMap<ProtocolName, { inputs: number; returned: number; responseErrors: number; deserializers: number }>;
  readonly byKind: ReadonlyMap<InputKind, number>;
  /**
   * ResponseErrors whose `cause` is an error of the JavaScript engine (TypeError, RangeError,
   * SyntaxError, ...), by class: not failures (the deserializer threw a ResponseError), but a
   * TypeError there usually means a reader that met a value it did not check. First few kept.
   */
  readonly wrapped: ReadonlyMap<string, { count: number; samples: Finding[] }>;
  readonly slowestMs: number;
  readonly seconds: number;
}

const CHUNK = 500;

/** Generates every protocol test folder into .tmp/protocol-tests-fuzz/ and lists the deserializers to fuzz. */
export async function loadFuzzTargets(): Promise<FuzzSetup> {
  const targets: FuzzTarget[] = [];
  const shapes: ShapeTable[] = [];
  const seeds = new Map<ProtocolName, Seed[]>();
  const notFuzzed = new Map<ProtocolName, string>();
  for (const folder of FOLDERS) {
    const input = folderInput(folder);
    const cases = findResponseCases(input);
    const generated = await generateFolder(input, "protocol-tests-fuzz");
    if (typeof generated === "string") {
      notFuzzed.set(folder.protocol, `${folder.name}: ${generated}`);
      continue;
    }
    for (const [serviceId, service] of generated) {
      const protocolTrait = service.model.service.protocols[0]?.id;
      const protocol = PROTOCOLS.find((p) => protocolTrait?.endsWith(`#${p}`));
      if (!protocol) continue;
      const mine = cases.filter((c) => c.service === serviceId && c.protocol === protocol);
      const asSeed = (c: (typeof mine)[number]): Seed => {
        const r = buildResponse(c.testCase, true);
        const media: Media = c.testCase.bodyMediaType === "application/json" ? "json" : c.testCase.bodyMediaType === "application/xml" ? "xml" : protocol === "rpcv2Cbor" ? "cbor" : "text";
        return { caseId: c.testCase.id, status: r.status, headers: r.headers, body: r.body as Uint8Array, media };
      };
      seeds.set(protocol, [...(seeds.get(protocol) ?? []), ...mine.map(asSeed)]);
      const deserializers = await importGenerated(service, "deserializers");
      if (!deserializers) {
        if (!targets.some((t) => t.protocol === protocol)) notFuzzed.set(protocol, `no deserializer yet (${service.model.name}/deserializers.ts is not generated)`);
        continue;
      }
      notFuzzed.delete(protocol);
      shapes.push(compactShapes(service.model));
      for (const op of service.model.operations) {
        const fn = deserializerName(service, op.id);
        if (typeof deserializers[fn] !== "function") continue;
        targets.push({
          protocol,
          name: `${service.model.name}/${op.name}`,
          module: join(service.dir, "deserializers.js"),
          runtime: join(service.dir, "runtime.js"),
          fn,
          shapes: shapes.length - 1,
          ...(op.output ? { output: op.output } : {}),
          own: mine.filter((c) => c.operation === op.id).map(asSeed),
        });
      }
    }
  }
  for (const p of PROTOCOLS) if (!targets.some((t) => t.protocol === p) && !notFuzzed.has(p)) notFuzzed.set(p, "no test service of this protocol has a deserializer");
  return { targets, shapes, seeds, notFuzzed };
}

// ---------------------------------------------------------------------------------------------
// Inputs

const GARBAGE = [
  "", " ", "abc", "NaN", "-Infinity", "1e400", "99999999999999999999", "-1", "0x1F", "1.5",
  "Tue, 32 Foo 2019 25:61:61 GMT", "2019-13-45T99:99:99Z", "a,b,\"c", "\"unterminated", "====", "%%%",
  "#:", "::::", "aws.protocoltests#", "true", "null", "{}", "[", "<a>", "\u0000", "x".repeat(10_000),
];
const TEXT_SWAPS = [...GARBAGE, "2019-12-16T23:48:18Z", "1576540098", "Zm9v", "not base64!", "\ud800", "__proto__", "constructor"];
const JSON_SWAPS = [
  "0", "-1.5", "1e400", "-0", "9007199254740993", "1.7976931348623157e309", '"x"', '""', '"NaN"', '"Infinity"', "true", "false",
  "null", "[]", "{}", '[1,"a",null]', '{"a":{"b":[]}}', '"2019-12-16T23:48:18Z"', '"not base64!"', '{"__proto__":{"x":1}}',
  '{"constructor":1,"toString":2}', '"\\ud800"', '{"__type":1}', '{"__type":"x","message":[]}', "123456789012345678901234567890",
];
const CBOR_SWAPS: unknown[] = [
  0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2n ** 64n, -(2n ** 64n), "x", "", true, null, undefined,
  new Uint8Array([1, 2]), [], {}, [1, "a", null], { a: { b: [] } }, new Tag(1, "x"), new Tag(1, 1e20), new Tag(4, [1, 2]),
  new Tag(4, [-2, 2n ** 70n]), new Tag(2, "x"), new Tag(99, 1), new Map<unknown, unknown>([[1, 2], [new Uint8Array([1]), "x"]]),
  { __proto__: 1, constructor: 2 },
];
const HTML_PAGES = [
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
  "<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.<br></body></html>",
  '<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY><H1>403 ERROR</H1>&nbsp;</BODY></HTML>',
  "<html>\n<head><title>504 Gateway Time-out</title></head>\n<body>\n<center><h1>504 Gateway Time-out</h1></center>\n</body>\n</html>\n",
];
const CONTENT_TYPES = ["text/html", "application/xml", "text/xml", "application/json", "application/cbor", "text/plain", "", "application/x-amz-json-1.1; charset=utf-8", "application/octet-stream"];
const DEPTHS = [64, 200, 1000, 5000, 100_000];
const STATUSES = [200, 201, 204, 206, 301, 304, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504];

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");

/** The body as a transport may hand it over: text or bytes (`form` picks; CBOR is mostly bytes). */
function deliver(body: Uint8Array, media: Media, form: number): string | Uint8Array {
  if (media === "cbor") return form % 10 === 0 ? latin1(body) : body;
  return form % 10 < 7 ? text(body) : body;
}

function withHeader(headers: Readonly<Record<string, string>>, name: string, value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== name.toLowerCase()) out[k] = v;
  out[name] = value;
  return out;
}

/** One input for a target, from a few random numbers (fast-check draws them; the rest is a pure function). */
function makeInput(setup: FuzzSetup, target: number, kind: InputKind, r: readonly number[], bytes: Uint8Array, str: string): FuzzInput {
  const t = setup.targets[target]!;
  const pool = setup.seeds.get(t.protocol) ?? [];
  const seeds = t.own.length > 0 && r[0]! % 3 !== 0 ? t.own : pool.length > 0 ? pool : t.own;
  const seed: Seed = seeds.length > 0 ? seeds[r[1]! % seeds.length]! : { caseId: "none", status: 200, headers: {}, body: new Uint8Array(0), media: "text" };
  const status = r[2]! % 4 === 0 ? STATUSES[r[3]! % STATUSES.length]! : seed.status;
  const respond = (body: string | Uint8Array, headers: Readonly<Record<string, string>> = seed.headers, code = status): FuzzInput => ({
    target,
    kind,
    response: { status: code, headers: { ...headers }, body },
  });
  switch (kind) {
    case "bytes":
      return respond(r[4]! % 2 === 0 ? bytes : latin1(bytes), r[5]! % 2 === 0 ? seed.headers : {});
    case "text":
      return respond(r[4]! % 3 === 0 ? utf8(str) : str, r[5]! % 2 === 0 ? seed.headers : {});
    case "truncate": {
      const cut = seed.body.length === 0 ? 0 : r[4]! % seed.body.length;
      return respond(deliver(seed.body.slice(0, cut), seed.media, r[5]!));
    }
    case "flip": {
      const body = new Uint8Array(seed.body.length === 0 ? [r[4]! % 256] : seed.body);
      const flips = 1 + (r[5]! % 8);
      for (let i = 0; i < flips; i++) body[(r[6]! + i * 7919 * (r[7]! + 1)) % body.length] = (r[8]! + i * 31) % 256;
      return respond(deliver(body, seed.media, r[9]!));
    }
    case "swap":
      return respond(deliver(swap(seed, r), seed.media, r[9]!));
    case "deep":
      return respond(deliver(deep(seed, DEPTHS[r[4]! % DEPTHS.length]!, r[5]!), seed.media, r[9]!));
    case "html": {
      const page = HTML_PAGES[r[4]! % HTML_PAGES.length]!;
      const headers = r[5]! % 2 === 0 ? { "Content-Type": "text/html; charset=utf-8" } : withHeader(seed.headers, "Content-Type", "text/html");
      return respond(r[6]! % 3 === 0 ? utf8(page) : page, headers, [200, 403, 500, 502, 503, 504][r[7]! % 6]!);
    }
    case "content-type": {
      if (r[4]! % 2 === 0) return respond(deliver(seed.body, seed.media, r[9]!), withHeader(seed.headers, "Content-Type", CONTENT_TYPES[r[5]! % CONTENT_TYPES.length]!));
      const others = [...setup.seeds.entries()].filter(([p]) => p !== t.protocol).flatMap(([, s]) => s);
      const other = others.length > 0 ? others[r[5]! % others.length]! : seed;
      return respond(deliver(other.body, other.media, r[9]!), r[6]! % 2 === 0 ? seed.headers : other.headers);
    }
    case "headers": {
      const headers: Record<string, string> = {};
      const names = [...Object.keys(seed.headers), "X-Amzn-Errortype", "x-amzn-query-error", "Content-Type", "smithy-protocol", "x-amzn-requestid", "Content-Encoding", "Content-Length"];
      for (const [i, name] of names.entries()) {
        if ((r[4]! >> (i % 30)) & 1) headers[r[5]! % 5 === 0 ? name.toUpperCase() : name] = GARBAGE[(r[6]! + i * 13) % GARBAGE.length]!;
        else if (seed.headers[name] !== undefined) headers[name] = seed.headers[name]!;
      }
      return respond(deliver(seed.body, seed.media, r[9]!), headers);
    }
    case "status":
      return respond(deliver(seed.body, seed.media, r[9]!), seed.headers, 100 + (r[4]! % 500));
    case "huge":
      return respond(deliver(huge(seed, r[4]!), seed.media, r[9]!));
    default: {
      const never: never = kind;
      throw new Error(`unknown input kind ${String(never)}`);
    }
  }
}

/** A value of another type somewhere inside the seed's body (JSON, XML or CBOR); bytes flipped otherwise. */
function swap(seed: Seed, r: readonly number[]): Uint8Array {
  switch (seed.media) {
    case "json": {
      let value: unknown;
      try {
        value = JSON.parse(text(seed.body));
      } catch {
        return utf8(JSON_SWAPS[r[5]! % JSON_SWAPS.length]!);
      }
      const MARK = "\u0000SWAP\u0000";
      const replaced = replaceNode(value, r[4]!, MARK);
      return utf8(JSON.stringify(replaced).replace(JSON.stringify(MARK), JSON_SWAPS[r[5]! % JSON_SWAPS.length]!));
    }
    case "cbor": {
      let value: unknown;
      try {
        value = decodeCbor(seed.body);
      } catch {
        return encodeCbor(CBOR_SWAPS[r[5]! % CBOR_SWAPS.length]);
      }
      return encodeCbor(replaceNode(value, r[4]!, CBOR_SWAPS[r[5]! % CBOR_SWAPS.length]));
    }
    case "xml": {
      const roots = parseXml(text(seed.body));
      if (typeof roots === "string" || roots.length === 0) return utf8(`<a>${TEXT_SWAPS[r[5]! % TEXT_SWAPS.length]!}</a>`);
      return utf8(roots.map((root) => printXmlNode(mutateXml(root, r))).join(""));
    }
    case "text":
      return utf8(TEXT_SWAPS[r[5]! % TEXT_SWAPS.length]!);
  }
}

/** Replaces the `pick`-th node (pre-order, root included) of a JSON or CBOR value. */
function replaceNode(value: unknown, pick: number, replacement: unknown): unknown {
  const count = countNodes(value);
  let target = pick % count;
  const walk = (v: unknown): unknown => {
    if (target-- === 0) return replacement;
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Tag) return new Tag(v.tag, walk(v.contents));
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, walk(x)]));
    if (v !== null && typeof v === "object" && !(v instanceof Uint8Array)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

function countNodes(v: unknown): number {
  if (Array.isArray(v)) return 1 + v.reduce((n: number, x) => n + countNodes(x), 0);
  if (v instanceof Tag) return 1 + countNodes(v.contents);
  if (v instanceof Map) return 1 + [...v.values()].reduce((n: number, x) => n + countNodes(x), 0);
  if (v !== null && typeof v === "object" && !(v instanceof Uint8Array)) return 1 + Object.values(v).reduce((n: number, x) => n + countNodes(x), 0);
  return 1;
}

/** One edit of an XML tree at the `r[4]`-th element: new text, a child where text was, removal, duplication, renaming, an attribute. */
function mutateXml(root: XmlElement, r: readonly number[]): XmlElement {
  let count = 0;
  const countAll = (n: XmlNode): void => {
    if (typeof n === "string") return;
    count++;
    n.children.forEach(countAll);
  };
  countAll(root);
  let target = r[4]! % count;
  const edit = (e: XmlElement): XmlNode[] => {
    const swapText = TEXT_SWAPS[r[5]! % TEXT_SWAPS.length]!;
    switch (r[6]! % 6) {
      case 0:
        return [{ ...e, children: [swapText] }];
      case 1:
        return [{ ...e, children: [{ name: "member", attributes: [], children: [{ name: "entry", attributes: [], children: [swapText] }] }] }];
      case 2:
        return [];
      case 3:
        return [e, e];
      case 4:
        return [{ ...e, name: ["__proto__", "constructor", "x:y:z", "Error", "Errors"][r[7]! % 5]! }];
      default:
        return [{ ...e, attributes: [...e.attributes, ["xsi:nil", "true"] as const, ["xmlns:x", swapText] as const] }];
    }
  };
  const walk = (n: XmlNode): XmlNode[] => {
    if (typeof n === "string") return [n];
    if (target-- === 0) return edit(n);
    return [{ ...n, children: n.children.flatMap(walk) }];
  };
  const out = walk(root);
  return out.find((n): n is XmlElement => typeof n !== "string") ?? { name: "Empty", attributes: [], children: [] };
}

/** `depth` levels of nesting, alone or in place of a member of the seed. */
function deep(seed: Seed, depth: number, variant: number): Uint8Array {
  const inside = variant % 2 === 1;
  switch (seed.media) {
    case "cbor": {
      const nest = new Uint8Array(depth * 2 + 1);
      if (variant % 4 < 2) nest.fill(0x81, 0, depth); // [[[...]]]
      else nest.fill(0x9f, 0, depth); // indefinite-length arrays, closed by 0xff
      nest[depth] = 0x00;
      if (variant % 4 >= 2) nest.fill(0xff, depth + 1);
      const body = variant % 4 < 2 ? nest.slice(0, depth + 1) : nest;
      if (!inside) return body;
      let value: unknown;
      try {
        value = decodeCbor(seed.body);
      } catch {
        return body;
      }
      const MARK = "\u0000DEEP";
      const encoded = Buffer.from(encodeCbor(replaceNode(value, 1, MARK)));
      const at = encoded.indexOf(Buffer.from(encodeCbor(MARK)));
      if (at < 0) return body;
      return new Uint8Array(Buffer.concat([encoded.subarray(0, at), body, encoded.subarray(at + encodeCbor(MARK).length)]));
    }
    case "xml": {
      const nest = "<a>".repeat(depth) + "x" + "</a>".repeat(depth);
      if (!inside) return utf8(nest);
      const s = text(seed.body);
      const close = s.indexOf(">", s.indexOf("<", s.startsWith("<?") ? s.indexOf("?>") + 2 : 0));
      return close < 0 ? utf8(nest) : utf8(s.slice(0, close + 1) + nest + s.slice(close + 1));
    }
    default: {
      const nest = variant % 4 < 2 ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
      if (!inside) return utf8(nest);
      let value: unknown;
      try {
        value = JSON.parse(text(seed.body));
      } catch {
        return utf8(nest);
      }
      const MARK = "\u0000DEEP\u0000";
      return utf8(JSON.stringify(replaceNode(value, 1, MARK)).replace(JSON.stringify(MARK), nest));
    }
  }
}

/** A large body: a long list or string in place of a member of the seed (about 0.5 MB). */
function huge(seed: Seed, variant: number): Uint8Array {
  const n = 50_000;
  switch (seed.media) {
    case "cbor": {
      let value: unknown;
      try {
        value = decodeCbor(seed.body);
      } catch {
        value = {};
      }
      const big = variant % 2 === 0 ? Array.from({ length: n }, (_, i) => i) : "x".repeat(n * 10);
      return encodeCbor(replaceNode(value, 1 + (variant % 3), big));
    }
    case "xml": {
      const s = text(seed.body);
      const close = s.indexOf(">", s.indexOf("<", s.startsWith("<?") ? s.indexOf("?>") + 2 : 0));
      const items = variant % 2 === 0 ? "<member>1</member>".repeat(n) : "x".repeat(n * 10);
      return close < 0 ? utf8(`<a>${items}</a>`) : utf8(s.slice(0, close + 1) + items + s.slice(close + 1));
    }
    default: {
      let value: unknown;
      try {
        value = JSON.parse(text(seed.body));
      } catch {
        value = {};
      }
      const MARK = "\u0000HUGE\u0000";
      const big = variant % 2 === 0 ? `[${"1,".repeat(n)}1]` : JSON.stringify("x".repeat(n * 10));
      const printed = JSON.stringify(replaceNode(value, 1 + (variant % 3), MARK));
      return utf8(printed.includes(JSON.stringify(MARK)) ? printed.replace(JSON.stringify(MARK), big) : big);
    }
  }
}

const KINDS: readonly { readonly kind: InputKind; readonly weight: number }[] = [
  { kind: "bytes", weight: 10 },
  { kind: "text", weight: 8 },
  { kind: "truncate", weight: 15 },
  { kind: "flip", weight: 15 },
  { kind: "swap", weight: 20 },
  { kind: "deep", weight: 8 },
  { kind: "html", weight: 6 },
  { kind: "content-type", weight: 8 },
  { kind: "headers", weight: 8 },
  { kind: "status", weight: 4 },
  { kind: "huge", weight: 1 },
];

/** Inputs spread evenly over the protocols with deserializers, then over each protocol's deserializers. */
export function inputArbitrary(setup: FuzzSetup): fc.Arbitrary<FuzzInput> {
  const byProtocol = new Map<ProtocolName, number[]>();
  setup.targets.forEach((t, i) => byProtocol.set(t.protocol, [...(byProtocol.get(t.protocol) ?? []), i]));
  const protocols = [...byProtocol.keys()];
  if (protocols.length === 0) throw new Error("no deserializer to fuzz");
  return fc
    .record({
      // Unbiased: fast-check leans to small integers, which would favour the first protocols.
      protocol: fc.noBias(fc.nat(protocols.length - 1)),
      target: fc.noBias(fc.nat()),
      kind: fc.oneof(...KINDS.map((k) => ({ arbitrary: fc.constant(k.kind), weight: k.weight }))),
      r: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
      bytes: fc.uint8Array({ maxLength: 512 }),
      str: fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 })),
    })
    .map(({ protocol, target, kind, r, bytes, str }) => {
      const list = byProtocol.get(protocols[protocol]!)!;
      return makeInput(setup, list[target % list.length]!, kind, r, bytes, str);
    });
}

// ---------------------------------------------------------------------------------------------
// Driver

interface Reply {
  readonly id: number;
  readonly outcome: "returned" | "response-error" | "uncaught" | "ill-typed";
  readonly detail: string;
  readonly ms: number;
}

async function workerScript(): Promise<string> {
  const dir = join(TMP, "protocol-tests-fuzz");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "worker.mjs");
  await build({ entryPoints: [join(ROOT, "test/protocols/fuzz-worker.ts")], bundle: true, format: "esm", platform: "node", target: "node20", outfile: file, logLevel: "error" });
  return file;
}

/** How many times `hangMs` a call gets on its second try before it counts as a hang. */
const HANG_CONFIRM = 5;

class Runner {
  private worker: Worker | undefined;
  private waiting: ((reply: Reply | "exit") => void) | undefined;
  constructor(
    private readonly script: string,
    private readonly setup: FuzzSetup,
  ) {}

  private async start(): Promise<Worker> {
    const targets = this.setup.targets.map(({ module, runtime, fn, shapes, output }) => ({ module, runtime, fn, shapes, ...(output ? { output } : {}) }));
    const worker = new Worker(this.script, { workerData: { targets, shapes: this.setup.shapes } });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
    });
    // Events of a worker already replaced (ended after a hang) must not answer for the next one.
    worker.on("message", (reply: Reply) => this.worker === worker && this.waiting?.(reply));
    worker.on("exit", () => this.worker === worker && this.waiting?.("exit"));
    worker.on("error", () => this.worker === worker && this.waiting?.("exit"));
    return worker;
  }

  /** Runs one input; "hang" when it does not come back within `hangMs` (the worker is then replaced). */
  async run(id: number, input: FuzzInput, hangMs: number): Promise<Reply | "hang" | "exit"> {
    this.worker ??= await this.start();
    const worker = this.worker;
    const reply = await new Promise<Reply | "hang" | "exit">((resolve) => {
      const timer = setTimeout(() => resolve("hang"), hangMs);
      this.waiting = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
      worker.postMessage({ id, target: input.target, response: input.response });
    });
    this.waiting = undefined;
    if (reply === "hang" || reply === "exit") {
      this.worker = undefined;
      await worker.terminate();
    }
    return reply;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

export function showResponse(r: HttpResponse): string {
  const body = typeof r.body === "string" ? JSON.stringify(r.body.length > 160 ? `${r.body.slice(0, 160)}…` : r.body) : `bytes h'${Buffer.from(r.body.subarray(0, 80)).toString("hex")}${r.body.length > 80 ? "…" : ""}'`;
  return `status ${r.status}, headers ${JSON.stringify(r.headers).slice(0, 200)}, body (${r.body.length}) ${body}`;
}

export async function fuzzResponses(
  setup: FuzzSetup,
  options: { readonly seed: number; readonly inputs: number; readonly hangMs: number; readonly progress?: (done: number) => void },
): Promise<FuzzReport> {
  const started = performance.now();
  const runner = new Runner(await workerScript(), setup);
  const arbitrary = inputArbitrary(setup);
  const uncaught: Finding[] = [];
  const hangs: Finding[] = [];
  const illTyped: Finding[] = [];
  const byProtocol = new Map<ProtocolName, { inputs: number; returned: number; responseErrors: number; deserializers: number }>();
  for (const t of setup.targets) {
    const tally = byProtocol.get(t.protocol) ?? { inputs: 0, returned: 0, responseErrors: 0, deserializers: 0 };
    tally.deserializers++;
    byProtocol.set(t.protocol, tally);
  }
  const byKind = new Map<InputKind, number>();
  const wrapped = new Map<string, { count: number; samples: Finding[] }>();
  let slowestMs = 0;
  let done = 0;
  try {
    for (let chunk = 0; done < options.inputs; chunk++) {
      const inputs = fc.sample(arbitrary, { seed: options.seed + chunk, numRuns: Math.min(CHUNK, options.inputs - done) });
      for (const [index, input] of inputs.entries()) {
        const t = setup.targets[input.target]!;
        const tally = byProtocol.get(t.protocol)!;
        tally.inputs++;
        byKind.set(input.kind, (byKind.get(input.kind) ?? 0) + 1);
        const finding = (detail: string): Finding => ({
          where: `seed ${options.seed + chunk}, input ${index} of fc.sample(inputArbitrary(setup), { seed: ${options.seed + chunk}, numRuns: ${CHUNK} })`,
          target: `${t.name} (${t.fn})`,
          kind: input.kind,
          detail,
          response: showResponse(input.response),
        });
        let reply = await runner.run(done, input, options.hangMs);
        // A hang is confirmed on a fresh worker with 5 times the time: on a loaded machine a call
        // that returns can miss the first deadline (a loop never returns, so it hangs again).
        if (reply === "hang") reply = await runner.run(done, input, HANG_CONFIRM * options.hangMs);
        done++;
        if (reply === "hang") hangs.push(finding(`no answer within ${options.hangMs} ms, nor within ${HANG_CONFIRM * options.hangMs} ms on a fresh worker`));
        else if (reply === "exit") uncaught.push(finding("the worker died (out of memory or a crash)"));
        else {
          slowestMs = Math.max(slowestMs, reply.ms);
          if (reply.outcome === "returned") tally.returned++;
          else if (reply.outcome === "ill-typed") {
            tally.returned++;
            illTyped.push(finding(reply.detail));
          }
          else if (reply.outcome === "response-error") {
            tally.responseErrors++;
            const engine = /^(TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError)\b/.exec(reply.detail)?.[1];
            if (engine) {
              const w = wrapped.get(engine) ?? { count: 0, samples: [] };
              w.count++;
              if (w.samples.length < 3) w.samples.push(finding(`a ResponseError caused by ${reply.detail}`));
              wrapped.set(engine, w);
            }
          }
          else uncaught.push(finding(reply.detail));
        }
        if (done % 1000 === 0) options.progress?.(done);
      }
    }
  } finally {
    await runner.close();
  }
  return { seed: options.seed, inputs: done, uncaught, hangs, illTyped, byProtocol, byKind, wrapped, slowestMs, seconds: (performance.now() - started) / 1000 };
}

/** The report's lines: the summary line first, then one per protocol, then each finding. */
export function reportLines(setup: FuzzSetup, report: FuzzReport): string[] {
  const lines = [
    `fuzz (responses): ${report.inputs} inputs, ${report.uncaught.length} uncaught, ${report.hangs.length} hangs, seed ${report.seed}`,
    `  returned values not of their output type: ${report.illTyped.length}`,
  ];
  for (const [p, t] of report.byProtocol) {
    lines.push(`  ${p}: ${t.inputs} inputs over ${t.deserializers} deserializers, ${t.returned} returned, ${t.responseErrors} ResponseErrors`);
  }
  for (const [p, why] of setup.notFuzzed) lines.push(`  ${p}: not fuzzed: ${why}`);
  lines.push(`  kinds: ${[...report.byKind].map(([k, n]) => `${n} ${k}`).join(", ")}; slowest call ${report.slowestMs.toFixed(1)} ms; ${report.seconds.toFixed(1)} s`);
  if (report.wrapped.size > 0) {
    lines.push(`  ResponseErrors caused by an engine error (caught, not failures): ${[...report.wrapped].map(([k, w]) => `${w.count} ${k}`).join(", ")}`);
    for (const f of report.wrapped.get("TypeError")?.samples ?? []) lines.push(`    e.g. ${f.target} [${f.kind}]: ${f.detail.slice(0, 240)}\n      ${f.response}`);
  }
  const findings = [...report.uncaught, ...report.hangs, ...report.illTyped];
  for (const f of findings.slice(0, 30)) lines.push(`  ${f.target} [${f.kind}]: ${f.detail}\n    ${f.response}\n    (${f.where})`);
  if (findings.length > 30) lines.push(`  … ${findings.length - 30} more`);
  return lines;
}
