// Constraints declared on a list `member` or a map `key` / `value` of a real Smithy model (the
// AWS corpus has 66 of them), checked against the generated validators: for each such place, a
// value that breaks the constraint is put at that position of its container and the container's
// validator must report it there (a map key at the map's path, as Smithy reports it).
//
//   ssm-quicksetup TagsMap value @length(max: 256)
//   → validateTagsMap({ a: "a".repeat(257) }) reports { path: "/a", constraint: "length" }

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { Diagnostics } from "../../generator/diagnostics.js";
import { assignNames } from "../../generator/naming/names.js";
import { inputClosure } from "../../generator/passes/input-closure.js";
import { loadSmithyModels } from "../../generator/smithy/frontend.js";
import { emitAndImport } from "./fixtures.js";

const CONSTRAINT_TRAITS = ["smithy.api#length", "smithy.api#pattern", "smithy.api#range"] as const;

/** One constrained position of a model, as declared in its JSON AST. */
export interface Place {
  readonly container: string;
  readonly position: "member" | "key" | "value";
  readonly traits: Readonly<Record<string, unknown>>;
}

export interface PlaceResult {
  readonly place: string;
  /** `checked`: every probe was reported; otherwise why it was not run, or what went wrong. */
  readonly outcome: "checked" | "skipped" | "failed";
  readonly detail: string;
}

/** Every list member / map key / map value with a length, pattern or range trait of its own. */
export function constrainedPlaces(ast: { shapes: Record<string, Record<string, unknown>> }): Place[] {
  const places: Place[] = [];
  for (const [id, shape] of Object.entries(ast.shapes)) {
    for (const position of ["member", "key", "value"] as const) {
      const ref = shape[position] as { traits?: Record<string, unknown> } | undefined;
      const traits = ref?.traits ?? {};
      if (CONSTRAINT_TRAITS.some((t) => t in traits)) places.push({ container: id, position, traits });
    }
  }
  return places;
}

/** A value that breaks one constraint, and the constraint the validator must report. */
function probes(traits: Readonly<Record<string, unknown>>): { value: string | number; constraint: string }[] | string {
  const out: { value: string | number; constraint: string }[] = [];
  const length = traits["smithy.api#length"] as { min?: number; max?: number } | undefined;
  if (length?.max !== undefined) out.push({ value: "a".repeat(length.max + 1), constraint: "length" });
  if (length?.min !== undefined && length.min > 0) out.push({ value: "", constraint: "length" });
  const range = traits["smithy.api#range"] as { min?: number; max?: number } | undefined;
  if (range?.max !== undefined) out.push({ value: range.max + 1, constraint: "range" });
  if (range?.min !== undefined) out.push({ value: range.min - 1, constraint: "range" });
  const pattern = traits["smithy.api#pattern"];
  if (typeof pattern === "string") {
    // A string the pattern rejects, found with the pattern itself compiled as JavaScript (the
    // patterns of these places use no Java-only syntax); one that matches everything has none.
    let re: RegExp | undefined;
    try {
      re = new RegExp(pattern, "u");
    } catch {
      return out.length > 0 ? out : `pattern ${pattern} does not compile as JavaScript`;
    }
    // Java's `$` (ours too, see README "Patterns") also matches before one final line
    // terminator, which JavaScript's does not: a probe ending in "\n" is rejected only when the
    // pattern rejects it without that "\n" as well.
    const rejects = (s: string) => !re.test(s) && !(s.endsWith("\n") && re.test(s.slice(0, -1)));
    const bad = ["\u0000", "\n", "a\nb", "aws:x", "!", "~"].find(rejects);
    if (bad !== undefined) out.push({ value: bad, constraint: "pattern" });
  }
  return out;
}

/** Generates the validators of one AWS service and probes each of its constrained places. */
export async function checkService(path: string): Promise<PlaceResult[]> {
  const text = gunzipSync(readFileSync(path)).toString("utf8");
  const ast = JSON.parse(text) as { shapes: Record<string, Record<string, unknown>> };
  const places = constrainedPlaces(ast);
  if (places.length === 0) return [];
  const name = basename(path, ".json.gz");
  const diags = new Diagnostics();
  const models = loadSmithyModels({ name, files: [{ path: basename(path, ".gz"), text }] }, diags);
  const model = models[0];
  if (!model) return places.map((p) => ({ place: `${name} ${p.container} ${p.position}`, outcome: "failed", detail: "the model does not load" }));
  const names = assignNames(model, new Diagnostics());
  const inputs = inputClosure(model);
  const { validate } = await emitAndImport(model);
  return places.map((p): PlaceResult => {
    const place = `${name} ${p.container.slice(p.container.indexOf("#") + 1)} ${p.position}`;
    if (!inputs.has(p.container)) return { place, outcome: "skipped", detail: "not in any operation input (validators exist for inputs only)" };
    const list = probes(p.traits);
    if (typeof list === "string") return { place, outcome: "skipped", detail: list };
    if (list.length === 0) return { place, outcome: "skipped", detail: `no value breaks ${JSON.stringify(p.traits)}` };
    const check = validate(names.validator(p.container));
    for (const probe of list) {
      const [value, path] =
        p.position === "member" ? [[probe.value], "/0"] : p.position === "key" ? [{ [String(probe.value)]: "a" }, ""] : [{ a: probe.value }, "/a"];
      const failures = check(value);
      if (!failures.some((f) => f.path === path && f.constraint === probe.constraint)) {
        return { place, outcome: "failed", detail: `${JSON.stringify(value)}: no ${probe.constraint} failure at '${path}' in ${JSON.stringify(failures)}` };
      }
    }
    return { place, outcome: "checked", detail: list.map((x) => x.constraint).join(", ") };
  });
}
