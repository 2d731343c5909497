// The resolved model: the one data structure every emitter reads.
//
// Front ends (Smithy JSON AST, Smithy IDL, OpenAPI) each lower their input into a
// `ResolvedModel`; emitters never look at the original document. Everything here is plain,
// immutable data with deterministic order (shapes sorted by id, members in declared order).
//
//   structure Foo { @required @length(min: 1) Name: String }
//   → { type: "structure", id: "ns#Foo", name: "Foo",
//       members: [{ name: "Name", target: "smithy.api#String", required: true,
//                   constraints: { length: { min: 1 } }, ... }], ... }

/** An absolute shape id, e.g. `com.amazonaws.cognitoidentityprovider#ClientIdType`. */
export type ShapeId = string;

/** Documentation text and the markup it is written in (AWS writes HTML, OpenAPI CommonMark). */
export interface Documentation {
  readonly text: string;
  readonly format: "html" | "commonmark";
}

export interface Deprecation {
  readonly message?: string;
  readonly since?: string;
}

/**
 * Every constraint a validator enforces. A constraint on a member applies on top of the
 * constraints of its target (the member's win where both set the same key).
 */
export interface Constraints {
  /** Strings: Unicode code points. Blobs: bytes. Lists and maps: entries. */
  readonly length?: { readonly min?: number; readonly max?: number };
  /** ECMA-262 regular expression source, not implicitly anchored. */
  readonly pattern?: string;
  readonly range?: {
    readonly min?: number;
    readonly max?: number;
    /**
     * A bound as the model wrote it when a float64 cannot hold it (`9223372036854775808`,
     * `0.100000000000000000000001`); `min` / `max` is then the nearest float64. Validators of
     * bigInteger and bigDecimal values compare against the text, exactly.
     */
    readonly minText?: string;
    readonly maxText?: string;
    /** OpenAPI `exclusiveMinimum`: the bound itself is rejected. */
    readonly exclusiveMin?: boolean;
    readonly exclusiveMax?: boolean;
  };
  readonly multipleOf?: number;
  /** Lists: no two items are equal (deep equality). */
  readonly uniqueItems?: boolean;
  /** Objects (maps and structures): number of properties present. */
  readonly properties?: { readonly min?: number; readonly max?: number };
}

/**
 * Where a member travels in an HTTP message. The same binding reads both ways: `label`, `query`,
 * `queryParams`, `cookie` and `hostLabel` only exist in requests, `responseCode` only in responses;
 * `header`, `prefixHeaders`, `payload` and `body` in both.
 */
export type HttpBinding =
  | {
      readonly location: "label";
      readonly name: string;
      readonly greedy?: boolean;
      /** OpenAPI path `style` (default `simple`, as Smithy labels are) and `explode` (default false). */
      readonly style?: "simple" | "label" | "matrix";
      readonly explode?: boolean;
      readonly content?: ParameterContent;
    }
  | {
      readonly location: "query";
      readonly name: string;
      /** OpenAPI `style` (Smithy query bindings are `form`, exploded). */
      readonly style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
      readonly explode?: boolean;
      /** OpenAPI `allowReserved`: RFC 3986 reserved characters are sent unescaped. */
      readonly allowReserved?: boolean;
      /**
       * OpenAPI `allowEmptyValue`: an empty string is sent (`name=`). Without it, an OpenAPI query
       * parameter (a binding with a `style`) set to "" is not sent (OpenAPI 3.0.3 §Parameter Object:
       * the default is false); a Smithy one always is.
       */
      readonly allowEmptyValue?: boolean;
      readonly content?: ParameterContent;
    }
  | { readonly location: "queryParams" }
  | { readonly location: "header"; readonly name: string; readonly explode?: boolean; readonly content?: ParameterContent }
  | { readonly location: "prefixHeaders"; readonly prefix: string }
  | { readonly location: "cookie"; readonly name: string; readonly explode?: boolean; readonly content?: ParameterContent }
  | { readonly location: "payload" }
  | { readonly location: "responseCode" }
  | {
      readonly location: "body";
      /** OpenAPI Encoding Object of the property in a form or multipart body. */
      readonly encoding?: BodyEncoding;
    };

