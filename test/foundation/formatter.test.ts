// The default formatter (oxfmt) against prettier, whole outputs compared, every difference listed.
//
// "Prettier with the default options" is prettier as Shapesmith runs it when no prettier config
// is found (`--formatter prettier`): its defaults plus Shapesmith's layout (generator/format.ts
// LAYOUT: printWidth 100, trailingComma all, proseWrap preserve), parser typescript.
//
// The two differ in one way only, UNION_RULE: a union type too long for the line of its name is
// kept whole on the next line by prettier when it fits there, and put one member per line by
// oxfmt (`= A | B | C;` → `=\n  | A\n  | B\n  | C;`). Same tokens, same order.
// - Every committed generated/ file formatted by prettier: each line that changes is listed and
//   must be an instance of UNION_RULE (nothing else may differ); oxfmt leaves every file unchanged.
// - The whole real Cognito service (the AWS corpus, 1.2 MB of output) formatted by oxfmt, then by
//   prettier: the lines that change are exactly KNOWN_DIFFERENCES, and prettier's output of the
//   unformatted text is that same text, so the list is the whole of what separates the two.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { corpusPartitions } from "../helpers/partitions.js";
import { formatTypeScript, LAYOUT } from "../../generator/format.js";
import { listFiles } from "../../generator/cli/output.js";
import { corpusFile, GENERATED } from "../helpers/paths.js";
import { lineDifferences } from "../helpers/line-diff.js";

const PRETTIER = { ...LAYOUT, parser: "typescript" } as const;

/** Where prettier prints the real Cognito output differently from oxfmt: file, oxfmt's lines, prettier's. */
const KNOWN_DIFFERENCES = [
  {
    // The real model has endpoint rules: client.ts reads the endpoint's authSchemes entry.
    file: "client.ts",
    ours: ["    | { signingName?: string; signingRegion?: string; disableDoubleEncoding?: boolean }", "    | undefined;"],
    prettier: ["    { signingName?: string; signingRegion?: string; disableDoubleEncoding?: boolean } | undefined;"],
  },
  {
    file: "types.ts",
    ours: ["    | AttributesRequireVerificationBeforeUpdateType", "    | undefined;"],
    prettier: ["    AttributesRequireVerificationBeforeUpdateType | undefined;"],
  },
];

type Difference = { file: string; ours: readonly string[]; prettier: readonly string[] };

/** Whether a difference is UNION_RULE: oxfmt's `| A` lines are prettier's one line `A | B`, same indentation. */
function unionRule(d: Difference): boolean {
  const indent = /^(\s*)\| /.exec(d.ours[0] ?? "")?.[1];
  if (indent === undefined || d.ours.length < 2 || d.prettier.length !== 1) return false;
  if (!d.ours.every((line) => line.startsWith(`${indent}| `))) return false;
  return d.prettier[0] === indent + d.ours.map((line) => line.slice(indent.length + 2)).join(" | ");
}

async function differences(files: ReadonlyMap<string, string>, strip = ""): Promise<Difference[]> {
  const found: Difference[] = [];
  for (const [path, text] of files) {
    const again = await prettier.format(text, PRETTIER);
    for (const hunk of lineDifferences(text, again)) found.push({ file: path.slice(strip.length), ours: hunk.ours, prettier: hunk.theirs });
  }
  return found;
}

describe("the default formatter (oxfmt) and prettier", () => {
  it("prettier changes committed generated/ files only by UNION_RULE; oxfmt leaves every file unchanged", async () => {
    const files = new Map(listFiles(GENERATED).map((p) => [p, readFileSync(join(GENERATED, p), "utf8")] as const));
    expect(files.size).toBeGreaterThan(10);
    const found = await differences(files);
    console.log(`prettier vs oxfmt on generated/: ${found.length} differences, all union types (${found.map((d) => d.file).join(", ") || "none"})`);
    expect(found.filter((d) => !unionRule(d))).toEqual([]);
    for (const [path, text] of files) expect(await formatTypeScript(text), path).toBe(text);
  });

  it("UNION_RULE recognises exactly that difference", () => {
    const ours = ["  | A", "  | B;"];
    expect(unionRule({ file: "x", ours, prettier: ["  A | B;"] })).toBe(true);
    expect(unionRule({ file: "x", ours, prettier: ["  A | C;"] })).toBe(false);
    expect(unionRule({ file: "x", ours, prettier: ["    A | B;"] })).toBe(false);
    expect(unionRule({ file: "x", ours: ["  | A"], prettier: ["  A"] })).toBe(false);
    expect(unionRule({ file: "x", ours: ["  a: 1,", "  b: 2,"], prettier: ["  a: 1, b: 2,"] })).toBe(false);
    expect(KNOWN_DIFFERENCES.every(unionRule)).toBe(true);
  });

  it("on the whole real Cognito service, prettier changes exactly the listed lines of oxfmt's output", async () => {
    const model = corpusFile("aws-smithy/cognito-identity-provider.json");
    const input = [{ name: "c", files: [{ path: "cognito-identity-provider.json", text: readFileSync(model, "utf8") }] }];
    const host = { readFile: () => undefined };
    const templates = loadTemplates();
    const ours = await generate(input, host, { templates, partitions: corpusPartitions() });
    expect(ours.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect([...ours.files.values()].reduce((n, t) => n + t.length, 0)).toBeGreaterThan(1_000_000);
    expect(await differences(ours.files, "c/")).toEqual(KNOWN_DIFFERENCES);
    // prettier on the printers' own layout gives what prettier makes of oxfmt's: the list above
    // is all that separates the two formatters here.
    const raw = await generate(input, host, { templates, format: false, partitions: corpusPartitions() });
    for (const [path, text] of raw.files) {
      expect(await prettier.format(text, PRETTIER), path).toBe(await prettier.format(ours.files.get(path)!, PRETTIER));
    }
  });
});
