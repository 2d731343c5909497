// The strict type-check helper (test/helpers/typecheck.ts) names each error by its path inside
// the folder and its whole message, also when the message is a chain and the folder is given
// relative to the working directory: the fuzzer writes these lines into its repro files.
//
//   f.ts: `const n: string = [1][0];`, typecheckFolder(".tmp/x")
//   → ["f.ts:1:7 TS2322 Type 'number | undefined' is not assignable to type 'string'.\n  Type 'undefined' ..."]

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { TMP } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";

it("reports a chained message in full, with the path inside a relative folder", () => {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(join(TMP, "typecheck-helper-"));
  writeFileSync(join(dir, "f.ts"), "declare function take(s: string): void;\nexport function f(x: string | undefined): void {\n  take(x);\n}\n");
  expect(typecheckFolder(relative(process.cwd(), dir))).toEqual([
    "f.ts:3:8 TS2345 Argument of type 'string | undefined' is not assignable to parameter of type 'string'.\n  Type 'undefined' is not assignable to type 'string'.",
  ]);
});
