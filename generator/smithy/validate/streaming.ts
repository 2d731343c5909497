// Streams and events, judged as the reference's StreamingTrait, EventPayloadTrait and
// RequestCompressionTrait validators judge them: a stream is a top-level member of an operation's
// input or output, so generated code can hand it over without buffering a whole message.
//
//   @streaming blob Body
//   structure Wrapper { @default("") body: Body }
//   structure GetInput { wrapper: Wrapper }
//   → SMITHY_STREAMING at `ns#GetInput$wrapper`: "Members cannot target structures that contain a
//     stream, but this member targets ns#Wrapper", hint "Move the streaming member into the …"
//
// - A structure with a member that targets a `@streaming` shape is only an operation's input, or
//   its output (not when the stream `@requiresLength`); no member targets it and it is no error.
// - Each member of a `@streaming` union (an event stream) targets a structure.
// - A member that targets a `@streaming` blob is `@required` or has a `@default`; in a service
//   whose protocol supports `@httpPayload`, a member that targets a `@streaming` shape is the
//   `@httpPayload`.
// - An event with an `@eventPayload` member binds every other member to an `@eventHeader`.
// - `@requestCompression` needs an input without a stream that `@requiresLength`, and at least
//   one encoding, each one the reference knows (`gzip`).

import type { AstMemberRef, AstShape } from "../ast.js";
import type { ValidationContext } from "./index.js";
import { closureOf } from "./service-closure.js";
import { hasTrait, ioOf, protocolsOf, protocolSupports, ticked, traitOf, UNIT } from "./patterns.js";

const STREAMING = "smithy.api#streaming";
const REQUIRES_LENGTH = "smithy.api#requiresLength";
const REQUIRED = "smithy.api#required";
const DEFAULT = "smithy.api#default";
const HTTP_PAYLOAD = "smithy.api#httpPayload";
const EVENT_PAYLOAD = "smithy.api#eventPayload";
const EVENT_HEADER = "smithy.api#eventHeader";
const REQUEST_COMPRESSION = "smithy.api#requestCompression";
/** The encodings of `@requestCompression` the reference supports. */
const COMPRESSIONS = new Set(["gzip"]);

/** A shape that refers to a structure: an operation's input, output or error, a service's error, or a member. */
type Referrer =
  | { readonly kind: "input" | "output" | "error"; readonly from: string }
  | { readonly kind: "member"; readonly from: string };

export function checkStreaming(ctx: ValidationContext): void {
  let streams = false;
  for (const shape of ctx.model.shapes.values()) {
    if (shape.traits?.[STREAMING] === undefined) continue;
    streams = true;
    break;
  }
  if (streams) {
    checkStreamContainers(ctx);
    checkEventStreamUnions(ctx);
    checkStreamingBlobsOptional(ctx);
    checkStreamPayloads(ctx);
  }
  checkEventPayloads(ctx);
  checkRequestCompression(ctx);
}

/** Every member of a shape with its `ns#S$m` id. */
function membersWithIds(id: string, shape: AstShape): [string, AstMemberRef][] {
  const out: [string, AstMemberRef][] = [];
  for (const key of ["member", "key", "value"] as const) if (shape[key]) out.push([`${id}$${key}`, shape[key]!]);
  for (const [name, ref] of Object.entries(shape.members ?? {})) out.push([`${id}$${name}`, ref]);
  return out;
}

/** Who refers to each shape (the reference's reverse neighbours, directed relationships only). */
function referrers(ctx: ValidationContext): Map<string, Referrer[]> {
  const out = new Map<string, Referrer[]>();
  const add = (target: string, referrer: Referrer) => {
    const list = out.get(target);
    if (list === undefined) out.set(target, [referrer]);
    else list.push(referrer);
  };
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type === "operation") {
      if (shape.input) add(shape.input.target, { kind: "input", from: id });
      if (shape.output) add(shape.output.target, { kind: "output", from: id });
    }
    for (const ref of shape.errors ?? []) add(ref.target, { kind: "error", from: id });
    // An enum's members target `smithy.api#Unit` only in form.
    if (shape.type !== "enum" && shape.type !== "intEnum") for (const [memberId, ref] of membersWithIds(id, shape)) add(ref.target, { kind: "member", from: memberId });
  }
  return out;
}

