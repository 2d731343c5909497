// Builds the TSDoc comment of a shape, an enum value, an operation or a member from the model,
// through the one TSDoc builder (generator/docs/tsdoc.ts).
//
//   member ClientId (required) → target ClientIdType (length 1–128, sensitive)
//   → ["/**", " * The ID of the app client.", " *", " * Constraints: ...", " */"]

import { tsdoc, type DocLines } from "../docs/tsdoc.js";
import type { Constraints, Deprecation, Documentation, Member, Shape } from "../model/ir.js";

interface Documented {
  readonly docs?: Documentation;
  readonly deprecated?: Deprecation;
  readonly sensitive: boolean;
  readonly constraints: Constraints;
  readonly type?: Shape["type"];
  readonly format?: string;
}

/** The per-run memo of documentation lines (docs/memo.ts), by the name the emitters know it by. */
export { DocMemo as MarkdownMemo } from "../docs/memo.js";

/** The comment of a declaration; `fallback` stands in when the model documents nothing. */
export function docComment(item: Documented, fallback?: string, memo?: DocLines): string[] {
  const docs = item.docs ?? (fallback ? { text: fallback, format: "commonmark" as const } : undefined);
  return tsdoc({
    docs,
    deprecated: item.deprecated,
    constraints: item.constraints,
    kind: item.type,
    sensitive: item.sensitive,
    format: item.format,
  }, memo);
}

/** The comment of a structure member: its own docs, else its target's; constraints of both; each line after `indent`. */
export function memberDocComment(member: Member, target: Shape, memo?: DocLines, indent = ""): string[] {
  return tsdoc({
    docs: member.docs ?? target.docs,
    deprecated: member.deprecated,
    // Merged only when both have some (every member passes here).
    constraints: isEmpty(member.constraints) ? target.constraints : isEmpty(target.constraints) ? member.constraints : { ...target.constraints, ...member.constraints },
    kind: target.type,
    enumValues: target.type === "enum" || target.type === "intEnum" ? target.values.map((v) => v.value) : undefined,
    sensitive: target.sensitive || member.sensitive === true,
    required: member.required,
    defaultValue: member.default,
    format: target.type === "string" ? target.format : undefined,
    readOnly: member.readOnly,
    writeOnly: member.writeOnly,
  }, memo, indent);
}

function isEmpty(constraints: Constraints): boolean {
  for (const _ in constraints) return false;
  return true;
}
