// Equivalence of the two descriptions of one AWS service: the Smithy JSON AST and the AWS JSON
// service description (botocore) each go through their own front end and the pure core; the
// generated code of both is bundled with esbuild and imported; random inputs (fast-check,
// derived from the Smithy resolved model, bounded sizes, seeded) must give the same wire request
// from both serializers and the same validator verdicts, valid and with one constraint broken.
//
//   await compareService({ name: "acm", smithy: ".../aws-smithy/acm.json.gz", botocore: ".../acm-2015-12-08.normal.json.gz" })
//   → { name: "acm", protocol: "aws.protocols#awsJson1_1", operations: 15, compared: 15, requests: 150,
//       brokenChecked: 140, differences: ["shape CertificateBody: constraints ... (smithy) vs ... (botocore)", ...],
//       mismatches: [] }
//
// Members and shapes where the descriptions differ (pair.ts) are left out of the inputs and
// listed as differences instead; a mismatch is a request or verdict that differs anyway.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { isDeepStrictEqual } from "node:util";
import { build } from "esbuild";
import fc from "fast-check";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { corpusPartitions } from "../helpers/partitions.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadModels } from "../../generator/frontends.js";
import { assignNames } from "../../generator/naming/names.js";
import type { Member, ResolvedModel, Shape } from "../../generator/model/ir.js";
import { writeTree } from "../helpers/generate.js";
import { pairModels, type Pairing } from "./pair.js";
import { numberText } from "../../generator/model/decimal.js";

export interface ServiceSpec {
  readonly name: string;
  /** Smithy JSON AST or IDL (`.json`, `.json.gz`, `.smithy`). */
  readonly smithy: string;
  readonly botocore: string;
}

export interface ServiceReport {
  readonly name: string;
  readonly protocol: string;
  readonly operations: number;
  /** Operations whose requests were compared. */
  readonly compared: number;
  readonly requests: number;
  readonly brokenChecked: number;
  readonly differences: readonly string[];
  readonly mismatches: readonly string[];
}

type Module = Record<string, (...args: unknown[]) => unknown>;

function readText(path: string): string {
  const data = readFileSync(path);
  return path.endsWith(".gz") ? gunzipSync(data).toString("utf8") : data.toString("utf8");
}

