// Lowers OpenAPI schema objects into shapes of the resolved model.
//
//   components.schemas.Pet = { type: object, required: [name],
//                              properties: { name: { type: string, maxLength: 40 },
//                                            tags: { type: array, items: { type: string, minLength: 1 } } } }
//   lower(<Pet>) → openapi#Pet, with shapes
//     openapi#Pet          structure { name: smithy.api#String (required, length ≤ 40), tags: openapi#PetTags }
//     openapi#PetTags      list of openapi#PetTagsItem
//     openapi#PetTagsItem  string, length ≥ 1
//
// Component schemas become shapes of their own name. Inline schemas that need a shape (objects,
// arrays, enums, unions, or a constrained primitive where no member can carry the constraint)
// are named after where they stand. A plain primitive becomes a shared primitive shape, with
// its constraints on the member. A `$ref`, or an `allOf`/`oneOf` that only wraps one schema, is
// an alias: it reuses the target's shape.

import type { Constraints, Deprecation, Documentation, EnumValue, IntEnumValue, Member, Ref, Shape, ShapeId, ShapeType, XmlTraits } from "../model/ir.js";
import { LocationMap, type Documents, type Located } from "./documents.js";
import { ANNOTATIONS, CONSTRAINTS, emptyFacts, mergeFacts, type FactsReader, type SchemaFacts } from "./facts.js";
import { show } from "./keywords.js";
import type { LocationNamer, NameRegistry } from "./names.js";
import { isObject, pointerSegments } from "./pointer.js";
import { MAX_SCHEMA_NESTING, TOO_DEEP_HINT, tooDeepMessage } from "../limits.js";
import { numberKind, primitiveId, primitiveShape, type PrimitiveKind } from "./primitives.js";

export const NAMESPACE = "openapi";

/** What the lowerer knows of one location (see `SchemaLowerer.#entries`). */
interface LocationEntry {
  ref?: Ref;
  component?: string;
  alias?: Located;
}

/** What a member that uses a schema carries itself: the schema's constraints and annotations. */
export interface MemberFacts {
  readonly constraints: Constraints;
  readonly docs?: Documentation;
  readonly deprecated?: Deprecation;
  readonly hasDefault?: boolean;
  readonly default?: unknown;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  readonly sensitive?: boolean;
}

export interface Lowered {
  readonly ref: Ref;
  readonly member: MemberFacts;
}

/** Where a schema stands: a member can carry constraints; a list item or union variant cannot. */
export type Position = "member" | "other";

type Kind =
  | { readonly type: "structure" }
  | { readonly type: "map" }
  | { readonly type: "list" }
  | { readonly type: "enum"; readonly values: readonly string[] }
  | { readonly type: "intEnum"; readonly values: readonly number[] }
  | { readonly type: "alternatives"; readonly variants: readonly Located[]; readonly exclusive: boolean; readonly withBase: boolean }
  | { readonly type: "types"; readonly types: readonly string[] }
  | { readonly type: "primitive"; readonly primitive: PrimitiveKind };

export class SchemaLowerer {
  readonly #shapes = new Map<ShapeId, Shape>();
  readonly #types = new Map<ShapeId, ShapeType>();
  /**
   * What is known of each location, in one entry (a schema costs one lookup): its shape, when
   * lowered; its claimed name, for a component schema; the schema it stands for, for a component
   * that only refers elsewhere. A `oneOf` variant merged with its base has an entry of its own
   * (suffix `&base`).
   */
  readonly #entries = new LocationMap<LocationEntry>();

  constructor(
    private readonly docs: Documents,
    private readonly facts: FactsReader,
    private readonly namer: LocationNamer,
    private readonly registry: NameRegistry,
    /** The document has XML bodies: read the schemas' `xml` objects into XML traits. */
    private readonly xml = false,
  ) {}

  /**
   * Claims the name of a component schema up front, so it never yields to a derived name. A
   * component that is only a `$ref` to a schema in another file gives that schema its name.
   */
  claimComponent(at: Located, name: string): void {
    const value = at.value;
    if (isObject(value) && typeof value["$ref"] === "string" && Object.keys(value).every((k) => k === "$ref" || ANNOTATIONS.has(k) || k.startsWith("x-"))) {
      const target = this.docs.resolve(at);
      if (target && target.file !== at.file && this.#entries.get(target)?.component === undefined) {
        this.#entry(at).alias = target;
        this.#entry(target).component = this.registry.claim(name);
        return;
      }
    }
    this.#entry(at).component = this.registry.claim(name);
  }

