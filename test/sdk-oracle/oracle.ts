// Runs random valid inputs of one AWS service through our generated serializers and through the
// AWS SDK v3 client of the service, and sorts every difference: a listed one (a known SDK
// customization or documented divergence, with its reason) or an unexplained one.
//
//   await runOracle(DYNAMODB, { runs: 100, seed: 7 })
//   → { service: "dynamodb", inputs: 100, equal: 100, listed: Map {}, drift: [], unexplained: [], ... }
//
// Steps: generate the corpus model with the pure core (format off) into .tmp/sdk-oracle/<name>/,
// transpile it with esbuild and import serializers.js and validators.js; walk each operation's
// input in the resolved model beside the SDK's schema of it (@smithy/core/schema) — a member the
// SDK's model does not have (the corpus and the SDK were published on different days) is not
// generated and is reported as drift; draw `runs` inputs (round robin over the operations, fixed
// seed) from the arbitraries of arbitraries.ts, keeping only those our validator accepts; send
// each through both (capture.ts) with the same idempotency token; compare (wire.ts).

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { NormalizedSchema } from "@smithy/core/schema";
import { transform } from "esbuild";
import fc from "fast-check";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { corpusPartitions } from "../helpers/partitions.js";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadModels } from "../../generator/frontends.js";
import { shapeOf, type ResolvedModel, type ShapeId } from "../../generator/model/ir.js";
import { assignNames } from "../../generator/naming/names.js";
import { TMP, corpusFile } from "../helpers/paths.js";
import { modelArbitraries, type ArbitraryOptions } from "./arbitraries.js";
import { sdkCapture, type SdkRequest } from "./capture.js";
import type { KnownDifference } from "./known.js";
import { compareWire, type Difference, type OurRequest } from "./wire.js";

export const TOKEN = "00000000-0000-4000-8000-000000000000";

export interface ServiceSpec {
  /** Corpus name: ../shared/corpus/aws-smithy/<corpus>.json.gz */
  readonly corpus: string;
  readonly protocol: string;
  /** The SDK client package, e.g. `@aws-sdk/client-dynamodb`. */
  readonly sdkPackage: string;
  readonly load: () => Promise<Record<string, unknown>>;
  /** The client class the package exports, e.g. `DynamoDBClient`. */
  readonly client: string;
  /** Operation names (shape names), each with input. */
  readonly operations: readonly string[];
  readonly known: readonly KnownDifference[];
  /** Values to mix into a member's arbitrary (so a listed customization gets exercised). */
  readonly extraValues?: ArbitraryOptions["extraValues"];
}

export interface Unexplained {
  readonly operation: string;
  readonly input: unknown;
  readonly differences: readonly Difference[];
}

export interface OracleResult {
  readonly service: string;
  readonly protocol: string;
  readonly sdk: string;
  readonly operations: number;
  readonly inputs: number;
  /** Inputs that went on the wire the same, as given to both. */
  readonly equal: number;
  /** Inputs that went on the wire the same once every listed difference is accounted for. */
  readonly listedOnly: number;
  /**
   * Listed difference id → occurrences: inputs it adjusted, or wire differences it matched (every
   * listed id, also those that never occurred).
   */
  readonly listed: ReadonlyMap<string, number>;
  /** Members of our model not in the SDK's, not generated. */
  readonly drift: readonly string[];
  readonly unexplained: readonly Unexplained[];
  /** One pair per operation that went on the wire the same (for checks that the comparison can fail). */
  readonly samples: readonly { readonly operation: string; readonly ours: OurRequest; readonly sdk: SdkRequest }[];
}

export interface OracleOptions {
  readonly runs: number;
  readonly seed: number;
}

type Serializer = (input: unknown, options: { idempotencyToken: () => string }) => OurRequest;
type Validator = (value: unknown) => readonly unknown[];

