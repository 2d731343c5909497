// The HTTP binding layer, response side: reads the members of an output (or error) structure
// from where the HTTP binding traits put them (`@httpHeader`, `@httpPrefixHeaders`,
// `@httpResponseCode`, `@httpPayload`), and hands the rest to the protocol's body reader. Used by
// restJson1 (and restXml, with an XML body reader).
//
//   output { @httpHeader("X-Count") Count: Integer, @httpResponseCode Status: Integer, Note: String }
//   → const out: Record<string, unknown> = {};
//     const h0 = headerValue(response.headers, "X-Count");
//     if (h0 !== undefined) out["Count"] = numberFromText(h0, 32, "header", "X-Count");
//     out["Status"] = response.status;
//     <the body reader's lines for { Note } into out>
//
// Headers: strings as they are (a `@mediaType` string is base64 of UTF-8), numbers and booleans
// parsed from text, timestamps `http-date` unless `@timestampFormat` says otherwise, blobs
// base64; a list header is split at commas outside quotes (http-dates at every second comma).
// A payload blob is the body's bytes, a payload string its text; other payloads (structures,
// unions, documents) go to the body reader.

import { shapeOf, type Member, type Ref, type StructureShape } from "../../model/ir.js";
import { setProperty } from "../../emit/print.js";
import type { DeserializerContext, ResponsePlan } from "../protocol.js";
import { READ, RUNTIME } from "../symbols.js";
import { timestampReader } from "../codecs/json/reader.js";
import { append } from "../../lists.js";

/** How a protocol reads what the bindings leave to the body. */
export interface BodyReader {
  /**
   * Lines that read the `body`-bound members into `out` (a `Record<string, unknown>`). `parsed`
   * is an expression for the body as the error plan already parsed it, or undefined: then the
   * lines parse `response.body` themselves.
   */
  members(ctx: DeserializerContext, members: readonly Member[], out: string, parsed: string | undefined): string[];
  /**
   * Lines that read a payload member targeting a structure, union, document, list or map into
   * `out` (leaving it out when the body is empty).
   */
  payload(ctx: DeserializerContext, member: Member, out: string, parsed: string | undefined): string[];
}

/** The plan reading `shape` (an output or error structure; undefined: no output) from a response with HTTP bindings. */
export function httpResponse(ctx: DeserializerContext, shape: StructureShape | undefined, reader: BodyReader, parsed?: string): ResponsePlan {
  if (shape === undefined) return { lines: [], output: "{}" };
  const file = ctx.file;
  const type = file.use({ name: ctx.names.type(shape.id), file: "types.ts", kind: "type" });
  const lines = [`const out: Record<string, unknown> = {};`];
  const { body, payload } = readBindings(ctx, shape, lines);
  if (payload !== undefined) {
    const target = shapeOf(ctx.model, payload.target);
    if (target.type === "blob") {
      lines.push(`if (response.body.length > 0) ${setProperty("out", payload.name, `${file.use(READ.bodyBytes)}(response.body)`)}`);
    } else if (target.type === "string" || target.type === "enum") {
      lines.push(`if (response.body.length > 0) ${setProperty("out", payload.name, `${file.use(READ.bodyText)}(response.body)`)}`);
    } else {
      append(lines, reader.payload(ctx, payload, "out", parsed));
    }
  } else if (body.length > 0) {
    append(lines, reader.members(ctx, body, "out", parsed));
  }
  lines.push(`const output = out as unknown as ${type};`);
  return { lines, output: "output" };
}

/**
 * Pushes onto `lines` the reading of `shape`'s header, prefix-header and status-code members into
 * `out`; returns the members left to the body, and the `@httpPayload` member if there is one.
 * Request-only bindings (label, query, cookie) mean nothing in a response: such a member is read
 * from the body. Shared by the Smithy HTTP protocols and OpenAPI's responses.
 */
