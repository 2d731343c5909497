// Format detection by content: a JSON model is recognised by its top-level keys wherever they
// stand (issue 9, part 6: `jq -S` puts `openapi` after `components`, past any prefix sniff).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { generate } from "../generator/core.js";
import { detectInput, jsonFormat } from "../generator/detect.js";
import { loadTemplates } from "../generator/cli/templates.js";
import { MODELS } from "./helpers/paths.js";

const templates = loadTemplates();
const host = { readFile: () => undefined };

/** JSON with every object's keys sorted, as `jq -S` writes it. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

async function generateText(path: string, text: string) {
  return generate([{ name: "doc", files: [{ path, text }] }], host, { templates, format: false });
}

describe("format detection", () => {
  it("an OpenAPI JSON document with sorted keys (`openapi` far from the top) generates as with `openapi` first", async () => {
    const doc = parseYaml(readFileSync(`${MODELS}/cognito-identity-provider.openapi.yaml`, "utf8")) as Record<string, unknown>;
    const sorted = sortedJson(doc);
    expect(sorted.indexOf('"openapi"')).toBeGreaterThan(2000);
    const sortedDoc = JSON.parse(sorted) as Record<string, unknown>;
    const inOrder = await generateText("doc.json", JSON.stringify({ openapi: sortedDoc["openapi"], ...sortedDoc }));
    const fromSorted = await generateText("doc.json", sorted);
    expect(fromSorted.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // The files the repository generates from the same model (generated/, compared byte for byte elsewhere).
    const committed = readdirSync(join(MODELS, "../generated/cognito-identity-provider-openapi")).sort();
    expect([...fromSorted.files.keys()].map((path) => path.replace(/^[^/]*\//, "")).sort()).toEqual(committed);
    expect([...fromSorted.files]).toEqual([...inOrder.files]);
  });

  it("a broken OpenAPI JSON document is still recognised, so the OpenAPI front end reports its syntax error", async () => {
    const text = `{"components":{"schemas":{"A":{"type":"string"}}},"info":{"title":"T","version":"1",},"openapi":"3.0.3","paths":{}}`;
    const result = await generateText("doc.json", text);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["OPENAPI_SYNTAX", 1, text.indexOf(",}") + 2]]);
  });

  it("a Smithy JSON AST whose `smithy` key comes last is Smithy", () => {
    const text = `{"metadata":{"openapi":"3.0.3"},"shapes":{},"smithy":"2.0"}`;
    const detected = detectInput({ name: "m", files: [{ path: "m.json", text }] });
    expect(detected.format).toBe("smithy");
    expect(detected.files).toEqual([{ path: "m.json", text, json: JSON.parse(text) }]);
  });

  it("the rules: top-level keys only, own keys only; extensions and the first known file decide", () => {
    expect(jsonFormat({ openapi: "3.1.0" })).toBe("openapi");
    expect(jsonFormat({ swagger: "2.0" })).toBe("openapi");
    expect(jsonFormat({ smithy: "2.0" })).toBe("smithy");
    expect(jsonFormat({ info: { openapi: "3.0.0" }, shapes: {} })).toBeUndefined();
    expect(jsonFormat(JSON.parse('{"constructor": 1, "toString": 2}'))).toBeUndefined();
    expect(jsonFormat([{ openapi: "3.0.0" }])).toBeUndefined();
    expect(jsonFormat("openapi")).toBeUndefined();
    const files = (...paths: string[]) => ({ name: "m", files: paths.map((path) => ({ path, text: path.endsWith(".json") ? "{}" : "" })) });
    expect(detectInput(files("a.yaml")).format).toBe("openapi");
    expect(detectInput(files("a.smithy", "b.json")).format).toBe("smithy");
    expect(detectInput(files("shared.json", "api.yml")).format).toBe("openapi");
    expect(detectInput(files("unknown.json")).format).toBe("smithy");
  });
});
