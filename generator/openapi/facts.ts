// Normalizes a schema object into the facts the lowering needs: its own keywords, checked,
// with `allOf` parts and (in OpenAPI 3.1) a `$ref` with sibling keywords merged in.
//
//   { allOf: [{ $ref: "#/components/schemas/Base" }, { properties: { b: { type: string } } }],
//     nullable: true }
//   with Base = { type: object, required: [a], properties: { a: { type: integer } } }
//   → { types: ["object"], nullable: true, required: {a},
//       properties: a → <Base/properties/a>, b → <.../allOf/1/properties/b>, ... }
//
// Property schemas stay where they are written (Located), so the lowering names and shares them.
// A discriminator of an `allOf` part belongs to the part, not to the schema that extends it.

import { LocationMap, type Documents, type Located } from "./documents.js";
import { CONSTRAINT_IGNORED, KeywordReader, show } from "./keywords.js";
import { escapeSegment, isObject } from "./pointer.js";
import { MAX_NESTING, TOO_DEEP_HINT, tooDeepMessage } from "../limits.js";

export const KNOWN_TYPES: ReadonlySet<string> = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);

export interface SchemaFacts {
  /** Declared types other than "null"; undefined when none is declared. */
  types?: string[];
  nullable: boolean;
  format?: string;
  properties: ReadonlyMap<string, Located>;
  required: ReadonlySet<string>;
  additionalProperties?: Located | boolean;
  /** JSON Schema `propertyNames` (3.1): the schema of a map's keys. */
  propertyNames?: Located;
  items?: Located;
  /** `enum` (or `const`) values, null included. */
  enum?: unknown[];
  enumNames?: string[];
  oneOf?: Located[];
  anyOf?: Located[];
  discriminator?: Located;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  description?: string;
  hasDefault: boolean;
  default?: unknown;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  contentEncoding?: string;
  contentMediaType?: string;
}

/** Keywords that only describe a value; a `$ref` or `allOf` wrapper with just these is an alias. */
export const ANNOTATIONS: ReadonlySet<string> = new Set([
  "description", "title", "summary", "nullable", "x-nullable", "readOnly", "writeOnly", "deprecated", "default",
  "example", "examples", "externalDocs", "xml", "$comment", "$id", "$schema", "$anchor",
]);

/** Constraint keywords: on a member they can stay on the member. */
export const CONSTRAINTS: ReadonlySet<string> = new Set([
  "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
]);

/** JSON Schema keywords the lowering does not model: reported, never silently dropped. */
const UNENFORCED = ["not", "if", "patternProperties", "prefixItems", "contains", "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems"] as const;

const MERGED_KEYS = [
  "format", "additionalProperties", "propertyNames", "items", "enum", "enumNames", "oneOf", "anyOf", "minLength", "maxLength", "pattern",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems",
  "minProperties", "maxProperties", "description", "deprecated", "readOnly", "writeOnly", "contentEncoding",
  "contentMediaType",
] as const;

/** What the reader knows of one location: its own keywords, its facts, whether they are being built. */
interface FactsEntry {
  own?: SchemaFacts;
  of?: SchemaFacts;
  /** Its facts are being built (a `$ref` / `allOf` cycle comes back to it). */
  active: boolean;
}

export class FactsReader {
  /** One entry per location: a schema costs one lookup, not one per memo. */
  readonly #entries = new LocationMap<FactsEntry>();
  #activeCount = 0;

  constructor(
    private readonly docs: Documents,
    /** OpenAPI 3.1 (JSON Schema 2020-12): `$ref` siblings count, `exclusiveMinimum` is a number. */
    readonly openapi31: boolean,
  ) {}

