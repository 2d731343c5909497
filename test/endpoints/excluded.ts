// Endpoint test cases not run, each with the reason (counted and printed by the tests; a listed
// case that passes fails the run, so the list never goes stale).
//
//   { suite: "rules-engine", service: "ite.smithy", case: "When useFips is true, returns trueValue", what: "operationInputs[0] GetThing", reason: "…" }

export interface ExcludedCase {
  readonly suite: "rules-engine" | "aws";
  /** The file (rules-engine) or the corpus model name (aws). */
  readonly service: string;
  /** The case's documentation. */
  readonly case: string;
  /** `params` or `operationInputs[i] Operation`. */
  readonly what: string;
  readonly reason: string;
}

export const EXCLUDED: readonly ExcludedCase[] = [
  {
    suite: "rules-engine",
    service: "ite.smithy",
    case: "When useFips is true, returns trueValue",
    what: "operationInputs[0] GetThing",
    reason:
      "The case sets useFips only in `params`; its operation input names no clientParams (the service binds useFips as a client " +
      "context param), so a client would resolve with the default false. Its `params` run passes.",
  },
];

export function isExcluded(suite: ExcludedCase["suite"], service: string, documentation: string | undefined, what: string): ExcludedCase | undefined {
  return EXCLUDED.find((e) => e.suite === suite && e.service === service && e.case === (documentation ?? "") && e.what === what);
}

/**
 * AWS cases written against an older partitions table: they expect the ISO partitions to have no
 * dual-stack endpoints ("DualStack is enabled but this partition does not support DualStack", or
 * the plain DNS suffix where dual-stack was asked for), and the corpus table
 * (smithy/endpoints/partitions.json, like the one in @aws-sdk/util-endpoints) now gives them
 * `supportsDualStack: true` and a `dualStackDnsSuffix` of their own. Such a case counts as excluded
 * only if it fails with the corpus table AND passes with that older table (these partitions with
 * `supportsDualStack: false` and `dualStackDnsSuffix` equal to `dnsSuffix`); any other failure fails.
 */
export const OLDER_PARTITIONS = {
  partitions: ["aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f"],
  /** How many cases this excludes today (the test fails when the count changes, so it is looked at again). */
  count: 1668,
  reason: "expects no dual-stack in the ISO partitions: passes with the older partitions table, fails with the corpus one",
} as const;
