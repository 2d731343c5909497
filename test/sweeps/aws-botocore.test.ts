// The whole AWS corpus in its older format (../shared/corpus/aws-botocore/*.normal.json.gz, 400
// AWS JSON service descriptions): every document generates with no error diagnostic and no crash;
// every 20th output is also type-checked under the strict options and must have no type error
// (migration-hub's octal escapes and directory-service's \p{LD} patterns, once exempted here,
// type-check since patterns are translated from Java). Prints
// `aws botocore corpus: N generated, M rejected, 0 crashed; K type-checked`. Run with `npm run test:aws-corpus`.

import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS, corpusFile } from "../helpers/paths.js";
import { generateGz } from "../aws/gz.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";

/** Type errors of a generated folder. */
function typeErrorsOf(files: ReadonlyMap<string, string>, name: string): string[] {
  return typecheckFolder(writeTree(files, name));
}

describe("AWS corpus, botocore format", () => {
  it("generates every service description", async () => {
    corpusFile("aws-botocore/cognito-idp-2016-04-18.normal.json.gz");
    const files = readdirSync(`${CORPUS}/aws-botocore`).filter((f) => f.endsWith(".normal.json.gz")).sort();
    expect(files.length).toBe(400);
    const rejected: string[] = [];
    const crashed: string[] = [];
    const typeErrors: string[] = [];
    let generated = 0;
    let typechecked = 0;
    for (const [i, file] of files.entries()) {
      const name = file.replace(/\.normal\.json\.gz$/, "");
      try {
        const result = await generateGz(`${CORPUS}/aws-botocore/${file}`, name, { format: false });
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) {
          rejected.push(`${name}: ${errors[0]!.code} ${errors[0]!.message}`);
          continue;
        }
        generated++;
        if (i % 20 === 0) {
          typechecked++;
          const errors = typeErrorsOf(result.files, name);
          typeErrors.push(...errors.map((e) => `${name}/${e}`));
        }
      } catch (error) {
        crashed.push(`${name}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    console.log(`aws botocore corpus: ${generated} generated, ${rejected.length} rejected, ${crashed.length} crashed; ${typechecked} type-checked`);
    for (const line of [...rejected, ...crashed, ...typeErrors.slice(0, 50)]) console.log("  " + line);
    expect(crashed).toEqual([]);
    expect(rejected).toEqual([]);
    expect(typechecked).toBeGreaterThanOrEqual(20);
    expect(typeErrors).toEqual([]);
  });
});
