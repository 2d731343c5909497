// Many types of the same form (generator/emit/types.ts): their aliases at the end of types.ts
// are written one line per call, never spread as the arguments of one call, which past V8's
// limit on arguments is a RangeError (Microsoft Graph beta crashed so in the corpus sweep of
// 511e5fb). The limit follows the stack size, so a child process with a small stack
// (--stack-size=120) shows it with 8,000 aliases in seconds instead of Graph's hour.

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

describe("types.ts with many aliases", () => {
  it("8,000 schemas of one form generate under a small stack: 7,999 aliases, no RangeError", () => {
    const child = spawnSync(process.execPath, ["--stack-size=120", "--import", "tsx", "test/openapi/many-aliases-child.ts", "8000"], { cwd: ROOT, encoding: "utf8" });
    expect({ stdout: child.stdout.trim(), status: child.status }).toEqual({ stdout: JSON.stringify({ aliases: 7999 }), status: 0 });
  }, 120_000);
});
