// Every fuzz repro (test/fuzz/repros/, see its README) generates output that type-checks under
// the strict options (an empty types.ts is still a module, and a member named `constructor`
// with a structure target serializes through a local that narrows), or, for the inputs that
// crashed or were invalid, is rejected with the diagnostic named in REJECTED and no internal error.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";
import { writeTree } from "../helpers/generate.js";
import { ROOT } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const DIR = join(ROOT, "test/fuzz/repros");
const REPROS = readdirSync(DIR).filter((f) => !f.endsWith(".txt") && !f.endsWith(".md")).sort();

/** Repros of crashes on invalid input: the error codes they get now. */
const REJECTED: Readonly<Record<string, readonly string[]>> = {
  // `in: hasOwnProperty` passed `in STYLES` through the prototype (TypeError).
  "7-37975.yaml": ["OPENAPI_BAD_PARAMETER"],
  // A member targeting `smithy.api#input`, a trait definition of the prelude (internal error in the types emitter).
  "7-42795.json": ["SMITHY_PRELUDE_TARGET"],
  // @idempotencyToken on a blob member: the serializer assigned a UUID string to a Uint8Array (tsc error).
  "1-98094.smithy": ["SMITHY_TRAIT_TARGET"],
  // @httpLabel on a member that lost its @required: `encodePathSegment` got `string | undefined` (tsc error).
  "2-4476.smithy": ["SMITHY_TRAIT_TARGET"],
  // JSON AST trait keys `Unit` (was `smithy.api#required`, so @httpLabel on an optional member: tsc error) and `copied`: no absolute shape ids.
  "4-2273.json": ["SMITHY_AST_STRUCTURE", "SMITHY_AST_STRUCTURE"],
};

describe("fuzz repros", () => {
  it("are all here", () => {
    expect(REPROS).toEqual(["1-12549.yaml", "1-98094.smithy", "12-16070.json", "2-4476.smithy", "2-6825.yaml", "3-272.smithy", "4-2273.json", "7-37975.yaml", "7-42795.json", "9-19091.smithy"]);
  });

  for (const file of REPROS) {
    const rejected = REJECTED[file];
    it(rejected ? `${file} is rejected with ${rejected.join(", ")}` : `${file} generates strict-TypeScript-clean output`, async () => {
      const text = readFileSync(join(DIR, file), "utf8");
      const result = await generate([{ name: "repro", files: [{ path: file, text }] }], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      if (rejected) {
        expect(errors.map((d) => d.code)).toEqual(rejected);
        return;
      }
      expect(errors).toEqual([]);
      expect(typecheckFolder(writeTree(result.files, "repro"))).toEqual([]);
    });
  }
});
