// The multipart/form-data codec of OpenAPI bodies (RFC 7578): one part per property (one per
// item of an array), built into bytes by `multipartBody` of forms.ts.
//
//   properties file (string, format binary; encoding contentType image/png), meta (object), note (string)
//   → parts: { name: "file", ...filePart(input.file, "file", "image/png") },
//            { name: "meta", value: JSON.stringify(json_Meta(input.meta)), contentType: "application/json" },
//            { name: "note", value: input.note }
//     headers["Content-Type"] = "multipart/form-data; boundary=shapesmith-…"
//
// Part content types follow the Encoding Object's `contentType`, else its defaults (OpenAPI 3.0
// §Encoding Object): bytes `application/octet-stream`, objects `application/json`, primitives
// text (no header, RFC 7578 §4.4). OpenAPI 3.0 says `style` and `explode` apply to URL-encoded
// forms only; a property that has one anyway (Stripe's `file_link_data`, deepObject) is sent as
// one text part per pair the style makes, as Stripe's own SDK and swagger-client send it.
// A file part's filename and content type are the value's own when it carries them as a `File`
// does (`Object.assign(bytes, { name: "cat.png", type: "image/png" })`: string `name` and
// `type`), else the property's name and the Encoding Object's type (or its default). The
// serializers are synchronous, so a `Blob` itself (whose bytes are read asynchronously) is not
// accepted: read it first (`new Uint8Array(await file.arrayBuffer())`) and keep its name and type.
//
//   photo = Object.assign(bytes, { name: "rex.png", type: "image/png" })
//   → { name: "photo", ...filePart(input.photo, "photo", "application/octet-stream") }
//   → Content-Disposition: form-data; name="photo"; filename="rex.png" / Content-Type: image/png

import { shapeOf, type BodyEncoding, type Member, type Ref } from "../../model/ir.js";
import type { SerializerContext } from "../protocol.js";
import { propertyAccess } from "../../naming/names.js";
import { ifPresent, scalarString, type BodyCodec } from "../http/binding.js";
import { jsonMemberName, jsonValue, jsonWriter } from "../codecs/json/writer.js";
import { FORMS, RUNTIME } from "../symbols.js";
import { JSON_OPTIONS, omitsEmpty } from "./form.js";
import { append } from "../../lists.js";

export const multipartBody = (json: BodyCodec): BodyCodec => ({
  members(ctx, members) {
    const lines = [`const parts: ${ctx.file.use(FORMS.MultipartPart)}[] = [];`];
    for (const m of members) {
      const access = propertyAccess("input", m.name);
      append(lines, ifPresent(access, partLines(ctx, m, access), m.nullable === true));
    }
    lines.push(`const multipart = ${ctx.file.use(FORMS.multipartBody)}(parts);`);
    return { lines, body: `multipart.body`, contentType: "multipart/form-data", contentTypeExpression: "multipart.contentType", empty: "parts.length === 0" };
  },
  payload(ctx, member, access) {
    const shape = shapeOf(ctx.model, member.target);
    if (shape.type !== "structure" && shape.type !== "map" && shape.type !== "document") return json.payload(ctx, member, access);
    // An object body without declared properties: one part per entry (bytes as files, objects as JSON).
    const plain = ctx.file.use(RUNTIME.plainJson);
    const build = ctx.file.use(FORMS.multipartBody);
    const part = ctx.file.use(FORMS.MultipartPart);
    const fn = ctx.need("multipartEntries", () => [
      `function multipartEntries(value: unknown): ReturnType<typeof ${build}> {`,
      `  const parts: ${part}[] = [];`,
      `  if (typeof value === "object" && value !== null) {`,
      `    for (const [name, v] of Object.entries(value)) {`,
      `      if (v === undefined) continue;`,
      `      if (v instanceof Uint8Array) parts.push({ name, ...${filePart(ctx)}(v, name, "application/octet-stream") });`,
      `      else if (typeof v === "object" && v !== null) parts.push({ name, value: JSON.stringify(${plain}(v)), contentType: "application/json" });`,
      `      else parts.push({ name, value: String(v) });`,
      `    }`,
      `  }`,
      `  return ${build}(parts);`,
      `}`,
    ]);
    return {
      lines: [`const multipart = payload === undefined ? undefined : ${fn}(${access});`],
      body: `multipart!.body`,
      contentType: "multipart/form-data",
      contentTypeExpression: `multipart!.contentType`,
    };
  },
});

