// The oracle of the printers' final layout: oxfmt itself. A file whose printer emits the
// formatter's layout (GenerateResult.final: an oxfmt run keeps it as printed, a `--no-format` run
// returns the same text) must be exactly what oxfmt makes of it; each one that is not is listed
// with its first differing lines.
//
//   await unstableFinal(result) → []
//   await unstableFinal({ files: Map { "m/types.ts" → "export interface A {\n}\n" }, final: Set { "m/types.ts" } })
//   → ["m/types.ts line 1: export interface A { | } → export interface A {}"]

import { formatTypeScript } from "../../generator/format.js";
import { lineDifferences } from "./line-diff.js";

export async function unstableFinal(result: { readonly files: ReadonlyMap<string, string>; readonly final?: ReadonlySet<string> }): Promise<string[]> {
  const out: string[] = [];
  for (const path of result.final ?? []) {
    const printed = result.files.get(path);
    if (printed === undefined) {
      out.push(`${path}: final but not among the files`);
      continue;
    }
    const formatted = await formatTypeScript(printed, { name: "oxfmt" });
    if (formatted === printed) continue;
    const hunk = lineDifferences(printed, formatted)[0]!;
    out.push(`${path} line ${hunk.line}: ${hunk.ours.slice(0, 3).join(" | ")} → ${hunk.theirs.slice(0, 3).join(" | ")}`);
  }
  return out;
}