/**
 * An OpenAPI parameter defined by `content` (a media type) instead of `schema` and `style`: its
 * value is that media type's text, then encoded for its place (percent-encoded in a path, query
 * or cookie, as it is in a header). `json`: the JSON text (`application/json`, `+json` types);
 * `text`: the value's own text (a string as it is; a list or object as JSON text).
 */
export type ParameterContent = "json" | "text";

/**
 * How one property of an OpenAPI `application/x-www-form-urlencoded` or `multipart/form-data`
 * body is written (the media type's Encoding Object). `style`, `explode` and `allowReserved`
 * are kept only when the document sets one of them (their absence means "by content type").
 */
export interface BodyEncoding {
  readonly style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  /** The part's (or field's) media type; the first one when the document lists several. */
  readonly contentType?: string;
  /** Multipart part headers with one possible value (a single `enum` value, `const` or `default`). */
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
  /**
   * Swagger 2.0 `allowEmptyValue` of a `formData` parameter (the converted Encoding Object's
   * `x-allowEmptyValue`): `false`, 2.0's default, leaves an empty string out of the form; absent,
   * as in OpenAPI 3, where form fields have no such field, an empty string is sent (`name=`).
   */
  readonly allowEmptyValue?: boolean;
}

/** The XML traits of a shape, member or collection member (`@xmlName`, `@xmlAttribute`, ...). */
export interface XmlTraits {
  /** `@xmlName`: the element (or attribute) name, possibly with a `prefix:`. */
  readonly name?: string;
  readonly attribute?: boolean;
  /** `@xmlFlattened` (members targeting lists and maps). */
  readonly flattened?: boolean;
  /** `@xmlNamespace`. */
  readonly namespace?: { readonly uri: string; readonly prefix?: string };
}

/** A reference to a shape from a member, a list item or a map value. */
export interface Ref {
  readonly target: ShapeId;
  /** The value may be `null` on the wire (OpenAPI `nullable`, 3.1 `type: [..., "null"]`). */
  readonly nullable?: boolean;
  /**
   * Constraints declared on the reference itself, applied on top of the target's (the
   * reference's win key by key): Smithy traits on a list `member` or a map `key` / `value`.
   */
  readonly constraints?: Constraints;
  /** The reference itself is `@sensitive` (a list member or map value, say). */
  readonly sensitive?: boolean;
  /** `@timestampFormat` on the member (also allowed on list members and map values). */
  readonly timestampFormat?: TimestampFormat;
  /** `@xmlName`, `@xmlNamespace`, ... on the member. */
  readonly xml?: XmlTraits;
}

export interface Member extends Ref {
  /** The member name as the model spells it; also the TypeScript property name. */
  readonly name: string;
  readonly required: boolean;
  readonly docs?: Documentation;
  readonly deprecated?: Deprecation;
  /** Constraints declared on the member itself (applied after the target's). */
  readonly constraints: Constraints;
  /** Name in a JSON body when it differs from `name` (Smithy `@jsonName`). */
  readonly jsonName?: string;
  readonly http?: HttpBinding;
  /** `@hostLabel`: the member fills a label of the operation's `@endpoint` host prefix. */
  readonly hostLabel?: boolean;
  /** `@ec2QueryName`: the member's name in ec2Query requests. */
  readonly ec2QueryName?: string;
  /** `@idempotencyToken`: a client fills in a fresh UUID when the member is left unset. */
  readonly idempotencyToken?: boolean;
  /**
   * `@default` value as a node value (timestamps as epoch seconds or strings, blobs as strings; a
   * number literal a float64 cannot hold is a `BigNumberNode` of its text).
   */
  readonly default?: unknown;
  /** `@clientOptional`: a client never fills in the member's default. */
  readonly clientOptional?: boolean;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  /** The member itself is `@sensitive` (OpenAPI `format: password`, say). */
  readonly sensitive?: boolean;
  /**
   * `smithy.rules#contextParam(name)`: the member's value is the endpoint rule set parameter of
   * that name in calls of operations whose input holds it (S3's `Bucket` → `Bucket`).
   */
  readonly contextParam?: string;
}

