// The one builder for every doc comment in generated code.
//
//   tsdoc({ docs: { text: "<p>The app client ID.</p>", format: "html" }, kind: "string",
//           required: true, constraints: { length: { min: 1, max: 128 } } })
//   → ["/**",
//      " * The app client ID.",
//      " *",
//      " * Required.",
//      " * Constraints: length 1–128 (Unicode code points).",
//      " */"]
//
// Lines come back unindented; the caller indents. Nothing to say gives []. Whatever the input,
// the comment ends only at its last line (`*/` inside becomes `*\/`), no `@` in the text can
// start a TSDoc tag (`\@`), and no line ends in whitespace.

import type { Constraints, Deprecation, Documentation, ShapeType } from "../model/ir.js";
import { BigNumberNode } from "../model/decimal.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { codeSpan, commonMarkToDoc, fenceTracker, LINE_BREAK, splitLines } from "./markdown.js";
import { append } from "../lists.js";

export { htmlToMarkdown } from "./html-to-markdown.js";
export { commonMarkToDoc } from "./markdown.js";

/**
 * The most allowed values a comment lists (EC2's \`InstanceType\` has over 800, repeated in the
 * comment of every member of that type; a structure of 5,000 members of a 5,000-value enum would
 * make 25 million).
 */
export const MAX_LISTED_VALUES = 40;

export interface TsDocInput {
  readonly docs?: Documentation | undefined;
  readonly deprecated?: Deprecation | undefined;
  readonly constraints?: Constraints | undefined;
  /** The type of the value the constraints apply to (decides how `length` reads). */
  readonly kind?: ShapeType | undefined;
  /**
   * Allowed values of an enum, listed in the order given: the first MAX_LISTED_VALUES, then how
   * many more (every member of an enum type repeats the list; its type lists them all).
   */
  readonly enumValues?: readonly (string | number)[] | undefined;
  readonly sensitive?: boolean | undefined;
  readonly required?: boolean | undefined;
  /** Rendered as JSON (object keys sorted) after `@defaultValue`; `undefined` means none. */
  readonly defaultValue?: unknown;
  /** Informative format such as `date-time` or `uuid`. */
  readonly format?: string | undefined;
  readonly readOnly?: boolean | undefined;
  readonly writeOnly?: boolean | undefined;
}

/** Documentation → CommonMark (HTML converted, CommonMark normalised). */
export function docToMarkdown(docs: Documentation): string {
  return docs.format === "html" ? htmlToMarkdown(docs.text) : commonMarkToDoc(docs.text);
}

/** Documentation → the lines of its section of a comment (safe, unindented): a function of the text alone. */
export function docLines(docs: Documentation): string[] {
  return safeLines(docToMarkdown(docs));
}

/** How `tsdoc` gets a documentation text's lines: `docLines`, or a memo of it (docs/memo.ts). */
export interface DocLines {
  lines(docs: Documentation): readonly string[];
}

const CONVERT: DocLines = { lines: docLines };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `1–128`, `at least 1`, `exactly 4 items`; `undefined` when neither bound is set. */
function bounds(min: number | undefined, max: number | undefined, unit?: readonly [string, string]): string | undefined {
  const withUnit = (n: number): string => (unit ? plural(n, unit[0], unit[1]) : String(n));
  if (min !== undefined && max !== undefined) {
    if (min === max) return `exactly ${withUnit(min)}`;
    const range = `${min}${min < 0 || max < 0 ? " to " : "–"}${max}`;
    return unit ? `${range} ${unit[1]}` : range;
  }
  if (min !== undefined) return `at least ${withUnit(min)}`;
  if (max !== undefined) return `at most ${withUnit(max)}`;
  return undefined;
}

/** How `length` reads for each kind of value: a prefix or a unit. */
function lengthPhrase(length: NonNullable<Constraints["length"]>, kind: ShapeType | undefined): string | undefined {
  const { min, max } = length;
  switch (kind) {
    case "string":
    case "enum": {
      const b = bounds(min, max);
      return b && `length ${b} (Unicode code points)`;
    }
    case "blob":
      return bounds(min, max, ["byte", "bytes"]);
    case "list":
      return bounds(min, max, ["item", "items"]);
    case "map":
      return bounds(min, max, ["entry", "entries"]);
    default: {
      const b = bounds(min, max);
      return b && `length ${b}`;
    }
  }
}

