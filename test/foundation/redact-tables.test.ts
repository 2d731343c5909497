// Redactors as tables (generator/emit/redact.ts): a structure's redactor is one call of
// `redactMembers(value, { Token: SENSITIVE, Inner: redactOneInput })`, structures with the same
// table share one generic function (`$redactLike<First>`, each an instance of it), and a list's
// is `redactList(value, redactItem)`. What they return is what the statement-per-member
// redactors returned: sensitive members replaced (a null one too), absent members left absent,
// nested values redacted, everything else copied.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generateFrom, writeTree } from "../helpers/generate.js";
import { TMP } from "../helpers/paths.js";
import { typecheckFolder } from "../helpers/typecheck.js";

const MODEL = `$version: "2"
namespace example.tables

service Tables { version: "1", operations: [One, Two, Three] }
operation One { input: OneInput }
operation Two { input: TwoInput }
operation Three { input: ThreeInput }

@sensitive
string Secret

structure OneInput { Token: Secret, Name: String }
structure TwoInput { Token: Secret, Count: Integer }
structure ThreeInput { Token: Secret, Inner: OneInput, Items: Ones, Note: Secret }
list Ones { member: OneInput }
`;
const S = "*** Sensitive Data Redacted ***";

type Fn = (value: unknown) => unknown;
let dir: string;
let source: string;
let mod: Record<string, Fn>;

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, "redact-tables.smithy");
  writeFileSync(path, MODEL);
  const result = await generateFrom([{ name: "tables", paths: [path] }], { format: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  dir = writeTree(result.files, "redact-tables");
  source = readFileSync(join(dir, "tables", "redact.ts"), "utf8");
  mod = (await import(pathToFileURL(join(dir, "tables", "index.ts")).href)) as Record<string, Fn>;
});

describe("redactors as tables", () => {
  it("prints one generic function for the structures of the same table, and a table per structure", () => {
    expect(source).toContain("function $redactLikeOneInput<T>(value: T): unknown {\n  return redactMembers(value, { Token: SENSITIVE });\n}");
    expect(source).toContain("export const redactOneInput = $redactLikeOneInput<OneInput>;");
    expect(source).toContain("export const redactTwoInput = $redactLikeOneInput<TwoInput>;");
    expect(source).toContain("  return redactMembers(value, {\n    Token: SENSITIVE,\n    Inner: redactOneInput,\n    Items: redactOnes,\n    Note: SENSITIVE,\n  });");
    expect(source).toContain("  return redactList(value, redactOneInput);");
    expect(typecheckFolder(dir)).toEqual([]);
  });

  it("redacts as the statement-per-member redactors did", () => {
    expect(mod["redactOneInput"]!({ Token: "t", Name: "n" })).toEqual({ Token: S, Name: "n" });
    expect(mod["redactTwoInput"]!({ Token: "t", Count: 2 })).toEqual({ Token: S, Count: 2 });
    expect(mod["redactTwoInput"]!({ Count: 2 })).toEqual({ Count: 2 });
    expect(mod["redactOneInput"]!({ Token: null })).toEqual({ Token: S });
    const three = { Token: "t", Inner: { Token: "i", Name: "n" }, Items: [{ Token: "x" }, { Name: "y" }], Note: "secret", Extra: 1 };
    const view = mod["redactThreeInput"]!(three);
    expect(view).toEqual({ Token: S, Inner: { Token: S, Name: "n" }, Items: [{ Token: S }, { Name: "y" }], Note: S, Extra: 1 });
    expect(Object.keys(view as object)).toEqual(Object.keys(three));
    // The input is left as it was.
    expect(three.Inner.Token).toBe("i");
  });
});