export type TimestampFormat = "epoch-seconds" | "date-time" | "http-date";

export type NumberKind =
  | "byte"
  | "short"
  | "integer"
  | "long"
  | "float"
  | "double"
  | "bigInteger"
  | "bigDecimal";

interface ShapeBase {
  readonly id: ShapeId;
  /** The shape's name in the model, e.g. `ClientIdType`. */
  readonly name: string;
  /**
   * The model gives the shape no name: it is named after where it stands (an OpenAPI inline
   * schema: `PostCustomersRequestBodyAddress`). types.ts may declare it as an alias of a shape of
   * the same form (`Names.declaredAs`).
   */
  readonly derivedName?: boolean;
  readonly docs?: Documentation;
  readonly deprecated?: Deprecation;
  readonly sensitive: boolean;
  readonly constraints: Constraints;
  /** `@xmlName` / `@xmlNamespace` on the shape. */
  readonly xml?: XmlTraits;
  /** `@mediaType` of a string or blob (the Content-Type of a payload bound to it). */
  readonly mediaType?: string;
}

/** `smithy.api#Unit`: no value; a union member that targets it is set as `{ member: {} }`. */
export interface UnitShape extends ShapeBase {
  readonly type: "unit";
}

export interface StringShape extends ShapeBase {
  readonly type: "string";
  /** Informative format (OpenAPI `date`, `uuid`, `email`, ...); no effect on the wire. */
  readonly format?: string;
}
export interface EnumValue {
  readonly name: string;
  readonly value: string;
  readonly docs?: Documentation;
  readonly deprecated?: Deprecation;
}
export interface EnumShape extends ShapeBase {
  readonly type: "enum";
  readonly values: readonly EnumValue[];
}
export interface IntEnumValue {
  readonly name: string;
  readonly value: number;
  readonly docs?: Documentation;
  readonly deprecated?: Deprecation;
}
export interface IntEnumShape extends ShapeBase {
  readonly type: "intEnum";
  readonly values: readonly IntEnumValue[];
}
export interface NumberShape extends ShapeBase {
  readonly type: "number";
  readonly kind: NumberKind;
}
export interface BooleanShape extends ShapeBase {
  readonly type: "boolean";
}
export interface BlobShape extends ShapeBase {
  readonly type: "blob";
  /** Sent as raw bytes (OpenAPI `format: binary`, Smithy payload) rather than base64 in JSON. */
  readonly streaming?: boolean;
}
export interface TimestampShape extends ShapeBase {
  readonly type: "timestamp";
  readonly format?: TimestampFormat;
}
/** Any JSON value (Smithy `document`, an OpenAPI schema without a type). */
export interface DocumentShape extends ShapeBase {
  readonly type: "document";
}
export interface ListShape extends ShapeBase {
  readonly type: "list";
  readonly member: Ref;
}
export interface MapShape extends ShapeBase {
  readonly type: "map";
  readonly key: Ref;
  readonly value: Ref;
}
export interface StructureShape extends ShapeBase {
  readonly type: "structure";
  readonly members: readonly Member[];
  /** Structures marked `@error`. */
  readonly error?: "client" | "server";
  /** `@httpError`: the status code of the error. */
  readonly httpError?: number;
  /** `@awsQueryError`: the error code and status awsQuery uses for this error. */
  readonly awsQueryError?: { readonly code: string; readonly httpResponseCode: number };
  /**
   * Extra properties beyond `members` (OpenAPI `additionalProperties` next to `properties`):
   * `true` allows any value, a ref constrains them; absent means none are declared.
   */
  readonly additionalProperties?: Ref | true;
}
/** A tagged union: exactly one member is set, `{ Name: value }` (Smithy `union`). */
export interface UnionShape extends ShapeBase {
  readonly type: "union";
  readonly members: readonly Member[];
  /** `@streaming`: an event stream (a sequence of events, each one member set). */
  readonly streaming?: boolean;
}
/**
 * An untagged choice between shapes (OpenAPI `oneOf` / `anyOf`). With a discriminator, the
 * named property of the (structure) value selects the variant.
 */
