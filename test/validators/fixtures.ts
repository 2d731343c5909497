// Hand-built resolved models for the validator tests, and a helper that emits a model's
// validators.ts (plus the runtime.ts it imports) into a temporary folder under .tmp/ and imports it.
//
//   const { validate } = await emitAndImport(kitchenModel());
//   validate("validateOuter")({ Inner: {} }) → [{ path: "/Inner/...", constraint: ..., message: ... }]

import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Diagnostics } from "../../generator/diagnostics.js";
import { HELPER_FILES } from "../../generator/protocols/symbols.js";
import { emitValidators } from "../../generator/emit/validators.js";
import { formatTypeScript } from "../../generator/format.js";
import type {
  Constraints,
  EnumShape,
  Member,
  NumberKind,
  Ref,
  ResolvedModel,
  Shape,
  ShapeId,
} from "../../generator/model/ir.js";
import { assignNames } from "../../generator/naming/names.js";
import { loadTemplates } from "../../generator/cli/templates.js";

export const NS = "test.validation#";

/** A failure as the generated code returns it. */
export interface Failure {
  readonly path: string;
  readonly constraint: string;
  readonly message: string;
}

export type Validator = (value: unknown, path?: string) => Failure[];

const base = { sensitive: false, constraints: {} } as const;

/** Prelude shapes (`smithy.api#...`) as a front end resolves them. */
export const PRELUDE: readonly Shape[] = [
  { ...base, type: "string", id: "smithy.api#String", name: "String" },
  { ...base, type: "boolean", id: "smithy.api#Boolean", name: "Boolean" },
  { ...base, type: "number", kind: "integer", id: "smithy.api#Integer", name: "Integer" },
  { ...base, type: "number", kind: "long", id: "smithy.api#Long", name: "Long" },
  { ...base, type: "number", kind: "double", id: "smithy.api#Double", name: "Double" },
  { ...base, type: "number", kind: "byte", id: "smithy.api#Byte", name: "Byte" },
  { ...base, type: "blob", id: "smithy.api#Blob", name: "Blob" },
  { ...base, type: "timestamp", id: "smithy.api#Timestamp", name: "Timestamp" },
  { ...base, type: "document", id: "smithy.api#Document", name: "Document" },
];

export const STRING = "smithy.api#String";
export const INTEGER = "smithy.api#Integer";
export const DOUBLE = "smithy.api#Double";

/** A member; `target` without `#` is taken as a name in NS. */
export function member(
  name: string,
  target: string,
  options: { required?: boolean; nullable?: boolean; constraints?: Constraints } = {},
): Member {
  const m: Member = { name, target: id(target), required: options.required ?? false, constraints: options.constraints ?? {} };
  return options.nullable ? { ...m, nullable: true } : m;
}

/** A ref; `target` without `#` is taken as a name in NS. */
export function ref(target: string, nullable = false): Ref {
  return nullable ? { target: id(target), nullable: true } : { target: id(target) };
}

export function id(target: string): ShapeId {
  return target.includes("#") ? target : NS + target;
}

export function str(name: string, constraints: Constraints = {}): Shape {
  return { ...base, type: "string", id: id(name), name, constraints };
}

export function enumOf(name: string, values: readonly string[], constraints: Constraints = {}): EnumShape {
  return { ...base, type: "enum", id: id(name), name, constraints, values: values.map((v) => ({ name: v, value: v })) };
}

export function intEnumOf(name: string, values: readonly number[]): Shape {
  return { ...base, type: "intEnum", id: id(name), name, values: values.map((v) => ({ name: `V${v}`, value: v })) };
}

export function num(name: string, kind: NumberKind, constraints: Constraints = {}): Shape {
  return { ...base, type: "number", kind, id: id(name), name, constraints };
}

export function struct(name: string, members: readonly Member[], constraints: Constraints = {}, extra: Partial<{ additionalProperties: Ref | true }> = {}): Shape {
  return { ...base, type: "structure", id: id(name), name, members, constraints, ...extra };
}

export function union(name: string, members: readonly Member[]): Shape {
  return { ...base, type: "union", id: id(name), name, members };
}

export function list(name: string, item: Ref, constraints: Constraints = {}): Shape {
  return { ...base, type: "list", id: id(name), name, member: item, constraints };
}

export function map(name: string, key: string, value: Ref, constraints: Constraints = {}): Shape {
  return { ...base, type: "map", id: id(name), name, key: ref(key), value, constraints };
}

/**
 * A resolved model of the given shapes plus the prelude, keyed and iterated in id order. Each
 * given shape is the input of an operation, since validators exist for operation inputs only.
 */
