// The fuzzer: seed models mutated from a fixed seed, run in process through the pure core
// (`generate`, formatting off), each outcome classified. A crash is an exception that is not a
// DiagnosticError, or an error diagnostic with code INTERNAL; anything else (output, or
// diagnostics) is a proper answer.
//
//   const cases = fuzzCases(loadSeeds(), 1234, 3000);   // deterministic: same seed, same cases
//   for (const c of cases) { const outcome = await runCase(c); ... }
//   outcome → { kind: "output", files } | { kind: "rejected", codes: ["SMITHY_IDL_SYNTAX"] } | { kind: "crash", error }
//
// Seeds: models/, test/fixtures/, the OpenAPI test fixtures (YAML, and the same as JSON), a few
// small Smithy loader cases and OpenAPI documents of the corpus, read in place. Mutations: byte
// flips, token deletions and duplications, truncation, deep nesting, huge numbers, odd unicode,
// renamed identifiers and keys, dangling and circular references, values of the wrong type,
// subtrees copied elsewhere, and traits inserted into IDL.

import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { generate, type GenerateResult } from "../../generator/core.js";
import { DiagnosticError } from "../../generator/diagnostics.js";
import type { Templates } from "../../generator/templates.js";
import { CORPUS, MODELS, ROOT } from "../helpers/paths.js";

export type SeedKind = "idl" | "json-ast" | "openapi-yaml" | "openapi-json";

export interface Seed {
  readonly kind: SeedKind;
  /** Where it came from, for reports. */
  readonly origin: string;
  /** File name given to the core (its extension picks the reader). */
  readonly path: string;
  readonly text: string;
}

export interface FuzzCase {
  readonly index: number;
  readonly seed: Seed;
  /** The mutations applied, in order (for reports and repro files). */
  readonly mutations: readonly string[];
  readonly text: string;
}

export type Outcome =
  | { readonly kind: "output"; readonly files: ReadonlyMap<string, string> }
  | { readonly kind: "rejected"; readonly codes: readonly string[] }
  | { readonly kind: "crash"; readonly error: string; readonly stack: string };

// ---------------------------------------------------------------- seeds

export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const add = (kind: SeedKind, origin: string, path: string, text: string) => seeds.push({ kind, origin, path, text });
  const read = (path: string) => readFileSync(path, "utf8");
  for (const name of readdirSync(MODELS).sort()) {
    const path = join(MODELS, name);
    if (name.endsWith(".smithy")) add("idl", `models/${name}`, name, read(path));
    else if (/\.ya?ml$/.test(name)) add("openapi-yaml", `models/${name}`, name, read(path));
    else if (name.endsWith(".json")) add(isOpenApiJson(read(path)) ? "openapi-json" : "json-ast", `models/${name}`, name, read(path));
  }
  const fixtures = join(ROOT, "test/fixtures");
  for (const name of readdirSync(fixtures).sort()) {
    const path = join(fixtures, name);
    if (name.endsWith(".smithy")) add("idl", `test/fixtures/${name}`, name, read(path));
    else if (name.endsWith(".json")) add("json-ast", `test/fixtures/${name}`, name, read(path));
  }
  const openapiFixtures = join(ROOT, "test/openapi/fixtures");
  for (const name of readdirSync(openapiFixtures).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const text = read(join(openapiFixtures, name));
    add("openapi-yaml", `test/openapi/fixtures/${name}`, name, text);
    add("openapi-json", `test/openapi/fixtures/${name} (as JSON)`, name.replace(/\.ya?ml$/, ".json"), JSON.stringify(parseYaml(text), null, 2));
  }
  const loader = join(CORPUS, "smithy/idl/loader/valid");
  for (const name of ["main-test", "mixins/loads-mixins", "service-with-errors", "unions", "traits", "maps", "inline-io/inline-io", "enums/enums"]) {
    for (const ext of [".smithy", ".json"] as const) {
      let text: string;
      try {
        text = read(join(loader, name + ext));
      } catch {
        continue; // Not every loader case has both forms.
      }
      add(ext === ".smithy" ? "idl" : "json-ast", `corpus smithy/idl/loader/valid/${name}${ext}`, basename(name) + ext, text);
    }
  }
  for (const name of ["xkcd.com", "wolframalpha.com", "hydramovies.com", "shipstation.com", "interzoid.com__getcitystandard", "nytimes.com__top_stories"]) {
    const text = gunzipSync(readFileSync(join(CORPUS, "openapi", `${name}.json.gz`))).toString("utf8");
    add("openapi-json", `corpus openapi/${name}.json.gz`, `${name}.json`, JSON.stringify(JSON.parse(text), null, 1));
  }
  return seeds;
}

