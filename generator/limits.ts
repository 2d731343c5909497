// Documented limits on how deep a model may nest, checked before any recursive code sees it,
// so hostile or broken input gets a diagnostic at the offending position, never a stack overflow.
//
//   jsonTooDeep('{"a":[[[...300 levels...]]]}') → { offset: 261, depth: 257 }   (the first "[" past the limit)
//   jsonTooDeep('{"a":[1,2]}')                 → undefined
//   yamlTooDeep("a:\n  - [1]\n")                → undefined
//   quoteValue({ a: [1, 2, { b: "x".repeat(500) }] }) → '{"a":[1,2,{"b":"xxxxxxxxxxxxxxxx…"}]}' (bounded)
//
// MAX_NESTING (256) bounds:
//   - arrays and objects in a JSON or YAML document, and in IDL node values;
//   - the chain of `$ref`s and `allOf`s an OpenAPI schema's facts are merged through;
//   - Smithy resources bound under resources;
//   - elements of HTML documentation (deeper ones lose their tags, not their text).
// MAX_SCHEMA_NESTING (512) bounds the OpenAPI schemas being lowered at once, inline or through `$ref`s.
// The deepest real model we know of nests 45 levels (the AWS S3 JSON AST).
//
// The scanners are iterative (no recursion), linear in the text, and allocate nothing per value.

import { Parser } from "yaml";

/** The deepest nesting any model may have (see the head comment for what it counts). */
export const MAX_NESTING = 256;

/**
 * OpenAPI schemas being lowered at once: an object whose property is a `$ref` to the next object
 * costs two (the property's schema and its target), so a chain of 256 objects fits.
 */
export const MAX_SCHEMA_NESTING = 2 * MAX_NESTING;

/**
 * The most variants of a union whose type lists, in each variant, the other variants' keys as
 * `?: never` (quadratic in size: 3,000 variants made a types.ts of 186 MB). A larger union gets
 * one interface of its keys, all `?: never`, and each variant omits its own key from it (linear).
 * Real models have at most 27 (Bedrock Agent's FlowValidationDetails).
 */
export const EXCLUSIVE_VARIANTS = 64;

export interface TooDeep {
  /** Offset in the text of the first collection that opens past the limit. */
  readonly offset: number;
  readonly depth: number;
}

/**
 * Finds the first `[` or `{` of JSON text that opens at depth MAX_NESTING + 1, skipping strings.
 * Syntax errors are not its business: unbalanced text is scanned as far as it goes.
 */
export function jsonTooDeep(text: string, limit = MAX_NESTING): TooDeep | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // To the closing quote: the next `"` after an even run of backslashes (an odd run escapes
      // it). indexOf finds the quotes: strings (documentation) are most of a model's text.
      for (;;) {
        const quote = text.indexOf('"', i + 1);
        if (quote === -1) return undefined;
        let b = quote - 1;
        while (b > i && text.charCodeAt(b) === 0x5c /* \ */) b--;
        i = quote;
        if ((quote - 1 - b) % 2 === 0) break;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > limit) return { offset: i, depth };
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    }
  }
  return undefined;
}

/** A token of yaml's concrete syntax tree, as far as nesting is concerned. */
interface CstToken {
  readonly type: string;
  readonly offset: number;
  readonly value?: CstToken;
  readonly items?: readonly { readonly key?: CstToken | null; readonly value?: CstToken | null }[];
}

/**
 * Finds the first block or flow collection of a YAML text that opens past the limit. yaml's CST
 * parser is iterative; its composer and `toJS` are recursive, so this runs before them.
 */
export function yamlTooDeep(text: string, limit = MAX_NESTING): TooDeep | undefined {
  const stack: { token: CstToken; depth: number }[] = [];
  for (const token of new Parser().parse(text)) stack.push({ token: token as CstToken, depth: 0 });
  // Depth-first, so the reported collection is the first one in the text among those too deep.
  let found: TooDeep | undefined;
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    const collection = token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection";
    const here = collection ? depth + 1 : depth;
    if (collection && here > limit) {
      if (found === undefined || token.offset < found.offset) found = { offset: token.offset, depth: here };
      continue;
    }
    if (token.value) stack.push({ token: token.value, depth: here });
    for (const item of token.items ?? []) {
      if (item.key) stack.push({ token: item.key, depth: here });
      if (item.value) stack.push({ token: item.value, depth: here });
    }
  }
  return found;
}

/**
 * A value as a message may quote it: its JSON (no spaces) when short, else cut to `max` characters
 * ending in `…`; parts nested past 16 levels show as `[…]` / `{…}`. Never recurses deeper than
 * that, and does work proportional to `max`, whatever the value.
 */
export function quoteValue(value: unknown, max = 60): string {
  const text = quote(value, 16, max + 1);
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

function quote(value: unknown, levels: number, budget: number): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
  if (typeof value !== "object") return String(value);
  const array = Array.isArray(value);
  if (levels === 0) return array ? "[…]" : "{…}";
  const parts: string[] = [];
  let used = 2;
  const keys = array ? undefined : Object.keys(value);
  const count = keys ? keys.length : (value as unknown[]).length;
  for (let i = 0; i < count; i++) {
    if (used >= budget) {
      parts.push("…");
      break;
    }
    const key = keys?.[i];
    const item = key === undefined ? (value as unknown[])[i] : (value as Record<string, unknown>)[key];
    const text = (key === undefined ? "" : JSON.stringify(key.length > budget ? key.slice(0, budget) : key) + ":") + quote(item, levels - 1, budget - used);
    parts.push(text);
    used += text.length + 1;
  }
  return array ? `[${parts.join(",")}]` : `{${parts.join(",")}}`;
}

/** The diagnostic message for a document that nests too deep. */
export function tooDeepMessage(what: string, limit = MAX_NESTING): string {
  return `${what} nests more than ${limit} levels deep`;
}

export const TOO_DEEP_HINT = `Shapesmith reads models nested at most ${MAX_NESTING} levels deep (real models nest fewer than 50); flatten the value, or move the inner part into a shape or schema of its own.`;

export const MIXINS_TOO_DEEP_HINT = "List several mixins on one shape instead of mixing each into the next.";

export const RESOURCES_TOO_DEEP_HINT = "Bind the inner resources to a resource nearer the service.";
