// HTTP bindings, judged as the reference's HttpLabelTrait, HttpQueryTrait, HttpHeaderTrait,
// HttpPrefixHeadersTrait, HttpPayload, HttpUriFormat, HttpUriConflict, HttpBindingsMissing and
// validators judge them (HostLabelTrait: host-labels.ts): a binding that cannot be honoured would put a request on
// the wire that the service does not route or read.
//
//   @http(method: "GET", uri: "/things/{id}")  operation GetThing { input: GetThingInput }
//   structure GetThingInput {}
//   → SMITHY_HTTP_LABEL at `ns#GetThing`: "This operation uses `ns#GetThingInput` as input, but the
//     following URI labels found in the operation's `http` trait do not have a corresponding member
//     marked with the `httpLabel` trait: `id`", hint "Add a required input member named like each label, …"
//
// - Labels: every URI label has an `@httpLabel` member (by member name, or its
//   `@resourceIdentifier`), every `@httpLabel` member has a label (case-insensitively), a greedy
//   label's member targets a string.
// - Query, headers: no two members of a structure bind the same query parameter (case-sensitively)
//   or header (case-insensitively), an `@httpQuery` name is not a query literal of the URI of an
//   operation using the structure as input, and no `@httpHeader` starts with the structure's
//   non-empty `@httpPrefixHeaders` prefix.
// - Payload: when a member is the `@httpPayload`, every other member of the input, output or error
//   is bound somewhere else in the message.
// - URIs: ASCII only; two operations of a service with the same method do not have equivalent URIs
//   (same segments, labels at the same places, same query literals) unless their `endpoint` host
//   prefixes tell them apart; a protocol whose definition lists `smithy.api#http` needs it on every
//   operation of the service.

import type { AstMemberRef, AstShape, NodeValue } from "../ast.js";
import type { ValidationContext } from "./index.js";
import {
  containedOperations,
  hasTrait,
  ioOf,
  labelNamed,
  parseHostPrefix,
  parseUri,
  protocolsOf,
  protocolSupports,
  structureMembers,
  ticked,
  traitOf,
  type Segment,
  type UriPattern,
} from "./patterns.js";

const HTTP = "smithy.api#http";
const ENDPOINT = "smithy.api#endpoint";
const HTTP_LABEL = "smithy.api#httpLabel";
const HTTP_QUERY = "smithy.api#httpQuery";
const HTTP_QUERY_PARAMS = "smithy.api#httpQueryParams";
const HTTP_HEADER = "smithy.api#httpHeader";
const HTTP_PREFIX_HEADERS = "smithy.api#httpPrefixHeaders";
const HTTP_PAYLOAD = "smithy.api#httpPayload";
const HTTP_RESPONSE_CODE = "smithy.api#httpResponseCode";
const HOST_LABEL = "smithy.api#hostLabel";
const PATTERN = "smithy.api#pattern";
const RESOURCE_IDENTIFIER = "smithy.api#resourceIdentifier";
const ERROR = "smithy.api#error";

/** An operation with an `http` trait whose `method` and `uri` read. */
interface HttpOperation {
  readonly id: string;
  readonly shape: AstShape;
  readonly method: string;
  readonly uri: UriPattern;
}

export function checkHttpBindings(ctx: ValidationContext): void {
  const operations: HttpOperation[] = [];
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type !== "operation") continue;
    const http = traitOf(shape, HTTP);
    if (http === undefined) continue;
    const uri = stringField(http, "uri");
    const method = stringField(http, "method");
    const pattern = uri === undefined ? undefined : parseUri(uri);
    if (pattern === undefined || method === undefined) continue;
    operations.push({ id, shape, method, uri: pattern });
  }
  for (const op of operations) {
    checkUriFormat(ctx, op);
    checkLabels(ctx, op);
  }
  checkQueryBindings(ctx, operations);
  checkHeaderBindings(ctx);
  checkPayloadBindings(ctx, operations);
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type === "service") {
      checkUriConflicts(ctx, shape, operations);
      if (operations.length > 0) checkBindingsMissing(ctx, id, shape);
    }
  }
}

function stringField(node: NodeValue | undefined, key: string): string | undefined {
  if (typeof node !== "object" || node === null || Array.isArray(node) || !(key in node)) return undefined;
  const value = (node as { [k: string]: NodeValue })[key];
  return typeof value === "string" ? value : undefined;
}

