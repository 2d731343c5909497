// What the two deserializer benches (deserializers.ts: JSON, xml-deserializers.ts: XML) share:
// one of our generated deserializers, generated in-process and imported, raced against the AWS
// SDK v3 client's own `deserializeResponse` on the same response, after checking both read the
// same value.
//
//   const ours = await generatedDeserializer(input, ".tmp/bench-x", "deserializeGetThingResponse");
//   const { ours: r, sdk: s } = await race(() => ours(response), () => sdkCall(), { warmup: 200, rounds: 7, batch: 300 });
//   → { ours: 2400, sdk: 900 }  (responses per second, median of the interleaved rounds)

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { generate } from "../generator/core.js";
import { loadPartitions } from "../generator/cli/partitions.js";
import { loadTemplates } from "../generator/cli/templates.js";

/** The SDK client's protocol object, as its deserialize middleware uses it. */
export interface SdkProtocol {
  deserializeResponse(op: unknown, context: unknown, response: unknown): Promise<Record<string, unknown>>;
}

export type Deserialize = (response: { status: number; headers: Record<string, string>; body: string | Uint8Array }) => unknown;

/** Generates the model (format off) into `out`, transpiles it, and imports the deserializer `name`. */
export async function generatedDeserializer(input: { name: string; files: { path: string; text: string }[] }, out: string, name: string): Promise<Deserialize> {
  // The partitions table the CLI reads by default: a model whose endpoint rules call aws.partition
  // (every AWS model) needs it to generate its folder at all.
  const partitions = loadPartitions(undefined, join(import.meta.dirname, ".."), []);
  const result = await generate([input], { readFile: () => undefined }, { templates: loadTemplates(), format: false, ...(partitions ? { partitions } : {}) });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`the model ${input.name} does not generate: ${errors[0]!.message}`);
  if (!result.files.has(`${input.name}/deserializers.ts`)) throw new Error(`the generated ${input.name} folder has no deserializers.ts`);
  rmSync(out, { recursive: true, force: true });
  for (const [path, content] of result.files) {
    if (!path.endsWith(".ts")) continue;
    const file = join(out, path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, (await transform(content, { loader: "ts", format: "esm", target: "node20" })).code);
  }
  const module = (await import(pathToFileURL(join(out, input.name, "deserializers.js")).href)) as Record<string, unknown>;
  const fn = module[name];
  if (typeof fn !== "function") throw new Error(`deserializers.ts exports no ${name}`);
  return fn as Deserialize;
}

/**
 * Warms both up, checks they read the same value (the SDK's `$metadata` aside), then times
 * `rounds` interleaved batches of each: the median responses per second of each.
 */
export async function race(
  mine: () => unknown,
  sdk: () => Promise<Record<string, unknown>>,
  { warmup, rounds, batch }: { readonly warmup: number; readonly rounds: number; readonly batch: number },
): Promise<{ ours: number; sdk: number }> {
  for (let i = 0; i < warmup; i++) {
    mine();
    await sdk();
  }
  const { $metadata: _metadata, ...sdkValue } = await sdk();
  const a = canonical(mine());
  const b = canonical(sdkValue);
  if (a !== b) {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    throw new Error(`our output and the SDK's differ at character ${at}: ours …${a.slice(Math.max(0, at - 80), at + 80)}… SDK …${b.slice(Math.max(0, at - 80), at + 80)}…`);
  }
  const oursRates: number[] = [];
  const sdkRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let start = performance.now();
    for (let i = 0; i < batch; i++) mine();
    oursRates.push(batch / ((performance.now() - start) / 1000));
    start = performance.now();
    for (let i = 0; i < batch; i++) await sdk();
    sdkRates.push(batch / ((performance.now() - start) / 1000));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { ours: median(oursRates), sdk: median(sdkRates) };
}

/** A value as comparable text: object keys sorted, Dates as ISO text, bytes as hex. */
function canonical(value: unknown): string {
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `bytes(${Buffer.from(value).toString("hex")})`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}
