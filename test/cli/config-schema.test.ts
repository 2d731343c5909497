// The config's JSON Schema is the one source of its checks: the loader's interpreter
// (generator/json-schema.ts) must agree with Ajv, a full JSON Schema validator, on every config
// (random ones from fast-check, right and wrong), the schema must stay inside the subset the
// interpreter knows, and the defaults come from the schema. Diagnostics use the schema's words.

import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARTIFACTS } from "../../generator/artifacts.js";
import { unsupportedKeywords, validate, type JsonSchema } from "../../generator/json-schema.js";
import { CONFIG_SCHEMA, DEFAULT_CONFIG, parseConfig } from "../../generator/options.js";
import { positionOf } from "./helpers.js";

const ajv = new Ajv({ allErrors: true, strict: true });
const ajvValidate = ajv.compile(CONFIG_SCHEMA);

/** An error as both validators can name it: where, which keyword, which extra key. */
function key(e: { instancePath: string; keyword: string; params: { additionalProperty?: string } }): string {
  return `${e.instancePath} ${e.keyword}${e.params.additionalProperty !== undefined ? ` ${e.params.additionalProperty}` : ""}`;
}

/** Ajv's errors; with allErrors it also lists why each item failed a `contains`: those are not errors of their own. */
function oracle(value: unknown): string[] {
  ajvValidate(value);
  return (ajvValidate.errors ?? [])
    .filter((e) => !e.schemaPath.includes("/contains/"))
    .map((e) => key(e as never))
    .sort();
}

const scalar = fc.oneof(fc.constantFrom("", "generated", "src/x", "types", "client"), fc.boolean(), fc.integer({ min: -2, max: 5 }), fc.constant(null));
const artifactList = fc.array(fc.oneof(fc.constantFrom(...ARTIFACTS, "client", "type"), scalar), { maxLength: 5 });
const value = fc.oneof(scalar, artifactList, fc.dictionary(fc.constantFrom("out", "artifacts", "x"), fc.oneof(scalar, artifactList), { maxKeys: 3 }));
const modelSettings = fc.oneof(value, fc.record({ out: scalar, artifacts: artifactList }, { requiredKeys: [] }));
const config = fc.dictionary(
  fc.constantFrom("$schema", "models", "out", "templates", "format", "artifacts", "perModel", "modles", "output"),
  fc.oneof(value, fc.dictionary(fc.constantFrom("weather", "cognito", "a/b~c"), modelSettings, { maxKeys: 3 })),
  { maxKeys: 6 },
);

describe("config schema", () => {
  it("uses only the keywords the loader's interpreter implements", () => {
    expect(unsupportedKeywords(CONFIG_SCHEMA)).toEqual([]);
    expect(unsupportedKeywords({ type: "object", properties: { a: { pattern: "x", format: "uri" } } } as JsonSchema)).toEqual([
      "/properties/a: pattern",
      "/properties/a: format",
    ]);
  });

  it("the interpreter finds exactly the errors Ajv finds, on random configs", () => {
    fc.assert(
      fc.property(config, (c) => {
        expect(validate(CONFIG_SCHEMA, c).map(key).sort()).toEqual(oracle(c));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with Ajv on the valid configs of the README and init", () => {
    const valid = [
      {},
      { models: "models", out: "generated", templates: "templates", format: true },
      { format: true, formatter: "prettier" },
      { artifacts: ["types"], perModel: { weather: { out: "src/weather", artifacts: ["types", "validators"] } } },
      { $schema: "./node_modules/shapesmith/dist/config.schema.json", perModel: {} },
    ];
    for (const c of valid) {
      expect(oracle(c)).toEqual([]);
      expect(validate(CONFIG_SCHEMA, c)).toEqual([]);
    }
  });

  it("the defaults are the schema's: every key but $schema has one", () => {
    const properties = Object.keys(CONFIG_SCHEMA.properties as object).filter((k) => k !== "$schema");
    expect(Object.keys(DEFAULT_CONFIG).sort()).toEqual(properties.sort());
    expect(DEFAULT_CONFIG).toEqual({
      models: "models",
      out: "generated",
      templates: "templates",
      format: true,
      formatter: "auto",
      artifacts: ["types", "serializers", "deserializers", "validators", "redact"],
      endpoints: {},
      perModel: {},
    });
    expect(oracle(DEFAULT_CONFIG)).toEqual([]);
  });
});

describe("config diagnostics in the schema's words", () => {
  it("an unknown key lists the schema's keys; a nested one names its object", () => {
    const text = '{\n  "outt": "x",\n  "perModel": { "weather": { "artifact": ["types"] } }\n}\n';
    const { diagnostics } = parseConfig(text, "c.json");
    expect(diagnostics.map((d) => [d.code, d.message, d.line, d.column, d.pointer, d.hint])).toEqual([
      ["CONFIG_UNKNOWN_KEY", "Unknown config key `outt`", 2, 3, "/outt", "Did you mean `out`? Known keys: models, out, templates, format, formatter, artifacts, endpoints, perModel."],
      [
        "CONFIG_UNKNOWN_KEY",
        "Unknown key `artifact` in `perModel.weather`",
        3,
        30,
        "/perModel/weather/artifact",
        "Did you mean `artifacts`? Known keys: out, artifacts.",
      ],
    ]);
  });

  it("a wrong artifact names the allowed ones, suggests the nearest, and quotes the schema's description", () => {
    const text = '{ "artifacts": ["types", "validator"] }';
    const [d, ...rest] = parseConfig(text, "c.json").diagnostics;
    expect(rest).toEqual([]);
    const description = ((CONFIG_SCHEMA.definitions as Record<string, JsonSchema>).artifacts as JsonSchema).description;
    expect(d).toEqual({
      severity: "error",
      code: "CONFIG_VALUE",
      message: 'The config value `artifacts[1]` must be one of "types", "serializers", "deserializers", "validators", "redact", not "validator"',
      hint: `Did you mean "validators"? artifacts: ${String(description)}`,
      file: "c.json",
      ...positionOf(text, '"validator"'),
      pointer: "/artifacts/1",
    });
  });

  it("types cannot be left out; an artifact cannot be listed twice; a wrong type quotes the default", () => {
    const { diagnostics } = parseConfig('{ "artifacts": ["redact", "redact"], "format": 1 }', "c.json");
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["CONFIG_VALUE", 'The config key `artifacts` must contain "types"'],
      ["CONFIG_DUPLICATE_VALUE", 'The config key `artifacts` lists "redact" more than once'],
      ["CONFIG_TYPE", "The config key `format` must be true or false, not the number 1"],
    ]);
    expect(diagnostics[2]?.hint).toBe("format: Format every generated file (see formatter); false skips it (faster, the printers' own layout). Default: true.");
  });
});
