// The metadata keys Smithy reserves for validation must be lists of objects (reserved-metadata.ts):
// a wrong shape is an error at its position in IDL and JSON AST files; every use of them in the
// reference's own models (the Smithy corpus) is accepted.

import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { positionOf } from "../cli/helpers.js";
import { listCorpus, readCorpus, source } from "../idl/corpus.js";

function load(path: string, text: string) {
  const diags = new Diagnostics();
  const model = loadSmithy([{ path, text }], diags);
  return { model, diags: diags.items };
}

describe("reserved metadata", () => {
  it("`validators` that is not a list is an error at the metadata statement", () => {
    const text = `$version: "2"\nmetadata validators = { name: "EmitEachSelector" }\nnamespace a\n`;
    const { model, diags } = load("m.smithy", text);
    expect(model).toBeUndefined();
    expect(diags).toEqual([
      {
        code: "SMITHY_METADATA_INVALID",
        severity: "error",
        message: "Metadata `validators` must be a list of objects, but is an object",
        file: "m.smithy",
        pointer: "/metadata/validators",
        ...positionOf(text, "validators"),
        hint: 'Smithy reads `validators` as a list of objects, e.g. `metadata validators = [{ name: "EmitEachSelector", configuration: { selector: "..." } }]`.',
      },
    ]);
  });

  it("entries must be objects with the required string properties (JSON AST, at the entry)", () => {
    const text = `{\n  "smithy": "2.0",\n  "metadata": {\n    "suppressions": [\n      "UnreferencedShape",\n      { "id": "X" },\n      { "id": 1, "namespace": "*" }\n    ],\n    "severityOverrides": 3\n  }\n}\n`;
    const { model, diags } = load("m.json", text);
    expect(model).toBeUndefined();
    expect(diags.map((d) => [d.message, d.line, d.column])).toEqual([
      ["Entry 0 of metadata `suppressions` must be an object, but is a string", ...Object.values(positionOf(text, '"UnreferencedShape"'))],
      ["Entry 1 of metadata `suppressions` is missing the required property `namespace`", ...Object.values(positionOf(text, '{ "id": "X" }'))],
      ["Property `id` of entry 2 of metadata `suppressions` must be a string, but is a number", ...Object.values(positionOf(text, "1,"))],
      ["Metadata `severityOverrides` must be a list of objects, but is a number", ...Object.values(positionOf(text, "3\n"))],
    ]);
  });

  it("agrees with the reference on every Smithy corpus file that uses them: rejected exactly where its .errors says so", () => {
    const files = listCorpus("smithy", (rel) => /\.(smithy|json)$/.test(rel)).filter((rel) =>
      /\b(validators|suppressions|severityOverrides)\b/.test(readCorpus(rel)),
    );
    expect(files.length).toBeGreaterThan(20);
    // The reference's events about the form of these keys (others, e.g. bad selectors, we do not check).
    const FORM = /^\[ERROR\] -: (Missing expected member|Expected array|Expected one of `DANGER`)/;
    const disagreements: string[] = [];
    let rejected = 0;
    for (const rel of files) {
      const errorsRel = rel.replace(/\.(smithy|json)$/, ".errors");
      let expected = false;
      try {
        expected = readCorpus(errorsRel).split("\n").some((l) => FORM.test(l));
      } catch {
        expected = false; // no .errors file: a model that loads
      }
      const diags = new Diagnostics();
      loadSmithy([source(rel)], diags);
      const flagged = diags.items.filter((d) => d.code === "SMITHY_METADATA_INVALID");
      if (flagged.length > 0) rejected++;
      if (expected !== flagged.length > 0) disagreements.push(`${rel}: reference ${expected ? "rejects" : "accepts"}, we ${flagged.map((d) => d.message).join("; ") || "accept"}`);
    }
    expect(disagreements).toEqual([]);
    expect(rejected).toBe(6);
  });
});
