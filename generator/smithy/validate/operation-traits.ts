// Operation traits judged against the operation's input, output and errors, as the reference's
// `PaginatedTrait`, `IdempotentTrait` and `ExamplesTrait` validators judge them:
// - @paginated: `inputToken` and `pageSize` name a top-level input member (no paths), `outputToken`
//   and `items` an output member or a path of members (`a.b`); tokens target a string or map,
//   `pageSize` a byte, short, integer or long, `items` a list or map; the input token is optional.
//   Within a service, the trait merged with the service's @paginated must set both tokens.
// - @idempotent: `exists` and `notFound` are mutually exclusive, and name errors of the operation.
// - @examples: an example has output or error, not both; `allowConstraintErrors` needs an error;
//   an error must be one the operation can return (its own, or one of every service it is bound
//   in); without `allowConstraintErrors`, an input or output must be a value of its structure
//   (node-value.ts).
//
//   @paginated(inputToken: "nextToken", outputToken: "nextToken")
//   operation List { input := { pageSize: Integer } output := { nextToken: String } }
//   → error SMITHY_PAGINATED_TRAIT at `ns#List`: "paginated trait `inputToken` targets a member
//     `nextToken` that does not exist"

import { isObjectNode, type AstMemberRef, type AstShape, type NodeValue } from "../ast.js";
import type { ValidationContext } from "./index.js";
import { checkNodeValue } from "./node-value.js";

const UNIT = "smithy.api#Unit";

export function checkOperationTraits(ctx: ValidationContext): void {
  const services = servicesByOperation(ctx);
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type !== "operation") continue;
    const traits = shape.traits ?? {};
    const bound = services.get(id) ?? [];
    if (isObjectNode(traits["smithy.api#paginated"])) checkPaginated(ctx, id, shape, traits["smithy.api#paginated"], bound);
    if (isObjectNode(traits["smithy.api#idempotent"])) checkIdempotent(ctx, id, shape, traits["smithy.api#idempotent"], bound);
    if (Array.isArray(traits["smithy.api#examples"])) checkExamples(ctx, id, shape, traits["smithy.api#examples"], bound);
  }
}

/** Operation id → the services whose closure binds it (directly or through resources). */
function servicesByOperation(ctx: ValidationContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type !== "service") continue;
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const s = ctx.shape(next);
      if (s === undefined) continue;
      if (s.type === "operation") {
        out.set(next, [...(out.get(next) ?? []), id]);
        continue;
      }
      for (const ref of [...(s.operations ?? []), ...(s.resources ?? []), ...(s.collectionOperations ?? [])]) stack.push(ref.target);
      for (const key of ["create", "put", "read", "update", "delete", "list"] as const) if (s[key] !== undefined) stack.push(s[key]!.target);
    }
  }
  return out;
}

/** The members of an operation's input or output structure (none for Unit or a missing one). */
function structureOf(ctx: ValidationContext, ref: { target: string } | undefined): AstShape | undefined {
  if (ref === undefined || ref.target === UNIT) return undefined;
  const shape = ctx.shape(ref.target);
  return shape?.type === "structure" ? shape : undefined;
}

function memberOf(shape: AstShape | undefined, name: string): AstMemberRef | undefined {
  return shape?.members !== undefined && Object.prototype.hasOwnProperty.call(shape.members, name) ? shape.members[name] : undefined;
}

type Property = "inputToken" | "outputToken" | "items" | "pageSize";

const PROPERTIES: readonly { name: Property; output: boolean; required: boolean; targets: readonly string[] }[] = [
  { name: "inputToken", output: false, required: true, targets: ["map", "string"] },
  { name: "pageSize", output: false, required: false, targets: ["byte", "integer", "long", "short"] },
  { name: "outputToken", output: true, required: true, targets: ["map", "string"] },
  { name: "items", output: true, required: false, targets: ["list", "map"] },
];

