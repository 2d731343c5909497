// "Did you mean": the one edit distance and the suggestions built on it, for every diagnostic
// that names something unknown (shape ids, config keys, CLI flags, $ref targets).
//
//   nearestId("a#Strng", ["a#String", "b#Other"]) → "a#String"
//   nearest("ouut", ["out", "models"])            → "out"
//   editDistance("kitten", "sitting")              → 3

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The known shape id whose name is nearest, preferring the same namespace. */
export function nearestId(wanted: string, candidates: Iterable<string>): string | undefined {
  const hash = wanted.indexOf("#");
  const ns = wanted.slice(0, hash);
  const name = wanted.slice(hash + 1).toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestScore = Number.MAX_SAFE_INTEGER;
  for (const c of candidates) {
    if (c.includes("$")) continue;
    const h = c.indexOf("#");
    const d = editDistance(name, c.slice(h + 1).toLowerCase(), limit);
    if (d > limit) continue;
    const score = d * 2 + (c.slice(0, h) === ns ? 0 : 1);
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The candidate closest to `word` by edit distance, if close enough to be a likely typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const prefixed = candidates.filter((c) => {
    const l = c.toLowerCase();
    return (w.length >= 2 && l.startsWith(w)) || (l.length >= 3 && w.startsWith(l));
  });
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}