  #entry(at: Located): FactsEntry {
    let entry = this.#entries.get(at);
    if (entry === undefined) this.#entries.set(at, (entry = { active: false }));
    return entry;
  }

  /** Only the keywords written on the schema object at `at` (memoized; reported once). */
  own(at: Located): SchemaFacts {
    return this.#ownOf(this.#entry(at), at);
  }

  #ownOf(entry: FactsEntry, at: Located): SchemaFacts {
    return (entry.own ??= isObject(at.value) ? this.#own(at, new KeywordReader(this.docs, at)) : emptyFacts());
  }

  /** Facts of the schema at `at` (memoized per location). */
  of(at: Located): SchemaFacts {
    const entry = this.#entry(at);
    if (entry.of) return entry.of;
    if (entry.active) {
      this.docs.report("warning", "OPENAPI_CIRCULAR_ALLOF", "This schema includes itself through `allOf` or `$ref`; the inner inclusion is ignored", at);
      return emptyFacts();
    }
    if (this.#activeCount >= MAX_NESTING) {
      this.docs.report("error", "MODEL_TOO_DEEP", tooDeepMessage("This schema's chain of `$ref`s and `allOf`s"), at, TOO_DEEP_HINT);
      return emptyFacts();
    }
    entry.active = true;
    this.#activeCount++;
    const facts = this.#build(at, entry);
    entry.active = false;
    this.#activeCount--;
    entry.of = facts;
    return facts;
  }

  #build(at: Located, entry: FactsEntry): SchemaFacts {
    if (!isObject(at.value)) return emptyFacts();
    // Most schemas have neither `$ref` nor `allOf`: their facts are their own keywords.
    if (!("$ref" in at.value) && !("allOf" in at.value)) return this.#ownOf(entry, at);
    const read = new KeywordReader(this.docs, at);
    const parts: SchemaFacts[] = [];
    if (read.has("$ref")) {
      const target = this.docs.resolve(at);
      if (target) parts.push(this.of(target));
      // OpenAPI 3.0 ignores the siblings of `$ref`, but its description and nullable are meant.
      if (!this.openapi31) {
        const own = this.own(at);
        const base = parts[0] ?? emptyFacts();
        return {
          ...base,
          nullable: own.nullable || base.nullable,
          ...(own.description !== undefined ? { description: own.description } : {}),
          ...(own.deprecated !== undefined ? { deprecated: own.deprecated } : {}),
          ...(own.readOnly !== undefined ? { readOnly: own.readOnly } : {}),
          ...(own.writeOnly !== undefined ? { writeOnly: own.writeOnly } : {}),
        };
      }
    }
    const allOf = read.array("allOf");
    if (allOf) {
      allOf.forEach((_, i) => {
        const { discriminator: _discriminator, ...part } = this.of(this.docs.child(at, "allOf", i));
        parts.push(part);
      });
    }
    let facts = emptyFacts();
    for (const part of parts) facts = mergeFacts(facts, part);
    const own = this.own(at);
    const merged = mergeFacts(facts, own);
    // Nullability is the schema's own say; the parts of an `allOf` must all allow null otherwise.
    merged.nullable = own.nullable || (parts.length > 0 && !read.has("type") && parts.every((p) => p.nullable) && own.types === undefined);
    return merged;
  }

  /** The keywords written on this schema object itself. */
  #own(at: Located, read: KeywordReader): SchemaFacts {
    const facts = emptyFacts();
    // Which groups of keywords the object has, from its keys once: most schemas have two or three
    // of the forty keywords read below, and a group that is absent is not read at all (each read
    // of an absent keyword did nothing).
    const present = keywordGroups(at.value as Record<string, unknown>);
    const type = present & G_TYPE ? read.raw("type") : undefined;
    if (typeof type === "string" && KNOWN_TYPES.has(type)) {
      // The common case of the loop below: one known type.
      if (type === "null") facts.nullable = true;
      facts.types = type === "null" ? [] : [type];
    }
    const typeIsNames = typeof type === "string" || (Array.isArray(type) && type.every((t) => typeof t === "string"));
    if (typeIsNames && !(typeof type === "string" && KNOWN_TYPES.has(type))) {
      const list: string[] = Array.isArray(type) ? type : [type];
      const types: string[] = [];
      list.forEach((t, i) => {
        if (KNOWN_TYPES.has(t)) {
          if (t === "null") facts.nullable = true;
          else types.push(t);
          return;
        }
        const where = Array.isArray(type) ? this.docs.child(at, "type", i) : read.child("type");
        const near = [...KNOWN_TYPES].find((k) => k === t.toLowerCase());
        this.docs.report("error", "OPENAPI_UNKNOWN_TYPE", `Unknown schema type ${show(t)}`, where, near ? `Did you mean "${near}"? Types are lower case.` : `Use one of: ${[...KNOWN_TYPES].join(", ")}.`);
      });
      if (types.length > 0 || facts.nullable) facts.types = types;
    }
    if (present & G_NULLABLE) {
      if (read.boolean("nullable") === true) facts.nullable = true;
      if (read.raw("x-nullable") === true) facts.nullable = true;
    }
    if (present & G_FORMAT) {
      const format = read.string("format", "the value is read and sent as its type says, with no format");
      if (format !== undefined) facts.format = format;
    }
    if (present & G_OBJECT) {
      const properties = read.object("properties");
      if (properties) {
        const names = Object.keys(properties);
        if (names.length > 0) {
          // As docs.child(at, "properties", name) for each name (an own key of `properties`).
          const map = new Map<string, Located>();
          const prefix = at.pointer + "/properties/";
          for (const name of names) map.set(name, { file: at.file, pointer: prefix + escapeSegment(name), value: properties[name] });
          facts.properties = map;
        }
      }
      const required = read.raw("required");
      if (required !== undefined) {
        if (Array.isArray(required) && required.every((r) => typeof r === "string")) {
          if (required.length > 0) facts.required = new Set(required as string[]);
        } else {
          read.wrongType(
            "required",
            "a list of property names",
            "the properties it would require are optional",
            typeof required === "boolean" ? "In OpenAPI 3, list required properties in the parent object's `required` array." : "Write `required` as a list of strings, or remove it.",
          );
        }
      }
      const additional = read.raw("additionalProperties");
      if (typeof additional === "boolean") facts.additionalProperties = additional;
      else if (isObject(additional)) facts.additionalProperties = read.child("additionalProperties");
      else if (additional !== undefined) read.object("additionalProperties");
      if (isObject(read.raw("propertyNames"))) facts.propertyNames = read.child("propertyNames");
    }
    if (present & G_ITEMS) {
      if (isObject(read.raw("items")) || typeof read.raw("items") === "boolean") facts.items = read.child("items");
      else read.object("items");
    }
    if (present & G_ENUM) {
      const values = read.array("enum", "any value of the schema's type is accepted");
      if (values) facts.enum = values;
      if (read.has("const")) facts.enum = [read.raw("const")];
      const names = read.raw("x-enum-varnames") ?? read.raw("x-enumNames");
      if (Array.isArray(names) && names.every((n) => typeof n === "string")) facts.enumNames = names as string[];
    }
    if (present & G_VARIANTS) {
      for (const key of ["oneOf", "anyOf"] as const) {
        const list = read.array(key);
        if (list) facts[key] = list.map((_, i) => this.docs.child(at, key, i));
      }
      if (read.object("discriminator")) facts.discriminator = read.child("discriminator");
    }
    // Each constraint keyword has a bit of its own (a string schema often has just `maxLength`).
    if (present & G_CONSTRAINTS) {
      for (const key of ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"] as const) {
        if ((present & KEYWORD_GROUP.get(key)!) === 0) continue;
        const n = read.count(key, CONSTRAINT_IGNORED);
        if (n !== undefined) facts[key] = n;
      }
      for (const key of ["minimum", "maximum"] as const) {
        if ((present & KEYWORD_GROUP.get(key)!) === 0) continue;
        const n = read.number(key, CONSTRAINT_IGNORED);
        if (n !== undefined) facts[key] = n;
      }
      for (const key of ["exclusiveMinimum", "exclusiveMaximum"] as const) {
        if ((present & KEYWORD_GROUP.get(key)!) === 0) continue;
        const n = read.booleanOrNumber(key, CONSTRAINT_IGNORED);
        if (n !== undefined) facts[key] = n;
      }
      const multipleOf = (present & KEYWORD_GROUP.get("multipleOf")!) === 0 ? undefined : read.positive("multipleOf", CONSTRAINT_IGNORED);
      if (multipleOf !== undefined) facts.multipleOf = multipleOf;
      const unique = (present & KEYWORD_GROUP.get("uniqueItems")!) === 0 ? undefined : read.boolean("uniqueItems", CONSTRAINT_IGNORED);
      if (unique !== undefined) facts.uniqueItems = unique;
      const pattern = (present & KEYWORD_GROUP.get("pattern")!) === 0 ? undefined : read.string("pattern", CONSTRAINT_IGNORED);
      if (pattern !== undefined) {
        if (isEcmaPattern(pattern)) facts.pattern = pattern;
        else read.warn("pattern", "OPENAPI_BAD_PATTERN", `\`pattern\` ${show(pattern)} is not an ECMA-262 regular expression; it is not enforced`, "OpenAPI patterns follow ECMA-262: rewrite it without PCRE-only syntax.");
      }
    }
    if (present & G_UNENFORCED) {
      for (const key of UNENFORCED) {
        if (read.has(key)) read.warn(key, "OPENAPI_UNSUPPORTED_KEYWORD", `\`${key}\` is not supported: the generated types and validators ignore it`, "Express the constraint with the supported keywords (type, properties, enum, oneOf, ...) if it matters.");
      }
    }
    if (present & G_DESCRIPTION) {
      const description = read.raw("description") ?? read.raw("title");
      if (typeof description === "string" && description.trim() !== "") facts.description = description;
    }
    if (present & G_DEFAULT) {
      facts.hasDefault = true;
      facts.default = read.raw("default");
    }
    if (present & G_FLAGS) {
      for (const key of ["deprecated", "readOnly", "writeOnly"] as const) {
        const b = read.raw(key);
        if (typeof b === "boolean") facts[key] = b;
      }
    }
    // `type` of another kind than names is ignored, and the schema typed as if it had none.
    if (type !== undefined && !typeIsNames) this.#ignoreType(read, type, facts);
    if (present & G_CONTENT) {
      const encoding = read.raw("contentEncoding");
      if (typeof encoding === "string") facts.contentEncoding = encoding;
      const media = read.raw("contentMediaType");
      if (typeof media === "string") facts.contentMediaType = media;
    }
    return facts;
  }
  /**
   * A `type` that is neither a type name nor a list of them (codat's `type: { type: {...} }`, a
   * properties map under the wrong key) is ignored with a warning saying what the schema becomes:
   * typed by its other keywords, or, with none that give a type, any value (`unknown`).
   */
  #ignoreType(read: KeywordReader, type: unknown, facts: SchemaFacts): void {
    const typed =
      facts.properties.size > 0 || facts.additionalProperties !== undefined || facts.items !== undefined || facts.enum !== undefined ||
      facts.oneOf !== undefined || facts.anyOf !== undefined || read.has("allOf") || read.has("$ref");
    const lost = typed ? "the schema is typed by its other keywords alone" : "the schema accepts any value (its TypeScript type is `unknown`)";
    const names = [...KNOWN_TYPES].join(", ");
    const hint = !isObject(type)
      ? `Write \`type\` as one of: ${names}, or a list of them.`
      : ["type", "enum", "properties", "items", "$ref", "format"].some((k) => k in type)
        ? `\`type\` holds a schema, not a type name: a property named \`type\` goes under \`properties\`; else write \`type\` as one of: ${names}.`
        : Object.keys(type).length > 0 && Object.values(type).every(isObject)
          ? `\`type\` holds schemas by name: did you mean \`properties\`? Else write \`type\` as one of: ${names}.`
          : `Write \`type\` as one of: ${names}, or a list of them.`;
    read.wrongType("type", "a type name or a list of type names", lost, hint);
  }
}

