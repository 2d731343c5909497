// The HTTP binding layer: places the bound members of an input in the path, the query, the
// headers and cookies, and hands what remains (the payload member, or the body members) to the
// protocol's body codec. Used by restJson1, restXml and OpenAPI's plain HTTP.
//
//   @http(method: "GET", uri: "/things/{Id}") input { @httpLabel Id: String, @httpQuery("n") N: Integer, Note: String }
//   → lines:  const query: string[] = [];
//             const headers: Record<string, string> = {};
//             if (input.N !== undefined) { query.push("n=" + encodeQueryComponent(String(input.N))); }
//             <the codec's lines for a body of { Note }>
//     path:   "/things/" + encodePathSegment(input.Id, false)
//
// Smithy labels, query values and headers follow the HTTP binding traits (timestamps date-time in
// labels and queries, http-date in headers; lists in headers comma-joined, quoted when needed;
// a string with `@mediaType` in a header is base64). OpenAPI parameters carry `style`/`explode`
// (RFC 6570 / the OpenAPI style table) on the same bindings; a oneOf/anyOf path, header or cookie
// value is expanded by its style at run time (forms.ts stylePathValue: `{}` is nothing, `{ a: "x" }`
// simple `a,x`; styleHeaderValue: simple; styleCookiePairs: form, `a=x` exploded), a path one of
// scalars only when generating (`encodePathSegment(String(input.workflow_id), false)`);
// a parameter defined by `content` is its media type's text, encoded for its place:
//   ids (path, content application/json) → "/roles/" + encodePathSegment(JSON.stringify(input.ids), false)

import { shapeOf, type HttpBinding, type Member, type Operation, type ParameterContent, type Ref, type Shape, type StructureShape } from "../../model/ir.js";
import { propertyAccess } from "../../naming/names.js";
import type { RequestPlan, SerializerContext } from "../protocol.js";
import { BIG_NUMBERS, FORMS, RUNTIME } from "../symbols.js";
import { jsonText, jsonValue, jsonWriter, timestampValue } from "../codecs/json/writer.js";
import { append } from "../../lists.js";

/** How a protocol writes what the bindings leave for the body. */
export interface BodyCodec {
  /**
   * Lines that compute a body from the `body`-bound members (all of them, set or not), and the
   * body expression (string or bytes); `contentType` is sent with it. With `optionalBody` the
   * expression may be undefined: no body (restXml, when no body member is set). `empty` is true
   * when the body has nothing in it (JSON `Object.keys(body).length === 0`); absent: when no
   * member is set.
   */
  members(ctx: SerializerContext, members: readonly Member[]): { lines: string[]; body: string; contentType: string; contentTypeExpression?: string; optionalBody?: boolean; empty?: string };
  /** The body of a payload member that targets a structure, union, document, list or map. */
  payload(ctx: SerializerContext, member: Member, access: string): { body: string; contentType: string; lines?: string[]; contentTypeExpression?: string };
}

export interface BindingOptions {
  /** Query values percent-encoded as RFC 3986 says (Smithy; OpenAPI too, as RFC 6570 expands them), else `encodeURIComponent`. */
  readonly strictQuery: boolean;
  readonly codec: BodyCodec;
  /** An unset structure payload is sent empty (`{}`, Smithy) rather than left out (OpenAPI). */
  readonly emptyStructurePayload: boolean;
}