function isOpenApiJson(text: string): boolean {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return typeof value === "object" && value !== null && "openapi" in value;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- random numbers

/** mulberry32: a small, fast, deterministic PRNG. */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

// ---------------------------------------------------------------- mutations

const ODD_TEXT = [
  "\u2028", "\u2029", "\u0000", "\ud800", "\udfff", "\ufeff", "\u200b", "\u202e", "é", "e\u0301", "😀", "\r", "\r\n", "\t", "\\", '"', "'", "`", "${x}", "*/", "/*", "//", "\n\n", "#", "$", "@", "{", "}", "[", "]", ":", ",", "<", ">", "&", "__proto__", "constructor",
];
const ODD_NUMBERS = ["1e999", "-1e999", "99999999999999999999999999", "-0", "0.1", "1.5", "-1", "NaN", "Infinity", "1e-400", "0x10", "9007199254740993", "007"];
const ODD_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "default", "class", "delete", "Object", "Promise", "undefined", "x-y", "1abc", "a b", "ünïcode", "_", "$ref", "Unit", "String", "Error", "value", "input", "path", "out"];
const IDL_TRAITS = [
  "@required", "@default(0)", '@default("")', "@default([])", "@length(min: 5, max: 1)", "@length(min: 1e999)", '@pattern("(")', '@pattern("^(a+)+$")', "@range(min: 1e400, max: -1)",
  "@sensitive", "@httpLabel", '@jsonName("x")', '@jsonName("__proto__")', "@enumValue(1)", '@enumValue("x")', "@idempotencyToken", "@streaming", "@sparse", '@timestampFormat("bogus")',
  '@timestampFormat("epoch-seconds")', "@uniqueItems", '@error("client")', '@error("server")', "@input", "@output", "@mixin", "@box", "@httpPayload", '@httpHeader("X-A")', '@httpQuery("q")',
  "@httpResponseCode", '@http(method: "GET", uri: "/{x}")', "@documentation(1)", '@documentation("<p>doc</b>")', "@deprecated", "@unstable", "@clientOptional", "@addedDefault",
  "@recommended", "@private", '@xmlName("x")', "@eventPayload", '@tags(["a"])', '@suppress(["X"])', "@trait", "@unknownTrait", "@smithy.api#nope",
];

type Mutator = (text: string, r: Random, kind: SeedKind) => string | undefined;

/** A random position, preferring the start of a line a third of the time. */
function position(text: string, r: Random): number {
  if (text.length === 0) return 0;
  if (r.int(3) === 0) {
    const lines = lineStarts(text);
    return r.pick(lines);
  }
  return r.int(text.length + 1);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

const TOKEN = /"(?:[^"\\\n]|\\.)*"|[A-Za-z_$][\w$.#-]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\S/g;

