// Lowers a (mixin-flattened) Smithy model to the resolved model, one per service.
//
//   service ns#Svc { operations: [Op] } @awsJson1_1
//   operation ns#Op { input: ns#OpRequest }
//   structure ns#OpRequest { @required Name: String }
//   → { service: { name: "Svc", protocol: "awsJson1_1" },
//       operations: [{ name: "Op", input: "ns#OpRequest" }],
//       shapes: Map { "ns#OpRequest" → structure, "smithy.api#String" → string } }
//
// Only the shapes reachable from the service's operations are kept. Traits become typed fields
// (constraints, docs, http bindings, the xml and protocol traits, client behaviours such as
// `@idempotencyToken`); the service keeps every protocol trait it declares, and the protocol
// registry picks the one it generates for. `smithy.api#Unit` is a shape (`type: "unit"`): union
// members may target it; an operation whose input or output is `Unit` has none.
//
// Auth: the service's auth traits become `service.auth` in `@auth` order (else by trait id), an
// operation's own `@auth` becomes `operation.auth` (`@auth([])` → `[]`, unsigned):
//   @sigv4(name: "cognito-idp") service Svc; @auth([]) @optionalAuth operation InitiateAuth
//   → service.auth: [{ type: "sigv4", id: "aws.auth#sigv4", name: "cognito-idp" }],
//     InitiateAuth: { auth: [], optionalAuth: true }

import type { Diagnostics } from "../diagnostics.js";
import type {
  AuthScheme,
  BlobShape,
  ClientContextParam,
  Constraints,
  Deprecation,
  Documentation,
  EnumShape,
  EnumValue,
  HttpBinding,
  IntEnumShape,
  IntEnumValue,
  ListShape,
  MapShape,
  Member,
  NumberKind,
  NumberShape,
  Operation,
  ProtocolTrait,
  Ref,
  ResolvedModel,
  Shape,
  ShapeId,
  StructureShape,
  TimestampFormat,
  TimestampShape,
  UnionShape,
  XmlTraits,
} from "../model/ir.js";
import { BigNumberNode, isObjectNode, type AstMemberRef, type AstShape, type NodeValue } from "./ast.js";
import { whereIs, type SmithyModel } from "./assemble.js";
import { preludeShape } from "./prelude-shapes.js";

const NUMBER_KINDS: ReadonlySet<string> = new Set([
  "byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal",
]);

export function lowerSmithy(model: SmithyModel, name: string, sources: readonly string[], diags: Diagnostics): ResolvedModel[] {
  const services = [...model.shapes].filter(([, s]) => s.type === "service").sort(([a], [b]) => (a < b ? -1 : 1));
  if (services.length === 0) {
    diags.error("SMITHY_NO_SERVICE", `The model ${sources.join(", ")} defines no service shape`, {
      ...(sources[0] ? { file: sources[0] } : {}),
      hint: "Add a service shape that lists the operations to generate.",
    });
    return [];
  }
  return services.map(([id, service]) =>
    lowerService(model, id, service, services.length === 1 ? name : `${name}-${kebab(localName(id))}`, sources, diags),
  );
}