interface Generated {
  readonly model: ResolvedModel;
  readonly serializers: Record<string, unknown>;
  readonly validators: Record<string, unknown>;
  readonly serializerName: (opId: ShapeId) => string;
  readonly validatorName: (id: ShapeId) => string;
}

async function generateService(name: string): Promise<Generated> {
  const input = { name, files: [{ path: `${name}.json`, text: gunzipSync(readFileSync(corpusFile(`aws-smithy/${name}.json.gz`))).toString("utf8") }] };
  const host = { readFile: () => undefined };
  const result = await generate([input], host, { templates: loadTemplates(), format: false, partitions: corpusPartitions() });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${name} does not generate: ${errors.map((d) => `${d.code}: ${d.message}`).join("; ")}`);
  const out = join(TMP, "sdk-oracle", name);
  rmSync(out, { recursive: true, force: true });
  for (const [path, content] of result.files) {
    const file = join(out, path.slice(path.indexOf("/") + 1));
    mkdirSync(dirname(file), { recursive: true });
    if (!file.endsWith(".ts")) continue;
    const js = await transform(content, { loader: "ts", format: "esm", target: "node20", sourcefile: file });
    writeFileSync(file.replace(/\.ts$/, ".js"), js.code);
  }
  const [model] = loadModels([input], host, new Diagnostics());
  if (!model) throw new Error(`${name}: no resolved model`);
  const names = assignNames(model, new Diagnostics());
  const serializers = (await import(pathToFileURL(join(out, "serializers.js")).href)) as Record<string, unknown>;
  const validators = (await import(pathToFileURL(join(out, "validators.js")).href)) as Record<string, unknown>;
  return { model, serializers, validators, serializerName: (id) => names.serializer(id), validatorName: (id) => names.validator(id) };
}

/**
 * Members of our input closure that the SDK's schema lacks, keyed `Structure$member`, found by
 * walking the resolved model beside the SDK's NormalizedSchema from the operation input down.
 */
function findDrift(model: ResolvedModel, inputId: ShapeId, sdkInput: NormalizedSchema, into: Map<string, string>, seen: Set<ShapeId>): void {
  const shape = shapeOf(model, inputId);
  switch (shape.type) {
    case "structure":
    case "union": {
      if (seen.has(shape.id)) return;
      seen.add(shape.id);
      const sdkMembers = new Map<string, NormalizedSchema>();
      for (const [name, member] of sdkInput.structIterator()) sdkMembers.set(name, member);
      for (const m of shape.members) {
        const theirs = sdkMembers.get(m.name);
        if (!theirs) into.set(`${shape.id}$${m.name}`, `${shape.name}.${m.name} is not in the SDK's model`);
        else findDrift(model, m.target, theirs, into, seen);
      }
      return;
    }
    case "list":
      findDrift(model, shape.member.target, sdkInput.getValueSchema(), into, seen);
      return;
    case "map":
      findDrift(model, shape.value.target, sdkInput.getValueSchema(), into, seen);
      return;
    default:
      return;
  }
}

