// Pairs the resolved models of one service read from its two descriptions (Smithy JSON AST and
// AWS JSON service description) and names every difference between them on the request side:
// walking from each shared operation's input, shape by shape and member by member.
//
//   pairModels(smithy, botocore)
//   → { operations: ["InitiateAuth", ...],
//       differences: ["member InitiateAuthRequest.Foo: only in smithy", "shape ClientIdType: length {max:128} (smithy) vs {max:256} (botocore)", ...],
//       skip: Set { "ns#InitiateAuthRequest$Foo", ... },   // members not to generate (they differ on the wire or in validity)
//       force: Set { ... },                                  // members to always set (required in one only)
//       enums: Map { "ns#AuthFlowType" → ["USER_SRP_AUTH", ...] } } // enum values both know
//
// Differences that only rename (a shape named otherwise, a prelude target) or change nothing on
// the wire (docs, number kinds of the same value domain) are not listed. Whoever reads the list
// can check each entry against the two documents: every entry names the shape and member.

import { isDeepStrictEqual } from "node:util";
import type { Constraints, Member, Operation, Ref, ResolvedModel, Shape } from "../../generator/model/ir.js";

export interface Pairing {
  /** Operations of both models, by name. */
  readonly operations: readonly string[];
  readonly differences: readonly string[];
  /** Operations whose request line differs (method, URI, host prefix, target): no wire comparison. */
  readonly skipOperations: ReadonlySet<string>;
  /** `<smithy shape id>$<member>` of members left out of generated inputs. */
  readonly skip: ReadonlySet<string>;
  /** `<smithy shape id>$<member>` of members always set (required or a default in one description only). */
  readonly force: ReadonlySet<string>;
  /** `<smithy shape id>$<member>` of members whose own constraints differ: generated, their verdicts not compared. */
  readonly loose: ReadonlySet<string>;
  /** Enum shape (smithy id) → the values both descriptions list. */
  readonly enums: ReadonlyMap<string, readonly string[]>;
  /** Smithy shapes whose own constraints differ: values of them are not generated. */
  readonly badShapes: ReadonlySet<string>;
  /**
   * Smithy structures with a member only Smithy has, with a default a client fills in: a value of
   * them cannot go on the wire alike, so none is generated (the difference is listed).
   */
  readonly wireBlocked: ReadonlySet<string>;
}

