// The built-in `smithy.api` prelude as a deeply frozen Smithy 2.0 JSON AST: the simple shapes
// every model may use (String, Integer, PrimitiveLong, Unit, ...), every built-in trait shape and
// the private helper shapes their values are made of. Written from the Smithy 2.0 specification.
//
//   PRELUDE.shapes?.["smithy.api#length"]
//   // → { type: "structure", members: { min: { target: "smithy.api#Long" }, max: ... },
//   //     traits: { "smithy.api#trait": { selector: ":test(list, map, string, blob, ...)" } } }
//
// The shapes are built from the compact table at the bottom of this file; the exported value is
// the plain AST. Trait `conflicts` are written as absolute shape ids.

import type { AstMemberRef, AstModel, AstShape, NodeValue } from "./ast.js";

export const PRELUDE_NAMESPACE = "smithy.api";

// ---------------------------------------------------------------------------------------------
// Table helpers
// ---------------------------------------------------------------------------------------------

type Traits = Record<string, NodeValue>;
/** A member: a bare target name in the prelude, or a target with member traits. */
type MemberSpec = string | AstMemberRef;

const id = (name: string): string => `${PRELUDE_NAMESPACE}#${name}`;

const shapes: Record<string, AstShape> = {};

function merge(fragments: readonly Traits[]): Traits | undefined {
  const out: Traits = Object.assign({}, ...fragments) as Traits;
  return Object.keys(out).length > 0 ? out : undefined;
}

function define(name: string, shape: AstShape, fragments: readonly Traits[]): void {
  const key = id(name);
  if (key in shapes) throw new Error(`prelude: ${key} defined twice`);
  const traits = merge(fragments);
  shapes[key] = traits === undefined ? shape : { ...shape, traits };
}

/** A member targeting prelude shape `target`, with optional member traits. */
function m(target: string, ...fragments: Traits[]): AstMemberRef {
  const traits = merge(fragments);
  return traits === undefined ? { target: id(target) } : { target: id(target), traits };
}

const member = (spec: MemberSpec): AstMemberRef => (typeof spec === "string" ? m(spec) : spec);

function simple(type: string, name: string, ...traits: Traits[]): void {
  define(name, { type }, traits);
}

function structure(name: string, members: Record<string, MemberSpec>, ...traits: Traits[]): void {
  const out: Record<string, AstMemberRef> = {};
  for (const [key, spec] of Object.entries(members)) out[key] = member(spec);
  define(name, { type: "structure", members: out }, traits);
}

function list(name: string, item: MemberSpec, ...traits: Traits[]): void {
  define(name, { type: "list", member: member(item) }, traits);
}

function map(name: string, key: MemberSpec, value: MemberSpec, ...traits: Traits[]): void {
  define(name, { type: "map", key: member(key), value: member(value) }, traits);
}

/** A string enum; each entry is `CONSTANT_NAME: "wire value"`. */
function enumeration(name: string, values: Record<string, string>, ...traits: Traits[]): void {
  const members: Record<string, AstMemberRef> = {};
  for (const [constant, value] of Object.entries(values)) {
    members[constant] = m("Unit", { [id("enumValue")]: value });
  }
  define(name, { type: "enum", members }, traits);
}

// Trait fragments, merged into a shape's or member's `traits`.
const marker = (name: string): Traits => ({ [id(name)]: {} });
const PRIVATE = marker("private");
const REQUIRED = marker("required");
const NOT_PROPERTY = marker("notProperty");
const UNSTABLE = marker("unstable");
const UNIQUE_ITEMS = marker("uniqueItems");
const AUTH_DEFINITION = { [id("authDefinition")]: {} };
const dflt = (value: NodeValue): Traits => ({ [id("default")]: value });
const minLength = (min: number): Traits => ({ [id("length")]: { min } });
const range = (value: { min?: number; max?: number }): Traits => ({ [id("range")]: value });
const pattern = (regex: string): Traits => ({ [id("pattern")]: regex });
const idRef = (value: { selector?: string; failWhenMissing?: boolean; errorMessage?: string }): Traits => ({
  [id("idRef")]: value,
});
const deprecated = (value: { message: string; since?: string }): Traits => ({ [id("deprecated")]: value });
const docsLink = (title: string, url: string): Traits => ({ [id("externalDocumentation")]: { [title]: url } });

interface TraitOptions {
  selector?: string;
  conflicts?: readonly string[];
  exclusive?: "member" | "target";
  /** Breaking-change rules as `"<change> [/path] [SEVERITY]"`, e.g. `"presence /code DANGER"`. */
  breaking?: readonly string[];
}

