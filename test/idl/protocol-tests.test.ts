// Every protocol test model, loaded together with the trait definitions, the smithy.framework
// model (smithy/framework/) and the prelude, loads with no error, and passes the model validation
// (generator/smithy/validate/): they are the inputs of the protocol compliance work.

import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { SYNTACTIC_SHAPE_ID } from "../../generator/smithy/idl/index.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { flattenMixins } from "../../generator/smithy/mixins.js";
import { validateSmithyModel } from "../../generator/smithy/validate/index.js";
import { listCorpus, source } from "./corpus.js";

test("smithy/protocol-tests + trait-defs load with no error", () => {
  const files = [
    ...listCorpus("smithy/trait-defs", (rel) => /\.(smithy|json)$/.test(rel)),
    ...listCorpus("smithy/framework", (rel) => /\.(smithy|json)$/.test(rel)),
    ...listCorpus("smithy/protocol-tests", (rel) => /\.(smithy|json)$/.test(rel)),
  ];
  expect(files.length).toBeGreaterThan(50);
  const diags = new Diagnostics();
  const model = loadSmithy(files.map(source), diags);
  // Errors, and unquoted node values naming no shape (DANGER in Smithy), are failures.
  const errors = diags.items.filter((d) => d.severity === "error" || d.code === SYNTACTIC_SHAPE_ID);
  console.log(`protocol-tests: ${files.length} files, ${model?.shapes.size ?? 0} shapes, ${errors.length} errors`);
  expect(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).slice(0, 20)).toEqual([]);
  expect(model).toBeDefined();
  // The model validation of generator/smithy/validate/ finds nothing either (every service's closure included).
  const validation = new Diagnostics();
  validateSmithyModel(flattenMixins(model!), validation);
  expect(validation.items.map((d) => `${d.code} ${d.message}`).slice(0, 20)).toEqual([]);
  // Spot checks that the models really are in: a restJson1 service and its test trait.
  const services = [...(model?.shapes ?? new Map()).entries()].filter(([, s]) => s.type === "service").map(([id]) => id);
  expect(services).toContain("aws.protocoltests.restjson#RestJson");
  const op = model?.shapes.get("aws.protocoltests.restjson#AllQueryStringTypes");
  expect(op?.traits?.["smithy.test#httpRequestTests"]).toBeInstanceOf(Array);
});
