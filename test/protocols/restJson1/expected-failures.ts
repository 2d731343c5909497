// Known outcomes of the restJson1 client request cases in the protocol compliance runner
// (test/protocols/compliance.test.ts): case id → reason. The runner fails when a case fails that
// is not listed here, and when a listed case passes. `skipped` cases are not run.
// Regenerate: UPDATE_EXPECTED_FAILURES=1 npx vitest run test/protocols (then edit the reasons).

import type { ExpectedOutcomes } from "../expected.js";

export const expected: ExpectedOutcomes = {
  failures: {
    "ApiGatewayAccept": "API Gateway customization (Accept: application/json on every request), not a protocol trait: not built yet",
    "GlacierAccountId": "Glacier customization (accountId defaults to \"-\"), not a protocol trait: not built yet",
    "GlacierChecksums": "Glacier customization (version header, SHA-256 and tree-hash headers), not a protocol trait: not built yet",
    "GlacierMultipartChecksums": "Glacier customization (version header, SHA-256 and tree-hash headers), not a protocol trait: not built yet",
    "GlacierVersionHeader": "Glacier customization (X-Amz-Glacier-Version from the service version), not a protocol trait: not built yet",
  },
  skipped: {},
};