/** The `smithy.api#trait` fragment that makes a shape a trait. */
function trait(options: TraitOptions = {}): Traits {
  const value: Record<string, NodeValue> = {};
  if (options.selector !== undefined) value["selector"] = options.selector;
  if (options.exclusive !== undefined) value["structurallyExclusive"] = options.exclusive;
  if (options.conflicts !== undefined) value["conflicts"] = options.conflicts.map(id);
  if (options.breaking !== undefined) value["breakingChanges"] = options.breaking.map(breakingRule);
  return { [id("trait")]: value };
}

function breakingRule(rule: string): Record<string, NodeValue> {
  const [change = "", ...rest] = rule.split(" ");
  const out: Record<string, NodeValue> = { change };
  for (const part of rest) out[part.startsWith("/") ? "path" : "severity"] = part;
  return out;
}

const HTTP_BINDINGS = [
  "httpLabel",
  "httpQuery",
  "httpQueryParams",
  "httpHeader",
  "httpPrefixHeaders",
  "httpPayload",
  "httpResponseCode",
] as const;
/** The other HTTP member bindings a binding trait conflicts with. */
const otherBindings = (self: (typeof HTTP_BINDINGS)[number]): string[] => HTTP_BINDINGS.filter((b) => b !== self);

const SIMPLE_OR_TEMPORAL = ":test(string, number, boolean, timestamp)";

// ---------------------------------------------------------------------------------------------
// Simple shapes and Unit
// ---------------------------------------------------------------------------------------------

simple("string", "String");
simple("blob", "Blob");
simple("bigInteger", "BigInteger");
simple("bigDecimal", "BigDecimal");
simple("timestamp", "Timestamp");
simple("document", "Document");
simple("boolean", "Boolean");
simple("byte", "Byte");
simple("short", "Short");
simple("integer", "Integer");
simple("long", "Long");
simple("float", "Float");
simple("double", "Double");

simple("boolean", "PrimitiveBoolean", dflt(false));
for (const type of ["byte", "short", "integer", "long", "float", "double"]) {
  simple(type, `Primitive${type[0]?.toUpperCase() ?? ""}${type.slice(1)}`, dflt(0));
}

structure("Unit", {}, marker("unitType"));

// ---------------------------------------------------------------------------------------------
// Trait definition traits and shared helpers
// ---------------------------------------------------------------------------------------------

structure(
  "trait",
  {
    selector: "String",
    structurallyExclusive: "StructurallyExclusive",
    conflicts: "NonEmptyStringList",
    breakingChanges: "TraitDiffRules",
  },
  trait({
    selector: ":is(simpleType, list, map, structure, union)",
    breaking: ["presence", "any /structurallyExclusive", "update /conflicts NOTE"],
  }),
);
list("TraitDiffRules", "TraitDiffRule", PRIVATE, minLength(1));
structure(
  "TraitDiffRule",
  { path: "String", change: m("TraitChangeType", REQUIRED), severity: m("Severity", dflt("ERROR")), message: "String" },
  PRIVATE,
);
enumeration(
  "TraitChangeType",
  { UPDATE: "update", ADD: "add", REMOVE: "remove", PRESENCE: "presence", ANY: "any" },
  PRIVATE,
);
enumeration("Severity", { NOTE: "NOTE", WARNING: "WARNING", DANGER: "DANGER", ERROR: "ERROR" }, PRIVATE);
enumeration("StructurallyExclusive", { MEMBER: "member", TARGET: "target" }, PRIVATE);

map("traitValidators", m("String", minLength(1)), "TraitValidator", trait({ selector: "[trait|trait]" }));
structure(
  "TraitValidator",
  { selector: m("String", REQUIRED), message: "String", severity: m("Severity", dflt("ERROR")) },
  PRIVATE,
);

simple("string", "NonEmptyString", PRIVATE, minLength(1));
list("NonEmptyStringList", "NonEmptyString", PRIVATE);
map("NonEmptyStringMap", "NonEmptyString", "NonEmptyString", PRIVATE);
list("TraitShapeIdList", "TraitShapeId", PRIVATE);
simple("string", "TraitShapeId", PRIVATE, idRef({ failWhenMissing: true, selector: "[trait|trait]" }));
simple("string", "Identifier", PRIVATE, pattern("^(_+[a-zA-Z0-9]|[a-zA-Z])\\w*$"));
simple("string", "CommonMark", PRIVATE, docsLink("CommonMark", "https://commonmark.org/"), {
  [id("mediaType")]: "text/markdown; charset=UTF-8; variant=CommonMark",
});

