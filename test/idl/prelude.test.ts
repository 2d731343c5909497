// The reference prelude (smithy/prelude.smithy) loads with our IDL front end, and our built-in
// prelude agrees with it: same shape ids and types, same trait definitions (which shapes are
// traits, their selectors) and the same structure members.

import { expect, test } from "vitest";
import { Diagnostics } from "../../generator/diagnostics.js";
import { isObjectNode, type AstShape, type NodeValue } from "../../generator/smithy/ast.js";
import { parseIdlFile, resolveIdlFiles } from "../../generator/smithy/idl/index.js";
import { PRELUDE } from "../../generator/smithy/prelude.js";
import { source } from "./corpus.js";

/** A trait's selector, whitespace normalised (selectors are whitespace-insensitive). */
function selector(shape: AstShape): NodeValue | undefined {
  const t = shape.traits?.["smithy.api#trait"];
  const s = isObjectNode(t) ? t["selector"] : undefined;
  return typeof s === "string" ? s.replace(/\s+/g, " ") : s;
}

test("smithy/prelude.smithy loads, and the built-in prelude agrees with it", () => {
  const src = source("smithy/prelude.smithy");
  const diags = new Diagnostics();
  const parsed = parseIdlFile(src.text, src.path, diags);
  expect(parsed).toBeDefined();
  // Resolved against itself only: the reference prelude must be self-contained.
  const [ast] = resolveIdlFiles([parsed!], new Map(), diags);
  expect(diags.items.filter((d) => d.severity === "error")).toEqual([]);
  const reference = new Map(Object.entries(ast?.shapes ?? {}).filter(([, s]) => s.type !== "apply") as [string, AstShape][]);
  const ours = new Map(Object.entries(PRELUDE.shapes ?? {}) as [string, AstShape][]);
  expect([...ours.keys()].sort()).toEqual([...reference.keys()].sort());
  const problems: string[] = [];
  for (const [id, ref] of reference) {
    const mine = ours.get(id) as AstShape;
    if (mine.type !== ref.type) problems.push(`${id}: type ${mine.type} vs ${ref.type}`);
    if ((mine.traits?.["smithy.api#trait"] === undefined) !== (ref.traits?.["smithy.api#trait"] === undefined)) {
      problems.push(`${id}: trait definition differs`);
    }
    if (JSON.stringify(selector(mine)) !== JSON.stringify(selector(ref))) problems.push(`${id}: selector ${JSON.stringify(selector(mine))} vs ${JSON.stringify(selector(ref))}`);
    const targets = (s: AstShape) => JSON.stringify(Object.entries(s.members ?? {}).map(([n, m]) => [n, m.target]).sort());
    if ((ref.type === "structure" || ref.type === "union") && targets(mine) !== targets(ref)) problems.push(`${id}: members differ`);
  }
  expect(problems).toEqual([]);
});