function checkUriFormat(ctx: ValidationContext, op: HttpOperation): void {
  if (!/[^\x00-\x7f]/.test(op.uri.text)) return;
  ctx.error(
    "SMITHY_HTTP_URI_FORMAT",
    op.id,
    `@http trait \`uri\` is invalid: ${op.uri.text}`,
    "Write the URI in ASCII: percent-encode other characters (`%E5%B0%8F`)",
    "traits",
    HTTP,
  );
}

function checkLabels(ctx: ValidationContext, op: HttpOperation): void {
  const inputId = ioOf(op.shape, "input");
  const members = structureMembers(ctx, inputId);
  if (members === undefined) return; // an input that is not a structure is reported elsewhere
  const labels = new Set(op.uri.segments.filter((s) => s.kind !== "literal").map((s) => s.content));
  for (const [name, member] of members) {
    if (!hasTrait(member, HTTP_LABEL)) continue;
    // The label is named like the member; the reference has also read a `@resourceIdentifier`
    // name, and AWS models label members by their own name while naming another identifier:
    // either name binds the label.
    const identifier = traitOf(member, RESOURCE_IDENTIFIER);
    const names = typeof identifier === "string" ? [name, identifier] : [name];
    for (const n of names) labels.delete(n);
    const labelName = names.find((n) => labelNamed(op.uri.segments, n) !== undefined) ?? name;
    const label = labelNamed(op.uri.segments, labelName);
    const at = ["traits", HTTP_LABEL];
    if (label === undefined) {
      ctx.error(
        "SMITHY_HTTP_LABEL",
        `${inputId}$${name}`,
        `This \`${name}\` structure member is marked with the \`httpLabel\` trait, but no corresponding \`http\` URI label could be found when used as the input of the \`${op.id}\` operation.`,
        `Add the label \`{${labelName}}\` to the URI of \`${op.id}\`, or bind the member elsewhere (\`@httpQuery\`, \`@httpHeader\`)`,
        ...at,
      );
    } else if (label.kind === "greedy") {
      const target = ctx.shape(member.target);
      if (target !== undefined && target.type !== "string" && target.type !== "enum") {
        ctx.error(
          "SMITHY_HTTP_LABEL",
          `${inputId}$${name}`,
          `The \`${name}\` structure member corresponds to a greedy label when used as the input of the \`${op.id}\` operation. This member targets (${target.type}: \`${member.target}\`), but greedy labels must target string shapes.`,
          `Target a string shape, or make the label \`{${label.content}}\` not greedy`,
          ...at,
        );
      }
    }
  }
  if (labels.size > 0) {
    ctx.error(
      "SMITHY_HTTP_LABEL",
      op.id,
      `This operation uses \`${inputId}\` as input, but the following URI labels found in the operation's \`http\` trait do not have a corresponding member marked with the \`httpLabel\` trait: ${ticked(labels)}`,
      `Add a required input member named like each label, marked \`@httpLabel\`, or remove the label from the URI`,
      "traits",
      HTTP,
    );
  }
}

function checkQueryBindings(ctx: ValidationContext, operations: readonly HttpOperation[]): void {
  const byInput = new Map<string, HttpOperation[]>();
  for (const op of operations) {
    const input = ioOf(op.shape, "input");
    const ops = byInput.get(input);
    if (ops === undefined) byInput.set(input, [op]);
    else ops.push(op);
  }
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type !== "structure" || shape.members === undefined) continue;
    const byParam = groupByBinding(shape.members, HTTP_QUERY, false);
    if (byParam === undefined) continue;
    for (const [param, names] of byParam) {
      if (names.length < 2) continue;
      ctx.error(
        "SMITHY_HTTP_QUERY",
        id,
        `\`httpQuery\` parameter name binding conflicts found for the \`${param}\` parameter in the following structure members: ${ticked(names)}`,
        "Bind each query parameter to one member: rename the others' `@httpQuery`",
      );
    }
    for (const op of byInput.get(id) ?? []) {
      for (const literal of op.uri.query.keys()) {
        if (!byParam.has(literal)) continue;
        ctx.error(
          "SMITHY_HTTP_QUERY",
          id,
          `\`httpQuery\` name \`${literal}\` conflicts with the \`http\` trait of the \`${op.id}\` operation: \`${op.uri.text}\``,
          `Rename the \`@httpQuery\` parameter, or remove \`${literal}\` from the query of the operation's URI`,
        );
      }
    }
  }
}