export function model(name: string, shapes: readonly Shape[]): ResolvedModel {
  const all = [...PRELUDE, ...shapes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    name,
    sources: [`models/${name}.json`],
    service: { id: NS + "Service", name: "Service", protocols: [{ id: "aws.protocols#awsJson1_1", value: {} }] },
    operations: shapes.map((s) => ({ id: `${NS}Use${s.name}`, name: `Use${s.name}`, input: s.id, errors: [] })),
    shapes: new Map(all.map((s) => [s.id, s])),
  };
}

/** InitiateAuthRequest as the Cognito model declares it (the benchmark's input shape). */
export function cognitoModel(): ResolvedModel {
  const stringType = str("StringType", { length: { min: 0, max: 131072 } });
  return model("cognito-fixture", [
    enumOf("AuthFlowType", [
      "USER_SRP_AUTH",
      "REFRESH_TOKEN_AUTH",
      "REFRESH_TOKEN",
      "CUSTOM_AUTH",
      "ADMIN_NO_SRP_AUTH",
      "USER_PASSWORD_AUTH",
      "ADMIN_USER_PASSWORD_AUTH",
      "USER_AUTH",
    ]),
    map("AuthParametersType", STRING, ref(STRING)),
    map("ClientMetadataType", STRING, ref(STRING)),
    str("ClientIdType", { length: { min: 1, max: 128 }, pattern: "^[\\w+]+$" }),
    struct("AnalyticsMetadataType", [member("AnalyticsEndpointId", "StringType")]),
    struct("UserContextDataType", [member("IpAddress", "StringType"), member("EncodedData", "StringType")]),
    str("SessionType", { length: { min: 20, max: 2048 } }),
    stringType,
    struct("InitiateAuthRequest", [
      member("AuthFlow", "AuthFlowType", { required: true }),
      member("AuthParameters", "AuthParametersType"),
      member("ClientMetadata", "ClientMetadataType"),
      member("ClientId", "ClientIdType", { required: true }),
      member("AnalyticsMetadata", "AnalyticsMetadataType"),
      member("UserContextData", "UserContextDataType"),
      member("Session", "SessionType"),
    ]),
  ]);
}

