// The validator benchmark runs (tiny rounds) and refuses to compare validators that disagree.

import { describe, expect, it } from "vitest";
import { benchValidators } from "../../bench/validators.js";
import { cognitoModel, emitAndImport } from "./fixtures.js";

describe("benchValidators", () => {
  it("reports valid and invalid rates against ajv for the generated InitiateAuthRequest validator", async () => {
    const { validate } = await emitAndImport(cognitoModel());
    const lines = await benchValidators(validate("validateInitiateAuthRequest"), { rounds: 1, roundMs: 5 });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^validators: InitiateAuthRequest, valid inputs: generated [\d.]+ [Mk]\/s, ajv \(allErrors\) [\d.]+ [Mk]\/s → [\d.]+×/);
    expect(lines[1]).toMatch(/^validators: InitiateAuthRequest, invalid inputs: /);
  });

  it("throws when the validator under test disagrees with ajv", async () => {
    await expect(benchValidators(() => [], { rounds: 1, roundMs: 5 })).rejects.toThrow(/disagree/);
  });
});
