// Lowers the shapes of an AWS JSON service description to resolved-model shapes, with the same
// fields the Smithy front end fills from the Smithy traits they correspond to.
//
//   "ClientIdType": { type: "string", min: 1, max: 128, pattern: "[\\w+]+", sensitive: true }
//   → { type: "string", id: "com.amazonaws.cognitoidentityprovider#ClientIdType", name: "ClientIdType",
//       sensitive: true, constraints: { length: { min: 1, max: 128 }, pattern: "[\\w+]+" } }
//   "Req": { type: "structure", required: ["Id"], members: { Id: { shape: "S", location: "uri", locationName: "id" } } }
//   → { type: "structure", members: [{ name: "Id", target: "ns#S", required: true, http: { location: "label", name: "id" }, ... }] }
//
// What each key becomes (the Smithy trait in brackets):
// - `min`/`max`: lengths on strings, blobs, lists and maps [@length], bounds on numbers [@range];
//   `pattern` [@pattern]; `enum` makes an enum shape [enum], its member names made from the values
//   (`userNotification` → `USER_NOTIFICATION`); `sensitive`, `deprecated`/`deprecatedMessage`,
//   `timestampFormat` (`iso8601` → date-time, `rfc822` → http-date, `unixTimestamp` → epoch-seconds).
// - structures: `document` → document, `union` and `eventstream` → union, `exception`/`fault` with
//   `error { httpStatusCode, code, senderFault }` → error kind [@error], status [@httpError] and,
//   in awsQuery services, [@awsQueryError].
// - members: `location` uri → label, querystring → query (a map there: [@httpQueryParams]),
//   header → header, headers → prefix headers, statusCode → response code; the structure's
//   `payload` [@httpPayload]; `hostLabel`, `idempotencyToken`, `queryName` [@ec2QueryName];
//   `locationName` of a member left in the body is its JSON name in rest-json and json
//   [@jsonName] and its XML name in query, ec2 and rest-xml [@xmlName] (ec2Query upper-cases its
//   first letter, as it does `@xmlName`); `xmlNamespace`, `xmlAttribute`, `flattened` (on the
//   member or its target list / map) [@xmlFlattened] (in query, a flattened list's items take the
//   name of the list member's `locationName`, as botocore sends them); `jsonvalue` marks the target string as JSON
//   [@mediaType("application/json")], which a header carries base64-encoded; `streaming` on a
//   member makes its target blob streaming [@streaming], as on the blob itself.
// - no member gets a default: the format has none. `box` (Smithy 1.0's @box) does not say which
//   members Smithy 2.0 gives a zero @default (AWS's Smithy models give it to some unboxed members
//   and not to others, e.g. Cognito's `PasswordPolicyType.MinimumLength` has none), and the SDKs
//   that read this format fill in none.

import type { Constraints, Deprecation, Documentation, EnumValue, HttpBinding, Member, NumberKind, Ref, Shape, ShapeId, TimestampFormat, XmlTraits } from "../model/ir.js";
import type { BotoRef, BotoShape, BotoXmlNamespace } from "./document.js";

export interface ShapeContext {
  readonly namespace: string;
  /** The service's main protocol (`metadata.protocol`): it decides what `locationName` means. */
  readonly protocol: string;
  readonly shapes: Readonly<Record<string, BotoShape>>;
  /** Shapes some member marks `jsonvalue`. */
  readonly jsonValues: ReadonlySet<string>;
  /** Blob shapes some member marks `streaming` (Smithy puts @streaming on the blob itself). */
  readonly streams: ReadonlySet<string>;
}

const NUMBERS: Readonly<Record<string, NumberKind>> = {
  byte: "byte",
  short: "short",
  integer: "integer",
  long: "long",
  float: "float",
  double: "double",
  bigdecimal: "bigDecimal",
  biginteger: "bigInteger",
};

export function shapeIdOf(ctx: Pick<ShapeContext, "namespace">, name: string): ShapeId {
  return `${ctx.namespace}#${name}`;
}

