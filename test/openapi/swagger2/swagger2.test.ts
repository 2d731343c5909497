// Swagger 2.0 input (issue 10 part 4), on documents we wrote (fixtures/): each converts to the
// OpenAPI 3.0 document compared whole with its golden (__snapshots__/<name>.openapi.yaml); the
// resolved model read from the 2.0 document equals the one read from that 3.0 document as a
// plain OpenAPI 3 input (so Swagger 2.0 is "the same model"); the warnings are exactly the
// expected ones at their 2.0 places; every generated folder type-checks strictly, and the
// petstore's files are compared whole; `shapesmith generate api.yaml` takes a 2.0 document.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { Diagnostics } from "../../../generator/diagnostics.js";
import { Documents } from "../../../generator/openapi/documents.js";
import { convertSwagger2 } from "../../../generator/openapi/swagger2.js";
import { SWAGGER2_FIXTURES, swagger2Files } from "./fixtures.js";
import { typecheckFolder } from "../../helpers/typecheck.js";
import { makeProject, removeProject, runCli, treeHash } from "../../cli/helpers.js";
import { generateToTemp, load, modelJson, repoHost } from "../helpers.js";


/** The 3.0 document a 2.0 fixture converts to (and the diagnostics of the conversion). */
function converted(name: string): { document: Record<string, unknown>; diagnostics: Diagnostics } {
  const diagnostics = new Diagnostics();
  const files = swagger2Files(name);
  const docs = new Documents(files, repoHost, diagnostics);
  return { document: convertSwagger2(docs, docs.root(files[0]!.path)!).document, diagnostics };
}

const base = (name: string) => name.replace(/\.yaml$/, "");

describe("Swagger 2.0 documents convert to OpenAPI 3.0", () => {
  for (const fixture of SWAGGER2_FIXTURES) {
    it(`${fixture}: the converted 3.0 document, whole`, async () => {
      const { document, diagnostics } = converted(fixture);
      expect(diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
      await expect(stringify(document, { lineWidth: 0 })).toMatchFileSnapshot(`__snapshots__/${base(fixture)}.openapi.yaml`);
    });

    it(`${fixture}: the same resolved model as its 3.0 form read as OpenAPI 3`, () => {
      const files = swagger2Files(fixture);
      const from2 = load(files, base(fixture));
      const path = files[0]!.path.replace(/\.yaml$/, ".converted.json");
      const from3 = load([{ path, text: JSON.stringify(converted(fixture).document) }], base(fixture));
      expect(from2.model).toBeDefined();
      expect(from3.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(from2.model!.sources).toEqual([files[0]!.path]);
      expect(modelJson({ ...from2.model!, sources: [] })).toBe(modelJson({ ...from3.model!, sources: [] }));
    });
  }

  it("warnings name the 2.0 place: tsv anywhere, ssv and pipes in paths and headers", () => {
    const warnings = (name: string) => load(swagger2Files(name)).diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.pointer} ${d.message}`);
    expect(warnings("petstore.yaml")).toEqual([]);
    expect(warnings("security.yaml")).toEqual([]);
    expect(warnings("collection-formats.yaml")).toEqual([
      "warning SWAGGER2_COLLECTION_FORMAT 15:73 /paths/~1query/get/parameters/3/collectionFormat `collectionFormat: tsv` (tab-separated) has no OpenAPI 3 style; the values are sent comma-separated (csv) instead",
      "warning SWAGGER2_COLLECTION_FORMAT 26:89 /paths/~1path~1{ids}~1{tags}/get/parameters/1/collectionFormat `collectionFormat: pipes` has no OpenAPI 3 style for a path parameter; it is sent comma-separated (csv)",
      "warning SWAGGER2_COLLECTION_FORMAT 28:78 /paths/~1path~1{ids}~1{tags}/get/parameters/3/collectionFormat `collectionFormat: ssv` has no OpenAPI 3 style for a header parameter; it is sent comma-separated (csv)",
      "warning SWAGGER2_COLLECTION_FORMAT 40:76 /paths/~1form/post/parameters/4/collectionFormat `collectionFormat: tsv` (tab-separated) has no OpenAPI 3 style; the values are sent comma-separated (csv) instead",
    ]);
  });

  it("JSON input and an unquoted `swagger: 2.0` (a YAML number) read the same", () => {
    const [file] = swagger2Files("petstore.yaml");
    const plain = (model: ReturnType<typeof load>["model"]) => modelJson(model ? { ...model, sources: [] } : undefined);
    const fromYaml = load([file!], "pets");
    expect(fromYaml.model).toBeDefined();
    const json = { path: "api/petstore.json", text: JSON.stringify(parse(file!.text), null, 2) };
    expect(plain(load([json], "pets").model)).toBe(plain(fromYaml.model));
    const unquoted = load([{ path: file!.path, text: file!.text.replace('swagger: "2.0"', "swagger: 2.0") }], "pets");
    expect(plain(unquoted.model)).toBe(plain(fromYaml.model));
  });
});

describe("generated code from Swagger 2.0 documents", () => {
  const dirs = new Map<string, string>();
  beforeAll(async () => {
    for (const fixture of SWAGGER2_FIXTURES) dirs.set(fixture, await generateToTemp(swagger2Files(fixture), base(fixture)));
  });

  it.each(SWAGGER2_FIXTURES)("%s type-checks (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes)", (fixture) => {
    expect(typecheckFolder(dirs.get(fixture)!)).toEqual([]);
  });

  for (const fixture of SWAGGER2_FIXTURES) {
    it(`${fixture}: every generated file, whole`, async () => {
      const dir = dirs.get(fixture)!;
      const files = readdirSync(dir).sort();
      for (const file of files.filter((f) => f !== "runtime.ts" && f !== "forms.ts")) {
        await expect(readFileSync(join(dir, file), "utf8")).toMatchFileSnapshot(`__snapshots__/generated/${base(fixture)}/${file}.snap`);
      }
    });
  }
});

describe("the CLI takes a Swagger 2.0 document", () => {
  const projects: string[] = [];
  afterAll(() => projects.forEach(removeProject));

  it("`shapesmith generate api.yaml --out gen` generates it", () => {
    const dir = makeProject({ "api.yaml": swagger2Files("petstore.yaml")[0]!.text }, "swagger2");
    projects.push(dir);
    const result = runCli(["generate", "api.yaml", "--out", "gen"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, "gen", "api")).sort()).toEqual(["client.ts", "deserializers.ts", "errors.ts", "forms.ts", "index.ts", "json.ts", "read.ts", "redact.ts", "runtime.ts", "serializers.ts", "transport.ts", "types.ts", "validators.ts"]);
  });

  it("a bad 2.0 document exits 1 with the 2.0 position and writes nothing", () => {
    const text = swagger2Files("petstore.yaml")[0]!.text.replace("collectionFormat: multi\n        - name: tags", "collectionFormat: commas\n        - name: tags");
    const dir = makeProject({ "api.yaml": text, "gen/api/keep.ts": "// kept\n" }, "swagger2-bad");
    projects.push(dir);
    const before = treeHash(join(dir, "gen"));
    const result = runCli(["generate", "api.yaml", "--out", "gen"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain("api.yaml:30:11: error SWAGGER2_COLLECTION_FORMAT: Unknown `collectionFormat` \"commas\"");
    expect(treeHash(join(dir, "gen"))).toBe(before);
  });
});