async function loadSide(label: string, path: string): Promise<{ model: ResolvedModel; mod: Module; names: ReturnType<typeof assignNames> }> {
  const file = path.replace(/\.gz$/, "").replace(/^.*\//, "");
  const inputs = [{ name: label, files: [{ path: file, text: readText(path) }] }];
  const diags = new Diagnostics();
  const model = loadModels(inputs, { readFile: () => undefined }, diags)[0];
  if (!model || diags.hasErrors) throw new Error(`${path} does not load: ${JSON.stringify(diags.items.filter((d) => d.severity === "error").slice(0, 3))}`);
  const result = await generate(inputs, { readFile: () => undefined }, { templates: loadTemplates(), format: false, partitions: corpusPartitions() });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${path} does not generate: ${JSON.stringify(errors.slice(0, 3))}`);
  const dir = writeTree(result.files, label);
  const outfile = join(dir, `${label}.mjs`);
  await build({ entryPoints: [join(dir, label, "index.ts")], bundle: true, format: "esm", platform: "node", outfile, logLevel: "silent" });
  const mod = (await import(pathToFileURL(outfile).href)) as Module;
  return { model, mod, names: assignNames(model, new Diagnostics()) };
}

export async function compareService(spec: ServiceSpec, options: { samples: number; seed: number }): Promise<ServiceReport> {
  const a = await loadSide(`${spec.name}-smithy`, spec.smithy);
  const b = await loadSide(`${spec.name}-botocore`, spec.botocore);
  const pairing = pairModels(a.model, b.model);
  const mismatches: string[] = [];
  let compared = 0;
  let requests = 0;
  let brokenChecked = 0;
  const token = () => "00000000-0000-4000-8000-000000000000";
  for (const [index, opName] of pairing.operations.entries()) {
    const x = a.model.operations.find((o) => o.name === opName)!;
    const y = b.model.operations.find((o) => o.name === opName)!;
    const serializeA = a.mod[a.names.serializer(x.id)];
    const serializeB = b.mod[b.names.serializer(y.id)];
    if (!serializeA || !serializeB) {
      mismatches.push(`${opName}: serializer missing (${serializeA ? "botocore" : "smithy"})`);
      continue;
    }
    if (pairing.skipOperations.has(opName)) continue;
    compared++;
    const validateA = x.input ? a.mod[a.names.validator(x.input)] : undefined;
    const validateB = y.input ? b.mod[b.names.validator(y.input)] : undefined;
    const keep = (path: string) => !explained(a.model, pairing, x.input!, path);
    const inputs: unknown[] = x.input ? fc.sample(arbitraryOf(a.model, pairing, x.input, 0), { numRuns: options.samples, seed: options.seed + index }) : [undefined];
    for (const [n, input] of inputs.entries()) {
      requests++;
      const wa = wire(() => serializeA(input, { idempotencyToken: token }));
      const wb = wire(() => serializeB(input, { idempotencyToken: token }));
      if (!isDeepStrictEqual(wa, wb)) {
        mismatches.push(`${opName}: requests differ for ${show(input)}:\n    smithy   ${show(wa)}\n    botocore ${show(wb)}`);
        break;
      }
      if (!validateA || !validateB) continue;
      const va = verdict(validateA(input), keep);
      const vb = verdict(validateB(input), keep);
      if (!isDeepStrictEqual(va, vb)) {
        mismatches.push(`${opName}: verdicts differ for ${show(input)}: smithy ${show(va)}, botocore ${show(vb)}`);
        break;
      }
      const broken = breakOne(a.model, pairing, x.input!, input, n);
      if (broken === undefined) continue;
      brokenChecked++;
      const ba = verdict(validateA(broken.value), keep);
      const bb = verdict(validateB(broken.value), keep);
      if (ba.length === 0 || !isDeepStrictEqual(ba, bb)) {
        mismatches.push(`${opName}: ${broken.what}: smithy ${show(ba)}, botocore ${show(bb)}`);
        break;
      }
    }
  }
  return {
    name: spec.name,
    protocol: a.model.service.protocols[0]?.id ?? "none",
    operations: pairing.operations.length,
    compared,
    requests,
    brokenChecked,
    differences: pairing.differences,
    mismatches,
  };
}

function show(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `bytes(${Array.from(v).join(",")})` : v));
  return text === undefined ? "undefined" : text.length > 600 ? text.slice(0, 600) + "…" : text;
}

/** A request in a form where the order of JSON keys, form fields, query parameters and headers does not count. */
function wire(serialize: () => unknown): unknown {
  let request: Record<string, unknown>;
  try {
    request = serialize() as Record<string, unknown>;
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) };
  }
  const headers = request["headers"] as Record<string, string>;
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "";
  let body = request["body"];
  if (typeof body === "string" && /json/.test(type)) body = JSON.parse(body) as unknown;
  else if (typeof body === "string" && /x-www-form-urlencoded/.test(type)) body = body.split("&").sort();
  else if (body instanceof Uint8Array) body = Array.from(body);
  return {
    method: request["method"],
    path: request["path"],
    query: [...(request["query"] as string[])].sort(),
    headers: Object.entries(headers).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)),
    body,
    hostPrefix: request["hostPrefix"],
    endpoint: request["endpoint"],
  };
}

/** The failures of a validator not explained by a listed difference, as `path constraint`. */
function verdict(failures: unknown, keep: (path: string) => boolean): string[] {
  return (failures as { path: string; constraint: string }[]).filter((f) => keep(f.path)).map((f) => `${f.path} ${f.constraint}`).sort();
}

// --- random inputs ------------------------------------------------------------------------------

const MAX_DEPTH = 5;

function generated(pairing: Pairing, shape: Shape, m: Member): boolean {
  const id = `${shape.id}$${m.name}`;
  if (pairing.skip.has(id) || pairing.wireBlocked.has(m.target)) return false;
  return pairing.force.has(id) || !pairing.badShapes.has(m.target);
}

/**
 * Whether a validator failure at `path` (e.g. `/Items/0/Name`) is explained by a listed
 * difference: the path passes through a member that differs, or ends in a shape that does.
 */
function explained(model: ResolvedModel, pairing: Pairing, inputId: string, path: string): boolean {
  let shape = model.shapes.get(inputId);
  if (pairing.badShapes.has(inputId) || pairing.wireBlocked.has(inputId)) return true;
  for (const segment of path.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))) {
    if (!shape) return false;
    let next: string | undefined;
    if (shape.type === "structure" || shape.type === "union") {
      const m = shape.members.find((x) => x.name === segment);
      if (!m) return pairing.skip.has(`${shape.id}$${segment}`);
      const id = `${shape.id}$${m.name}`;
      if (pairing.skip.has(id) || pairing.force.has(id) || pairing.loose.has(id)) return true;
      next = m.target;
    } else if (shape.type === "list") next = shape.member.target;
    else if (shape.type === "map") next = shape.value.target;
    else return false;
    if (pairing.badShapes.has(next) || pairing.wireBlocked.has(next)) return true;
    shape = model.shapes.get(next);
  }
  return false;
}

/** Values of a shape of the Smithy model, honouring its constraints where that is cheap. */
export function arbitraryOf(model: ResolvedModel, pairing: Pairing, id: string, depth: number): fc.Arbitrary<unknown> {
  const shape = model.shapes.get(id)!;
  const c = shape.constraints;
  const len = (cap: number) => ({ minLength: Math.min(c.length?.min ?? 0, cap), maxLength: Math.max(Math.min(c.length?.max ?? cap, cap), Math.min(c.length?.min ?? 0, cap)) });
  switch (shape.type) {
    case "unit":
      return fc.constant({});
    case "string": {
      if (c.pattern !== undefined) {
        try {
          return fc.stringMatching(new RegExp(c.pattern), { size: "xsmall" });
        } catch {
          // not an ECMAScript pattern (PATTERN_INVALID): plain strings
        }
      }
      return fc.string(len(12));
    }
    case "enum":
      return fc.constantFrom(...(pairing.enums.get(id) ?? shape.values.map((v) => v.value)));
    case "intEnum":
      return fc.constantFrom(...shape.values.map((v) => v.value));
    case "number": {
      const min = Math.max(c.range?.min ?? -1000, -1e6);
      const max = Math.min(c.range?.max ?? 1000, 1e6);
      const lo = Math.min(min, max);
      if (["float", "double", "bigDecimal"].includes(shape.kind)) {
        const d = fc.double({ min: lo, max, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
        // bigDecimal values are their decimal text (CONTRACT.md).
        return shape.kind === "bigDecimal" ? d.map(numberText) : d;
      }
      if (shape.kind === "bigInteger") return fc.integer({ min: Math.ceil(lo), max: Math.floor(max) }).map((v) => BigInt(v));
      return fc.integer({ min: Math.ceil(lo), max: Math.floor(max) });
    }
    case "boolean":
      return fc.boolean();
    case "blob":
      return fc.uint8Array(len(8));
    case "timestamp":
      return fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms));
    case "document":
      return fc.jsonValue({ maxDepth: 2 });
    case "list": {
      if (depth > MAX_DEPTH || pairing.badShapes.has(shape.member.target) || pairing.wireBlocked.has(shape.member.target)) return fc.constant([]);
      return fc.array(arbitraryOf(model, pairing, shape.member.target, depth + 1), len(3));
    }
    case "map": {
      if (depth > MAX_DEPTH || pairing.badShapes.has(shape.value.target) || pairing.badShapes.has(shape.key.target) || pairing.wireBlocked.has(shape.value.target)) return fc.constant({});
      const key = arbitraryOf(model, pairing, shape.key.target, depth + 1) as fc.Arbitrary<string>;
      return fc.dictionary(key, arbitraryOf(model, pairing, shape.value.target, depth + 1), { minKeys: Math.min(c.length?.min ?? 0, 2), maxKeys: Math.min(c.length?.max ?? 3, 3) });
    }
    case "structure": {
      const members = shape.members.filter((m) => generated(pairing, shape, m) && (depth <= MAX_DEPTH || m.required || pairing.force.has(`${shape.id}$${m.name}`)));
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const m of members) record[m.name] = arbitraryOf(model, pairing, m.target, depth + 1);
      const requiredKeys = members.filter((m) => m.required || pairing.force.has(`${shape.id}$${m.name}`)).map((m) => m.name);
      return fc.record(record, { requiredKeys });
    }
    case "union": {
      const members = shape.members.filter((m) => generated(pairing, shape, m));
      if (members.length === 0 || depth > MAX_DEPTH + 2) return fc.constant(undefined);
      return fc.oneof(...members.map((m) => arbitraryOf(model, pairing, m.target, depth + 1).map((v) => ({ [m.name]: v }))));
    }
    case "alternatives":
      return fc.constant(undefined);
    default: {
      const never: never = shape;
      throw new Error(`unknown shape ${String(never)}`);
    }
  }
}

/** One constraint of the input broken at a place where both descriptions agree, or none found. */
function breakOne(model: ResolvedModel, pairing: Pairing, id: string, value: unknown, n: number): { value: unknown; what: string } | undefined {
  const candidates: { what: string; apply: (root: unknown) => unknown }[] = [];
  const walk = (shapeId: string, v: unknown, path: (string | number)[], set: (root: unknown, nv: unknown) => unknown) => {
    const shape = model.shapes.get(shapeId)!;
    if (pairing.badShapes.has(shapeId) || v === undefined || v === null) return;
    const c = shape.constraints;
    const where = "/" + path.join("/");
    if ((shape.type === "string" || shape.type === "enum") && typeof v === "string") {
      if (c.length?.max !== undefined && c.length.max < 5000) candidates.push({ what: `${where} longer than ${c.length.max}`, apply: (r) => set(r, "a".repeat(c.length!.max! + 1)) });
      if (c.length?.min !== undefined && c.length.min > 0) candidates.push({ what: `${where} shorter than ${c.length.min}`, apply: (r) => set(r, "") });
      if (shape.type === "enum") candidates.push({ what: `${where} not an enum value`, apply: (r) => set(r, "NOT-AN-ENUM-VALUE") });
    }
    if (shape.type === "number" && typeof v === "number") {
      if (c.range?.max !== undefined) candidates.push({ what: `${where} above ${c.range.max}`, apply: (r) => set(r, c.range!.max! + 1) });
      if (c.range?.min !== undefined) candidates.push({ what: `${where} below ${c.range.min}`, apply: (r) => set(r, c.range!.min! - 1) });
    }
    if (shape.type === "list" && Array.isArray(v)) {
      if (c.length?.max !== undefined && c.length.max < 200 && v.length > 0) candidates.push({ what: `${where} more than ${c.length.max} items`, apply: (r) => set(r, Array.from({ length: c.length!.max! + 1 }, () => v[0])) });
      v.forEach((item, i) => walk(shape.member.target, item, [...path, i], (r, nv) => set(r, v.map((old, j) => (j === i ? nv : old)))));
    }
    if (shape.type === "structure" && typeof v === "object") {
      const obj = v as Record<string, unknown>;
      for (const m of shape.members) {
        const mid = `${shape.id}$${m.name}`;
        if (!generated(pairing, shape, m) || pairing.force.has(mid) || pairing.loose.has(mid)) continue;
        if (m.required && m.name in obj) {
          candidates.push({ what: `${where}/${m.name} (required) left out`, apply: (r) => set(r, Object.fromEntries(Object.entries(obj).filter(([k]) => k !== m.name))) });
        }
        if (m.name in obj) walk(m.target, obj[m.name], [...path, m.name], (r, nv) => set(r, { ...obj, [m.name]: nv }));
      }
    }
  };
  walk(id, value, [], (_root, nv) => nv);
  if (candidates.length === 0) return undefined;
  const pick = candidates[(n * 7919) % candidates.length]!;
  return { value: pick.apply(value), what: pick.what };
}