// ---------------------------------------------------------------------------------------------
// Documentation traits
// ---------------------------------------------------------------------------------------------

simple("string", "documentation", trait());
map("externalDocumentation", "NonEmptyString", "NonEmptyString", trait(), minLength(1));
structure("deprecated", { message: "String", since: "String" }, trait());
simple("string", "since", trait());
simple("string", "title", trait());
list("tags", "String", trait());
structure("unstable", {}, trait());
structure("internal", {}, trait({ breaking: ["remove WARNING"] }));
structure("recommended", { reason: "String" }, trait({ selector: "structure > member", conflicts: ["required"] }));
list("suppress", m("String", minLength(1)), trait());

list("examples", "Example", trait({ selector: "operation" }));
structure(
  "Example",
  {
    title: m("String", REQUIRED),
    documentation: "String",
    input: "Document",
    output: "Document",
    error: "ExampleError",
    allowConstraintErrors: "Boolean",
  },
  PRIVATE,
);
structure(
  "ExampleError",
  { shapeId: m("String", idRef({ selector: "structure[trait|error]" })), content: "Document" },
  PRIVATE,
);

// ---------------------------------------------------------------------------------------------
// Type refinement traits
// ---------------------------------------------------------------------------------------------

simple(
  "document",
  "default",
  trait({ selector: ":is(simpleType, list, map, structure > member :test(> :is(simpleType, list, map)))" }),
);
structure("addedDefault", {}, trait({ selector: "structure > member [trait|default]", breaking: ["remove"] }));
structure("clientOptional", {}, trait({ selector: "structure > member" }));
structure("required", {}, trait({ selector: "structure > member" }));
structure(
  "box",
  {},
  trait({
    selector:
      ":test(boolean, byte, short, integer, long, float, double, " +
      "member > :test(boolean, byte, short, integer, long, float, double))",
  }),
);
enumeration(
  "error",
  { CLIENT: "client", SERVER: "server" },
  trait({ selector: "structure", conflicts: ["trait"], breaking: ["any"] }),
);
structure("input", {}, trait({ selector: "structure", conflicts: ["output", "error"], breaking: ["presence"] }));
structure("output", {}, trait({ selector: "structure", conflicts: ["input", "error"], breaking: ["presence"] }));
structure("sparse", {}, trait({ selector: ":is(list, map)", breaking: ["presence"] }));
structure("unitType", {}, trait({ selector: "[id=smithy.api#Unit]" }));
structure("mixin", { localTraits: "LocalMixinTraitList" }, trait({ selector: ":not(member)" }));
list("LocalMixinTraitList", "LocalMixinTrait", PRIVATE);
simple(
  "string",
  "LocalMixinTrait",
  PRIVATE,
  idRef({
    selector: "[trait|trait]",
    failWhenMissing: true,
    errorMessage: "Each entry of a mixin's localTraits has to name a trait shape.",
  }),
);
simple("document", "enumValue", trait({ selector: ":is(enum, intEnum) > member" }), {
  [id("tags")]: ["diff.error.const"],
});

// ---------------------------------------------------------------------------------------------
// Constraint traits
// ---------------------------------------------------------------------------------------------

structure(
  "length",
  { min: "Long", max: "Long" },
  trait({ selector: ":test(list, map, string, blob, member > :is(list, map, string, blob))" }),
);
structure("range", { min: "BigDecimal", max: "BigDecimal" }, trait({ selector: ":test(number, member > number)" }));
simple(
  "string",
  "pattern",
  trait({ selector: ":test(string, member > string)", breaking: ["add WARNING", "update NOTE"] }),
);
structure(
  "uniqueItems",
  {},
  trait({
    selector: "list :not(> member ~> :is(float, double, document))",
    conflicts: ["sparse"],
    breaking: ["presence WARNING"],
  }),
);
structure("private", {}, trait());
structure("sensitive", {}, trait({ selector: ":not(:test(service, operation, resource, member))" }));
structure(
  "idRef",
  { selector: m("String", dflt("*")), failWhenMissing: "Boolean", errorMessage: "String" },
  trait({ selector: ":test(string, member > string)" }),
);
list(
  "enum",
  "EnumDefinition",
  trait({ selector: "string :not(enum)", breaking: ["presence"] }),
  minLength(1),
  deprecated({ message: "Smithy 2.0 models use enum shapes instead.", since: "2.0" }),
);
structure(
  "EnumDefinition",
  {
    value: m("NonEmptyString", REQUIRED),
    name: "EnumConstantBodyName",
    documentation: "String",
    tags: "NonEmptyStringList",
    deprecated: "Boolean",
  },
  PRIVATE,
);
simple("string", "EnumConstantBodyName", PRIVATE, pattern("^[a-zA-Z_]+[a-zA-Z_0-9]*$"));

