// Prettier's document algebra and its line fitter, the part of prettier (and of oxfmt, which
// ports it) that decides where lines break: text, groups that print flat when they fit and
// broken otherwise, indentation, soft and plain lines, `ifBreak`, `indentIfBreak` and the
// conditional group whose states are tried in turn (a call that hugs its last argument).
// generator/emit/statements.ts builds these documents for the statements the printers emit.
//
//   print(group(["f(", indent([softline, join([",", line], ["a", "b"])]), ifBreak(","), softline, ")"]), { indent: 0, width: 100 })
//   → ["f(a, b)"]                      (and, past the width: ["f(", "  a,", "  b,", ")"])
//
// Widths are counted in UTF-16 units: the statement printer never hands this module other than
// ASCII (its tokenizer rejects it).

export type Doc = string | readonly Doc[] | Group | Indent | Line | IfBreak | IndentIfBreak;

export interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /** Broken whatever the width (`shouldBreak`, or a forced break inside). */
  readonly broken: boolean;
  /** A conditional group: the states tried in turn, the last one broken. */
  readonly states?: readonly Doc[];
  readonly id?: symbol;
}
interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}
interface Line {
  readonly kind: "line";
  /** A soft line prints nothing when flat, a plain one a space. */
  readonly soft: boolean;
}
interface IfBreak {
  readonly kind: "ifBreak";
  readonly broken: Doc;
  readonly flat: Doc;
  readonly groupId?: symbol;
}
interface IndentIfBreak {
  readonly kind: "indentIfBreak";
  readonly contents: Doc;
  readonly groupId: symbol;
}

export const line: Doc = { kind: "line", soft: false };
export const softline: Doc = { kind: "line", soft: true };

export function group(contents: Doc, options: { readonly broken?: boolean; readonly id?: symbol } = {}): Group {
  return { kind: "group", contents, broken: options.broken ?? false, ...(options.id === undefined ? {} : { id: options.id }) };
}

/** Prettier's `conditionalGroup`: the first state flat if it fits, else the first later state that fits, else the last broken. */
export function conditionalGroup(states: readonly Doc[]): Group {
  return { kind: "group", contents: states[0]!, broken: false, states };
}

export function indent(contents: Doc): Doc {
  return { kind: "indent", contents };
}

export function ifBreak(broken: Doc, flat: Doc = "", groupId?: symbol): Doc {
  return groupId === undefined ? { kind: "ifBreak", broken, flat } : { kind: "ifBreak", broken, flat, groupId };
}

export function indentIfBreak(contents: Doc, groupId: symbol): Doc {
  return { kind: "indentIfBreak", contents, groupId };
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((d, i) => {
    if (i > 0) out.push(separator);
    out.push(d);
  });
  return out;
}

/** Does the document hold a group broken whatever the width (prettier's `willBreak`)? */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return (doc as readonly Doc[]).some(willBreak);
  const d = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (d.kind) {
    case "group":
      return d.broken || willBreak(d.contents);
    case "indent":
    case "indentIfBreak":
      return willBreak(d.contents);
    case "ifBreak":
      return willBreak(d.broken) || willBreak(d.flat);
    case "line":
      return false;
    default: {
      const never: never = d;
      throw new Error(`internal: unknown doc ${String(never)}`);
    }
  }
}

const FLAT = 0;
const BREAK = 1;
type Mode = typeof FLAT | typeof BREAK;

/**
 * The document printed from column `start` (text before it on the first line), with every
 * further line indented by `indent` spaces plus its own indentation: the lines, the first without
 * the `start` columns before it.
 */