/** Every shape kind and constraint the validators handle. */
export function kitchenModel(): ResolvedModel {
  const alt = (name: string, exclusive: boolean, variants: readonly Ref[], discriminator?: { propertyName: string; mapping: { value: string; target: ShapeId }[] }): Shape => ({
    ...base,
    type: "alternatives",
    id: id(name),
    name,
    exclusive,
    variants,
    ...(discriminator ? { discriminator } : {}),
  });
  return model("kitchen", [
    // Nesting, depth ≥ 3: /Inner/Items/0/Tags/<key>.
    struct("Outer", [
      member("Inner", "Inner", { required: true }),
      member("Word", "LowerWord"),
      member("Code", "ClientId"),
      member("Short", "ClientId", { constraints: { length: { max: 3 } } }),
      member("Choice", "Choice"),
      member("Tree", "Node"),
      member("Numbers", "Numbers"),
      member("Lists", "Lists"),
      member("Pet", "Pet"),
      member("Figure", "Figure"),
      member("Scalar", "Scalar"),
      member("Props", "Props"),
      member("Any", "smithy.api#Document", { required: true }),
      member("constructor", STRING),
      member("Maybe", STRING, { required: true, nullable: true }),
      member("Status", "Status"),
      member("Level", "Level"),
      member("Misc", "Misc"),
    ]),
    struct("Inner", [member("Items", "ItemList", { required: true })]),
    list("ItemList", ref("Item")),
    struct("Item", [member("Name", "Name", { required: true }), member("Tags", "TagMap")]),
    str("Name", { length: { min: 1, max: 5 } }),
    map("TagMap", "TagKey", ref("TagValue"), { length: { max: 3 } }),
    str("TagKey", { pattern: "^[a-z/~]+$" }),
    str("TagValue", { length: { max: 3 } }),
    // Patterns: not anchored vs anchored.
    str("LowerWord", { pattern: "[a-z]+" }),
    str("ClientId", { length: { min: 1, max: 128 }, pattern: "^[\\w+]+$" }),
    // Union and recursion.
    union("Choice", [member("text", STRING), member("count", INTEGER), member("nested", "Choice")]),
    struct("Node", [member("Value", "Percent", { required: true }), member("Children", "NodeList")]),
    list("NodeList", ref("Node")),
    // Numbers.
    struct("Numbers", [
      member("Percent", "Percent"),
      member("Positive", "Positive"),
      member("Ratio", "Ratio"),
      member("Open", "Open"),
      member("Step", "Step"),
      member("Even", "Even"),
      member("Small", "smithy.api#Byte"),
      member("Whole", INTEGER),
      member("Floor", INTEGER, { constraints: { range: { min: 10 } } }),
    ]),
    num("Percent", "integer", { range: { min: 0, max: 100 } }),
    num("Positive", "double", { range: { min: 0, exclusiveMin: true } }),
    num("Ratio", "double", { range: { min: 0, max: 1, exclusiveMin: true } }),
    num("Open", "double", { range: { min: -1, max: 1, exclusiveMin: true, exclusiveMax: true } }),
    num("Step", "double", { multipleOf: 0.1 }),
    num("Even", "long", { multipleOf: 2 }),
    // Lists.
    struct("Lists", [
      member("UniqueNames", "UniqueNames"),
      member("UniqueRecords", "UniqueRecords"),
      member("Sparse", "SparseList"),
      member("Bounded", "BoundedList"),
    ]),
    list("UniqueNames", ref(STRING), { uniqueItems: true }),
    list("UniqueRecords", ref("Record"), { uniqueItems: true }),
    struct("Record", [member("Key", STRING), member("Values", "NumberList")]),
    list("NumberList", ref(INTEGER)),
    list("SparseList", ref(INTEGER, true)),
    list("BoundedList", ref(STRING), { length: { min: 1, max: 2 } }),
    map("Props", STRING, ref(STRING), { properties: { min: 1, max: 2 } }),
    // Alternatives.
    alt("Pet", true, [ref("Cat"), ref("Dog")], {
      propertyName: "petType",
      mapping: [
        { value: "cat", target: id("Cat") },
        { value: "dog", target: id("Dog") },
      ],
    }),
    struct("Cat", [member("petType", STRING, { required: true }), member("lives", "Percent", { required: true })]),
    struct("Dog", [member("petType", STRING, { required: true }), member("bark", "smithy.api#Boolean")]),
    alt("Figure", false, [ref("Circle"), ref("Square")]),
    struct("Circle", [member("radius", "Positive", { required: true })]),
    struct("Square", [member("side", "Positive", { required: true })]),
    alt("Scalar", true, [ref(STRING), ref("Percent")]),
    // Enums and other scalars.
    enumOf("Status", ["abc", "def", "jkl"]),
    intEnumOf("Level", [1, 2, 3]),
    struct("Misc", [
      member("Data", "Bytes"),
      member("When", "smithy.api#Timestamp"),
      member("Flag", "smithy.api#Boolean"),
      member("Big", "smithy.api#Long"),
    ]),
    { ...base, type: "blob", id: id("Bytes"), name: "Bytes", constraints: { length: { min: 2, max: 4 } } },
  ]);
}

/** Emitted, formatted files of one model: `validators.ts` and the `runtime.ts` it imports. */
export async function emitFiles(m: ResolvedModel, diags = new Diagnostics()): Promise<Map<string, string>> {
  const names = assignNames(m, diags);
  const templates = loadTemplates();
  const header = templates.header({ model: m.name, sources: m.sources, service: m.service.name });
  const validators = emitValidators(m, names, diags);
  const helpers = HELPER_FILES.filter((h) => validators.dependencies().includes(h));
  return new Map([
    ["runtime.ts", await formatTypeScript(templates.runtime({ header }))],
    ["validators.ts", await formatTypeScript(validators.render(header))],
    ...(await Promise.all(helpers.map(async (h) => [h, await formatTypeScript(templates.helper(h, { header }))] as const))),
  ]);
}

let counter = 0;

/** Writes the emitted folder under .tmp/ and imports its validators.ts. */
export async function emitAndImport(m: ResolvedModel): Promise<{
  files: Map<string, string>;
  validate: (name: string) => Validator;
}> {
  const files = await emitFiles(m);
  const dir = resolve(".tmp", "validators-tests", `${m.name}-${process.pid}-${counter++}`);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of files) writeFileSync(join(dir, path), text);
  const mod = (await import(pathToFileURL(join(dir, "validators.ts")).href)) as Record<string, unknown>;
  return {
    files,
    validate: (name) => {
      const fn = mod[name];
      if (typeof fn !== "function") throw new Error(`validators.ts exports no ${name}`);
      return fn as Validator;
    },
  };
}

/** The message form Smithy uses, for expected values. */
export function msg(path: string, rule: string, detail?: string): string {
  return `Value${detail === undefined ? "" : " " + detail} at '${path}' failed to satisfy constraint: ${rule}`;
}