// ---------------------------------------------------------------------------------------------
// Behavior traits
// ---------------------------------------------------------------------------------------------

structure(
  "idempotencyToken",
  {},
  trait({ selector: "structure > :test(member > string)", exclusive: "member", breaking: ["remove"] }),
  NOT_PROPERTY,
);
structure(
  "idempotent",
  { exists: "IdempotentErrors", notFound: "IdempotentErrors" },
  trait({ selector: "operation", conflicts: ["readonly"], breaking: ["remove"] }),
);
list("IdempotentErrors", m("String", idRef({ selector: "[trait|error]" })), PRIVATE);
structure("readonly", {}, trait({ selector: "operation", conflicts: ["idempotent"], breaking: ["remove"] }));
structure("retryable", { throttling: "Boolean" }, trait({ selector: "structure[trait|error]", breaking: ["remove"] }));
structure(
  "paginated",
  { inputToken: "NonEmptyString", outputToken: "NonEmptyString", items: "NonEmptyString", pageSize: "NonEmptyString" },
  trait({
    selector: ":is(service, operation)",
    breaking: [
      "remove",
      "update /inputToken",
      "update /outputToken",
      "remove /items",
      "add /items NOTE",
      "update /items NOTE",
      "update /pageSize",
      "remove /pageSize",
    ],
  }),
);
structure(
  "requestCompression",
  { encodings: m("RequestCompressionEncodingsList", REQUIRED) },
  trait({
    selector: "operation",
    breaking: [
      "remove DANGER",
      "remove /encodings",
      "add /encodings/member NOTE",
      "remove /encodings/member DANGER",
      "update /encodings/member DANGER",
    ],
  }),
);
// Encoding names are compared case-insensitively, so they stay plain strings.
list("RequestCompressionEncodingsList", "String", PRIVATE);
structure(
  "longPoll",
  { timeoutMillis: m("Integer", REQUIRED, range({ min: 1 })) },
  trait({ selector: "operation" }),
  UNSTABLE,
);

// ---------------------------------------------------------------------------------------------
// Resource traits
// ---------------------------------------------------------------------------------------------

structure("noReplace", {}, trait({ selector: "resource:test(-[put]->)" }));
list("references", "Reference", trait({ selector: ":is(structure, string)" }));
structure(
  "Reference",
  {
    resource: m("NonEmptyString", REQUIRED),
    ids: "NonEmptyStringMap",
    service: "NonEmptyString",
    rel: "NonEmptyString",
  },
  PRIVATE,
);
simple(
  "string",
  "resourceIdentifier",
  trait({ selector: "structure > :test(member[trait|required] > string)", breaking: ["remove"] }),
  minLength(1),
  NOT_PROPERTY,
);
structure(
  "property",
  { name: "String" },
  trait({ selector: "structure > member", conflicts: ["resourceIdentifier"], breaking: ["remove", "update"] }),
);
structure(
  "notProperty",
  {},
  trait({ selector: ":is(operation -[input, output]-> structure > member, [trait|trait])", breaking: ["add"] }),
  NOT_PROPERTY,
);
structure(
  "nestedProperties",
  {},
  trait({
    selector: "operation -[input, output]-> structure > member :test(> structure)",
    exclusive: "member",
    breaking: ["any"],
  }),
  NOT_PROPERTY,
);

// ---------------------------------------------------------------------------------------------
// Streaming traits
// ---------------------------------------------------------------------------------------------

structure("streaming", {}, trait({ selector: ":is(blob, union)", exclusive: "target", breaking: ["any"] }));
structure("requiresLength", {}, trait({ selector: "blob[trait|streaming]", breaking: ["presence"] }));
structure(
  "eventHeader",
  {},
  trait({
    selector: "structure > :test(member > :test(boolean, byte, short, integer, long, blob, string, timestamp))",
    conflicts: ["eventPayload"],
    breaking: ["any"],
  }),
);
structure(
  "eventPayload",
  {},
  trait({
    selector: "structure > :test(member > :test(blob, string, structure, union))",
    conflicts: ["eventHeader"],
    exclusive: "member",
    breaking: ["any"],
  }),
);

