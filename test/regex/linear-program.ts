// Loads the linear-time matcher (templates/linear-find.ts.hbs, rendered into .tmp/) and turns a
// generated program (RegExp literals as text) into the object the generated validators hold.
//
//   const linearFind = await importLinearFind("regex-tests");
//   linearFind(loadProgram(linearProgram(node).program), "aaa!") → false

import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadTemplates } from "../../generator/cli/templates.js";
import type { ProgramSource } from "../../generator/regex/linear.js";
import { TMP } from "../helpers/paths.js";

export interface Program {
  readonly start: number;
  readonly code: readonly number[];
  readonly classes: readonly RegExp[];
  readonly tests: readonly RegExp[];
  readonly testAt: readonly number[];
  readonly counters: readonly number[];
  readonly ascii: readonly number[];
  readonly groups: readonly number[];
}

/** `linearFind`, or with `work` its counting twin `linearFindCounted`. */
export type LinearFind = (program: Program, input: string, work?: { steps: number }) => boolean;

/** The template rendered into `.tmp/<folder>/<pid>/linear-find.ts` and imported. */
export async function importLinearFind(folder: string): Promise<LinearFind> {
  const dir = resolve(TMP, folder, String(process.pid));
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, "linear-find.ts"), loadTemplates().helper("linear-find.ts", { header: "" }));
  const module = (await import(pathToFileURL(resolve(dir, "linear-find.ts")).href)) as {
    linearFind: (program: Program, input: string) => boolean;
    linearFindCounted: (program: Program, input: string, work: { steps: number }) => boolean;
  };
  return (program, input, work) => (work === undefined ? module.linearFind(program, input) : module.linearFindCounted(program, input, work));
}

/** The program's RegExp literals (`/src/uy`) as RegExps. */
export function loadProgram(p: ProgramSource): Program {
  const re = (literal: string): RegExp => new RegExp(literal.slice(1, -3), "uy");
  return { start: p.start, code: [...p.code], classes: p.classes.map(re), tests: p.tests.map(re), testAt: [...p.testAt], counters: [...p.counters], ascii: [...p.ascii], groups: [...p.groups] };
}
