// Known outcomes of the awsQuery client response cases in the protocol compliance runner
// (test/protocols/responses.test.ts): case id → reason. The runner fails when a case fails that
// is not listed here, and when a listed case passes. `skipped` cases are not run.
// Regenerate: UPDATE_EXPECTED_FAILURES=1 npx vitest run test/protocols (then edit the reasons).

import type { ExpectedOutcomes } from "../expected.js";

export const expected: ExpectedOutcomes = {
  failures: {
    "AwsQueryDateTimeWithFractionalSeconds": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "AwsQueryDateTimeWithNegativeOffset": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "AwsQueryDateTimeWithPositiveOffset": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "AwsQuerySupportsInfinityFloatOutputs": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "AwsQuerySupportsNaNFloatOutputs": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "AwsQuerySupportsNegativeInfinityFloatOutputs": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryComplexError": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryCustomizedError": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryEmptyInputAndEmptyOutput": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryGreetingWithErrors": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryIgnoresWrappingXmlName": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryInvalidGreetingError": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryNoInputAndNoOutput": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryNoInputAndNoOutputWithResponseMetadata": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryNoInputAndOutput": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryQueryFlattenedXmlMap": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryQueryFlattenedXmlMapWithXmlName": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryQueryFlattenedXmlMapWithXmlNamespace": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryQueryXmlMapsXmlName": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryRecursiveShapes": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QuerySimpleScalarProperties": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlBlobs": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlEmptyBlobs": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlEmptyLists": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlEmptyMaps": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlEmptySelfClosedBlobs": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlEmptySelfClosedMaps": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlEnums": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlIntEnums": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlLists": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlMaps": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlNamespaces": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlTimestamps": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlTimestampsWithDateTimeFormat": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlTimestampsWithDateTimeOnTargetFormat": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlTimestampsWithEpochSecondsFormat": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlTimestampsWithEpochSecondsOnTargetFormat": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlTimestampsWithHttpDateFormat": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
    "QueryXmlTimestampsWithHttpDateOnTargetFormat": "no deserializer yet: aws-awsQuery/deserializers.ts is not generated",
  },
  skipped: {},
};
