// The metadata keys Smithy reserves for its validation (`validators`, `suppressions`,
// `severityOverrides`) must have the form Smithy reads them in: a list of objects with the
// required string properties. Anything else is an error at the offending value.
//
//   checkReservedMetadata("validators", {}, at, diags)
//   → false; SMITHY_METADATA_INVALID "Metadata `validators` must be a list of objects, but is an object"
//   checkReservedMetadata("validators", [{ name: "EmitEachSelector" }], at, diags) → true
//   checkReservedMetadata("other", 42, at, diags) → true (not reserved)

import type { Diagnostic, Diagnostics } from "../diagnostics.js";
import { BigNumberNode, isObjectNode, type NodeValue } from "./ast.js";

type Where = Omit<Diagnostic, "code" | "severity" | "message">;

/** Reserved key → the properties each entry must have (strings), and those it may have. */
const RESERVED: Readonly<Record<string, { readonly required: readonly string[]; readonly strings: readonly string[]; readonly example: string }>> = {
  validators: { required: ["name"], strings: ["name", "id", "message", "severity", "selector"], example: '[{ name: "EmitEachSelector", configuration: { selector: "..." } }]' },
  suppressions: { required: ["id", "namespace"], strings: ["id", "namespace", "reason"], example: '[{ id: "UnreferencedShape", namespace: "*" }]' },
  severityOverrides: { required: ["id", "namespace", "severity"], strings: ["id", "namespace", "severity"], example: '[{ id: "UnreferencedShape", namespace: "*", severity: "DANGER" }]' },
};

/**
 * Checks one file's value of a metadata key; `at(...path)` gives the position of a path under
 * `["metadata", key]`. Returns whether the value may be merged into the model.
 */
export function checkReservedMetadata(key: string, value: NodeValue, at: (...path: (string | number)[]) => Where, diags: Diagnostics): boolean {
  if (!Object.prototype.hasOwnProperty.call(RESERVED, key)) return true;
  const rule = RESERVED[key] as (typeof RESERVED)[string];
  const hint = `Smithy reads \`${key}\` as a list of objects, e.g. \`metadata ${key} = ${rule.example}\`.`;
  if (!Array.isArray(value)) {
    diags.error("SMITHY_METADATA_INVALID", `Metadata \`${key}\` must be a list of objects, but is ${describe(value)}`, { ...at("metadata", key), hint });
    return false;
  }
  let ok = true;
  value.forEach((entry, i) => {
    if (!isObjectNode(entry)) {
      diags.error("SMITHY_METADATA_INVALID", `Entry ${i} of metadata \`${key}\` must be an object, but is ${describe(entry)}`, { ...at("metadata", key, i), hint });
      ok = false;
      return;
    }
    for (const property of rule.required) {
      if (!Object.prototype.hasOwnProperty.call(entry, property)) {
        diags.error("SMITHY_METADATA_INVALID", `Entry ${i} of metadata \`${key}\` is missing the required property \`${property}\``, { ...at("metadata", key, i), hint });
        ok = false;
      }
    }
    for (const property of rule.strings) {
      const v = Object.prototype.hasOwnProperty.call(entry, property) ? entry[property] : undefined;
      if (v !== undefined && typeof v !== "string") {
        diags.error("SMITHY_METADATA_INVALID", `Property \`${property}\` of entry ${i} of metadata \`${key}\` must be a string, but is ${describe(v)}`, {
          ...at("metadata", key, i, property),
          hint,
        });
        ok = false;
      }
    }
    const severity = Object.prototype.hasOwnProperty.call(entry, "severity") ? entry["severity"] : undefined;
    if (key === "severityOverrides" && typeof severity === "string" && severity !== "DANGER" && severity !== "WARNING") {
      diags.error("SMITHY_METADATA_INVALID", `Property \`severity\` of entry ${i} of metadata \`${key}\` must be \`DANGER\` or \`WARNING\`, but is \`${severity}\``, {
        ...at("metadata", key, i, "severity"),
        hint: "A severity can be raised to DANGER at most; an ERROR cannot be overridden.",
      });
      ok = false;
    }
  });
  return ok;
}

function describe(value: NodeValue | undefined): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof BigNumberNode) return "a number";
  switch (typeof value) {
    case "object":
      return "an object";
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    default:
      return "undefined";
  }
}
