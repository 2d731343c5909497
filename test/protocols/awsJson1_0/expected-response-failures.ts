// Known outcomes of the awsJson1_0 client response cases in the protocol compliance runner
// (test/protocols/responses.test.ts): case id → reason. The runner fails when a case fails that
// is not listed here, and when a listed case passes. `skipped` cases are not run.
// Regenerate: UPDATE_EXPECTED_FAILURES=1 npx vitest run test/protocols (then edit the reasons).

import type { ExpectedOutcomes } from "../expected.js";

export const expected: ExpectedOutcomes = {
  failures: {
    "AwsJson10ClientErrorCorrectsWhenServerFailsToSerializeRequiredValues": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10ClientErrorCorrectsWithDefaultValuesWhenServerFailsToSerializeRequiredValues": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10ClientIgnoresDefaultValuesIfMemberValuesArePresentInResponse": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10ClientPopulatesDefaultsValuesWhenMissingInResponse": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10ClientPopulatesNestedDefaultsWhenMissingInResponseBody": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10ComplexError": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeAllowNulls": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeBlobUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeBooleanUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeEnumUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeIgnoreType": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeIntEnumUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeListUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeMapUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeNumberUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeStringUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeStructureUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10DeserializeTimestampUnionValue": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10EmptyComplexError": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10EmptyInputAndEmptyOutputSendJsonObject": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorUsingCode": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorUsingCodeAndNamespace": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorUsingCodeUriAndNamespace": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorUsingXAmznErrorType": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorUsingXAmznErrorTypeWithUri": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorUsingXAmznErrorTypeWithUriAndNamespace": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorWithDunderType": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorWithDunderTypeAndDifferentNamespace": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorWithDunderTypeAndNamespace": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorWithDunderTypeUriAndNamespace": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10FooErrorWithNestedTypeProperty": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10HandlesEmptyOutputShape": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10HandlesUnexpectedJsonOutput": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10InvalidGreetingError": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10NoInputAndOutput": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10ServiceRespondsWithNoPayload": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10SupportsInfinityFloatInputs": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10SupportsNaNFloatInputs": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "AwsJson10SupportsNegativeInfinityFloatInputs": "no deserializer yet: aws-awsJson1_0-json-rpc10/deserializers.ts is not generated",
    "QueryCompatibleAwsJson10CustomCodeError": "no deserializer yet: aws-awsJson1_0-query-compatible-json-rpc10/deserializers.ts is not generated",
    "QueryCompatibleAwsJson10NoCustomCodeError": "no deserializer yet: aws-awsJson1_0-query-compatible-json-rpc10/deserializers.ts is not generated",
  },
  skipped: {},
};
