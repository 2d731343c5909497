// Type-checks a folder of generated TypeScript with ts-morph under the strictest options we
// promise (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes) and returns the errors.
//
//   typecheckFolder("generated") → []   (or ["types.ts:3:5 TS2304 Cannot find name 'Foo'", ...])

import { resolve } from "node:path";
import { Project, ts } from "ts-morph";

/** The compiler options generated code must pass (shared by every type-checking test). */
export const STRICT_OPTIONS = Object.freeze({
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  noEmit: true,
  skipLibCheck: false,
  types: [],
});

export function typecheckFolder(dir: string): string[] {
  const project = new Project({ compilerOptions: { ...STRICT_OPTIONS, lib: [...STRICT_OPTIONS.lib], types: [] } });
  project.addSourceFilesAtPaths(`${dir}/**/*.ts`);
  // Paths in the errors are relative to dir, which may be given relative to the working directory.
  const root = resolve(dir);
  return project.getPreEmitDiagnostics().map((d) => {
    const file = d.getSourceFile();
    const pos = file && d.getStart() !== undefined ? file.getLineAndColumnAtPos(d.getStart()!) : undefined;
    const text = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n");
    return `${file ? file.getFilePath().slice(root.length + 1) : "?"}:${pos ? `${pos.line}:${pos.column}` : "?"} TS${d.getCode()} ${text}`;
  });
}