export interface AlternativesShape extends ShapeBase {
  readonly type: "alternatives";
  /** `oneOf`: exactly one variant matches. `anyOf`: at least one. */
  readonly exclusive: boolean;
  readonly variants: readonly Ref[];
  readonly discriminator?: {
    readonly propertyName: string;
    /** Discriminator value → variant target. */
    readonly mapping: readonly { readonly value: string; readonly target: ShapeId }[];
  };
}

export type Shape =
  | UnitShape
  | StringShape
  | EnumShape
  | IntEnumShape
  | NumberShape
  | BooleanShape
  | BlobShape
  | TimestampShape
  | DocumentShape
  | ListShape
  | MapShape
  | StructureShape
  | UnionShape
  | AlternativesShape;

export type ShapeType = Shape["type"];

/**
 * A protocol trait of a service, e.g. `{ id: "aws.protocols#restJson1", value: {} }`. The protocol
 * registry (`generator/protocols/registry.ts`) picks the first one it knows. OpenAPI documents carry
 * `OPENAPI_HTTP`, a protocol of our own: plain HTTP as the document's parameters describe it.
 */
export interface ProtocolTrait {
  readonly id: string;
  /** The trait's value as the model wrote it. */
  readonly value: unknown;
}

/** The protocol id of OpenAPI documents (not a Smithy trait; no model can apply it). */
export const OPENAPI_HTTP = "shapesmith.openapi#http";

/**
 * An auth scheme a service supports (an auth trait on the service: a trait whose definition
 * carries `@authDefinition`; the AWS models, loaded without definitions, are read by trait id).
 *
 *   @sigv4(name: "cognito-idp") → { type: "sigv4", id: "aws.auth#sigv4", name: "cognito-idp" }
 *   @httpApiKeyAuth(name: "X-Api-Key", in: "header") → { type: "httpApiKeyAuth", ..., name: "X-Api-Key", in: "header" }
 */
export type AuthScheme =
  /** `aws.auth#sigv4`; `name` is the signing name of the credential scope (`cognito-idp`). */
  | { readonly type: "sigv4"; readonly id: "aws.auth#sigv4"; readonly name: string }
  /** `aws.auth#sigv4a` (asymmetric, multi-region); `name` as for sigv4. */
  | { readonly type: "sigv4a"; readonly id: "aws.auth#sigv4a"; readonly name: string }
  | { readonly type: "httpBearerAuth"; readonly id: "smithy.api#httpBearerAuth" }
  | { readonly type: "httpBasicAuth"; readonly id: "smithy.api#httpBasicAuth" }
  | { readonly type: "httpDigestAuth"; readonly id: "smithy.api#httpDigestAuth" }
  /**
   * `smithy.api#httpApiKeyAuth`: the key goes in header or query parameter `name`; with a `scheme`,
   * the header value is `<scheme> <key>`. (`cookie` is for OpenAPI's apiKey security schemes.)
   */
  | {
      readonly type: "httpApiKeyAuth";
      readonly id: "smithy.api#httpApiKeyAuth";
      readonly name: string;
      readonly in: "header" | "query" | "cookie";
      readonly scheme?: string;
    }
  /**
   * Any other scheme: a custom `@authDefinition` trait (`aws.auth#cognitoUserPools`) or a signature
   * version no generated client implements (botocore `v2`); `value` as the model wrote it.
   */
  | { readonly type: "other"; readonly id: string; readonly value: unknown };

