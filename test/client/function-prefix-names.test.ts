// An operation whose client function would be named like a generated function of another file
// (`ValidateThing` → `validateThing`, which is also the validator of a shape `Thing`) is renamed
// by capitalising it, and the run ends: suffixing such a name alone never escaped the prefix
// (generator/naming/client.ts), so the generation of Access Analyzer (ValidatePolicy) hung.

import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";

const MODEL = JSON.stringify({
  smithy: "2.0",
  shapes: {
    "example.things#ThingService": {
      type: "service",
      version: "2024-01-01",
      operations: [{ target: "example.things#ValidateThing" }, { target: "example.things#Json_Thing" }],
      traits: { "aws.protocols#awsJson1_1": {} },
    },
    "example.things#ValidateThing": { type: "operation", input: { target: "example.things#Thing" } },
    "example.things#Json_Thing": { type: "operation", input: { target: "example.things#Thing" } },
    "example.things#Thing": { type: "structure", members: { name: { target: "smithy.api#String" } } },
  },
});

describe("client function names with a generated function's prefix", () => {
  it("are capitalised and reported, and the run ends", async () => {
    const result = await generate([{ name: "things", files: [{ path: "things.json", text: MODEL }] }], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const client = result.files.get("things/client.ts") ?? "";
    expect(client).toMatch(/export (async )?function ValidateThing\(/);
    expect(client).toMatch(/export (async )?function Json_Thing\(/);
    expect(result.files.get("things/validators.ts")).toMatch(/export function validateThing\(/);
    expect(result.diagnostics.filter((d) => d.code === "NAME_RENAMED" && d.message.startsWith("The client function")).map((d) => d.message)).toEqual([
      "The client function of operation `example.things#Json_Thing` is generated as `Json_Thing`: `json_Thing` is reserved or already taken",
      "The client function of operation `example.things#ValidateThing` is generated as `ValidateThing`: `validateThing` is reserved or already taken",
    ]);
  }, 60_000);
});