/**
 * The members of a structure with a string value of a binding trait, grouped by that value
 * (lower-cased when `caseless`); `undefined` when no member has it (most structures: no allocation).
 */
function groupByBinding(members: Record<string, AstMemberRef>, trait: string, caseless: boolean): Map<string, string[]> | undefined {
  let out: Map<string, string[]> | undefined;
  for (const name in members) {
    const value = members[name]!.traits?.[trait];
    if (typeof value !== "string") continue;
    const key = caseless ? value.toLowerCase() : value;
    out ??= new Map();
    const names = out.get(key);
    if (names === undefined) out.set(key, [name]);
    else names.push(name);
  }
  return out;
}

function checkHeaderBindings(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type !== "structure" || shape.members === undefined) continue;
    const byHeader = groupByBinding(shape.members, HTTP_HEADER, true);
    if (byHeader === undefined) continue;
    for (const [header, names] of byHeader) {
      if (names.length < 2) continue;
      ctx.error(
        "SMITHY_HTTP_HEADER",
        id,
        `\`httpHeader\` field name binding conflicts found for the \`${header}\` header in the following structure members: ${ticked(names)}`,
        "Bind each header to one member (header names compare case-insensitively)",
      );
    }
    let prefixMember: string | undefined;
    for (const name in shape.members) {
      if (typeof shape.members[name]!.traits?.[HTTP_PREFIX_HEADERS] !== "string") continue;
      prefixMember = name;
      break;
    }
    if (prefixMember === undefined) continue;
    const prefix = (shape.members[prefixMember]!.traits![HTTP_PREFIX_HEADERS] as string).toLowerCase();
    if (prefix === "") continue; // every header: the reference only notes it
    for (const [header, names] of byHeader) {
      if (!header.startsWith(prefix)) continue;
      for (const name of names) {
        ctx.error(
          "SMITHY_HTTP_PREFIX_HEADERS",
          `${id}$${name}`,
          `\`httpHeader\` binding of \`${header}\` conflicts with the \`httpPrefixHeaders\` binding of \`${id}$${prefixMember}\` to \`${prefix}\`. \`httpHeader\` bindings must not case-insensitively start with any \`httpPrefixHeaders\` bindings.`,
          `Rename the header so that it does not start with \`${prefix}\`, or change the prefix`,
          "traits",
          HTTP_HEADER,
        );
      }
    }
  }
}

/** Whether a member is bound to a part of the request (or response) other than the body. */
function isBound(member: AstMemberRef, request: boolean): boolean {
  if (hasTrait(member, HTTP_HEADER) || hasTrait(member, HTTP_PREFIX_HEADERS) || hasTrait(member, HTTP_PAYLOAD)) return true;
  return request ? hasTrait(member, HTTP_QUERY) || hasTrait(member, HTTP_QUERY_PARAMS) || hasTrait(member, HTTP_LABEL) : hasTrait(member, HTTP_RESPONSE_CODE);
}

function checkPayloadBindings(ctx: ValidationContext, operations: readonly HttpOperation[]): void {
  const judge = (id: string, request: boolean) => {
    const members = structureMembers(ctx, id);
    if (members === undefined || !members.some(([, m]) => hasTrait(m, HTTP_PAYLOAD))) return;
    const unbound = members.filter(([, m]) => !isBound(m, request)).map(([name]) => name);
    if (unbound.length === 0) return;
    ctx.error(
      "SMITHY_HTTP_PAYLOAD",
      id,
      `A member of this structure is marked with the \`httpPayload\` trait, but the following structure members are not explicitly bound to the HTTP message: ${ticked(unbound)}`,
      "Bind each other member to a header, the query or a label, or drop `@httpPayload` so that the members form the body",
    );
  };
  for (const op of operations) {
    judge(ioOf(op.shape, "input"), true);
    judge(ioOf(op.shape, "output"), false);
  }
  for (const [id, shape] of ctx.model.shapes) if (shape.type === "structure" && hasTrait(shape, ERROR)) judge(id, false);
}

