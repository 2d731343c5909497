// Looks up shapes of the `smithy.api` prelude (our built-in one, `prelude.ts`).
//
//   preludeShape("smithy.api#String") → { type: "string" }
//   preludeShape("smithy.api#Nope")   → undefined

import type { AstShape } from "./ast.js";
import { PRELUDE } from "./prelude.js";

export function preludeShape(id: string): AstShape | undefined {
  const shape = PRELUDE.shapes?.[id];
  return shape && shape.type !== "apply" ? (shape as AstShape) : undefined;
}

export const PRELUDE_IDS: readonly string[] = Object.keys(PRELUDE.shapes ?? {});