  #entry(at: Located, suffix = ""): LocationEntry {
    let entry = this.#entries.get(at, suffix);
    if (entry === undefined) this.#entries.set(at, (entry = {}), suffix);
    return entry;
  }

  /** Adds a shape built elsewhere (operation inputs and outputs). */
  add(shape: Shape): void {
    this.#shapes.set(shape.id, shape);
    this.#types.set(shape.id, shape.type);
  }

  /** Where the schema of each shape of its own is. */
  readonly #where = new Map<ShapeId, Located>();

  /** Where the schema of a shape is, when it has one of its own (not a shared primitive). */
  locationOf(id: ShapeId): Located | undefined {
    return this.#where.get(id);
  }

  /** Every shape lowered so far (shared primitives included), by id. */
  get shapes(): ReadonlyMap<ShapeId, Shape> {
    return this.#shapes;
  }

  typeOf(id: ShapeId): ShapeType | undefined {
    return this.#types.get(id) ?? primitiveShape(id)?.type;
  }

  /** Each enum value's upper snake case name, once per value: documents repeat long enums (Stripe's country and currency codes). */
  readonly #snakes = new Map<string, string>();
  readonly #snake = (value: string): string => {
    let name = this.#snakes.get(value);
    if (name === undefined) this.#snakes.set(value, (name = upperSnake(value)));
    return name;
  };

  /** How many `lower` calls are running (schemas nested inline or through `$ref`s). */
  #depth = 0;

  /** Lowers the schema at `at` (absent: any value) for use at `position`. */
  lower(at: Located, position: Position): Lowered {
    if (this.#depth >= MAX_SCHEMA_NESTING) {
      this.docs.report("error", "MODEL_TOO_DEEP", tooDeepMessage("This schema, counting the schemas it holds inline and through `$ref`s,", MAX_SCHEMA_NESTING), at, TOO_DEEP_HINT);
      return this.#primitive("document", emptyFacts(), position);
    }
    this.#depth++;
    try {
      return this.#lower(at, position);
    } finally {
      this.#depth--;
    }
  }

  #lower(at: Located, position: Position): Lowered {
    const value = at.value;
    if (value === undefined || typeof value === "boolean") return this.#primitive("document", emptyFacts(), position);
    if (!isObject(value)) {
      this.docs.report("error", "OPENAPI_BAD_SCHEMA", `A schema must be an object, not ${show(value)}`, at);
      return this.#primitive("document", emptyFacts(), position);
    }
    const entry = this.#entries.get(at);
    if (entry?.alias) return this.lower(entry.alias, position);
    const memo = entry?.ref;
    if (memo) return { ref: memo, member: position === "member" ? annotations(this.facts.own(at)) : { constraints: {} } };
    if (entry?.component === undefined && !isDefinition(at.pointer)) {
      const alias = this.#alias(at, value, position);
      if (alias) return alias;
    }
    // #alias lowered nothing when it gave nothing: `entry` is still what is known of `at`.
    return this.#own(at, this.facts.of(at), position, "", entry);
  }

  /** A `$ref`, or an `allOf` / nullable `oneOf` wrapping one schema: the target's shape. */
  #alias(at: Located, value: Record<string, unknown>, position: Position): Lowered | undefined {
    // Most schemas are none of the three forms below.
    if (!("$ref" in value) && !("allOf" in value) && !("oneOf" in value) && !("anyOf" in value)) return undefined;
    const keys = Object.keys(value).filter((k) => !k.startsWith("x-") && !ANNOTATIONS.has(k));
    const constrained = keys.some((k) => CONSTRAINTS.has(k));
    const rest = keys.filter((k) => !CONSTRAINTS.has(k));
    let target: Located | undefined;
    let inner: Lowered | undefined;
    let nullable = false;
    if ("$ref" in value && (!this.facts.openapi31 || rest.every((k) => k === "$ref" || k === "type"))) {
      if (this.facts.openapi31 && constrained && position === "other") return undefined;
      target = this.docs.resolve(at);
      inner = target ? this.lower(target, "other") : this.#primitive("document", emptyFacts(), position);
    } else if (rest.every((k) => k === "allOf" || k === "type") && Array.isArray(value["allOf"]) && value["allOf"].length === 1) {
      if (constrained && position === "other") return undefined;
      inner = this.lower(this.docs.child(at, "allOf", 0), position);
    } else {
      const key = Array.isArray(value["oneOf"]) ? "oneOf" : Array.isArray(value["anyOf"]) ? "anyOf" : undefined;
      if (!key || !rest.every((k) => k === key || k === "type")) return undefined;
      const variants = value[key] as unknown[];
      const real = variants.map((v, i) => [v, i] as const).filter(([v]) => !isNullSchema(v));
      if (real.length !== 1 || real.length === variants.length) return undefined;
      if (constrained && position === "other") return undefined;
      inner = this.lower(this.docs.child(at, key, real[0]![1]), position);
      nullable = true;
    }
    const own = this.facts.own(at);
    const type = this.typeOf(inner.ref.target);
    const ownMember = annotations(own);
    const constraints = this.facts.openapi31 || !("$ref" in value) ? { ...inner.member.constraints, ...constraintsFor(type, own) } : inner.member.constraints;
    return {
      ref: inner.ref.nullable || nullable || own.nullable ? { target: inner.ref.target, nullable: true } : { target: inner.ref.target },
      member: { ...inner.member, ...ownMember, constraints },
    };
  }

  /** A schema with a shape of its own, or a plain primitive; `suffix` tells apart shapes of one location (`&base`). */
  #own(at: Located, facts: SchemaFacts, position: Position, suffix: string, known: LocationEntry | undefined): Lowered {
    const kind = this.#classify(at, facts);
    const nullable = facts.nullable || (facts.enum?.includes(null) ?? false) || hasNullVariant(facts);
    const component = known?.component;
    if (kind.type === "primitive" && component === undefined && !isDefinition(at.pointer)) {
      const type = primitiveShape(primitiveId(kind.primitive))!.type;
      if (position === "member" || isEmpty(constraintsFor(type, facts))) {
        const lowered = this.#primitive(kind.primitive, facts, position);
        return nullable ? { ...lowered, ref: { ...lowered.ref, nullable: true } } : lowered;
      }
    }
    const name = component ?? this.registry.claim(this.namer.name(at.file, at.pointer));
    const id = `${NAMESPACE}#${name}`;
    const ref: Ref = nullable ? { target: id, nullable: true } : { target: id };
    if (known) known.ref = ref;
    else this.#entries.set(at, { ref }, suffix);
    this.#types.set(id, kind.type === "types" ? "alternatives" : kind.type === "primitive" ? primitiveShape(primitiveId(kind.primitive))!.type : kind.type);
    this.#where.set(id, at);
    this.#shapes.set(id, this.#build(at, facts, kind, id, name, component === undefined && !isDefinition(at.pointer)));
    return { ref, member: position === "member" ? annotations(facts) : { constraints: {} } };
  }

  /** The shared shape of a primitive kind, registered for output. */
  primitive(kind: PrimitiveKind): Ref {
    return this.#primitive(kind, emptyFacts(), "other").ref;
  }

  #primitive(kind: PrimitiveKind, facts: SchemaFacts, position: Position): Lowered {
    const id = primitiveId(kind);
    if (!this.#shapes.has(id)) this.#shapes.set(id, primitiveShape(id)!);
    const type = primitiveShape(id)!.type;
    const password = facts.format === "password";
    let member: MemberFacts = { constraints: {} };
    if (position === "member") {
      const own = annotations(facts);
      own.constraints = constraintsFor(type, facts);
      if (password) own.sensitive = true;
      member = own;
    }
    // Where no member carries it (a list item, a map value), the reference itself is sensitive.
    return { ref: password && position === "other" ? { target: id, sensitive: true } : { target: id }, member };
  }

  #classify(at: Located, facts: SchemaFacts): Kind {
    const types = facts.types;
    if (facts.enum) {
      const values = facts.enum.filter((v) => v !== null);
      if (values.length === 0) return { type: "primitive", primitive: "document" };
      const all = (check: (v: unknown) => boolean): boolean => values.every(check);
      if (types?.includes("string") || (types === undefined && all((v) => typeof v === "string"))) {
        if (!all((v) => typeof v === "string")) {
          this.docs.report("warning", "OPENAPI_ENUM_TYPE", "Some `enum` values of this string schema are not strings; they are compared as strings", this.docs.child(at, "enum"));
        }
        return { type: "enum", values: unique(values.map((v) => (typeof v === "string" ? v : JSON.stringify(v)))) };
      }
      if ((types === undefined || types.includes("integer") || types.includes("number")) && all((v) => typeof v === "number" && Number.isInteger(v))) {
        return { type: "intEnum", values: unique(values as number[]) };
      }
      if (!types?.includes("boolean")) {
        this.docs.report("warning", "OPENAPI_ENUM_TYPE", `The \`enum\` values do not match the schema type ${show(types ?? "(none)")}; the enum is not enforced`, this.docs.child(at, "enum"));
      }
    }
    const variants = facts.oneOf ?? facts.anyOf;
    if (variants) {
      const real = variants.filter((v) => !isNullSchema(v.value));
      if (real.length > 0) return { type: "alternatives", variants: real, exclusive: facts.oneOf !== undefined, withBase: facts.properties.size > 0 };
    }
    if (types && types.length > 1) return { type: "types", types: [...types].sort() };
    const type = types?.[0] ?? (facts.properties.size > 0 || facts.additionalProperties !== undefined ? "object" : facts.items ? "array" : undefined);
    switch (type) {
      case "object":
        return facts.properties.size > 0 || facts.additionalProperties === false ? { type: "structure" } : { type: "map" };
      case "array":
        return { type: "list" };
      case "string":
        return { type: "primitive", primitive: stringKind(facts) };
      case "integer":
      case "number":
        return { type: "primitive", primitive: { number: numberKind(type, facts.format) } };
      case "boolean":
        return { type: "primitive", primitive: "boolean" };
      default:
        return { type: "primitive", primitive: "document" };
    }
  }

  /** `derived`: the schema is inline, named after where it stands (not by the document). */
  #build(at: Located, facts: SchemaFacts, kind: Kind, id: ShapeId, name: string, derived: boolean): Shape {
    const xml = this.xml ? xmlObject(this.docs, at) : undefined;
    const xmlTraits: XmlTraits | undefined =
      xml && (xml.name !== undefined || xml.namespace !== undefined) ? { ...(xml.name !== undefined ? { name: withPrefix(xml.name, xml.prefix) } : {}), ...namespaceOf(xml) } : undefined;
    // Set field by field, in this order (every schema passes here: no spread, no copy of `base`).
    const base = { id, name } as { id: ShapeId; name: string; xml?: XmlTraits; docs?: Documentation; deprecated?: Deprecation; sensitive: boolean; derivedName?: true };
    if (xmlTraits) base.xml = xmlTraits;
    if (facts.description !== undefined) base.docs = commonmark(facts.description);
    if (facts.deprecated) base.deprecated = {};
    base.sensitive = facts.format === "password";
    if (derived) base.derivedName = true;
    // The shape's own fields, after `base`'s (the order a spread of `base` gave).
    const shape = base as Record<string, unknown>;
    switch (kind.type) {
      case "structure": {
        const members = this.#members(facts);
        const extra = facts.additionalProperties;
        const additionalProperties: Ref | true | undefined =
          extra === true ? true : extra === false || extra === undefined ? undefined : this.#additional(extra);
        shape.type = "structure";
        shape.constraints = constraintsFor("structure", facts);
        shape.members = members;
        if (additionalProperties !== undefined) shape.additionalProperties = additionalProperties;
        return shape as unknown as Shape;
      }
      case "map": {
        const extra = facts.additionalProperties;
        const value = isLocated(extra) ? this.lower(extra, "other").ref : this.#primitive("document", emptyFacts(), "other").ref;
        const key = facts.propertyNames ? this.lower(facts.propertyNames, "other").ref : this.#primitive("string", emptyFacts(), "other").ref;
        shape.type = "map";
        shape.constraints = constraintsFor("map", facts);
        shape.key = key;
        shape.value = value;
        return shape as unknown as Shape;
      }
      case "list": {
        const lowered = facts.items ? this.lower(facts.items, "other").ref : this.#primitive("document", emptyFacts(), "other").ref;
        const items = facts.items && this.xml ? xmlObject(this.docs, facts.items) : undefined;
        const member: Ref = items?.name !== undefined ? { ...lowered, xml: { name: withPrefix(items.name, items.prefix), ...namespaceOf(items) } } : lowered;
        shape.type = "list";
        shape.constraints = constraintsFor("list", facts);
        shape.member = member;
        return shape as unknown as Shape;
      }
      case "enum":
        shape.type = "enum";
        shape.constraints = constraintsFor("enum", facts);
        shape.values = enumValues(kind.values, facts.enumNames, this.#snake);
        return shape as unknown as Shape;
      case "intEnum":
        shape.type = "intEnum";
        shape.constraints = constraintsFor("intEnum", facts);
        shape.values = intEnumValues(kind.values, facts.enumNames);
        return shape as unknown as Shape;
      case "alternatives": {
        const variants = kind.variants.map((variant) => (kind.withBase ? this.#withBase(facts, variant) : this.lower(variant, "other").ref));
        const discriminator = facts.discriminator ? this.#discriminator(facts.discriminator, kind.variants, variants) : undefined;
        shape.type = "alternatives";
        shape.constraints = {};
        shape.exclusive = kind.exclusive;
        shape.variants = variants;
        if (discriminator) shape.discriminator = discriminator;
        return shape as unknown as Shape;
      }
      case "types": {
        const variants = kind.types.map((t) => this.#primitive(t === "string" ? stringKind(facts) : t === "integer" || t === "number" ? { number: numberKind(t, facts.format) } : t === "boolean" ? "boolean" : "document", emptyFacts(), "other").ref);
        shape.type = "alternatives";
        shape.constraints = {};
        shape.exclusive = false;
        shape.variants = variants;
        return shape as unknown as Shape;
      }
      case "primitive": {
        const primitive = primitiveShape(primitiveId(kind.primitive))!;
        const constraints = constraintsFor(primitive.type, facts);
        if (primitive.type === "string") {
          const format = facts.format ?? (primitive.format !== undefined ? primitive.format : undefined);
          shape.type = "string";
          shape.constraints = constraints;
          if (format !== undefined) shape.format = format;
        } else if (primitive.type === "timestamp") {
          shape.type = "timestamp";
          shape.constraints = constraints;
          shape.format = "date-time";
        } else if (primitive.type === "blob") {
          shape.type = "blob";
          shape.constraints = constraints;
          if (primitive.streaming) shape.streaming = true;
        } else if (primitive.type === "number") {
          shape.type = "number";
          shape.constraints = constraints;
          shape.kind = primitive.kind;
        } else if (primitive.type === "boolean") {
          shape.type = "boolean";
          shape.constraints = constraints;
        } else {
          shape.type = "document";
          shape.constraints = constraints;
        }
        return shape as unknown as Shape;
      }
    }
  }

  #members(facts: SchemaFacts): Member[] {
    const members: Member[] = [];
    for (const [name, at] of facts.properties) {
      const lowered = this.lower(at, "member");
      // A required readOnly property is required in responses only, a required writeOnly one in
      // requests only (OpenAPI 3.0.3 §Fixed Fields `readOnly`, `writeOnly`). One type describes
      // both directions, so such a member is optional: requests never carry a readOnly one, and
      // responses do not carry (deserializers do not read) a writeOnly one.
      const member = toMember(name, lowered, facts.required.has(name) && lowered.member.readOnly !== true && lowered.member.writeOnly !== true);
      const xml = this.xml ? this.#memberXml(name, at, lowered.ref) : undefined;
      members.push(xml ? { ...member, xml } : member);
    }
    return members;
  }

  /**
   * The XML traits of a property from its schema's `xml` object (OpenAPI 3.0 §XML Object): its
   * element (or attribute) name with the prefix, its namespace; an array is unwrapped (Smithy's
   * `@xmlFlattened`, each item named by `items.xml.name`, else the property) unless `wrapped`.
   */
  #memberXml(name: string, at: Located, ref: Ref): XmlTraits | undefined {
    const own = xmlObject(this.docs, at);
    const shape = this.#shapes.get(ref.target);
    if (shape?.type === "list") {
      const items = xmlObject(this.docs, this.docs.child(this.docs.deref(at) ?? at, "items"));
      const tag = own?.name ?? name;
      if (own?.wrapped !== true) return { name: withPrefix(items?.name ?? tag, items?.prefix ?? own?.prefix), flattened: true, ...namespaceOf(items ?? own) };
      // A wrapped list's items are named by `items.xml.name`, else like the wrapper.
      if (shape.member.xml?.name === undefined) this.#shapes.set(shape.id, { ...shape, member: { ...shape.member, xml: { ...shape.member.xml, name: withPrefix(items?.name ?? tag, items?.prefix) } } });
      return { name: withPrefix(tag, own?.prefix), ...namespaceOf(own) };
    }
    if (!own) return undefined;
    const traits: XmlTraits = {
      ...(own.name !== undefined || own.prefix !== undefined ? { name: withPrefix(own.name ?? name, own.prefix) } : {}),
      ...(own.attribute ? { attribute: true } : {}),
      ...namespaceOf(own),
    };
    return Object.keys(traits).length > 0 ? traits : undefined;
  }

  #additional(at: Located): Ref {
    return this.lower(at, "other").ref;
  }

  /** A `oneOf` variant of a schema that also has properties: the two merged, as `allOf` would. */
  #withBase(base: SchemaFacts, variant: Located): Ref {
    const known = this.#entries.get(variant, "&base")?.ref;
    if (known) return known;
    const { oneOf: _oneOf, anyOf: _anyOf, discriminator: _discriminator, ...rest } = base;
    const facts = mergeFacts({ ...rest, properties: new Map(base.properties), required: new Set(base.required) }, this.facts.of(variant));
    facts.nullable = false;
    return this.#own(variant, facts, "other", "&base", undefined).ref;
  }

  #discriminator(at: Located, variantAt: readonly Located[], variants: readonly Ref[]): { propertyName: string; mapping: { value: string; target: ShapeId }[] } | undefined {
    const value = at.value as Record<string, unknown>;
    const propertyName = value["propertyName"];
    if (typeof propertyName !== "string") {
      this.docs.report("error", "OPENAPI_KEYWORD_TYPE", `\`discriminator.propertyName\` must be a string, not ${show(propertyName)}`, this.docs.child(at, "propertyName"));
      return undefined;
    }
    const mapping: { value: string; target: ShapeId }[] = [];
    const seen = new Set<string>();
    const explicit = value["mapping"];
    if (isObject(explicit)) {
      for (const [name, ref] of Object.entries(explicit)) {
        if (typeof ref !== "string") continue;
        const entry = this.docs.child(at, "mapping", name);
        const target = this.docs.resolve({ ...entry, value: { $ref: ref.includes("/") || ref.includes("#") ? ref : `#/components/schemas/${ref}` } });
        if (!target) continue;
        mapping.push({ value: name, target: this.lower(target, "other").ref.target });
        seen.add(name);
      }
    }
    variantAt.forEach((variant, i) => {
      const ref = isObject(variant.value) ? variant.value["$ref"] : undefined;
      const segments = typeof ref === "string" ? pointerSegments(ref.slice(ref.indexOf("#") + 1)) : [];
      const name = segments.length === 3 && segments[0] === "components" && segments[1] === "schemas" ? segments[2]! : undefined;
      if (name !== undefined && !seen.has(name) && !mapping.some((m) => m.target === variants[i]!.target)) {
        mapping.push({ value: name, target: variants[i]!.target });
        seen.add(name);
      }
    });
    return { propertyName, mapping };
  }
}

