// Core of `shapesmith ast FILE...`: loads IDL and JSON AST files together and prints the model
// as a Smithy 2.0 JSON AST (prelude shapes and our built-in trait definitions left out, mixins kept as declared, applies to
// inherited mixin members as `apply` entries), shapes sorted by id, keys in a fixed order.
//
//   runAst([{ path: "a.smithy", text: "namespace a\nstring S" }])
//   → { stdout: '{\n    "smithy": "2.0",\n    "shapes": {\n        "a#S": {\n            "type": "string"\n ...', diagnostics: [] }

import { Diagnostics, type Diagnostic } from "../diagnostics.js";
import { BigNumberNode, type AstShape, type NodeValue } from "../smithy/ast.js";
import { BUILTIN_TRAITS_SOURCE, withBuiltinTraits } from "../smithy/builtin-traits.js";
import { loadSmithy, type SourceFile } from "../smithy/load.js";

const KEY_ORDER = [
  "type", "version", "mixins", "member", "key", "value", "members", "identifiers", "properties",
  "create", "put", "read", "update", "delete", "list", "operations", "collectionOperations",
  "resources", "input", "output", "errors", "rename", "traits",
];

function ordered(shape: AstShape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source = shape as unknown as Record<string, unknown>;
  for (const key of KEY_ORDER) if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source).sort()) if (!(key in out)) out[key] = source[key];
  return out;
}

export function runAst(sources: readonly SourceFile[]): { stdout: string; diagnostics: Diagnostic[] } {
  const diags = new Diagnostics();
  const model = loadSmithy(withBuiltinTraits(sources), diags);
  if (!model) return { stdout: "", diagnostics: [...diags.items] };
  const shapes: Record<string, unknown> = {};
  // Our built-in trait definitions are left out, like the prelude.
  const entries: [string, unknown][] = [...model.shapes]
    .filter(([id]) => model.origins.get(id)?.file !== BUILTIN_TRAITS_SOURCE.path)
    .map(([id, shape]) => [id, ordered(shape)]);
  const applies = new Map<string, Record<string, NodeValue>>();
  for (const p of model.pendingApplies) applies.set(p.target, { ...applies.get(p.target), ...p.traits });
  for (const [target, traits] of applies) entries.push([target, { type: "apply", traits }]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, shape] of entries) shapes[id] = shape;
  const doc: Record<string, unknown> = { smithy: "2.0" };
  if (Object.keys(model.metadata).length > 0) doc["metadata"] = model.metadata;
  doc["shapes"] = shapes;
  return { stdout: printJson(doc) + "\n", diagnostics: [...diags.items] };
}

/**
 * JSON with 4-space indentation. Number literals a float64 cannot hold (`BigNumberNode`: IDL
 * `2e+308`, `9223372036854775808`, a bigDecimal default) are printed as written, digit for digit.
 */
function printJson(doc: unknown): string {
  const texts: string[] = [];
  // Each literal goes out as a marker string, replaced afterwards: a tag no string of the model
  // contains (JSON.stringify writes U+0000 as the six characters \u0000) keeps markers unambiguous.
  const plain = JSON.stringify(doc);
  let tag = 0;
  while (plain.includes(`\\u0000big${tag}_`)) tag++;
  const marker = (i: number) => `\u0000big${tag}_${i}\u0000`;
  const text = JSON.stringify(doc, function (this: Record<string, unknown>, key: string, value: unknown) {
    // `value` went through toJSON already; the holder still has the node itself.
    const original = key === "" ? value : this[key];
    if (original instanceof BigNumberNode) {
      texts.push(original.text);
      return marker(texts.length - 1);
    }
    return value;
  }, 4);
  return texts.length === 0 ? text : text.replace(new RegExp(`"\\\\u0000big${tag}_(\\d+)\\\\u0000"`, "g"), (_m, i: string) => texts[Number(i)]!);
}
