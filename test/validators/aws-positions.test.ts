// Constraints on list members and map keys / values of real AWS models are checked by the
// generated validators (see positions.ts). A sample here; every service of the corpus in
// test/sweeps/aws-positions.test.ts (`npm run test:aws-corpus`).

import { expect, it } from "vitest";
import { corpusFile } from "../helpers/paths.js";
import { checkService } from "./positions.js";

// The two services issue 9 names (a range on a list member is in ref-positions.test.ts; geo-routes
// has real ones, in the sweep).
const SAMPLE = ["ssm-quicksetup", "license-manager-linux-subscriptions"];

it.each(SAMPLE)("%s: every constrained list member, map key and map value of an input is checked", async (name) => {
  const results = await checkService(corpusFile(`aws-smithy/${name}.json.gz`));
  for (const r of results) console.log(`  ${r.outcome} ${r.place}: ${r.detail}`);
  expect(results.filter((r) => r.outcome === "failed")).toEqual([]);
  expect(results.filter((r) => r.outcome === "checked").length).toBeGreaterThan(0);
});