// The groups of keywords `#own` reads, one bit each (see `keywordGroups`).
const G_TYPE = 1 << 0;
const G_NULLABLE = 1 << 1;
const G_FORMAT = 1 << 2;
const G_OBJECT = 1 << 3;
const G_ITEMS = 1 << 4;
const G_ENUM = 1 << 5;
const G_VARIANTS = 1 << 6;
const G_UNENFORCED = 1 << 7;
const G_DESCRIPTION = 1 << 8;
const G_DEFAULT = 1 << 9;
const G_FLAGS = 1 << 10;
const G_CONTENT = 1 << 11;
/** The constraint keywords: a bit each, from 1 << 12 on; G_CONSTRAINTS is any of them. */
const CONSTRAINT_BITS: ReadonlyMap<string, number> = new Map([...CONSTRAINTS].map((key, i) => [key, 1 << (12 + i)]));
const G_CONSTRAINTS = [...CONSTRAINT_BITS.values()].reduce((a, b) => a | b, 0);

/** Keyword → the bit of its group (a constant table). */
const KEYWORD_GROUP: ReadonlyMap<string, number> = new Map<string, number>([
  ["type", G_TYPE],
  ["nullable", G_NULLABLE],
  ["x-nullable", G_NULLABLE],
  ["format", G_FORMAT],
  ["properties", G_OBJECT],
  ["required", G_OBJECT],
  ["additionalProperties", G_OBJECT],
  ["propertyNames", G_OBJECT],
  ["items", G_ITEMS],
  ["enum", G_ENUM],
  ["const", G_ENUM],
  ["x-enum-varnames", G_ENUM],
  ["x-enumNames", G_ENUM],
  ["oneOf", G_VARIANTS],
  ["anyOf", G_VARIANTS],
  ["discriminator", G_VARIANTS],
  ...CONSTRAINT_BITS,
  ...UNENFORCED.map((key) => [key, G_UNENFORCED] as const),
  ["description", G_DESCRIPTION],
  ["title", G_DESCRIPTION],
  ["default", G_DEFAULT],
  ["deprecated", G_FLAGS],
  ["readOnly", G_FLAGS],
  ["writeOnly", G_FLAGS],
  ["contentEncoding", G_CONTENT],
  ["contentMediaType", G_CONTENT],
]);

