// One wrong expectation per case, to prove the runner can fail: the mutated case must not match
// the request that matched the original.
//
//   mutate({ id: "X", method: "POST", uri: "/", body: '{"a":1}', bodyMediaType: "application/json" }, 0)
//   → { kind: "body", case: { ..., body: '{"a":2}' } }
//
// The kinds that apply to a case (body when it has a non-empty one, query when it lists params,
// header when it lists headers, resolvedHost when it names one, then uri and method) are taken in
// turn by the case's index, so every comparator is exercised across the suite. Body mutations
// change one value inside the parsed body (JSON, XML, CBOR, form), so they test the semantic
// comparison, not the parser.

import { decode as decodeCbor, encode as encodeCbor, Tag } from "cbor2";
import { formPairs, parseXml, printXmlNode, type XmlElement, type XmlNode } from "./bodies.js";
import type { RequestCase } from "./compare.js";

export type MutationKind = "body" | "query" | "header" | "resolvedHost" | "uri" | "method";

export interface Mutation {
  readonly kind: MutationKind;
  readonly case: RequestCase;
}

export function applicableMutations(c: RequestCase): MutationKind[] {
  const kinds: MutationKind[] = [];
  if (c.body !== undefined && c.body !== "") kinds.push("body");
  if ((c.queryParams ?? []).length > 0) kinds.push("query");
  if (Object.keys(c.headers ?? {}).length > 0) kinds.push("header");
  if (c.resolvedHost !== undefined) kinds.push("resolvedHost");
  kinds.push("uri", "method");
  return kinds;
}

export function mutate(c: RequestCase, index: number): Mutation {
  const kinds = applicableMutations(c);
  const kind = kinds[index % kinds.length]!;
  return { kind, case: mutateAs(c, kind) };
}

export function mutateAs(c: RequestCase, kind: MutationKind): RequestCase {
  switch (kind) {
    case "body":
      return { ...c, body: mutateBody(c.body ?? "", c.bodyMediaType) };
    case "query": {
      const [first, ...rest] = c.queryParams ?? [];
      return { ...c, queryParams: [first!.includes("=") ? `${first}x` : `${first}=x`, ...rest] };
    }
    case "header": {
      const [name, value] = Object.entries(c.headers ?? {})[0]!;
      return { ...c, headers: { ...c.headers, [name]: `${value}x` } };
    }
    case "resolvedHost":
      return { ...c, resolvedHost: `mutated.${c.resolvedHost}` };
    case "uri":
      return { ...c, uri: `${c.uri}x` };
    case "method":
      return { ...c, method: c.method === "POST" ? "PUT" : "POST" };
    default: {
      const never: never = kind;
      throw new Error(`unknown mutation ${String(never)}`);
    }
  }
}

function mutateBody(body: string, mediaType: string | undefined): string {
  switch (mediaType) {
    case "application/json":
      return JSON.stringify(mutateData(JSON.parse(body)));
    case "application/cbor":
      return Buffer.from(encodeCbor(mutateData(decodeCbor(Buffer.from(body, "base64"))))).toString("base64");
    case "application/xml": {
      const roots = parseXml(body);
      if (typeof roots === "string") throw new Error(roots);
      return roots.map((r) => printXmlNode(mutateXml(r))).join("");
    }
    case "application/x-www-form-urlencoded": {
      const pairs = formPairs(body);
      const last = pairs.length - 1;
      return pairs.map(([k, v], i) => `${encodeURIComponent(k)}=${encodeURIComponent(i === last ? `${v}x` : v)}`).join("&");
    }
    default:
      return `${body}x`;
  }
}

/** Changes the first leaf of a decoded value (or adds an entry to an empty container). */
function mutateData(v: unknown): unknown {
  if (typeof v === "string") return `${v}x`;
  if (typeof v === "number") return Number.isFinite(v) ? v + 1 : 0;
  if (typeof v === "bigint") return v + 1n;
  if (typeof v === "boolean") return !v;
  if (v === null || v === undefined) return 0;
  if (v instanceof Uint8Array) return new Uint8Array([...v, 120]);
  if (v instanceof Date) return new Date(v.getTime() + 1000);
  if (v instanceof Tag) return new Tag(v.tag, mutateData(v.contents));
  if (Array.isArray(v)) return v.length === 0 ? [0] : [mutateData(v[0]), ...v.slice(1)];
  if (v instanceof Map) {
    const [first] = v.keys();
    if (first === undefined) return new Map([["mutated", 0]]);
    return new Map([...v].map(([k, x]) => [k, k === first ? mutateData(x) : x]));
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return { mutated: 0 };
  return Object.fromEntries(entries.map(([k, x], i) => [k, i === 0 ? mutateData(x) : x]));
}

/** Appends "x" to the first text of the tree, or adds a child element when there is none. */
function mutateXml(root: XmlElement): XmlElement {
  let done = false;
  const walk = (node: XmlNode): XmlNode => {
    if (done) return node;
    if (typeof node === "string") {
      done = true;
      return `${node}x`;
    }
    return { ...node, children: node.children.map(walk) };
  };
  const changed = walk(root) as XmlElement;
  return done ? changed : { ...root, children: [...root.children, { name: "Mutated", attributes: [], children: [] }] };
}
