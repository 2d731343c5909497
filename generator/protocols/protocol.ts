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
//
// The response side (`response`, optional: a protocol without one gets a warning and a
// deserializers.ts that says so) is three plans that `deserializers.ts` of this folder prints
// into `deserialize<Op>Response(response)`:
//
//   awsJson1_1.response.output(ctx, Op, output { Name: String })
//   → { lines: ['const body = expectObject(parseJsonBody(response.body), "$");',
//               'const output = json_OpOutput(body, "$");'], output: "output" }
//   awsJson1_1.response.error(ctx, Op)
//   → { lines: ["const body = parseErrorBody(response.body);", "const code = jsonErrorCode(response, body);"],
//       bodyType: "unknown", message: "jsonErrorMessage(body)" }
//   awsJson1_1.response.errorMembers(ctx, InvalidGreeting)
//   → { lines: ['const output = json_InvalidGreeting(body ?? {}, "$");'], output: "output" }
//
// Composing one: HTTP bindings (status, headers, prefix headers, payload) come from
// `http/response.ts` with a `BodyReader` for the codec; the codec's reader is a shape visitor
// under `codecs/<codec>/reader.ts` (see codecs/json/reader.ts), printing module-private functions
// through `ctx.need`; parsing helpers live in templates (`json.ts`, `read.ts`, `xml.ts`, `cbor.ts`).

import type { Deferred } from "../emit/file-builder.js";
import type { Diagnostics } from "../diagnostics.js";
import type { GeneratedFile } from "../emit/file-builder.js";
import type { Operation, ProtocolTrait, ResolvedModel, ShapeId, StructureShape } from "../model/ir.js";
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
  need(name: string, print: () => readonly (string | Deferred)[]): string;
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
  /**
   * The whole request as one expression, when the protocol has one: a call of a module-private
   * helper it asks for (`jsonRpcRequest("Svc.Op", body)`), which the shared part returns instead
   * of the plan's statements and object literal when it adds nothing to them (no host prefix,
   * compression, checksum or customization). tsc checks one call in place of a headers object and
   * a request object contextually typed in every operation (issue 12). Asked for only when used.
   */
  readonly whole?: () => string;
}

/** What the deserializers of a model are printed with: as for serializers, `file` is `deserializers.ts`. */
export interface DeserializerContext extends SerializerContext {
  /**
   * Some output or error of the model holds a bigInteger or bigDecimal: JSON bodies that may
   * hold one are parsed exactly (`needsExactNumbers` in codecs/json/reader.ts), documents made plain.
   */
  readonly exactNumbers: boolean;
  /**
   * Output structures that more than one operation gives (Stripe's `invoice`, of 10), counted
   * once per model: a look-up over every operation for each response was quadratic on documents
   * with thousands of operations (Microsoft Graph beta).
   */
  readonly sharedOutputs: ReadonlySet<ShapeId>;
}

/**
 * Statements that read a response into a value, and that value as an expression. `response`
 * (an `HttpResponse`) is in scope; in `errorMembers`, so is `body`, as the `ErrorPlan` declared it.
 * The statements throw a `WireTypeError` (read.ts) for a value of the wrong type.
 */
export interface ResponsePlan {
  readonly lines: readonly string[];
  readonly output: string;
  /**
   * For an output that is a reader applied to the parsed body (the JSON RPC protocols): the parse
   * function (`parseJsonBody`) and the reader (`json_OpOutput`, called as
   * `reader(parse(response.body), "$")`; undefined for an operation without output). The
   * deserializers then read responses through one module-private helper per parse function, and
   * an operation's deserializer is one call of it (issue 12: cheaper for tsc to check).
   */
  readonly body?: { readonly parse: string; readonly reader: string | undefined };
}

/**
 * How an error response is identified: statements that declare `body` (the parsed body, or
 * undefined when it cannot be parsed: an error response must still give an error) and
 * `code` (`string | undefined`: the error's shape name to match, sanitized), plus expressions.
 */
export interface ErrorPlan {
  readonly lines: readonly string[];
  /** The TypeScript type of `body`, e.g. `unknown`. */
  readonly bodyType: string;
  /** `string | undefined`: the message the body carries, for errors without a message member. */
  readonly message: string;
  /** `string | undefined`: the code reported as `$code` when it is not `code` (awsQuery-compatible services send their own). */
  readonly wireCode?: string;
  /** `string | undefined`: the request id, when the body carries it (XML errors); headers are read anyway. */
  readonly requestId?: string;
}

/** The response side of a protocol. */
export interface ResponseProtocol {
  /** The output of a success (2xx) response; `output` is undefined for an operation without output. */
  output(ctx: DeserializerContext, op: Operation, output: StructureShape | undefined): ResponsePlan;
  /** How the error of a non-2xx response is identified. */
  error(ctx: DeserializerContext, op: Operation): ErrorPlan;
  /** The members of a modelled error, read from `response` and `body`. */
  errorMembers(ctx: DeserializerContext, error: StructureShape): ResponsePlan;
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
  /** The response side; absent while Shapesmith does not read this protocol's responses. */
  readonly response?: ResponseProtocol;
}