/** The request of an operation with HTTP bindings. */
export function httpRequest(ctx: SerializerContext, op: Operation, input: StructureShape | undefined, options: BindingOptions): RequestPlan {
  const members = input?.members ?? [];
  const http = op.http ?? { method: "POST", uri: "/" };
  const lines: string[] = [`const query: string[] = [];`, `const headers: Record<string, string> = {};`];
  for (const h of http.constantHeaders ?? []) lines.push(`headers[${JSON.stringify(h.name)}] = ${JSON.stringify(h.value)};`);
  const enc = (s: string) => (options.strictQuery ? `${ctx.file.use(RUNTIME.encodeQueryComponent)}(${s})` : `encodeURIComponent(${s})`);

  // Path: literal segments and labels.
  const [pathPart, queryPart] = splitUri(http.uri);
  const pathExpr = pathPart
    .split(/(\{[^}]+\})/)
    .filter((p) => p !== "")
    .map((part) => {
      const label = /^\{([^}+]+)(\+)?\}$/.exec(part);
      if (!label) return JSON.stringify(part);
      const m = members.find((x) => (x.http?.location === "label" ? x.http.name : undefined) === label[1]);
      if (!m) return JSON.stringify(part);
      return labelExpr(ctx, m, Boolean(label[2]));
    });
  // Literal query in the URI (`/things?list`), sent as is.
  for (const literal of queryPart ? queryPart.split("&") : []) lines.push(`query.push(${JSON.stringify(literal)});`);

  const bodyMembers: Member[] = [];
  let payload: Member | undefined;
  const queryLines: string[] = [];
  const queryParamsLines: string[] = [];
  const headerLines: string[] = [];
  const cookies: string[] = [];
  for (const m of members) {
    const b: HttpBinding = m.http ?? { location: "body" };
    const access = propertyAccess("input", m.name);
    switch (b.location) {
      case "label":
      case "responseCode":
        break;
      case "query":
        append(queryLines, ifPresent(access, queryLinesOf(ctx, m, b, access, enc), m.nullable === true));
        break;
      case "queryParams":
        append(queryParamsLines, ifPresent(access, queryParamsLinesOf(ctx, m, access, members, enc)));
        break;
      case "header":
        append(headerLines, ifPresent(access, [`headers[${JSON.stringify(b.name)}] = ${b.content === undefined ? headerValue(ctx, m, access, b.explode) : contentText(ctx, m, access, b.content, "header")};`], m.nullable === true));
        break;
      case "prefixHeaders":
        append(headerLines, [
          ...ifPresent(access, [
            `for (const [key, value] of Object.entries(${access})) {`,
            `  if (value !== undefined) headers[${JSON.stringify(b.prefix)} + key] = ${scalarString(ctx, mapValueRef(ctx, m), "value", "header")};`,
            `}`,
          ]),
        ]);
        break;
      case "cookie":
        append(cookies, ifPresent(access, b.content === undefined ? cookieLines(ctx, m, b.name, b.explode ?? true, access) : [`cookies.push(${JSON.stringify(b.name + "=")} + encodeURIComponent(${contentText(ctx, m, access, b.content, "query")}));`], m.nullable === true));
        break;
      case "payload":
        payload = m;
        break;
      case "body":
        bodyMembers.push(m);
        break;
      default: {
        const never: never = b;
        throw new Error(`internal: unknown binding ${String(never)}`);
      }
    }
  }
  for (const part of [queryLines, queryParamsLines, headerLines]) append(lines, part);
  if (cookies.length > 0) {
    append(lines, [`const cookies: string[] = [];`, ...cookies, `if (cookies.length > 0) headers["Cookie"] = cookies.join("; ");`]);
  }

  const method = JSON.stringify(http.method);
  const path = pathExpr.length === 0 ? `"/"` : pathExpr.join(" + ");
  const contentType = (type: string) => `headers["Content-Type"] ??= ${JSON.stringify(http.contentType ?? type)};`;
  if (payload) {
    const target = shapeOf(ctx.model, payload.target);
    const access = propertyAccess("input", payload.name);
    // A string sent as a JSON media type (OpenAPI) is JSON text; otherwise strings and bytes go as they are.
    const jsonString = http.bodyEncoding === "json" && (target.type === "string" || target.type === "enum");
    if (target.type === "blob" || ((target.type === "string" || target.type === "enum") && !jsonString)) {
      const type = target.mediaType ?? (target.type === "blob" ? "application/octet-stream" : "text/plain");
      lines.push(`if (${access} !== undefined) ${contentType(type)}`);
      return { lines, method, path, query: "query", body: access, optionalBody: true };
    }
    const written = options.codec.payload(ctx, payload, "payload");
    lines.push(`const payload = ${access};`);
    if (options.emptyStructurePayload && target.type === "structure") {
      // An unset structure payload is sent as an empty one.
      lines.push(contentType(written.contentType));
      // Parenthesized unless it is a whole call argument (where prettier drops the parentheses).
      const body = written.body.replace(/(?<![\w$.])payload(?![\w$])/g, (m, at: number, all: string) => (/[(,] ?$/.test(all.slice(0, at)) && /^[),]/.test(all.slice(at + m.length)) ? "payload ?? {}" : "(payload ?? {})"));
      lines.push(`const body = ${body};`);
      return { lines, method, path, query: "query", body: "body" };
    }
    append(lines, (written.lines ?? []));
    lines.push(`if (payload !== undefined) ${written.contentTypeExpression === undefined ? contentType(written.contentType) : `headers["Content-Type"] ??= ${written.contentTypeExpression};`}`);
    return { lines, method, path, query: "query", body: `payload === undefined ? undefined : ${written.body}`, optionalBody: true };
  }
  if (bodyMembers.length > 0) {
    const written = options.codec.members(ctx, bodyMembers);
    // A content type known only at run time (a multipart boundary) replaces the declared one.
    const setType = written.contentTypeExpression === undefined ? contentType(written.contentType) : `headers["Content-Type"] ??= ${written.contentTypeExpression};`;
    append(lines, written.lines);
    if (http.omitEmptyBody === true && written.optionalBody !== true) {
      // Nothing set: no body (an empty one would break the schema's `required`, or is a multipart without parts).
      const empty = written.empty ?? bodyMembers.map((m) => `${propertyAccess("input", m.name)} === undefined`).join(" && ");
      lines.push(`const requestBody = ${empty} ? undefined : ${written.body};`);
      lines.push(`if (requestBody !== undefined) ${setType}`);
      return { lines, method, path, query: "query", body: "requestBody", optionalBody: true };
    }
    lines.push(setType);
    return { lines, method, path, query: "query", body: written.body, ...(written.optionalBody ? { optionalBody: true } : {}) };
  }
  return { lines, method, path, query: "query" };
}

