// The `@metadata` trait (a shape that types a metadata key), judged as the reference's
// `MetadataTrait` validator judges it.
//
//   @metadata(key: "auditLevel") string AuditLevelA
//   @metadata(key: "auditLevel") string AuditLevelB
//   → SMITHY_METADATA_TRAIT at `AuditLevelA`: "A type has already been defined for the metadata key
//     `auditLevel`. Conflicts with: [ns#AuditLevelB]" (and at `AuditLevelB`)
//
// A key is typed by one shape only, and the keys Smithy itself reads (`suppressions`,
// `validators`, `severityOverrides`) are typed by the prelude alone.

import type { ValidationContext } from "./index.js";

const METADATA = "smithy.api#metadata";
const RESERVED = new Set(["suppressions", "validators", "severityOverrides"]);

export function checkMetadataTraits(ctx: ValidationContext): void {
  const byKey = new Map<string, string[]>();
  for (const [id, shape] of ctx.model.shapes) {
    const value = shape.traits?.[METADATA];
    if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
    const key = (value as Readonly<Record<string, unknown>>)["key"];
    if (typeof key !== "string") continue;
    if (RESERVED.has(key) && !id.startsWith("smithy.api#")) {
      ctx.error("SMITHY_METADATA_TRAIT", id, `The metadata key \`${key}\` has been reserved by Smithy and may not be defined elsewhere.`, "Choose another key for `@metadata`", "traits", METADATA);
      continue;
    }
    const ids = byKey.get(key);
    if (ids === undefined) byKey.set(key, [id]);
    else ids.push(id);
  }
  for (const [key, ids] of byKey) {
    if (ids.length < 2) continue;
    const sorted = [...ids].sort();
    for (const id of ids) {
      ctx.error(
        "SMITHY_METADATA_TRAIT",
        id,
        `A type has already been defined for the metadata key \`${key}\`. Conflicts with: [${sorted.filter((o) => o !== id).join(", ")}]`,
        `Type the key \`${key}\` with one shape only`,
        "traits",
        METADATA,
      );
    }
  }
}