export function print(doc: Doc, options: { readonly indent: number; readonly start: number; readonly width: number }): string[] {
  const width = options.width;
  const groupModes = new Map<symbol, Mode>();
  const lines: string[] = [];
  let out = "";
  let pos = options.start;
  // The commands still to print, a stack held as three parallel arrays (no object per command).
  const indents: number[] = [options.indent];
  const modes: Mode[] = [BREAK];
  const docs: Doc[] = [doc];
  const scratch: Scratch = { modes: [], docs: [] };
  while (docs.length > 0) {
    const ind = indents.pop()!;
    const mode = modes.pop()!;
    const d = docs.pop()!;
    if (typeof d === "string") {
      out += d;
      pos += d.length;
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) {
        indents.push(ind);
        modes.push(mode);
        docs.push((d as readonly Doc[])[i]!);
      }
      continue;
    }
    const node = d as Exclude<Doc, string | readonly Doc[]>;
    switch (node.kind) {
      case "indent":
        indents.push(ind + 2);
        modes.push(mode);
        docs.push(node.contents);
        break;
      case "group": {
        let chosenMode: Mode;
        let chosen: Doc;
        if (mode === FLAT) {
          chosenMode = node.broken ? BREAK : FLAT;
          chosen = node.contents;
        } else if (!node.broken && fits(FLAT, node.contents, modes, docs, width - pos, groupModes, scratch)) {
          chosenMode = FLAT;
          chosen = node.contents;
        } else if (node.states !== undefined) {
          const last = node.states[node.states.length - 1]!;
          chosenMode = BREAK;
          chosen = last;
          if (!node.broken) {
            for (let i = 1; i < node.states.length; i++) {
              if (fits(FLAT, node.states[i]!, modes, docs, width - pos, groupModes, scratch)) {
                chosenMode = FLAT;
                chosen = node.states[i]!;
                break;
              }
            }
          }
        } else {
          chosenMode = BREAK;
          chosen = node.contents;
        }
        indents.push(ind);
        modes.push(chosenMode);
        docs.push(chosen);
        if (node.id !== undefined) groupModes.set(node.id, chosenMode);
        break;
      }
      case "ifBreak":
      case "indentIfBreak": {
        const groupMode = node.kind === "ifBreak" && node.groupId === undefined ? mode : (groupModes.get(node.groupId!) ?? FLAT);
        if (node.kind === "ifBreak") {
          indents.push(ind);
          docs.push(groupMode === BREAK ? node.broken : node.flat);
        } else {
          indents.push(groupMode === BREAK ? ind + 2 : ind);
          docs.push(node.contents);
        }
        modes.push(mode);
        break;
      }
      case "line":
        if (mode === FLAT) {
          if (!node.soft) {
            out += " ";
            pos += 1;
          }
        } else {
          lines.push(out.trimEnd());
          out = " ".repeat(ind);
          pos = ind;
        }
        break;
      default: {
        const never: never = node;
        throw new Error(`internal: unknown doc ${String(never)}`);
      }
    }
  }
  lines.push(out);
  return lines;
}

/** The work stack of `fits`, reused by every call of one `print`. */
interface Scratch {
  readonly modes: Mode[];
  readonly docs: Doc[];
}

/**
 * Prettier's `fits`: `doc` in `mode`, then the rest of the line (the commands `restModes` /
 * `restDocs` still to print, from the top of their stack), within `room` columns.
 */
function fits(mode0: Mode, doc0: Doc, restModes: readonly Mode[], restDocs: readonly Doc[], room: number, groupModes: ReadonlyMap<symbol, Mode>, scratch: Scratch): boolean {
  let restIndex = restDocs.length;
  const modes = scratch.modes;
  const docs = scratch.docs;
  modes.length = 0;
  docs.length = 0;
  modes.push(mode0);
  docs.push(doc0);
  while (room >= 0) {
    if (docs.length === 0) {
      if (restIndex === 0) return true;
      restIndex--;
      modes.push(restModes[restIndex]!);
      docs.push(restDocs[restIndex]!);
      continue;
    }
    const mode = modes.pop()!;
    const doc = docs.pop()!;
    if (typeof doc === "string") {
      room -= doc.length;
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) {
        modes.push(mode);
        docs.push((doc as readonly Doc[])[i]!);
      }
      continue;
    }
    const node = doc as Exclude<Doc, string | readonly Doc[]>;
    switch (node.kind) {
      case "indent":
      case "indentIfBreak":
        modes.push(mode);
        docs.push(node.contents);
        break;
      case "group": {
        const groupMode = node.broken ? BREAK : mode;
        modes.push(groupMode);
        docs.push(node.states !== undefined && groupMode === BREAK ? node.states[node.states.length - 1]! : node.contents);
        break;
      }
      case "ifBreak": {
        const groupMode = node.groupId === undefined ? mode : (groupModes.get(node.groupId) ?? FLAT);
        modes.push(mode);
        docs.push(groupMode === BREAK ? node.broken : node.flat);
        break;
      }
      case "line":
        if (mode === BREAK) return true;
        if (!node.soft) room -= 1;
        break;
      default: {
        const never: never = node;
        throw new Error(`internal: unknown doc ${String(never)}`);
      }
    }
  }
  return false;
}
