// One fixture per mapping rule of the OpenAPI front end, each compared whole as a resolved-model
// snapshot (test/openapi/__snapshots__/model/<fixture>.json), with no diagnostics expected
// beyond the ones listed.

import { describe, expect, it } from "vitest";
import { loadFixture, modelJson, problems } from "./helpers.js";

const CASES: readonly { fixture: string; rule: string; warnings?: readonly string[] }[] = [
  { fixture: "objects.yaml", rule: "objects, required, additionalProperties maps, readOnly/writeOnly, defaults, deprecated, docs" },
  { fixture: "arrays-enums.yaml", rule: "arrays with item constraints, string and integer enums, x-enum-varnames, null in an enum" },
  { fixture: "unions.yaml", rule: "oneOf/anyOf with and without discriminator, properties beside oneOf, nullable oneOf of one" },
  { fixture: "allof.yaml", rule: "allOf merged (the base's discriminator stays with the base), allOf wrappers" },
  { fixture: "openapi31.yaml", rule: "3.1: type arrays with null, numeric exclusive bounds, const, $ref siblings, propertyNames, $defs" },
  { fixture: "formats.yaml", rule: "formats: date-time, date, byte, binary, int32, int64, float, double, password" },
  { fixture: "constraints.yaml", rule: "every constraint, 3.0 boolean exclusive bounds" },
  { fixture: "recursive.yaml", rule: "recursive and mutually recursive schemas, recursion through allOf and oneOf" },
  { fixture: "params.yaml", rule: "parameters: every style and explode, path-item parameters, constant and ignored headers, a path variable without parameter", warnings: ["OPENAPI_MISSING_PATH_PARAMETER"] },
  { fixture: "bodies.yaml", rule: "request bodies: JSON spread, payloads, form, octet-stream, text, multipart", warnings: [] },
  { fixture: "naming.yaml", rule: "deterministic names of inline schemas and of operations without operationId" },
];

describe("OpenAPI → resolved model", () => {
  for (const { fixture, rule, warnings = [] } of CASES) {
    it(`${fixture}: ${rule}`, async () => {
      const loaded = loadFixture(fixture);
      expect(problems(loaded).map((d) => d.code)).toEqual(warnings);
      await expect(modelJson(loaded.model)).toMatchFileSnapshot(`__snapshots__/model/${fixture.replace(/\.yaml$/, "")}.json`);
    });
  }

  it("gives the same model whatever the key order of the document", () => {
    for (const { fixture } of CASES) {
      const loaded = loadFixture(fixture);
      const shuffled = loadShuffled(fixture);
      expect(modelJson(shuffled.model), fixture).toBe(modelJson(loaded.model));
    }
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { FIXTURES, load } from "./helpers.js";

/** The fixture with the keys of `paths`, `components.*` and each path item reversed. */
function loadShuffled(fixture: string) {
  const doc = parse(readFileSync(join(FIXTURES, fixture), "utf8")) as Record<string, Record<string, Record<string, unknown>>>;
  const reverse = (o: Record<string, unknown> | undefined) => (o ? Object.fromEntries(Object.entries(o).reverse()) : o);
  const paths = reverse(doc["paths"]) as Record<string, Record<string, unknown>> | undefined;
  const components = doc["components"] ? Object.fromEntries(Object.entries(doc["components"]).map(([k, v]) => [k, reverse(v as Record<string, unknown>)])) : undefined;
  const shuffled = {
    ...reverse(doc as Record<string, unknown>),
    ...(paths ? { paths: Object.fromEntries(Object.entries(paths).map(([p, item]) => [p, reverse(item)])) } : {}),
    ...(components ? { components } : {}),
  };
  return load([{ path: `test/openapi/fixtures/${fixture}`, text: stringify(shuffled) }], fixture.replace(/\.yaml$/, ""));
}