export function readBindings(ctx: DeserializerContext, shape: StructureShape, lines: string[]): { body: Member[]; payload: Member | undefined } {
  const file = ctx.file;
  const body: Member[] = [];
  let payload: Member | undefined;
  shape.members.forEach((m, i) => {
    const b = m.http ?? { location: "body" as const };
    switch (b.location) {
      case "header": {
        const local = `h${i}`;
        lines.push(
          `const ${local} = ${file.use(RUNTIME.headerValue)}(response.headers, ${JSON.stringify(b.name)});`,
          `if (${local} !== undefined) ${setProperty("out", m.name, headerRead(ctx, m, local, JSON.stringify(b.name)))}`,
        );
        break;
      }
      case "prefixHeaders": {
        const target = shapeOf(ctx.model, m.target);
        const value = target.type === "map" ? target.value : m;
        const prefix = b.prefix.toLowerCase();
        lines.push(
          // The map is set even when no header has the prefix (`{}`), as smithy-typescript reads it
          // and Smithy's restXml case HttpPrefixHeadersAreNotPresent expects.
          `{`,
          `  const map: Record<string, unknown> = {};`,
          `  for (const [name, value] of Object.entries(response.headers)) {`,
          `    if (${prefix === "" ? "true" : `name.toLowerCase().startsWith(${JSON.stringify(prefix)})`}) {`,
          `      ${file.use(READ.setEntry)}(map, name.slice(${prefix.length}), ${headerRead(ctx, value, "value", "name")});`,
          `    }`,
          `  }`,
          `  ${setProperty("out", m.name, "map")}`,
          `}`,
        );
        break;
      }
      case "responseCode":
        lines.push(setProperty("out", m.name, "response.status"));
        break;
      case "payload":
        payload = m;
        break;
      case "body":
      case "label":
      case "query":
      case "queryParams":
      case "cookie":
        // Request-only bindings mean nothing in a response: such a member is read from the body.
        body.push(m);
        break;
      default: {
        const never: never = b;
        throw new Error(`internal: unknown binding ${String(never)}`);
      }
    }
  });
  return { body, payload };
}

/** An expression reading the header text `expr` as a value of the ref's target; `name` is an expression naming the header (for messages). */
export function headerRead(ctx: DeserializerContext, ref: Ref, expr: string, name: string): string {
  const file = ctx.file;
  const shape = shapeOf(ctx.model, ref.target);
  const at = `"header", ${name}`;
  switch (shape.type) {
    case "string":
      // A string with a media type travels base64-encoded in a header.
      return shape.mediaType !== undefined ? `${file.use(READ.bodyText)}(${file.use(READ.fromBase64)}(${expr}, ${at}))` : expr;
    case "enum":
      return expr;
    case "boolean":
      return `${file.use(READ.booleanFromText)}(${expr}, ${at})`;
    case "intEnum":
      return `${file.use(READ.numberFromText)}(${expr}, 32, ${at})`;
    case "number":
      switch (shape.kind) {
        case "byte":
          return `${file.use(READ.numberFromText)}(${expr}, 8, ${at})`;
        case "short":
          return `${file.use(READ.numberFromText)}(${expr}, 16, ${at})`;
        case "integer":
          return `${file.use(READ.numberFromText)}(${expr}, 32, ${at})`;
        case "long":
          return `${file.use(READ.numberFromText)}(${expr}, 64, ${at})`;
        case "float":
        case "double":
          return `${file.use(READ.numberFromText)}(${expr}, undefined, ${at})`;
        case "bigInteger":
          return `${file.use(READ.expectBigInteger)}(${expr}.trim(), ${at})`;
        case "bigDecimal":
          return `${file.use(READ.expectBigDecimal)}(${expr}.trim(), ${at})`;
        default: {
          const never: never = shape.kind;
          throw new Error(`internal: unknown number kind ${String(never)}`);
        }
      }
    case "blob":
      return `${file.use(READ.fromBase64)}(${expr}.trim(), ${at})`;
    case "timestamp": {
      const format = ref.timestampFormat ?? shape.format ?? "http-date";
      const text = format === "epoch-seconds" ? `${file.use(READ.numberFromText)}(${expr}, undefined, ${at})` : `${expr}.trim()`;
      return `${file.use(timestampReader(format))}(${text}, ${at})`;
    }
    case "list": {
      const item = shapeOf(ctx.model, shape.member.target);
      const httpDates = item.type === "timestamp" && (shape.member.timestampFormat ?? item.format ?? "http-date") === "http-date";
      return `${file.use(READ.splitHeader)}(${expr}${httpDates ? ", true" : ""}).map((item) => ${headerRead(ctx, shape.member, "item", name)})`;
    }
    case "document":
    case "unit":
    case "map":
    case "structure":
    case "union":
    case "alternatives":
      // Not a header type in Smithy; the text is kept as it is.
      return expr;
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}
