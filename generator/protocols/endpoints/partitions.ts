// The AWS partitions table that `aws.partition` reads, checked and reduced to what the generated
// rules need. It is an input of the core (`GenerateOptions.partitions`): the CLI reads the file
// the config names, or the copy shipped in the npm package `@aws-sdk/util-endpoints`.
//
//   readPartitions({ source: "partitions.json", table: { partitions: [{ id: "aws",
//     regionRegex: "^(us|eu)\\-\\w+\\-\\d+$", regions: { "us-east-1": { description: "US East" } },
//     outputs: { name: "aws", dnsSuffix: "amazonaws.com", … } }] } })
//   → { partitions: [{ id: "aws", regionRegex: "^(us|eu)\\-\\w+\\-\\d+$", regions: { "us-east-1": {} },
//       outputs: { name: "aws", dnsSuffix: "amazonaws.com", … } }] }
//
// A region's entry may override outputs; its `description` is documentation and is dropped.

/** The table as given: where it was read from (for diagnostics) and its JSON value. */
export interface PartitionsInput {
  readonly source: string;
  readonly table: unknown;
}

/** One partition as endpoints.ts carries it (mirrors `Partition` of templates/endpoint-rules.ts.hbs). */
export interface PartitionData {
  readonly id: string;
  readonly regionRegex: string;
  readonly regions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly outputs: Readonly<Record<string, unknown>>;
}

export function readPartitions(input: PartitionsInput): { partitions: readonly PartitionData[] } | { problem: string } {
  const list = isRecord(input.table) ? input.table["partitions"] : undefined;
  if (!Array.isArray(list) || list.length === 0) return { problem: "it has no `partitions` list" };
  const partitions: PartitionData[] = [];
  for (const [i, p] of list.entries()) {
    if (!isRecord(p) || typeof p["id"] !== "string" || typeof p["regionRegex"] !== "string" || !isRecord(p["regions"]) || !isRecord(p["outputs"])) {
      return { problem: `partitions[${i}] needs \`id\`, \`regionRegex\`, \`regions\` and \`outputs\`` };
    }
    try {
      new RegExp(p["regionRegex"]);
    } catch {
      return { problem: `partitions[${i}].regionRegex is not a regular expression` };
    }
    const regions: Record<string, Record<string, unknown>> = {};
    for (const [region, entry] of Object.entries(p["regions"])) {
      const overrides: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(isRecord(entry) ? entry : {})) if (key !== "description") overrides[key] = value;
      regions[region] = overrides;
    }
    partitions.push({ id: p["id"], regionRegex: p["regionRegex"], regions, outputs: p["outputs"] });
  }
  if (!partitions.some((p) => p.id === "aws")) return { problem: "it has no partition `aws` (the one regions of no partition fall back to)" };
  return { partitions };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
