// flattenMixins against the reference implementation's flattened twins: for each
// `X.flattened.smithy`, flattening `X.smithy` gives the same non-mixin shapes.

import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import type { SmithyModel } from "../../generator/smithy/assemble.js";
import { loadSmithy } from "../../generator/smithy/load.js";
import { flattenMixins } from "../../generator/smithy/mixins.js";
import { canonicalModel, listCorpus, source } from "./corpus.js";

function withoutMixinShapes(model: SmithyModel): SmithyModel {
  const shapes = new Map([...model.shapes].filter(([, s]) => s.traits?.["smithy.api#mixin"] === undefined));
  return { ...model, shapes };
}

test("flattenMixins matches the *.flattened.smithy twins", () => {
  const twins = listCorpus("smithy/idl/loader/valid", (rel) => rel.endsWith(".flattened.smithy"));
  expect(twins.length).toBeGreaterThanOrEqual(8);
  const failed: string[] = [];
  for (const rel of twins) {
    const d = new Diagnostics();
    const mixed = loadSmithy([source(rel.replace(/\.flattened\.smithy$/, ".smithy"))], d);
    const flat = loadSmithy([source(rel)], d);
    if (!mixed || !flat) {
      failed.push(`${rel}: ${d.items.map((x) => x.message).join("; ")}`);
      continue;
    }
    const a = JSON.stringify(canonicalModel(withoutMixinShapes(flattenMixins(mixed))));
    const b = JSON.stringify(canonicalModel(flat));
    if (a !== b) failed.push(`${rel}\n  got:      ${a}\n  expected: ${b}`);
  }
  console.log(`mixins flattened: ${twins.length - failed.length} passed, ${failed.length} failed`);
  expect(failed).toEqual([]);
});
