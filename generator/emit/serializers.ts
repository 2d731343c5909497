// The serializers emitter: for each operation with an input, a function from the typed input to
// the HTTP request its protocol prescribes.
//
//   awsJson1_1, service Svc, operation Op, input { Name: "x", When: Date(0) } →
//   { method: "POST", path: "/", query: [],
//     headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Svc.Op" },
//     body: '{"Name":"x","When":0}' }
//
// awsJson protocols put every member in the JSON body by its member name. restJson1 and plain
// HTTP (OpenAPI) follow the members' bindings: label, query, header, prefix headers, cookie,
// payload, or body (JSON with `jsonName`s, or a URL-encoded form). Absent members are left out;
// timestamps are epoch seconds in JSON bodies unless the model says otherwise; blobs are base64.

import { shapeOf, type HttpBinding, type Member, type Operation, type Protocol, type Ref, type ResolvedModel, type Shape, type ShapeId, type TimestampFormat } from "../model/ir.js";
import { propertyAccess, type Names } from "../naming/names.js";
import { docComment } from "./doc-comments.js";
import { GeneratedFile } from "./file-builder.js";
import { setProperty } from "./print.js";
import { typeOf } from "./type-ref.js";

const RUNTIME = "./runtime.js";
const TYPES = "./types.js";

interface Context {
  readonly model: ResolvedModel;
  readonly names: Names;
  readonly file: GeneratedFile;
  /** Named shapes whose JSON writer is needed; filled while printing, emitted at the end. */
  readonly writers: Set<ShapeId>;
  /** Use `jsonName` for body member names (restJson1, OpenAPI); awsJson ignores it. */
  readonly useJsonName: boolean;
  readonly defaultTimestamp: TimestampFormat;
}

export function emitSerializers(model: ResolvedModel, names: Names): GeneratedFile {
  const file = new GeneratedFile("serializers.ts");
  const protocol = model.service.protocol;
  const ctx: Context = {
    model,
    names,
    file,
    writers: new Set(),
    useJsonName: protocol === "restJson1" || protocol === "http",
    defaultTimestamp: protocol === "http" ? "date-time" : "epoch-seconds",
  };
  if (protocol === "none") {
    file.line(`// No serializers: Shapesmith does not support the protocol of this service (${model.service.protocolTrait ?? "none declared"}) yet.`);
    file.line("export {};");
    return file;
  }
  for (const op of model.operations) {
    if (!op.input) continue;
    file.line(...operationSerializer(ctx, op, protocol), "");
  }
  // Writers may need further writers; print until the set stops growing, in id order.
  const printed = new Set<ShapeId>();
  for (;;) {
    const next = [...ctx.writers].filter((id) => !printed.has(id)).sort()[0];
    if (next === undefined) break;
    printed.add(next);
    file.line(...jsonWriter(ctx, shapeOf(model, next)), "");
  }
  if (file.isEmpty()) file.line("export {};");
  return file;
}

function operationSerializer(ctx: Context, op: Operation, protocol: Protocol): string[] {
  const input = shapeOf(ctx.model, op.input!);
  const inputType = ctx.file.importType(ctx.names.type(input.id), TYPES);
  const request = ctx.file.importType("HttpRequest", RUNTIME);
  const fn = ctx.names.serializer(op.id);
  const doc = docComment({ ...op, sensitive: false, constraints: {} }, `Builds the HTTP request of \`${op.name}\`.`);
  const head = [...doc, `export function ${fn}(input: ${inputType}): ${request} {`];
  if (protocol === "awsJson1_0" || protocol === "awsJson1_1") {
    const target = `${ctx.model.service.targetPrefix ?? ctx.model.service.name}.${op.name}`;
    return [
      ...head,
      `  return {`,
      `    method: "POST",`,
      `    path: "/",`,
      `    query: [],`,
      `    headers: {`,
      `      "Content-Type": ${JSON.stringify(`application/x-amz-json-${protocol === "awsJson1_0" ? "1.0" : "1.1"}`)},`,
      `      "X-Amz-Target": ${JSON.stringify(target)},`,
      `    },`,
      `    body: JSON.stringify(${writeValue(ctx, "input", { target: input.id })}),`,
      `  };`,
      `}`,
    ];
  }
  return [...head, ...httpBody(ctx, op, input).map((l) => "  " + l), `}`];
}

