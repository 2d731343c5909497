// Equivalence of the botocore front end with the Smithy front end, a small sample for `npm test`
// (the whole list of test/botocore/services.ts runs in `npm run test:aws-corpus`): our own
// InitiateAuth in both formats (no difference at all), and one small real service per protocol
// family. Same wire requests from random inputs, same validator verdicts valid and with one
// constraint broken; the differences between the two descriptions are listed, each confirmed
// against the raw documents where its kind can be read from them (real.ts).

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { corpusFile, MODELS } from "../helpers/paths.js";
import { compareService } from "./equivalence.js";
import { confirm, type RawPair } from "./real.js";

const SAMPLE = [
  { smithy: "freetier", botocore: "freetier-2023-09-07" },
  { smithy: "inspector-scan", botocore: "inspector-scan-2023-08-08" },
  { smithy: "sts", botocore: "sts-2011-06-15" },
];

function raw(smithy: string, botocore: string): RawPair {
  const read = (p: string) => JSON.parse(gunzipSync(readFileSync(p)).toString("utf8")) as never;
  return { smithy: read(smithy), botocore: read(botocore) };
}

describe("botocore and Smithy descriptions of the same service", () => {
  it("our InitiateAuth (models/) in both formats: no difference, same requests and verdicts", async () => {
    const report = await compareService(
      { name: "models-cognito", smithy: `${MODELS}/cognito-identity-provider.smithy`, botocore: `${MODELS}/cognito-identity-provider.botocore.json` },
      { samples: 50, seed: 14 },
    );
    expect(report.differences).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect({ operations: report.operations, compared: report.compared, requests: report.requests }).toEqual({ operations: 1, compared: 1, requests: 50 });
    expect(report.brokenChecked).toBe(50);
  });

  it.each(SAMPLE)("$smithy: same requests and verdicts; every difference listed is in the documents", async ({ smithy, botocore }) => {
    const paths = { smithy: corpusFile(`aws-smithy/${smithy}.json.gz`), botocore: corpusFile(`aws-botocore/${botocore}.normal.json.gz`) };
    const report = await compareService({ name: smithy, ...paths }, { samples: 10, seed: 14 });
    console.log(`botocore equivalence: ${smithy} (${report.protocol}) ${report.compared}/${report.operations} operations, ${report.requests} requests, ${report.brokenChecked} broken inputs, ${report.differences.length} differences`);
    for (const d of report.differences) console.log(`  ${d}`);
    expect(report.mismatches).toEqual([]);
    expect(report.compared).toBeGreaterThan(0);
    const documents = raw(paths.smithy, paths.botocore);
    expect(report.differences.filter((d) => confirm(d, documents) === false)).toEqual([]);
  });
});
