// Growth of generation time with the depth of a chain of shapes: a valid model whose structures
// refer one to the next (S0 → S1 → … → S(n-1), each its own shape, each with a sensitive
// constrained string beside the link), and the same chain made of lists, generated in-process
// (loaded, emitted, formatted) at two depths. The figure is the ratio of the two CPU times for
// 4× the depth: 4× is linear, 16× quadratic (two passes were: 51 s for 20,000 structures).
//
//   await benchChains() → ["chains (in-process, formatted; CPU, min of 2 rounds): structures 5,000: 0.61 s,
//                            20,000: 2.50 s → 4.1× for 4× the depth (linear 4×, quadratic 16×)",
//                           "chains ...: lists 5,000: ... → ...×"]
//
// BENCH_CHAIN_SIZES=a,b picks the two depths (default 5000,20000), BENCH_CHAIN_ROUNDS the rounds
// (interleaved; the fastest of each is kept: noise on a shared machine only adds time).

import { generate } from "../generator/core.js";
import { loadTemplates } from "../generator/cli/templates.js";

type Kind = "structures" | "lists";

/** A Smithy JSON AST model: restJson1, one operation whose input and output are the chain's head. */
export function chainModel(kind: Kind, n: number): string {
  const secret = { type: "string", traits: { "smithy.api#sensitive": {}, "smithy.api#length": { min: 1 } } };
  const shapes: Record<string, unknown> = {
    "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Op" }], traits: { "aws.protocols#restJson1": {} } },
    "ex#Op": { type: "operation", input: { target: "ex#S0" }, output: { target: "ex#S0" }, traits: { "smithy.api#http": { method: "POST", uri: "/x" } } },
    "ex#Secret": secret,
  };
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `ex#S${i + 1}` : "ex#Secret";
    if (kind === "structures") shapes[`ex#S${i}`] = { type: "structure", members: { next: { target: next }, s: { target: "ex#Secret" } } };
    else shapes[`ex#S${i}`] = i === 0 ? { type: "structure", members: { l: { target: next } } } : { type: "list", member: { target: next } };
  }
  return JSON.stringify({ smithy: "2.0", shapes });
}

/** CPU seconds (user + system, every thread of the process) of one in-process generation. */
async function cpuOf(text: string, templates: ReturnType<typeof loadTemplates>): Promise<number> {
  const start = process.cpuUsage();
  const result = await generate([{ name: "chain", files: [{ path: "chain.json", text }] }], { readFile: () => undefined }, { templates });
  const used = process.cpuUsage(start);
  if (result.diagnostics.some((d) => d.severity === "error")) throw new Error(`the chain model failed: ${result.diagnostics[0]?.message}`);
  return (used.user + used.system) / 1e6;
}

export async function benchChains(): Promise<string[]> {
  const [small, big] = (process.env["BENCH_CHAIN_SIZES"] ?? "5000,20000").split(",").map(Number) as [number, number];
  const rounds = Number(process.env["BENCH_CHAIN_ROUNDS"] ?? 2);
  const templates = loadTemplates();
  await cpuOf(chainModel("structures", 500), templates); // warm-up (the JIT)
  const lines: string[] = [];
  for (const kind of ["structures", "lists"] as const) {
    const texts = [chainModel(kind, small), chainModel(kind, big)] as const;
    const best = [Infinity, Infinity];
    for (let r = 0; r < rounds; r++) for (const i of [0, 1]) best[i] = Math.min(best[i]!, await cpuOf(texts[i]!, templates));
    const [a, b] = best as [number, number];
    lines.push(
      `chains (in-process, formatted; CPU, min of ${rounds} rounds): ${kind} ${small.toLocaleString("en-US")}: ${a.toFixed(2)} s, ${big.toLocaleString("en-US")}: ${b.toFixed(2)} s → ${(b / a).toFixed(1)}× for ${(big / small).toFixed(0)}× the depth (linear ${(big / small).toFixed(0)}×, quadratic ${((big / small) ** 2).toFixed(0)}×)`,
    );
  }
  return lines;
}
