// Formatting in chunks (generator/format.ts) gives byte for byte what formatting a file whole
// gives, with oxfmt (the default) and with prettier. Cut at every possible place (chunk size 1),
// each chunk must parse on its own (no fallback), over the unformatted output of our models and
// of a real OpenAPI document.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { formatTypeScript, splitStatements, type Formatter } from "../../generator/format.js";
import { corpusFile, MODELS, ROOT } from "../helpers/paths.js";

const templates = loadTemplates();

async function unformatted(name: string, path: string, text: string): Promise<ReadonlyMap<string, string>> {
  const result = await generate([{ name, files: [{ path, text }] }], { readFile: () => undefined }, { templates, format: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.files;
}

const FORMATTERS: readonly Formatter[] = [{ name: "oxfmt" }, { name: "prettier" }];

async function expectSameAsWhole(files: ReadonlyMap<string, string>, formatter: Formatter): Promise<number> {
  let cuts = 0;
  for (const [path, text] of files) {
    const whole = await formatTypeScript(text, formatter, Infinity);
    const chunks = splitStatements(text, 1);
    expect(chunks.join(""), path).toBe(text);
    cuts += chunks.length - 1;
    // Every chunk formatted on its own (formatTypeScript would fall back to the whole file on a bad cut).
    const pieces: string[] = [];
    for (const chunk of chunks) pieces.push(await formatTypeScript(chunk, formatter, Infinity));
    expect(pieces.join("\n"), path).toBe(whole);
  }
  return cuts;
}

describe("formatting in chunks", () => {
  it.each(FORMATTERS.map((f) => [f.name, f] as const))("is the same as formatting whole, for our models (%s)", async (_name, formatter) => {
    const inputs = [
      ["cognito", `${MODELS}/cognito-identity-provider.smithy`],
      ["cognito-openapi", `${MODELS}/cognito-identity-provider.openapi.yaml`],
      ["kitchen-sink", `${ROOT}/test/fixtures/kitchen-sink.json`],
    ] as const;
    let cuts = 0;
    for (const [name, path] of inputs) cuts += await expectSameAsWhole(await unformatted(name, path.slice(ROOT.length + 1), readFileSync(path, "utf8")), formatter);
    expect(cuts).toBeGreaterThan(100);
  });

  it.each(FORMATTERS.map((f) => [f.name, f] as const))("is the same as formatting whole, for a real document (Google Cloud Logging, %s)", async (_name, formatter) => {
    const text = gunzipSync(readFileSync(corpusFile("openapi/googleapis.com__logging.json.gz"))).toString("utf8");
    const cuts = await expectSameAsWhole(await unformatted("logging", "googleapis.com__logging.json", text), formatter);
    expect(cuts).toBeGreaterThan(500);
  });

  it("cuts only between statements, into pieces of at least the chunk size", () => {
    const text = "const a = 1;\n\nexport function f() {\n  return `\n\nconst b = 2;\n`;\n}\n\n// note\nconst c = { d: 1 };\n";
    expect(splitStatements(text, 1)).toEqual(["const a = 1;\n\n", "export function f() {\n  return `\n\nconst b = 2;\n`;\n}\n\n", "// note\nconst c = { d: 1 };\n"]);
    expect(splitStatements(text, 40)).toEqual(["const a = 1;\n\nexport function f() {\n  return `\n\nconst b = 2;\n`;\n}\n\n", "// note\nconst c = { d: 1 };\n"]);
    expect(splitStatements(text, text.length)).toEqual([text]);
  });
});