function partLines(ctx: SerializerContext, m: Member, access: string): string[] {
  const name = jsonMemberName(jsonWriter(ctx, JSON_OPTIONS), m);
  const encoding: BodyEncoding = m.http?.location === "body" ? (m.http.encoding ?? {}) : {};
  const shape = shapeOf(ctx.model, m.target);
  const styled = encoding.style !== undefined || encoding.explode !== undefined || encoding.allowReserved !== undefined;
  if (styled && ["list", "map", "structure", "union", "document", "alternatives"].includes(shape.type) && !(shape.type === "list" && shapeOf(ctx.model, shape.member.target).type === "blob")) {
    // A style given for a multipart property: one text part per pair it makes (Stripe's SDK does so).
    const options = [
      ...(encoding.style !== undefined ? [`style: ${JSON.stringify(encoding.style)}`] : []),
      ...(encoding.explode !== undefined ? [`explode: ${encoding.explode}`] : []),
    ];
    return [`parts.push(...${ctx.file.use(FORMS.formParts)}(${JSON.stringify(name)}, ${jsonValue(jsonWriter(ctx, JSON_OPTIONS), access, m)}, { ${options.join(", ")} }));`];
  }
  if (shape.type === "list") return [`for (const item of ${access}) parts.push(${part(ctx, name, encoding, shape.member, "item")});`];
  const push = `parts.push(${part(ctx, name, encoding, m, access)});`;
  // A Swagger 2.0 formData string without allowEmptyValue: an empty one is not sent (form.ts omitsEmpty).
  return [omitsEmpty(ctx, m, encoding) ? `if (${access} !== "") ${push}` : push];
}

function part(ctx: SerializerContext, name: string, encoding: BodyEncoding, ref: Ref, expr: string): string {
  const shape = shapeOf(ctx.model, ref.target);
  const fields = [`name: ${JSON.stringify(name)}`];
  const headers = encoding.headers?.map((h) => `[${JSON.stringify(h.name)}, ${JSON.stringify(h.value)}]`) ?? [];
  const type = (fallback: string | undefined) => {
    const t = encoding.contentType ?? fallback;
    if (t !== undefined) fields.push(`contentType: ${JSON.stringify(t)}`);
  };
  switch (shape.type) {
    case "blob":
      fields.push(`...${filePart(ctx)}(${expr}, ${JSON.stringify(name)}, ${JSON.stringify(encoding.contentType ?? "application/octet-stream")})`);
      break;
    case "list":
    case "map":
    case "structure":
    case "union":
    case "document":
    case "alternatives":
    case "unit":
      fields.push(`value: JSON.stringify(${jsonValue(jsonWriter(ctx, JSON_OPTIONS), expr, ref)})`);
      type("application/json");
      break;
    default: {
      const json = encoding.contentType !== undefined && /json/i.test(encoding.contentType);
      fields.push(`value: ${json ? `JSON.stringify(${jsonValue(jsonWriter(ctx, JSON_OPTIONS), expr, ref)})` : scalarString(ctx, ref, expr, "query")}`);
      if (encoding.contentType !== undefined && !/^text\/plain\b/i.test(encoding.contentType)) type(undefined);
    }
  }
  if (headers.length > 0) fields.push(`headers: [${headers.join(", ")}]`);
  return `{ ${fields.join(", ")} }`;
}

/** The module-private helper that names a file part and types it from a `File`-like value. */
function filePart(ctx: SerializerContext): string {
  return ctx.need("filePart", () => [
    `/** A file part's bytes, filename and content type: the value's own \`name\` and \`type\` (as a File has them), else the defaults. */`,
    `function filePart(value: Uint8Array, filename: string, contentType: string): { value: Uint8Array; filename: string; contentType: string } {`,
    `  const own = value as Uint8Array & { readonly name?: unknown; readonly type?: unknown };`,
    `  return {`,
    `    value,`,
    `    filename: typeof own.name === "string" && own.name !== "" ? own.name : filename,`,
    `    contentType: typeof own.type === "string" && own.type !== "" ? own.type : contentType,`,
    `  };`,
    `}`,
  ]);
}