function splitUri(uri: string): [string, string | undefined] {
  const q = uri.indexOf("?");
  return q === -1 ? [uri, undefined] : [uri.slice(0, q), uri.slice(q + 1)];
}

/**
 * `if (<access> !== undefined) { body }`. A nullable (OpenAPI) parameter set to null is sent like
 * an absent one. An own-property read (`constructor`, `__proto__`) is read once into a local, so
 * that TypeScript narrows it to defined inside the block.
 */
export function ifPresent(access: string, body: string[], nullable = false): string[] {
  const present = nullable ? "!= null" : "!== undefined";
  if (!access.startsWith("(")) return [`if (${access} ${present}) {`, ...body.map((l) => "  " + l), `}`];
  return [`{`, `  const own = ${access};`, `  if (own ${present}) {`, ...body.map((l) => "    " + l.split(access).join("own")), `  }`, `}`];
}

function mapValueRef(ctx: SerializerContext, m: Ref): Ref {
  const shape = shapeOf(ctx.model, m.target);
  return shape.type === "map" ? shape.value : m;
}

function labelExpr(ctx: SerializerContext, m: Member, greedy: boolean): string {
  // Labels are required; an own-property read of an inherited name (`constructor`) is asserted so.
  const own = propertyAccess("input", m.name);
  const access = own.startsWith("(") ? `${own}!` : own;
  const encode = ctx.file.use(RUNTIME.encodePathSegment);
  const b = m.http?.location === "label" ? m.http : undefined;
  // `content`: the media type's text stands for the whole value; no style applies.
  if (b?.content !== undefined) return `${encode}(${contentText(ctx, m, access, b.content, "label")}, false)`;
  const shape = shapeOf(ctx.model, m.target);
  const style = b?.style ?? "simple";
  const scalars = shape.type === "alternatives" ? scalarVariants(ctx, shape) : undefined;
  if (scalars !== undefined) {
    // Every variant a plain scalar (GitHub's `workflow_id`: integer | string): its text, styled now.
    const text = scalars.string && !scalars.other ? access : `String(${access})`;
    const value = `${encode}(${text}, false)`;
    const name = b?.name ?? m.name;
    if (style === "label") return `"." + ${value}`;
    if (style !== "matrix") return value;
    // matrix: an empty string is the name alone (`;color`), as stylePathValue writes it.
    return scalars.string ? `(${access} === "" ? ${JSON.stringify(`;${name}`)} : ${JSON.stringify(`;${name}=`)} + ${value})` : `${JSON.stringify(`;${name}=`)} + ${value}`;
  }
  if (shape.type === "alternatives" || shape.type === "document") {
    // A oneOf/anyOf (or untyped) value may be a list or an object: expanded by its style at run time.
    const value = jsonValue(jsonWriter(ctx, OPENAPI_JSON), access, m);
    return `${ctx.file.use(FORMS.stylePathValue)}(${value}, ${JSON.stringify(b?.name ?? m.name)}, ${JSON.stringify(style)}, ${b?.explode === true})`;
  }
  const prefix = style === "label" ? "." : style === "matrix" ? `;${b?.name ?? m.name}=` : "";
  if (shape.type === "list") {
    const item = scalarString(ctx, shape.member, "item", "label");
    // The OpenAPI 3.0.3 style table: label lists are dot-separated exploded or not (`.blue.black.brown`).
    const sep = style === "label" ? "." : b?.explode ? (style === "matrix" ? `;${b.name}=` : ",") : ",";
    const items = `${access}.map((item) => ${encode}(${item}, false)).join(${JSON.stringify(sep)})`;
    // An empty list is undefined (RFC 6570 §2.3) and expands to nothing, prefix and all (§3.2.1).
    return prefix ? `(${access}.length === 0 ? "" : ${JSON.stringify(prefix)} + ${items})` : items;
  }
  if (shape.type === "map" || shape.type === "structure") {
    // OpenAPI objects (RFC 6570): `R,100,G,200` or, exploded, `R=100,G=200` / `.R=100.G=200` / `;R=100;G=200`.
    const pairs = objectPairs(ctx, shape, access, (s) => `${encode}(${s}, false)`);
    // Not exploded: `R,100,G,200`, a label `.R.100.G.200` (the OpenAPI 3.0.3 style table).
    const sep = style === "label" ? "." : ",";
    const lead = b?.explode ? (style === "label" ? "." : style === "matrix" ? ";" : "") : prefix;
    const joined = b?.explode ? `.map(([k, v]) => k + "=" + v).join(${JSON.stringify(lead || ",")})` : `.map(([k, v]) => k + ${JSON.stringify(sep)} + v).join(${JSON.stringify(sep)})`;
    // An object without defined members is undefined too (RFC 6570 §2.3): no prefix.
    return lead ? `((pairs) => (pairs.length === 0 ? "" : ${JSON.stringify(lead)} + pairs${joined}))(${pairs})` : `${pairs}${joined}`;
  }
  const value = `${encode}(${scalarString(ctx, m, access, "label")}, ${greedy})`;
  // matrix: an empty string is the name alone, `;color` (RFC 6570 §3.2.7; the OpenAPI style table's empty column).
  if (style === "matrix" && (shape.type === "string" || (shape.type === "enum" && shape.values.some((v) => v.value === "")))) {
    return `(${access} === "" ? ${JSON.stringify(`;${b?.name ?? m.name}`)} : ${JSON.stringify(prefix)} + ${value})`;
  }
  return prefix ? `${JSON.stringify(prefix)} + ${value}` : value;
}

