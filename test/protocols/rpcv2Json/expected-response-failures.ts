// Known outcomes of the rpcv2Json client response cases in the protocol compliance runner
// (test/protocols/responses.test.ts): case id → reason. The runner fails when a case fails that
// is not listed here, and when a listed case passes. `skipped` cases are not run.
// Regenerate: UPDATE_EXPECTED_FAILURES=1 npx vitest run test/protocols (then edit the reasons).

import type { ExpectedOutcomes } from "../expected.js";

export const expected: ExpectedOutcomes = {
  failures: {
    "RpcV2JsonResponseBigDecimalHighPrecision": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseBigDecimalLargeWithFraction": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseBigDecimalNegativeHighPrecision": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseBigDecimalSimpleValue": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseBigIntegerExceedingLongRange": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseBigIntegerNegativeLargeValue": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseBigIntegerSimpleValue": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseClientDoesntDeserializeNullStructureValues": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseClientIgnoresDefaultValuesIfMemberValuesArePresentInResponse": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseClientPopulatesDefaultsValuesWhenMissingInResponse": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseComplexError": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseDateTimeWithFractionalSeconds": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseDeserializesDenseSetMap": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseDeserializesNullMapValues": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseDeserializesSparseSetMap": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseDeserializesSparseSetMapAndRetainsNull": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseDeserializesZeroValuesInMaps": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseDeserializesZeroValuesInSparseMaps": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseEmptyComplexError": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseEmptyOutput": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseEmptyOutputNoBody": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseExtraFieldsInTheBodyShouldBeSkippedByClients": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseInvalidGreetingError": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseLists": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseListsEmpty": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseMaps": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseNoOutput": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseNoOutputClientAllowsEmptyBody": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseNoOutputClientAllowsEmptyJsonObject": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseOptionalOutput": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseRecursiveShapes": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseSimpleScalarProperties": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseSparseJsonMaps": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseSparseListsDeserializeNull": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseSparseMapsDeserializeNullValues": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseSupportsInfinityFloatOutputs": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseSupportsNaNFloatOutputs": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseSupportsNegativeInfinityFloatOutputs": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
    "RpcV2JsonResponseTimestampFormatIgnored": "no deserializer yet: core-rpcv2Json/deserializers.ts is not generated",
  },
  skipped: {},
};
