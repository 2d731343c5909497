// What a protocol is to the generator: a named rule for turning an operation's input into an
// HTTP request, composed from the HTTP binding layer (`http/`) and a codec (`codecs/`).
//
//   const restJson1: Protocol = { id: "aws.protocols#restJson1", name: "restJson1", request: (ctx, op, input) => plan };
//   restJson1.request(ctx, GetThing, { Id: label "id" })
//   → { lines: ['const headers: Record<string, string> = {};', ...], method: '"GET"',
//       path: '"/things/" + encodePathSegment(input.Id, false)', query: "query" }
//
// The shared part (`serializers.ts` of this folder) prints the function around the plan: its
// signature and doc, idempotency tokens, the host prefix, compression, the checksum, the return.

import type { Diagnostics } from "../diagnostics.js";
import type { GeneratedFile } from "../emit/file-builder.js";
import type { Operation, ProtocolTrait, ResolvedModel, StructureShape } from "../model/ir.js";
import type { Names } from "../naming/names.js";

/** Everything a protocol may use while printing the serializers of one model. */
export interface SerializerContext {
  readonly model: ResolvedModel;
  readonly names: Names;
  /** The file being printed (`serializers.ts`). */
  readonly file: GeneratedFile;
  readonly diags: Diagnostics;
  /** The protocol trait the registry picked, with its value. */
  readonly trait: ProtocolTrait;
  /**
   * Asks for a module-private helper function named `name`, printed once at the end of the file
   * by `print` (which may ask for more). Returns `name`.
   */
  need(name: string, print: () => string[]): string;
}

/**
 * The statements that build a request, and the parts of the request as expressions. The lines
 * declare `const headers: Record<string, string>` (the shared part adds to it), and whatever the
 * expressions use. The input is in scope as `input`, the options as `options`.
 */
export interface RequestPlan {
  readonly lines: readonly string[];
  /** Expressions. */
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** A `string | Uint8Array` expression, or one that may be `undefined` when `optionalBody`. */
  readonly body?: string;
  readonly optionalBody?: boolean;
}

export interface Protocol {
  /** The protocol trait's shape id, e.g. `aws.protocols#restJson1`. */
  readonly id: string;
  /** A short name for messages, e.g. `restJson1`. */
  readonly name: string;
  /**
   * The request of one operation. `input` is the input structure, or undefined for an operation
   * without input (the serializer then takes an empty object).
   */
  request(ctx: SerializerContext, op: Operation, input: StructureShape | undefined): RequestPlan;
}
