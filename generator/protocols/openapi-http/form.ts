// The URL-encoded form codec of OpenAPI bodies (`application/x-www-form-urlencoded`): each
// property is written as its Encoding Object says, through `appendFormField` of forms.ts.
//
//   properties name (string), metadata (object, style deepObject), expand (array, style deepObject)
//   → const form: string[] = [];
//     if (input.name !== undefined) form.push("name=" + encodeURIComponent(input.name));
//     if (input.metadata !== undefined) appendFormField(form, "metadata", json_Metadata(input.metadata), { style: "deepObject", explode: true });
//     body: form.join("&")   (e.g. "name=Jo&metadata%5Bplan%5D=pro&expand%5B0%5D=a")
//
// A string field converted from a Swagger 2.0 formData parameter without `allowEmptyValue` is
// left out when empty (`if (input.note !== "") form.push(...)`), as 2.0 says.
// A property without style, explode or allowReserved is written as its content type says
// (OpenAPI 3.0.4/3.1.1 §Encoding Object): objects as JSON, primitives as text, arrays one field
// per item (`form`, exploded: the defaults of `style` and `explode`).

import { shapeOf, type BodyEncoding, type Member } from "../../model/ir.js";
import type { SerializerContext } from "../protocol.js";
import { propertyAccess } from "../../naming/names.js";
import { ifPresent, scalarString, type BodyCodec } from "../http/binding.js";
import { jsonMemberName, jsonValue, jsonWriter } from "../codecs/json/writer.js";
import { FORMS, RUNTIME } from "../symbols.js";
import { append } from "../../lists.js";

export const JSON_OPTIONS = { useJsonName: true, defaultTimestamp: "date-time", noDefaults: true } as const;

export const formBody = (json: BodyCodec): BodyCodec => ({
  members(ctx, members) {
    const lines = [`const form: string[] = [];`];
    for (const m of members) {
      const access = propertyAccess("input", m.name);
      append(lines, ifPresent(access, formFieldLines(ctx, m, access), m.nullable === true));
    }
    return { lines, body: `form.join("&")`, contentType: "application/x-www-form-urlencoded", empty: "form.length === 0" };
  },
  payload(ctx, member, access) {
    const shape = shapeOf(ctx.model, member.target);
    if (shape.type !== "structure" && shape.type !== "map" && shape.type !== "document") return json.payload(ctx, member, access);
    // An object body without declared properties: one field per entry, objects as JSON.
    const append = ctx.file.use(FORMS.appendFormField);
    const value = jsonValue(jsonWriter(ctx, JSON_OPTIONS), access, member);
    const fn = ctx.need("formEntries", () => [
      `function formEntries(value: unknown): string {`,
      `  const form: string[] = [];`,
      `  if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) if (v !== undefined) ${append}(form, k, v, { objectsAsJson: true });`,
      `  return form.join("&");`,
      `}`,
    ]);
    return { body: `${fn}(${value})`, contentType: "application/x-www-form-urlencoded" };
  },
});

function formFieldLines(ctx: SerializerContext, m: Member, access: string): string[] {
  const w = jsonWriter(ctx, JSON_OPTIONS);
  const name = jsonMemberName(w, m);
  const encoding: BodyEncoding = m.http?.location === "body" ? (m.http.encoding ?? {}) : {};
  const shape = shapeOf(ctx.model, m.target);
  const json = encoding.contentType !== undefined && /json/i.test(encoding.contentType) && encoding.style === undefined && encoding.explode === undefined && encoding.allowReserved === undefined;
  const scalar = !["list", "map", "structure", "union", "document", "alternatives", "unit"].includes(shape.type);
  if (scalar && !json) {
    const enc = encoding.allowReserved ? ctx.file.use(FORMS.encodeReserved) : ctx.file.use(RUNTIME.encodeQueryComponent);
    const text = shape.type === "blob" ? `${ctx.file.use(RUNTIME.toBase64)}(${access})` : scalarString(ctx, m, access, "query");
    const push = `form.push(${JSON.stringify(strictEncode(name) + "=")} + ${enc}(${text}));`;
    return [omitsEmpty(ctx, m, encoding) ? `if (${access} !== "") ${push}` : push];
  }
  const options: string[] = [];
  if (json) options.push(`json: true`);
  else {
    if (encoding.style !== undefined) options.push(`style: ${JSON.stringify(encoding.style)}`);
    if (encoding.explode !== undefined) options.push(`explode: ${encoding.explode}`);
    if (encoding.allowReserved !== undefined) options.push(`allowReserved: ${encoding.allowReserved}`);
    if (options.length === 0) options.push(`objectsAsJson: true`);
  }
  return [`${ctx.file.use(FORMS.appendFormField)}(form, ${JSON.stringify(name)}, ${jsonValue(w, access, m)}, { ${options.join(", ")} });`];
}

/**
 * A string field of a form converted from Swagger 2.0 without `allowEmptyValue` (its default,
 * false): an empty string is not sent (Swagger 2.0 §Parameter Object `allowEmptyValue`). An enum
 * without "" cannot hold it (and TypeScript rejects the comparison).
 */
export function omitsEmpty(ctx: SerializerContext, m: Member, encoding: BodyEncoding): boolean {
  const shape = shapeOf(ctx.model, m.target);
  return encoding.allowEmptyValue === false && (shape.type === "string" || (shape.type === "enum" && shape.values.some((v) => v.value === "")));
}

/** RFC 3986 percent-encoding of everything but the unreserved characters (as encodeQueryComponent). */
function strictEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}