function queryLinesOf(
  ctx: SerializerContext,
  m: Member,
  b: Extract<HttpBinding, { location: "query" }>,
  access: string,
  strictEnc: (s: string) => string,
): string[] {
  const shape = shapeOf(ctx.model, m.target);
  const enc = (s: string) => (b.allowReserved ? `${ctx.file.use(FORMS.encodeReserved)}(${s})` : strictEnc(s));
  const key = JSON.stringify(encodeURIComponent(b.name));
  const keyEq = JSON.stringify(encodeURIComponent(b.name) + "=");
  const style = b.style ?? "form";
  const explode = b.explode ?? style === "form";
  // OpenAPI (a binding with a style): an empty string is sent only with `allowEmptyValue`
  // (3.0.3 §Parameter Object: "allows sending a parameter with an empty value. Default value is false").
  const omitsEmpty = b.style !== undefined && b.allowEmptyValue !== true;
  if (b.content !== undefined) {
    // `content`: the media type's text is the value (JSON text is never empty; a text/plain "" is).
    const push = `query.push(${keyEq} + ${strictEnc(contentText(ctx, m, access, b.content, "query"))});`;
    return [omitsEmpty && b.content === "text" && holdsEmptyString(shape) ? `if (${access} !== "") ${push}` : push];
  }
  if (shape.type === "list" && style !== "deepObject") {
    const item = scalarString(ctx, shape.member, "item", "query");
    if (explode) return [`for (const item of ${access}) query.push(${keyEq} + ${enc(item)});`];
    const sep = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
    // The delimiter itself stays literal (a comma or pipe inside an item is escaped); a space is `%20`.
    return [`query.push(${keyEq} + ${access}.map((item) => ${enc(item)}).join(${JSON.stringify(sep === " " ? "%20" : sep)}));`];
  }
  if (["list", "map", "structure", "union", "alternatives", "document"].includes(shape.type)) {
    // Objects by the OpenAPI style table (`R=100&G=200`, `color[R]=100`, `color=R,100,G,200`), at
    // run time since alternatives and documents may hold anything; deepObject nests brackets and
    // numbers array items (`expand[0]=a`) as Stripe's SDKs and `qs` do (the spec leaves it undefined).
    const value = jsonValue(jsonWriter(ctx, OPENAPI_JSON), access, m);
    // A oneOf/anyOf (or untyped) value may be "": left out as a string is, but in deepObject (Stripe's way to clear a field).
    const omit = omitsEmpty && style !== "deepObject" && (shape.type === "alternatives" || shape.type === "document");
    const opts = [`style: ${JSON.stringify(style)}`, `explode: ${explode}`, ...(b.allowReserved ? [`allowReserved: true`] : []), ...(omit ? [`omitEmpty: true`] : [])];
    return [`${ctx.file.use(FORMS.appendFormField)}(query, ${JSON.stringify(b.name)}, ${value}, { ${opts.join(", ")} });`];
  }
  const push = `query.push(${keyEq} + ${enc(scalarString(ctx, m, access, "query"))});`;
  return [omitsEmpty && holdsEmptyString(shape) ? `if (${access} !== "") ${push}` : push];
}

