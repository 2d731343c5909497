// Test helpers for the Smithy corpus in ../shared/corpus (never copied into the project): file
// access that fails naming the missing path, recursive listing, and a canonical form of a
// loaded model for comparing two models as models (key order and empty maps do not matter).

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SmithyModel } from "../../generator/smithy/assemble.js";
import type { NodeValue } from "../../generator/smithy/ast.js";
import { BigNumberNode, parseDecimal } from "../../generator/model/decimal.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const corpusRoot = path.resolve(repoRoot, "../shared/corpus");

export function corpusPath(rel: string): string {
  const p = path.join(corpusRoot, rel);
  if (!existsSync(p)) throw new Error(`Corpus file missing: ${p}`);
  return p;
}

export function readCorpus(rel: string): string {
  return readFileSync(corpusPath(rel), "utf8");
}

/** Every file under a corpus directory, as paths relative to the corpus root, sorted. */
export function listCorpus(relDir: string, filter: (rel: string) => boolean = () => true): string[] {
  const root = corpusPath(relDir);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const rel = path.relative(corpusRoot, full);
        if (filter(rel)) out.push(rel);
      }
    }
  };
  walk(root);
  return out;
}

export function source(rel: string): { path: string; text: string } {
  return { path: rel, text: readCorpus(rel) };
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  // A literal a float64 cannot hold: its value, whatever its spelling (`2e+308` = `2E+308`).
  if (v instanceof BigNumberNode) {
    const d = parseDecimal(v.text);
    return { bigNumber: d ? `${d.negative ? "-" : ""}${d.digits || "0"}e${d.exponent}` : v.text };
  }
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortDeep((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

function isEmptyObject(v: unknown): boolean {
  return v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;
}

/** A plain, key-sorted form of a model: shapes by id, pending applies by target. */
export function canonicalModel(model: SmithyModel): unknown {
  const shapes: Record<string, unknown> = {};
  for (const [id, shape] of model.shapes) {
    const s: Record<string, unknown> = { ...shape };
    for (const key of ["members", "traits"]) if (isEmptyObject(s[key])) delete s[key];
    if (s["members"]) {
      const members: Record<string, unknown> = {};
      for (const [name, m] of Object.entries(s["members"] as Record<string, { traits?: object }>)) {
        members[name] = isEmptyObject(m.traits) ? { ...m, traits: undefined } : m;
      }
      s["members"] = JSON.parse(JSON.stringify(members));
    }
    shapes[id] = s;
  }
  const applies: Record<string, Record<string, NodeValue>> = {};
  for (const p of model.pendingApplies) applies[p.target] = { ...applies[p.target], ...p.traits };
  return sortDeep({ metadata: model.metadata, shapes, applies });
}