/**
 * The groups of keywords a schema object has (own keys: a parsed document's objects have only
 * own, enumerable ones, so `Object.keys` lists what `hasOwnProperty` finds).
 *
 *   keywordGroups({ type: "string", maxLength: 5, "x-docs": 1 }) → G_TYPE | G_CONSTRAINTS
 */
export function keywordGroups(object: Record<string, unknown>): number {
  let present = 0;
  for (const key of Object.keys(object)) present |= KEYWORD_GROUP.get(key) ?? 0;
  return present;
}

export function emptyFacts(): SchemaFacts {
  return { nullable: false, properties: NO_PROPERTIES, required: NO_NAMES, hasDefault: false };
}

/** The properties and `required` of a schema without them (most schemas: one Map and Set fewer each). */
const NO_PROPERTIES: ReadonlyMap<string, Located> = new Map();
const NO_NAMES: ReadonlySet<string> = new Set();

/** `later` over `earlier`: later keywords win, properties and `required` accumulate. */
export function mergeFacts(earlier: SchemaFacts, later: SchemaFacts): SchemaFacts {
  const out: SchemaFacts = {
    ...earlier,
    properties: new Map([...earlier.properties, ...later.properties]),
    required: new Set([...earlier.required, ...later.required]),
    nullable: later.nullable,
  };
  if (later.types !== undefined) out.types = later.types;
  for (const key of MERGED_KEYS) {
    if (later[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = later[key];
  }
  if (later.discriminator) out.discriminator = later.discriminator;
  if (later.hasDefault) {
    out.hasDefault = true;
    out.default = later.default;
  }
  return out;
}

function isEcmaPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    try {
      new RegExp(pattern);
      return true;
    } catch {
      return false;
    }
  }
}
