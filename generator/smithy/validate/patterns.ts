// The patterns of the HTTP traits, parsed as the reference implementation reads them: an `http`
// trait's `uri` (path segments, labels, greedy labels, query literals) and an `endpoint` trait's
// `hostPrefix` (literal runs and labels), plus the small model queries the HTTP checks share
// (an operation's input, the operations a service contains, a service's protocol traits).
//
//   parseUri("/things/{id}/{rest+}?kind=big")
//   → { text: "/things/{id}/{rest+}?kind=big",
//       segments: [{ content: "things", kind: "literal" }, { content: "id", kind: "label" },
//                  { content: "rest", kind: "greedy" }],
//       query: Map { "kind" => "big" } }
//   parseHostPrefix("{Bucket}.data.") → [{ content: "Bucket", kind: "label" }, { content: ".data.", kind: "literal" }]
//
// A pattern the reference could not parse gives `undefined`: such a trait is judged elsewhere
// (or not at all), never by the checks that read these patterns.

import { isObjectNode, type AstMemberRef, type AstShape, type NodeValue } from "../ast.js";
import type { ValidationContext } from "./index.js";

export interface Segment {
  readonly content: string;
  readonly kind: "literal" | "label" | "greedy";
}

export interface UriPattern {
  readonly text: string;
  readonly segments: readonly Segment[];
  readonly query: ReadonlyMap<string, string>;
}

const LABEL_NAME = /^_*[A-Za-z][A-Za-z0-9_]*$/;
export const UNIT = "smithy.api#Unit";

/** An `http` trait's `uri`, or `undefined` when it is not a valid URI pattern. */
export function parseUri(uri: string): UriPattern | undefined {
  if (!uri.startsWith("/") || uri.endsWith("?") || uri.includes("#")) return undefined;
  const q = uri.indexOf("?");
  const path = q < 0 ? uri : uri.slice(0, q);
  const parts = path.split("/").slice(1);
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop(); // as Java's split drops them
  const segments: Segment[] = [];
  const labels = new Set<string>();
  for (const part of parts) {
    const segment = parseSegment(part);
    if (segment === undefined) return undefined;
    if (segment.kind !== "literal") {
      const key = segment.content.toLowerCase();
      if (labels.has(key)) return undefined;
      labels.add(key);
    }
    segments.push(segment);
  }
  const query = new Map<string, string>();
  if (q >= 0) {
    const text = uri.slice(q + 1);
    if (text.includes("{") || text.includes("}")) return undefined;
    for (const pair of text.split("&")) {
      const eq = pair.indexOf("=");
      const key = eq < 0 ? pair : pair.slice(0, eq);
      if (query.has(key)) return undefined;
      query.set(key, eq < 0 ? "" : pair.slice(eq + 1));
    }
  }
  return { text: uri, segments, query };
}

function parseSegment(text: string): Segment | undefined {
  if (text.length >= 2 && text.startsWith("{") && text.endsWith("}")) {
    const greedy = text[text.length - 2] === "+";
    const content = text.slice(1, greedy ? -2 : -1);
    return LABEL_NAME.test(content) ? { content, kind: greedy ? "greedy" : "label" } : undefined;
  }
  if (text === "" || text.includes("{") || text.includes("}")) return undefined;
  return { content: text, kind: "literal" };
}

/** An `endpoint` trait's `hostPrefix` as literal runs and labels, or `undefined` when it is invalid. */
export function parseHostPrefix(prefix: string): Segment[] | undefined {
  const segments: Segment[] = [];
  const labels = new Set<string>();
  let i = 0;
  while (i < prefix.length) {
    const open = prefix.indexOf("{", i);
    const close = prefix.indexOf("}", i);
    if (open < 0) {
      if (close >= 0) return undefined;
      segments.push({ content: prefix.slice(i), kind: "literal" });
      break;
    }
    if (close >= 0 && close < open) return undefined;
    if (open > i) segments.push({ content: prefix.slice(i, open), kind: "literal" });
    const end = prefix.indexOf("}", open);
    if (end < 0) return undefined;
    const content = prefix.slice(open + 1, end);
    if (!LABEL_NAME.test(content) || labels.has(content.toLowerCase())) return undefined;
    labels.add(content.toLowerCase());
    segments.push({ content, kind: "label" });
    i = end + 1;
  }
  return segments;
}

/** A label of a pattern by name, compared case-insensitively (as the reference looks labels up). */
export function labelNamed(segments: readonly Segment[], name: string): Segment | undefined {
  const key = name.toLowerCase();
  return segments.find((s) => s.kind !== "literal" && s.content.toLowerCase() === key);
}

/** A trait of a shape or member, or `undefined`. */
export function traitOf(shape: { traits?: Record<string, NodeValue> } | undefined, id: string): NodeValue | undefined {
  return shape?.traits?.[id];
}

export function hasTrait(shape: { traits?: Record<string, NodeValue> } | undefined, id: string): boolean {
  return shape?.traits?.[id] !== undefined;
}

/** An operation's input (or output) structure id: `smithy.api#Unit` when it declares none. */
export function ioOf(operation: AstShape, key: "input" | "output"): string {
  return operation[key]?.target ?? UNIT;
}

/** The members of a structure shape by id (none for `smithy.api#Unit`), or `undefined` if it is not a structure. */
export function structureMembers(ctx: ValidationContext, id: string): [string, AstMemberRef][] | undefined {
  const shape = ctx.shape(id);
  if (shape?.type !== "structure") return undefined;
  return Object.entries(shape.members ?? {});
}

/** The operations of a service: its own, and those of its resources, transitively (the reference's TopDownIndex). */
export function containedOperations(ctx: ValidationContext, service: AstShape): string[] {
  const out = new Set<string>();
  const seenResources = new Set<string>();
  const visit = (shape: AstShape) => {
    for (const ref of [...(shape.operations ?? []), ...(shape.collectionOperations ?? [])]) out.add(ref.target);
    for (const key of ["create", "put", "read", "update", "delete", "list"] as const) if (shape[key]) out.add(shape[key]!.target);
    for (const ref of shape.resources ?? []) {
      if (seenResources.has(ref.target)) continue;
      seenResources.add(ref.target);
      const resource = ctx.shape(ref.target);
      if (resource?.type === "resource") visit(resource);
    }
  };
  visit(service);
  return [...out].filter((id) => ctx.shape(id)?.type === "operation");
}

/** The protocol traits applied to a service (traits whose definition has `@protocolDefinition`), with that definition's value. */
export function protocolsOf(ctx: ValidationContext, service: AstShape): { id: string; definition: { [key: string]: NodeValue } }[] {
  const out: { id: string; definition: { [key: string]: NodeValue } }[] = [];
  for (const id of Object.keys(service.traits ?? {})) {
    const definition = traitOf(ctx.shape(id), "smithy.api#protocolDefinition");
    if (definition !== undefined) out.push({ id, definition: isObjectNode(definition) ? definition : {} });
  }
  return out;
}

/** Whether a protocol definition lists a trait among those its protocol supports. */
export function protocolSupports(definition: { [key: string]: NodeValue }, trait: string): boolean {
  const traits = definition["traits"];
  return Array.isArray(traits) && traits.includes(trait);
}

/** `a`, `b`: names sorted and ticked, as the reference lists them in a message. */
export function ticked(names: Iterable<string>): string {
  return [...names].sort().map((n) => `\`${n}\``).join(", ");
}
