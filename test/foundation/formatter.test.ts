// The default formatter (oxfmt) against prettier, whole outputs compared, every difference listed.
//
// "Prettier with the default options" is prettier as Shapesmith runs it when no prettier config
// is found (`--formatter prettier`): its defaults plus Shapesmith's layout (generator/format.ts
// LAYOUT: printWidth 100, trailingComma all, proseWrap preserve), parser typescript.
//
// - Every committed generated/ file is left unchanged by prettier, and by oxfmt (formatted once,
//   stable): no difference.
// - The whole real Cognito service (the AWS corpus, 1.2 MB of output) formatted by oxfmt, then by
//   prettier: the lines that change are exactly KNOWN_DIFFERENCES (prettier keeps a long union
//   type after the member name's line; oxfmt breaks it per member). prettier's output of the
//   unformatted text is that same text, so the list is the whole of what separates the two.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { formatTypeScript, LAYOUT } from "../../generator/format.js";
import { listFiles } from "../../generator/cli/output.js";
import { corpusFile, GENERATED } from "../helpers/paths.js";
import { lineDifferences } from "../helpers/line-diff.js";

const PRETTIER = { ...LAYOUT, parser: "typescript" } as const;

/** Where prettier prints the real Cognito output differently from oxfmt: file, oxfmt's lines, prettier's. */
const KNOWN_DIFFERENCES = [
  {
    file: "types.ts",
    ours: ["    | AttributesRequireVerificationBeforeUpdateType", "    | undefined;"],
    prettier: ["    AttributesRequireVerificationBeforeUpdateType | undefined;"],
  },
];

async function differences(files: ReadonlyMap<string, string>, strip = "") {
  const found: { file: string; ours: readonly string[]; prettier: readonly string[] }[] = [];
  for (const [path, text] of files) {
    const again = await prettier.format(text, PRETTIER);
    for (const hunk of lineDifferences(text, again)) found.push({ file: path.slice(strip.length), ours: hunk.ours, prettier: hunk.theirs });
  }
  return found;
}

describe("the default formatter (oxfmt) and prettier", () => {
  it("prettier and oxfmt leave every committed generated/ file unchanged", async () => {
    const files = new Map(listFiles(GENERATED).map((p) => [p, readFileSync(join(GENERATED, p), "utf8")] as const));
    expect(files.size).toBeGreaterThan(10);
    expect(await differences(files)).toEqual([]);
    for (const [path, text] of files) expect(await formatTypeScript(text), path).toBe(text);
  });

  it("on the whole real Cognito service, prettier changes exactly the listed lines of oxfmt's output", async () => {
    const model = corpusFile("aws-smithy/cognito-identity-provider.json");
    const input = [{ name: "c", files: [{ path: "cognito-identity-provider.json", text: readFileSync(model, "utf8") }] }];
    const host = { readFile: () => undefined };
    const templates = loadTemplates();
    const ours = await generate(input, host, { templates });
    expect(ours.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect([...ours.files.values()].reduce((n, t) => n + t.length, 0)).toBeGreaterThan(1_000_000);
    expect(await differences(ours.files, "c/")).toEqual(KNOWN_DIFFERENCES);
    // prettier on the printers' own layout gives what prettier makes of oxfmt's: the list above
    // is all that separates the two formatters here.
    const raw = await generate(input, host, { templates, format: false });
    for (const [path, text] of raw.files) {
      expect(await prettier.format(text, PRETTIER), path).toBe(await prettier.format(ours.files.get(path)!, PRETTIER));
    }
  });
});