function rangePhrase(range: NonNullable<Constraints["range"]>): string | undefined {
  const min = range.minText ?? range.min;
  const max = range.maxText ?? range.max;
  const { exclusiveMin, exclusiveMax } = range;
  if (range.min !== undefined && range.max !== undefined && !exclusiveMin && !exclusiveMax) {
    if (range.minText === undefined && range.maxText === undefined) return `value ${bounds(range.min, range.max) ?? ""}`;
    return `value ${min}${String(min).startsWith("-") || String(max).startsWith("-") ? " to " : "–"}${max}`;
  }
  const parts: string[] = [];
  if (min !== undefined) parts.push(exclusiveMin ? `greater than ${min}` : `at least ${min}`);
  if (max !== undefined) parts.push(exclusiveMax ? `less than ${max}` : `at most ${max}`);
  return parts.length === 0 ? undefined : `value ${parts.join(" and ")}`;
}

/**
 * The constraints as short phrases, in a fixed order, e.g.
 * `["length 1–128 (Unicode code points)", "pattern `^[\\w+]+$`"]`.
 */
export function describeConstraints(constraints: Constraints, kind?: ShapeType): string[] {
  const phrases: string[] = [];
  // No closure per call: every documented member passes here.
  if (constraints.length) pushPhrase(phrases, lengthPhrase(constraints.length, kind));
  if (constraints.pattern !== undefined) pushPhrase(phrases, `pattern ${codeSpan(constraints.pattern) || "``"}`);
  if (constraints.range) pushPhrase(phrases, rangePhrase(constraints.range));
  if (constraints.multipleOf !== undefined) pushPhrase(phrases, `multiple of ${constraints.multipleOf}`);
  if (constraints.uniqueItems) pushPhrase(phrases, "unique items");
  if (constraints.properties) pushPhrase(phrases, bounds(constraints.properties.min, constraints.properties.max, ["property", "properties"]));
  return phrases;
}

function pushPhrase(phrases: string[], phrase: string | undefined): void {
  if (phrase !== undefined && phrase !== "") phrases.push(phrase);
}

/** JSON with object keys sorted, so the output does not depend on the model's key order. */
export function stableJson(value: unknown, seen: readonly object[] = []): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case "boolean":
      return String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "object": {
      if (seen.includes(value)) return '"[Circular]"';
      const inner = [...seen, value];
      if (Array.isArray(value)) return `[${value.map((v: unknown) => stableJson(v, inner)).join(",")}]`;
      if (value instanceof BigNumberNode) return value.text;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k], inner)}`);
      return `{${entries.join(",")}}`;
    }
    default:
      return JSON.stringify(String(value));
  }
}

/** The facts paragraph: flags, format, constraints, allowed values; one sentence a line. */
function facts(input: TsDocInput): string[] {
  const lines: string[] = [];
  let flags = "";
  if (input.required) flags = "Required.";
  if (input.readOnly) flags = flags === "" ? "Read-only." : `${flags} Read-only.`;
  if (input.writeOnly) flags = flags === "" ? "Write-only." : `${flags} Write-only.`;
  if (input.sensitive) flags = flags === "" ? "Sensitive." : `${flags} Sensitive.`;
  if (flags !== "") lines.push(flags);
  if (input.format !== undefined && input.format !== "") lines.push(`Format: ${codeSpan(input.format)}.`);
  const phrases = input.constraints ? describeConstraints(input.constraints, input.kind) : [];
  if (phrases.length > 0) lines.push(`Constraints: ${phrases.join("; ")}.`);
  if (input.enumValues && input.enumValues.length > 0) {
    const all = input.enumValues;
    const values = all.slice(0, MAX_LISTED_VALUES).map((v) => (typeof v === "number" ? codeSpan(String(v)) : codeSpan(v) || '`""`'));
    const more = all.length - values.length;
    lines.push(more === 0 ? `Allowed values: ${values.join(", ")}.` : `Allowed values: ${values.join(", ")} and ${more} more (the type lists all ${all.length}).`);
  }
  return lines;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_\\]/u.test(ch);
}

/**
 * Makes one line safe inside a `/** *\/` comment: `*\/` cannot end it, and no `@` can start a
 * tag. TypeScript starts a tag at an `@` after whitespace even inside a code span, so there
 * (and in fenced code) such an `@` is escaped too; in prose every `@` not inside a word is.
 */
