// The `@references` trait, judged as the reference's `ReferencesTrait` validator judges it.
//
//   resource MyResource { identifiers: { abc: String, def: String } }
//   @references([{ resource: MyResource, ids: { abc: "abc" } }])
//   structure MyStructure { @required abc: String }
//   → SMITHY_REFERENCES at `MyStructure`: "Not enough identifiers were provided in the `ids` properties
//     of Reference{…}. Expected 2 identifiers(s), but found 1. …"
//
// - A reference names a resource (a shape of another type is an error).
// - On a string shape: no `ids`, and the resource has exactly one identifier.
// - On a structure: `ids` (when given) name every identifier of the resource and no other; each
//   member they name (or, without `ids`, each identifier's own name) is a member of the structure
//   that targets a string.

import type { NodeValue } from "../ast.js";
import type { ValidationContext } from "./index.js";

const REFERENCES = "smithy.api#references";
const HINT = "Fix the reference in `@references`: see https://smithy.io/2.0/spec/resource-traits.html#references-trait";

/** How the reference prints a reference: `Reference{"resource":"ns#R","ids":{…}}`. */
function shown(reference: Readonly<Record<string, NodeValue>>): string {
  const out: Record<string, NodeValue> = {};
  for (const key of ["resource", "ids", "service", "rel"]) if (reference[key] !== undefined) out[key] = reference[key]!;
  return `Reference${JSON.stringify(out)}`;
}

function ticked(names: Iterable<string>): string {
  return [...names].sort().map((n) => `\`${n}\``).join(", ");
}

function isStringShape(type: string | undefined): boolean {
  return type === "string" || type === "enum";
}

export function checkReferences(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    const value = shape.traits?.[REFERENCES];
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (typeof item !== "object" || item === null || Array.isArray(item)) continue;
      const reference = item as Readonly<Record<string, NodeValue>>;
      const ids = typeof reference["ids"] === "object" && reference["ids"] !== null && !Array.isArray(reference["ids"]) ? (reference["ids"] as Readonly<Record<string, NodeValue>>) : {};
      const idCount = Object.keys(ids).length;
      const at = ["traits", REFERENCES];
      if (isStringShape(shape.type) && idCount > 0) {
        ctx.error("SMITHY_REFERENCES", id, `References applied to string shapes cannot contain 'ids': ${shown(reference)}`, "Remove `ids`: a string shape holds the one identifier itself", ...at);
      }
      const resourceId = typeof reference["resource"] === "string" ? reference["resource"] : undefined;
      const resource = resourceId === undefined ? undefined : ctx.shape(resourceId);
      if (resource === undefined) continue;
      if (resource.type !== "resource") {
        ctx.error("SMITHY_REFERENCES", id, `\`references\` trait reference targets a ${resource.type} shape not a resource: ${shown(reference)}`, "Point `resource` at a resource shape", ...at);
        continue;
      }
      const identifiers = Object.keys(resource.identifiers ?? {});
      if (isStringShape(shape.type)) {
        if (identifiers.length !== 1) {
          ctx.error(
            "SMITHY_REFERENCES",
            id,
            `This string shape contains an invalid reference to ${resourceId}: ${shown(reference)}. References on a string shape can only refer to resource shapes with exactly one entry in its identifiers property, but this shape has the following identifiers: [${ticked(identifiers)}]`,
            "Reference the resource from a structure that has a member per identifier",
            ...at,
          );
        }
        continue;
      }
      if (shape.type !== "structure") continue;
      const explicit = idCount > 0;
      const resolved: [string, string][] = explicit ? Object.entries(ids).map(([k, v]) => [k, String(v)]) : identifiers.map((k) => [k, k]);
      if (explicit) {
        if (idCount !== identifiers.length) {
          ctx.error(
            "SMITHY_REFERENCES",
            id,
            `${identifiers.length < idCount ? "Too many" : "Not enough"} identifiers were provided in the \`ids\` properties of ${shown(reference)}. Expected ${identifiers.length} identifiers(s), but found ${idCount}. This resource requires bindings for the following identifiers: [${ticked(identifiers)}].`,
            `Give \`ids\` one entry per identifier of \`${resourceId}\``,
            ...at,
          );
        }
        const extra = Object.keys(ids).filter((k) => !identifiers.includes(k));
        if (extra.length > 0) {
          ctx.error(
            "SMITHY_REFERENCES",
            id,
            `\`references\` trait ${shown(reference)} contains extraneous resource identifier bindings, [${ticked(extra)}], that are not actually identifier names of the resource, \`${resourceId}\`. This resource has the following identifier names: [${ticked(identifiers)}]`,
            `Key \`ids\` by the identifier names of \`${resourceId}\``,
            ...at,
          );
        }
      }
      const reasons: string[] = [];
      for (const [, member] of resolved) {
        const ref = shape.members?.[member];
        if (ref === undefined) {
          // A collection reference may leave identifiers out (the message's own advice).
          if (!explicit && reference["rel"] === "collection") continue;
          reasons.push(explicit ? `\`${member}\` refers to a member that is not part of the structure` : `implicit binding of \`${member}\` is not part of the structure (set "rel" to "collection" to create a collection binding)`);
        } else if (!isStringShape(ctx.shape(ref.target)?.type)) {
          reasons.push(`\`${member}\` refers to a member that does not target a string shape`);
        }
      }
      if (reasons.length > 0) {
        ctx.error("SMITHY_REFERENCES", id, `\`references\` trait ${shown(reference)} is invalid for the following reasons: ${reasons.sort().join("; ")}`, HINT, ...at);
      }
    }
  }
}