// ---------------------------------------------------------------------------------------------
// Protocol and serialization traits
// ---------------------------------------------------------------------------------------------

structure(
  "protocolDefinition",
  {
    traits: "TraitShapeIdList",
    noInlineDocumentSupport: m("Boolean", deprecated({ message: "Superseded by the traitValidators trait." })),
  },
  trait({ selector: "structure[trait|trait]", breaking: ["presence"] }),
);
simple("string", "jsonName", trait({ selector: ":is(structure, union) > member", breaking: ["any"] }));
simple("string", "mediaType", trait({ selector: ":is(blob, string)", breaking: ["remove"] }));
enumeration(
  "timestampFormat",
  { DATE_TIME: "date-time", EPOCH_SECONDS: "epoch-seconds", HTTP_DATE: "http-date" },
  trait({ selector: ":test(timestamp, member > timestamp)", breaking: ["any"] }),
);

// ---------------------------------------------------------------------------------------------
// Authentication traits
// ---------------------------------------------------------------------------------------------

structure(
  "authDefinition",
  { traits: "TraitShapeIdList" },
  trait({ selector: "structure[trait|trait]", breaking: ["presence"] }),
);
const AUTH_SCHEME = trait({ selector: "service", breaking: ["remove"] });
structure(
  "httpBasicAuth",
  {},
  AUTH_SCHEME,
  AUTH_DEFINITION,
  docsLink("RFC 2617", "https://tools.ietf.org/html/rfc2617.html"),
);
structure(
  "httpDigestAuth",
  {},
  AUTH_SCHEME,
  AUTH_DEFINITION,
  docsLink("RFC 2617", "https://tools.ietf.org/html/rfc2617.html"),
);
structure(
  "httpBearerAuth",
  {},
  AUTH_SCHEME,
  AUTH_DEFINITION,
  docsLink("RFC 6750", "https://tools.ietf.org/html/rfc6750.html"),
);
structure(
  "httpApiKeyAuth",
  { name: m("NonEmptyString", REQUIRED), in: m("HttpApiKeyLocations", REQUIRED), scheme: "NonEmptyString" },
  AUTH_SCHEME,
  AUTH_DEFINITION,
);
enumeration("HttpApiKeyLocations", { HEADER: "header", QUERY: "query" }, PRIVATE);
structure("optionalAuth", {}, trait({ selector: "operation", breaking: ["remove"] }));
list("auth", "AuthTraitReference", trait({ selector: ":is(service, operation)" }), UNIQUE_ITEMS);
simple("string", "AuthTraitReference", PRIVATE, idRef({ selector: "[trait|authDefinition]" }));

// ---------------------------------------------------------------------------------------------
// HTTP binding traits
// ---------------------------------------------------------------------------------------------

structure(
  "http",
  {
    method: m("NonEmptyString", REQUIRED),
    uri: m("NonEmptyString", REQUIRED),
    code: m("Integer", range({ min: 100, max: 999 }), dflt(200)),
  },
  trait({
    selector: "operation",
    breaking: ["remove", "update /method", "update /uri", "update /code", "presence /code DANGER"],
  }),
);
structure(
  "httpLabel",
  {},
  trait({
    selector: `structure > member[trait|required] :test(> ${SIMPLE_OR_TEMPORAL})`,
    conflicts: otherBindings("httpLabel"),
    breaking: ["presence"],
  }),
);
simple(
  "string",
  "httpQuery",
  trait({
    selector: `structure > member :test(> ${SIMPLE_OR_TEMPORAL}, > list > member > ${SIMPLE_OR_TEMPORAL})`,
    conflicts: otherBindings("httpQuery"),
    breaking: ["any"],
  }),
  minLength(1),
);
structure(
  "httpQueryParams",
  {},
  trait({
    selector: "structure > member :test(> map > member[id|member=value] > :test(string, list > member > string))",
    exclusive: "member",
    conflicts: otherBindings("httpQueryParams"),
    breaking: ["any"],
  }),
);
simple(
  "string",
  "httpHeader",
  trait({
    selector:
      "structure > :test(member > :test(boolean, number, string, timestamp, " +
      "list > member > :test(boolean, number, string, timestamp)))",
    conflicts: otherBindings("httpHeader"),
    breaking: ["any"],
  }),
  minLength(1),
);
simple(
  "string",
  "httpPrefixHeaders",
  trait({
    selector: "structure > member :test(> map :not([trait|sparse]) > member[id|member=value] > string)",
    exclusive: "member",
    conflicts: otherBindings("httpPrefixHeaders"),
    breaking: ["any"],
  }),
);
structure(
  "httpPayload",
  {},
  trait({
    selector: "structure > member",
    exclusive: "member",
    conflicts: otherBindings("httpPayload"),
    breaking: ["presence"],
  }),
);
structure(
  "httpResponseCode",
  {},
  trait({
    selector: "structure :not([trait|input]) > member :test(> integer)",
    exclusive: "member",
    conflicts: otherBindings("httpResponseCode"),
    breaking: ["any"],
  }),
);
simple("integer", "httpError", trait({ selector: "structure[trait|error]", breaking: ["any"] }));
structure(
  "cors",
  {
    origin: m("NonEmptyString", dflt("*")),
    origins: "NonEmptyStringMap",
    maxAge: m("Integer", dflt(600)),
    additionalAllowedHeaders: "NonEmptyStringList",
    additionalExposedHeaders: "NonEmptyStringList",
  },
  trait({ selector: "service", breaking: ["remove"] }),
);
structure("httpChecksumRequired", {}, trait({ selector: "operation" }), UNSTABLE);

