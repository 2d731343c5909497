// No list of unbounded length is spread into a call's arguments in generator/: V8 throws a
// RangeError past about 125,000 arguments, and a valid model can hold lists that long
// (test/limits/large-lists.test.ts). Lists are appended with `append` (generator/lists.ts) or
// `GeneratedFile.lines`. A spread stays allowed only into the callees below, each for a reason
// that bounds its length; any other spread in a call fails this test with its place.
//
//   generator/emit/x.ts: `lines.push(...checks)`  → "generator/emit/x.ts:12: lines.push(...checks)"

import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** Callees whose spread arguments are bounded, and why. */
const BOUNDED: Readonly<Record<string, string>> = {
  pointer: "a JSON pointer's segments: at most the nesting limit (generator/limits.ts)",
  childPointer: "a JSON pointer's segments: at most the nesting limit",
  whereIs: "a path into one shape: a handful of keys",
  "ctx.error": "a path into one shape (ValidationContext.error's `inner`, passed on to whereIs): a handful of keys",
  reportRef: "a path into one shape of a JSON AST: at most four keys (shapes, id, members, name)",
  checkTraitIds: "a path into one shape of a JSON AST: at most five keys (shapes, id, members, name, traits)",
  at: "a path into one document value: at most the nesting limit",
  fail: "a path into one document value: at most the nesting limit",
  join: "the segments of one output path",
  "Object.assign": "the trait fragments of one prelude shape, written in the code",
  "String.fromCharCode": "slices of 8,192 code units",
  "String.fromCodePoint": "slices of 4,096 code points",
  "tabs.replaceChildren": "the playground's tabs: one per generated file",
  "list.replaceChildren": "the playground's diagnostics list, shown in a browser",
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every spread argument of a call or `new` in one file: "file:line: callee(...argument)". */
function spreadCalls(path: string, text: string): { callee: string; where: string }[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: { callee: string; where: string }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments !== undefined) {
      for (const arg of node.arguments) {
        if (!ts.isSpreadElement(arg)) continue;
        const callee = node.expression.getText(file);
        const line = file.getLineAndCharacterOfPosition(arg.getStart(file)).line + 1;
        found.push({ callee, where: `${relative(ROOT, path)}:${line}: ${callee}(...${arg.expression.getText(file).slice(0, 60)})` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no unbounded spread into a call in generator/", () => {
  const all = sources(join(ROOT, "generator")).flatMap((path) => spreadCalls(path, readFileSync(path, "utf8")));

  it("every spread argument goes to a callee whose list is bounded", () => {
    expect(all.filter((s) => !(s.callee in BOUNDED)).map((s) => s.where)).toEqual([]);
  });

  it("the check finds spreads (it can fail)", () => {
    const planted = spreadCalls(join(ROOT, "planted.ts"), "const lines: string[] = [];\nlines.push(...other);\nfile.line(...body, '');\nappend(lines, [...other]);\n");
    expect(planted.map((s) => s.where)).toEqual(["planted.ts:2: lines.push(...other)", "planted.ts:3: file.line(...body)"]);
  });
});