export function toMember(name: string, lowered: Lowered, required: boolean): Member {
  const m = lowered.member;
  // Field by field, in this order (every property passes here: no spread per optional field).
  const member = { name, target: lowered.ref.target } as Writable<Member>;
  if (lowered.ref.nullable) member.nullable = true;
  member.required = required;
  if (m.docs) member.docs = m.docs;
  if (m.deprecated) member.deprecated = m.deprecated;
  member.constraints = m.constraints;
  if (m.hasDefault) member.default = m.default;
  if (m.readOnly) member.readOnly = true;
  if (m.writeOnly) member.writeOnly = true;
  if (m.sensitive) member.sensitive = true;
  return member;
}

function annotations(facts: SchemaFacts): Writable<MemberFacts> {
  const out: Writable<MemberFacts> = { constraints: {} };
  if (facts.description !== undefined) out.docs = commonmark(facts.description);
  if (facts.deprecated) out.deprecated = {};
  if (facts.hasDefault) {
    out.hasDefault = true;
    out.default = facts.default;
  }
  if (facts.readOnly) out.readOnly = true;
  if (facts.writeOnly) out.writeOnly = true;
  return out;
}

/** An object being filled in field by field. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

export function commonmark(text: string): Documentation {
  return { text, format: "commonmark" };
}

/** The constraints of a schema that apply to a value of shape type `type`. */
export function constraintsFor(type: ShapeType | undefined, f: SchemaFacts): Constraints {
  const out: { -readonly [K in keyof Constraints]: Constraints[K] } = {};
  switch (type) {
    case "string":
    case "enum": {
      const length = bounds(f.minLength, f.maxLength);
      if (length) out.length = length;
      if (f.pattern !== undefined) out.pattern = f.pattern;
      break;
    }
    case "number":
    case "intEnum": {
      let min = f.minimum;
      let max = f.maximum;
      let exclusiveMin = f.exclusiveMinimum === true && min !== undefined;
      let exclusiveMax = f.exclusiveMaximum === true && max !== undefined;
      if (typeof f.exclusiveMinimum === "number" && (min === undefined || f.exclusiveMinimum >= min)) {
        min = f.exclusiveMinimum;
        exclusiveMin = true;
      }
      if (typeof f.exclusiveMaximum === "number" && (max === undefined || f.exclusiveMaximum <= max)) {
        max = f.exclusiveMaximum;
        exclusiveMax = true;
      }
      if (min !== undefined || max !== undefined) {
        // Field by field, in this order.
        const range: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean } = {};
        if (min !== undefined) range.min = min;
        if (max !== undefined) range.max = max;
        if (exclusiveMin) range.exclusiveMin = true;
        if (exclusiveMax) range.exclusiveMax = true;
        out.range = range;
      }
      if (f.multipleOf !== undefined) out.multipleOf = f.multipleOf;
      break;
    }
    case "list": {
      const length = bounds(f.minItems, f.maxItems);
      if (length) out.length = length;
      if (f.uniqueItems) out.uniqueItems = true;
      break;
    }
    case "map": {
      const length = bounds(f.minProperties, f.maxProperties);
      if (length) out.length = length;
      break;
    }
    case "structure": {
      const properties = bounds(f.minProperties, f.maxProperties);
      if (properties) out.properties = properties;
      break;
    }
    default:
      break;
  }
  return out;
}