// ---------------------------------------------------------------------------------------------
// XML binding traits
// ---------------------------------------------------------------------------------------------

structure(
  "xmlAttribute",
  {},
  trait({
    selector: "structure > :test(member > :test(boolean, number, string, timestamp))",
    conflicts: ["xmlNamespace"],
    breaking: ["any"],
  }),
);
structure(
  "xmlFlattened",
  {},
  trait({ selector: ":is(structure, union) > :test(member > :test(list, map))", breaking: ["any"] }),
);
simple(
  "string",
  "xmlName",
  trait({ selector: ":is(structure, union, member)", breaking: ["any"] }),
  pattern("^[a-zA-Z_][a-zA-Z_0-9-]*(:[a-zA-Z_][a-zA-Z_0-9-]*)?$"),
);
structure(
  "xmlNamespace",
  { uri: m("NonEmptyString", REQUIRED), prefix: m("NonEmptyString", pattern("^[a-zA-Z_][a-zA-Z_0-9-]*$")) },
  trait({
    selector: ":is(service, member, simpleType, list, map, structure, union)",
    conflicts: ["xmlAttribute"],
    breaking: ["any"],
  }),
);

// ---------------------------------------------------------------------------------------------
// Endpoint traits
// ---------------------------------------------------------------------------------------------

structure(
  "endpoint",
  { hostPrefix: m("NonEmptyString", REQUIRED) },
  trait({ selector: "operation", breaking: ["any"] }),
);
structure(
  "hostLabel",
  {},
  trait({ selector: "structure > :test(member[trait|required] > string)", breaking: ["any"] }),
);

// ---------------------------------------------------------------------------------------------
// Model metadata traits: shape closures
// ---------------------------------------------------------------------------------------------

structure(
  "metadata",
  { key: m("String", REQUIRED, minLength(1)) },
  trait({ selector: "dataType :not([trait|input]) :not([trait|output])" }),
);
list("ShapeClosures", "ShapeClosure", PRIVATE, { [id("metadata")]: { key: "shapeClosures" } });
structure(
  "ShapeClosure",
  {
    id: m("ClosureId", REQUIRED),
    includeNamespaces: m("Namespaces", dflt([])),
    includeBySelector: m("String", minLength(1)),
    rename: m("Renames", dflt({})),
    documentation: "CommonMark",
  },
  PRIVATE,
);
// Only the shape-id syntax is checked here: the closure id need not exist in the model.
simple("string", "ClosureId", PRIVATE, idRef({ failWhenMissing: false }));
list("Namespaces", "String", PRIVATE, UNIQUE_ITEMS);
map(
  "Renames",
  m(
    "String",
    idRef({
      failWhenMissing: true,
      selector: ":not(:is(member, service, resource, operation))",
      errorMessage: "A renamed shape has to exist and must not be a member, service, resource or operation.",
    }),
  ),
  "Identifier",
  PRIVATE,
);

// ---------------------------------------------------------------------------------------------
// The exported value
// ---------------------------------------------------------------------------------------------

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every shape of the `smithy.api` namespace, keyed by absolute shape id; deeply frozen. */
export const PRELUDE: AstModel = deepFreeze({ smithy: "2.0", shapes });