/** A string, or an enum with the value "" (an enum without it cannot hold it, and TypeScript rejects the comparison). */
function holdsEmptyString(shape: Shape): boolean {
  return shape.type === "string" || (shape.type === "enum" && shape.values.some((v) => v.value === ""));
}

/** The JSON writer options of OpenAPI values (JSON names, RFC 3339 timestamps, no defaults filled in). */
const OPENAPI_JSON = { useJsonName: true, defaultTimestamp: "date-time", noDefaults: true } as const;

/**
 * The text of a parameter defined by `content` (OpenAPI 3.0.3 §Parameter Object), before the
 * encoding of its place: the JSON text for a JSON media type, else the value's own text.
 */
function contentText(ctx: SerializerContext, m: Member, access: string, content: ParameterContent, place: Place): string {
  switch (content) {
    case "json": {
      const w = jsonWriter(ctx, OPENAPI_JSON);
      return jsonText(w, jsonValue(w, access, m), [m]);
    }
    case "text":
      return scalarString(ctx, m, access, place);
    default: {
      const never: never = content;
      throw new Error(`internal: unknown parameter content ${String(never)}`);
    }
  }
}

function queryParamsLinesOf(ctx: SerializerContext, m: Member, access: string, members: readonly Member[], enc: (s: string) => string): string[] {
  // Explicit @httpQuery members win over entries of the @httpQueryParams map with the same name.
  const taken = members.flatMap((x) => (x.http?.location === "query" ? [x.http.name] : []));
  const shape = shapeOf(ctx.model, m.target);
  const valueRef = shape.type === "map" ? shape.value : m;
  const valueShape = shapeOf(ctx.model, valueRef.target);
  const push =
    valueShape.type === "list"
      ? `for (const item of value) query.push(${enc("key")} + "=" + ${enc(scalarString(ctx, valueShape.member, "item", "query"))});`
      : `query.push(${enc("key")} + "=" + ${enc(scalarString(ctx, valueRef, "value", "query"))});`;
  return [
    `for (const [key, value] of Object.entries(${access})) {`,
    `  if (value === undefined${taken.map((t) => ` || key === ${JSON.stringify(t)}`).join("")}) continue;`,
    `  ${push}`,
    `}`,
  ];
}