export function pairModels(a: ResolvedModel, b: ResolvedModel): Pairing {
  const differences: string[] = [];
  const skip = new Set<string>();
  const force = new Set<string>();
  const loose = new Set<string>();
  const wireBlocked = new Set<string>();
  const enums = new Map<string, string[]>();
  const badShapes = new Set<string>();
  const skipOperations = new Set<string>();
  const bOps = new Map(b.operations.map((o) => [o.name, o]));
  const aOps = new Map(a.operations.map((o) => [o.name, o]));
  for (const name of aOps.keys()) if (!bOps.has(name)) differences.push(`operation ${name}: only in smithy`);
  for (const name of bOps.keys()) if (!aOps.has(name)) differences.push(`operation ${name}: only in botocore`);
  const operations = [...aOps.keys()].filter((n) => bOps.has(n));

  /** Smithy input shape → the operations it is the input of. */
  const inputsOf = new Map<string, string[]>();
  // A client fills an unset idempotency token of an input: where the token member differs, the
  // operation's requests cannot be compared (the difference is listed).
  const tokenDiffers = (inputId: string) => {
    for (const op of inputsOf.get(inputId) ?? []) skipOperations.add(op);
  };
  const seen = new Set<string>();
  const queue: [string, string, string][] = [];
  const visit = (x: string, y: string, where: string) => {
    const key = `${x}|${y}`;
    if (seen.has(key)) return;
    seen.add(key);
    queue.push([x, y, where]);
  };
  for (const name of operations) {
    const x = aOps.get(name)!;
    const y = bOps.get(name)!;
    const line = requestLine(a, x);
    const other = requestLine(b, y);
    if (!isDeepStrictEqual(line, other)) {
      differences.push(`operation ${name}: request ${JSON.stringify(line)} (smithy) vs ${JSON.stringify(other)} (botocore)`);
      skipOperations.add(name);
    }
    if (Boolean(x.input) !== Boolean(y.input)) {
      differences.push(`operation ${name}: input ${x.input ? "only in smithy" : "only in botocore"}`);
      skipOperations.add(name);
    } else if (x.input && y.input) {
      visit(x.input, y.input, `input of ${name}`);
      inputsOf.set(x.input, [...(inputsOf.get(x.input) ?? []), name]);
    }
  }

  const local = (id: string) => id.slice(id.indexOf("#") + 1);
  for (let i = 0; i < queue.length; i++) {
    const [x, y, where] = queue[i]!;
    const s = a.shapes.get(x)!;
    const t = b.shapes.get(y)!;
    const label = local(x);
    if (!x.startsWith("smithy.api#") && local(x) !== local(y)) differences.push(`shape ${label}: named ${local(y)} in botocore (${where})`);
    const kind = (sh: Shape) => (sh.type === "enum" ? "string-like" : sh.type === "string" ? "string-like" : sh.type);
    if (kind(s) !== kind(t)) {
      differences.push(`shape ${label}: ${s.type} (smithy) vs ${t.type} (botocore) (${where})`);
      badShapes.add(x);
      continue;
    }
    if (!isDeepStrictEqual(normal(s.constraints), normal(t.constraints))) {
      differences.push(`shape ${label}: constraints ${JSON.stringify(s.constraints)} (smithy) vs ${JSON.stringify(t.constraints)} (botocore)`);
      badShapes.add(x);
    }
    if (s.type === "enum" || t.type === "enum") {
      const sv = s.type === "enum" ? s.values.map((v) => v.value) : undefined;
      const tv = t.type === "enum" ? t.values.map((v) => v.value) : undefined;
      if (!sv || !tv) {
        differences.push(`shape ${label}: ${sv ? "an enum in smithy only" : "an enum in botocore only"}`);
        badShapes.add(x);
      } else {
        const common = sv.filter((v) => tv.includes(v));
        const onlyA = sv.filter((v) => !tv.includes(v));
        const onlyB = tv.filter((v) => !sv.includes(v));
        if (onlyA.length > 0) differences.push(`shape ${label}: enum values only in smithy: ${onlyA.join(", ")}`);
        if (onlyB.length > 0) differences.push(`shape ${label}: enum values only in botocore: ${onlyB.join(", ")}`);
        enums.set(x, common);
        if (common.length === 0) badShapes.add(x);
      }
    }
    const xmlProtocol = /restXml|awsQuery|ec2Query/.test(a.service.protocols[0]?.id ?? "");
    const wire = (sh: Shape) => ({
      streaming: sh.type === "blob" ? sh.streaming === true : undefined,
      mediaType: sh.mediaType,
      xml: xmlProtocol ? sh.xml : undefined,
      numberClass: sh.type === "number" ? (["float", "double", "bigDecimal"].includes(sh.kind) ? "float" : "integer") : undefined,
    });
    if (!isDeepStrictEqual(wire(s), wire(t))) {
      differences.push(`shape ${label}: ${JSON.stringify(wire(s))} (smithy) vs ${JSON.stringify(wire(t))} (botocore)`);
      badShapes.add(x);
    }
    const refs = (p: Ref, q: Ref, what: string) => {
      const format = (z: Ref, model: ResolvedModel) => {
        const target = model.shapes.get(z.target);
        return z.timestampFormat ?? (target?.type === "timestamp" ? target.format : undefined);
      };
      const r = (z: Ref, model: ResolvedModel) => ({
        constraints: z.constraints ? normal(z.constraints) : undefined,
        timestampFormat: format(z, model),
        xml: xmlProtocol ? z.xml : undefined,
        nullable: z.nullable,
      });
      if (!isDeepStrictEqual(r(p, a), r(q, b))) {
        differences.push(`shape ${label}: ${what} ${JSON.stringify(r(p, a))} (smithy) vs ${JSON.stringify(r(q, b))} (botocore)`);
        badShapes.add(x);
      }
      visit(p.target, q.target, `${what} of ${label}`);
    };
    if (s.type === "list" && t.type === "list") refs(s.member, t.member, "member");
    if (s.type === "map" && t.type === "map") {
      refs(s.key, t.key, "key");
      refs(s.value, t.value, "value");
    }
    if ((s.type === "structure" || s.type === "union") && (t.type === "structure" || t.type === "union")) {
      const tm = new Map(t.members.map((m) => [m.name, m]));
      for (const m of s.members) {
        const n = tm.get(m.name);
        const id = `${x}$${m.name}`;
        if (!n) {
          differences.push(`member ${label}.${m.name}: only in smithy`);
          skip.add(id);
          if (m.idempotencyToken) tokenDiffers(x);
          // (Clients fill defaults of nested members only: an operation's input is not blocked.)
          if (m.default !== undefined && m.default !== null && !m.clientOptional && !inputsOf.has(x)) wireBlocked.add(x);
          continue;
        }
        if (m.required !== n.required) {
          differences.push(`member ${label}.${m.name}: required in ${m.required ? "smithy" : "botocore"} only`);
          force.add(id);
        }
        const da = m.default === null ? undefined : m.default;
        const db = n.default === null ? undefined : n.default;
        if (!isDeepStrictEqual(da, db)) {
          differences.push(`member ${label}.${m.name}: default ${JSON.stringify(da)} (smithy) vs ${JSON.stringify(db)} (botocore)`);
          force.add(id);
        }
        if (!isDeepStrictEqual(normal(m.constraints), normal(n.constraints))) {
          differences.push(`member ${label}.${m.name}: constraints ${JSON.stringify(normal(m.constraints))} (smithy) vs ${JSON.stringify(normal(n.constraints))} (botocore)`);
          loose.add(id);
        }
        const mw = memberWire(a, m);
        const nw = memberWire(b, n);
        if (!isDeepStrictEqual(mw, nw)) {
          differences.push(`member ${label}.${m.name}: ${JSON.stringify(mw)} (smithy) vs ${JSON.stringify(nw)} (botocore)`);
          skip.add(id);
          if (m.idempotencyToken || n.idempotencyToken) tokenDiffers(x);
        }
        visit(m.target, n.target, `${label}.${m.name}`);
      }
      const sm = new Set(s.members.map((m) => m.name));
      for (const n of t.members) {
        if (sm.has(n.name)) continue;
        differences.push(`member ${label}.${n.name}: only in botocore`);
        // A member Smithy does not know: its required verdicts are explained by this difference.
        skip.add(`${x}$${n.name}`);
        if (n.idempotencyToken) tokenDiffers(x);
      }
    }
  }
  return { operations, differences, skipOperations, skip, force, loose, enums, badShapes, wireBlocked };
}

