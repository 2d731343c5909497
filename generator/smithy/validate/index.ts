// Model validation after loading: what the reference implementation's validators reject as an
// ERROR, judged on the flattened model (mixins applied) before it is lowered, so that an invalid
// model gets a diagnostic that names the shape and the rule instead of code generated from it.
// Each family of rules is one small module of this folder, run in the order of CHECKS.
//
//   service MyService { version: "1", operations: [ns.foo#OperationA, another.ns#OperationA] }
//   → error SMITHY_SERVICE_CLOSURE at `another.ns#OperationA`: "Shape name `another.ns#OperationA`
//     conflicts with `ns.foo#OperationA` in the `ns.foo#MyService` service closure. …",
//     hint "Give one of them another name in the service's `rename` property …"
//
// A check never throws on a strange but loadable model: it judges what it recognises and leaves
// the rest. Proven against the reference's validator error files (test/idl/validator-events.test.ts):
// every ERROR of an event id with a check here is ours on the same shape, or a listed gap; we
// report nothing the reference does not.

import type { Diagnostics } from "../../diagnostics.js";
import type { AstShape } from "../ast.js";
import { whereIs, type SmithyModel } from "../assemble.js";
import { translateJavaPattern } from "../../regex/index.js";
import { preludeShape } from "../prelude-shapes.js";
import { checkDefaults } from "./defaults.js";
import { checkHostLabels } from "./host-labels.js";
import { checkHttpBindings } from "./http-bindings.js";
import { checkMemberTraits } from "./member-traits.js";
import { checkMetadataTraits } from "./metadata.js";
import { checkOperationInputOutput, checkShapeIdConflicts } from "./operations.js";
import { checkOperationTraits } from "./operation-traits.js";
import { checkPrivateAccess } from "./private-access.js";
import { checkReferences } from "./references.js";
import { checkResources } from "./resources.js";
import { checkServiceClosures } from "./service-closure.js";
import { checkStreaming } from "./streaming.js";
import { checkTargets } from "./targets.js";
import { checkTraitValues } from "./trait-values.js";
import { checkWireTraits } from "./wire-traits.js";

/** What a check sees, and how it reports. */
export interface ValidationContext {
  /** The flattened model (mixins applied). */
  readonly model: SmithyModel;
  /** A shape of the model or of the prelude (`smithy.api#String`), by absolute id. */
  shape(id: string): AstShape | undefined;
  /**
   * Reports an error at a shape, or inside it (`inner`: a path in the shape's AST, e.g.
   * `["members", "a"]`, `["traits", "smithy.api#http"]`). The message names the shape.
   */
  error(code: string, shapeId: string, message: string, hint: string, ...inner: (string | number)[]): void;
  /**
   * A Smithy (java.util.regex) pattern as a RegExp, translated once per validation run; undefined
   * when ECMAScript cannot say it exactly (such a pattern is not judged).
   */
  pattern(source: string): RegExp | undefined;
}

export type ModelCheck = (ctx: ValidationContext) => void;

/** Every check, in the order it runs. */
const CHECKS: readonly ModelCheck[] = [
  checkTargets,
  checkServiceClosures,
  checkOperationInputOutput,
  checkShapeIdConflicts,
  checkResources,
  checkPrivateAccess,
  checkReferences,
  checkMetadataTraits,
  checkDefaults,
  checkMemberTraits,
  checkOperationTraits,
  checkTraitValues,
  checkHttpBindings,
  checkHostLabels,
  checkStreaming,
  checkWireTraits,
];

/** Runs every check on a flattened model; errors go to `diags`. */
export function validateSmithyModel(model: SmithyModel, diags: Diagnostics): void {
  // Patterns repeat across a model (every value of a shape, every example): each is translated once.
  const patterns = new Map<string, RegExp | undefined>();
  const ctx: ValidationContext = {
    pattern: (source) => {
      if (patterns.has(source)) return patterns.get(source);
      const t = translateJavaPattern(source);
      const regex = t.kind === "ok" ? new RegExp(t.source, "u") : undefined;
      patterns.set(source, regex);
      return regex;
    },
    model,
    shape: (id) => model.shapes.get(id) ?? preludeShape(id),
    error: (code, shapeId, message, hint, ...inner) => diags.add({ code, severity: "error", message, hint, ...whereIs(model, shapeId.split("$")[0]!, ...memberPath(model, shapeId, inner)) }),
  };
  for (const check of CHECKS) check(ctx);
}

/**
 * The AST path of a member id's member, then `inner`: `ns#S$a` → `["members", "a"]`, a list's
 * `ns#L$member` → `["member"]`, a map's `ns#M$key` → `["key"]`.
 */
function memberPath(model: SmithyModel, shapeId: string, inner: readonly (string | number)[]): (string | number)[] {
  const dollar = shapeId.indexOf("$");
  if (dollar < 0) return [...inner];
  const name = shapeId.slice(dollar + 1);
  const type = model.shapes.get(shapeId.slice(0, dollar))?.type;
  const collection = type === "list" || type === "set" || type === "map";
  return [...(collection ? [name] : ["members", name]), ...inner];
}