function headerValue(ctx: SerializerContext, m: Member, access: string, explode: boolean | undefined): string {
  const shape = shapeOf(ctx.model, m.target);
  if (explode !== undefined && (shape.type === "alternatives" || shape.type === "document")) {
    // An OpenAPI oneOf/anyOf (or untyped) value may be a list or an object: styled `simple` at run time.
    return `${ctx.file.use(FORMS.styleHeaderValue)}(${jsonValue(jsonWriter(ctx, OPENAPI_JSON), access, m)}, ${explode})`;
  }
  if (shape.type === "list") {
    const itemShape = shapeOf(ctx.model, shape.member.target);
    const item = scalarString(ctx, shape.member, "item", "header");
    // OpenAPI headers (they have `explode`): style simple, `blue,black,brown` (OpenAPI 3.0.3 §Style Examples).
    if (explode !== undefined) return item === "item" ? `${access}.join(",")` : `${access}.map((item) => ${item}).join(",")`;
    // Smithy: list items that contain a comma or quote are quoted; http-dates are not (they hold a comma by design).
    const quoted =
      itemShape.type === "string" || itemShape.type === "enum"
        ? `/[",]/.test(item) ? '"' + item.replace(/[\\\\"]/g, (c) => "\\\\" + c) + '"' : item`
        : item;
    return `${access}.map((item) => ${quoted}).join(", ")`;
  }
  if (shape.type === "map" || shape.type === "structure") {
    const sep = explode ? "=" : ",";
    return `Object.entries(${access}).filter(([, v]) => v !== undefined).map(([k, v]) => k + ${JSON.stringify(sep)} + String(v)).join(",")`;
  }
  return scalarString(ctx, m, access, "header");
}

/**
 * Whether every variant of a oneOf/anyOf is a plain scalar whose text is its JavaScript `String`
 * (strings and enums; numbers but big ones; int enums; booleans), none nullable: such a value is
 * never a list or an object, so its style is known when generating. `string`: some variant holds
 * text (it may be ""); `other`: some variant is a number or boolean. Undefined when a variant is
 * anything else (an object, a list, a `Date`, bytes, a big number, another oneOf).
 */
function scalarVariants(ctx: SerializerContext, shape: Shape & { type: "alternatives" }): { string: boolean; other: boolean } | undefined {
  let string = false;
  let other = false;
  for (const variant of shape.variants) {
    if (variant.nullable === true) return undefined;
    const target = shapeOf(ctx.model, variant.target);
    switch (target.type) {
      case "string":
      case "enum":
        string = true;
        break;
      case "number":
        if (target.kind === "bigInteger" || target.kind === "bigDecimal") return undefined;
        other = true;
        break;
      case "intEnum":
      case "boolean":
        other = true;
        break;
      case "unit":
      case "blob":
      case "timestamp":
      case "document":
      case "list":
      case "map":
      case "structure":
      case "union":
      case "alternatives":
        return undefined;
      default: {
        const never: never = target;
        throw new Error(`internal: unknown shape ${String(never)}`);
      }
    }
  }
  return string || other ? { string, other } : undefined;
}