/**
 * One response an OpenAPI operation declares (OpenAPI 3.0 §Responses Object): its status, its
 * bodies by media type and its headers. Smithy operations have none (their output and errors say
 * it all); the deserializers of OpenAPI documents read responses by these.
 *
 *   responses: { "200": { headers: { X-Rate-Limit: { schema: { type: integer } } },
 *                         content: { application/json: { schema: { $ref: Pet } } } } }
 *   → { status: "200", readAs: "application/json", shape: "openapi#Pet",
 *       contents: [{ mediaType: "application/json", encoding: "json", body: { target: "openapi#Pet" } }],
 *       headers: [{ name: "X-Rate-Limit", target: "smithy.api#Long", http: { location: "header", name: "X-Rate-Limit" }, ... }] }
 */
export interface OperationResponse {
  /** A status code (`"200"`), a range of them (`"2XX"`, upper case) or `"default"` (any other status). */
  readonly status: string;
  readonly docs?: Documentation;
  /** Each media type of `content`, in document order, with its schema lowered. */
  readonly contents: readonly ResponseContent[];
  /** The response headers the document declares (not `Content-Type`), as `header`-bound members. */
  readonly headers: readonly Member[];
  /** The media type whose body a deserializer reads (picked as for requests: JSON first); absent: no body. */
  readonly readAs?: string;
  /**
   * What a response of this status is read into. A success status: the output structure, or, when
   * the operation's 2xx responses carry different bodies, the output's variant for this status.
   * An error status: the error structure, or an `alternatives` of error structures told apart by
   * its discriminator. Absent: the response gives no value (no body, or an error body that is
   * not a structure).
   */
  readonly shape?: ShapeId;
}

/** One media type of a response (or request) body. */
export interface ResponseContent {
  readonly mediaType: string;
  /** How a body of this type is read: JSON (also `+json`), text (`text/*`, forms, XML for now), or bytes (any other). */
  readonly encoding: "json" | "text" | "binary";
  /** The media type's schema, lowered; absent when it has none. */
  readonly body?: Ref;
}

/**
 * An OpenAPI Server Object (§Server Object): its URL, maybe with `{variables}`, and each variable's
 * default and allowed values. Generated clients send to it unless their config names another.
 *
 *   { url: "https://{region}.example.com/v1", variables: { region: { default: "eu", enum: ["eu", "us"] } } }
 *   → { url: "https://{region}.example.com/v1", variables: [{ name: "region", default: "eu", enum: ["eu", "us"] }] }
 */
export interface Server {
  readonly url: string;
  readonly variables: readonly { readonly name: string; readonly default: string; readonly enum?: readonly string[] }[];
}

/**
 * A security scheme of an OpenAPI document (`components.securitySchemes`), under its key: a
 * client's config names the credentials by that key. `http` bearer, oauth2 and openIdConnect are
 * bearer tokens; `http` basic is basic; apiKey is `httpApiKeyAuth` in its header, query or
 * cookie; another `http` scheme is an Authorization header `<scheme> <value>`; mutualTLS and
 * digest are `other` / `httpDigestAuth` (no client sends them).
 *
 *   petstore_auth: { type: oauth2, flows: … } → { key: "petstore_auth", scheme: { type: "httpBearerAuth", id: "smithy.api#httpBearerAuth" } }
 */
export interface SecurityScheme {
  readonly key: string;
  readonly scheme: AuthScheme;
  readonly docs?: Documentation;
}

/**
 * OpenAPI security requirements (§Security Requirement Object): alternatives, each the keys of
 * the schemes that must all be applied. `[]` no security; an alternative `[]` makes it optional.
 *
 *   security: [{ api_key: [] }, { oauth: [read] , app_id: [] }, {}] → [["api_key"], ["app_id", "oauth"], []]
 */
export type SecurityRequirements = readonly (readonly string[])[];

