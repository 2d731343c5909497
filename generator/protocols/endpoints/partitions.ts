// The AWS partitions table that `aws.partition` reads, checked and reduced to what the generated
// rules need. It is an input of the core (`GenerateOptions.partitions`): the CLI reads the file
// the config names, or the copy shipped in the npm package `@aws-sdk/util-endpoints`.
//
//   readPartitions({ source: "partitions.json", table: { partitions: [{ id: "aws",
//     regionRegex: "^(us|eu)\\-\\w+\\-\\d+$", regions: { "us-east-1": { description: "US East" } },
//     outputs: { name: "aws", dnsSuffix: "amazonaws.com", … } }] } })
//   → { partitions: [{ id: "aws", regionRegex: "^(us|eu)\\-\\w+\\-\\d+$", regions: "",
//       outputs: { name: "aws", dnsSuffix: "amazonaws.com", … } }] }
//
// The regions are one string, separated by spaces (a bundle carries the table), without those the
// partition's regex finds anyway (`withoutImpliedRegions`: us-east-1 above goes). A region's entry
// may override outputs (then `overrides` holds them by region); its `description` is
// documentation and is dropped.

/** The table as given: where it was read from (for diagnostics) and its JSON value. */
export interface PartitionsInput {
  readonly source: string;
  readonly table: unknown;
}

/** One partition as endpoints.ts carries it (mirrors `Partition` of templates/endpoint-rules.ts.hbs). */
export interface PartitionData {
  readonly id: string;
  readonly regionRegex: string;
  /** The region names, separated by spaces. */
  readonly regions: string;
  /** The outputs a region overrides, by region: only regions that override any. */
  readonly overrides?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
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
    const regions: string[] = [];
    const overrides: Record<string, Record<string, unknown>> = {};
    for (const [region, entry] of Object.entries(p["regions"])) {
      if (region === "" || /\s/.test(region)) return { problem: `partitions[${i}].regions: ${JSON.stringify(region)} is not a region name` };
      regions.push(region);
      const own: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(isRecord(entry) ? entry : {})) if (key !== "description") own[key] = value;
      if (Object.keys(own).length > 0) overrides[region] = own;
    }
    partitions.push({
      id: p["id"],
      regionRegex: p["regionRegex"],
      regions: regions.join(" "),
      ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
      outputs: p["outputs"],
    });
  }
  if (!partitions.some((p) => p.id === "aws")) return { problem: "it has no partition `aws` (the one regions of no partition fall back to)" };
  return { partitions: withoutImpliedRegions(partitions) };
}

/**
 * The table without the regions `aws.partition` finds the same way when they are not listed: a
 * region listed by one partition only, without overrides, that the partition's own regex is the
 * first to match (`us-east-1` in `aws`). Kept: `aws-global` (no regex matches it), a region an
 * earlier partition's regex also matches, one listed twice.
 */
function withoutImpliedRegions(partitions: readonly PartitionData[]): PartitionData[] {
  const listedBy = new Map<string, number>();
  for (const p of partitions) for (const r of p.regions.split(" ")) if (r !== "") listedBy.set(r, (listedBy.get(r) ?? 0) + 1);
  const regexes = partitions.map((p) => new RegExp(p.regionRegex));
  return partitions.map((p) => {
    const kept = p.regions.split(" ").filter((r) => {
      if (r === "") return false;
      if (listedBy.get(r) !== 1 || (p.overrides !== undefined && Object.prototype.hasOwnProperty.call(p.overrides, r))) return true;
      return partitions[regexes.findIndex((re) => re.test(r))] !== p;
    });
    return { ...p, regions: kept.join(" ") };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
