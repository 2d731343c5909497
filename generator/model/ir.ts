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

/** Where a member of an operation input travels in an HTTP request. */
export type HttpBinding =
  | {
      readonly location: "label";
      readonly name: string;
      readonly greedy?: boolean;
      /** OpenAPI path `style` (default `simple`, as Smithy labels are) and `explode` (default false). */
      readonly style?: "simple" | "label" | "matrix";
      readonly explode?: boolean;
    }
  | {
      readonly location: "query";
      readonly name: string;
      /** OpenAPI `style` (Smithy query bindings are `form`, exploded). */
      readonly style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
      readonly explode?: boolean;
      /** OpenAPI `allowReserved`: RFC 3986 reserved characters are sent unescaped. */
      readonly allowReserved?: boolean;
    }
  | { readonly location: "queryParams" }
  | { readonly location: "header"; readonly name: string; readonly explode?: boolean }
  | { readonly location: "prefixHeaders"; readonly prefix: string }
  | { readonly location: "cookie"; readonly name: string; readonly explode?: boolean }
  | { readonly location: "payload" }
  | { readonly location: "body" };

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
  readonly timestampFormat?: TimestampFormat;
  readonly http?: HttpBinding;
  readonly default?: unknown;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  /** The member itself is `@sensitive` (OpenAPI `format: password`, say). */
  readonly sensitive?: boolean;
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
  readonly docs?: Documentation;
  readonly deprecated?: Deprecation;
  readonly sensitive: boolean;
  readonly constraints: Constraints;
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
 * The wire protocol of a service. `http` is a plain HTTP binding as OpenAPI describes it; `none`
 * is a protocol Shapesmith has no serializer for yet (types, validators and log-safe views are
 * still generated; `Service.protocolTrait` names it).
 */
export type Protocol = "awsJson1_0" | "awsJson1_1" | "restJson1" | "http" | "none";

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
    /** Content type of a body made of `body`-bound members, or of the payload. */
    readonly contentType?: string;
    /** Body encoding for `body` members: JSON (default) or a URL-encoded form. */
    readonly bodyEncoding?: "json" | "form";
    /** Headers every request carries whatever the input (OpenAPI single-value header enums). */
    readonly constantHeaders?: readonly { readonly name: string; readonly value: string }[];
  };
}

export interface Service {
  readonly id: ShapeId;
  readonly name: string;
  readonly version?: string;
  readonly protocol: Protocol;
  /** The protocol trait as the model names it, e.g. `aws.protocols#restXml`, when there is one. */
  readonly protocolTrait?: string;
  readonly docs?: Documentation;
  /** awsJson `X-Amz-Target` prefix; defaults to `name`. */
  readonly targetPrefix?: string;
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
}

/** Throws when a reference points nowhere: front ends guarantee that never happens. */
export function shapeOf(model: ResolvedModel, id: ShapeId): Shape {
  const shape = model.shapes.get(id);
  if (!shape) throw new Error(`internal: unresolved shape id ${id}`);
  return shape;
}
