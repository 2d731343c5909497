// Host labels, judged as the reference's HostLabelTrait validator judges them: an operation's
// `endpoint` host prefix is filled in from `@hostLabel` input members, and must give a valid host.
//
//   @endpoint(hostPrefix: "{Shard}.data.")  operation Put { input: PutInput }
//   structure PutInput {}
//   → SMITHY_HOST_LABEL at `ns#Put`: "This operation uses ns#PutInput as input, but the following
//     host labels found in the operation's `endpoint` trait do not have a corresponding member
//     marked with the `hostLabel` trait: `Shard`", hint "Add a required string input member …"
//
// - Every label of the host prefix has a `@hostLabel` input member of its name; every
//   `@hostLabel` member has a label (case-insensitively).
// - The host prefix with each label replaced by `foo` is a host: letters, digits and `-` in
//   labels of at most 63 characters between dots, the first starting with a letter or digit.

import { isObjectNode, type AstShape } from "../ast.js";
import type { ValidationContext } from "./index.js";
import { hasTrait, ioOf, labelNamed, parseHostPrefix, structureMembers, ticked, traitOf } from "./patterns.js";

const ENDPOINT = "smithy.api#endpoint";
const HOST_LABEL = "smithy.api#hostLabel";

/** A host as the reference accepts it once the labels of a host prefix are filled in (RFC 3986 §3.2.2). */
const HOST = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}(?:\.[a-zA-Z0-9-]{1,63})*\.?$/;

export function checkHostLabels(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type === "operation" && traitOf(shape, ENDPOINT) !== undefined) checkOperation(ctx, id, shape);
  }
}

function checkOperation(ctx: ValidationContext, id: string, operation: AstShape): void {
  const endpoint = traitOf(operation, ENDPOINT);
  const hostPrefix = isObjectNode(endpoint) && typeof endpoint["hostPrefix"] === "string" ? endpoint["hostPrefix"] : undefined;
  const segments = hostPrefix === undefined ? undefined : parseHostPrefix(hostPrefix);
  if (hostPrefix === undefined || segments === undefined) return;
  const stub = segments.map((s) => (s.kind === "literal" ? s.content : "foo")).join("");
  if (!HOST.test(stub)) {
    ctx.error(
      "SMITHY_HOST_LABEL",
      id,
      `The \`endpoint\` trait hostPrefix, ${hostPrefix}, could not expand in to a valid RFC 3986 host: ${stub}`,
      "Use only letters, digits, `-` and `.` in the host prefix, with at most 63 characters between dots",
      "traits",
      ENDPOINT,
    );
  }
  const inputId = ioOf(operation, "input");
  const members = structureMembers(ctx, inputId);
  if (members === undefined) return;
  const labels = new Set(segments.filter((s) => s.kind !== "literal").map((s) => s.content));
  for (const [name, member] of members) {
    if (!hasTrait(member, HOST_LABEL)) continue;
    labels.delete(name);
    if (labelNamed(segments, name) !== undefined) continue;
    ctx.error(
      "SMITHY_HOST_LABEL",
      `${inputId}$${name}`,
      `This \`${name}\` structure member is marked with the \`hostLabel\` trait, but no corresponding \`endpoint\` label could be found when used as the input of the \`${id}\` operation.`,
      `Add \`{${name}}\` to the operation's \`endpoint\` host prefix, or remove \`@hostLabel\``,
      "traits",
      HOST_LABEL,
    );
  }
  if (labels.size > 0) {
    ctx.error(
      "SMITHY_HOST_LABEL",
      id,
      `This operation uses ${inputId} as input, but the following host labels found in the operation's \`endpoint\` trait do not have a corresponding member marked with the \`hostLabel\` trait: ${ticked(labels)}`,
      "Add a required string input member named like each label, marked `@hostLabel`, or remove the label from the host prefix",
      "traits",
      ENDPOINT,
    );
  }
}