function checkStreamContainers(ctx: ValidationContext): void {
  const refs = referrers(ctx);
  const seen = new Set<string>();
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type === "enum" || shape.type === "intEnum") continue;
    for (const [, member] of membersWithIds(id, shape)) {
      const target = ctx.shape(member.target);
      if (!hasTrait(target, STREAMING)) continue;
      const key = `${id} ${member.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const ref of refs.get(id) ?? []) {
        switch (ref.kind) {
          case "input":
            break;
          case "output":
            if (hasTrait(target, REQUIRES_LENGTH)) {
              ctx.error(
                "SMITHY_STREAMING",
                id,
                `Structures that contain a reference to a stream marked with the @requiresLength trait can only be used as operation inputs, but this structure is referenced from \`${ref.from}\` as output`,
                "Use this structure only as an operation input, or drop `@requiresLength` from the stream",
              );
            }
            break;
          case "member":
            ctx.error(
              "SMITHY_STREAMING",
              ref.from,
              `Members cannot target structures that contain a stream, but this member targets ${id}`,
              "Move the streaming member into the operation's input or output structure itself: a stream cannot be nested",
            );
            break;
          case "error":
            ctx.error(
              "SMITHY_STREAMING",
              ref.from,
              `This shape has an invalid \`ERROR\` relationship to a structure, \`${id}\`, that contains a stream`,
              "An error cannot contain a stream: drop the streaming member from the error structure",
            );
            break;
          default: {
            const never: never = ref;
            throw new Error(`unknown referrer ${String(never)}`);
          }
        }
      }
    }
  }
}

function checkEventStreamUnions(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type !== "union" || !hasTrait(shape, STREAMING)) continue;
    const bad = Object.entries(shape.members ?? {})
      .filter(([, m]) => ctx.shape(m.target)?.type !== "structure")
      .map(([name]) => name);
    if (bad.length === 0) continue;
    ctx.error(
      "SMITHY_STREAMING",
      id,
      `Each member of an event stream union must target a structure shape, but the following union members do not: [${bad.join(", ")}]`,
      "Wrap each event in a structure: an event stream's members are events",
    );
  }
}

function checkStreamingBlobsOptional(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type === "enum" || shape.type === "intEnum") continue;
    for (const [memberId, member] of membersWithIds(id, shape)) {
      const target = ctx.shape(member.target);
      if (target?.type !== "blob" || !hasTrait(target, STREAMING) || hasTrait(member, REQUIRED) || hasTrait(member, DEFAULT)) continue;
      ctx.error(
        "SMITHY_STREAMING",
        memberId,
        "Members that target blobs marked with the `streaming` trait MUST also be marked with the `required` or `default` trait.",
        'Mark the member `@required`, or give it `@default("")`',
      );
    }
  }
}

function checkStreamPayloads(ctx: ValidationContext): void {
  // The members that would need `@httpPayload` (in a valid model: none, and no closure to walk).
  const candidates: [string, AstMemberRef][] = [];
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type === "enum" || shape.type === "intEnum") continue;
    for (const [memberId, member] of membersWithIds(id, shape)) {
      if (!hasTrait(member, HTTP_PAYLOAD) && hasTrait(ctx.shape(member.target), STREAMING)) candidates.push([memberId, member]);
    }
  }
  if (candidates.length === 0) return;
  for (const [serviceId, service] of ctx.model.shapes) {
    if (service.type !== "service" || !protocolsOf(ctx, service).some((p) => protocolSupports(p.definition, HTTP_PAYLOAD))) continue;
    const closure = closureOf(ctx, serviceId);
    for (const [id, member] of candidates) {
      if (!closure.has(id.slice(0, id.indexOf("$")))) continue; // a member is in the closure with its shape
      ctx.error(
        "SMITHY_STREAMING",
        id,
        `Member \`${id}\` referencing @streaming shape \`${member.target}\` must have the @httpPayload trait, as service \`${serviceId}\` has a protocol that supports @httpPayload.`,
        `Mark \`${id.slice(id.indexOf("$") + 1)}\` with \`@httpPayload\`: a stream is the body of the message`,
      );
    }
  }
}