export async function runOracle(spec: ServiceSpec, options: OracleOptions): Promise<OracleResult> {
  const generated = await generateService(spec.corpus);
  process.env["AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING"] = "1"; // the SDK's notice about Node 20, once per import
  const module = await spec.load();
  const version = (createRequire(import.meta.url)(`${spec.sdkPackage}/package.json`) as { version: string }).version;
  const sdk = sdkCapture(module, spec.client);
  const { model } = generated;

  const drift = new Map<string, string>();
  const plans = spec.operations.map((name) => {
    const op = model.operations.find((o) => o.name === name);
    if (!op?.input) throw new Error(`${spec.corpus}: no operation ${name} with input in the corpus model`);
    const opSchema = module[`${name}$`] as unknown[] | undefined;
    if (!Array.isArray(opSchema)) throw new Error(`${spec.sdkPackage} exports no schema ${name}$`);
    findDrift(model, op.input, NormalizedSchema.of(opSchema[4] as Parameters<typeof NormalizedSchema.of>[0]), drift, new Set());
    const serialize = generated.serializers[generated.serializerName(op.id)] as Serializer | undefined;
    const validate = generated.validators[generated.validatorName(op.input)] as Validator | undefined;
    if (typeof serialize !== "function") throw new Error(`${spec.corpus}: serializers.ts exports no ${generated.serializerName(op.id)}`);
    if (typeof validate !== "function") throw new Error(`${spec.corpus}: validators.ts exports no ${generated.validatorName(op.input)}`);
    return { name, inputId: op.input, serialize, validate };
  });

  const arbitraries = modelArbitraries(model, {
    omit: (structure, member) => drift.get(`${structure}$${member}`),
    ...(spec.extraValues ? { extraValues: spec.extraValues } : {}),
  });
  const listed = new Map<string, number>(spec.known.map((k) => [k.id, 0]));
  const unexplained: Unexplained[] = [];
  const samples: { operation: string; ours: OurRequest; sdk: SdkRequest }[] = [];
  let inputs = 0;
  let equal = 0;
  let listedOnly = 0;
  try {
    for (const [i, plan] of plans.entries()) {
      const count = Math.floor(options.runs / plans.length) + (i < options.runs % plans.length ? 1 : 0);
      if (count === 0) continue;
      // Generate, then keep what our validator accepts (constraints the arbitraries do not express).
      const candidates = fc.sample(arbitraries.input(plan.inputId), { seed: options.seed + i, numRuns: count * 4 });
      const drawn = candidates.filter((v) => plan.validate(v).length === 0).slice(0, count);
      if (drawn.length < count) {
        const why = candidates.map((v) => plan.validate(v)).find((f) => f.length > 0);
        throw new Error(`${spec.corpus} ${plan.name}: only ${drawn.length} of ${candidates.length} generated inputs are valid; first failure: ${JSON.stringify(why)}`);
      }
      for (const input of drawn) {
        inputs++;
        let sdkInput: Readonly<Record<string, unknown>> = input;
        let adjusted = false;
        for (const known of spec.known) {
          const next = known.sdkInput?.(model, plan.inputId, plan.name, sdkInput);
          if (next === undefined) continue;
          listed.set(known.id, (listed.get(known.id) ?? 0) + 1);
          sdkInput = next;
          adjusted = true;
        }
        const ours = plan.serialize(input, { idempotencyToken: () => TOKEN });
        const theirs = await sdk.send(plan.name, structuredClone(sdkInput), TOKEN);
        const differences = compareWire(ours, theirs);
        if (differences.length === 0) {
          if (adjusted) listedOnly++;
          else equal++;
          if (!samples.some((p) => p.operation === plan.name)) samples.push({ operation: plan.name, ours, sdk: theirs });
          continue;
        }
        const unknown: Difference[] = [];
        for (const d of differences) {
          const known = spec.known.find((k) => k.matches?.(d, plan.name, input, ours, theirs));
          if (known) listed.set(known.id, (listed.get(known.id) ?? 0) + 1);
          else unknown.push(d);
        }
        if (unknown.length === 0) listedOnly++;
        else unexplained.push({ operation: plan.name, input, differences: unknown });
      }
    }
  } finally {
    sdk.destroy();
  }
  return {
    service: spec.corpus,
    protocol: spec.protocol,
    sdk: `${spec.sdkPackage}@${version}`,
    operations: plans.length,
    inputs,
    equal,
    listedOnly,
    listed,
    drift: [...drift.values()].sort(),
    unexplained,
    samples,
  };
}

/** An input as readable text: Dates as ISO strings, bytes as base64. */
export function showInput(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return `Date(${raw.toISOString()})`;
    if (raw instanceof Uint8Array) return `bytes(${Buffer.from(raw).toString("base64")})`;
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    return v;
  });
}