export interface Operation {
  readonly id: ShapeId;
  readonly name: string;
  readonly input?: ShapeId;
  readonly output?: ShapeId;
  readonly errors: readonly ShapeId[];
  readonly docs?: Documentation;
  readonly deprecated?: Deprecation;
  /** HTTP method and URI pattern (`/things/{id}`); awsJson operations have none. */
  readonly http?: {
    readonly method: string;
    readonly uri: string;
    /** `@http(code)`: the status of a successful response. */
    readonly code?: number;
    /** Content type of a body made of `body`-bound members, or of the payload. */
    readonly contentType?: string;
    /**
     * Body encoding for `body` members: JSON (default), a URL-encoded form, a multipart form
     * (OpenAPI), or XML (OpenAPI's `xml` object read as the XML traits).
     */
    readonly bodyEncoding?: "json" | "form" | "multipart" | "xml";
    /**
     * With no `body` member set, send no body at all (OpenAPI: the requestBody is not `required`,
     * and an empty one would be invalid: its schema requires properties, or it is multipart,
     * whose body has at least one part, RFC 2046 §5.1.1). Otherwise an empty body is sent (`{}`).
     */
    readonly omitEmptyBody?: boolean;
    /** Headers every request carries whatever the input (OpenAPI single-value header enums). */
    readonly constantHeaders?: readonly { readonly name: string; readonly value: string }[];
  };
  /** `@endpoint(hostPrefix)`, e.g. `{label}-foo.`; labels are `@hostLabel` input members. */
  readonly endpoint?: { readonly hostPrefix: string };
  /** `@requestCompression(encodings)`: the encodings a client may compress the body with, in order. */
  readonly requestCompression?: readonly string[];
  /** `@httpChecksumRequired`: requests carry a `Content-MD5` header. */
  readonly httpChecksumRequired?: boolean;
  /**
   * `aws.protocols#httpChecksum`, request side: whether requests need a checksum, and the input
   * member whose value picks the checksum algorithm (`x-amz-checksum-<algorithm>`).
   */
  readonly httpChecksum?: { readonly requestChecksumRequired: boolean; readonly requestAlgorithmMember?: string };
  /**
   * Operation-level `@auth`: the schemes of the service this operation accepts, in order of
   * preference; `[]` means the operation is never signed (Cognito `InitiateAuth`). Absent: the
   * service's `auth` applies (see `operationAuth`).
   */
  readonly auth?: readonly AuthScheme[];
  /** OpenAPI: the operation's own `security` (absent: the document's, `Service.security`). */
  readonly security?: SecurityRequirements;
  /** OpenAPI: the `servers` of the operation or its path item (absent: the document's, `Service.servers`). */
  readonly servers?: readonly Server[];
  /** `@optionalAuth`: the operation may be called without credentials (a client may still sign). */
  readonly optionalAuth?: boolean;
  /** `aws.auth#unsignedPayload` (botocore `v4-unsigned-body`): SigV4 signs `UNSIGNED-PAYLOAD`, not the body hash. */
  readonly unsignedPayload?: boolean;
  readonly idempotent?: boolean;
  readonly readonly?: boolean;
  /**
   * `aws.customizations#s3UnwrappedXmlOutput`: the response's XML root element is the output's
   * one body member itself, not a wrapper around the members (S3 GetBucketLocation).
   */
  readonly s3UnwrappedXmlOutput?: boolean;
  /**
   * `smithy.rules#staticContextParams`: endpoint rule set parameters this operation always sets,
   * in the model's order, values as written (`{ name: "UseS3ExpressControlEndpoint", value: true }`).
   */
  readonly staticContextParams?: readonly { readonly name: string; readonly value: unknown }[];
  /**
   * `smithy.rules#operationContextParams`: endpoint rule set parameters read from the input by a
   * JMESPath subset, in the model's order (`{ name: "DeleteObjectKeys", path: "Delete.Objects[*].Key" }`).
   */
  readonly operationContextParams?: readonly { readonly name: string; readonly path: string }[];
  /** OpenAPI: every response the operation declares, codes ascending, then ranges, then `default`. */
  readonly responses?: readonly OperationResponse[];
}

