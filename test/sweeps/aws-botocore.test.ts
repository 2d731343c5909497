// The whole AWS corpus in its older format (../shared/corpus/aws-botocore/*.normal.json.gz, 400
// AWS JSON service descriptions): every document generates with no error diagnostic and no crash;
// every 20th output is also type-checked under the strict options. A sampled service with type
// errors passes only when it is listed in SAME_AS_SMITHY (with the reason) and its Smithy model
// (../shared/corpus/aws-smithy/) gives exactly the same errors: a validators issue shared by both
// front ends, not one of this format. Prints
// `aws botocore corpus: N generated, M rejected, 0 crashed; K type-checked`. Run with `npm run test:aws-corpus`.

import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS, corpusFile } from "../helpers/paths.js";
import { generateGz } from "../aws/gz.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";

/** Sampled services whose validators do not type-check from either description, and why. */
const SAME_AS_SMITHY: Readonly<Record<string, { smithy: string; reason: string }>> = {
  "AWSMigrationHub-2017-05-31": { smithy: "migration-hub", reason: "pattern [^/:|\\000-\\037] uses octal escapes, which an ECMAScript regex literal without the u flag rejects (TS1487)" },
  "ds-2015-04-16": { smithy: "directory-service", reason: "patterns use Java's \\p{LD} / \\p{Punct} classes, unknown to ECMAScript (TS1529/TS1530)" },
};

/** Type errors of a generated folder. */
function typeErrorsOf(files: ReadonlyMap<string, string>, name: string): string[] {
  return typecheckFolder(writeTree(files, name));
}

/** The codes and messages of type errors, without positions (the two descriptions order shapes otherwise). */
function kinds(errors: readonly string[]): string[] {
  return errors.map((e) => e.replace(/^\S+ /, "")).sort();
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
          const known = SAME_AS_SMITHY[name];
          if (known && errors.length > 0) {
            const twin = await generateGz(corpusFile(`aws-smithy/${known.smithy}.json.gz`), name, { format: false });
            const twinErrors = typeErrorsOf(twin.files, name);
            console.log(`  ${name}: ${errors.length} type errors, the same as from its Smithy model (${known.reason})`);
            if (JSON.stringify(kinds(errors)) === JSON.stringify(kinds(twinErrors))) continue;
            typeErrors.push(`${name}: its Smithy model gives other type errors: ${JSON.stringify(kinds(twinErrors))}`);
          }
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
