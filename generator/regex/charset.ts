// Sets of code points, as a Java character class means them: concrete ranges where the members
// are known (ASCII POSIX classes, literals, `\d`), Unicode properties kept by name (so the output
// does not bake in one Unicode version), combined by union, intersection and complement.
//
//   Java `[\p{Print}&&[^|:/]]`
//   → inter(ranges 0x20-0x7E, not(ranges "|", ":", "/"))
//   → simplify → ranges 0x20-0x2E, 0x30-0x39, 0x3B-0x7B, 0x7D-0x7E      (printed `[ -.0-9;-{}~]`)
//
//   Java `[\p{L}&&[^a-z]]` → inter(prop L, not(ranges a-z)) (printed `(?![a-z])\p{L}`, see print.ts)

import { append } from "../lists.js";

/** Inclusive code point ranges, sorted, disjoint and not adjacent. */
export type Ranges = readonly (readonly [number, number])[];

export type CharSet =
  | { readonly kind: "ranges"; readonly ranges: Ranges }
  /** An ECMAScript Unicode property expression, as written inside `\p{..}`: `L`, `Script=Latin`. */
  | { readonly kind: "prop"; readonly name: string }
  | { readonly kind: "union"; readonly items: readonly CharSet[] }
  | { readonly kind: "inter"; readonly items: readonly CharSet[] }
  | { readonly kind: "not"; readonly item: CharSet };

export const MAX_CODE_POINT = 0x10ffff;

/** Sorts and merges ranges. */
export function normalize(ranges: Iterable<readonly [number, number]>): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function ranges(...pairs: (readonly [number, number])[]): CharSet {
  return { kind: "ranges", ranges: normalize(pairs) };
}

/** One code point. */
export function single(cp: number): CharSet {
  return { kind: "ranges", ranges: [[cp, cp]] };
}

/** `"a-zA-Z_"`-style shorthand for ASCII sets: `fromSpec("a-z_")`. Only for constants in code. */
export function fromSpec(spec: string): CharSet {
  const cps = [...spec].map((c) => c.codePointAt(0)!);
  const out: [number, number][] = [];
  for (let i = 0; i < cps.length; i++) {
    if (cps[i + 1] === 0x2d && i + 2 < cps.length) {
      out.push([cps[i]!, cps[i + 2]!]);
      i += 2;
    } else out.push([cps[i]!, cps[i]!]);
  }
  return { kind: "ranges", ranges: normalize(out) };
}

export function complementRanges(rs: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of rs) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

export function intersectRanges(a: Ranges, b: Ranges): Ranges {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i]!;
    const [blo, bhi] = b[j]!;
    const lo = Math.max(alo, blo);
    const hi = Math.min(ahi, bhi);
    if (lo <= hi) out.push([lo, hi]);
    if (ahi < bhi) i++;
    else j++;
  }
  return out;
}

export function union(...items: CharSet[]): CharSet {
  return unionOf(items);
}

/** `union` of a list of any length (a class of 200,000 items is not spread into arguments). */
export function unionOf(items: readonly CharSet[]): CharSet {
  // Only ranges (most classes): what simplify gives, without its general steps.
  if (items.every(isConcrete)) return { kind: "ranges", ranges: normalize(items.flatMap((x) => x.ranges)) };
  return simplify({ kind: "union", items });
}

export function inter(...items: CharSet[]): CharSet {
  if (items.length > 0 && items.every(isConcrete)) {
    let acc = items[0]!.ranges;
    for (let i = 1; i < items.length; i++) acc = intersectRanges(acc, items[i]!.ranges);
    return { kind: "ranges", ranges: acc };
  }
  return simplify({ kind: "inter", items });
}

export function not(item: CharSet): CharSet {
  return simplify({ kind: "not", item });
}

/**
 * Folds what is concrete: ranges merge in unions, intersect in intersections, complement under
 * `not`; nested unions and intersections flatten. Properties stay symbolic.
 */
export function simplify(set: CharSet): CharSet {
  switch (set.kind) {
    case "ranges":
    case "prop":
      return set;
    case "not": {
      const inner = simplify(set.item);
      if (inner.kind === "ranges") return { kind: "ranges", ranges: complementRanges(inner.ranges) };
      if (inner.kind === "not") return inner.item;
      return { kind: "not", item: inner };
    }
    case "union":
    case "inter": {
      const flat: CharSet[] = [];
      for (const item of set.items.map(simplify)) {
        if (item.kind === set.kind) append(flat, item.items);
        else flat.push(item);
      }
      const concrete = flat.filter((x): x is Extract<CharSet, { kind: "ranges" }> => x.kind === "ranges");
      const symbolic = flat.filter((x) => x.kind !== "ranges");
      let merged: Ranges | undefined;
      if (concrete.length > 0) {
        merged =
          set.kind === "union"
            ? normalize(concrete.flatMap((x) => x.ranges))
            : concrete.slice(1).reduce<Ranges>((acc, x) => intersectRanges(acc, x.ranges), concrete[0]!.ranges);
      }
      if (set.kind === "inter" && merged !== undefined && merged.length === 0) return { kind: "ranges", ranges: [] };
      if (set.kind === "union" && merged !== undefined && isAll(merged)) return { kind: "ranges", ranges: merged };
      const items = [
        ...(merged === undefined || (set.kind === "union" && merged.length === 0) ? [] : [{ kind: "ranges", ranges: merged } as const]),
        ...dedupe(symbolic),
      ];
      if (items.length === 0)
        return {
          kind: "ranges",
          ranges: set.kind === "union" ? [] : [[0, MAX_CODE_POINT]],
        };
      if (items.length === 1) return items[0]!;
      return { kind: set.kind, items };
    }
    default: {
      const never: never = set;
      return never;
    }
  }
}

function isAll(rs: Ranges): boolean {
  return rs.length === 1 && rs[0]![0] === 0 && rs[0]![1] === MAX_CODE_POINT;
}

function dedupe(items: CharSet[]): CharSet[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const key = JSON.stringify(x);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Java's ASCII-only case folding (CASE_INSENSITIVE without UNICODE_CASE) of concrete ranges. */
export function asciiCaseClosure(rs: Ranges): Ranges {
  const extra: [number, number][] = [];
  for (const [lo, hi] of rs) {
    const lower = intersectRanges([[lo, hi]], [[0x61, 0x7a]]);
    const upper = intersectRanges([[lo, hi]], [[0x41, 0x5a]]);
    for (const [a, b] of lower) extra.push([a - 32, b - 32]);
    for (const [a, b] of upper) extra.push([a + 32, b + 32]);
  }
  return normalize([...rs, ...extra]);
}

/** Whether the set is exactly known (no Unicode property inside). */
export function isConcrete(set: CharSet): set is Extract<CharSet, { kind: "ranges" }> {
  return set.kind === "ranges";
}

/**
 * Membership test for a code point, given a way to test properties (the caller decides which
 * Unicode data to use; tests use the running engine's `\p{..}`).
 */
export function contains(set: CharSet, cp: number, prop: (name: string, cp: number) => boolean): boolean {
  switch (set.kind) {
    case "ranges":
      return set.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
    case "prop":
      return prop(set.name, cp);
    case "union":
      return set.items.some((x) => contains(x, cp, prop));
    case "inter":
      return set.items.every((x) => contains(x, cp, prop));
    case "not":
      return !contains(set.item, cp, prop);
    default: {
      const never: never = set;
      return never;
    }
  }
}