/** The body of a serializer that follows HTTP bindings. */
function httpBody(ctx: Context, op: Operation, input: Shape): string[] {
  const members = input.type === "structure" ? input.members : [];
  const binding = (m: Member): HttpBinding => m.http ?? { location: "body" };
  const lines: string[] = [];
  const http = op.http ?? { method: "POST", uri: "/" };
  const headers: string[] = [];
  const constant = http.constantHeaders ?? [];
  lines.push(`const query: string[] = [];`, `const headers: Record<string, string> = {};`);
  for (const h of constant) headers.push(`headers[${JSON.stringify(h.name)}] = ${JSON.stringify(h.value)};`);

  // Path: literal segments and labels.
  const [pathPart, queryPart] = splitUri(http.uri);
  const pathExpr = pathPart.split(/(\{[^}]+\})/).filter((p) => p !== "").map((part) => {
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
  const cookies: string[] = [];
  for (const m of members) {
    const b = binding(m);
    const access = propertyAccess("input", m.name);
    switch (b.location) {
      case "label":
        break;
      case "query":
        queryLines.push(...ifPresent(access, queryExpr(ctx, m, b, access), m.nullable === true));
        break;
      case "queryParams":
        queryParamsLines.push(...ifPresent(access, queryParamsExpr(ctx, m, access, members)));
        break;
      case "header":
        headers.push(...ifPresent(access, [`headers[${JSON.stringify(b.name)}] = ${headerValue(ctx, m, access, b.explode)};`], m.nullable === true));
        break;
      case "prefixHeaders":
        headers.push(
          ...ifPresent(access, [
            `for (const [key, value] of Object.entries(${access})) {`,
            `  if (value !== undefined) headers[${JSON.stringify(b.prefix)} + key] = ${scalarString(ctx, mapValueRef(ctx, m), "value", "header")};`,
            `}`,
          ]),
        );
        break;
      case "cookie":
        cookies.push(...ifPresent(access, cookieLines(ctx, m, b.name, b.explode ?? true, access), m.nullable === true));
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
  lines.push(...queryLines, ...queryParamsLines, ...headers);
  if (cookies.length > 0) {
    lines.push(`const cookies: string[] = [];`, ...cookies, `if (cookies.length > 0) headers["Cookie"] = cookies.join("; ");`);
  }

  let body: string | undefined;
  if (payload) {
    const target = shapeOf(ctx.model, payload.target);
    const access = propertyAccess("input", payload.name);
    const type = target.type;
    if (type === "blob") {
      lines.push(`if (${access} !== undefined) headers["Content-Type"] ??= ${JSON.stringify(http.contentType ?? "application/octet-stream")};`);
      body = access;
    } else if (type === "string" || type === "enum") {
      lines.push(`if (${access} !== undefined) headers["Content-Type"] ??= ${JSON.stringify(http.contentType ?? "text/plain")};`);
      body = access;
    } else {
      lines.push(`if (${access} !== undefined) headers["Content-Type"] ??= ${JSON.stringify(http.contentType ?? "application/json")};`);
      body = `${access} === undefined ? undefined : JSON.stringify(${writeValue(ctx, access, payload)})`;
    }
  } else if (bodyMembers.length > 0) {
    if (http.bodyEncoding === "form") {
      lines.push(`const form: string[] = [];`);
      for (const m of bodyMembers) {
        const access = propertyAccess("input", m.name);
        const key = JSON.stringify(encodeURIComponent(wireName(ctx, m)) + "=");
        lines.push(...ifPresent(access, formFieldLines(ctx, m, access, key)));
      }
      lines.push(`headers["Content-Type"] = ${JSON.stringify(http.contentType ?? "application/x-www-form-urlencoded")};`);
      body = `form.join("&")`;
    } else {
      lines.push(`const body: Record<string, unknown> = {};`);
      for (const m of bodyMembers) {
        const access = propertyAccess("input", m.name);
        lines.push(...ifPresent(access, [setProperty("body", wireName(ctx, m), writeValue(ctx, access, m))]));
      }
      lines.push(`headers["Content-Type"] = ${JSON.stringify(http.contentType ?? "application/json")};`);
      body = `JSON.stringify(body)`;
    }
  }
  const path = pathExpr.length === 0 ? `"/"` : pathExpr.join(" + ");
  if (body && payload) {
    lines.push(`const body = ${body};`);
    lines.push(`return { method: ${JSON.stringify(http.method)}, path: ${path}, query, headers, ...(body === undefined ? {} : { body }) };`);
  } else {
    lines.push(`return { method: ${JSON.stringify(http.method)}, path: ${path}, query, headers${body ? `, body: ${body}` : ""} };`);
  }
  return lines;
}

function splitUri(uri: string): [string, string | undefined] {
  const q = uri.indexOf("?");
  return q === -1 ? [uri, undefined] : [uri.slice(0, q), uri.slice(q + 1)];
}

function ifPresent(access: string, body: string[], nullable = false): string[] {
  // A nullable (OpenAPI) parameter set to null is sent like an absent one.
  const present = nullable ? "!= null" : "!== undefined";
  if (!access.startsWith("(")) return [`if (${access} ${present}) {`, ...body.map((l) => "  " + l), `}`];
  // An own-property read (`constructor`, `__proto__`): read it once into a local, so that
  // TypeScript narrows it to defined inside the block.
  return [`{`, `  const own = ${access};`, `  if (own ${present}) {`, ...body.map((l) => "    " + l.split(access).join("own")), `  }`, `}`];
}

function wireName(ctx: Context, m: Member): string {
  return ctx.useJsonName && m.jsonName !== undefined ? m.jsonName : m.name;
}

/** The list item (or map value) ref of a collection-typed member, or the member itself. */
function itemRef(ctx: Context, m: Ref): Ref {
  const shape = shapeOf(ctx.model, m.target);
  return shape.type === "list" ? shape.member : m;
}

function mapValueRef(ctx: Context, m: Ref): Ref {
  const shape = shapeOf(ctx.model, m.target);
  return shape.type === "map" ? shape.value : m;
}

function labelExpr(ctx: Context, m: Member, greedy: boolean): string {
  const access = propertyAccess("input", m.name);
  const encode = ctx.file.import("encodePathSegment", RUNTIME);
  const b = m.http?.location === "label" ? m.http : undefined;
  const shape = shapeOf(ctx.model, m.target);
  const style = b?.style ?? "simple";
  const prefix = style === "label" ? "." : style === "matrix" ? `;${b?.name ?? m.name}=` : "";
  if (shape.type === "list") {
    const item = scalarString(ctx, shape.member, "item", "label");
    const sep = b?.explode ? (style === "label" ? "." : style === "matrix" ? `;${b.name}=` : ",") : ",";
    return `${JSON.stringify(prefix)} + ${access}.map((item) => ${encode}(${item}, false)).join(${JSON.stringify(sep)})`;
  }
  if (shape.type === "map" || shape.type === "structure") {
    // OpenAPI objects (RFC 6570): `R,100,G,200` or, exploded, `R=100,G=200` / `.R=100.G=200` / `;R=100;G=200`.
    const pairs = objectPairs(ctx, shape, access, (s) => `${encode}(${s}, false)`);
    if (!b?.explode) return `${JSON.stringify(prefix)} + ${pairs}.map(([k, v]) => k + "," + v).join(",")`;
    const lead = style === "label" ? "." : style === "matrix" ? ";" : "";
    return `${JSON.stringify(lead)} + ${pairs}.map(([k, v]) => k + "=" + v).join(${JSON.stringify(lead || ",")})`;
  }
  const value = `${encode}(${scalarString(ctx, m, access, "label")}, ${greedy})`;
  return prefix ? `${JSON.stringify(prefix)} + ${value}` : value;
}

function queryExpr(ctx: Context, m: Member, b: Extract<HttpBinding, { location: "query" }>, access: string): string[] {
  const shape = shapeOf(ctx.model, m.target);
  const enc = (s: string) => (b.allowReserved ? `encodeURI(${s})` : `encodeURIComponent(${s})`);
  const key = JSON.stringify(encodeURIComponent(b.name));
  const keyEq = JSON.stringify(encodeURIComponent(b.name) + "=");
  const style = b.style ?? "form";
  const explode = b.explode ?? style === "form";
  if (shape.type === "list") {
    const item = scalarString(ctx, shape.member, "item", "query");
    if (explode) return [`for (const item of ${access}) query.push(${keyEq} + ${enc(item)});`];
    const sep = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
    // The delimiter itself stays literal (a comma or pipe inside an item is escaped); a space is `%20`.
    return [`query.push(${keyEq} + ${access}.map((item) => ${enc(item)}).join(${JSON.stringify(sep === " " ? "%20" : sep)}));`];
  }
  if (shape.type === "map" || shape.type === "structure") {
    const value = shape.type === "map" ? scalarString(ctx, shape.value, "value", "query") : "String(value)";
    if (style === "deepObject") {
      return [`for (const [k, value] of Object.entries(${access})) if (value !== undefined) query.push(${key} + "%5B" + encodeURIComponent(k) + "%5D=" + ${enc(value)});`];
    }
    if (explode) return [`for (const [k, value] of Object.entries(${access})) if (value !== undefined) query.push(encodeURIComponent(k) + "=" + ${enc(value)});`];
    return [`query.push(${keyEq} + Object.entries(${access}).filter(([, value]) => value !== undefined).map(([k, value]) => encodeURIComponent(k) + "," + ${enc(value)}).join(","));`];
  }
  return [`query.push(${keyEq} + ${enc(scalarString(ctx, m, access, "query"))});`];
}

function queryParamsExpr(ctx: Context, m: Member, access: string, members: readonly Member[]): string[] {
  // Explicit @httpQuery members win over entries of the @httpQueryParams map with the same name.
  const taken = members.flatMap((x) => (x.http?.location === "query" ? [x.http.name] : []));
  const shape = shapeOf(ctx.model, m.target);
  const valueRef = shape.type === "map" ? shape.value : m;
  const valueShape = shapeOf(ctx.model, valueRef.target);
  const push = valueShape.type === "list"
    ? `for (const item of value) query.push(encodeURIComponent(key) + "=" + encodeURIComponent(${scalarString(ctx, valueShape.member, "item", "query")}));`
    : `query.push(encodeURIComponent(key) + "=" + encodeURIComponent(${scalarString(ctx, valueRef, "value", "query")}));`;
  return [
    `for (const [key, value] of Object.entries(${access})) {`,
    `  if (value === undefined${taken.map((t) => ` || key === ${JSON.stringify(t)}`).join("")}) continue;`,
    `  ${push}`,
    `}`,
  ];
}

function headerValue(ctx: Context, m: Member, access: string, explode: boolean | undefined): string {
  const shape = shapeOf(ctx.model, m.target);
  if (shape.type === "list") {
    const itemShape = shapeOf(ctx.model, shape.member.target);
    // Smithy: list items that contain a comma or quote are quoted; http-dates are not (they hold a comma by design).
    const item = scalarString(ctx, shape.member, "item", "header");
    const quoted = itemShape.type === "string" || itemShape.type === "enum"
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

/** An expression for the defined entries of an object member as encoded `[key, value]` pairs. */
function objectPairs(ctx: Context, shape: Shape, access: string, encode: (s: string) => string): string {
  const value = shape.type === "map" ? scalarString(ctx, shape.value, "value", "query") : "String(value)";
  return `Object.entries(${access}).filter(([, value]) => value !== undefined).map(([k, value]) => [${encode("k")}, ${encode(value)}] as const)`;
}

/** Cookie pairs in OpenAPI `form` style: `name=a,b` for lists and objects, one pair per item exploded. */
function cookieLines(ctx: Context, m: Member, name: string, explode: boolean, access: string): string[] {
  const shape = shapeOf(ctx.model, m.target);
  const key = JSON.stringify(name + "=");
  const encode = (s: string) => `encodeURIComponent(${s})`;
  if (shape.type === "list") {
    const item = encode(scalarString(ctx, shape.member, "item", "query"));
    return explode ? [`for (const item of ${access}) cookies.push(${key} + ${item});`] : [`cookies.push(${key} + ${access}.map((item) => ${item}).join(","));`];
  }
  if (shape.type === "map" || shape.type === "structure") {
    const pairs = objectPairs(ctx, shape, access, encode);
    return explode ? [`for (const [k, v] of ${pairs}) cookies.push(k + "=" + v);`] : [`cookies.push(${key} + ${pairs}.map(([k, v]) => k + "," + v).join(","));`];
  }
  return [`cookies.push(${key} + ${encode(scalarString(ctx, m, access, "query"))});`];
}

function formFieldLines(ctx: Context, m: Member, access: string, key: string): string[] {
  const shape = shapeOf(ctx.model, m.target);
  if (shape.type === "list") {
    return [`for (const item of ${access}) form.push(${key} + encodeURIComponent(${scalarString(ctx, shape.member, "item", "query")}));`];
  }
  if (shape.type === "map" || shape.type === "structure" || shape.type === "document" || shape.type === "union" || shape.type === "alternatives") {
    return [`form.push(${key} + encodeURIComponent(JSON.stringify(${writeValue(ctx, access, m)})));`];
  }
  return [`form.push(${key} + encodeURIComponent(${scalarString(ctx, m, access, "query")}));`];
}

type Place = "label" | "query" | "header";

/** A scalar as a string for a label, query value or header. */
function scalarString(ctx: Context, ref: Ref & { timestampFormat?: TimestampFormat }, expr: string, place: Place): string {
  const shape = shapeOf(ctx.model, ref.target);
  switch (shape.type) {
    case "string":
    case "enum":
      return expr;
    case "number":
    case "intEnum":
    case "boolean":
      return `String(${expr})`;
    case "blob":
      return `${ctx.file.import("toBase64", RUNTIME)}(${expr})`;
    case "timestamp": {
      const format = ref.timestampFormat ?? shape.format ?? (place === "header" ? "http-date" : "date-time");
      return timestampExpr(ctx, format, expr, true);
    }
    case "document":
    case "list":
    case "map":
    case "structure":
    case "union":
    case "alternatives":
      return `JSON.stringify(${writeValue(ctx, expr, ref)})`;
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

function timestampExpr(ctx: Context, format: TimestampFormat, expr: string, asString: boolean): string {
  switch (format) {
    case "epoch-seconds": {
      const value = `${ctx.file.import("epochSeconds", RUNTIME)}(${expr})`;
      return asString ? `String(${value})` : value;
    }
    case "date-time":
      return `${ctx.file.import("toDateTime", RUNTIME)}(${expr})`;
    case "http-date":
      return `${ctx.file.import("toHttpDate", RUNTIME)}(${expr})`;
  }
}

/** An expression for the JSON form of `expr`, a value of the ref's target. */
function writeValue(ctx: Context, expr: string, ref: Ref & { timestampFormat?: TimestampFormat }): string {
  const shape = shapeOf(ctx.model, ref.target);
  const inner = writeNonNull(ctx, expr, shape, ref.timestampFormat);
  return ref.nullable && inner !== expr ? `${expr} === null ? null : ${inner}` : inner;
}

function writeNonNull(ctx: Context, expr: string, shape: Shape, timestampFormat: TimestampFormat | undefined): string {
  switch (shape.type) {
    case "string":
    case "enum":
    case "intEnum":
    case "boolean":
      return expr;
    case "number":
      return shape.kind === "float" || shape.kind === "double" || shape.kind === "bigDecimal"
        ? `${ctx.file.import("jsonNumber", RUNTIME)}(${expr})`
        : expr;
    case "blob":
      return `${ctx.file.import("toBase64", RUNTIME)}(${expr})`;
    case "timestamp":
      return timestampExpr(ctx, timestampFormat ?? shape.format ?? ctx.defaultTimestamp, expr, false);
    case "document":
    case "alternatives":
      return `${ctx.file.import("plainJson", RUNTIME)}(${expr})`;
    case "list":
    case "map":
    case "structure":
    case "union":
      ctx.writers.add(shape.id);
      return `${ctx.names.jsonWriter(shape.id)}(${expr})`;
    default: {
      const never: never = shape;
      throw new Error(`internal: unknown shape ${String(never)}`);
    }
  }
}

/** A module-private function that turns a list, map, structure or union into its JSON form. */
function jsonWriter(ctx: Context, shape: Shape): string[] {
  const fn = ctx.names.jsonWriter(shape.id);
  const type = ctx.file.importType(typeOf(ctx.names, ctx.model, shape.id), TYPES);
  const head = `function ${fn}(value: ${type}): unknown {`;
  switch (shape.type) {
    case "list": {
      const item = writeValue(ctx, "item", shape.member);
      return [head, item === "item" ? `  return value;` : `  return value.map((item) => ${item});`, `}`];
    }
    case "map":
      // Object.fromEntries defines properties, so a `__proto__` key stays an ordinary key.
      return [
        head,
        `  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ${writeValue(ctx, "item", shape.value)}]));`,
        `}`,
      ];
    case "structure": {
      const lines = [head, `  const out: Record<string, unknown> = {};`];
      for (const m of shape.members) {
        const access = propertyAccess("value", m.name);
        lines.push(`  if (${access} !== undefined) ${setProperty("out", wireName(ctx, m), writeValue(ctx, access, m))}`);
      }
      lines.push(`  return out;`, `}`);
      return lines;
    }
    case "union": {
      const lines = [head];
      for (const m of shape.members) {
        const access = propertyAccess("value", m.name);
        // A computed key, so that a member named `__proto__` stays an own property.
        const key = wireName(ctx, m) === "__proto__" ? `["__proto__"]` : JSON.stringify(wireName(ctx, m));
        lines.push(`  if (${access} !== undefined) return { ${key}: ${writeValue(ctx, access, m)} };`);
      }
      lines.push(`  return {};`, `}`);
      return lines;
    }
    default:
      throw new Error(`internal: no JSON writer for ${shape.type} ${shape.id}`);
  }
}