/** One `smithy.rules#clientContextParams` entry: a rule set parameter the client config sets. */
export interface ClientContextParam {
  readonly name: string;
  /** The trait's `type` as written: `string`, `boolean` or `stringArray`. */
  readonly type: string;
  readonly docs?: Documentation;
}

export interface Service {
  readonly id: ShapeId;
  readonly name: string;
  readonly version?: string;
  /** The service's protocol traits in id order; empty when it declares none. */
  readonly protocols: readonly ProtocolTrait[];
  readonly docs?: Documentation;
  /** awsJson `X-Amz-Target` prefix; defaults to `name`. */
  readonly targetPrefix?: string;
  /** `@aws.api#service(sdkId)`: the AWS SDK's name of the service (`Glacier`); AWS customizations key on it. */
  readonly sdkId?: string;
  /** `@awsQueryCompatible`: an awsJson service that was awsQuery (requests say `x-amzn-query-mode`). */
  readonly awsQueryCompatible?: boolean;
  /** `@xmlNamespace` of the service (restXml, awsQuery responses). */
  readonly xml?: XmlTraits;
  /** `aws.api#service` `endpointPrefix` (botocore `metadata.endpointPrefix`), e.g. `cognito-idp`. */
  readonly endpointPrefix?: string;
  /**
   * `smithy.rules#endpointRuleSet` as the model wrote it (`{ version, parameters, rules }`);
   * `generator/protocols/endpoints/` reads it. Absent when the service has none (botocore).
   */
  readonly endpointRules?: unknown;
  /** `smithy.rules#clientContextParams`, in the model's order. */
  readonly clientContextParams?: readonly ClientContextParam[];
  /**
   * The auth schemes the service supports, in order of preference: the service's `@auth` order,
   * else its auth traits in shape id order (Smithy's rule); botocore: `metadata.auth`, else
   * `signatureVersion`. Absent when the service declares none (calls are not signed).
   */
  readonly auth?: readonly AuthScheme[];
  /** OpenAPI: the document's `servers`, in order (a client's default base URL is the first). */
  readonly servers?: readonly Server[];
  /** OpenAPI: `components.securitySchemes`, by key in code-unit order. */
  readonly securitySchemes?: readonly SecurityScheme[];
  /** OpenAPI: the document's `security`, the requirements of operations without their own. */
  readonly security?: SecurityRequirements;
}

export interface ResolvedModel {
  /** Name of the output folder and of the header, e.g. `cognito-identity-provider`. */
  readonly name: string;
  /** The model files this was read from, as given (for the generated header). */
  readonly sources: readonly string[];
  readonly service: Service;
  /** Sorted by name. */
  readonly operations: readonly Operation[];
  /**
   * Every shape reachable from the operations, keyed by id, iterated in id order. Shapes in the
   * `smithy.api` namespace (the prelude: `smithy.api#String`, `smithy.api#Integer`, ...) are
   * printed inline as TypeScript primitives; every other shape gets a named type.
   */
  readonly shapes: ReadonlyMap<ShapeId, Shape>;
  /**
   * The regular expression syntax of `pattern` constraints: Smithy's are written for
   * `java.util.regex` (absent); OpenAPI's are ECMA-262 (`"ecma262"`).
   */
  readonly patternSyntax?: "ecma262";
}

/** Throws when a reference points nowhere: front ends guarantee that never happens. */
export function shapeOf(model: ResolvedModel, id: ShapeId): Shape {
  const shape = model.shapes.get(id);
  if (!shape) throw new Error(`internal: unresolved shape id ${id}`);
  return shape;
}

/**
 * The auth schemes that apply to an operation, in order of preference: its own `@auth`, else the
 * service's. `[]`: the operation is sent unsigned.
 */
export function operationAuth(service: Service, operation: Operation): readonly AuthScheme[] {
  return operation.auth ?? service.auth ?? [];
}
