// Known outcomes of the awsJson1_0 client request cases in the protocol compliance runner
// (test/protocols/compliance.test.ts): case id → reason. The runner fails when a case fails that
// is not listed here, and when a listed case passes. `skipped` cases are not run.
// Regenerate: UPDATE_EXPECTED_FAILURES=1 npx vitest run test/protocols (then edit the reasons).

import type { ExpectedOutcomes } from "../expected.js";

export const expected: ExpectedOutcomes = {
  failures: {
    "AwsJson10ClientPopulatesDefaultValuesInInput": "@default values not filled in",
    "AwsJson10ClientPopulatesNestedDefaultValuesWhenMissing": "@default values not filled in",
    "AwsJson10EndpointTrait": "operation without input: no serializer; @endpoint host prefix not built",
    "AwsJson10EndpointTraitWithHostLabel": "@endpoint host prefix (with its host label) not built",
    "AwsJson10HostWithPath": "operation without input: no serializer",
    "AwsJson10MustAlwaysSendEmptyJsonPayload": "operation without input: no serializer",
    "AwsJson10NoInputAndOutput": "operation without input: no serializer",
    "NonQueryCompatibleAwsJson10ForbidsQueryModeHeader": "operation without input: no serializer",
    "QueryCompatibleAwsJson10CborSendsQueryModeHeader": "operation without input: no serializer",
    "SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_0": "@requestCompression (gzip) not applied",
    "SDKAppliedContentEncoding_awsJson1_0": "@requestCompression (gzip) not applied",
  },
  skipped: {},
};