export function lowerShape(ctx: ShapeContext, name: string, boto: BotoShape): Shape {
  const base = {
    id: shapeIdOf(ctx, name),
    name,
    ...docsOf(boto.documentation),
    ...deprecationOf(boto),
    sensitive: boto.sensitive === true,
    constraints: constraintsOf(boto.type, boto),
    ...xmlOf(boto.locationName, boto.xmlNamespace, undefined, undefined),
    ...(ctx.jsonValues.has(name) && (boto.type === "string" || boto.type === "character") ? { mediaType: "application/json" } : {}),
  };
  const number = NUMBERS[boto.type];
  if (number) return { ...base, type: "number", kind: number };
  switch (boto.type) {
    case "string":
    case "character":
      if (boto.enum) return { ...base, type: "enum", values: enumValues(boto.enum) };
      return { ...base, type: "string" };
    case "boolean":
      return { ...base, type: "boolean" };
    case "blob":
      return { ...base, type: "blob", ...(boto.streaming || ctx.streams.has(name) ? { streaming: true } : {}) };
    case "timestamp": {
      const format = timestampFormatOf(boto.timestampFormat);
      return { ...base, type: "timestamp", ...(format ? { format } : {}) };
    }
    case "list":
      return { ...base, type: "list", member: refOf(ctx, boto.member!) };
    case "map":
      return { ...base, type: "map", key: refOf(ctx, boto.key!), value: refOf(ctx, boto.value!) };
    case "structure": {
      if (boto.document) return { ...base, type: "document" };
      const required = new Set(boto.required ?? []);
      const members = Object.entries(boto.members ?? {}).map(([m, ref]) => memberOf(ctx, m, ref, required.has(m), boto.payload === m));
      if (boto.union || boto.eventstream) return { ...base, type: "union", members };
      const isError = boto.exception === true || boto.fault === true || boto.error !== undefined;
      const status = boto.error?.httpStatusCode;
      const code = boto.error?.code;
      const kind = boto.fault === true || (boto.error?.senderFault !== true && status !== undefined && status >= 500) ? "server" : "client";
      return {
        ...base,
        type: "structure",
        members,
        ...(isError ? { error: kind } : {}),
        ...(isError && status !== undefined ? { httpError: status } : {}),
        ...(isError && ctx.protocol === "query" && code !== undefined && status !== undefined ? { awsQueryError: { code, httpResponseCode: status } } : {}),
      };
    }
    default:
      // readBotocore admits only the types above.
      throw new Error(`internal: unknown botocore shape type ${boto.type}`);
  }
}

/** A list member or a map key / value. */
function refOf(ctx: ShapeContext, ref: BotoRef): Ref {
  const target = ctx.shapes[ref.shape]!;
  const constraints = constraintsOf(target.type, ref);
  const format = timestampFormatOf(ref.timestampFormat);
  return {
    target: shapeIdOf(ctx, ref.shape),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    ...(ref.sensitive ? { sensitive: true } : {}),
    ...(format ? { timestampFormat: format } : {}),
    ...xmlOf(ref.locationName, ref.xmlNamespace, ref.xmlAttribute, ref.flattened),
  };
}

function memberOf(ctx: ShapeContext, name: string, ref: BotoRef, required: boolean, payload: boolean): Member {
  const target = ctx.shapes[ref.shape]!;
  const http = bindingOf(ref, name, target, payload);
  const inBody = http === undefined;
  const jsonish = ctx.protocol === "json" || ctx.protocol === "rest-json";
  const format = timestampFormatOf(ref.timestampFormat);
  const flattened = ref.flattened ?? ((target.type === "list" || target.type === "map") && target.flattened === true ? true : undefined);
  // awsQuery names a flattened list's items after the list member's locationName (botocore's
  // query serializer), which Smithy writes as the member's @xmlName.
  const flatName = ctx.protocol === "query" && flattened && target.type === "list" ? target.member?.locationName : undefined;
  return {
    name,
    target: shapeIdOf(ctx, ref.shape),
    required,
    ...docsOf(ref.documentation),
    ...deprecationOf(ref),
    constraints: constraintsOf(target.type, ref),
    ...(inBody && jsonish && ref.locationName !== undefined ? { jsonName: ref.locationName } : {}),
    ...(format ? { timestampFormat: format } : {}),
    ...(http ? { http } : {}),
    ...xmlOf(inBody && !jsonish ? flatName ?? ref.locationName : undefined, ref.xmlNamespace, ref.xmlAttribute, flattened),
    ...(ref.hostLabel ? { hostLabel: true } : {}),
    ...(ref.queryName !== undefined ? { ec2QueryName: ref.queryName } : {}),
    ...(ref.idempotencyToken ? { idempotencyToken: true } : {}),
    ...(ref.sensitive ? { sensitive: true } : {}),
  };
}

