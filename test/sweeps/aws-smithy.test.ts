// The whole AWS corpus (../shared/corpus/aws-smithy/*.json.gz, 402 services): every model
// generates with no error diagnostic and no crash; every 25th output is also type-checked, and so
// is every service whose protocol has a serializer of its own that the sample may miss (restXml,
// awsQuery). Prints `aws corpus: N generated, M rejected, 0 crashed`, how many operations got a
// serializer and how many a deserializer (every operation of every service whose protocol the
// registry knows; the services without one are named), and how many type-checked folders held
// deserializers.ts and errors.ts (every sampled folder with serializers must have both, so the
// strict type-check covers the response side too). Every file whose printer emits the formatter's
// final layout (GenerateResult.final: the default oxfmt run does not format it) must be exactly
// what oxfmt makes of it (test/helpers/layout-oracle.ts); prints how many files and characters
// that covers. Run with `npm run test:aws-corpus`.

import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS, corpusFile } from "../helpers/paths.js";
import { generateGz } from "../aws/gz.js";
import { writeTree } from "../helpers/generate.js";
import { typecheckFolder } from "../helpers/typecheck.js";
import { unstableFinal } from "../helpers/layout-oracle.js";

/** Type-checked whatever their position: every restXml and every awsQuery service of the corpus. */
const ALWAYS_TYPECHECKED = new Set([
  ...["cloudfront", "route-53", "s3", "s3-control"],
  ...["auto-scaling", "cloudformation", "cloudsearch", "cloudwatch", "docdb", "elastic-beanstalk", "elastic-load-balancing"],
  ...["elastic-load-balancing-v2", "elasticache", "iam", "neptune", "rds", "redshift", "ses", "sns", "sts"],
]);

describe("AWS corpus", () => {
  it("generates every service", async () => {
    corpusFile("aws-smithy/cognito-identity-provider.json");
    const files = readdirSync(`${CORPUS}/aws-smithy`).filter((f) => f.endsWith(".json.gz")).sort();
    expect(files.length).toBeGreaterThan(400);
    const rejected: string[] = [];
    const crashed: string[] = [];
    const typeErrors: string[] = [];
    let generated = 0;
    let serializers = 0;
    let deserializers = 0;
    const withoutSerializers: string[] = [];
    const withoutDeserializers: string[] = [];
    let checkedResponseSides = 0;
    const unstable: string[] = [];
    const notFinalTypes: string[] = [];
    let finalFiles = 0;
    let finalChars = 0;
    let allChars = 0;
    const checkedWithoutResponseSide: string[] = [];
    for (const [i, file] of files.entries()) {
      const name = file.replace(/\.json\.gz$/, "");
      try {
        const result = await generateGz(`${CORPUS}/aws-smithy/${file}`, name, { format: false });
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) {
          rejected.push(`${name}: ${errors[0]!.code} ${errors[0]!.message}`);
          continue;
        }
        generated++;
        unstable.push(...(await unstableFinal(result)));
        if (!result.final!.has(`${name}/types.ts`)) notFinalTypes.push(name);
        for (const [path, content] of result.files) {
          allChars += content.length;
          if (result.final!.has(path)) (finalFiles++, (finalChars += content.length));
        }
        const text = result.files.get(`${name}/serializers.ts`) ?? "";
        const count = text.match(/^export function serialize/gm)?.length ?? 0;
        serializers += count;
        if (count === 0) withoutSerializers.push(name);
        const readers = result.files.get(`${name}/deserializers.ts`) ?? "";
        const readerCount = readers.match(/^export function deserialize\w*Response\(/gm)?.length ?? 0;
        deserializers += readerCount;
        if (readerCount === 0) withoutDeserializers.push(name);
        if (i % 25 === 0 || ALWAYS_TYPECHECKED.has(name)) {
          typeErrors.push(...typecheckFolder(writeTree(result.files, name)).map((e) => `${name}/${e}`));
          if (result.files.has(`${name}/deserializers.ts`) && result.files.has(`${name}/errors.ts`)) checkedResponseSides++;
          else if (count > 0) checkedWithoutResponseSide.push(name);
        }
      } catch (error) {
        crashed.push(`${name}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    console.log(`aws corpus: ${generated} generated, ${rejected.length} rejected, ${crashed.length} crashed`);
    for (const line of [...rejected, ...crashed]) console.log("  " + line);
    console.log(`aws corpus: ${serializers} operations with a serializer; services without serializers: ${withoutSerializers.length} ${withoutSerializers.join(", ")}`);
    console.log(`aws corpus: ${deserializers} operations with a deserializer; services without deserializers: ${withoutDeserializers.length} ${withoutDeserializers.join(", ")}`);
    console.log(`aws corpus: ${checkedResponseSides} type-checked folders with deserializers.ts and errors.ts; without: ${checkedWithoutResponseSide.length} ${checkedWithoutResponseSide.join(", ")}`);
    console.log(`aws corpus: ${finalFiles} files in the printers' final layout (${(finalChars / 1e6).toFixed(1)} of ${(allChars / 1e6).toFixed(1)} M characters), not formatted by a default run; oxfmt changes ${unstable.length}; types.ts not final: ${notFinalTypes.length} ${notFinalTypes.join(", ")}`);
    expect(unstable).toEqual([]);
    expect(crashed).toEqual([]);
    expect(rejected).toEqual([]);
    expect(typeErrors).toEqual([]);
    expect(withoutSerializers).toEqual([]);
    expect(withoutDeserializers).toEqual([]);
    expect(checkedWithoutResponseSide).toEqual([]);
    expect(deserializers).toBe(serializers);
  });
});