/** Constraints with a length minimum of 0 left out: it holds for every value (botocore omits it). */
function normal(c: Constraints): Constraints {
  if (c.length?.min !== 0) return c;
  const { min: _min, ...length } = c.length;
  const { length: _length, ...rest } = c;
  return Object.keys(length).length > 0 ? { ...rest, length } : rest;
}

/** What of a member reaches the wire or the validators under the service's protocol (not docs, not the target's name). */
function memberWire(model: ResolvedModel, m: Member) {
  const protocol = model.service.protocols[0]?.id ?? "";
  const rest = protocol.endsWith("restJson1") || protocol.endsWith("restXml");
  const xml = protocol.endsWith("restXml") || protocol.endsWith("awsQuery") || protocol.endsWith("ec2Query");
  const ec2 = protocol.endsWith("ec2Query");
  const target = model.shapes.get(m.target);
  // Label names are the URI's business (requestLine compares URIs with labels named by member).
  const http = m.http?.location === "label" ? { location: "label", greedy: m.http.greedy } : m.http;
  return {
    ...(rest ? { http } : {}),
    ...(protocol.endsWith("restJson1") && m.jsonName !== undefined ? { jsonName: m.jsonName } : {}),
    ...(xml && !ec2 ? { xml: m.xml } : {}),
    ...(ec2 ? { ec2Name: m.ec2QueryName ?? upper(m.xml?.name ?? m.name) } : {}),
    timestampFormat: m.timestampFormat ?? (target?.type === "timestamp" ? target.format : undefined),
    hostLabel: m.hostLabel === true,
    idempotencyToken: m.idempotencyToken === true,
  };
}

function upper(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The parts of a request fixed by the operation: method, URI with labels named by member, target. */
function requestLine(model: ResolvedModel, op: Operation) {
  const input = op.input ? model.shapes.get(op.input) : undefined;
  const members = input && (input.type === "structure" || input.type === "union") ? input.members : [];
  const uri = op.http?.uri.replace(/\{([^}+]+)(\+?)\}/g, (all, label: string, plus: string) => {
    const m = members.find((x) => x.http?.location === "label" && x.http.name === label);
    return m ? `{${m.name}${plus}}` : all;
  });
  return {
    method: op.http?.method,
    uri,
    hostPrefix: op.endpoint?.hostPrefix,
    checksum: op.httpChecksumRequired === true,
    compression: op.requestCompression,
    target: (model.service.protocols[0]?.id ?? "").includes("awsJson") ? model.service.targetPrefix ?? model.service.name : undefined,
    version: model.service.version,
  };
}
