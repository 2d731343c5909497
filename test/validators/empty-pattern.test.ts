// An empty @pattern (Smithy `@pattern("")`, OpenAPI `pattern: ""`) matches every string. Its
// RegExp literal is `/(?:)/u`: printed as `//u` it was a line comment, which swallowed the rest of
// the line and left validators.ts not compiling (fuzz seed 12, case 16070: TS2339, TS2304).
//
//   @pattern("") string Anything   →   const re_Anything = /(?:)/u;

import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { typecheckFolder } from "../helpers/typecheck.js";
import { emitFiles, member, model, msg, str, struct, type Validator } from "./fixtures.js";

for (const syntax of ["java", "ecma262"] as const) {
  test(`an empty pattern (${syntax}) compiles and accepts every string`, async () => {
    const base = model(`empty-${syntax}`, [str("Anything", { pattern: "" }), struct("Holder", [member("A", "test.validation#Anything")])]);
    const files = await emitFiles(syntax === "java" ? base : { ...base, patternSyntax: "ecma262" });
    expect(files.get("validators.ts")).toContain("= /(?:)/u;");
    const dir = resolve(".tmp", "validators-tests", `empty-pattern-${syntax}-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    for (const [path, text] of files) writeFileSync(join(dir, path), text);
    expect(typecheckFolder(dir)).toEqual([]);
    const mod = (await import(pathToFileURL(join(dir, "validators.ts")).href)) as Record<string, Validator>;
    expect(mod["validateAnything"]!("")).toEqual([]);
    expect(mod["validateAnything"]!("any text\n")).toEqual([]);
    expect(mod["validateHolder"]!({ A: "x" })).toEqual([]);
    expect(mod["validateHolder"]!({ A: 5 })).toEqual([{ path: "/A", constraint: "type", message: msg("/A", "Member must be of type string", "of type number") }]);
  });
}
