// The bounded fuzz run of `npm test`: 2,000 mutated models from a fixed seed, in process through
// the pure core (formatting off), spread over Smithy IDL, JSON AST, OpenAPI YAML and JSON.
// Every case must end in output or in diagnostics; a crash fails the test with its case number,
// seed model, mutations and stack (rerun one with FUZZ_SEED/FUZZ_CASES, or `npm run fuzz`).
// FUZZ_SEED and FUZZ_CASES override the defaults.

import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../generator/cli/templates.js";
import { crashSignature, fuzzCase, loadSeeds, runCase, type SeedKind } from "./engine.js";

const SEED = Number(process.env["FUZZ_SEED"] ?? 20261130);
const CASES = Number(process.env["FUZZ_CASES"] ?? 2000);

describe("fuzz (bounded)", () => {
  it(`${CASES} mutated models from seed ${SEED}: output or diagnostics, never a crash`, async () => {
    const seeds = loadSeeds();
    const templates = loadTemplates();
    const byKind = new Map<SeedKind, { cases: number; output: number }>();
    const crashes: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = fuzzCase(seeds, SEED, i);
      const outcome = await runCase(c, templates);
      const tally = byKind.get(c.seed.kind) ?? { cases: 0, output: 0 };
      tally.cases++;
      if (outcome.kind === "output") tally.output++;
      byKind.set(c.seed.kind, tally);
      if (outcome.kind === "crash") {
        crashes.push(`case ${i} (${c.seed.origin}; ${c.mutations.join(", ")}): ${crashSignature(outcome)}\n${outcome.stack.split("\n").slice(0, 6).join("\n")}`);
      }
    }
    const spread = [...byKind].map(([kind, t]) => `${kind} ${t.cases} (${t.output} generated)`).join(", ");
    process.stdout.write(`fuzz: ${CASES} cases, ${crashes.length} crashes (seed ${SEED}; ${spread})\n`);
    // Every format is exercised, and mutations leave some models that still generate.
    expect([...byKind.keys()].sort()).toEqual(["idl", "json-ast", "openapi-json", "openapi-yaml"]);
    for (const [kind, t] of byKind) expect(t.output, kind).toBeGreaterThan(0);
    expect(crashes).toEqual([]);
  });
});
