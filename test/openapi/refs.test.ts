// `$ref` resolution: a document split across files (read through the host, relative to the
// referring file), recursion across files, components that only point into other files, and
// `$ref` loops that lead nowhere.

import { describe, expect, it } from "vitest";
import { fixtureFiles, load, loadText, modelJson, problems } from "./helpers.js";

describe("$ref across files", () => {
  it("reads referenced files through the host, relative to the file that refers to them", async () => {
    const loaded = load(fixtureFiles("split/api.yaml"), "split");
    expect(problems(loaded)).toEqual([]);
    expect(loaded.model?.sources).toEqual([
      "test/openapi/fixtures/split/api.yaml",
      "test/openapi/fixtures/split/paths/pets.yaml",
      "test/openapi/fixtures/split/common.json",
      "test/openapi/fixtures/split/schemas/pet.yaml",
      "test/openapi/fixtures/split/schemas/owner.yaml",
    ]);
    await expect(modelJson(loaded.model)).toMatchFileSnapshot("__snapshots__/model/split.json");
  });

  it("prefers the files of the model input to the host's", () => {
    const files = fixtureFiles("split/api.yaml", "split/schemas/pet.yaml", "split/schemas/owner.yaml", "split/common.json", "split/paths/pets.yaml");
    const pet = files.find((f) => f.path.endsWith("pet.yaml"))!;
    const changed = files.map((f) => (f === pet ? { ...f, text: pet.text.replace("name: { type: string }", "name: { type: string, maxLength: 3 }") } : f));
    const shape = load(changed, "split").model?.shapes.get("openapi#Pet");
    expect(shape?.type === "structure" ? shape.members[0] : undefined).toEqual({ name: "name", target: "smithy.api#String", required: true, constraints: { length: { max: 3 } } });
  });

  it("a $ref loop without a schema in it is reported, not followed forever", () => {
    const loaded = loadText(`openapi: 3.0.3
info: { title: Loop, version: "1" }
paths: {}
components:
  schemas:
    A: { $ref: "#/components/schemas/B" }
    B: { $ref: "#/components/schemas/A" }
    C:
      type: object
      properties:
        a: { $ref: "#/components/schemas/A" }
`);
    expect(problems(loaded).map((d) => [d.severity, d.code, d.pointer, d.line])).toEqual([["warning", "OPENAPI_CIRCULAR_ALLOF", "/components/schemas/A", 6]]);
    expect(loaded.model?.shapes.get("openapi#A")).toEqual({ id: "openapi#A", name: "A", sensitive: false, type: "document", constraints: {} });
  });
});
