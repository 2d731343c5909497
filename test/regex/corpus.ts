// Every distinct `smithy.api#pattern` of the AWS corpus (../shared/corpus/aws-smithy), with the
// largest `@length` max seen beside it, in a stable order.
//
//   corpusPatterns() → ["^[\\w+]+$", ...]   corpusPatternLengths().get("^[\\w+]+$") → 128

import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";

const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus/aws-smithy");

type Traits = Record<string, unknown> | undefined;
type ShapeJson = { traits?: Traits; members?: Record<string, { target?: string; traits?: Traits }> } & Record<string, unknown>;

/** Pattern → the largest `@length` max of a place it constrains (undefined when one has none). */
export function corpusPatternLengths(): Map<string, number | undefined> {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith(".json.gz")).sort();
  if (files.length === 0) throw new Error(`no models in ${CORPUS} (see ../shared/corpus/README.md)`);
  const out = new Map<string, number | undefined>();
  const note = (pattern: string, max: number | undefined): void => {
    const known = out.get(pattern);
    out.set(pattern, !out.has(pattern) ? max : known === undefined || max === undefined ? undefined : Math.max(known, max));
  };
  for (const f of files) {
    const shapes = (JSON.parse(gunzipSync(readFileSync(resolve(CORPUS, f))).toString("utf8")) as { shapes?: Record<string, ShapeJson> }).shapes ?? {};
    const maxOf = (t: Traits): number | undefined => (t?.["smithy.api#length"] as { max?: number } | undefined)?.max;
    for (const shape of Object.values(shapes)) {
      const own = shape.traits?.["smithy.api#pattern"];
      if (typeof own === "string") note(own, maxOf(shape.traits));
      const members = [...Object.values(shape.members ?? {}), ...["member", "key", "value"].map((k) => shape[k] as { target?: string; traits?: Traits } | undefined)];
      for (const m of members) {
        const p = m?.traits?.["smithy.api#pattern"];
        const target = m?.target ? shapes[m.target] : undefined;
        if (typeof p === "string") note(p, maxOf(m?.traits) ?? maxOf(target?.traits));
      }
    }
  }
  return out;
}

export function corpusPatterns(): string[] {
  return [...corpusPatternLengths().keys()];
}
