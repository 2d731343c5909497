// Statements whose names alone pass the print width (OpenAPI's derived names: Stripe's
// `validatePostBillingPortalConfigurationsConfigurationRequestBodyFeaturesSubscriptionUpdate`):
// the statement printer (generator/emit/statements.ts) breaks everything around the name and
// leaves the line of the name past the width, as prettier does; such a line does not make the
// file unsure, and oxfmt leaves the printed text as it is (the oracle).
//
//   layoutStatement(`export function validate<120 characters>(value: X, path = "", out: F[] = []): F[] {`)
//   → ["export function validate<120 characters>(", "  value: X,", '  path = "",', "  out: F[] = [],", "): F[] {"], no reason given

import { describe, expect, it } from "vitest";
import { formatTypeScript } from "../../generator/format.js";
import type { LayoutCheck } from "../../generator/emit/layout.js";
import { layoutStatement } from "../../generator/emit/statements.js";

const name = (prefix: string, length: number): string => prefix + "X".repeat(length - prefix.length);

describe("names past the print width", () => {
  it("are laid out as oxfmt lays them out, without making the file unsure", async () => {
    const reasons: string[] = [];
    const check: LayoutCheck = { unsure: (why) => reasons.push(why) };
    const lines: string[] = [];
    for (const length of [98, 101, 120]) {
      const fn = name("validate", length);
      lines.push(...layoutStatement(`export function ${fn}(value: Thing, path = "", out: ValidationFailure[] = []): ValidationFailure[] {`, check));
      lines.push(...layoutStatement(`  if (!${name("PATTERN_", length)}.test(value)) out.push({ path, message: "Value does not match the pattern" });`, check));
      lines.push(...layoutStatement(`  ${fn}(value, path + ".member", out);`, check));
      lines.push(...layoutStatement(`  const ${name("v", length)} = ${name("validate", length)};`, check));
      lines.push("  return out;", "}");
      lines.push(...layoutStatement(`export const ${name("validate", length)} = ${name("validateOther", length)};`, check));
      lines.push(...layoutStatement(`export const ${name("validate", length)} = ${name("validateOther", 30)};`, check));
    }
    const printed = lines.join("\n") + "\n";
    expect(reasons).toEqual([]);
    // The rule is exercised: names alone pass the width.
    expect(lines.filter((l) => l.length > 100).length).toBeGreaterThan(10);
    expect(await formatTypeScript(printed, { name: "oxfmt" })).toBe(printed);
  });

  it("a line past the width that holds more than a name is still unsure", () => {
    const reasons: string[] = [];
    const check: LayoutCheck = { unsure: (why) => reasons.push(why) };
    // A string key past the width: the line holds a name and a string.
    layoutStatement(`  out[${JSON.stringify(name("k", 110))}] = ${name("v", 30)};`, check);
    expect(reasons).toHaveLength(1);
  });
});