function lowerService(
  model: SmithyModel,
  serviceId: string,
  service: AstShape,
  name: string,
  sources: readonly string[],
  diags: Diagnostics,
): ResolvedModel {
  const traits = service.traits ?? {};
  const protocols: ProtocolTrait[] = Object.keys(traits)
    .filter((t) => isProtocolTrait(model, t))
    .sort()
    .map((id) => ({ id, value: traits[id] }));
  const awsService = objectOf(traits["aws.api#service"]);
  const rename = service.rename ?? {};
  const authFail = (message: string, hint: string, ...inner: (string | number)[]) =>
    diags.error("SMITHY_INVALID_MODEL", message, { ...whereIs(model, serviceId, ...inner), hint });
  const supportedAuth = authSchemesOf(model, serviceId, traits, authFail);
  const serviceAuth = authOrder(serviceId, traits, supportedAuth, (message, hint) =>
    authFail(message, hint, "traits", "smithy.api#auth"),
  );
  const shapeName = (id: string): string => rename[id] ?? localName(id);

  // Operations: directly bound, and bound through resources (recursively).
  const operationIds = new Set<string>();
  const seenResources = new Set<string>();
  const walkResource = (shape: AstShape) => {
    for (const key of ["create", "put", "read", "update", "delete", "list"] as const) {
      const ref = shape[key];
      if (ref) operationIds.add(ref.target);
    }
    for (const ref of [...(shape.operations ?? []), ...(shape.collectionOperations ?? [])]) operationIds.add(ref.target);
    for (const ref of shape.resources ?? []) {
      if (seenResources.has(ref.target)) continue;
      seenResources.add(ref.target);
      const child = model.shapes.get(ref.target);
      if (child) walkResource(child);
    }
  };
  walkResource(service);

  const shapes = new Map<ShapeId, Shape>();
  const pending: string[] = [];
  const queued = new Set<string>();
  const want = (id: string | undefined): string | undefined => {
    if (id === undefined) return undefined;
    if (!queued.has(id)) {
      queued.add(id);
      pending.push(id);
    }
    return id;
  };
  const wantValue = (id: string | undefined): string | undefined => (id === "smithy.api#Unit" ? undefined : want(id));
  const operations: Operation[] = [];
  for (const opId of operationIds) {
    const op = model.shapes.get(opId);
    if (!op || op.type !== "operation") continue;
    const opTraits = op.traits ?? {};
    const http = objectOf(opTraits["smithy.api#http"]);
    const input = wantValue(op.input?.target);
    const output = wantValue(op.output?.target);
    const endpoint = objectOf(opTraits["smithy.api#endpoint"]);
    const compression = objectOf(opTraits["smithy.api#requestCompression"])?.["encodings"];
    const checksum = objectOf(opTraits["aws.protocols#httpChecksum"]);
    const algorithmMember = checksum?.["requestAlgorithmMember"];
    operations.push({
      id: opId,
      name: shapeName(opId),
      ...(input ? { input } : {}),
      ...(output ? { output } : {}),
      errors: [...(op.errors ?? []), ...(service.errors ?? [])].map((e) => want(e.target)!).filter(Boolean),
      ...docsField(opTraits),
      ...deprecationField(opTraits),
      ...(http && typeof http["method"] === "string" && typeof http["uri"] === "string"
        ? { http: { method: http["method"], uri: http["uri"], ...(typeof http["code"] === "number" ? { code: http["code"] } : {}) } }
        : {}),
      ...(endpoint && typeof endpoint["hostPrefix"] === "string" ? { endpoint: { hostPrefix: endpoint["hostPrefix"] } } : {}),
      ...(Array.isArray(compression) ? { requestCompression: compression.filter((e): e is string => typeof e === "string") } : {}),
      ...("smithy.api#httpChecksumRequired" in opTraits ? { httpChecksumRequired: true } : {}),
      ...(checksum
        ? {
            httpChecksum: {
              requestChecksumRequired: checksum["requestChecksumRequired"] === true,
              ...(typeof algorithmMember === "string" ? { requestAlgorithmMember: algorithmMember } : {}),
            },
          }
        : {}),
      ...(Array.isArray(opTraits["smithy.api#auth"])
        ? {
            auth: authOrder(opId, opTraits, supportedAuth, (message, hint) =>
              diags.error("SMITHY_INVALID_MODEL", message, { ...whereIs(model, opId, "traits", "smithy.api#auth"), hint }),
            ),
          }
        : {}),
      ...("smithy.api#optionalAuth" in opTraits ? { optionalAuth: true } : {}),
      ...("aws.auth#unsignedPayload" in opTraits ? { unsignedPayload: true } : {}),
      ...("smithy.api#idempotent" in opTraits ? { idempotent: true } : {}),
      ...("aws.customizations#s3UnwrappedXmlOutput" in opTraits ? { s3UnwrappedXmlOutput: true } : {}),
      ...("smithy.api#readonly" in opTraits ? { readonly: true } : {}),
      ...contextParamsOf(opTraits),
    });
  }
  operations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (let next = 0; next < pending.length; next++) {
    const id = pending[next]!;
    if (shapes.has(id)) continue;
    const ast = model.shapes.get(id) ?? preludeShape(id);
    if (!ast) continue; // reported by checkReferences
    const shape = lowerShape(id, shapeName(id), ast, want, (message, ...inner) =>
      diags.error("SMITHY_INVALID_MODEL", message, whereIs(model, id, ...inner)),
    );
    if (shape) shapes.set(id, shape);
  }

  return {
    name,
    sources,
    service: {
      id: serviceId,
      name: localName(serviceId),
      ...(service.version !== undefined ? { version: service.version } : {}),
      protocols,
      ...("aws.protocols#awsQueryCompatible" in traits ? { awsQueryCompatible: true } : {}),
      ...(typeof objectOf(traits["aws.api#service"])?.["sdkId"] === "string" ? { sdkId: objectOf(traits["aws.api#service"])!["sdkId"] as string } : {}),
      ...docsField(traits),
      ...xmlField(traits),
      ...(typeof awsService?.["endpointPrefix"] === "string" ? { endpointPrefix: awsService["endpointPrefix"] } : {}),
      ...(isObjectNode(traits["smithy.rules#endpointRuleSet"]) ? { endpointRules: traits["smithy.rules#endpointRuleSet"] } : {}),
      ...clientContextParamsOf(traits),
      ...(serviceAuth.length > 0 ? { auth: serviceAuth } : {}),
    },
    operations,
    shapes: new Map([...shapes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

/** Traits of the protocol namespaces that are not protocols themselves. */
const NOT_PROTOCOLS: ReadonlySet<string> = new Set(["ec2QueryName", "awsQueryError", "awsQueryCompatible", "httpChecksum"]);

/**
 * A protocol trait is one whose definition carries `@protocolDefinition`. Models loaded without
 * their trait definitions (the AWS models) are read by namespace: `aws.protocols#restXml`.
 */
function isProtocolTrait(model: SmithyModel, id: string): boolean {
  const definition = model.shapes.get(id);
  if (definition) return "smithy.api#protocolDefinition" in (definition.traits ?? {});
  const [ns, name = ""] = id.split("#");
  return (ns === "aws.protocols" || ns === "smithy.protocols") && !NOT_PROTOCOLS.has(name);
}

/** The auth traits of the AWS models (loaded without their definitions) and of the prelude. */
const KNOWN_AUTH_TRAITS: ReadonlySet<string> = new Set([
  "aws.auth#sigv4",
  "aws.auth#sigv4a",
  "smithy.api#httpBearerAuth",
  "smithy.api#httpBasicAuth",
  "smithy.api#httpDigestAuth",
  "smithy.api#httpApiKeyAuth",
]);

/**
 * The auth traits applied to a service, by trait id: a trait whose definition carries
 * `@authDefinition`, or one of `KNOWN_AUTH_TRAITS` when the model has no definition for it.
 */
function authSchemesOf(
  model: SmithyModel,
  serviceId: string,
  traits: Record<string, NodeValue>,
  fail: (message: string, hint: string, ...inner: (string | number)[]) => void,
): Map<string, AuthScheme> {
  const schemes = new Map<string, AuthScheme>();
  for (const id of Object.keys(traits).sort()) {
    const definition = model.shapes.get(id);
    const isAuth = definition ? "smithy.api#authDefinition" in (definition.traits ?? {}) : KNOWN_AUTH_TRAITS.has(id);
    if (!isAuth) continue;
    const value = objectOf(traits[id]) ?? {};
    const text = (key: string): string | undefined => (typeof value[key] === "string" && value[key] !== "" ? (value[key] as string) : undefined);
    const missing = (key: string, example: string) =>
      fail(`Service \`${serviceId}\`: the @${localName(id)} trait needs \`${key}\``, `Write it, e.g. @${localName(id)}(${example}).`, "traits", id);
    switch (id) {
      case "aws.auth#sigv4":
      case "aws.auth#sigv4a": {
        const name = text("name");
        if (name === undefined) missing("name", 'name: "myservice"');
        else schemes.set(id, id === "aws.auth#sigv4" ? { type: "sigv4", id, name } : { type: "sigv4a", id, name });
        break;
      }
      case "smithy.api#httpBearerAuth":
        schemes.set(id, { type: "httpBearerAuth", id: "smithy.api#httpBearerAuth" });
        break;
      case "smithy.api#httpBasicAuth":
        schemes.set(id, { type: "httpBasicAuth", id: "smithy.api#httpBasicAuth" });
        break;
      case "smithy.api#httpDigestAuth":
        schemes.set(id, { type: "httpDigestAuth", id: "smithy.api#httpDigestAuth" });
        break;
      case "smithy.api#httpApiKeyAuth": {
        const name = text("name");
        const where = value["in"];
        const scheme = text("scheme");
        if (name === undefined) missing("name", 'name: "X-Api-Key", in: "header"');
        else if (where !== "header" && where !== "query") missing("in", `name: "${name}", in: "header"`);
        else schemes.set(id, { type: "httpApiKeyAuth", id: "smithy.api#httpApiKeyAuth", name, in: where, ...(scheme !== undefined ? { scheme } : {}) });
        break;
      }
      default:
        schemes.set(id, { type: "other", id, value: traits[id] });
    }
  }
  return schemes;
}

/**
 * The schemes in effect for a service or operation: its `@auth` list, in that order (each id must
 * be an auth trait of the service), else (a service without `@auth`) every scheme of the service
 * in shape id order, as Smithy resolves them.
 */
function authOrder(
  id: string,
  traits: Record<string, NodeValue>,
  supported: ReadonlyMap<string, AuthScheme>,
  fail: (message: string, hint: string) => void,
): AuthScheme[] {
  const listed = traits["smithy.api#auth"];
  if (!Array.isArray(listed)) return [...supported.values()];
  const order: AuthScheme[] = [];
  for (const entry of listed) {
    const scheme = typeof entry === "string" ? supported.get(entry) : undefined;
    if (scheme) order.push(scheme);
    else
      fail(
        `\`${id}\`: @auth lists ${JSON.stringify(entry)}, which is not an auth scheme of the service`,
        supported.size > 0
          ? `The service supports ${[...supported.keys()].join(", ")}; list only these, or apply the trait to the service.`
          : "Apply the auth trait (e.g. @aws.auth#sigv4(name: ...)) to the service, or remove it from @auth.",
      );
  }
  return order;
}

type Fail = (message: string, ...inner: (string | number)[]) => void;

/** An IR object being filled in: fields are set one by one, each only when present. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

// The shapes and members below are built by assignments, not spreads of conditional object
// literals: every shape and member of every model passes here, and a spread per optional field
// cost more than the rest of the lowering. Fields are set in the order the IR's objects have
// always listed them (a change of key order would show in anything that walks the keys).

function lowerShape(id: string, name: string, ast: AstShape, want: (id: string) => string | undefined, fail: Fail): Shape | undefined {
  const traits = ast.traits ?? {};
  const docs = docsOf(traits);
  const deprecated = deprecationOf(traits);
  const sensitive = "smithy.api#sensitive" in traits;
  const baseConstraints = constraintsOf(traits);
  const xml = xmlOf(traits);
  const mediaType = traits["smithy.api#mediaType"];
  /** The shape with the fields every type has, then its `type`; the caller sets the type's own fields. */
  const start = <S extends Shape>(type: S["type"], constraints: Constraints = baseConstraints): Writable<S> => {
    const shape = { id, name } as Writable<S>;
    if (docs !== undefined) shape.docs = docs;
    if (deprecated !== undefined) shape.deprecated = deprecated;
    shape.sensitive = sensitive;
    shape.constraints = constraints;
    if (xml !== undefined) shape.xml = xml;
    if (typeof mediaType === "string") shape.mediaType = mediaType;
    shape.type = type;
    return shape;
  };
  const ref = (r: AstMemberRef | undefined, what: string, nullable: boolean): Ref => {
    if (!r) {
      fail(`Shape \`${id}\` has no ${what}`, what);
      return nullable ? { target: "smithy.api#Document", nullable: true } : { target: "smithy.api#Document" };
    }
    want(r.target);
    // Traits on a list member or a map key / value constrain that position (`@length(max: 5) member: String`).
    const own = r.traits ?? {};
    const out: Writable<Ref> = { target: r.target };
    const constraints = constraintsOf(own);
    if (!isEmpty(constraints)) out.constraints = constraints;
    if ("smithy.api#sensitive" in own) out.sensitive = true;
    const format = timestampFormatOf(own);
    if (format) out.timestampFormat = format;
    const refXml = xmlOf(own);
    if (refXml !== undefined) out.xml = refXml;
    if (nullable) out.nullable = true;
    return out;
  };
  const type = ast.type;
  if (id === "smithy.api#Unit") return start("unit");
  if (NUMBER_KINDS.has(type)) {
    const shape = start<NumberShape>("number");
    shape.kind = type as NumberKind;
    return shape;
  }
  switch (type) {
    case "string": {
      const legacy = traits["smithy.api#enum"];
      if (Array.isArray(legacy)) {
        const shape = start<EnumShape>("enum");
        shape.values = legacyEnumValues(legacy);
        return shape;
      }
      return start("string");
    }
    case "boolean":
      return start("boolean");
    case "blob": {
      const shape = start<BlobShape>("blob");
      if ("smithy.api#streaming" in traits) shape.streaming = true;
      return shape;
    }
    case "timestamp": {
      const shape = start<TimestampShape>("timestamp");
      const format = timestampFormatOf(traits);
      if (format) shape.format = format;
      return shape;
    }
    case "document":
      return start("document");
    case "enum": {
      const values: EnumValue[] = [];
      for (const [memberName, m] of Object.entries(ast.members ?? {})) {
        const own = m.traits ?? {};
        const value = own["smithy.api#enumValue"];
        values.push(enumValue<EnumValue>(memberName, typeof value === "string" ? value : memberName, own));
      }
      const shape = start<EnumShape>("enum");
      shape.values = values;
      return shape;
    }
    case "intEnum": {
      const values: IntEnumValue[] = [];
      for (const [memberName, m] of Object.entries(ast.members ?? {})) {
        const own = m.traits ?? {};
        const value = own["smithy.api#enumValue"];
        if (typeof value !== "number" || !Number.isInteger(value)) {
          fail(`intEnum member \`${id}$${memberName}\` needs an integer @enumValue`, "members", memberName);
          continue;
        }
        values.push(enumValue<IntEnumValue>(memberName, value, own));
      }
      const shape = start<IntEnumShape>("intEnum");
      shape.values = values;
      return shape;
    }
    case "list":
    case "set": {
      const member = ref(ast.member, "member", "smithy.api#sparse" in traits);
      const shape = start<ListShape>("list", type === "set" ? { ...baseConstraints, uniqueItems: true } : baseConstraints);
      shape.member = member;
      return shape;
    }
    case "map": {
      const value = ref(ast.value, "value", "smithy.api#sparse" in traits);
      const shape = start<MapShape>("map");
      shape.key = ref(ast.key, "key", false);
      shape.value = value;
      return shape;
    }
    case "structure":
    case "union": {
      const members: Member[] = [];
      for (const [memberName, m] of Object.entries(ast.members ?? {})) members.push(lowerMember(memberName, m, want));
      if (type === "union") {
        const shape = start<UnionShape>("union");
        shape.members = members;
        if ("smithy.api#streaming" in traits) shape.streaming = true;
        return shape;
      }
      const shape = start<StructureShape>("structure");
      shape.members = members;
      const error = traits["smithy.api#error"];
      if (error === "client" || error === "server") shape.error = error;
      const httpError = traits["smithy.api#httpError"];
      if (typeof httpError === "number") shape.httpError = httpError;
      const queryError = objectOf(traits["aws.protocols#awsQueryError"]);
      if (queryError && typeof queryError["code"] === "string" && typeof queryError["httpResponseCode"] === "number") {
        shape.awsQueryError = { code: queryError["code"], httpResponseCode: queryError["httpResponseCode"] };
      }
      return shape;
    }
    default:
      fail(`Shape \`${id}\` of type ${type} cannot be used as a value`);
      return undefined;
  }
}

/** An enum or intEnum value with its own docs and deprecation. */
function enumValue<V extends EnumValue | IntEnumValue>(name: string, value: V["value"], traits: Record<string, NodeValue>): V {
  const out = { name, value } as Writable<V>;
  const docs = docsOf(traits);
  if (docs !== undefined) out.docs = docs;
  const deprecated = deprecationOf(traits);
  if (deprecated !== undefined) out.deprecated = deprecated;
  return out;
}

function lowerMember(name: string, m: AstMemberRef, want: (id: string) => string | undefined): Member {
  want(m.target);
  const traits = m.traits ?? {};
  const member = { name, target: m.target, required: "smithy.api#required" in traits } as Writable<Member>;
  const docs = docsOf(traits);
  if (docs !== undefined) member.docs = docs;
  const deprecated = deprecationOf(traits);
  if (deprecated !== undefined) member.deprecated = deprecated;
  member.constraints = constraintsOf(traits);
  const jsonName = traits["smithy.api#jsonName"];
  if (typeof jsonName === "string") member.jsonName = jsonName;
  const format = timestampFormatOf(traits);
  if (format) member.timestampFormat = format;
  const http = httpBindingOf(traits, name);
  if (http) member.http = http;
  const xml = xmlOf(traits);
  if (xml !== undefined) member.xml = xml;
  if ("smithy.api#hostLabel" in traits) member.hostLabel = true;
  const ec2QueryName = traits["aws.protocols#ec2QueryName"];
  if (typeof ec2QueryName === "string") member.ec2QueryName = ec2QueryName;
  if ("smithy.api#idempotencyToken" in traits) member.idempotencyToken = true;
  if ("smithy.api#default" in traits) member.default = traits["smithy.api#default"];
  if ("smithy.api#clientOptional" in traits) member.clientOptional = true;
  if ("smithy.api#sensitive" in traits) member.sensitive = true;
  const contextParam = objectOf(traits["smithy.rules#contextParam"])?.["name"];
  if (typeof contextParam === "string") member.contextParam = contextParam;
  return member;
}

/** `smithy.rules#clientContextParams` of a service: `{ Name: { type, documentation } }`. */
function clientContextParamsOf(traits: Record<string, NodeValue>): { clientContextParams?: ClientContextParam[] } {
  const params = objectOf(traits["smithy.rules#clientContextParams"]);
  if (!params) return {};
  const out: ClientContextParam[] = [];
  for (const [name, def] of Object.entries(params)) {
    const d = objectOf(def);
    if (!d || typeof d["type"] !== "string") continue;
    out.push({ name, type: d["type"], ...docsField({ ["smithy.api#documentation"]: d["documentation"] ?? null }) });
  }
  return { clientContextParams: out };
}

/** `smithy.rules#staticContextParams` (`{ Name: { value } }`) and `#operationContextParams` (`{ Name: { path } }`). */
function contextParamsOf(traits: Record<string, NodeValue>): Pick<Operation, "staticContextParams" | "operationContextParams"> {
  const statics = objectOf(traits["smithy.rules#staticContextParams"]);
  const paths = objectOf(traits["smithy.rules#operationContextParams"]);
  const staticContextParams = Object.entries(statics ?? {}).flatMap(([name, def]) => {
    const d = objectOf(def);
    return d && "value" in d ? [{ name, value: d["value"] as unknown }] : [];
  });
  const operationContextParams = Object.entries(paths ?? {}).flatMap(([name, def]) => {
    const path = objectOf(def)?.["path"];
    return typeof path === "string" ? [{ name, path }] : [];
  });
  return {
    ...(statics ? { staticContextParams } : {}),
    ...(paths ? { operationContextParams } : {}),
  };
}

/** `@xmlName`, `@xmlAttribute`, `@xmlFlattened` and `@xmlNamespace`, when any is present. */
function xmlOf(traits: Record<string, NodeValue>): XmlTraits | undefined {
  const name = traits["smithy.api#xmlName"];
  const attribute = "smithy.api#xmlAttribute" in traits;
  const flattened = "smithy.api#xmlFlattened" in traits;
  const ns = objectOf(traits["smithy.api#xmlNamespace"]);
  const namespace = ns && typeof ns["uri"] === "string" ? ns : undefined;
  if (typeof name !== "string" && !attribute && !flattened && namespace === undefined) return undefined;
  const xml: Writable<XmlTraits> = {};
  if (typeof name === "string") xml.name = name;
  if (attribute) xml.attribute = true;
  if (flattened) xml.flattened = true;
  if (namespace !== undefined) {
    const prefix = namespace["prefix"];
    xml.namespace = typeof prefix === "string" ? { uri: namespace["uri"] as string, prefix } : { uri: namespace["uri"] as string };
  }
  return xml;
}

function httpBindingOf(traits: Record<string, NodeValue>, memberName: string): HttpBinding | undefined {
  if ("smithy.api#httpLabel" in traits) return { location: "label", name: memberName };
  const query = traits["smithy.api#httpQuery"];
  if (typeof query === "string") return { location: "query", name: query };
  if ("smithy.api#httpQueryParams" in traits) return { location: "queryParams" };
  const header = traits["smithy.api#httpHeader"];
  if (typeof header === "string") return { location: "header", name: header };
  const prefix = traits["smithy.api#httpPrefixHeaders"];
  if (typeof prefix === "string") return { location: "prefixHeaders", prefix };
  if ("smithy.api#httpPayload" in traits) return { location: "payload" };
  if ("smithy.api#httpResponseCode" in traits) return { location: "responseCode" };
  return undefined;
}

function legacyEnumValues(defs: NodeValue[]): EnumValue[] {
  const values: EnumValue[] = [];
  for (const def of defs) {
    const d = objectOf(def);
    const value = d?.["value"];
    if (!d || typeof value !== "string") continue;
    const name = typeof d["name"] === "string" ? d["name"] : value;
    const doc = d["documentation"];
    values.push({
      name,
      value,
      ...(typeof doc === "string" ? { docs: documentation(doc) } : {}),
      ...(d["deprecated"] === true ? { deprecated: {} } : {}),
    });
  }
  return values;
}

function constraintsOf(traits: Record<string, NodeValue>): Constraints {
  const out: { -readonly [K in keyof Constraints]: Constraints[K] } = {};
  const length = objectOf(traits["smithy.api#length"]);
  if (length) out.length = bounds(length);
  const pattern = traits["smithy.api#pattern"];
  if (typeof pattern === "string") out.pattern = pattern;
  const range = objectOf(traits["smithy.api#range"]);
  if (range) out.range = rangeBounds(range);
  if ("smithy.api#uniqueItems" in traits) out.uniqueItems = true;
  return out;
}

function bounds(value: Record<string, NodeValue>): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  const min = boundOf(value["min"]);
  if (min !== undefined) out.min = min;
  const max = boundOf(value["max"]);
  if (max !== undefined) out.max = max;
  return out;
}

function boundOf(v: NodeValue | undefined): number | undefined {
  return typeof v === "number" ? v : v instanceof BigNumberNode ? v.approx : typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : undefined;
}

/** `@range` bounds; a bound a float64 cannot hold keeps its text as well (`minText`, `maxText`). */
function rangeBounds(value: Record<string, NodeValue>): NonNullable<Constraints["range"]> {
  const out: Writable<NonNullable<Constraints["range"]>> = bounds(value);
  const min = value["min"];
  if (min instanceof BigNumberNode) out.minText = min.text;
  const max = value["max"];
  if (max instanceof BigNumberNode) out.maxText = max.text;
  return out;
}

function timestampFormatOf(traits: Record<string, NodeValue>): TimestampFormat | undefined {
  const f = traits["smithy.api#timestampFormat"];
  return f === "epoch-seconds" || f === "date-time" || f === "http-date" ? f : undefined;
}

function docsOf(traits: Record<string, NodeValue>): Documentation | undefined {
  const text = traits["smithy.api#documentation"];
  return typeof text === "string" && text.trim() !== "" ? documentation(text) : undefined;
}

/** Smithy documentation is CommonMark by the spec; AWS writes HTML, recognised by its tags. */
function documentation(text: string): Documentation {
  return { text, format: /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i.test(text) ? "html" : "commonmark" };
}

function deprecationOf(traits: Record<string, NodeValue>): Deprecation | undefined {
  if (!("smithy.api#deprecated" in traits)) return undefined;
  const d = objectOf(traits["smithy.api#deprecated"]) ?? {};
  const message = d["message"];
  const since = d["since"];
  const deprecated: Writable<Deprecation> = {};
  if (typeof message === "string") deprecated.message = message;
  if (typeof since === "string") deprecated.since = since;
  return deprecated;
}

/** The optional fields as objects to spread (services and operations: few, not worth assignments). */
function docsField(traits: Record<string, NodeValue>): { docs?: Documentation } {
  const docs = docsOf(traits);
  return docs === undefined ? {} : { docs };
}

function deprecationField(traits: Record<string, NodeValue>): { deprecated?: Deprecation } {
  const deprecated = deprecationOf(traits);
  return deprecated === undefined ? {} : { deprecated };
}

function xmlField(traits: Record<string, NodeValue>): { xml?: XmlTraits } {
  const xml = xmlOf(traits);
  return xml === undefined ? {} : { xml };
}

function isEmpty(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

function objectOf(value: NodeValue | undefined): Record<string, NodeValue> | undefined {
  return isObjectNode(value) ? value : undefined;
}

function localName(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}