function safeLine(line: string, fenced: boolean): string {
  const unclosed = line.includes("*/") ? line.replace(/\*\//g, "*\\/") : line;
  if (!unclosed.includes("@")) return unclosed.trimEnd();
  const chars = Array.from(unclosed);
  let out = "";
  let codeFence = 0; // length of the backtick run that opened the current code span
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    if (ch === "`" && !fenced) {
      let run = 1;
      while (chars[i + run] === "`") run++;
      const fence = "`".repeat(run);
      if (codeFence === 0) {
        const rest = chars.slice(i + run).join("");
        if (new RegExp(`(?:^|[^\`])${fence}(?:[^\`]|$)`).test(rest)) codeFence = run;
      } else if (run === codeFence) {
        codeFence = 0;
      }
      out += fence;
      i += run - 1;
      continue;
    }
    if (ch === "@") {
      const prev = chars[i - 1];
      const inCode = fenced || codeFence > 0;
      const escape = inCode ? prev === undefined || /\s/.test(prev) || prev === "{" : !isWordChar(prev);
      out += escape ? "\\@" : "@";
      continue;
    }
    out += ch;
  }
  return out.trimEnd();
}

/**
 * A model's text (an OpenAPI operationId, a server URL) as a code span that is safe inside a
 * `/** *\/` comment: `getWolf*\/ramCloud` would end the comment and break the file.
 *
 *   commentCode("InitiateAuth") → "`InitiateAuth`";   commentCode("a*\/b") → "`a*\\/b`"
 */
export function commentCode(text: string): string {
  return safeLine(codeSpan(text) || '`""`', false);
}

/** Markdown → safe comment lines, without leading/trailing blank lines or blank runs. */
function safeLines(markdown: string): string[] {
  const inFence = fenceTracker();
  const out: string[] = [];
  for (const raw of splitLines(markdown)) {
    const fenced = inFence(raw);
    const line = safeLine(raw, fenced);
    if (line === "" && !fenced && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

function deprecationLines(deprecated: Deprecation): string[] {
  const since = deprecated.since?.replace(/\s+/g, " ").trim() ?? "";
  const message = safeLines((deprecated.message ?? "").split(LINE_BREAK).map((l) => l.trim()).join("\n"));
  const lead = since === "" ? "" : message.length === 0 ? `Since ${since}.` : `Since ${since}:`;
  const [first, ...rest] = message;
  const head = [safeLine(lead, false), first ?? ""].filter((s) => s !== "").join(" ");
  return [`@deprecated${head === "" ? "" : ` ${head}`}`, ...rest];
}

/**
 * The lines of a TSDoc comment (`/**` … ` *\/`), or `[]` when there is nothing to say.
 * Layout: the documentation as Markdown; a blank line; the facts (required, sensitive,
 * format, constraints, allowed values); a blank line; `@defaultValue`, `@deprecated`.
 * `docs` converts the documentation (a memo of `docLines` for a run that repeats texts);
 * `indent` starts every line (the caller's indent, without a second copy of the lines).
 */
export function tsdoc(input: TsDocInput, docs: DocLines = CONVERT, indent = ""): string[] {
  const sections: (readonly string[])[] = [];
  if (input.docs) sections.push(docs.lines(input.docs));
  // Each fact is one line starting with a word (its model texts are code spans on one line): no
  // fence, blank line or line break for safeLines to handle, so each line is made safe alone.
  sections.push(facts(input).map((line) => safeLine(line, false)));
  const tags: string[] = [];
  if (input.defaultValue !== undefined) {
    tags.push(`@defaultValue ${safeLine(codeSpan(stableJson(input.defaultValue)), false)}`);
  }
  if (input.deprecated) append(tags, deprecationLines(input.deprecated));
  sections.push(tags);
  // One array, built in one pass, each line with its indent: this runs for every member of every model.
  const star = `${indent} *`;
  const text = `${indent} * `;
  const out = [`${indent}/**`];
  for (const section of sections) {
    if (section.length === 0) continue;
    if (out.length > 1) out.push(star);
    for (const line of section) out.push(line === "" ? star : text + line);
  }
  if (out.length === 1) return [];
  out.push(`${indent} */`);
  return out;
}