function checkUriConflicts(ctx: ValidationContext, service: AstShape, all: readonly HttpOperation[]): void {
  const contained = new Set(containedOperations(ctx, service));
  const operations = all.filter((op) => contained.has(op.id));
  for (const op of operations) {
    const conflicts = operations.filter((other) => other !== op && other.method === op.method && equivalentUris(op.uri, other.uri) && endpointsConflict(ctx, op, other));
    if (conflicts.length === 0) continue;
    const listed = conflicts.map((c) => `\`${c.id}\` (${c.uri.text})`).sort();
    ctx.error(
      "SMITHY_HTTP_URI_CONFLICT",
      op.id,
      `Operation URI, \`${op.uri.text}\`, conflicts with other operation URIs in the same service: [${listed.join(", ")}]`,
      "Give each operation of a service a distinct method and URI (a different literal segment or query literal)",
      "traits",
      HTTP,
    );
  }
}

/**
 * Whether two URIs route the same requests: the same literals and labels (greedy or not) at the
 * same places, and the same query literals. A literal against a label is not a conflict (the
 * literal is the more specific route), as in the reference's error files.
 */
function equivalentUris(a: UriPattern, b: UriPattern): boolean {
  if (a.segments.length !== b.segments.length || a.query.size !== b.query.size) return false;
  for (let i = 0; i < a.segments.length; i++) {
    const x = a.segments[i]!;
    const y = b.segments[i]!;
    if (x.kind !== y.kind || (x.kind === "literal" && x.content !== y.content)) return false;
  }
  for (const [key, value] of a.query) if (b.query.get(key) !== value) return false;
  return true;
}

/**
 * Whether the `endpoint` host prefixes of two operations could send them to the same host: neither
 * has one, or both do and they are alike, or differ only where a label of one stands against a
 * literal of the other that the label's `@pattern` does not rule out.
 */
function endpointsConflict(ctx: ValidationContext, a: HttpOperation, b: HttpOperation): boolean {
  const pa = stringField(traitOf(a.shape, ENDPOINT), "hostPrefix");
  const pb = stringField(traitOf(b.shape, ENDPOINT), "hostPrefix");
  if (pa === undefined && pb === undefined) return true;
  if (pa === undefined || pb === undefined) return false;
  if (pa === pb) return true;
  const sa = parseHostPrefix(pa);
  const sb = parseHostPrefix(pb);
  if (sa === undefined || sb === undefined) return false;
  const conflicts: [Segment, Segment][] = [];
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i]!;
    const y = sb[i]!;
    if ((x.kind === "literal") !== (y.kind === "literal")) conflicts.push([x, y]);
    else if (x.kind === "literal" && x.content !== y.content) break;
  }
  if (conflicts.length === 0) return false;
  const patternsA = hostLabelPatterns(ctx, a.shape);
  const patternsB = hostLabelPatterns(ctx, b.shape);
  const allowable = conflicts.every(([x, y]) => {
    const [label, literal, patterns] = x.kind === "literal" ? [y, x, patternsB] : [x, y, patternsA];
    const pattern = patterns.get(label.content);
    return pattern !== undefined && !pattern.test(literal.content);
  });
  return !allowable;
}

/** The `@pattern` of each `@hostLabel` input member of an operation, by member name. */
function hostLabelPatterns(ctx: ValidationContext, operation: AstShape): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  for (const [name, member] of structureMembers(ctx, ioOf(operation, "input")) ?? []) {
    const pattern = traitOf(member, PATTERN);
    if (!hasTrait(member, HOST_LABEL) || typeof pattern !== "string") continue;
    try {
      out.set(name, new RegExp(pattern, "u"));
    } catch {
      // a pattern JavaScript cannot compile: no exemption from it
    }
  }
  return out;
}

function checkBindingsMissing(ctx: ValidationContext, serviceId: string, service: AstShape): void {
  const protocol = protocolsOf(ctx, service).find((p) => protocolSupports(p.definition, HTTP));
  if (protocol === undefined) return; // without such a protocol the reference only warns
  for (const id of containedOperations(ctx, service).sort()) {
    if (hasTrait(ctx.shape(id), HTTP)) continue;
    ctx.error(
      "SMITHY_HTTP_BINDINGS_MISSING",
      id,
      `The \`${protocol.id}\` protocol requires all operations in the \`${serviceId}\` service define the \`http\` trait, but this operation is missing the \`http\` trait.`,
      "Add `@http(method: …, uri: …)` to the operation",
    );
  }
}
