// The AWS partitions table the tests give the core (`GenerateOptions.partitions`): the corpus
// copy, ../shared/corpus/smithy/endpoints/partitions.json (the CLI's default is the one of
// @aws-sdk/util-endpoints; see generator/cli/partitions.ts).
//
//   corpusPartitions() → { source: "/…/shared/corpus/smithy/endpoints/partitions.json", table: { version: "1.1", partitions: [...] } }

import { readFileSync } from "node:fs";
import type { PartitionsInput } from "../../generator/protocols/endpoints/partitions.js";
import { corpusFile } from "./paths.js";

export function corpusPartitions(): PartitionsInput {
  const source = corpusFile("smithy/endpoints/partitions.json");
  return { source, table: JSON.parse(readFileSync(source, "utf8")) as unknown };
}