/** An expression for the defined entries of an object member as encoded `[key, value]` pairs. */
function objectPairs(ctx: SerializerContext, shape: Shape, access: string, encode: (s: string) => string): string {
  const value = shape.type === "map" ? scalarString(ctx, shape.value, "value", "query") : "String(value)";
  return `Object.entries(${access}).filter(([, value]) => value !== undefined).map(([k, value]) => [${encode("k")}, ${encode(value)}] as const)`;
}

/** Cookie pairs in OpenAPI `form` style: `name=a,b` for lists and objects, one pair per item exploded. */
function cookieLines(ctx: SerializerContext, m: Member, name: string, explode: boolean, access: string): string[] {
  const shape = shapeOf(ctx.model, m.target);
  if (shape.type === "alternatives" || shape.type === "document") {
    // A oneOf/anyOf (or untyped) value may be a list or an object: styled `form` at run time.
    return [`cookies.push(...${ctx.file.use(FORMS.styleCookiePairs)}(${jsonValue(jsonWriter(ctx, OPENAPI_JSON), access, m)}, ${JSON.stringify(name)}, ${explode}));`];
  }
  const key = JSON.stringify(name + "=");
  const encode = (s: string) => `encodeURIComponent(${s})`;
  // An empty list or object is undefined (RFC 6570 §2.3): the form expansion, name and all, is nothing.
  if (shape.type === "list") {
    const item = encode(scalarString(ctx, shape.member, "item", "query"));
    return explode ? [`for (const item of ${access}) cookies.push(${key} + ${item});`] : [`if (${access}.length > 0) cookies.push(${key} + ${access}.map((item) => ${item}).join(","));`];
  }
  if (shape.type === "map" || shape.type === "structure") {
    const pairs = objectPairs(ctx, shape, access, encode);
    if (explode) return [`for (const [k, v] of ${pairs}) cookies.push(k + "=" + v);`];
    return [`const pairs = ${pairs};`, `if (pairs.length > 0) cookies.push(${key} + pairs.map(([k, v]) => k + "," + v).join(","));`];
  }
  return [`cookies.push(${key} + ${encode(scalarString(ctx, m, access, "query"))});`];
}

export type Place = "label" | "query" | "header";

/** A scalar as a string for a label, query value or header. */
export function scalarString(ctx: SerializerContext, ref: Ref, expr: string, place: Place): string {
  const shape = shapeOf(ctx.model, ref.target);
  switch (shape.type) {
    case "string":
    case "enum":
      // A header that holds a media type's text (`@mediaType("application/json")`) is base64.
      return place === "header" && shape.mediaType !== undefined
        ? `${ctx.file.use(RUNTIME.toBase64)}(${ctx.file.use(RUNTIME.utf8)}(${expr}))`
        : expr;
    case "number":
      if (shape.kind === "bigDecimal") return `${ctx.file.use(BIG_NUMBERS.decimalText)}(${expr})`;
      return shape.kind === "float" || shape.kind === "double" ? `String(${ctx.file.use(RUNTIME.jsonNumber)}(${expr}))` : `String(${expr})`;
    case "intEnum":
    case "boolean":
      return `String(${expr})`;
    case "blob":
      return `${ctx.file.use(RUNTIME.toBase64)}(${expr})`;
    case "timestamp": {
      const format = ref.timestampFormat ?? shape.format ?? (place === "header" ? "http-date" : "date-time");
      const value = timestampValue({ ctx }, format, expr);
      return format === "epoch-seconds" ? `String(${value})` : value;
    }
    case "document":
    case "alternatives":
      // OpenAPI `oneOf` of a string and others: a string value is sent as it is, not as JSON text.
      return `(typeof ${expr} === "string" ? ${expr} : JSON.stringify(${ctx.file.use(RUNTIME.plainJson)}(${expr})))`;
    case "unit":
    case "list":
    case "map":
    case "structure":
    case "union":
      return `JSON.stringify(${ctx.file.use(RUNTIME.plainJson)}(${expr}))`;
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}