function bindingOf(ref: BotoRef, name: string, target: BotoShape, payload: boolean): HttpBinding | undefined {
  const wire = ref.locationName ?? name;
  switch (ref.location) {
    case undefined:
      return payload ? { location: "payload" } : undefined;
    case "uri":
      return { location: "label", name: wire };
    case "querystring":
      return target.type === "map" ? { location: "queryParams" } : { location: "query", name: wire };
    case "header":
      return { location: "header", name: wire };
    case "headers":
      return { location: "prefixHeaders", prefix: ref.locationName ?? "" };
    case "statusCode":
      return { location: "responseCode" };
    default: {
      const never: never = ref.location;
      throw new Error(`internal: unknown location ${String(never)}`);
    }
  }
}

/** `min` / `max` / `pattern` by the type they constrain: lengths, or bounds of numbers. */
function constraintsOf(type: string, keys: { readonly min?: number; readonly max?: number; readonly pattern?: string }): Constraints {
  const bounds = {
    ...(typeof keys.min === "number" ? { min: keys.min } : {}),
    ...(typeof keys.max === "number" ? { max: keys.max } : {}),
  };
  const has = Object.keys(bounds).length > 0;
  const numeric = NUMBERS[type] !== undefined;
  const sized = type === "string" || type === "character" || type === "blob" || type === "list" || type === "map";
  return {
    ...(has && sized ? { length: bounds } : {}),
    ...(has && numeric ? { range: bounds } : {}),
    ...(typeof keys.pattern === "string" && (type === "string" || type === "character") ? { pattern: keys.pattern } : {}),
  };
}

function xmlOf(name: string | undefined, ns: BotoXmlNamespace | undefined, attribute: boolean | undefined, flattened: boolean | undefined): { xml?: XmlTraits } {
  const namespace = typeof ns === "string" ? { uri: ns } : ns && typeof ns.uri === "string" ? { uri: ns.uri, ...(typeof ns.prefix === "string" ? { prefix: ns.prefix } : {}) } : undefined;
  const xml: XmlTraits = {
    ...(name !== undefined ? { name } : {}),
    ...(attribute ? { attribute: true } : {}),
    ...(flattened ? { flattened: true } : {}),
    ...(namespace ? { namespace } : {}),
  };
  return Object.keys(xml).length > 0 ? { xml } : {};
}

/** Enum member names from the values, as AWS's Smithy models name them: `userNotification` → `USER_NOTIFICATION`. */
function enumValues(values: readonly string[]): EnumValue[] {
  const used = new Set<string>();
  return values.map((value) => {
    let name = value
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .toUpperCase();
    if (name === "" || /^[0-9]/.test(name)) name = `V_${name}`;
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name}_${n}`;
    used.add(unique);
    return { name: unique, value };
  });
}

export function timestampFormatOf(format: string | undefined): TimestampFormat | undefined {
  switch (format) {
    case "iso8601":
      return "date-time";
    case "rfc822":
      return "http-date";
    case "unixTimestamp":
      return "epoch-seconds";
    default:
      return undefined;
  }
}

export function docsOf(text: string | undefined): { docs?: Documentation } {
  if (typeof text !== "string" || text.trim() === "") return {};
  return { docs: { text, format: /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i.test(text) ? "html" : "commonmark" } };
}

export function deprecationOf(keys: { readonly deprecated?: boolean; readonly deprecatedMessage?: string }): { deprecated?: Deprecation } {
  if (keys.deprecated !== true) return {};
  return { deprecated: typeof keys.deprecatedMessage === "string" ? { message: keys.deprecatedMessage } : {} };
}
