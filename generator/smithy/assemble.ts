// Merges several Smithy AST documents into one model: shapes of every file in one map, `apply`
// entries folded into the shapes they target, metadata merged.
//
//   assemble([{ file: "a.json", ast: { smithy: "2.0", shapes: {
//     "ns#A": { type: "string" }, "ns#A$": ..., "ns#B": { type: "apply", traits: { "smithy.api#sensitive": {} } } } } }])
//   → { shapes: Map { "ns#A" → { type: "string" } }, ... }
//
// Mixins are kept as declared here; `flattenMixins` applies them. The prelude is not copied in:
// its shapes are looked up through `isPreludeId` by the passes that need them.

import { pointer, type Diagnostics } from "../diagnostics.js";
import type { Position } from "../source-position.js";
import type { AstApply, AstShape, NodeValue } from "./ast.js";
import type { LoadedAst } from "./json-ast.js";

export interface Origin {
  readonly file: string;
  readonly locate?: LoadedAst["locate"];
  /** JSON path of the shape inside its file's AST. */
  readonly path: readonly (string | number)[];
}

export interface SmithyModel {
  readonly metadata: Record<string, NodeValue>;
  /** Absolute shape id → shape (no `apply` entries). */
  readonly shapes: Map<string, AstShape>;
  /** Where each shape was declared. */
  readonly origins: Map<string, Origin>;
  /** `apply` entries whose target is not a declared shape or member (e.g. a member from a mixin). */
  readonly pendingApplies: { readonly target: string; readonly traits: Record<string, NodeValue>; readonly origin: Origin }[];
}

/** Where a shape (or something inside it) is, for a diagnostic. */
export function whereIs(
  model: SmithyModel,
  id: string,
  ...inner: (string | number)[]
): { file?: string; pointer?: string; line?: number; column?: number } {
  const origin = model.origins.get(id);
  if (!origin) return {};
  const path = [...origin.path, ...inner];
  const pos: Position | undefined = origin.locate?.(path);
  return { file: origin.file, pointer: pointer(...path), ...(pos ?? {}) };
}

export function assemble(inputs: readonly LoadedAst[], diags: Diagnostics): SmithyModel {
  const model: SmithyModel = { metadata: {}, shapes: new Map(), origins: new Map(), pendingApplies: [] };
  const applies: { target: string; apply: AstApply; origin: Origin }[] = [];
  for (const input of inputs) {
    for (const [key, value] of Object.entries(input.ast.metadata ?? {})) {
      const existing = model.metadata[key];
      if (Array.isArray(existing) && Array.isArray(value)) model.metadata[key] = [...existing, ...value];
      else model.metadata[key] = value;
    }
    for (const [id, shape] of Object.entries(input.ast.shapes ?? {})) {
      const origin: Origin = { file: input.file, path: ["shapes", id], ...(input.locate ? { locate: input.locate } : {}) };
      if (shape.type === "apply") {
        applies.push({ target: id, apply: shape as AstApply, origin });
        continue;
      }
      if (model.shapes.has(id)) {
        const first = model.origins.get(id);
        if (JSON.stringify(model.shapes.get(id)) === JSON.stringify(shape)) continue;
        diags.error("SMITHY_DUPLICATE_SHAPE", `Shape \`${id}\` is defined more than once${first ? ` (first in ${first.file})` : ""}`, {
          file: input.file,
          pointer: pointer(...origin.path),
          ...input.locate?.(origin.path),
          hint: "Keep one definition of the shape.",
        });
        continue;
      }
      model.shapes.set(id, shape as AstShape);
      model.origins.set(id, origin);
    }
  }
  for (const { target, apply, origin } of applies) {
    const [shapeId, member] = target.split("$") as [string, string | undefined];
    const shape = model.shapes.get(shapeId);
    const memberRef = member === undefined ? undefined : shape?.members?.[member];
    if (!shape || (member !== undefined && !memberRef)) {
      model.pendingApplies.push({ target, traits: apply.traits, origin });
      continue;
    }
    // Copy on write: the parsed inputs stay as they were.
    if (memberRef === undefined || member === undefined) {
      model.shapes.set(shapeId, { ...shape, traits: { ...shape.traits, ...apply.traits } });
    } else {
      const members = { ...shape.members, [member]: { ...memberRef, traits: { ...memberRef.traits, ...apply.traits } } };
      model.shapes.set(shapeId, { ...shape, members });
    }
  }
  return model;
}