function tokens(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const TEXT_MUTATORS: Record<string, Mutator> = {
  flip: (text, r) => {
    if (text.length === 0) return undefined;
    const at = r.int(text.length);
    return text.slice(0, at) + String.fromCharCode(r.int(3) === 0 ? r.int(0x10000) : r.int(128)) + text.slice(at + 1);
  },
  deleteToken: (text, r) => {
    const t = tokens(text);
    if (t.length === 0) return undefined;
    const tok = r.pick(t);
    return text.slice(0, tok.start) + text.slice(tok.end);
  },
  duplicateToken: (text, r) => {
    const t = tokens(text);
    if (t.length === 0) return undefined;
    const tok = r.pick(t);
    return text.slice(0, tok.end) + " " + text.slice(tok.start, tok.end) + text.slice(tok.end);
  },
  deleteLine: (text, r) => {
    const lines = text.split("\n");
    lines.splice(r.int(lines.length), 1 + r.int(3));
    return lines.join("\n");
  },
  duplicateLines: (text, r) => {
    const lines = text.split("\n");
    const at = r.int(lines.length);
    const n = 1 + r.int(5);
    lines.splice(r.int(lines.length), 0, ...lines.slice(at, at + n));
    return lines.join("\n");
  },
  truncate: (text, r) => text.slice(0, r.int(text.length + 1)),
  oddText: (text, r) => {
    const at = position(text, r);
    return text.slice(0, at) + r.pick(ODD_TEXT) + text.slice(at);
  },
  hugeNumber: (text, r) => {
    const numbers = [...text.matchAll(/-?\b\d+(?:\.\d+)?\b/g)];
    if (numbers.length === 0) return undefined;
    const m = r.pick(numbers);
    return text.slice(0, m.index) + r.pick(ODD_NUMBERS) + text.slice(m.index + m[0].length);
  },
  deepNesting: (text, r, kind) => {
    // After a `:` (a value position in JSON, YAML flow and IDL node values) or in a trait's parentheses.
    const sites = [...text.matchAll(kind === "idl" ? /[:(]\s*/g : /:\s*/g)];
    if (sites.length === 0) return undefined;
    const m = r.pick(sites);
    const depth = r.pick([8, 64, 250, 257, 300, 1000, 3000]);
    const open = r.int(2) === 0 ? "[" : '{"a":';
    const close = open === "[" ? "]" : "}";
    const at = m.index + m[0].length;
    return text.slice(0, at) + open.repeat(depth) + "1" + close.repeat(depth) + (kind === "idl" ? " " : ",") + text.slice(at);
  },
  renameIdentifier: (text, r) => {
    const ids = [...text.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*\b/g)];
    if (ids.length === 0) return undefined;
    const m = r.pick(ids);
    const name = r.int(2) === 0 ? r.pick(ODD_NAMES) : m[0] + "X";
    // One site only, or every site (a consistent rename that may collide).
    if (r.int(2) === 0) return text.slice(0, m.index) + name + text.slice(m.index + m[0].length);
    return text.replace(new RegExp(`\\b${m[0]}\\b`, "g"), name);
  },
  swapLines: (text, r) => {
    const lines = text.split("\n");
    const a = r.int(lines.length);
    const b = r.int(lines.length);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return lines.join("\n");
  },
};

const IDL_MUTATORS: Record<string, Mutator> = {
  insertTrait: (text, r) => {
    const starts = lineStarts(text).filter((i) => /^\s*[A-Za-z@]/.test(text.slice(i, i + 40)) && !/^\s*(namespace|use|\$version|metadata)/.test(text.slice(i, i + 40)));
    if (starts.length === 0) return undefined;
    const at = r.pick(starts);
    const indent = /^\s*/.exec(text.slice(at))![0];
    return text.slice(0, at) + indent + r.pick(IDL_TRAITS) + "\n" + text.slice(at);
  },
  retarget: (text, r) => {
    const sites = [...text.matchAll(/:\s*([A-Za-z_][\w.#]*)/g)];
    if (sites.length === 0) return undefined;
    const m = r.pick(sites);
    const target = r.pick(["Unit", "smithy.api#Unit", "Document", "Blob", "Timestamp", "Nope", "smithy.api#Nope", "BigDecimal", "PrimitiveInteger", m[1] + "Missing"]);
    const start = m.index + m[0].length - m[1]!.length;
    return text.slice(0, start) + target + text.slice(start + m[1]!.length);
  },
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every container (object or array) of a JSON value with the path to it; iterative. */
function containers(root: Json): { value: Json[] | { [key: string]: Json }; path: (string | number)[] }[] {
  const out: { value: Json[] | { [key: string]: Json }; path: (string | number)[] }[] = [];
  const stack: { value: Json; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    out.push({ value, path });
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return out;
}

const WRONG_VALUES: Json[] = [null, true, 0, -1, 1e308, "", "x", [], {}, [1, "a"], { $ref: "#/nope" }, { target: "a#Nope" }, { type: "bogus" }];

const JSON_MUTATORS: Record<string, (root: Json, r: Random) => boolean> = {
  renameKey: (root, r) => {
    const objects = containers(root).filter((c) => !Array.isArray(c.value) && Object.keys(c.value).length > 0);
    if (objects.length === 0) return false;
    const obj = r.pick(objects).value as { [key: string]: Json };
    const key = r.pick(Object.keys(obj));
    const renamed = r.int(2) === 0 ? r.pick(ODD_NAMES) : key + "x";
    const entries = Object.entries(obj).map(([k, v]) => [k === key ? renamed : k, v] as const);
    for (const k of Object.keys(obj)) delete obj[k];
    for (const [k, v] of entries) Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
    return true;
  },
  deleteKey: (root, r) => {
    const objects = containers(root).filter((c) => !Array.isArray(c.value) && Object.keys(c.value).length > 0);
    if (objects.length === 0) return false;
    const obj = r.pick(objects).value as { [key: string]: Json };
    delete obj[r.pick(Object.keys(obj))];
    return true;
  },
  wrongType: (root, r) => {
    const all = containers(root).filter((c) => (Array.isArray(c.value) ? c.value.length : Object.keys(c.value).length) > 0);
    if (all.length === 0) return false;
    const c = r.pick(all).value;
    const value = structuredClone(r.pick(WRONG_VALUES));
    if (Array.isArray(c)) c[r.int(c.length)] = value;
    else c[r.pick(Object.keys(c))] = value;
    return true;
  },
  danglingRef: (root, r) => {
    const refs: { obj: { [key: string]: Json }; key: string }[] = [];
    for (const c of containers(root)) {
      if (Array.isArray(c.value)) continue;
      for (const key of ["$ref", "target"]) if (typeof c.value[key] === "string") refs.push({ obj: c.value, key });
    }
    if (refs.length === 0) return false;
    const { obj, key } = r.pick(refs);
    const current = obj[key] as string;
    const choices = key === "$ref"
      ? [current + "x", "#/components/schemas", "#/", "#", "#/paths", "other.yaml#/A", "http://example.com/x.json", "#/components/schemas/" + r.pick(ODD_NAMES), "#anchor", current.replace(/\/[^/]*$/, "")]
      : [current + "X", "smithy.api#Unit", "smithy.api#Nope", "a#", "#", "nope", current.split("#")[0] + "#" + r.pick(ODD_NAMES)];
    obj[key] = r.pick(choices);
    return true;
  },
  circularRef: (root, r) => {
    // Point some `$ref` or `target` back at an ancestor (OpenAPI) or at its own shape (Smithy).
    const cs = containers(root).filter((c) => !Array.isArray(c.value) && (typeof c.value["$ref"] === "string" || typeof c.value["target"] === "string"));
    if (cs.length === 0) return false;
    const { value, path } = r.pick(cs) as { value: { [key: string]: Json }; path: (string | number)[] };
    if (typeof value["$ref"] === "string") {
      const cut = path.slice(0, 1 + r.int(Math.max(1, path.length - 1)));
      value["$ref"] = "#" + cut.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
    } else {
      const shape = path[1];
      if (typeof shape === "string") value["target"] = shape;
    }
    return true;
  },
  copySubtree: (root, r) => {
    const all = containers(root);
    if (all.length < 2) return false;
    const from = r.pick(all).value;
    const into = r.pick(all).value;
    const copy = structuredClone(from) as Json;
    if (Array.isArray(into)) into.push(copy);
    else into[r.pick([...Object.keys(into), "copied"])] = copy;
    return true;
  },
};

function mutateOnce(text: string, kind: SeedKind, r: Random): { text: string; name: string } | undefined {
  const structured = (kind === "json-ast" || kind === "openapi-json" || kind === "openapi-yaml") && r.int(2) === 0;
  if (structured) {
    let root: Json;
    try {
      root = (kind === "openapi-yaml" ? parseYaml(text, { maxAliasCount: 100, logLevel: "error" }) : JSON.parse(text)) as Json;
    } catch {
      root = undefined as unknown as Json;
    }
    if (root !== undefined && root !== null && typeof root === "object") {
      const name = r.pick(Object.keys(JSON_MUTATORS));
      try {
        if (JSON_MUTATORS[name]!(root, r)) {
          const out = kind === "openapi-yaml" ? stringifyYaml(root, { aliasDuplicateObjects: false }) : JSON.stringify(root, null, r.int(2) === 0 ? 1 : undefined);
          return { text: out, name };
        }
      } catch {
        // A value nested too deep for structuredClone or the serializers (an earlier deepNesting): mutate the text.
      }
    }
  }
  const mutators = kind === "idl" ? { ...TEXT_MUTATORS, ...IDL_MUTATORS } : TEXT_MUTATORS;
  const name = r.pick(Object.keys(mutators));
  const out = mutators[name]!(text, r, kind);
  return out === undefined ? undefined : { text: out, name };
}

/** Case `index` of a run with `seed`: the same arguments always give the same case. */
export function fuzzCase(seeds: readonly Seed[], seed: number, index: number): FuzzCase {
  const r = new Random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const base = seeds[index % seeds.length]!;
  let text = base.text;
  const mutations: string[] = [];
  const count = 1 + r.int(r.int(4) === 0 ? 6 : 2);
  for (let i = 0; i < count; i++) {
    const m = mutateOnce(text, base.kind, r);
    if (!m) continue;
    text = m.text;
    mutations.push(m.name);
  }
  return { index, seed: base, mutations, text };
}

// ---------------------------------------------------------------- running

export async function runCase(c: FuzzCase, templates: Templates): Promise<Outcome> {
  let result: GenerateResult;
  try {
    result = await generate([{ name: "fuzz", files: [{ path: c.seed.path, text: c.text }] }], { readFile: () => undefined }, { templates, format: false });
  } catch (error) {
    if (error instanceof DiagnosticError) return { kind: "rejected", codes: [error.diagnostic.code] };
    const e = error instanceof Error ? error : new Error(String(error));
    return { kind: "crash", error: `${e.name}: ${e.message}`.slice(0, 500), stack: e.stack ?? "" };
  }
  const internal = result.diagnostics.find((d) => d.severity === "error" && d.code === "INTERNAL");
  if (internal) return { kind: "crash", error: `INTERNAL: ${internal.message}`, stack: "" };
  if (result.files.size > 0) return { kind: "output", files: result.files };
  return { kind: "rejected", codes: result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code) };
}

/** Where a crash comes from: the first frame in generator/ (e.g. `generator/emit/validators.ts`). */
export function crashSite(stack: string): string {
  const m = /generator\/([\w/.-]+\.ts):(\d+)/.exec(stack);
  return m ? `generator/${m[1]}:${m[2]}` : "unknown";
}

/** A crash's signature: its message without ids and numbers, and where it was thrown. */
export function crashSignature(outcome: Extract<Outcome, { kind: "crash" }>): string {
  return `${outcome.error.replace(/`[^`]*`|"[^"]*"|\b[\w.]+#[\w$]+\b|\d+/g, "_").slice(0, 120)} @ ${crashSite(outcome.stack).replace(/:\d+$/, "")}`;
}