/** `{ min, max }` with the bounds that are set (in that order), or undefined when neither is. */
function bounds(min: number | undefined, max: number | undefined): { min?: number; max?: number } | undefined {
  if (min === undefined && max === undefined) return undefined;
  const out: { min?: number; max?: number } = {};
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  return out;
}

function stringKind(facts: SchemaFacts): PrimitiveKind {
  switch (facts.format) {
    case "date-time":
      return "timestamp";
    case "date":
      return "date";
    case "byte":
      return "blob";
    case "binary":
      return "binary";
    default:
      if (facts.contentEncoding === "base64") return "blob";
      if (facts.contentMediaType !== undefined && facts.contentEncoding === undefined && !/^text\/|json|xml/.test(facts.contentMediaType)) return "binary";
      return "string";
  }
}

/** Enum member names: `x-enum-varnames` when given, else the value in upper snake case (`snake`: `upperSnake`, memoized). */
function enumValues(values: readonly string[], names: readonly string[] | undefined, snake: (value: string) => string): EnumValue[] {
  const useNames = names !== undefined && names.length === values.length;
  const taken = new Set<string>();
  return values.map((value, i) => ({ name: uniqueName(useNames ? names[i]! : snake(value), taken), value }));
}

function intEnumValues(values: readonly number[], names: readonly string[] | undefined): IntEnumValue[] {
  const useNames = names !== undefined && names.length === values.length;
  const taken = new Set<string>();
  return values.map((value, i) => ({ name: uniqueName(useNames ? names[i]! : `VALUE_${value < 0 ? "MINUS_" : ""}${Math.abs(value)}`, taken), value }));
}

