// The lines two versions of a text differ in, as hunks (for tests that list differences exactly).
//
//   lineDifferences("a\nb\nc\n", "a\nB\nc\n") → [{ line: 2, ours: ["b"], theirs: ["B"] }]
//
// Greedy: on a mismatch, the nearest point (fewest lines skipped on both sides, up to `window`
// each) where two lines in a row agree again ends the hunk. Enough for outputs that differ in a
// few places; a text with no such point is one hunk to the end.

export interface LineHunk {
  /** 1-based line of `ours` where the hunk starts. */
  readonly line: number;
  readonly ours: readonly string[];
  readonly theirs: readonly string[];
}

export function lineDifferences(ours: string, theirs: string, window = 200): LineHunk[] {
  const a = ours.split("\n");
  const b = theirs.split("\n");
  const hunks: LineHunk[] = [];
  let i = 0;
  let j = 0;
  const agree = (x: number, y: number) => (x >= a.length && y >= b.length) || (a[x] === b[y] && (x + 1 >= a.length) === (y + 1 >= b.length) && (x + 1 >= a.length || a[x + 1] === b[y + 1]));
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    let found: [number, number] | undefined;
    for (let d = 1; d <= 2 * window && found === undefined; d++) {
      for (let di = Math.max(0, d - window); di <= Math.min(d, window); di++) {
        if (agree(i + di, j + d - di)) {
          found = [i + di, j + d - di];
          break;
        }
      }
    }
    const [ni, nj] = found ?? [a.length, b.length];
    hunks.push({ line: i + 1, ours: a.slice(i, ni), theirs: b.slice(j, nj) });
    i = ni;
    j = nj;
  }
  return hunks;
}