function checkPaginated(ctx: ValidationContext, id: string, operation: AstShape, trait: Readonly<Record<string, NodeValue>>, services: readonly string[]): void {
  const input = structureOf(ctx, operation.input);
  const output = structureOf(ctx, operation.output);
  const hint = "Name a member of the operation's input (inputToken, pageSize) or output (outputToken, items) that fits the property";
  const judge = (values: Readonly<Record<string, NodeValue>>, service: string | undefined): boolean => {
    const prefix = service !== undefined ? `When bound within the \`${service}\` service, ` : "";
    let any = false;
    const error = (message: string) => {
      any = true;
      ctx.error("SMITHY_PAGINATED_TRAIT", id, `\`${id}\`: ${prefix}paginated trait ${message}`, hint, "traits", "smithy.api#paginated");
    };
    for (const p of PROPERTIES) {
      const path = values[p.name];
      if (typeof path !== "string") {
        if (service !== undefined && p.required) error(`\`${p.name}\` is not configured`);
        continue;
      }
      if (!p.output && path.includes(".")) {
        error(`\`${p.name}\` does not allow path values`);
        continue;
      }
      const member = p.output ? resolvePath(ctx, output, path) : memberOf(input, path);
      if (member === undefined) {
        error(`\`${p.name}\` targets a member \`${path}\` that does not exist`);
        continue;
      }
      const name = path.slice(path.lastIndexOf(".") + 1);
      const required = member.traits?.["smithy.api#required"] !== undefined;
      if (p.name === "inputToken" && required) error(`\`${p.name}\` member \`${name}\` must not be required`);
      // The reference warns (DANGER, WARNING) here: no error, but the service merge is skipped.
      else if (required) any = true;
      const type = ctx.shape(member.target)?.type;
      const targetType = type === "set" ? "list" : type;
      if (targetType !== undefined && !p.targets.includes(targetType)) {
        error(`\`${p.name}\` member \`${name}\` targets a ${type} shape, but must target one of the following: [${p.targets.map((t) => `\`${t}\``).join(", ")}]`);
      } else if ((p.name === "pageSize" && type !== "integer") || ((p.name === "inputToken" || p.name === "outputToken") && type === "map") || (p.output && path.split(".").length > 2)) {
        any = true;
      }
    }
    return any;
  };
  // The reference merges with the services' @paginated only when the operation alone gave no event (warnings included).
  if (judge(trait, undefined)) return;
  for (const service of services) {
    const own = ctx.shape(service)?.traits?.["smithy.api#paginated"];
    const merged = { ...(isObjectNode(own) ? own : {}), ...trait };
    judge(merged, service);
  }
}

/** A member by a path of member names through structures (`a.b`), from an output structure. */
function resolvePath(ctx: ValidationContext, from: AstShape | undefined, path: string): AstMemberRef | undefined {
  let shape = from;
  let member: AstMemberRef | undefined;
  for (const part of path.split(".")) {
    if (shape === undefined || shape.type !== "structure") return undefined;
    member = memberOf(shape, part);
    if (member === undefined) return undefined;
    shape = ctx.shape(member.target);
  }
  return member;
}

/** The errors an operation lists itself. */
function errorsOf(operation: AstShape): string[] {
  return (operation.errors ?? []).map((e) => e.target);
}

function checkIdempotent(ctx: ValidationContext, id: string, operation: AstShape, trait: Readonly<Record<string, NodeValue>>, services: readonly string[]): void {
  if (trait["exists"] !== undefined && trait["notFound"] !== undefined) {
    ctx.error("SMITHY_IDEMPOTENT_TRAIT", id, `\`${id}\`: the \`exists\` and \`notFound\` properties of the \`@idempotent\` trait are mutually exclusive. Only one may be specified.`, "Keep one of `exists` and `notFound`", "traits", "smithy.api#idempotent");
    return;
  }
  const own = errorsOf(operation);
  const serviceErrors = services.flatMap((s) => (ctx.shape(s)?.errors ?? []).map((e) => e.target));
  for (const property of ["exists", "notFound"] as const) {
    const listed = trait[property];
    if (!Array.isArray(listed)) continue;
    for (const error of listed) {
      if (typeof error !== "string" || own.includes(error) || serviceErrors.includes(error)) continue;
      ctx.error(
        "SMITHY_IDEMPOTENT_TRAIT",
        id,
        `\`${id}\`: the \`${property}\` property references error \`${error}\`, but it is not in the operation's errors list. Expected one of ${own.map((e) => `\`${e}\``).join(", ")}`,
        `Add \`${error}\` to the operation's \`errors\`, or name one of its errors`,
        "traits",
        "smithy.api#idempotent",
      );
    }
  }
}

function checkExamples(ctx: ValidationContext, id: string, operation: AstShape, examples: readonly NodeValue[], services: readonly string[]): void {
  const own = errorsOf(operation);
  const canReturn = (error: string): boolean =>
    own.includes(error) || (services.length > 0 && services.every((s) => (ctx.shape(s)?.errors ?? []).some((e) => e.target === error)));
  examples.forEach((example, index) => {
    if (!isObjectNode(example)) return;
    const title = typeof example["title"] === "string" ? example["title"] : String(index);
    const error = isObjectNode(example["error"]) ? example["error"] : undefined;
    const allowConstraintErrors = example["allowConstraintErrors"] === true;
    const report = (message: string, hint: string) => ctx.error("SMITHY_EXAMPLES_TRAIT", id, `\`${id}\`: ${message}`, hint, "traits", "smithy.api#examples", index);
    if (error !== undefined && example["output"] !== undefined) {
      report(`example: \`${title}\` has both output and error defined, only one should be present.`, "Remove the example's output or its error");
    }
    if (allowConstraintErrors && error === undefined) {
      report(`example: \`${title}\` has allowConstraintErrors enabled, so error must be defined.`, "Add the error the constraint failure gives, or remove `allowConstraintErrors`");
    }
    const shapeId = error !== undefined && typeof error["shapeId"] === "string" ? error["shapeId"] : undefined;
    if (shapeId !== undefined && !canReturn(shapeId)) {
      report(`error parameters provided for operation without the \`${shapeId}\` error: \`${title}\``, `Add \`${shapeId}\` to the operation's \`errors\` (or to every service that binds it), or use one of its errors`);
    }
    if (allowConstraintErrors) return; // the reference words value problems as warnings then
    for (const [part, ref] of [
      ["input", operation.input],
      ["output", operation.output],
    ] as const) {
      const value = example[part];
      if (!isObjectNode(value) || ref === undefined || ref.target === UNIT || ctx.shape(ref.target) === undefined) continue;
      for (const p of checkNodeValue(ctx, value, { id: ref.target })) {
        if (p.range !== undefined) continue; // worded apart (`ExamplesTrait.Member`)
        report(`example ${part} of \`${title}\`${p.path === "" ? "" : `.${p.path}`}: ${p.message}`, `Make the example's ${part} a valid value of \`${ref.target}\``);
      }
    }
  });
}
