// Trait values that shape the wire, judged as the reference's CorsTrait, HttpApiKeyAuthTrait,
// MediaType and NoInlineDocumentSupport validators judge them.
//
//   @mediaType("application/json; charset") string Json
//   → SMITHY_MEDIA_TYPE at `ns#Json`: "Invalid mediaType value, "application/json; charset": expected
//     `=` at 25", hint "Write a media type as `type/subtype`, with optional `; name=value` parameters"
//
// - `@cors` sets `origin` or `origins`, not both.
// - `@httpApiKeyAuth` with a `scheme` sends the key in a header (`in: "header"`).
// - `@mediaType` is a media type as RFC 9110 §8.3 writes it: `type/subtype *( OWS ";" OWS
//   name=value )`, a value a token or a quoted string.
// - A service whose protocol's definition says `noInlineDocumentSupport` has no document shape
//   in its closure.

import type { ValidationContext } from "./index.js";
import { closureOf } from "./service-closure.js";
import { protocolsOf, traitOf } from "./patterns.js";
import { isObjectNode } from "../ast.js";

const CORS = "smithy.api#cors";
const API_KEY = "smithy.api#httpApiKeyAuth";
const MEDIA_TYPE = "smithy.api#mediaType";

export function checkWireTraits(ctx: ValidationContext): void {
  for (const [id, shape] of ctx.model.shapes) {
    const media = traitOf(shape, MEDIA_TYPE);
    if (typeof media === "string") {
      const problem = mediaTypeProblem(media);
      if (problem !== undefined) {
        ctx.error("SMITHY_MEDIA_TYPE", id, `Invalid mediaType value, "${media}": ${problem}`, "Write a media type as `type/subtype`, with optional `; name=value` parameters (`application/foo+json; charset=utf-8`)", "traits", MEDIA_TYPE);
      }
    }
    if (shape.type !== "service") continue;
    const cors = traitOf(shape, CORS);
    if (isObjectNode(cors) && "origin" in cors && isObjectNode(cors["origins"]) && Object.keys(cors["origins"]).length > 0) {
      ctx.error("SMITHY_CORS", id, "The `origin` and `origins` members of the `cors` trait are mutually exclusive.", "Keep one of them: `origin` for a single origin, `origins` for several", "traits", CORS);
    }
    const apiKey = traitOf(shape, API_KEY);
    if (isObjectNode(apiKey) && apiKey["scheme"] !== undefined && typeof apiKey["in"] === "string" && apiKey["in"] !== "header") {
      ctx.error(
        "SMITHY_HTTP_API_KEY_AUTH",
        id,
        `The httpApiKeyAuth trait must have an \`in\` value of \`header\` when a \`scheme\` is provided, found: ${apiKey["in"]}`,
        'Send the key in a header (`in: "header"`), or drop `scheme`: a scheme belongs to the `Authorization` header',
        "traits",
        API_KEY,
      );
    }
    checkInlineDocuments(ctx, id);
  }
}

function checkInlineDocuments(ctx: ValidationContext, serviceId: string): void {
  const service = ctx.shape(serviceId)!;
  const protocols = protocolsOf(ctx, service).filter((p) => p.definition["noInlineDocumentSupport"] === true);
  if (protocols.length === 0) return;
  const documents = [...closureOf(ctx, serviceId)].filter((id) => !id.includes("$") && ctx.shape(id)?.type === "document").sort();
  if (documents.length === 0) return;
  for (const protocol of protocols) {
    ctx.error(
      "SMITHY_NO_INLINE_DOCUMENT",
      serviceId,
      `This service uses the \`${protocol.id}\` protocol which does not support inline document types, but the following document types were found in the closure of the service: [${documents.join(", ")}]`,
      "Replace each document with a structure, or a blob or string holding the serialized document",
      "traits",
      protocol.id,
    );
  }
}

/** The characters of an RFC 9110 token. */
const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/** Why a media type does not parse (`expected … at N`), or `undefined` when it does. */
export function mediaTypeProblem(value: string): string | undefined {
  let i = 0;
  const token = (): boolean => {
    const start = i;
    while (i < value.length && TOKEN.test(value[i]!)) i++;
    return i > start;
  };
  const ws = () => {
    while (i < value.length && (value[i] === " " || value[i] === "\t")) i++;
  };
  const expect = (c: string): boolean => {
    if (value[i] !== c) return false;
    i++;
    return true;
  };
  if (!token()) return `expected a token at ${i}`;
  if (!expect("/")) return `expected \`/\` at ${i}`;
  if (!token()) return `expected a token at ${i}`;
  ws();
  while (i < value.length) {
    if (!expect(";")) return `expected \`;\` at ${i}`;
    ws();
    if (!token()) return `expected a token at ${i}`;
    if (!expect("=")) return `expected \`=\` at ${i}`;
    if (value[i] === '"') {
      i++;
      for (;;) {
        if (i >= value.length) return "unterminated quoted string";
        const c = value[i++];
        if (c === '"') break;
        if (c === "\\") {
          if (i >= value.length) return "expected a character after escape";
          i++;
        }
      }
    } else if (!token()) return `expected a token at ${i}`;
    ws();
  }
  return undefined;
}
