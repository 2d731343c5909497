// The partitions table endpoints.ts carries leaves out the regions `aws.partition` finds by its
// regexes anyway (readPartitions → withoutImpliedRegions): the function must give the same
// outputs on the reduced table as on the whole one, for every region of the corpus table and for
// names no partition lists. The oracle: the same function on the table with every region listed.
//
//   rulePartition(["us-east-1"], reduced) → aws's outputs, as with the whole table

import { beforeAll, describe, expect, it } from "vitest";
import { readPartitions, type PartitionData } from "../../generator/protocols/endpoints/partitions.js";
import { corpusPartitions } from "../helpers/partitions.js";
import { importInterpreter } from "./harness.js";

type PartitionFn = (args: readonly unknown[], partitions: readonly PartitionData[]) => unknown;
let rulePartition: PartitionFn;
beforeAll(async () => {
  rulePartition = (await importInterpreter("endpoints-partitions"))["rulePartition"] as PartitionFn;
});

describe("the partitions table in endpoints.ts", () => {
  it("aws.partition gives the same outputs on the reduced table as with every region listed", () => {
    const input = corpusPartitions();
    const raw = (input.table as { partitions: { id: string; regions: Record<string, unknown> }[] }).partitions;
    const reduced = readPartitions(input);
    if ("problem" in reduced) throw new Error(reduced.problem);
    const whole = reduced.partitions.map((p, i) => ({ ...p, regions: Object.keys(raw[i]!.regions).join(" ") }));
    expect(whole.map((p) => p.id)).toEqual(raw.map((p) => p.id));
    // The reduction did drop regions (else this test proves nothing).
    expect(reduced.partitions.map((p) => p.regions.split(" ").filter((r) => r !== "").length).reduce((a, b) => a + b, 0)).toBeLessThan(
      whole.map((p) => p.regions.split(" ").length).reduce((a, b) => a + b, 0),
    );
    const regions = [...raw.flatMap((p) => Object.keys(p.regions)), "us-east-99", "cn-west-7", "us-gov-x-1", "eusc-de-west-3", "mars-east-1", "aws-global ", "", "US-EAST-1"];
    for (const region of regions) expect(rulePartition([region], reduced.partitions), region).toEqual(rulePartition([region], whole));
  });
});
