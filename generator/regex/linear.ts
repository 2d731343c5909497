// Compiles a parsed pattern into the program of the linear-time matcher (templates/
// linear-find.ts.hbs): the Thompson automaton of nfa.ts as a flat number array, its character
// classes and zero-width tests as sticky RegExps. A counted repeat of one class reaching
// COUNT_FROM (`[a-z]{1,2048}`) is one counter state, not 2,048 copies.
//
//   linearProgram(parseJava("^a+$").node)
//   → { ok: true, program: { start: 5, code: [3,0,0, 2,0,0, 1,3,1, 0,0,2, 0,0,2, 2,1,4], classes: ["/a/uy"],
//                            tests: ["/(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)/uy", "/^/uy"],
//                            testAt: [2, 1], counters: [], ascii: [0, …, 1 (at 97: "a"), 0, …], groups: [0, 1] } }
//   linearProgram(parseJava("[a-z]{1,2048}$").node)
//   → { …, code: [3,0,0, 2,0,0, 4,0,1], counters: [0, 1, 2048], … }     (class 0, min 1, max 2048)
//
// With the value's `@length` max, repeats that can never reach their maximum lose it first
// (bounded.ts): `^[a-z]{1,256}(-*[a-z]){0,256}$` for at most 256 code points is `^[a-z]+(-*[a-z])*$`.
//
// Back references, atomic groups and possessive quantifiers have no exact automaton: such a
// pattern is refused (`ok: false`), as is one whose counted repeats unroll past `limit` states.

import type { AssertKind, Node } from "./ast.js";
import { walk } from "./ast.js";
import { boundRepeats } from "./bounded.js";
import { TooLarge, thompson, type State } from "./nfa.js";
import { printAssertion, printEcma, printSet } from "./print.js";
import { append } from "../lists.js";

export interface ProgramSource {
  /** Three numbers per state: see templates/linear-find.ts.hbs. */
  readonly code: readonly number[];
  /** RegExp literals (sticky, `u`), one per distinct class. */
  readonly classes: readonly string[];
  /** RegExp literals (sticky, `u`), one per distinct zero-width test. */
  readonly tests: readonly string[];
  /** Per test, where it can hold: 0 anywhere, 1 only at the start, 2 only within two code units of the end. */
  readonly testAt: readonly number[];
  /** Three numbers per counter state: class, min, max (-1: no maximum). */
  readonly counters: readonly number[];
  /** The group of each ASCII code point: code points every class holds or not alike share one. */
  readonly ascii: readonly number[];
  /** For each group of `ascii`, one number per class: 1 when it holds the group's code points. */
  readonly groups: readonly number[];
  readonly start: number;
}

/** Counted repeats of one class with a maximum (or an unbounded minimum) from here on are counters. */
export const COUNT_FROM = 16;

export type LinearResult = { readonly ok: true; readonly program: ProgramSource } | { readonly ok: false; readonly problem: string };

/** The program of `node`, for values of at most `maxLength` code points (none: any length). */
export function linearProgram(node: Node, maxLength?: number, limit = 20_000): LinearResult {
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
    ({ states, start } = thompson(boundRepeats(node, maxLength), limit, undefined, COUNT_FROM));
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, problem: `its automaton would have ${error.message}` };
    throw error;
  }
  // Splits of more than two ways become chains of two-way splits, appended after the states.
  const code: number[] = [];
  const extra: number[][] = [];
  const classes: string[] = [];
  const tests: string[] = [];
  const testAt: number[] = [];
  const counters: number[] = [];
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
        const known = tests.length;
        const index = intern(tests, `/${source || "(?:)"}/uy`);
        if (index === known) testAt.push(s.test.kind === "assert" ? where(s.test.assert) : 0);
        code.push(2, index, s.out);
        break;
      }
      case "count":
        code.push(4, counters.length / 3, s.out);
        counters.push(intern(classes, `/${printSet(s.set)}/uy`), s.min, s.max === Infinity ? -1 : s.max);
        break;
      case "match":
        code.push(3, 0, 0);
        break;
      default: {
        const never: never = s;
        return never;
      }
    }
  }
  for (const e of extra) append(code, e);
  return { ok: true, program: { code, classes, tests, testAt, counters, ...asciiGroups(classes), start } };
}

/** The ASCII code points grouped by the classes that hold them (each class run as the matcher runs it). */
function asciiGroups(classes: readonly string[]): { ascii: number[]; groups: number[] } {
  const res = classes.map((literal) => new RegExp(literal.slice(1, -3), "uy"));
  const ascii: number[] = [];
  const groups: number[] = [];
  const ids = new Map<string, number>();
  for (let cp = 0; cp < 128; cp++) {
    const bits = res.map((re) => {
      re.lastIndex = 0;
      return re.test(String.fromCharCode(cp)) ? 1 : 0;
    });
    const key = bits.join("");
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
      append(groups, bits);
    }
    ascii.push(id);
  }
  return { ascii, groups };
}

/** Where an assertion can hold: 1 only at the start, 2 only near the end, 0 anywhere. */
function where(kind: AssertKind): number {
  switch (kind) {
    case "begin":
      return 1;
    case "end":
    case "dollar":
    case "unixDollar":
      return 2;
    case "lineEnd":
    case "lineStart":
    case "unixLineEnd":
    case "unixLineStart":
    case "boundary":
    case "notBoundary":
      return 0;
    default: {
      const never: never = kind;
      return never;
    }
  }
}
