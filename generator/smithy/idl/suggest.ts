// "Did you mean" for unknown shape ids: the known id whose name is nearest by edit distance,
// preferring the same namespace.
//
//   nearestId("a#Strng", ["a#String", "b#Other"]) → "a#String"

function distance(a: string, b: string, limit: number): number {
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
    const d = distance(name, c.slice(h + 1).toLowerCase(), limit);
    if (d > limit) continue;
    const score = d * 2 + (c.slice(0, h) === ns ? 0 : 1);
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
