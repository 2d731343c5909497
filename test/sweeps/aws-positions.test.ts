// Every AWS service of the corpus: each list member, map key and map value with a length,
// pattern or range trait of its own is checked by the generated validators (see
// test/validators/positions.ts). Prints the counts and every place not checked, with the reason.

import { readdirSync } from "node:fs";
import { expect, it } from "vitest";
import { CORPUS, corpusFile } from "../helpers/paths.js";
import { checkService, type PlaceResult } from "../validators/positions.js";

it("AWS corpus: constraints at list member, map key and map value positions are checked", async () => {
  corpusFile("aws-smithy");
  const files = readdirSync(`${CORPUS}/aws-smithy`).filter((f) => f.endsWith(".json.gz")).sort();
  const results: PlaceResult[] = [];
  for (const f of files) results.push(...(await checkService(`${CORPUS}/aws-smithy/${f}`)));
  const by = (o: PlaceResult["outcome"]) => results.filter((r) => r.outcome === o);
  const services = new Set(results.map((r) => r.place.split(" ")[0]));
  console.log(`aws positions: ${results.length} places in ${services.size} services: ${by("checked").length} checked, ${by("skipped").length} skipped, ${by("failed").length} failed`);
  for (const r of [...by("skipped"), ...by("failed")]) console.log(`  ${r.outcome} ${r.place}: ${r.detail}`);
  expect(by("failed")).toEqual([]);
  expect(results.length).toBeGreaterThan(0);
});
