// The generation cache (generator/cache.ts) as `--watch` uses it: a run with the cache gives the
// same files as a run without it, an unchanged model is not built again, a documentation edit
// formats only the file it changes, a change in a file read through the host is seen, and a
// failed run neither loses the cache nor returns stale files.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GenerationCache } from "../../generator/cache.js";
import { generate } from "../../generator/core.js";
import type { Host, ModelInput } from "../../generator/frontends.js";
import { loadTemplates } from "../../generator/cli/templates.js";

const templates = loadTemplates();
const cognito = readFileSync(new URL("../../models/cognito-identity-provider.smithy", import.meta.url), "utf8");
const noHost: Host = { readFile: () => undefined };
const DOC = "<p>The flow that signs the user in.";

function inputs(cognitoText: string, openapi: string): ModelInput[] {
  return [
    { name: "cognito", files: [{ path: "cognito.smithy", text: cognitoText }] },
    { name: "pets", files: [{ path: "pets.yaml", text: openapi }] },
  ];
}

const PETS = `openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, maxLength: 8 } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "./pet.yaml#/Pet" }
`;

function hostWith(pet: string): Host {
  return { readFile: (path) => (path.endsWith("pet.yaml") ? pet : undefined) };
}
const PET_A = "Pet:\n  type: object\n  properties:\n    name: { type: string }\n";
const PET_B = "Pet:\n  type: object\n  properties:\n    name: { type: string }\n    age: { type: integer }\n";

describe("the generation cache", () => {
  it("gives the same files as a run without it, and rebuilds only what changed", async () => {
    expect(cognito).toContain(DOC);
    const cache = new GenerationCache();
    const first = await generate(inputs(cognito, PETS), hostWith(PET_A), { templates, cache });
    expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(cache.stats).toMatchObject({ inputsReused: 0, inputsBuilt: 2 });
    const formattedFirst = cache.stats.filesFormatted;
    // Every file but those printed in the formatter's layout (types.ts, redact.ts: GenerateResult.final).
    expect(["cognito/types.ts", "pets/types.ts"].filter((p) => !first.final!.has(p))).toEqual([]);
    expect(formattedFirst).toBe(first.files.size - first.final!.size);

    // Nothing changed: both inputs are reused, nothing is formatted.
    const again = await generate(inputs(cognito, PETS), hostWith(PET_A), { templates, cache });
    expect(again.files).toEqual(first.files);
    expect(cache.stats).toEqual({ inputsReused: 2, inputsBuilt: 0, filesFormatted: 0, formatsReused: 0 });

    // A member's documentation: cognito is built again, and only types.ts changes; printed in the
    // formatter's layout, it is not formatted, and every other file's formatting is reused.
    const edited = cognito.replace(DOC, "<p>The flow that signs the user in, edited.");
    const afterEdit = await generate(inputs(edited, PETS), hostWith(PET_A), { templates, cache });
    const fresh = await generate(inputs(edited, PETS), hostWith(PET_A), { templates });
    expect(afterEdit.files).toEqual(fresh.files);
    const changed = [...afterEdit.files.keys()].filter((p) => afterEdit.files.get(p) !== first.files.get(p));
    expect(changed).toEqual(["cognito/types.ts"]);
    expect(cache.stats.inputsReused).toBe(1);
    expect(cache.stats.inputsBuilt).toBe(1);
    expect(cache.stats).toMatchObject({ filesFormatted: 0 });
    expect(cache.stats.formatsReused).toBe([...afterEdit.files.keys()].filter((p) => p.startsWith("cognito/") && !afterEdit.final!.has(p)).length);
  });

  it("sees a change in a file the front end read through the host", async () => {
    const cache = new GenerationCache();
    await generate(inputs(cognito, PETS), hostWith(PET_A), { templates, cache });
    const changed = await generate(inputs(cognito, PETS), hostWith(PET_B), { templates, cache });
    expect(cache.stats).toMatchObject({ inputsReused: 1, inputsBuilt: 1 });
    const fresh = await generate(inputs(cognito, PETS), hostWith(PET_B), { templates });
    expect(changed.files).toEqual(fresh.files);
    expect(changed.files.get("pets/types.ts")).toContain("age?: number");
  });

  it("keeps its entries through a failed run, and a failed run returns no files", async () => {
    const cache = new GenerationCache();
    const ok = await generate(inputs(cognito, PETS), hostWith(PET_A), { templates, cache });
    expect(cache.stats).toMatchObject({ inputsReused: 0, inputsBuilt: 2 });
    const missing = await generate(inputs(cognito, PETS), noHost, { templates, cache });
    expect(missing.files.size).toBe(0);
    expect(missing.diagnostics.some((d) => d.severity === "error")).toBe(true); // pet.yaml is missing
    const broken = await generate(inputs(cognito.replace("structure InitiateAuthRequest {", "structure InitiateAuthRequest {{"), PETS), hostWith(PET_A), {
      templates,
      cache,
    });
    expect(broken.files.size).toBe(0);
    expect(broken.diagnostics.some((d) => d.severity === "error")).toBe(true);
    const back = await generate(inputs(cognito, PETS), hostWith(PET_A), { templates, cache });
    expect(cache.stats).toEqual({ inputsReused: 2, inputsBuilt: 0, filesFormatted: 0, formatsReused: 0 });
    expect(back.files).toEqual(ok.files);
  });

  it("is keyed by the options too: another artifact set or no formatting is built anew", async () => {
    const cache = new GenerationCache();
    await generate(inputs(cognito, PETS), hostWith(PET_A), { templates, cache });
    const typesOnly = await generate(inputs(cognito, PETS), hostWith(PET_A), { templates, cache, artifacts: ["types"] });
    expect(cache.stats).toMatchObject({ inputsReused: 0, inputsBuilt: 2 });
    expect([...typesOnly.files.keys()].some((p) => p.endsWith("validators.ts"))).toBe(false);
    const raw = await generate(inputs(cognito, PETS), hostWith(PET_A), { templates, cache, format: false });
    expect(cache.stats).toMatchObject({ inputsReused: 0, inputsBuilt: 2, filesFormatted: 0 });
    expect(raw.files).toEqual((await generate(inputs(cognito, PETS), hostWith(PET_A), { templates, format: false })).files);
  });
});
