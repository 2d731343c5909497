// Code generation tolerates traits of other namespaces whose definitions are not loaded (one
// info per trait id), but an unknown trait of the prelude namespace is a typo: an error.

import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithyModels } from "../../generator/smithy/frontend.js";
import { loadSmithy } from "../../generator/smithy/load.js";

const model = (trait: string) =>
  JSON.stringify({
    smithy: "2.0",
    shapes: {
      "ns#Svc": { type: "service", operations: [{ target: "ns#Op" }], traits: { "aws.protocols#awsJson1_1": {}, [trait]: {} } },
      "ns#Op": { type: "operation", input: { target: "ns#In" } },
      "ns#In": { type: "structure", members: { a: { target: "smithy.api#String", traits: { [trait]: {} } } } },
    },
  });

describe("unknown traits", () => {
  it("of another namespace: generation goes on, one info per trait id", () => {
    const diags = new Diagnostics();
    const models = loadSmithyModels({ name: "m", files: [{ path: "m.json", text: model("aws.api#service") }] }, diags);
    expect(models.map((m) => m.service.name)).toEqual(["Svc"]);
    expect(diags.items.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["SMITHY_UNKNOWN_TRAIT", "info", "Trait `aws.api#service` (applied to `ns#Svc`) is not defined by any loaded model; its values are not checked"],
    ]);
  });

  it("of the prelude namespace: an error, with the position of the trait", () => {
    const diags = new Diagnostics();
    expect(loadSmithyModels({ name: "m", files: [{ path: "m.json", text: model("smithy.api#lenght") }] }, diags)).toEqual([]);
    const errors = diags.items.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.file, d.line])).toEqual([
      ["SMITHY_UNKNOWN_TRAIT", "m.json", 1],
      ["SMITHY_UNKNOWN_TRAIT", "m.json", 1],
    ]);
  });

  it("stay errors for the loader itself (`shapesmith ast`, the Smithy loader tests)", () => {
    const diags = new Diagnostics();
    expect(loadSmithy([{ path: "m.json", text: model("aws.api#service") }], diags)).toBeUndefined();
    expect(diags.items.filter((d) => d.code === "SMITHY_UNKNOWN_TRAIT").map((d) => d.severity)).toEqual(["error", "error", "error"]);
  });
});