function checkEventPayloads(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type !== "structure" || shape.members === undefined) continue;
    let payload = false;
    for (const name in shape.members) {
      if (shape.members[name]!.traits?.[EVENT_PAYLOAD] === undefined) continue;
      payload = true;
      break;
    }
    if (!payload) continue;
    const unmarked = Object.entries(shape.members)
      .filter(([, m]) => !hasTrait(m, EVENT_HEADER) && !hasTrait(m, EVENT_PAYLOAD))
      .map(([name]) => name);
    if (unmarked.length === 0) continue;
    ctx.error(
      "SMITHY_EVENT_PAYLOAD",
      id,
      `This event structure contains a member marked with the \`eventPayload\` trait, so all other members must be marked with the \`eventHeader\` trait. However, the following member(s) are not marked with the eventHeader trait: ${ticked(unmarked)}`,
      "Mark each other member `@eventHeader`, or drop `@eventPayload` so that the members form the event's body",
    );
  }
}

function checkRequestCompression(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    if (shape.type !== "operation") continue;
    const trait = traitOf(shape, REQUEST_COMPRESSION);
    if (trait === undefined) continue;
    const at = ["traits", REQUEST_COMPRESSION];
    const input = ioOf(shape, "input");
    if (input === UNIT) {
      ctx.error("SMITHY_REQUEST_COMPRESSION", id, "The `requestCompression` trait can only be applied to operations which have an input shape defined", "Give the operation an input, or remove `@requestCompression`", ...at);
    } else {
      const inputShape = ctx.shape(input);
      for (const [name, member] of Object.entries(inputShape?.type === "structure" ? (inputShape.members ?? {}) : {})) {
        const target = ctx.shape(member.target);
        if (!hasTrait(target, STREAMING) || !hasTrait(target, REQUIRES_LENGTH)) continue;
        ctx.error(
          "SMITHY_REQUEST_COMPRESSION",
          id,
          `The \`requestCompression\` trait can only be applied to operations which do not have input members that target shapes with both the \`streaming\` and \`requiresLength\` traits applied, but found member \`${input}$${name}\` targeting \`${member.target}\``,
          "A compressed stream has no length known in advance: remove `@requestCompression` or `@requiresLength`",
          ...at,
        );
      }
    }
    const encodings = typeof trait === "object" && trait !== null && !Array.isArray(trait) ? (trait as { encodings?: unknown }).encodings : undefined;
    if (!Array.isArray(encodings)) continue; // a missing list is the trait's own error
    if (encodings.length === 0) {
      ctx.error("SMITHY_REQUEST_COMPRESSION", id, `There must be at least one compression algorithm in \`encodings\` for the \`requestCompression\` trait applied to \`${id}\``, 'List an encoding: `encodings: ["gzip"]`', ...at);
      continue;
    }
    const invalid = encodings.filter((e): e is string => typeof e === "string" && !COMPRESSIONS.has(e.toLowerCase()));
    if (invalid.length === 0) continue;
    ctx.error(
      "SMITHY_REQUEST_COMPRESSION",
      id,
      `Invalid compression algorithm${invalid.length === 1 ? "" : "s"} found in \`requestCompression\` trait applied to \`${id}\`: ${ticked(invalid)}`,
      `Use only supported encodings: ${[...COMPRESSIONS].join(", ")}`,
      ...at,
    );
  }
}
