// Known outcomes of the ec2Query client response cases in the protocol compliance runner
// (test/protocols/responses.test.ts): case id → reason. The runner fails when a case fails that
// is not listed here, and when a listed case passes. `skipped` cases are not run.
// Regenerate: UPDATE_EXPECTED_FAILURES=1 npx vitest run test/protocols (then edit the reasons).

import type { ExpectedOutcomes } from "../expected.js";

export const expected: ExpectedOutcomes = {
  failures: {
    "Ec2ComplexError": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2GreetingWithErrors": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2IgnoresWrappingXmlName": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2InvalidGreetingError": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2QueryDateTimeWithFractionalSeconds": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2QueryDateTimeWithNegativeOffset": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2QueryDateTimeWithPositiveOffset": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2QueryEmptyInputAndEmptyOutput": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2QueryNoInputAndOutput": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2QuerySupportsInfinityFloatOutputs": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2QuerySupportsNaNFloatOutputs": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2QuerySupportsNegativeInfinityFloatOutputs": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2RecursiveShapes": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2SimpleScalarProperties": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlBlobs": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlEmptyBlobs": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlEmptyLists": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlEmptySelfClosedBlobs": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlEnums": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlIntEnums": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlLists": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlNamespaces": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlTimestamps": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlTimestampsWithDateTimeFormat": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlTimestampsWithDateTimeOnTargetFormat": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlTimestampsWithEpochSecondsFormat": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlTimestampsWithEpochSecondsOnTargetFormat": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlTimestampsWithHttpDateFormat": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
    "Ec2XmlTimestampsWithHttpDateOnTargetFormat": "no deserializer yet: aws-ec2Query/deserializers.ts is not generated",
  },
  skipped: {},
};
