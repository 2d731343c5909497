// Compiles a parsed pattern into the program of the linear-time matcher (templates/
// linear-find.ts.hbs): the Thompson automaton of nfa.ts as a flat number array, its character
// classes and zero-width tests as sticky RegExps.
//
//   linearProgram(parseJava("^a+$").node)
//   → { ok: true, program: { start: 5, code: [3,0,0, 2,0,0, 1,3,1, 0,0,2, 0,0,2, 2,1,4], classes: ["/a/uy"],
//                            tests: ["/(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)/uy", "/^/uy"] } }
//
// Back references, atomic groups and possessive quantifiers have no exact automaton: such a
// pattern is refused (`ok: false`), as is one whose counted repeats unroll past `limit` states.

import type { Node } from "./ast.js";
import { walk } from "./ast.js";
import { TooLarge, thompson, type State } from "./nfa.js";
import { printAssertion, printEcma, printSet } from "./print.js";

export interface ProgramSource {
  /** Three numbers per state: see templates/linear-find.ts.hbs. */
  readonly code: readonly number[];
  /** RegExp literals (sticky, `u`), one per distinct class. */
  readonly classes: readonly string[];
  /** RegExp literals (sticky, `u`), one per distinct zero-width test. */
  readonly tests: readonly string[];
  readonly start: number;
}

export type LinearResult = { readonly ok: true; readonly program: ProgramSource } | { readonly ok: false; readonly problem: string };

export function linearProgram(node: Node, limit = 20_000): LinearResult {
  let problem: string | undefined;
  walk(node, (n) => {
    if (n.type === "backref") problem ??= "a back reference";
    else if (n.type === "atomic") problem ??= "an atomic group";
    else if (n.type === "repeat" && n.mode === "possessive") problem ??= "a possessive quantifier";
  });
  if (problem !== undefined) return { ok: false, problem: `it has ${problem}, which a linear-time automaton cannot follow` };
  let states: readonly State[];
  let start: number;
  try {
    ({ states, start } = thompson(node, limit));
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, problem: `its automaton would have ${error.message}` };
    throw error;
  }
  // Splits of more than two ways become chains of two-way splits, appended after the states.
  const code: number[] = [];
  const extra: number[][] = [];
  const classes: string[] = [];
  const tests: string[] = [];
  const intern = (list: string[], text: string): number => {
    const i = list.indexOf(text);
    if (i >= 0) return i;
    list.push(text);
    return list.length - 1;
  };
  const split = (outs: readonly number[]): [number, number] => {
    if (outs.length === 1) return [outs[0]!, outs[0]!];
    if (outs.length === 2) return [outs[0]!, outs[1]!];
    const rest = states.length + extra.length;
    extra.push([]); // reserve
    const [a, b] = split(outs.slice(1));
    extra[rest - states.length] = [1, a, b];
    return [outs[0]!, rest];
  };
  for (const s of states) {
    switch (s.kind) {
      case "char":
        code.push(0, intern(classes, `/${printSet(s.set)}/uy`), s.out);
        break;
      case "split": {
        const [a, b] = split(s.outs);
        code.push(1, a, b);
        break;
      }
      case "test": {
        const source = s.test.kind === "assert" ? printAssertion(s.test.assert) : printEcma(s.test.node);
        code.push(2, intern(tests, `/${source}/uy`), s.out);
        break;
      }
      case "match":
        code.push(3, 0, 0);
        break;
      default: {
        const never: never = s;
        return never;
      }
    }
  }
  for (const e of extra) code.push(...e);
  return { ok: true, program: { code, classes, tests, start } };
}
