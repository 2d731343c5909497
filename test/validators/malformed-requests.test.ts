// Smithy's restJson1 `httpMalformedRequestTests` as an oracle for the validators: every case
// whose expected response is a `ValidationException` lists the exact failures (message and
// path) a server must report. The runner loads the validation test service from the corpus,
// generates its validators, turns each case's HTTP request into the operation input (JSON body
// by `@jsonName`, `@httpQuery`, `@httpHeader`; blobs base64-decoded, timestamps as `Date`), runs
// `validate<Input>` and compares the failures with the case's `fieldList`, whole.
//
//   RestJsonMalformedPatternListOverride, value ["abc"]
//   → validateMalformedPatternOverrideInput({ list: ["abc"] })
//   → [{ path: "/list/0", message: "Value at '/list/0' failed to satisfy constraint: Member must
//        satisfy regular expression pattern: ^[g-m]+$" }]          (as the case expects)
//
// Cases of other kinds (SerializationException, UnsupportedMediaTypeException, ...) test a
// server's deserializer, not constraint validation: they are counted as skipped with that
// reason. Every skip is listed with its reason.

import { beforeAll, describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import type { Member, ResolvedModel, Shape } from "../../generator/model/ir.js";
import { shapeOf } from "../../generator/model/ir.js";
import { isObjectNode, type NodeValue } from "../../generator/smithy/ast.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { loadSmithyModels } from "../../generator/smithy/frontend.js";
import { assignNames } from "../../generator/naming/names.js";
import { listCorpus, source } from "../idl/corpus.js";
import { emitAndImport, type Failure, type Validator } from "./fixtures.js";

const VALIDATION_DIR = "smithy/protocol-tests/aws/restJson1";

/**
 * Cases that are not run, with the reason. Matched by case id; a listed id that no longer
 * exists fails the test, so the list cannot go stale.
 */
const KNOWN_SKIPS: ReadonlyMap<string, string> = new Map<string, string>([]);

/**
 * Cases that run but are known to fail, with the reason. A listed case that passes fails the
 * test (remove it from the list), so a fix is noticed.
 */
const INTERNAL_ENUM = "the expected message leaves out `@internal` enum values (and legacy `tags: [\"internal\"]`); the resolved model carries no internal flag on enum values yet";
const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map(
  ["String", "TraitString", "List", "MapKey", "MapValue", "Union"].map((what) => [`RestJsonMalformedEnum${what}`, INTERNAL_ENUM]),
);

interface Case {
  readonly id: string;
  readonly operation: string;
  readonly errorType: string;
  readonly body?: string;
  readonly queryParams: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly contents?: string;
  /** One substitution per run: `$name:S` / `$name:L` → value. */
  readonly runs: readonly Readonly<Record<string, string>>[];
}

function loadCases(): { files: { path: string; text: string }[]; cases: Case[] } {
  const common = [
    ...listCorpus("smithy/trait-defs", (rel) => /\.(smithy|json)$/.test(rel)).map(source),
    ...listCorpus("smithy/framework", (rel) => /\.(smithy|json)$/.test(rel)).map(source),
    source("smithy/protocol-tests/aws/shared-types.smithy"),
  ];
  // The cases of every restJson1 test service are read (to count the ones skipped); the
  // validators are generated for the validation service alone.
  const files = [...common, ...listCorpus(VALIDATION_DIR + "/validation", (rel) => rel.endsWith(".smithy")).map(source)];
  const all = [...common, ...listCorpus(VALIDATION_DIR, (rel) => rel.endsWith(".smithy")).map(source)];
  const diags = new Diagnostics();
  const model = loadSmithy(all, diags);
  if (!model) throw new Error(diags.items.map((d) => `${d.file}:${d.line}: ${d.message}`).join("\n"));
  const cases: Case[] = [];
  for (const [id, shape] of [...model.shapes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const tests = shape.traits?.["smithy.test#httpMalformedRequestTests"];
    if (!Array.isArray(tests)) continue;
    for (const raw of tests) {
      const t = obj(raw);
      const request = obj(t["request"]);
      const response = obj(t["response"]);
      const params = obj(t["testParameters"] ?? {});
      const names = Object.keys(params);
      const count = names.length === 0 ? 1 : (params[names[0]!] as NodeValue[]).length;
      const runs = Array.from({ length: count }, (_, i) => Object.fromEntries(names.map((n) => [n, String((params[n] as NodeValue[])[i])])));
      const body = obj(response["body"] ?? {});
      const contents = obj(body["assertion"] ?? {})["contents"];
      cases.push({
        id: String(t["id"]),
        operation: id,
        errorType: String(obj(response["headers"] ?? {})["x-amzn-errortype"] ?? "(none)"),
        ...(typeof request["body"] === "string" ? { body: request["body"] } : {}),
        queryParams: ((request["queryParams"] ?? []) as NodeValue[]).map(String),
        headers: Object.fromEntries(Object.entries(obj(request["headers"] ?? {})).map(([k, v]) => [k.toLowerCase(), String(v)])),
        ...(typeof contents === "string" ? { contents } : {}),
        runs,
      });
    }
  }
  return { files, cases };
}

function obj(value: NodeValue | undefined): Record<string, NodeValue> {
  if (!isObjectNode(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * The templates are formatted as Smithy's code writer formats: `$value:S` → the value as a
 * JSON string literal, `$value:L` → the value as is, `$$` → `$` (in every case, parameterized
 * or not: the expected pattern `^[a-m]+$` is written `^[a-m]+$$`).
 */
function substitute(text: string, run: Readonly<Record<string, string>>): string {
  return text.replace(/\$\$|\$([A-Za-z0-9_]+):([SL])/g, (whole, name: string | undefined, kind: string | undefined) => {
    if (name === undefined) return "$";
    const value = run[name];
    if (value === undefined) throw new Error(`no test parameter ${name} for ${whole}`);
    return kind === "S" ? JSON.stringify(value) : value;
  });
}

/** A JSON value of the body as the generated code takes it: blobs as bytes, timestamps as Dates. */
function fromJson(model: ResolvedModel, shape: Shape, json: unknown, format?: string): unknown {
  if (json === null || json === undefined) return json;
  switch (shape.type) {
    case "blob":
      return typeof json === "string" ? new Uint8Array(Buffer.from(json, "base64")) : json;
    case "timestamp": {
      const f = format ?? shape.format ?? "epoch-seconds";
      if (typeof json === "number" && f === "epoch-seconds") return new Date(json * 1000);
      if (typeof json === "string" && f !== "epoch-seconds") return new Date(json);
      return json;
    }
    case "list":
      return Array.isArray(json) ? json.map((item) => fromJson(model, shapeOf(model, shape.member.target), item)) : json;
    case "map":
      if (typeof json !== "object" || Array.isArray(json)) return json;
      return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, fromJson(model, shapeOf(model, shape.value.target), v)]));
    case "structure":
    case "union": {
      if (typeof json !== "object" || Array.isArray(json)) return json;
      const out: Record<string, unknown> = {};
      const byWire = new Map(shape.members.map((m) => [m.jsonName ?? m.name, m]));
      for (const [k, v] of Object.entries(json)) {
        const m = byWire.get(k);
        out[m?.name ?? k] = m ? fromJson(model, shapeOf(model, m.target), v, m.timestampFormat) : v;
      }
      return out;
    }
    case "string":
    case "enum":
    case "intEnum":
    case "number":
    case "boolean":
    case "document":
    case "alternatives":
    case "unit":
      return json;
    default: {
      const never: never = shape;
      throw new Error(`unexpected shape ${String(never)}`);
    }
  }
}

/** A header or query string value as the member's target takes it (the validation cases bind strings). */
function fromText(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case "number":
    case "intEnum":
      return Number(text);
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    default:
      return text;
  }
}

/** The operation input that the HTTP request of a case carries. */
function inputOf(model: ResolvedModel, input: Shape, c: Case, run: Readonly<Record<string, string>>): unknown {
  if (input.type !== "structure") throw new Error(`input ${input.id} is not a structure`);
  const out: Record<string, unknown> = {};
  const body = c.body === undefined || c.body.trim() === "" ? {} : (JSON.parse(substitute(c.body, run)) as Record<string, unknown>);
  const query = new Map<string, string>();
  for (const q of c.queryParams) {
    const eq = q.indexOf("=");
    query.set(decodeURIComponent(eq < 0 ? q : q.slice(0, eq)), eq < 0 ? "" : decodeURIComponent(q.slice(eq + 1)));
  }
  const bodyMembers: Member[] = [];
  for (const m of input.members) {
    const target = shapeOf(model, m.target);
    const http = m.http;
    if (http === undefined || http.location === "body") {
      bodyMembers.push(m);
      continue;
    }
    switch (http.location) {
      case "query": {
        const value = query.get(http.name);
        if (value !== undefined) out[m.name] = fromText(target, value);
        break;
      }
      case "header": {
        const value = c.headers[http.name.toLowerCase()];
        if (value !== undefined) out[m.name] = fromText(target, value);
        break;
      }
      default:
        throw new Error(`${c.id}: the runner does not bind ${http.location} members`);
    }
  }
  const bodyValue = fromJson(model, { ...input, members: bodyMembers }, body) as Record<string, unknown>;
  return { ...bodyValue, ...out };
}

interface Outcome {
  readonly passed: number;
  readonly failed: string[];
  /** Reason → ids of the cases not run. */
  readonly skipped: Map<string, string[]>;
  /** Reason → labels of the runs that failed as expected. */
  readonly known: Map<string, string[]>;
}

let outcome: Outcome;

beforeAll(async () => {
  const { files, cases } = loadCases();
  const diags = new Diagnostics();
  const [model] = loadSmithyModels({ name: "restjson-validation", files }, diags);
  if (!model) throw new Error(diags.items.map((d) => d.message).join("\n"));
  const { validate } = await emitAndImport(model);
  const names = assignNames(model, new Diagnostics());
  let passed = 0;
  const failed: string[] = [];
  const skipped = new Map<string, string[]>();
  const skip = (reason: string, id: string) => skipped.set(reason, [...(skipped.get(reason) ?? []), id]);
  const known = new Map<string, string[]>();
  for (const id of [...KNOWN_SKIPS.keys(), ...KNOWN_FAILURES.keys()]) {
    if (!cases.some((c) => c.id === id)) failed.push(`${id}: listed as a known skip or failure, but no such case exists`);
  }
  for (const c of cases) {
    const skipReason = KNOWN_SKIPS.get(c.id);
    if (skipReason !== undefined) {
      skip(skipReason, c.id);
      continue;
    }
    if (c.errorType !== "ValidationException") {
      skip(`expects a ${c.errorType}: a deserializer's or content negotiation's failure, not constraint validation`, c.id);
      continue;
    }
    const op = model.operations.find((o) => o.id === c.operation);
    if (!op?.input || c.contents === undefined) {
      failed.push(`${c.id}: operation ${c.operation} has no input or the case no expected body`);
      continue;
    }
    const validator: Validator = validate(names.validator(op.input));
    for (const [i, run] of c.runs.entries()) {
      const label = c.runs.length > 1 ? `${c.id}[${i}]` : c.id;
      const expected = JSON.parse(substitute(c.contents, run)) as { message: string; fieldList: { message: string; path: string }[] };
      const got = validator(inputOf(model, shapeOf(model, op.input), c, run)).map((f: Failure) => ({ message: f.message, path: f.path }));
      const sort = (list: { message: string; path: string }[]) => [...list].sort((a, b) => (a.path + a.message < b.path + b.message ? -1 : 1));
      const n = got.length;
      const message = `${n} validation error${n === 1 ? "" : "s"} detected. ${got.map((f) => f.message).join("; ")}`;
      const ok = JSON.stringify(sort(got)) === JSON.stringify(sort(expected.fieldList)) && message === expected.message;
      const knownReason = KNOWN_FAILURES.get(c.id);
      if (knownReason !== undefined) {
        if (ok) failed.push(`${label}: listed as a known failure, but passes (remove it from KNOWN_FAILURES)`);
        else known.set(knownReason, [...(known.get(knownReason) ?? []), label]);
      } else if (ok) passed++;
      else failed.push(`${label}: expected ${JSON.stringify(expected.fieldList)}, got ${JSON.stringify(got)}`);
    }
  }
  outcome = { passed, failed, skipped, known };
  const count = (m: Map<string, string[]>) => [...m.values()].reduce((a, b) => a + b.length, 0);
  console.log(
    `restJson1 httpMalformedRequestTests: ${cases.length} cases; ValidationException runs: ${passed} passed, ` +
      `${failed.length} failed, ${count(known)} known failures; ${count(skipped)} cases skipped`,
  );
  for (const [reason, ids] of skipped) console.log(`  skipped ${ids.length}: ${reason}${ids.length <= 3 ? ` (${ids.join(", ")})` : ""}`);
  for (const [reason, labels] of known) console.log(`  known failure ${labels.length}: ${reason} (${labels.join(", ")})`);
  for (const f of failed) console.log(`  FAILED ${f}`);
}, 120_000);

describe("restJson1 httpMalformedRequestTests", () => {
  it("every ValidationException case gets exactly the expected failures", () => {
    expect(outcome.failed).toEqual([]);
    // The validation service has 85 such cases with 125 runs in all; a loader or runner that
    // silently finds fewer must not pass.
    expect(outcome.passed).toBeGreaterThanOrEqual(112);
  });

  it("runs the list member, map key and map value override cases (constraints on the member itself)", () => {
    const skippedIds = new Set([...outcome.skipped.values()].flat());
    for (const id of ["RestJsonMalformedPatternListOverride", "RestJsonMalformedPatternMapKeyOverride", "RestJsonMalformedPatternMapValueOverride"]) {
      expect(skippedIds.has(id)).toBe(false);
    }
  });
});