/**
 * `in-progress` → `IN_PROGRESS`, `fooBar` → `FOO_BAR`, `2xx` → `_2XX`, `` → `EMPTY`: the ASCII
 * letters and digits, upper-cased, with one `_` for each run of other characters between them and
 * between a lower-case letter or digit and an upper-case letter. One pass over the value (every
 * enum value of a document passes here).
 */
export function upperSnake(value: string): string {
  let out = "";
  // A `_` is due before the next letter or digit (none at the start or the end).
  let gap = false;
  let previous = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const kind = charKind(c);
    if (kind === NOT_ALNUM) gap = true;
    else {
      if (kind === UPPER && charKind(previous) !== UPPER && charKind(previous) !== NOT_ALNUM) gap = true;
      if (gap && out !== "") out += "_";
      gap = false;
      out += kind === LOWER ? String.fromCharCode(c - 32) : value[i];
    }
    previous = c;
  }
  if (out === "") return "EMPTY";
  return charKind(out.charCodeAt(0)) === DIGIT ? "_" + out : out;
}

const NOT_ALNUM = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;

function charKind(c: number): number {
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 48 && c <= 57) return DIGIT;
  return NOT_ALNUM;
}

function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted}_${i}`;
  taken.add(name);
  return name;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function isNullSchema(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value["type"] === "null") return true;
  const e = value["enum"];
  return Array.isArray(e) && e.length === 1 && e[0] === null;
}

function hasNullVariant(facts: SchemaFacts): boolean {
  return (facts.oneOf ?? facts.anyOf ?? []).some((v) => isNullSchema(v.value));
}

function isEmpty(c: Constraints): boolean {
  return Object.keys(c).length === 0;
}

function isLocated(value: Located | boolean | undefined): value is Located {
  return typeof value === "object";
}

/** `/components/schemas/X`, `/$defs/X`, `/definitions/X`: a definition with a name of its own. */
function isDefinition(pointer: string): boolean {
  // As /^\/components\/schemas\/[^/]*$|\/(\$defs|definitions)\/[^/]*$/, which scans the whole pointer.
  const last = pointer.lastIndexOf("/");
  if (last === -1) return false;
  if (last === COMPONENT_SCHEMAS.length - 1 && pointer.startsWith(COMPONENT_SCHEMAS)) return true;
  // The parent ends in `/$defs` or `/definitions` (no copy of the parent's pointer).
  return (last >= 6 && pointer.startsWith("/$defs", last - 6)) || (last >= 12 && pointer.startsWith("/definitions", last - 12));
}

const COMPONENT_SCHEMAS = "/components/schemas/";

interface XmlObject {
  readonly name?: string;
  readonly namespace?: string;
  readonly prefix?: string;
  readonly attribute?: boolean;
  readonly wrapped?: boolean;
}

/** The `xml` object of a schema (following `$ref`s), its fields of the right types only. */
export function xmlObject(docs: Documents, at: Located): XmlObject | undefined {
  const schema = docs.deref(at);
  const xml = schema && isObject(schema.value) ? schema.value["xml"] : undefined;
  if (!isObject(xml)) return undefined;
  const text = (k: string) => (typeof xml[k] === "string" && xml[k] !== "" ? (xml[k] as string) : undefined);
  const flag = (k: string) => (typeof xml[k] === "boolean" ? (xml[k] as boolean) : undefined);
  const out = { name: text("name"), namespace: text("namespace"), prefix: text("prefix"), attribute: flag("attribute"), wrapped: flag("wrapped") };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as XmlObject;
}

function withPrefix(name: string, prefix: string | undefined): string {
  return prefix !== undefined && !name.includes(":") ? `${prefix}:${name}` : name;
}

function namespaceOf(xml: XmlObject | undefined): { namespace?: { uri: string; prefix?: string } } {
  return xml?.namespace !== undefined ? { namespace: { uri: xml.namespace, ...(xml.prefix !== undefined ? { prefix: xml.prefix } : {}) } } : {};
}
